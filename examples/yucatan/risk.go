// Section 7: the probability that the reserve is exhausted, by year, for
// each regime and each way, under stochastic returns and inflation.

package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

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
// regime that runs out before riskLast is run (the ways run to riskLast): enough for the scenarios
// of a 6% return spread to run out too, at a fraction of the cost of
// running it to riskLast (years the table then shows as unknown, "—",
// unless every scenario has run out).
const afterDepletion = 5

// riskYears are the years whose exhaustion probabilities are printed.
var riskYears = []int{2030, 2040, 2050, 2060, riskLast}

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
// outcomes and their deterministic reserves, over riskRunYears years.
type riskRun struct {
	scenarios int
	names     []string
	outs      []*stochastic.Outcomes
	det       [][]float64
}

// simulate runs the regimes and the ways on n common scenarios: the ways,
// and the regimes whose reserve lasts on the central assumptions, through
// riskLast; the other regimes up to afterDepletion years after their
// central depletion year. Runs of the same length share one RunRegimes; the scenarios are
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
	// full: run to riskLast whatever the central depletion year.
	add := func(name string, s *scheme.Scheme, o *reform.Outcome, m reform.Metrics, full bool) {
		ny := riskRunYears
		if !full && m.DepletionYear != 0 && m.DepletionYear+afterDepletion < riskLast {
			ny = m.DepletionYear + afterDepletion - isstey.CensusYear + 1
		}
		if _, ok := byYears[ny]; !ok {
			lengths = append(lengths, ny)
		}
		byYears[ny] = append(byYears[ny], item{name, s, o.Result.ReserveEnd(nil)})
	}
	for i, reg := range isstey.Regimes {
		add(reg.String(), st.corrected[i], &st.correctedOut[i], st.correctedMet[i], false)
	}
	for _, w := range st.ways {
		add("way "+w.name, w.scheme, w.outcome, w.metrics, true)
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
	riskTable(w, r)
	fmt.Fprintf(w, "Each way is balanced over %d–%d on the central assumptions (section 6); the table says how often\n", isstey.CensusYear, balanceLast)
	fmt.Fprintf(w, "the reserve it leaves runs out by %d all the same:\n", riskLast)
	for _, wy := range st.ways {
		i := slices.Index(r.names, "way "+wy.name)
		if i < 0 || wy.infeasible {
			continue
		}
		o := r.outs[i]
		e := o.ExhaustionBy(min(riskLast, o.StartYear+o.Years-1))
		central := "does not run out by " + strconv.Itoa(riskLast)
		if d := wy.metrics.DepletionYear; d != 0 && d <= riskLast {
			central = "runs out in " + strconv.Itoa(d)
		}
		fmt.Fprintf(w, "  way %s: on the central path the reserve %s; in %.1f%% ± %.1f of the scenarios by %d\n",
			wy.name, central, 100*e.Value, 100*e.StdErr, riskLast)
	}
	return nil
}

// riskTable prints the probability, in per cent ± its standard error,
// that each scheme run's reserve is exhausted by each of riskYears.
func riskTable(w io.Writer, r *riskRun) {
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
}
