// Summary and Summarize: every indicator of a Flows in one call.

package indicator

import (
	"errors"
)

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

// LastYear returns the calendar year of the horizon's last year,
// StartYear + Years − 1.
func (s *Summary) LastYear() int { return s.StartYear + s.Years - 1 }

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
