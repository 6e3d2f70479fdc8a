// Measures of a run's outcomes, with their Monte Carlo standard errors.

package stochastic

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// DefaultPercentiles are the percentiles of [Outcomes.Percentiles] when none
// are asked: the 5th, 25th, 50th, 75th and 95th.
var DefaultPercentiles = []float64{0.05, 0.25, 0.50, 0.75, 0.95}

// Estimate is a Monte Carlo estimate and its standard error.
type Estimate struct {
	Value  float64
	StdErr float64
}

// Measure is a by-year series of [Outcomes].
type Measure int

// The by-year measures.
const (
	Reserve          Measure = iota // reserve at 31 December, money
	ReserveRatio                    // reserve over the year's expenditure, years
	CostRate                        // PAYG cost rate, a fraction of the salary bill
	DeficitTransfers                // the state's deficit transfers, money
)

func (m Measure) String() string {
	switch m {
	case Reserve:
		return "reserve"
	case ReserveRatio:
		return "reserve ratio"
	case CostRate:
		return "PAYG cost rate"
	case DeficitTransfers:
		return "deficit transfers"
	}
	return fmt.Sprintf("Measure(%d)", int(m))
}

func (o *Outcomes) series(m Measure) []float64 {
	switch m {
	case Reserve:
		return o.Reserve
	case ReserveRatio:
		return o.ReserveRatio
	case CostRate:
		return o.CostRate
	case DeficitTransfers:
		return o.DeficitTransfers
	}
	panic(fmt.Sprintf("stochastic: unknown %v", m))
}

// Band is one percentile of a measure, year by year.
type Band struct {
	P      float64   // the percentile, a fraction
	Value  []float64 // by year t
	StdErr []float64 // the standard error of each value
}

// Percentiles returns the percentiles ps (fractions in (0, 1); nil:
// DefaultPercentiles) of measure m in each year, over the scenarios, with
// their standard errors (see the package documentation), in m's units
// (money, years of expenditure or a fraction of the salary bill; see
// [Measure]). It returns an
// *UndefinedError when m is NaN for some scenario and year, and a
// *ParamError for a percentile outside (0, 1).
func (o *Outcomes) Percentiles(m Measure, ps []float64) ([]Band, error) {
	if ps == nil {
		ps = DefaultPercentiles
	}
	if err := checkLevels("percentile", ps); err != nil {
		return nil, err
	}
	if o.Len() == 0 {
		return nil, fmt.Errorf("stochastic: Percentiles of no scenarios: %w", ErrUndefined)
	}
	s := o.series(m)
	bands := make([]Band, len(ps))
	for j, p := range ps {
		bands[j] = Band{P: p, Value: make([]float64, o.Years), StdErr: make([]float64, o.Years)}
	}
	col := make([]float64, o.Len())
	for t := range o.Years {
		for k := range col {
			v := s[k*o.Years+t]
			if math.IsNaN(v) {
				return nil, &UndefinedError{Measure: m.String(), Scenario: o.First + k, Year: o.StartYear + t}
			}
			col[k] = v
		}
		slices.Sort(col)
		for j, p := range ps {
			e := quantile(col, p)
			bands[j].Value[t], bands[j].StdErr[t] = e.Value, e.StdErr
		}
	}
	return bands, nil
}

func checkLevels(name string, ps []float64) error {
	for i, p := range ps {
		if !(p > 0 && p < 1) {
			return paramErr(fmt.Sprintf("%s %d", name, i), p, "want a fraction in (0, 1)")
		}
	}
	return nil
}

// quantile is the empirical p-quantile of sorted x with its standard error:
// half the width of the order-statistic interval of ranks N·p ± √(N·p·(1−p)).
func quantile(x []float64, p float64) Estimate {
	lo, hi := rankInterval(len(x), p, 1)
	return Estimate{Value: stat.Quantile(p, stat.Empirical, x, nil), StdErr: (x[hi] - x[lo]) / 2}
}

// rankInterval returns the 0-based ranks of the order statistics bounding
// the distribution-free confidence interval of the p-quantile of n values,
// z binomial standard deviations either side of n·p (the normal
// approximation to the binomial count of values below the quantile;
// Conover, 1999, §3.2), clamped to the sample.
func rankInterval(n int, p, z float64) (lo, hi int) {
	np := float64(n) * p
	d := z * math.Sqrt(np*(1-p))
	// 1-based ranks ⌊np − d⌋ and ⌈np + d⌉, as 0-based indices.
	lo = int(math.Floor(np-d)) - 1
	hi = int(math.Ceil(np+d)) - 1
	return max(lo, 0), min(hi, n-1)
}

// QuantileInterval returns the distribution-free confidence interval of
// the p-quantile (p a fraction) of the sorted values x, in x's units, at z
// binomial standard deviations
// (z = 3.29 for 99.9%): the order statistics of ranks ⌊N·p − z·√(N·p·(1−p))⌋
// and ⌈N·p + z·√(N·p·(1−p))⌉, clamped to the sample. x must be sorted and
// not empty.
func QuantileInterval(x []float64, p, z float64) (lo, hi float64) {
	a, b := rankInterval(len(x), p, z)
	return x[a], x[b]
}

// probability is the share k/n with its binomial standard error.
func probability(k, n int) Estimate {
	p := float64(k) / float64(n)
	return Estimate{Value: p, StdErr: math.Sqrt(p * (1 - p) / float64(n))}
}

// Exhaustion writes into dst, for each year t (calendar StartYear + t), the
// probability (a fraction) that the reserve is exhausted in year t or
// before (its reserve at 31 December negative in some year up to t), with
// its binomial standard error √(p̂(1−p̂)/N), and returns it. It allocates
// only when dst is nil, and panics when len(dst) is not Years.
func (o *Outcomes) Exhaustion(dst []Estimate) []Estimate {
	if dst == nil {
		dst = make([]Estimate, o.Years)
	} else if len(dst) != o.Years {
		panic(fmt.Sprintf("stochastic: Exhaustion: len(dst) = %d for %d years", len(dst), o.Years))
	}
	clear(dst)
	for _, d := range o.Depletion {
		if d != 0 {
			dst[d-o.StartYear].Value++ // a count until the loop below
		}
	}
	k := 0
	for t := range dst {
		k += int(dst[t].Value)
		dst[t] = probability(k, o.Len())
	}
	return dst
}

// ExhaustionBy returns the probability (a fraction) that the reserve is
// exhausted in calendar year year or before, with its standard error; years outside the
// projection are those before its first year (probability 0) or after its
// last (the probability by the last year).
func (o *Outcomes) ExhaustionBy(year int) Estimate {
	k := 0
	for _, d := range o.Depletion {
		if d != 0 && d <= year {
			k++
		}
	}
	return probability(k, o.Len())
}

// DepletionCounts writes into counts the distribution of the depletion
// year, counts[t] scenarios exhausting the reserve in year t (calendar
// StartYear + t), and returns it with the number of scenarios that do not
// within the projected years. It allocates only when counts is nil, and
// panics when len(counts) is not Years.
func (o *Outcomes) DepletionCounts(counts []int) (_ []int, never int) {
	if counts == nil {
		counts = make([]int, o.Years)
	} else if len(counts) != o.Years {
		panic(fmt.Sprintf("stochastic: DepletionCounts: len(counts) = %d for %d years", len(counts), o.Years))
	}
	clear(counts)
	for _, d := range o.Depletion {
		if d == 0 {
			never++
			continue
		}
		counts[d-o.StartYear]++
	}
	return counts, never
}

// DepletionPercentile returns the p-percentile of the depletion year, with
// its standard error in years, counting scenarios not exhausted within the
// projection as exhausted after it; ok is false when that percentile lies
// beyond the projection (fewer than p·N scenarios exhaust the reserve).
func (o *Outcomes) DepletionPercentile(p float64) (e Estimate, ok bool, err error) {
	if err := checkLevels("percentile", []float64{p}); err != nil {
		return Estimate{}, false, err
	}
	beyond := float64(o.StartYear + o.Years)
	x := make([]float64, o.Len())
	for k, d := range o.Depletion {
		x[k] = float64(d)
		if d == 0 {
			x[k] = beyond
		}
	}
	slices.Sort(x)
	e = quantile(x, p)
	return e, e.Value < beyond, nil
}

// HorizonMeasure is a measure over the horizon of [Outcomes], one value per
// scenario.
type HorizonMeasure int

// The measures over the horizon; larger is worse for both.
const (
	GAP       HorizonMeasure = iota // general average premium, a fraction of the salary bill
	DeficitPV                       // present value of the deficit transfers, money
)

func (m HorizonMeasure) String() string {
	switch m {
	case GAP:
		return "GAP"
	case DeficitPV:
		return "deficit PV"
	}
	return fmt.Sprintf("HorizonMeasure(%d)", int(m))
}

// sorted returns the sorted values of m, or an *UndefinedError.
func (o *Outcomes) sorted(m HorizonMeasure) ([]float64, error) {
	var s []float64
	switch m {
	case GAP:
		s = o.GAP
	case DeficitPV:
		s = o.DeficitPV
	default:
		panic(fmt.Sprintf("stochastic: unknown %v", m))
	}
	if len(s) == 0 {
		return nil, fmt.Errorf("stochastic: %v of no scenarios: %w", m, ErrUndefined)
	}
	for k, v := range s {
		if math.IsNaN(v) {
			return nil, &UndefinedError{Measure: m.String(), Scenario: o.First + k}
		}
	}
	x := slices.Clone(s)
	slices.Sort(x)
	return x, nil
}

// Distribution returns the percentiles ps (fractions; nil:
// DefaultPercentiles) of measure m over the scenarios, with standard
// errors, and its mean with the standard error s/√N, all in m's units (a
// fraction of the salary bill for the GAP, money for the deficit's PV).
func (o *Outcomes) Distribution(m HorizonMeasure, ps []float64) (pcts []Estimate, mean Estimate, err error) {
	if ps == nil {
		ps = DefaultPercentiles
	}
	if err := checkLevels("percentile", ps); err != nil {
		return nil, Estimate{}, err
	}
	x, err := o.sorted(m)
	if err != nil {
		return nil, Estimate{}, err
	}
	pcts = make([]Estimate, len(ps))
	for j, p := range ps {
		pcts[j] = quantile(x, p)
	}
	mu, sd := stat.MeanStdDev(x, nil)
	return pcts, Estimate{Value: mu, StdErr: sd / math.Sqrt(float64(len(x)))}, nil
}

// Risk is the tail of a loss at one level.
type Risk struct {
	Level float64  // α, a fraction in (0, 1): 0.95 for the worst 5%
	VaR   Estimate // value at risk: the α-percentile
	CTE   Estimate // conditional tail expectation: the mean of the worst ⌈(1−α)·N⌉ outcomes
}

// Risk returns the value at risk and the conditional tail expectation of
// measure m at each level (fractions in (0, 1)), larger values being worse,
// in m's units (a fraction of the salary bill for the GAP, money for the
// deficit's PV).
// CTE's standard error is Manistre and Hancock's (2005):
// √((s²_tail + α·(CTE − VaR)²) / ⌈(1−α)·N⌉), s²_tail the variance of the
// tail's outcomes.
func (o *Outcomes) Risk(m HorizonMeasure, levels []float64) ([]Risk, error) {
	if err := checkLevels("level", levels); err != nil {
		return nil, err
	}
	x, err := o.sorted(m)
	if err != nil {
		return nil, err
	}
	out := make([]Risk, len(levels))
	for j, a := range levels {
		v := quantile(x, a)
		// ⌈(1−α)·N⌉, forgiving the rounding of 1 − α (1 − 0.95 is
		// 0.050000000000000044).
		k := max(int(math.Ceil((1-a)*float64(len(x))-1e-9)), 1)
		tail := x[len(x)-k:]
		mu, s2 := stat.MeanVariance(tail, nil)
		if k < 2 {
			s2 = 0
		}
		se := math.Sqrt((s2 + a*(mu-v.Value)*(mu-v.Value)) / float64(k))
		out[j] = Risk{Level: a, VaR: v, CTE: Estimate{Value: mu, StdErr: se}}
	}
	return out, nil
}
