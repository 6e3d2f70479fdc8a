package reform_test

import (
	"fmt"
	"log"
	"math"

	"golang.org/x/text/language"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/reform"
)

// Who gains and who loses when the members with under ten years of
// service get a leaner formula from 2027: Compare projects with the split
// by service band (Options.WhoGains) and sets the reform's gains beside
// its metrics. Those with ten years or more keep the old formula, and the
// pensions in payment are untouched: the small change of the band in
// payment is the cell model's, whose minimum pension binds per head on a
// cell of pensions of one type, sex and age, which the census's pensions
// share with the new ones.
func ExampleCompare_whoGains() {
	base := actuarialtest.ReferenceScheme(nil, 0)
	leaner := reform.Reform{Name: "leaner", Changes: []reform.Change{
		reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 10},
			Accrual: actuarial.LinearAccrual{MinService: 20, AtMin: 0.4, PerYear: 0.02, Max: 0.8}.Accrual()},
	}}
	c, err := reform.Compare(base, []reform.Reform{leaner}, reform.Options{Years: 60,
		WhoGains: &reform.GainsOptions{CohortWidth: 20, LossThreshold: 0.10}})
	if err != nil {
		log.Fatal(err)
	}
	g := c.Gains[0]
	for _, co := range g.Cohorts {
		if co.Sex == actuarial.Female && co.BornFrom == 1980 {
			fmt.Printf("women born %d–%d, %v: %+.1f%%\n", co.BornFrom, co.BornTo, reform.BandLabel(co.Band, language.Und),
				math.Round(1000*co.BenefitChangeShare())/10+0) // +0: no "−0.0"
		}
	}
	fmt.Printf("members losing more than 10%%: %.1f%%\n", 100*g.LosingShare)
	// Output:
	// women born 1980–1999, 0–9 years: -18.8%
	// women born 1980–1999, 10–19 years: +0.0%
	// women born 1980–1999, 20–29 years: +0.0%
	// women born 1980–1999, in payment: +0.2%
	// women born 1980–1999, future entrants: -27.5%
	// members losing more than 10%: 36.9%
}
