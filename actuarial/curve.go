package actuarial

import (
	"fmt"
	"math"
	"strings"

	"github.com/reserva-go/reserva/actuarial/internal/check"
	"github.com/reserva-go/reserva/internal/vec"
	"gonum.org/v1/gonum/floats"
)

// Curve is a year-by-year structure of annual effective interest rates: the
// rate of year t applies from time t to t+1, and the last rate given
// continues for ever. A valuation at 6% for ten years and 4% thereafter is
// NewCurve(0.06, 0.06, ..., 0.04) with ten 0.06s, or [StepCurve].
//
// A Curve is immutable once built and safe for concurrent use, unless its
// owner rebuilds it with [Curve.Reset]. A nil *Curve
// and the zero Curve are the flat curve at 0% (no interest).
type Curve struct {
	rates []float64 // rates[t]: the rate of year t; the last continues
	v     []float64 // v[t] = 1/(1+rates[t])
	start []float64 // start[t] = v(t), the discount factor to time t, t = 0..len(rates)
	mid   []float64 // mid[t] = v(t + 1/2)
}

// NewCurve returns the curve with rates[t] the annual effective rate of year
// t (from t to t+1); the last rate continues for ever. Each rate must be
// finite and above −1. The slice is copied. It returns an error naming the
// year and the value of a bad rate, wrapping [ErrInterest]; no rates at all
// is an error too.
func NewCurve(rates ...float64) (*Curve, error) {
	c := new(Curve)
	if err := c.Reset(rates...); err != nil {
		return nil, err
	}
	return c, nil
}

// Reset makes c the curve [NewCurve](rates...) returns, bit for bit,
// reusing c's storage where it fits: for a program that builds a curve per
// scenario and is done with it before the next (package stochastic's
// workers). On error, NewCurve's, c is left as it was. A curve in use
// elsewhere, by another goroutine say, must not be Reset: a Curve is
// immutable only until then.
func (c *Curve) Reset(rates ...float64) error {
	if len(rates) == 0 {
		return fmt.Errorf("actuarial: NewCurve: no rates")
	}
	for t, r := range rates {
		if check.Rate("", r) != nil {
			// The message, only for a bad rate (a curve is built per
			// stochastic scenario).
			return check.Rate(fmt.Sprintf("curve rate of year %d", t), r)
		}
	}
	n := len(rates)
	c.rates = append(c.rates[:0], rates...)
	c.v = vec.Zeroed(c.v, n)
	c.start = vec.Zeroed(c.start, n+1)
	c.mid = vec.Zeroed(c.mid, n)
	for t, r := range c.rates {
		c.v[t] = 1 / (1 + r)
	}
	c.start[0] = 1
	floats.CumProd(c.start[1:], c.v)
	for t, r := range c.rates {
		c.mid[t] = c.start[t] * math.Exp(-0.5*math.Log1p(r))
	}
	return nil
}

// StepCurve returns the curve at rate first for the first years years and
// at rate then afterwards: StepCurve(0.06, 10, 0.04) discounts at 6% from
// t = 0 to 10 and at 4% after. It returns an error for a bad rate or a
// negative number of years.
func StepCurve(first float64, years int, then float64) (*Curve, error) {
	if years < 0 {
		return nil, fmt.Errorf("actuarial: StepCurve: negative number of years %d", years)
	}
	rates := make([]float64, years+1)
	for t := range years {
		rates[t] = first
	}
	rates[years] = then
	return NewCurve(rates...)
}

// Years returns the number of rates the curve was given; from year
// Years()−1 on the rate is constant. It is 0 for the zero curve.
func (c *Curve) Years() int {
	if c == nil {
		return 0
	}
	return len(c.rates)
}

// Rates returns a copy of the rates the curve was given.
func (c *Curve) Rates() []float64 {
	if c == nil {
		return nil
	}
	return append([]float64(nil), c.rates...)
}

// Rate returns the annual effective rate of year t (from t to t+1). It
// panics if t < 0.
func (c *Curve) Rate(t int) float64 {
	if t < 0 {
		panic(fmt.Sprintf("actuarial: curve rate of negative year %d", t))
	}
	if c == nil || len(c.rates) == 0 {
		return 0
	}
	if t >= len(c.rates) {
		return c.rates[len(c.rates)-1]
	}
	return c.rates[t]
}

// DiscountFactor returns v(t), the value at time 0 of 1 paid at real time t
// ≥ 0 (in years): the product of the years' discount factors, with the
// rate of the year containing t for the part year. It panics if t is
// negative or NaN.
func (c *Curve) DiscountFactor(t float64) float64 {
	if !(t >= 0) {
		panic(fmt.Sprintf("actuarial: discount factor at time %v (want t ≥ 0)", t))
	}
	if c == nil || len(c.rates) == 0 {
		return 1
	}
	n := len(c.rates)
	k := math.Floor(t)
	if k >= float64(n-1) {
		// Beyond the last change of rate the last rate continues.
		return c.start[n-1] * math.Exp(-(t-float64(n-1))*math.Log1p(c.rates[n-1]))
	}
	i := int(k)
	s := t - k
	switch s {
	case 0:
		return c.start[i]
	case 0.5:
		return c.mid[i]
	}
	return c.start[i] * math.Exp(-s*math.Log1p(c.rates[i]))
}

// factors returns the precomputed discount factors to t+τ for the curve's
// explicit years t = 0, ..., Years()−1.
func (c *Curve) factors(timing Timing) []float64 {
	n := len(c.rates)
	switch timing {
	case StartOfYear:
		return c.start[:n]
	case MidYear:
		return c.mid
	case EndOfYear:
		return c.start[1:]
	}
	panic(fmt.Sprintf("actuarial: unknown timing %d", int(timing)))
}

// DiscountFactors writes v(t+τ) for t = 0, ..., n−1 into dst and returns
// it, with τ the [Timing] offset. It allocates only when dst is nil and
// panics if dst is not nil and len(dst) != n.
func (c *Curve) DiscountFactors(dst []float64, n int, timing Timing) []float64 {
	dst = vec.Dst(dst, n)
	if c == nil || len(c.rates) == 0 {
		timing.Offset() // panics for an unknown timing
		for t := range dst {
			dst[t] = 1
		}
		return dst
	}
	f := c.factors(timing)
	k := copy(dst, f)
	if k < n {
		v := c.v[len(c.v)-1]
		for t := k; t < n; t++ {
			dst[t] = dst[t-1] * v
		}
	}
	return dst
}

// PresentValue returns Σ_t cf[t]·v(t+τ), the value at time 0 of the flows
// cf, with τ the [Timing] offset. It allocates nothing.
func (c *Curve) PresentValue(cf []float64, timing Timing) float64 {
	if c == nil || len(c.rates) == 0 {
		timing.Offset() // panics for an unknown timing
		return floats.Sum(cf)
	}
	f := c.factors(timing)
	k := min(len(cf), len(f))
	s := floats.Dot(cf[:k], f[:k])
	if k < len(cf) {
		// Flows beyond the explicit years, discounted at the last rate from
		// the last explicit factor f[k−1].
		v := c.v[len(c.v)-1]
		var tail float64
		for t := len(cf) - 1; t >= k; t-- {
			tail = cf[t] + v*tail
		}
		s += f[k-1] * v * tail
	}
	return s
}

// String describes the curve: "6% for 10 years, then 4%".
func (c *Curve) String() string {
	if c == nil || len(c.rates) == 0 {
		return "0%"
	}
	var b strings.Builder
	for t := 0; t < len(c.rates); {
		u := t + 1
		for u < len(c.rates) && c.rates[u] == c.rates[t] {
			u++
		}
		if t > 0 {
			b.WriteString(", then ")
		}
		fmt.Fprintf(&b, "%.10g%%", 100*c.rates[t]) // 10 digits hide the rounding of 100·0.035
		if u < len(c.rates) {
			if u-t == 1 {
				b.WriteString(" for 1 year")
			} else {
				fmt.Fprintf(&b, " for %d years", u-t)
			}
		}
		t = u
	}
	return b.String()
}
