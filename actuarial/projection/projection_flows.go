// The bridge from a projection to its indicators and ledger.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
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
	dst.SalaryBill = r.ContributionBase(dst.SalaryBill)
	dst.Contributions = r.Contributions(dst.Contributions)
	dst.Benefits = r.Benefits(dst.Benefits)
	dst.Costs = r.AdminCosts(dst.Costs)
	dst.Transfers = r.Transfers(dst.Transfers)
	dst.InvestmentIncome = r.InvestmentIncome(dst.InvestmentIncome)
	dst.Returns = r.Returns(dst.Returns)
	dst.ReserveStart = r.ReserveStart(dst.ReserveStart)
	dst.ReserveEnd = r.ReserveEnd(dst.ReserveEnd)
	dst.Actives = r.Actives(dst.Actives)
	dst.Pensioners = r.Pensioners(dst.Pensioners)
	dst.NewPensions = r.NewRetirementAmounts(dst.NewPensions)
	dst.RetiringSalaries = r.RetiringSalaries(dst.RetiringSalaries)
	return dst
}

// ReturnCurve returns the projection's investment returns by year as a
// [actuarial.Curve], the discount basis of its indicators ([indicator.Horizon.Curve]).
func (r *Result) ReturnCurve() (*actuarial.Curve, error) {
	return actuarial.NewCurve(r.Returns(nil)...)
}
