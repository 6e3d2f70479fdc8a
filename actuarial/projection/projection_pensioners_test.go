package projection_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSummarizePensionersOnly: a closed legacy scheme with pensions in
// payment and no actives has no salary bill, so the rates on salaries and
// the dependency ratio are undefined (flagged, empty or 0, never NaN),
// while the reserve, reserve ratios, deficit, depletion and funding ratio
// come out. The identities checked: the funding ratio is R(0)/L by
// definition, and the reserve ratio of year 0 is R_end(0)/(B + E)(0)
// (Plamondon et al., 2002).
func TestSummarizePensionersOnly(t *testing.T) {
	const tol = 1e-12 // a single division each
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Groups[0].Actives = nil
	s.Assumptions.Entrants = scheme.Entrants{}
	s.Transfers = nil
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 40)
	require.NoError(t, err)
	require.Zero(t, res.Years[0].Actives)
	require.Zero(t, res.Years[0].SalaryBill)

	const accrued = 2e9
	funded := res.Flows(nil)
	funded.AccruedLiability = accrued
	sum, err := indicator.Summarize(nil, funded, indicator.Horizon{})
	require.NoError(t, err, "a scheme without actives must still be summarised")
	u := sum.Undefined
	assert.True(t, u.SalaryRates)
	assert.True(t, u.SalaryScalars)
	assert.True(t, u.DependencyRatio)
	assert.False(t, u.FundingRatio)
	assert.Empty(t, sum.PAYGCostRate)
	assert.Empty(t, sum.DependencyRatio)
	assert.Zero(t, sum.GAP)
	assert.Zero(t, sum.ActuarialBalance)

	y0 := res.Years[0]
	assert.InEpsilon(t, s.InitialReserve/accrued, sum.FundingRatio, tol)
	require.Len(t, sum.ReserveRatio, 40)
	assert.InEpsilon(t, y0.ReserveEnd/y0.Expenditure(), sum.ReserveRatio[0], tol)
	assert.True(t, (sum.DepletionYear != 0), "pensions of a closed scheme with no contributions exhaust a reserve of 500 million")
	assert.Greater(t, sum.DeficitPV, 0.0)
	require.Len(t, sum.SupportRatio, 40)
	assert.Zero(t, sum.SupportRatio[0], "no actives per pensioner")
}
