package projection_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lawVariants edit the rules of serTwoGroups with the rules of issue 12:
// the retirement law by sex (ISSTEY 2025: full pension after 28 years for
// women, 30 for men, each sex's scale reaching 100% at its own full
// service, a shorter reference period and a smaller reduction for women),
// a service requirement phased in by birth cohort, and retirement rates
// read by the years since first eligibility.
var lawVariants = []struct {
	name string
	edit func(s *scheme.Scheme)
}{
	{"by sex", func(s *scheme.Scheme) {
		eachRules(s, func(r *scheme.Rules) {
			r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{
				{{MinAge: 60, MinService: 30}, {MinAge: 65, MinService: 15}},
				{{MinAge: 58, MinService: 28}, {MinAge: 65, MinService: 15}},
			}
			r.Retirement.Accrual = actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 15, Max: 1}.Accrual()
			r.BySex[actuarial.Female.Index()] = scheme.SexRules{
				Accrual:        actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 13, Max: 1}.Accrual(),
				ReferenceYears: 3, ReductionPerYear: 0.03,
			}
		})
	}},
	{"service by cohort", func(s *scheme.Scheme) {
		eachRules(s, func(r *scheme.Rules) {
			full := actuarial.Conditions{{MinAge: 60, MinService: 30, ToCohort: 1969}, {MinAge: 60, MinService: 32, FromCohort: 1970}, {MinAge: 65, MinService: 15}}
			r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{full, full}
		})
	}},
	{"rates since eligibility", func(s *scheme.Scheme) {
		s.Assumptions.RetirementTiming = scheme.RatesSinceEligibility
	}},
	{"remarriage, orphans' end age by rule", func(s *scheme.Scheme) {
		rem := actuarial.ByAge{MinAge: 20, Values: []float64{0.08, 0.06, 0.05, 0.04, 0.03, 0.02, 0.01, 0.005, 0}}
		s.Assumptions.Family.Remarriage = [actuarial.NumSexes]actuarial.ByAge{rem, {MinAge: 25, Values: []float64{0.1, 0.05, 0}}}
		s.Groups[0].Rules[1].OrphanEndAge = 25
		if len(s.Groups) > 1 { // a second group to keep survivors' pensions on remarriage against
			s.Groups[1].Rules[0].KeepOnRemarriage = true
		}
	}},
	{"survivor's share by duration", func(s *scheme.Scheme) {
		// The 2022 ISSTEY law: 100% for 6 years, then 50%; the later
		// rules of group 0 add a third step.
		eachRules(s, func(r *scheme.Rules) {
			r.SurvivorShare, r.SurvivorSteps = 1, []scheme.ShareStep{{Years: 6, Share: 0.5}}
		})
		s.Groups[0].Rules[1].SurvivorSteps = []scheme.ShareStep{{Years: 3, Share: 0.8}, {Years: 10, Share: 0.4}}
		s.Assumptions.Family.Remarriage[actuarial.Female.Index()] = actuarial.ByAge{MinAge: 20, Values: []float64{0.05, 0.03, 0.01, 0}}
	}},
}

func eachRules(s *scheme.Scheme, f func(r *scheme.Rules)) {
	for g := range s.Groups {
		for i := range s.Groups[g].Rules {
			f(&s.Groups[g].Rules[i])
		}
	}
}

// TestLawRulesCellsMatchSeriatim: each rule of lawVariants is read by both
// engines from package rules, so the identities of
// TestSeriatimMatchesCellsWithoutLimits (seriatim values summed over the
// census equal the discounted cell projection) and of
// TestLiabilityCellsMatchRecords (the closed-group liability's benefits
// equal the projection's) hold under each.
func TestLawRulesCellsMatchSeriatim(t *testing.T) {
	actC, penC := serCensus(12, 1500, 200)
	act, pen := serRecords(t, actC, penC)
	base := serProject(t, serTwoGroups(t, serNoLimits, act, pen), serYears)
	for _, c := range lawVariants {
		t.Run(c.name, func(t *testing.T) {
			s := serTwoGroups(t, serNoLimits, act, pen)
			c.edit(s)
			require.NoError(t, s.Validate())
			want := serProject(t, s, serYears)
			require.NotEqual(t, base.Pensions, want.Pensions, "the rule changes nothing")
			v, err := projection.NewSeriatim(s, serYears)
			require.NoError(t, err)
			got, err := v.Total(act, pen)
			require.NoError(t, err)
			serAssertClose(t, want, got, serExactTol, c.name)

			cells, err := v.CellLiability()
			require.NoError(t, err)
			all := cells.PVFB
			all.Add(&cells.Pensioners)
			liaAssertBenefits(t, liaFlowBenefits(&want), all, serExactTol, 0, c.name+": liability against the projection")
		})
	}
}

// flatQ is a mortality table with the same q at every age and year.
type flatQ float64

func (q flatQ) Q(_, _ int) float64 { return float64(q) }
func (flatQ) MinAge() int          { return 0 }

// TestRemarriageDecay checks remarriage against the closed form of a
// single cohort: widows aged 40 with survivors' pensions, mortality q and
// remarriage r at every age, no indexation. Of n in payment on 1 January
// of year 0, n·((1−q)(1−r))^k are in payment k years later; the year pays
// A·((1−q)(1−r))^k·(1 − q/2) (deaths at mid-year) and ends
// n·((1−q)(1−r))^k·(1−q)·r pensions by remarriage; the seriatim value of
// one widow is Σ_k v^(k+½)·a·((1−q)(1−r))^k·(1 − q/2) at the fund's return
// i (v = 1/(1+i)). Under rules that keep the pension on remarriage, r
// is 0 in all of these.
func TestRemarriageDecay(t *testing.T) {
	const (
		q, i  = 0.01, 0.045
		n, a  = 1000.0, 12000.0
		years = 30
		tol   = 1e-12 // relative: products and sums of 30 terms
	)
	for _, keep := range []bool{false, true} {
		r := 0.05
		s := actuarialtest.ReferenceScheme(t, 65)
		s.Groups[0].Actives = nil
		s.Assumptions.Entrants = scheme.Entrants{}
		s.Assumptions.Return = actuarial.Constant(i)
		s.Assumptions.Mortality[scheme.StatusSurvivor] = [actuarial.NumSexes]scheme.YearTable{flatQ(q), flatQ(q)}
		s.Assumptions.Family.Remarriage[actuarial.Female.Index()] = actuarial.ByAge{Values: []float64{r}}
		rl := &s.Groups[0].Rules[0]
		rl.Indexation, rl.ExtraPayments, rl.KeepOnRemarriage = scheme.IndexNone, 0, keep
		if keep {
			r = 0
		}
		pen := &census.PensionerCells{Count: make([]float64, (&census.PensionerCells{}).Len()), Pension: make([]float64, (&census.PensionerCells{}).Len())}
		c := pen.Index(census.PensionSurvivor, actuarial.Female, 40)
		pen.Count[c], pen.Pension[c] = n, n*a
		s.Groups[0].Pensioners = pen
		require.NoError(t, s.Validate())

		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, years)
		require.NoError(t, err)
		ti := census.PensionSurvivor.Index()
		stay := (1 - q) * (1 - r)
		for k, y := range res.Years {
			f := math.Pow(stay, float64(k))
			assert.InEpsilon(t, n*f, y.Pensioners[ti], tol, "keep %v: in payment, year %d", keep, k)
			assert.InEpsilon(t, n*a*f*(1-q/2), y.Pensions[ti], tol, "keep %v: paid, year %d", keep, k)
			assert.InDelta(t, n*f*(1-q)*r, y.PensionsEnded[ti], tol*n, "keep %v: ended, year %d", keep, k)
		}

		v, err := projection.NewSeriatim(s, years)
		require.NoError(t, err)
		got, err := v.ValuePension(projection.PensionRecord{Type: census.PensionSurvivor, Sex: actuarial.Female, Age: 40, Pension: a})
		require.NoError(t, err)
		want := 0.0
		for k := range years {
			want += math.Pow(1+i, -(float64(k)+0.5)) * a * math.Pow(stay, float64(k)) * (1 - q/2)
		}
		assert.InEpsilon(t, want, got.Pensions[ti], tol, "keep %v: seriatim value", keep)
	}
}

// TestSurvivorShareByDuration values by hand the survivors' pensions of
// women pensioners who all die in the first year (q = 1) under the 2022
// ISSTEY rule, 100% of the pension for 6 years from the award, then 50%:
// their widowers, married with probability M, are paid half a year of
// A·M in year 0 (deaths at mid-year) and, in year k ≥ 1,
// A·M·f(k−1)·((1−q)(1−r))^(k−1)·(1 − q/2), with f(d) = 1 for d < 6 and
// ½ after, q and r the widowers' mortality and remarriage. The seriatim
// value of one such pensioner is the same flows discounted mid-year.
func TestSurvivorShareByDuration(t *testing.T) {
	const (
		q, r, i = 0.02, 0.03, 0.045
		married = 0.7
		n, a    = 100.0, 24000.0
		years   = 30
		tol     = 1e-12 // relative: products and sums of 30 terms
	)
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Groups[0].Actives = nil
	s.Assumptions.Entrants = scheme.Entrants{}
	s.Assumptions.Return = actuarial.Constant(i)
	s.Assumptions.Mortality[scheme.StatusRetired] = [actuarial.NumSexes]scheme.YearTable{flatQ(1), flatQ(1)}
	s.Assumptions.Mortality[scheme.StatusSurvivor] = [actuarial.NumSexes]scheme.YearTable{flatQ(q), flatQ(q)}
	fam := &s.Assumptions.Family
	fam.Married[actuarial.Female.Index()] = actuarial.ByAge{Values: []float64{married}}
	fam.Orphans = [actuarial.NumSexes]actuarial.ByAge{}
	fam.Remarriage[actuarial.Male.Index()] = actuarial.ByAge{Values: []float64{r}}
	rl := &s.Groups[0].Rules[0]
	rl.Indexation, rl.ExtraPayments = scheme.IndexNone, 0
	rl.SurvivorShare, rl.SurvivorSteps = 1, []scheme.ShareStep{{Years: 6, Share: 0.5}}
	// The pensions of 24 000 are below the reference floor of one unit: on
	// award only, the floor leaves the census pensions as they are.
	rl.Limits = scheme.LimitsAtAward
	pen := &census.PensionerCells{Count: make([]float64, (&census.PensionerCells{}).Len()), Pension: make([]float64, (&census.PensionerCells{}).Len())}
	c := pen.Index(census.PensionOldAge, actuarial.Female, 60)
	pen.Count[c], pen.Pension[c] = n, n*a
	s.Groups[0].Pensioners = pen
	require.NoError(t, s.Validate())

	flow := func(k int) float64 { // survivors' pensions paid in year k, per unit of A = n·a
		if k == 0 {
			return 0.5 * married
		}
		f := 1.0
		if k-1 >= 6 {
			f = 0.5
		}
		return married * f * math.Pow((1-q)*(1-r), float64(k-1)) * (1 - q/2)
	}
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	ti := census.PensionSurvivor.Index()
	want := 0.0
	for k, y := range res.Years {
		assert.InEpsilon(t, n*a*flow(k), y.Pensions[ti], tol, "paid, year %d", k)
		want += math.Pow(1+i, -(float64(k)+0.5)) * a * flow(k)
	}

	v, err := projection.NewSeriatim(s, years)
	require.NoError(t, err)
	got, err := v.ValuePension(projection.PensionRecord{Type: census.PensionOldAge, Sex: actuarial.Female, Age: 60, Pension: a})
	require.NoError(t, err)
	assert.InEpsilon(t, want, got.Pensions[ti], tol, "seriatim value")
}

// BenchmarkProjectLawRules is BenchmarkProjectReference under every rule
// of lawVariants at once (the law by sex, service by cohort, rates since
// eligibility, remarriage, orphans' end age and the survivor's share by
// duration): the cost of the rules, and that a run still allocates
// nothing once the Projector and its Result exist.
func BenchmarkProjectLawRules(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 65)
	s.Groups[0].Rules = append(s.Groups[0].Rules, actuarialtest.Rules(2030))
	for _, c := range lawVariants {
		c.edit(s)
	}
	benchRun(b, s, false, nil)
}

// TestOrphanEndAgeByRule checks Rules.OrphanEndAge against its
// definition: orphans aged 17 on the census date, mortality q, the family
// assumption ending orphans' pensions at 18 and the rules at 21 from the
// start: n·(1−q)^k are in payment in years k = 0..3 (ages 17–20), none
// from year 4, in the projection and in the seriatim value.
func TestOrphanEndAgeByRule(t *testing.T) {
	const (
		q, i = 0.01, 0.045
		n, a = 10.0, 6000.0
		tol  = 1e-12 // relative: a few products
	)
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Groups[0].Actives = nil
	s.Assumptions.Entrants = scheme.Entrants{}
	s.Assumptions.Return = actuarial.Constant(i)
	s.Assumptions.Mortality[scheme.StatusSurvivor] = [actuarial.NumSexes]scheme.YearTable{flatQ(q), flatQ(q)}
	rl := &s.Groups[0].Rules[0]
	rl.Indexation, rl.ExtraPayments, rl.OrphanEndAge = scheme.IndexNone, 0, 21
	pen := &census.PensionerCells{Count: make([]float64, (&census.PensionerCells{}).Len()), Pension: make([]float64, (&census.PensionerCells{}).Len())}
	c := pen.Index(census.PensionOrphan, actuarial.Male, 17)
	pen.Count[c], pen.Pension[c] = n, n*a
	s.Groups[0].Pensioners = pen
	require.NoError(t, s.Validate())
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 8)
	require.NoError(t, err)
	ti := census.PensionOrphan.Index()
	want := 0.0
	for k, y := range res.Years {
		if k <= 3 {
			assert.InEpsilon(t, n*math.Pow(1-q, float64(k)), y.Pensioners[ti], tol, "year %d", k)
			want += math.Pow(1+i, -(float64(k)+0.5)) * a * math.Pow(1-q, float64(k)) * (1 - q/2)
		} else {
			assert.Zero(t, y.Pensioners[ti], "year %d", k)
		}
	}
	v, err := projection.NewSeriatim(s, 8)
	require.NoError(t, err)
	got, err := v.ValuePension(projection.PensionRecord{Type: census.PensionOrphan, Sex: actuarial.Male, Age: 17, Pension: a})
	require.NoError(t, err)
	assert.InEpsilon(t, want, got.Pensions[ti], tol, "seriatim value")
}

// TestProjectorReuseAcrossRuns: a projector keeps the factors of each
// group's rules and their reference ratios by period across years and
// runs, and under conditions bounded by birth cohort updates only the
// cells whose exits change from one year to the next. Its results are
// those of a fresh projector that recomputes every factor whenever the
// exits change (projection.FullFactors), bit for bit, for each of
// lawVariants (rules changing in the course of the run, reference periods
// by sex, cohort bounds) and the reference scheme with and without cohort
// bounds, in a fresh projector and in one Reset from scheme to scheme and
// run twice in a row, in two rounds.
func TestProjectorReuseAcrossRuns(t *testing.T) {
	schemes, ref, cohort, _, _ := reuseSchemes(t)
	schemes = append(schemes, ref, cohort, ref)
	const years = 60
	want := make([]*projection.Result, len(schemes))
	for i, s := range schemes {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		projection.FullFactors(p)
		want[i], err = p.Run(nil, years)
		require.NoError(t, err)
		p, err = projection.NewProjector(s)
		require.NoError(t, err)
		got, err := p.Run(nil, years)
		require.NoError(t, err)
		require.Equal(t, want[i], got, "fresh projector, scheme %d", i)
	}
	var p projection.Projector
	for round := range 2 {
		for i, s := range schemes {
			require.NoError(t, p.Reset(s))
			for run := range 2 {
				got, err := p.Run(nil, years)
				require.NoError(t, err)
				require.Equal(t, want[i], got, "round %d, scheme %d, run %d", round, i, run)
			}
		}
	}
}

// reuseSchemes returns the schemes the tests of a Projector reused across
// runs project: those of lawVariants, on the records act and pen of a
// two-group census (returned too), and the reference scheme (a dense
// census, average salaries) as it is (ref) and with its full pension's
// service phased in by cohort and a later rule from 2040 (cohort).
func reuseSchemes(t *testing.T) (variants []*scheme.Scheme, ref, cohort *scheme.Scheme, act []projection.ActiveRecord, pen []projection.PensionRecord) {
	t.Helper()
	actC, penC := serCensus(12, 1500, 200)
	act, pen = serRecords(t, actC, penC)
	for _, c := range lawVariants {
		s := serTwoGroups(t, serNoLimits, act, pen)
		c.edit(s)
		variants = append(variants, s)
	}
	ref = actuarialtest.ReferenceScheme(t, 65)
	cohort = actuarialtest.ReferenceScheme(t, 65)
	r := &cohort.Groups[0].Rules[0]
	full := actuarial.Conditions{{MinAge: 60, MinService: 30, ToCohort: 1965}, {MinAge: 60, MinService: 33, FromCohort: 1966, ToCohort: 1975},
		{MinAge: 62, MinService: 35, FromCohort: 1976}, {MinAge: 65, MinService: 15}}
	r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{full, full}
	later := *r
	later.From, later.Retirement.ReferenceYears = 2040, 8
	cohort.Groups[0].Rules = append(cohort.Groups[0].Rules, later)
	return variants, ref, cohort, act, pen
}
