package reform_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fourReforms are four reforms of the reference scheme, each a typical
// measure or package of measures.
func fourReforms() []reform.Reform {
	return []reform.Reform{
		{Name: "contributions", Changes: []reform.Change{
			reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.15, Step: 0.005},
			reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 0.09, Step: 0.005},
		}},
		{Name: "later retirement", Changes: []reform.Change{
			reform.RetirementConditions{Year: 2027, AddAge: 5, Every: 2, Compulsory: true},
		}},
		{Name: "new generation", Changes: []reform.Change{
			reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 10}, Accrual: actuarial.LinearAccrual{MinService: 20, AtMin: 0.4, PerYear: 0.02, Max: 0.8}.Accrual()},
			reform.ReferencePeriod{Year: 2027, Who: reform.Who{ServiceBelow: 10}, Years: 10},
		}},
		everyKind(),
	}
}

// TestCompareDeterministic checks that the comparison does not depend on
// the number of workers: 1, 2 and 8 give identical results, bit for bit.
func TestCompareDeterministic(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 40, ReserveRatioYears: []int{2030, 2040}}
	var first *reform.Comparison
	for _, w := range []int{1, 2, 8} {
		opt.Workers = w
		c, err := reform.Compare(base, fourReforms(), opt)
		require.NoError(t, err)
		if first == nil {
			first = c
			continue
		}
		require.Equal(t, first, c, "workers %d", w)
	}
	require.Len(t, first.Outcomes, 5)
	assert.Equal(t, "base", first.Outcomes[0].Name)
	for i, r := range fourReforms() {
		assert.Equal(t, r.Name, first.Outcomes[i+1].Name)
	}
}

// TestCompareBase checks that the comparison's base outcome is the plain
// projection and summary of the base scheme (on its own return curve), and
// that each delta is the reform's metrics less the base's.
func TestCompareBase(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	years := []int{2030, 2050}
	c, err := reform.Compare(base, fourReforms()[:2], reform.Options{Years: 60, ReserveRatioYears: years})
	require.NoError(t, err)

	p, err := projection.NewProjector(base)
	require.NoError(t, err)
	res, err := p.Run(nil, 60)
	require.NoError(t, err)
	curve, err := res.ReturnCurve()
	require.NoError(t, err)
	sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{Curve: curve})
	require.NoError(t, err)
	assert.Equal(t, res, c.Outcomes[0].Result)
	assert.Equal(t, sum, c.Outcomes[0].Summary)
	m := c.Metrics[0]
	assert.Equal(t, sum.GAP, m.GAP)
	assert.Equal(t, sum.DeficitPV, m.DeficitPV)
	assert.Equal(t, []float64{sum.ReserveRatio[5], sum.ReserveRatio[25]}, m.ReserveRatioAt)
	require.True(t, (sum.DepletionYear != 0))
	assert.Equal(t, sum.DepletionYear, m.DepletionYear)
	assert.Equal(t, 2084, m.LastYear())

	for i, d := range c.Deltas {
		r := c.Metrics[i+1]
		assert.Equal(t, r.GAP-m.GAP, d.GAP)
		assert.Equal(t, r.ActuarialBalance-m.ActuarialBalance, d.ActuarialBalance)
		assert.Equal(t, r.DeficitPV-m.DeficitPV, d.DeficitPV)
		assert.Equal(t, r.ReserveRatioAt[1]-m.ReserveRatioAt[1], d.ReserveRatioAt[1])
	}
}

// TestCompareContributionIdentity checks the comparison against closed
// forms. An employer's rate five points higher from the start year, with no
// ceiling, adds 5% of the salary bill to contributions and changes nothing
// else (refunds return the worker's contributions only): the GAP, which does
// not depend on contributions, is unchanged, and the actuarial balance —
// the present value of income over that of the salary bill — rises by
// exactly 0.05 (ILO, Plamondon et al. 2002; the Trustees' definition).
func TestCompareContributionIdentity(t *testing.T) {
	const tol = 1e-12 // rounding of two present values of ~1e10 and a quotient
	base := actuarialtest.ReferenceScheme(t, 0)
	base.Groups[0].Rules[0].Ceiling = actuarial.Limit{}
	c, err := reform.Compare(base, []reform.Reform{{Name: "+5 points", Changes: []reform.Change{
		reform.ContributionRate{Year: 2025, Payer: scheme.Employer, Rate: 0.15},
	}}}, reform.Options{Years: 50})
	require.NoError(t, err)
	d := c.Deltas[0]
	assert.Equal(t, 0.0, d.GAP, "the GAP does not depend on contributions")
	assert.Equal(t, 0.0, d.CostRate)
	assert.InDelta(t, 0.05, d.ActuarialBalance, tol)
	from, to := c.Metrics[0].DepletionYear, c.Metrics[1].DepletionYear
	require.NotZero(t, from, "the base runs out within the horizon")
	assert.True(t, to == 0 || to > from, "more contributions delay depletion: %d → %d", from, to)
	assert.Less(t, d.DeficitPV, 0.0, "and lower the deficit")

	// Year by year: the contribution rate is five points higher, the cost rate
	// the same.
	for _, r := range reform.DiffByYear(&c.Outcomes[1], &c.Outcomes[0]) {
		assert.InDelta(t, 0.05, r.ContributionRate, tol, "%d", r.Year)
		assert.Equal(t, 0.0, r.CostRate, "%d", r.Year)
		assert.Equal(t, 0.0, r.Benefits, "%d", r.Year)
	}
}

// TestByYear checks the rows against the projection they come from.
func TestByYear(t *testing.T) {
	c, err := reform.Compare(actuarialtest.ReferenceScheme(t, 0), nil, reform.Options{Years: 30, Horizon: indicator.Horizon{Years: 20}})
	require.NoError(t, err)
	o := &c.Outcomes[0]
	rows := reform.ByYear(o)
	require.Len(t, rows, 20)
	for t0, r := range rows {
		y := o.Result.Years[t0]
		assert.Equal(t, 2025+t0, r.Year)
		assert.Equal(t, y.ReserveEnd, r.Reserve)
		assert.Equal(t, y.TotalContributions()/y.SalaryBill, r.ContributionRate)
		assert.Equal(t, (y.Benefits()+y.AdminCosts)/y.SalaryBill, r.CostRate)
		assert.Equal(t, y.Actives/y.TotalPensioners(), r.SupportRatio)
	}
}

// TestCompareOptions checks that bad options are errors.
func TestCompareOptions(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	for _, opt := range []reform.Options{
		{Years: -1},
		{Workers: -2},
		{Years: 10, Horizon: indicator.Horizon{Years: 11}},
		{Years: 10, ReserveRatioYears: []int{2035}},
		{Years: 10, ReserveRatioYears: []int{2024}},
	} {
		_, err := reform.Compare(base, nil, opt)
		assert.ErrorIs(t, err, reform.ErrOptions, "%+v", opt)
	}
	_, err := reform.Compare(base, []reform.Reform{{Name: "bad", Changes: []reform.Change{reform.SurvivorShare{Year: 2000, Share: 0.6}}}}, reform.Options{Years: 10})
	assert.ErrorIs(t, err, reform.ErrBeforeStart)
}

// TestAttribution checks the telescoping identity: the marginal effects of
// the changes, added one at a time, sum to the total effect of the reform;
// and the last step is the whole reform, as Compare projects it.
func TestAttribution(t *testing.T) {
	const relTol = 1e-12 // n subtractions and additions of figures of like size
	base := actuarialtest.ReferenceScheme(t, 0)
	r := everyKind()
	opt := reform.Options{Years: 60, ReserveRatioYears: []int{2030, 2050}}
	a, err := reform.Attribute(base, r, opt)
	require.NoError(t, err)
	require.Len(t, a.Steps, len(r.Changes))

	var sum reform.Delta
	sum.ReserveRatioAt = make([]float64, 2)
	for _, s := range a.Steps {
		m := s.Marginal
		sum.GAP += m.GAP
		sum.CostRate += m.CostRate
		sum.ActuarialBalance += m.ActuarialBalance
		sum.DeficitPV += m.DeficitPV
		for i := range sum.ReserveRatioAt {
			sum.ReserveRatioAt[i] += m.ReserveRatioAt[i]
		}
	}
	within := func(want, got float64, scale float64, what string) {
		assert.InDelta(t, want, got, relTol*scale, what)
	}
	within(a.Total.GAP, sum.GAP, 1, "GAP")
	within(a.Total.CostRate, sum.CostRate, 1, "cost rate")
	within(a.Total.ActuarialBalance, sum.ActuarialBalance, 1, "actuarial balance")
	within(a.Total.DeficitPV, sum.DeficitPV, a.BaseMetrics.DeficitPV, "deficit PV")
	for i := range sum.ReserveRatioAt {
		within(a.Total.ReserveRatioAt[i], sum.ReserveRatioAt[i], math.Abs(a.BaseMetrics.ReserveRatioAt[i]), "reserve ratio")
	}

	c, err := reform.Compare(base, []reform.Reform{r}, opt)
	require.NoError(t, err)
	assert.Equal(t, c.Metrics[1], a.Steps[len(a.Steps)-1].Metrics, "the last step is the whole reform")
	assert.Equal(t, c.Deltas[0], a.Total)
	assert.Equal(t, c.Metrics[0], a.BaseMetrics)
	for k, s := range a.Steps {
		assert.Equal(t, r.Changes[k].String(), s.Change)
	}
}
