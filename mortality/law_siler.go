package mortality

import "math"

// Siler is W. Siler's competing-risk law for the whole span of life ("A
// competing-risk model for animal mortality", Ecology 60, 1979), in his
// notation: a falling infant hazard, a constant one and a rising senescent
// one,
//
//	µ(x) = A1·e^{−B1·x} + A2 + A3·e^{B3·x}
//
// MortalityLaws ("siler") writes A·e^{−Bx} + C + D·e^{Ex}: A1, B1, A2, A3,
// B3 here are its A, B, C, D, E.
type Siler struct {
	A1 float64 // infant hazard at birth, A1 ≥ 0; 0: no infant term
	B1 float64 // rate at which infant hazard falls per year, B1 ≥ 0
	A2 float64 // age-independent hazard, A2 ≥ 0
	A3 float64 // senescent hazard at birth, A3 ≥ 0; 0: no senescent term
	B3 float64 // rate of ageing per year, B3 ≥ 0
}

// Hazard returns µ(x) = A1·e^{−B1·x} + A2 + A3·e^{B3·x}.
func (s Siler) Hazard(x float64) float64 {
	return s.A1*math.Exp(-s.B1*x) + s.A2 + s.A3*math.Exp(s.B3*x)
}

// CumHazard returns (A1/B1)·(e^{−B1·x} − e^{−B1·(x+t)}) + A2·t +
// (A3/B3)·(e^{B3·(x+t)} − e^{B3·x}).
func (s Siler) CumHazard(x, t float64) float64 {
	return expCumHazard(s.A1, -s.B1, x, t) + s.A2*t + expCumHazard(s.A3, s.B3, x, t)
}

// Validate reports whether every parameter is finite and ≥ 0.
func (s Siler) Validate() error {
	return firstError(
		param("Siler", "A1", s.A1, s.A1 >= 0, "A1 ≥ 0"),
		param("Siler", "B1", s.B1, s.B1 >= 0, "B1 ≥ 0"),
		param("Siler", "A2", s.A2, s.A2 >= 0, "A2 ≥ 0"),
		param("Siler", "A3", s.A3, s.A3 >= 0, "A3 ≥ 0"),
		param("Siler", "B3", s.B3, s.B3 >= 0, "B3 ≥ 0"),
	)
}

// Thiele is T. N. Thiele's law for the whole span of life (T. N. Thiele, "On
// a mathematical formula to express the rate of mortality throughout the
// whole of life", J. Inst. Actuaries 16, 1871): a falling
// infant term, a normal-shaped accident hump centred on age E, and a
// Gompertz term,
//
//	µ(x) = A·e^{−Bx} + C·e^{−D·(x−E)²/2} + F·e^{Gx}
//
// The parameters are MortalityLaws' ("thiele"); MortalityLaws drops the hump
// term at exactly x = 0, which is not done here.
type Thiele struct {
	A float64 // infant hazard at birth, A ≥ 0
	B float64 // rate at which infant hazard falls per year, B ≥ 0
	C float64 // height of the accident hump, C ≥ 0; 0: no hump
	D float64 // precision of the hump (1/D is its variance in years²), D > 0
	E float64 // age at the top of the hump, in years
	F float64 // senescent hazard at birth, F ≥ 0
	G float64 // rate of ageing per year, G ≥ 0
}

// Hazard returns µ(x) = A·e^{−Bx} + C·e^{−D·(x−E)²/2} + F·e^{Gx}.
func (th Thiele) Hazard(x float64) float64 {
	d := x - th.E
	return th.A*math.Exp(-th.B*x) + th.C*math.Exp(-th.D*d*d/2) + th.F*math.Exp(th.G*x)
}

// CumHazard integrates the two exponential terms in closed form and the hump
// through the error function: C·√(π/(2D))·(erf(z(x+t)) − erf(z(x))),
// z(s) = (s − E)·√(D/2).
func (th Thiele) CumHazard(x, t float64) float64 {
	r := math.Sqrt(th.D / 2)
	hump := th.C * math.Sqrt(math.Pi/(2*th.D)) * erfDiff((x-th.E)*r, (x+t-th.E)*r)
	return expCumHazard(th.A, -th.B, x, t) + hump + expCumHazard(th.F, th.G, x, t)
}

// erfDiff returns erf(b) − erf(a) for a ≤ b, through erfc in the tails so
// that it keeps its relative accuracy there.
func erfDiff(a, b float64) float64 {
	switch {
	case a >= 0:
		return math.Erfc(a) - math.Erfc(b)
	case b <= 0:
		return math.Erfc(-b) - math.Erfc(-a)
	}
	return math.Erf(b) - math.Erf(a)
}

// Validate reports whether A, B, C, F, G ≥ 0, D > 0 and E is finite.
func (th Thiele) Validate() error {
	return firstError(
		param("Thiele", "A", th.A, th.A >= 0, "A ≥ 0"),
		param("Thiele", "B", th.B, th.B >= 0, "B ≥ 0"),
		param("Thiele", "C", th.C, th.C >= 0, "C ≥ 0"),
		param("Thiele", "D", th.D, th.D > 0, "D > 0"),
		param("Thiele", "E", th.E, true, "E finite"),
		param("Thiele", "F", th.F, th.F >= 0, "F ≥ 0"),
		param("Thiele", "G", th.G, th.G >= 0, "G ≥ 0"),
	)
}
