package htmlreport_test

import (
	"bytes"
	"fmt"
	"log"
	"math"
	"regexp"
	"strings"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/htmlreport"
	"golang.org/x/text/language"
)

// exampleOutcome builds a small projection by hand, through the public
// types a Projector fills: a salary bill of 1,000 million growing 3% a
// year, contributions at rates[t] of it, benefits of 120 million growing
// 6%, 1,000 actives and 400 pensioners growing 2%, a reserve of 150
// million earning 4%; and its indicators.
func exampleOutcome(name string, rates ...float64) reform.Outcome {
	r := &projection.Result{Scheme: name, StartYear: 2025}
	reserve := 150e6
	for t, c := range rates {
		g := func(rate float64) float64 { return math.Pow(1+rate, float64(t)) }
		y := projection.YearResult{Year: 2025 + t, Actives: 1000 * g(0.02), SalaryBill: 1e9 * g(0.03), Return: 0.04}
		y.ContributionBase = y.SalaryBill // no ceiling
		y.Pensioners[census.PensionOldAge.Index()] = 400 * g(0.02)
		y.Contributions[scheme.Worker] = c * y.SalaryBill
		y.Pensions[census.PensionOldAge.Index()] = 120e6 * g(0.06)
		net := y.TotalContributions() - y.Benefits()
		y.ReserveStart = reserve
		y.InvestmentIncome = reserve*y.Return + net*(math.Sqrt(1+y.Return)-1)
		reserve += net + y.InvestmentIncome
		y.ReserveEnd = reserve
		r.Years = append(r.Years, y)
	}
	curve, err := r.ReturnCurve()
	if err != nil {
		log.Fatal(err)
	}
	s, err := indicator.Summarize(nil, r.Flows(nil), indicator.Horizon{Curve: curve})
	if err != nil {
		log.Fatal(err)
	}
	return reform.Outcome{Name: name, Result: r, Summary: s}
}

// The report of a base and a reform in Spanish, with the law and the
// assumptions: its sections (those without data, here the pyramids and
// the sensitivity, are left out) and its charts.
func ExampleWrite() {
	in := &htmlreport.Input{
		Scheme: "Régimen de ejemplo",
		Law:    []htmlreport.Rule{{Name: "aportación", Provision: "10% del salario", Source: "Ley, art. 20"}},
		Assumptions: []htmlreport.Assumption{
			{Name: "rendimiento", Value: "4% anual", Basis: htmlreport.Judgement},
		},
		Outcomes: []reform.Outcome{
			exampleOutcome("base", 0.10, 0.10, 0.10, 0.10, 0.10),
			exampleOutcome("13% desde 2026", 0.10, 0.13, 0.13, 0.13, 0.13),
		},
		Tables: reform.ReportOptions{Units: reform.UnitsMillions, MoneyDecimals: 1},
	}
	var buf bytes.Buffer
	if err := htmlreport.Write(&buf, in, htmlreport.Options{Language: language.MustParse("es-MX")}); err != nil {
		log.Fatal(err)
	}
	page := buf.String()
	for _, m := range regexp.MustCompile(`<section id="[a-z]+">\n<h2>([^<]+)</h2>`).FindAllStringSubmatch(page, -1) {
		fmt.Println(m[1])
	}
	fmt.Println("charts:", strings.Count(page, "<figure>"))
	// Output:
	// Resumen de resultados
	// El régimen y su marco legal
	// Datos y supuestos
	// Proyección demográfica
	// Proyección financiera
	// Indicadores
	// Reformas frente al escenario base
	// charts: 3
}
