package indicator_test

import (
	"fmt"
	"math"
	"os"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
)

// The general average premium of a maturing scheme over 50 years: a salary
// bill of 100 a year growing 3% a year, expenditure of 8 growing 6% a
// year, a reserve of 150 at the start, the fund earning 4%, flows paid
// mid-year.
func ExampleGAP() {
	const n = 50
	salary := make([]float64, n)
	benefits := make([]float64, n)
	for t := range n {
		salary[t] = 100 * math.Pow(1.03, float64(t))
		benefits[t] = 8 * math.Pow(1.06, float64(t))
	}
	curve, err := actuarial.NewCurve(0.04)
	if err != nil {
		panic(err)
	}
	h := indicator.Horizon{Curve: curve}

	payg, err := indicator.PAYGCostRate(nil, &indicator.Flows{SalaryBill: salary, Benefits: benefits})
	if err != nil {
		panic(err)
	}
	fmt.Printf("PAYG cost rate: %.2f%% in year 0, %.2f%% in year 49\n", 100*payg[0], 100*payg[n-1])

	gap, err := indicator.GAP(&indicator.Flows{SalaryBill: salary, Benefits: benefits, ReserveStart: reserveAt(150, len(salary))}, h)
	if err != nil {
		panic(err)
	}
	fmt.Printf("GAP with the reserve:    %.2f%%\n", 100*gap)
	gap0, _ := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: salary, Benefits: benefits}, h)
	fmt.Printf("GAP without the reserve: %.2f%%\n", 100*gap0)

	// Keep two years of expenditure in reserve at the end.
	h.TargetRatio = 2
	gap2, _ := indicator.GAP(&indicator.Flows{SalaryBill: salary, Benefits: benefits, ReserveStart: reserveAt(150, len(salary))}, h)
	fmt.Printf("GAP ending with 2 years of expenditure: %.2f%%\n", 100*gap2)
	// Output:
	// PAYG cost rate: 8.00% in year 0, 32.66% in year 49
	// GAP with the reserve:    12.78%
	// GAP without the reserve: 16.62%
	// GAP ending with 2 years of expenditure: 13.78%
}

// A ledger of three years of projected flows: every amount rounded to the
// cent, each closing balance computed exactly from the year's items and
// carried to the next year's opening.
func ExampleLedger() {
	f := &indicator.Flows{
		StartYear:        2025,
		Contributions:    []float64{1250000.4049, 1301111.115, 1349999.995},
		InvestmentIncome: []float64{50123.456, 51234.5678, 49876.54321},
		Benefits:         []float64{1100000.333, 1240000.1251, 1412345.6789},
		Costs:            []float64{25000.004, 26000.006, 27000.0049},
		ReserveStart:     []float64{1000000},
	}
	// The projection's reserve, rolled forward in float64.
	r := f.ReserveStart[0]
	for t := range 3 {
		r += f.Contributions[t] + f.InvestmentIncome[t] - f.Benefits[t] - f.Costs[t]
		f.ReserveEnd = append(f.ReserveEnd, r)
		if t < 2 {
			f.ReserveStart = append(f.ReserveStart, r)
		}
	}
	l, err := indicator.NewLedger(f)
	if err != nil {
		panic(err)
	}
	if err := l.WriteText(os.Stdout); err != nil {
		panic(err)
	}
	fmt.Println("verify:", l.Verify())
	// Output:
	//    year     opening  contributions  investment income  transfers    benefits     costs     closing
	//    2025  1000000.00     1250000.40           50123.46       0.00  1100000.33  25000.00  1175123.53
	//    2026  1175123.53     1301111.12           51234.57       0.00  1240000.13  26000.01  1261469.08
	//    2027  1261469.08     1350000.00           49876.54       0.00  1412345.68  27000.00  1221999.94
	//   total  1000000.00     3901111.52          151234.57       0.00  3752346.14  78000.01  1221999.94
	// verify: <nil>
}

// The indicators of a projection in one call. The series would come from
// the projection; here they are a scheme whose benefits outgrow its
// salary bill.
func ExampleSummarize() {
	const n = 40
	curve, err := actuarial.NewCurve(0.04)
	if err != nil {
		panic(err)
	}
	f := &indicator.Flows{StartYear: 2025, AccruedLiability: 1500}
	r := 100.0
	for t := range n {
		s := 100 * math.Pow(1.03, float64(t))
		b := 9 * math.Pow(1.065, float64(t))
		c := 0.10 * s
		net := c - b
		inc := r*0.04 + net*(math.Sqrt(1.04)-1)
		f.SalaryBill = append(f.SalaryBill, s)
		f.Benefits = append(f.Benefits, b)
		f.Contributions = append(f.Contributions, c)
		f.InvestmentIncome = append(f.InvestmentIncome, inc)
		f.ReserveStart = append(f.ReserveStart, r)
		r += net + inc
		f.ReserveEnd = append(f.ReserveEnd, r)
		f.Actives = append(f.Actives, 1000*math.Pow(1.01, float64(t)))
		f.Pensioners = append(f.Pensioners, 150*math.Pow(1.045, float64(t)))
	}
	s, err := indicator.Summarize(nil, f, indicator.Horizon{Curve: curve})
	if err != nil {
		panic(err)
	}
	fmt.Printf("PAYG cost rate 2025 %.2f%%, 2064 %.2f%%\n", 100*s.PAYGCostRate[0], 100*s.PAYGCostRate[n-1])
	fmt.Printf("support ratio 2025 %.2f, 2064 %.2f\n", s.SupportRatio[0], s.SupportRatio[n-1])
	fmt.Printf("reserve ratio 2025 %.2f\n", s.ReserveRatio[0])
	fmt.Printf("GAP %.2f%% (without the reserve %.2f%%)\n", 100*s.GAP, 100*s.GAPWithoutReserve)
	fmt.Printf("actuarial balance %.2f%% of the salary bill\n", 100*s.ActuarialBalance)
	fmt.Printf("funding ratio %.2f\n", s.FundingRatio)
	fmt.Printf("reserve depleted in %d: %v\n", s.DepletionYear, (s.DepletionYear != 0))
	fmt.Printf("PV of the state's transfers %.2f\n", s.DeficitPV)
	// The fund ends empty, kept at 0 by the transfers, so they make up
	// exactly the actuarial balance (with no target reserve).
	fmt.Printf("−balance × PV(salary bill) %.2f\n", -s.ActuarialBalance*curve.PresentValue(f.SalaryBill, actuarial.MidYear))
	// Output:
	// PAYG cost rate 2025 9.00%, 2064 33.13%
	// support ratio 2025 6.67, 2064 1.77
	// reserve ratio 2025 11.67
	// GAP 14.75% (without the reserve 17.81%)
	// actuarial balance -4.75% of the salary bill
	// funding ratio 0.07
	// reserve depleted in 2052: true
	// PV of the state's transfers 155.41
	// −balance × PV(salary bill) 155.41
}
