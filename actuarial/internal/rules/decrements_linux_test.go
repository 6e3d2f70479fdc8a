//go:build linux && amd64 && !purego

package rules_test

import (
	"syscall"
	"testing"
	"unsafe"

	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// fenced returns a slice of m float64 (m ≥ 1) between two unreadable
// pages, starting where the first ends when atStart, else ending where the
// second begins: reading or writing before or past it faults.
func fenced(t *testing.T, m int, atStart bool) []float64 {
	t.Helper()
	page := syscall.Getpagesize()
	size := (8*m + page - 1) / page * page
	mem, err := syscall.Mmap(-1, 0, size+2*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip("mmap:", err)
	}
	t.Cleanup(func() { syscall.Munmap(mem) })
	if err := syscall.Mprotect(mem[:page], syscall.PROT_NONE); err != nil {
		t.Skip("mprotect:", err)
	}
	if err := syscall.Mprotect(mem[page+size:], syscall.PROT_NONE); err != nil {
		t.Skip("mprotect:", err)
	}
	off := page + size - 8*m
	if atStart {
		off = page
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(&mem[off])), m)
}

// TestDependentFieldsAVX2Bounds has dependentFieldsAVX2 take rows of 1 to
// 13 cells (every length mod 4) whose nine slices each start where an
// unreadable page ends, then end where one begins: the kernel reads and
// writes nothing outside the row, or the test faults. The fields are the
// Go form's (FillServicesByField with SIMD false) bit for bit.
func TestDependentFieldsAVX2Bounds(t *testing.T) {
	if !rules.HasSIMD {
		t.Skip("no AVX2 form here")
	}
	defer func(s bool) { rules.SIMD = s }(rules.SIMD)
	const d0 = 0.0123456789
	for n := 1; n <= 13; n++ {
		// The Go form's fields, of a table of n services at age 0.
		ms := n - 1
		plane := rules.NumAges * n
		dis, wd, merit := make([]float64, plane), make([]float64, plane), make([]float64, plane)
		for j := range n {
			dis[j], wd[j], merit[j] = 0.001*float64(j%3), 0.05/float64(j+1), 1+0.01*float64(j)
		}
		want := make([]float64, 6*plane)
		rules.SIMD = false
		rules.DecrementsOf(ms, dis, wd, merit, false).FillServicesByField(want, plane, 0, 0, 0, ms, d0)
		for _, atStart := range []bool{true, false} {
			var s [9][]float64
			for i := range s {
				s[i] = fenced(t, n, atStart)
			}
			copy(s[6], dis)
			copy(s[7], wd)
			copy(s[8], merit)
			rules.DependentFieldsAVX2(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], d0)
			for k := range 6 {
				if c := sameBits(want[k*plane:k*plane+n], s[k]); c >= 0 {
					t.Fatalf("%d cells (at start %v): field %d of cell %d: %v, want %v", n, atStart, k, c, s[k][c], want[k*plane+c])
				}
			}
		}
	}
}
