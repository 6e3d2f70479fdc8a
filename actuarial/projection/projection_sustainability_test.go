package projection_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lifeExpectancy is e = ½ + Σ_{k≥1} ₖp_x of the rates of year y: the
// curtate expectation of life plus a half (Dickson, Hardy & Waters, AMLCR,
// 2nd ed., section 3.5, the complete expectation under UDD).
func lifeExpectancy(t scheme.YearTable, x, y int) float64 {
	e, p := 0.5, 1.0
	for age := x; age < census.MaxCensusAge; age++ {
		p *= 1 - t.Q(max(age, t.MinAge()), y)
		e += p
	}
	return e
}

// TestSustainabilityFactor: with a sustainability factor at 65 held to
// 2025, each year's new old-age and early pensions of a census of men are
// those without the factor times e(65, 2025)/e(65, y) from the retired
// men's mortality (improving, so the factor falls below 1), in the cell
// projection; and the seriatim valuation of the same records, each its own
// cell, equals the cell projection (the engines read the factor from the
// same rule).
func TestSustainabilityFactor(t *testing.T) {
	const tol = 1e-12 // a product per pension
	const years = 25
	var act []projection.ActiveRecord
	for i, age := range []int{50, 54, 58, 61, 63} {
		act = append(act, projection.ActiveRecord{Sex: actuarial.Male, Age: age, Service: 20 + i, Salary: 50000 + 3000*float64(i)})
	}
	build := func(on bool) *scheme.Scheme {
		r := serNoLimits(actuarialtest.Rules(2025))
		if on {
			r.Sustainability = scheme.Sustainability{Age: 65, Base: 2025}
		}
		return serScheme(t, serAssumptions(t, true), [][]scheme.Rules{{r}}, act, nil)
	}
	with, without := build(true), build(false)
	run := func(s *scheme.Scheme) *projection.Result {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, years)
		require.NoError(t, err)
		return res
	}
	rw, ro := run(with), run(without)
	table := with.Assumptions.Mortality[scheme.StatusRetired][actuarial.Male.Index()]
	if table == nil { // the retired follow the actives (scheme.Assumptions)
		table = with.Assumptions.Mortality[scheme.StatusActive][actuarial.Male.Index()]
	}
	e0 := lifeExpectancy(table, 65, 2025)
	var checked int
	for k, y := range rw.Years {
		f := e0 / lifeExpectancy(table, 65, y.Year)
		for _, typ := range []census.PensionType{census.PensionOldAge, census.PensionEarly} {
			ti := typ.Index()
			if ro.Years[k].NewPensionAmounts[ti] == 0 {
				continue
			}
			assert.InEpsilon(t, f*ro.Years[k].NewPensionAmounts[ti], y.NewPensionAmounts[ti], tol, "year %d, %v", y.Year, typ)
			checked++
		}
	}
	require.Positive(t, checked)
	assert.Less(t, e0/lifeExpectancy(table, 65, 2025+years-1), 1.0, "improving mortality lowers the factor")

	v, err := projection.NewSeriatim(with, serYears)
	require.NoError(t, err)
	got, err := v.Total(act, nil)
	require.NoError(t, err)
	serAssertClose(t, serProject(t, with, serYears), got, serExactTol, "seriatim against cells with a sustainability factor")
}
