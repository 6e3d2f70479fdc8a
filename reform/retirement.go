// Retirement conditions: the minimum age and service for a pension,
// raised at once, by calendar year or by birth cohort.

package reform

import (
	"fmt"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// RetirementConditions raises (or lowers) the age and service a pension
// requires. AddAge is added to every age requirement of the eligibility
// conditions of the rules in force — the MinAge of each full and reduced
// [actuarial.Condition] that has one (a condition "at any age" keeps none)
// and the FullAge from which early pensions are not reduced — and AddService
// to every service requirement (each MinService that is set). With
// Compulsory, the CompulsoryAge moves with the ages too.
//
// Phase-in, by calendar year: with Every = n > 0 the requirements move by
// one year on 1 January of Year, one more n years later, and so on until
// AddAge and AddService are reached; Every = 0 moves them at once in Year.
// "The minimum age rises from 60 to 65 by a year every two years from 2027"
// is RetirementConditions{Year: 2027, AddAge: 5, Every: 2}.
//
// Phase-in by birth cohort: with Cohort set, the age requirements of the
// members born in Cohort are raised by one year, those of the next Every−1
// cohorts likewise, those of the following Every by two, and so on up to
// AddAge (Every = 0: AddAge for every cohort from Cohort on). The
// [scheme.Rules] hold requirements by calendar year, not by cohort; the
// change turns the cohort schedule into calendar-year requirements, and for
// an age requirement it does so exactly. A member aged x on 1 January of
// year y was born in year b = y − x − 1 (the project's convention), and must
// be at least A + shift(b) years old; as shift(b) never decreases with b,
// the ages that meet it in year y are those at or above
// x*(y) = min{x : x ≥ A + shift(y − x − 1)}, which is the requirement the
// rules of year y get. The reduction of early pensions, which depends on
// the distance from FullAge, is an approximation: FullAge by calendar year
// is converted the same way, so a member retiring early in year y has it
// reckoned from the FullAge of the cohort that reaches it in y rather than
// from his own. With Cohort set, AddAge must not be negative.
//
// A service requirement phased by cohort is held by cohort exactly: each
// condition with a MinService is split into bands of birth cohorts
// ([actuarial.Condition] FromCohort and ToCohort), the cohorts before
// Cohort keeping it, those of the k-th band of Every cohorts (all from
// Cohort when Every = 0) getting k more years, up to AddService. "32 years
// of service instead of 30 for those born from 1970" is
// RetirementConditions{Year: 2025, AddService: 2, Cohort: 1970}; the rules
// in force from Year hold the bands.
//
// Setting an age: SetAge > 0 makes the MinAge of every full and reduced
// condition SetAge from Year on, at once, whatever it was — including a
// condition "at any age" (MinAge 0), which AddAge cannot reach: "a minimum
// age of 60 for the pension after 30 years of service at any age" is
// RetirementConditions{Year: 2027, SetAge: 60}. FullAge and CompulsoryAge
// keep their values (move them with another change). SetAge cannot be
// combined with AddAge, Every or Cohort; AddService may go with it.
//
// Which conditions: Conditions = FullOnly moves the full conditions alone
// ("women get a full pension after 28 years of service, not 30, the reduced
// pension keeping its 15 years" is RetirementConditions{Year: 2026, Sex:
// actuarial.Female, AddService: -2, Conditions: FullOnly}); ReducedOnly
// moves the reduced conditions and FullAge alone. CompulsoryAge moves with
// Compulsory whichever conditions move.
//
// Retirement probabilities ([scheme.RetirementRates]) are assumptions: by
// age, they do not move, and a member newly eligible retires with the
// probability of his age; with [scheme.RatesSinceEligibility] in the
// scheme's Assumptions.RetirementTiming they move with the first
// eligibility for a full pension that the change moves.
type RetirementConditions struct {
	Year   int      // calendar year it takes effect (the first step), on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Sex        actuarial.Sex // the sex whose requirements move; SexUnknown (the zero value): both
	AddAge     int           // years added to every age requirement; negative lowers them
	SetAge     int           // 0: none; otherwise the MinAge every condition gets from Year, 1..MaxCensusAge (see above)
	AddService int           // years added to every service requirement; negative lowers them
	Every      int           // phase-in: one year more every Every years (or cohorts); 0: at once
	Cohort     int           // 0: phase by calendar year from Year; otherwise the first birth year whose ages are raised
	Compulsory bool          // also move CompulsoryAge (when set) with the ages
	Conditions ConditionSet  // the conditions that move; AllConditions (the zero value): full and reduced
}

// ConditionSet names the eligibility conditions a [RetirementConditions]
// moves.
type ConditionSet int

// The sets of conditions. The zero value is AllConditions.
const (
	AllConditions ConditionSet = iota // the full and reduced conditions, and FullAge
	FullOnly                          // the full conditions alone
	ReducedOnly                       // the reduced conditions and FullAge

	numConditionSets = 3
)

var conditionSetNames = [numConditionSets]string{"all", "full", "reduced"}

func (c ConditionSet) String() string {
	if c >= 0 && c < numConditionSets {
		return conditionSetNames[c]
	}
	return fmt.Sprintf("ConditionSet(%d)", int(c))
}

// full and reduced report whether the set holds the full and the reduced
// conditions.
func (c ConditionSet) full() bool    { return c != ReducedOnly }
func (c ConditionSet) reduced() bool { return c != FullOnly }

func (c RetirementConditions) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c RetirementConditions) String() string {
	s := "retirement"
	if c.SetAge != 0 {
		s += fmt.Sprintf(" minimum age %d", c.SetAge)
		if c.AddService != 0 {
			s += ","
		}
	}
	if c.AddAge != 0 {
		s += fmt.Sprintf(" ages %+d", c.AddAge)
	}
	if c.AddAge != 0 && c.AddService != 0 {
		s += ","
	}
	if c.AddService != 0 {
		s += fmt.Sprintf(" service %+d", c.AddService)
	}
	if c.Sex != actuarial.SexUnknown {
		s += fmt.Sprintf(" (%v)", c.Sex)
	}
	if c.Conditions != AllConditions {
		s += fmt.Sprintf(" (%v conditions only)", c.Conditions)
	}
	switch {
	case c.Cohort != 0 && c.Every > 0:
		s += fmt.Sprintf(", a year every %d cohorts from the cohort of %d, from %d", c.Every, c.Cohort, c.Year)
	case c.Cohort != 0:
		s += fmt.Sprintf(" for the cohorts from %d, from %d", c.Cohort, c.Year)
	case c.Every > 0:
		s += fmt.Sprintf(", a year every %d years from %d", c.Every, c.Year)
	default:
		s += fmt.Sprintf(" from %d", c.Year)
	}
	return s + c.scope().String()
}

func (c RetirementConditions) validate() error {
	switch {
	case c.Sex != actuarial.SexUnknown && !c.Sex.Valid():
		return fmt.Errorf("%w: RetirementConditions.Sex %v", ErrInvalid, c.Sex)
	case c.AddAge == 0 && c.AddService == 0 && c.SetAge == 0:
		return fmt.Errorf("%w: RetirementConditions changes neither age nor service", ErrNoEffect)
	case c.SetAge < 0 || c.SetAge > census.MaxCensusAge:
		return fmt.Errorf("%w: RetirementConditions.SetAge %d: want an age in 1..%d (0: none)", ErrInvalid, c.SetAge, census.MaxCensusAge)
	case c.SetAge != 0 && (c.AddAge != 0 || c.Every != 0 || c.Cohort != 0):
		return fmt.Errorf("%w: RetirementConditions.SetAge %d with AddAge %d, Every %d, Cohort %d: SetAge sets the ages at once, alone", ErrInvalid, c.SetAge, c.AddAge, c.Every, c.Cohort)
	case c.Conditions < 0 || c.Conditions >= numConditionSets:
		return fmt.Errorf("%w: RetirementConditions.Conditions %v", ErrInvalid, c.Conditions)
	case c.Every < 0:
		return fmt.Errorf("%w: RetirementConditions.Every %d is negative", ErrInvalid, c.Every)
	case c.Cohort != 0 && c.AddAge < 0:
		return fmt.Errorf("%w: RetirementConditions: a cohort phase-in must raise ages (AddAge %d)", ErrInvalid, c.AddAge)
	case abs(c.AddAge) > census.MaxCensusAge || abs(c.AddService) > census.MaxCensusAge:
		return fmt.Errorf("%w: RetirementConditions AddAge %d, AddService %d", ErrInvalid, c.AddAge, c.AddService)
	}
	return nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// steps returns the number of yearly steps of a calendar phase-in.
func (c RetirementConditions) steps() int { return max(abs(c.AddAge), abs(c.AddService)) }

// calendarShift returns the shift of a requirement of add years in year y
// under a calendar phase-in.
func (c RetirementConditions) calendarShift(add, y int) int {
	if y < c.Year || add == 0 {
		return 0
	}
	k := abs(add)
	if c.Every > 0 {
		k = min(k, (y-c.Year)/c.Every+1)
	}
	if add < 0 {
		return -k
	}
	return k
}

// cohortShift returns the years added to the ages of birth cohort b.
func (c RetirementConditions) cohortShift(b int) int {
	if b < c.Cohort {
		return 0
	}
	if c.Every == 0 {
		return c.AddAge
	}
	return min(c.AddAge, (b-c.Cohort)/c.Every+1)
}

// cohortAge returns x*(y), the calendar-year age requirement in year y
// equivalent to the cohort requirement a + shift(birth year).
func (c RetirementConditions) cohortAge(a, y int) int {
	for x := a; x < a+c.AddAge; x++ {
		if x >= a+c.cohortShift(y-x-1) {
			return x
		}
	}
	return a + c.AddAge
}

// newAge returns the requirement an age requirement a becomes in year y.
func (c RetirementConditions) newAge(a, y int) int {
	if a <= 0 || y < c.Year {
		return a
	}
	if c.Cohort != 0 {
		return c.cohortAge(a, y)
	}
	return a + c.calendarShift(c.AddAge, y)
}

// sexes returns the sex indexes the change concerns.
func (c RetirementConditions) sexes() []int {
	if c.Sex == actuarial.SexUnknown {
		return []int{0, 1}
	}
	return []int{c.Sex.Index()}
}

// ages returns every age requirement of r the change moves.
func (c RetirementConditions) ages(r *scheme.Rules) []int {
	var as []int
	for _, sx := range c.sexes() {
		for _, cs := range c.conditions(&r.Eligibility, sx) {
			for _, cd := range cs {
				as = append(as, cd.MinAge)
			}
		}
		if c.Conditions.reduced() {
			as = append(as, r.Eligibility.FullAge[sx])
		}
		if c.Compulsory {
			as = append(as, r.CompulsoryAge[sx])
		}
	}
	return as
}

// conditions returns the lists of conditions of sex index sx the change
// moves.
func (c RetirementConditions) conditions(e *actuarial.Eligibility, sx int) []actuarial.Conditions {
	var cs []actuarial.Conditions
	if c.Conditions.full() {
		cs = append(cs, e.Full[sx])
	}
	if c.Conditions.reduced() {
		cs = append(cs, e.Reduced[sx])
	}
	return cs
}

// years returns the calendar years in which the requirements move under
// the timeline rules, in increasing order, Year first.
func (c RetirementConditions) years(rules []scheme.Rules) []int {
	ys := []int{c.Year}
	if c.Cohort == 0 {
		for k := 1; c.Every > 0 && k < c.steps(); k++ {
			ys = append(ys, c.Year+k*c.Every)
		}
		return ys
	}
	// The years where x*(y) changes for any age requirement of the rules
	// in force from Year on. Every cohort b ≥ Cohort + Every·AddAge has
	// the whole shift, and reaches any age a ≤ MaxCensusAge by b + a + 1.
	var as []int
	for i := inForce(rules, c.Year); i < len(rules); i++ {
		as = append(as, c.ages(&rules[i])...)
	}
	slices.Sort(as)
	as = slices.Compact(as)
	last := c.Cohort + c.Every*c.AddAge + census.MaxCensusAge + c.AddAge + 2
	for y := c.Year + 1; y <= last; y++ {
		for _, a := range as {
			if a > 0 && c.cohortAge(a, y) != c.cohortAge(a, y-1) {
				ys = append(ys, y)
				break
			}
		}
	}
	return ys
}

func (c RetirementConditions) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, c.years(rules), func(r *scheme.Rules, lo, _ int) (bool, error) {
		changed := false
		age := func(field string, p *int) error {
			a := c.newAge(*p, lo)
			if *p > 0 && (a < 1 || a > census.MaxCensusAge) {
				return fmt.Errorf("%w: %s %d would become %d in %d", ErrInvalid, field, *p, a, lo)
			}
			changed = changed || a != *p
			*p = a
			return nil
		}
		service := func(field string, p *int) error {
			if *p <= 0 || c.Cohort != 0 {
				return nil // by cohort: see cohortService
			}
			s := *p + c.calendarShift(c.AddService, lo)
			if s < 1 {
				return fmt.Errorf("%w: %s %d would become %d in %d", ErrInvalid, field, *p, s, lo)
			}
			changed = changed || s != *p
			*p = s
			return nil
		}
		e := &r.Eligibility
		for _, sx := range c.sexes() {
			for _, cs := range c.conditions(e, sx) {
				for i := range cs {
					if c.SetAge != 0 {
						changed = changed || cs[i].MinAge != c.SetAge
						cs[i].MinAge = c.SetAge
					} else if err := age("MinAge", &cs[i].MinAge); err != nil {
						return false, err
					}
					if err := service("MinService", &cs[i].MinService); err != nil {
						return false, err
					}
				}
			}
			if c.Cohort != 0 && c.AddService != 0 {
				var which []*actuarial.Conditions
				if c.Conditions.full() {
					which = append(which, &e.Full[sx])
				}
				if c.Conditions.reduced() {
					which = append(which, &e.Reduced[sx])
				}
				for _, cs := range which {
					banded, err := c.cohortService(*cs, lo)
					if err != nil {
						return false, err
					}
					changed = changed || !slices.Equal(banded, *cs)
					*cs = banded
				}
			}
			if c.Conditions.reduced() {
				if err := age("FullAge", &e.FullAge[sx]); err != nil {
					return false, err
				}
			}
			if c.Compulsory {
				if err := age("CompulsoryAge", &r.CompulsoryAge[sx]); err != nil {
					return false, err
				}
			}
		}
		return changed, nil
	})
}

// cohortService returns the conditions cs with each service requirement
// split into the bands of birth cohorts of a cohort phase-in of
// AddService (see [RetirementConditions]), for the rules of year y.
func (c RetirementConditions) cohortService(cs actuarial.Conditions, y int) (actuarial.Conditions, error) {
	k := abs(c.AddService)
	sign := 1
	if c.AddService < 0 {
		sign = -1
	}
	// band returns the cohorts of the j-th band, j = 0 before Cohort.
	band := func(j int) (from, to int) {
		switch {
		case j == 0:
			return 0, c.Cohort - 1
		case c.Every == 0:
			return c.Cohort, 0
		case j == k:
			return c.Cohort + (j-1)*c.Every, 0
		}
		return c.Cohort + (j-1)*c.Every, c.Cohort + j*c.Every - 1
	}
	bands := k
	if c.Every == 0 {
		bands = 1
	}
	var out actuarial.Conditions
	for _, cd := range cs {
		if cd.MinService <= 0 {
			out = append(out, cd)
			continue
		}
		for j := 0; j <= bands; j++ {
			from, to := band(j)
			nc := cd
			if from != 0 && (nc.FromCohort == 0 || from > nc.FromCohort) {
				nc.FromCohort = from
			}
			if to != 0 && (nc.ToCohort == 0 || to < nc.ToCohort) {
				nc.ToCohort = to
			}
			if nc.ToCohort != 0 && nc.FromCohort > nc.ToCohort {
				continue // the band misses the condition's own cohorts
			}
			shift := j
			if c.Every == 0 && j > 0 {
				shift = k
			}
			nc.MinService = cd.MinService + sign*shift
			if nc.MinService < 1 || nc.MinService > census.MaxCensusAge {
				return nil, fmt.Errorf("%w: MinService %d would become %d for the cohorts from %d in %d", ErrInvalid, cd.MinService, nc.MinService, from, y)
			}
			out = append(out, nc)
		}
	}
	return out, nil
}
