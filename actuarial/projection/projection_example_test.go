package projection_test

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// A small scheme: 1,000 members aged 25 to 64 earning 10,000 a year each,
// 200 old-age pensioners aged 65 to 84 on 6,000, the AMLCR Standard
// Ultimate Life Table for everyone, a 15% contribution, a pension of 2% of
// the last salary per year of service from age 65, a reserve of one year's
// salaries earning 4%, and entrants aged 25 replacing every exit.
func ExampleProjector() {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 120)
	if err != nil {
		panic(err)
	}
	act := &census.ActiveCells{}
	act.Count = make([]float64, act.Len())
	act.Salary = make([]float64, act.Len())
	for age := 25; age < 65; age++ {
		c := act.Index(actuarial.Male, age, age-25)
		act.Count[c], act.Salary[c] = 25, 25*10000
	}
	pen := &census.PensionerCells{}
	pen.Count = make([]float64, pen.Len())
	pen.Pension = make([]float64, pen.Len())
	for age := 65; age < 85; age++ {
		c := pen.Index(census.PensionOldAge, actuarial.Male, age)
		pen.Count[c], pen.Pension[c] = 10, 10*6000
	}
	at65 := actuarial.Conditions{{MinAge: 65}}
	table := scheme.PeriodTable{Table: sult}
	s := &scheme.Scheme{
		Name:      "example",
		StartYear: 2025,
		Groups: []scheme.Group{{
			Name: "members", Actives: act, Pensioners: pen,
			Rules: []scheme.Rules{{
				From:             2025,
				ContributionRate: [scheme.NumPayers]actuarial.Schedule{scheme.Worker: actuarial.Constant(0.05), scheme.Employer: actuarial.Constant(0.10)},
				Eligibility:      actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{at65, at65}},
				Retirement:       actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.02, PerYear: 0.02, Max: 0.80}.Accrual()},
				CompulsoryAge:    [actuarial.NumSexes]int{65, 65},
			}},
		}},
		Assumptions: scheme.Assumptions{
			Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{scheme.StatusActive: {table, table}},
			Return:    actuarial.Constant(0.04),
			Entrants: scheme.Entrants{
				Mode:    scheme.ReplacementEntrants,
				Profile: []scheme.EntrantProfile{{Sex: actuarial.Male, Age: 25, Weight: 1, Salary: 10000}},
			},
		},
		InitialReserve: 10e6,
	}
	p, err := projection.NewProjector(s)
	if err != nil {
		panic(err)
	}
	res, err := p.Run(nil, 30)
	if err != nil {
		panic(err)
	}
	fmt.Println("year  actives  pensioners  cost rate  reserve (millions)")
	for _, y := range res.Years {
		if (y.Year-2025)%10 != 0 && y.Year != 2054 {
			continue
		}
		fmt.Printf("%d  %7.0f  %10.0f  %8.1f%%  %8.2f\n",
			y.Year, y.Actives, y.TotalPensioners(), 100*y.Expenditure()/y.SalaryBill, y.ReserveEnd/1e6)
	}
	// Output:
	// year  actives  pensioners  cost rate  reserve (millions)
	// 2025     1000         200      11.9%     10.72
	// 2035     1000         351      27.6%      9.21
	// 2045     1000         462      38.1%     -8.36
	// 2054     1000         517      43.3%    -39.51
}
