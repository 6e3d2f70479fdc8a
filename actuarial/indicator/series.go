// The per-year indicators on plain series, and the checks of a series.

package indicator

import (
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/internal/vec"
)

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
	dst = vec.Dst(dst, n)
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
	dst = vec.Dst(dst, n)
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
