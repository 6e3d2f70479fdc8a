package actuarial_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRateRelations checks the relations between i, v, d, δ, i^(m) and
// d^(m) that define them (analytic identities of interest theory):
// (1 + i^(m)/m)^m = 1 + i, (1 − d^(m)/m)^(−m) = 1 + i, d = i·v, e^δ = 1 + i,
// and 1/d^(m) − 1/i^(m) = 1/m.
func TestRateRelations(t *testing.T) {
	const (
		tol   = 1e-13 // rounding of a few operations on numbers of order 1
		recip = 1e-9  // 1/d^(m) and 1/i^(m) are of order 1/i, 1000 at i = 0.1%: their difference loses digits
	)
	for _, i := range []float64{0.05, 0.06, 0.001, -0.01, 0, 0.25} {
		for _, m := range []int{1, 2, 4, 12, 52} {
			im := actuarial.NominalRate(i, m)
			dm := actuarial.NominalDiscountRate(i, m)
			assert.InDelta(t, 1+i, math.Pow(1+im/float64(m), float64(m)), tol, "i=%v m=%d", i, m)
			assert.InDelta(t, 1+i, math.Pow(1-dm/float64(m), -float64(m)), tol, "i=%v m=%d", i, m)
			if i != 0 {
				assert.InDelta(t, 1/float64(m), 1/dm-1/im, recip, "i=%v m=%d", i, m)
			}
		}
		assert.InDelta(t, i/(1+i), actuarial.DiscountRate(i), tol)
		assert.InDelta(t, 1+i, math.Exp(actuarial.ForceOfInterest(i)), tol)
		assert.InDelta(t, math.Pow(1+i, -2.5), actuarial.DiscountFactor(i, 2.5), tol)
	}
}

// TestUDDCoefficients checks α(m) and β(m) against AMLCR chapter 5
// (annuities under UDD), which prints α(12) = 1.00020 and
// β(12) = 0.46651 at i = 5%, against their
// limits at i = 0 and their first-order expansion
// β(m) ≈ (m−1)/(2m) + (m²−1)/(6m²)·δ (AMLCR chapter 5), and for continuity
// where the computation switches to a series.
func TestUDDCoefficients(t *testing.T) {
	const printed = 5e-6 // the book prints five decimals
	a, b := actuarial.UDDCoefficients(0.05, 12)
	assert.InDelta(t, 1.00020, a, printed)
	assert.InDelta(t, 0.46651, b, printed)

	a, b = actuarial.UDDCoefficients(0, 12)
	assert.Equal(t, 1.0, a)
	assert.Equal(t, 11.0/24, b)

	const roundoff = 1e-15 // a few operations on numbers of order 1
	a, b = actuarial.UDDCoefficients(0.05, 1)
	assert.InDelta(t, 1, a, roundoff, "one payment a year: α(1) = 1")
	assert.InDelta(t, 0, b, roundoff, "one payment a year: β(1) = 0")

	const expansion = 1e-9 // the neglected O(δ²) term at δ ≈ 1e-5
	for _, delta := range []float64{1e-5, -1e-5, 1e-7} {
		i := math.Expm1(delta)
		for _, m := range []int{2, 4, 12} {
			fm := float64(m)
			_, b := actuarial.UDDCoefficients(i, m)
			assert.InDelta(t, (fm-1)/(2*fm)+(fm*fm-1)/(6*fm*fm)*delta, b, expansion, "δ=%v m=%d", delta, m)
		}
	}

	const continuity = 1e-12 // β is smooth in δ: no jump at the series' edge
	lo, hi := math.Expm1(0.001*(1-1e-9)), math.Expm1(0.001*(1+1e-9))
	_, b1 := actuarial.UDDCoefficients(lo, 12)
	_, b2 := actuarial.UDDCoefficients(hi, 12)
	assert.InDelta(t, b1, b2, continuity)
}

// TestAnnuityCertain checks ä_n = (1 − v^n)/d and a_n = (1 − v^n)/i.
func TestAnnuityCertain(t *testing.T) {
	const tol = 1e-12 // rounding over up to 40 terms
	for _, i := range []float64{0.05, 0.06, -0.01} {
		for _, n := range []int{0, 1, 10, 40} {
			vn := math.Pow(1+i, -float64(n))
			assert.InDelta(t, (1-vn)/(i/(1+i)), actuarial.AnnuityCertainDue(i, n), tol, "i=%v n=%d", i, n)
			assert.InDelta(t, (1-vn)/i, actuarial.AnnuityCertainImmediate(i, n), tol, "i=%v n=%d", i, n)
		}
	}
	assert.Equal(t, 7.0, actuarial.AnnuityCertainDue(0, 7), "no interest: n payments of 1")
}

// TestPresentValue checks the flat-rate present value against the explicit
// sum Σ cf[t]·(1+i)^−(t+τ) and against DiscountFactors.
func TestPresentValue(t *testing.T) {
	const tol = 1e-12 // rounding of the sum, relative to values of order 100
	cf := []float64{100, -20, 35.5, 0, 80, 12}
	for _, i := range []float64{0.05, 0, -0.005} {
		for _, tm := range []actuarial.Timing{actuarial.StartOfYear, actuarial.MidYear, actuarial.EndOfYear} {
			var want float64
			for k, c := range cf {
				want += c * math.Pow(1+i, -(float64(k)+tm.Offset()))
			}
			assert.InDelta(t, want, actuarial.PresentValue(i, cf, tm), tol, "i=%v %v", i, tm)
			f := actuarial.DiscountFactors(nil, i, len(cf), tm)
			var dot float64
			for k := range cf {
				dot += cf[k] * f[k]
			}
			assert.InDelta(t, want, dot, tol, "i=%v %v", i, tm)
		}
	}
	assert.Equal(t, 0.0, actuarial.PresentValue(0.05, nil, actuarial.MidYear))
}

func TestTiming(t *testing.T) {
	var zero actuarial.Timing
	assert.Equal(t, actuarial.MidYear, zero, "the zero Timing is mid-year")
	assert.Equal(t, "mid-year", zero.String())
	assert.Equal(t, "Timing(7)", actuarial.Timing(7).String())
	msg := panicMessage(func() { actuarial.Timing(7).Offset() })
	assert.True(t, strings.HasPrefix(msg, "actuarial: "), msg)
}

func TestValidateInterest(t *testing.T) {
	for _, i := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1, -1.5} {
		err := actuarial.ValidateInterest(i)
		require.Error(t, err, "%v", i)
		assert.True(t, errors.Is(err, actuarial.ErrInterest), "%v", err)
		assert.Contains(t, err.Error(), "interest rate")
	}
	for _, i := range []float64{0, 0.05, -0.5, 3} {
		assert.NoError(t, actuarial.ValidateInterest(i))
	}
	for name, f := range map[string]func(){
		"NaN rate":        func() { actuarial.DiscountRate(math.NaN()) },
		"rate −1":         func() { actuarial.DiscountFactor(-1, 2) },
		"m = 0":           func() { actuarial.NominalRate(0.05, 0) },
		"negative term":   func() { actuarial.AnnuityCertainDue(0.05, -1) },
		"short dst":       func() { actuarial.DiscountFactors(make([]float64, 3), 0.05, 4, actuarial.StartOfYear) },
		"unknown timing":  func() { actuarial.PresentValue(0.05, []float64{1}, actuarial.Timing(-1)) },
		"NaN in UDD coef": func() { actuarial.UDDCoefficients(math.NaN(), 12) },
	} {
		msg := panicMessage(f)
		assert.True(t, strings.HasPrefix(msg, "actuarial: "), "%s: %q", name, msg)
	}
}
