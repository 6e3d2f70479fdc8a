package actuarial

import (
	"fmt"
	"math"
)

// Insurance describes a life insurance of 1. Its zero value is the
// whole-life insurance paid at the end of the year of death, A_x; each field
// adds one feature: Insurance{Term: 20, Endowment: true} is the endowment
// insurance A_{x:20}, Insurance{AtDeath: true} is Ā_x.
type Insurance struct {
	// Deferral is the number of years u before cover starts: death in the
	// first u years pays nothing. 0: covered at once. u ≥ 0.
	Deferral int
	// Term is the number of years n of cover, counted from the end of the
	// deferral. 0: for life. n ≥ 0.
	Term int
	// Endowment also pays 1 to a life alive at the end of the term (at
	// t = u + n): an endowment insurance. It needs Term > 0.
	Endowment bool
	// AtDeath pays the death benefit at the moment of death rather than at
	// the end of the year of death: under UDD each year's end-of-year value
	// times i/δ of that year (AMLCR chapter 4). The endowment is paid at the
	// end of the term either way.
	AtDeath bool
}

// Validate reports whether b describes an insurance: non-negative deferral
// and term, and a term for an endowment.
func (b Insurance) Validate() error {
	switch {
	case b.Deferral < 0:
		return fmt.Errorf("actuarial: Insurance.Deferral %d is negative", b.Deferral)
	case b.Term < 0:
		return fmt.Errorf("actuarial: Insurance.Term %d is negative", b.Term)
	case b.Endowment && b.Term == 0:
		return fmt.Errorf("actuarial: Insurance.Endowment needs a Term")
	}
	return nil
}

// InsuranceEPV returns the expected present value of the insurance b on a
// life aged x. It panics if b.Validate reports an error, if x is below the
// table's MinAge or if the basis is unusable (see [Life.Validate]).
func (l Life) InsuranceEPV(x int, b Insurance) float64 {
	if err := b.Validate(); err != nil {
		panic(err.Error())
	}
	bs := l.basis()
	s := single(bs.table, x)
	return bs.insurance(&s, &b)
}

// InsuranceEPV returns the expected present value of the insurance b on a
// life aged x, discounted on the curve. It panics as [Life.InsuranceEPV]
// does.
func (l CurveLife) InsuranceEPV(x int, b Insurance) float64 {
	if err := b.Validate(); err != nil {
		panic(err.Error())
	}
	bs := l.basis()
	s := single(bs.table, x)
	return bs.insurance(&s, &b)
}

// Insurance returns A_x = Σ_{k≥0} v^{k+1}·_kp_x·q_{x+k}, the whole-life
// insurance of 1 paid at the end of the year of death; A_x = 1 − d·ä_x. It
// panics if x is below the table's MinAge or the basis is unusable.
func (l Life) Insurance(x int) float64 { return l.InsuranceEPV(x, Insurance{}) }

// Insurance returns A_x on the curve.
func (l CurveLife) Insurance(x int) float64 { return l.InsuranceEPV(x, Insurance{}) }

// TermInsurance returns the term insurance A¹_{x:n}: 1 at the end of the
// year of death if death occurs within n years. It panics if n < 0.
func (l Life) TermInsurance(x, n int) float64 {
	mustYears("term", n)
	if n == 0 {
		l.check(x)
		return 0
	}
	return l.InsuranceEPV(x, Insurance{Term: n})
}

// EndowmentInsurance returns A_{x:n} = A¹_{x:n} + _nE_x: 1 at the end of
// the year of death within n years, or at n to a survivor;
// A_{x:n} = 1 − d·ä_{x:n}. It panics if n < 0; for n = 0 it is 1.
func (l Life) EndowmentInsurance(x, n int) float64 {
	mustYears("term", n)
	if n == 0 {
		l.check(x)
		return 1
	}
	return l.InsuranceEPV(x, Insurance{Term: n, Endowment: true})
}

// DeferredInsurance returns u|A_x = _uE_x·A_{x+u}: 1 at the end of the year
// of death if death occurs after u years. It panics if u < 0.
func (l Life) DeferredInsurance(x, u int) float64 {
	mustYears("deferral", u)
	return l.InsuranceEPV(x, Insurance{Deferral: u})
}

// PureEndowment returns _nE_x = v^n·_np_x, the value of 1 paid at t = n if
// the life is then alive. It panics if n < 0 or x is below the table's
// MinAge.
func (l Life) PureEndowment(x, n int) float64 {
	b := l.basis()
	return b.pureEndowment(x, n)
}

// PureEndowment returns _nE_x = v(n)·_np_x on the curve.
func (l CurveLife) PureEndowment(x, n int) float64 {
	b := l.basis()
	return b.pureEndowment(x, n)
}

func (b *basis) pureEndowment(x, n int) float64 {
	mustYears("term", n)
	s := single(b.table, x)
	e := 1.0
	for k := 0; k < n && e != 0; k++ {
		_, p := s.qp(k)
		_, v := b.disc(k)
		e *= p * v
	}
	return e
}

// insurance is the valuation kernel of every insurance.
func (b *basis) insurance(s *status, ins *Insurance) float64 {
	u, n := ins.Deferral, ins.Term
	var (
		sum float64
		kp  = 1.0 // the status in force at k
		V   = 1.0 // discount factor to k
	)
	for k := 0; n == 0 || k < u+n; k++ {
		r, v := b.disc(k)
		q, p := s.qp(k)
		if k >= u && q > 0 {
			f := 1.0
			if ins.AtDeath && r != 0 {
				f = r / math.Log1p(r) // i/δ
			}
			sum += V * v * kp * q * f
		}
		kp *= p
		V *= v
		if kp == 0 {
			return sum // nobody left for an endowment either
		}
	}
	if ins.Endowment {
		sum += V * kp
	}
	return sum
}
