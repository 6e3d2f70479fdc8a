package mortality

import (
	"fmt"
	"math"
)

// Table is a one-dimensional life table: q by integer age.
//
// Q(age) is q_x for MinAge ≤ age ≤ MaxAge and 1 above MaxAge. Asking for an
// age below MinAge is a programming error: implementations in this package
// panic with a message starting "mortality:".
type Table interface {
	Q(age int) float64 // q_x; 1 above MaxAge, and for any age below MinAge it is an error to ask
	MinAge() int
	MaxAge() int // the last age with a tabulated rate
}

// LifeTable is the concrete [Table], built from rates ([NewTable]), survivors
// ([FromSurvivors]) or a law ([FromLaw]). It keeps q, the survivor function
// l (radix 1 at MinAge) and the running sums of l on flat slices, so
// survival costs one division and curtate life expectancy one division.
//
// A LifeTable is immutable once built and safe for concurrent use. Build one
// with a constructor: the zero value holds no rates, so every age is above
// its MaxAge (q = 1 at every age from 0).
type LifeTable struct {
	minAge int
	q      []float64 // q[i] = q at age minAge+i
	// l[i] = survivors at age minAge+i out of 1 at minAge, for
	// i = 0..len(q)+1: l[len(q)] may be positive (when the last tabulated
	// rate is below 1), l[len(q)+1] is 0 because q is 1 at MaxAge+1.
	l []float64
	// sum[i] = Σ_{j≥i} l[j], accumulated from the old ages down.
	sum []float64
}

// tiny is the smallest l[i] from which the table divides by l[i]: below it
// (a rate of 1 inside the table, or survivors underflowing after hundreds
// of years of heavy mortality) survival is a running product of 1 − q from
// age x instead, so no 0/0 and no subnormal precision loss is passed on.
const tiny = 0x1p-900

// NewTable returns the table with q[i] the rate at age minAge+i. minAge must
// not be negative and each rate must lie in [0, 1]; the slice is copied. The
// last rate need not be 1: q above the last age is 1 whatever it is.
//
// The error for a bad rate is a [*RateError] naming the field "q", the age
// and the value, wrapping [ErrRate] or [ErrNotFinite].
func NewTable(minAge int, q []float64) (*LifeTable, error) {
	if minAge < 0 {
		return nil, fmt.Errorf("mortality: NewTable: minimum age %d: %w", minAge, ErrAge)
	}
	if len(q) == 0 {
		return nil, fmt.Errorf("mortality: NewTable: q: %w", ErrEmpty)
	}
	for i, v := range q {
		if err := checkRate("q", minAge+i, v); err != nil {
			return nil, err
		}
	}
	return newTable(minAge, append([]float64(nil), q...)), nil
}

// newTable builds the survivor function for already-checked rates it takes
// ownership of.
func newTable(minAge int, q []float64) *LifeTable {
	n := len(q)
	buf := make([]float64, 2*(n+2))
	l, sum := buf[:n+2:n+2], buf[n+2:]
	l[0] = 1
	for i, v := range q {
		l[i+1] = l[i] * (1 - v)
	}
	// l[n+1] stays 0: q is 1 at MaxAge+1, and so does sum[n+1].
	for i := n; i >= 0; i-- {
		sum[i] = sum[i+1] + l[i]
	}
	return &LifeTable{minAge: minAge, q: q, l: l, sum: sum}
}

func checkRate(field string, age int, v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return &RateError{Field: field, Age: age, Value: v, Err: ErrNotFinite}
	case v < 0 || v > 1:
		return &RateError{Field: field, Age: age, Value: v, Err: ErrRate}
	}
	return nil
}

// FromSurvivors returns the table whose survivor function is l, with l[i] the
// number alive at age minAge+i (any radix). minAge must not be negative; l
// must be finite, positive at minAge and non-increasing.
//
// q_x = (l_x − l_{x+1})/l_x. The table's last age is the last one with
// l > 0, and its rate is 1, whether l falls to 0 after it or simply ends
// there (nothing is known beyond the last count, and a table ends with
// everyone dead).
//
// The error for a bad count is a [*RateError] naming the field "l", the age
// and the value, wrapping [ErrNotFinite] or [ErrSurvivors].
func FromSurvivors(minAge int, l []float64) (*LifeTable, error) {
	if minAge < 0 {
		return nil, fmt.Errorf("mortality: FromSurvivors: minimum age %d: %w", minAge, ErrAge)
	}
	if len(l) == 0 {
		return nil, fmt.Errorf("mortality: FromSurvivors: l: %w", ErrEmpty)
	}
	for i, v := range l {
		age := minAge + i
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return nil, &RateError{Field: "l", Age: age, Value: v, Err: ErrNotFinite}
		case v < 0, i == 0 && v == 0, i > 0 && v > l[i-1]:
			return nil, &RateError{Field: "l", Age: age, Value: v, Err: ErrSurvivors}
		}
	}
	n := len(l)
	for n > 1 && l[n-1] == 0 {
		n--
	}
	q := make([]float64, n)
	for i := 0; i < n-1; i++ {
		// The difference is exact when l barely falls (Sterbenz), so a small
		// q keeps its digits; 1 − l[i+1]/l[i] would cancel them.
		q[i] = (l[i] - l[i+1]) / l[i]
	}
	q[n-1] = 1
	return newTable(minAge, q), nil
}

// Tabulate returns t as a *LifeTable over its ages MinAge..MaxAge (t itself
// if it is one). Its rates are checked as [NewTable] checks them.
func Tabulate(t Table) (*LifeTable, error) {
	if lt, ok := t.(*LifeTable); ok {
		return lt, nil
	}
	lo, hi := t.MinAge(), t.MaxAge()
	if hi < lo {
		return nil, fmt.Errorf("mortality: Tabulate: maximum age %d is below minimum age %d: %w", hi, lo, ErrEmpty)
	}
	q := make([]float64, hi-lo+1)
	for i := range q {
		q[i] = t.Q(lo + i)
	}
	return NewTable(lo, q)
}

// MinAge is the first tabulated age.
func (t *LifeTable) MinAge() int { return t.minAge }

// MaxAge is the last tabulated age.
func (t *LifeTable) MaxAge() int { return t.minAge + len(t.q) - 1 }

// Q returns q at age; 1 above MaxAge. It panics below MinAge.
func (t *LifeTable) Q(age int) float64 { return t.qAt(t.index(age)) }

// Rates returns the tabulated rates, q[i] at age MinAge+i. The slice is the
// table's own: do not modify it.
func (t *LifeTable) Rates() []float64 { return t.q }

func (t *LifeTable) index(age int) int {
	if age < t.minAge {
		panic(fmt.Sprintf("mortality: age %d below the table's minimum age %d", age, t.minAge))
	}
	return age - t.minAge
}

// qAt returns q at index i ≥ 0: 1 beyond the tabulated rates.
func (t *LifeTable) qAt(i int) float64 {
	if i >= len(t.q) {
		return 1
	}
	return t.q[i]
}

// L returns l_x, the survivors at integer age x out of a radix of 1 at
// MinAge. It is 0 from MaxAge+2 on (and from MaxAge+1 when the last rate
// is 1). It panics below MinAge.
func (t *LifeTable) L(age int) float64 {
	i := t.index(age)
	if i >= len(t.l) {
		return 0
	}
	return t.l[i]
}

// Survival returns _n p_x, the probability that a life aged x survives n
// more years: l_{x+n}/l_x. It is 1 for n = 0 and 0 once x+n passes
// MaxAge+1 (for any x above MaxAge, from n = 1). It panics below MinAge or
// for negative n.
func (t *LifeTable) Survival(age, years int) float64 {
	if years < 0 {
		panic(fmt.Sprintf("mortality: negative number of years %d", years))
	}
	i := t.index(age)
	if years == 0 {
		return 1
	}
	if i >= len(t.q) || years >= len(t.l)-i {
		return 0 // q is 1 at MaxAge+1: nobody reaches MaxAge+2
	}
	if t.l[i] >= tiny {
		return t.l[i+years] / t.l[i]
	}
	p := 1.0
	for j := i; j < i+years && p > 0; j++ {
		p *= 1 - t.qAt(j)
	}
	return p
}

// SurvivalAll writes _k p_x for k = 0, 1, … into dst and returns it: dst[k]
// is the probability that a life aged x survives k years, equal to
// Survival(x, k). It allocates only when dst is nil, in which case it
// returns every k up to the first at which survival is certainly 0 (at
// MaxAge+2). It panics below MinAge.
func (t *LifeTable) SurvivalAll(dst []float64, age int) []float64 {
	i := t.index(age)
	if dst == nil {
		dst = make([]float64, max(len(t.l)-i, 1))
	}
	if len(dst) == 0 {
		return dst
	}
	if i < len(t.q) && t.l[i] >= tiny {
		l := t.l[i:]
		if len(l) > len(dst) {
			l = l[:len(dst)]
		}
		lx := l[0]
		for k, v := range l {
			dst[k] = v / lx
		}
		clear(dst[len(l):])
		return dst
	}
	p := 1.0
	for k := range dst {
		dst[k] = p
		p *= 1 - t.qAt(i+k)
	}
	return dst
}

// CurtateLifeExpectancy returns e_x = Σ_{k≥1} _k p_x, the expected number of
// whole years a life aged x will complete. It is 0 above MaxAge. It panics
// below MinAge.
func (t *LifeTable) CurtateLifeExpectancy(age int) float64 {
	i := t.index(age)
	if i >= len(t.q) {
		return 0
	}
	if t.l[i] >= tiny {
		return t.sum[i+1] / t.l[i]
	}
	var s float64
	p := 1.0
	for j := i; j < len(t.q) && p > 0; j++ {
		p *= 1 - t.q[j]
		s += p
	}
	return s
}

// LifeExpectancy returns the complete expectation of life e°_x, in years,
// under the uniform distribution of deaths (UDD) between integer ages:
// e°_x = e_x + 1/2, since every table ends with everyone dead. It is 1/2
// above MaxAge (q = 1 there, and under UDD a life lives half of its last
// year). It panics below MinAge. See [LifeTable.LifeExpectancyFrac] for the
// other fractional-age assumptions.
func (t *LifeTable) LifeExpectancy(age int) float64 {
	return t.CurtateLifeExpectancy(age) + 0.5
}

// CurtateTemporaryLifeExpectancy returns e_{x:n} = Σ_{k=1}^{n} _k p_x, the
// expected number of whole years a life aged x completes within the next n
// years. It panics below MinAge or for negative n.
func (t *LifeTable) CurtateTemporaryLifeExpectancy(age, years int) float64 {
	if years < 0 {
		panic(fmt.Sprintf("mortality: negative number of years %d", years))
	}
	i := t.index(age)
	var s float64
	p := 1.0
	for k := 0; k < years && p > 0; k++ { // ends: q is 1 from MaxAge+1
		p *= 1 - t.qAt(i+k)
		s += p
	}
	return s
}

// TemporaryLifeExpectancy returns the complete temporary expectation of
// life e°_{x:n} = ∫_0^n _t p_x dt, in years, under UDD between integer ages:
// the expected time a life aged x lives within the next n years. It panics
// below MinAge or for negative n.
func (t *LifeTable) TemporaryLifeExpectancy(age, years int) float64 {
	if years < 0 {
		panic(fmt.Sprintf("mortality: negative number of years %d", years))
	}
	i := t.index(age)
	var s float64
	p := 1.0
	for k := 0; k < years && p > 0; k++ { // ends: q is 1 from MaxAge+1
		q := t.qAt(i + k)
		s += p * (1 - q/2)
		p *= 1 - q
	}
	return s
}

// LifeExpectancyFrac returns the complete expectation of life at integer age
// x, in years, under the fractional-age assumption f: ∫_0^∞ _t p_x dt,
// integrated exactly within each year of age ([Fractional.YearLived]).
// LifeExpectancyFrac(x, UDD) equals LifeExpectancy(x) to rounding. Above
// MaxAge it is f.YearLived(1): 1/2 under UDD, 0 under the others (a rate of 1
// is an infinite force at once). It panics below MinAge or for an unknown
// assumption.
func (t *LifeTable) LifeExpectancyFrac(age int, f Fractional) float64 {
	i := t.index(age)
	var s float64
	p := 1.0
	for j := i; p > 0; j++ { // ends: q is 1 from MaxAge+1
		q := t.qAt(j)
		s += p * f.YearLived(q)
		p *= 1 - q
	}
	return s
}

// SurvivalFrac returns _t p_x for a real age x ≥ MinAge and a real duration
// t ≥ 0 (+Inf allowed), with survival between integer ages under the
// assumption f:
//
//	_t p_x = [_1 p_k / _s p_k] · Π_{j=k+1}^{m−1} p_j · _r p_m
//
// for x = k + s and x + t = m + r (k, m integers, 0 ≤ s, r < 1), and
// _r p_k / _s p_k when both ages fall in the same year of age. q is 1 above
// MaxAge. A life at an age the assumption gives no chance of reaching (past
// a rate of 1 under constant force or Balducci) survives with probability
// 0. It panics for an age below MinAge or not finite, a negative or NaN
// duration, or an unknown assumption.
func (t *LifeTable) SurvivalFrac(x, years float64, f Fractional) float64 {
	if !(years >= 0) {
		panic(fmt.Sprintf("mortality: negative or NaN duration %v", years))
	}
	xi := t.realIndex(x)
	if years == 0 {
		return 1
	}
	yi := xi + years
	kf, mf := math.Floor(xi), math.Floor(yi)
	s, r := xi-kf, yi-mf
	if mf > kf && mf > float64(len(t.q)) {
		return 0 // the life passes through a whole or final part of a year with q = 1
	}
	var k int
	var qk float64 = 1
	if kf < float64(len(t.q)) {
		k = int(kf)
		qk = t.q[k]
	}
	den := f.Survival(qk, s)
	if den == 0 {
		return 0
	}
	if mf == kf {
		return f.Survival(qk, r) / den
	}
	m := int(mf) // ≤ len(q), and k < m
	p := (1 - qk) / den
	for j := k + 1; j < m && p > 0; j++ {
		p *= 1 - t.q[j]
	}
	return p * f.Survival(t.qAt(m), r)
}

// realIndex returns x − MinAge for a real age, panicking below MinAge or
// for an age that is not finite.
func (t *LifeTable) realIndex(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) || x < float64(t.minAge) {
		panic(fmt.Sprintf("mortality: age %v below the table's minimum age %d or not finite", x, t.minAge))
	}
	return x - float64(t.minAge)
}

// Force returns the force of mortality µ_x per year at real age x implied by
// the table under the assumption f ([Fractional.Force]), with q = 1 above
// MaxAge: under UDD µ_{x+s} = q/(1 − s·q), under constant force
// −ln(1 − q) (+Inf where q = 1), under Balducci q/(1 − (1 − s)·q). It panics
// for an age below MinAge or not finite, or an unknown assumption.
func (t *LifeTable) Force(x float64, f Fractional) float64 {
	xi := t.realIndex(x)
	k := math.Floor(xi)
	q := 1.0
	if k < float64(len(t.q)) {
		q = t.q[int(k)]
	}
	return f.Force(q, xi-k)
}
