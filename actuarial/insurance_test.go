package actuarial_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/stretchr/testify/assert"
)

// TestInsuranceIdentities checks the insurances against the annuities and
// each other (AMLCR chapters 4 and 5; analytic identities):
//
//	A_x = 1 − d·ä_x,  A_{x:n} = 1 − d·ä_{x:n}
//	A_{x:n} = A¹_{x:n} + _nE_x,  A_x = A¹_{x:n} + u|A_x with u = n
//	u|A_x = _uE_x·A_{x+u}
//	Ā_x = (i/δ)·A_x under UDD, Ā_{x:n} = (i/δ)·A¹_{x:n} + _nE_x
//	²A_x = Σ v^{2(k+1)}·_kp_x·q_{x+k}, the definition at the doubled force
func TestInsuranceIdentities(t *testing.T) {
	for name, l := range map[string]actuarial.Life{
		"SULT 5%":  {Table: actuarialtest.SULT(t), Interest: 0.05},
		"ILT 6%":   {Table: actuarialtest.ILT(t), Interest: 0.06},
		"SULT −1%": {Table: actuarialtest.SULT(t), Interest: -0.01},
	} {
		d := l.Interest / (1 + l.Interest)
		iOverDelta := l.Interest / math.Log1p(l.Interest)
		for _, x := range []int{25, 45, 65, 85} {
			assert.InDelta(t, 1-d*l.AnnuityDue(x), l.Insurance(x), identity, "%s A_%d", name, x)
			assert.InDelta(t, iOverDelta*l.Insurance(x), l.InsuranceEPV(x, actuarial.Insurance{AtDeath: true}), identity, "%s Ā_%d", name, x)
			for _, n := range []int{1, 10, 20} {
				e := l.PureEndowment(x, n)
				term := l.TermInsurance(x, n)
				endow := l.EndowmentInsurance(x, n)
				assert.InDelta(t, 1-d*l.TemporaryAnnuityDue(x, n), endow, identity, "%s A_%d:%d", name, x, n)
				assert.InDelta(t, term+e, endow, identity, "%s A_%d:%d", name, x, n)
				assert.InDelta(t, l.Insurance(x), term+l.DeferredInsurance(x, n), identity, "%s A_%d split at %d", name, x, n)
				assert.InDelta(t, e*l.Insurance(x+n), l.DeferredInsurance(x, n), identity, "%s %d|A_%d", name, n, x)
				atDeath := l.InsuranceEPV(x, actuarial.Insurance{Term: n, Endowment: true, AtDeath: true})
				assert.InDelta(t, iOverDelta*term+e, atDeath, identity, "%s Ā_%d:%d", name, x, n)
			}
		}
	}

	tbl := actuarialtest.SULT(t)
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	var want float64
	for k, kp := range tbl.SurvivalAll(nil, 50) {
		want += math.Pow(1.05, -2*float64(k+1)) * kp * tbl.Q(50+k)
	}
	assert.InDelta(t, want, l.DoubleForce().Insurance(50), identity, "²A_50")
	assert.Equal(t, 0.0, l.TermInsurance(50, 0))
	assert.Equal(t, 1.0, l.EndowmentInsurance(50, 0))
	assert.Equal(t, 1.0, l.PureEndowment(50, 0))

	// With no interest every life dies once: A_x = Ā_x = 1.
	l0 := actuarial.Life{Table: tbl}
	assert.InDelta(t, 1, l0.InsuranceEPV(50, actuarial.Insurance{AtDeath: true}), identity)
}

func TestInsuranceValidate(t *testing.T) {
	assert.NoError(t, actuarial.Insurance{}.Validate())
	assert.NoError(t, actuarial.Insurance{Deferral: 2, Term: 10, Endowment: true, AtDeath: true}.Validate())
	for _, b := range []actuarial.Insurance{{Deferral: -1}, {Term: -1}, {Endowment: true}} {
		assert.Error(t, b.Validate(), "%+v", b)
	}
}
