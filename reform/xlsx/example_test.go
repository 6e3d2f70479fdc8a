package xlsx_test

import (
	"bytes"
	"fmt"
	"log"
	"math"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/xlsx"
	"github.com/xuri/excelize/v2"
)

// exampleOutcome builds a small projection by hand: a salary bill of
// 1,000 million growing 3% a year, contributions at rates[t] of it,
// benefits of 120 million growing 6%, 1,000 actives and 400 pensioners
// growing 2%, a reserve of 150 million earning 4%; and its indicators.
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

// The results workbook of a base and a reform, in millions: its sheets,
// and the contribution rate of 2026 as stored (a number, in per cent) and
// as shown (its number format).
func ExampleWrite() {
	in := &xlsx.Input{
		Outcomes: []reform.Outcome{
			exampleOutcome("base", 0.10, 0.10, 0.10),
			exampleOutcome("13% from 2026", 0.10, 0.13, 0.13),
		},
		Units: reform.UnitsMillions,
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, in, xlsx.Options{}); err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	head, _ := f.GetCellValue("Projection", "E1")
	raw, _ := f.GetCellValue("Projection", "E5", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("Projection", "E5")
	fmt.Println(head, raw, shown)
	// Output:
	// [Summary Projection 13% from 2026 vs base]
	// contribution rate (%) 13 13.00
}
