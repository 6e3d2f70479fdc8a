package mortality_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"gonum.org/v1/gonum/integrate/quad"

	"github.com/reserva-go/reserva/mortality"
)

var assumptions = []mortality.Fractional{mortality.UDD, mortality.ConstantForce, mortality.Balducci}

// integrate is a 64-point Gauss–Legendre rule on [a, b], exact to rounding
// for the smooth integrands below (the hazards and survivor functions of a
// single year of age with q ≤ 0.9).
func integrate(f func(float64) float64, a, b float64) float64 {
	return quad.Fixed(f, a, b, 64, quad.Legendre{}, 0)
}

// TestFinanFractional checks fractional-age survival on the Illustrative
// Life Table against the worked examples of M. B. Finan, A Reading of the
// Theory of Life Contingency Models (Exam MLC), 2011, Examples 24.5 (UDD),
// 24.9 (constant force) and 24.15 (Balducci), printed to 5 decimals, as
// lifecontingencies checks them (tests/testthat/test-published-finan-ilt.R).
func TestFinanFractional(t *testing.T) {
	const (
		printed5 = 0.000005 + 1e-9 // printed to 5 decimals
		rounded  = 1e-5            // Example 24.9 rounds its intermediate factors (relative)
	)
	tbl := ilt(t)
	for _, c := range []struct {
		name string
		f    mortality.Fractional
		x, t float64
		p    float64 // _t p_x as printed, or 1 − the printed _t q_x
		tol  float64
	}{
		{"24.5 0.5q80", mortality.UDD, 80, 0.5, 1 - 0.04015, printed5},
		{"24.5 0.5p80", mortality.UDD, 80, 0.5, 0.95985, printed5},
		{"24.5 1.5p80", mortality.UDD, 80, 1.5, 0.87940, printed5},
		{"24.5 1.5q80", mortality.UDD, 80, 1.5, 1 - 0.12060, printed5},
		{"24.5 0.5q80.5", mortality.UDD, 80.5, 0.5, 1 - 0.04183, printed5},
		{"24.5 0.5q80.25", mortality.UDD, 80.25, 0.5, 1 - 0.04097, printed5},
		{"24.9 0.5q80", mortality.ConstantForce, 80, 0.5, 1 - 0.04099, printed5},
		{"24.9 0.5p80", mortality.ConstantForce, 80, 0.5, 0.95901, printed5},
		{"24.9 1.5p80", mortality.ConstantForce, 80, 1.5, 0.87847, rounded * 0.87847},
		{"24.9 0.5q80.5", mortality.ConstantForce, 80.5, 0.5, 1 - 0.04099, printed5},
		{"24.9 0.5q80.25", mortality.ConstantForce, 80.25, 0.5, 1 - 0.04099, printed5},
		{"24.15 0.5q80", mortality.Balducci, 80, 0.5, 1 - 0.04183, printed5},
		{"24.15 0.5p80", mortality.Balducci, 80, 0.5, 0.95817, printed5},
		{"24.15 1.5p80", mortality.Balducci, 80, 1.5, 0.87755, printed5},
		{"24.15 1.5q80", mortality.Balducci, 80, 1.5, 1 - 0.12245, printed5},
		{"24.15 0.5q80.5", mortality.Balducci, 80.5, 0.5, 1 - 0.04015, printed5},
	} {
		assert.InDelta(t, c.p, tbl.SurvivalFrac(c.x, c.t, c.f), c.tol, c.name)
	}
}

// TestFractionalClosedForms: q_x = 0.1, s = 1/2 under each assumption
// (Bowers et al. §3.6, Table 3.6.1): 1 − 0.05, 0.9^0.5, 0.9/0.95.
func TestFractionalClosedForms(t *testing.T) {
	const exact = 1e-15
	assert.InDelta(t, 0.95, mortality.UDD.Survival(0.1, 0.5), exact)
	assert.InDelta(t, math.Sqrt(0.9), mortality.ConstantForce.Survival(0.1, 0.5), exact)
	assert.InDelta(t, 0.9/0.95, mortality.Balducci.Survival(0.1, 0.5), exact)
	assert.InDelta(t, 0.1/0.95, mortality.UDD.Force(0.1, 0.5), exact)
	assert.InDelta(t, -math.Log(0.9), mortality.ConstantForce.Force(0.1, 0.5), exact)
	assert.InDelta(t, 0.1/0.95, mortality.Balducci.Force(0.1, 0.5), exact)
	assert.Equal(t, 0.0, mortality.UDD.Survival(1, 1))
}

// TestFractionalAgreeAtIntegers: all three give _0 p = 1 and _1 p = 1 − q,
// so SurvivalFrac at integer ages and durations is Survival.
func TestFractionalAgreeAtIntegers(t *testing.T) {
	const (
		exact = 1e-15
		table = 1e-13 // relative: a product of up to 140 factors against a ratio of survivors
	)
	for _, f := range assumptions {
		for _, q := range []float64{0, 1e-6, 0.01, 0.3, 0.9, 1} {
			assert.InDelta(t, 1, f.Survival(q, 0), exact, "%v q=%v s=0", f, q)
			assert.InDelta(t, 1-q, f.Survival(q, 1), exact, "%v q=%v s=1", f, q)
		}
	}
	tbl := ilt(t)
	for _, f := range assumptions {
		for x := 0; x <= 141; x += 7 {
			for n := 0; n <= 60; n += 6 {
				assertRel(t, tbl.Survival(x, n), tbl.SurvivalFrac(float64(x), float64(n), f), table, "%v %dp_%d", f, n, x)
			}
		}
	}
}

// TestFractionalOrder: for 0 < s < 1 and 0 < q < 1, Balducci < constant
// force < UDD for _s p_x (Bowers et al. §3.6: (1 − q)^s ≤ 1 − s·q and
// (1 − q)^{1−s} ≤ 1 − (1 − s)·q are Bernoulli's inequality), and so for the
// complete expectation of life.
func TestFractionalOrder(t *testing.T) {
	for _, q := range []float64{1e-5, 0.001, 0.05, 0.3, 0.7, 0.99} {
		for _, s := range []float64{0.01, 0.25, 0.5, 0.75, 0.99} {
			b := mortality.Balducci.Survival(q, s)
			c := mortality.ConstantForce.Survival(q, s)
			u := mortality.UDD.Survival(q, s)
			assert.True(t, b < c && c < u, "q=%v s=%v: Balducci %v, constant force %v, UDD %v", q, s, b, c, u)
		}
	}
	tbl := ilt(t)
	for x := 0; x <= 130; x += 10 {
		b := tbl.LifeExpectancyFrac(x, mortality.Balducci)
		c := tbl.LifeExpectancyFrac(x, mortality.ConstantForce)
		u := tbl.LifeExpectancyFrac(x, mortality.UDD)
		assert.True(t, b < c && c < u, "e°_%d: Balducci %v, constant force %v, UDD %v", x, b, c, u)
	}
}

// TestForceIdentities: the force of mortality integrates over the year to
// −ln p_x, and is −d/ds ln _s p_x (AMLCR §2.3), for each assumption.
func TestForceIdentities(t *testing.T) {
	const (
		quadrature = 1e-12 // 64-point Gauss–Legendre on a smooth integrand
		difference = 1e-7  // central difference with step 1e-5: relative truncation …
		lnNearOne  = 1e-9  // … plus the rounding of ln(_s p) near 1 over a step of 2e-5, absolute
	)
	for _, f := range assumptions {
		for _, q := range []float64{1e-6, 0.01, 0.2, 0.6, 0.9} {
			got := integrate(func(s float64) float64 { return f.Force(q, s) }, 0, 1)
			assertRel(t, -math.Log1p(-q), got, quadrature, "%v ∫µ, q=%v", f, q)
			for _, s := range []float64{0.1, 0.5, 0.9} {
				const h = 1e-5
				d := -(math.Log(f.Survival(q, s+h)) - math.Log(f.Survival(q, s-h))) / (2 * h)
				mu := f.Force(q, s)
				assert.InDelta(t, d, mu, difference*mu+lnNearOne, "%v µ at s=%v, q=%v", f, s, q)
			}
			lived := integrate(func(s float64) float64 { return f.Survival(q, s) }, 0, 1)
			assertRel(t, lived, f.YearLived(q), quadrature, "%v year lived, q=%v", f, q)
		}
		assert.Equal(t, 1.0, f.YearLived(0))
	}
	tbl := ilt(t)
	for _, f := range assumptions {
		for x := 0; x <= 110; x += 11 {
			got := integrate(func(a float64) float64 { return tbl.Force(a, f) }, float64(x), float64(x+1))
			assertRel(t, -math.Log(tbl.Survival(x, 1)), got, quadrature, "%v ∫µ over age %d", f, x)
		}
	}
}

// TestSurvivalFracIdentities: _{s+t}p_x = _s p_x · _t p_{x+s} at real ages
// (AMLCR §2.2), and the complete expectation is ∫_0^∞ _t p_x dt.
func TestSurvivalFracIdentities(t *testing.T) {
	const (
		chain      = 1e-12 // relative
		quadrature = 1e-10 // relative, summed over each year of age
	)
	tbl := ilt(t)
	for _, f := range assumptions {
		for _, x := range []float64{0, 12.3, 40.5, 64.99, 80.25, 100.7, 139.2} {
			for _, s := range []float64{0.2, 0.5, 1, 3.7, 10.25} {
				for _, u := range []float64{0.3, 0.75, 2, 5.5} {
					assertRel(t, tbl.SurvivalFrac(x, s+u, f), tbl.SurvivalFrac(x, s, f)*tbl.SurvivalFrac(x+s, u, f), chain, "%v x=%v s=%v t=%v", f, x, s, u)
				}
			}
		}
		for _, x := range []int{0, 65, 100} {
			var e float64
			for a := x; a <= tbl.MaxAge()+1; a++ {
				e += integrate(func(t float64) float64 { return tbl.SurvivalFrac(float64(x), t, f) }, float64(a-x), float64(a-x+1))
			}
			assertRel(t, e, tbl.LifeExpectancyFrac(x, f), quadrature, "%v e°_%d", f, x)
		}
	}
}

// TestFractionalPastTheTable: q is 1 above MaxAge, so under UDD a life at
// MaxAge+1 lives half a year on average, and under the other two it dies at
// once.
func TestFractionalPastTheTable(t *testing.T) {
	const exact = 1e-15
	tbl, err := mortality.NewTable(60, []float64{0.2, 0.4})
	if !assert.NoError(t, err) {
		return
	}
	assert.InDelta(t, 0.5, tbl.SurvivalFrac(62, 0.5, mortality.UDD), exact)
	const decimalAge = 1e-14                                                           // 62.2 and 0.4 are not exact in binary
	assert.InDelta(t, 0.4/0.8, tbl.SurvivalFrac(62.2, 0.4, mortality.UDD), decimalAge) // (1 − 0.6)/(1 − 0.2)
	assert.Zero(t, tbl.SurvivalFrac(62, 0.5, mortality.ConstantForce))
	assert.Zero(t, tbl.SurvivalFrac(62, 0.5, mortality.Balducci))
	assert.InDelta(t, 0.6*0.5, tbl.SurvivalFrac(61, 1.5, mortality.UDD), exact)
	for _, f := range assumptions {
		assert.Zero(t, tbl.SurvivalFrac(61.5, 1.5, f), "%v: through MaxAge+1", f)
		assert.Zero(t, tbl.SurvivalFrac(60, math.Inf(1), f))
		assert.Zero(t, tbl.SurvivalFrac(60, 1e300, f))
		assert.Equal(t, 1.0, tbl.SurvivalFrac(1e300, 0, f))
		assert.Equal(t, f.YearLived(1), tbl.LifeExpectancyFrac(62, f))
		assert.Equal(t, f.YearLived(1), tbl.LifeExpectancyFrac(70, f))
	}
	assert.InDelta(t, 2, tbl.Force(62.5, mortality.UDD), exact)
	assert.InDelta(t, 2, tbl.Force(62.5, mortality.Balducci), exact)
	assert.True(t, math.IsInf(tbl.Force(62.5, mortality.ConstantForce), 1))
	assert.True(t, math.IsInf(tbl.Force(1e300, mortality.ConstantForce), 1))
}

func TestFractionalString(t *testing.T) {
	assert.Equal(t, "UDD", mortality.UDD.String())
	assert.Equal(t, "constant force", mortality.ConstantForce.String())
	assert.Equal(t, "Balducci", mortality.Balducci.String())
	assert.Equal(t, "Fractional(7)", mortality.Fractional(7).String())
	var zero mortality.Fractional
	assert.Equal(t, mortality.UDD, zero, "the zero value is UDD")
	bad := mortality.Fractional(-1)
	assertPanicsMortality(t, func() { bad.Survival(0.1, 0.5) }, "Survival")
	assertPanicsMortality(t, func() { bad.Force(0.1, 0.5) }, "Force")
	assertPanicsMortality(t, func() { bad.YearLived(0.1) }, "YearLived")
}
