//go:build !amd64 || purego

package rules

// dependentFieldsAVX2 is not called without amd64 (SIMD is false): see
// decrements_amd64.go.
func dependentFieldsAVX2(v *float64, plane int, dis, wd, merit []float64, d0 float64) {
	panic("rules: dependentFieldsAVX2 without AVX2")
}
