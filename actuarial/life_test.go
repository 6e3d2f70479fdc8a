package actuarial_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/mortality"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Printed tables round to these.
const (
	printed4 = 5e-5 // four decimals (ä_x)
	printed5 = 5e-6 // five decimals (A_x, ²A_x, _nE_x)
	printed2 = 5e-3 // two decimals (1000·A_x)
)

// TestSULTPrinted checks AMLCR's Standard Ultimate Life Table at 5%
// (Dickson, Hardy & Waters, AMLCR 2nd ed., Appendix D, the SULT's annuity
// and insurance functions at i = 0.05): ä_x, A_x, ²A_x and _20E_x as
// printed. ä_x and A_x are not independent (A_x = 1 − d·ä_x is tested
// below): both agreeing to the printed digits rules out a misread.
func TestSULTPrinted(t *testing.T) {
	l := actuarial.Life{Table: actuarialtest.SULT(t), Interest: 0.05}
	for _, c := range []struct {
		x     int
		ad, a float64
	}{
		{20, 19.9664, 0.04922},
		{45, 17.8162, 0.15161},
		{60, 14.9041, 0.29028},
		{65, 13.5498, 0.35477},
		{70, 12.0083, 0.42818},
	} {
		assert.InDelta(t, c.ad, l.AnnuityDue(c.x), printed4, "ä_%d", c.x)
		assert.InDelta(t, c.a, l.Insurance(c.x), printed5, "A_%d", c.x)
	}
	assert.InDelta(t, 0.03463, l.DoubleForce().Insurance(45), printed5, "²A_45")
	assert.InDelta(t, 0.35994, l.PureEndowment(45, 20), printed5, "_20E_45")
}

// TestILTPrinted checks the SOA Illustrative Life Table at 6% (Bowers,
// Gerber, Hickman, Jones & Nesbitt, Actuarial Mathematics, 2nd ed.,
// Appendix 2A): ä_x and 1000·A_x at ages 20 to 70, 1000·²A_65 and
// _10E_x as printed.
func TestILTPrinted(t *testing.T) {
	l := actuarial.Life{Table: actuarialtest.ILT(t), Interest: 0.06}
	for _, c := range []struct {
		x       int
		ad, a1k float64
	}{
		{20, 16.5133, 65.28},
		{30, 15.8561, 102.48},
		{40, 14.8166, 161.32},
		{50, 13.2668, 249.05},
		{60, 11.1454, 369.13},
		{65, 9.8969, 439.80},
		{70, 8.5693, 514.95},
	} {
		assert.InDelta(t, c.ad, l.AnnuityDue(c.x), printed4, "ä_%d", c.x)
		assert.InDelta(t, c.a1k, 1000*l.Insurance(c.x), printed2, "1000 A_%d", c.x)
	}
	assert.InDelta(t, 236.03, 1000*l.DoubleForce().Insurance(65), printed2, "1000 ²A_65")
	assert.InDelta(t, 0.54733, l.PureEndowment(30, 10), printed5, "_10E_30")
	assert.InDelta(t, 0.39994, l.PureEndowment(65, 10), printed5, "_10E_65")
}

// TestZeroInterest checks that Interest 0 means no interest: ä_x = 1 + e_x
// (e_x the curtate expectation, an analytic identity), A_x = 1 (everyone
// dies), _nE_x = _np_x.
func TestZeroInterest(t *testing.T) {
	const tol = 1e-12 // rounding of sums of ~100 terms of order 1
	tbl := actuarialtest.SULT(t)
	l := actuarial.Life{Table: tbl}
	for _, x := range []int{20, 65, 100, 130} {
		assert.InDelta(t, 1+tbl.CurtateLifeExpectancy(x), l.AnnuityDue(x), tol, "ä_%d", x)
		assert.InDelta(t, 1, l.Insurance(x), tol, "A_%d", x)
		assert.InDelta(t, tbl.Survival(x, 10), l.PureEndowment(x, 10), tol, "_10E_%d", x)
	}
}

// TestAnyTable checks that the generic Table path gives the same values as
// the *LifeTable one, and that a select life's table (any Table) is valued
// as the explicit sum Σ v^k·_kp_[x] it defines.
func TestAnyTable(t *testing.T) {
	const tol = 1e-13 // the same operations in the same order, up to rounding
	tbl := actuarialtest.SULT(t)
	direct := actuarial.Life{Table: tbl, Interest: 0.05}
	generic := actuarial.Life{Table: wrapped{tbl}, Interest: 0.05}
	other := wrapped{tbl}
	for _, x := range []int{20, 50, 65, 90} {
		assert.InDelta(t, direct.AnnuityDue(x), generic.AnnuityDue(x), tol)
		assert.InDelta(t, direct.Insurance(x), generic.Insurance(x), tol)
		assert.InDelta(t, direct.AnnuityDueM(x, 12), generic.AnnuityDueM(x, 12), tol)
		assert.InDelta(t, direct.JointAnnuityDue(x, tbl, x+3), generic.JointAnnuityDue(x, other, x+3), tol)
	}
	assert.InDeltaSlice(t, direct.AnnuityDueAll(nil), generic.AnnuityDueAll(nil), tol)

	// A select life aged 60 at selection: 60%, 75%, 90% of the ultimate rate.
	sel := selectLife{ult: tbl, x0: 60, factor: []float64{0.6, 0.75, 0.9}}
	l := actuarial.Life{Table: sel, Interest: 0.05}
	var want, kp, v float64 = 0, 1, 1
	for a := 60; a <= tbl.MaxAge()+1; a++ {
		want += v * kp
		kp *= 1 - sel.Q(a)
		v /= 1.05
	}
	assert.InDelta(t, want, l.AnnuityDue(60), tol, "ä_[60]")
	assert.Greater(t, l.AnnuityDue(60), direct.AnnuityDue(60), "a select life lives longer")
}

// TestBeyondTable checks the convention that q is 1 above MaxAge: a life
// aged above MaxAge receives one payment and dies in the year.
func TestBeyondTable(t *testing.T) {
	const tol = 1e-15
	tbl := actuarialtest.SULT(t)
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	assert.InDelta(t, 1, l.AnnuityDue(tbl.MaxAge()+5), tol)
	assert.InDelta(t, 1/1.05, l.Insurance(tbl.MaxAge()+5), tol)
	assert.InDelta(t, 0, l.PureEndowment(tbl.MaxAge()+1, 1), tol)
	// At MaxAge: ä = 1 + v·p_MaxAge, since q = 1 one year on.
	assert.InDelta(t, 1+(1-tbl.Q(tbl.MaxAge()))/1.05, l.AnnuityDue(tbl.MaxAge()), tol)
}

func TestValidate(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	assert.NoError(t, actuarial.Life{Table: tbl, Interest: 0.05}.Validate())
	assert.NoError(t, actuarial.Life{Table: wrapped{tbl}}.Validate())
	assert.NoError(t, actuarial.CurveLife{Table: tbl}.Validate())

	err := actuarial.Life{Table: tbl, Interest: math.NaN()}.Validate()
	assert.True(t, errors.Is(err, actuarial.ErrInterest), "%v", err)
	assert.Contains(t, err.Error(), "Life.Interest")
	err = actuarial.Life{Table: tbl, Interest: -1}.Validate()
	assert.True(t, errors.Is(err, actuarial.ErrInterest), "%v", err)
	assert.Error(t, actuarial.Life{Interest: 0.05}.Validate(), "no table")
	assert.Error(t, actuarial.CurveLife{}.Validate(), "no table")

	err = actuarial.Life{Table: badTable{wrapped{tbl}}, Interest: 0.05}.Validate()
	var re *mortality.RateError
	require.True(t, errors.As(err, &re), "%v", err)
	assert.Equal(t, 70, re.Age)
	assert.True(t, errors.Is(err, mortality.ErrNotFinite))

	l := actuarial.Life{Table: tbl, Interest: 0.05}
	assert.NoError(t, l.CheckAge(20))
	assert.NoError(t, l.CheckAge(130))
	for _, x := range []int{19, 131, -1} {
		err := l.CheckAge(x)
		assert.True(t, errors.Is(err, actuarial.ErrRange), "%d: %v", x, err)
		assert.Contains(t, err.Error(), "20..130")
	}
	assert.Error(t, actuarial.Life{}.CheckAge(40))
	assert.True(t, errors.Is(actuarial.CurveLife{Table: tbl}.CheckAge(10), actuarial.ErrRange))
}

// TestPanics checks that misuse panics with a message naming the package.
func TestPanics(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	for name, f := range map[string]func(){
		"no table":            func() { actuarial.Life{Interest: 0.05}.AnnuityDue(40) },
		"no table, curve":     func() { actuarial.CurveLife{}.AnnuityDue(40) },
		"NaN interest":        func() { actuarial.Life{Table: tbl, Interest: math.NaN()}.AnnuityDue(40) },
		"interest −2":         func() { actuarial.Life{Table: tbl, Interest: -2}.Insurance(40) },
		"age below table":     func() { l.AnnuityDue(19) },
		"age below, insur.":   func() { l.Insurance(10) },
		"age below, E":        func() { l.PureEndowment(0, 5) },
		"negative term":       func() { l.TemporaryAnnuityDue(40, -1) },
		"age below, no term":  func() { l.TemporaryAnnuityDue(10, 0) },
		"negative term, A":    func() { l.TermInsurance(40, -1) },
		"negative deferral":   func() { l.DeferredAnnuityDue(40, -1) },
		"m = 0":               func() { l.AnnuityDueM(40, 0) },
		"bad escalation":      func() { l.EscalatingAnnuityDue(40, math.NaN()) },
		"bad spec":            func() { l.AnnuityEPV(40, actuarial.Annuity{Term: 5, Guaranteed: 10}) },
		"bad insurance":       func() { l.InsuranceEPV(40, actuarial.Insurance{Endowment: true}) },
		"no second table":     func() { l.JointAnnuityDue(40, nil, 40) },
		"second age below":    func() { l.JointAnnuityDue(40, tbl, 5) },
		"reversionary guar.":  func() { l.ReversionaryAnnuityEPV(40, tbl, 40, actuarial.Annuity{Guaranteed: 5}) },
		"dst length":          func() { l.AnnuityDueAll(make([]float64, 3)) },
		"double force, no t.": func() { actuarial.Life{}.DoubleForce() },
	} {
		msg := panicMessage(f)
		assert.True(t, strings.HasPrefix(msg, "actuarial: "), "%s: %q", name, msg)
	}
}
