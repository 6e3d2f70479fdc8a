package reform_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// depleted formats a depletion year.
func depleted(m reform.Metrics) string {
	if m.DepletionYear == 0 {
		return "never"
	}
	return fmt.Sprint(m.DepletionYear)
}

// A reform study: a public-sector scheme (contributions 17% of salary;
// full pensions at 60 with 30 years or 65 with 15) runs out of reserves in
// 2033. Two proposals: raise the employer's rate by half a point a year to
// 15%; or that, plus retirement five years later (a year every two years)
// and a leaner formula for members with under ten years of service.
func ExampleCompare() {
	base := actuarialtest.ReferenceScheme(nil, 0)

	employer := reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.15, Step: 0.005}
	proposals := []reform.Reform{
		{Name: "contributions", Changes: []reform.Change{employer}},
		{Name: "package", Changes: []reform.Change{
			employer,
			reform.RetirementConditions{Year: 2027, AddAge: 5, Every: 2, Compulsory: true},
			reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 10}, Accrual: actuarial.LinearAccrual{MinService: 20, AtMin: 0.40, PerYear: 0.02, Max: 0.80}.Accrual()},
		}},
	}
	c, err := reform.Compare(base, proposals, reform.Options{Years: 100, ReserveRatioYears: []int{2030}})
	if err != nil {
		log.Fatal(err)
	}
	for i, o := range c.Outcomes {
		m := c.Metrics[i]
		fmt.Printf("%-13s GAP %4.1f%%  reserve ratio 2030 %4.2f  depleted %-5s  deficit PV %5.1f bn\n",
			o.Name, 100*m.GAP, m.ReserveRatioAt[0], depleted(m), m.DeficitPV/1e9)
	}
	for i, d := range c.Deltas {
		fmt.Printf("%-13s GAP %+5.1f points, depletion %s → %s\n", c.Outcomes[i+1].Name, 100*d.GAP, depleted(c.Metrics[0]), depleted(c.Metrics[i+1]))
	}
	// Output:
	// base          GAP 50.1%  reserve ratio 2030 1.58  depleted 2033   deficit PV  12.3 bn
	// contributions GAP 50.1%  reserve ratio 2030 1.72  depleted 2033   deficit PV  10.5 bn
	// package       GAP 39.6%  reserve ratio 2030 2.29  depleted 2035   deficit PV   6.7 bn
	// contributions GAP  +0.0 points, depletion 2033 → 2033
	// package       GAP -10.5 points, depletion 2033 → 2035
}

// A program that compares again and again writes each comparison over
// the last one's memory: here a sweep of the employer's rate, raised in
// each of three years.
func ExampleCompareInto() {
	base := actuarialtest.ReferenceScheme(nil, 0)
	ctx := context.Background()
	var c *reform.Comparison
	for _, year := range []int{2027, 2030, 2035} {
		var sweep []reform.Reform
		for _, rate := range []float64{0.15, 0.20, 0.25, 0.30} {
			sweep = append(sweep, reform.Reform{Name: fmt.Sprintf("%.0f%%", 100*rate), Changes: []reform.Change{
				reform.ContributionRate{Year: year, Payer: scheme.Employer, Rate: rate}}})
		}
		var err error
		// c's outcomes are overwritten: the last comparison is no longer used.
		if c, err = reform.CompareInto(ctx, c, base, sweep, reform.Options{Years: 100}); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("from %d:", year)
		for i, o := range c.Outcomes[1:] {
			fmt.Printf("  %s %s", o.Name, depleted(c.Metrics[i+1]))
		}
		fmt.Println()
	}
	// Output:
	// from 2027:  15% 2034  20% 2036  25% 2038  30% 2041
	// from 2030:  15% 2034  20% 2035  25% 2036  30% 2038
	// from 2035:  15% 2033  20% 2033  25% 2033  30% 2033
}

// How much must the employer pay from 2027 for the reserve to last through
// 2075? Brent's method on the projected reserve finds the least rate.
func ExampleSolveContributionRate() {
	base := actuarialtest.ReferenceScheme(nil, 0)

	lever := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	sol, err := reform.SolveContributionRate(base, lever, reform.NoDepletion(2075), 0.10, 0.60, reform.Options{Years: 60})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("employer rate from 2027: %.2f%% (with the worker's 6%% and the state's 1%%)\n", 100*sol.Value)
	fmt.Printf("lowest reserve through 2075: %.0f million\n", sol.Objective/1e6)

	// A range that cannot reach the target is an error, not a guess.
	_, err = reform.SolveContributionRate(base, lever, reform.NoDepletion(2075), 0.10, 0.20, reform.Options{Years: 60})
	fmt.Println(errors.Is(err, reform.ErrNoSolution))
	// Output:
	// employer rate from 2027: 42.07% (with the worker's 6% and the state's 1%)
	// lowest reserve through 2075: 0 million
	// true
}

// Which measure of the package does what? Each change is added to those
// before it, and its marginal effect measured; the effects add up to the
// package's.
func ExampleAttribute() {
	base := actuarialtest.ReferenceScheme(nil, 0)
	pkg := reform.Reform{Name: "package", Changes: []reform.Change{
		reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.15, Step: 0.005},
		reform.RetirementConditions{Year: 2027, AddAge: 5, Every: 2, Compulsory: true},
		reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 10}, Accrual: actuarial.LinearAccrual{MinService: 20, AtMin: 0.40, PerYear: 0.02, Max: 0.80}.Accrual()},
	}}
	a, err := reform.Attribute(base, pkg, reform.Options{Years: 100})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range a.Steps {
		fmt.Printf("%s\n    GAP %+.1f points, actuarial balance %+.1f points\n", s.Change, 100*s.Marginal.GAP, 100*s.Marginal.ActuarialBalance)
	}
	fmt.Printf("total\n    GAP %+.1f points, actuarial balance %+.1f points\n", 100*a.Total.GAP, 100*a.Total.ActuarialBalance)
	// Output:
	// employer contribution rate to 15% by 0.5 points a year from 2027
	//     GAP +0.0 points, actuarial balance +4.6 points
	// retirement ages +5, a year every 2 years from 2027
	//     GAP -5.0 points, actuarial balance +5.0 points
	// accrual table from 40% at 20 years of service to 80% from 2027 [service < 10 in 2027]
	//     GAP -5.4 points, actuarial balance +5.4 points
	// total
	//     GAP -10.5 points, actuarial balance +15.1 points
}

// How sure is the GAP? The scheme under returns and wage growth a point
// lower and higher, and mortality 10% lower and higher, widest bar first.
func ExampleSensitivity() {
	t, err := reform.Sensitivity(actuarialtest.ReferenceScheme(nil, 0), reform.Shocks{Returns: 0.01, WageGrowth: 0.01, Mortality: 0.10}, reform.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("base GAP %.1f%%\n", 100*t.BaseMetrics.GAP)
	for _, b := range t.Bars {
		fmt.Printf("%-12s %-18s %.1f%%  %-18s %.1f%%\n", b.Assumption, b.Low, 100*b.LowMetrics.GAP, b.High, 100*b.HighMetrics.GAP)
	}
	// Output:
	// base GAP 50.1%
	// wage growth  wage growth -1 pt  56.4%  wage growth +1 pt  42.2%
	// mortality    mortality -10%     51.3%  mortality +10%     49.0%
	// returns      returns -1 pt      51.0%  returns +1 pt      48.8%
}
