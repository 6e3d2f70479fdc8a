//go:build !amd64 || purego

package projection

// stepRowsAVX2 is not called without amd64 (or with the purego tag): simd
// is false. See steprow_amd64.go.
func stepRowsAVX2(k *stepKernel, hi, lo int) int {
	panic("projection: stepRowsAVX2 without AVX2")
}
