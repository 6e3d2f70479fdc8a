package mortality

import "math"

// This file holds the logistic laws: hazards of the form
// (α + β·e^{kx}) / (1 + δ·e^{kx}), which rise like Gompertz's in middle age
// and level off in old age, as observed above age 80 or so.

// logisticHazard returns (α + β·e^{kx}) / (1 + δ·e^{kx}).
func logisticHazard(alpha, beta, delta, k, x float64) float64 {
	u := math.Exp(k * x)
	return (alpha + beta*u) / (1 + delta*u)
}

// logisticCumHazard returns ∫_x^{x+t} (α + β·e^{ks}) / (1 + δ·e^{ks}) ds
//
//	= α·t + (β − αδ)/(δk) · ln((1 + δ·e^{k(x+t)}) / (1 + δ·e^{kx})),
//
// with its limits at δ = 0 (Makeham) and k = 0 (a constant hazard).
func logisticCumHazard(alpha, beta, delta, k, x, t float64) float64 {
	switch {
	case k == 0:
		return t * (alpha + beta) / (1 + delta)
	case delta == 0:
		return alpha*t + expCumHazard(beta, k, x, t)
	}
	w := delta * math.Exp(k*x)
	// (1 + w·e^{kt})/(1 + w) − 1 = (e^{kt} − 1)/(1 + 1/w), exact as w → ∞.
	return alpha*t + (beta-alpha*delta)/(delta*k)*math.Log1p(math.Expm1(k*t)/(1+1/w))
}

// Perks is the law of W. Perks ("On some experiments in the graduation of
// mortality statistics", J. Inst. Actuaries 63, 1932) in its general form:
//
//	µ(x) = (A + B·C^x) / (K·C^{−x} + 1 + D·C^x)
//
// With K = 0 (the zero value) it is the four-parameter logistic form
// (A + B·C^x)/(1 + D·C^x) in common use, which is Makeham's law when D = 0
// and whose hazard tends to B/D in old age. The MortalityLaws release that
// the test fixtures come from ("perks") uses the general form with K = B;
// its later catalogue calls that form "steffensen" and gives "perks" K = 0.
type Perks struct {
	A float64 // age-independent numerator term, A ≥ 0
	B float64 // level of the senescent term, B ≥ 0
	C float64 // rate of ageing, C > 0 (C > 1 for a hazard rising with age)
	D float64 // deceleration in old age, D ≥ 0; 0 gives Makeham's law when K = 0
	K float64 // early-age term, K ≥ 0; 0 gives the usual four-parameter law
}

// Hazard returns µ(x) = (A + B·C^x) / (K·C^{−x} + 1 + D·C^x).
func (p Perks) Hazard(x float64) float64 {
	u := math.Pow(p.C, x)
	return (p.A + p.B*u) / (p.K/u + 1 + p.D*u)
}

// CumHazard returns the integrated hazard: in closed form when K = 0,
//
//	A·t + (B − A·D)/(D·ln C) · ln((1 + D·C^{x+t}) / (1 + D·C^x)),
//
// and by Gauss–Legendre quadrature, as [CumHazard] does for any law, when
// K ≠ 0.
func (p Perks) CumHazard(x, t float64) float64 {
	if p.K != 0 {
		return quadCumHazard(p, x, t)
	}
	return logisticCumHazard(p.A, p.B, p.D, math.Log(p.C), x, t)
}

// Validate reports whether A, B, D, K ≥ 0 and C > 0.
func (p Perks) Validate() error {
	return firstError(
		param("Perks", "A", p.A, p.A >= 0, "A ≥ 0"),
		param("Perks", "B", p.B, p.B >= 0, "B ≥ 0"),
		param("Perks", "C", p.C, p.C > 0, "C > 0"),
		param("Perks", "D", p.D, p.D >= 0, "D ≥ 0"),
		param("Perks", "K", p.K, p.K >= 0, "K ≥ 0"),
	)
}

// Beard is the law of R. E. Beard ("Some aspects of theories of mortality,
// cause of death analysis, forecasting and stochastic processes", in
// Biological Aspects of Demography, ed. W. Brass, 1971), a Gompertz hazard
// that levels off at 1/K, in MortalityLaws' parameterisation ("beard"):
//
//	µ(x) = A·e^{Bx} / (1 + K·A·e^{Bx})
//
// K = 0 is Gompertz's law A·e^{Bx}.
type Beard struct {
	A float64 // hazard at age 0 (about), A > 0
	B float64 // rate of ageing per year, B > 0
	K float64 // inverse of the old-age plateau, K ≥ 0
}

// Hazard returns µ(x) = A·e^{Bx} / (1 + K·A·e^{Bx}).
func (b Beard) Hazard(x float64) float64 { return logisticHazard(0, b.A, b.K*b.A, b.B, x) }

// CumHazard returns (1/(K·B))·ln((1 + K·A·e^{B(x+t)}) / (1 + K·A·e^{Bx})).
func (b Beard) CumHazard(x, t float64) float64 {
	return logisticCumHazard(0, b.A, b.K*b.A, b.B, x, t)
}

// Validate reports whether A > 0, B > 0 and K ≥ 0.
func (b Beard) Validate() error { return validateBeard("Beard", b.A, b.B, b.K) }

func validateBeard(law string, a, b, k float64) error {
	return firstError(
		param(law, "A", a, a > 0, "A > 0"),
		param(law, "B", b, b > 0, "B > 0"),
		param(law, "K", k, k >= 0, "K ≥ 0"),
	)
}

// MakehamBeard is [Beard]'s law with Makeham's age-independent term C, in
// MortalityLaws' parameterisation ("beard_makeham"):
//
//	µ(x) = A·e^{Bx} / (1 + K·A·e^{Bx}) + C
type MakehamBeard struct {
	A float64 // hazard of the senescent term at age 0 (about), A > 0
	B float64 // rate of ageing per year, B > 0
	C float64 // age-independent hazard, C ≥ 0
	K float64 // inverse of the senescent term's plateau, K ≥ 0
}

// Hazard returns µ(x) = A·e^{Bx} / (1 + K·A·e^{Bx}) + C.
func (m MakehamBeard) Hazard(x float64) float64 {
	return logisticHazard(0, m.A, m.K*m.A, m.B, x) + m.C
}

// CumHazard returns the Beard integral plus C·t.
func (m MakehamBeard) CumHazard(x, t float64) float64 {
	return logisticCumHazard(0, m.A, m.K*m.A, m.B, x, t) + m.C*t
}

// Validate reports whether A > 0, B > 0, C ≥ 0 and K ≥ 0.
func (m MakehamBeard) Validate() error {
	return firstError(
		validateBeard("MakehamBeard", m.A, m.B, m.K),
		param("MakehamBeard", "C", m.C, m.C >= 0, "C ≥ 0"),
	)
}

// Kannisto is the logistic law that V. Kannisto found to fit the oldest-old
// best (A. R. Thatcher, V. Kannisto & J. W. Vaupel, The Force of Mortality
// at Ages 80 to 120, Odense University Press, 1998):
//
//	µ(x) = A·e^{Bx} / (1 + A·e^{Bx})
//
// The hazard tends to 1 in extreme old age. Thatcher et al. count x from age
// 80, so their a is A·e^{80B} here; MortalityLaws ("kannisto") counts it from
// 0 as here.
type Kannisto struct {
	A float64 // A > 0
	B float64 // rate of ageing per year, B > 0
}

// Hazard returns µ(x) = A·e^{Bx} / (1 + A·e^{Bx}).
func (k Kannisto) Hazard(x float64) float64 {
	return 1 / (1 + 1/(k.A*math.Exp(k.B*x)))
}

// CumHazard returns (1/B)·ln((1 + A·e^{B(x+t)}) / (1 + A·e^{Bx})).
func (k Kannisto) CumHazard(x, t float64) float64 {
	return logisticCumHazard(0, k.A, k.A, k.B, x, t)
}

// Validate reports whether A > 0 and B > 0.
func (k Kannisto) Validate() error {
	return firstError(
		param("Kannisto", "A", k.A, k.A > 0, "A > 0"),
		param("Kannisto", "B", k.B, k.B > 0, "B > 0"),
	)
}

// KannistoMakeham is [Kannisto]'s law with Makeham's age-independent term C,
// in MortalityLaws' parameterisation ("kannisto_makeham"):
//
//	µ(x) = A·e^{Bx} / (1 + A·e^{Bx}) + C
type KannistoMakeham struct {
	A float64 // A > 0
	B float64 // rate of ageing per year, B > 0
	C float64 // age-independent hazard, C ≥ 0
}

// Hazard returns µ(x) = A·e^{Bx} / (1 + A·e^{Bx}) + C.
func (k KannistoMakeham) Hazard(x float64) float64 {
	return Kannisto{A: k.A, B: k.B}.Hazard(x) + k.C
}

// CumHazard returns the Kannisto integral plus C·t.
func (k KannistoMakeham) CumHazard(x, t float64) float64 {
	return logisticCumHazard(0, k.A, k.A, k.B, x, t) + k.C*t
}

// Validate reports whether A > 0, B > 0 and C ≥ 0.
func (k KannistoMakeham) Validate() error {
	return firstError(
		param("KannistoMakeham", "A", k.A, k.A > 0, "A > 0"),
		param("KannistoMakeham", "B", k.B, k.B > 0, "B > 0"),
		param("KannistoMakeham", "C", k.C, k.C >= 0, "C ≥ 0"),
	)
}

// Martinelle is S. Martinelle's generalised Perks law for old-age mortality
// (A Generalized Perks Formula for Old-Age Mortality, Statistics Sweden R&D
// Report 1987:38), in MortalityLaws' parameterisation ("martinelle"):
//
//	µ(x) = (A·e^{Bx} + C) / (1 + D·e^{Bx}) + K·e^{Bx}
//
// The logistic part levels off at A/D and the last term lets the hazard go
// on rising in extreme old age.
type Martinelle struct {
	A float64 // level of the logistic senescent term, A ≥ 0
	B float64 // rate of ageing per year, B > 0
	C float64 // age-independent numerator term, C ≥ 0
	D float64 // deceleration, D ≥ 0
	K float64 // level of the Gompertz term, K ≥ 0
}

// Hazard returns µ(x) = (A·e^{Bx} + C) / (1 + D·e^{Bx}) + K·e^{Bx}.
func (m Martinelle) Hazard(x float64) float64 {
	return logisticHazard(m.C, m.A, m.D, m.B, x) + m.K*math.Exp(m.B*x)
}

// CumHazard returns the logistic integral plus (K/B)·(e^{B(x+t)} − e^{Bx}).
func (m Martinelle) CumHazard(x, t float64) float64 {
	return logisticCumHazard(m.C, m.A, m.D, m.B, x, t) + expCumHazard(m.K, m.B, x, t)
}

// Validate reports whether A, C, D, K ≥ 0 and B > 0.
func (m Martinelle) Validate() error {
	return firstError(
		param("Martinelle", "A", m.A, m.A >= 0, "A ≥ 0"),
		param("Martinelle", "B", m.B, m.B > 0, "B > 0"),
		param("Martinelle", "C", m.C, m.C >= 0, "C ≥ 0"),
		param("Martinelle", "D", m.D, m.D >= 0, "D ≥ 0"),
		param("Martinelle", "K", m.K, m.K >= 0, "K ≥ 0"),
	)
}
