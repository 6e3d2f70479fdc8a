//go:build amd64 && !purego

package rules

// pastRowsAVX2 is [RatioPoly.PastContributionRows]'s loop over the ages
// a0..hi (a0 ≥ 1) in AVX2 (pastrows_amd64.s): for each age, the services
// s0 = max(0, age − eHi) to s1 = min(ns − 1, age − eMax) (eMax the greater
// of minEntry and eLo), the cell of service 0 set to 0 (and its past
// contributions to avg[0]·0), each other cell along its diagonal,
//
//	t[c] = ((one + t[c−ns−1])·im[c−ns−1])·x
//
// and, in the rows accLo..accHi, acc[c] = avg[s]·t[c]: four cells at a
// time, the last len mod 4 under a mask, every value the Go form's bit for
// bit (no fused multiply-add). It checks no bounds: the caller
// (pastRowsSIMD) has.
//
//go:noescape
func pastRowsAVX2(t, acc, avg, im []float64, ns, a0, hi, eMax, eHi, accLo, accHi int, one, x float64)

// pastRunAVX2 is pastRowsAVX2 for rows rows of one shape (pastrows_amd64.s):
// the row of the first, n ≥ 4 cells from cell c (service s ≥ 1), each next
// row's n cells ns + 1 cells further on (one service more), every cell
//
//	t[c] = ((one + t[c−ns−1])·im[c−ns−1])·x
//
// and acc[c] = avg[s]·t[c] where acc is not empty (len(acc) > 0; nil: the
// past salaries only), along the diagonals: four blocks of four diagonals
// at a time through every row, their values kept in registers from one
// row to the next (four chains of dependent operations in step, and no
// row reading back the stores of the row below, which a row at a time
// did: −40% of this kernel's time on the Intel Xeon, perf), the last
// group's blocks overlapping those before them when n is not a multiple
// of 16 (their cells computed again, to the same values: they depend on
// the row below the run only), every value the Go form's bit for bit. It
// checks no bounds: the caller (pastRowsSIMD) has.
//
//go:noescape
func pastRunAVX2(t, acc, avg, im []float64, c, s, ns, rows, n int, one, x float64)
