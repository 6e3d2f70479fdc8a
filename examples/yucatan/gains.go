// Section 8: who gains and who loses under each way, by sex and birth
// cohort, and the money's worth of each law and way.

package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/modelworker"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

// The cohorts of the tables.
const (
	// cohortWidth is the years of birth of a cohort.
	cohortWidth = 20
	// lossThreshold: a cohort loses when its benefits lose more than a
	// tenth of their value.
	lossThreshold = 0.10
	// shownChange: a cohort is shown when a way changes one of its
	// present values by at least MXN 50 M, what the table rounds to 0.1 bn.
	shownChange = 0.05e9
)

// gainsRun is the split projections and what they give.
type gainsRun struct {
	// gains[k] is way k against the 2025 reform.
	gains []*reform.Gains
	// lawGains[k] is the (k+1)th regime (the 2022 law, the 2025 reform)
	// against the 1976 law.
	lawGains []*reform.Gains
	// worth[i] are the cohort values of the corrected regimes, then of the
	// ways, in the order of names.
	names []string
	worth [][]projection.CohortValue
	// workers[i] are the standard model workers hired in 2026 under the
	// scheme names[i].
	workers [][]modelworker.Outcome
}

// splitter projects schemes for the example's years with the split by
// cohort, one projector reset from scheme to scheme (its buffers and the
// tables the schemes share built once); each run's result is its own.
type splitter struct{ p *projection.Projector }

func (sp *splitter) run(s *scheme.Scheme) (*projection.Result, error) {
	if sp.p == nil {
		p, err := projection.NewProjector(s)
		if err != nil {
			return nil, err
		}
		p.Split = true
		sp.p = p
	} else if err := sp.p.Reset(s); err != nil {
		return nil, err
	}
	return sp.p.Run(nil, years)
}

// whoGains projects the regimes and the ways with the split and compares
// the ways with the 2025 reform.
func (st *study) whoGains() error {
	g := &gainsRun{}
	var sp splitter
	var results []*projection.Result
	for i, r := range isstey.Regimes {
		res, err := sp.run(st.corrected[i])
		if err != nil {
			return err
		}
		results = append(results, res)
		g.names = append(g.names, r.String())
	}
	for _, r := range isstey.Regimes[1:] {
		gn, err := reform.WhoGains(results[isstey.Law1976], results[r], cohortWidth, lossThreshold)
		if err != nil {
			return fmt.Errorf("who gains under the %v: %w", r, err)
		}
		g.lawGains = append(g.lawGains, gn)
	}
	base := results[isstey.Reform2025]
	for _, w := range st.ways {
		res, err := sp.run(w.scheme)
		if err != nil {
			return err
		}
		results = append(results, res)
		g.names = append(g.names, "way "+w.name)
		gn, err := reform.WhoGains(base, res, cohortWidth, lossThreshold)
		if err != nil {
			return fmt.Errorf("who gains under way %s: %w", w.name, err)
		}
		g.gains = append(g.gains, gn)
	}
	for _, res := range results {
		cv, err := res.CohortValues(cohortWidth, false)
		if err != nil {
			return err
		}
		g.worth = append(g.worth, cv)
	}
	schemes := st.corrected[:]
	for _, w := range st.ways {
		schemes = append(schemes, w.scheme)
	}
	for i, s := range schemes {
		outs, err := modelworker.Evaluate(s, modelworker.Config{Group: isstey.GroupNew, EntryYear: isstey.Reform2025From}, modelworker.Standard())
		if err != nil {
			return fmt.Errorf("model workers under %s: %w", g.names[i], err)
		}
		g.workers = append(g.workers, outs)
	}
	st.gains = g
	return nil
}

// gainsSection prints section 8.
func gainsSection(w io.Writer, st *study) error {
	g := st.gains
	fmt.Fprintf(w, "8. Who gains and who loses: each way against the 2025 reform, each law against the 1976 law, by sex\nand %d-year birth cohort\n", cohortWidth)
	fmt.Fprintln(w, "Change in the present value in 2022 of the cohort's benefits and of its contributions (worker's and")
	fmt.Fprintln(w, "state's), MXN bn, at the projected returns; entrants' cohorts included; cohorts no way moves by")
	fmt.Fprintln(w, "MXN 0.1 bn left out.")
	var names []string
	for _, w := range st.ways {
		names = append(names, "way "+w.name[:1])
	}
	if err := gainsTable(w, names, g.gains); err != nil {
		return err
	}
	for k, gn := range g.gains {
		fmt.Fprintf(w, "  way %s: %s of the members lose more than %s of their benefits' value\n",
			st.ways[k].name, pct(gn.LosingShare), rate(lossThreshold))
	}
	fmt.Fprintln(w, "The laws against the 1976 law, likewise (corrected basis):")
	if err := gainsTable(w, []string{"2022 law", "2025 reform"}, g.lawGains); err != nil {
		return err
	}
	for k, gn := range g.lawGains {
		fmt.Fprintf(w, "  the %v: %s of the members lose more than %s of their benefits' value\n",
			isstey.Regimes[k+1], pct(gn.LosingShare), rate(lossThreshold))
	}
	fmt.Fprintln(w, "The share losing is counted by sex and year of birth: each member loses what the members of the")
	fmt.Fprintln(w, "same sex and year of birth lose together (reform.WhoGains's model points, without service bands).")
	fmt.Fprintln(w, "Money's worth (PV of benefits over PV of every payer's contributions) of the cohorts born")
	fmt.Fprintln(w, "1980–99 (in service in 2022) and 2000–19 (mostly entrants):")
	rows := [][]string{{"", "men 1980–99", "women 1980–99", "men 2000–19", "women 2000–19"}}
	for i, cv := range g.worth {
		row := []string{g.names[i]}
		for _, k := range []struct {
			sex  actuarial.Sex
			born int
		}{{actuarial.Male, 1980}, {actuarial.Female, 1980}, {actuarial.Male, 2000}, {actuarial.Female, 2000}} {
			v := "—"
			for _, c := range cv {
				if c.Sex == k.sex && c.BornFrom <= k.born && k.born <= c.BornTo && c.MoneysWorth != 0 {
					v = fmt.Sprintf("%.2f", c.MoneysWorth)
				}
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	writeTable(w, rows)
	fmt.Fprintf(w, "Model workers hired in %d (the library's six standard careers, on the census's average salary):\n", isstey.Reform2025From)
	fmt.Fprintf(w, "the pension at award, MXN a month in money of %d (deflated at the assumed %s inflation), its\n", isstey.Reform2025From, rate(isstey.Inflation))
	fmt.Fprintln(w, "replacement of the last salary, and the money's worth, under each law and way:")
	head := []string{""}
	for i := range g.workers {
		head = append(head, g.names[i])
	}
	rows = [][]string{head}
	for k, o := range g.workers[0] {
		row := []string{o.Worker.Name}
		for i := range g.workers {
			wo := g.workers[i][k]
			row = append(row, fmt.Sprintf("%s · %.0f%% · %.2f", count(pensionIn2026(&wo)), 100*wo.Replacement, wo.MoneysWorth))
		}
		rows = append(rows, row)
	}
	writeTable(w, rows)
	fmt.Fprintln(w, "A model worker's career is evaluated on the law alone, without the scheme's reserve: way 4's rule,")
	fmt.Fprintln(w, "which acts only while the reserve is low, shows in the cohorts above, not in these careers.")
	return nil
}

// pensionIn2026 returns a model worker's monthly pension at award in money
// of 2026, the year of hiring, deflated at the basis's inflation.
func pensionIn2026(o *modelworker.Outcome) float64 {
	return o.Pension / 12 / math.Pow(1+isstey.Inflation, float64(o.Year-isstey.Reform2025From))
}

// gainsTable prints the change in each cohort's present values under each
// of gains (named by names), leaving out the cohorts none moves by
// shownChange.
func gainsTable(w io.Writer, names []string, gains []*reform.Gains) error {
	head := []string{"sex", "born"}
	for _, n := range names {
		head = append(head, n+" benefits", n+" contributions")
	}
	rows := [][]string{head}
	for i, c := range gains[0].Cohorts {
		row := []string{c.Sex.String(), fmt.Sprintf("%d–%d", c.BornFrom, c.BornTo)}
		moved := false
		for _, gn := range gains {
			if i >= len(gn.Cohorts) || gn.Cohorts[i].Sex != c.Sex || gn.Cohorts[i].BornFrom != c.BornFrom {
				return fmt.Errorf("who gains: the cohorts of %s differ", strings.Join(names, ", "))
			}
			cg := &gn.Cohorts[i]
			row = append(row, plusBillions(cg.BenefitChange()), plusBillions(cg.ContributionChange()))
			moved = moved || math.Abs(cg.BenefitChange()) >= shownChange || math.Abs(cg.ContributionChange()) >= shownChange
		}
		if moved {
			rows = append(rows, row)
		}
	}
	writeTable(w, rows)
	return nil
}
