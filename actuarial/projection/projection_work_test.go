package projection_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// workTable is a service table by age only, ages 15..70, of constant
// independent rates of disability (not at work), death at work and
// disability at work; a zero rate leaves its column out.
func workTable(tb testing.TB, qi, qwd, qwi float64) *actuarial.ServiceTable {
	tb.Helper()
	const minAge, maxAge = 15, 70
	col := func(q float64) []float64 {
		if q == 0 {
			return nil
		}
		c := make([]float64, maxAge-minAge+1)
		for i := range c {
			c[i] = q
		}
		return c
	}
	t, err := actuarial.NewServiceTable(minAge, 0, [actuarial.NumDecrements][]float64{
		actuarial.Disability: col(qi), actuarial.WorkDeath: col(qwd), actuarial.WorkDisability: col(qwi),
	}, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(tb, err)
	return t
}

// flatWork is 100% of the last salary from 0 years of service: the work
// risks' formula without a service condition.
var flatWork = actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}}

// TestWorkDeathStationary: a single-decrement stationary population. N men
// join at 20 each year on a salary S (no merit, no wage growth), meet only
// death at work, at an independent rate q constant in age (no other
// mortality in service), and leave at the compulsory age 65; a death
// leaves a widow three years younger with probability m, paid σ·S for
// life (the 2025 ISSTEY reform's 100% of the last salary is σ = 1), not
// indexed, on EMSSA-09 women's mortality. Once every cohort is in place
// (the table ends at 109, so after 45 + 92 years exactly), each year
// there are
//
//	D_a = N (1−q)^(a−20) q   deaths at work at age a = 20..64,
//
// each awarding m·σ·S on the next 1 January to a widow aged a−2, paid
// half the year of the death, then for life at the exposure 1 − q/2 of
// each year: the widows' pensions paid a year are
//
//	Σ_a D_a m σ S (½ + e̊_{a−2}),
//
// e̊ the complete expectation of life of the widows' table under UDD
// (Σ_{j≥0} ⱼp (1 − ½ q_{x+j}) = e_x + ½). The ordinary survivors' share is
// 0: only the work risk pays.
func TestWorkDeathStationary(t *testing.T) {
	const stationaryTol = 1e-9 // relative; sums over 45 ages and 90 years
	const (
		n, sal, q, m, sigma = 1000.0, 100000.0, 0.002, 0.7, 0.8
		years               = 150
	)
	s := actuarialtest.ReferenceScheme(t, 65)
	_, women := actuarialtest.EMSSA09(t)
	zeros := make([]float64, census.MaxCensusAge)
	none, err := mortality.NewTable(0, zeros)
	require.NoError(t, err)
	as := &s.Assumptions
	as.Mortality = [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
		scheme.StatusActive:   {scheme.PeriodTable{Table: none}, scheme.PeriodTable{Table: none}},
		scheme.StatusSurvivor: {scheme.PeriodTable{Table: women}, scheme.PeriodTable{Table: women}},
	}
	as.Decrements = [actuarial.NumSexes]*actuarial.ServiceTable{workTable(t, 0, q, 0), workTable(t, 0, q, 0)}
	as.Salary, as.WageGrowth = actuarial.SalaryScale{}, nil
	as.Entrants = scheme.Entrants{Mode: scheme.FixedEntrants, Count: actuarial.Constant(n),
		Profile: []scheme.EntrantProfile{{Sex: actuarial.Male, Age: 20, Weight: 1, Salary: sal}}}
	as.Family.Married[0] = actuarial.ByAge{MinAge: 0, Values: []float64{m}}
	as.Family.AgeGap[0] = 3
	g := &s.Groups[0]
	g.Actives, g.Pensioners = nil, nil
	r := &g.Rules[0]
	r.Eligibility = actuarial.Eligibility{}
	r.SurvivorShare, r.OrphanShare, r.RefundShare, r.ExtraPayments = 0, 0, 0, 0
	r.Indexation = scheme.IndexNone
	r.WorkRisks = scheme.WorkRisks{Death: flatWork, SurvivorShare: sigma}

	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)

	var deaths, paid, awarded float64
	for a := 20; a <= 64; a++ {
		d := n * math.Pow(1-q, float64(a-20)) * q
		deaths += d
		awarded += d * m * sigma * sal
		paid += d * m * sigma * sal * (0.5 + women.LifeExpectancy(a-2))
	}
	y := res.Years[years-1]
	ws := census.PensionWorkSurvivor.Index()
	assert.InEpsilon(t, deaths, y.Exits[actuarial.WorkDeath], stationaryTol, "deaths at work")
	assert.InEpsilon(t, n*(1-math.Pow(1-q, 45)), y.Exits[actuarial.WorkDeath], stationaryTol, "deaths at work, summed")
	assert.Zero(t, y.Exits[actuarial.Death], "no other death in service")
	assert.InEpsilon(t, deaths*m, y.NewPensions[ws], stationaryTol, "widows' pensions awarded")
	assert.InEpsilon(t, awarded, y.NewPensionAmounts[ws], stationaryTol, "their amounts")
	assert.InEpsilon(t, paid, y.Pensions[ws], stationaryTol, "widows' pensions paid: Σ D m σ S (½ + e̊)")
	assert.Zero(t, y.Pensions[census.PensionSurvivor.Index()], "the ordinary survivors' share is 0")
	assert.InEpsilon(t, paid, res.Years[years-2].Pensions[ws], stationaryTol, "stationary")
}

// TestWorkDisabilityWithoutService: the 1976 ISSTEY law's disability at
// work needs no service. N men aged 30 with 0 years of service, on EMSSA-09
// mortality d, meet disability (not at work) at the independent rate i and
// disability at work at w. Under UDD in each single-decrement table
// (Bowers et al. §10.6, three causes) the disabled at work in the first
// year are
//
//	N w (1 − ½(d + i) + ⅓ d i),
//
// each awarded 70% of his salary S; the reference rules' disability
// pension needs 5 years, so the others get nothing. Paid half the first
// year; on the next 1 January the pensions are in payment, indexed at 3%,
// and in the second year they are paid at the exposure 1 − ½q of the
// disabled (EMSSA-09 at 31).
func TestWorkDisabilityWithoutService(t *testing.T) {
	const closedFormTol = 1e-12
	const n, sal, qi, qw, share = 100.0, 50000.0, 0.004, 0.01, 0.7
	s := actuarialtest.ReferenceScheme(t, 65)
	men, _ := actuarialtest.EMSSA09(t)
	as := &s.Assumptions
	as.Decrements = [actuarial.NumSexes]*actuarial.ServiceTable{workTable(t, qi, 0, qw), workTable(t, qi, 0, qw)}
	as.Entrants = scheme.Entrants{}
	g := &s.Groups[0]
	ac := &census.ActiveCells{}
	ac.Count, ac.Salary = make([]float64, ac.Len()), make([]float64, ac.Len())
	c := ac.Index(actuarial.Male, 30, 0)
	ac.Count[c], ac.Salary[c] = n, n*sal
	g.Actives, g.Pensioners = ac, nil
	g.Rules[0].WorkRisks = scheme.WorkRisks{Disability: actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{share}}}}

	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 2)
	require.NoError(t, err)
	d := men.Q(30)
	wdis := n * qw * (1 - 0.5*(d+qi) + d*qi/3)
	odis := n * qi * (1 - 0.5*(d+qw) + d*qw/3)
	wi := census.PensionWorkDisability.Index()
	y := res.Years[0]
	assert.InEpsilon(t, wdis, y.Exits[actuarial.WorkDisability], closedFormTol, "disabled at work")
	assert.InEpsilon(t, odis, y.Exits[actuarial.Disability], closedFormTol, "disabled otherwise")
	assert.InEpsilon(t, n*d*(1-0.5*(qi+qw)+qi*qw/3), y.Exits[actuarial.Death], closedFormTol, "deaths")
	assert.InEpsilon(t, wdis, y.NewPensions[wi], closedFormTol, "pensions at 0 years of service")
	assert.InEpsilon(t, wdis*share*sal, y.NewPensionAmounts[wi], closedFormTol, "70% of the last salary")
	assert.InEpsilon(t, 0.5*wdis*share*sal, y.Pensions[wi], closedFormTol, "paid half the year")
	assert.Zero(t, y.NewPensions[census.PensionDisability.Index()], "the ordinary pension needs 5 years")
	y1 := res.Years[1]
	assert.InEpsilon(t, wdis, y1.Pensioners[wi], closedFormTol, "in payment on the next 1 January")
	in1 := wdis * share * sal * 1.03 * (1 - 0.5*men.Q(31))
	assert.InEpsilon(t, in1, y1.Pensions[wi]-0.5*y1.NewPensionAmounts[wi], closedFormTol, "the second year's, indexed")
}

// withWork returns table t with death and disability at work added, at
// independent rates rising with age: qd·e^(0.03(age−40)) and
// qi·e^(0.05(age−40)), capped at 5%.
func withWork(tb testing.TB, t *actuarial.ServiceTable, qd, qi float64) *actuarial.ServiceTable {
	tb.Helper()
	ns := t.MaxService() + 1
	var rates [actuarial.NumDecrements][]float64
	for j := range rates {
		if t.Has(actuarial.Decrement(j)) || j == int(actuarial.WorkDeath) || j == int(actuarial.WorkDisability) {
			rates[j] = make([]float64, (t.MaxAge()-t.MinAge()+1)*ns)
		}
	}
	for age := t.MinAge(); age <= t.MaxAge(); age++ {
		for sv := range ns {
			c := (age-t.MinAge())*ns + sv
			q := t.Independent(age, sv)
			q[actuarial.WorkDeath] = math.Min(0.05, qd*math.Exp(0.03*float64(age-40)))
			q[actuarial.WorkDisability] = math.Min(0.05, qi*math.Exp(0.05*float64(age-40)))
			for j := range rates {
				if rates[j] != nil {
					rates[j][c] = q[j]
				}
			}
		}
	}
	opt := t.Options()
	opt.Basis = actuarial.IndependentRates
	w, err := actuarial.NewServiceTable(t.MinAge(), t.MaxService(), rates, opt)
	require.NoError(tb, err)
	return w
}

// workRules adds work-risk benefits to rules r: a disability at work pays
// 80% of the average of the last 3 salaries, with the disability
// pension's cap and floor, from 0 years of service; a death at work 100%
// of the last salary, to the widow(er) in full and 20% to each orphan.
func workRules(r scheme.Rules) scheme.Rules {
	r.WorkRisks = scheme.WorkRisks{
		Disability: actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{0.8}}, ReferenceYears: 3,
			Cap: r.Disability.Cap, Floor: r.Disability.Floor},
		Death:         actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}, Floor: r.Disability.Floor},
		SurvivorShare: 1,
		OrphanShare:   0.2,
	}
	return r
}

// workSchemes is serTwoGroups with work risks: the fixture's service
// tables with death and disability at work added (withWork) and the rules
// of workRules, after fix.
func workScheme(tb testing.TB, fix func(scheme.Rules) scheme.Rules, act []projection.ActiveRecord, pen []projection.PensionRecord) *scheme.Scheme {
	s := serTwoGroups(tb, func(r scheme.Rules) scheme.Rules { return workRules(fix(r)) }, act, pen)
	for sx, t := range s.Assumptions.Decrements {
		s.Assumptions.Decrements[sx] = withWork(tb, t, 0.0005, 0.002)
	}
	return s
}

// TestWorkRisksCellsMatchSeriatim: the work risks in both engines. The
// seriatim value of one record is the discounted projection of a census
// holding that record alone (an identity: a cell of one member is the
// member), caps and floors included; and without limits the sum of the
// seriatim values of a census (3,000 actives) equals its projection by
// cells, every flow being linear in the salary. Each pension type of the
// work risks is paid.
func TestWorkRisksCellsMatchSeriatim(t *testing.T) {
	const unit = 12 * 3000.0
	for _, rec := range []projection.ActiveRecord{
		{Sex: actuarial.Male, Age: 40, Service: 12, Salary: 3 * unit},
		{Sex: actuarial.Female, Age: 30, Service: 0, Salary: 0.5 * unit}, // floors bind, no service
		{Sex: actuarial.Male, Age: 55, Service: 30, Salary: 20 * unit},   // caps bind
	} {
		for _, group := range []int{0, 1} {
			rec.Group = group
			s := workScheme(t, serKeep, nil, nil)
			ac, _ := serCells(t, 2, []projection.ActiveRecord{rec}, nil)
			s.Groups[0].Actives, s.Groups[1].Actives = ac[0], ac[1]
			want := serProject(t, s, serYears)
			v, err := projection.NewSeriatim(s, serYears)
			require.NoError(t, err)
			got, err := v.Value(rec)
			require.NoError(t, err)
			serAssertClose(t, want, got, serExactTol, fmt.Sprintf("%+v", rec))
			assert.Positive(t, got.Pensions[census.PensionWorkDisability.Index()])
			assert.Positive(t, got.Pensions[census.PensionWorkSurvivor.Index()])
		}
	}

	actC, penC := serCensus(1, 3000, 400)
	act, pen := serRecords(t, actC, penC)
	s := workScheme(t, serNoLimits, act, pen)
	want := serProject(t, s, serYears)
	v, err := projection.NewSeriatim(s, serYears)
	require.NoError(t, err)
	got, err := v.Total(act, pen)
	require.NoError(t, err)
	serAssertClose(t, want, got, serExactTol, "census without limits")
	base := serTwoGroups(t, serNoLimits, act, pen)
	for _, ti := range []int{census.PensionWorkDisability.Index(), census.PensionWorkSurvivor.Index()} {
		assert.Positive(t, got.Pensions[ti], census.PensionTypeAt(ti).String())
	}
	without := serProject(t, base, serYears)
	assert.Greater(t, want.TotalPensions(), without.TotalPensions(), "the work risks cost something")
}

// TestWorkRisksLiability: the closed-group liability with work risks. For
// each record of a census, the PVFB of each benefit, work risks included,
// is its seriatim value (an identity: the same factors), the accrued
// liabilities are at most the PVFB; a member with no service has none
// under either unit credit method, though his work risks need no service
// (every exit is attributed 0/n to the past, and the year-0 exits of a
// member with no service to the year); and a member with service accrues
// a part of them. The Valuer does not value work risks (it refuses them),
// so the member valuations to compare with are the seriatim ones.
func TestWorkRisksLiability(t *testing.T) {
	const unit = 12 * 3000.0
	actC, _ := serCensus(5, 300, 0)
	act, _ := serRecords(t, actC, nil)
	s := workScheme(t, serKeep, act, nil)
	v, err := projection.NewSeriatim(s, projection.ClosedGroupYears)
	require.NoError(t, err)
	wd, ws := census.PensionWorkDisability.Index(), census.PensionWorkSurvivor.Index()
	for i, r := range act {
		l, err := v.ActiveLiability(r)
		require.NoError(t, err)
		f, err := v.Value(r)
		require.NoError(t, err)
		liaAssertBenefits(t, liaFlowBenefits(&f), l.PVFB, liaTol, 0, fmt.Sprintf("record %d: PVFB", i))
		for _, ti := range []int{wd, ws} {
			assert.LessOrEqual(t, l.PUC.Pensions[ti], l.PVFB.Pensions[ti]*(1+liaTol), "record %d", i)
			assert.LessOrEqual(t, l.TUC.Pensions[ti], l.PUC.Pensions[ti]*(1+liaTol)+liaTol, "record %d", i)
		}
	}
	entry := projection.ActiveRecord{Sex: actuarial.Male, Age: 25, Salary: 2 * unit}
	l, err := v.ActiveLiability(entry)
	require.NoError(t, err)
	assert.Zero(t, l.PUC, "no service, no accrued liability")
	assert.Zero(t, l.TUC)
	assert.Positive(t, l.PVFB.Pensions[wd], "yet work risks to come")
	assert.Positive(t, l.PVFB.Pensions[ws])
	served := entry
	served.Age, served.Service = 45, 20
	l, err = v.ActiveLiability(served)
	require.NoError(t, err)
	assert.Positive(t, l.PUC.Pensions[wd])
	assert.Less(t, l.PUC.Pensions[wd], l.PVFB.Pensions[wd])
}
