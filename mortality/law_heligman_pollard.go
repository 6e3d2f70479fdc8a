package mortality

import "math"

// This file holds the Heligman–Pollard family: graduation formulas for q_x
// over the whole span of life, the sum of a childhood term, an accident hump
// and a senescent term. They are [QLaw]s: see there for their Hazard.

// hpChild returns the childhood term A^((x+B)^C).
func hpChild(a, b, c float64, age int) float64 {
	return math.Pow(a, math.Pow(float64(age)+b, c))
}

// hpHump returns the accident hump D·exp(−E·(ln x − ln F)²), 0 at age 0
// (its limit for E > 0).
func hpHump(d, e, f float64, age int) float64 {
	if age <= 0 {
		return 0
	}
	l := math.Log(float64(age) / f)
	return d * math.Exp(-e*l*l)
}

func validateHP(law string, a, b, c, d, e, f, g, h float64) error {
	return firstError(
		param(law, "A", a, a >= 0 && a < 1, "0 ≤ A < 1"),
		param(law, "B", b, b >= 0, "B ≥ 0"),
		param(law, "C", c, c > 0, "C > 0"),
		param(law, "D", d, d >= 0, "D ≥ 0"),
		param(law, eName(law), e, e > 0, eName(law)+" > 0"),
		param(law, "F", f, f > 0, "F > 0"),
		param(law, "G", g, g >= 0, "G ≥ 0"),
		param(law, "H", h, h > 0, "H > 0"),
	)
}

// HeligmanPollard is the law of L. Heligman & J. H. Pollard ("The age
// pattern of mortality", J. Inst. Actuaries 107, 1980) for the odds of death
// at integer age x:
//
//	q_x/p_x = A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^x
//
// The first term is childhood mortality, the second the accident hump
// centred on age F, the third Gompertz-like senescence. The hump is 0 at age
// 0. The parameters are the paper's (MortalityLaws "HP"; its F_ is F).
type HeligmanPollard struct {
	A float64 // childhood level, about q_1; 0 ≤ A < 1 (0: no childhood term)
	B float64 // age displacement of the childhood term (q_0 vs q_1), B ≥ 0
	C float64 // rate of decline of childhood mortality, C > 0
	D float64 // height of the accident hump, D ≥ 0
	E float64 // spread of the hump (larger is narrower), E > 0
	F float64 // age at the top of the hump, F > 0
	G float64 // senescent level, G ≥ 0
	H float64 // senescent rate of ageing, H > 0
}

// Q returns q_x = η/(1 + η), η being the odds A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^x.
func (hp HeligmanPollard) Q(age int) float64 {
	odds := hpChild(hp.A, hp.B, hp.C, age) + hpHump(hp.D, hp.E, hp.F, age) + hp.G*math.Pow(hp.H, float64(age))
	return odds / (1 + odds)
}

// Hazard returns the constant force −ln(1 − q_⌊x⌋) (see [QLaw]).
func (hp HeligmanPollard) Hazard(x float64) float64 { return stepHazard(hp, x) }

// CumHazard integrates Hazard exactly.
func (hp HeligmanPollard) CumHazard(x, t float64) float64 { return stepCumHazard(hp, x, t) }

// Validate reports whether the parameters are in the ranges their fields give.
func (hp HeligmanPollard) Validate() error {
	return validateHP("HeligmanPollard", hp.A, hp.B, hp.C, hp.D, hp.E, hp.F, hp.G, hp.H)
}

// HeligmanPollard2 is the first of Heligman & Pollard's alternative forms
// (1980; MortalityLaws "HP2"), which model q_x itself, with a logistic
// senescent term:
//
//	q_x = A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^x/(1 + G·H^x)
//
// The formula can exceed 1; [FromLaw] reports it if it does.
type HeligmanPollard2 struct {
	A, B, C, D, E, F, G, H float64 // as in [HeligmanPollard]
}

// Q returns q_x = A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^x/(1 + G·H^x).
func (hp HeligmanPollard2) Q(age int) float64 {
	gh := hp.G * math.Pow(hp.H, float64(age))
	return hpChild(hp.A, hp.B, hp.C, age) + hpHump(hp.D, hp.E, hp.F, age) + gh/(1+gh)
}

// Hazard returns the constant force −ln(1 − q_⌊x⌋) (see [QLaw]).
func (hp HeligmanPollard2) Hazard(x float64) float64 { return stepHazard(hp, x) }

// CumHazard integrates Hazard exactly.
func (hp HeligmanPollard2) CumHazard(x, t float64) float64 { return stepCumHazard(hp, x, t) }

// Validate reports whether the parameters are in the ranges of [HeligmanPollard].
func (hp HeligmanPollard2) Validate() error {
	return validateHP("HeligmanPollard2", hp.A, hp.B, hp.C, hp.D, hp.E, hp.F, hp.G, hp.H)
}

// HeligmanPollard3 is Heligman & Pollard's second alternative form (1980;
// MortalityLaws "HP3"), whose senescent term levels off at 1/K:
//
//	q_x = A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^x/(1 + K·G·H^x)
//
// K = 1 is [HeligmanPollard2]. The formula can exceed 1; [FromLaw] reports
// it if it does.
type HeligmanPollard3 struct {
	A, B, C, D, E, F, G, H float64 // as in [HeligmanPollard]
	K                      float64 // inverse of the senescent plateau, K ≥ 0 (0: no plateau)
}

// Q returns q_x = A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^x/(1 + K·G·H^x).
func (hp HeligmanPollard3) Q(age int) float64 {
	gh := hp.G * math.Pow(hp.H, float64(age))
	return hpChild(hp.A, hp.B, hp.C, age) + hpHump(hp.D, hp.E, hp.F, age) + gh/(1+hp.K*gh)
}

// Hazard returns the constant force −ln(1 − q_⌊x⌋) (see [QLaw]).
func (hp HeligmanPollard3) Hazard(x float64) float64 { return stepHazard(hp, x) }

// CumHazard integrates Hazard exactly.
func (hp HeligmanPollard3) CumHazard(x, t float64) float64 { return stepCumHazard(hp, x, t) }

// Validate reports whether the parameters are in the ranges of
// [HeligmanPollard] and K ≥ 0.
func (hp HeligmanPollard3) Validate() error {
	return firstError(
		validateHP("HeligmanPollard3", hp.A, hp.B, hp.C, hp.D, hp.E, hp.F, hp.G, hp.H),
		param("HeligmanPollard3", "K", hp.K, hp.K >= 0, "K ≥ 0"),
	)
}

// HeligmanPollard4 is the variant of the Heligman–Pollard law that
// MortalityLaws calls "HP4", with an age power K in the senescent term:
//
//	q_x = A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^(x^K)/(1 + G·H^(x^K))
//
// K = 1 is [HeligmanPollard2]. The formula can exceed 1; [FromLaw] reports
// it if it does.
type HeligmanPollard4 struct {
	A, B, C, D, E, F, G, H float64 // as in [HeligmanPollard]
	K                      float64 // power of age in the senescent term, K > 0
}

// Q returns q_x = A^((x+B)^C) + D·exp(−E·(ln x − ln F)²) + G·H^(x^K)/(1 + G·H^(x^K)).
func (hp HeligmanPollard4) Q(age int) float64 {
	gh := hp.G * math.Pow(hp.H, math.Pow(float64(age), hp.K))
	return hpChild(hp.A, hp.B, hp.C, age) + hpHump(hp.D, hp.E, hp.F, age) + gh/(1+gh)
}

// Hazard returns the constant force −ln(1 − q_⌊x⌋) (see [QLaw]).
func (hp HeligmanPollard4) Hazard(x float64) float64 { return stepHazard(hp, x) }

// CumHazard integrates Hazard exactly.
func (hp HeligmanPollard4) CumHazard(x, t float64) float64 { return stepCumHazard(hp, x, t) }

// Validate reports whether the parameters are in the ranges of
// [HeligmanPollard] and K > 0.
func (hp HeligmanPollard4) Validate() error {
	return firstError(
		validateHP("HeligmanPollard4", hp.A, hp.B, hp.C, hp.D, hp.E, hp.F, hp.G, hp.H),
		param("HeligmanPollard4", "K", hp.K, hp.K > 0, "K > 0"),
	)
}

// Kostaki is A. Kostaki's nine-parameter version of the Heligman–Pollard law
// ("A nine-parameter version of the Heligman–Pollard formula", Math.
// Population Studies 3, 1992), whose accident hump may spread differently
// on either side of its top F:
//
//	q_x/p_x = A^((x+B)^C) + D·exp(−(E_i·ln(x/F))²) + G·H^x,   E_i = E1 for x ≤ F, E2 for x > F
//
// Note that E_i is inside the square, unlike Heligman & Pollard's E. The
// parameters are MortalityLaws' ("kostaki"), without its fitting device of
// raising E2 to E1/50 when E1 ≥ 50·E2.
type Kostaki struct {
	A  float64 // childhood level, 0 ≤ A < 1
	B  float64 // age displacement of the childhood term, B ≥ 0
	C  float64 // rate of decline of childhood mortality, C > 0
	D  float64 // height of the accident hump, D ≥ 0
	E1 float64 // spread of the hump up to its top (larger is narrower), E1 > 0
	E2 float64 // spread of the hump above its top, E2 > 0
	F  float64 // age at the top of the hump, F > 0
	G  float64 // senescent level, G ≥ 0
	H  float64 // senescent rate of ageing, H > 0
}

// Q returns q_x = η/(1 + η), η being the odds of the formula.
func (k Kostaki) Q(age int) float64 {
	var hump float64
	if age > 0 {
		e := k.E1
		if float64(age) > k.F {
			e = k.E2
		}
		l := e * math.Log(float64(age)/k.F)
		hump = k.D * math.Exp(-l*l)
	}
	odds := hpChild(k.A, k.B, k.C, age) + hump + k.G*math.Pow(k.H, float64(age))
	return odds / (1 + odds)
}

// Hazard returns the constant force −ln(1 − q_⌊x⌋) (see [QLaw]).
func (k Kostaki) Hazard(x float64) float64 { return stepHazard(k, x) }

// CumHazard integrates Hazard exactly.
func (k Kostaki) CumHazard(x, t float64) float64 { return stepCumHazard(k, x, t) }

// Validate reports whether the parameters are in the ranges their fields give.
func (k Kostaki) Validate() error {
	return firstError(
		validateHP("Kostaki", k.A, k.B, k.C, k.D, k.E1, k.F, k.G, k.H),
		param("Kostaki", "E2", k.E2, k.E2 > 0, "E2 > 0"),
	)
}

// eName is the name of the hump's spread parameter: E1 in Kostaki's law.
func eName(law string) string {
	if law == "Kostaki" {
		return "E1"
	}
	return "E"
}
