package mortality

import (
	"fmt"
	"math"
)

// Fractional is an assumption about survival between integer ages, given
// q for the year of age. Its zero value is UDD.
type Fractional int

const (
	// UDD: deaths uniformly distributed over the year of age,
	// _s p_x = 1 − s·q_x.
	UDD Fractional = iota
	// ConstantForce: a constant force of mortality over the year of age,
	// _s p_x = (1 − q_x)^s.
	ConstantForce
	// Balducci: the hyperbolic assumption, _{1−s}q_{x+s} = (1 − s)·q_x,
	// so _s p_x = (1 − q_x) / (1 − (1 − s)·q_x).
	Balducci
)

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

// Survival returns _s p_x for 0 ≤ s ≤ 1 given q = q_x. It panics for an
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
	panic(fmt.Sprintf("mortality: unknown fractional-age assumption %d", int(f)))
}

// Force returns µ_{x+s} for 0 ≤ s < 1 given q = q_x.
func (f Fractional) Force(q, s float64) float64 {
	switch f {
	case UDD:
		return q / (1 - s*q)
	case ConstantForce:
		return -math.Log1p(-q)
	case Balducci:
		return q / (1 - (1-s)*q)
	}
	panic(fmt.Sprintf("mortality: unknown fractional-age assumption %d", int(f)))
}

// YearLived returns ∫_0^1 _s p_x ds, the expected time lived in the year of
// age by a life alive at its start, given q = q_x.
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
		mu := -math.Log1p(-q)
		return q / mu
	case Balducci:
		if q == 0 {
			return 1
		}
		if q == 1 {
			return 0 // the life dies at once under Balducci with q = 1
		}
		// ∫_0^1 p/(1−(1−s)q) ds = −p·ln(p)/q with p = 1 − q.
		p := 1 - q
		return -p * math.Log(p) / q
	}
	panic(fmt.Sprintf("mortality: unknown fractional-age assumption %d", int(f)))
}
