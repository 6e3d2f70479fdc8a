//go:build !amd64 || purego

package projection

// rowBoundsAVX2 is not called without amd64 (simd is false): see
// rowbounds_amd64.go.
func rowBoundsAVX2(rowLo, rowHi, lo0, hi0, lo1, hi1 []int, ms, top, a0, lo, hi int) (eLo, eHi int) {
	panic("projection: rowBoundsAVX2 without AVX2")
}
