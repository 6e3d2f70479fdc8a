package mortality

import (
	"fmt"
	"math"
	"sync"

	"gonum.org/v1/gonum/integrate/quad"
)

// Law is a force of mortality µ(x) per year at exact age x ≥ 0.
//
// A law that also implements [CumulativeHazarder] is integrated through it
// in closed form; others are integrated numerically.
type Law interface{ Hazard(x float64) float64 }

// CumulativeHazarder is the optional fast path of a [Law]: the integrated
// hazard ∫_x^{x+t} µ(s) ds in closed form.
type CumulativeHazarder interface {
	CumHazard(x, t float64) float64
}

// Validator is implemented by laws whose parameters have a valid range.
// [FromLaw] calls it before it integrates.
type Validator interface {
	Validate() error
}

// CumHazard returns ∫_x^{x+t} µ(s) ds for any law: in closed form when the
// law implements [CumulativeHazarder], otherwise by Gauss–Legendre
// quadrature on each whole or partial year, which is exact to rounding for
// the smooth hazards of mortality laws.
func CumHazard(law Law, x, t float64) float64 {
	if c, ok := law.(CumulativeHazarder); ok {
		return c.CumHazard(x, t)
	}
	var s float64
	for t > 0 {
		h := math.Min(t, 1)
		s += integrateHazard(law, x, h)
		x += h
		t -= h
	}
	return s
}

// gaussLegendre holds fixed nodes and weights on [0, 1], computed once by
// gonum so that integrating a law allocates nothing per age.
var gaussLegendre = sync.OnceValues(func() (x, w []float64) {
	const n = 24
	x, w = make([]float64, n), make([]float64, n)
	quad.Legendre{}.FixedLocations(x, w, 0, 1)
	return x, w
})

func integrateHazard(law Law, x, h float64) float64 {
	nodes, weights := gaussLegendre()
	var s float64
	for i, u := range nodes {
		s += weights[i] * law.Hazard(x+h*u)
	}
	return s * h
}

// FromLaw returns the table of a law over ages minAge..maxAge with
// q_x = 1 − exp(−∫_x^{x+1} µ(s) ds), integrated exactly: in closed form where
// the law has one ([CumulativeHazarder]), by 24-point Gauss–Legendre
// quadrature otherwise. It returns an error if the law's parameters are out
// of range ([Validator]) or if it yields a negative or NaN hazard integral.
func FromLaw(law Law, minAge, maxAge int) (*LifeTable, error) {
	if minAge < 0 || maxAge < minAge {
		return nil, fmt.Errorf("mortality: FromLaw: ages %d..%d are not a valid range", minAge, maxAge)
	}
	if v, ok := law.(Validator); ok {
		if err := v.Validate(); err != nil {
			return nil, err
		}
	}
	q := make([]float64, maxAge-minAge+1)
	for i := range q {
		x := float64(minAge + i)
		h := CumHazard(law, x, 1)
		if math.IsNaN(h) || h < 0 {
			return nil, &RateError{Field: "integrated hazard", Age: minAge + i, Value: h, Err: ErrNotFinite}
		}
		q[i] = -math.Expm1(-h)
	}
	return newTable(minAge, q), nil
}

// Gompertz is Gompertz's law (1825) in the notation of Dickson, Hardy &
// Waters, Actuarial Mathematics for Life Contingent Risks (AMLCR), §2.5:
//
//	µ(x) = B·C^x
//
// Valid range: B > 0, C > 1 (C = 1 is an exponential lifetime, allowed).
type Gompertz struct {
	B float64 // level, B > 0
	C float64 // rate of ageing, C ≥ 1
}

// Hazard returns µ(x) = B·C^x.
func (g Gompertz) Hazard(x float64) float64 { return g.B * math.Pow(g.C, x) }

// CumHazard returns ∫_x^{x+t} B·C^s ds = B·C^x·(C^t − 1)/ln C.
func (g Gompertz) CumHazard(x, t float64) float64 {
	lc := math.Log(g.C)
	if lc == 0 {
		return g.B * t
	}
	return g.B * math.Pow(g.C, x) * math.Expm1(t*lc) / lc
}

// Validate reports whether B > 0 and C ≥ 1.
func (g Gompertz) Validate() error {
	if !(g.B > 0) || math.IsInf(g.B, 0) {
		return fmt.Errorf("mortality: Gompertz B = %v: %w (B > 0)", g.B, ErrParameter)
	}
	if !(g.C >= 1) || math.IsInf(g.C, 0) {
		return fmt.Errorf("mortality: Gompertz C = %v: %w (C ≥ 1)", g.C, ErrParameter)
	}
	return nil
}

// Makeham is Makeham's law (1860) in the AMLCR notation (§2.5):
//
//	µ(x) = A + B·C^x
//
// Valid range: A ≥ 0, B > 0, C ≥ 1. AMLCR's Standard Ultimate Life Table
// uses A = 0.00022, B = 2.7e-6, C = 1.124.
type Makeham struct {
	A float64 // age-independent hazard (accident hump), A ≥ 0
	B float64 // level of the senescent term, B > 0
	C float64 // rate of ageing, C ≥ 1
}

// Hazard returns µ(x) = A + B·C^x.
func (m Makeham) Hazard(x float64) float64 { return m.A + m.B*math.Pow(m.C, x) }

// CumHazard returns A·t + B·C^x·(C^t − 1)/ln C.
func (m Makeham) CumHazard(x, t float64) float64 {
	return m.A*t + Gompertz{B: m.B, C: m.C}.CumHazard(x, t)
}

// Validate reports whether A ≥ 0, B > 0 and C ≥ 1.
func (m Makeham) Validate() error {
	if !(m.A >= 0) || math.IsInf(m.A, 0) {
		return fmt.Errorf("mortality: Makeham A = %v: %w (A ≥ 0)", m.A, ErrParameter)
	}
	if err := (Gompertz{B: m.B, C: m.C}).Validate(); err != nil {
		return fmt.Errorf("mortality: Makeham: %w", err)
	}
	return nil
}
