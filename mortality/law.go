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
// in closed form; others are integrated numerically. A law stated for the
// one-year probability of death rather than for µ implements [QLaw] too.
type Law interface{ Hazard(x float64) float64 }

// CumulativeHazarder is the optional fast path of a [Law]: the integrated
// hazard ∫_x^{x+t} µ(s) ds, t ≥ 0, in closed form.
type CumulativeHazarder interface {
	CumHazard(x, t float64) float64
}

// Validator is implemented by laws whose parameters have a valid range.
// [FromLaw] calls it before it integrates. The error it returns wraps
// [ErrParameter], most often as a [*ParameterError].
type Validator interface {
	Validate() error
}

// QLaw is a law of mortality stated for q_x, the probability that a life
// aged exactly x dies before x+1, at integer ages — as graduation formulas
// such as Heligman–Pollard's are — rather than for the force of mortality.
//
// The q-laws of this package ([HeligmanPollard], [Kostaki], [Wittstein],
// [RogersPlanck], ...) are also a [Law]: their Hazard is the constant force
// of mortality within each year of age that reproduces their q,
//
//	µ(x) = −ln(1 − q_⌊x⌋),
//
// and their CumHazard integrates that step function exactly. [FromLaw] takes
// q straight from Q, so a table built from a q-law holds the law's own
// rates, and it reports a q outside [0, 1] as an error.
type QLaw interface {
	Q(age int) float64
}

// ParameterError reports a law's parameter outside its valid range. It wraps
// [ErrParameter].
type ParameterError struct {
	Law   string  // the law's type name, "Makeham"
	Param string  // the parameter's field name, "C"
	Value float64 // the offending value
	Valid string  // the valid range, "C ≥ 1"
}

func (e *ParameterError) Error() string {
	return fmt.Sprintf("mortality: %s %s = %v: %v (valid: %s)", e.Law, e.Param, e.Value, ErrParameter, e.Valid)
}

func (e *ParameterError) Unwrap() error { return ErrParameter }

// param is a step of a Validate method: it returns a *ParameterError unless
// v is finite and ok holds.
func param(law, name string, v float64, ok bool, valid string) error {
	if ok && !math.IsNaN(v) && !math.IsInf(v, 0) {
		return nil
	}
	return &ParameterError{Law: law, Param: name, Value: v, Valid: valid}
}

// firstError returns the first non-nil error of errs.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// CumHazard returns ∫_x^{x+t} µ(s) ds for a finite t ≥ 0 and any law: in
// closed form when the law implements [CumulativeHazarder], otherwise by
// 24-point Gauss–Legendre quadrature on each whole or partial year, which is
// exact to rounding (about 1e-14 relative) for the smooth hazards of
// mortality laws. An infinite t is a programming error and panics.
func CumHazard(law Law, x, t float64) float64 {
	if c, ok := law.(CumulativeHazarder); ok {
		return c.CumHazard(x, t)
	}
	return quadCumHazard(law, x, t)
}

// quadCumHazard integrates a law's hazard numerically, one year at a time.
// It is generic so that a law held as a concrete value is not boxed into an
// interface (an allocation) at every call.
func quadCumHazard[L Law](law L, x, t float64) float64 {
	checkSpan(t)
	var s float64
	for t > 0 {
		h := math.Min(t, 1)
		s += integrateHazard(law, x, h)
		x += h
		t -= h
	}
	return s
}

// checkSpan panics on an infinite span of integration, which the year-by-year
// paths would never finish.
func checkSpan(t float64) {
	if math.IsInf(t, 1) {
		panic("mortality: CumHazard: the span t is infinite")
	}
}

// gaussLegendre holds fixed nodes and weights on [0, 1], computed once by
// gonum so that integrating a law allocates nothing per age.
var gaussLegendre = sync.OnceValues(func() (x, w []float64) {
	const n = 24
	x, w = make([]float64, n), make([]float64, n)
	quad.Legendre{}.FixedLocations(x, w, 0, 1)
	return x, w
})

func integrateHazard[L Law](law L, x, h float64) float64 {
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
// quadrature otherwise. For a [QLaw] q_x is the law's own Q(x).
//
// It returns the law's error if its parameters are out of range
// ([Validator]), and a [*RateError] if the law yields a NaN or negative
// hazard integral, or (for a QLaw) a q outside [0, 1], at some age.
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
	if ql, ok := law.(QLaw); ok {
		for i := range q {
			q[i] = ql.Q(minAge + i)
			if err := checkRate("q", minAge+i, q[i]); err != nil {
				return nil, err
			}
		}
		return newTable(minAge, q), nil
	}
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

// stepHazard is the Hazard of a q-law: the constant force −ln(1 − q_⌊x⌋).
func stepHazard[L QLaw](law L, x float64) float64 {
	return -math.Log1p(-law.Q(int(math.Floor(x))))
}

// stepCumHazard integrates stepHazard over [x, x+t] exactly, year by year.
func stepCumHazard[L QLaw](law L, x, t float64) float64 {
	checkSpan(t)
	var s float64
	for t > 0 {
		age := math.Floor(x)
		h := math.Min(t, age+1-x)
		s += h * -math.Log1p(-law.Q(int(age)))
		x, t = age+1, t-h
	}
	return s
}

// Gompertz is Gompertz's law (B. Gompertz, "On the nature of the function
// expressive of the law of human mortality", Phil. Trans. R. Soc. 115, 1825)
// in the notation of Dickson, Hardy & Waters, Actuarial Mathematics for Life
// Contingent Risks (AMLCR), §2.5:
//
//	µ(x) = B·C^x
//
// MortalityLaws writes it A·e^{Bx} ("gompertz": B here is its A, C is e^B)
// or, informatively, (1/σ)·e^{(x−M)/σ} ("gompertz0": B = e^{−M/σ}/σ,
// C = e^{1/σ}, M the modal age at death).
type Gompertz struct {
	B float64 // level: the hazard at age 0, B > 0
	C float64 // rate of ageing, C ≥ 1 (C = 1 is an exponential lifetime)
}

// Hazard returns µ(x) = B·C^x.
func (g Gompertz) Hazard(x float64) float64 { return g.B * math.Pow(g.C, x) }

// CumHazard returns ∫_x^{x+t} B·C^s ds = B·C^x·(C^t − 1)/ln C.
func (g Gompertz) CumHazard(x, t float64) float64 {
	return expCumHazard(g.B, math.Log(g.C), x, t)
}

// expCumHazard returns ∫_x^{x+t} b·e^{k·s} ds, also for k = 0.
func expCumHazard(b, k, x, t float64) float64 {
	if k == 0 {
		return b * t
	}
	return b * math.Exp(k*x) * math.Expm1(k*t) / k
}

// Validate reports whether B > 0 and C ≥ 1.
func (g Gompertz) Validate() error {
	return firstError(
		param("Gompertz", "B", g.B, g.B > 0, "B > 0"),
		param("Gompertz", "C", g.C, g.C >= 1, "C ≥ 1"),
	)
}

// logSurvival returns ln S(x) = −∫_0^x µ, the log-survival from birth.
func (g Gompertz) logSurvival(x float64) float64 { return -g.CumHazard(0, x) }

// Makeham is Makeham's law (W. M. Makeham, "On the law of mortality and the
// construction of annuity tables", Assurance Magazine 8, 1860) in the AMLCR
// notation (§2.5):
//
//	µ(x) = A + B·C^x
//
// AMLCR's Standard Ultimate Life Table uses A = 0.00022, B = 2.7e-6,
// C = 1.124. MortalityLaws writes it A·e^{Bx} + C ("makeham": its C is A
// here, its A is B, and C here is e^B) or (1/σ)·e^{(x−M)/σ} + C ("makeham0").
type Makeham struct {
	A float64 // age-independent hazard (accidents), A ≥ 0; 0 gives Gompertz's law
	B float64 // level of the senescent term, B > 0
	C float64 // rate of ageing, C ≥ 1
}

// Hazard returns µ(x) = A + B·C^x.
func (m Makeham) Hazard(x float64) float64 { return m.A + m.B*math.Pow(m.C, x) }

// CumHazard returns A·t + B·C^x·(C^t − 1)/ln C.
func (m Makeham) CumHazard(x, t float64) float64 {
	return m.A*t + expCumHazard(m.B, math.Log(m.C), x, t)
}

// Validate reports whether A ≥ 0, B > 0 and C ≥ 1.
func (m Makeham) Validate() error {
	return firstError(
		param("Makeham", "A", m.A, m.A >= 0, "A ≥ 0"),
		param("Makeham", "B", m.B, m.B > 0, "B > 0"),
		param("Makeham", "C", m.C, m.C >= 1, "C ≥ 1"),
	)
}
