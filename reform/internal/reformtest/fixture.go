// Package reformtest holds the fixtures of the report and chart tests of
// package reform and reform/chart.
package reformtest

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/require"
)

// The fixtures: a small synthetic scheme,
// built and projected through package actuarial's public API, and a reform
// of it, so that golden files stay small and stable.

// StartYear is the census year of the fixtures.
const StartYear = 2025

// Mortality is the Standard Ultimate Survival Model of Dickson, Hardy
// and Waters, Actuarial Mathematics for Life Contingent Risks (AMLCR),
// 2nd ed., §4.3: Makeham with A = 0.00022, B = 2.7e-6, c = 1.124, for both
// sexes.
func Mortality(tb testing.TB) scheme.PeriodTable {
	tb.Helper()
	t, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 0, census.MaxCensusAge)
	require.NoError(tb, err)
	return scheme.PeriodTable{Table: t}
}

// Scheme is a one-group scheme: actives aged 25–64 with service since
// 25, pensioners aged 65–95 and a few survivors, contributions of
// worker+employer% of salary, a full pension at 65 with 10 years of
// service (30% plus 1 point a year to 70%), no indexation, 4% returns on a
// reserve of reserve money units and 3% wage growth, with entrants keeping
// the actives constant. Reforms raise the contribution rate from a year
// (raiseFrom, 0: never) to raised.
func Scheme(tb testing.TB, name string, reserve, rate float64, raiseFrom int, raised float64) *scheme.Scheme {
	tb.Helper()
	a := &census.ActiveCells{MaxService: 40}
	a.Count = make([]float64, a.Len())
	a.Salary = make([]float64, a.Len())
	p := &census.PensionerCells{}
	p.Count = make([]float64, p.Len())
	p.Pension = make([]float64, p.Len())
	for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		w := 1.0
		if sex == actuarial.Female {
			w = 0.8
		}
		for age := 25; age <= 64; age++ {
			c := a.Index(sex, age, age-25)
			n := w * (120 - float64(age))
			a.Count[c] = n
			a.Salary[c] = n * 30000 * (1 + 0.02*float64(age-25))
		}
		for age := 65; age <= 95; age++ {
			c := p.Index(census.PensionOldAge, sex, age)
			n := w * 1.6 * (100 - float64(age))
			p.Count[c] = n
			p.Pension[c] = n * 18000
		}
		for age := 60; age <= 90; age += 5 {
			c := p.Index(census.PensionSurvivor, sex, age)
			p.Count[c] = (2 - w) * 10
			p.Pension[c] = (2 - w) * 10 * 9000
		}
	}
	full := actuarial.Conditions{{MinAge: 65, MinService: 10}}
	rules := []scheme.Rules{{
		From: StartYear,
		ContributionRate: [scheme.NumPayers]actuarial.Schedule{
			scheme.Worker:   actuarial.Constant(rate / 2),
			scheme.Employer: actuarial.Constant(rate / 2),
		},
		Eligibility:   actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{full, full}},
		Retirement:    actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 10, AtMin: 0.30, PerYear: 0.01, Max: 0.70}.Accrual()},
		CompulsoryAge: [actuarial.NumSexes]int{65, 65},
	}}
	if raiseFrom != 0 {
		r := rules[0]
		r.From = raiseFrom
		r.ContributionRate = [scheme.NumPayers]actuarial.Schedule{
			scheme.Worker:   actuarial.Constant(raised / 2),
			scheme.Employer: actuarial.Constant(raised / 2),
		}
		rules = append(rules, r)
	}
	m := Mortality(tb)
	var profile []scheme.EntrantProfile
	for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		profile = append(profile, scheme.EntrantProfile{Sex: sex, Age: 25, Weight: 1, Salary: 30000})
	}
	return &scheme.Scheme{
		Name:      name,
		StartYear: StartYear,
		Groups: []scheme.Group{{
			Name: "all", Actives: a, Pensioners: p, Rules: rules,
		}},
		Assumptions: scheme.Assumptions{
			Mortality:  [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{scheme.StatusActive: {m, m}},
			WageGrowth: actuarial.Constant(0.03),
			Return:     actuarial.Constant(0.04),
			Entrants:   scheme.Entrants{Mode: scheme.ReplacementEntrants, Profile: profile},
		},
		InitialReserve: reserve,
	}
}

// Project projects s for years years (with the detail by cell when
// detail is set) and summarizes it over all of them at the fund's returns.
func Project(tb testing.TB, name string, s *scheme.Scheme, years int, detail bool) reform.Outcome {
	tb.Helper()
	pr, err := projection.NewProjector(s)
	require.NoError(tb, err)
	pr.Detail = detail
	res, err := pr.Run(nil, years)
	require.NoError(tb, err)
	curve, err := res.ReturnCurve()
	require.NoError(tb, err)
	sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{Curve: curve})
	require.NoError(tb, err)
	return reform.Outcome{Name: name, Result: res, Summary: sum}
}

// Outcomes are the base scheme and a reform raising its contribution
// rate from 14% to 20% in 2028, projected for years years.
func Outcomes(tb testing.TB, years int) []reform.Outcome {
	tb.Helper()
	return []reform.Outcome{
		Project(tb, "base", Scheme(tb, "base", 6e7, 0.14, 0, 0), years, false),
		Project(tb, "reform", Scheme(tb, "reform", 6e7, 0.14, 2028, 0.20), years, false),
	}
}

// Years is the length of the fixtures' projections in the report and
// chart tests: long enough for the base's reserve to run out (2033).
const Years = 12

// BenchOutcomes are three scenarios of the fixture projected for 100
// years: the base and two contribution reforms.
func BenchOutcomes(b testing.TB) []reform.Outcome {
	b.Helper()
	return []reform.Outcome{
		Project(b, "base", Scheme(b, "base", 6e7, 0.14, 0, 0), 100, false),
		Project(b, "20% from 2028", Scheme(b, "r1", 6e7, 0.14, 2028, 0.20), 100, false),
		Project(b, "24% from 2030", Scheme(b, "r2", 6e7, 0.14, 2030, 0.24), 100, false),
	}
}

// Clone returns a copy of o whose Result rows and Summary can be
// changed without touching o.
func Clone(o reform.Outcome) reform.Outcome {
	r := *o.Result
	r.Years = append([]projection.YearResult(nil), r.Years...)
	o.Result = &r
	if o.Summary != nil {
		s := *o.Summary
		s.ReserveRatio = append([]float64(nil), s.ReserveRatio...)
		o.Summary = &s
	}
	return o
}

// ContributionReform is the reform of [Outcomes] as two measures, the
// worker's and the employer's rate each raised from 7% to 10% in 2028,
// for the attribution of its effect.
func ContributionReform() reform.Reform {
	return reform.Reform{Name: "reform", Changes: []reform.Change{
		reform.ContributionRate{Year: 2028, Payer: scheme.Worker, Rate: 0.10},
		reform.ContributionRate{Year: 2028, Payer: scheme.Employer, Rate: 0.10},
	}}
}

// Attribution attributes the effect of [ContributionReform] on the base
// of [Outcomes], projected for [Years] years.
func Attribution(tb testing.TB) *reform.Attribution {
	tb.Helper()
	a, err := reform.Attribute(Scheme(tb, "base", 6e7, 0.14, 0, 0), ContributionReform(), reform.Options{Years: Years, Workers: 1})
	require.NoError(tb, err)
	return a
}

// Tornado is the sensitivity of the base of [Outcomes], projected for
// [Years] years, to returns and wage growth ±1 point and mortality ±10%.
func Tornado(tb testing.TB) *reform.Tornado {
	tb.Helper()
	t, err := reform.Sensitivity(Scheme(tb, "base", 6e7, 0.14, 0, 0),
		reform.Shocks{Returns: 0.01, WageGrowth: 0.01, Mortality: 0.1}, reform.Options{Years: Years, Workers: 1})
	require.NoError(tb, err)
	return t
}
