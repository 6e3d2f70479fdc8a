// The funding ratio by year, and the probability that the contribution
// needed exceeds a rate.

package stochastic

import (
	"fmt"
	"math"
)

// FundingRatio returns the percentiles ps (fractions in (0, 1); nil:
// DefaultPercentiles) of the funding ratio in each year, with their
// standard errors. The funding ratio of year t is FR_t = R_t / L_t, a
// fraction (1: fully funded): R_t the scenario's reserve at 31 December of
// year t, L_t the closed group's accrued liability that the caller
// supplies, in the same money units, and the same in every scenario (a
// valuation basis of its own, not the scenario's returns):
//
//   - len(liability) = Years: liability[t] is L_t, the accrued liability at
//     31 December of year t (calendar StartYear + t);
//   - len(liability) = 1: liability[0] is the liability at the valuation
//     date (the PUC liability of projection.ClosedGroupLiability plus its
//     Pensioners, say) used in every year, so that FR_t is the reserve in
//     units of the initial liability.
//
// As L_t does not vary with the scenario, the p-percentile of FR_t is the
// reserve's p-percentile over L_t, and so is its standard error. It returns
// a *ParamError for a liability of another length or not positive and
// finite, or a bad percentile.
func (o *Outcomes) FundingRatio(liability, ps []float64) ([]Band, error) {
	if len(liability) != 1 && len(liability) != o.Years {
		return nil, paramErr("liability", fmt.Sprintf("%d values", len(liability)), fmt.Sprintf("want 1 or one a year, %d", o.Years))
	}
	for t, l := range liability {
		if !(l > 0) || math.IsInf(l, 0) {
			return nil, paramErr(fmt.Sprintf("liability[%d]", t), l, "want a positive, finite amount")
		}
	}
	bands, err := o.Percentiles(Reserve, ps)
	if err != nil {
		return nil, err
	}
	for _, b := range bands {
		for t := range b.Value {
			l := liability[min(t, len(liability)-1)]
			b.Value[t] /= l
			b.StdErr[t] /= l
		}
	}
	return bands, nil
}

// ProbGAPAbove returns the probability that the contribution needed over
// the horizon, the GAP (a fraction of the salary bill), exceeds rate (a
// fraction of the salary bill: 0.17 is 17%): the share of scenarios with
// GAP > rate, with its binomial standard error √(p̂(1−p̂)/N). It returns an
// *UndefinedError when some scenario has no GAP, and a *ParamError for a
// rate that is NaN.
func (o *Outcomes) ProbGAPAbove(rate float64) (Estimate, error) {
	if math.IsNaN(rate) {
		return Estimate{}, paramErr("rate", rate, "not a number")
	}
	if o.Len() == 0 {
		return Estimate{}, fmt.Errorf("stochastic: ProbGAPAbove of no scenarios: %w", ErrUndefined)
	}
	k := 0
	for i, g := range o.GAP {
		if math.IsNaN(g) {
			return Estimate{}, &UndefinedError{Measure: GAP.String(), Scenario: o.First + i}
		}
		if g > rate {
			k++
		}
	}
	return probability(k, o.Len()), nil
}

// ProbCostRateAbove writes into dst, for each year t (calendar StartYear +
// t), the probability that the PAYG cost rate of year t (benefits and
// administration costs over the salary bill, a fraction) exceeds rate (a
// fraction: the contribution rate in force, say), with its binomial
// standard error, and returns it. It allocates only when dst is nil, and
// panics when len(dst) is not Years. It returns an *UndefinedError when
// some scenario has no salary bill in some year, and a *ParamError for a
// rate that is NaN.
func (o *Outcomes) ProbCostRateAbove(dst []Estimate, rate float64) ([]Estimate, error) {
	if dst == nil {
		dst = make([]Estimate, o.Years)
	} else if len(dst) != o.Years {
		panic(fmt.Sprintf("stochastic: ProbCostRateAbove: len(dst) = %d for %d years", len(dst), o.Years))
	}
	if math.IsNaN(rate) {
		return dst, paramErr("rate", rate, "not a number")
	}
	if o.Len() == 0 {
		return dst, fmt.Errorf("stochastic: ProbCostRateAbove of no scenarios: %w", ErrUndefined)
	}
	for t := range dst {
		k := 0
		for s := range o.Len() {
			c := o.CostRate[s*o.Years+t]
			if math.IsNaN(c) {
				return dst, &UndefinedError{Measure: CostRate.String(), Scenario: o.First + s, Year: o.StartYear + t}
			}
			if c > rate {
				k++
			}
		}
		dst[t] = probability(k, o.Len())
	}
	return dst, nil
}
