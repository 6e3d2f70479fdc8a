package projection_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// serImproving is a generational table: the base table's q falling by rate
// a year from year on, so that every calendar year has its own rates.
type serImproving struct {
	base mortality.Table
	rate float64
	year int
}

func (m serImproving) Q(age, year int) float64 {
	return m.base.Q(age) * math.Pow(1-m.rate, float64(year-m.year))
}

func (m serImproving) MinAge() int { return m.base.MinAge() }

// serAssumptions are the reference assumptions (projAssumptions) for a
// closed group, with orphans left by members of 20 to 55 (the reference
// family has none after 27, when nobody has the five years of service a
// disability pension, and so an orphan's pension, needs) and, when
// improving is set, mortality of actives and pensioners improving by 1% a
// year from 2025.
func serAssumptions(tb testing.TB, improving bool) scheme.Assumptions {
	as := actuarialtest.Assumptions(tb)
	as.Entrants = scheme.Entrants{}
	orphans, ages := make([]float64, 36), make([]float64, 36)
	for i := range orphans {
		orphans[i] = 1.2 * math.Exp(-0.5*math.Pow(float64(i-12)/8, 2)) // most around 32
		ages[i] = math.Max(0, float64(i+20-28))
	}
	for sx := range actuarial.NumSexes {
		as.Family.Orphans[sx] = actuarial.ByAge{MinAge: 20, Values: orphans}
		as.Family.OrphanAge[sx] = actuarial.ByAge{MinAge: 20, Values: ages}
	}
	if improving {
		men, women := actuarialtest.EMSSA09(tb)
		as.Mortality[scheme.StatusActive] = [actuarial.NumSexes]scheme.YearTable{
			serImproving{men, 0.01, 2025}, serImproving{women, 0.01, 2025},
		}
	}
	return as
}

// serNoLimits removes the rules' ceiling, caps and floors.
func serNoLimits(r scheme.Rules) scheme.Rules {
	r.Ceiling = actuarial.Limit{}
	r.Retirement.Cap, r.Retirement.Floor = actuarial.Limit{}, actuarial.Limit{}
	r.Disability.Cap, r.Disability.Floor = actuarial.Limit{}, actuarial.Limit{}
	return r
}

// serReform is a parametric reform of the reference rules from year from:
// the worker's rate rising by a point a year from 6% to 9%, full pensions
// at 62 with 30 years or 67 with 20, 40% at 20 years plus 2 points a year
// to 90% on the last 10 years, compulsory retirement at 67, and indexation
// to wages.
func serReform(from int) scheme.Rules {
	r := actuarialtest.Rules(from)
	r.ContributionRate[scheme.Worker] = actuarial.Phase{Start: from, From: 0.06, To: 0.09, Step: 0.01}.Schedule()
	full := actuarial.Conditions{{MinAge: 62, MinService: 30}, {MinAge: 67, MinService: 20}}
	r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{full, full}
	r.Eligibility.FullAge = [actuarial.NumSexes]int{67, 67}
	r.Retirement.Accrual = actuarial.LinearAccrual{MinService: 20, AtMin: 0.40, PerYear: 0.02, Max: 0.90}.Accrual()
	r.Retirement.ReferenceYears = 10
	r.CompulsoryAge = [actuarial.NumSexes]int{67, 67}
	r.Indexation = scheme.IndexWages
	return r
}

// serCensus draws n actives from a seeded source: sex even, age 18–69
// (more at middle ages), service from 0 to age − 18, salaries lognormal
// around 2.5 minimum wages at 20 rising to about 4 at 50 (σ = 0.6, so that
// one member in a few dozen earns over ten), in cents; and pensions of every
// type, lognormal around two minimum wages, orphans under 18.
func serCensus(seed uint64, n, pensions int) ([]census.Active, []census.Pensioner) {
	rng := rand.New(rand.NewPCG(seed, 0x5e1a71))
	const unit = 12 * 3000
	act := make([]census.Active, n)
	for i := range act {
		sex := actuarial.Male
		if rng.IntN(2) == 1 {
			sex = actuarial.Female
		}
		age := 18 + min(rng.IntN(26)+rng.IntN(27), 51)
		sv := rng.IntN(age - 17)
		mean := unit * 2.5 * (1 + 0.6*math.Min(1, float64(age-20)/30))
		pay := mean * math.Exp(0.6*rng.NormFloat64()-0.18)
		act[i] = census.Active{
			ID: fmt.Sprint("A", i), Sex: sex, Age: age, Service: sv,
			Salary: decimal.NewFromFloat(pay).Round(2),
		}
	}
	pen := make([]census.Pensioner, pensions)
	for i := range pen {
		typ := census.PensionTypeAt(rng.IntN(serDrawnTypes))
		sex := actuarial.Male
		if rng.IntN(2) == 1 {
			sex = actuarial.Female
		}
		age := 55 + rng.IntN(45)
		switch typ {
		case census.PensionDisability, census.PensionSurvivor:
			age = 30 + rng.IntN(70)
		case census.PensionOrphan:
			age = rng.IntN(18)
		}
		pay := unit * 2 * math.Exp(0.5*rng.NormFloat64())
		pen[i] = census.Pensioner{ID: fmt.Sprint("P", i), Sex: sex, Age: age, Type: typ, Pension: decimal.NewFromFloat(pay).Round(2)}
	}
	return act, pen
}

// serRecords turns a census into records of group 0.
func serRecords(tb testing.TB, act []census.Active, pen []census.Pensioner) ([]projection.ActiveRecord, []projection.PensionRecord) {
	tb.Helper()
	ar, err := projection.ActiveRecords(nil, 0, act)
	require.NoError(tb, err)
	pr, err := projection.PensionRecords(nil, 0, pen)
	require.NoError(tb, err)
	return ar, pr
}

// serCells groups records into the cells of each group.
// serDrawnTypes are the pension types serCensus draws: the five that are
// not work risks, as before those were added, so that its records stay the
// same.
const serDrawnTypes = 5

func serCells(tb testing.TB, groups int, act []projection.ActiveRecord, pen []projection.PensionRecord) ([]*census.ActiveCells, []*census.PensionerCells) {
	tb.Helper()
	ac := make([]*census.ActiveCells, groups)
	pc := make([]*census.PensionerCells, groups)
	for g := range groups {
		a := &census.ActiveCells{}
		a.Count, a.Salary = make([]float64, a.Len()), make([]float64, a.Len())
		p := &census.PensionerCells{}
		p.Count, p.Pension = make([]float64, p.Len()), make([]float64, p.Len())
		ac[g], pc[g] = a, p
	}
	for _, r := range act {
		a := ac[r.Group]
		i := a.Index(r.Sex, r.Age, r.Service)
		a.Count[i]++
		a.Salary[i] += r.Salary
	}
	for _, r := range pen {
		p := pc[r.Group]
		i := p.Index(r.Type, r.Sex, r.Age)
		p.Count[i]++
		p.Pension[i] += r.Pension
	}
	return ac, pc
}

// serScheme is a scheme of the given groups' rules on the assumptions,
// with the census cells of the records. Its caps and floors apply on award
// only (scheme.LimitsAtAward): in payment a cell applies them to the
// average of pensions awarded to many members in many years, so that the
// projection by cells is the reference of the seriatim engine under
// limits in payment only where they bind for all alike
// (TestSeriatimLimitsInPaymentMatchCells).
func serScheme(tb testing.TB, as scheme.Assumptions, rules [][]scheme.Rules, act []projection.ActiveRecord, pen []projection.PensionRecord) *scheme.Scheme {
	tb.Helper()
	ac, pc := serCells(tb, len(rules), act, pen)
	s := &scheme.Scheme{Name: "seriatim", StartYear: 2025, Assumptions: as}
	for g := range rules {
		for i := range rules[g] {
			rules[g][i].Limits = scheme.LimitsAtAward
		}
		s.Groups = append(s.Groups, scheme.Group{Name: fmt.Sprint("group ", g), Actives: ac[g], Pensioners: pc[g], Rules: rules[g]})
	}
	return s
}

// serProject projects s and returns the present values of its flows.
func serProject(tb testing.TB, s *scheme.Scheme, years int) projection.FlowValues {
	tb.Helper()
	p, err := projection.NewProjector(s)
	require.NoError(tb, err)
	res, err := p.Run(nil, years)
	require.NoError(tb, err)
	f, err := res.PresentValues()
	require.NoError(tb, err)
	return f
}

// serTopUpName is the name serFlows gives the minimum-pension top-up.
const serTopUpName = "minimum top-up"

// serFlows lists the components of FlowValues with their names.
func serFlows(f *projection.FlowValues) (names []string, values []float64) {
	names = append(names, "salaries")
	values = append(values, f.Salaries)
	for p := range scheme.NumPayers {
		names = append(names, "contributions of "+scheme.Payer(p).String())
		values = append(values, f.Contributions[p])
	}
	for i := range census.NumPensionTypes {
		names = append(names, "pensions "+census.PensionTypeAt(i).String())
		values = append(values, f.Pensions[i])
	}
	names = append(names, "extra payments", "refunds", serTopUpName)
	values = append(values, f.ExtraPayments, f.Refunds, f.MinimumTopUp)
	return names, values
}

// serRelDiff is the relative difference of each component, measured
// against the larger of the two values and a floor of scale (so that a
// component that is 0 in both compares as equal).
func serRelDiff(want, got *projection.FlowValues, scale float64) (names []string, diffs []float64) {
	names, w := serFlows(want)
	_, g := serFlows(got)
	diffs = make([]float64, len(w))
	for i := range w {
		diffs[i] = (g[i] - w[i]) / math.Max(scale, math.Max(math.Abs(w[i]), math.Abs(g[i])))
	}
	return names, diffs
}

// serAssertClose asserts that every component agrees within tol, relative.
func serAssertClose(tb testing.TB, want, got projection.FlowValues, tol float64, msg string) {
	tb.Helper()
	names, diffs := serRelDiff(&want, &got, 1e-6*math.Abs(want.Salaries))
	_, w := serFlows(&want)
	_, g := serFlows(&got)
	for i, d := range diffs {
		if math.Abs(d) > tol {
			tb.Errorf("%s: %s: want %.10g, got %.10g (relative difference %.3g > %g)", msg, names[i], w[i], g[i], d, tol)
		}
	}
}
