package mortality

import "math"

// InverseGompertz is the inverse Gompertz law, the distribution of a
// Gompertz variable reflected about its mode, used by Carriere for the
// accident hump of young adults (J. F. Carriere, "Parametric models for life
// tables", Trans. Soc. Actuaries 44, 1992), in MortalityLaws' informative
// parameterisation ("invgompertz"), truncated to ages x ≥ 0:
//
//	µ(x) = (1/σ)·z/(e^z − 1),   S(x) = (1 − e^{−z})/(1 − e^{−z(0)}),   z = e^{−(x−M)/σ}
type InverseGompertz struct {
	M     float64 // location (the mode of the untruncated density), in years, any real
	Sigma float64 // dispersion about M, in years, σ > 0
}

// Hazard returns µ(x) = (1/σ)·z/(e^z − 1) with z = e^{−(x−M)/σ}.
func (g InverseGompertz) Hazard(x float64) float64 {
	return zOverExpm1(math.Exp(-(x-g.M)/g.Sigma)) / g.Sigma
}

// CumHazard returns ln S(x) − ln S(x+t).
func (g InverseGompertz) CumHazard(x, t float64) float64 {
	return g.logTail(x) - g.logTail(x+t)
}

// logTail returns ln(1 − exp(−z(x))), which is ln S(x) up to a constant.
func (g InverseGompertz) logTail(x float64) float64 {
	return log1mExp(math.Exp(-(x - g.M) / g.Sigma))
}

// logSurvival returns ln S(x), the log-survival from birth.
func (g InverseGompertz) logSurvival(x float64) float64 { return g.logTail(x) - g.logTail(0) }

// Validate reports whether σ > 0 and M is finite.
func (g InverseGompertz) Validate() error {
	return firstError(
		param("InverseGompertz", "M", g.M, true, "M finite"),
		param("InverseGompertz", "Sigma", g.Sigma, g.Sigma > 0, "Sigma > 0"),
	)
}

// GammaGompertz is the Gompertz law in a population whose frailty is gamma
// distributed with mean 1 and variance γ (J. W. Vaupel, K. G. Manton &
// E. Stallard, "The impact of heterogeneity in individual frailty on the
// dynamics of mortality", Demography 16, 1979), also called the generalised
// Gompertz or Gompertz–Beard law:
//
//	µ(x) = A·e^{Bx} / (1 + (Aγ/B)·(e^{Bx} − 1)),   S(x) = (1 + (Aγ/B)·(e^{Bx} − 1))^{−1/γ}
//
// The hazard levels off at B/γ in old age. γ = 0 is Gompertz's law A·e^{Bx}.
// The fields are MortalityLaws' ("ggompertz", whose G is γ).
type GammaGompertz struct {
	A     float64 // hazard at age 0, A > 0
	B     float64 // rate of ageing per year, B > 0
	Gamma float64 // variance of frailty, γ ≥ 0; 0 gives Gompertz's law
}

// Hazard returns µ(x) = A·e^{Bx} / (1 + (Aγ/B)·(e^{Bx} − 1)).
func (g GammaGompertz) Hazard(x float64) float64 {
	return g.A * math.Exp(g.B*x) / (1 + g.A*g.Gamma/g.B*math.Expm1(g.B*x))
}

// CumHazard returns (1/γ)·ln((1 + a·(e^{B(x+t)} − 1)) / (1 + a·(e^{Bx} − 1))),
// a = Aγ/B, or its limit (A/B)·(e^{B(x+t)} − e^{Bx}) when γ = 0.
func (g GammaGompertz) CumHazard(x, t float64) float64 {
	d := math.Exp(g.B*x) * math.Expm1(g.B*t) // e^{B(x+t)} − e^{Bx}
	if g.Gamma == 0 {
		return g.A / g.B * d
	}
	a := g.A * g.Gamma / g.B
	return math.Log1p(a*d/(1+a*math.Expm1(g.B*x))) / g.Gamma
}

// Validate reports whether A > 0, B > 0 and γ ≥ 0.
func (g GammaGompertz) Validate() error {
	return firstError(
		param("GammaGompertz", "A", g.A, g.A > 0, "A > 0"),
		param("GammaGompertz", "B", g.B, g.B > 0, "B > 0"),
		param("GammaGompertz", "Gamma", g.Gamma, g.Gamma >= 0, "Gamma ≥ 0"),
	)
}

// StrehlerMildvan is the law of B. L. Strehler & A. S. Mildvan ("General
// theory of mortality and aging", Science 132, 1960), in which death comes
// when a random challenge exceeds a vitality V0 that declines linearly with
// age at rate B:
//
//	µ(x) = K·exp(−V0·(1 − B·x)/D)
//
// It is Gompertz's law with B_Gompertz = K·e^{−V0/D} and ln C = V0·B/D; its
// parameters are those of MortalityLaws ("strehler_mildvan").
type StrehlerMildvan struct {
	K  float64 // frequency of challenges per year, K > 0
	V0 float64 // initial vitality, V0 > 0
	B  float64 // fraction of the initial vitality lost per year, B ≥ 0
	D  float64 // mean size of a challenge, D > 0
}

// Hazard returns µ(x) = K·exp(−V0·(1 − B·x)/D).
func (s StrehlerMildvan) Hazard(x float64) float64 {
	return s.K * math.Exp(-s.V0*(1-s.B*x)/s.D)
}

// CumHazard returns the integral of the equivalent Gompertz hazard.
func (s StrehlerMildvan) CumHazard(x, t float64) float64 {
	return expCumHazard(s.K*math.Exp(-s.V0/s.D), s.V0*s.B/s.D, x, t)
}

// Validate reports whether K > 0, V0 > 0, B ≥ 0 and D > 0.
func (s StrehlerMildvan) Validate() error {
	return firstError(
		param("StrehlerMildvan", "K", s.K, s.K > 0, "K > 0"),
		param("StrehlerMildvan", "V0", s.V0, s.V0 > 0, "V0 > 0"),
		param("StrehlerMildvan", "B", s.B, s.B >= 0, "B ≥ 0"),
		param("StrehlerMildvan", "D", s.D, s.D > 0, "D > 0"),
	)
}
