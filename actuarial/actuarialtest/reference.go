package actuarialtest

import (
	"errors"
	"math"
	"os"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// check stops the test on an error, or panics when tb is nil (an example's
// setup): the fixture's data are the repository's own.
func check(tb testing.TB, err error) {
	if err == nil {
		return
	}
	if tb == nil {
		panic("actuarialtest: " + err.Error())
	}
	tb.Helper()
	tb.Fatalf("actuarialtest: %v", err)
}

// EMSSA09 reads the Mexican EMSSA-09 tables, men and women, from the
// repository's testdata/mexico (see its README for the source).
func EMSSA09(tb testing.TB) (men, women *mortality.LifeTable) {
	f, err := os.Open(Testdata("mexico", "emssa09.csv"))
	check(tb, err)
	defer f.Close()
	ts, err := mortality.ReadCSV(f)
	check(tb, err)
	men, ok := ts.Table("qx_male")
	women, ok2 := ts.Table("qx_female")
	if !ok || !ok2 {
		check(tb, errors.New("emssa09.csv: no qx_male or qx_female column"))
	}
	return men, women
}

// ServiceTable builds an illustrative table of disability and withdrawal
// rates by age (15..70) and service (0..50): disability rising with age,
// withdrawal falling with service.
func ServiceTable(tb testing.TB, disScale float64) *actuarial.ServiceTable {
	return ServiceTableWith(tb, disScale, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
}

// ServiceTableWith is [ServiceTable] with the options opt (whose rates
// are the independent ones: opt.Basis IndependentRates).
func ServiceTableWith(tb testing.TB, disScale float64, opt actuarial.DecrementOptions) *actuarial.ServiceTable {
	const minAge, maxAge, maxSvc = 15, 70, 50
	n := (maxAge - minAge + 1) * (maxSvc + 1)
	dis, wd := make([]float64, n), make([]float64, n)
	for age := minAge; age <= maxAge; age++ {
		for sv := 0; sv <= maxSvc; sv++ {
			i := (age-minAge)*(maxSvc+1) + sv
			dis[i] = math.Min(0.05, disScale*0.0004*math.Exp(0.07*float64(age-20)))
			wd[i] = 0.12 * math.Exp(-0.15*float64(sv))
		}
	}
	t, err := actuarial.NewServiceTable(minAge, maxSvc, [actuarial.NumDecrements][]float64{
		actuarial.Disability: dis, actuarial.Withdrawal: wd,
	}, opt)
	check(tb, err)
	return t
}

// Census is a census with every feasible cell of ages 20–64 populated
// (service 0..min(50, age − 18): entry at 18 or later), both sexes, scale
// members a cell and more, and pensions of every type in payment. With
// pensionersFrom 0 they are those of a mature scheme: old-age at 65+, early
// at 55+, disability and survivors at 30+, orphans under 18. A positive
// pensionersFrom starts every adult pension at that age and pays no
// orphans: with 65, the census of BenchmarkProjectReference's spec.
func Census(scale float64, pensionersFrom int) (*census.ActiveCells, *census.PensionerCells) {
	a := &census.ActiveCells{}
	a.Count = make([]float64, a.Len())
	a.Salary = make([]float64, a.Len())
	for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		for age := 20; age <= 64; age++ {
			for sv := 0; sv <= min(50, age-18); sv++ {
				c := a.Index(sex, age, sv)
				n := scale * (1 + 0.1*float64(sv%7)) * (1 + 0.02*float64(age%5))
				a.Count[c] = n
				a.Salary[c] = n * 100000 * (1 + 0.02*float64(age-20)) * (1 + 0.01*float64(sv))
			}
		}
	}
	p := &census.PensionerCells{}
	p.Count = make([]float64, p.Len())
	p.Pension = make([]float64, p.Len())
	put := func(typ census.PensionType, lo, hi int, n, amt float64) {
		for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
			for age := lo; age <= hi; age++ {
				c := p.Index(typ, sex, age)
				p.Count[c] = scale * n
				p.Pension[c] = scale * n * amt
			}
		}
	}
	from := func(age int) int {
		if pensionersFrom > 0 {
			return pensionersFrom
		}
		return age
	}
	put(census.PensionOldAge, from(65), 100, 8, 60000)
	put(census.PensionEarly, from(55), 100, 2, 45000)
	put(census.PensionDisability, from(30), 90, 1, 30000)
	put(census.PensionSurvivor, from(30), 105, 3, 25000)
	if pensionersFrom == 0 {
		put(census.PensionOrphan, 0, 17, 0.5, 8000)
	}
	return a, p
}

// Rules are rules like those of a Latin-American public-sector
// scheme: contributions by worker, employer and state on salary up to 25
// minimum wages; a full pension at 60 with 30 years or 65 with 15, a reduced
// one from 55 with 15 years (5% a year short of 65); 50% at 15 years plus
// 2.5 points a year to 100%, on the average of the last 5 years, capped at
// 10 minimum wages with a floor of one; survivors 50%, orphans 20%;
// refunds of own contributions; a thirteenth month; indexation to prices.
func Rules(from int) scheme.Rules {
	full := actuarial.Conditions{{MinAge: 60, MinService: 30}, {MinAge: 65, MinService: 15}}
	reduced := actuarial.Conditions{{MinAge: 55, MinService: 15}}
	return scheme.Rules{
		From: from,
		ContributionRate: [scheme.NumPayers]actuarial.Schedule{
			scheme.Worker:   actuarial.Constant(0.06),
			scheme.Employer: actuarial.Constant(0.10),
			scheme.State:    actuarial.Constant(0.01),
		},
		Ceiling: actuarial.Limit{Units: 25},
		Eligibility: actuarial.Eligibility{
			Full:             [actuarial.NumSexes]actuarial.Conditions{full, full},
			Reduced:          [actuarial.NumSexes]actuarial.Conditions{reduced, reduced},
			ReductionPerYear: 0.05,
			FullAge:          [actuarial.NumSexes]int{65, 65},
		},
		Retirement: actuarial.Formula{
			Accrual:        actuarial.LinearAccrual{MinService: 15, AtMin: 0.50, PerYear: 0.025, Max: 1.0}.Accrual(),
			ReferenceYears: 5,
			Cap:            actuarial.Limit{Units: 10},
			Floor:          actuarial.Limit{Units: 1},
		},
		CompulsoryAge: [actuarial.NumSexes]int{65, 65},
		Disability: actuarial.Formula{
			Accrual:        actuarial.LinearAccrual{MinService: 5, AtMin: 0.40, PerYear: 0.01, Max: 0.70}.Accrual(),
			ReferenceYears: 3,
			Floor:          actuarial.Limit{Units: 1},
		},
		SurvivorShare: 0.5,
		OrphanShare:   0.2,
		RefundShare:   1,
		ExtraPayments: 1.0 / 12,
		Indexation:    scheme.IndexPrices,
	}
}

// Assumptions are EMSSA-09 for every status, the illustrative service
// tables, a salary scale, 1% real wage growth on 3% inflation, 4.5% returns,
// 0.5% a year growth of actives through entrants aged 20–35, and family
// statistics.
func Assumptions(tb testing.TB) scheme.Assumptions {
	men, women := EMSSA09(tb)
	m, w := scheme.PeriodTable{Table: men}, scheme.PeriodTable{Table: women}
	var profile []scheme.EntrantProfile
	for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		for age := 20; age <= 35; age++ {
			profile = append(profile, scheme.EntrantProfile{
				Sex: sex, Age: age, Weight: float64(36 - age), Salary: 90000 * (1 + 0.02*float64(age-20)),
			})
		}
	}
	retire := scheme.RetirementRates{
		Full:    actuarial.ByAge{MinAge: 55, Values: []float64{0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.2, 0.2, 0.2, 0.2, 1}},
		Reduced: actuarial.ByAge{MinAge: 55, Values: []float64{0.05}},
	}
	return scheme.Assumptions{
		Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
			scheme.StatusActive: {m, w},
		},
		Decrements: [actuarial.NumSexes]*actuarial.ServiceTable{ServiceTable(tb, 1), ServiceTable(tb, 0.8)},
		Retirement: [actuarial.NumSexes]scheme.RetirementRates{retire, retire},
		Salary: actuarial.SalaryScale{
			MinAge: 20, ByAge: []float64{0.03, 0.03, 0.03, 0.03, 0.03, 0.025, 0.025, 0.025, 0.025, 0.025, 0.02, 0.02, 0.02, 0.02, 0.02, 0.015, 0.015, 0.015, 0.015, 0.015, 0.01},
		},
		WageGrowth: actuarial.Constant(0.04),
		Inflation:  actuarial.Constant(0.03),
		Unit:       12 * 3000,
		UnitGrowth: actuarial.Constant(0.035),
		Return:     actuarial.Constant(0.045),
		Entrants: scheme.Entrants{
			Mode:    scheme.GrowthEntrants,
			Growth:  actuarial.Constant(0.005),
			Profile: profile,
		},
		Family: scheme.Family{
			Married:      [actuarial.NumSexes]actuarial.ByAge{{MinAge: 20, Values: []float64{0.3, 0.5, 0.7, 0.8}}, {MinAge: 20, Values: []float64{0.3, 0.5, 0.6, 0.6}}},
			AgeGap:       [actuarial.NumSexes]int{3, -3},
			Orphans:      [actuarial.NumSexes]actuarial.ByAge{{MinAge: 20, Values: []float64{0.5, 1, 1.5, 1.5, 1, 0.5, 0.2, 0}}, {MinAge: 20, Values: []float64{0.5, 1, 1.5, 1.5, 1, 0.5, 0.2, 0}}},
			OrphanAge:    [actuarial.NumSexes]actuarial.ByAge{{MinAge: 20, Values: []float64{1, 3, 6, 9, 12, 14, 16, 17}}, {MinAge: 20, Values: []float64{1, 3, 6, 9, 12, 14, 16, 17}}},
			OrphanEndAge: 18,
		},
	}
}

// ReferenceScheme is the reference scheme of the tests, benchmarks and
// examples: one group, the [Census] (with pensionersFrom as there), [Rules]
// and [Assumptions], a reserve of 500 million, transfers of 10 million a
// year and 2% administration costs on benefits. tb may be nil (in an
// example): then a setup error panics.
func ReferenceScheme(tb testing.TB, pensionersFrom int) *scheme.Scheme {
	act, pen := Census(1, pensionersFrom)
	return &scheme.Scheme{
		Name:      "reference",
		StartYear: 2025,
		Groups: []scheme.Group{{
			Name: "all", Actives: act, Pensioners: pen,
			Rules: []scheme.Rules{Rules(2025)},
		}},
		Assumptions:    Assumptions(tb),
		InitialReserve: 5e8,
		Transfers:      actuarial.Constant(1e7),
		AdminCosts:     scheme.AdminCosts{ShareOfBenefits: actuarial.Constant(0.02)},
	}
}
