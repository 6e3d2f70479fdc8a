// Sustainability indicators of a projected scheme, computed from its
// year-by-year series: PAYG cost rate, general average premium, reserve
// ratio, depletion year, support and dependency ratios, funding ratio,
// actuarial balance, replacement rate of new pensions and the transfers the
// state would have to make to keep the reserve from running out.

package indicator

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
)

// Sentinel errors of the indicators, for use with [errors.Is]. A value that
// is NaN or infinite wraps [actuarial.ErrNotFinite]; a negative salary bill, count or
// liability wraps [actuarial.ErrNegative].
var (
	ErrLength      = errors.New("series lengths differ")                    // two series that must cover the same years do not
	ErrZeroDivisor = errors.New("division by zero")                         // a ratio whose denominator is 0 in some year
	ErrHorizon     = errors.New("horizon outside the series or its limits") // a bad Horizon field
)

// SeriesError reports a bad value in a per-year series: which series, which
// year, which value, and what is wrong with it.
type SeriesError struct {
	Series string  // the series, as the fields of [Flows] name it: "salary bill", "benefits", "reserve at end", ...
	T      int     // the year index t of the value; −1 for a value over the whole horizon (a present value)
	Year   int     // the calendar year of t when the caller knows it ([Summarize], [NewLedger] and [DepletionYear] set it); 0 otherwise
	Value  float64 // the offending value
	Err    error   // what is wrong: ErrNotFinite, actuarial.ErrNegative or ErrZeroDivisor
}

func (e *SeriesError) Error() string {
	var b strings.Builder
	b.WriteString("actuarial: ")
	b.WriteString(e.Series)
	if e.T >= 0 {
		fmt.Fprintf(&b, " of year t = %d", e.T)
		if e.Year != 0 {
			fmt.Fprintf(&b, " (%d)", e.Year)
		}
	} else {
		b.WriteString(", present value over the horizon,")
	}
	fmt.Fprintf(&b, " is %v: %v", e.Value, e.Err)
	return b.String()
}

func (e *SeriesError) Unwrap() error { return e.Err }

// seriesLengthError reports a series of got years where want (the length
// of the series named ref) were expected.
func seriesLengthError(name string, got int, ref string, want int) error {
	return fmt.Errorf("actuarial: %s has %d years, want %d (as %s): %w", name, got, want, ref, ErrLength)
}

func finiteValue(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// seriesArg is one series given to an indicator: its name for errors, its
// values, whether they must not be negative and whether the series is
// required. A nil v stands for zeros where the series is optional.
type seriesArg struct {
	name     string
	v        []float64
	nonNeg   bool
	required bool
}

// reqSeries and optSeries return a required and an optional series.
func reqSeries(name string, v []float64, nonNeg bool) seriesArg {
	return seriesArg{name, v, nonNeg, true}
}
func optSeries(name string, v []float64) seriesArg { return seriesArg{name: name, v: v} }

// check reports a length other than n (the length of the series named
// ref), a missing required series, and the first value of o that is not
// finite (or negative when o.nonNeg).
func (o seriesArg) check(ref string, n int) error {
	if o.v == nil {
		if o.required && n > 0 {
			return seriesLengthError(o.name, 0, ref, n)
		}
		return nil
	}
	if len(o.v) != n {
		return seriesLengthError(o.name, len(o.v), ref, n)
	}
	for t, x := range o.v {
		if !finiteValue(x) {
			return &SeriesError{Series: o.name, T: t, Value: x, Err: actuarial.ErrNotFinite}
		}
		if o.nonNeg && x < 0 {
			return &SeriesError{Series: o.name, T: t, Value: x, Err: actuarial.ErrNegative}
		}
	}
	return nil
}

// at returns o.v[t], or 0 for an absent (nil) series.
func (o seriesArg) at(t int) float64 {
	if o.v == nil {
		return 0
	}
	return o.v[t]
}

// seriesRatio writes (num[t] + num2[t])/(den[t] + den2[t]) into dst, where
// num2 and den2 may be nil (zero) and num and den are required; all have
// the length of ref, the function's first series; denName names the
// denominator in a division-by-zero error. It allocates only when dst is
// nil; on error dst may be partly written.
func seriesRatio(dst []float64, ref seriesArg, num, num2, den, den2 seriesArg, denName string) ([]float64, error) {
	n := len(ref.v)
	for _, o := range [...]seriesArg{num, num2, den, den2} {
		if err := o.check(ref.name, n); err != nil {
			return nil, err
		}
	}
	dst = actuarial.MakeDst(dst, n)
	for t := range dst {
		d := den.v[t] + den2.at(t)
		if d == 0 {
			return dst, &SeriesError{Series: denName, T: t, Value: d, Err: ErrZeroDivisor}
		}
		dst[t] = (num.v[t] + num2.at(t)) / d
	}
	return dst, nil
}

// PAYGCostRate writes the pay-as-you-go cost rate of each year into dst and
// returns it:
//
//	PAYG(t) = (B(t) + E(t)) / S(t),
//
// with B the benefits, E the administration costs (nil: none) and S the
// insurable salary bill of year t: the contribution rate that would balance
// the year's income and expenditure with no reserve and no investment
// income (Plamondon et al., Actuarial practice in social security, ILO/ISSA,
// 2002; Iyer, Actuarial mathematics of social security pensions, ILO/ISSA,
// 1999, on financial systems).
//
// The series must have the same length n, the values be finite and the
// salary bill positive; a zero salary bill returns a [*SeriesError]
// wrapping [ErrZeroDivisor] that names the year. It allocates only when dst
// is nil and panics if dst is not nil and len(dst) != n.
func paygCostRate(dst, salaryBill, benefits, costs []float64) ([]float64, error) {
	sal := reqSeries("salary bill", salaryBill, true)
	return seriesRatio(dst, sal, reqSeries("benefits", benefits, false), optSeries("costs", costs), sal, seriesArg{}, "salary bill")
}

// ReserveRatio writes the reserve ratio of each year into dst and returns
// it:
//
//	RR(t) = R(t) / (B(t) + E(t)),
//
// the reserve in years of the year's expenditure, benefits B plus
// administration costs E (nil: none). The ILO's reserve ratio divides the
// reserve at the end of year t (31 December) by the expenditure of year t
// (Plamondon et al., 2002): pass the reserves at end. Pass the reserves at
// start (1 January) for the ratio of the reserve at the start of a year to
// the year's expenditure (the US Social Security trust fund ratio); [Summary]
// holds both.
//
// A negative reserve (exhausted, a debt) gives a negative ratio that no
// longer ranks scenarios: the ratio of a debt to a year's expenditure
// grows in size as the expenditure falls, so a reform that cuts benefits
// and leaves a smaller debt can show a more negative ratio (−9.53 against
// −9.40). Compare the reserves, or the deficit's present value, once the
// reserve is exhausted; reform's reports print such a ratio as "n/a".
//
// Zero expenditure in a year returns a [*SeriesError] wrapping
// [ErrZeroDivisor]. It allocates only when dst is nil and panics if dst is
// not nil and len(dst) != len(reserve).
func reserveRatio(dst, reserve, benefits, costs []float64) ([]float64, error) {
	res := reqSeries("reserve", reserve, false)
	return seriesRatio(dst, res, res, seriesArg{},
		reqSeries("benefits", benefits, false), optSeries("costs", costs), "expenditure (benefits + costs)")
}

// SupportRatio writes the support ratio of each year into dst and returns
// it: contributors (active members) per pensioner,
//
//	SR(t) = A(t) / P(t),
//
// both counted at 1 January of year t. Its inverse is [DependencyRatio].
// Counts must be finite and not negative; a year without pensioners returns
// a [*SeriesError] wrapping [ErrZeroDivisor]. It allocates only when dst is
// nil and panics if dst is not nil and len(dst) != len(actives).
func supportRatio(dst, actives, pensioners []float64) ([]float64, error) {
	act := reqSeries("actives", actives, true)
	return seriesRatio(dst, act, act, seriesArg{},
		reqSeries("pensioners", pensioners, true), seriesArg{}, "pensioners")
}

// DependencyRatio writes the (system) dependency ratio of each year into
// dst and returns it: pensioners per contributor,
//
//	DR(t) = P(t) / A(t),
//
// the ILO's demographic ratio, the inverse of [SupportRatio]; the PAYG cost
// rate is this ratio times the ratio of the average benefit to the average
// insurable salary. A year without actives returns a [*SeriesError]
// wrapping [ErrZeroDivisor]. It allocates only when dst is nil and panics
// if dst is not nil and len(dst) != len(pensioners).
func dependencyRatio(dst, pensioners, actives []float64) ([]float64, error) {
	pen := reqSeries("pensioners", pensioners, true)
	return seriesRatio(dst, pen, pen, seriesArg{},
		reqSeries("actives", actives, true), seriesArg{}, "actives")
}

// ReplacementRate writes the average replacement rate of the pensions
// awarded in each year into dst and returns it:
//
//	RPL(t) = Σ new pensions(t) / Σ salaries(t),
//
// the total annual amount of the new pensions of year t over the total
// annual salary (reference salary, or last salary, as the caller chooses)
// of the members awarded them: the average replacement rate weighted by
// salary, the ILO's replacement rate of new pensions (Plamondon et al.,
// Actuarial practice in social security, ILO/ISSA, 2002). A projection
// gives the amounts of the old-age and early pensions it awards and the
// final salaries of those retiring ([projection.Result.NewRetirementAmounts],
// [projection.Result.RetiringSalaries]). A year without new pensions has no salaries
// and returns a [*SeriesError] wrapping [ErrZeroDivisor]; [Summarize]
// gives a year with neither new pensions nor salaries a rate of 0
// instead. It allocates only when dst is nil and panics if dst is not nil
// and len(dst) != len(newPensions).
func replacementRate(dst, newPensions, salaries []float64) ([]float64, error) {
	np := reqSeries("new pensions", newPensions, true)
	return seriesRatio(dst, np, np, seriesArg{},
		reqSeries("retiring salaries", salaries, true), seriesArg{}, "retiring salaries")
}

// awardRates writes newPensions[t]/salaries[t] into dst, 0 in a year with
// neither (no pension awarded): Summarize's replacement rate. The series
// have dst's length and were checked by [Flows.Validate]; salaries of 0
// with new pensions are a [*SeriesError] wrapping [ErrZeroDivisor].
func awardRates(dst, newPensions, salaries []float64) ([]float64, error) {
	newPensions, salaries = newPensions[:len(dst)], salaries[:len(dst)]
	for t, sal := range salaries {
		switch np := newPensions[t]; {
		case sal != 0:
			dst[t] = np / sal
		case np == 0:
			dst[t] = 0
		default:
			return dst, &SeriesError{Series: "retiring salaries", T: t, Value: sal, Err: ErrZeroDivisor}
		}
	}
	return dst, nil
}

// NetCashFlow writes the net cash flow of each year into dst and returns
// it:
//
//	N(t) = C(t) + T(t) − B(t) − E(t),
//
// contributions plus state transfers less benefits and administration
// costs, without investment income: the flow that [RollForward] and
// [DeficitTransfers] accumulate. Benefits are required; contributions,
// transfers and costs may be nil (none). It allocates only when dst is nil
// and panics if dst is not nil and len(dst) != len(benefits).
func netCashFlow(dst, contributions, transfers, benefits, costs []float64) ([]float64, error) {
	n := len(benefits)
	for _, o := range [...]seriesArg{reqSeries("benefits", benefits, false), optSeries("contributions", contributions),
		optSeries("transfers", transfers), optSeries("costs", costs)} {
		if err := o.check("benefits", n); err != nil {
			return nil, err
		}
	}
	dst = actuarial.MakeDst(dst, n)
	for t := range dst {
		var in, out float64
		if contributions != nil {
			in = contributions[t]
		}
		if transfers != nil {
			in += transfers[t]
		}
		out = benefits[t]
		if costs != nil {
			out += costs[t]
		}
		dst[t] = in - out
	}
	return dst, nil
}

// depletionYear returns the first calendar year startYear + t whose
// reserve at the end, reserveEnd[t], is negative, or 0 if there is none.
func depletionYear(startYear int, reserveEnd []float64) (int, error) {
	for t, r := range reserveEnd {
		if !finiteValue(r) {
			return 0, &SeriesError{Series: "reserve at end", T: t, Year: startYear + t, Value: r, Err: actuarial.ErrNotFinite}
		}
	}
	for t, r := range reserveEnd {
		if r < 0 {
			return startYear + t, nil
		}
	}
	return 0, nil
}

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

// Horizon says over which years and on which basis the horizon indicators
// ([GAP], [ActuarialBalance], [DeficitTransfers], ...) take present values,
// and how the reserve is rolled forward.
//
// Timing, the projection's: year t runs from time t (1 January of calendar
// year StartYear + t) to t+1; the reserve R(t) is at time t; the flows of
// year t are paid at t + τ, τ the offset of Timing (½ by default: paid
// through the year); the fund earns the rate i_t of year t of Curve. The
// reserve then rolls forward as
//
//	R(t+1) = R(t)·(1 + i_t) + N(t)·(1 + i_t)^(1−τ),
//
// N the net cash flow (see [NetCashFlow]); with τ = ½ the investment income
// of the year is R(t)·i_t + N(t)·((1 + i_t)^½ − 1), as the projection
// computes it. Present values are at time 0, discounting each flow of year
// t by v(t + τ) and the reserve at time n by v(n), v the discount factors
// of Curve; discounting at the fund's rate of return is what makes the
// premiums below finance the projected flows exactly.
//
// The zero Horizon covers every year of the series, at the fund's own
// returns ([Flows.Returns]), with mid-year flows, no target reserve and a
// floor of 0: the basis on which the general average premium finances the
// projected flows.
type Horizon struct {
	// Years is the number n of years from t = 0 that the indicators cover,
	// 0 ≤ Years ≤ the length of the series; 0 means all of them.
	Years int
	// Curve holds the fund's annual effective rate of return i_t for each
	// year t, which is also the discount rate. nil means the fund's own
	// returns, [Flows.Returns]; flows without returns then have no basis
	// and the indicators return an error wrapping [ErrHorizon]. Set a
	// Curve to value on another basis (a flat 0%: NewCurve(0)).
	Curve *actuarial.Curve
	// Timing is when the flows of a year are paid; the zero value is
	// MidYear, the projection's convention.
	Timing actuarial.Timing
	// TargetRatio is k ≥ 0, the reserve to hold at the end of the
	// horizon (time n) in years of the expenditure (benefits + costs) of
	// the last year n−1: the target reserve is k·(B(n−1) + E(n−1)). 0 means
	// no target: the reserve may end at 0. The US Social Security Trustees
	// use k = 1 (a year's cost) for the actuarial balance.
	TargetRatio float64
	// Floor is the lowest reserve at the end of a year that the state lets
	// the fund reach ([DeficitTransfers]), in money; it must be finite, and
	// 0 means the reserve is kept from going below zero.
	Floor float64
}

// years returns the number of years the horizon covers out of series of n
// years, or an error for a bad field.
func (h Horizon) years(n int) (int, error) {
	switch {
	case h.Years < 0:
		return 0, fmt.Errorf("actuarial: horizon Years %d is negative: %w", h.Years, ErrHorizon)
	case h.Years > n:
		return 0, fmt.Errorf("actuarial: horizon Years %d is beyond the %d years of the series: %w", h.Years, n, ErrHorizon)
	case !finiteValue(h.TargetRatio) || h.TargetRatio < 0:
		return 0, fmt.Errorf("actuarial: horizon TargetRatio %v: want a finite k ≥ 0: %w", h.TargetRatio, ErrHorizon)
	case !finiteValue(h.Floor):
		return 0, fmt.Errorf("actuarial: horizon Floor %v is not finite: %w", h.Floor, ErrHorizon)
	}
	h.Timing.Offset() // panics for an unknown timing
	if h.Years > 0 {
		return h.Years, nil
	}
	if n == 0 {
		return 0, fmt.Errorf("actuarial: horizon of 0 years: the series are empty: %w", ErrHorizon)
	}
	return n, nil
}

// resolve returns h with its Curve: h's own, or the fund's returns of f
// when h has none.
func (h Horizon) resolve(f *Flows) (Horizon, error) {
	if h.Curve != nil {
		return h, nil
	}
	if f.Returns == nil {
		return h, fmt.Errorf("actuarial: horizon without a Curve and flows without Returns: no basis to discount on: %w", ErrHorizon)
	}
	for t, r := range f.Returns {
		if !finiteValue(r) || r <= -1 {
			return h, f.dated(&SeriesError{Series: "returns", T: t, Value: r, Err: actuarial.ErrRate})
		}
	}
	c, err := actuarial.NewCurve(f.Returns...)
	if err != nil {
		return h, err
	}
	h.Curve = c
	return h, nil
}

// pv returns the present value of s[:n] on h's basis; a nil s is 0.
func (h Horizon) pv(s []float64, n int) float64 {
	if s == nil {
		return 0
	}
	return h.Curve.PresentValue(s[:n], h.Timing)
}

// growth returns 1 + i_t and (1 + i_t)^(1−τ), the factors by which the
// reserve at the start of year t and the flows of year t accumulate to its
// end.
func (h Horizon) growth(t int) (start, flow float64) {
	g := 1 + h.Curve.Rate(t)
	switch h.Timing {
	case actuarial.StartOfYear:
		return g, g
	case actuarial.MidYear:
		return g, math.Sqrt(g)
	}
	return g, 1
}

// costPVs holds the present values over a horizon of n years that the
// premiums share: the salary bill, the expenditure and the target reserve.
type costPVs struct {
	n                         int
	salary, outgo, endReserve float64
}

// costValues checks the series and returns their present values on h.
func costValues(salaryBill, benefits, costs []float64, h Horizon) (costPVs, error) {
	n := len(salaryBill)
	for _, o := range [...]seriesArg{reqSeries("salary bill", salaryBill, true), reqSeries("benefits", benefits, false), optSeries("costs", costs)} {
		if err := o.check("salary bill", n); err != nil {
			return costPVs{}, err
		}
	}
	years, err := h.years(n)
	if err != nil {
		return costPVs{}, err
	}
	p := costPVs{n: years, salary: h.pv(salaryBill, years), outgo: h.pv(benefits, years) + h.pv(costs, years)}
	if p.salary == 0 {
		return costPVs{}, &SeriesError{Series: "salary bill", T: -1, Value: 0, Err: ErrZeroDivisor}
	}
	if h.TargetRatio != 0 {
		last := benefits[years-1]
		if costs != nil {
			last += costs[years-1]
		}
		p.endReserve = h.TargetRatio * last * h.Curve.DiscountFactor(float64(years))
	}
	return p, nil
}

func checkInitialReserve(r float64) error {
	if !finiteValue(r) {
		return &SeriesError{Series: "reserve at start", T: 0, Value: r, Err: actuarial.ErrNotFinite}
	}
	return nil
}

// GAP returns the general average premium over the horizon h: the level
// contribution rate, as a fraction of the insurable salary bill, which,
// paid on the salary bill of every year of the horizon, together with the
// initial reserve R(0), finances the expenditure of the horizon and leaves
// the target reserve at its end (Plamondon et al., Actuarial practice in
// social security, ILO/ISSA, 2002; Iyer, Actuarial mathematics of social
// security pensions, ILO/ISSA, 1999):
//
//	GAP = (PV(B + E) + v(n)·k·(B(n−1) + E(n−1)) − R(0)) / PV(S),
//
// PV the present value at time 0 over the first n years on the basis of h
// (flows at t + τ, mid-year by default), B the benefits, E the
// administration costs (nil: none), S the salary bill, k = h.TargetRatio.
// By construction, contributions GAP·S(t) with no other income roll the
// reserve forward (see [Horizon]) from R(0) to exactly the target at time
// n. Pass initialReserve = 0 for the GAP without the initial reserve,
// PV(B + E)/PV(S) (with the target term if k > 0), which is also the
// summarized cost rate of [SummarizedCostRate]. With a constant salary bill
// and expenditure and no reserve it is the PAYG cost rate at any interest
// rate. It can be negative when the reserve exceeds what the horizon
// needs.
//
// The series must have the same length; values must be finite and the
// salary bill non-negative with a positive present value. Errors name the
// series, year and value.
func gap(salaryBill, benefits, costs []float64, initialReserve float64, h Horizon) (float64, error) {
	p, err := costValues(salaryBill, benefits, costs, h)
	if err != nil {
		return 0, err
	}
	if err := checkInitialReserve(initialReserve); err != nil {
		return 0, err
	}
	return (p.outgo + p.endReserve - initialReserve) / p.salary, nil
}

// SummarizedCostRate returns the summarized cost rate over the horizon h,
// in the manner of the US Social Security Trustees' actuarial balance:
//
//	cost rate = (PV(B + E) + v(n)·k·(B(n−1) + E(n−1))) / PV(S),
//
// the present value of the expenditure plus that of the target reserve at
// the end, over the present value of the salary bill; it equals the [GAP]
// without the initial reserve. See [GAP] for the symbols and the errors.
func summarizedCostRate(salaryBill, benefits, costs []float64, h Horizon) (float64, error) {
	return gap(salaryBill, benefits, costs, 0, h)
}

// SummarizedIncomeRate returns the summarized income rate over the horizon
// h:
//
//	income rate = (R(0) + PV(C + T)) / PV(S),
//
// the initial reserve plus the present value of the non-investment income,
// contributions C and state transfers T (either may be nil: none), over
// the present value of the salary bill S. Investment income is left out:
// discounting at the fund's rate of return accounts for it. The series
// must have the length of the salary bill; see [GAP] for the errors.
func summarizedIncomeRate(salaryBill, contributions, transfers []float64, initialReserve float64, h Horizon) (float64, error) {
	n := len(salaryBill)
	for _, o := range [...]seriesArg{reqSeries("salary bill", salaryBill, true), optSeries("contributions", contributions), optSeries("transfers", transfers)} {
		if err := o.check("salary bill", n); err != nil {
			return 0, err
		}
	}
	if err := checkInitialReserve(initialReserve); err != nil {
		return 0, err
	}
	years, err := h.years(n)
	if err != nil {
		return 0, err
	}
	s := h.pv(salaryBill, years)
	if s == 0 {
		return 0, &SeriesError{Series: "salary bill", T: -1, Value: 0, Err: ErrZeroDivisor}
	}
	return (initialReserve + h.pv(contributions, years) + h.pv(transfers, years)) / s, nil
}

// ActuarialBalance returns the actuarial balance over the horizon h, as the
// US Social Security Trustees define it (Annual Report of the Board of
// Trustees of the OASDI Trust Funds, glossary): the summarized income rate
// less the summarized cost rate,
//
//	AB = (R(0) + PV(C + T) − PV(B + E) − v(n)·k·(B(n−1) + E(n−1))) / PV(S),
//
// as a fraction of the salary bill (the Trustees quote it in per cent of
// taxable payroll, and take k = 1). A negative balance is the level
// increase in the contribution rate, from t = 0 over the whole horizon,
// that would leave the target reserve at its end; if contributions are a
// level rate c of the salary bill and there are no transfers, AB = c − GAP.
// See [SummarizedIncomeRate] and [SummarizedCostRate] for the symbols and
// [GAP] for the errors.
func actuarialBalance(salaryBill, contributions, transfers, benefits, costs []float64, initialReserve float64, h Horizon) (float64, error) {
	p, err := costValues(salaryBill, benefits, costs, h)
	if err != nil {
		return 0, err
	}
	in, err := summarizedIncomeRate(salaryBill, contributions, transfers, initialReserve, h)
	if err != nil {
		return 0, err
	}
	return in - (p.outgo+p.endReserve)/p.salary, nil
}

// RollForward writes into dst the reserve at the end of each of the first n
// years of the horizon h, rolled forward from initialReserve at time 0 with
// the net cash flows net (see [NetCashFlow]) and the fund's returns:
//
//	R(t+1) = R(t)·(1 + i_t) + N(t)·(1 + i_t)^(1−τ),
//
// as [Horizon] describes; dst[t] is R(t+1), the reserve at 31 December of
// year t. Fed the projection's own flows, it reproduces the projection's
// reserve; fed other flows (another contribution rate, say), it gives the
// reserve they would build, without projecting the members again. h must
// have a Curve: there are no flows to take the fund's returns from. It
// allocates only when dst is nil and panics if dst is not nil and
// len(dst) != n.
func RollForward(dst []float64, initialReserve float64, net []float64, h Horizon) ([]float64, error) {
	n, err := rollCheck(initialReserve, net, h)
	if err != nil {
		return nil, err
	}
	dst = actuarial.MakeDst(dst, n)
	r := initialReserve
	for t := range dst {
		gs, gf := h.growth(t)
		r = r*gs + net[t]*gf
		dst[t] = r
	}
	return dst, nil
}

func rollCheck(initialReserve float64, net []float64, h Horizon) (int, error) {
	if h.Curve == nil {
		return 0, fmt.Errorf("actuarial: RollForward needs a Horizon with a Curve (it has no flows to take the fund's returns from): %w", ErrHorizon)
	}
	if err := reqSeries("net cash flow", net, false).check("net cash flow", len(net)); err != nil {
		return 0, err
	}
	if err := checkInitialReserve(initialReserve); err != nil {
		return 0, err
	}
	return h.years(len(net))
}

// DeficitTransfers writes into dst the transfers D(t) the state would have
// to make in each of the first n years of the horizon h to keep the
// reserve at the end of every year at or above h.Floor, and returns them
// with their present value PV(D) at time 0.
//
// The reserve rolls forward from initialReserve with the net cash flows net
// (see [NetCashFlow] and [Horizon]); the transfer of year t is paid with
// the year's flows, at t + τ (mid-year by default), and is the least that
// brings the reserve at the end of the year back to the floor:
//
//	R'(t+1) = R(t)·(1 + i_t) + N(t)·(1 + i_t)^(1−τ)
//	D(t)    = max(0, (Floor − R'(t+1)) / (1 + i_t)^(1−τ))
//	R(t+1)  = R'(t+1) + D(t)·(1 + i_t)^(1−τ)
//
// Its present value is the deficit of the scheme on the projection's
// basis: the value today of what the state would have to pay. With no
// reserve and a constant deficit N(t) = −D from year 0, D(t) = D and
// PV(D) = D·ä_n·v^½ at mid-year timing. The reserve is tested only at the
// end of each year: within a year it may dip below the floor. It allocates
// only when dst is nil and panics if dst is not nil and len(dst) != n.
func deficitTransfers(dst []float64, initialReserve float64, net []float64, h Horizon) (transfers []float64, pv float64, err error) {
	n, err := rollCheck(initialReserve, net, h)
	if err != nil {
		return nil, 0, err
	}
	dst = actuarial.MakeDst(dst, n)
	r := initialReserve
	for t := range dst {
		gs, gf := h.growth(t)
		r = r*gs + net[t]*gf
		var d float64
		if r < h.Floor {
			d = (h.Floor - r) / gf
			r = h.Floor
		}
		dst[t] = d
	}
	return dst, h.Curve.PresentValue(dst, h.Timing), nil
}

// Flows is a projected scheme's year-by-year series: what a projection
// produces, and what [Summarize] and [NewLedger] read. Every series is
// indexed by t, year t being calendar year StartYear + t, and every series
// given (not nil) must have the same length, the number of projected years
// ([Flows.Years]). Flows are money per year, reserves money at a date,
// counts persons.
//
// Timing, as the projection has it: the reserve of year t is
// ReserveStart[t] at 1 January and ReserveEnd[t] at 31 December (equal to
// ReserveStart[t+1]); the year's contributions, benefits, costs and
// transfers are paid through the year, which the indicators take as paid
// at mid-year unless [Horizon.Timing] says otherwise; the reserve rolls
// forward as ReserveEnd = ReserveStart + Contributions + InvestmentIncome +
// Transfers − Benefits − Costs; counts are at 1 January.
//
// The zero Flows has no years.
type Flows struct {
	StartYear int // calendar year of t = 0, whose 1 January is the valuation date

	SalaryBill       []float64 // insurable salary bill of year t (the contribution base), ≥ 0; required by Summarize
	Contributions    []float64 // contributions of year t from all payers; nil: none
	Benefits         []float64 // benefits paid in year t: pensions of all types, refunds, lump sums; required by Summarize
	Costs            []float64 // administration costs of year t; nil: none
	Transfers        []float64 // transfers from the state into the fund in year t (subsidies); nil: none
	InvestmentIncome []float64 // investment income of the reserve in year t; nil: none
	Returns          []float64 // the fund's annual effective rate of return in year t, a fraction: the discount basis of a Horizon without a Curve; nil: none
	ReserveStart     []float64 // reserve at 1 January of year t; required by Summarize and NewLedger
	ReserveEnd       []float64 // reserve at 31 December of year t; required by Summarize; NewLedger checks its closing balances against it when given

	Actives          []float64 // contributors (active members) at 1 January of year t, ≥ 0; nil: no support or dependency ratio
	Pensioners       []float64 // pensioners of all types at 1 January of year t, ≥ 0; nil: no support or dependency ratio
	NewPensions      []float64 // total annual amount of the pensions awarded in year t whose replacement rate is wanted (a projection's: old-age and early), ≥ 0; nil: no replacement rate
	RetiringSalaries []float64 // total annual salary (final or reference) of the members awarded them (a projection's: final), ≥ 0, 0 only in a year without new pensions; nil: no replacement rate

	AccruedLiability float64 // the closed group's accrued liability at t = 0, a valuation's result, ≥ 0; 0: no funding ratio
}

// series returns the series of f in field order, with their names and
// whether they must not be negative.
func (f *Flows) series() [13]seriesArg {
	return [13]seriesArg{
		{"salary bill", f.SalaryBill, true, false},
		{"contributions", f.Contributions, false, false},
		{"benefits", f.Benefits, false, false},
		{"costs", f.Costs, false, false},
		{"transfers", f.Transfers, false, false},
		{"investment income", f.InvestmentIncome, false, false},
		{"returns", f.Returns, false, false},
		{"reserve at start", f.ReserveStart, false, false},
		{"reserve at end", f.ReserveEnd, false, false},
		{"actives", f.Actives, true, false},
		{"pensioners", f.Pensioners, true, false},
		{"new pensions", f.NewPensions, true, false},
		{"retiring salaries", f.RetiringSalaries, true, false},
	}
}

// Years returns the number of projected years: the length of the first
// series given, in field order; 0 if none is.
func (f *Flows) Years() int {
	for _, s := range f.series() {
		if s.v != nil {
			return len(s.v)
		}
	}
	return 0
}

// Validate checks that every series given has [Flows.Years] values, all
// finite, and that salary bills, counts, new pensions, retiring salaries
// and the accrued liability are not negative. The error names the series,
// the year and the value: a [*SeriesError], or an error wrapping
// [ErrLength].
func (f *Flows) Validate() error {
	all := f.series()
	n, ref := 0, ""
	for _, s := range all {
		if s.v != nil {
			n, ref = len(s.v), s.name
			break
		}
	}
	for _, s := range all {
		if err := s.check(ref, n); err != nil {
			return f.dated(err)
		}
	}
	switch l := f.AccruedLiability; {
	case !finiteValue(l):
		return fmt.Errorf("actuarial: accrued liability %v: %w", l, actuarial.ErrNotFinite)
	case l < 0:
		return fmt.Errorf("actuarial: accrued liability %v: %w", l, actuarial.ErrNegative)
	}
	return nil
}

// dated sets the calendar year of a *SeriesError's year index.
func (f *Flows) dated(err error) error {
	var se *SeriesError
	if f.StartYear != 0 && errors.As(err, &se) && se.T >= 0 {
		se.Year = f.StartYear + se.T
	}
	return err
}

// Undefined says which indicators of a [Summary] the flows cannot give: a
// ratio whose denominator is 0 (a scheme with no actives, a closed legacy
// scheme paying pensions only, has no salary bill; one without actives has
// no dependency ratio) or whose input is absent. An undefined series is
// empty (length 0) and an undefined scalar is 0, never NaN: test the flag
// before reading the value. The zero value: every indicator defined.
type Undefined struct {
	// SalaryRates: the salary bill is 0 in some year of the horizon (or
	// over the whole of it). PAYGCostRate is then empty, and when its
	// present value is 0 (no salaries at all) GAP, GAPWithoutReserve,
	// IncomeRate, CostRate and ActuarialBalance are 0 too, and
	// SalaryScalars is set.
	SalaryRates   bool
	SalaryScalars bool
	// SupportRatio: Flows.Actives or Flows.Pensioners absent, or no
	// pensioners in some year. DependencyRatio likewise with no actives.
	SupportRatio, DependencyRatio bool
	// ReplacementRate: Flows.NewPensions or Flows.RetiringSalaries absent.
	ReplacementRate bool
	// FundingRatio: no accrued liability given (Flows.AccruedLiability 0).
	FundingRatio bool
}

// Summary holds the indicators of a projection over a [Horizon], as
// [Summarize] computes them. By-year series are indexed by t over the n
// years of the horizon (year t is calendar year StartYear + t); a series
// the inputs cannot give is empty (length 0) and Undefined says so. The
// indicators that need no salaries (reserve ratios, net cash flow, deficit
// transfers and their present value, depletion, funding ratio) are given
// whether or not there are actives.
type Summary struct {
	StartYear int // calendar year of t = 0
	Years     int // n, the years of the horizon

	// Undefined lists the indicators the flows cannot give.
	Undefined Undefined

	// By year.
	PAYGCostRate      []float64 // (B + E)/S, see PAYGCostRate
	ReserveRatio      []float64 // reserve at 31 December over the year's expenditure, the ILO's reserve ratio; see ReserveRatio (negative once the reserve is exhausted: compare reserves then, not ratios)
	StartReserveRatio []float64 // reserve at 1 January over the year's expenditure (the US trust fund ratio)
	SupportRatio      []float64 // actives per pensioner; empty without Flows.Actives and Flows.Pensioners
	DependencyRatio   []float64 // pensioners per active; empty as SupportRatio
	ReplacementRate   []float64 // of the new pensions, see ReplacementRate; 0 in a year without them; empty without Flows.NewPensions and Flows.RetiringSalaries
	NetCashFlow       []float64 // C + T − B − E, see NetCashFlow
	DeficitTransfers  []float64 // the state's transfers to keep the reserve at or above Horizon.Floor, see DeficitTransfers

	// Over the horizon, as fractions of the salary bill unless said.
	GAP               float64 // general average premium with the initial reserve and the target end reserve, see GAP
	GAPWithoutReserve float64 // general average premium without the initial reserve (equal to CostRate)
	IncomeRate        float64 // summarized income rate, see SummarizedIncomeRate
	CostRate          float64 // summarized cost rate, see SummarizedCostRate
	ActuarialBalance  float64 // IncomeRate − CostRate, see ActuarialBalance
	DeficitPV         float64 // present value at t = 0 of DeficitTransfers, in money
	FundingRatio      float64 // reserve at t = 0 over Flows.AccruedLiability; 0 when no liability is given
	DepletionYear     int     // the first calendar year whose reserve at the end is negative; 0: the reserve lasts through the horizon (see [DepletionYear])
}

// zeroIn reports whether some value of s is 0.
func zeroIn(s []float64) bool {
	for _, x := range s {
		if x == 0 {
			return true
		}
	}
	return false
}

// reuseN returns s[:n], reusing s if its capacity allows.
func reuseN(s []float64, n int) []float64 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]float64, n)
}

// headN returns s[:n], or nil for a nil s.
func headN(s []float64, n int) []float64 {
	if s == nil {
		return nil
	}
	return s[:n]
}

// Summarize computes every indicator of f over the horizon h in one call,
// into dst if it is not nil (reusing its slices when they are large
// enough: summarizing projections of the same length again allocates
// nothing) or into a new Summary, and returns it.
//
// f must have the salary bill, benefits and reserves at start and at end;
// optional series that are absent leave their indicators empty. A ratio
// whose denominator is 0 (no salary bill in a year, a scheme without
// actives) does not fail the summary: its indicator is left empty (or 0)
// and flagged in Summary.Undefined, while the indicators that need no
// salaries are computed; the reserve ratios still need expenditure in
// every year. A year in
// which no pension is awarded (new pensions and retiring salaries both 0:
// nobody eligible, or a closed group that has died out) has no replacement
// rate; Summarize gives it 0, so that one such year does not take the
// others' away. The initial
// reserve is f.ReserveStart[0]; the depletion year looks at f.ReserveEnd,
// the projected reserve (after any transfers the projection made). Errors
// are those of [Flows.Validate] and of the indicators, with the calendar
// year set in a [*SeriesError]; on error dst may be partly written.
func Summarize(dst *Summary, f *Flows, h Horizon) (*Summary, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	all := f.Years()
	n, err := h.years(all)
	if err != nil {
		return nil, err
	}
	if h, err = h.resolve(f); err != nil {
		return nil, err
	}
	for _, o := range [...]seriesArg{reqSeries("salary bill", f.SalaryBill, true), reqSeries("benefits", f.Benefits, false),
		reqSeries("reserve at start", f.ReserveStart, false), reqSeries("reserve at end", f.ReserveEnd, false)} {
		if o.v == nil {
			return nil, seriesLengthError(o.name, 0, "the flows", all)
		}
	}
	if dst == nil {
		dst = new(Summary)
	}
	s := dst
	s.StartYear, s.Years = f.StartYear, n
	sal, ben, cost := f.SalaryBill[:n], f.Benefits[:n], headN(f.Costs, n)
	contrib, transf := headN(f.Contributions, n), headN(f.Transfers, n)
	r0 := f.ReserveStart[0]
	h.Years = n

	s.Undefined = Undefined{}
	s.PAYGCostRate = s.PAYGCostRate[:0]
	if zeroIn(sal) {
		s.Undefined.SalaryRates = true
	} else if s.PAYGCostRate, err = paygCostRate(reuseN(s.PAYGCostRate, n), sal, ben, cost); err != nil {
		return nil, f.dated(err)
	}
	if s.ReserveRatio, err = reserveRatio(reuseN(s.ReserveRatio, n), f.ReserveEnd[:n], ben, cost); err != nil {
		return nil, f.dated(err)
	}
	if s.StartReserveRatio, err = reserveRatio(reuseN(s.StartReserveRatio, n), f.ReserveStart[:n], ben, cost); err != nil {
		return nil, f.dated(err)
	}
	s.SupportRatio, s.DependencyRatio = s.SupportRatio[:0], s.DependencyRatio[:0]
	counts := f.Actives != nil && f.Pensioners != nil
	s.Undefined.SupportRatio = !counts || zeroIn(f.Pensioners[:n])
	s.Undefined.DependencyRatio = !counts || zeroIn(f.Actives[:n])
	if !s.Undefined.SupportRatio {
		if s.SupportRatio, err = supportRatio(reuseN(s.SupportRatio, n), f.Actives[:n], f.Pensioners[:n]); err != nil {
			return nil, f.dated(err)
		}
	}
	if !s.Undefined.DependencyRatio {
		if s.DependencyRatio, err = dependencyRatio(reuseN(s.DependencyRatio, n), f.Pensioners[:n], f.Actives[:n]); err != nil {
			return nil, f.dated(err)
		}
	}
	s.ReplacementRate = s.ReplacementRate[:0]
	s.Undefined.ReplacementRate = f.NewPensions == nil || f.RetiringSalaries == nil
	if !s.Undefined.ReplacementRate {
		if s.ReplacementRate, err = awardRates(reuseN(s.ReplacementRate, n), f.NewPensions, f.RetiringSalaries); err != nil {
			return nil, f.dated(err)
		}
	}
	if s.NetCashFlow, err = netCashFlow(reuseN(s.NetCashFlow, n), contrib, transf, ben, cost); err != nil {
		return nil, f.dated(err)
	}
	if s.DeficitTransfers, s.DeficitPV, err = deficitTransfers(reuseN(s.DeficitTransfers, n), r0, s.NetCashFlow, h); err != nil {
		return nil, f.dated(err)
	}

	s.GAP, s.CostRate, s.GAPWithoutReserve, s.IncomeRate, s.ActuarialBalance = 0, 0, 0, 0, 0
	if p, err := costValues(sal, ben, cost, h); errors.Is(err, ErrZeroDivisor) {
		s.Undefined.SalaryRates, s.Undefined.SalaryScalars = true, true
	} else if err != nil {
		return nil, err
	} else {
		s.GAP = (p.outgo + p.endReserve - r0) / p.salary
		s.CostRate = (p.outgo + p.endReserve) / p.salary
		s.GAPWithoutReserve = s.CostRate
		s.IncomeRate = (r0 + h.pv(contrib, n) + h.pv(transf, n)) / p.salary
		s.ActuarialBalance = s.IncomeRate - s.CostRate
	}

	s.FundingRatio = 0
	s.Undefined.FundingRatio = f.AccruedLiability == 0
	if f.AccruedLiability > 0 {
		s.FundingRatio = r0 / f.AccruedLiability
	}
	s.DepletionYear, _ = depletionYear(f.StartYear, f.ReserveEnd[:n]) // values checked by Validate
	return s, nil
}

// The indicators of one kind, from the series of a [Flows] they need. Each
// checks those series (same length, finite, counts and salaries not
// negative) and names the series, calendar year and value of a bad one in a
// [*SeriesError]. Functions that take dst follow the destination rule of
// package actuarial.

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

// initialReserve is R(0), f.ReserveStart[0], or 0 without reserves.
func (f *Flows) initialReserve() float64 {
	if len(f.ReserveStart) == 0 {
		return 0
	}
	return f.ReserveStart[0]
}

// GAP returns the general average premium over the horizon h: the level
// contribution rate, as a fraction of the insurable salary bill, which,
// paid on the salary bill of every year of the horizon, together with the
// initial reserve R(0) = f.ReserveStart[0] (0 without reserves), finances
// the expenditure of the horizon and leaves the target reserve at its end
// (Plamondon et al., Actuarial practice in social security, ILO/ISSA, 2002;
// Iyer, Actuarial mathematics of social security pensions, ILO/ISSA, 1999):
//
//	GAP = (PV(B + E) + v(n)·k·(B(n−1) + E(n−1)) − R(0)) / PV(S),
//
// PV the present value at time 0 over the first n years on the basis of h
// (flows at t + τ, mid-year by default), B the benefits, E the
// administration costs (nil: none), S the salary bill, k = h.TargetRatio.
// By construction, contributions GAP·S(t) with no other income roll the
// reserve forward (see [Horizon]) from R(0) to exactly the target at time
// n. Without the initial reserve it is [SummarizedCostRate]. With a
// constant salary bill and expenditure and no reserve it is the PAYG cost
// rate at any interest rate. It can be negative when the reserve exceeds
// what the horizon needs.
func GAP(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	g, err := gap(f.SalaryBill, f.Benefits, f.Costs, f.initialReserve(), h)
	return g, f.dated(err)
}

// SummarizedCostRate returns the summarized cost rate over the horizon h,
// in the manner of the US Social Security Trustees' actuarial balance:
//
//	cost rate = (PV(B + E) + v(n)·k·(B(n−1) + E(n−1))) / PV(S),
//
// the present value of the expenditure plus that of the target reserve at
// the end, over the present value of the salary bill; it equals the [GAP]
// without the initial reserve. See [GAP] for the symbols.
func SummarizedCostRate(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	c, err := summarizedCostRate(f.SalaryBill, f.Benefits, f.Costs, h)
	return c, f.dated(err)
}

// SummarizedIncomeRate returns the summarized income rate over the horizon
// h:
//
//	income rate = (R(0) + PV(C + T)) / PV(S),
//
// the initial reserve plus the present value of the non-investment income,
// contributions C and state transfers T (either may be nil: none), over
// the present value of the salary bill S. Investment income is left out:
// discounting at the fund's rate of return accounts for it.
func SummarizedIncomeRate(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	r, err := summarizedIncomeRate(f.SalaryBill, f.Contributions, f.Transfers, f.initialReserve(), h)
	return r, f.dated(err)
}

// ActuarialBalance returns the actuarial balance over the horizon h, as the
// US Social Security Trustees define it (Annual Report of the Board of
// Trustees of the OASDI Trust Funds, glossary): the summarized income rate
// less the summarized cost rate,
//
//	AB = (R(0) + PV(C + T) − PV(B + E) − v(n)·k·(B(n−1) + E(n−1))) / PV(S),
//
// as a fraction of the salary bill (the Trustees quote it in per cent of
// taxable payroll, and take k = 1). A negative balance is the level
// increase in the contribution rate, from t = 0 over the whole horizon,
// that would leave the target reserve at its end; if contributions are a
// level rate c of the salary bill and there are no transfers, AB = c − GAP.
func ActuarialBalance(f *Flows, h Horizon) (float64, error) {
	h, err := h.resolve(f)
	if err != nil {
		return 0, err
	}
	b, err := actuarialBalance(f.SalaryBill, f.Contributions, f.Transfers, f.Benefits, f.Costs, f.initialReserve(), h)
	return b, f.dated(err)
}

// DeficitTransfers writes into dst the transfers D(t) the state would have
// to make in each of the first n years of the horizon h to keep the reserve
// at the end of every year at or above h.Floor, and returns them with their
// present value PV(D) at time 0.
//
// The reserve rolls forward from R(0) = f.ReserveStart[0] with the net cash
// flows of f (see [NetCashFlow] and [Horizon]); the transfer of year t is
// paid with the year's flows, at t + τ (mid-year by default), and is the
// least that brings the reserve at the end of the year back to the floor:
//
//	R'(t+1) = R(t)·(1 + i_t) + N(t)·(1 + i_t)^(1−τ)
//	D(t)    = max(0, (Floor − R'(t+1)) / (1 + i_t)^(1−τ))
//	R(t+1)  = R'(t+1) + D(t)·(1 + i_t)^(1−τ)
//
// Its present value is the deficit of the scheme on the projection's basis:
// the value today of what the state would have to pay. With no reserve and
// a constant deficit N(t) = −D from year 0, D(t) = D and PV(D) = D·ä_n·v^½ at
// mid-year timing. The reserve is tested only at the end of each year:
// within a year it may dip below the floor. dst has the horizon's length.
func DeficitTransfers(dst []float64, f *Flows, h Horizon) (transfers []float64, pv float64, err error) {
	if h, err = h.resolve(f); err != nil {
		return nil, 0, err
	}
	net, err := netCashFlow(nil, f.Contributions, f.Transfers, f.Benefits, f.Costs)
	if err != nil {
		return nil, 0, f.dated(err)
	}
	dst, pv, err = deficitTransfers(dst, f.initialReserve(), net, h)
	return dst, pv, f.dated(err)
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
