package projection_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The replacement rate of new pensions from a projection: the amounts the
// projector awards and the final salaries of those retiring.

// Scheme of retireScheme.
const (
	retAccrual   = 0.6  // accrual rate at 15 years and more
	retShare     = 0.85 // Formula.ReferenceShare
	retYears     = 5    // Formula.ReferenceYears
	retReduction = 0.05 // early reduction a year below 65
	retMerit     = 0.02 // merit increase a year, at every age
	retWage      = 0.03 // general wage growth a year
	oldSalary    = 50000.0
	earlySalary  = 40000.0
	oldRate      = 0.7 // probability of retiring on a full pension from 65
	earlyRate    = 0.4 // and on a reduced one from 60 to 64
)

// retireScheme is a closed group of 1000 men aged 65 with 30 years'
// service earning 50,000 each, eligible for a full pension, and 500 men
// aged 60 with 20 years earning 40,000, eligible for a reduced one (5% a
// year below 65): accrual 60% from 15 years, 85% of the average of the
// last 5 salaries, merit 2% and wage growth 3% a year, mortality 1%, no
// other decrement; edit changes the rules.
func retireScheme(t testing.TB, edit func(r *scheme.Rules)) *scheme.Scheme {
	t.Helper()
	act := &census.ActiveCells{}
	act.Count = make([]float64, act.Len())
	act.Salary = make([]float64, act.Len())
	c := act.Index(actuarial.Male, 65, 30)
	act.Count[c], act.Salary[c] = 1000, 1000*oldSalary
	c = act.Index(actuarial.Male, 60, 20)
	act.Count[c], act.Salary[c] = 500, 500*earlySalary
	full := actuarial.Conditions{{MinAge: 65, MinService: 15}}
	reduced := actuarial.Conditions{{MinAge: 60, MinService: 15}}
	rules := scheme.Rules{
		From:             2025,
		ContributionRate: [scheme.NumPayers]actuarial.Schedule{actuarial.Constant(0.10)},
		Eligibility: actuarial.Eligibility{
			Full:             [actuarial.NumSexes]actuarial.Conditions{full, full},
			Reduced:          [actuarial.NumSexes]actuarial.Conditions{reduced, reduced},
			ReductionPerYear: retReduction,
			FullAge:          [actuarial.NumSexes]int{65, 65},
		},
		Retirement: actuarial.Formula{
			Accrual:        actuarial.Accrual{MinService: 15, Rates: []float64{retAccrual}},
			ReferenceYears: retYears,
			ReferenceShare: retShare,
		},
	}
	if edit != nil {
		edit(&rules)
	}
	q := flatTable(t, 0.01)
	rates := scheme.RetirementRates{
		Full:    actuarial.ByAge{MinAge: 65, Values: []float64{oldRate}},
		Reduced: actuarial.ByAge{MinAge: 60, Values: []float64{earlyRate}},
	}
	return &scheme.Scheme{
		Name:      "retirements",
		StartYear: 2025,
		Groups:    []scheme.Group{{Actives: act, Rules: []scheme.Rules{rules}}},
		Assumptions: scheme.Assumptions{
			Mortality:  [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{scheme.StatusActive: {q, q}},
			Retirement: [actuarial.NumSexes]scheme.RetirementRates{rates, rates},
			Salary:     actuarial.SalaryScale{ByAge: []float64{retMerit}},
			WageGrowth: actuarial.Constant(retWage),
		},
	}
}

// refRatio is the reference ratio of a member whose salary grew by merit
// and wages at g = (1.02)(1.03) a year: the average of the last five
// salaries over the last, (1/n)·Σ_{k<n} g^(−k) = (1 − g^(−n))/(n·(1 − 1/g)),
// a geometric sum.
func refRatio() float64 {
	g := (1 + retMerit) * (1 + retWage)
	return (1 - math.Pow(g, -retYears)) / (retYears * (1 - 1/g))
}

// TestReplacementRateClosedForm checks the replacement rate of the
// pensions awarded on 1 January against the formula: with no cap or floor
// binding, a pension is accrual × share × reference ratio × reduction of
// the final salary, so the rate of the old-age pensions is
// 0.6 × 0.85 × ρ and of the early ones (at 60, five years short of 65)
// 0.75 × 0.6 × 0.85 × ρ, ρ the geometric reference ratio, whatever the
// probability of retiring; over the reference salaries, without ρ. A cap
// binding on the old-age pension makes its rate cap / salary, a floor
// binding on the early one floor / salary.
func TestReplacementRateClosedForm(t *testing.T) {
	const tol = 1e-12 // relative: a handful of products and sums
	rho := refRatio()
	old, early := census.PensionOldAge.Index(), census.PensionEarly.Index()
	oldFree := retAccrual * retShare * rho
	earlyFree := (1 - 5*retReduction) * retAccrual * retShare * rho
	require.Greater(t, oldFree*oldSalary, 20000.0, "the cap below binds on the old-age pension")
	require.Less(t, earlyFree*earlySalary, 15000.0, "the floor below binds on the early one")
	require.Less(t, earlyFree*earlySalary, 20000.0, "the cap does not bind on the early one")
	cases := []struct {
		name            string
		edit            func(r *scheme.Rules)
		wantOld, wantEa float64
	}{
		{"no limit binding", nil, oldFree, earlyFree},
		{"cap binding on old-age", func(r *scheme.Rules) { r.Retirement.Cap = actuarial.Limit{Money: 20000} },
			20000 / oldSalary, earlyFree},
		{"floor binding on early", func(r *scheme.Rules) { r.Retirement.Floor = actuarial.Limit{Money: 15000} },
			oldFree, 15000 / earlySalary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := projection.NewProjector(retireScheme(t, c.edit))
			require.NoError(t, err)
			res, err := p.Run(nil, 3)
			require.NoError(t, err)
			y := &res.Years[0]

			// Those retiring and their final salaries, the census's.
			assert.InEpsilon(t, 1000*oldRate, y.NewPensions[old], tol)
			assert.InEpsilon(t, 500*earlyRate, y.NewPensions[early], tol)
			assert.InEpsilon(t, 1000*oldRate*oldSalary, y.RetiringSalaries[old], tol)
			assert.InEpsilon(t, 500*earlyRate*earlySalary, y.RetiringSalaries[early], tol)
			assert.InEpsilon(t, rho*y.RetiringSalaries[old], y.ReferenceSalaries[old], tol)
			assert.InEpsilon(t, rho*y.RetiringSalaries[early], y.ReferenceSalaries[early], tol)
			for _, ti := range []int{census.PensionDisability.Index(), census.PensionSurvivor.Index(), census.PensionOrphan.Index()} {
				assert.Zero(t, y.RetiringSalaries[ti], "type %d has no final salary", ti)
				assert.Zero(t, y.ReferenceSalaries[ti], "type %d has no reference salary", ti)
			}

			// The rates by type and together.
			assert.InEpsilon(t, c.wantOld, y.NewPensionAmounts[old]/y.RetiringSalaries[old], tol)
			assert.InEpsilon(t, c.wantEa, y.NewPensionAmounts[early]/y.RetiringSalaries[early], tol)
			if c.edit == nil {
				assert.InEpsilon(t, retAccrual*retShare, y.NewPensionAmounts[old]/y.ReferenceSalaries[old], tol,
					"over the reference salary: accrual × share")
			}
			so, se := 1000*oldRate*oldSalary, 500*earlyRate*earlySalary
			want := (c.wantOld*so + c.wantEa*se) / (so + se)
			// Summarize, without the support ratio (no pensioners on
			// 1 January 2025).
			f := res.Flows(nil)
			f.Actives, f.Pensioners = nil, nil
			curve, err := res.ReturnCurve()
			require.NoError(t, err)
			sum, err := indicator.Summarize(nil, f, indicator.Horizon{Curve: curve})
			require.NoError(t, err)
			require.Len(t, sum.ReplacementRate, 3)
			assert.InEpsilon(t, want, sum.ReplacementRate[0], tol, "the salary-weighted average of the two")

			// A new retiree is paid the whole year, less half the year's
			// deaths (UDD): the amount awarded is what is paid.
			assert.InEpsilon(t, y.NewPensionAmounts[old]*(1-0.01/2), y.Pensions[old], tol)
			assert.InEpsilon(t, y.NewPensionAmounts[early]*(1-0.01/2), y.Pensions[early], tol)
		})
	}
}

// TestReplacementRateSummary checks the replacement rate Summarize gives
// from a projection: every year's total amount of the old-age and early
// pensions awarded over the final salaries of those retiring, as
// ReplacementRate computes it from the Flows; and 0, without an error, in
// a year without retirements (oneCellScheme awards no old-age or early
// pension).
func TestReplacementRateSummary(t *testing.T) {
	const tol = 0 // the same divisions
	p, err := projection.NewProjector(actuarialtest.ReferenceScheme(t, 65))
	require.NoError(t, err)
	res, err := p.Run(nil, 30)
	require.NoError(t, err)
	sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{})
	require.NoError(t, err)
	require.Len(t, sum.ReplacementRate, 30, "a projection gives the replacement rate")
	f := res.Flows(nil)
	assert.Equal(t, res.NewRetirementAmounts(nil), f.NewPensions)
	assert.Equal(t, res.RetiringSalaries(nil), f.RetiringSalaries)
	rep, err := indicator.ReplacementRate(nil, &indicator.Flows{NewPensions: f.NewPensions, RetiringSalaries: f.RetiringSalaries})
	require.NoError(t, err, "the reference scheme awards old-age or early pensions every year")
	assert.InDeltaSlice(t, rep, sum.ReplacementRate, tol)
	for i, y := range res.Years {
		assert.Positive(t, sum.ReplacementRate[i], "%d", y.Year)
		assert.Equal(t, y.NewRetirementAmount()/y.TotalRetiringSalaries(), sum.ReplacementRate[i], "%d", y.Year)
	}

	// No old-age or early pension awarded: no replacement rate, 0 by
	// Summarize's convention, and no error.
	p, err = projection.NewProjector(oneCellScheme(t))
	require.NoError(t, err)
	res, err = p.Run(nil, 5)
	require.NoError(t, err)
	sum, err = indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{})
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 0, 0, 0, 0}, sum.ReplacementRate)
}

// TestReplacementRateStationary: in the textbook stationary population
// (Bowers et al. §19.2; projStationary: a flat pension P = (P/S)·S at 65
// on a constant salary S) the new pensions of a stationary year are the
// E·l_65/l_25 members reaching 65, each awarded P on a final salary S, so
// the replacement rate is P/S exactly; before the first entrants reach 65
// (year 41) nobody retires, and the series are 0.
func TestReplacementRateStationary(t *testing.T) {
	const (
		entrants, salary, pension = 1000.0, 12000.0, 6000.0
		years, first              = 60, 41 // entrants join from year 1, at 25
		countTol                  = 1e-9   // relative; survival factors multiplied one year at a time
		rateTol                   = 1e-12  // relative; one product per cell
	)
	tbl := actuarialtest.SULT(t)
	p, err := projection.NewProjector(projStationary(tbl, entrants, 25, 65, salary, pension))
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	f := res.Flows(nil)
	rate, err := indicator.ReplacementRate(nil, &indicator.Flows{NewPensions: f.NewPensions[first:], RetiringSalaries: f.RetiringSalaries[first:]})
	require.NoError(t, err)
	old := census.PensionOldAge.Index()
	for i, y := range res.Years {
		if i < first {
			assert.Zero(t, y.NewPensionAmounts[old], "%d", y.Year)
			assert.Zero(t, y.RetiringSalaries[old], "%d", y.Year)
			assert.Zero(t, f.NewPensions[i], "%d", y.Year)
			continue
		}
		n := entrants * tbl.Survival(25, 40)
		assert.InEpsilon(t, n, y.NewPensions[old], countTol, "%d", y.Year)
		assert.InEpsilon(t, n*pension, y.NewPensionAmounts[old], countTol, "%d", y.Year)
		assert.InEpsilon(t, n*salary, y.RetiringSalaries[old], countTol, "%d", y.Year)
		assert.Equal(t, y.RetiringSalaries[old], y.ReferenceSalaries[old], "%d: the last salary", y.Year)
		assert.InEpsilon(t, pension/salary, rate[i-first], rateTol, "%d", y.Year)
	}
}

// TestNewPensionAmountsPaid: the pensions awarded during the year are
// paid for half of it (the package's timing), so in a year without such
// pensions in payment on 1 January the disability, survivors' and
// orphans' pensions paid are half the amounts awarded: an identity of the
// timing, on oneCellScheme (whose only pensioners on 1 January 2025 are
// old-age).
func TestNewPensionAmountsPaid(t *testing.T) {
	const tol = 1e-12 // relative
	p, err := projection.NewProjector(oneCellScheme(t))
	require.NoError(t, err)
	res, err := p.Run(nil, 1)
	require.NoError(t, err)
	y := &res.Years[0]
	for _, typ := range []census.PensionType{census.PensionDisability, census.PensionSurvivor, census.PensionOrphan} {
		i := typ.Index()
		require.Zero(t, y.Pensioners[i], "%v", typ)
		require.Positive(t, y.NewPensionAmounts[i], "%v", typ)
		assert.InEpsilon(t, 0.5*y.NewPensionAmounts[i], y.Pensions[i], tol, "%v", typ)
	}
	// The disability pension is 40% of the salary of 50,000 (TestOneCellFlows).
	dis := census.PensionDisability.Index()
	assert.InEpsilon(t, 0.4*50000*y.NewPensions[dis], y.NewPensionAmounts[dis], tol)
}

// TestReplacementSeries: the accessors return the year rows' fields in
// order, reusing the destination.
func TestReplacementSeries(t *testing.T) {
	p, err := projection.NewProjector(actuarialtest.ReferenceScheme(t, 65))
	require.NoError(t, err)
	res, err := p.Run(nil, 5)
	require.NoError(t, err)
	old, early := census.PensionOldAge.Index(), census.PensionEarly.Index()
	buf := make([]float64, 5) // the destination rule: a non-nil dst has the series' length
	for _, c := range []struct {
		name string
		f    func([]float64) []float64
		want func(y *projection.YearResult) float64
	}{
		{"NewPensionAmountsBy(early)", func(d []float64) []float64 { return res.NewPensionAmountsBy(d, census.PensionEarly) },
			func(y *projection.YearResult) float64 { return y.NewPensionAmounts[early] }},
		{"NewPensionAmountsBy(orphan)", func(d []float64) []float64 { return res.NewPensionAmountsBy(d, census.PensionOrphan) },
			func(y *projection.YearResult) float64 { return y.NewPensionAmounts[census.PensionOrphan.Index()] }},
		{"RetiringSalariesBy(old-age)", func(d []float64) []float64 { return res.RetiringSalariesBy(d, census.PensionOldAge) },
			func(y *projection.YearResult) float64 { return y.RetiringSalaries[old] }},
		{"ReferenceSalariesBy(early)", func(d []float64) []float64 { return res.ReferenceSalariesBy(d, census.PensionEarly) },
			func(y *projection.YearResult) float64 { return y.ReferenceSalaries[early] }},
		{"NewRetirementAmounts", res.NewRetirementAmounts,
			func(y *projection.YearResult) float64 { return y.NewPensionAmounts[old] + y.NewPensionAmounts[early] }},
		{"RetiringSalaries", res.RetiringSalaries,
			func(y *projection.YearResult) float64 { return y.RetiringSalaries[old] + y.RetiringSalaries[early] }},
	} {
		got := c.f(buf)
		require.Len(t, got, 5, c.name)
		assert.Same(t, &buf[0], &got[0], "%s writes into dst", c.name)
		for i := range res.Years {
			assert.Equal(t, c.want(&res.Years[i]), got[i], "%s[%d]", c.name, i)
			assert.Positive(t, got[i], "%s[%d]: the reference scheme awards every kind every year", c.name, i)
		}
	}
	// The reference scheme averages five salaries along a rising scale: the
	// reference salaries are below the final ones.
	for _, y := range res.Years {
		assert.Less(t, y.ReferenceSalaries[old], y.RetiringSalaries[old], "%d", y.Year)
	}
}
