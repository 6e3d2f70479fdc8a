package htmlreport_test

import (
	"bytes"
	"fmt"
	"log"
	"regexp"
	"strings"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/htmlreport"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"golang.org/x/text/language"
)

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
			reformtest.HandOutcome("base", 0.10, 0.10, 0.10, 0.10, 0.10),
			reformtest.HandOutcome("13% desde 2026", 0.10, 0.13, 0.13, 0.13, 0.13),
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
