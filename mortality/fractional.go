package mortality

import (
	"fmt"
	"math"
)

// Fractional is an assumption about survival between integer ages, given
// q_x for the year of age: how the deaths of the year are spread over it.
// Its zero value is UDD.
//
// For 0 < s < 1 and 0 < q < 1 the three order their survival probabilities
// as Balducci < constant force < UDD (Bowers et al., Actuarial Mathematics,
// 2nd ed., §3.6; both inequalities are Bernoulli's), and all three agree at
// s = 0 and s = 1.
type Fractional int

const (
	// UDD: deaths uniformly distributed over the year of age (a linear
	// survivor function), _s p_x = 1 − s·q_x.
	UDD Fractional = iota
	// ConstantForce: a constant force of mortality over the year of age
	// (an exponential survivor function), _s p_x = (1 − q_x)^s.
	ConstantForce
	// Balducci: the hyperbolic assumption, _{1−s}q_{x+s} = (1 − s)·q_x,
	// so _s p_x = (1 − q_x) / (1 − (1 − s)·q_x). Its force of mortality
	// falls over the year of age.
	Balducci
)

// String returns "UDD", "constant force" or "Balducci".
func (f Fractional) String() string {
	switch f {
	case UDD:
		return "UDD"
	case ConstantForce:
		return "constant force"
	case Balducci:
		return "Balducci"
	}
	return fmt.Sprintf("Fractional(%d)", int(f))
}

func (f Fractional) unknown() string {
	return fmt.Sprintf("mortality: unknown fractional-age assumption %d", int(f))
}

// Survival returns _s p_x, the probability of surviving the fraction s of
// the year of age, for 0 ≤ s ≤ 1 given q = q_x in [0, 1]. It panics for an
// unknown assumption.
func (f Fractional) Survival(q, s float64) float64 {
	switch f {
	case UDD:
		return 1 - s*q
	case ConstantForce:
		if q == 1 {
			if s == 0 {
				return 1
			}
			return 0
		}
		return math.Pow(1-q, s)
	case Balducci:
		d := 1 - (1-s)*q
		if d == 0 { // q = 1 and s = 0
			return 1
		}
		return (1 - q) / d
	}
	panic(f.unknown())
}

// Force returns the force of mortality µ_{x+s} per year for 0 ≤ s < 1 given
// q = q_x: q/(1 − s·q) under UDD, −ln(1 − q) under constant force (+Inf for
// q = 1), q/(1 − (1 − s)·q) under Balducci. Over the year it integrates to
// −ln(1 − q) under all three. It panics for an unknown assumption.
func (f Fractional) Force(q, s float64) float64 {
	switch f {
	case UDD:
		return q / (1 - s*q)
	case ConstantForce:
		return -math.Log1p(-q)
	case Balducci:
		return q / (1 - (1-s)*q)
	}
	panic(f.unknown())
}

// YearLived returns ∫_0^1 _s p_x ds, the expected time in years lived in the
// year of age by a life alive at its start, given q = q_x: 1 − q/2 under
// UDD, q/µ with µ = −ln(1 − q) under constant force, and −p·ln(p)/q with
// p = 1 − q under Balducci (1 for q = 0; 0 for q = 1 under the last two). It
// panics for an unknown assumption.
func (f Fractional) YearLived(q float64) float64 {
	switch f {
	case UDD:
		return 1 - q/2
	case ConstantForce:
		if q == 0 {
			return 1
		}
		if q == 1 {
			return 0
		}
		return q / -math.Log1p(-q)
	case Balducci:
		if q == 0 {
			return 1
		}
		if q == 1 {
			return 0 // the life dies at once under Balducci with q = 1
		}
		// ∫_0^1 p/(1−(1−s)q) ds = −p·ln(p)/q.
		p := 1 - q
		return -p * math.Log1p(-q) / q
	}
	panic(f.unknown())
}
