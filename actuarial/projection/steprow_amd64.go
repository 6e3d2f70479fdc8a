//go:build amd64 && !purego

package projection

import "unsafe"

// stepRowsAVX2 stores a row's dis, disAmt, deaths and deathAmt at once, one
// after the other from dis: their offsets are 0, 8, 16, 24, or these do
// not compile.
var (
	_ [0]struct{} = [unsafe.Offsetof(disSums{}.dis)]struct{}{}
	_ [0]struct{} = [unsafe.Offsetof(disSums{}.disAmt) - 8]struct{}{}
	_ [0]struct{} = [unsafe.Offsetof(disSums{}.deaths) - 16]struct{}{}
	_ [0]struct{} = [unsafe.Offsetof(disSums{}.deathAmt) - 24]struct{}{}
)

// stepRowsAVX2 is the AVX2 form of stepPlane's loop over the rows, from
// age hi down to lo, of k's plane (stepKernel), and of each row's cells,
// four cells at a time: the same products, in the same order, as the Go
// form, so that every cell's values (its survivors and their salaries,
// each term of every sum) are the Go form's bit for bit; the sums are
// taken by lane and reduced at the row's end (the row's, into ds[age] and
// k.surv) or the plane's (the year's, k.bill … k.cut). An empty row's ds
// is cleared; a row's survivors are stored in the next age's row, and its
// services, k.survivors, k.newLo and k.newHi updated as stepPlane does. It
// returns the age of the first row it leaves to its caller, or lo − 1: a
// row whose services are out of range (0 … ms), before its cells; a row at
// MaxService or at the last two ages (lastRowAge, its survivors in the
// scratch rows), after its cells and ds, its survivors left to the caller
// (k.sLo, k.sHi, k.surv). The branches are masks: the ceiling, cap and
// floor, rare, take a path of their own when they bind in one of the four
// cells; the comparisons are ordered, false for the NaN of 0·Inf in an
// empty cell (as the Go form's). A row's last cells (fewer than four) go
// through buffers on the stack, loaded with masks: nothing is read or
// written past the row but decV's fields, in the lanes past the row, whose
// n and s are 0: the next cells' decrements (finite: every term is 0) or,
// past the last plane, its padding (into FM, whose products are not
// stored).
//
//go:noescape
func stepRowsAVX2(k *stepKernel, hi, lo int) int
