package rules

import (
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Exit is the kind of 1 January exit a cell's rules give.
type Exit uint8

// Kinds of exit.
const (
	None     Exit = iota // no retirement
	Full                 // a full (old-age) pension
	Reduced              // a reduced (early) pension
	Withdraw             // compulsory age without a pension: a withdrawal
)

// Pension is the type of the pension a Full or Reduced exit is awarded.
func (e Exit) Pension() census.PensionType {
	if e == Reduced {
		return census.PensionEarly
	}
	return census.PensionOldAge
}

// Exits are the 1 January exits and the disability pensions of one set of
// rules, by sex, age and service (see the package's conventions), in one
// calendar year when the rules' conditions depend on the birth cohort.
type Exits struct {
	Kind []Exit    // the kind of exit
	Rate []float64 // the probability of retiring (1 from the compulsory age)
	// Factor is the pension per unit of reference salary, before cap and
	// floor: the eligibility's reduction (1 for a full pension) times the
	// accrual rate of the service and the reference share; 0 for None and
	// Withdraw. The accrual table and the reduction are the sex's
	// ([scheme.Rules.BySex]).
	Factor []float64
	// Disability is the disability pension per unit of reference salary,
	// before cap and floor, by service: the accrual rate times the
	// reference share.
	Disability []float64
	// DisPos is the first service from which every Disability factor is
	// above 0 ([PositiveFrom]).
	DisPos int
	// RetYears[sex] and DisYears are the years the reference salaries of
	// retirement and disability pensions average: 1 or less for the last
	// salary.
	RetYears [actuarial.NumSexes]int
	DisYears int
	// WorkDisability and WorkDeath are, by service, the pension of a
	// disability at work and the base pension of the survivors of a death
	// at work ([scheme.WorkRisks]) per unit of reference salary, before cap
	// and floor; WorkDisYears and WorkDeathYears the years their reference
	// salaries average.
	WorkDisability, WorkDeath    []float64
	WorkDisYears, WorkDeathYears int
	// Prev, for the exits of a calendar year under rules whose exits
	// change by year, are the exits of the year before when they differ
	// only in some cells' Kind, Rate and Factor (the same Disability,
	// RetYears and DisYears, and the same work risks'); Changed are those cells, by
	// sex·NumAges·ns + age·ns + service, in increasing order. An engine
	// that holds what it computed from Prev need only update them. Prev
	// is nil otherwise.
	Prev    *Exits
	Changed []int32
}

// Same reports whether e and o are the same compiled exits, shared by two
// laws ([Recompile]) or not.
func (e *Exits) Same(o *Exits) bool {
	return e == o || (e != nil && o != nil && len(e.Kind) > 0 && len(o.Kind) > 0 && &e.Kind[0] == &o.Kind[0])
}

// exitYear is 1 January of a calendar year seen by the exits: the year,
// for the cohort bounds of conditions, and the base rules retirement rates
// were observed under, when they follow the rules.
type exitYear struct {
	year int
	base *scheme.Rules // nil: rates by age
}

// firstFull returns the least age a ≤ age at which a member now of that
// age and service first met a full pension's conditions of r on his
// career (one year of service a year, his own birth cohort), with year
// the calendar year now; or, when he has not yet, the least age after,
// up to the last age; ok is false if none.
func firstFull(r *scheme.Rules, sex actuarial.Sex, year, age, sv int) (int, bool) {
	entry := age - sv
	for a := max(entry, 0); a < NumAges; a++ {
		if r.Eligibility.StatusIn(sex, year+a-age, a, a-entry) == actuarial.Full {
			return a, true
		}
	}
	return 0, false
}

// compile sets e from rules r in force on 1 January of ey.year, the
// retirement probabilities of as and services 0..ms.
func (e *Exits) compile(r *scheme.Rules, as *scheme.Assumptions, ms int, ey exitYear) {
	ns := ms + 1
	n := actuarial.NumSexes * NumAges * ns
	e.Kind, e.Rate, e.Factor = make([]Exit, n), make([]float64, n), make([]float64, n)
	for sx := range actuarial.NumSexes {
		sex := actuarial.SexAt(sx)
		rr := &as.Retirement[sx]
		comp := r.CompulsoryAge[sx]
		for age := range NumAges {
			for sv := 0; sv <= ms; sv++ {
				kind, factor := Entitlement(r, sex, ey.year, age, sv)
				at := age // the age whose retirement rate applies
				if ey.base != nil && kind != None {
					a, ok := firstFull(r, sex, ey.year, age, sv)
					b, okb := firstFull(ey.base, sex, ey.year, age, sv)
					if ok && okb {
						at = min(max(age-(a-b), 0), NumAges-1)
					}
				}
				rate := 0.0
				switch kind {
				case Full:
					rate = rr.Full.At(at)
				case Reduced:
					rate = rr.Reduced.At(at)
				}
				if comp > 0 && age >= comp {
					rate = 1
					if kind == None {
						kind = Withdraw
					}
				}
				if rate == 0 {
					kind = None
				}
				c := (sx*NumAges+age)*ns + sv
				e.Kind[c], e.Rate[c], e.Factor[c] = kind, rate, factor
			}
		}
		e.RetYears[sx] = r.RetirementYears(sx)
	}
	dshare := r.Disability.ReferenceShare
	if dshare == 0 {
		dshare = 1
	}
	e.Disability = make([]float64, ns)
	for sv := range e.Disability {
		e.Disability[sv] = r.Disability.Accrual.Rate(sv) * dshare
	}
	e.DisPos = PositiveFrom(e.Disability)
	e.DisYears = r.Disability.ReferenceYears
	e.WorkDisability, e.WorkDisYears = byService(r.WorkRisks.Disability, ns)
	e.WorkDeath, e.WorkDeathYears = byService(r.WorkRisks.Death, ns)
}

// byService returns formula f's pension per unit of reference salary by
// service 0..ns−1, before cap and floor, and its reference years.
func byService(f actuarial.Formula, ns int) ([]float64, int) {
	share := f.ReferenceShare
	if share == 0 {
		share = 1
	}
	out := make([]float64, ns)
	for sv := range out {
		out[sv] = f.Accrual.Rate(sv) * share
	}
	return out, f.ReferenceYears
}

// follow sets e.Prev and e.Changed when e differs from prev, the exits of
// the year before, only in some cells' Kind, Rate and Factor.
func (e *Exits) follow(prev *Exits) {
	if !slices.Equal(e.Disability, prev.Disability) || e.RetYears != prev.RetYears || e.DisYears != prev.DisYears ||
		len(e.Kind) != len(prev.Kind) || !slices.Equal(e.WorkDisability, prev.WorkDisability) ||
		!slices.Equal(e.WorkDeath, prev.WorkDeath) || e.WorkDisYears != prev.WorkDisYears || e.WorkDeathYears != prev.WorkDeathYears {
		return
	}
	for c := range e.Kind {
		if e.Kind[c] != prev.Kind[c] || e.Rate[c] != prev.Rate[c] || e.Factor[c] != prev.Factor[c] {
			e.Changed = append(e.Changed, int32(c))
		}
	}
	e.Prev = prev
}

// equal reports whether e and f give the same exits.
func (e *Exits) equal(f *Exits) bool {
	return slices.Equal(e.Kind, f.Kind) && slices.Equal(e.Rate, f.Rate) && slices.Equal(e.Factor, f.Factor) &&
		slices.Equal(e.Disability, f.Disability) && e.RetYears == f.RetYears && e.DisYears == f.DisYears &&
		slices.Equal(e.WorkDisability, f.WorkDisability) && slices.Equal(e.WorkDeath, f.WorkDeath) &&
		e.WorkDisYears == f.WorkDisYears && e.WorkDeathYears == f.WorkDeathYears
}

// Entitlement returns the pension rules r give a member of that sex, age
// and service on 1 January of calendar year year (which fixes the birth
// cohort for cohort-bounded conditions), whatever the retirement
// probabilities: Full, Reduced or None, and the pension per unit of
// reference salary before cap and floor (the sex's reduction times the
// sex's accrual rate of the service and the reference share; 0 for None).
// A formula paying nothing (too short a service) is None. It ignores the
// compulsory age.
func Entitlement(r *scheme.Rules, sex actuarial.Sex, year, age, service int) (Exit, float64) {
	kind, factor := None, 0.0
	sx := sex.Index()
	switch r.Eligibility.StatusIn(sex, year, age, service) {
	case actuarial.Full:
		kind, factor = Full, 1
	case actuarial.Reduced:
		kind, factor = Reduced, r.Reduction(sx, age)
	default:
		return None, 0
	}
	share := r.Retirement.ReferenceShare
	if share == 0 {
		share = 1
	}
	factor *= r.RetirementAccrual(sx).Rate(service) * share
	if factor <= 0 {
		return None, 0
	}
	return kind, factor
}

// Clamp caps the pension amt at hi, then floors it at lo: the order in
// which every engine bounds a pension, on award and in payment (+Inf: no
// cap; 0: no floor; a floor above the cap wins). own is amt capped, before
// the floor: pay − own is the minimum-pension top-up. For a cell of n
// pensions, amt is their total and the bounds are n times the bounds per
// head. The projection's AVX2 form of its retirements (retireRunAVX2)
// repeats this rule lane by lane; TestRetireRunSIMD pins it to Clamp, so a
// change here fails that test until the assembly follows.
func Clamp(amt, lo, hi float64) (pay, own float64) {
	if amt > hi {
		amt = hi
	}
	own = amt
	if amt < lo {
		amt = lo
	}
	return amt, own
}

// Moves reports whether a member of that age and service moves under
// transition t (see [scheme.Transition]).
func Moves(t *scheme.Transition, age, service int) bool {
	if t.ServiceBelow == 0 && t.AgeBelow == 0 {
		return true
	}
	return (t.ServiceBelow > 0 && service < t.ServiceBelow) || (t.AgeBelow > 0 && age < t.AgeBelow)
}
