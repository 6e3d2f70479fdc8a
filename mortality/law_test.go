package mortality_test

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/integrate/quad"

	"github.com/reserva-go/reserva/mortality"
)

// hazardOnly hides every method of a law but Hazard, so that CumHazard and
// FromLaw take the quadrature path and no Validate is called.
type hazardOnly struct{ law mortality.Law }

func (h hazardOnly) Hazard(x float64) float64 { return h.law.Hazard(x) }

var sultLaw = mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124} // AMLCR's SULT

// smoothLaws are laws with a closed-form CumHazard, at parameters of
// realistic shape, for the identity tests.
var smoothLaws = []struct {
	name string
	law  mortality.Law
	// absTol is an absolute tolerance on the integrated hazard added to the
	// relative one, for laws whose CumHazard is a difference of
	// log-survivals ln S(x) − ln S(x+t), each exact to about 1e-16
	// absolutely; 0 for the others.
	absTol float64
}{
	{"Gompertz", mortality.Gompertz{B: 2.7e-6, C: 1.124}, 0},
	{"Gompertz/C=1", mortality.Gompertz{B: 0.01, C: 1}, 0},
	{"Makeham/SULT", sultLaw, 0},
	{"Weibull", mortality.Weibull{K: 7.5, Lambda: 85}, 0},
	{"Weibull/infant", mortality.Weibull{K: 0.18, Lambda: 2.7}, 0},
	{"InverseWeibull", mortality.InverseWeibull{K: 1.2, Lambda: 8}, 0},
	{"InverseGompertz", mortality.InverseGompertz{M: 20, Sigma: 5}, 0},
	{"GammaGompertz", mortality.GammaGompertz{A: 5e-5, B: 0.1, Gamma: 0.2}, 0},
	{"GammaGompertz/γ=0", mortality.GammaGompertz{A: 5e-5, B: 0.1}, 0},
	{"StrehlerMildvan", mortality.StrehlerMildvan{K: 0.01, V0: 2.5, B: 0.2, D: 6}, 0},
	{"Perks", mortality.Perks{A: 0.0002, B: 3e-6, C: 1.12, D: 1e-5}, 0},
	{"Perks/C<1", mortality.Perks{A: 0.0002, B: 0.02, C: 0.9, D: 0.5}, 0},
	{"Beard", mortality.Beard{A: 5e-5, B: 0.1, K: 2}, 0},
	{"MakehamBeard", mortality.MakehamBeard{A: 5e-5, B: 0.1, C: 0.0005, K: 2}, 0},
	{"Kannisto", mortality.Kannisto{A: 5e-5, B: 0.11}, 0},
	{"KannistoMakeham", mortality.KannistoMakeham{A: 5e-5, B: 0.11, C: 0.0005}, 0},
	{"Martinelle", mortality.Martinelle{A: 5e-5, B: 0.1, C: 0.0005, D: 2e-5, K: 1e-7}, 0},
	{"Siler", mortality.Siler{A1: 0.02, B1: 1, A2: 0.0005, A3: 2e-5, B3: 0.1}, 0},
	{"Thiele", mortality.Thiele{A: 0.02474, B: 0.3, C: 0.004, D: 0.5, E: 25, F: 0.0001, G: 0.08}, 0},
	{"Opperman", mortality.Opperman{A: 0.04, B: 0.0004, C: 0.001}, 0},
	{"VanDerMaen", mortality.VanDerMaen{A: 0.001, B: 1e-4, C: 1e-6, I: 0.5, N: 130}, 0},
	{"VanDerMaen/quadratic", mortality.VanDerMaen{A: 0.001, B: -1e-4, C: 1e-5}, 0},
	{"Carriere", mortality.Carriere{
		P1: 0.003, P2: 0.007,
		Child: mortality.Weibull{K: 0.18, Lambda: 2.7},
		Young: mortality.InverseWeibull{K: 0.5, Lambda: 3},
		Adult: gompertz0(9.5, 88),
	}, 1e-15},
	{"Carriere2", mortality.Carriere2{
		P1: 0.01, P2: 0.01,
		Child: mortality.Weibull{K: 0.5, Lambda: 1},
		Young: mortality.InverseGompertz{M: 49, Sigma: 7},
		Adult: gompertz0(7, 49),
	}, 1e-15},
}

// TestCumHazardClosedForm checks each closed-form CumHazard against the
// quadrature path (Gauss–Legendre on the bare hazard), an analytic identity.
// It starts at age 1: a Weibull hazard with K < 1 is infinite at 0, which no
// quadrature integrates to 1e-12.
func TestCumHazardClosedForm(t *testing.T) {
	const relTol = 1e-12 // quadrature and closed form agree to rounding
	for _, c := range smoothLaws {
		t.Run(c.name, func(t *testing.T) {
			require.NoError(t, c.law.(mortality.Validator).Validate())
			_, ok := c.law.(mortality.CumulativeHazarder)
			require.True(t, ok, "closed form")
			for x := 1.0; x <= 110; x += 7.25 {
				for _, dt := range []float64{1, 0.3, 2.6} {
					want := mortality.CumHazard(hazardOnly{c.law}, x, dt)
					got := mortality.CumHazard(c.law, x, dt)
					assert.InDelta(t, want, got, relTol*want+c.absTol, "∫ from %v for %v", x, dt)
				}
			}
		})
	}
}

// TestFromLawIntegratesHazard checks q_x = 1 − exp(−∫_x^{x+1} µ) for tables
// built from a closed form and by the package's quadrature, against an
// independent integration of the hazard by gonum (30-point Gauss–Legendre
// on the year of age).
func TestFromLawIntegratesHazard(t *testing.T) {
	const relTol = 1e-12 // exact integrations of the same smooth hazard
	for _, c := range smoothLaws {
		t.Run(c.name, func(t *testing.T) {
			closed, err := mortality.FromLaw(c.law, 1, 110)
			require.NoError(t, err)
			quadrature, err := mortality.FromLaw(hazardOnly{c.law}, 1, 110)
			require.NoError(t, err)
			for age := 1; age <= 110; age++ {
				x := float64(age)
				h := quad.Fixed(c.law.Hazard, x, x+1, 30, quad.Legendre{}, 0)
				q := -math.Expm1(-h)
				assert.InDelta(t, q, closed.Q(age), relTol*q+c.absTol, "age %d", age)
				assert.InDelta(t, q, quadrature.Q(age), relTol*q+c.absTol, "age %d", age)
			}
		})
	}
}

// TestMakehamWithoutAIsGompertz: Makeham's law with A = 0 is Gompertz's
// (AMLCR §2.5), to the last bit since the same operations are done.
func TestMakehamWithoutAIsGompertz(t *testing.T) {
	g := mortality.Gompertz{B: 2.7e-6, C: 1.124}
	m := mortality.Makeham{B: 2.7e-6, C: 1.124}
	gt, err := mortality.FromLaw(g, 0, 120)
	require.NoError(t, err)
	mt, err := mortality.FromLaw(m, 0, 120)
	require.NoError(t, err)
	for age := 0; age <= 120; age++ {
		x := float64(age)
		assert.Equal(t, g.Hazard(x), m.Hazard(x), "µ(%d)", age)
		assert.Equal(t, g.CumHazard(x, 1), m.CumHazard(x, 1), "H(%d)", age)
		assert.Equal(t, gt.Q(age), mt.Q(age), "q_%d", age)
	}
}

// TestWeibullShapeOneIsExponential: with K = 1 the Weibull lifetime is
// exponential with rate 1/Λ, so µ is constant and q_x = 1 − e^{−1/Λ} at
// every age.
func TestWeibullShapeOneIsExponential(t *testing.T) {
	// H(x, t) = (x+t)/Λ − x/Λ loses a few ulps of x/Λ (up to 3 here)
	// relative to H (1/Λ).
	const relTol = 1e-13
	const lambda = 40.0
	w := mortality.Weibull{K: 1, Lambda: lambda}
	tbl, err := mortality.FromLaw(w, 0, 120)
	require.NoError(t, err)
	q := -math.Expm1(-1 / lambda)
	for age := 0; age <= 120; age++ {
		x := float64(age)
		assert.InEpsilon(t, 1/lambda, w.Hazard(x), relTol, "µ(%d)", age)
		assert.InEpsilon(t, 2.5/lambda, w.CumHazard(x, 2.5), relTol, "H(%d, 2.5)", age)
		assert.InEpsilon(t, q, tbl.Q(age), relTol, "q_%d", age)
	}
}

// TestLawSpecialCases checks each law against its special or limiting cases
// written as another law, analytic identities of the formulas.
func TestLawSpecialCases(t *testing.T) {
	const relTol = 1e-13 // algebraically equal, evaluated differently
	const a, b, c = 5e-5, 0.11, 0.0005
	gomp := mortality.Gompertz{B: a, C: math.Exp(b)}
	for _, tc := range []struct {
		name      string
		law, want mortality.Law
	}{
		{"Perks D=0 is Makeham", mortality.Perks{A: c, B: a, C: 1.1}, mortality.Makeham{A: c, B: a, C: 1.1}},
		// a·e^{bx}/(1 + a·e^{bx}) + c = (c + a(1+c)·e^{bx})/(1 + a·e^{bx})
		{"KannistoMakeham is Perks", mortality.KannistoMakeham{A: a, B: b, C: c}, mortality.Perks{A: c, B: a * (1 + c), C: math.Exp(b), D: a}},
		{"Kannisto is Beard K=1", mortality.Kannisto{A: a, B: b}, mortality.Beard{A: a, B: b, K: 1}},
		{"Beard K=0 is Gompertz", mortality.Beard{A: a, B: b}, gomp},
		// a·e^{bx}/(1 + k·a·e^{bx}) + c = (a(1 + c·k)·e^{bx} + c)/(1 + k·a·e^{bx})
		{"MakehamBeard is Martinelle", mortality.MakehamBeard{A: a, B: b, C: c, K: 2}, mortality.Martinelle{A: a * (1 + 2*c), B: b, C: c, D: 2 * a}},
		{"GammaGompertz γ=0 is Gompertz", mortality.GammaGompertz{A: a, B: b}, gomp},
		{"StrehlerMildvan is Gompertz", mortality.StrehlerMildvan{K: 0.01, V0: 2.5, B: 0.2, D: 6},
			mortality.Gompertz{B: 0.01 * math.Exp(-2.5/6), C: math.Exp(2.5 * 0.2 / 6)}},
		{"Siler A1=0 is Makeham", mortality.Siler{B1: 1, A2: c, A3: a, B3: b}, mortality.Makeham{A: c, B: a, C: math.Exp(b)}},
		{"Thiele C=0 A=0 is Gompertz", mortality.Thiele{B: 1, D: 1, E: 20, F: a, G: b}, gomp},
		{"Carriere of Gompertz alone", mortality.Carriere{
			Child: mortality.Weibull{K: 1, Lambda: 1}, Young: mortality.InverseWeibull{K: 1, Lambda: 1}, Adult: gomp,
		}, gomp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for x := 0.0; x <= 120; x += 3.5 {
				assert.InEpsilon(t, tc.want.Hazard(x), tc.law.Hazard(x), relTol, "µ(%v)", x)
				assert.InEpsilon(t, mortality.CumHazard(tc.want, x, 1.5), mortality.CumHazard(tc.law, x, 1.5), relTol, "H(%v)", x)
			}
		})
	}
}

// qLaws are the laws stated for q_x, at realistic parameters (Heligman &
// Pollard's own are of this size).
var qLaws = []struct {
	name string
	law  interface {
		mortality.Law
		mortality.QLaw
		mortality.CumulativeHazarder
	}
}{
	{"HeligmanPollard", mortality.HeligmanPollard{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1}},
	{"HeligmanPollard2", mortality.HeligmanPollard2{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1}},
	{"HeligmanPollard3", mortality.HeligmanPollard3{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1, K: 1.5}},
	{"HeligmanPollard4", mortality.HeligmanPollard4{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1, K: 1.01}},
	{"Kostaki", mortality.Kostaki{A: 0.0005, B: 0.01, C: 0.1, D: 0.001, E1: 3, E2: 0.1, F: 25, G: 5e-5, H: 1.1}},
	{"Wittstein", mortality.Wittstein{A: 1.5, B: 5, N: 0.5, M: 100}}, // q_0 = 1/B + ... ≤ 1 needs B > 1
	{"RogersPlanck", mortality.RogersPlanck{A0: 1e-4, A1: 0.02, A2: 0.001, A3: 5e-5, A: 2, B: 0.001, C: 100, D: 0.09, U: 0.33}},
}

// TestQLaws checks the contract of the q-laws: FromLaw holds their own q,
// and their Hazard is the constant force that reproduces it, integrated
// exactly across years.
func TestQLaws(t *testing.T) {
	const relTol = 1e-14 // exp and log1p round trip
	for _, c := range qLaws {
		t.Run(c.name, func(t *testing.T) {
			require.NoError(t, c.law.(mortality.Validator).Validate())
			tbl, err := mortality.FromLaw(c.law, 0, 99)
			require.NoError(t, err)
			for age := 0; age <= 98; age++ { // 98: the last age whose next has q < 1 in every law
				x, q := float64(age), c.law.Q(age)
				assert.Equal(t, q, tbl.Q(age), "FromLaw q_%d", age)
				assert.InEpsilon(t, q, -math.Expm1(-c.law.CumHazard(x, 1)), relTol, "1 − exp(−H) at %d", age)
				assert.Equal(t, c.law.Hazard(x), c.law.Hazard(x+0.999), "constant force within age %d", age)
				// additivity across a year boundary
				whole := c.law.CumHazard(x+0.25, 1.5)
				parts := c.law.CumHazard(x+0.25, 0.75) + c.law.CumHazard(x+1, 0.75)
				assert.InEpsilon(t, whole, parts, relTol, "H additive at %d", age)
				assert.InEpsilon(t, 0.75*c.law.Hazard(x)+0.75*c.law.Hazard(x+1), whole, relTol, "H of a step at %d", age)
			}
		})
	}
}

// TestHeligmanPollardVariants: HP3 and HP4 with K = 1 are HP2 (identities
// of the formulas), and HP's q/p at age 0 has no hump term.
func TestHeligmanPollardVariants(t *testing.T) {
	const relTol = 1e-15 // the same sum, evaluated a little differently
	hp2 := mortality.HeligmanPollard2{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1}
	hp3 := mortality.HeligmanPollard3{A: hp2.A, B: hp2.B, C: hp2.C, D: hp2.D, E: hp2.E, F: hp2.F, G: hp2.G, H: hp2.H, K: 1}
	hp4 := mortality.HeligmanPollard4{A: hp2.A, B: hp2.B, C: hp2.C, D: hp2.D, E: hp2.E, F: hp2.F, G: hp2.G, H: hp2.H, K: 1}
	for age := 0; age <= 110; age++ {
		assert.InEpsilon(t, hp2.Q(age), hp3.Q(age), relTol, "HP3 q_%d", age)
		assert.InEpsilon(t, hp2.Q(age), hp4.Q(age), relTol, "HP4 q_%d", age)
	}
	hp := mortality.HeligmanPollard{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1}
	odds := math.Pow(hp.A, math.Pow(hp.B, hp.C)) + hp.G // q_0/p_0 without the hump
	assert.InEpsilon(t, odds/(1+odds), hp.Q(0), relTol)
}

// TestLawLimitingAge: laws with a limiting age have q = 1 from it on, which
// FromLaw accepts.
func TestLawLimitingAge(t *testing.T) {
	vdm := mortality.VanDerMaen{A: 0.001, B: 1e-4, I: 0.5, N: 105}
	assert.True(t, math.IsInf(vdm.Hazard(105), 1))
	assert.True(t, math.IsInf(vdm.CumHazard(104.5, 0.5), 1))
	w := mortality.Wittstein{A: 1.5, B: 1, N: 0.5, M: 100}
	for _, law := range []mortality.Law{vdm, w} {
		tbl, err := mortality.FromLaw(law, 90, 110)
		require.NoError(t, err)
		assert.Equal(t, 1.0, tbl.Q(104), "%T", law)
		assert.Zero(t, tbl.L(106), "%T", law)
	}
}

// TestLawValidate checks that Validate rejects parameters outside their
// range, NaN and infinities, and that FromLaw returns its error.
func TestLawValidate(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, c := range []struct {
		law   mortality.Law
		param string
	}{
		{mortality.Gompertz{}, "B"},
		{mortality.Gompertz{B: 1e-5, C: 0.9}, "C"},
		{mortality.Gompertz{B: nan, C: 1.1}, "B"},
		{mortality.Makeham{A: -1e-4, B: 1e-5, C: 1.1}, "A"},
		{mortality.Makeham{A: 1e-4, B: 1e-5, C: inf}, "C"},
		{mortality.Weibull{K: 0, Lambda: 80}, "K"},
		{mortality.Weibull{K: 2, Lambda: nan}, "Lambda"},
		{mortality.InverseWeibull{K: -1, Lambda: 80}, "K"},
		{mortality.InverseGompertz{M: nan, Sigma: 5}, "M"},
		{mortality.InverseGompertz{M: 20}, "Sigma"},
		{mortality.GammaGompertz{A: 1e-5, B: 0.1, Gamma: -0.1}, "Gamma"},
		{mortality.StrehlerMildvan{K: 0.01, V0: 2.5, B: 0.2}, "D"},
		{mortality.Perks{A: 1e-4, B: 1e-5, C: 0, D: 1e-5}, "C"},
		{mortality.Perks{A: 1e-4, B: 1e-5, C: 1.1, D: 1e-5, K: -1}, "K"},
		{mortality.Beard{A: 1e-5, B: 0.1, K: nan}, "K"},
		{mortality.MakehamBeard{A: 1e-5, B: 0.1, C: -1}, "C"},
		{mortality.Kannisto{A: 1e-5}, "B"},
		{mortality.KannistoMakeham{A: 1e-5, B: 0.1, C: inf}, "C"},
		{mortality.Martinelle{A: 1e-5, B: 0.1, D: -1}, "D"},
		{mortality.Siler{A1: 0.02, B1: -1}, "B1"},
		{mortality.Thiele{A: 0.02, B: 0.3, C: 0.004, D: 0, E: 25}, "D"},
		{mortality.Opperman{A: 0.04, B: 0.1, C: 0.001}, "B"}, // µ < 0 at some age
		{mortality.VanDerMaen{A: 0.001, B: -0.1, C: 1e-5}, "B"},
		{mortality.VanDerMaen{A: 0.001, I: 0.5}, "N"},
		{mortality.HeligmanPollard{A: 1, B: 0.004, C: 0.08, E: 10, F: 17, H: 1.1}, "A"},
		{mortality.HeligmanPollard3{A: 5e-4, B: 0.004, C: 0.08, E: 10, F: 17, H: 1.1, K: nan}, "K"},
		{mortality.HeligmanPollard4{A: 5e-4, B: 0.004, C: 0.08, E: 10, F: 17, H: 1.1}, "K"},
		{mortality.Kostaki{A: 5e-4, B: 0.01, C: 0.1, E1: 3, F: 25, H: 1.1}, "E2"},
		{mortality.Kostaki{A: 5e-4, B: 0.01, C: 0.1, E2: 3, F: 25, H: 1.1}, "E1"},
		{mortality.Wittstein{A: 1, B: 1, N: 0.5, M: 100}, "A"},
		{mortality.RogersPlanck{U: nan}, "U"},
		{mortality.Carriere{P1: 0.6, P2: 0.6}, "P2"},
		{mortality.Carriere{P1: 0.1, Child: mortality.Weibull{K: 1}, Young: mortality.InverseWeibull{K: 1, Lambda: 1}}, "Child.Lambda"},
		{mortality.Carriere2{Child: mortality.Weibull{K: 1, Lambda: 1}, Young: mortality.InverseGompertz{Sigma: 1}, Adult: mortality.Gompertz{B: 1e-5, C: 0.5}}, "Adult.C"},
	} {
		err := c.law.(mortality.Validator).Validate()
		require.Error(t, err, "%T %+v", c.law, c.law)
		assert.ErrorIs(t, err, mortality.ErrParameter)
		var pe *mortality.ParameterError
		if assert.True(t, errors.As(err, &pe), "%v", err) {
			assert.Equal(t, c.param, pe.Param, "%v", err)
		}
		_, ferr := mortality.FromLaw(c.law, 0, 100)
		assert.EqualError(t, ferr, err.Error(), "FromLaw returns Validate's error")
	}
}

// TestFromLawRejectsBadRates: a q-law whose formula leaves [0, 1], and a law
// (without Validate) whose hazard is NaN, give a *RateError naming the age.
func TestFromLawRejectsBadRates(t *testing.T) {
	// MortalityLaws' default Rogers–Planck parameters give q_x > 1 from about
	// age 93 (testdata/mortality-laws/rogersplanck.json).
	rp := mortality.RogersPlanck{A0: 1e-4, A1: 0.02, A2: 0.001, A3: 1e-4, A: 2, B: 0.001, C: 100, D: 0.1, U: 0.33}
	_, err := mortality.FromLaw(rp, 20, 100)
	var re *mortality.RateError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, mortality.ErrRate)
	assert.Greater(t, rp.Q(re.Age), 1.0)
	assert.LessOrEqual(t, rp.Q(re.Age-1), 1.0)

	_, err = mortality.FromLaw(hazardOnly{mortality.Gompertz{B: math.NaN(), C: 1.1}}, 0, 10)
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, mortality.ErrNotFinite)
	assert.Equal(t, 0, re.Age)

	_, err = mortality.FromLaw(sultLaw, 50, 40)
	assert.Error(t, err)
}

// TestCumHazardInfiniteSpan: the year-by-year paths refuse an infinite span
// rather than loop for ever.
func TestCumHazardInfiniteSpan(t *testing.T) {
	assert.PanicsWithValue(t, "mortality: CumHazard: the span t is infinite", func() {
		mortality.CumHazard(hazardOnly{sultLaw}, 20, math.Inf(1))
	})
	assert.Panics(t, func() { qLaws[0].law.CumHazard(20, math.Inf(1)) })
	assert.True(t, math.IsInf(sultLaw.CumHazard(20, math.Inf(1)), 1), "a closed form may give +Inf")
}
