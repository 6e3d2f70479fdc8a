package mortality

import (
	"fmt"
	"math"
)

// Scaled returns the table with every rate multiplied by factor and capped at
// 1: the "x% of table" adjustment (factor 1.1 is 110% of the table). It
// covers t's ages; q stays 1 above MaxAge. factor must be finite and
// non-negative; otherwise the error wraps [ErrParameter].
func Scaled(t Table, factor float64) (*LifeTable, error) {
	if !(factor >= 0) || math.IsInf(factor, 0) {
		return nil, fmt.Errorf("mortality: Scaled: factor %v: %w (factor ≥ 0)", factor, ErrParameter)
	}
	lo, hi := t.MinAge(), t.MaxAge()
	if hi < lo {
		return nil, fmt.Errorf("mortality: Scaled: maximum age %d is below minimum age %d: %w", hi, lo, ErrEmpty)
	}
	q := make([]float64, hi-lo+1)
	for i := range q {
		v, err := foreignQ(t, lo+i)
		if err != nil {
			return nil, err
		}
		q[i] = math.Min(1, factor*v)
	}
	return newTable(lo, q), nil
}

// SetBack returns the table with an age setback of years: a life aged x is
// given the rate of age x − years, so SetBack(t, n).Q(x+n) == t.Q(x). A
// negative setback is a set-forward. The result covers ages
// MinAge+years..MaxAge+years: no rate is extrapolated, so after a setback
// of n years ages MinAge..MinAge+n−1 are no longer in the table (asking for
// them panics), and after a set-forward q reaches 1 n years earlier.
// MinAge+years must not be negative; otherwise the error wraps [ErrAge].
func SetBack(t Table, years int) (*LifeTable, error) {
	lo, hi := t.MinAge(), t.MaxAge()
	if hi < lo {
		return nil, fmt.Errorf("mortality: SetBack: maximum age %d is below minimum age %d: %w", hi, lo, ErrEmpty)
	}
	if years < -lo {
		return nil, fmt.Errorf("mortality: SetBack: a set-forward of %d years from minimum age %d gives age %d: %w", -years, lo, lo+years, ErrAge)
	}
	if years > 0 && hi > math.MaxInt-years {
		return nil, fmt.Errorf("mortality: SetBack: a setback of %d years from maximum age %d: %w", years, hi, ErrAge)
	}
	q := make([]float64, hi-lo+1)
	for i := range q {
		q[i] = t.Q(lo + i)
	}
	return checkedTable(lo+years, q)
}

// Blend returns the table with q_x = w·q_a(x) + (1 − w)·q_b(x), over the
// larger MinAge to the larger MaxAge of a and b (with q = 1 above a
// table's own MaxAge, as always). Unisex tables are blends of a male and a
// female table weighted by the share of men. w must lie in [0, 1];
// otherwise the error wraps [ErrParameter].
//
// Blending rates is not blending populations: the survivors of a blend are
// not the weighted survivors of a and b beyond the first year.
func Blend(a, b Table, w float64) (*LifeTable, error) {
	if !(w >= 0 && w <= 1) {
		return nil, fmt.Errorf("mortality: Blend: weight %v: %w (0 ≤ w ≤ 1)", w, ErrParameter)
	}
	lo := max(a.MinAge(), b.MinAge())
	hi := max(a.MaxAge(), b.MaxAge())
	if hi < lo {
		return nil, fmt.Errorf("mortality: Blend: maximum age %d is below minimum age %d: %w", hi, lo, ErrEmpty)
	}
	q := make([]float64, hi-lo+1)
	for i := range q {
		qa, err := foreignQ(a, lo+i)
		if err != nil {
			return nil, err
		}
		qb, err := foreignQ(b, lo+i)
		if err != nil {
			return nil, err
		}
		// Capped: w·1 + (1−w)·1 may round a hair above 1.
		q[i] = math.Min(1, w*qa+(1-w)*qb)
	}
	return newTable(lo, q), nil
}

// foreignQ returns t.Q(age), checked: t may be of any implementation, and a
// bad rate must be reported before arithmetic (a cap at 1, say) hides it.
func foreignQ(t Table, age int) (float64, error) {
	v := t.Q(age)
	if err := checkRate("q", age, v); err != nil {
		return 0, err
	}
	return v, nil
}

// checkedTable checks rates read from a caller's Table, which may be of any
// implementation, and takes ownership of q.
func checkedTable(minAge int, q []float64) (*LifeTable, error) {
	for i, v := range q {
		if err := checkRate("q", minAge+i, v); err != nil {
			return nil, err
		}
	}
	return newTable(minAge, q), nil
}
