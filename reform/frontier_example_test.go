package reform_test

import (
	"context"
	"fmt"
	"log"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// Which combinations of the employer's rate and the years of service a
// pension needs keep the reserve of the reference scheme from running out
// before 2060? Along a grid of 0 to 6 more years of service, the least
// employer's rate from 2027 that does it.
func ExampleSolveFrontier() {
	base := actuarialtest.ReferenceScheme(nil, 0)
	f, err := reform.SolveFrontier(context.Background(), base, reform.FrontierProblem{
		Target: reform.NoDepletion(2060),
		Lever:  reform.ContributionLever{Year: 2027, Payer: scheme.Employer},
		Lo:     0.10, Hi: 0.60,
		Grid:   reform.ServiceLever{Year: 2027},
		Values: []float64{0, 3, 6},
	}, reform.Options{Years: 36})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(f.Target)
	for _, pt := range f.Points {
		fmt.Printf("service +%g years: employer %.2f%%\n", pt.Grid, 100*pt.Solution.Value)
	}
	// Output:
	// no depletion through 2060
	// service +0 years: employer 42.07%
	// service +3 years: employer 40.60%
	// service +6 years: employer 38.68%
}
