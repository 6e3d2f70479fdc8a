package projection_test

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// Three members of a scheme that pays 2% of the last salary per year of
// service from 65, capped at 30,000 a year, valued record by record on
// Makeham mortality and 4% returns; then the same three grouped into cells
// and projected. The two men share a cell, whose average salary of 50,000
// gives each a pension of 40,000 capped at 30,000: the cell pays the
// higher earner's capped pension to both, where the lower earner's own
// pension is 16,000.
func ExampleSeriatim() {
	s := threeMemberScheme()
	records := threeMembers()
	v, err := projection.NewSeriatim(s, 80)
	if err != nil {
		panic(err)
	}
	for _, r := range records {
		f, err := v.Value(r)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-6v %d  %6.0f  contributions %7.0f  pensions %7.0f\n", r.Sex, r.Age, r.Salary, f.TotalContributions(), f.TotalPensions())
	}
	total, err := v.Total(records, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("seriatim          contributions %7.0f  pensions %7.0f\n", total.TotalContributions(), total.TotalPensions())

	cells := &census.ActiveCells{}
	cells.Count, cells.Salary = make([]float64, cells.Len()), make([]float64, cells.Len())
	for _, r := range records {
		c := cells.Index(r.Sex, r.Age, r.Service)
		cells.Count[c]++
		cells.Salary[c] += r.Salary
	}
	s.Groups[0].Actives = cells
	p, err := projection.NewProjector(s)
	if err != nil {
		panic(err)
	}
	res, err := p.Run(nil, 80)
	if err != nil {
		panic(err)
	}
	cell, err := res.PresentValues()
	if err != nil {
		panic(err)
	}
	fmt.Printf("cells             contributions %7.0f  pensions %7.0f\n", cell.TotalContributions(), cell.TotalPensions())
	// Output:
	// male   55   20000  contributions   24497  pensions  150115
	// male   55   80000  contributions   97989  pensions  281465
	// female 40   40000  contributions   94473  pensions  143678
	// seriatim          contributions  216960  pensions  575258
	// cells             contributions  216960  pensions  706608
}

// The three members of ExampleSeriatim loaded once into an ActiveCensus
// and valued at returns of 4% and 3% a year, the Seriatim reset for each:
// the census is checked and laid out by cell once, and each valuation
// reads it. The values are those of Seriatim.Total on the records.
func ExampleActiveCensus() {
	s := threeMemberScheme()
	var members projection.ActiveCensus
	if err := members.Load(threeMembers()); err != nil {
		panic(err)
	}
	var v projection.Seriatim
	for _, r := range []float64{0.04, 0.03} {
		s.Assumptions.Return = actuarial.Constant(r)
		if err := v.Reset(s, 80); err != nil {
			panic(err)
		}
		total, err := v.TotalCensus(&members, nil)
		if err != nil {
			panic(err)
		}
		fmt.Printf("returns %.0f%%: %d members, contributions %7.0f  pensions %7.0f\n", 100*r, members.Len(), total.TotalContributions(), total.TotalPensions())
	}
	// Output:
	// returns 4%: 3 members, contributions  216960  pensions  575258
	// returns 3%: 3 members, contributions  232879  pensions  730065
}

// threeMemberScheme is the scheme of ExampleSeriatim and
// ExampleActiveCensus: a 5% worker's and 10% employer's contribution, a
// pension at 65 of 2% of salary a year of service (at most 80%) capped at
// 30,000, Makeham mortality and returns of 4%.
func threeMemberScheme() *scheme.Scheme {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 120)
	if err != nil {
		panic(err)
	}
	table := scheme.PeriodTable{Table: sult}
	at65 := actuarial.Conditions{{MinAge: 65}}
	return &scheme.Scheme{
		StartYear: 2025,
		Groups: []scheme.Group{{
			Rules: []scheme.Rules{{
				From:             2025,
				ContributionRate: [scheme.NumPayers]actuarial.Schedule{scheme.Worker: actuarial.Constant(0.05), scheme.Employer: actuarial.Constant(0.10)},
				Eligibility:      actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{at65, at65}},
				Retirement:       actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.02, PerYear: 0.02, Max: 0.80}.Accrual(), Cap: actuarial.Limit{Money: 30000}},
				CompulsoryAge:    [actuarial.NumSexes]int{65, 65},
			}},
		}},
		Assumptions: scheme.Assumptions{
			Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{scheme.StatusActive: {table, table}},
			Return:    actuarial.Constant(0.04),
		},
	}
}

// threeMembers are the members of ExampleSeriatim and ExampleActiveCensus:
// two men of 55 with 30 years of service, earning 20,000 and 80,000, and a
// woman of 40 with 10 years earning 40,000.
func threeMembers() []projection.ActiveRecord {
	return []projection.ActiveRecord{
		{Sex: actuarial.Male, Age: 55, Service: 30, Salary: 20000},
		{Sex: actuarial.Male, Age: 55, Service: 30, Salary: 80000},
		{Sex: actuarial.Female, Age: 40, Service: 10, Salary: 40000},
	}
}
