package reform_test

import (
	"fmt"
	"log"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// The 2025 ISSTEY reform as typed changes: women's full pensions after two
// years less of service, 28 instead of 30 (their own scale reaching 100%
// there), two more years of service for the men born from 1970, and
// survivors' pensions of 100% for 6 years, then 50%. The conditions print
// as {MinAge MinService FromCohort ToCohort}.
func ExampleRetirementBySex() {
	women := actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 13, Max: 1}.Accrual()
	r := reform.Reform{Name: "ISSTEY 2025", Changes: []reform.Change{
		reform.RetirementConditions{Year: 2026, Sex: actuarial.Female, AddService: -2, Conditions: reform.FullOnly},
		reform.RetirementBySex{Year: 2026, Sex: actuarial.Female, Accrual: women},
		reform.RetirementConditions{Year: 2026, Sex: actuarial.Male, AddService: 2, Cohort: 1970},
		reform.SurvivorSteps{Year: 2026, Share: 1, Steps: []scheme.ShareStep{{Years: 6, Share: 0.5}}},
	}}
	s, err := r.Apply(actuarialtest.ReferenceScheme(nil, 0))
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range r.Changes {
		fmt.Println(c)
	}
	rl := s.Groups[0].RulesAt(2026)
	fmt.Println("women:", rl.Eligibility.Full[actuarial.Female.Index()])
	fmt.Println("men:", rl.Eligibility.Full[actuarial.Male.Index()])
	fmt.Printf("women's rate at 28 years: %.0f%%\n", 100*rl.RetirementAccrual(actuarial.Female.Index()).Rate(28))
	// Output:
	// retirement service -2 (female) (full conditions only) from 2026
	// female: accrual from 50% at 15 years to 100% from 2026
	// retirement service +2 (male) for the cohorts from 1970, from 2026
	// survivor's pension 100%, 50% after 6 years from 2026
	// women: [{60 28 0 0} {65 13 0 0}]
	// men: [{60 30 0 1969} {60 32 1970 0} {65 15 0 1969} {65 17 1970 0}]
	// women's rate at 28 years: 100%
}
