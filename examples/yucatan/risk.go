// Section 7: the probability that the reserve is exhausted, by year, for
// each regime and each way, under stochastic returns and inflation.

package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

// The stochastic run.
const (
	// DefaultScenarios is the number of scenarios run unless -scenarios
	// says otherwise.
	DefaultScenarios = 1000
	// riskSeed picks the scenarios: the same seed, the same figures.
	riskSeed = 2025
	// returnSD and inflationSD are the standard deviations of the log
	// return and of log inflation a year (judgement: a fund in Mexican
	// government and corporate paper; inflation around Banco de México's
	// target); returnInflationCorr their correlation (judgement).
	returnSD            = 0.06
	inflationSD         = 0.015
	returnInflationCorr = 0.3
)

// afterDepletion is how many years after its central depletion year a
// scheme that runs out before targetYear is run: enough for the scenarios
// of a 6% return spread to run out too, at a fraction of the cost of
// running it to targetYear (years the table then shows as unknown, "—",
// unless every scenario has run out).
const afterDepletion = 5

// riskYears are the years whose exhaustion probabilities are printed.
var riskYears = []int{2030, 2040, 2050, 2060, targetYear}

// generator draws returns and inflation jointly, wages at their
// deterministic growth (stochastic wages make each scenario's reference
// salaries slow to compute). The means are set so that the expected return
// and inflation are the basis's: E[1 + i] = exp(µ + σ²/2).
func generator() stochastic.Joint {
	var g stochastic.Joint
	g.Seed = riskSeed
	g.Mean[stochastic.JointReturn] = math.Log(1+isstey.Return) - returnSD*returnSD/2
	g.Mean[stochastic.JointWageGrowth] = math.Log(1 + isstey.WageGrowth)
	g.Mean[stochastic.JointInflation] = math.Log(1+isstey.Inflation) - inflationSD*inflationSD/2
	g.StdDev[stochastic.JointReturn] = returnSD
	g.StdDev[stochastic.JointInflation] = inflationSD
	for i := range g.Corr {
		g.Corr[i][i] = 1
	}
	g.Corr[stochastic.JointReturn][stochastic.JointInflation] = returnInflationCorr
	g.Corr[stochastic.JointInflation][stochastic.JointReturn] = returnInflationCorr
	return g
}

// riskRun is the stochastic run: the names of the schemes run, their
// outcomes and their deterministic reserves, over solveYears years.
type riskRun struct {
	scenarios int
	names     []string
	outs      []*stochastic.Outcomes
	det       [][]float64
}

// simulate runs the regimes and the ways on n common scenarios: those
// that meet the target on the central assumptions through targetYear,
// the others up to afterDepletion years after their central depletion
// year. Runs of the same length share one RunRegimes; the scenarios are
// common to all runs (a scenario's paths depend on the seed and its
// index only).
func (st *study) simulate(n int) error {
	r := &riskRun{scenarios: n}
	type item struct {
		name string
		s    *scheme.Scheme
		det  []float64
	}
	byYears := map[int][]item{}
	var lengths []int
	add := func(name string, s *scheme.Scheme, o *reform.Outcome, m reform.Metrics) {
		ny := solveYears
		if m.DepletionYear != 0 && m.DepletionYear+afterDepletion < targetYear {
			ny = m.DepletionYear + afterDepletion - isstey.CensusYear + 1
		}
		if _, ok := byYears[ny]; !ok {
			lengths = append(lengths, ny)
		}
		byYears[ny] = append(byYears[ny], item{name, s, o.Result.ReserveEnd(nil)})
	}
	for i, reg := range isstey.Regimes {
		add(reg.String(), st.corrected[i], &st.correctedOut[i], st.correctedMet[i])
	}
	for _, w := range st.ways {
		add("way "+w.name, w.scheme, w.outcome, w.metrics)
	}
	for _, ny := range lengths {
		var schemes []*scheme.Scheme
		for _, it := range byYears[ny] {
			schemes = append(schemes, it.s)
			r.names = append(r.names, it.name)
			r.det = append(r.det, it.det[:ny])
		}
		outs, err := stochastic.RunRegimes(context.Background(), schemes, generator(), stochastic.Config{Years: ny, Scenarios: n})
		if err != nil {
			return fmt.Errorf("the stochastic run: %w", err)
		}
		r.outs = append(r.outs, outs...)
	}
	st.risk = r
	return nil
}

// riskSection prints section 7.
func riskSection(w io.Writer, st *study) error {
	r := st.risk
	fmt.Fprintf(w, "7. Risk: the probability that the reserve is exhausted by each year, %s scenarios (seed %d)\n",
		count(float64(r.scenarios)), riskSeed)
	fmt.Fprintf(w, "Returns lognormal around %s (sd %s of the log), inflation around %s (sd %s), correlation %.1f,\n",
		rate(isstey.Return), rate(returnSD), rate(isstey.Inflation), rate(inflationSD), returnInflationCorr)
	fmt.Fprintln(w, "wages at their assumed growth (judgement; common random numbers across the schemes). In per cent,")
	fmt.Fprintln(w, "± the Monte Carlo standard error:")
	head := []string{""}
	for _, y := range riskYears {
		head = append(head, fmt.Sprintf("by %d", y))
	}
	rows := [][]string{head}
	for i, o := range r.outs {
		row := []string{r.names[i]}
		last := o.StartYear + o.Years - 1
		for _, y := range riskYears {
			if y > last && o.ExhaustionBy(last).Value < 1 {
				// Not run that far, and not every scenario exhausted.
				row = append(row, "—")
				continue
			}
			e := o.ExhaustionBy(min(y, last))
			row = append(row, fmt.Sprintf("%.1f ± %.1f", 100*e.Value, 100*e.StdErr))
		}
		rows = append(rows, row)
	}
	writeTable(w, rows)
	met := map[string]bool{}
	for _, w := range st.ways {
		met["way "+w.name] = !w.infeasible
	}
	for i, o := range r.outs {
		if o.Years < solveYears || !met[r.names[i]] {
			continue
		}
		e := o.ExhaustionBy(targetYear)
		fmt.Fprintf(w, "Way %s meets the target on the central assumptions, yet exhausts the reserve by %d in\n",
			strings.TrimPrefix(r.names[i], "way "), targetYear)
		fmt.Fprintf(w, "  %.1f%% of the scenarios: solved to just meet a central target, it fails about as often as returns fall short.\n", 100*e.Value)
	}
	return nil
}
