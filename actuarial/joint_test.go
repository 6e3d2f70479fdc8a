package actuarial_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/mortality"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJointLives checks the annuities on two independent lives (AMLCR
// chapter 9; analytic identities), with the second life on another table
// (the SULT set back 3 years, a younger-living spouse):
//
//	ä_xy = Σ v^k·_kp_x·_kp_y, the definition
//	ä_xy + ä_{xy bar} = ä_x + ä_y
//	ä_{x|y} = ä_y − ä_xy
//	ä_xy at interest 0 = 1 + e_xy, e_xy = Σ_{k≥1} _kp_x·_kp_y
//	ä_xy is symmetric in the two lives
func TestJointLives(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	spouse, err := mortality.SetBack(tbl, 3)
	require.NoError(t, err)
	l := actuarial.Life{Table: tbl, Interest: 0.05}
	ls := actuarial.Life{Table: spouse, Interest: 0.05}
	for _, c := range []struct{ x, y int }{{65, 62}, {60, 60}, {80, 70}, {45, 50}} {
		px := tbl.SurvivalAll(nil, c.x)
		py := spouse.SurvivalAll(nil, c.y)
		var want, ex float64
		for k := 0; k < min(len(px), len(py)); k++ {
			want += math.Pow(1.05, -float64(k)) * px[k] * py[k]
			if k > 0 {
				ex += px[k] * py[k]
			}
		}
		jxy := l.JointAnnuityDue(c.x, spouse, c.y)
		assert.InDelta(t, want, jxy, identity, "ä_%d:%d", c.x, c.y)
		assert.InDelta(t, jxy, ls.JointAnnuityDue(c.y, tbl, c.x), identity, "symmetry")
		assert.InDelta(t, l.AnnuityDue(c.x)+ls.AnnuityDue(c.y), jxy+l.LastSurvivorAnnuityDue(c.x, spouse, c.y), identity, "last survivor")
		assert.InDelta(t, ls.AnnuityDue(c.y)-jxy, l.ReversionaryAnnuityDue(c.x, spouse, c.y), identity, "reversionary")
		assert.InDelta(t, 1+ex, actuarial.Life{Table: tbl}.JointAnnuityDue(c.x, spouse, c.y), identity, "1 + e_xy")
	}

	// Two lives of the same age on the same table: Σ v^k·(_kp_x)².
	var want float64
	for k, p := range tbl.SurvivalAll(nil, 65) {
		want += math.Pow(1.05, -float64(k)) * p * p
	}
	assert.InDelta(t, want, l.JointAnnuityDue(65, tbl, 65), identity, "ä_65:65")

	// Contracts on the statuses: the m-thly, temporary versions keep the
	// relations, and the UDD joint status follows α(m)·ä_xy − β(m).
	a := actuarial.Annuity{Term: 20, PerYear: 12}
	x, y := 65, 62
	jxy := l.JointAnnuityEPV(x, spouse, y, a)
	assert.InDelta(t, l.AnnuityEPV(x, a)+ls.AnnuityEPV(y, a), jxy+l.LastSurvivorAnnuityEPV(x, spouse, y, a), identity)
	assert.InDelta(t, ls.AnnuityEPV(y, a)-jxy, l.ReversionaryAnnuityEPV(x, spouse, y, a), identity)
	alpha, beta := actuarial.UDDCoefficients(0.05, 12)
	assert.InDelta(t, alpha*l.JointAnnuityDue(x, spouse, y)-beta, l.JointAnnuityEPV(x, spouse, y, actuarial.Annuity{PerYear: 12}), identity)

	// On a flat curve the curve variants agree.
	flat, err := actuarial.NewCurve(0.05)
	require.NoError(t, err)
	cl := actuarial.CurveLife{Table: tbl, Curve: flat}
	assert.InDelta(t, jxy, cl.JointAnnuityEPV(x, spouse, y, a), identity)
	assert.InDelta(t, l.LastSurvivorAnnuityEPV(x, spouse, y, a), cl.LastSurvivorAnnuityEPV(x, spouse, y, a), identity)
	assert.InDelta(t, l.ReversionaryAnnuityEPV(x, spouse, y, a), cl.ReversionaryAnnuityEPV(x, spouse, y, a), identity)
}
