package actuarial

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial/internal/check"
	"github.com/reserva-go/reserva/internal/vec"
	"github.com/reserva-go/reserva/mortality"
)

// Mthly is how an annuity payable m times a year is valued from a table of
// annual rates. Its zero value is [MthlyUDD].
type Mthly int

const (
	// MthlyUDD values each payment exactly under a uniform distribution of
	// deaths within each year of age. For a whole-life annuity at a flat
	// rate this is ä_x^(m) = α(m)·ä_x − β(m) (AMLCR chapter 5; see
	// [UDDCoefficients]).
	MthlyUDD Mthly = iota
	// MthlyWoolhouse is Woolhouse's formula with three terms (AMLCR
	// chapter 5): ä_x^(m) ≈ ä_x − (m−1)/(2m) − (m²−1)/(12m²)·(δ + µ_x), applied
	// year by year, with µ_x ≈ −½(ln p_{x−1} + ln p_x) estimated from the
	// table. In a year in which the status is certain to fail (q = 1) that
	// year is valued under UDD.
	MthlyWoolhouse
	// MthlyWoolhouse2 is Woolhouse's formula with two terms:
	// ä_x^(m) ≈ ä_x − (m−1)/(2m).
	MthlyWoolhouse2
)

func (mt Mthly) String() string {
	switch mt {
	case MthlyUDD:
		return "UDD"
	case MthlyWoolhouse:
		return "Woolhouse (3 terms)"
	case MthlyWoolhouse2:
		return "Woolhouse (2 terms)"
	}
	return fmt.Sprintf("Mthly(%d)", int(mt))
}

// Annuity describes a life annuity of 1 a year. Its zero value is the
// whole-life annuity-due paid once a year, ä_x; each field adds one feature,
// and they combine: Annuity{Deferral: 5, Term: 10, PerYear: 12} is
// 5|ä_{x:10}^(12).
//
// Payments are made while the life (or the status: joint life, last
// survivor) is alive, except in the first Guaranteed years of payment, which
// are paid whether it is alive or not once it has survived the deferral.
type Annuity struct {
	// Deferral is the number of years u before the first year of payment:
	// a due annuity pays first at t = u. 0: payments start at once. u ≥ 0.
	Deferral int
	// Term is the number of years n of payment, counted from the end of the
	// deferral. 0: for life. n ≥ 0.
	Term int
	// Guaranteed is the number of years g, from the start of payment, paid
	// whether the life survives them or not: a certain-and-life annuity,
	// ä_{x:g} with a bar over x:g. 0: no guarantee. 0 ≤ g, and g ≤ Term when
	// Term > 0.
	Guaranteed int
	// Immediate pays at the end of each period (an annuity-immediate, a_x);
	// false pays at the start (an annuity-due, ä_x).
	Immediate bool
	// PerYear is the number m of payments a year, each of 1/m (times the
	// year's escalation factor). 0 or 1: one payment a year.
	PerYear int
	// Method is how payments more than once a year are valued; ignored when
	// PerYear ≤ 1. Zero value: exact under UDD.
	Method Mthly
	// Escalation is the annual effective rate g at which the payments grow:
	// those of the k-th year of payment (k = 0 the first) are (1+g)^k,
	// constant within the year, as a pension indexed once a year. 0: level
	// payments. Finite, above −1.
	Escalation float64
}

// Validate reports whether a describes an annuity: non-negative deferral,
// term, guarantee and payments a year, a guarantee no longer than the term,
// a known Method and a valid escalation rate.
func (a Annuity) Validate() error {
	switch {
	case a.Deferral < 0:
		return fmt.Errorf("actuarial: Annuity.Deferral %d is negative", a.Deferral)
	case a.Term < 0:
		return fmt.Errorf("actuarial: Annuity.Term %d is negative", a.Term)
	case a.Guaranteed < 0:
		return fmt.Errorf("actuarial: Annuity.Guaranteed %d is negative", a.Guaranteed)
	case a.Term > 0 && a.Guaranteed > a.Term:
		return fmt.Errorf("actuarial: Annuity.Guaranteed %d exceeds Annuity.Term %d", a.Guaranteed, a.Term)
	case a.PerYear < 0:
		return fmt.Errorf("actuarial: Annuity.PerYear %d is negative", a.PerYear)
	case a.Method < MthlyUDD || a.Method > MthlyWoolhouse2:
		return fmt.Errorf("actuarial: Annuity.Method %d is unknown", int(a.Method))
	}
	return check.Rate("Annuity.Escalation", a.Escalation)
}

func (a *Annuity) mustValidate() {
	if err := a.Validate(); err != nil {
		panic(err.Error())
	}
}

// AnnuityEPV returns the expected present value of the annuity a to a life
// aged x. It panics if a.Validate reports an error, if x is below the
// table's MinAge or if the basis is unusable (see [Life.Validate]).
func (l Life) AnnuityEPV(x int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	s := single(b.table, x)
	return b.annuity(&s, &a)
}

// AnnuityEPV returns the expected present value of the annuity a to a life
// aged x, discounted on the curve. It panics as [Life.AnnuityEPV] does.
func (l CurveLife) AnnuityEPV(x int, a Annuity) float64 {
	a.mustValidate()
	b := l.basis()
	s := single(b.table, x)
	return b.annuity(&s, &a)
}

// AnnuityDue returns ä_x = Σ_{k≥0} v^k·_kp_x, the whole-life annuity-due of
// 1 a year. It panics if x is below the table's MinAge or the basis is
// unusable; above MaxAge it is 1.
func (l Life) AnnuityDue(x int) float64 { return l.AnnuityEPV(x, Annuity{}) }

// AnnuityDue returns ä_x on the curve: Σ_{k≥0} v(k)·_kp_x.
func (l CurveLife) AnnuityDue(x int) float64 { return l.AnnuityEPV(x, Annuity{}) }

// AnnuityImmediate returns a_x = Σ_{k≥1} v^k·_kp_x = ä_x − 1, the
// whole-life annuity paid at the end of each year.
func (l Life) AnnuityImmediate(x int) float64 {
	return l.AnnuityEPV(x, Annuity{Immediate: true})
}

// TemporaryAnnuityDue returns ä_{x:n} = Σ_{k<n} v^k·_kp_x, at most n
// payments at the start of each year. It panics if n < 0.
func (l Life) TemporaryAnnuityDue(x, n int) float64 {
	mustYears("term", n)
	if n == 0 {
		l.check(x)
		return 0
	}
	return l.AnnuityEPV(x, Annuity{Term: n})
}

// TemporaryAnnuityImmediate returns a_{x:n} = Σ_{1≤k≤n} v^k·_kp_x. It
// panics if n < 0.
func (l Life) TemporaryAnnuityImmediate(x, n int) float64 {
	mustYears("term", n)
	if n == 0 {
		l.check(x)
		return 0
	}
	return l.AnnuityEPV(x, Annuity{Term: n, Immediate: true})
}

// DeferredAnnuityDue returns u|ä_x = _uE_x·ä_{x+u}, the whole-life
// annuity-due whose first payment is at t = u if the life is then alive. It
// panics if u < 0.
func (l Life) DeferredAnnuityDue(x, u int) float64 {
	mustYears("deferral", u)
	return l.AnnuityEPV(x, Annuity{Deferral: u})
}

// AnnuityDueM returns ä_x^(m), the whole-life annuity of 1 a year paid in m
// instalments of 1/m at the start of each 1/m year, exact under a uniform
// distribution of deaths: α(m)·ä_x − β(m). It panics if m < 1.
func (l Life) AnnuityDueM(x, m int) float64 {
	mustPerYear(m)
	return l.AnnuityEPV(x, Annuity{PerYear: m})
}

// GuaranteedAnnuityDue returns the certain-and-life annuity-due ä_{x:n} with
// a bar over x:n: payments for n years certain and for life after,
// ä_n + _nE_x·ä_{x+n}. It panics if n < 0.
func (l Life) GuaranteedAnnuityDue(x, n int) float64 {
	mustYears("guaranteed period", n)
	return l.AnnuityEPV(x, Annuity{Guaranteed: n})
}

// EscalatingAnnuityDue returns the whole-life annuity-due whose payment at
// t = k is (1+g)^k: a pension indexed at g a year. It equals the level ä_x
// at the rate (1+i)/(1+g) − 1. It panics if g is not a valid rate.
func (l Life) EscalatingAnnuityDue(x int, g float64) float64 {
	return l.AnnuityEPV(x, Annuity{Escalation: g})
}

// AnnuityDueAll writes ä_x for every age of the table, dst[i] at age
// MinAge+i, i = 0..MaxAge−MinAge, into dst and returns it. It runs one
// backward recursion, ä_x = 1 + v·p_x·ä_{x+1} from ä = 1 above MaxAge, and
// allocates only when dst is nil; it panics if dst is not nil and its length
// is not MaxAge−MinAge+1.
func (l Life) AnnuityDueAll(dst []float64) []float64 {
	b := l.basis()
	lo, hi := b.table.MinAge(), b.table.MaxAge()
	dst = vec.Dst(dst, hi-lo+1)
	v := 1 / (1 + b.flat)
	a := 1.0 // ä above MaxAge: q is 1
	if lt, ok := b.table.(*mortality.LifeTable); ok {
		q := lt.Rates()
		q = q[:len(dst)]
		for i := len(q) - 1; i >= 0; i-- {
			a = 1 + v*(1-q[i])*a
			dst[i] = a
		}
		return dst
	}
	for i := len(dst) - 1; i >= 0; i-- {
		a = 1 + v*(1-b.table.Q(lo+i))*a
		dst[i] = a
	}
	return dst
}

// AnnuityDueAll writes ä_x on the curve for every age of the table, as
// [Life.AnnuityDueAll] does. On a curve each age is a sum of its own (the
// rate of year t does not depend on the age), so it costs one pass per age.
func (l CurveLife) AnnuityDueAll(dst []float64) []float64 {
	b := l.basis()
	lo, hi := b.table.MinAge(), b.table.MaxAge()
	dst = vec.Dst(dst, hi-lo+1)
	var a Annuity
	for i := range dst {
		s := single(b.table, lo+i)
		dst[i] = b.annuity(&s, &a)
	}
	return dst
}

// mthly holds the within-year factors of m payments a year at one rate.
// Under UDD the year's payments at times j/m are worth c1 − c2·q per unit in
// force at the start of the year; certain, c1.
type mthly struct {
	rate   float64
	ok     bool
	c1, c2 float64 // Σ_j v^{j/m}/m and Σ_j (j/m)·v^{j/m}/m over the year's payment times j/m
}

func (c *mthly) set(r float64, m int, immediate bool) {
	if c.ok && c.rate == r {
		return
	}
	fm := float64(m)
	c.rate, c.ok = r, true
	step := math.Exp(-math.Log1p(r) / fm)
	j0 := 0
	f := 1.0
	if immediate {
		j0, f = 1, step
	}
	c.c1, c.c2 = 0, 0
	for j := j0; j < j0+m; j++ {
		c.c1 += f
		c.c2 += float64(j) * f
		f *= step
	}
	c.c1 /= fm
	c.c2 /= fm * fm
}

// annuity is the valuation kernel of every annuity: the sum over years k of
// the discount factor to k, the probability that the status is in force at
// k (or survived the deferral, in a guaranteed year), the escalation factor
// and the value at k of the year's payments.
func (b *basis) annuity(s *status, a *Annuity) float64 {
	m := max(a.PerYear, 1)
	u, n, g := a.Deferral, a.Term, a.Guaranteed
	esc := 1 + a.Escalation
	var (
		sum float64
		kp  = 1.0 // the status in force at k
		V   = 1.0 // discount factor to k
		w   = 1.0 // escalation factor of the year
		pu  float64
		c   mthly
	)
	for k := 0; n == 0 || k < u+n; k++ {
		r, v := b.disc(k)
		q, p := s.qp(k)
		if k == u {
			pu = kp
		}
		if k >= u {
			var phi float64 // value at k of the year's payments, per unit in force
			switch {
			case k-u < g:
				if m == 1 {
					phi = 1
					if a.Immediate {
						phi = v
					}
				} else {
					c.set(r, m, a.Immediate)
					phi = c.c1
				}
				sum += pu * V * w * phi
			case m == 1:
				phi = 1
				if a.Immediate {
					phi = v * p
				}
				sum += kp * V * w * phi
			default:
				phi = b.mthlyYear(s, k, q, p, m, a, &c)
				sum += kp * V * w * phi
			}
			w *= esc
		}
		kp *= p
		V *= v
		if kp == 0 && (k+1 <= u || k+1 >= u+g) {
			break
		}
	}
	return sum
}

// mthlyYear returns the value at k, per unit in force at k, of the m
// payments of year k.
func (b *basis) mthlyYear(s *status, k int, q, p float64, m int, a *Annuity, c *mthly) float64 {
	r, v := b.disc(k)
	if a.Method == MthlyUDD || q == 1 {
		// Under UDD _jp = 1 − (j/m)·q within the year.
		c.set(r, m, a.Immediate)
		return c.c1 - c.c2*q
	}
	// Woolhouse on the year: h(s) = v^s·_sp, h(0) = 1, h(1) = v·p,
	// h'(s) = −h(s)·(δ + µ).
	fm := float64(m)
	h1 := v * p
	phi := 1 - (fm-1)/(2*fm)*(1-h1)
	if a.Method == MthlyWoolhouse {
		delta := math.Log1p(r)
		mu0, ok := s.mu(k)
		if !ok {
			c.set(r, m, a.Immediate)
			return c.c1 - c.c2*q
		}
		d := delta + mu0
		if h1 > 0 {
			mu1, ok1 := s.mu(k + 1)
			if ok1 {
				d -= h1 * (delta + mu1)
			}
		}
		phi -= (fm*fm - 1) / (12 * fm * fm) * d
	}
	if a.Immediate {
		phi -= (1 - h1) / fm
	}
	return phi
}
