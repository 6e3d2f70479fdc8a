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
