package mortality

import "math"

// RogersPlanck is the model mortality schedule of A. Rogers & F. Planck
// ("MODEL: a general program for estimating parametrized model schedules of
// fertility, mortality, migration, and marital and labor force status
// transitions", IIASA Working Paper WP-83-102, 1983), a law for q_x over
// the whole span of life, in the form and notation of MortalityLaws
// ("rogersplanck"):
//
//	q_x = A0 + A1·e^{−A·x} + A2·exp(B·(x−U) − e^{−C·(x−U)}) + A3·e^{D·x}
//
// a constant, a falling childhood term, a double-exponential hump at about
// age U, and a Gompertz term. It is a [QLaw]: see there for its Hazard. The
// formula can exceed 1; [FromLaw] reports it if it does.
type RogersPlanck struct {
	A0 float64 // constant term, A0 ≥ 0
	A1 float64 // childhood level, A1 ≥ 0
	A2 float64 // hump level, A2 ≥ 0
	A3 float64 // senescent level, A3 ≥ 0
	A  float64 // rate of decline of childhood mortality per year, A ≥ 0
	B  float64 // rate of the hump's rise, B ≥ 0
	C  float64 // rate of the hump's fall, C ≥ 0
	D  float64 // rate of ageing per year, D ≥ 0
	U  float64 // age about which the hump lies, in years
}

// Q returns q_x = A0 + A1·e^{−A·x} + A2·exp(B·(x−U) − e^{−C·(x−U)}) + A3·e^{D·x}.
func (r RogersPlanck) Q(age int) float64 {
	x := float64(age)
	return r.A0 + r.A1*math.Exp(-r.A*x) + r.A2*math.Exp(r.B*(x-r.U)-math.Exp(-r.C*(x-r.U))) + r.A3*math.Exp(r.D*x)
}

// Hazard returns the constant force −ln(1 − q_⌊x⌋) (see [QLaw]).
func (r RogersPlanck) Hazard(x float64) float64 { return stepHazard(r, x) }

// CumHazard integrates Hazard exactly.
func (r RogersPlanck) CumHazard(x, t float64) float64 { return stepCumHazard(r, x, t) }

// Validate reports whether every parameter but U is ≥ 0 and U is finite.
func (r RogersPlanck) Validate() error {
	return firstError(
		param("RogersPlanck", "A0", r.A0, r.A0 >= 0, "A0 ≥ 0"),
		param("RogersPlanck", "A1", r.A1, r.A1 >= 0, "A1 ≥ 0"),
		param("RogersPlanck", "A2", r.A2, r.A2 >= 0, "A2 ≥ 0"),
		param("RogersPlanck", "A3", r.A3, r.A3 >= 0, "A3 ≥ 0"),
		param("RogersPlanck", "A", r.A, r.A >= 0, "A ≥ 0"),
		param("RogersPlanck", "B", r.B, r.B >= 0, "B ≥ 0"),
		param("RogersPlanck", "C", r.C, r.C >= 0, "C ≥ 0"),
		param("RogersPlanck", "D", r.D, r.D >= 0, "D ≥ 0"),
		param("RogersPlanck", "U", r.U, true, "U finite"),
	)
}
