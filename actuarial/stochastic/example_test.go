package stochastic_test

import (
	"context"
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
)

// A reserve of 1,000,000 paying out 70,000 a year and earning lognormal
// returns (median 3%, volatility 15%): how likely is it to last 25 years?
func ExampleRun() {
	s := actuarialtest.ReferenceScheme(nil, 65)
	s.Groups[0].Actives, s.Groups[0].Pensioners = nil, nil
	s.Assumptions.Entrants = scheme.Entrants{}
	s.AdminCosts = scheme.AdminCosts{}
	s.InitialReserve = 1e6
	s.Transfers = actuarial.Constant(-70000)

	g := stochastic.Lognormal{Mu: 0.03, Sigma: 0.15, Seed: 1}
	out, err := stochastic.Run(context.Background(), s, g, stochastic.Config{Years: 25, Scenarios: 2000})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := out.ExhaustionBy(2049)
	fmt.Printf("P(exhausted by 2049) = %.3f ± %.3f\n", p.Value, p.StdErr)
	e, ok, _ := out.DepletionPercentile(0.25)
	fmt.Printf("25th percentile of the depletion year: %.0f (within the projection: %v)\n", e.Value, ok)
	// Output:
	// P(exhausted by 2049) = 0.741 ± 0.010
	// 25th percentile of the depletion year: 2038 (within the projection: true)
}
