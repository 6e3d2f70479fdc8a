package mortality

import "math"

// VanDerMaen is the law attributed to W. van der Maen (1943) in the form
// MortalityLaws gives it ("vandermaen"): a quadratic hazard plus a term that
// sends mortality to infinity at the limiting age N,
//
//	µ(x) = A + B·x + C·x² + I/(N − x),   x < N
//
// and µ(x) = +Inf from age N on: nobody lives past N. C = 0 is
// MortalityLaws' "vandermaen2"; I = 0 removes the limiting age (N is then
// ignored) and leaves MortalityLaws' "quadratic" law A + B·x + C·x².
type VanDerMaen struct {
	A float64 // hazard at birth, A ≥ 0
	B float64 // linear term per year; B ≥ 0, or B² ≤ 4AC so that µ ≥ 0
	C float64 // quadratic term per year², C ≥ 0
	I float64 // weight of the limiting-age term, I ≥ 0; 0: no limiting age
	N float64 // limiting age in years, N > 0 (ignored when I = 0)
}

// Hazard returns µ(x) = A + B·x + C·x² + I/(N − x), or +Inf at and above N
// when I > 0.
func (v VanDerMaen) Hazard(x float64) float64 {
	mu := v.A + v.B*x + v.C*x*x
	if v.I == 0 {
		return mu
	}
	if x >= v.N {
		return math.Inf(1)
	}
	return mu + v.I/(v.N-x)
}

// CumHazard returns A·t + B·((x+t)² − x²)/2 + C·((x+t)³ − x³)/3 +
// I·ln((N − x)/(N − x − t)), which is +Inf when x + t ≥ N and I > 0.
func (v VanDerMaen) CumHazard(x, t float64) float64 {
	y := x + t
	h := v.A*t + v.B*t*(x+y)/2 + v.C*t*(x*x+x*y+y*y)/3
	if v.I == 0 {
		return h
	}
	if y >= v.N {
		return math.Inf(1)
	}
	return h - v.I*math.Log1p(-t/(v.N-x))
}

// Validate reports whether µ(x) ≥ 0 at every age: A ≥ 0, C ≥ 0, B ≥ 0 or
// B² ≤ 4AC, I ≥ 0, and N > 0 when I > 0.
func (v VanDerMaen) Validate() error {
	return firstError(
		param("VanDerMaen", "A", v.A, v.A >= 0, "A ≥ 0"),
		param("VanDerMaen", "C", v.C, v.C >= 0, "C ≥ 0"),
		param("VanDerMaen", "B", v.B, v.B >= 0 || v.B*v.B <= 4*v.A*v.C, "B ≥ 0 or B² ≤ 4AC"),
		param("VanDerMaen", "I", v.I, v.I >= 0, "I ≥ 0"),
		param("VanDerMaen", "N", v.N, v.I == 0 || v.N > 0, "N > 0"),
	)
}

// Opperman is L. H. F. Oppermann's law for infant and child mortality (1870;
// the reference is MortalityLaws', "opperman"), in MortalityLaws' form, which
// counts age from −1 so that the hazard is finite at birth:
//
//	µ(x) = A/√(x+1) − B + C·√(x+1)
//
// MortalityLaws floors µ at 0; here the valid range keeps µ ≥ 0 instead. The
// form has not been checked against Oppermann's paper.
type Opperman struct {
	A float64 // falling term, A ≥ 0
	B float64 // constant subtracted, B ≤ 2√(AC) so that µ ≥ 0 (may be negative)
	C float64 // rising term, C ≥ 0
}

// Hazard returns µ(x) = A/√(x+1) − B + C·√(x+1).
func (o Opperman) Hazard(x float64) float64 {
	r := math.Sqrt(x + 1)
	return o.A/r - o.B + o.C*r
}

// CumHazard returns 2A·(√(x+t+1) − √(x+1)) − B·t + (2C/3)·((x+t+1)^{3/2} − (x+1)^{3/2}).
func (o Opperman) CumHazard(x, t float64) float64 {
	r0, r1 := math.Sqrt(x+1), math.Sqrt(x+t+1)
	return 2*o.A*(r1-r0) - o.B*t + 2*o.C/3*(r1*r1*r1-r0*r0*r0)
}

// Validate reports whether A ≥ 0, C ≥ 0 and B ≤ 2√(AC).
func (o Opperman) Validate() error {
	return firstError(
		param("Opperman", "A", o.A, o.A >= 0, "A ≥ 0"),
		param("Opperman", "C", o.C, o.C >= 0, "C ≥ 0"),
		param("Opperman", "B", o.B, o.B <= 2*math.Sqrt(o.A*o.C), "B ≤ 2√(AC)"),
	)
}
