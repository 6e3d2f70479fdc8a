// The per-year indicators of a Flows, and the depletion year and funding
// ratio.

package indicator

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
)

// FundingRatio returns reserve / liability: the share of the closed
// group's accrued liability (the present value of the pensions in payment
// and of the rights the actives have earned to the valuation date, a
// valuation's result) that the reserve covers. 1 is full funding. Both
// must be finite, the liability positive.
func FundingRatio(reserve, liability float64) (float64, error) {
	if !finiteValue(reserve) {
		return 0, &SeriesError{Series: "reserve", T: 0, Value: reserve, Err: actuarial.ErrNotFinite}
	}
	switch {
	case !finiteValue(liability):
		return 0, fmt.Errorf("actuarial: accrued liability %v: %w", liability, actuarial.ErrNotFinite)
	case liability < 0:
		return 0, fmt.Errorf("actuarial: accrued liability %v: %w", liability, actuarial.ErrNegative)
	case liability == 0:
		return 0, fmt.Errorf("actuarial: accrued liability %v: %w", liability, ErrZeroDivisor)
	}
	return reserve / liability, nil
}

// PAYGCostRate writes the PAYG cost rate of each year into dst and returns
// it:
//
//	PAYG(t) = (B(t) + E(t)) / S(t),
//
// the benefits and administration costs (nil: none) of year t over the
// insurable salary bill of year t (f.SalaryBill, the contribution base):
// the contribution rate that would balance the year's income and
// expenditure with no reserve and no investment income (Plamondon et al.,
// Actuarial practice in social security, ILO/ISSA, 2002; Iyer, Actuarial
// mathematics of social security pensions, ILO/ISSA, 1999). A zero salary
// bill returns a [*SeriesError] wrapping [ErrZeroDivisor].
func PAYGCostRate(dst []float64, f *Flows) ([]float64, error) {
	dst, err := paygCostRate(dst, f.SalaryBill, f.Benefits, f.Costs)
	return dst, f.dated(err)
}

// ReserveRatio writes the ILO's reserve ratio of each year into dst and
// returns it:
//
//	RR(t) = R(t+1) / (B(t) + E(t)),
//
// the reserve at the end of year t (31 December, f.ReserveEnd) in years of
// the year's expenditure, benefits B plus administration costs E (nil:
// none) (Plamondon et al., 2002). [StartReserveRatio] divides the reserve
// at 1 January instead.
//
// A negative reserve (exhausted, a debt) gives a negative ratio that no
// longer ranks scenarios: the ratio of a debt to a year's expenditure grows
// in size as the expenditure falls, so a reform that cuts benefits and
// leaves a smaller debt can show a more negative ratio (−9.53 against
// −9.40). Compare the reserves, or the deficit's present value, once the
// reserve is exhausted; reform's reports print such a ratio as "n/a". Zero
// expenditure in a year returns a [*SeriesError] wrapping [ErrZeroDivisor].
func ReserveRatio(dst []float64, f *Flows) ([]float64, error) {
	dst, err := reserveRatio(dst, f.ReserveEnd, f.Benefits, f.Costs)
	return dst, f.dated(err)
}

// StartReserveRatio is [ReserveRatio] with the reserve at 1 January of year
// t (f.ReserveStart): the US Social Security trust fund ratio.
func StartReserveRatio(dst []float64, f *Flows) ([]float64, error) {
	dst, err := reserveRatio(dst, f.ReserveStart, f.Benefits, f.Costs)
	return dst, f.dated(err)
}

// SupportRatio writes the support ratio of each year into dst and returns
// it: contributors (active members) per pensioner,
//
//	SR(t) = A(t) / P(t),
//
// both counted at 1 January of year t. Its inverse is [DependencyRatio]. A
// year without pensioners returns a [*SeriesError] wrapping
// [ErrZeroDivisor].
func SupportRatio(dst []float64, f *Flows) ([]float64, error) {
	dst, err := supportRatio(dst, f.Actives, f.Pensioners)
	return dst, f.dated(err)
}

// DependencyRatio writes the (system) dependency ratio of each year into
// dst and returns it: pensioners per contributor,
//
//	DR(t) = P(t) / A(t),
//
// the ILO's demographic ratio, the inverse of [SupportRatio]; the PAYG cost
// rate is this ratio times the ratio of the average benefit to the average
// insurable salary. A year without actives returns a [*SeriesError]
// wrapping [ErrZeroDivisor].
func DependencyRatio(dst []float64, f *Flows) ([]float64, error) {
	dst, err := dependencyRatio(dst, f.Pensioners, f.Actives)
	return dst, f.dated(err)
}

// ReplacementRate writes the average replacement rate of the pensions
// awarded in each year into dst and returns it:
//
//	RPL(t) = Σ new pensions(t) / Σ salaries(t),
//
// f.NewPensions over f.RetiringSalaries: the average replacement rate
// weighted by salary, the ILO's replacement rate of new pensions
// (Plamondon et al., 2002). A year without new pensions has no salaries and
// returns a [*SeriesError] wrapping [ErrZeroDivisor]; [Summarize] gives a
// year with neither a rate of 0 instead.
func ReplacementRate(dst []float64, f *Flows) ([]float64, error) {
	dst, err := replacementRate(dst, f.NewPensions, f.RetiringSalaries)
	return dst, f.dated(err)
}

// NetCashFlow writes the net cash flow of each year into dst and returns
// it:
//
//	N(t) = C(t) + T(t) − B(t) − E(t),
//
// contributions plus state transfers less benefits and administration
// costs, without investment income: the flow that [RollForward] and
// [DeficitTransfers] accumulate. Benefits are required; contributions,
// transfers and costs may be nil (none).
func NetCashFlow(dst []float64, f *Flows) ([]float64, error) {
	dst, err := netCashFlow(dst, f.Contributions, f.Transfers, f.Benefits, f.Costs)
	return dst, f.dated(err)
}

// DepletionYear returns the first calendar year StartYear + t whose reserve
// at the end, f.ReserveEnd[t], is negative: the year in which the reserve
// is exhausted. 0 means the reserve lasts through the years given: the one
// way the library says "never", in [Summary] and in reform's metrics alike.
// A reserve of exactly 0 is not exhausted. A value that is not finite
// returns a [*SeriesError].
func DepletionYear(f *Flows) (int, error) {
	return depletionYear(f.StartYear, f.ReserveEnd)
}
