//go:build !amd64 || purego

package rules

// factorTailAVX2 is not called without amd64 (SIMD is false): see
// poly_amd64.go.
func factorTailAVX2(out, f []float64, r float64) {
	panic("rules: factorTailAVX2 without AVX2")
}

// polyRows3AVX2 is not called without amd64 (SIMD is false): see
// poly_amd64.go.
func polyRows3AVX2(out, f, d []float64, sLo, sHi, tLo, tHi, same []int, ns, lo, pos int, x1, x2 float64) (bad int) {
	panic("rules: polyRows3AVX2 without AVX2")
}

// polyRatioTailAVX2 is not called without amd64 (SIMD is false): see
// poly_amd64.go.
func polyRatioTailAVX2(r []float64, have, need []bool, d []float64, k int, xp []float64, same int, in0, in1, out0, out1 []float64) (head int) {
	panic("rules: polyRatioTailAVX2 without AVX2")
}

// polyRatioRowsAVX2 is not called without amd64 (SIMD is false): see
// poly_amd64.go.
func polyRatioRowsAVX2(r []float64, have, need []bool, d []float64, k int, xp []float64, same, aLo, aHi, bLo, bHi []int, in, out []float64, plane, ns, lo, hi int) (age int) {
	panic("rules: polyRatioRowsAVX2 without AVX2")
}
