//go:build !amd64 || purego

package rules

// SIMD is false: without amd64 (or with the purego tag) the kernels run
// their Go forms only. See simd_amd64.go.
var SIMD = false

// HasSIMD is false: the AVX2 forms cannot run. See simd_amd64.go.
var HasSIMD = false
