package stochastic_test

import (
	"context"
	"fmt"
	"math"
	"os"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/mortality"
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

// A reform raising the employer's contribution from 10% to 12%, measured on
// the same 200 scenarios of returns and inflation as the baseline (common
// random numbers): the gain in the reserve after 20 years, with its Monte
// Carlo error, and the probability that the baseline's general average
// premium over the 20 years exceeds 40% of the salary bill.
func ExampleRunRegimes() {
	base := actuarialtest.ReferenceScheme(nil, 65)
	reform := *base
	reform.Groups = []scheme.Group{base.Groups[0]}
	reform.Groups[0].Rules = append([]scheme.Rules(nil), base.Groups[0].Rules...)
	reform.Groups[0].Rules[0].ContributionRate[scheme.Employer] = actuarial.Constant(0.12)

	g := stochastic.Joint{
		Mean:   [stochastic.NumJoint]float64{0.044, 0.039, 0.030},
		StdDev: [stochastic.NumJoint]float64{0.10, 0, 0.015},
		Corr:   [stochastic.NumJoint][stochastic.NumJoint]float64{{1, 0, 0.1}, {0, 1, 0}, {0.1, 0, 1}},
		Seed:   7,
	}
	c := stochastic.Config{Years: 20, Scenarios: 200}
	outs, err := stochastic.RunRegimes(context.Background(), []*scheme.Scheme{base, &reform}, g, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := stochastic.YearDifference(nil, outs[0], outs[1], stochastic.Reserve)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("reserve gain in 2044: %.0f ± %.0f million\n", d[19].Value/1e6, d[19].StdErr/1e6)
	p, err := outs[0].ProbGAPAbove(0.40)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("P(GAP over 2025–2044 > 40%%) = %.3f ± %.3f\n", p.Value, p.StdErr)
	// Output:
	// reserve gain in 2044: 418 ± 8 million
	// P(GAP over 2025–2044 > 40%) = 0.295 ± 0.032
}

// Mortality uncertainty: a Lee-Carter model fitted to England & Wales males
// (ages 0–100, 1961–2011; testdata/lee-carter) drives the men's mortality of
// the reference scheme, whose own tables keep their level (each scaled by
// the scenario's Lee-Carter rate over the central forecast's). Returns are
// fixed at 4.5%, so the spread of the PAYG cost rate is mortality's alone.
func ExampleLeeCarterMortality() {
	f, err := os.Open("../../testdata/lee-carter/ew_male_1961_2011.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	data, err := mortality.ReadDeathsExposures(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := data.M()
	if err != nil {
		fmt.Println(err)
		return
	}
	lc, err := mortality.FitLeeCarter(data.Ages, data.Years, m)
	if err != nil {
		fmt.Println(err)
		return
	}

	s := actuarialtest.ReferenceScheme(nil, 65)
	mort := &stochastic.LeeCarterMortality{Seed: 1}
	mort.Models[actuarial.Male.Index()] = lc // women keep the scheme's tables
	c := stochastic.Config{Years: 40, Scenarios: 200, Mortality: mort}
	g := stochastic.Lognormal{Mu: math.Log1p(0.045), Seed: 1}
	out, err := stochastic.Run(context.Background(), s, g, c)
	if err != nil {
		fmt.Println(err)
		return
	}
	bands, err := out.Percentiles(stochastic.CostRate, []float64{0.05, 0.5, 0.95})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range bands {
		fmt.Printf("PAYG cost rate in 2064, %2.0fth percentile: %.2f%% ± %.2f\n", 100*b.P, 100*b.Value[39], 100*b.StdErr[39])
	}
	// Output:
	// PAYG cost rate in 2064,  5th percentile: 43.24% ± 0.15
	// PAYG cost rate in 2064, 50th percentile: 44.52% ± 0.07
	// PAYG cost rate in 2064, 95th percentile: 45.67% ± 0.07
}
