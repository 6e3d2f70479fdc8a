//go:build !amd64 || purego

package projection

// pensionRowAVX2 is not called without amd64 (simd is false): see
// pensionrow_amd64.go.
func pensionRowAVX2(n, a, o, q, dn, da []float64, ix, floor, cap float64, limited, own bool, paid, topUp, deaths float64) (p, t, d float64, moved bool) {
	panic("projection: pensionRowAVX2 without AVX2")
}
