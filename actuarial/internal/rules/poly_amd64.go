//go:build amd64 && !purego

package rules

// factorTailAVX2 sets out[j] = f[j]·r for the f[j] > 0 (the others left
// alone), j < len(f), four cells at a time in AVX2 (poly_amd64.s), the
// last len mod 4 under a mask: the row tails of [PolyFactorRows] with k ≠ 3,
// bit for bit its Go loop's values. len(out) ≥ len(f).
//
//go:noescape
func factorTailAVX2(out, f []float64, r float64)

// polyRows3AVX2 is PolyFactorRows with k = 3 in AVX2 (poly_amd64.s), the
// rows lo..len(sLo)−1 (lo ≥ 0; sHi, tLo and tHi as long as sLo, same nil
// or as long), the services max(sLo, tLo)..min(sHi, tHi) of each, four
// cells at a time, the last of each run under a mask (or, a row of four
// cells or more from its factors' ratio, the row's last four again,
// overlapping): every value its
// Go form's bit for bit (the products rounded, no fused multiply-add, and
// summed in its order). It checks each row's indices against the slices'
// lengths before writing the row, and returns the first age out of them
// (−1: none), the rows before it done.
//
//go:noescape
func polyRows3AVX2(out, f, d []float64, sLo, sHi, tLo, tHi, same []int, ns, lo, pos int, x1, x2 float64) (bad int)

// polyRatioTailAVX2 is the tail of equal coefficients of
// [PolyRatioFactors] in AVX2 (poly_amd64.s), the cells from j0 =
// max(same, 0) on when j0 < len(need): their ratio v, PolyRatio's of
// d[j0·k:(j0+1)·k] at xp, and for the need[j], r[j] = v, have[j] = true,
// out0[j] = in0[j]·v and out1[j] = in1[j]·v (the other cells left alone),
// four cells at a time, the last (len(need) − j0) mod 4 under a mask, bit
// for bit the Go form's values. It returns the cells left to do before
// them, j0 (len(need) when there is no tail), or −1, with nothing done,
// when d or xp is too short or k < 1. r, have, in0, in1, out0 and out1
// are at least as long as need.
//
//go:noescape
func polyRatioTailAVX2(r []float64, have, need []bool, d []float64, k int, xp []float64, same int, in0, in1, out0, out1 []float64) (head int)

// polyRatioRowsAVX2 is [PolyRatioFactorRows] in AVX2 (poly_amd64.s) from
// the row lo on: each row whose services s0..s1 (0 ≤ s0, s1 < ns) lie in
// its tail of equal coefficients (same[age] ≤ s0) is done as
// polyRatioTailAVX2 does a row, its ratio that of cell age·ns + s0, bit
// for bit the Go form's values; it returns the first age up to hi whose
// row it leaves to the caller (cells before the tail, or services out of
// 0..ns−1), with the rows before it done, or hi + 1. The slices r, have
// and need hold (hi+1)·ns cells at least, d k of them a cell, in and out
// plane + (hi+1)·ns, xp k ≥ 1 powers, and same, aLo, aHi, bLo and bHi hi+1
// ages (PolyRatioFactorRows checks).
//
//go:noescape
func polyRatioRowsAVX2(r []float64, have, need []bool, d []float64, k int, xp []float64, same, aLo, aHi, bLo, bHi []int, in, out []float64, plane, ns, lo, hi int) (age int)
