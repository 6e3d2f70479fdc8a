package stochastic_test

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/mortality"
)

// The reference scheme's tables improved at 1.5% a year from 2010, and an
// uncertain improvement from 2025: each scenario improves M times as fast
// as the scale (σ = 0.3) with yearly shifts of τ = 0.3 points. A
// scenario's q at 65 in 2065, next to the central projection's.
func ExampleImprovementShock() {
	s := actuarialtest.ReferenceScheme(nil, 65)
	rates := make([]float64, 121)
	for i := range rates {
		rates[i] = 0.015
	}
	scale := mortality.ScaleByAge(0, rates)
	for sx := range actuarial.NumSexes {
		base := s.Assumptions.Mortality[scheme.StatusActive][sx].(scheme.PeriodTable).Table
		s.Assumptions.Mortality[scheme.StatusActive][sx] = mortality.Improve(base, 2010, scale)
	}
	m := &stochastic.ImprovementShock{
		Scales: [actuarial.NumSexes]mortality.Scale{scale, scale},
		Sigma:  0.3, YearSigma: 0.003, Seed: 1,
	}
	men := s.Assumptions.Mortality[scheme.StatusActive][actuarial.Male.Index()]
	fmt.Printf("central:    q(65, 2065) = %.5f\n", men.Q(65, 2065))
	for i := range 3 {
		level, err := m.Shocks(nil, i)
		if err != nil {
			fmt.Println(err)
			return
		}
		sc := *s
		if err := m.Apply(&sc, i, 2065); err != nil {
			fmt.Println(err)
			return
		}
		q := sc.Assumptions.Mortality[scheme.StatusActive][actuarial.Male.Index()].Q(65, 2065)
		fmt.Printf("scenario %d: q(65, 2065) = %.5f (M = %.2f)\n", i, q, level)
	}
	// Output:
	// central:    q(65, 2065) = 0.00658
	// scenario 0: q(65, 2065) = 0.00803 (M = 0.72)
	// scenario 1: q(65, 2065) = 0.00780 (M = 0.71)
	// scenario 2: q(65, 2065) = 0.00816 (M = 0.66)
}
