//go:build !amd64 || purego

package projection

// joinRowAVX2 is not called without amd64 (simd is false): see
// joinrow_amd64.go.
func joinRowAVX2(pn, pa, po, wn, wa, wo []float64, ix float64) {
	panic("projection: joinRowAVX2 without AVX2")
}
