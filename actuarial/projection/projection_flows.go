// The bridge from a projection to its indicators and ledger.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/internal/vec"
)

// Flows returns the projection's year-by-year series as the [indicator.Flows] that
// [indicator.Summarize] and [indicator.NewLedger] read, reusing dst's slices when dst is not nil.
// SalaryBill is the insurable salary bill, the contribution base after the
// ceiling ([Result.ContributionBase]), so that the GAP and the cost rates
// are rates of contribution as the ILO computes them; it is the salaries
// paid ([Result.SalaryBill]) when the rules set no ceiling.
// Benefits are pensions, extra payments and refunds; Costs are the
// administration costs; counts are at 1 January. The replacement-rate
// series are those of the old-age and early pensions awarded on 1 January:
// NewPensions their yearly amount ([Result.NewRetirementAmounts]) and
// RetiringSalaries the final salaries, on that day, of the members awarded
// them ([Result.RetiringSalaries]); both are 0 in a year without
// retirements. Use [Result.ReferenceSalariesBy] instead for the rate on
// reference salaries. Returns are the fund's returns by year, the basis on
// which [indicator.Summarize] discounts when its Horizon has no Curve; set
// AccruedLiability (from [ClosedGroupLiability]) for the funding ratio:
//
//	f := res.Flows(nil)
//	f.AccruedLiability = l.Total()
//	sum, err := indicator.Summarize(nil, f, indicator.Horizon{})
func (r *Result) Flows(dst *indicator.Flows) *indicator.Flows {
	if dst == nil {
		dst = new(indicator.Flows)
	}
	dst.StartYear = r.StartYear
	// Every series in one pass over the years (each accessor's value).
	n := len(r.Years)
	salary, contrib, ben := vec.Dst(dst.SalaryBill, n), vec.Dst(dst.Contributions, n), vec.Dst(dst.Benefits, n)
	costs, transfers, income := vec.Dst(dst.Costs, n), vec.Dst(dst.Transfers, n), vec.Dst(dst.InvestmentIncome, n)
	returns, start, end := vec.Dst(dst.Returns, n), vec.Dst(dst.ReserveStart, n), vec.Dst(dst.ReserveEnd, n)
	actives, pensioners := vec.Dst(dst.Actives, n), vec.Dst(dst.Pensioners, n)
	newPensions, retiring := vec.Dst(dst.NewPensions, n), vec.Dst(dst.RetiringSalaries, n)
	for i := range r.Years {
		y := &r.Years[i]
		salary[i], contrib[i], ben[i] = y.ContributionBase, y.TotalContributions(), y.Benefits()
		costs[i], transfers[i], income[i] = y.AdminCosts, y.Transfers, y.InvestmentIncome
		returns[i], start[i], end[i] = y.Return, y.ReserveStart, y.ReserveEnd
		actives[i], pensioners[i] = y.Actives, y.TotalPensioners()
		newPensions[i], retiring[i] = y.NewRetirementAmount(), y.TotalRetiringSalaries()
	}
	dst.SalaryBill, dst.Contributions, dst.Benefits = salary, contrib, ben
	dst.Costs, dst.Transfers, dst.InvestmentIncome = costs, transfers, income
	dst.Returns, dst.ReserveStart, dst.ReserveEnd = returns, start, end
	dst.Actives, dst.Pensioners = actives, pensioners
	dst.NewPensions, dst.RetiringSalaries = newPensions, retiring
	return dst
}

// ReturnCurve returns the projection's investment returns by year as a
// [actuarial.Curve], the discount basis of its indicators ([indicator.Horizon.Curve]).
func (r *Result) ReturnCurve() (*actuarial.Curve, error) {
	return actuarial.NewCurve(r.Returns(nil)...)
}
