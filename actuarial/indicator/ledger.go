// The reserve ledger: a projection's flows as money, in decimal, rounded to
// the cent, reconciled every year.

package indicator

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"

	"github.com/shopspring/decimal"
)

// Sentinel errors of the ledger, wrapped by a [*LedgerError].
var (
	ErrUnbalanced = errors.New("ledger does not balance")                 // an identity of the ledger fails
	ErrNotCents   = errors.New("amount not in whole cents")               // an amount with more than two decimals
	ErrReconcile  = errors.New("flows do not reconcile with the reserve") // NewLedger: the float reserve strays beyond the bound
)

// LedgerRow is one year of a [Ledger]: amounts of money in decimal, each a
// whole number of cents. The zero LedgerRow is a year with nothing in it.
type LedgerRow struct {
	Year             int             // calendar year
	Opening          decimal.Decimal // reserve at 1 January
	Contributions    decimal.Decimal // contributions from all payers during the year
	InvestmentIncome decimal.Decimal // investment income of the year
	Transfers        decimal.Decimal // transfers from the state during the year
	Benefits         decimal.Decimal // benefits paid during the year
	Costs            decimal.Decimal // administration costs of the year
	Closing          decimal.Decimal // reserve at 31 December
}

// balance returns Opening + Contributions + InvestmentIncome + Transfers −
// Benefits − Costs, exactly.
func (r *LedgerRow) balance() decimal.Decimal {
	return r.Opening.Add(r.Contributions).Add(r.InvestmentIncome).Add(r.Transfers).Sub(r.Benefits).Sub(r.Costs)
}

// amounts returns the row's amounts with their names, in column order.
func (r *LedgerRow) amounts() [7]struct {
	name string
	d    decimal.Decimal
} {
	type named = struct {
		name string
		d    decimal.Decimal
	}
	return [7]named{
		{"opening", r.Opening}, {"contributions", r.Contributions}, {"investment income", r.InvestmentIncome},
		{"transfers", r.Transfers}, {"benefits", r.Benefits}, {"costs", r.Costs}, {"closing", r.Closing},
	}
}

// Ledger is the reserve account of a projection, year by year, in money
// rounded to the cent: for every row
//
//	Closing = Opening + Contributions + InvestmentIncome + Transfers − Benefits − Costs
//
// exactly, and each row's Opening is the previous row's Closing. It is
// where the projection's float64 amounts leave the library as money
// ([NewLedger]); [Ledger.Verify] re-checks the identities.
//
// The zero Ledger has no rows and balances.
type Ledger struct {
	Rows []LedgerRow // one per year, in consecutive calendar years
}

// LedgerError reports an identity of a [Ledger] that fails: the year, the
// item and the two amounts that disagree.
type LedgerError struct {
	Year int             // calendar year of the row
	Item string          // "closing", "opening", "year", or the column of an amount not in whole cents ("benefits", ...)
	Got  decimal.Decimal // the amount in the ledger (for "year", the row's year)
	Want decimal.Decimal // what the identity gives: the balance of the row, the previous closing, the float reserve rounded to the cent (ErrReconcile) or the next year
	Err  error           // ErrUnbalanced, ErrNotCents or ErrReconcile
}

func (e *LedgerError) Error() string {
	s := fmt.Sprintf("actuarial: ledger %d: ", e.Year)
	switch {
	case errors.Is(e.Err, ErrNotCents):
		s += fmt.Sprintf("%s %s", e.Item, e.Got)
	case e.Item == "year":
		s += fmt.Sprintf("row of year %s where year %s was due", e.Got, e.Want)
	case errors.Is(e.Err, ErrReconcile):
		where := "end"
		if e.Item == "opening" {
			where = "start"
		}
		s += fmt.Sprintf("%s %s but reserve at %s %s (difference %s)", e.Item, e.Got.StringFixed(2),
			where, e.Want.StringFixed(2), e.Got.Sub(e.Want).StringFixed(2))
	case e.Item == "opening":
		s += fmt.Sprintf("opening %s but closing of %d %s", e.Got.StringFixed(2), e.Year-1, e.Want.StringFixed(2))
	default:
		s += fmt.Sprintf("%s %s but opening + contributions + investment income + transfers − benefits − costs = %s",
			e.Item, e.Got.StringFixed(2), e.Want.StringFixed(2))
	}
	return s + ": " + e.Err.Error()
}

func (e *LedgerError) Unwrap() error { return e.Err }

// cents returns x as money: the shortest decimal that reads back as x
// ([decimal.NewFromFloat]), rounded to the cent half to even
// ([decimal.Decimal.RoundBank]).
func cents(x float64) decimal.Decimal { return decimal.NewFromFloat(x).RoundBank(2) }

// roundoffAllowance is 2⁻⁴⁶, 64 units of float64 roundoff: NewLedger allows
// this much of the magnitudes of the flows and reserves, summed over the
// years, for the roundoff of the float64 projection itself.
const roundoffAllowance = 0x1p-46

// NewLedger builds the ledger of the flows f: each year's reserve at 1
// January, contributions, investment income, transfers, benefits and costs
// (absent series are 0), rounded to the cent; the closing balance of each
// year computed in decimal from them, exactly, and carried to the next
// year's opening. Only the first opening balance, f.ReserveStart[0], is
// taken from the reserves; f.ReserveStart is required.
//
// Each rounding moves an amount by at most half a cent, so the ledger's
// closing balance of year t (t = 0, 1, ...) differs from the float64
// reserve of the projection by at most
//
//	½ cent × (1 + 5·(t+1)) + 2⁻⁴⁶ × Σ_{s≤t} (|R(s)| + |C(s)| + |I(s)| + |T(s)| + |B(s)| + |E(s)|),
//
// half a cent for the opening and for each of the five flows of each year
// so far, plus an allowance of 64 units of float64 roundoff on the
// magnitudes involved for the projection's own arithmetic. NewLedger checks
// this bound against f.ReserveEnd[t] (when given) and against
// f.ReserveStart[t+1]; beyond it the flows do not add up to the reserves,
// and it returns a [*LedgerError] wrapping [ErrReconcile] naming the year
// and the amounts. Other errors are those of [Flows.Validate].
func NewLedger(f *Flows) (*Ledger, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	n := f.Years()
	if f.ReserveStart == nil && n > 0 {
		return nil, seriesLengthError("reserve at start", 0, "the flows", n)
	}
	l := &Ledger{Rows: make([]LedgerRow, n)}
	at := func(s []float64, t int) float64 {
		if s == nil {
			return 0
		}
		return s[t]
	}
	var open decimal.Decimal
	if n > 0 {
		open = cents(f.ReserveStart[0])
	}
	var scale float64 // Σ magnitudes, for the roundoff allowance
	for t := range l.Rows {
		c, i, tr := at(f.Contributions, t), at(f.InvestmentIncome, t), at(f.Transfers, t)
		b, e := at(f.Benefits, t), at(f.Costs, t)
		r := &l.Rows[t]
		r.Year = f.StartYear + t
		r.Opening = open
		r.Contributions, r.InvestmentIncome, r.Transfers = cents(c), cents(i), cents(tr)
		r.Benefits, r.Costs = cents(b), cents(e)
		r.Closing = r.balance()
		open = r.Closing

		scale += math.Abs(f.ReserveStart[t]) + math.Abs(c) + math.Abs(i) + math.Abs(tr) + math.Abs(b) + math.Abs(e)
		bound := decimal.NewFromFloat(0.005*float64(1+5*(t+1)) + roundoffAllowance*scale)
		if f.ReserveEnd != nil {
			if err := reconcile(r.Year, "closing", r.Closing, f.ReserveEnd[t], bound); err != nil {
				return nil, err
			}
		}
		if t+1 < n {
			if err := reconcile(r.Year+1, "opening", r.Closing, f.ReserveStart[t+1], bound); err != nil {
				return nil, err
			}
		}
	}
	return l, nil
}

// reconcile reports a ledger amount got that differs from the float
// reserve x by more than bound.
func reconcile(year int, item string, got decimal.Decimal, x float64, bound decimal.Decimal) error {
	want := decimal.NewFromFloat(x)
	if got.Sub(want).Abs().Cmp(bound) > 0 {
		return &LedgerError{Year: year, Item: item, Got: got, Want: want.RoundBank(2), Err: ErrReconcile}
	}
	return nil
}

// Verify re-checks every identity of the ledger: each amount is a whole
// number of cents; each row's Closing equals Opening + Contributions +
// InvestmentIncome + Transfers − Benefits − Costs exactly; each row's
// Opening equals the previous row's Closing; the years follow one another.
// It returns the first failure as a [*LedgerError] naming the year and the
// amounts, wrapping [ErrNotCents] or [ErrUnbalanced]; nil if the ledger
// balances.
func (l *Ledger) Verify() error {
	for t := range l.Rows {
		r := &l.Rows[t]
		for _, a := range r.amounts() {
			if !a.d.Equal(a.d.Truncate(2)) {
				return &LedgerError{Year: r.Year, Item: a.name, Got: a.d, Want: a.d.RoundBank(2), Err: ErrNotCents}
			}
		}
		if t > 0 {
			prev := &l.Rows[t-1]
			if r.Year != prev.Year+1 {
				return &LedgerError{Year: r.Year, Item: "year", Got: decimal.NewFromInt(int64(r.Year)),
					Want: decimal.NewFromInt(int64(prev.Year) + 1), Err: ErrUnbalanced}
			}
			if !r.Opening.Equal(prev.Closing) {
				return &LedgerError{Year: r.Year, Item: "opening", Got: r.Opening, Want: prev.Closing, Err: ErrUnbalanced}
			}
		}
		if want := r.balance(); !r.Closing.Equal(want) {
			return &LedgerError{Year: r.Year, Item: "closing", Got: r.Closing, Want: want, Err: ErrUnbalanced}
		}
	}
	return nil
}

// Totals returns the ledger summed over its years: the first Opening, the
// sums of the flows, the last Closing, and the last Year. It balances as a
// row does when the ledger does. The zero row is returned for an empty
// ledger.
func (l *Ledger) Totals() LedgerRow {
	var tot LedgerRow
	if len(l.Rows) == 0 {
		return tot
	}
	tot.Opening = l.Rows[0].Opening
	for i := range l.Rows {
		r := &l.Rows[i]
		tot.Contributions = tot.Contributions.Add(r.Contributions)
		tot.InvestmentIncome = tot.InvestmentIncome.Add(r.InvestmentIncome)
		tot.Transfers = tot.Transfers.Add(r.Transfers)
		tot.Benefits = tot.Benefits.Add(r.Benefits)
		tot.Costs = tot.Costs.Add(r.Costs)
	}
	last := &l.Rows[len(l.Rows)-1]
	tot.Year, tot.Closing = last.Year, last.Closing
	return tot
}

// ledgerHeader is the CSV header of [Ledger.WriteCSV].
var ledgerHeader = []string{"year", "opening", "contributions", "investment_income", "transfers", "benefits", "costs", "closing"}

// WriteCSV writes the ledger as CSV: a header line (year, opening,
// contributions, investment_income, transfers, benefits, costs, closing)
// and one line per year, amounts with two decimals and a decimal point.
func (l *Ledger) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ledgerHeader); err != nil {
		return err
	}
	rec := make([]string, len(ledgerHeader))
	for i := range l.Rows {
		r := &l.Rows[i]
		rec[0] = strconv.Itoa(r.Year)
		for j, a := range r.amounts() {
			rec[j+1] = a.d.StringFixed(2)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteText writes the ledger as a text table, columns aligned right, with
// a last line of totals ([Ledger.Totals]).
func (l *Ledger) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "year\topening\tcontributions\tinvestment income\ttransfers\tbenefits\tcosts\tclosing\t\n")
	line := func(year string, r *LedgerRow) {
		fmt.Fprint(tw, year)
		for _, a := range r.amounts() {
			fmt.Fprint(tw, "\t", a.d.StringFixed(2))
		}
		fmt.Fprint(tw, "\t\n")
	}
	for i := range l.Rows {
		line(strconv.Itoa(l.Rows[i].Year), &l.Rows[i])
	}
	if len(l.Rows) > 0 {
		tot := l.Totals()
		line("total", &tot)
	}
	return tw.Flush()
}
