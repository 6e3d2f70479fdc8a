// The internal rate of return of a stream of cash flows.

package root

import (
	"errors"
	"fmt"
	"math"
)

// ErrNoRoot is returned by [IRR] when the net present value does not
// change sign on the range searched: the flows all have one sign, or no
// rate above −99% and at most irrMax balances them.
var ErrNoRoot = errors.New("root: no rate of return balances the flows")

// The range IRR searches, and the width of the final bracket.
const (
	irrMin = -0.99
	irrMax = 100.0
	irrTol = 1e-12
)

// IRR returns the internal rate of return of flows paid at times: the
// annual effective rate r with Σ_k flows[k]·(1+r)^−times[k] = 0, found by
// Brent's method on −99% ≤ r ≤ 100 (10 000%). Signs are the caller's: say
// contributions negative and benefits positive. When the net present value
// changes sign more than once on that range (flows changing sign more than
// once), the root returned is the one nearest 0 that a grid of rates
// (−99%, −50%, −20%, −10%, −5%, 0, 5%, 10%, 20%, 50%, 100%, …) brackets. It returns an error wrapping
// [ErrNoRoot] when the value has one sign at both ends of the range, and
// one naming the flow when a flow or time is not finite. Slices of
// different lengths are a programming error and panic.
func IRR(times, flows []float64) (float64, error) {
	if len(times) != len(flows) {
		panic(fmt.Sprintf("root: IRR of %d times and %d flows", len(times), len(flows)))
	}
	for k := range flows {
		if math.IsNaN(flows[k]) || math.IsInf(flows[k], 0) || math.IsNaN(times[k]) || math.IsInf(times[k], 0) {
			return math.NaN(), fmt.Errorf("root: IRR: flow %d is %v at time %v: want finite numbers", k, flows[k], times[k])
		}
	}
	npv := func(r float64) (float64, error) {
		l := math.Log1p(r)
		var s float64
		for k, f := range flows {
			if f != 0 {
				s += f * math.Exp(-l*times[k])
			}
		}
		return s, nil
	}
	// The brackets of irrGrid, from the one nearest 0 outwards.
	var v [len(irrGrid)]float64
	for k, r := range irrGrid {
		v[k], _ = npv(r)
		if math.IsNaN(v[k]) {
			return math.NaN(), fmt.Errorf("%w: net present value not a number at %v", ErrNoRoot, r)
		}
	}
	for _, k := range irrOrder {
		a, b := Point{X: irrGrid[k], F: v[k]}, Point{X: irrGrid[k+1], F: v[k+1]}
		if (a.F > 0) != (b.F > 0) || a.F == 0 || b.F == 0 {
			best, _, err := Brent(npv, a, b, irrTol)
			if err != nil {
				return math.NaN(), err
			}
			return best.X, nil
		}
	}
	return math.NaN(), fmt.Errorf("%w: net present value %v at %v and %v at %v", ErrNoRoot, v[0], irrMin, v[len(v)-1], irrMax)
}

// irrGrid cuts IRR's range into brackets; irrOrder lists them (by their
// lower end's index) nearest 0 first, so that of several roots (flows
// changing sign more than once) the one nearest 0 is found.
var (
	irrGrid  = [...]float64{irrMin, -0.5, -0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, irrMax}
	irrOrder = [...]int{5, 4, 6, 3, 7, 2, 8, 1, 9, 0, 10, 11, 12, 13}
)
