package stochastic_test

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
)

// A reserve of 1,000,000 paying 90,000 a year less a state transfer x: the
// solve finds the transfer that keeps P(exhausted by 2044) at 10% or less.
// With common random numbers each scenario's reserve rises with x, so the
// probability is a step function of x. An identity checks the answer: in
// scenario k the reserve at the end of year t is R(0)·A_t − c·B_t, linear in
// the outflow c = 90,000 − x (A_t the accumulated returns, B_t the
// accumulated mid-year payments), so scenario k survives to 2044 iff
// c ≤ c_k = min_t R(0)·A_t/B_t; the 10% bound holds from the outflow c at
// the 10th percentile of the c_k, found here from the Lognormal paths.
func TestSolveRisk(t *testing.T) {
	const r0, out0, years, n, p = 1e6, 90000.0, 20, 500, 0.10
	g := stochastic.Lognormal{Mu: 0.03, Sigma: 0.15, Seed: 4}
	apply := func(x float64) (*scheme.Scheme, error) { return reserveOnly(t, r0, x-out0), nil }
	c := stochastic.Config{Years: years, Scenarios: n}
	target := stochastic.RiskTarget{By: 2025 + years - 1, MaxProbability: p, Lo: 0, Hi: 90000, Tol: 1}
	sol, err := stochastic.SolveRisk(context.Background(), apply, g, c, target)
	require.NoError(t, err)
	assert.LessOrEqual(t, sol.Probability.Value, p)
	assert.Greater(t, sol.Below.Value, p)
	assert.InDelta(t, math.Sqrt(sol.Probability.Value*(1-sol.Probability.Value)/n), sol.Probability.StdErr, 1e-15)

	// The identity: the sustainable outflow of each scenario.
	ck := make([]float64, n)
	path := newPath(years, stochastic.SeriesReturn)
	for k := range n {
		require.NoError(t, g.Path(path, k))
		a, b := 1.0, 0.0
		ck[k] = math.Inf(1)
		for _, i := range path.Return {
			a *= 1 + i
			b = b*(1+i) + math.Sqrt(1+i)
			ck[k] = math.Min(ck[k], r0*a/b)
		}
	}
	// P(c > c_k) ≤ p: at most p·n scenarios with c_k below the outflow.
	outflow := out0 - sol.X
	below := 0
	for _, v := range ck {
		if v < outflow {
			below++
		}
	}
	assert.LessOrEqual(t, float64(below), p*n)
	outflow += target.Tol
	below = 0
	for _, v := range ck {
		if v < outflow {
			below++
		}
	}
	assert.Greater(t, float64(below), p*n, "one tolerance lower, the bound fails")

	_, err = stochastic.SolveRisk(context.Background(), apply, g, c, stochastic.RiskTarget{By: target.By, MaxProbability: p, Lo: 0, Hi: 1})
	assert.Error(t, err, "not reachable within the bracket")
}
