package actuarial

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial/internal/check"
	"github.com/reserva-go/reserva/internal/vec"
)

// ValidateInterest reports whether i can be an annual effective interest
// rate: finite and above −1. The error names the value and wraps
// [ErrInterest].
func ValidateInterest(i float64) error { return check.Rate("interest rate", i) }

// mustRate panics, naming field and value, when r is not a valid rate.
func mustRate(field string, r float64) {
	if err := check.Rate(field, r); err != nil {
		panic(err.Error())
	}
}

// Timing says when in a year a cash flow is paid. Its zero value is
// [MidYear], the project's convention for cash flows paid through a year.
type Timing int

const (
	// MidYear: a flow of year t is paid at t + 1/2, standing for payments
	// spread uniformly through the year.
	MidYear Timing = iota
	// StartOfYear: a flow of year t is paid at t (in advance).
	StartOfYear
	// EndOfYear: a flow of year t is paid at t + 1 (in arrears).
	EndOfYear
)

// Offset returns the time within the year at which a flow is paid: 0 for
// [StartOfYear], 0.5 for [MidYear], 1 for [EndOfYear]. It panics for an
// unknown Timing.
func (tm Timing) Offset() float64 {
	switch tm {
	case StartOfYear:
		return 0
	case MidYear:
		return 0.5
	case EndOfYear:
		return 1
	}
	panic(fmt.Sprintf("actuarial: unknown timing %d", int(tm)))
}

func (tm Timing) String() string {
	switch tm {
	case StartOfYear:
		return "start of year"
	case MidYear:
		return "mid-year"
	case EndOfYear:
		return "end of year"
	}
	return fmt.Sprintf("Timing(%d)", int(tm))
}

// DiscountFactor returns v^t = (1+i)^(−t), the value at time 0 of 1 paid at
// real time t (in years) at the annual effective rate i. It panics if i is
// not a valid rate.
func DiscountFactor(i, t float64) float64 {
	mustRate("interest rate", i)
	return math.Exp(-t * math.Log1p(i))
}

// DiscountRate returns d = i/(1+i), the annual effective rate of discount.
func DiscountRate(i float64) float64 {
	mustRate("interest rate", i)
	return i / (1 + i)
}

// ForceOfInterest returns δ = ln(1+i), the continuously compounded rate
// equivalent to the annual effective rate i.
func ForceOfInterest(i float64) float64 {
	mustRate("interest rate", i)
	return math.Log1p(i)
}

// NominalRate returns i^(m) = m·((1+i)^(1/m) − 1), the nominal annual rate
// of interest convertible m times a year equivalent to i. It panics if
// m < 1.
func NominalRate(i float64, m int) float64 {
	mustRate("interest rate", i)
	mustPerYear(m)
	return float64(m) * math.Expm1(math.Log1p(i)/float64(m))
}

// NominalDiscountRate returns d^(m) = m·(1 − (1+i)^(−1/m)), the nominal
// annual rate of discount convertible m times a year equivalent to i. It
// panics if m < 1.
func NominalDiscountRate(i float64, m int) float64 {
	mustRate("interest rate", i)
	mustPerYear(m)
	return -float64(m) * math.Expm1(-math.Log1p(i)/float64(m))
}

func mustPerYear(m int) {
	if m < 1 {
		panic(fmt.Sprintf("actuarial: %d payments a year (at least 1)", m))
	}
}

// UDDCoefficients returns α(m) = i·d/(i^(m)·d^(m)) and
// β(m) = (i − i^(m))/(i^(m)·d^(m)), the coefficients with which, under a
// uniform distribution of deaths, ä_x^(m) = α(m)·ä_x − β(m) (AMLCR chapter 5).
// At i = 0 they are 1 and (m−1)/(2m). It panics if m < 1.
func UDDCoefficients(i float64, m int) (alpha, beta float64) {
	mustRate("interest rate", i)
	mustPerYear(m)
	delta := math.Log1p(i)
	if delta == 0 {
		return 1, float64(m-1) / float64(2*m)
	}
	fm := float64(m)
	a := delta / fm
	im := fm * math.Expm1(a)   // i^(m)
	dm := -fm * math.Expm1(-a) // d^(m)
	d := -math.Expm1(-delta)
	var num float64 // i − i^(m)
	if math.Abs(delta) < 1e-3 {
		// i − i^(m) = Σ_{k≥2} (δ^k − m·(δ/m)^k)/k!, summed without the
		// cancellation of the difference.
		pd, pa, fact := delta, a, 1.0
		for k := 2; k <= 10; k++ {
			pd *= delta
			pa *= a
			fact *= float64(k)
			num += (pd - fm*pa) / fact
		}
	} else {
		num = i - im
	}
	return i * d / (im * dm), num / (im * dm)
}

// AnnuityCertainDue returns ä_n = Σ_{t<n} v^t, the value of n payments of 1
// at t = 0, 1, ..., n−1 at the rate i. It panics if n < 0.
func AnnuityCertainDue(i float64, n int) float64 {
	mustRate("interest rate", i)
	mustYears("term", n)
	v := 1 / (1 + i)
	var s float64
	for range n {
		s = 1 + v*s
	}
	return s
}

// AnnuityCertainImmediate returns a_n = Σ_{1≤t≤n} v^t, the value of n
// payments of 1 at t = 1, ..., n. It panics if n < 0.
func AnnuityCertainImmediate(i float64, n int) float64 {
	return AnnuityCertainDue(i, n) / (1 + i)
}

func mustYears(field string, n int) {
	if n < 0 {
		panic(fmt.Sprintf("actuarial: negative %s %d", field, n))
	}
}

// PresentValue returns Σ_t cf[t]·v^(t+τ), the value at time 0 of the flows
// cf at the annual effective rate i, with τ the [Timing] offset. It
// allocates nothing.
func PresentValue(i float64, cf []float64, timing Timing) float64 {
	mustRate("interest rate", i)
	tau := timing.Offset()
	v := 1 / (1 + i)
	var s float64
	for t := len(cf) - 1; t >= 0; t-- {
		s = cf[t] + v*s
	}
	return s * math.Exp(-tau*math.Log1p(i))
}

// DiscountFactors writes v^(t+τ) for t = 0, ..., n−1 into dst and returns
// it, with τ the [Timing] offset. It allocates only when dst is nil and
// panics if dst is not nil and len(dst) != n.
func DiscountFactors(dst []float64, i float64, n int, timing Timing) []float64 {
	mustRate("interest rate", i)
	dst = vec.Dst(dst, n)
	if n == 0 {
		return dst
	}
	v := 1 / (1 + i)
	dst[0] = math.Exp(-timing.Offset() * math.Log1p(i))
	for t := 1; t < n; t++ {
		dst[t] = dst[t-1] * v
	}
	return dst
}
