// Differences between regimes run on common random numbers.

package stochastic

import (
	"fmt"
	"math"
)

// paired checks that a and b hold the same scenarios and years.
func paired(a, b *Outcomes) error {
	if a.First != b.First || a.Len() != b.Len() || a.StartYear != b.StartYear || a.Years != b.Years || a.HorizonYears != b.HorizonYears {
		return fmt.Errorf("stochastic: outcomes of scenarios %d..%d from %d (%d years, horizon %d) and %d..%d from %d (%d years, horizon %d) do not pair: %w",
			a.First, a.First+a.Len()-1, a.StartYear, a.Years, a.HorizonYears, b.First, b.First+b.Len()-1, b.StartYear, b.Years, b.HorizonYears, ErrShard)
	}
	if a.Len() == 0 {
		return fmt.Errorf("stochastic: difference of no scenarios: %w", ErrUndefined)
	}
	return nil
}

// meanSE is the mean of d(k), k < n, with its standard error s/√n (s the
// sample standard deviation, 0 for n = 1), by Welford's update.
func meanSE(n int, d func(k int) float64) Estimate {
	var mean, m2 float64
	for k := range n {
		x := d(k)
		delta := x - mean
		mean += delta / float64(k+1)
		m2 += delta * (x - mean)
	}
	if n < 2 {
		return Estimate{Value: mean}
	}
	return Estimate{Value: mean, StdErr: math.Sqrt(m2 / float64(n-1) / float64(n))}
}

// Difference returns the mean over the scenarios of b's horizon measure m
// minus a's, scenario by scenario (in m's units: a fraction of the salary
// bill for the GAP, money for the deficit's PV), with its standard error
// s_d/√N, s_d the standard deviation of the N differences. a and b must
// come from the same scenarios of the same generator ([RunRegimes], or
// [Run] twice with one generator): then the paired differences cancel the
// noise the regimes share, and the error is that of the reform's effect,
// not of two independent means. It returns an error wrapping ErrShard when
// a and b do not cover the same scenarios and years, and an
// *UndefinedError when m is NaN in some scenario.
func Difference(a, b *Outcomes, m HorizonMeasure) (Estimate, error) {
	if err := paired(a, b); err != nil {
		return Estimate{}, err
	}
	var x, y []float64
	switch m {
	case GAP:
		x, y = a.GAP, b.GAP
	case DeficitPV:
		x, y = a.DeficitPV, b.DeficitPV
	default:
		panic(fmt.Sprintf("stochastic: unknown %v", m))
	}
	for k := range x {
		if math.IsNaN(x[k]) || math.IsNaN(y[k]) {
			return Estimate{}, &UndefinedError{Measure: m.String(), Scenario: a.First + k}
		}
	}
	return meanSE(len(x), func(k int) float64 { return y[k] - x[k] }), nil
}

// YearDifference writes into dst, for each year t (calendar StartYear + t),
// the mean over the scenarios of b's by-year measure m minus a's, scenario
// by scenario, in m's units, with its standard error s_d/√N, and returns
// it (see [Difference]). It allocates only when dst is nil, and panics when
// len(dst) is not Years. Errors are Difference's.
func YearDifference(dst []Estimate, a, b *Outcomes, m Measure) ([]Estimate, error) {
	if dst == nil {
		dst = make([]Estimate, a.Years)
	} else if len(dst) != a.Years {
		panic(fmt.Sprintf("stochastic: YearDifference: len(dst) = %d for %d years", len(dst), a.Years))
	}
	if err := paired(a, b); err != nil {
		return dst, err
	}
	x, y := a.series(m), b.series(m)
	n := a.Years
	for t := range dst {
		for k := range a.Len() {
			if math.IsNaN(x[k*n+t]) || math.IsNaN(y[k*n+t]) {
				return dst, &UndefinedError{Measure: m.String(), Scenario: a.First + k, Year: a.StartYear + t}
			}
		}
		dst[t] = meanSE(a.Len(), func(k int) float64 { return y[k*n+t] - x[k*n+t] })
	}
	return dst, nil
}

// ExhaustionDifference returns b's probability that the reserve is
// exhausted in calendar year year or before minus a's (a difference of
// fractions), with the paired standard error s_d/√N of the scenarios'
// differences of indicators (each −1, 0 or 1). Errors are Difference's.
func ExhaustionDifference(a, b *Outcomes, year int) (Estimate, error) {
	if err := paired(a, b); err != nil {
		return Estimate{}, err
	}
	by := func(d int) float64 {
		if d != 0 && d <= year {
			return 1
		}
		return 0
	}
	return meanSE(a.Len(), func(k int) float64 { return by(b.Depletion[k]) - by(a.Depletion[k]) }), nil
}
