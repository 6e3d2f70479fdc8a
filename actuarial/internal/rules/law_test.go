package rules_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cell is the index of sex index sx, age and service in a table of exits.
func cell(sx, age, sv int) int { return (sx*rules.NumAges+age)*(ms+1) + sv }

// TestExitsBySex checks the 2025 ISSTEY shape against its definition: a
// full pension after 28 years for women and 30 for men, each sex's
// proportional scale (50% at 15 years, straight to 100% at its own full
// service) written in BySex, the reduction by hand (1 − 0.04·(65 − 58)
// for women, the rules' 0.05 a year for men), and each sex's reference
// period.
func TestExitsBySex(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	r := &s.Groups[0].Rules[0]
	r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{{{MinService: 30}}, {{MinService: 28}}}
	r.Eligibility.Reduced = [actuarial.NumSexes]actuarial.Conditions{{{MinAge: 55, MinService: 15}}, {{MinAge: 55, MinService: 15}}}
	men := actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 15, Max: 1}.Accrual()
	women := actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 13, Max: 1}.Accrual()
	r.Retirement.Accrual = men
	r.BySex[actuarial.Female.Index()] = scheme.SexRules{Accrual: women, ReferenceYears: 3, ReductionPerYear: 0.04}
	require.NoError(t, s.Validate())
	ex := rules.Compile(s, ms).ExitsAt(0, 0, 2025)
	m, w := actuarial.Male.Index(), actuarial.Female.Index()
	for _, c := range []struct {
		sx, age, sv int
		kind        rules.Exit
		factor      float64
	}{
		{w, 56, 28, rules.Full, 1},
		{m, 56, 28, rules.Reduced, (1 - 0.05*9) * (0.5 + 13*0.5/15)},
		{m, 50, 28, rules.None, 0}, // reduced needs age 55
		{m, 58, 28, rules.Reduced, (1 - 0.05*7) * (0.5 + 13*0.5/15)},
		{w, 58, 27, rules.Reduced, (1 - 0.04*7) * (0.5 + 12*0.5/13)},
		{m, 57, 30, rules.Full, 1},
		{w, 60, 20, rules.Reduced, (1 - 0.04*5) * (0.5 + 5*0.5/13)},
	} {
		k := cell(c.sx, c.age, c.sv)
		assert.Equal(t, c.kind, ex.Kind[k], "sex %d age %d service %d", c.sx, c.age, c.sv)
		assert.InDelta(t, c.factor, ex.Factor[k], closedFormTol, "sex %d age %d service %d", c.sx, c.age, c.sv)
	}
	assert.Equal(t, [actuarial.NumSexes]int{5, 3}, ex.RetYears)
}

// TestExitsByCohort checks a service requirement phased in by birth
// cohort against its definition: 30 years for those born up to 1969, 32
// from 1970, a member aged x on 1 January of year y being born in
// y − x − 1. The exits change by year while cohorts on both sides of the
// bound are alive, and stop changing once every living cohort is past it.
func TestExitsByCohort(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	r := &s.Groups[0].Rules[0]
	full := actuarial.Conditions{{MinService: 30, ToCohort: 1969}, {MinService: 32, FromCohort: 1970}}
	r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{full, full}
	r.Eligibility.Reduced = [actuarial.NumSexes]actuarial.Conditions{}
	require.NoError(t, s.Validate())
	law := rules.Compile(s, ms)
	for _, c := range []struct {
		year, age, sv int
		kind          rules.Exit
	}{
		{2030, 60, 30, rules.Full}, // born 1969
		{2030, 59, 31, rules.None}, // born 1970
		{2030, 59, 32, rules.Full},
		{2031, 60, 31, rules.None}, // born 1970 too, a year later
		{2032, 61, 32, rules.Full},
	} {
		k := cell(0, c.age, c.sv)
		assert.Equal(t, c.kind, law.ExitsAt(0, 0, c.year).Kind[k], "%d: age %d service %d", c.year, c.age, c.sv)
	}
	late := 1969 + census.MaxCensusAge + 2
	assert.Same(t, law.ExitsAt(0, 0, late), law.ExitsAt(0, 0, late+40), "past every bound")
	assert.NotSame(t, law.ExitsAt(0, 0, 2030), law.ExitsAt(0, 0, 2031))
}

// TestRatesSinceEligibility checks RatesSinceEligibility against its
// definition: rules from 2030 raising the full-pension age from 60 to 62
// (after 30 years) give a member newly eligible at 62 the base rate at
// 60, and one at 64 the base rate at 62; RatesByAge keeps the rate of the
// age; a member whose first eligibility does not move (65 with 15 years)
// keeps the rate of his age.
func TestRatesSinceEligibility(t *testing.T) {
	for _, timing := range []scheme.RetirementTiming{scheme.RatesByAge, scheme.RatesSinceEligibility} {
		s := actuarialtest.ReferenceScheme(t, 65)
		s.Assumptions.RetirementTiming = timing
		rr := &s.Assumptions.Retirement[0].Full
		*rr = actuarial.ByAge{MinAge: 55, Values: []float64{0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 1}}
		later := actuarialtest.Rules(2030)
		later.Eligibility.Full[0] = actuarial.Conditions{{MinAge: 62, MinService: 30}, {MinAge: 65, MinService: 15}}
		s.Groups[0].Rules = append(s.Groups[0].Rules, later)
		require.NoError(t, s.Validate())
		law := rules.Compile(s, ms)
		ex := law.ExitsAt(0, 1, 2030)
		shift := 0
		if timing == scheme.RatesSinceEligibility {
			shift = 2
		}
		for _, c := range []struct{ age, sv, shift int }{{62, 35, shift}, {64, 37, shift}, {65, 20, 0}} {
			k := cell(0, c.age, c.sv)
			assert.Equal(t, rules.Full, ex.Kind[k])
			assert.Equal(t, rr.At(c.age-c.shift), ex.Rate[k], "%v: age %d service %d", timing, c.age, c.sv)
		}
		base := law.ExitsAt(0, 0, 2025)
		k := cell(0, 61, 35)
		assert.Equal(t, rr.At(61), base.Rate[k], "the base rules keep their rates")
	}
}
