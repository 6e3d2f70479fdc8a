package projection

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRowBoundsSIMD: rowBounds' AVX2 form sets every row's services and
// returns the entry ages' bounds as its Go form does, on random groups of
// 0 to 80 ages (every length mod 4) whose rows are populated in one sex,
// both or neither (empty: lo = ns, hi = −1), the services capped by ms or
// by the age (top + j) in turn.
func TestRowBoundsSIMD(t *testing.T) {
	if !simd {
		t.Skip("no AVX2 form (simd is false)")
	}
	defer func() { simd = true }()
	rng := rand.New(rand.NewPCG(16, 7))
	for trial := range 3000 {
		n := trial % 81
		ms := rng.IntN(50)
		ns := ms + 1
		top, a0 := rng.IntN(60)-20, rng.IntN(100)
		var in [4][]int // lo0, hi0, lo1, hi1
		for i := range in {
			in[i] = make([]int, n)
		}
		for j := range n {
			for sx := range 2 {
				lo, hi := ns, -1
				if rng.IntN(3) > 0 {
					lo = rng.IntN(ns)
					hi = lo + rng.IntN(ns-lo+3) // past ms at times
				}
				in[2*sx][j], in[2*sx+1][j] = lo, hi
			}
		}
		var g, v [2][]int
		for i := range g {
			g[i], v[i] = make([]int, n), make([]int, n)
		}
		simd = false
		gLo, gHi := rowBounds(g[0], g[1], in[0], in[1], in[2], in[3], ms, top, a0)
		simd = true
		vLo, vHi := rowBounds(v[0], v[1], in[0], in[1], in[2], in[3], ms, top, a0)
		if gLo != vLo || gHi != vHi || !slices.Equal(g[0], v[0]) || !slices.Equal(g[1], v[1]) {
			t.Fatalf("trial %d (n %d, ms %d, top %d, a0 %d): entry ages %d..%d (Go) against %d..%d (AVX2); rows %v %v (Go) against %v %v (AVX2)",
				trial, n, ms, top, a0, gLo, gHi, vLo, vHi, g[0], g[1], v[0], v[1])
		}
	}
}
