// Flows: a projected scheme's year-by-year series.

package indicator

import (
	"errors"
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
)

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
	if err == nil {
		return nil // (without the allocation of errors.As's target)
	}
	var se *SeriesError
	if f.StartYear != 0 && errors.As(err, &se) && se.T >= 0 {
		se.Year = f.StartYear + se.T
	}
	return err
}

// initialReserve is R(0), f.ReserveStart[0], or 0 without reserves.
func (f *Flows) initialReserve() float64 {
	if len(f.ReserveStart) == 0 {
		return 0
	}
	return f.ReserveStart[0]
}
