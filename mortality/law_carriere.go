package mortality

import (
	"errors"
	"math"
)

// survivalLaw is a component of a Carriere mixture: a law that knows its
// log-survival from birth.
type survivalLaw interface {
	Law
	logSurvival(x float64) float64
}

// mixture3 evaluates a mixture of three survival functions,
// S(x) = Σ w_i·S_i(x), with weights (p1, p2, 1 − p1 − p2). It is generic so
// that its components are not boxed into interfaces.
type mixture3[L1, L2, L3 survivalLaw] struct {
	p1, p2 float64
	l1     L1
	l2     L2
	l3     L3
}

// terms returns the log-weighted survival of each component, ln w_i + ln S_i(x),
// and their maximum; a component of weight 0 is −Inf.
func (m mixture3[L1, L2, L3]) terms(x float64) (t1, t2, t3, mx float64) {
	t1 = math.Log(m.p1) + m.l1.logSurvival(x)
	t2 = math.Log(m.p2) + m.l2.logSurvival(x)
	t3 = math.Log(1-m.p1-m.p2) + m.l3.logSurvival(x)
	return t1, t2, t3, math.Max(t1, math.Max(t2, t3))
}

// logSurvival returns ln S(x), summed stably in the log domain.
func (m mixture3[L1, L2, L3]) logSurvival(x float64) float64 {
	t1, t2, t3, mx := m.terms(x)
	return mx + math.Log(math.Exp(t1-mx)+math.Exp(t2-mx)+math.Exp(t3-mx))
}

// hazard returns −S'(x)/S(x) = Σ w_i·S_i(x)·µ_i(x) / Σ w_i·S_i(x).
func (m mixture3[L1, L2, L3]) hazard(x float64) float64 {
	t1, t2, t3, mx := m.terms(x)
	var num, den float64
	if m.p1 > 0 {
		w := math.Exp(t1 - mx)
		num, den = num+w*m.l1.Hazard(x), den+w
	}
	if m.p2 > 0 {
		w := math.Exp(t2 - mx)
		num, den = num+w*m.l2.Hazard(x), den+w
	}
	if m.p1+m.p2 < 1 {
		w := math.Exp(t3 - mx)
		num, den = num+w*m.l3.Hazard(x), den+w
	}
	return num / den
}

// cumHazard returns ln S(x) − ln S(x+t).
func (m mixture3[L1, L2, L3]) cumHazard(x, t float64) float64 {
	return m.logSurvival(x) - m.logSurvival(x+t)
}

// validate checks the weights and each component, naming the component's
// field in the error.
func (m mixture3[L1, L2, L3]) validate(law string, names [3]string, comps [3]Validator) error {
	if err := firstError(
		param(law, "P1", m.p1, m.p1 >= 0, "P1 ≥ 0"),
		param(law, "P2", m.p2, m.p2 >= 0 && m.p1+m.p2 <= 1, "P2 ≥ 0, P1 + P2 ≤ 1"),
	); err != nil {
		return err
	}
	for i, c := range comps {
		err := c.Validate()
		var pe *ParameterError
		if errors.As(err, &pe) {
			return &ParameterError{Law: law, Param: names[i] + "." + pe.Param, Value: pe.Value, Valid: pe.Valid}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Carriere is J. F. Carriere's mixture law for the whole span of life
// ("Parametric models for life tables", Trans. Soc. Actuaries 44, 1992):
// the survival function is a mixture of a Weibull for childhood, an inverse
// Weibull for the young-adult accident hump and a Gompertz for adult ages,
//
//	S(x) = P1·S_Child(x) + P2·S_Young(x) + (1 − P1 − P2)·S_Adult(x)
//
// each S counted from birth; µ = −S'/S. MortalityLaws ("carriere1") gives
// each component by σ and M: Weibull K = M/σ, Λ = M; inverse Weibull the
// same; Gompertz B = e^{−M/σ}/σ, C = e^{1/σ}. (Its code uses sigma1 for the
// inverse Weibull as well as for the Weibull, and clamps P1 and P2 to
// [0.0001, 1]; neither is done here.)
type Carriere struct {
	P1    float64        // weight of the childhood component, P1 ≥ 0
	P2    float64        // weight of the young-adult component, P2 ≥ 0 and P1 + P2 ≤ 1
	Child Weibull        // childhood component
	Young InverseWeibull // young-adult (accident hump) component
	Adult Gompertz       // adult component, weight 1 − P1 − P2
}

func (c Carriere) mix() mixture3[Weibull, InverseWeibull, Gompertz] {
	return mixture3[Weibull, InverseWeibull, Gompertz]{c.P1, c.P2, c.Child, c.Young, c.Adult}
}

// Hazard returns µ(x) = −S'(x)/S(x), the survival-weighted mean of the
// components' hazards.
func (c Carriere) Hazard(x float64) float64 { return c.mix().hazard(x) }

// CumHazard returns ln S(x) − ln S(x+t).
func (c Carriere) CumHazard(x, t float64) float64 { return c.mix().cumHazard(x, t) }

// Validate reports whether the weights are in range and each component is
// valid.
func (c Carriere) Validate() error {
	return c.mix().validate("Carriere", [3]string{"Child", "Young", "Adult"}, [3]Validator{c.Child, c.Young, c.Adult})
}

// Carriere2 is the variant of [Carriere]'s law with an inverse Gompertz
// young-adult component (MortalityLaws "carriere2"):
//
//	S(x) = P1·S_Child(x) + P2·S_Young(x) + (1 − P1 − P2)·S_Adult(x)
type Carriere2 struct {
	P1    float64         // weight of the childhood component, P1 ≥ 0
	P2    float64         // weight of the young-adult component, P2 ≥ 0 and P1 + P2 ≤ 1
	Child Weibull         // childhood component
	Young InverseGompertz // young-adult (accident hump) component
	Adult Gompertz        // adult component, weight 1 − P1 − P2
}

func (c Carriere2) mix() mixture3[Weibull, InverseGompertz, Gompertz] {
	return mixture3[Weibull, InverseGompertz, Gompertz]{c.P1, c.P2, c.Child, c.Young, c.Adult}
}

// Hazard returns µ(x) = −S'(x)/S(x).
func (c Carriere2) Hazard(x float64) float64 { return c.mix().hazard(x) }

// CumHazard returns ln S(x) − ln S(x+t).
func (c Carriere2) CumHazard(x, t float64) float64 { return c.mix().cumHazard(x, t) }

// Validate reports whether the weights are in range and each component is
// valid.
func (c Carriere2) Validate() error {
	return c.mix().validate("Carriere2", [3]string{"Child", "Young", "Adult"}, [3]Validator{c.Child, c.Young, c.Adult})
}
