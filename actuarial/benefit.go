package actuarial

import (
	"fmt"
	"math"
)

// Accrual is a replacement rate by completed years of service: the share of
// the reference salary paid as a pension. Rates[i] is the rate at MinService+i
// years; with less service there is no pension (rate 0); beyond the table the
// last rate holds. The zero value pays nothing.
type Accrual struct {
	MinService int       // the least service that earns a pension
	Rates      []float64 // replacement rate at MinService+i years, a fraction (1 = 100%)
}

// LinearAccrual describes an accrual table that pays AtMin at MinService
// years of service and PerYear more for each further year, up to Max: the
// ISSSTE transition table is
//
//	LinearAccrual{MinService: 15, AtMin: 0.50, PerYear: 0.025, Max: 0.75}.Accrual()
//
// (50% at 15 years, 2.5 points a year to 75% at 25). Rates are fractions.
type LinearAccrual struct {
	MinService int     // the least service that earns a pension, ≥ 0
	AtMin      float64 // the rate at MinService years
	PerYear    float64 // the rise for each further year; ≤ 0: AtMin (capped at Max) at every service
	Max        float64 // the highest rate, reached and then held
}

// Accrual returns the table as an [Accrual].
func (l LinearAccrual) Accrual() Accrual {
	a := Accrual{MinService: l.MinService}
	for r := l.AtMin; ; r += l.PerYear {
		if r >= l.Max-1e-12 || l.PerYear <= 0 {
			a.Rates = append(a.Rates, math.Min(r, l.Max))
			return a
		}
		a.Rates = append(a.Rates, r)
	}
}

// Rate returns the replacement rate at service completed years.
func (a Accrual) Rate(service int) float64 {
	if len(a.Rates) == 0 || service < a.MinService {
		return 0
	}
	return a.Rates[min(service-a.MinService, len(a.Rates)-1)]
}

// Validate reports a negative or non-finite rate.
func (a Accrual) Validate() error {
	for i, v := range a.Rates {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return fmt.Errorf("actuarial: accrual rate at %d years of service is %v: want a finite rate ≥ 0", a.MinService+i, v)
		}
	}
	return nil
}

// Limit is an amount of pension a year, in money or in multiples of a
// reference unit (a minimum wage, say, whose value in a year the scheme
// gives). The zero value is no limit.
type Limit struct {
	Money float64 // a yearly amount in money; 0: not set
	Units float64 // a multiple of the reference unit's yearly value; 0: not set
}

// Value returns the limit in money given the reference unit's value, and
// false when the limit is not set. With both Money and Units set, the lower
// of the two binds.
func (l Limit) Value(unit float64) (float64, bool) {
	switch {
	case l.Money > 0 && l.Units > 0:
		return math.Min(l.Money, l.Units*unit), true
	case l.Money > 0:
		return l.Money, true
	case l.Units > 0:
		return l.Units * unit, true
	}
	return 0, false
}

// Formula is a defined-benefit pension formula: an accrual rate by service
// applied to a reference salary, the average of the last years, bounded by a
// cap and a floor. The zero value pays nothing.
type Formula struct {
	Accrual        Accrual
	ReferenceYears int     // years averaged for the reference salary; 0 or 1: the last year's salary
	ReferenceShare float64 // share of the average that counts (0.85 in the ISSTEY 2022 law); 0 means 1
	Cap            Limit   // the most a pension pays a year; zero: no cap
	Floor          Limit   // the least a pension in payment pays a year; zero: no floor
}

// Pension returns the yearly pension for service completed years and a
// reference salary (the average of the last ReferenceYears yearly salaries),
// with unit the reference unit's yearly value for caps and floors in units.
// A member without the service for any accrual gets 0 (the floor applies
// only to pensions that are due).
func (f Formula) Pension(service int, referenceSalary, unit float64) float64 {
	r := f.Accrual.Rate(service)
	if r == 0 {
		return 0
	}
	share := f.ReferenceShare
	if share == 0 {
		share = 1
	}
	p := r * share * referenceSalary
	if c, ok := f.Cap.Value(unit); ok && p > c {
		p = c
	}
	if fl, ok := f.Floor.Value(unit); ok && p < fl {
		p = fl
	}
	return p
}

// Validate reports an invalid accrual, share or period.
func (f Formula) Validate() error {
	if err := f.Accrual.Validate(); err != nil {
		return err
	}
	if f.ReferenceYears < 0 {
		return fmt.Errorf("actuarial: formula ReferenceYears %d is negative", f.ReferenceYears)
	}
	if math.IsNaN(f.ReferenceShare) || f.ReferenceShare < 0 || f.ReferenceShare > 1 {
		return fmt.Errorf("actuarial: formula ReferenceShare %v: want 0 (meaning 1) or a fraction in (0, 1]", f.ReferenceShare)
	}
	return nil
}

// Condition is one way to qualify for a pension: both the age and the
// service must be reached. A zero field is no requirement, so the zero
// Condition is met by everyone.
//
// FromCohort and ToCohort restrict the condition to the members born in
// those calendar years (inclusive; 0: no bound), for a requirement phased
// in by birth cohort: "30 years of service for those born before 1970, 32
// after" is {MinService: 30, ToCohort: 1969}, {MinService: 32,
// FromCohort: 1970}. A member aged x (last birthday) on 1 January of year
// y was born in y − x − 1 ([CohortOf]). [Condition.Met] and
// [Eligibility.Status] ignore the bounds; [Condition.MetBy] and
// [Eligibility.StatusIn] honour them.
type Condition struct {
	MinAge     int // age last birthday at least this
	MinService int // completed years of service at least this
	FromCohort int // first birth year the condition applies to; 0: no bound
	ToCohort   int // last birth year the condition applies to; 0: no bound
}

// CohortOf is the birth year of a member aged age (last birthday) on
// 1 January of calendar year year: year − age − 1.
func CohortOf(year, age int) int { return year - age - 1 }

// Met reports whether a member of that age and service meets the
// condition, whatever his birth cohort.
func (c Condition) Met(age, service int) bool { return age >= c.MinAge && service >= c.MinService }

// Cohorted reports whether the condition is bounded by birth cohort.
func (c Condition) Cohorted() bool { return c.FromCohort != 0 || c.ToCohort != 0 }

// MetBy reports whether a member born in cohort, of that age and service,
// meets the condition.
func (c Condition) MetBy(cohort, age, service int) bool {
	return c.Met(age, service) && (c.FromCohort == 0 || cohort >= c.FromCohort) && (c.ToCohort == 0 || cohort <= c.ToCohort)
}

// Conditions are alternatives: meeting any one qualifies. An empty list is
// met by nobody.
type Conditions []Condition

// MetBy reports whether a member born in cohort meets any condition.
func (cs Conditions) MetBy(cohort, age, service int) bool {
	for _, c := range cs {
		if c.MetBy(cohort, age, service) {
			return true
		}
	}
	return false
}

// Cohorted reports whether some condition is bounded by birth cohort.
func (cs Conditions) Cohorted() bool {
	for _, c := range cs {
		if c.Cohorted() {
			return true
		}
	}
	return false
}

// Met reports whether any condition is met.
func (cs Conditions) Met(age, service int) bool {
	for _, c := range cs {
		if c.Met(age, service) {
			return true
		}
	}
	return false
}

// Entitlement is what a member could claim now.
type Entitlement int

const (
	NotEligible Entitlement = iota // no pension yet
	Reduced                        // a reduced (proportional or early) pension
	Full                           // a full pension
)

func (e Entitlement) String() string {
	switch e {
	case NotEligible:
		return "not eligible"
	case Reduced:
		return "reduced"
	case Full:
		return "full"
	}
	return fmt.Sprintf("Entitlement(%d)", int(e))
}

// Eligibility holds the conditions for full and reduced pensions by sex:
// "30 years of service at any age, or age 65 with 20 years" is
// Conditions{{MinService: 30}, {MinAge: 65, MinService: 20}}.
type Eligibility struct {
	Full    [NumSexes]Conditions // any one gives a full pension
	Reduced [NumSexes]Conditions // any one gives a reduced pension (when no full one is due)
	// ReductionPerYear reduces a reduced pension by this fraction for each
	// year of age below FullAge (an early-retirement reduction); 0: the
	// accrual table alone sets a reduced pension (a proportional pension).
	ReductionPerYear float64
	FullAge          [NumSexes]int // the age from which no reduction applies
}

// Status returns the entitlement of a member of that sex, age and service.
func (e *Eligibility) Status(sex Sex, age, service int) Entitlement {
	switch {
	case e.Full[sex.Index()].Met(age, service):
		return Full
	case e.Reduced[sex.Index()].Met(age, service):
		return Reduced
	}
	return NotEligible
}

// StatusIn returns the entitlement of a member of that sex, age and
// service on 1 January of calendar year year, honouring the conditions'
// cohort bounds ([CohortOf]).
func (e *Eligibility) StatusIn(sex Sex, year, age, service int) Entitlement {
	b := CohortOf(year, age)
	switch {
	case e.Full[sex.Index()].MetBy(b, age, service):
		return Full
	case e.Reduced[sex.Index()].MetBy(b, age, service):
		return Reduced
	}
	return NotEligible
}

// Cohorted reports whether some condition is bounded by birth cohort.
func (e *Eligibility) Cohorted() bool {
	for sx := range NumSexes {
		if e.Full[sx].Cohorted() || e.Reduced[sx].Cohorted() {
			return true
		}
	}
	return false
}

// Reduction returns the factor applied to a reduced pension claimed at age:
// 1 − ReductionPerYear·(FullAge − age), at least 0, and 1 when there is no
// reduction per year or the age is at or above FullAge.
func (e *Eligibility) Reduction(sex Sex, age int) float64 {
	short := e.FullAge[sex.Index()] - age
	if e.ReductionPerYear == 0 || short <= 0 {
		return 1
	}
	return math.Max(0, 1-e.ReductionPerYear*float64(short))
}

// usesUnits reports whether a formula sets a limit in units.
func (f *Formula) UsesUnits() bool { return f.Cap.Units != 0 || f.Floor.Units != 0 }
