//go:build amd64 && !purego

package projection

// stepRowAVX2 is the AVX2 form of stepPlane's loop over one row's cells
// (cells of them, n, s, ac and fd from the row's first populated cell, dv
// from its D in Projector.decV, whose fields are plane cells apart, nxN and
// nxS from the cell its survivors reach), four cells at a time: the
// same products, in the same order, as the Go form, so that every cell's
// values (its survivors and their salaries, each term of every sum) are the
// Go form's bit for bit; the sums are taken by lane and reduced at the
// row's end (the row's, into k.dis … k.topSum) or the plane's (the year's,
// k.bill … k.cut). The branches are masks: the ceiling, cap and floor,
// rare, take a path of their own when they bind in one of the four cells;
// the comparisons are ordered, false for the NaN of 0·Inf in an empty cell
// (as the Go form's). A row's last cells (fewer than four) go through
// buffers on the stack, loaded with masks: nothing is read or written past
// the row but decV's fields, in the lanes past the row, whose n and s are
// 0: the next cells' decrements (finite: every term is 0) or, past the
// last plane, its padding (into FM, whose products are not stored).
//
//go:noescape
func stepRowAVX2(k *stepKernel, n, s, dv, ac, fd, nxN, nxS *float64, cells, plane int)
