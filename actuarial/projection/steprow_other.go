//go:build !amd64 || purego

package projection

// stepRowAVX2 is not called without amd64 (or with the purego tag): simd
// is false. See steprow_amd64.go.
func stepRowAVX2(k *stepKernel, n, s, dv, ac, fd, nxN, nxS *float64, cells, plane int) {
	panic("projection: stepRowAVX2 without AVX2")
}
