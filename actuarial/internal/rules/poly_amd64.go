//go:build amd64 && !purego

package rules

// factorTailAVX2 sets out[j] = f[j]·r for the f[j] > 0 (the others left
// alone), j < len(f), four cells at a time in AVX2 (poly_amd64.s), the
// last len mod 4 under a mask: the row tails of [PolyFactorRows], bit for
// bit its Go loop's values. len(out) ≥ len(f).
//
//go:noescape
func factorTailAVX2(out, f []float64, r float64)

// polyFactors3AVX2 sets out[j] = f[j]·(d[3j] + d[3j+1]·x1 + d[3j+2]·x2),
// the products rounded (no fused multiply-add) and summed in that order,
// for the f[j] > 0 (the others left alone), j < len(f), four cells at a
// time in AVX2 (poly_amd64.s), the last len mod 4 under a mask: the cells
// of [PolyFactorRows] with k = 3 before the rows' tails, bit for bit its
// Go loop's values. len(out) ≥ len(f), len(d) ≥ 3·len(f).
//
//go:noescape
func polyFactors3AVX2(out, f, d []float64, x1, x2 float64)

// ratioTailAVX2 sets, for the need[j], r[j] = v, have[j] = true, out0[j] =
// in0[j]·v and out1[j] = in1[j]·v (the other cells left alone), j <
// len(need), four cells at a time in AVX2 (poly_amd64.s), the last len
// mod 4 under a mask: the row tails of [PolyRatioFactors], bit for bit its
// Go loop's values. The other slices are at least as long as need.
//
//go:noescape
func ratioTailAVX2(r []float64, have, need []bool, in0, in1, out0, out1 []float64, v float64)
