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

// TestStepCurve checks 6% for ten years then 4% against the closed forms
// v(t) = 1.06^−t for t ≤ 10 and 1.06^−10·1.04^−(t−10) after.
func TestStepCurve(t *testing.T) {
	const tol = 1e-14 // a few roundings on discount factors below 1
	c, err := actuarial.StepCurve(0.06, 10, 0.04)
	require.NoError(t, err)
	assert.Equal(t, 11, c.Years())
	assert.Equal(t, "6% for 10 years, then 4%", c.String())
	want := func(t float64) float64 {
		if t <= 10 {
			return math.Pow(1.06, -t)
		}
		return math.Pow(1.06, -10) * math.Pow(1.04, -(t-10))
	}
	for _, tt := range []float64{0, 0.5, 1, 3.25, 9.5, 10, 10.5, 11, 12.5, 30, 100.75} {
		assert.InDelta(t, want(tt), c.DiscountFactor(tt), tol, "t=%v", tt)
	}
	assert.Equal(t, 0.06, c.Rate(9))
	assert.Equal(t, 0.04, c.Rate(10))
	assert.Equal(t, 0.04, c.Rate(500))

	for _, tm := range []actuarial.Timing{actuarial.StartOfYear, actuarial.MidYear, actuarial.EndOfYear} {
		f := c.DiscountFactors(nil, 25, tm)
		cf := make([]float64, 25)
		var sum float64
		for k := range f {
			assert.InDelta(t, want(float64(k)+tm.Offset()), f[k], tol, "t=%d %v", k, tm)
			cf[k] = 100 + float64(k)
			sum += cf[k] * want(float64(k)+tm.Offset())
		}
		const pv = 1e-11 // rounding of a sum of 25 terms of order 100
		assert.InDelta(t, sum, c.PresentValue(cf, tm), pv, "%v", tm)
		// Flows inside the explicit years only.
		assert.InDelta(t, cf[0]*want(tm.Offset())+cf[1]*want(1+tm.Offset()), c.PresentValue(cf[:2], tm), pv)
	}
}

// TestFlatCurve checks that a curve with one rate discounts as the flat
// functions do.
func TestFlatCurve(t *testing.T) {
	const tol = 1e-13 // rounding of sums of order 10
	c, err := actuarial.NewCurve(0.05)
	require.NoError(t, err)
	assert.Equal(t, "5%", c.String())
	cf := []float64{1, 2, 3, 4, 5, 6, 7}
	for _, tm := range []actuarial.Timing{actuarial.StartOfYear, actuarial.MidYear, actuarial.EndOfYear} {
		assert.InDelta(t, actuarial.PresentValue(0.05, cf, tm), c.PresentValue(cf, tm), tol, "%v", tm)
		assert.InDeltaSlice(t, actuarial.DiscountFactors(nil, 0.05, 9, tm), c.DiscountFactors(nil, 9, tm), tol, "%v", tm)
	}
}

// TestZeroCurve checks that a nil *Curve and the zero Curve mean no
// interest.
func TestZeroCurve(t *testing.T) {
	for name, c := range map[string]*actuarial.Curve{"nil": nil, "zero": {}} {
		assert.Equal(t, 1.0, c.DiscountFactor(7.5), name)
		assert.Equal(t, 0.0, c.Rate(3), name)
		assert.Equal(t, 0, c.Years(), name)
		assert.Equal(t, "0%", c.String(), name)
		assert.Equal(t, 6.0, c.PresentValue([]float64{1, 2, 3}, actuarial.EndOfYear), name)
		assert.Equal(t, []float64{1, 1}, c.DiscountFactors(nil, 2, actuarial.MidYear), name)
		assert.Nil(t, c.Rates(), name)
	}
}

func TestCurveString(t *testing.T) {
	c, err := actuarial.NewCurve(0.03, 0.035, 0.035, 0.04)
	require.NoError(t, err)
	assert.Equal(t, "3% for 1 year, then 3.5% for 2 years, then 4%", c.String())
	r := c.Rates()
	r[0] = 99 // a copy
	assert.Equal(t, 0.03, c.Rate(0))
}

func TestCurveErrors(t *testing.T) {
	_, err := actuarial.NewCurve()
	assert.Error(t, err)
	_, err = actuarial.NewCurve(0.05, math.NaN(), 0.04)
	require.Error(t, err)
	assert.True(t, errors.Is(err, actuarial.ErrInterest))
	assert.Contains(t, err.Error(), "year 1")
	assert.Contains(t, err.Error(), "NaN")
	_, err = actuarial.NewCurve(-1)
	assert.True(t, errors.Is(err, actuarial.ErrInterest))
	_, err = actuarial.StepCurve(0.06, -1, 0.04)
	assert.Error(t, err)

	c, _ := actuarial.NewCurve(0.05)
	for name, f := range map[string]func(){
		"negative time":  func() { c.DiscountFactor(-0.5) },
		"NaN time":       func() { c.DiscountFactor(math.NaN()) },
		"negative year":  func() { c.Rate(-1) },
		"dst length":     func() { c.DiscountFactors(make([]float64, 2), 3, actuarial.MidYear) },
		"unknown timing": func() { c.PresentValue([]float64{1}, actuarial.Timing(9)) },
	} {
		msg := panicMessage(f)
		assert.True(t, strings.HasPrefix(msg, "actuarial: "), "%s: %q", name, msg)
	}
}

// TestCurveReset: a curve Reset to rates, after holding others, longer or
// shorter, is NewCurve's of those rates bit for bit (rates, discount
// factors at every timing and beyond the explicit years); a bad rate is
// NewCurve's error and leaves the curve as it was.
func TestCurveReset(t *testing.T) {
	var c actuarial.Curve
	for _, rates := range [][]float64{
		{0.05, 0.03, 0.04, 0.02},
		{0.01, -0.02, 0.07, 0.045, 0.03, 0.0, 0.12},
		{0.06, 0.04},
	} {
		want, err := actuarial.NewCurve(rates...)
		require.NoError(t, err)
		require.NoError(t, c.Reset(rates...))
		assert.Equal(t, want.Rates(), c.Rates())
		for _, timing := range []actuarial.Timing{actuarial.StartOfYear, actuarial.MidYear, actuarial.EndOfYear} {
			assert.Equal(t, want.DiscountFactors(nil, 12, timing), c.DiscountFactors(nil, 12, timing), "rates %v, timing %v", rates, timing)
		}
		for _, tt := range []float64{0, 0.5, 1.25, 3, 9.5} {
			assert.Equal(t, want.DiscountFactor(tt), c.DiscountFactor(tt), "rates %v, t %v", rates, tt)
		}
	}
	before := c.Rates()
	_, wantErr := actuarial.NewCurve(0.03, -1)
	require.Error(t, wantErr)
	err := c.Reset(0.03, -1)
	require.Error(t, err)
	assert.Equal(t, wantErr.Error(), err.Error())
	assert.Equal(t, before, c.Rates(), "a failed Reset leaves the curve")
	assert.Error(t, c.Reset(), "no rates")
}
