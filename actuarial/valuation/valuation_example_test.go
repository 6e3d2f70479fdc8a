package valuation_test

import (
	"fmt"
	"log"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/mortality"
)

// A member aged 45 with 15 years of service and a salary of 60,000 in a
// plan paying 1.5% of the final three-year average salary per year of
// service from 65 (reduced by 4% a year from 60), valued on AMLCR's
// Standard Ultimate Life Table at 5% with 3% salary growth.
func ExampleValuer() {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		log.Fatal(err)
	}
	// Dependent probabilities for ages 20–65: deaths from the SULT,
	// withdrawals of 5% a year to 50, retirements of 10% a year from 60
	// and of everyone left at 65, on the birthday.
	var rates [actuarial.NumDecrements][]float64
	for x := 20; x <= 65; x++ {
		var wd, ret float64
		switch {
		case x == 65:
			ret = 1
		case x >= 60:
			ret = 0.10
		case x < 50:
			wd = 0.05
		}
		death := (1 - ret) * sult.Q(x)
		if x == 65 {
			death = 0
		}
		rates[actuarial.Death] = append(rates[actuarial.Death], death)
		rates[actuarial.Withdrawal] = append(rates[actuarial.Withdrawal], (1-ret)*wd)
		rates[actuarial.Retirement] = append(rates[actuarial.Retirement], ret)
	}
	actives, err := actuarial.NewServiceTable(20, 0, rates, actuarial.DecrementOptions{Retirement: actuarial.RetireAtStart})
	if err != nil {
		log.Fatal(err)
	}
	both := func(c actuarial.Conditions) [actuarial.NumSexes]actuarial.Conditions {
		return [2]actuarial.Conditions{c, c}
	}
	plan := valuation.Plan{
		Formula: actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.015, PerYear: 0.015, Max: 1}.Accrual(), ReferenceYears: 3},
		Eligibility: actuarial.Eligibility{
			Full:             both(actuarial.Conditions{{MinAge: 65}}),
			Reduced:          both(actuarial.Conditions{{MinAge: 60}}),
			ReductionPerYear: 0.04,
			FullAge:          [2]int{65, 65},
		},
		Payment:    actuarial.Annuity{PerYear: 12},
		Death:      valuation.DeathBenefit{SalaryMultiple: 2},
		Withdrawal: valuation.WithdrawalBenefit{Deferred: true, PensionAge: [2]int{65, 65}},
	}
	basis := valuation.Basis{
		Actives:    [2]*actuarial.ServiceTable{actives, actives},
		Pensioners: [2]mortality.Table{sult, sult},
		Interest:   0.05,
		WageGrowth: 0.03,
	}
	v, err := valuation.NewValuer(&plan, &basis)
	if err != nil {
		log.Fatal(err)
	}
	var r valuation.MemberValuation
	if err := v.Value(&r, valuation.Member{Sex: actuarial.Male, Age: 45, Service: 15, Salary: 60000}); err != nil {
		log.Fatal(err)
	}
	for b, pv := range r.PVFB {
		fmt.Printf("PVFB %-16v %9.0f\n", valuation.BenefitKind(b), pv)
	}
	fmt.Printf("accrued pension from %d: %.0f (TUC), %.0f (PUC)\n", r.NormalAge, r.AccruedTUC, r.AccruedPUC)
	for _, m := range []valuation.FundingMethod{valuation.PUC, valuation.EAN} {
		fmt.Printf("%v: AL %.0f, NC %.0f (%.2f%% of salary)\n", m, r.AL[m], r.NC[m], 100*r.NC[m]/60000)
	}
	fmt.Printf("EAN normal cost rate: %.2f%%\n", 100*r.NormalCostRate)
	// Output:
	// PVFB retirement          118878
	// PVFB early retirement     75047
	// PVFB disability               0
	// PVFB death                 2902
	// PVFB withdrawal           16729
	// accrued pension from 65: 13111 (TUC), 23679 (PUC)
	// PUC: AL 102904, NC 6648 (11.08% of salary)
	// EAN: AL 137438, NC 5880 (9.80% of salary)
	// EAN normal cost rate: 10.30%
}
