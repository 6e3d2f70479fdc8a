//go:build amd64 && !purego

package rules

import "golang.org/x/sys/cpu"

// SIMD reports whether the rules' kernels with AVX2 forms (written in
// assembly beside their Go forms) run them: on amd64 processors with AVX2
// (and the operating system's support for its registers), unless built with
// the purego tag. Every AVX2 form has a Go twin that tests compare it with;
// tests set SIMD false to run the Go forms, and never true where HasSIMD is
// false. The projection engine's own kernels follow the same switch
// (projection's simd).
var SIMD = cpu.X86.HasAVX2

// HasSIMD is SIMD's setting at start: whether the AVX2 forms can run here.
var HasSIMD = SIMD
