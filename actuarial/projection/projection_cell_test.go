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

// flatTable is q = v at every age 0..119 (and 1 at 120).
func flatTable(t testing.TB, v float64) scheme.PeriodTable {
	t.Helper()
	q := make([]float64, 120)
	for i := range q {
		q[i] = v
	}
	tbl, err := mortality.NewTable(0, q)
	require.NoError(t, err)
	return scheme.PeriodTable{Table: tbl}
}

// oneCellScheme is 1000 men aged 40 with 10 years' service earning 50,000
// each, and 100 old-age pensioners aged 70 with 20,000 each; flat rates:
// mortality 1%, disability 2%, withdrawal 5% (independent); no merit, no
// wage growth, prices 3%.
func oneCellScheme(t testing.TB) *scheme.Scheme {
	t.Helper()
	act := &census.ActiveCells{}
	act.Count = make([]float64, act.Len())
	act.Salary = make([]float64, act.Len())
	c := act.Index(actuarial.Male, 40, 10)
	act.Count[c], act.Salary[c] = 1000, 1000*50000
	pen := &census.PensionerCells{}
	pen.Count = make([]float64, pen.Len())
	pen.Pension = make([]float64, pen.Len())
	pc := pen.Index(census.PensionOldAge, actuarial.Male, 70)
	pen.Count[pc], pen.Pension[pc] = 100, 100*20000

	n := 70 - 15 + 1
	dis, wd := make([]float64, n), make([]float64, n)
	for i := range dis {
		dis[i], wd[i] = 0.02, 0.05
	}
	st, err := actuarial.NewServiceTable(15, 0, [actuarial.NumDecrements][]float64{actuarial.Disability: dis, actuarial.Withdrawal: wd},
		actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(t, err)
	orphans := make([]float64, 61) // one orphan per death up to age 59, none from 60
	for i := range 60 {
		orphans[i] = 1
	}
	q := flatTable(t, 0.01)
	return &scheme.Scheme{
		Name:      "one cell",
		StartYear: 2025,
		Groups: []scheme.Group{{
			Actives: act, Pensioners: pen,
			Rules: []scheme.Rules{{
				From:             2025,
				ContributionRate: [scheme.NumPayers]actuarial.Schedule{actuarial.Constant(0.05)},
				Disability:       actuarial.Formula{Accrual: actuarial.Accrual{MinService: 5, Rates: []float64{0.4}}},
				SurvivorShare:    0.5,
				OrphanShare:      0.2,
				RefundShare:      1,
				ExtraPayments:    1.0 / 12,
				Indexation:       scheme.IndexPrices,
			}},
		}},
		Assumptions: scheme.Assumptions{
			Mortality:  [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{scheme.StatusActive: {q, q}},
			Decrements: [actuarial.NumSexes]*actuarial.ServiceTable{st, st},
			Inflation:  actuarial.Constant(0.03),
			Family: scheme.Family{
				Married:      [actuarial.NumSexes]actuarial.ByAge{{Values: []float64{0.8}}, {Values: []float64{0.8}}},
				AgeGap:       [actuarial.NumSexes]int{3, -3},
				Orphans:      [actuarial.NumSexes]actuarial.ByAge{{Values: orphans}, {Values: orphans}},
				OrphanAge:    [actuarial.NumSexes]actuarial.ByAge{{Values: []float64{10}}, {Values: []float64{10}}},
				OrphanEndAge: 18,
			},
		},
	}
}

// TestOneCellFlows follows one cell through its first year and checks every
// flow against its formula: the dependent probabilities of the three
// causes (from ToDependent, UDD in each single-decrement table; Bowers et
// al. §10.6), a half year of pay for those who leave, the disability,
// survivors' and orphans' pensions as shares of the disability pension
// (40% of salary) paid for half a year, refunds of ten years' plus half a
// year's contributions (no merit, no wage growth: past salaries equal the
// current one), a thirteenth month on every pension paid, and price
// indexation on the next 1 January.
func TestOneCellFlows(t *testing.T) {
	const tol = 1e-9 // relative
	p, err := projection.NewProjector(oneCellScheme(t))
	require.NoError(t, err)
	res, err := p.Run(nil, 2)
	require.NoError(t, err)
	y0, y1 := res.Years[0], res.Years[1]

	dep, err := actuarial.ToDependent(nil, []float64{0.01, 0.02, 0.05}, actuarial.UDDSingleDecrement)
	require.NoError(t, err)
	dd, di, dw := dep[0], dep[1], dep[2]
	const n, sal, pd, old = 1000.0, 50000.0, 0.4 * 50000, 20000.0
	assert.InEpsilon(t, n*dd, y0.Exits[actuarial.Death], tol)
	assert.InEpsilon(t, n*di, y0.Exits[actuarial.Disability], tol)
	assert.InEpsilon(t, n*dw, y0.Exits[actuarial.Withdrawal], tol)
	assert.Zero(t, y0.Exits[actuarial.Retirement])
	assert.InEpsilon(t, n*sal*(1-(dd+di+dw)/2), y0.SalaryBill, tol)
	assert.InEpsilon(t, 0.05*y0.SalaryBill, y0.Contributions[scheme.Worker], tol)
	assert.InEpsilon(t, n*dw*0.05*sal*10.5, y0.Refunds, tol, "ten and a half years of 5% contributions")

	deaths := n * dd
	pensionerDeaths := 100 * 0.01
	ix := func(t census.PensionType) int { return t.Index() }
	assert.InEpsilon(t, n*di, y0.NewPensions[ix(census.PensionDisability)], tol)
	assert.InEpsilon(t, 0.8*(deaths+pensionerDeaths), y0.NewPensions[ix(census.PensionSurvivor)], tol)
	assert.InEpsilon(t, deaths, y0.NewPensions[ix(census.PensionOrphan)], tol, "no orphans of the pensioners of 70")
	assert.InEpsilon(t, 0.5*n*di*pd, y0.Pensions[ix(census.PensionDisability)], tol)
	assert.InEpsilon(t, 0.5*0.8*0.5*(deaths*pd+pensionerDeaths*old), y0.Pensions[ix(census.PensionSurvivor)], tol)
	assert.InEpsilon(t, 0.5*deaths*0.2*pd, y0.Pensions[ix(census.PensionOrphan)], tol)
	assert.InEpsilon(t, 100*old*(1-0.01/2), y0.Pensions[ix(census.PensionOldAge)], tol)
	assert.InEpsilon(t, y0.TotalPensions()/12, y0.ExtraPayments, tol)
	assert.InEpsilon(t, pensionerDeaths, y0.PensionerDeaths[ix(census.PensionOldAge)], tol)

	// The next 1 January.
	assert.InEpsilon(t, n*(1-dd-di-dw), y1.Actives, tol)
	assert.InEpsilon(t, n*di, y1.Pensioners[ix(census.PensionDisability)], tol)
	assert.InEpsilon(t, 99, y1.Pensioners[ix(census.PensionOldAge)], tol)
	assert.InEpsilon(t, 99*old*1.03*(1-0.01/2), y1.Pensions[ix(census.PensionOldAge)], tol, "indexed by 3%")
	assert.InEpsilon(t, n*di*pd*1.03*(1-0.01/2)+0.5*y1.NewPensions[ix(census.PensionDisability)]*pd,
		y1.Pensions[ix(census.PensionDisability)], tol)
}

// TestSchemeValidate: each bad field is reported by name and wraps its
// sentinel; NewProjector refuses the scheme.
func TestSchemeValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(s *scheme.Scheme)
		field string
		err   error
	}{
		{"no groups", func(s *scheme.Scheme) { s.Groups = nil }, "Groups", scheme.ErrRequired},
		{"no rules", func(s *scheme.Scheme) { s.Groups[0].Rules = nil }, "Groups[0].Rules", scheme.ErrRequired},
		{"rules too late", func(s *scheme.Scheme) { s.Groups[0].Rules[0].From = 2026 }, "Groups[0].Rules[0].From", actuarial.ErrRange},
		{"rules out of order", func(s *scheme.Scheme) {
			s.Groups[0].Rules = append(s.Groups[0].Rules, s.Groups[0].Rules[0])
		}, "Groups[0].Rules[1].From", scheme.ErrOrder},
		{"contribution rate", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].ContributionRate[scheme.Employer] = actuarial.Constant(1.5)
		}, "Groups[0].Rules[0].ContributionRate[employer] in 2025", actuarial.ErrRate},
		{"survivor share", func(s *scheme.Scheme) { s.Groups[0].Rules[0].SurvivorShare = -0.1 }, "Groups[0].Rules[0].SurvivorShare", actuarial.ErrRate},
		{"negative cap", func(s *scheme.Scheme) { s.Groups[0].Rules[0].Retirement.Cap.Units = -1 }, "Groups[0].Rules[0].Retirement.Cap", actuarial.ErrNegative},
		{"negative count", func(s *scheme.Scheme) { s.Groups[0].Actives.Count[5] = -1 }, "Groups[0].Actives.Count[5] (male aged 0, service 5)", actuarial.ErrRange},
		{"short cells", func(s *scheme.Scheme) { s.Groups[0].Pensioners.Count = nil }, "Groups[0].Pensioners", actuarial.ErrRange},
		{"no active mortality", func(s *scheme.Scheme) {
			s.Assumptions.Mortality[scheme.StatusActive][1] = nil
		}, "Mortality[active][female]", scheme.ErrRequired},
		{"period table without a table", func(s *scheme.Scheme) {
			s.Assumptions.Mortality[scheme.StatusDisabled][0] = scheme.PeriodTable{}
		}, "Mortality[disabled][male].Table", scheme.ErrRequired},
		{"retirement rate", func(s *scheme.Scheme) {
			s.Assumptions.Retirement[0].Full = actuarial.ByAge{MinAge: 60, Values: []float64{0.5, 2}}
		}, "Retirement[male].Full at age 61", actuarial.ErrRate},
		{"return", func(s *scheme.Scheme) { s.Assumptions.Return = actuarial.Constant(-1) }, "Return in 2025", actuarial.ErrInterest},
		{"entrants without profile", func(s *scheme.Scheme) {
			s.Assumptions.Entrants = scheme.Entrants{Mode: scheme.FixedEntrants, Count: actuarial.Constant(10)}
		}, "Entrants.Profile", scheme.ErrRequired},
		{"entrant sex", func(s *scheme.Scheme) {
			s.Assumptions.Entrants = scheme.Entrants{Mode: scheme.FixedEntrants, Profile: []scheme.EntrantProfile{{Age: 20, Weight: 1}}}
		}, "Entrants.Profile[0].Sex", actuarial.ErrUnknownSex},
		{"transition to itself", func(s *scheme.Scheme) {
			s.Transitions = []scheme.Transition{{Year: 2030, From: 0, To: 0}}
		}, "Transitions[0].To", actuarial.ErrRange},
		{"entrant group", func(s *scheme.Scheme) { s.EntrantGroups = []scheme.GroupFrom{{From: 2030, Group: 3}} }, "EntrantGroups[0].Group", actuarial.ErrRange},
		{"reserve", func(s *scheme.Scheme) { s.InitialReserve = math.Inf(1) }, "InitialReserve", actuarial.ErrNotFinite},
	}
	require.NoError(t, oneCellScheme(t).Validate())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := oneCellScheme(t)
			c.edit(s)
			err := s.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, c.err)
			var se *scheme.SchemeError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, c.field, se.Field)
			_, err = projection.NewProjector(s)
			assert.Error(t, err)
		})
	}
}

// TestGenerationalMortality: a generational table is read year by year
// (Q(age, year)), and a rate that is not a probability is an error naming
// the status, sex, year and age.
func TestGenerationalMortality(t *testing.T) {
	const tol = 1e-9 // relative
	base := flatTable(t, 0.01).Table
	// 10% improvement a year: q(x, 2025 + k) = 0.01·0.9^k.
	gen := mortality.Improve(base, 2025, mortality.ScaleByAge(0, []float64{0.1}))
	s := oneCellScheme(t)
	s.Assumptions.Decrements = [actuarial.NumSexes]*actuarial.ServiceTable{}
	s.Assumptions.Mortality[scheme.StatusActive] = [actuarial.NumSexes]scheme.YearTable{gen, gen}
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 3)
	require.NoError(t, err)
	for k, y := range res.Years {
		q := 0.01 * math.Pow(0.9, float64(k))
		assert.InEpsilon(t, y.Actives*q, y.Exits[actuarial.Death], tol, "%d", y.Year)
		assert.InEpsilon(t, y.Pensioners[census.PensionOldAge.Index()]*q, y.PensionerDeaths[census.PensionOldAge.Index()], tol, "%d", y.Year)
	}

	s.Assumptions.Mortality[scheme.StatusSurvivor][1] = projBadTable{}
	p, err = projection.NewProjector(s)
	require.NoError(t, err)
	_, err = p.Run(nil, 3)
	var re *actuarial.RateError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, actuarial.ErrRate)
	assert.Contains(t, re.Field, "survivor female in 2026")
	assert.Equal(t, 50, re.Age)
}

// projBadTable returns q = 2 at age 50 from 2026.
type projBadTable struct{}

func (projBadTable) Q(age, year int) float64 {
	if age == 50 && year >= 2026 {
		return 2
	}
	return 0.01
}
func (projBadTable) MinAge() int { return 0 }

// TestResultSeries: the accessors return the year rows' fields in order,
// reusing the destination.
func TestResultSeries(t *testing.T) {
	p, err := projection.NewProjector(actuarialtest.ReferenceScheme(t, 65))
	require.NoError(t, err)
	res, err := p.Run(nil, 5)
	require.NoError(t, err)
	buf := make([]float64, 5) // the destination rule: a non-nil dst has the series' length
	for _, c := range []struct {
		name string
		f    func([]float64) []float64
		want func(y *projection.YearResult) float64
	}{
		{"SalaryBill", res.SalaryBill, func(y *projection.YearResult) float64 { return y.SalaryBill }},
		{"Contributions", res.Contributions, (*projection.YearResult).TotalContributions},
		{"Benefits", res.Benefits, (*projection.YearResult).Benefits},
		{"Expenditure", res.Expenditure, (*projection.YearResult).Expenditure},
		{"AdminCosts", res.AdminCosts, func(y *projection.YearResult) float64 { return y.AdminCosts }},
		{"Transfers", res.Transfers, func(y *projection.YearResult) float64 { return y.Transfers }},
		{"InvestmentIncome", res.InvestmentIncome, func(y *projection.YearResult) float64 { return y.InvestmentIncome }},
		{"Returns", res.Returns, func(y *projection.YearResult) float64 { return y.Return }},
		{"ReserveStart", res.ReserveStart, func(y *projection.YearResult) float64 { return y.ReserveStart }},
		{"ReserveEnd", res.ReserveEnd, func(y *projection.YearResult) float64 { return y.ReserveEnd }},
		{"Actives", res.Actives, func(y *projection.YearResult) float64 { return y.Actives }},
		{"Pensioners", res.Pensioners, (*projection.YearResult).TotalPensioners},
		{"ContributionsBy(worker)", func(d []float64) []float64 { return res.ContributionsBy(d, scheme.Worker) },
			func(y *projection.YearResult) float64 { return y.Contributions[scheme.Worker] }},
		{"PensionsBy(survivor)", func(d []float64) []float64 { return res.PensionsBy(d, census.PensionSurvivor) },
			func(y *projection.YearResult) float64 { return y.Pensions[census.PensionSurvivor.Index()] }},
		{"NewPensionsBy(disability)", func(d []float64) []float64 { return res.NewPensionsBy(d, census.PensionDisability) },
			func(y *projection.YearResult) float64 { return y.NewPensions[census.PensionDisability.Index()] }},
	} {
		got := c.f(buf)
		require.Len(t, got, 5, c.name)
		assert.Same(t, &buf[0], &got[0], "%s writes into dst", c.name)
		for i := range res.Years {
			assert.Equal(t, c.want(&res.Years[i]), got[i], "%s[%d]", c.name, i)
		}
	}
	assert.Len(t, res.SalaryBill(nil), 5)
	assert.Panics(t, func() { res.SalaryBill(make([]float64, 4)) }, "a dst of the wrong length is misuse")
}
