// Section 5: the corrections of the second edition, each with its effect,
// and the basis the later sections use.

package main

import (
	"fmt"
	"io"
	"math"
	"slices"

	"gonum.org/v1/gonum/optimize"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/mortality"
	"github.com/reserva-go/reserva/reform"
)

// The mortality corrections.
const (
	// improvementRate is the assumed fall in every q_x a year, at every
	// age, from EMSSA-09's base year on (judgement: no improvement scale
	// for Mexico is published with the table; 1% a year is of the order
	// of the falls in old-age mortality of the last decades).
	improvementRate = 0.01
	// emssaBaseYear is the year EMSSA-09 describes.
	emssaBaseYear = 2009
	// disabledMinAge and disabledMaxAge are the ages of the table built
	// from the law fitted to EMSSI-IMSS-RCS-12's points: q at the last age
	// is 1, as the published q110.
	disabledMinAge, disabledMaxAge = 15, 110
)

// emssiPoints are the published points of EMSSI-IMSS-RCS-12 (disabled
// lives, unisex; CNSF CUSF annex 14.2.6-d; testdata/isstey/FACTS.md): q at ages
// 60, 65, 70, 80 and 90 (q110 = 1 closes the table).
var emssiPoints = []struct {
	age int
	q   float64
}{{60, 0.031908}, {65, 0.032692}, {70, 0.034291}, {80, 0.044001}, {90, 0.090743}}

// lowReturn is the sensitivity's return from 2026, when the 2025 reform's
// restriction on the fund's investments applies (judgement: 1.5 points
// below the 6% of the basis, about the real return of government paper).
const lowReturn = 0.045

// fitDisabled fits Makeham's law µ(x) = A + B·C^x to the EMSSI-IMSS-RCS-12
// points by least squares on log q (gonum's Nelder–Mead), and returns the
// law and the largest relative error at the points.
func fitDisabled() (mortality.Makeham, float64, error) {
	law := func(p []float64) mortality.Makeham {
		return mortality.Makeham{A: math.Exp(p[0]), B: math.Exp(p[1]), C: 1 + math.Exp(p[2])}
	}
	q := func(m mortality.Makeham, age int) float64 {
		return 1 - math.Exp(-m.CumHazard(float64(age), 1))
	}
	f := func(p []float64) float64 {
		m := law(p)
		var s float64
		for _, pt := range emssiPoints {
			d := math.Log(q(m, pt.age)) - math.Log(pt.q)
			s += d * d
		}
		if math.IsNaN(s) {
			return math.Inf(1)
		}
		return s
	}
	// Start: the flat level of the points, and a Gompertz term doubling
	// every 8 years.
	x0 := []float64{math.Log(0.03), math.Log(1e-6), math.Log(math.Pow(2, 1.0/8) - 1)}
	res, err := optimize.Minimize(optimize.Problem{Func: f}, x0, &optimize.Settings{MajorIterations: 4000}, &optimize.NelderMead{})
	if err != nil && res == nil {
		return mortality.Makeham{}, 0, fmt.Errorf("fitting EMSSI-IMSS-RCS-12: %w", err)
	}
	m := law(res.X)
	worst := 0.0
	for _, pt := range emssiPoints {
		worst = math.Max(worst, math.Abs(q(m, pt.age)/pt.q-1))
	}
	return m, worst, nil
}

// corrections is what section 5 found: the corrected basis, the fitted law
// and each step's metrics.
type corrections struct {
	basis    scheme.Assumptions
	disabled mortality.Makeham
	fitError float64
	steps    []correctionStep
	// liability and funding ratio of each regime on the corrected basis.
	liability [isstey.NumRegimes]float64
	funding   [isstey.NumRegimes]float64
	// lowReturn is the 2025 reform on the corrected basis with the lower
	// return from 2026.
	lowReturn *reform.Outcome
	// edits are the kept corrections to the rules.
	edits []func(*scheme.Scheme)
}

// A correctionStep is one correction: a label, the metrics of the 2025
// reform with it, and whether the later sections keep it.
type correctionStep struct {
	label   string
	metrics reform.Metrics
	// before are the metrics with the kept corrections before this one.
	before reform.Metrics
	kept   bool
}

// improved returns the basis with EMSSA-09 improved at improvementRate a
// year from 2009, and the disabled on the fitted law when dis is not nil.
func improved(b scheme.Assumptions, men, women mortality.Table, dis mortality.Table) scheme.Assumptions {
	rates := make([]float64, 111)
	for i := range rates {
		rates[i] = improvementRate
	}
	scale := mortality.ScaleByAge(0, rates)
	b.Mortality[scheme.StatusActive] = [actuarial.NumSexes]scheme.YearTable{
		mortality.Improve(men, emssaBaseYear, scale), mortality.Improve(women, emssaBaseYear, scale),
	}
	if dis != nil {
		b.Mortality[scheme.StatusDisabled] = [actuarial.NumSexes]scheme.YearTable{
			scheme.PeriodTable{Table: dis}, scheme.PeriodTable{Table: dis},
		}
	}
	return b
}

// scaleBySex gives each sex of the 2025 reform its own reduced scale,
// 50% at 15 years rising linearly to 100% at that sex's full service: 30
// years for men, 28 for women (rules by sex, scheme.Rules BySex). The
// first edition's single scale reaches 100% at 28 years for both.
func scaleBySex(s *scheme.Scheme) {
	for g := range s.Groups {
		tl := s.Groups[g].Rules
		last := &tl[len(tl)-1]
		if last.From != isstey.Reform2025From {
			continue
		}
		last.BySex[actuarial.Male.Index()].Accrual = actuarial.LinearAccrual{MinService: 15, AtMin: 0.50, PerYear: 0.50 / 15, Max: 1}.Accrual()
		last.BySex[actuarial.Female.Index()].Accrual = actuarial.LinearAccrual{MinService: 15, AtMin: 0.50, PerYear: 0.50 / 13, Max: 1}.Accrual()
	}
}

// newHires15 keeps the 2022 law's 15% for members hired from 2023 after
// the 2025 reform.
func newHires15(s *scheme.Scheme) {
	tl := s.Groups[isstey.GroupNew].Rules
	tl[len(tl)-1].ContributionRate[scheme.Worker] = actuarial.Constant(0.15)
}

// withReturn sets the fund's return to r from 2026.
func withReturn(s *scheme.Scheme, r float64) {
	s.Assumptions.Return = actuarial.Schedule{{Year: isstey.CensusYear, Value: isstey.Return}, {Year: isstey.Reform2025From, Value: r}}
}

// schemeOn returns a copy of a regime's scheme, as read from the study
// file, on a basis and edited; the regime's own scheme is not modified.
// The edits replace rules' fields and the basis's schedules, never an
// element of a shared slice, so copying the groups and their timelines is
// enough.
func (st *study) schemeOn(r isstey.Regime, b scheme.Assumptions, edits ...func(*scheme.Scheme)) (*scheme.Scheme, error) {
	s := *st.schemes[r]
	s.Groups = slices.Clone(s.Groups)
	for g := range s.Groups {
		s.Groups[g].Rules = slices.Clone(s.Groups[g].Rules)
	}
	s.Assumptions = b
	for _, e := range edits {
		e(&s)
	}
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("the %v, corrected: %w", r, err)
	}
	return &s, nil
}

// projectOne projects a scheme over the example's years and summarizes it.
func projectOne(s *scheme.Scheme, name string) (*reform.Outcome, reform.Metrics, error) {
	cmp, err := reform.Compare(s, nil, options())
	if err != nil {
		return nil, reform.Metrics{}, err
	}
	o := cmp.Outcomes[0]
	o.Name = name
	return &o, cmp.Metrics[0], nil
}

// correct computes the corrections: each step on the 2025 reform, the
// corrected schemes of the three regimes, their liabilities.
func (st *study) correct() error {
	law, worst, err := fitDisabled()
	if err != nil {
		return err
	}
	dis, err := mortality.FromLaw(law, disabledMinAge, disabledMaxAge)
	if err != nil {
		return fmt.Errorf("the disabled lives' table: %w", err)
	}
	c := &corrections{disabled: law, fitError: worst}
	c.basis = improved(st.basis, st.men, st.women, dis)
	imp := improved(st.basis, st.men, st.women, nil)
	lower := func(s *scheme.Scheme) { withReturn(s, lowReturn) }
	steps := []struct {
		label string
		basis scheme.Assumptions
		edit  func(*scheme.Scheme)
		kept  bool
	}{
		{"(a) each sex's reduced scale reaching 100% at its full service", st.basis, scaleBySex, true},
		{"(b) new hires keep the 2022 law's 15% after 2026", st.basis, newHires15, false},
		{"(c) EMSSA-09 improved 1% a year from 2009", imp, nil, true},
		{"(c) the disabled on the law fitted to EMSSI-IMSS-RCS-12", c.basis, nil, true},
		{fmt.Sprintf("(d) a return of %s from 2026 (sensitivity)", rate(lowReturn)), c.basis, lower, false},
	}
	// Each step is measured against the kept corrections before it: the
	// kept edits accumulate.
	var kept []func(*scheme.Scheme)
	_, before := st.regime(isstey.Reform2025)
	for _, sp := range steps {
		edits := kept
		if sp.edit != nil {
			edits = append(append([]func(*scheme.Scheme){}, kept...), sp.edit)
		}
		s, err := st.schemeOn(isstey.Reform2025, sp.basis, edits...)
		if err != nil {
			return err
		}
		o, m, err := projectOne(s, "2025 reform, "+sp.label)
		if err != nil {
			return err
		}
		c.steps = append(c.steps, correctionStep{label: sp.label, metrics: m, before: before, kept: sp.kept})
		if sp.kept {
			before = m
			if sp.edit != nil {
				kept = append(kept, sp.edit)
			}
		}
		c.lowReturn = o
	}
	c.edits = kept
	for i, r := range isstey.Regimes {
		s, err := st.schemeOn(r, c.basis, c.edits...)
		if err != nil {
			return err
		}
		st.corrected[i] = s
		o, m, err := projectOne(s, r.String())
		if err != nil {
			return err
		}
		st.correctedOut = append(st.correctedOut, *o)
		st.correctedMet = append(st.correctedMet, m)
		l, err := projection.ClosedGroupLiability(s, 0)
		if err != nil {
			return fmt.Errorf("the accrued liability of the %v: %w", r, err)
		}
		c.liability[i] = l.Total()
		c.funding[i], err = l.FundingRatio(s.InitialReserve)
		if err != nil {
			return err
		}
	}
	st.corr = c
	return nil
}

// correctionsSection prints section 5.
func correctionsSection(w io.Writer, st *study) error {
	c := st.corr
	fmt.Fprintln(w, "5. Corrections of the second edition, each with its effect on the 2025 reform")
	correctionsTable(w, st, "first edition (sections 3–4)")
	fmt.Fprintln(w, "Each change is against the kept corrections above it. (a) The reform gives a full pension after")
	fmt.Fprintln(w, "30 years to men and 28 to women; the first edition's one scale reached 100% at 28 for both, too")
	fmt.Fprintln(w, "generous to men. Now each sex's scale reaches 100% at its own full service (rules by sex). Its")
	fmt.Fprintln(w, "linear shape, 50% at 15 years, is an ASSUMPTION: the reform's table was not found.")
	fmt.Fprintln(w, "(b) The 2022 law set 15% for new hires; the model applies it in 2023–25. The texts of the 2025")
	fmt.Fprintln(w, "reform give 11% frozen until 2030 with no exception found for new hires, so 11% for everyone")
	fmt.Fprintln(w, "from 2026 is the ASSUMPTION kept; the row shows what keeping 15% for them would change.")
	fmt.Fprintf(w, "(c) Improvement: %s a year at every age from %d (judgement; no published scale). Disabled\n",
		rate(improvementRate), emssaBaseYear)
	fmt.Fprintf(w, "lives: Makeham's law FITTED to the published EMSSI-IMSS-RCS-12 points (q60 … q90), A = %.4f,\n", c.disabled.A)
	fmt.Fprintf(w, "B = %.3g, C = %.4f, within %s of every point; the full table is not public.\n", c.disabled.B, c.disabled.C, pct(c.fitError))
	fmt.Fprintln(w, "(d) The 2025 reform restricted the fund's investments: a sensitivity, not kept.")
	fmt.Fprintln(w, "(e) Accrued liability (projected unit credit, closed group) and funding ratio, corrected basis:")
	fundingTable(w, st)
	fmt.Fprintln(w, "Sections 6 to 8 use the corrected basis: (a) and (c) kept, (b) at 11%, (d) left out.")
	return nil
}

// correctionsTable prints each correction's effect on the 2025 reform,
// below the first edition's figures, labelled first.
func correctionsTable(w io.Writer, st *study, first string) {
	_, m25 := st.regime(isstey.Reform2025)
	rows := [][]string{
		{"", "GAP", "change", "actuarial balance", "reserve runs out", "kept below"},
		{first, pct(m25.GAP), "", pct(m25.ActuarialBalance), depletion(m25), ""},
	}
	for _, s := range st.corr.steps {
		kept := "no"
		if s.kept {
			kept = "yes"
		}
		rows = append(rows, []string{s.label, pct(s.metrics.GAP), points(s.metrics.GAP - s.before.GAP),
			pct(s.metrics.ActuarialBalance), depletion(s.metrics), kept})
	}
	writeTable(w, rows)
}

// fundingTable prints each regime's accrued liability and funding ratio
// on the corrected basis.
func fundingTable(w io.Writer, st *study) {
	c := st.corr
	rows := [][]string{{"", "accrued liability, MXN", "reserve 1 Jan 2022, MXN", "funding ratio"}}
	for i, r := range isstey.Regimes {
		rows = append(rows, []string{r.String(), billions(c.liability[i]), billions(st.corrected[i].InitialReserve), pct(c.funding[i])})
	}
	writeTable(w, rows)
}
