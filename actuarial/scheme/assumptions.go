// Assumptions of a scheme projection: mortality by status, decrements,
// retirement, salaries, economy, new entrants and family.

package scheme

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/mortality"
)

// YearTable is mortality by age and calendar year: Q(age, year) is q for a
// life aged age (last birthday) during calendar year year, in [0, 1]. It is
// satisfied by [*mortality.Generational]; wrap a one-dimensional table with
// [PeriodTable]. A projection asks for ages 0..[census.MaxCensusAge]: an
// implementation must not panic for ages at or above its own first age, and
// the projector never asks for an age below [YearTable] MinAge (it uses the
// rate at MinAge there).
type YearTable interface {
	Q(age, year int) float64
	MinAge() int
}

// PeriodTable adapts a one-dimensional [mortality.Table] to a [YearTable]:
// the same rates in every calendar year. The projector recognises it and
// reads its rates once per run instead of once per year.
type PeriodTable struct {
	Table mortality.Table // the rates; must not be nil
}

// MaxAge is the table's last age with a tabulated rate.
func (p PeriodTable) MaxAge() int { return p.Table.MaxAge() }

// Q returns the table's q at age, whatever the year.
func (p PeriodTable) Q(age, _ int) float64 { return p.Table.Q(age) }

// MinAge is the table's first age.
func (p PeriodTable) MinAge() int { return p.Table.MinAge() }

// LifeStatus is the status of a life whose mortality a projection needs.
type LifeStatus int

// The statuses with a mortality table of their own. NumLifeStatuses counts
// them.
const (
	StatusActive   LifeStatus = iota // contributing members
	StatusRetired                    // old-age and early retirement pensioners
	StatusDisabled                   // disability pensioners
	StatusSurvivor                   // widows, widowers and orphans in receipt of a pension

	NumLifeStatuses = 4
)

var lifeStatusNames = [NumLifeStatuses]string{"active", "retired", "disabled", "survivor"}

func (s LifeStatus) String() string {
	if s >= 0 && s < NumLifeStatuses {
		return lifeStatusNames[s]
	}
	return fmt.Sprintf("LifeStatus(%d)", int(s))
}

// validateByAge checks that every value of b is finite and within [lo, hi].
// The field is name[sex]sub, joined only for an error.
func validateByAge(b actuarial.ByAge, name string, sx int, sub string, lo, hi float64) error {
	field := func() string { return name + "[" + actuarial.SexAt(sx).String() + "]" + sub }
	if b.MinAge < 0 || b.MinAge > census.MaxCensusAge {
		return &SchemeError{Field: field() + ".MinAge", Value: fmt.Sprint(b.MinAge), Err: actuarial.ErrRange}
	}
	for i, v := range b.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return &SchemeError{Field: fmt.Sprintf("%s at age %d", field(), b.MinAge+i), Value: fmt.Sprint(v), Err: actuarial.ErrNotFinite}
		}
		if v < lo || v > hi {
			return &SchemeError{Field: fmt.Sprintf("%s at age %d", field(), b.MinAge+i), Value: fmt.Sprint(v), Err: actuarial.ErrRate}
		}
	}
	return nil
}

// RetirementRates are the probabilities that a member who may retire does
// so on 1 January, by age: Full for members eligible for a full pension,
// Reduced for those eligible only for a reduced one. A rate of 1 retires
// every eligible member of that age (a normal retirement age); ages above a
// slice keep its last rate, ages below its MinAge have rate 0. The zero value
// retires nobody voluntarily: only [Rules] CompulsoryAge ends service.
type RetirementRates struct {
	Full    actuarial.ByAge // probability of retiring on a full pension, in [0, 1]
	Reduced actuarial.ByAge // probability of retiring on a reduced pension, in [0, 1]
}

// RetirementTiming is how [RetirementRates] follow a change of the
// eligibility rules. The zero value is RatesByAge.
type RetirementTiming int

// The ways retirement rates follow the rules.
const (
	// RatesByAge reads the rates at the member's age, whatever the rules:
	// a member newly eligible retires with the probability of his age.
	RatesByAge RetirementTiming = iota
	// RatesSinceEligibility reads them by the years since the member first
	// qualified for a full pension: the rates are taken as observed under
	// the rules of his group in force in StartYear (the base), and a
	// member of age x and service s, who first qualified for a full
	// pension at age a under the rules in force (on his career: age a − k
	// with service s − k, his own birth cohort) and would have at age b
	// under the base rules, retires with the base rates at age x − (a − b).
	// A reform that raises the full-pension age by two years thus moves
	// the whole retirement pattern two years later (the shift of the
	// retirement distribution with the statutory age that pension
	// projection models assume); rules that leave a member's first
	// eligibility unchanged leave his rates by age. A member who never
	// qualifies under one of the two rules keeps the rates of his age.
	RatesSinceEligibility
)

func (m RetirementTiming) String() string {
	switch m {
	case RatesByAge:
		return "by age"
	case RatesSinceEligibility:
		return "since eligibility"
	}
	return fmt.Sprintf("RetirementTiming(%d)", int(m))
}

// EntrantMode says how many new members join each year.
type EntrantMode int

// The ways new entrants are set. The zero value is a closed group.
const (
	// ClosedGroup: nobody joins; the census members are followed until
	// they have all left.
	ClosedGroup EntrantMode = iota
	// FixedEntrants: Entrants.Count.At(year) members join on 1 January of
	// each year after the start year.
	FixedEntrants
	// GrowthEntrants: enough members join on 1 January of year y+1 that
	// the actives number (1 + Entrants.Growth.At(y+1)) times those of
	// 1 January y (none join if the survivors already exceed that).
	GrowthEntrants
	// ReplacementEntrants: every member who left during a year is replaced
	// on the next 1 January, so the number of actives stays constant
	// (GrowthEntrants at 0%).
	ReplacementEntrants
)

func (m EntrantMode) String() string {
	switch m {
	case ClosedGroup:
		return "closed group"
	case FixedEntrants:
		return "fixed number of entrants"
	case GrowthEntrants:
		return "growth of actives"
	case ReplacementEntrants:
		return "replacement of exits"
	}
	return fmt.Sprintf("EntrantMode(%d)", int(m))
}

// EntrantProfile is one cell of the new entrants' distribution.
type EntrantProfile struct {
	Sex    actuarial.Sex // Male or Female
	Age    int           // age last birthday on joining, 0..MaxCensusAge
	Weight float64       // share of the entrants, ≥ 0; the weights are normalised to sum to 1
	Salary float64       // annual salary per head at StartYear's wage level, ≥ 0; it grows with general wages
}

// Entrants are the new members of an open group. They join on 1 January
// with 0 years of service, from the year after the start year (the census
// already holds the members of the start year). The zero value is a closed
// group.
type Entrants struct {
	Mode    EntrantMode        // how many join; zero: ClosedGroup
	Count   actuarial.Schedule // FixedEntrants: the number joining on 1 January of each calendar year; nil: 0
	Growth  actuarial.Schedule // GrowthEntrants: growth rate of the number of actives into each calendar year, above −1; nil: 0%
	Profile []EntrantProfile   // their distribution by sex and age and their salaries; required unless ClosedGroup
}

// Family holds the statistics that turn a member's death into survivors'
// pensions. The zero value has no spouses and no orphans, so no survivor's
// pension arises from a death.
type Family struct {
	// Married[sex] is the probability that a member of that sex dying at
	// an age leaves a spouse entitled to a survivor's pension, in [0, 1].
	Married [actuarial.NumSexes]actuarial.ByAge
	// AgeGap[sex] is the member's age minus the spouse's age, in years, for
	// a member of that sex (3 for men whose wives are three years younger,
	// −3 for women). Spouses are of the other sex. Zero: the same age.
	AgeGap [actuarial.NumSexes]int
	// Orphans[sex] is the expected number of orphans entitled to a pension
	// that a member of that sex dying at an age leaves, ≥ 0; zero: none.
	Orphans [actuarial.NumSexes]actuarial.ByAge
	// OrphanAge[sex] is the average age of those orphans, by the age of the
	// deceased member of that sex (rounded down to whole years); orphans
	// are half boys, half girls.
	OrphanAge [actuarial.NumSexes]actuarial.ByAge
	// OrphanEndAge is the age at which an orphan's pension stops (18, or
	// 25 for students); it is paid while the orphan is younger. Zero: no
	// orphans' pensions even when Orphans is set. [Rules].OrphanEndAge,
	// when set, overrides it.
	OrphanEndAge int
	// Remarriage[sex] is the probability that a widow or widower of that
	// sex receiving a survivor's pension, of an age during the year and
	// alive at its end, remarries and loses the pension on the next
	// 1 January, in [0, 1]; zero: nobody remarries. Orphans' pensions are
	// not affected.
	Remarriage [actuarial.NumSexes]actuarial.ByAge
}

// Assumptions are the demographic and economic bases of a projection.
// Calendar-year [actuarial.Schedule]s give a rate in each year: WageGrowth.At(y) is
// the growth of wages from year y−1 to year y, applied on 1 January of y, and
// likewise Inflation and UnitGrowth; Return.At(y) is the investment return
// earned during year y. A nil Schedule is 0% in every year.
type Assumptions struct {
	// Mortality[status][sex] is q by age and calendar year for lives of
	// that status and sex. StatusActive is required for both sexes; a nil
	// StatusRetired table falls back to StatusActive's, and nil
	// StatusDisabled and StatusSurvivor tables fall back to StatusRetired's
	// (so to StatusActive's). Ages below a table's MinAge use its rate at
	// MinAge; q at [census.MaxCensusAge] is taken as 1.
	Mortality [NumLifeStatuses][actuarial.NumSexes]YearTable
	// Decrements[sex] gives the independent rates of disability and
	// withdrawal of active members by age and service, and those of death
	// and disability at work (actuarial.WorkDeath, WorkDisability: the work
	// risks, whose benefits are Rules.WorkRisks) when it holds them; their
	// death and retirement columns, if any, are not used (deaths not at
	// work come from Mortality, retirements from Retirement). Outside the table's ages
	// the rates are 0. Nil: no disability and no withdrawal.
	Decrements [actuarial.NumSexes]*actuarial.ServiceTable
	// Retirement[sex] are the retirement probabilities of eligible
	// members; zero: only compulsory retirement.
	Retirement [actuarial.NumSexes]RetirementRates
	// RetirementTiming says how the retirement probabilities follow rules
	// that move the age or service a full pension needs; zero
	// (RatesByAge): they stay by age.
	RetirementTiming RetirementTiming
	// Salary is the merit scale by age and service; zero: no merit
	// increases.
	Salary actuarial.SalaryScale
	// WageGrowth is general wage growth into each calendar year; nil: 0%.
	WageGrowth actuarial.Schedule
	// Inflation is price growth into each calendar year; nil: 0%.
	Inflation actuarial.Schedule
	// Unit is the yearly value in StartYear of the reference unit (a
	// minimum wage, say) in which limits may be set; 0: no unit (limits in
	// units are then 0).
	Unit float64
	// UnitGrowth is the growth of the reference unit into each calendar
	// year; nil: 0%.
	UnitGrowth actuarial.Schedule
	// Return is the investment return earned during each calendar year;
	// nil: 0%.
	Return actuarial.Schedule
	// Entrants are the new members; zero: a closed group.
	Entrants Entrants
	// Family gives the survivors of a member who dies; zero: no survivors.
	Family Family
	// AllowExtremeRates turns off the plausibility check of the yearly
	// economic rates (see [Assumptions.Validate]); false, the zero value,
	// keeps it. Set it to project a hyperinflation or a crash on purpose.
	AllowExtremeRates bool
}

// The plausible range of a yearly economic rate written as a fraction:
// above MinPlausibleRate and at most MaxPlausibleRate, (−50%, 100%]. A
// value above 1 is far more often a percent typed as a number (6 for 6%)
// than a year of more than 100% growth, and a fall of half or more in one
// year is a crash, not an assumption; [Assumptions.AllowExtremeRates]
// lets both through. A percent below 1 (0.5 meant as 0.5%) cannot be told
// from a fraction and is not caught.
const (
	MinPlausibleRate = -0.5
	MaxPlausibleRate = 1.0
)

// Validate checks the assumptions, returning a [*SchemeError] naming the
// first bad field. The yearly economic rates (WageGrowth, Inflation,
// UnitGrowth, Return, Entrants.Growth) must be finite and above −1, and,
// unless AllowExtremeRates is set, within the plausible range
// (MinPlausibleRate, MaxPlausibleRate]: a rate outside it wraps
// [ErrImplausibleRate], "Return in 2025 "6": looks like a percent; rates
// are fractions, 0.06 is 6%". Steps are named by their calendar year; a
// first step before the start year by the start year when the scheme's
// Validate calls this, and "every year" for a step of year 0 otherwise.
func (a *Assumptions) Validate() error { return a.validate(0) }

// validate is Validate for a scheme starting in calendar year start (0:
// unknown).
func (a *Assumptions) validate(start int) error {
	for sx := range actuarial.NumSexes {
		if a.Mortality[StatusActive][sx] == nil {
			return &SchemeError{Field: fmt.Sprintf("Mortality[active][%v]", actuarial.SexAt(sx)), Err: ErrRequired}
		}
	}
	for st := range NumLifeStatuses {
		for sx := range actuarial.NumSexes {
			m := a.Mortality[st][sx]
			if m == nil {
				continue
			}
			if p, ok := m.(PeriodTable); ok && p.Table == nil {
				return &SchemeError{Field: fmt.Sprintf("Mortality[%v][%v].Table", LifeStatus(st), actuarial.SexAt(sx)), Err: ErrRequired}
			}
			if lo := m.MinAge(); lo < 0 || lo > census.MaxCensusAge {
				return &SchemeError{Field: fmt.Sprintf("Mortality[%v][%v].MinAge", LifeStatus(st), actuarial.SexAt(sx)), Value: fmt.Sprint(lo), Err: actuarial.ErrRange}
			}
		}
	}
	for sx := range actuarial.NumSexes {
		if err := validateByAge(a.Retirement[sx].Full, "Retirement", sx, ".Full", 0, 1); err != nil {
			return err
		}
		if err := validateByAge(a.Retirement[sx].Reduced, "Retirement", sx, ".Reduced", 0, 1); err != nil {
			return err
		}
		f := &a.Family
		if err := validateByAge(f.Married[sx], "Family.Married", sx, "", 0, 1); err != nil {
			return err
		}
		if err := validateByAge(f.Orphans[sx], "Family.Orphans", sx, "", 0, math.MaxFloat64); err != nil {
			return err
		}
		if err := validateByAge(f.OrphanAge[sx], "Family.OrphanAge", sx, "", 0, census.MaxCensusAge); err != nil {
			return err
		}
		if g := f.AgeGap[sx]; g < -census.MaxCensusAge || g > census.MaxCensusAge {
			return &SchemeError{Field: fmt.Sprintf("Family.AgeGap[%v]", actuarial.SexAt(sx)), Value: fmt.Sprint(g), Err: actuarial.ErrRange}
		}
	}
	for sx := range actuarial.NumSexes {
		if err := validateByAge(a.Family.Remarriage[sx], "Family.Remarriage", sx, "", 0, 1); err != nil {
			return err
		}
	}
	if m := a.RetirementTiming; m < RatesByAge || m > RatesSinceEligibility {
		return &SchemeError{Field: "RetirementTiming", Value: m.String(), Err: actuarial.ErrRange}
	}
	if e := a.Family.OrphanEndAge; e < 0 || e > census.MaxCensusAge+1 {
		return &SchemeError{Field: "Family.OrphanEndAge", Value: fmt.Sprint(e), Err: actuarial.ErrRange}
	}
	if err := a.Salary.Validate(); err != nil {
		return &SchemeError{Field: "Salary", Err: err}
	}
	for _, s := range []struct {
		name string
		s    actuarial.Schedule
	}{{"WageGrowth", a.WageGrowth}, {"Inflation", a.Inflation}, {"UnitGrowth", a.UnitGrowth}, {"Return", a.Return}, {"Entrants.Growth", a.Entrants.Growth}} {
		if err := validateRates(s.name, s.s, start, !a.AllowExtremeRates); err != nil {
			return err
		}
	}
	switch {
	case math.IsNaN(a.Unit) || math.IsInf(a.Unit, 0):
		return &SchemeError{Field: "Unit", Value: fmt.Sprint(a.Unit), Err: actuarial.ErrNotFinite}
	case a.Unit < 0:
		return &SchemeError{Field: "Unit", Value: fmt.Sprint(a.Unit), Err: actuarial.ErrNegative}
	}
	return a.Entrants.validate(start)
}

func (e *Entrants) validate(start int) error {
	switch e.Mode {
	case ClosedGroup:
		return nil
	case FixedEntrants, GrowthEntrants, ReplacementEntrants:
	default:
		return &SchemeError{Field: "Entrants.Mode", Value: e.Mode.String(), Err: actuarial.ErrRange}
	}
	if err := e.Count.Validate(); err != nil {
		return &SchemeError{Field: "Entrants.Count", Err: err}
	}
	for i, st := range e.Count {
		if st.Value < 0 {
			return &SchemeError{Field: "Entrants.Count in " + stepYear(i, st.Year, start), Value: fmt.Sprint(st.Value), Err: actuarial.ErrRange}
		}
	}
	if len(e.Profile) == 0 {
		return &SchemeError{Field: "Entrants.Profile", Err: ErrRequired}
	}
	var sum float64
	for i, p := range e.Profile {
		// A valid entry passes this one test (NaN fails every
		// comparison); the switch names what is wrong with another.
		if p.Sex.Valid() && p.Age >= 0 && p.Age <= census.MaxCensusAge && p.Weight >= 0 && p.Weight <= math.MaxFloat64 &&
			p.Salary >= 0 && p.Salary <= census.MaxCensusAmount {
			sum += p.Weight
			continue
		}
		f := fmt.Sprintf("Entrants.Profile[%d]", i)
		switch {
		case !p.Sex.Valid():
			return &SchemeError{Field: f + ".Sex", Value: p.Sex.String(), Err: actuarial.ErrUnknownSex}
		case p.Age < 0 || p.Age > census.MaxCensusAge:
			return &SchemeError{Field: f + ".Age", Value: fmt.Sprint(p.Age), Err: actuarial.ErrRange}
		case math.IsNaN(p.Weight) || math.IsInf(p.Weight, 0):
			return &SchemeError{Field: f + ".Weight", Value: fmt.Sprint(p.Weight), Err: actuarial.ErrNotFinite}
		case p.Weight < 0:
			return &SchemeError{Field: f + ".Weight", Value: fmt.Sprint(p.Weight), Err: actuarial.ErrRange}
		case math.IsNaN(p.Salary):
			return &SchemeError{Field: f + ".Salary", Value: fmt.Sprint(p.Salary), Err: actuarial.ErrNotFinite}
		case p.Salary < 0:
			return &SchemeError{Field: f + ".Salary", Value: fmt.Sprint(p.Salary), Err: actuarial.ErrNegative}
		case p.Salary > census.MaxCensusAmount:
			return &SchemeError{Field: f + ".Salary", Value: fmt.Sprint(p.Salary), Err: actuarial.ErrRange}
		}
		sum += p.Weight
	}
	if !(sum > 0) {
		return &SchemeError{Field: "Entrants.Profile weights", Value: fmt.Sprint(sum), Err: actuarial.ErrRange}
	}
	return nil
}

// validateRates checks a schedule of annual rates: steps in order, each
// finite and above −1, and within (MinPlausibleRate, MaxPlausibleRate]
// when plausible is set. start is the scheme's start year, 0 if unknown.
func validateRates(name string, s actuarial.Schedule, start int, plausible bool) error {
	if err := s.Validate(); err != nil {
		return &SchemeError{Field: name, Err: err}
	}
	for i, st := range s {
		// Named only for an error: a schedule may have a step a year.
		field := func() string { return name + " in " + stepYear(i, st.Year, start) }
		switch v := st.Value; {
		case v <= -1:
			return &SchemeError{Field: field(), Value: fmt.Sprint(v), Err: actuarial.ErrInterest}
		case plausible && v > MaxPlausibleRate:
			return &SchemeError{Field: field(), Value: fmt.Sprint(v),
				Err: fmt.Errorf("%w: looks like a percent; rates are fractions, 0.06 is 6%% (Assumptions.AllowExtremeRates lets a rate above 100%% a year through)", ErrImplausibleRate)}
		case plausible && v <= MinPlausibleRate:
			return &SchemeError{Field: field(), Value: fmt.Sprint(v),
				Err: fmt.Errorf("%w: a fall of half or more in one year (Assumptions.AllowExtremeRates lets it through)", ErrImplausibleRate)}
		}
	}
	return nil
}

// stepYear names step i of a schedule, of calendar year y, for an error:
// its year; the start year for a first step at or before it (the value in
// force from the start); "every year" for a first step of year 0 when the
// start year is unknown (a Constant schedule).
func stepYear(i, y, start int) string {
	switch {
	case i == 0 && start != 0 && y <= start:
		return fmt.Sprint(start)
	case i == 0 && y == 0:
		return "every year"
	}
	return fmt.Sprint(y)
}
