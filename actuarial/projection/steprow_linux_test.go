//go:build linux && amd64 && !purego

package projection

import (
	"math"

	"syscall"
	"testing"
	"unsafe"

	"github.com/reserva-go/reserva/actuarial/census"
)

// guarded returns a slice of m float64 that ends where an unreadable page
// begins: reading or writing past it faults.
func guarded(t *testing.T, m int) []float64 {
	t.Helper()
	page := syscall.Getpagesize()
	size := (8*m + page - 1) / page * page
	mem, err := syscall.Mmap(-1, 0, size+page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip("mmap:", err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	if err := syscall.Mprotect(mem[size:], syscall.PROT_NONE); err != nil {
		t.Skip("mprotect:", err)
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(&mem[size-8*m])), m)
}

// TestStepRowAVX2Bounds has stepRowsAVX2 take rows of 1 to 13 cells that
// end where memory does: the last age's row reaching MaxService (12) at
// the end of each plane (n, s, acc, fd, each before an unreadable page;
// decV's last field before its padding and the page), its survivors at the
// end of the scratch rows: the kernel reads and writes nothing past them,
// or the test faults. It stops after the row (the last age's, its
// survivors the caller's), which it empties, the survivors the Go form's,
// bit for bit.
func TestStepRowAVX2Bounds(t *testing.T) {
	if !hasSIMD {
		t.Skip("no AVX2 form here")
	}
	const ms = 12
	const ns = ms + 1
	const plane = nAges * ns
	n, s, ac, fd := guarded(t, plane), guarded(t, plane), guarded(t, plane), guarded(t, plane)
	scN, scS := guarded(t, ns+1), guarded(t, ns+1)
	dv := guarded(t, decFields*plane+3)
	for i := decFields * plane; i < len(dv); i++ {
		dv[i] = math.NaN() // the padding: the lanes past the row are empty, and add 0·NaN nowhere
	}
	const age = census.MaxCensusAge
	for cells := 1; cells <= ns; cells++ {
		sLo := ns - cells
		row := age*ns + sLo // the plane's last cells
		for j := range cells {
			n[row+j], s[row+j], ac[row+j], fd[row+j] = float64(j+1), 3e4*float64(j+1), 1, 0.4
			for f := range decFields {
				dv[f*plane+row+j] = 0.01 * float64(f+1)
			}
		}
		svLo, svHi := make([]int, nAges), make([]int, nAges)
		svLo[age], svHi[age] = sLo, ms
		var ds [nAges]disSums
		var k stepKernel
		k.start(&stepConst{wage: 1.03, ceiling: 1e5, halfRate: 0.05}, math.Inf(1), 1e3)
		k.n, k.s, k.acc, k.fd, k.dv, k.scratchN, k.scratchS = &n[0], &s[0], &ac[0], &fd[0], &dv[0], &scN[0], &scS[0]
		k.svLo, k.svHi, k.ds, k.ms, k.plane = &svLo[0], &svHi[0], &ds[0], ms, plane
		want := make([]float64, 2*cells)
		for j := range cells {
			want[j] = n[row+j] * dv[4*plane+row+j]
			want[cells+j] = s[row+j] * dv[5*plane+row+j] * 1.03
		}
		if got := stepRowsAVX2(&k, age, age); got != age || k.sLo != sLo || k.sHi != ms {
			t.Fatalf("%d cells: stopped at age %d, services %d–%d; want %d, %d–%d", cells, got, k.sLo, k.sHi, age, sLo, ms)
		}
		for j := range cells {
			if scN[sLo+1+j] != want[j] || scS[sLo+1+j] != want[cells+j] || n[row+j] != 0 || s[row+j] != 0 {
				t.Fatalf("%d cells, cell %d: survivors %v, %v, left %v, %v; want %v, %v, 0, 0",
					cells, j, scN[sLo+1+j], scS[sLo+1+j], n[row+j], s[row+j], want[j], want[cells+j])
			}
		}
		if svLo[age] != ns || svHi[age] != -1 {
			t.Fatalf("%d cells: services %d–%d left, want %d–-1 (empty)", cells, svLo[age], svHi[age], ns)
		}
		if math.IsNaN(k.surv) || math.IsNaN(hsum4(&k.bill)) || math.IsNaN(ds[age].disAmt) {
			t.Fatalf("%d cells: the padding reached the sums", cells)
		}
		clear(scN)
		clear(scS)
	}
}
