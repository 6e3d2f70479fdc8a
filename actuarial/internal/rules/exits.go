package rules

import (
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
// rules, by sex, age and service (see the package's conventions).
type Exits struct {
	Kind []Exit    // the kind of exit
	Rate []float64 // the probability of retiring (1 from the compulsory age)
	// Factor is the pension per unit of reference salary, before cap and
	// floor: the eligibility's reduction (1 for a full pension) times the
	// accrual rate of the service and the reference share; 0 for None and
	// Withdraw.
	Factor []float64
	// Disability is the disability pension per unit of reference salary,
	// before cap and floor, by service: the accrual rate times the
	// reference share.
	Disability []float64
	// RetYears and DisYears are the years the reference salaries of
	// retirement and disability pensions average: 1 or less for the last
	// salary.
	RetYears, DisYears int
}

// compile sets e from rules r, the retirement probabilities of as and
// services 0..ms.
func (e *Exits) compile(r *scheme.Rules, as *scheme.Assumptions, ms int) {
	ns := ms + 1
	n := actuarial.NumSexes * NumAges * ns
	e.Kind, e.Rate, e.Factor = make([]Exit, n), make([]float64, n), make([]float64, n)
	for sx := range actuarial.NumSexes {
		sex := actuarial.SexAt(sx)
		rr := &as.Retirement[sx]
		comp := r.CompulsoryAge[sx]
		for age := range NumAges {
			for sv := 0; sv <= ms; sv++ {
				kind, factor := Entitlement(r, sex, age, sv)
				rate := 0.0
				switch kind {
				case Full:
					rate = rr.Full.At(age)
				case Reduced:
					rate = rr.Reduced.At(age)
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
	}
	dshare := r.Disability.ReferenceShare
	if dshare == 0 {
		dshare = 1
	}
	e.Disability = make([]float64, ns)
	for sv := range e.Disability {
		e.Disability[sv] = r.Disability.Accrual.Rate(sv) * dshare
	}
	e.RetYears, e.DisYears = r.Retirement.ReferenceYears, r.Disability.ReferenceYears
}

// Entitlement returns the pension rules r give a member of that sex, age
// and service on 1 January, whatever the retirement probabilities: Full,
// Reduced or None, and the pension per unit of reference salary before
// cap and floor (the eligibility's reduction times the accrual rate of the
// service and the reference share; 0 for None). A formula paying nothing
// (too short a service) is None. It ignores the compulsory age.
func Entitlement(r *scheme.Rules, sex actuarial.Sex, age, service int) (Exit, float64) {
	kind, factor := None, 0.0
	switch r.Eligibility.Status(sex, age, service) {
	case actuarial.Full:
		kind, factor = Full, 1
	case actuarial.Reduced:
		kind, factor = Reduced, r.Eligibility.Reduction(sex, age)
	default:
		return None, 0
	}
	share := r.Retirement.ReferenceShare
	if share == 0 {
		share = 1
	}
	factor *= r.Retirement.Accrual.Rate(service) * share
	if factor <= 0 {
		return None, 0
	}
	return kind, factor
}

// Clamp is a pension per head capped at hi, then floored at lo, the order
// in which every engine bounds an award (+Inf: no cap; 0: no floor).
func Clamp(amt, lo, hi float64) float64 {
	if amt > hi {
		amt = hi
	}
	if amt < lo {
		amt = lo
	}
	return amt
}
