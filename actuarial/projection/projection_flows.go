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
// reference salaries.
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

// Summarize computes the projection's indicators over h (see [indicator.Summarize]),
// reusing dst when it is not nil. A nil h.Curve means the projection's own
// investment returns, the basis on which the general average premium
// finances the projected flows; the zero Horizon thus covers every
// projected year on that basis.
//
// The Summary's FundingRatio is 0: a projection does not value the
// accrued liability; [Result.SummarizeFunded] takes it.
func (r *Result) Summarize(dst *indicator.Summary, h indicator.Horizon) (*indicator.Summary, error) {
	return r.SummarizeFunded(dst, h, 0)
}

// SummarizeFunded is [Result.Summarize] with the closed group's accrued
// liability at t = 0 set in the flows ([indicator.Flows.AccruedLiability]), so that
// the Summary's FundingRatio is the reserve at t = 0 over it. The liability
// is usually the [Liability.Total] of the census the projection started
// from, valued under the same scheme:
//
//	l, err := projection.ClosedGroupLiability(s, 0)
//	...
//	sum, err := res.SummarizeFunded(nil, indicator.Horizon{}, l.Total())
//
// accrued must be finite and not negative; 0 means none (FundingRatio 0).
func (r *Result) SummarizeFunded(dst *indicator.Summary, h indicator.Horizon, accrued float64) (*indicator.Summary, error) {
	if h.Curve == nil {
		c, err := r.ReturnCurve()
		if err != nil {
			return nil, err
		}
		h.Curve = c
	}
	f := r.Flows(nil)
	f.AccruedLiability = accrued
	return indicator.Summarize(dst, f, h)
}
