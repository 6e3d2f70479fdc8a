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
// 13 cells (every length mod 4) whose rates and merits each start where
// an unreadable page ends, then end where one begins, and whose six
// fields (planes of the row and 0 to 3 cells more) start after such a
// page, the last field's row ending before one: the kernel reads and
// writes nothing outside the row, or the test faults, and leaves the cells
// between the planes' rows alone. The fields are the Go form's
// (FillServicesByField with SIMD false) bit for bit.
func TestDependentFieldsAVX2Bounds(t *testing.T) {
	if !rules.HasSIMD {
		t.Skip("no AVX2 form here")
	}
	defer func(s bool) { rules.SIMD = s }(rules.SIMD)
	const d0 = 0.0123456789
	const untouched = -7.0
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
			for pad := range 4 {
				var r [3][]float64
				for i := range r {
					r[i] = fenced(t, n, atStart)
				}
				copy(r[0], dis)
				copy(r[1], wd)
				copy(r[2], merit)
				p := n + pad
				v := fenced(t, 5*p+n, pad%2 == 0)
				for i := range v {
					v[i] = untouched
				}
				rules.DependentFieldsAVX2(&v[0], p, r[0], r[1], r[2], d0)
				for k := range 6 {
					if c := sameBits(want[k*plane:k*plane+n], v[k*p:k*p+n]); c >= 0 {
						t.Fatalf("%d cells (pad %d, at start %v): field %d of cell %d: %v, want %v", n, pad, atStart, k, c, v[k*p+c], want[k*plane+c])
					}
					for j := n; j < p && k < 5; j++ {
						if v[k*p+j] != untouched {
							t.Fatalf("%d cells (pad %d): field %d, cell %d past the row written: %v", n, pad, k, j, v[k*p+j])
						}
					}
				}
			}
		}
	}
}
