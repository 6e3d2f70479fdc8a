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
// ([FromSurvivors]) or a law ([FromLaw]). It keeps q and the survivor
// function l (radix 1 at MinAge) on flat slices, so survival and life
// expectancy cost one division or one pass.
//
// A LifeTable is immutable once built and safe for concurrent use. Its zero
// value is not usable; build one with a constructor.
type LifeTable struct {
	minAge int
	q      []float64 // q[i] = q at age minAge+i
	l      []float64 // l[i] = survivors at age minAge+i out of 1 at minAge; len(q)+2, the last two 0
}

// NewTable returns the table with q[i] the rate at age minAge+i. Each rate must
// lie in [0, 1]; the slice is copied. The last rate need not be 1: q above
// the last age is 1 whatever it is.
func NewTable(minAge int, q []float64) (*LifeTable, error) {
	if minAge < 0 {
		return nil, fmt.Errorf("mortality: minimum age %d is negative", minAge)
	}
	if len(q) == 0 {
		return nil, fmt.Errorf("mortality: NewTable: %w", ErrEmpty)
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
	l := make([]float64, len(q)+2)
	l[0] = 1
	for i, v := range q {
		l[i+1] = l[i] * (1 - v)
	}
	// l[len(q)+1] stays 0: q is 1 at MaxAge+1.
	return &LifeTable{minAge: minAge, q: q, l: l}
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
// number alive at age minAge+i. l must be finite, positive at minAge and
// non-increasing. q_x = 1 − l_{x+1}/l_x; the table's last age is the last one
// with l > 0, and its rate is 1 when l falls to 0 after it or when l ends
// (nothing is known beyond the last count, and a table ends with everyone
// dead).
func FromSurvivors(minAge int, l []float64) (*LifeTable, error) {
	if minAge < 0 {
		return nil, fmt.Errorf("mortality: minimum age %d is negative", minAge)
	}
	if len(l) == 0 {
		return nil, fmt.Errorf("mortality: FromSurvivors: %w", ErrEmpty)
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
		q[i] = 1 - l[i+1]/l[i]
	}
	q[n-1] = 1
	return newTable(minAge, q), nil
}

// Tabulate returns t as a *LifeTable over its ages (t itself if it is one).
// Its rates are checked as [NewTable] checks them.
func Tabulate(t Table) (*LifeTable, error) {
	if lt, ok := t.(*LifeTable); ok {
		return lt, nil
	}
	lo, hi := t.MinAge(), t.MaxAge()
	if hi < lo {
		return nil, fmt.Errorf("mortality: table's maximum age %d is below its minimum age %d", hi, lo)
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
func (t *LifeTable) Q(age int) float64 {
	i := t.index(age)
	if i >= len(t.q) {
		return 1
	}
	return t.q[i]
}

// Rates returns the tabulated rates, q[i] at age MinAge+i. The slice is the
// table's own: do not modify it.
func (t *LifeTable) Rates() []float64 { return t.q }

func (t *LifeTable) index(age int) int {
	i := age - t.minAge
	if i < 0 {
		panic(fmt.Sprintf("mortality: age %d below the table's minimum age %d", age, t.minAge))
	}
	return i
}

// lAt returns survivors at integer age out of 1 at MinAge, 0 beyond the table.
func (t *LifeTable) lAt(i int) float64 {
	if i >= len(t.l) {
		return 0
	}
	return t.l[i]
}

// L returns l_x, the survivors at integer age x out of a radix of 1 at MinAge;
// 0 from MaxAge+2 on. It panics below MinAge.
func (t *LifeTable) L(age int) float64 { return t.lAt(t.index(age)) }

// Survival returns _n p_x, the probability that a life aged x survives n
// more years. It panics below MinAge or for negative n. Survival from an age
// beyond MaxAge is 0 for n ≥ 1 and 1 for n = 0.
func (t *LifeTable) Survival(age, years int) float64 {
	if years < 0 {
		panic(fmt.Sprintf("mortality: negative number of years %d", years))
	}
	if years == 0 {
		return 1
	}
	i := t.index(age)
	if i >= len(t.q) {
		return 0
	}
	return t.lAt(i+years) / t.l[i]
}

// SurvivalAll writes _k p_x for k = 0, 1, … into dst and returns it: dst[k]
// is the probability that a life aged x survives k years. It allocates only
// when dst is nil, in which case it returns every k up to the end of the
// table. It panics below MinAge.
func (t *LifeTable) SurvivalAll(dst []float64, age int) []float64 {
	i := t.index(age)
	if dst == nil {
		n := len(t.l) - i
		if n < 1 {
			n = 1
		}
		dst = make([]float64, n)
	}
	if i >= len(t.q) {
		for k := range dst {
			dst[k] = 0
		}
		dst[0] = 1
		return dst
	}
	inv := 1 / t.l[i]
	for k := range dst {
		dst[k] = t.lAt(i+k) * inv
	}
	return dst
}

// CurtateLifeExpectancy returns e_x = Σ_{k≥1} _k p_x, the expected number of
// whole years a life aged x will complete.
func (t *LifeTable) CurtateLifeExpectancy(age int) float64 {
	i := t.index(age)
	if i >= len(t.q) {
		return 0
	}
	var s float64
	for _, v := range t.l[i+1:] {
		s += v
	}
	return s / t.l[i]
}

// LifeExpectancy returns the complete expectation of life e°_x under UDD
// between integer ages: e°_x = e_x + 1/2 for a table that ends with everyone
// dead.
func (t *LifeTable) LifeExpectancy(age int) float64 {
	i := t.index(age)
	if i >= len(t.q) {
		return 0.5 // q is 1: under UDD the life lives half a year on average
	}
	return t.CurtateLifeExpectancy(age) + 0.5
}

// LifeExpectancyFrac returns the complete expectation of life at integer age
// x under the given fractional-age assumption: ∫_0^∞ _t p_x dt, integrated
// exactly within each year of age.
func (t *LifeTable) LifeExpectancyFrac(age int, f Fractional) float64 {
	i := t.index(age)
	var s float64
	for j := i; j < len(t.q); j++ {
		s += t.l[j] * f.YearLived(t.q[j])
	}
	if i >= len(t.q) {
		return f.YearLived(1)
	}
	return s / t.l[i]
}

// SurvivalFrac returns _t p_x for a real age x ≥ MinAge and a real duration
// t ≥ 0, with survivors between integer ages under the assumption f.
func (t *LifeTable) SurvivalFrac(x, years float64, f Fractional) float64 {
	if years < 0 || math.IsNaN(years) {
		panic(fmt.Sprintf("mortality: negative or NaN duration %v", years))
	}
	lx := t.lFrac(x, f)
	if lx == 0 {
		return 0
	}
	return t.lFrac(x+years, f) / lx
}

// lFrac is the survivor function at real age x.
func (t *LifeTable) lFrac(x float64, f Fractional) float64 {
	if math.IsNaN(x) || x < float64(t.minAge) {
		panic(fmt.Sprintf("mortality: age %v below the table's minimum age %d", x, t.minAge))
	}
	k := math.Floor(x)
	s := x - k
	i := int(k) - t.minAge
	if i >= len(t.q) {
		return 0
	}
	if s == 0 {
		return t.l[i]
	}
	return t.l[i] * f.Survival(t.q[i], s)
}

// Force returns the force of mortality µ at real age x implied by the table
// under the assumption f. At and beyond MaxAge+1 it is +Inf.
func (t *LifeTable) Force(x float64, f Fractional) float64 {
	if math.IsNaN(x) || x < float64(t.minAge) {
		panic(fmt.Sprintf("mortality: age %v below the table's minimum age %d", x, t.minAge))
	}
	k := math.Floor(x)
	i := int(k) - t.minAge
	if i >= len(t.q) {
		return math.Inf(1)
	}
	return f.Force(t.q[i], x-k)
}
