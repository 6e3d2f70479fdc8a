//go:build !amd64 || purego

package rules

// pastRowsAVX2 is not called without amd64 (SIMD is false): see
// pastrows_amd64.go.
func pastRowsAVX2(t, acc, avg, im []float64, ns, a0, hi, eMax, eHi, accLo, accHi int, one, x float64) {
	panic("rules: pastRowsAVX2 without AVX2")
}

// pastRunAVX2 is not called without amd64 (SIMD is false): see
// pastrows_amd64.go.
func pastRunAVX2(t, acc, avg, im []float64, c, s, ns, rows, n int, one, x float64) {
	panic("rules: pastRunAVX2 without AVX2")
}
