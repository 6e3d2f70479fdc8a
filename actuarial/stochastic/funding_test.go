package stochastic_test

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/stochastic"
)

// The funding ratio is the reserve over a liability that is the same in
// every scenario, so its percentiles are the reserve's divided by the
// liability (division by a positive constant keeps the order): checked to
// tolDivide (relative, one rounding) against stat.Quantile of the ratios
// computed scenario by scenario, for a liability by year and a single one.
// With zero volatility it is the deterministic R_t/L_t to tolZeroVol.
func TestFundingRatio(t *testing.T) {
	const tolDivide, tolZeroVol, years, n = 1e-15, 1e-12, 20, 200
	s := actuarialtest.ReferenceScheme(t, 65)
	l0, err := projection.ClosedGroupLiability(s, 0)
	require.NoError(t, err)
	initial := l0.PUC.Total() + l0.Pensioners.Total()
	require.Greater(t, initial, 0.0)
	byYear := make([]float64, years)
	for tt := range byYear {
		byYear[tt] = initial * math.Pow(1.05, float64(tt+1))
	}
	out, err := stochastic.Run(context.Background(), s, fastEconomy(3), stochastic.Config{Years: years, Scenarios: n})
	require.NoError(t, err)
	ps := []float64{0.05, 0.5, 0.95}
	for name, l := range map[string][]float64{"by year": byYear, "initial": {initial}} {
		bands, err := out.FundingRatio(l, ps)
		require.NoError(t, err, name)
		col := make([]float64, n)
		for tt := range years {
			lt := l[min(tt, len(l)-1)]
			for k := range n {
				col[k] = out.Reserve[k*years+tt] / lt
			}
			slices.Sort(col)
			for j, p := range ps {
				want := stat.Quantile(p, stat.Empirical, col, nil)
				assert.InDelta(t, 1, bands[j].Value[tt]/want, tolDivide, "%s: p %v in year %d", name, p, tt)
			}
		}
	}

	det := project(t, s, years)
	zero, err := stochastic.Run(context.Background(), s, economy(3, 0), stochastic.Config{Years: years, Scenarios: 2})
	require.NoError(t, err)
	bands, err := zero.FundingRatio(byYear, nil)
	require.NoError(t, err)
	for tt := range years {
		want := det.Years[tt].ReserveEnd / byYear[tt]
		for _, b := range bands {
			assert.InDelta(t, 0, (b.Value[tt]-want)/math.Max(math.Abs(want), 1), tolZeroVol, "year %d", tt)
		}
	}

	for name, l := range map[string][]float64{"length": make([]float64, 3), "zero": {0}, "NaN": {math.NaN()}, "none": nil} {
		_, err := out.FundingRatio(l, nil)
		assert.ErrorIs(t, err, stochastic.ErrParameter, name)
	}
}

// The probability that the contribution needed exceeds a rate is the share
// of scenarios above it, with the binomial standard error √(p̂(1−p̂)/N)
// (an identity, to tolProb). With zero volatility it is 1 below the
// deterministic GAP (Result.Summarize) and cost rate, 0 above, with no
// error.
func TestProbAbove(t *testing.T) {
	const tolProb, years, n, eps = 1e-15, 25, 300, 1e-9
	s := actuarialtest.ReferenceScheme(t, 65)
	out, err := stochastic.Run(context.Background(), s, fastEconomy(8), stochastic.Config{Years: years, Scenarios: n})
	require.NoError(t, err)
	gaps := append([]float64(nil), out.GAP...)
	slices.Sort(gaps)
	rate := gaps[n*3/4]
	got, err := out.ProbGAPAbove(rate)
	require.NoError(t, err)
	k := 0
	for _, g := range out.GAP {
		if g > rate {
			k++
		}
	}
	p := float64(k) / n
	assert.InDelta(t, p, got.Value, tolProb)
	assert.InDelta(t, math.Sqrt(p*(1-p)/n), got.StdErr, tolProb)

	cr := 0.17 // the reference scheme's contribution rate, 6% + 10% + 1%
	byYear, err := out.ProbCostRateAbove(nil, cr)
	require.NoError(t, err)
	for tt := range years {
		k := 0
		for s := range n {
			if out.CostRate[s*years+tt] > cr {
				k++
			}
		}
		assert.InDelta(t, float64(k)/n, byYear[tt].Value, tolProb, "year %d", tt)
	}

	det := project(t, s, years)
	sum, err := indicator.Summarize(nil, det.Flows(nil), indicator.Horizon{})
	require.NoError(t, err)
	zero, err := stochastic.Run(context.Background(), s, economy(8, 0), stochastic.Config{Years: years, Scenarios: 4})
	require.NoError(t, err)
	for _, c := range []struct {
		rate, want float64
	}{{sum.GAP * (1 - eps), 1}, {sum.GAP * (1 + eps), 0}} {
		e, err := zero.ProbGAPAbove(c.rate)
		require.NoError(t, err)
		assert.Equal(t, stochastic.Estimate{Value: c.want}, e, "rate %v, deterministic GAP %v", c.rate, sum.GAP)
	}
	last := sum.PAYGCostRate[years-1]
	e, err := zero.ProbCostRateAbove(make([]stochastic.Estimate, years), last*(1-eps))
	require.NoError(t, err)
	assert.Equal(t, stochastic.Estimate{Value: 1}, e[years-1])

	_, err = out.ProbGAPAbove(math.NaN())
	assert.ErrorIs(t, err, stochastic.ErrParameter)
	none, err := stochastic.Run(context.Background(), reserveOnly(t, 1e6, 0), stochastic.Lognormal{Mu: 0.03, Sigma: 0.1}, stochastic.Config{Years: 5, Scenarios: 3})
	require.NoError(t, err)
	_, err = none.ProbGAPAbove(0.1)
	assert.ErrorIs(t, err, stochastic.ErrUndefined, "no salaries, no GAP")
	_, err = none.ProbCostRateAbove(nil, 0.1)
	assert.ErrorIs(t, err, stochastic.ErrUndefined, "no salaries, no cost rate")
}

// fastEconomy is economy(seed, 1) with wage growth at its mean: a
// projection with wage growth that varies from year to year recomputes its
// reference-salary ratios each year, some ten times slower.
func fastEconomy(seed uint64) stochastic.Joint {
	g := economy(seed, 1)
	g.StdDev[stochastic.JointWageGrowth] = 0
	return g
}
