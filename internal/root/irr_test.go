package root

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIRR checks the internal rate of return against closed forms: one
// contribution C at t = 0 and one payment P at t = n return
// r = (P/C)^(1/n) − 1, since C·(1+r)^n = P; and a level annuity-immediate
// of n payments of 1 bought for a_n at rate i returns i (a_n = (1 − v^n)/i,
// the definition of the annuity's value).
func TestIRR(t *testing.T) {
	const tol = 1e-10 // Brent's bracket is 1e-12 wide; the rates are ~1e-2
	for _, tc := range []struct {
		name string
		c, p float64
		n    float64
	}{
		{"double in 10 years", 100, 200, 10},
		{"lose half in 5 years", 100, 50, 5},
		{"a half year", 1000, 1020, 0.5},
		{"40 years at 3%", 1, math.Pow(1.03, 40), 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := IRR([]float64{0, tc.n}, []float64{-tc.c, tc.p})
			require.NoError(t, err)
			assert.InDelta(t, math.Pow(tc.p/tc.c, 1/tc.n)-1, r, tol)
		})
	}
	t.Run("annuity", func(t *testing.T) {
		const i, n = 0.045, 20
		an := (1 - math.Pow(1+i, -n)) / i
		times, flows := []float64{0}, []float64{-an}
		for k := 1; k <= n; k++ {
			times, flows = append(times, float64(k)), append(flows, 1)
		}
		r, err := IRR(times, flows)
		require.NoError(t, err)
		assert.InDelta(t, i, r, tol)
	})
	t.Run("one sign", func(t *testing.T) {
		_, err := IRR([]float64{0, 1}, []float64{1, 2})
		assert.True(t, errors.Is(err, ErrNoRoot), "%v", err)
	})
	t.Run("not finite", func(t *testing.T) {
		_, err := IRR([]float64{0, 1}, []float64{-1, math.NaN()})
		assert.ErrorContains(t, err, "flow 1")
	})
}
