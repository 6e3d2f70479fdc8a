package root

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBrent checks Brent's method on roots known in closed form or to full
// precision: Wallis's cubic x³ − 2x − 5, the example of Brent (1973, ch. 4)
// and of Numerical Recipes §9 (root 2.0945514815423265); the Dottie number,
// the root of cos x − x (0.7390851332151607); √2 as the root of x² − 2;
// and a root at a bracket's end. The final bracket must hold the root and
// be no wider than tol + 4·ε·|x|.
func TestBrent(t *testing.T) {
	const tol = 1e-10 // the bracket width asked for
	tests := []struct {
		name string
		f    func(float64) float64
		a, b float64
		root float64
	}{
		{"Wallis cubic", func(x float64) float64 { return x*x*x - 2*x - 5 }, 2, 3, 2.0945514815423265},
		{"Dottie number", func(x float64) float64 { return math.Cos(x) - x }, 0, 1, 0.7390851332151607},
		{"square root of 2", func(x float64) float64 { return x*x - 2 }, 0, 2, math.Sqrt2},
		{"decreasing", func(x float64) float64 { return 2 - x*x }, 0, 2, math.Sqrt2},
		{"root at the end", func(x float64) float64 { return x - 1 }, 0, 1, 1},
		{"step", func(x float64) float64 {
			if x < 0.3 {
				return -1
			}
			return 1
		}, 0, 1, 0.3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			f := func(x float64) (float64, error) { calls++; return tc.f(x), nil }
			best, other, err := Brent(f, Point{tc.a, tc.f(tc.a)}, Point{tc.b, tc.f(tc.b)}, tol)
			require.NoError(t, err)
			width := tol + 4*0x1p-52*math.Abs(tc.root)
			assert.LessOrEqual(t, math.Abs(best.X-other.X), width, "bracket [%v, %v]", best.X, other.X)
			lo, hi := math.Min(best.X, other.X), math.Max(best.X, other.X)
			assert.True(t, lo <= tc.root && tc.root <= hi || math.Abs(best.X-tc.root) <= width, "root %v outside [%v, %v]", tc.root, lo, hi)
			assert.LessOrEqual(t, math.Abs(best.F), math.Abs(other.F))
			assert.Less(t, calls, 60, "Brent never needs many more steps than bisection's ~34")
		})
	}
	t.Run("error stops", func(t *testing.T) {
		boom := errors.New("boom")
		_, _, err := Brent(func(float64) (float64, error) { return 0, boom }, Point{0, -1}, Point{1, 1}, tol)
		assert.ErrorIs(t, err, boom)
	})
}

// TestBisectInts checks the integer search on a threshold it must find
// exactly, both ways round.
func TestBisectInts(t *testing.T) {
	for th := -3; th <= 12; th++ {
		n, miss, err := BisectInts(func(n int) (bool, error) { return n >= th, nil }, -4, 12, true)
		require.NoError(t, err)
		assert.Equal(t, max(th, -3), n)
		assert.Equal(t, n-1, miss)
		n, miss, err = BisectInts(func(n int) (bool, error) { return n <= th, nil }, -4, 13, false)
		require.NoError(t, err)
		assert.Equal(t, th, n)
		assert.Equal(t, n+1, miss)
	}
}
