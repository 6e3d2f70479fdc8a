// Member valuation of a defined-benefit plan: the plan's benefits, the
// valuation basis, the member, and the results of a valuation.

package valuation

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/check"
	"github.com/reserva-go/reserva/mortality"
)

// FundingMethod is an actuarial cost method: a rule that splits the present
// value of a member's future benefits into an accrued liability, for
// service already given, and normal costs, for the years to come.
type FundingMethod int

// The funding methods a [Valuer] computes. NumFundingMethods counts them.
const (
	// TUC is the traditional unit credit method: the accrued liability is
	// the value of the benefits accrued to date on the current salary,
	// with no future salary increases.
	TUC FundingMethod = iota
	// PUC is the projected unit credit method: the accrued liability is
	// the value of the benefits accrued to date on the salary projected to
	// each date of exit.
	PUC
	// EAN is the entry age normal method, level percent of salary: the
	// normal cost is a constant share of salary from entry to exit, the
	// share at which the value at entry of the normal costs equals the
	// value at entry of the benefits.
	EAN

	NumFundingMethods = 3
)

func (f FundingMethod) String() string {
	switch f {
	case TUC:
		return "TUC"
	case PUC:
		return "PUC"
	case EAN:
		return "EAN"
	}
	return fmt.Sprintf("FundingMethod(%d)", int(f))
}

// BenefitKind is a benefit an active member may leave with. NumBenefitKinds
// counts them.
type BenefitKind int

// The benefits a [Valuer] values, one for each way of leaving active
// service (a retirement that gives no pension is a withdrawal).
const (
	BenefitRetirement BenefitKind = iota // a full retirement pension
	BenefitEarly                         // a reduced (early or proportional) retirement pension
	BenefitDisability                    // a disability pension
	BenefitDeath                         // a death-in-service lump sum and survivor's pension
	BenefitWithdrawal                    // a deferred pension or a refund of contributions on leaving

	NumBenefitKinds = 5
)

var benefitNames = [NumBenefitKinds]string{"retirement", "early retirement", "disability", "death", "withdrawal"}

func (b BenefitKind) String() string {
	if b >= 0 && b < NumBenefitKinds {
		return benefitNames[b]
	}
	return fmt.Sprintf("BenefitKind(%d)", int(b))
}

// Member is an active member to value.
type Member struct {
	Sex     actuarial.Sex // Male or Female
	Age     int           // age last birthday at the valuation date, within the service table's ages
	Service int           // completed years of service at the valuation date, 0 ≤ Service ≤ Age
	// Salary is the annual salary for year 0 (the rate in force at the
	// valuation date, paid through the coming year), ≥ 0.
	Salary float64
	// EntryAge is the age at which the member joined, for the entry age
	// normal method. 0: Age − Service, or the service table's MinAge if
	// that is later (the member then enters with the service above it).
	// Otherwise MinAge ≤ EntryAge ≤ Age and Age − EntryAge ≤ Service.
	EntryAge int
	// Contributions is the member's own contributions accumulated with
	// interest to the valuation date, for a refund on withdrawal, ≥ 0;
	// 0: none.
	Contributions float64
}

// MemberOf returns the member an active census record describes, with its
// salary as a float64 (nearest value) and no contributions or entry age.
func MemberOf(a *census.Active) Member {
	return Member{Sex: a.Sex, Age: a.Age, Service: a.Service, Salary: a.Salary.InexactFloat64()}
}

// DisabilityBenefit is the pension of a member who leaves on disability.
// The zero value provides none.
type DisabilityBenefit struct {
	// Formula gives the yearly pension; zero: no disability benefit.
	Formula actuarial.Formula
	// ProjectService credits the service the member would have completed
	// by ServiceAge; false: the service completed at disability.
	ProjectService bool
	// ServiceAge[sex] is the age to which service is projected, > 0 when
	// ProjectService is set.
	ServiceAge [actuarial.NumSexes]int
}

// DeathBenefit is what the survivors of a member who dies in service
// receive. The zero value provides nothing.
type DeathBenefit struct {
	// SalaryMultiple is a lump sum, in multiples of the salary of the year
	// of death, paid at death; 0: none. ≥ 0.
	SalaryMultiple float64
	// Survivor gives the yearly pension of a surviving spouse (paid, like
	// retirement pensions, as Plan.Payment says); zero: none. Whether there
	// is a spouse is Basis.Married.
	Survivor actuarial.Formula
	// ProjectService credits the service the member would have completed
	// by ServiceAge; false: the service completed at death.
	ProjectService bool
	// ServiceAge[sex] is the age to which service is projected, > 0 when
	// ProjectService is set.
	ServiceAge [actuarial.NumSexes]int
}

// WithdrawalBenefit is what a member who leaves service before a pension is
// due receives: a deferred pension if vested, otherwise a refund if the plan
// refunds. The zero value provides nothing.
type WithdrawalBenefit struct {
	// Deferred gives a member with at least VestingService years the plan
	// Formula's pension on the service and reference salary at exit,
	// revalued at Revaluation a year until PensionAge, then paid for life
	// as retirement pensions are. A member leaving at or after PensionAge
	// gets it at once, unrevalued.
	Deferred       bool
	VestingService int                     // the least service for a deferred pension, ≥ 0
	PensionAge     [actuarial.NumSexes]int // the age from which deferred pensions are paid, > 0 when Deferred
	Revaluation    float64                 // yearly revaluation in deferment, a rate above −1; 0: none

	// Refund returns the member's contributions with interest to a member
	// who gets no deferred pension: Member.Contributions plus
	// ContributionRate of each later salary, accumulated at RefundInterest.
	Refund           bool
	ContributionRate float64 // the member's contribution rate, a fraction of salary in [0, 1]
	RefundInterest   float64 // yearly interest credited, a rate above −1; 0: none
}

// Plan is a defined-benefit plan's benefits for active members. The zero
// value provides nothing: each benefit is provided when its field is set.
// A Plan is the benefit side of a valuation; a [Basis] holds the
// assumptions. Both are plain values the scheme model can hold and reuse.
type Plan struct {
	// Formula is the retirement pension: the accrual by completed service
	// applied to the reference salary at retirement. Zero: no pension.
	Formula actuarial.Formula
	// Eligibility says when a retirement gives a full or a reduced
	// pension (reduced by Eligibility.Reduction). A member who retires
	// without qualifying for either, or whose formula pays 0, gets the
	// withdrawal benefit. Zero: nobody qualifies.
	Eligibility actuarial.Eligibility
	// Payment is how pensions in payment (retirement, disability,
	// deferred and survivors') are paid: PerYear instalments, Method,
	// Immediate, Guaranteed, and Escalation, the yearly indexation in
	// payment. Deferral and Term must be 0. Zero: once a year in advance,
	// level, for life.
	Payment actuarial.Annuity
	// SurvivorShare is the share of a retirement or disability pension
	// that continues to a surviving spouse after the pensioner's death
	// (the reversion), in [0, 1]; 0: none. Whether there is a spouse is
	// Basis.Married. The reversion is paid as Payment says but without a
	// guaranteed period.
	SurvivorShare float64
	Disability    DisabilityBenefit
	Death         DeathBenefit
	Withdrawal    WithdrawalBenefit
}

// RetirementPension returns the yearly pension of a member of that sex who
// retires at age with service completed years and the reference salary
// (the average of the last Formula.ReferenceYears salaries), unit being the
// reference unit's yearly value for limits in units, and the entitlement:
// the formula's pension, times Eligibility.Reduction for a reduced pension.
// A member who does not qualify, or whose formula pays 0, gets 0 and
// NotEligible.
func (p *Plan) RetirementPension(sex actuarial.Sex, age, service int, reference, unit float64) (float64, actuarial.Entitlement) {
	st := p.Eligibility.Status(sex, age, service)
	if st == actuarial.NotEligible {
		return 0, actuarial.NotEligible
	}
	b := p.Formula.Pension(service, reference, unit)
	if st == actuarial.Reduced {
		b *= p.Eligibility.Reduction(sex, age)
	}
	if b <= 0 {
		return 0, actuarial.NotEligible
	}
	return b, st
}

// Validate reports the first invalid field of the plan.
func (p *Plan) Validate() error {
	for _, f := range []struct {
		name string
		f    *actuarial.Formula
	}{{"Formula", &p.Formula}, {"Disability.Formula", &p.Disability.Formula}, {"Death.Survivor", &p.Death.Survivor}} {
		if err := f.f.Validate(); err != nil {
			return fmt.Errorf("actuarial: Plan.%s: %w", f.name, err)
		}
	}
	if err := p.Payment.Validate(); err != nil {
		return fmt.Errorf("actuarial: Plan.Payment: %w", err)
	}
	if p.Payment.Deferral != 0 || p.Payment.Term != 0 {
		return fmt.Errorf("actuarial: Plan.Payment has Deferral %d and Term %d: want 0 (pensions are paid for life from the exit)", p.Payment.Deferral, p.Payment.Term)
	}
	r := p.Eligibility.ReductionPerYear
	if !(r >= 0 && r <= 1) {
		return fmt.Errorf("actuarial: Plan.Eligibility.ReductionPerYear %v: want a fraction in [0, 1]", r)
	}
	if err := fraction("Plan.SurvivorShare", p.SurvivorShare); err != nil {
		return err
	}
	if p.Disability.ProjectService {
		if err := positiveAges("Plan.Disability.ServiceAge", p.Disability.ServiceAge); err != nil {
			return err
		}
	}
	d := &p.Death
	if math.IsNaN(d.SalaryMultiple) || math.IsInf(d.SalaryMultiple, 0) || d.SalaryMultiple < 0 {
		return fmt.Errorf("actuarial: Plan.Death.SalaryMultiple %v: want a finite multiple ≥ 0", d.SalaryMultiple)
	}
	if d.ProjectService {
		if err := positiveAges("Plan.Death.ServiceAge", d.ServiceAge); err != nil {
			return err
		}
	}
	w := &p.Withdrawal
	if w.VestingService < 0 {
		return fmt.Errorf("actuarial: Plan.Withdrawal.VestingService %d is negative", w.VestingService)
	}
	if w.Deferred {
		if err := positiveAges("Plan.Withdrawal.PensionAge", w.PensionAge); err != nil {
			return err
		}
	}
	if err := check.Rate("Plan.Withdrawal.Revaluation", w.Revaluation); err != nil {
		return err
	}
	if err := fraction("Plan.Withdrawal.ContributionRate", w.ContributionRate); err != nil {
		return err
	}
	return check.Rate("Plan.Withdrawal.RefundInterest", w.RefundInterest)
}

func fraction(field string, v float64) error {
	if !(v >= 0 && v <= 1) {
		return fmt.Errorf("actuarial: %s %v: want a fraction in [0, 1]", field, v)
	}
	return nil
}

func positiveAges(field string, a [actuarial.NumSexes]int) error {
	for s, v := range a {
		if v <= 0 || v > actuarial.AgeLimit {
			return fmt.Errorf("actuarial: %s[%v] %d: want an age in 1..%d: %w", field, actuarial.SexAt(s), v, actuarial.AgeLimit, actuarial.ErrRange)
		}
	}
	return nil
}

// Basis is the set of assumptions on which members are valued. A member of
// a sex is valued only if Actives and Pensioners are set for that sex.
type Basis struct {
	// Actives[sex] gives the dependent probabilities of death, disability,
	// withdrawal and retirement of active members by age and service; its
	// RetirementTiming says whether retirements happen at the start of
	// the year of age or during it. A cause the table does not hold does
	// not happen (a benefit for it is never paid). Nil: members of that
	// sex cannot be valued.
	Actives [actuarial.NumSexes]*actuarial.ServiceTable
	// Pensioners[sex] is the mortality of retirement and deferred
	// pensioners; required where Actives is set. Its MinAge must not be
	// above the service table's.
	Pensioners [actuarial.NumSexes]mortality.Table
	// Disabled[sex] is the mortality of disability pensioners; nil:
	// Pensioners.
	Disabled [actuarial.NumSexes]mortality.Table
	// Spouses[sex] is the mortality of the spouse of a member of that sex;
	// nil: Pensioners of the other sex.
	Spouses [actuarial.NumSexes]mortality.Table
	// Interest is the annual effective rate of discount, above −1; used
	// when Curve is nil.
	Interest float64
	// Curve, when not nil, discounts instead of Interest: the rate of year
	// t applies from t to t+1 after the valuation date, and annuities
	// starting at t are valued on the rates from t on.
	Curve *actuarial.Curve
	// Salary is the merit scale; zero: salaries grow with wages only.
	Salary actuarial.SalaryScale
	// WageGrowth is the general growth of salaries each year, above −1;
	// 0: none. The reference unit grows at the same rate.
	WageGrowth float64
	// Unit is the yearly value at the valuation date of the reference unit
	// in which a Formula's limits may be set; required (> 0) when one is,
	// ignored otherwise.
	Unit float64
	// Married[sex] is the probability that a member of that sex leaves a
	// spouse entitled to a survivor's pension, in [0, 1]; 0: no survivors'
	// pensions are valued.
	Married [actuarial.NumSexes]float64
	// AgeGap[sex] is the member's age minus the spouse's (3 for men whose
	// wives are three years younger, −3 for women); 0: the same age.
	AgeGap [actuarial.NumSexes]int
}

// Validate reports the first invalid field of the basis for the plan p:
// the tables a member's valuation needs and the rates.
func (b *Basis) Validate(p *Plan) error {
	found := false
	for s := range actuarial.NumSexes {
		sx := actuarial.SexAt(s)
		st := b.Actives[s]
		if st == nil {
			continue
		}
		found = true
		if st.Acts(actuarial.WorkDeath) || st.Acts(actuarial.WorkDisability) {
			return fmt.Errorf("actuarial: Basis.Actives[%v] holds work risks (%v, %v), which a Valuer does not value: value them with package projection's Seriatim", sx, actuarial.WorkDeath, actuarial.WorkDisability)
		}
		if b.Pensioners[s] == nil {
			return fmt.Errorf("actuarial: Basis.Pensioners[%v] is nil but Actives[%v] is set", sx, sx)
		}
		if err := check.Table(fmt.Sprintf("Basis.Pensioners[%v]", sx), b.Pensioners[s]); err != nil {
			return err
		}
		if b.Disabled[s] != nil {
			if err := check.Table(fmt.Sprintf("Basis.Disabled[%v]", sx), b.Disabled[s]); err != nil {
				return err
			}
		}
		for _, t := range []struct {
			name string
			t    mortality.Table
			off  int
		}{
			{"Pensioners", b.Pensioners[s], 0},
			{"Disabled", b.disabled(s), 0},
		} {
			if lo := t.t.MinAge(); lo > st.MinAge() {
				return fmt.Errorf("actuarial: Basis.%s[%v] starts at age %d, after the service table's %d: %w", t.name, sx, lo, st.MinAge(), actuarial.ErrRange)
			}
		}
		if err := fraction(fmt.Sprintf("Basis.Married[%v]", sx), b.Married[s]); err != nil {
			return err
		}
		if b.Married[s] > 0 && (p.SurvivorShare > 0 || len(p.Death.Survivor.Accrual.Rates) > 0) {
			sp := b.spouse(s)
			if sp == nil {
				return fmt.Errorf("actuarial: Basis.Spouses[%v] is nil and so is Pensioners[%v]", sx, actuarial.SexAt(1-s))
			}
			if err := check.Table(fmt.Sprintf("Basis.Spouses[%v]", sx), sp); err != nil {
				return err
			}
			if y := st.MinAge() - b.AgeGap[s]; y < sp.MinAge() {
				return fmt.Errorf("actuarial: the spouse of a member of the service table's minimum age %d is aged %d, below the spouse table's %d (Basis.AgeGap[%v] %d): %w",
					st.MinAge(), y, sp.MinAge(), sx, b.AgeGap[s], actuarial.ErrRange)
			}
		}
	}
	if !found {
		return fmt.Errorf("actuarial: Basis.Actives has no service table")
	}
	if b.Curve == nil {
		if err := check.Rate("Basis.Interest", b.Interest); err != nil {
			return err
		}
	}
	if err := check.Rate("Basis.WageGrowth", b.WageGrowth); err != nil {
		return err
	}
	if err := b.Salary.Validate(); err != nil {
		return err
	}
	if math.IsNaN(b.Unit) || math.IsInf(b.Unit, 0) || b.Unit < 0 {
		return fmt.Errorf("actuarial: Basis.Unit %v: want a finite value ≥ 0", b.Unit)
	}
	if b.Unit == 0 && (p.Formula.UsesUnits() || p.Disability.Formula.UsesUnits() || p.Death.Survivor.UsesUnits()) {
		return fmt.Errorf("actuarial: Basis.Unit is 0 but the plan sets a limit in units")
	}
	return nil
}

func (b *Basis) disabled(s int) mortality.Table {
	if b.Disabled[s] != nil {
		return b.Disabled[s]
	}
	return b.Pensioners[s]
}

func (b *Basis) spouse(s int) mortality.Table {
	if b.Spouses[s] != nil {
		return b.Spouses[s]
	}
	return b.Pensioners[1-s]
}

// MemberValuation is the valuation of one member at the valuation date: the
// expected present values at t = 0 of the benefits and salaries to come,
// the accrued benefit, and the accrued liability and normal cost by funding
// method. Amounts are in the units of Member.Salary.
type MemberValuation struct {
	// PVFB is the present value of future benefits, by kind.
	PVFB [NumBenefitKinds]float64
	// PVFS is the present value of future salaries while in active service.
	PVFS float64
	// AL is the accrued liability by funding method.
	AL [NumFundingMethods]float64
	// NC is the normal cost of year 0 by funding method, as a value at
	// t = 0.
	NC [NumFundingMethods]float64
	// NormalCostRate is the entry age normal cost as a share of salary:
	// the PVFB at entry over the PVFS at entry.
	NormalCostRate float64
	// ExitsInYear is the value at t = 0 of the benefits of members leaving
	// during year 0 (including those retiring at t = 0), so that for each
	// method AL + NC = ExitsInYear + v·p^(τ)·AL one year on.
	ExitsInYear float64
	// NormalAge is the first age at which the member, staying in service,
	// qualifies for a full pension; 0 if never (within the service table).
	NormalAge int
	// AccruedTUC and AccruedPUC are the yearly retirement pension accrued
	// at the valuation date and payable from NormalAge: the formula's
	// pension at NormalAge times Service over the service then, on the
	// reference salary now (TUC) or projected to NormalAge (PUC). 0 when
	// NormalAge is 0.
	AccruedTUC, AccruedPUC float64
}

// TotalPVFB is the present value of all future benefits.
func (r *MemberValuation) TotalPVFB() float64 {
	var s float64
	for _, v := range r.PVFB {
		s += v
	}
	return s
}
