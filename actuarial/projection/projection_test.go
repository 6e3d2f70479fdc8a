package projection_test

import (
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

// projStationary is the textbook stationary population (Bowers et al.,
// Actuarial Mathematics, 2nd ed., §19.2; ILO, Actuarial Practice in Social
// Security, 2002, ch. 3): a closed table of mortality, entrants lives at
// one age every year, retirement at a single age R on a flat pension P, a
// constant salary S and no other decrement, no wage growth, no indexation.
func projStationary(tbl mortality.Table, entrants float64, entryAge, retAge int, salary, pension float64) *scheme.Scheme {
	period := scheme.PeriodTable{Table: tbl}
	empty := &census.ActiveCells{MaxService: 1} // service does not matter here: keep the detail small
	empty.Count = make([]float64, empty.Len())
	empty.Salary = make([]float64, empty.Len())
	anyAge := actuarial.Conditions{{MinAge: retAge}}
	return &scheme.Scheme{
		Name:      "stationary",
		StartYear: 2000,
		Groups: []scheme.Group{{
			Name:    "all",
			Actives: empty,
			Rules: []scheme.Rules{{
				From:             2000,
				ContributionRate: [scheme.NumPayers]actuarial.Schedule{actuarial.Constant(0.10)},
				Eligibility:      actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{anyAge, anyAge}},
				Retirement: actuarial.Formula{
					Accrual: actuarial.Accrual{Rates: []float64{pension / salary}},
				},
			}},
		}},
		Assumptions: scheme.Assumptions{
			Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
				scheme.StatusActive: {period, period},
			},
			Retirement: [actuarial.NumSexes]scheme.RetirementRates{
				{Full: actuarial.ByAge{MinAge: retAge, Values: []float64{1}}},
				{Full: actuarial.ByAge{MinAge: retAge, Values: []float64{1}}},
			},
			Entrants: scheme.Entrants{
				Mode:    scheme.FixedEntrants,
				Count:   actuarial.Constant(entrants),
				Profile: []scheme.EntrantProfile{{Sex: actuarial.Male, Age: entryAge, Weight: 1, Salary: salary}},
			},
		},
	}
}

// TestStationaryPopulation checks the projection against the analytic
// steady state. With constant mortality, E entrants at age a each year and
// no other decrement, after more years than the oldest age minus a the
// population on 1 January is exactly stationary: E·l_x/l_a lives at every
// age x ≥ a (Bowers et al. §19.2). The PAYG cost rate then tends to the
// closed form
//
//	Σ_{x≥R} L_x·P / Σ_{a≤x<R} L_x·S,
//
// where L_x = l_x − d_x/2 is the exposure of the year of age under this
// package's convention that lives leaving in a year are paid for half of it
// (UDD). Since Σ_{x≥R} d_x = l_R and Σ_{a≤x<R} d_x = l_a − l_R, that is the
// issue's closed form Σ_{x≥R} l_x·P / Σ_{x<R} l_x·S with half a year taken
// off the first and last year of each period; the two differ by at most
// l_R/(2Σ_{x≥R} l_x) + (l_a − l_R)/(2Σ_{a≤x<R} l_x), which the test also
// asserts.
func TestStationaryPopulation(t *testing.T) {
	const (
		entrants   = 1000.0
		entryAge   = 25
		retAge     = 65
		salary     = 12000.0
		pension    = 6000.0
		years      = 100  // entrants of year 1 reach 120 in year 96: stationary from then on
		countTol   = 1e-9 // relative; the projection multiplies survival factors one year at a time
		costTol    = 1e-9 // relative, against the L_x closed form
		stationary = 96   // the first year index with every age filled (entrants of year 1 are 120)
	)
	tbl := actuarialtest.SULT(t)
	s := projStationary(tbl, entrants, entryAge, retAge, salary, pension)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	p.Detail = true
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	d := res.Cells
	require.NotNil(t, d)

	l := func(x int) float64 { return tbl.Survival(entryAge, x-entryAge) } // l_x/l_a
	for yi := stationary; yi < years; yi++ {
		for x := entryAge; x <= census.MaxCensusAge; x++ {
			var got float64
			for sv := 0; sv <= 1; sv++ {
				got += d.ActiveCount[d.Active(yi, 0, actuarial.Male, x, sv)]
			}
			got += d.PensionerCount[d.Pensioner(yi, 0, census.PensionOldAge, actuarial.Male, x)]
			want := entrants * l(x)
			assert.InDelta(t, want, got, countTol*entrants, "year %d, age %d", yi, x)
		}
	}

	// The closed forms.
	var sumOld, sumYoung float64 // Σ l_x over x ≥ R and over a ≤ x < R
	for x := entryAge; x <= census.MaxCensusAge; x++ {
		if x >= retAge {
			sumOld += l(x)
		} else {
			sumYoung += l(x)
		}
	}
	lR, la := l(retAge), l(entryAge)
	costL := pension * (sumOld - lR/2) / (salary * (sumYoung - (la-lR)/2))
	costPlain := pension * sumOld / (salary * sumYoung)
	bound := lR/(2*sumOld) + (la-lR)/(2*sumYoung)

	last := res.Years[years-1]
	cost := last.Expenditure() / last.SalaryBill
	assert.InEpsilon(t, costL, cost, costTol, "PAYG cost rate against Σ L_x·P / Σ L_x·S")
	assert.LessOrEqual(t, math.Abs(cost/costPlain-1), bound, "PAYG cost rate against Σ l_x·P / Σ l_x·S")
	// Contributions at 10% of the salary bill.
	assert.InEpsilon(t, 0.10*last.SalaryBill, last.TotalContributions(), 1e-12)
	t.Logf("cost rate %.6f, closed form (L_x) %.6f, (l_x) %.6f, bound %.4f", cost, costL, costPlain, bound)
}

// projTwoGroups is the reference scheme split by a reform: members with
// fewer than 10 years of service on 1 January 2027 move to the new group,
// whose contribution rate rises by half a point a year from 2028 and whose
// rules change again in 2030; entrants join the new group from 2027.
func projTwoGroups(tb testing.TB) *scheme.Scheme {
	s := actuarialtest.ReferenceScheme(tb, 65)
	reformed := actuarialtest.Rules(2025)
	reformed.ContributionRate[scheme.Worker] = actuarial.Phase{Start: 2028, From: 0.06, To: 0.09, Step: 0.005}.Schedule()
	later := reformed
	later.From = 2030
	later.Retirement.Accrual = actuarial.LinearAccrual{MinService: 20, AtMin: 0.40, PerYear: 0.02, Max: 0.80}.Accrual()
	later.Indexation = scheme.IndexWages
	s.Groups = append(s.Groups, scheme.Group{Name: "new", Rules: []scheme.Rules{reformed, later}})
	s.Transitions = []scheme.Transition{{Year: 2027, From: 0, To: 1, ServiceBelow: 10}}
	s.EntrantGroups = []scheme.GroupFrom{{From: 2027, Group: 1}}
	return s
}

// TestConservation checks that no member is created or lost: for every cell
// and every year, members on 1 January = exits by cause + members carried
// to the next year's cell (age + 1, service + 1, the last service cell
// keeping its own), and next year's cell = those carried in + entrants +
// members moved in by transitions; pensions likewise, with deaths, ended
// pensions and new awards. The year totals must agree with the cells.
// With work risks too (withWork, workRules): two more causes of exit and
// two more pension types.
func TestConservation(t *testing.T) {
	for _, work := range []bool{false, true} {
		s := projTwoGroups(t)
		if work {
			for sx, tb := range s.Assumptions.Decrements {
				s.Assumptions.Decrements[sx] = withWork(t, tb, 0.0005, 0.002)
			}
			for g := range s.Groups {
				for i := range s.Groups[g].Rules {
					s.Groups[g].Rules[i] = workRules(s.Groups[g].Rules[i])
				}
			}
		}
		t.Run(map[bool]string{false: "reference", true: "work risks"}[work], func(t *testing.T) { conservation(t, s) })
	}
}

func conservation(t *testing.T, s *scheme.Scheme) {
	const (
		years = 12
		tol   = 1e-9 // lives, absolute: sums of a few thousand products of probabilities
	)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	p.Detail = true
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	d := res.Cells
	ms := d.MaxService
	sexes := []actuarial.Sex{actuarial.Male, actuarial.Female}
	for yi := 0; yi < years; yi++ {
		yr := res.Years[yi]
		var start, entrants, exits [actuarial.NumDecrements]float64
		var actives, entered float64
		for g := 0; g < d.Groups; g++ {
			for _, sex := range sexes {
				for age := 0; age <= census.MaxCensusAge; age++ {
					for sv := 0; sv <= ms; sv++ {
						c := d.Active(yi, g, sex, age, sv)
						actives += d.ActiveCount[c]
						entered += d.Entrants[c]
						left := 0.0
						for j := range exits {
							exits[j] += d.Exits[j][c]
							left += d.Exits[j][c]
						}
						remain := d.ActiveCount[c] - left
						require.GreaterOrEqual(t, remain, -tol, "year %d group %d %v age %d service %d: more exits than members", yi, g, sex, age, sv)
						if age == census.MaxCensusAge {
							assert.InDelta(t, 0, remain, tol, "nobody stays active past the last age")
						}
					}
				}
			}
		}
		_, _ = start, entrants
		assert.InDelta(t, yr.Actives, actives, tol*1e3, "year %d: actives, cells against total", yi)
		assert.InDelta(t, yr.Entrants, entered, tol*1e3, "year %d: entrants", yi)
		for j := range exits {
			assert.InDelta(t, yr.Exits[j], exits[j], tol*1e3, "year %d: exits by %v", yi, actuarial.Decrement(j))
		}
		if yi+1 == years {
			break
		}
		next := res.Years[yi+1]
		assert.InDelta(t, yr.Actives-yr.TotalExits()+next.Entrants, next.Actives, tol*1e3, "year %d: actives in = out + remaining", yi)
		for ti := 0; ti < census.NumPensionTypes; ti++ {
			want := yr.Pensioners[ti] + yr.NewPensions[ti] - yr.PensionerDeaths[ti] - yr.PensionsEnded[ti]
			assert.InDelta(t, want, next.Pensioners[ti], tol*1e3, "year %d: pensions of type %d", yi, ti)
		}

		// Cell by cell into the next year.
		for g := 0; g < d.Groups; g++ {
			for _, sex := range sexes {
				for age := 0; age < census.MaxCensusAge; age++ {
					for sv := 0; sv <= ms; sv++ {
						to := d.Active(yi+1, g, sex, age+1, sv)
						want := d.Entrants[to] + d.Moved[to]
						for _, from := range []int{sv - 1, sv} {
							if from < 0 || (from == sv && sv != ms) {
								continue
							}
							c := d.Active(yi, g, sex, age, from)
							want += d.ActiveCount[c]
							for j := range d.Exits {
								want -= d.Exits[j][c]
							}
						}
						require.InDelta(t, want, d.ActiveCount[to], tol, "year %d→%d group %d %v age %d service %d", yi, yi+1, g, sex, age+1, sv)
					}
				}
				for ti := 0; ti < census.NumPensionTypes; ti++ {
					typ := census.PensionTypeAt(ti)
					for age := -1; age < census.MaxCensusAge; age++ {
						to := d.Pensioner(yi+1, g, typ, sex, age+1)
						want := d.Awarded[d.Pensioner(yi, g, typ, sex, age+1)]
						if age >= 0 {
							c := d.Pensioner(yi, g, typ, sex, age)
							want += d.PensionerCount[c] + d.Retired[c] - d.PensionerDeaths[c] - d.Ended[c]
						}
						require.InDelta(t, want, d.PensionerCount[to], tol, "year %d→%d group %d %v %v age %d", yi, yi+1, g, typ, sex, age+1)
					}
				}
			}
		}
	}
	// The transition moved members: group 1 has actives with less than 10
	// years' service on 1 January 2027, group 0 none.
	var old, moved float64
	for _, sex := range sexes {
		for age := 0; age <= census.MaxCensusAge; age++ {
			for sv := 0; sv < 10; sv++ {
				old += d.ActiveCount[d.Active(2, 0, sex, age, sv)]
				moved += d.ActiveCount[d.Active(2, 1, sex, age, sv)]
			}
		}
	}
	assert.Zero(t, old, "no member of the old group has less than 10 years after the transition")
	assert.Greater(t, moved, 0.0)
}

// TestClosedGroupDiesOut: without entrants every member leaves, the
// pensions end and the flows stop: an identity of any closed-group
// projection. The census's youngest member is 20 and service ends at the
// compulsory age of 65; the youngest beneficiary (an orphan of a death in
// year 0, or a spouse three years younger than a member of 20) is dead at
// 120, so after 125 years nothing is left.
func TestClosedGroupDiesOut(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Assumptions.Entrants = scheme.Entrants{}
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 126)
	require.NoError(t, err)
	for _, y := range res.Years {
		assert.Zero(t, y.Entrants, "year %d", y.Year)
	}
	for i := 1; i < len(res.Years); i++ {
		assert.LessOrEqual(t, res.Years[i].Actives, res.Years[i-1].Actives, "a closed group never grows (year %d)", res.Years[i].Year)
	}
	for _, y := range res.Years[46:] { // 2071: the member aged 20 in 2025 reached 65 in 2070
		assert.Zero(t, y.Actives, "year %d", y.Year)
		assert.Zero(t, y.SalaryBill, "year %d", y.Year)
		assert.Zero(t, y.TotalContributions(), "year %d", y.Year)
	}
	last := res.Years[len(res.Years)-1]
	assert.Zero(t, last.TotalPensioners(), "nobody is left after 125 years")
	assert.Zero(t, last.Benefits())
}

// TestReserveRecursion checks the reserve identities of the package
// documentation every year: R_end = R_start + C + T + I − B − E, with
// I = R_start·i + (C + T − B − E)·((1+i)^½ − 1), R_start of a year = R_end
// of the year before, R_start of the first year = the initial reserve, and
// E = the administration cost shares of benefits and of the salary bill.
func TestReserveRecursion(t *testing.T) {
	const tol = 1e-9 // relative to the reserve's size
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Assumptions.Return = actuarial.Schedule{{Year: 2025, Value: 0.05}, {Year: 2040, Value: -0.02}, {Year: 2045, Value: 0.03}}
	s.AdminCosts.ShareOfSalary = actuarial.Constant(0.004)
	s.Transfers = actuarial.Phase{Start: 2030, From: 1e7, To: 0, Step: 1e6}.Schedule()
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 60)
	require.NoError(t, err)
	assert.Equal(t, s.InitialReserve, res.Years[0].ReserveStart)
	for i, y := range res.Years {
		scale := math.Max(1, math.Abs(y.ReserveStart)+y.Expenditure())
		c, b := y.TotalContributions(), y.Benefits()
		i0 := s.Assumptions.Return.At(y.Year)
		assert.Equal(t, i0, y.Return)
		assert.Equal(t, s.Transfers.At(y.Year), y.Transfers)
		assert.InDelta(t, 0.02*b+0.004*y.SalaryBill, y.AdminCosts, tol*scale, "year %d: admin costs", y.Year)
		net := c + y.Transfers - b - y.AdminCosts
		assert.InDelta(t, y.ReserveStart*i0+net*(math.Sqrt(1+i0)-1), y.InvestmentIncome, tol*scale, "year %d: investment income", y.Year)
		assert.InDelta(t, y.ReserveStart+net+y.InvestmentIncome, y.ReserveEnd, tol*scale, "year %d: reserve", y.Year)
		if i > 0 {
			assert.Equal(t, res.Years[i-1].ReserveEnd, y.ReserveStart, "year %d", y.Year)
		}
	}
}

// TestRulesByCalendarYear: contribution rates given as a schedule apply in
// their calendar years, and a new set of rules takes over on its From
// year. Without a ceiling, contributions are exactly the rate times the
// salary bill.
func TestRulesByCalendarYear(t *testing.T) {
	const tol = 1e-12 // relative
	s := actuarialtest.ReferenceScheme(t, 65)
	r0 := &s.Groups[0].Rules[0]
	r0.Ceiling = actuarial.Limit{}
	r0.ContributionRate[scheme.Worker] = actuarial.Phase{Start: 2028, From: 0.06, To: 0.09, Step: 0.005}.Schedule() // 6.5% in 2028 ... 9% from 2033
	r1 := *r0
	r1.From = 2030
	r1.ContributionRate[scheme.Employer] = actuarial.Constant(0.12)
	r1.Retirement.Accrual = actuarial.LinearAccrual{MinService: 15, AtMin: 0.40, PerYear: 0.02, Max: 0.80}.Accrual()
	s.Groups[0].Rules = append(s.Groups[0].Rules, r1)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 12)
	require.NoError(t, err)
	worker := []float64{0.06, 0.06, 0.06, 0.065, 0.07, 0.075, 0.08, 0.085, 0.09, 0.09, 0.09, 0.09}
	for i, y := range res.Years {
		employer := 0.10
		if y.Year >= 2030 {
			employer = 0.12
		}
		assert.InEpsilon(t, worker[i], y.Contributions[scheme.Worker]/y.SalaryBill, tol, "worker rate in %d", y.Year)
		assert.InEpsilon(t, employer, y.Contributions[scheme.Employer]/y.SalaryBill, tol, "employer rate in %d", y.Year)
		assert.InEpsilon(t, 0.01, y.Contributions[scheme.State]/y.SalaryBill, tol, "state rate in %d", y.Year)
	}
	// The less generous accrual from 2030 lowers the average new old-age
	// pension against a run without it.
	s2 := actuarialtest.ReferenceScheme(t, 65)
	s2.Groups[0].Rules[0].Ceiling = actuarial.Limit{}
	p2, err := projection.NewProjector(s2)
	require.NoError(t, err)
	base, err := p2.Run(nil, 12)
	require.NoError(t, err)
	assert.Equal(t, base.Years[4].NewPensions, res.Years[4].NewPensions, "2029: the same rules")
	avg := func(r *projection.Result, i int) float64 {
		// New old-age pensions are paid for the whole year they start in,
		// less deaths: compare the pensions paid per pensioner instead.
		y := r.Years[i]
		return y.Pensions[census.PensionOldAge.Index()] / (y.Pensioners[census.PensionOldAge.Index()] + y.NewPensions[census.PensionOldAge.Index()])
	}
	assert.Less(t, avg(res, 8), avg(base, 8), "2033: lower pensions under the new accrual")
}

// TestTransitionIsNeutral: moving members to a group under the same rules
// changes nothing in the totals (an identity), while the members do move.
func TestTransitionIsNeutral(t *testing.T) {
	const tol = 1e-9 // relative
	one := actuarialtest.ReferenceScheme(t, 65)
	two := actuarialtest.ReferenceScheme(t, 65)
	two.Groups = append(two.Groups, scheme.Group{Name: "moved", Rules: two.Groups[0].Rules})
	two.Transitions = []scheme.Transition{{Year: 2027, From: 0, To: 1, ServiceBelow: 10, AgeBelow: 30}}
	two.EntrantGroups = []scheme.GroupFrom{{From: 2030, Group: 1}}
	res, err := projection.RunScenarios([]*scheme.Scheme{one, two}, 40, 2)
	require.NoError(t, err)
	a, b := res[0], res[1]
	require.Equal(t, []string{"all", "moved"}, b.Groups)
	for i := range a.Years {
		ya, yb := a.Years[i], b.Years[i]
		for _, pair := range [][2]float64{
			{ya.Actives, yb.Actives}, {ya.SalaryBill, yb.SalaryBill}, {ya.TotalContributions(), yb.TotalContributions()},
			{ya.Benefits(), yb.Benefits()}, {ya.Refunds, yb.Refunds}, {ya.ReserveEnd, yb.ReserveEnd}, {ya.TotalPensioners(), yb.TotalPensioners()},
		} {
			assert.InEpsilon(t, pair[0], pair[1], tol, "year %d", ya.Year)
		}
	}
}

// TestRunScenariosDeterministic: the same results, bit for bit, whatever
// the number of workers.
func TestRunScenariosDeterministic(t *testing.T) {
	var schemes []*scheme.Scheme
	for k := range 6 {
		s := actuarialtest.ReferenceScheme(t, 65)
		s.Name = "return " + string(rune('a'+k))
		s.Assumptions.Return = actuarial.Constant(0.01 * float64(k))
		s.Groups[0].Rules[0].ContributionRate[scheme.Worker] = actuarial.Constant(0.05 + 0.01*float64(k))
		schemes = append(schemes, s)
	}
	want, err := projection.RunScenarios(schemes, 50, 1)
	require.NoError(t, err)
	for _, workers := range []int{2, 8, 0} {
		got, err := projection.RunScenarios(schemes, 50, workers)
		require.NoError(t, err)
		assert.Equal(t, want, got, "%d workers", workers)
	}
	for k := 1; k < len(want); k++ {
		assert.NotEqual(t, want[0].Years[49].ReserveEnd, want[k].Years[49].ReserveEnd, "scenarios differ")
	}
	bad := actuarialtest.ReferenceScheme(t, 65)
	bad.Groups[0].Rules = nil
	_, err = projection.RunScenarios([]*scheme.Scheme{schemes[0], bad}, 5, 2)
	assert.ErrorIs(t, err, scheme.ErrRequired)
	assert.ErrorContains(t, err, "scenario 1")
}

// TestProjectorReuse: a projector run again into the same result gives the
// same numbers and allocates nothing.
func TestProjectorReuse(t *testing.T) {
	p, err := projection.NewProjector(actuarialtest.ReferenceScheme(t, 65))
	require.NoError(t, err)
	first, err := p.Run(nil, 30)
	require.NoError(t, err)
	keep := append([]projection.YearResult(nil), first.Years...)
	again, err := p.Run(first, 30)
	require.NoError(t, err)
	assert.Same(t, first, again)
	assert.Equal(t, keep, again.Years)
	allocs := testing.AllocsPerRun(5, func() {
		if _, err := p.Run(first, 30); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "a reused projector and result allocate nothing")
	short, err := p.Run(first, 10)
	require.NoError(t, err)
	assert.Len(t, short.Years, 10)
	assert.Equal(t, keep[:10], short.Years, "a shorter run is the start of a longer one")
}
