package projection_test

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// The accrued liability of a small closed group and its funding ratio: a
// scheme paying 2% of the last salary a year of service from 65, indexed
// by 2% a year, with salaries growing by 3% a year, on Makeham mortality
// and 4% returns. The woman of 40 retires at 65 with 35 years, of which 10
// are behind her: under PUC, 10/35 of the value of her pension is
// accrued, and a 35th of it is the year's normal cost; under TUC, on
// today's salary without 25 years of growth, less than half of that. The
// woman of 64 has 39/40 of hers accrued. The pension in payment is
// accrued in full. The reserve covers 14.6% of the accrued liability.
func ExampleClosedGroupLiability() {
	law, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 120)
	if err != nil {
		panic(err)
	}
	table := scheme.PeriodTable{Table: law}
	at65 := actuarial.Conditions{{MinAge: 65}}
	cells := &census.ActiveCells{}
	cells.Count, cells.Salary = make([]float64, cells.Len()), make([]float64, cells.Len())
	for _, m := range []struct {
		age, service int
		salary       float64
	}{{40, 10, 40000}, {64, 39, 60000}} {
		c := cells.Index(actuarial.Female, m.age, m.service)
		cells.Count[c], cells.Salary[c] = 1, m.salary
	}
	pensions := &census.PensionerCells{}
	pensions.Count, pensions.Pension = make([]float64, pensions.Len()), make([]float64, pensions.Len())
	c := pensions.Index(census.PensionOldAge, actuarial.Male, 70)
	pensions.Count[c], pensions.Pension[c] = 1, 30000
	s := &scheme.Scheme{
		StartYear: 2025,
		Groups: []scheme.Group{{
			Actives:    cells,
			Pensioners: pensions,
			Rules: []scheme.Rules{{
				From:             2025,
				ContributionRate: [scheme.NumPayers]actuarial.Schedule{scheme.Worker: actuarial.Constant(0.05), scheme.Employer: actuarial.Constant(0.10)},
				Eligibility:      actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{at65, at65}},
				Retirement:       actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.02, PerYear: 0.02, Max: 0.80}.Accrual()},
				CompulsoryAge:    [actuarial.NumSexes]int{65, 65},
				Indexation:       scheme.IndexFixed,
				IndexRate:        actuarial.Constant(0.02),
			}},
		}},
		Assumptions: scheme.Assumptions{
			Mortality:  [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{scheme.StatusActive: {table, table}},
			WageGrowth: actuarial.Constant(0.03),
			Return:     actuarial.Constant(0.04),
		},
		InitialReserve: 200000,
	}
	v, err := projection.NewSeriatim(s, projection.ClosedGroupYears)
	if err != nil {
		panic(err)
	}
	for _, r := range []projection.ActiveRecord{
		{Sex: actuarial.Female, Age: 40, Service: 10, Salary: 40000},
		{Sex: actuarial.Female, Age: 64, Service: 39, Salary: 60000},
	} {
		m, err := v.ActiveLiability(r)
		if err != nil {
			panic(err)
		}
		fmt.Printf("aged %d, %d years: PVFB %7.0f  PUC %7.0f (%.3f)  TUC %7.0f\n", r.Age, r.Service,
			m.PVFB.Total(), m.PUC.Total(), m.PUC.Total()/m.PVFB.Total(), m.TUC.Total())
	}

	l, err := projection.ClosedGroupLiability(s, 0)
	if err != nil {
		panic(err)
	}
	fmt.Printf("actives:    PVFB %7.0f  PUC %7.0f  TUC %7.0f  normal cost %5.0f\n", l.PVFB.Total(), l.PUC.Total(), l.TUC.Total(), l.NormalCost)
	fmt.Printf("pensioners: %7.0f\n", l.Pensioners.Total())
	fmt.Printf("accrued liability (PUC): %7.0f\n", l.Total())

	p, err := projection.NewProjector(s)
	if err != nil {
		panic(err)
	}
	res, err := p.Run(nil, 20)
	if err != nil {
		panic(err)
	}
	funded := res.Flows(nil)
	funded.AccruedLiability = l.Total()
	sum, err := indicator.Summarize(nil, funded, indicator.Horizon{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("funding ratio: %.3f\n", sum.FundingRatio)
	// Output:
	// aged 40, 10 years: PVFB  370658  PUC  105902 (0.286)  TUC   50580
	// aged 64, 39 years: PVFB  837104  PUC  816177 (0.975)  TUC  792405
	// actives:    PVFB 1207763  PUC  922079  TUC  842984  normal cost 31518
	// pensioners:  448436
	// accrued liability (PUC): 1370515
	// funding ratio: 0.146
}
