// Horizon: the years and basis of the horizon indicators, and the premiums,
// rates and reserve roll-forward computed on it.

package indicator

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/internal/vec"
)

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
	dst = vec.Dst(dst, n)
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
	dst = vec.Dst(dst, n)
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
