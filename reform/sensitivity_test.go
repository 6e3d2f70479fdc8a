package reform_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSensitivityReturns checks the direction of the returns shock: the
// GAP is the average of the PAYG cost rates weighted by the discounted
// salary bill, less R(0)/PV(S); the reference scheme's cost rate rises from
// 15% to about 60% over the first twenty years, so higher returns — which
// discount the later, costlier years more and raise R(0)/PV(S) — lower the
// GAP, and the reserve earns more, lowering the deficit's present value.
// It also checks that the shocked scenario is exactly the scheme with the
// shifted assumption, projected by Compare.
func TestSensitivityReturns(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	want := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 60}
	tr, err := reform.Sensitivity(base, reform.Shocks{Returns: 0.01}, opt)
	require.NoError(t, err)
	require.Equal(t, want, base, "Sensitivity changed its input")
	require.Len(t, tr.Bars, 1)
	b := tr.Bars[0]
	assert.Equal(t, "returns", b.Assumption)
	assert.Equal(t, "returns -1 pt", b.Low)
	assert.Equal(t, "returns +1 pt", b.High)
	assert.Greater(t, b.LowMetrics.GAP, tr.BaseMetrics.GAP)
	assert.Greater(t, tr.BaseMetrics.GAP, b.HighMetrics.GAP)
	assert.Greater(t, b.LowMetrics.DeficitPV, tr.BaseMetrics.DeficitPV)
	assert.Greater(t, tr.BaseMetrics.DeficitPV, b.HighMetrics.DeficitPV)
	assert.Equal(t, b.HighMetrics.GAP-b.LowMetrics.GAP, -b.Spread)
	assert.Equal(t, b.HighMetrics.Sub(tr.BaseMetrics), b.HighDelta)

	// The same scheme at 5.5% by hand.
	hand := actuarialtest.ReferenceScheme(t, 0)
	hand.Assumptions.Return = actuarial.Constant(0.055)
	c, err := reform.Compare(hand, nil, opt)
	require.NoError(t, err)
	assert.Equal(t, c.Metrics[0], b.HighMetrics)
}

// TestSensitivityTornado checks the tornado's shape: one bar per shock
// set, sorted by spread, each bar's deltas its metrics less the base's; and
// the mortality shock through a generic YearTable gives the same figures as
// through a PeriodTable, read once per run (both scale every q below 1 and
// keep the table's end at 1).
func TestSensitivityTornado(t *testing.T) {
	opt := reform.Options{Years: 50}
	sh := reform.Shocks{Returns: 0.01, WageGrowth: 0.01, Mortality: 0.1}
	tr, err := reform.Sensitivity(actuarialtest.ReferenceScheme(t, 0), sh, opt)
	require.NoError(t, err)
	require.Len(t, tr.Bars, 3)
	for i, b := range tr.Bars {
		if i > 0 {
			assert.GreaterOrEqual(t, tr.Bars[i-1].Spread, b.Spread)
		}
		assert.Equal(t, b.LowMetrics.Sub(tr.BaseMetrics), b.LowDelta)
		assert.Equal(t, b.Spread, max(b.HighMetrics.GAP-b.LowMetrics.GAP, b.LowMetrics.GAP-b.HighMetrics.GAP))
	}

	// Mortality through a generic YearTable.
	generic := actuarialtest.ReferenceScheme(t, 0)
	m := &generic.Assumptions.Mortality
	for sx := range actuarial.NumSexes {
		m[scheme.StatusActive][sx] = yearTable{m[scheme.StatusActive][sx]}
	}
	tg, err := reform.Sensitivity(generic, reform.Shocks{Mortality: 0.1}, opt)
	require.NoError(t, err)
	var mort reform.Bar
	for _, b := range tr.Bars {
		if b.Assumption == "mortality" {
			mort = b
		}
	}
	assert.Equal(t, "mortality +10%", mort.High)
	assert.Equal(t, mort.HighMetrics, tg.Bars[0].HighMetrics)
	assert.Equal(t, mort.LowMetrics, tg.Bars[0].LowMetrics)
	// Higher mortality shortens pensions more than it removes
	// contributions: the GAP falls.
	assert.Less(t, mort.HighMetrics.GAP, tr.BaseMetrics.GAP)
	assert.Greater(t, mort.LowMetrics.GAP, tr.BaseMetrics.GAP)
}

// yearTable hides a YearTable's concrete type from the projector and the
// shocks.
type yearTable struct{ t scheme.YearTable }

func (y yearTable) Q(age, year int) float64 { return y.t.Q(age, year) }
func (y yearTable) MinAge() int             { return y.t.MinAge() }

// TestSensitivityErrors checks the shocks' validation.
func TestSensitivityErrors(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	for _, sh := range []reform.Shocks{{}, {Returns: -0.01}, {Mortality: 1}, {WageGrowth: math.Inf(1)}} {
		_, err := reform.Sensitivity(base, sh, reform.Options{Years: 10})
		assert.ErrorIs(t, err, reform.ErrOptions, "%+v", sh)
	}
	_, err := reform.Sensitivity(base, reform.Shocks{Returns: 2}, reform.Options{Years: 10})
	var se *scheme.SchemeError
	assert.ErrorAs(t, err, &se, "a return of −100% or less")
}
