package reformtest

import (
	"math"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// HandOutcome builds a tiny projection by hand, through the public types a
// Projector fills, for the packages' runnable examples: a salary bill of
// 1,000 million growing 3% a year, contributions at rates[t] of it,
// benefits of 120 million growing 6%, 1,000 actives and 400 pensioners
// growing 2% a year, a reserve of 150 million earning 4%; and its
// indicators. Its inputs are fixed, so an error is a bug and panics.
func HandOutcome(name string, rates ...float64) reform.Outcome {
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
		panic("reformtest: HandOutcome: " + err.Error())
	}
	s, err := indicator.Summarize(nil, r.Flows(nil), indicator.Horizon{Curve: curve})
	if err != nil {
		panic("reformtest: HandOutcome: " + err.Error())
	}
	return reform.Outcome{Name: name, Result: r, Summary: s}
}
