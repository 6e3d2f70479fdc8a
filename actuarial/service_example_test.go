package actuarial_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
)

// A service table for ages 60–65 from independent rates, with everyone still
// active at 65 retiring on that birthday. The dependent probabilities at 62
// are what a projection applies to members of that age.
func ExampleServiceTable() {
	tbl, err := actuarial.NewServiceTable(60, 0, [actuarial.NumDecrements][]float64{
		actuarial.Death:      {0.010, 0.011, 0.012, 0.013, 0.014, 0.015},
		actuarial.Disability: {0.020, 0.022, 0.024, 0.026, 0.028, 0.030},
		actuarial.Withdrawal: {0.030, 0.030, 0.030, 0.030, 0.030, 0.030},
		actuarial.Retirement: {0.100, 0.100, 0.200, 0.200, 0.500, 1},
	}, actuarial.DecrementOptions{
		Basis:      actuarial.IndependentRates,
		Retirement: actuarial.RetireAtStart,
	})
	if err != nil {
		log.Fatal(err)
	}
	q := tbl.Dependent(62, 0)
	for j, v := range q {
		if !tbl.Has(actuarial.Decrement(j)) {
			continue
		}
		fmt.Printf("q^(%v)_62 = %.6f\n", actuarial.Decrement(j), v)
	}
	fmt.Printf("probability of retiring from 60: %.4f\n", tbl.ExitProbability(actuarial.Retirement, 60, 0, 6))
	// Output:
	// q^(death)_62 = 0.009343
	// q^(disability)_62 = 0.018799
	// q^(withdrawal)_62 = 0.023570
	// q^(retirement)_62 = 0.200000
	// probability of retiring from 60: 0.8200
}

// Converting the independent rates of one age into dependent probabilities
// under each assumption.
func ExampleToDependent() {
	independent := []float64{0.01, 0.03, 0.06} // Finan, Example 67.2
	for _, a := range []actuarial.Assumption{actuarial.UDDSingleDecrement, actuarial.UDDMultipleDecrement} {
		q, err := actuarial.ToDependent(nil, independent, a)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%v: %.6f %.6f %.6f\n", a, q[0], q[1], q[2])
	}
	// Output:
	// UDD in each single-decrement table: 0.009556 0.028956 0.058806
	// UDD in the multiple-decrement table: 0.009553 0.028952 0.058813
}

// Reading dependent probabilities by age and service from CSV.
func ExampleReadServiceTable() {
	const data = `age,service,death,withdrawal
30,0,0.0010,0.20
30,1,0.0010,0.08
31,0,0.0011,0.18
31,1,0.0011,0.07
`
	tbl, err := actuarial.ReadServiceTable(strings.NewReader(data), actuarial.DecrementOptions{})
	if err != nil {
		log.Fatal(err)
	}
	// Service 5 is beyond the last column, 1, which means "1 or more".
	fmt.Printf("q'^(withdrawal) at 31, service 5: %.6f\n", tbl.QIndependent(actuarial.Withdrawal, 31, 5))
	fmt.Printf("still active at 32, from 30 with no service: %.6f\n", tbl.Survival(30, 0, 2))
	// Output:
	// q'^(withdrawal) at 31, service 5: 0.070040
	// still active at 32, from 30 with no service: 0.742191
}
