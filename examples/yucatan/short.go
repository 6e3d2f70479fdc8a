// The short story, the default output: the key tables of the complete
// text (-full), with the reports and the workbook for the detail. Its
// sections print figures the full sections print too, from the same
// study: only the text differs.

package main

import (
	"fmt"
	"io"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

// shortRegimeRules describes each regime's rules in one line.
var shortRegimeRules = [isstey.NumRegimes]string{
	isstey.Law1976:    "30 years of service at any age, 100% of the last 2 years' pay; workers 8%, employer 16% (assumed)",
	isstey.Law2022:    "35 years, 85% (90%) of 20 years' pay, workers to 11% (new hires 15%); struck down in 2024",
	isstey.Reform2025: "as it happened: the 2022 law in 2023–24, the 1976 benefits in 2025; from 2026 30 years (men) or 28 (women), workers 11%",
}

// shortAssumptions prints every assumption in one line, with its basis;
// the reasons are in the reports and in -full's section 1.
func shortAssumptions(w io.Writer, _ *study) error {
	fmt.Fprintln(w, "1. Assumptions, each marked published, calibrated or judgement (the reasons: in the reports and -full)")
	for _, a := range assumptionList() {
		fmt.Fprintf(w, "  - [%s] %s: %s\n", basisName[a.Basis], a.Name, a.Value)
	}
	return nil
}

// shortRegimes prints the three regimes' rules in a line each and the
// summary of their projections.
func shortRegimes(w io.Writer, st *study) error {
	first, last := isstey.CensusYear, isstey.CensusYear+years-1
	fmt.Fprintf(w, "3. The three regimes, projected %d–%d (first edition's basis)\n", first, last)
	for _, r := range isstey.Regimes {
		fmt.Fprintf(w, "  %s: %s\n", r, shortRegimeRules[r])
	}
	rep, err := regimeReport(st)
	if err != nil {
		return err
	}
	if err := rep.Summary.WriteText(w); err != nil {
		return err
	}
	lo, hi := contributionRange(st.outcomes)
	fmt.Fprintf(w, "The GAP is the level contribution rate, in %% of every salary, paying every benefit; the regimes collect %s–%s.\n", rate(lo), rate(hi))
	fmt.Fprintln(w, "The table by year, and the 2025 reform taken apart change by change citing its laws: in the reports and -full.")
	return nil
}

// shortCorrections prints the corrections' effects and the funding ratios.
func shortCorrections(w io.Writer, st *study) error {
	fmt.Fprintln(w, "4. Corrections of the second edition, each with its effect on the 2025 reform")
	correctionsTable(w, st, "first edition (section 3)")
	fmt.Fprintln(w, "Each change is against the kept corrections above it; the scale's linear shape and the new hires'")
	fmt.Fprintln(w, "11% are ASSUMPTIONS (no text found). Accrued liability and funding ratio, corrected basis:")
	fundingTable(w, st)
	fmt.Fprintln(w, "Sections 5 to 7 use the corrected basis: (a) and (c) kept, (b) at 11%, (d) left out.")
	return nil
}

// shortWays prints the target and the four ways to balance the 2025 rules.
func shortWays(w io.Writer, st *study) error {
	fmt.Fprintln(w, "5. Four ways to balance the 2025 rules (corrected basis), solved to one target")
	fmt.Fprintf(w, "Target: the actuarial balance over the %d years %d–%d at zero, with a year's spending held in\n",
		balanceYears, isstey.CensusYear, balanceLast)
	fmt.Fprintln(w, "reserve at the end (the US Trustees' measure): deterministic, so each solver trial is one")
	fmt.Fprintln(w, "projection; section 6 gives each way's probability of exhaustion. Each lever acts from 2026.")
	if err := waysTable(w, st); err != nil {
		return err
	}
	var spans []string
	for _, wy := range st.ways {
		if from, to := negativeSpan(wy.outcome); from != 0 {
			spans = append(spans, fmt.Sprintf("way %s's in %d–%d", wy.name[:1], from, to))
		}
	}
	if len(spans) > 0 {
		fmt.Fprintf(w, "Balanced over 75 years is not solvent every year, the reserve below zero (repaid from later surpluses): %s.\n", joinAnd(spans))
	}
	fmt.Fprintln(w, "The frontier of two levers (the employer's rate against years of service) is in frontier.png.")
	return nil
}

// shortRisk prints the probability of exhaustion of each regime and way.
func shortRisk(w io.Writer, st *study) error {
	r := st.risk
	fmt.Fprintf(w, "6. Risk: the probability that the reserve is exhausted by each year, %s scenarios (seed %d)\n",
		count(float64(r.scenarios)), riskSeed)
	fmt.Fprintln(w, "Stochastic returns and inflation (section 1); in per cent, ± the Monte Carlo standard error:")
	riskTable(w, r)
	return nil
}

// shortGains prints who gains and who loses by sex only, and the model
// workers' replacement rates.
func shortGains(w io.Writer, st *study) error {
	g := st.gains
	fmt.Fprintln(w, "7. Who gains and who loses, by sex: the change in the PV in 2022 of the members' benefits and contributions")
	fmt.Fprintf(w, "(MXN bn), each way against the 2025 reform, each law against the 1976 law; the share losing over %s of benefits\n", rate(lossThreshold))
	rows := [][]string{{"", "men: benefits", "contributions", "women: benefits", "contributions", "losing"}}
	add := func(name string, gn *reform.Gains) {
		ben, con := gainsBySex(gn)
		m, f := actuarial.Male.Index(), actuarial.Female.Index()
		rows = append(rows, []string{name, plusBillions(ben[m]), plusBillions(con[m]), plusBillions(ben[f]), plusBillions(con[f]), pct(gn.LosingShare)})
	}
	for k, gn := range g.gains {
		add("way "+st.ways[k].name, gn)
	}
	for k, gn := range g.lawGains {
		add(isstey.Regimes[k+1].String(), gn)
	}
	writeTable(w, rows)
	fmt.Fprintf(w, "Model workers hired in %d: the replacement of the last salary by the pension at award\n", isstey.Reform2025From)
	head := []string{""}
	for _, name := range g.names {
		if len(name) > len("way 1") && name[:4] == "way " {
			name = name[:5]
		}
		head = append(head, name)
	}
	rows = [][]string{head}
	for k, o := range g.workers[0] {
		row := []string{o.Worker.Name}
		for i := range g.workers {
			row = append(row, fmt.Sprintf("%.0f%%", 100*g.workers[i][k].Replacement))
		}
		rows = append(rows, row)
	}
	writeTable(w, rows)
	fmt.Fprintln(w, "By cohort, the money's worth and the model workers' pensions: in the reports and -full.")
	return nil
}

// gainsBySex returns the change in the present value of the benefits and
// of the contributions of each sex's cohorts together, indexed by
// actuarial.Sex.Index.
func gainsBySex(gn *reform.Gains) (ben, con [actuarial.NumSexes]float64) {
	for i := range gn.Cohorts {
		c := &gn.Cohorts[i]
		ben[c.Sex.Index()] += c.BenefitChange()
		con[c.Sex.Index()] += c.ContributionChange()
	}
	return ben, con
}

// joinAnd joins phrases with commas and a final "and".
func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	out := s[0]
	for _, p := range s[1 : len(s)-1] {
		out += ", " + p
	}
	return out + " and " + s[len(s)-1]
}
