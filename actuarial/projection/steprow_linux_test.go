//go:build linux && amd64 && !purego

package projection

import (
	"math"
	"syscall"
	"testing"
	"unsafe"
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

// TestStepRowAVX2Bounds calls stepRowAVX2 on rows of 1 to 13 cells that
// end where memory does (each slice before an unreadable page; decV's
// last row before its padding and the page): the kernel reads and writes
// nothing past them, or the test faults. The survivors are the Go form's,
// bit for bit.
func TestStepRowAVX2Bounds(t *testing.T) {
	if !hasSIMD {
		t.Skip("no AVX2 form here")
	}
	const plane = 64
	for cells := 1; cells <= 13; cells++ {
		n, s, ac, fd := guarded(t, cells), guarded(t, cells), guarded(t, cells), guarded(t, cells)
		nxN, nxS := guarded(t, cells), guarded(t, cells)
		dv := guarded(t, decFields*plane+3)
		row := plane - cells // the plane's last cells
		for j := range cells {
			n[j], s[j], ac[j], fd[j] = float64(j+1), 3e4*float64(j+1), 1, 0.4
			for f := range decFields {
				dv[f*plane+row+j] = 0.01 * float64(f+1)
			}
		}
		for i := decFields * plane; i < len(dv); i++ {
			dv[i] = math.NaN() // the padding: the lanes past the row are empty, and add 0·NaN nowhere
		}
		var k stepKernel
		k.start(&stepConst{wage: 1.03, ceiling: 1e5, halfRate: 0.05}, math.Inf(1), 1e3)
		want := make([]float64, 2*cells)
		for j := range cells {
			want[j] = n[j] * dv[4*plane+row+j]
			want[cells+j] = s[j] * dv[5*plane+row+j] * 1.03
		}
		stepRowAVX2(&k, &n[0], &s[0], &dv[row], &ac[0], &fd[0], &nxN[0], &nxS[0], cells, plane)
		for j := range cells {
			if nxN[j] != want[j] || nxS[j] != want[cells+j] || n[j] != 0 || s[j] != 0 {
				t.Fatalf("%d cells, cell %d: survivors %v, %v, left %v, %v; want %v, %v, 0, 0",
					cells, j, nxN[j], nxS[j], n[j], s[j], want[j], want[cells+j])
			}
		}
		if math.IsNaN(k.surv) || math.IsNaN(hsum4(&k.bill)) {
			t.Fatalf("%d cells: the padding reached the sums", cells)
		}
	}
}
