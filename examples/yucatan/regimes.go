// Sections 3 and 4: the three regimes side by side, and what makes them
// differ.

package main

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

// The years at which the summary shows the reserve ratio (the last year
// before the 2025 reform) and the support ratio.
var (
	ratioYears   = []int{isstey.Reform2025From - 1}
	supportYears = []int{isstey.CensusYear, 2050}
)

// regimeRules describes each regime's rules in a line or two.
var regimeRules = [isstey.NumRegimes]string{
	isstey.Law1976: "workers 8% + employer 16% (assumed); a full pension after 30 years of service at any age,\n" +
		"      100% of the average pay of the last 2 years; a reduced one from 55 with 15 years",
	isstey.Law2022: "from 2023: a full pension after 35 years; 85% of the average pay of the last 20 years (90% for\n" +
		"      those with up to 25 years in 2022); reduced from 65 with 20 years; workers 8% rising to 11%\n" +
		"      by 2025, new hires 15%; survivors cut. The Supreme Court struck down its 35 years, its 20-year\n" +
		"      average and its survivor cuts in 2024: this regime is the law as if it had stood",
	isstey.Reform2025: "the law as it happened: the 2022 law in 2023–24; the 1976 benefits the Court restored, with\n" +
		"      the 2022 rates, in 2025; from 2026 workers 11%, a full pension after 30 years (men) or 28\n" +
		"      (women) at any age, 100% of the last 2 years' pay, a reduced one from 55 with 15 years",
}

// regimes prints the three regimes' projections: the table by year every
// 10 years and the summary over the horizon, with the report writers of
// package reform, and the support ratio in 2022 and 2050.
func regimes(w io.Writer, st *study) error {
	first, last := isstey.CensusYear, isstey.CensusYear+years-1
	fmt.Fprintf(w, "3. The three regimes, projected %d–%d\n", first, last)
	for _, r := range isstey.Regimes {
		fmt.Fprintf(w, "  %s: %s\n", r, regimeRules[r])
	}
	fmt.Fprintln(w, "The same members, basis and employer's rate in all three; the state's extra payment of MXN 350 M")
	fmt.Fprintln(w, "in 2022 and none after. Once the reserve is gone it turns negative: the deficits, with interest")
	fmt.Fprintln(w, "at the fund's 6%, that the state would have to cover. The cost rate is what the year's")
	fmt.Fprintln(w, "benefits cost in % of the year's salaries; the support ratio counts actives per pension.")
	fmt.Fprintln(w)

	rep, err := regimeReport(st)
	if err != nil {
		return err
	}
	if err := rep.WriteText(w); err != nil {
		return err
	}

	lo, hi := contributionRange(st.outcomes)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "The GAP (general average premium) is the level contribution rate, in % of every salary over")
	fmt.Fprintf(w, "%d–%d, that would pay every benefit projected, with the reserve of 2022 (or without it);\n", first, last)
	fmt.Fprintf(w, "compare it with the %s–%s of salaries the regimes collect. The PV of the deficit is what the\n", rate(lo), rate(hi))
	fmt.Fprintln(w, "state would have to pay in to keep the reserve from going below zero, every year's transfer")
	fmt.Fprintln(w, "valued in 2022 at the fund's 6% a year.")
	for _, r := range isstey.Regimes {
		_, m := st.regime(r)
		fmt.Fprintf(w, "  %-13s the reserve runs out in %s; GAP %s; the state's transfers are worth MXN %s in 2022\n",
			r.String()+":", depletion(m), pct(m.GAP), billions(m.DeficitPV))
	}
	_, m76 := st.regime(isstey.Law1976)
	if m76.GAP > 1 {
		fmt.Fprintln(w, "A GAP above 100% means the benefits cost more than all the salaries paid. Under the 1976 law a")
		fmt.Fprintln(w, "member retires after 30 years of service at any age (at 57 if hired at 27, the assumed average)")
		fmt.Fprintln(w, "on 100% of the last two years' pay plus a 40-day bonus, and is paid for nearly as long as it")
		fmt.Fprintf(w, "took to earn it. With the membership held at 31,000, the support ratio falls from %.2f to about one\n",
			supportRatio(&st.outcomes[isstey.Law1976], isstey.CensusYear))
		fmt.Fprintln(w, "active member per pension, and each pension, close to a last salary, is paid for by about one salary.")
	}
	return nil
}

// regimeReport returns the report of the three regimes' projections, the
// table by year every 10 years and the summary over the horizon, with the
// support ratio in 2022 and 2050 added to the summary.
func regimeReport(st *study) (*reform.Report, error) {
	rep, err := reform.NewReport(st.outcomes, reform.ReportOptions{
		Step: step, Units: reform.UnitsMillions, RatioYears: ratioYears,
	})
	if err != nil {
		return nil, err
	}
	for _, year := range supportYears {
		rep.Summary.Rows = append(rep.Summary.Rows, supportRow(st.outcomes, year))
	}
	return rep, nil
}

// contributionRange returns the lowest and highest contribution rate,
// contributions over the salary bill, of any year of any outcome.
func contributionRange(outs []reform.Outcome) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := range outs {
		for _, y := range outs[i].Result.Years {
			c := y.TotalContributions() / y.SalaryBill
			lo, hi = math.Min(lo, c), math.Max(hi, c)
		}
	}
	return lo, hi
}

// supportRatio returns the actives per pension of an outcome on 1 January
// of year.
func supportRatio(o *reform.Outcome, year int) float64 {
	y := &o.Result.Years[year-o.Result.StartYear]
	return y.Actives / y.TotalPensioners()
}

// supportRow is a row of the summary table: the support ratio in year of
// each outcome, rounded as the report rounds ratios, and each reform's
// difference from the first outcome's (the base column's).
func supportRow(outs []reform.Outcome, year int) []string {
	row := []string{fmt.Sprintf("support ratio %d", year), "actives per pension"}
	var base decimal.Decimal
	for i := range outs {
		v := decimal.NewFromFloat(supportRatio(&outs[i], year)).RoundBank(reform.RatioDecimals)
		row = append(row, v.StringFixed(reform.RatioDecimals))
		if i == 0 {
			base = v
			continue
		}
		d := v.Sub(base)
		s := d.StringFixed(reform.RatioDecimals)
		if d.Sign() > 0 {
			s = "+" + s
		}
		row = append(row, s)
	}
	return row
}

// depletion formats a depletion year: "2027", or "none by 2121".
func depletion(m reform.Metrics) string {
	if m.DepletionYear == 0 {
		return "none by " + strconv.Itoa(m.LastYear())
	}
	return strconv.Itoa(m.DepletionYear)
}

// drivers explains in words and figures what makes the regimes cost what
// they cost: for the 2022 law, its later retirement and lower pension; for
// the 2025 reform, each of its measures added to the 1976 law in turn
// (reform.Attribute), then the law as it happened in 2023–25.
func drivers(w io.Writer, st *study) error {
	o76, m76 := st.regime(isstey.Law1976)
	o22, m22 := st.regime(isstey.Law2022)
	o25, m25 := st.regime(isstey.Reform2025)

	fmt.Fprintln(w, "4. What drives the differences")
	// The 2022 law: the pension as a share of the last pay, on the assumed
	// salary scale and wage growth, and the retirements it holds back.
	g := isstey.WageGrowth
	full76 := st.basis.Salary.ReferenceRatio(55, 30, 2, g)
	ref22 := st.basis.Salary.ReferenceRatio(55, 35, 20, g)
	fmt.Fprintf(w, "The 2022 law's GAP is %s, against %s under the 1976 law. A member retires 5 years later\n",
		pct(m22.GAP), pct(m76.GAP))
	fmt.Fprintf(w, "(35 years of service, not 30) on a smaller pension: 85%% (90%%) of the average pay of 20 years\n")
	fmt.Fprintf(w, "is %s (%s) of the last pay on the assumed salary scale, against %s under the 1976 law\n",
		pct(0.85*ref22), pct(0.90*ref22), pct(full76))
	fmt.Fprintln(w, "(the average of 2 years). Workers pay up to 11%, new hires 15%, instead of 8%.")
	fmt.Fprintf(w, "Retirements almost stop in 2023–27 (%s in five years, against %s under the 1976 law), and\n",
		count(retirements(o22, 2023, 2027)), count(retirements(o76, 2023, 2027)))
	fmt.Fprintf(w, "the reserve runs out only in %s. The Court struck these rules down in 2024; they applied in 2023–24.\n", depletion(m22))
	fmt.Fprintln(w)

	r25 := st.reforms[isstey.Reform2025-1]
	a, err := reform.Attribute(st.schemes[isstey.Law1976], r25, options())
	if err != nil {
		return err
	}
	steps, err := attributionSteps(a, r25)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "The 2025 reform %s the GAP from %s to %s. The study file (testdata/isstey/study.json) writes it\n",
		lowersRaises(m25.GAP-m76.GAP), pct(m76.GAP), pct(m25.GAP))
	fmt.Fprintf(w, "as the 1976 law with the %d changes of its history, each citing its law: the 2022 law's from 2023,\n", len(r25.Changes))
	fmt.Fprintln(w, "the Court's restoration of the 1976 benefits from 2025 (the 2022 rates kept), and the reform's own")
	fmt.Fprintln(w, "from 2026. Each added to those above it (the effects depend on the order; they add up to the whole):")
	rows := [][]string{
		{"", "law", "GAP", "change", "actuarial balance, change", "PV of state transfers, change", "reserve runs out"},
		{"1976 law", "", pct(m76.GAP), "", "", "", depletion(m76)},
	}
	var laws []scheme.Source
	for _, s := range steps {
		k := slices.Index(laws, s.source)
		if k < 0 {
			laws = append(laws, s.source)
			k = len(laws) - 1
		}
		rows = append(rows, []string{"+ " + s.label, fmt.Sprintf("[%d]", k+1), pct(s.Metrics.GAP), points(s.Marginal.GAP),
			points(s.Marginal.ActuarialBalance), "MXN " + plusBillions(s.Marginal.DeficitPV), depletion(s.Metrics)})
	}
	rows = append(rows, []string{"= the 2025 reform", "", pct(m25.GAP), points(a.Total.GAP), points(a.Total.ActuarialBalance),
		"MXN " + plusBillions(a.Total.DeficitPV), depletion(m25)})
	writeTable(w, rows)
	for k, l := range laws {
		fmt.Fprintf(w, "  [%d] %s\n", k+1, l)
	}
	byLaw := func(src scheme.Source) (d reform.Delta) {
		for _, s := range steps {
			if s.source == src {
				d.GAP += s.Marginal.GAP
				d.ActuarialBalance += s.Marginal.ActuarialBalance
			}
		}
		return d
	}
	if len(laws) != 3 {
		return fmt.Errorf("the %s cites %d laws, want 3 (the 2022 law, the Court, the reform)", r25.Name, len(laws))
	}
	d22, dCourt := byLaw(laws[0]), byLaw(laws[1])
	women, scale := steps[len(steps)-2], steps[len(steps)-1]
	var workers reform.Delta // the workers' rates of the three laws
	for k, c := range r25.Changes {
		if _, ok := c.(reform.Cited).Change.(reform.ContributionRate); ok {
			workers.GAP += steps[k].Marginal.GAP
			workers.ActuarialBalance += steps[k].Marginal.ActuarialBalance
		}
	}
	fmt.Fprintf(w, "The 2022 law's measures take %s points off the GAP; the Court's restoration puts %s back, keeping\n",
		signed(100*abs(d22.GAP), 2), signed(100*abs(dCourt.GAP), 2))
	fmt.Fprintf(w, "the higher workers' rates, which barely move the GAP (%s over the three laws: only the refunds of\n", points(workers.GAP))
	fmt.Fprintf(w, "half the contributions grow with them) but raise the actuarial balance (%s): income, not a lower\n", points(workers.ActuarialBalance))
	fmt.Fprintf(w, "cost. From 2026 women, 55%% of the members, draw a full pension two years sooner (%s), and the\n", points(women.Marginal.GAP))
	fmt.Fprintf(w, "reduced-pension scale reaches 100%% at 28 years, not 30 (%s). That scale is not published: reaching\n", points(scale.Marginal.GAP))
	fmt.Fprintln(w, "100% at 28 for both sexes is the first edition's assumption (section 5 (a) gives each sex its own);")
	fmt.Fprintf(w, "without it the reform would cost %s, %s the 1976 law's %s. The 2022 law held retirements\n",
		pct(women.Metrics.GAP), moreLess(women.Metrics.GAP-m76.GAP), pct(m76.GAP))
	fmt.Fprintf(w, "back in 2023–24; they come at once in 2025–26 (%s and %s, against %s and %s under the 1976 law).\n",
		count(retirements(o25, 2025, 2025)), count(retirements(o25, 2026, 2026)),
		count(retirements(o76, 2025, 2025)), count(retirements(o76, 2026, 2026)))
	return nil
}

// attributionStep is a step of the attribution with its change's own
// description and the law it cites.
type attributionStep struct {
	reform.AttributionStep
	label  string
	source scheme.Source
}

// attributionSteps labels the steps of the attribution of r with its
// changes' descriptions and sources, as the study file gives them. Every
// change of the file must cite its law, the last three being the 2026
// reform's: the women's full service, then the reduced scale.
func attributionSteps(a *reform.Attribution, r reform.Reform) ([]attributionStep, error) {
	var out []attributionStep
	for k, c := range r.Changes {
		cc, ok := c.(reform.Cited)
		if !ok || cc.Source.IsZero() {
			return nil, fmt.Errorf("the %s, change %d (%v): no legal source in the study file", r.Name, k, c)
		}
		out = append(out, attributionStep{AttributionStep: a.Steps[k], label: cc.Description(), source: cc.Source})
	}
	n := len(out)
	if n < 4 || out[n-1].source != out[n-2].source || out[0].source == out[n-1].source {
		return nil, fmt.Errorf("the %s: want the 2022 law's changes first and the reform's own last", r.Name)
	}
	if _, ok := r.Changes[n-2].(reform.Cited).Change.(reform.RetirementConditions); !ok {
		return nil, fmt.Errorf("the %s: the last change but one is %v, want the women's full service", r.Name, r.Changes[n-2])
	}
	if _, ok := r.Changes[n-1].(reform.Cited).Change.(reform.AccrualTable); !ok {
		return nil, fmt.Errorf("the %s: the last change is %v, want the reduced scale", r.Name, r.Changes[n-1])
	}
	return out, nil
}

// retirements returns the old-age and early pensions awarded in the
// calendar years from to to of an outcome.
func retirements(o *reform.Outcome, from, to int) float64 {
	var n float64
	for _, y := range o.Result.Years[from-o.Result.StartYear : to-o.Result.StartYear+1] {
		n += y.NewPensions[census.PensionOldAge.Index()] + y.NewPensions[census.PensionEarly.Index()]
	}
	return n
}

// moreLess says which way a difference of costs goes.
func moreLess(d float64) string {
	if d < 0 {
		return "less than"
	}
	return "more than"
}

// lowersRaises says which way a difference goes.
func lowersRaises(d float64) string {
	if d < 0 {
		return "lowers"
	}
	return "raises"
}
