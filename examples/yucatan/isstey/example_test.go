package isstey_test

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
)

// The three regimes of the law on the illustrative census, projected for
// 100 years: when the reserve runs out, the PAYG cost rate in 2040 and the
// general average premium over the century at the fund's return.
func ExampleScheme() {
	c, err := isstey.ReadCensus("../../../testdata/isstey")
	if err != nil {
		panic(err)
	}
	men, women, err := isstey.ReadEMSSA09("../../../testdata/mexico/emssa09.csv")
	if err != nil {
		panic(err)
	}
	basis, err := isstey.Basis(men, women)
	if err != nil {
		panic(err)
	}
	fmt.Println(isstey.Disclaimer)
	fmt.Printf("employer rate %.1f%% (assumption), reserve 2022 MXN %.1f bn (assumption)\n",
		100*isstey.EmployerRate, isstey.TrustReserve/1e9)
	for _, r := range isstey.Regimes {
		s, err := isstey.Scheme(r, c, basis)
		if err != nil {
			panic(err)
		}
		p, err := projection.NewProjector(s)
		if err != nil {
			panic(err)
		}
		res, err := p.Run(nil, 100)
		if err != nil {
			panic(err)
		}
		curve, err := res.ReturnCurve()
		if err != nil {
			panic(err)
		}
		sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{Curve: curve})
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-11s reserve out in %d, PAYG cost rate 2040 %4.1f%%, GAP %4.1f%%\n",
			r, sum.DepletionYear, 100*sum.PAYGCostRate[2040-2022], 100*sum.GAP)
	}
	// Output:
	// The population is illustrative, generated to match published aggregates (testdata/isstey/FACTS.md); it is not ISSTEY's census.
	// employer rate 16.0% (assumption), reserve 2022 MXN 3.5 bn (assumption)
	// 1976 law    reserve out in 2027, PAYG cost rate 2040 99.0%, GAP 103.1%
	// 2022 law    reserve out in 2034, PAYG cost rate 2040 57.0%, GAP 50.9%
	// 2025 reform reserve out in 2027, PAYG cost rate 2040 103.6%, GAP 108.1%
}

// What an output built on the census must print beside its results: the
// disclaimer and every assumption, with its value and basis.
func ExampleStatedAssumptions() {
	for _, a := range isstey.StatedAssumptions()[:3] {
		fmt.Printf("%s: %s\n", a.Name, a.Value)
	}
	// Output:
	// Employer (state) contribution rate: 16.0% of salary, every regime
	// Reserve on 1 January 2022: MXN 3.5 bn (the Ucú land trust), earning the return
	// State transfers: MXN 350 M in 2022, none after
}
