package stochastic_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial/stochastic"
)

// On the outcomes 1, 2, ..., 100 (in a shuffled order) the empirical
// 95th percentile is 95, the smallest value with at least 95% of the sample
// at or below it, and the CTE at 95% the mean of the 5 largest, 98
// (definitions of the package documentation). The CTE's error is
// √((s²_tail + α·(CTE − VaR)²)/k) with s²_tail = 2.5, the variance of
// 96..100, and k = 5 (Manistre and Hancock, 2005).
func TestRiskOnKnownSample(t *testing.T) {
	const tolExact = 1e-12
	o := &stochastic.Outcomes{StartYear: 2025, Years: 1, HorizonYears: 1}
	for k := range 100 {
		v := float64((k*37)%100 + 1)
		o.GAP = append(o.GAP, v)
		o.DeficitPV = append(o.DeficitPV, 2*v)
		o.Depletion = append(o.Depletion, 0)
	}
	r, err := o.Risk(stochastic.GAP, []float64{0.95})
	require.NoError(t, err)
	assert.Equal(t, 95.0, r[0].VaR.Value)
	assert.InDelta(t, 98, r[0].CTE.Value, tolExact)
	assert.InDelta(t, math.Sqrt((2.5+0.95*9)/5), r[0].CTE.StdErr, tolExact)
	// The VaR's error: ranks 95 ± √(100·0.95·0.05) = 95 ± 2.18, so the
	// order statistics 92 and 98: (98 − 92)/2 = 3.
	assert.Equal(t, 3.0, r[0].VaR.StdErr)

	pcts, mean, err := o.Distribution(stochastic.DeficitPV, []float64{0.5})
	require.NoError(t, err)
	assert.Equal(t, 100.0, pcts[0].Value)
	assert.InDelta(t, 101, mean.Value, tolExact)

	_, err = o.Risk(stochastic.GAP, []float64{1})
	assert.ErrorIs(t, err, stochastic.ErrParameter)
}

// The depletion year's distribution: counts by year, the probability of
// exhaustion by each year and the percentiles of the depletion year.
func TestDepletion(t *testing.T) {
	o := &stochastic.Outcomes{StartYear: 2025, Years: 4, Depletion: []int{2026, 0, 2026, 2028, 0, 0, 2025, 0}}
	counts, never := o.DepletionCounts(nil)
	assert.Equal(t, []int{1, 2, 0, 1}, counts)
	assert.Equal(t, 4, never)
	ex := o.Exhaustion(nil)
	assert.Equal(t, []float64{1.0 / 8, 3.0 / 8, 3.0 / 8, 4.0 / 8}, []float64{ex[0].Value, ex[1].Value, ex[2].Value, ex[3].Value})
	assert.InDelta(t, math.Sqrt(0.5*0.5/8), ex[3].StdErr, 1e-15, "binomial error")
	assert.Equal(t, ex[1], o.ExhaustionBy(2026))
	e, ok, err := o.DepletionPercentile(0.25)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, 2026.0, e.Value)
	_, ok, err = o.DepletionPercentile(0.75)
	require.NoError(t, err)
	assert.False(t, ok, "beyond the projection")
}
