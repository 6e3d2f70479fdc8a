package projection

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestJoinRowSIMD: joinRow's AVX2 form leaves every cell, of the pensions
// in payment and of those awarded (emptied), bit for bit as its Go form
// does, on random strips of 1 to 121 ages whose cells awarded are empty
// (no amounts) at some ages, the cells in payment at others.
func TestJoinRowSIMD(t *testing.T) {
	if !simd {
		t.Skip("no AVX2 form (simd is false)")
	}
	defer func() { simd = true }()
	rng := rand.New(rand.NewPCG(16, 6))
	for trial := range 2000 {
		m := 1 + trial%121
		var in [6][]float64 // pn, pa, po, wn, wa, wo
		for i := range in {
			in[i] = make([]float64, m)
		}
		for c := range m {
			if rng.IntN(4) > 0 {
				in[0][c] = rng.Float64() * 50
				in[1][c] = in[0][c] * 1e4 * (0.2 + rng.Float64())
				in[2][c] = in[1][c] * rng.Float64()
			}
			if rng.IntN(3) > 0 {
				in[3][c] = rng.Float64() * 5
				in[4][c] = in[3][c] * 1e4 * (0.2 + rng.Float64())
				in[5][c] = in[4][c] * rng.Float64()
			}
		}
		ix := 1 + 0.05*rng.Float64()
		var g, v [6][]float64
		for i := range in {
			g[i] = append([]float64(nil), in[i]...)
			v[i] = append([]float64(nil), in[i]...)
		}
		simd = false
		joinRow(g[0], g[1], g[2], g[3], g[4], g[5], ix)
		simd = true
		joinRow(v[0], v[1], v[2], v[3], v[4], v[5], ix)
		for i := range g {
			for c := range m {
				if math.Float64bits(g[i][c]) != math.Float64bits(v[i][c]) {
					t.Fatalf("trial %d (m %d): slice %d cell %d: %v (Go) against %v (AVX2)", trial, m, i, c, g[i][c], v[i][c])
				}
			}
		}
	}
}
