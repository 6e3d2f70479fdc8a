package mortality_test

import (
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/reserva-go/reserva/mortality"
)

// Fit the Lee-Carter model to England & Wales males, ages 0–100, 1961–2011
// (Human Mortality Database, via the R package StMoMo), forecast the period
// index, and turn the forecast into a generational table.
func ExampleFitLeeCarter() {
	f, err := os.Open("../testdata/lee-carter/ew_male_1961_2011.csv")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	data, err := mortality.ReadDeathsExposures(f)
	if err != nil {
		panic(err)
	}
	m, err := data.M()
	if err != nil {
		panic(err)
	}
	lc, err := mortality.FitLeeCarter(data.Ages, data.Years, m)
	if err != nil {
		panic(err)
	}
	fmt.Printf("explained: %.1f%%\n", 100*lc.Explained)
	fmt.Printf("k: %.2f in 1961, %.2f in 2011\n", lc.K[0], lc.K[len(lc.K)-1])
	fmt.Printf("drift: %.3f a year, sigma %.3f\n", lc.Drift(), lc.Sigma())
	k := lc.ForecastK(20)
	fmt.Printf("central k in 2031: %.2f\n", k[19])

	g := lc.Generational(20)
	fmt.Printf("q(65): %.5f in 2011, %.5f in 2031\n", g.Q(65, 2011), g.Q(65, 2031))

	path := lc.Simulate(nil, 20, rand.NewPCG(1, 2))
	fmt.Printf("one simulated k in 2031: %.2f\n", path[19])
	// Output:
	// explained: 93.1%
	// k: 33.62 in 1961, -49.14 in 2011
	// drift: -1.655 a year, sigma 1.701
	// central k in 2031: -82.25
	// q(65): 0.01280 in 2011, 0.00818 in 2031
	// one simulated k in 2031: -84.67
}
