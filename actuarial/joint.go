package actuarial

import "github.com/reserva-go/reserva/mortality"

// Annuities on two lives: the first, aged x, on the Life's table; the second,
// aged y, on another table (a spouse of the other sex, say). The lives are
// independent, so _kp_xy = _kp_x·_kp_y (AMLCR chapter 9).

// JointAnnuityDue returns ä_xy = Σ_{k≥0} v^k·_kp_x·_kp_y, the annuity-due
// of 1 a year while both lives are alive. It panics if other is nil or an
// age is below its table's MinAge.
func (l Life) JointAnnuityDue(x int, other mortality.Table, y int) float64 {
	return l.JointAnnuityEPV(x, other, y, Annuity{})
}

// LastSurvivorAnnuityDue returns ä_{xy bar} = ä_x + ä_y − ä_xy, the
// annuity-due of 1 a year while at least one life is alive.
func (l Life) LastSurvivorAnnuityDue(x int, other mortality.Table, y int) float64 {
	return l.LastSurvivorAnnuityEPV(x, other, y, Annuity{})
}

// ReversionaryAnnuityDue returns ä_{x|y} = ä_y − ä_xy, the annuity of 1 a
// year to (y) after (x) dies: a survivor's (widow's) pension of 1 a year to
// the second life, from the first payment date after the first life's death.
func (l Life) ReversionaryAnnuityDue(x int, other mortality.Table, y int) float64 {
	return l.ReversionaryAnnuityEPV(x, other, y, Annuity{})
}

// JointAnnuityEPV returns the expected present value of the annuity a paid
// while both lives are alive. With m payments a year under [MthlyUDD] the
// deaths that end the joint-life status are taken as uniform within each
// year (an approximation: UDD on each life does not imply it); under
// Woolhouse µ_xy = µ_x + µ_y.
func (l Life) JointAnnuityEPV(x int, other mortality.Table, y int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	return b.jointAnnuity(x, other, y, &a)
}

// LastSurvivorAnnuityEPV returns the expected present value of the annuity a
// paid while at least one life is alive: the value on (x), plus that on
// (y), less that on the joint status (xy).
func (l Life) LastSurvivorAnnuityEPV(x int, other mortality.Table, y int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	return b.lastSurvivorAnnuity(x, other, y, &a)
}

// ReversionaryAnnuityEPV returns the expected present value of the annuity
// a paid to (y) while (y) is alive and (x) is dead: the value on (y) less
// that on (xy). A guaranteed period has no meaning here: it panics if
// a.Guaranteed > 0.
func (l Life) ReversionaryAnnuityEPV(x int, other mortality.Table, y int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	return b.reversionaryAnnuity(x, other, y, &a)
}

// JointAnnuityEPV values the joint-life annuity a on the curve.
func (l CurveLife) JointAnnuityEPV(x int, other mortality.Table, y int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	return b.jointAnnuity(x, other, y, &a)
}

// LastSurvivorAnnuityEPV values the last-survivor annuity a on the curve.
func (l CurveLife) LastSurvivorAnnuityEPV(x int, other mortality.Table, y int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	return b.lastSurvivorAnnuity(x, other, y, &a)
}

// ReversionaryAnnuityEPV values the reversionary annuity a on the curve.
func (l CurveLife) ReversionaryAnnuityEPV(x int, other mortality.Table, y int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	return b.reversionaryAnnuity(x, other, y, &a)
}

func (b *basis) jointAnnuity(x int, other mortality.Table, y int, a *Annuity) float64 {
	s := joint(b.table, x, other, y)
	return b.annuity(&s, a)
}

func (b *basis) lastSurvivorAnnuity(x int, other mortality.Table, y int, a *Annuity) float64 {
	sxy := joint(b.table, x, other, y)
	sx := single(b.table, x)
	sy := single(other, y)
	return b.annuity(&sx, a) + b.annuity(&sy, a) - b.annuity(&sxy, a)
}

func (b *basis) reversionaryAnnuity(x int, other mortality.Table, y int, a *Annuity) float64 {
	if a.Guaranteed > 0 {
		panic("actuarial: a reversionary annuity has no guaranteed period")
	}
	sxy := joint(b.table, x, other, y)
	sy := single(other, y)
	return b.annuity(&sy, a) - b.annuity(&sxy, a)
}
