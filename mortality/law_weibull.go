package mortality

import "math"

// Weibull is the Weibull law of mortality (W. Weibull, "A statistical
// distribution function of wide applicability", J. Appl. Mech. 18, 1951),
// with shape K and scale Lambda as in gonum's distuv.Weibull:
//
//	µ(x) = (K/Λ)·(x/Λ)^(K−1),   S(x) = exp(−(x/Λ)^K)
//
// K < 1 gives a hazard falling with age (infant mortality), K = 1 an
// exponential lifetime with constant hazard 1/Λ, K > 1 a rising one. The
// actuarial form µ(x) = k·x^n is K = n+1, Λ = (K/k)^(1/K). MortalityLaws
// ("weibull") writes (1/σ)·(x/M)^(M/σ − 1): K = M/σ, Λ = M. It sets µ(0) = 1
// by convention, whereas here µ(0) is +Inf, 1/Λ or 0 as K is below, at or
// above 1.
type Weibull struct {
	K      float64 // shape, K > 0
	Lambda float64 // scale in years, Λ > 0
}

// Hazard returns µ(x) = (K/Λ)·(x/Λ)^(K−1).
func (w Weibull) Hazard(x float64) float64 {
	return w.K / w.Lambda * math.Pow(x/w.Lambda, w.K-1)
}

// CumHazard returns ((x+t)/Λ)^K − (x/Λ)^K.
func (w Weibull) CumHazard(x, t float64) float64 {
	return math.Pow((x+t)/w.Lambda, w.K) - math.Pow(x/w.Lambda, w.K)
}

// logSurvival returns ln S(x) = −(x/Λ)^K.
func (w Weibull) logSurvival(x float64) float64 { return -math.Pow(x/w.Lambda, w.K) }

// Validate reports whether K > 0 and Λ > 0.
func (w Weibull) Validate() error {
	return firstError(
		param("Weibull", "K", w.K, w.K > 0, "K > 0"),
		param("Weibull", "Lambda", w.Lambda, w.Lambda > 0, "Lambda > 0"),
	)
}

// InverseWeibull is the inverse Weibull (Fréchet) law, which Carriere used
// for the teenage and young-adult "accident hump" (J. F. Carriere,
// "Parametric models for life tables", Trans. Soc. Actuaries 44, 1992):
//
//	S(x) = 1 − exp(−(x/Λ)^(−K)),   µ(x) = (K/x)·z/(e^z − 1), z = (x/Λ)^(−K)
//
// The hazard is 0 at birth, rises to a hump and falls again. MortalityLaws
// ("invweibull") writes it with σ and M: K = M/σ, Λ = M.
type InverseWeibull struct {
	K      float64 // shape, K > 0
	Lambda float64 // scale in years, Λ > 0
}

// Hazard returns µ(x) = (K/x)·z/(e^z − 1) with z = (x/Λ)^(−K); µ(0) = 0.
func (w InverseWeibull) Hazard(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return w.K / x * zOverExpm1(math.Pow(x/w.Lambda, -w.K))
}

// zOverExpm1 returns z/(e^z − 1) for z ≥ 0, with its limits 1 at 0 and 0 at
// +Inf.
func zOverExpm1(z float64) float64 {
	switch {
	case z == 0:
		return 1
	case math.IsInf(z, 1):
		return 0
	}
	return z / math.Expm1(z)
}

// CumHazard returns ln S(x) − ln S(x+t).
func (w InverseWeibull) CumHazard(x, t float64) float64 {
	return w.logSurvival(x) - w.logSurvival(x+t)
}

// logSurvival returns ln S(x) = ln(1 − exp(−(x/Λ)^(−K))).
func (w InverseWeibull) logSurvival(x float64) float64 {
	return log1mExp(math.Pow(x/w.Lambda, -w.K))
}

// log1mExp returns ln(1 − e^{−z}) for z ≥ 0, accurately for every z: through
// expm1 for small z, log1p for large (M. Mächler, "Accurately computing
// log(1 − exp(−|a|))", 2012).
func log1mExp(z float64) float64 {
	if z <= math.Ln2 {
		return math.Log(-math.Expm1(-z))
	}
	return math.Log1p(-math.Exp(-z))
}

// Validate reports whether K > 0 and Λ > 0.
func (w InverseWeibull) Validate() error {
	return firstError(
		param("InverseWeibull", "K", w.K, w.K > 0, "K > 0"),
		param("InverseWeibull", "Lambda", w.Lambda, w.Lambda > 0, "Lambda > 0"),
	)
}
