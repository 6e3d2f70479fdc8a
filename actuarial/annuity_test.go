package actuarial_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// identity is the tolerance of analytic identities between values of order
// 1 to 20 computed by different sums: rounding over ~100 terms.
const identity = 1e-11

// TestAnnuityIdentities checks the relations between annuities on one life
// (AMLCR chapter 5), on the SULT at 5% and the ILT at 6%:
//
//	ä_{x:n} = ä_x − _nE_x·ä_{x+n}
//	a_x = ä_x − 1,  a_{x:n} = ä_{x:n} − 1 + _nE_x
//	u|ä_x = _uE_x·ä_{x+u} = ä_x − ä_{x:u}
//	ä_x = Σ v^k·_kp_x, the definition, summed from the table's survivors
func TestAnnuityIdentities(t *testing.T) {
	for name, l := range map[string]actuarial.Life{
		"SULT 5%":  {Table: actuarialtest.SULT(t), Interest: 0.05},
		"ILT 6%":   {Table: actuarialtest.ILT(t), Interest: 0.06},
		"SULT 0%":  {Table: actuarialtest.SULT(t), Interest: 0},
		"SULT −1%": {Table: actuarialtest.SULT(t), Interest: -0.01},
	} {
		for _, x := range []int{25, 45, 65, 85} {
			for _, n := range []int{1, 10, 20} {
				e := l.PureEndowment(x, n)
				assert.InDelta(t, l.AnnuityDue(x)-e*l.AnnuityDue(x+n), l.TemporaryAnnuityDue(x, n), identity, "%s ä_%d:%d", name, x, n)
				assert.InDelta(t, l.TemporaryAnnuityDue(x, n)-1+e, l.TemporaryAnnuityImmediate(x, n), identity, "%s a_%d:%d", name, x, n)
				assert.InDelta(t, e*l.AnnuityDue(x+n), l.DeferredAnnuityDue(x, n), identity, "%s %d|ä_%d", name, n, x)
			}
			assert.InDelta(t, l.AnnuityDue(x)-1, l.AnnuityImmediate(x), identity, "%s a_%d", name, x)
		}
	}
	l := actuarial.Life{Table: actuarialtest.SULT(t), Interest: 0.05}
	tbl := actuarialtest.SULT(t)
	p := tbl.SurvivalAll(nil, 65)
	var want float64
	for k, kp := range p {
		want += kp * math.Pow(1.05, -float64(k))
	}
	assert.InDelta(t, want, l.AnnuityDue(65), identity, "ä_65 = Σ v^k kp_65")
	assert.Equal(t, 0.0, l.TemporaryAnnuityDue(65, 0))
	assert.Equal(t, 1.0, l.TemporaryAnnuityDue(65, 1))
	assert.Equal(t, 0.0, l.TemporaryAnnuityImmediate(65, 0))
}

// TestMthlyUDD checks the m-thly annuities, exact under UDD, against
// AMLCR chapter 5 (annuities under UDD): ä_x^(m) = α(m)·ä_x − β(m),
// ä_{x:n}^(m) = α(m)·ä_{x:n} − β(m)·(1 − _nE_x),
// u|ä_x^(m) = α(m)·u|ä_x − β(m)·_uE_x; and a^(m) = ä^(m) − (1/m)(1 − _nE_x)
// for the annuity-immediate (a shift of the payment dates).
func TestMthlyUDD(t *testing.T) {
	for _, i := range []float64{0.05, 0.06, 0, -0.01} {
		l := actuarial.Life{Table: actuarialtest.SULT(t), Interest: i}
		for _, m := range []int{2, 4, 12} {
			alpha, beta := actuarial.UDDCoefficients(i, m)
			for _, x := range []int{30, 65, 95} {
				assert.InDelta(t, alpha*l.AnnuityDue(x)-beta, l.AnnuityDueM(x, m), identity, "i=%v ä_%d^(%d)", i, x, m)
				n, u := 15, 10
				e := l.PureEndowment(x, n)
				temp := l.AnnuityEPV(x, actuarial.Annuity{Term: n, PerYear: m})
				assert.InDelta(t, alpha*l.TemporaryAnnuityDue(x, n)-beta*(1-e), temp, identity, "i=%v ä_%d:%d^(%d)", i, x, n, m)
				imm := l.AnnuityEPV(x, actuarial.Annuity{Term: n, PerYear: m, Immediate: true})
				assert.InDelta(t, temp-(1-e)/float64(m), imm, identity, "i=%v a_%d:%d^(%d)", i, x, n, m)
				def := l.AnnuityEPV(x, actuarial.Annuity{Deferral: u, PerYear: m})
				assert.InDelta(t, alpha*l.DeferredAnnuityDue(x, u)-beta*l.PureEndowment(x, u), def, identity, "i=%v %d|ä_%d^(%d)", i, u, x, m)
			}
		}
	}
}

// TestMthlyWoolhouse checks Woolhouse's formula (AMLCR chapter 5) applied
// year by year against its closed form for the whole-life and temporary
// annuities, with µ_x ≈ −½(ln p_{x−1} + ln p_x):
//
//	ä_x^(m) ≈ ä_x − (m−1)/(2m) − (m²−1)/(12m²)·(δ + µ_x)
//	ä_{x:n}^(m) ≈ ä_{x:n} − (m−1)/(2m)·(1 − _nE_x)
//	              − (m²−1)/(12m²)·(δ + µ_x − _nE_x·(δ + µ_{x+n}))
//
// and, as a sanity bound, that up to age 65 it lies within 0.002 of the
// exact UDD value: both approximate the same sum, and their gap is of the
// order of Woolhouse's third term, (m²−1)/(12m²)·(δ + µ_x) ≈ 0.005 at 65.
func TestMthlyWoolhouse(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	delta := math.Log(1.05)
	mu := func(x int) float64 { return -0.5 * (math.Log1p(-tbl.Q(x-1)) + math.Log1p(-tbl.Q(x))) }
	for _, m := range []int{2, 4, 12} {
		fm := float64(m)
		c2, c3 := (fm-1)/(2*fm), (fm*fm-1)/(12*fm*fm)
		for _, x := range []int{30, 65, 90} {
			w3 := l.AnnuityEPV(x, actuarial.Annuity{PerYear: m, Method: actuarial.MthlyWoolhouse})
			w2 := l.AnnuityEPV(x, actuarial.Annuity{PerYear: m, Method: actuarial.MthlyWoolhouse2})
			assert.InDelta(t, l.AnnuityDue(x)-c2-c3*(delta+mu(x)), w3, identity, "ä_%d^(%d) Woolhouse 3", x, m)
			assert.InDelta(t, l.AnnuityDue(x)-c2, w2, identity, "ä_%d^(%d) Woolhouse 2", x, m)

			n := 20
			e := l.PureEndowment(x, n)
			tw := l.AnnuityEPV(x, actuarial.Annuity{Term: n, PerYear: m, Method: actuarial.MthlyWoolhouse})
			want := l.TemporaryAnnuityDue(x, n) - c2*(1-e) - c3*(delta+mu(x)-e*(delta+mu(x+n)))
			assert.InDelta(t, want, tw, identity, "ä_%d:%d^(%d) Woolhouse 3", x, n, m)

			const closeToUDD = 2e-3 // below the size of the third term
			if x <= 65 {
				assert.InDelta(t, l.AnnuityDueM(x, m), w3, closeToUDD, "ä_%d^(%d) UDD vs Woolhouse", x, m)
			}
		}
	}
	// One payment a year: every method gives the annual annuity.
	for _, mt := range []actuarial.Mthly{actuarial.MthlyUDD, actuarial.MthlyWoolhouse, actuarial.MthlyWoolhouse2} {
		assert.InDelta(t, l.AnnuityDue(50), l.AnnuityEPV(50, actuarial.Annuity{PerYear: 1, Method: mt}), identity, "%v", mt)
	}
}

// TestEscalating checks that an annuity escalating at g is the level
// annuity at j = (1+i)/(1+g) − 1, payments scaled (an analytic identity:
// (1+g)^k·v^k = v_j^k): ä at j for the due annuity, a at j divided by 1+g
// for the immediate one, whose k-th payment is (1+g)^(k−1).
func TestEscalating(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	for _, c := range []struct{ i, g float64 }{{0.05, 0.02}, {0.06, 0.03}, {0.03, 0.05}, {0.04, -0.01}} {
		l := actuarial.Life{Table: tbl, Interest: c.i}
		lj := actuarial.Life{Table: tbl, Interest: (1+c.i)/(1+c.g) - 1}
		for _, x := range []int{40, 65} {
			assert.InDelta(t, lj.AnnuityDue(x), l.EscalatingAnnuityDue(x, c.g), identity, "i=%v g=%v x=%d", c.i, c.g, x)
			imm := l.AnnuityEPV(x, actuarial.Annuity{Escalation: c.g, Immediate: true})
			assert.InDelta(t, lj.AnnuityImmediate(x)/(1+c.g), imm, identity, "immediate i=%v g=%v x=%d", c.i, c.g, x)
			tmp := l.AnnuityEPV(x, actuarial.Annuity{Escalation: c.g, Term: 10})
			assert.InDelta(t, lj.TemporaryAnnuityDue(x, 10), tmp, identity, "temporary i=%v g=%v x=%d", c.i, c.g, x)
		}
	}
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	assert.Equal(t, l.AnnuityDue(65), l.EscalatingAnnuityDue(65, 0), "g = 0 is level")
}

// TestGuaranteed checks the certain-and-life annuity against
// ä_{x:n bar} = ä_n + _nE_x·ä_{x+n} (an analytic identity), annual
// and m-thly (with the certain ä_n^(m) = (1 − v^n)/d^(m)), and with a
// deferral: u|ä = _uE_x·(ä_n + _nE_{x+u}·ä_{x+u+n}).
func TestGuaranteed(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	for _, i := range []float64{0.05, 0} {
		l := actuarial.Life{Table: tbl, Interest: i}
		for _, x := range []int{60, 65, 100, 130} {
			for _, n := range []int{0, 5, 10} {
				want := actuarial.AnnuityCertainDue(i, n) + l.PureEndowment(x, n)*l.AnnuityDue(x+n)
				assert.InDelta(t, want, l.GuaranteedAnnuityDue(x, n), identity, "i=%v x=%d n=%d", i, x, n)
			}
		}
	}
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	x, n, m := 65, 10, 12
	certain := (1 - math.Pow(1.05, -float64(n))) / actuarial.NominalDiscountRate(0.05, m)
	want := certain + l.PureEndowment(x, n)*l.AnnuityDueM(x+n, m)
	assert.InDelta(t, want, l.AnnuityEPV(x, actuarial.Annuity{Guaranteed: n, PerYear: m}), identity, "m-thly guaranteed")

	u := 5
	want = l.PureEndowment(x, u) * (actuarial.AnnuityCertainDue(0.05, n) + l.PureEndowment(x+u, n)*l.AnnuityDue(x+u+n))
	assert.InDelta(t, want, l.AnnuityEPV(x, actuarial.Annuity{Deferral: u, Guaranteed: n}), identity, "deferred guaranteed")

	// A guarantee as long as the term is an annuity certain once the life
	// survives the deferral.
	assert.InDelta(t, l.PureEndowment(x, u)*actuarial.AnnuityCertainDue(0.05, n),
		l.AnnuityEPV(x, actuarial.Annuity{Deferral: u, Term: n, Guaranteed: n}), identity)
}

// TestAnnuityDueAll checks the backward recursion against ä_x age by age,
// the generic Table path, the curve variant, and that it allocates nothing
// when given dst.
func TestAnnuityDueAll(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	all := l.AnnuityDueAll(nil)
	require.Len(t, all, tbl.MaxAge()-tbl.MinAge()+1)
	for i, a := range all {
		assert.InDelta(t, l.AnnuityDue(tbl.MinAge()+i), a, identity, "ä_%d", tbl.MinAge()+i)
	}
	c, err := actuarial.NewCurve(0.05)
	require.NoError(t, err)
	assert.InDeltaSlice(t, all, actuarial.CurveLife{Table: tbl, Curve: c}.AnnuityDueAll(nil), identity)

	dst := make([]float64, len(all))
	allocs := testing.AllocsPerRun(100, func() { l.AnnuityDueAll(dst) })
	assert.Equal(t, 0.0, allocs)
	generic := actuarial.Life{Table: wrapped{tbl}, Interest: 0.05}
	allocs = testing.AllocsPerRun(100, func() { generic.AnnuityDueAll(dst) })
	assert.Equal(t, 0.0, allocs)
}

// TestCurveLife checks the curve variant: on a flat curve it equals Life for
// every contract; on 6% for ten years then 4% the whole-life annuity splits
// at year 10 into ä_{x:10} at 6% and v(10)·_10p_x·ä_{x+10} at 4% (an
// analytic identity), and the same holds for insurances.
func TestCurveLife(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	flat, err := actuarial.NewCurve(0.05)
	require.NoError(t, err)
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	cl := actuarial.CurveLife{Table: tbl, Curve: flat}
	for _, a := range []actuarial.Annuity{
		{}, {Term: 10}, {Deferral: 5, PerYear: 12}, {Guaranteed: 5, Escalation: 0.02},
		{PerYear: 4, Method: actuarial.MthlyWoolhouse, Immediate: true},
	} {
		assert.InDelta(t, l.AnnuityEPV(65, a), cl.AnnuityEPV(65, a), identity, "%+v", a)
	}
	for _, b := range []actuarial.Insurance{{}, {Term: 10}, {Term: 10, Endowment: true}, {AtDeath: true}} {
		assert.InDelta(t, l.InsuranceEPV(50, b), cl.InsuranceEPV(50, b), identity, "%+v", b)
	}
	assert.InDelta(t, l.PureEndowment(50, 15), cl.PureEndowment(50, 15), identity)
	assert.InDelta(t, l.Insurance(50), cl.Insurance(50), identity)
	assert.InDelta(t, l.DoubleForce().Insurance(50), cl.DoubleForce().Insurance(50), identity)

	step, err := actuarial.StepCurve(0.06, 10, 0.04)
	require.NoError(t, err)
	cs := actuarial.CurveLife{Table: tbl, Curve: step}
	l6 := actuarial.Life{Table: tbl, Interest: 0.06}
	l4 := actuarial.Life{Table: tbl, Interest: 0.04}
	for _, x := range []int{40, 65} {
		e := l6.PureEndowment(x, 10)
		assert.InDelta(t, l6.TemporaryAnnuityDue(x, 10)+e*l4.AnnuityDue(x+10), cs.AnnuityDue(x), identity, "ä_%d", x)
		assert.InDelta(t, l6.TermInsurance(x, 10)+e*l4.Insurance(x+10), cs.Insurance(x), identity, "A_%d", x)
		assert.InDelta(t, e, cs.PureEndowment(x, 10), identity)
		assert.InDelta(t, step.DiscountFactor(10)*tbl.Survival(x, 10), cs.PureEndowment(x, 10), identity)
	}
	// No curve: no interest.
	assert.InDelta(t, 1+tbl.CurtateLifeExpectancy(65), actuarial.CurveLife{Table: tbl}.AnnuityDue(65), identity)
}

func TestAnnuityValidate(t *testing.T) {
	assert.NoError(t, actuarial.Annuity{}.Validate())
	assert.NoError(t, actuarial.Annuity{Deferral: 3, Term: 10, Guaranteed: 10, PerYear: 12, Escalation: 0.02}.Validate())
	for _, a := range []actuarial.Annuity{
		{Deferral: -1}, {Term: -1}, {Guaranteed: -1}, {Term: 5, Guaranteed: 6}, {PerYear: -12},
		{Method: 7}, {Escalation: math.NaN()}, {Escalation: -1},
	} {
		assert.Error(t, a.Validate(), "%+v", a)
	}
	assert.Equal(t, "UDD", actuarial.MthlyUDD.String())
	assert.Equal(t, "Mthly(9)", actuarial.Mthly(9).String())
}
