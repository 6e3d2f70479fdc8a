package actuarial

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial/internal/check"
	"github.com/reserva-go/reserva/actuarial/internal/qx"
	"github.com/reserva-go/reserva/mortality"
)

// Life pairs a mortality table with an annual effective interest rate: the
// basis on which the life contingencies of one life are valued.
//
// The table is any [mortality.Table]: an ultimate table, the cohort of a
// generational table a life belongs to, or the rates a select life lives
// through (a Table whose Q(x+k) is q_[x]+k). Its methods read Q at the
// ages the life passes through (and, for Woolhouse's formula, the age
// before), nothing else.
//
// The zero value has no table and is not usable: its methods panic. Interest
// 0 means no interest (v = 1), so that ä_x = 1 + e_x, the curtate
// expectation of life plus one. A Life is a small value, safe for concurrent
// use if its table is.
type Life struct {
	Table    mortality.Table // the rates of death the life lives through; required
	Interest float64         // annual effective rate, 0.05 = 5%; finite and above −1; 0 means no interest
}

// CurveLife pairs a mortality table with a year-by-year interest [Curve]:
// the rate of year t applies from t to t+1 after the valuation date,
// whatever the life's age. It values the same contracts as [Life].
//
// The zero value has no table and is not usable; a nil Curve means no
// interest.
type CurveLife struct {
	Table mortality.Table // the rates of death the life lives through; required
	Curve *Curve          // interest by year from the valuation date; nil means no interest
}

// basis is what the valuation kernels need: a table and a discount rate by
// year.
type basis struct {
	table mortality.Table
	flat  float64 // the rate when curve is nil
	v     float64 // 1/(1+flat)
	curve *Curve  // nil: flat
}

// disc returns the annual effective rate of year k (from t = k to k+1) and
// its discount factor over the year.
func (b *basis) disc(k int) (r, v float64) {
	c := b.curve
	if c == nil {
		return b.flat, b.v
	}
	if k >= len(c.rates) {
		k = len(c.rates) - 1
	}
	return c.rates[k], c.v[k]
}

func (l Life) basis() basis {
	if l.Table == nil {
		panic("actuarial: Life has no Table")
	}
	mustRate("Life.Interest", l.Interest)
	return basis{table: l.Table, flat: l.Interest, v: 1 / (1 + l.Interest)}
}

func (l CurveLife) basis() basis {
	if l.Table == nil {
		panic("actuarial: CurveLife has no Table")
	}
	if l.Curve == nil || len(l.Curve.rates) == 0 {
		return basis{table: l.Table, v: 1} // no interest
	}
	return basis{table: l.Table, curve: l.Curve}
}

// check panics, as the valuation methods do, if the basis is unusable or x
// is below the table's MinAge.
func (l Life) check(x int) {
	b := l.basis()
	mustAge(x, b.table.MinAge())
}

// Validate reports whether l can be used: a table whose ages run from
// MinAge to MaxAge with every q finite and in [0, 1], and a valid interest
// rate. Call it where a basis is read from data; the methods of Life panic
// on what Validate reports.
func (l Life) Validate() error {
	if err := check.Table("Life.Table", l.Table); err != nil {
		return err
	}
	return check.Rate("Life.Interest", l.Interest)
}

// Validate reports whether l can be used: a table as [Life.Validate]
// requires. Its Curve was checked when it was built.
func (l CurveLife) Validate() error {
	return check.Table("CurveLife.Table", l.Table)
}

// CheckAge reports whether the table has a rate at age x: MinAge ≤ x ≤
// MaxAge. Call it on ages read from data; the methods of Life panic below
// MinAge and treat ages above MaxAge as certain death within the year.
func (l Life) CheckAge(x int) error { return checkAge("age", l.Table, x) }

// CheckAge reports whether the table has a rate at age x, as
// [Life.CheckAge] does.
func (l CurveLife) CheckAge(x int) error { return checkAge("age", l.Table, x) }

func checkAge(field string, t mortality.Table, x int) error {
	if t == nil {
		return fmt.Errorf("actuarial: %s %d: no table", field, x)
	}
	if lo, hi := t.MinAge(), t.MaxAge(); x < lo || x > hi {
		return fmt.Errorf("actuarial: %s %d outside the table's ages %d..%d: %w", field, x, lo, hi, ErrRange)
	}
	return nil
}

// DoubleForce returns the life on the same table at the rate (1+i)² − 1,
// at which the insurances are the second moments ²A of the present value of
// the benefit: Var = ²A − A².
func (l Life) DoubleForce() Life {
	l.basis()
	return Life{Table: l.Table, Interest: (1+l.Interest)*(1+l.Interest) - 1}
}

// DoubleForce returns the life on the same table with every rate of the
// curve replaced by (1+i_t)² − 1, as [Life.DoubleForce] does.
func (l CurveLife) DoubleForce() CurveLife {
	if l.Curve == nil || len(l.Curve.rates) == 0 {
		return l
	}
	r := make([]float64, len(l.Curve.rates))
	for t, i := range l.Curve.rates {
		r[t] = (1+i)*(1+i) - 1
	}
	c, err := NewCurve(r...)
	if err != nil {
		panic(err.Error()) // a rate so large that its square overflows
	}
	return CurveLife{Table: l.Table, Curve: c}
}

// status is the survival status of one life, or the joint-life status of
// two independent lives, from the valuation date.
type status struct {
	t1       mortality.Table
	x        int
	lo1, hi1 int
	q1       []float64       // q from age x on when t1 is a *LifeTable: no interface call per year
	t2       mortality.Table // nil: a single life
	y        int
	lo2, hi2 int
	q2       []float64
}

func single(t mortality.Table, x int) status {
	lo, hi := t.MinAge(), t.MaxAge()
	mustAge(x, lo)
	return status{t1: t, x: x, lo1: lo, hi1: hi, q1: ratesFrom(t, x)}
}

func joint(t1 mortality.Table, x int, t2 mortality.Table, y int) status {
	if t2 == nil {
		panic("actuarial: the second life has no table")
	}
	s := single(t1, x)
	s.t2, s.y = t2, y
	s.lo2, s.hi2 = t2.MinAge(), t2.MaxAge()
	mustAge(y, s.lo2)
	s.q2 = ratesFrom(t2, y)
	return s
}

// ratesFrom returns a *LifeTable's rates from age x on (empty above
// MaxAge), or nil for any other Table.
func ratesFrom(t mortality.Table, x int) []float64 {
	lt, ok := t.(*mortality.LifeTable)
	if !ok {
		return nil
	}
	q := lt.Rates()
	if i := x - lt.MinAge(); i < len(q) {
		return q[i:]
	}
	return q[len(q):]
}

func mustAge(x, lo int) {
	if x < lo {
		panic(fmt.Sprintf("actuarial: age %d below the table's minimum age %d", x, lo))
	}
}

// qp returns the probabilities that the status fails and survives over year
// k (from t = k to k+1), given that it is in force at k.
func (s *status) qp(k int) (q, p float64) {
	q = qFast(s.q1, s.t1, s.x+k, s.hi1, k)
	if s.t2 == nil {
		return q, 1 - q
	}
	q2 := qFast(s.q2, s.t2, s.y+k, s.hi2, k)
	return q + q2 - q*q2, (1 - q) * (1 - q2)
}

// qFast returns q at age a, k years after the status began, from rates
// (the *LifeTable's, from the starting age on) when there are any.
func qFast(rates []float64, t mortality.Table, a, hi, k int) float64 {
	if rates != nil {
		if k < len(rates) {
			return rates[k]
		}
		return 1
	}
	return qx.At(t, a, hi)
}

// mu estimates the force of mortality of the status at time k: µ of each
// life at its exact age, summed.
func (s *status) mu(k int) (float64, bool) {
	m, ok := muAt(s.t1, s.x+k, s.lo1, s.hi1)
	if s.t2 != nil {
		m2, ok2 := muAt(s.t2, s.y+k, s.lo2, s.hi2)
		m, ok = m+m2, ok && ok2
	}
	return m, ok
}

// muAt estimates the force of mortality at exact integer age a as
// −½(ln p_{a−1} + ln p_a) (AMLCR chapter 5, Woolhouse's formula), from
// one side alone at the table's first age or where the other p is 0, and
// reports false where neither side gives an estimate.
func muAt(t mortality.Table, a, lo, hi int) (float64, bool) {
	var sum float64
	var n int
	if a > lo {
		if q := qx.At(t, a-1, hi); q < 1 {
			sum -= math.Log1p(-q)
			n++
		}
	}
	if q := qx.At(t, a, hi); q < 1 {
		sum -= math.Log1p(-q)
		n++
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}
