//go:build !amd64 || purego

package projection

// simd is false: without amd64 (or with the purego tag) the kernels run
// their Go forms only. See simd_amd64.go.
var simd = false

// hasSIMD is false: the AVX2 forms cannot run. See simd_amd64.go.
var hasSIMD = false
