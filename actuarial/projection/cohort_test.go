package projection_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial/projection"
)

// TestCohortValues checks the cohort measures by identities: the cohorts'
// present values add up to the result's (Result.PresentValues); the
// money's worth is PV benefits / PV contributions by definition; a value
// at entry is the value at the start accumulated to entry at the
// reference scheme's constant 4.5% return; and, at a constant discount
// rate i, a cohort's money's worth exceeds 1 exactly when its internal
// rate of return exceeds i (its net present value at i is positive, and
// for flows that turn from contributions to benefits once the value falls
// with the rate), checked for the cohorts born 1960–2030 whose lives the
// 100 years cover (younger ones are cut off by the horizon). The IRR itself is checked in closed form in
// internal/root (TestIRR: one contribution C at 0, one payment P at n,
// r = (P/C)^(1/n) − 1).
func TestCohortValues(t *testing.T) {
	const i = 0.045 // actuarialtest.Assumptions' return
	s := splitScheme(t)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	p.Split = true
	res, err := p.Run(nil, 100)
	require.NoError(t, err)
	vs, err := res.CohortValues(0, false)
	require.NoError(t, err)
	pv, err := res.PresentValues()
	require.NoError(t, err)
	var c, b float64
	entrants := 0
	for _, v := range vs {
		c += v.TotalContributions()
		b += v.Benefits
		tc := v.TotalContributions()
		if tc > 0 {
			assert.InDelta(t, v.Benefits/tc, v.MoneysWorth, 1e-12)
		}
		acc := math.Pow(1+i, float64(v.Entry-s.StartYear))
		assert.InDelta(t, tc*acc, v.ContributionsAtEntry, splitTol*math.Max(1, tc*acc))
		if v.Entry > s.StartYear {
			entrants++
		}
		if v.IRROK && tc > 0 && math.Abs(v.MoneysWorth-1) > 1e-6 && v.BornFrom >= 1960 && v.BornTo <= 2030 {
			assert.Equal(t, v.MoneysWorth > 1, v.IRR > i, "cohort %v: money's worth %v, IRR %v", v.CohortKey, v.MoneysWorth, v.IRR)
		}
	}
	assert.Positive(t, entrants, "no cohort of future entrants")
	var pc float64
	for _, x := range pv.Contributions {
		pc += x
	}
	pb := pv.ExtraPayments + pv.Refunds
	for _, x := range pv.Pensions {
		pb += x
	}
	assert.InDelta(t, pc, c, splitTol*pc)
	assert.InDelta(t, pb, b, splitTol*pb)

	_, err = (&projection.Result{}).CohortValues(0, false)
	assert.ErrorContains(t, err, "no split")
}
