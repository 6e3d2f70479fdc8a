package mortality

import (
	"fmt"
	"math"
)

// Scaled returns the table with every rate multiplied by factor and capped at
// 1: the "x% of table" adjustment. factor must be finite and non-negative.
func Scaled(t Table, factor float64) (*LifeTable, error) {
	if !(factor >= 0) || math.IsInf(factor, 0) {
		return nil, fmt.Errorf("mortality: Scaled: factor %v: %w (factor ≥ 0)", factor, ErrParameter)
	}
	lo, hi := t.MinAge(), t.MaxAge()
	q := make([]float64, hi-lo+1)
	for i := range q {
		q[i] = math.Min(1, factor*t.Q(lo+i))
	}
	return checkedTable(lo, q)
}

// SetBack returns the table with an age setback of years: a life aged x is
// given the rate of age x − years. A negative setback is a set-forward. The
// result covers ages MinAge+years..MaxAge+years, so no rate is extrapolated;
// MinAge+years must not be negative.
func SetBack(t Table, years int) (*LifeTable, error) {
	lo, hi := t.MinAge(), t.MaxAge()
	if lo+years < 0 {
		return nil, fmt.Errorf("mortality: SetBack: a set-forward of %d years from minimum age %d gives a negative age", -years, lo)
	}
	q := make([]float64, hi-lo+1)
	for i := range q {
		q[i] = t.Q(lo + i)
	}
	return checkedTable(lo+years, q)
}

// Blend returns the table with q = w·q_a + (1 − w)·q_b over the ages both
// tables cover (the larger MinAge to the larger MaxAge, with q = 1 above a
// table's own MaxAge). w must lie in [0, 1]. Unisex tables are blends of a
// male and a female table weighted by the share of men.
func Blend(a, b Table, w float64) (*LifeTable, error) {
	if !(w >= 0 && w <= 1) {
		return nil, fmt.Errorf("mortality: Blend: weight %v: %w (0 ≤ w ≤ 1)", w, ErrParameter)
	}
	lo := max(a.MinAge(), b.MinAge())
	hi := max(a.MaxAge(), b.MaxAge())
	q := make([]float64, hi-lo+1)
	for i := range q {
		q[i] = w*a.Q(lo+i) + (1-w)*b.Q(lo+i)
	}
	return checkedTable(lo, q)
}

// checkedTable checks rates computed from a caller's Table, which may be of
// any implementation.
func checkedTable(minAge int, q []float64) (*LifeTable, error) {
	for i, v := range q {
		if err := checkRate("q", minAge+i, v); err != nil {
			return nil, err
		}
	}
	return newTable(minAge, q), nil
}
