package stochastic

import (
	"math"
	"slices"
	"testing"
)

// TestJointScratch: a Joint's paths drawn with a worker's scratch kept from
// one path to the next (Run's workers), in any order and across a change of
// parameters, are Path's, bit for bit; a bad parameter is the same error.
func TestJointScratch(t *testing.T) {
	g := Joint{
		Mean:   [NumJoint]float64{math.Log1p(0.045), math.Log1p(0.04), math.Log1p(0.03)},
		StdDev: [NumJoint]float64{0.10, 0.02, 0},
		Corr:   [NumJoint][NumJoint]float64{{1, 0.2, 0.1}, {0.2, 1, 0.6}, {0.1, 0.6, 1}},
		Seed:   7,
	}
	h := g
	h.StdDev[JointInflation], h.Seed = 0.015, 8
	newPath := func(years int) *Path {
		return &Path{Return: make([]float64, years), WageGrowth: make([]float64, years), Inflation: make([]float64, years)}
	}
	var js jointScratch
	for _, c := range []struct {
		g     Joint
		i     int
		years int
	}{{g, 3, 40}, {g, 0, 40}, {h, 3, 40}, {h, 3, 25}, {g, 11, 25}, {g, 3, 40}} {
		want, got := newPath(c.years), newPath(c.years)
		if err := c.g.Path(want, c.i); err != nil {
			t.Fatal(err)
		}
		if err := c.g.path(got, c.i, &js); err != nil {
			t.Fatal(err)
		}
		for k, s := range [][2][]float64{{want.Return, got.Return}, {want.WageGrowth, got.WageGrowth}, {want.Inflation, got.Inflation}} {
			if !slices.Equal(s[0], s[1]) {
				t.Fatalf("seed %d, scenario %d, %d years, series %d: %v with the scratch, want %v", c.g.Seed, c.i, c.years, k, s[1], s[0])
			}
		}
	}
	bad := g
	bad.Corr[0][1] = 2
	wantErr := bad.Path(newPath(5), 0)
	if wantErr == nil {
		t.Fatal("no error for a correlation of 2")
	}
	if err := bad.path(newPath(5), 0, &js); err == nil || err.Error() != wantErr.Error() {
		t.Fatalf("error %v with the scratch, want %v", err, wantErr)
	}
}
