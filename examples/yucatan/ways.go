// Section 6: four ways to balance the 2025 rules, each solved to the same
// target, and the frontier of two levers.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

// The target every way is solved to: the actuarial balance over the 75
// years 2022–2096 at zero or above, with a year's spending held in reserve
// at the end (indicator.Horizon TargetRatio 1), as the US Social Security
// Trustees measure it and ILO valuations state it. Why this one and not
// "P(exhausted by 2075) ≤ p": it is the valuation standard, deterministic,
// so a solver's trial is one projection; a risk target needs a Monte Carlo
// run for each trial, past the example's time budget, and section 7 gives
// each solved way's probability of exhaustion on the seeded scenarios
// anyway. The waysSection prints the reasons.
const (
	balanceYears       = 75
	balanceTargetRatio = 1
)

// balanceLast is the last year of the balance's horizon: 2096.
const balanceLast = isstey.CensusYear + balanceYears - 1

// balanceTarget is the target of the ways: the 75-year actuarial balance
// of solveOptions at least zero.
func balanceTarget() reform.Target { return reform.Balanced() }

// solveOptions are the solvers' options: the 75 years of the balance, the
// years the target reads, summarized with a year's spending as the
// target reserve at the end. The solved schemes are then projected for
// the example's 100 years.
func solveOptions() reform.Options {
	return reform.Options{Years: balanceYears, Horizon: indicator.Horizon{Years: balanceYears, TargetRatio: balanceTargetRatio}}
}

// The levers, from the reform's first year.
var (
	employerLever = reform.ContributionLever{Year: isstey.Reform2025From, Payer: scheme.Employer}
	serviceLever  = reform.ServiceLever{Year: isstey.Reform2025From}
	accrualLever  = scaleLever{}
)

// The bounds of the levers: the employer's rate from today's to all of the
// salary; the pension scale down to half of itself.
const (
	maxEmployer = 1.0
	// maxExtraRate is the most points the contributions-only way adds to
	// each rate: the state's then reaches 100% of the salary.
	maxExtraRate = 1 - isstey.EmployerRate
	// workerRate2025 is the worker's rate of the 2025 reform.
	workerRate2025 = 0.11
	minAccrual     = 0.5
	// packageWeightAccrual is the cost of cutting the pension scale by a
	// point against raising the employer's rate by a point (judgement:
	// the same, 1).
	packageWeightAccrual = 1.0
)

// The benefit and access measures of way 2, fixed, and the range of its
// solved pension scale. Reference pay, minimum age and indexation alone
// cannot balance the 2025 rules (section 6 says why), so the way also
// cuts the pension scale, its one solved lever.
const (
	referenceYears = 10
	way2MinAge     = 65
	minWay2Scale   = 0.1
	benefitWords   = "pensions on the last 10 years' average pay, from 65 at the earliest, frozen in money (in payment too),"
)

// benefitMeasures are way 2's fixed measures from 2026: the reference
// salary over 10 years, a minimum age of 65 for every pension, and no
// indexation of pensions, those in payment included.
func benefitMeasures() []reform.Change {
	return []reform.Change{
		reform.ReferencePeriod{Year: isstey.Reform2025From, Years: referenceYears},
		minAgeLever{}.Change(way2MinAge),
		reform.Indexation{Year: isstey.Reform2025From, Rule: scheme.IndexNone},
	}
}

// minAgeLever is a minimum age for every pension, the full one included
// (the law's is "at any age"), from 2026: x is the age.
type minAgeLever struct{}

func (minAgeLever) String() string { return "the minimum age of every pension from 2026" }
func (minAgeLever) Change(x float64) reform.Change {
	return reform.RetirementConditions{Year: isstey.Reform2025From, SetAge: int(x)}
}
func (minAgeLever) Integer() bool  { return true }
func (minAgeLever) Improves() bool { return true }

// scaleLever scales the retirement pension scale from 2026, each sex's
// scale included (reform.AccrualLever scales Retirement.Accrual only,
// which the rules by sex override): x is the factor, 1 the law's scale.
type scaleLever struct{}

func (scaleLever) String() string { return "the factor on the pension scale from 2026" }
func (scaleLever) Change(x float64) reform.Change {
	scale := func(a *actuarial.Accrual) {
		rates := make([]float64, len(a.Rates))
		for i, r := range a.Rates {
			rates[i] = x * r
		}
		a.Rates = rates
	}
	return reform.RulesEdit{Year: isstey.Reform2025From, Label: fmt.Sprintf("pension scale at %.2f%%", 100*x),
		Edit: func(r *scheme.Rules, _ int) error {
			scale(&r.Retirement.Accrual)
			for sx := range r.BySex {
				scale(&r.BySex[sx].Accrual)
			}
			return nil
		}}
}
func (scaleLever) Integer() bool  { return false }
func (scaleLever) Improves() bool { return false }

// bothRatesLever raises the worker's and the state's rates by the same
// number of points from 2026: x is that number, a fraction.
type bothRatesLever struct{}

func (bothRatesLever) String() string { return "points added to both contribution rates from 2026" }
func (bothRatesLever) Change(x float64) reform.Change {
	return reform.RulesEdit{Year: isstey.Reform2025From, Label: fmt.Sprintf("both rates +%.2f points", 100*x),
		Edit: func(r *scheme.Rules, _ int) error {
			r.ContributionRate[scheme.Worker] = actuarial.Constant(workerRate2025 + x)
			r.ContributionRate[scheme.Employer] = actuarial.Constant(isstey.EmployerRate + x)
			return nil
		}}
}
func (bothRatesLever) Integer() bool  { return false }
func (bothRatesLever) Improves() bool { return true }

// balancingLever is an automatic balancing rule from 2026 (scheme
// Balancing): while the reserve at the start of a year is below
// balancingRatio years of spending, the next indexation is cut by
// balancingCut and the state's rate rises by x for good: x is the step, a
// fraction of salary.
type balancingLever struct{}

// The automatic rule's trigger, indexation cut and range of steps
// (judgement).
const (
	balancingRatio = 1.0
	balancingCut   = 1
	minStep        = 0.001
	maxStep        = 0.3
)

func (balancingLever) String() string {
	return "the yearly step of the state's rate under the automatic rule from 2026"
}
func (balancingLever) Change(x float64) reform.Change {
	return reform.AutomaticBalancing{Year: isstey.Reform2025From, Balancing: scheme.Balancing{
		IndexationBelow: balancingRatio, IndexationCut: balancingCut,
		ContributionBelow: balancingRatio, ContributionStep: x, ContributionPayer: scheme.Employer,
	}}
}
func (balancingLever) Integer() bool  { return false }
func (balancingLever) Improves() bool { return true }

// frontierService are the extra years of service of the frontier's grid.
var frontierService = []float64{0, 2, 4, 6, 8, 10}

// A way is one way to balance the 2025 rules: its name, what it sets, and
// the 2025 reform on the corrected basis with it, over 100 years, with its
// 75-year actuarial balance (the target's objective).
type way struct {
	name     string
	measures string
	changes  []reform.Change
	scheme   *scheme.Scheme
	outcome  *reform.Outcome
	metrics  reform.Metrics
	// balance is the actuarial balance over 2022–2096 with a year's
	// spending held at the end: the target's objective, ≥ 0 when met.
	balance float64
	runs    int
	// infeasible: no value of the lever in its range meets the target;
	// the way is shown at the end of the range.
	infeasible bool
}

// balance solves the ways and the frontier on the corrected 2025 reform.
func (st *study) balance() error {
	base := st.corrected[isstey.Reform2025]
	ctx := context.Background()
	target := balanceTarget()
	var ws []way
	var nse *reform.NoSolutionError

	// 1. Contributions only: the same number of points more for the
	// worker and the state.
	sol, err := reform.SolveContext(ctx, base, reform.Problem{Lever: bothRatesLever{}, Target: target,
		Lo: 0, Hi: maxExtraRate, Tolerance: rateStep / 2}, solveOptions())
	switch {
	case errors.As(err, &nse):
		ws = append(ws, way{name: "1 contributions only", infeasible: true,
			measures: fmt.Sprintf("none: even %s points more each misses the target", points(maxExtraRate)),
			changes:  []reform.Change{bothRatesLever{}.Change(maxExtraRate)}})
	case err != nil:
		return fmt.Errorf("way 1: %w", err)
	default:
		x := math.Ceil(sol.Value/rateStep) * rateStep
		ws = append(ws, way{name: "1 contributions only",
			measures: fmt.Sprintf("%s points more each: workers %s, the state %s (total %s)", points(x)[1:],
				pct(workerRate2025+x), pct(isstey.EmployerRate+x), pct(workerRate2025+isstey.EmployerRate+2*x)),
			changes: []reform.Change{bothRatesLever{}.Change(x)}, runs: sol.Runs})
	}

	// 2. Benefits and access only: a longer reference period, a minimum
	// age and no indexation, and the pension scale cut as far as the
	// target needs.
	sol, err = reform.SolveContext(ctx, base, reform.Problem{Lever: accrualLever, Target: target,
		Lo: minWay2Scale, Hi: 1, With: benefitMeasures(), Tolerance: rateStep / 2}, solveOptions())
	switch {
	case errors.As(err, &nse):
		ws = append(ws, way{name: "2 benefits and access only", infeasible: true,
			measures: fmt.Sprintf("none: %s and the scale at %s miss the target", benefitWords, pct(minWay2Scale)),
			changes:  append(benefitMeasures(), accrualLever.Change(minWay2Scale))})
	case err != nil:
		return fmt.Errorf("way 2: %w", err)
	default:
		// The scale falls as the value does: round down.
		x := math.Floor(sol.Value/rateStep) * rateStep
		ws = append(ws, way{name: "2 benefits and access only",
			measures: fmt.Sprintf("%s and the pension scale at %s of the law's", benefitWords, pct(x)),
			changes:  append(benefitMeasures(), accrualLever.Change(x)), runs: sol.Runs})
	}

	// 3. A package of both: the least weighted change of the employer's
	// rate and the pension scale.
	ps, err := reform.SolvePackage(ctx, base, reform.PackageProblem{Target: target, Levers: []reform.PackageLever{
		{Lever: employerLever, From: isstey.EmployerRate, Lo: isstey.EmployerRate, Hi: maxEmployer, Weight: 1},
		{Lever: accrualLever, From: 1, Lo: minAccrual, Hi: 1, Weight: packageWeightAccrual},
	}}, solveOptions())
	if err != nil {
		return fmt.Errorf("way 3: %w", err)
	}
	ws = append(ws, way{name: "3 package",
		measures: fmt.Sprintf("employer's rate %s and the pension scale at %s of the law's", pct(ps.Values[0]), pct(ps.Values[1])),
		changes:  []reform.Change{employerLever.Change(ps.Values[0]), accrualLever.Change(ps.Values[1])}, runs: ps.Runs})

	// 4. An automatic balancing rule: the least yearly step of the
	// state's rate that, with pensions not indexed while the reserve is
	// below a year of spending, meets the target.
	sol, err = reform.SolveContext(ctx, base, reform.Problem{Lever: balancingLever{}, Target: target,
		Lo: minStep, Hi: maxStep, Tolerance: rateStep / 2}, solveOptions())
	switch {
	case errors.As(err, &nse):
		ws = append(ws, way{name: "4 automatic rule", infeasible: true,
			measures: fmt.Sprintf("none: even steps of %s a year miss the target", pct(maxStep)),
			changes:  []reform.Change{balancingLever{}.Change(maxStep)}})
	case err != nil:
		return fmt.Errorf("way 4: %w", err)
	default:
		x := math.Ceil(sol.Value/rateStep) * rateStep
		ws = append(ws, way{name: "4 automatic rule",
			measures: fmt.Sprintf("while the reserve is below %.0f year of spending: the state's rate +%s points a year, pensions not indexed",
				balancingRatio, points(x)[1:]),
			changes: []reform.Change{balancingLever{}.Change(x)}, runs: sol.Runs})
	}

	for i := range ws {
		s, err := reform.Reform{Name: ws[i].name, Changes: ws[i].changes}.Apply(base)
		if err != nil {
			return fmt.Errorf("way %s: %w", ws[i].name, err)
		}
		ws[i].scheme = s
		if ws[i].outcome, ws[i].metrics, err = projectOne(s, "2025 reform, way "+ws[i].name); err != nil {
			return err
		}
		if ws[i].balance, err = balanceOf(s); err != nil {
			return fmt.Errorf("way %s: %w", ws[i].name, err)
		}
	}
	st.ways = ws

	st.frontier, err = reform.SolveFrontier(ctx, base, reform.FrontierProblem{Target: target,
		Lever: employerLever, Lo: isstey.EmployerRate, Hi: maxEmployer, Grid: serviceLever, Values: frontierService,
		Tolerance: rateStep / 2}, solveOptions())
	if err != nil {
		return fmt.Errorf("the frontier: %w", err)
	}
	return nil
}

// balanceOf returns a scheme's actuarial balance over the target's 75
// years, the target's objective.
func balanceOf(s *scheme.Scheme) (float64, error) {
	cmp, err := reform.Compare(s, nil, solveOptions())
	if err != nil {
		return 0, err
	}
	return cmp.Metrics[0].ActuarialBalance, nil
}

// waysSection prints section 6.
func waysSection(w io.Writer, st *study) error {
	fmt.Fprintln(w, "6. Four ways to balance the 2025 rules (corrected basis), solved to one target")
	fmt.Fprintf(w, "Target: the actuarial balance over the %d years %d–%d at zero, with a year's spending held in\n",
		balanceYears, isstey.CensusYear, balanceLast)
	fmt.Fprintln(w, "reserve at the end (the US Trustees' measure; the ILO's valuations use the same balance): the")
	fmt.Fprintln(w, "reserve of 2022 and the present value of contributions pay for the present value of spending,")
	fmt.Fprintln(w, "every year's flows discounted at the fund's return. Why this target and not “the reserve not")
	fmt.Fprintf(w, "exhausted before %d with probability p”: it is the valuation standard, and deterministic, so\n", riskLast)
	fmt.Fprintln(w, "each trial of a solver is one projection; a probability target needs a Monte Carlo run for each")
	fmt.Fprintln(w, "trial, past this example's time budget, and section 7 gives each solved way's probability of")
	fmt.Fprintln(w, "exhaustion on the seeded scenarios anyway. Each lever acts from 1 January 2026.")
	if err := waysTable(w, st); err != nil {
		return err
	}
	fmt.Fprintln(w, "A balance of 0.00% is met to the printed precision (rates rounded up, the scale down, so that it")
	fmt.Fprintln(w, "holds). Balanced over 75 years is not solvent every year: a way whose reserve runs out borrows, at")
	fmt.Fprintln(w, "the fund's return, from its own later surpluses:")
	for _, wy := range st.ways {
		if from, to := negativeSpan(wy.outcome); from != 0 {
			fmt.Fprintf(w, "  way %s: the reserve is below zero from %d to %d\n", wy.name, from, to)
		}
	}
	fmt.Fprintln(w, "Way 2: a longer reference period, a minimum age and no indexation cannot balance the 2025 rules on")
	fmt.Fprintln(w, "their own: the pensions in payment and those about to be awarded cost more than the contributions")
	fmt.Fprintln(w, "bring in even at a scale of 10%, unless pensions stop rising with prices; so the way freezes them and")
	fmt.Fprintln(w, "cuts the scale. The package weighs a point of the employer's rate and a point of the pension scale")
	fmt.Fprintln(w, "alike (judgement). The automatic rule's trigger (a year of spending) and its indexation cut (all)")
	fmt.Fprintln(w, "are judgements; only its step is solved. It reacts to each scenario's reserve (section 7).")
	fmt.Fprintln(w, "Frontier: the least employer's rate meeting the target for each number of years added to the")
	fmt.Fprintln(w, "service requirements:")
	rows := [][]string{{"years added", "employer's rate"}}
	for _, p := range st.frontier.Points {
		v := "none up to " + rate(maxEmployer)
		if p.Solution != nil {
			v = pct(p.Solution.Value)
		}
		rows = append(rows, []string{fmt.Sprint(p.Grid), v})
	}
	writeTable(w, rows)
	return nil
}

// waysTable prints the ways to balance the 2025 reform beside the reform
// as passed: each way's measures, 75-year balance, GAP, depletion year and
// the projections its solve took.
func waysTable(w io.Writer, st *study) error {
	m25 := st.correctedMet[isstey.Reform2025]
	b25, err := balanceOf(st.corrected[isstey.Reform2025])
	if err != nil {
		return err
	}
	rows := [][]string{{"way", "measures", "75-year balance", "GAP (100 years)", "reserve runs out", "runs"},
		{"0 the 2025 reform", "as passed", pct(b25), pct(m25.GAP), depletion(m25), ""}}
	for _, wy := range st.ways {
		rows = append(rows, []string{wy.name, wy.measures, pct(wy.balance), pct(wy.metrics.GAP), depletion(wy.metrics), fmt.Sprint(wy.runs)})
	}
	writeTable(w, rows)
	return nil
}

// negativeSpan returns the first and the last year whose reserve at the
// end is below zero, within the balance's horizon; 0, 0 when none is.
func negativeSpan(o *reform.Outcome) (from, to int) {
	for _, y := range o.Result.Years {
		if y.Year > balanceLast {
			break
		}
		if y.ReserveEnd < 0 {
			if from == 0 {
				from = y.Year
			}
			to = y.Year
		}
	}
	return from, to
}
