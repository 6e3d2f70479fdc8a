package mortality_test

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/mortality"
)

// AMLCR's Standard Ultimate Life Table (Dickson, Hardy & Waters, Appendix D)
// is Makeham's law with A = 0.00022, B = 2.7e-6, C = 1.124; its printed
// survivors from a radix of 100,000 at age 20 include l_65 = 94,579.73.
func ExampleFromLaw() {
	sult := mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}
	tbl, err := mortality.FromLaw(sult, 20, 130)
	if err != nil {
		panic(err)
	}
	fmt.Printf("l65 = %.2f\n", 100000*tbl.L(65)/tbl.L(20))
	fmt.Printf("q65 = %.6f\n", tbl.Q(65))
	fmt.Printf("e65 = %.2f years\n", tbl.LifeExpectancy(65))
	// Output:
	// l65 = 94579.73
	// q65 = 0.005915
	// e65 = 22.74 years
}

// Gompertz's law: the hazard grows by the factor C each year of age, so it
// doubles every ln 2 / ln C years.
func ExampleGompertz() {
	g := mortality.Gompertz{B: 2.7e-6, C: 1.124}
	fmt.Printf("µ(60) = %.5f\n", g.Hazard(60))
	fmt.Printf("doubles every %.2f years\n", math.Ln2/math.Log(g.C))
	// the probability that a life aged 60 dies within 10 years
	fmt.Printf("10q60 = %.4f\n", -math.Expm1(-mortality.CumHazard(g, 60, 10)))
	// Output:
	// µ(60) = 0.00300
	// doubles every 5.93 years
	// 10q60 = 0.0554
}

// Kannisto's logistic law levels off in extreme old age, where Gompertz's
// keeps growing: its hazard tends to 1, so q tends to 1 − 1/e = 0.632.
func ExampleKannisto() {
	k := mortality.Kannisto{A: 5e-5, B: 0.11}
	tbl, err := mortality.FromLaw(k, 80, 120)
	if err != nil {
		panic(err)
	}
	for _, age := range []int{80, 100, 120} {
		fmt.Printf("µ(%d) = %.3f  q%d = %.3f\n", age, k.Hazard(float64(age)), age, tbl.Q(age))
	}
	// Output:
	// µ(80) = 0.249  q80 = 0.229
	// µ(100) = 0.750  q100 = 0.532
	// µ(120) = 0.964  q120 = 0.619
}

// The Heligman–Pollard law gives q_x itself; a table built from it holds
// those rates, and its hazard is the constant force that reproduces them.
func ExampleHeligmanPollard() {
	hp := mortality.HeligmanPollard{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1}
	tbl, err := mortality.FromLaw(hp, 0, 110)
	if err != nil {
		panic(err)
	}
	for _, age := range []int{0, 20, 65} {
		fmt.Printf("q%d = %.5f  table %.5f\n", age, hp.Q(age), tbl.Q(age))
	}
	// Output:
	// q0 = 0.00754  table 0.00754
	// q20 = 0.00117  table 0.00117
	// q65 = 0.02396  table 0.02396
}
