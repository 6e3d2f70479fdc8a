//go:build amd64 && !purego

package projection

import "golang.org/x/sys/cpu"

// simd reports whether the kernels run their AVX2 forms, written in
// assembly beside their Go forms: on amd64 processors with AVX2 (and the
// operating system's support for its registers), unless built with the
// purego tag. Every AVX2 form has a Go twin that tests compare it with;
// tests turn simd off to run the Go forms.
var simd = cpu.X86.HasAVX2

// hasSIMD is simd's setting at start: whether the AVX2 forms can run here,
// so that a Projector keeps what they read (Projector.decV) whatever simd
// is later set to (tests turn it off and on again).
var hasSIMD = simd
