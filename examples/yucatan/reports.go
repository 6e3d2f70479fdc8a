// The reports: every assumption with its basis, the law's rules, and the
// HTML reports (English and Spanish) and the results workbook.

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/text/language"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/htmlreport"
	"github.com/reserva-go/reserva/reform/xlsx"
)

// The files the reports are written to, in the output directory.
const (
	reportFile   = "report.html"
	informeFile  = "informe.html"
	workbookFile = "results.xlsx"
)

// basisOf marks the first edition's assumptions (isstey.StatedAssumptions,
// by name): the three fitted to published figures are calibrated, the
// published extra payment is published, every other one is a judgement.
var basisOf = map[string]htmlreport.Basis{
	"Employer (state) contribution rate": htmlreport.Calibrated,
	"Reserve on 1 January 2022":          htmlreport.Calibrated,
	"State transfers":                    htmlreport.Published,
	"Census shape":                       htmlreport.Calibrated,
}

// basisName is how the text output marks a basis.
var basisName = map[htmlreport.Basis]string{
	htmlreport.Published:  "published",
	htmlreport.Calibrated: "calibrated",
	htmlreport.Judgement:  "judgement",
}

// assumptionList returns every assumption of the example, the first
// edition's and the second's, each with its basis.
func assumptionList() []htmlreport.Assumption {
	var as []htmlreport.Assumption
	for _, a := range isstey.StatedAssumptions() {
		b, ok := basisOf[a.Name]
		if !ok {
			b = htmlreport.Judgement
		}
		as = append(as, htmlreport.Assumption{Name: a.Name, Value: a.Value, Basis: b, Source: a.Basis})
	}
	return append(as,
		htmlreport.Assumption{Name: "Mortality of actives and pensioners", Value: "EMSSA-09, men and women",
			Basis: htmlreport.Published, Source: "CNSF, EMSSA-09 (testdata/mexico/emssa09.csv)"},
		htmlreport.Assumption{Name: "Mortality improvement", Value: fmt.Sprintf("%s a year at every age from %d", rate(improvementRate), emssaBaseYear),
			Basis: htmlreport.Judgement, Source: "no published scale for Mexico"},
		htmlreport.Assumption{Name: "Mortality of the disabled", Value: "Makeham's law fitted to EMSSI-IMSS-RCS-12's published points (q60–q90)",
			Basis: htmlreport.Calibrated, Source: "CNSF CUSF annex 14.2.6-d; the full table is not public"},
		htmlreport.Assumption{Name: "2025 reform's reduced scale", Value: "by sex, linear: 50% at 15 years to 100% at 30 (men) or 28 (women), each sex's full service",
			Basis: htmlreport.Judgement, Source: "the reform's table was not found"},
		htmlreport.Assumption{Name: "New hires' rate from 2026", Value: "11%, as for everyone",
			Basis: htmlreport.Judgement, Source: "the 2022 law's 15% for them: no text found keeping it after the 2025 reform"},
		htmlreport.Assumption{Name: "Lower return (sensitivity)", Value: fmt.Sprintf("%s from 2026", rate(lowReturn)),
			Basis: htmlreport.Judgement, Source: "the 2025 reform's restriction of the fund's investments"},
		htmlreport.Assumption{Name: "Stochastic economy", Value: fmt.Sprintf("log return sd %s, log inflation sd %s, correlation %.1f, seed %d",
			rate(returnSD), rate(inflationSD), returnInflationCorr, riskSeed),
			Basis: htmlreport.Judgement},
		htmlreport.Assumption{Name: "Package weights", Value: "a point of the employer's rate and a point of the pension scale cost alike",
			Basis: htmlreport.Judgement},
		htmlreport.Assumption{Name: "Target of the ways", Value: fmt.Sprintf("the actuarial balance over %d–%d at zero, a year's spending in reserve at the end",
			isstey.CensusYear, balanceLast),
			Basis: htmlreport.Judgement, Source: "the US Trustees' 75-year measure; deterministic, so each solver trial is one projection"},
		htmlreport.Assumption{Name: "Way 2's fixed measures", Value: fmt.Sprintf("a %d-year reference pay, %d at the earliest, pensions not indexed; the scale solved",
			referenceYears, way2MinAge),
			Basis: htmlreport.Judgement, Source: "indexed to prices, no pension scale balances the 2025 rules"},
	)
}

// lawRules are the rules of the three laws as testdata/isstey/FACTS.md gives
// them, with their sources.
func lawRules() []htmlreport.Rule {
	const l76, l22, r25 = "Decree 68 (1976 law)", "Decree 532/2022 (2022 law)", "2025 reform, passed 24 Oct 2025"
	return []htmlreport.Rule{
		{Name: "worker contribution, 1976 law", Provision: "8% of base pay", Source: l76},
		{Name: "full pension, 1976 law", Provision: "30 years of service, any age, 100% of the last 2 years' average pay", Source: l76},
		{Name: "reduced pension, 1976 law", Provision: "age 55 with 15 years: 50%, rising to 100% at 30 years", Source: l76},
		{Name: "cap and indexation, 1976 law", Provision: "8 minimum wages; pensions indexed with the minimum wage", Source: l76},
		{Name: "worker contribution, 2022 law", Provision: "15% for new hires; 8% rising to 11% by 2025 for others", Source: l22},
		{Name: "full pension, 2022 law", Provision: "35 years of contributions; 85% (90%) of the last 20 years' average pay", Source: l22 + "; struck down, SCJN 118/2022 and 121/2022"},
		{Name: "worker contribution, 2025 reform", Provision: "11%, frozen until 2030", Source: r25},
		{Name: "full pension, 2025 reform", Provision: "30 years (men), 28 years (women), any age, last 2 years' average pay", Source: r25},
	}
}

// findings are the report's opening paragraphs.
func findings(st *study) []string {
	m := st.correctedMet[isstey.Reform2025]
	f := []string{
		"IMPORTANT: " + isstey.Disclaimer + " No figure is a figure of ISSTEY.",
		fmt.Sprintf("On the corrected basis the 2025 reform's general average premium is %s of salaries and the reserve runs out in %s.", pct(m.GAP), depletion(m)),
		fmt.Sprintf("Four ways to balance it are each solved to one target: the actuarial balance over %d–%d at zero, with a year's spending in reserve at the end. "+
			"The tables below cover the %d years %d–%d, over which the ways' balances are no longer zero.",
			isstey.CensusYear, balanceLast, years, isstey.CensusYear, isstey.CensusYear+years-1),
	}
	for _, w := range st.ways {
		if w.infeasible {
			f = append(f, fmt.Sprintf("Way %s cannot meet the target: %s.", w.name, w.measures))
			continue
		}
		f = append(f, fmt.Sprintf("Way %s: %s.%s", w.name, w.measures, wayRisk(st, w, false)))
	}
	return f
}

// hallazgos are the findings in Spanish.
func hallazgos(st *study) []string {
	m := st.correctedMet[isstey.Reform2025]
	f := []string{
		"IMPORTANTE: la población es ilustrativa, no el padrón del ISSTEY (no hay padrón público): fue generada y calibrada a cifras de prensa y oficiales; ninguna cifra es del ISSTEY.",
		fmt.Sprintf("Con las bases corregidas, la prima media general de la reforma de 2025 es %s de los salarios y la reserva se agota en %s.", pct(m.GAP), depletion(m)),
		fmt.Sprintf("Cuatro vías para equilibrarla se resuelven a una misma meta: el balance actuarial de %d–%d en cero, con un año de gasto en reserva al final. "+
			"Los cuadros siguientes cubren los %d años %d–%d, en los que el balance de las vías ya no es cero.",
			isstey.CensusYear, balanceLast, years, isstey.CensusYear, isstey.CensusYear+years-1),
	}
	for _, w := range st.ways {
		verb := "cumple la meta."
		if w.infeasible {
			verb = "no puede cumplir la meta."
		}
		f = append(f, fmt.Sprintf("La vía %s %s%s", w.name, verb, wayRisk(st, w, true)))
	}
	return f
}

// wayRisk says, in a sentence starting with a space, how often a way's
// reserve runs out by riskLast in the seeded scenarios; "" without a
// stochastic run of the way.
func wayRisk(st *study, w way, spanish bool) string {
	if st.risk == nil {
		return ""
	}
	i := slices.Index(st.risk.names, "way "+w.name)
	if i < 0 {
		return ""
	}
	e := st.risk.outs[i].ExhaustionBy(riskLast)
	if spanish {
		return fmt.Sprintf(" La reserva se agota antes de %d en el %.1f %% de %s escenarios.", riskLast+1, 100*e.Value, count(float64(st.risk.scenarios)))
	}
	return fmt.Sprintf(" The reserve runs out by %d in %.1f%% of %s seeded scenarios.", riskLast, 100*e.Value, count(float64(st.risk.scenarios)))
}

// reports writes the HTML reports and the workbook to outDir and prints
// their paths.
func reports(w io.Writer, st *study, outDir string) error {
	outs := []reform.Outcome{st.correctedOut[isstey.Reform2025], st.correctedOut[isstey.Law1976], st.correctedOut[isstey.Law2022]}
	for _, wy := range st.ways {
		outs = append(outs, *wy.outcome)
	}
	p, err := projection.NewProjector(st.corrected[isstey.Reform2025])
	if err != nil {
		return err
	}
	p.Detail = true
	detail, err := p.Run(nil, years)
	if err != nil {
		return err
	}
	in := &htmlreport.Input{
		Title:        "ISSTEY (illustrative): the 2025 reform and four ways to balance it",
		Scheme:       "An illustrative scheme calibrated to the published figures of ISSTEY, Yucatán",
		Findings:     findings(st),
		Law:          lawRules(),
		Assumptions:  assumptionList(),
		Outcomes:     outs,
		Detail:       detail,
		PyramidYears: pyramidYears,
		Tables:       reform.ReportOptions{Step: 10, Units: reform.UnitsMillions},
	}
	var risk []xlsx.Stochastic
	if r := st.risk; r != nil {
		// The report sets side by side the runs over the whole horizon
		// (those that last to the target year); the workbook has them all.
		longest := 0
		for _, o := range r.outs {
			longest = max(longest, o.Years)
		}
		for i, name := range r.names {
			if r.outs[i].Years == longest {
				in.Stochastic = append(in.Stochastic, htmlreport.StochasticRegime{Name: name, Outcomes: r.outs[i]})
			}
			risk = append(risk, xlsx.Stochastic{Name: name, Outcomes: r.outs[i]})
		}
	}
	if g := st.gains; g != nil {
		for k, gn := range g.gains {
			in.Gains = append(in.Gains, htmlreport.ReformGains{Reform: "way " + st.ways[k].name, Gains: gn})
		}
		for k, gn := range g.lawGains {
			in.Gains = append(in.Gains, htmlreport.ReformGains{Reform: isstey.Regimes[k+1].String() + " (against the 1976 law)", Gains: gn})
		}
	}
	es := *in
	es.Title = "ISSTEY (ilustrativo): la reforma de 2025 y cuatro vías para equilibrarla"
	es.Scheme = "Un esquema ilustrativo calibrado a las cifras publicadas del ISSTEY, Yucatán"
	es.Findings = hallazgos(st)
	es.Assumptions = assumptionListES()
	es.Law = lawRulesES()
	for _, f := range []struct {
		file string
		lang language.Tag
		in   *htmlreport.Input
	}{{reportFile, language.English, in}, {informeFile, language.MustParse("es-MX"), &es}} {
		path := filepath.Join(outDir, f.file)
		if err := writeFile(path, func(fw io.Writer) error { return htmlreport.Write(fw, f.in, htmlreport.Options{Language: f.lang}) }); err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s: the report (%s)\n", path, f.lang)
	}
	path := filepath.Join(outDir, workbookFile)
	if err := writeFile(path, func(fw io.Writer) error {
		return xlsx.Write(fw, &xlsx.Input{Outcomes: outs, Units: reform.UnitsMillions, Stochastic: risk}, xlsx.Options{})
	}); err != nil {
		return err
	}
	fmt.Fprintf(w, "  %s: the results workbook\n", path)
	return nil
}

// writeFile creates path and writes it with write, closing it.
func writeFile(path string, write func(io.Writer) error) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return write(f)
}
