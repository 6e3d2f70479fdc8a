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

// Same reports whether e and o are the same compiled exits, shared by two
// laws ([Recompile]) or not.
func (e *Exits) Same(o *Exits) bool {
	return e == o || (e != nil && o != nil && len(e.Kind) > 0 && len(o.Kind) > 0 && &e.Kind[0] == &o.Kind[0])
}

// compile sets e from rules r, the retirement probabilities of as and
// services 0..ms.
func (e *Exits) compile(r *scheme.Rules, as *scheme.Assumptions, ms int) {
	ns := ms + 1
	n := actuarial.NumSexes * NumAges * ns
	e.Kind, e.Rate, e.Factor = make([]Exit, n), make([]float64, n), make([]float64, n)
	share := r.Retirement.ReferenceShare
	if share == 0 {
		share = 1
	}
	for sx := range actuarial.NumSexes {
		sex := actuarial.SexAt(sx)
		rr := &as.Retirement[sx]
		comp := r.CompulsoryAge[sx]
		for age := range NumAges {
			for sv := 0; sv <= ms; sv++ {
				kind, rate, factor := None, 0.0, 0.0
				switch r.Eligibility.Status(sex, age, sv) {
				case actuarial.Full:
					kind, rate, factor = Full, rr.Full.At(age), 1
				case actuarial.Reduced:
					kind, rate, factor = Reduced, rr.Reduced.At(age), r.Eligibility.Reduction(sex, age)
				}
				factor *= r.Retirement.Accrual.Rate(sv) * share
				if factor <= 0 {
					kind, rate, factor = None, 0, 0
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
