package mortality_test

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/mortality"
)

// A base table for 2020 improved by a flat 1% a year: ten years on, every
// rate is q·0.99¹⁰.
func ExampleImprove() {
	base, err := mortality.NewTable(65, []float64{0.010, 0.011, 0.012, 0.013, 0.014})
	if err != nil {
		panic(err)
	}
	flat := mortality.ScaleByAge(65, []float64{0.01})
	g := mortality.Improve(base, 2020, flat)

	fmt.Printf("q(65, 2020) = %.6f\n", g.Q(65, 2020))
	fmt.Printf("q(65, 2030) = %.6f (0.010 × 0.99^10 = %.6f)\n", g.Q(65, 2030), 0.010*math.Pow(0.99, 10))
	fmt.Printf("q(65, 2010) = %.6f\n", g.Q(65, 2010))

	// The cohort born in 1960 is 65 in 2025 and 69 in 2029:
	// 0.010 × 0.99^5 and 0.014 × 0.99^9.
	c := g.Cohort(1960)
	fmt.Printf("cohort 1960: q65 = %.6f, q69 = %.6f\n", c.Q(65), c.Q(69))
	// Output:
	// q(65, 2020) = 0.010000
	// q(65, 2030) = 0.009044 (0.010 × 0.99^10 = 0.009044)
	// q(65, 2010) = 0.011057
	// cohort 1960: q65 = 0.009510, q69 = 0.012789
}
