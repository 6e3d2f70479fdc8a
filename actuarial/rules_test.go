package actuarial_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScheduleAt(t *testing.T) {
	// The ISSTEY 2022 law raised transition workers' contributions from 8%
	// to 11% by 2025 (testdata/isstey/FACTS.md): one point a year from 2023.
	s := actuarial.Schedule{{Year: 2022, Value: 0.08}, {Year: 2023, Value: 0.09}, {Year: 2024, Value: 0.10}, {Year: 2025, Value: 0.11}}
	require.NoError(t, s.Validate())
	for _, c := range []struct {
		year int
		want float64
	}{{1990, 0.08}, {2022, 0.08}, {2023, 0.09}, {2024, 0.10}, {2025, 0.11}, {2100, 0.11}} {
		assert.Equal(t, c.want, s.At(c.year), "year %d", c.year)
	}
	assert.Zero(t, actuarial.Schedule(nil).At(2025), "a nil schedule is 0")
	assert.Equal(t, 0.15, actuarial.Constant(0.15).At(1900))
}

// TestScheduleAtLong: a schedule of many steps (a stochastic path, searched
// by halves) gives in every year the value of its last step at or before
// it, the first step's before it, as a short one does.
func TestScheduleAtLong(t *testing.T) {
	for _, gap := range []int{1, 2} {
		for _, n := range []int{16, 17, 18, 100} {
			s := make(actuarial.Schedule, n)
			for i := range s {
				// Steps gap years apart, from 2000 (a step a year: a
				// stochastic path).
				s[i] = actuarial.Step{Year: 2000 + gap*i, Value: float64(i + 1)}
			}
			require.NoError(t, s.Validate())
			for y := 1990; y < 2000+gap*n+5; y++ {
				want := 1.0
				if y >= 2000 {
					want = float64(min((y-2000)/gap, n-1) + 1)
				}
				require.Equal(t, want, s.At(y), "%d steps %d years apart, year %d", n, gap, y)
			}
		}
	}
}

func TestScheduleValidate(t *testing.T) {
	assert.Error(t, actuarial.Schedule{{Year: 2025, Value: 1}, {Year: 2025, Value: 2}}.Validate(), "repeated year")
	assert.Error(t, actuarial.Schedule{{Year: 2025, Value: 1}, {Year: 2024, Value: 2}}.Validate(), "years out of order")
	assert.Error(t, actuarial.Schedule{{Year: 2025, Value: math.NaN()}}.Validate(), "NaN value")
}

func TestPhase(t *testing.T) {
	const tol = 1e-12 // steps accumulate in floating point
	// "+0.5 points a year until 15%" (the reform issue's example): from 10%
	// in 2022, 10.5% in 2023, ..., 15% in 2032, then flat.
	s := actuarial.Phase{Start: 2023, From: 0.10, To: 0.15, Step: 0.005}.Schedule()
	require.NoError(t, s.Validate())
	assert.Equal(t, 0.10, s.At(2022))
	for y := 2023; y <= 2032; y++ {
		assert.InDelta(t, 0.10+0.005*float64(y-2022), s.At(y), tol, "year %d", y)
	}
	assert.Equal(t, 0.15, s.At(2033))
	assert.Equal(t, 0.15, s.At(2100))

	down := actuarial.Phase{Start: 2030, From: 65, To: 60, Step: 1}.Schedule() // a falling phase-in
	assert.Equal(t, 65.0, down.At(2029))
	assert.Equal(t, 64.0, down.At(2030))
	assert.Equal(t, 60.0, down.At(2034))
	jump := actuarial.Phase{Start: 2030, From: 0.08, To: 0.11, Step: 0}.Schedule()
	assert.Equal(t, 0.08, jump.At(2029))
	assert.Equal(t, 0.11, jump.At(2030))
}

func TestLinearAccrual(t *testing.T) {
	// ISSSTE transition regime (testdata/isstey/FACTS.md): age 55 with 15 years
	// gives 50%, rising 2.5 points a year to 75% at 25 years.
	const tol = 1e-12
	a := actuarial.LinearAccrual{MinService: 15, AtMin: 0.50, PerYear: 0.025, Max: 0.75}.Accrual()
	require.NoError(t, a.Validate())
	for _, c := range []struct {
		service int
		want    float64
	}{{0, 0}, {14, 0}, {15, 0.50}, {20, 0.625}, {25, 0.75}, {40, 0.75}} {
		assert.InDelta(t, c.want, a.Rate(c.service), tol, "service %d", c.service)
	}
	assert.Zero(t, actuarial.Accrual{}.Rate(30), "the zero Accrual pays nothing")
}

func TestFormulaCapAndFloor(t *testing.T) {
	// ISSTEY 1976 law: cap of 8 minimum wages; the 2019 cap was MXN 24,643.20
	// a month (testdata/isstey/FACTS.md), so the minimum wage was 3,080.40 a month.
	const tol = 1e-6 // money, a millionth of a peso
	unit := 12 * 3080.40
	f := actuarial.Formula{
		Accrual:        actuarial.Accrual{MinService: 30, Rates: []float64{1}},
		ReferenceYears: 2,
		Cap:            actuarial.Limit{Units: 8},
		Floor:          actuarial.Limit{Money: 12 * 5029.50}, // the lowest pension in 2019
	}
	require.NoError(t, f.Validate())
	assert.InDelta(t, 12*24643.20, f.Pension(30, 500000, unit), tol, "cap binds")
	assert.InDelta(t, 12*5029.50, f.Pension(30, 20000, unit), tol, "floor binds")
	assert.InDelta(t, 200000.0, f.Pension(30, 200000, unit), tol, "neither binds")
	assert.Zero(t, f.Pension(29, 200000, unit), "no pension without the service, floor or not")

	f.ReferenceShare = 0.85 // the 2022 law's 85% of the average
	assert.InDelta(t, 0.85*200000, f.Pension(30, 200000, unit), tol)

	both := actuarial.Limit{Money: 100, Units: 2}
	v, ok := both.Value(60)
	assert.True(t, ok)
	assert.Equal(t, 100.0, v, "the lower of money and units binds")
	_, ok = actuarial.Limit{}.Value(60)
	assert.False(t, ok, "the zero Limit is no limit")
}

func TestReferenceRatio(t *testing.T) {
	const tol = 1e-12
	// Closed form: with no merit and wage growth w, the salary k years back is
	// S/(1+w)^k, so the n-year average over the last salary is
	// (1/n)·Σ_{k<n}(1+w)^−k = (1 − v^n)/(n(1 − v)) with v = 1/(1+w).
	var s actuarial.SalaryScale
	w := 0.04
	v := 1 / (1 + w)
	for _, n := range []int{2, 5, 20} {
		want := (1 - math.Pow(v, float64(n))) / (float64(n) * (1 - v))
		assert.InDelta(t, want, s.ReferenceRatio(60, 30, n, w), tol, "n=%d", n)
	}
	assert.Equal(t, 1.0, s.ReferenceRatio(60, 30, 1, w), "one year: the last salary")
	assert.InDelta(t, (1+v)/2, s.ReferenceRatio(60, 2, 20, w), tol, "only two years of service to average")

	// With a flat 1% merit by age and no wage growth the same closed form
	// holds with w = 1%.
	m := actuarial.SalaryScale{MinAge: 20, ByAge: []float64{0.01}}
	require.NoError(t, m.Validate())
	assert.InDelta(t, s.ReferenceRatio(60, 30, 5, 0.01), m.ReferenceRatio(60, 30, 5, 0), tol)
	assert.InDelta(t, 1.01*1.02, actuarial.SalaryScale{ByAge: []float64{0.01}, ByService: []float64{0.02}}.Merit(40, 10), tol)
	assert.Error(t, actuarial.SalaryScale{ByAge: []float64{-1}}.Validate())
}

func TestEligibility(t *testing.T) {
	// The ISSTEY 2025 reform (testdata/isstey/FACTS.md): full pension at 30 years
	// (men) / 28 (women), any age; reduced at age 55 with 15 years.
	var e actuarial.Eligibility
	e.Full[actuarial.Male.Index()] = actuarial.Conditions{{MinService: 30}}
	e.Full[actuarial.Female.Index()] = actuarial.Conditions{{MinService: 28}}
	for s := range e.Reduced {
		e.Reduced[s] = actuarial.Conditions{{MinAge: 55, MinService: 15}}
	}
	for _, c := range []struct {
		sex          actuarial.Sex
		age, service int
		want         actuarial.Entitlement
	}{
		{actuarial.Male, 48, 30, actuarial.Full},
		{actuarial.Male, 48, 29, actuarial.NotEligible},
		{actuarial.Female, 48, 28, actuarial.Full},
		{actuarial.Male, 55, 15, actuarial.Reduced},
		{actuarial.Male, 54, 29, actuarial.NotEligible},
		{actuarial.Female, 60, 14, actuarial.NotEligible},
	} {
		assert.Equal(t, c.want, e.Status(c.sex, c.age, c.service), "%v aged %d with %d years", c.sex, c.age, c.service)
	}
	assert.Equal(t, 1.0, e.Reduction(actuarial.Male, 55), "no reduction per year: proportional pension")

	e.ReductionPerYear = 0.05
	e.FullAge = [actuarial.NumSexes]int{65, 65}
	assert.InDelta(t, 0.5, e.Reduction(actuarial.Male, 55), 1e-12, "ten years early at 5% a year")
	assert.Equal(t, 1.0, e.Reduction(actuarial.Male, 66))
}
