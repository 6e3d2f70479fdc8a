// The scheme model: member groups, the rules of each by calendar year, the
// initial population and reserve.

package scheme

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
)

// Payer is who pays a contribution.
type Payer int

// The payers of contributions. NumPayers counts them.
const (
	Worker   Payer = iota // the member
	Employer              // the employer
	State                 // the state, as a contribution on salaries (not a transfer)

	NumPayers = 3
)

var payerNames = [NumPayers]string{"worker", "employer", "state"}

func (p Payer) String() string {
	if p >= 0 && p < NumPayers {
		return payerNames[p]
	}
	return fmt.Sprintf("Payer(%d)", int(p))
}

// Indexation is how pensions in payment are raised each 1 January. The zero
// value is IndexNone.
type Indexation int

// The indexation rules.
const (
	IndexNone   Indexation = iota // pensions stay at their nominal amount
	IndexPrices                   // by Assumptions.Inflation
	IndexWages                    // by Assumptions.WageGrowth
	IndexUnit                     // by Assumptions.UnitGrowth, the growth of the reference unit
	IndexFixed                    // by Rules.IndexRate
)

func (ix Indexation) String() string {
	switch ix {
	case IndexNone:
		return "none"
	case IndexPrices:
		return "prices"
	case IndexWages:
		return "wages"
	case IndexUnit:
		return "reference unit"
	case IndexFixed:
		return "fixed rate"
	}
	return fmt.Sprintf("Indexation(%d)", int(ix))
}

// LimitTiming is when the caps and floors of the [actuarial.Formula]s of
// retirement and disability apply. The zero value is LimitsInPayment.
type LimitTiming int

// The timings of caps and floors.
const (
	// LimitsInPayment makes the cap and floor guarantees: they apply on
	// award and again every year in payment, at that year's value (a
	// floor in units follows the unit's growth): a pension indexed below
	// the year's floor is topped up to it, one indexed above the year's
	// cap is paid the cap.
	LimitsInPayment LimitTiming = iota
	// LimitsAtAward applies them on award only; the pension awarded is
	// then indexed whatever the limits become (for a law that says so).
	LimitsAtAward
)

var limitTimingNames = [...]string{"in payment", "at award"}

func (lt LimitTiming) String() string {
	if lt >= 0 && int(lt) < len(limitTimingNames) {
		return limitTimingNames[lt]
	}
	return fmt.Sprintf("LimitTiming(%d)", int(lt))
}

// MinimumPayer is who pays the minimum-pension top-up: what retirement
// and disability pensions pay above the formula's own amount because of a
// floor. The zero value is MinimumByScheme.
type MinimumPayer int

// The payers of the minimum-pension top-up.
const (
	MinimumByScheme MinimumPayer = iota // the scheme pays it, out of its fund
	MinimumByState                      // the state pays it: a transfer into the fund, equal to the top-up
)

var minimumPayerNames = [...]string{"scheme", "state"}

func (mp MinimumPayer) String() string {
	if mp >= 0 && int(mp) < len(minimumPayerNames) {
		return minimumPayerNames[mp]
	}
	return fmt.Sprintf("MinimumPayer(%d)", int(mp))
}

// Balancing are the rules that react to the scheme's own finances at the
// start of a year (automatic balancing), read from its reserve ratio
// R/(B + E): the reserve on 1 January over the benefits and administration
// costs of the year before. The ratio is unknown in the first projected
// year (nothing acts then) and +Inf when the year before spent nothing. A
// field of zero turns its mechanism off; the zero value is no balancing.
// Only the projection by cells has a reserve: package projection's
// Seriatim and liabilities ignore Balancing.
type Balancing struct {
	// IndexationBelow is a reserve ratio k: while the ratio at the start of
	// a year is below k, the indexation of the next 1 January is cut to
	// (1 − IndexationCut) times its rate (a fall in prices is passed on
	// whole). 0: never.
	IndexationBelow float64
	// IndexationCut is the share of the indexation rate withheld, in
	// [0, 1]: 1 freezes pensions.
	IndexationCut float64
	// ContributionBelow is a reserve ratio k: each year the ratio at the
	// start of the year is below k, ContributionPayer's contribution rate
	// rises by ContributionStep from that year on, for good (steps add up,
	// the rate at most 1). 0: never.
	ContributionBelow float64
	// ContributionStep is the rise of a step, a fraction of salary in
	// (0, 1].
	ContributionStep float64
	// ContributionPayer pays the steps; zero: the worker.
	ContributionPayer Payer
}

// Sustainability is a sustainability factor on retirement pensions (as
// Spain's of 2013 or Germany's): an old-age or early pension awarded in
// year y is multiplied by e(Age, Base)/e(Age, y), the ratio of the period
// life expectancies at Age in the base year and in y from the scheme's own
// mortality of the retired of the member's sex, before the cap and floor.
// The life expectancy is e = ½ + Σ_{k≥1} ₖp_Age (curtate plus a half),
// over ages up to census.MaxCensusAge. The zero value is no factor.
type Sustainability struct {
	Age  int // the age life expectancy is taken at, 1..census.MaxCensusAge−1; 0: no factor
	Base int // the calendar year whose life expectancy the pensions are held to; required with Age
}

// Rules are the provisions of a scheme for one member group from calendar
// year From on, until the next Rules of the group take effect. The zero
// value collects nothing and pays nothing.
//
// Money amounts are a year's worth in money units of the year they apply
// to; a [actuarial.Limit] set in Units follows the reference unit (Assumptions.Unit
// and UnitGrowth), one set in Money stays fixed in nominal terms.
type Rules struct {
	// From is the calendar year these rules take effect, on 1 January.
	From int
	// ContributionRate[payer] is the contribution rate by calendar year on
	// salary up to the ceiling, a fraction of salary; nil: 0.
	ContributionRate [NumPayers]actuarial.Schedule
	// Ceiling is the most yearly salary a member contributes on; zero: no
	// ceiling.
	Ceiling actuarial.Limit
	// Eligibility gives the conditions for full and reduced (early)
	// pensions; a member meeting one retires with the probability in
	// Assumptions.Retirement. Zero: nobody qualifies.
	Eligibility actuarial.Eligibility
	// Retirement is the formula of full and reduced pensions (a reduced
	// pension is then multiplied by Eligibility.Reduction); the reference
	// salary is the average of the last ReferenceYears salaries. A member
	// whose formula pays 0 (too short a service) is not eligible. Zero:
	// no retirement pensions.
	Retirement actuarial.Formula
	// BySex[sex] overrides, for the members of one sex, the accrual table
	// and reference period of Retirement and the early-retirement
	// reduction of Eligibility; each zero field keeps the Rules' own value,
	// so the zero BySex is the same law for both sexes (see [SexRules]).
	BySex [actuarial.NumSexes]SexRules
	// CompulsoryAge[sex] ends service: every member still active at that
	// age on 1 January leaves, on a pension if eligible and otherwise as a
	// withdrawal (with the refund, if any). Zero: no compulsory age.
	CompulsoryAge [actuarial.NumSexes]int
	// Disability is the formula of disability pensions, on the service
	// completed when disability strikes; also the base of the survivors'
	// and orphans' pensions of a member who dies in service. Zero: no
	// disability pension (disabled members leave with nothing).
	Disability actuarial.Formula
	// WorkRisks are the benefits of disability and death at work, the
	// decrements actuarial.WorkDisability and actuarial.WorkDeath of
	// Assumptions.Decrements; zero: they pay nothing.
	WorkRisks WorkRisks
	// SurvivorShare is the share of the member's pension (in payment, or
	// the disability pension for a death in service) paid to a surviving
	// spouse, in [0, 1]; zero: no survivor's pension.
	SurvivorShare float64
	// SurvivorSteps change the survivor's share with the years since the
	// award ("100% for 6 years, then 50%", the 2022 ISSTEY law, is
	// SurvivorShare 1 and {{Years: 6, Share: 0.5}}): from the Years-th
	// 1 January after the one on which the pension was awarded, the
	// survivor receives Share of the deceased's pension instead (see
	// [ShareStep]). The steps of the rules in force in the year of the
	// death govern the pension for life. Survivors' pensions in payment on
	// the census date, whose awards are not known, keep their amounts.
	// Nil: SurvivorShare for life.
	SurvivorSteps []ShareStep
	// OrphanShare is the share of that pension paid to each orphan, in
	// [0, 1]; zero: no orphans' pensions.
	OrphanShare float64
	// KeepOnRemarriage keeps survivors' pensions in payment on remarriage
	// in the years the rules are in force; false (the zero value): a
	// widow(er) who remarries (at the rates of Assumptions.Family
	// .Remarriage) loses the pension.
	KeepOnRemarriage bool
	// OrphanEndAge, when set, is the age at which orphans' pensions stop
	// under these rules, overriding Assumptions.Family.OrphanEndAge: the
	// orphans' pensions awarded, and those in payment, in the years the
	// rules are in force stop at it. Zero: the assumption's.
	OrphanEndAge int
	// RefundShare is the share of the member's own accumulated
	// contributions (without interest, estimated as package projection's
	// documentation, section "Timing", says) refunded on withdrawal,
	// in [0, 1]; zero: no refunds.
	RefundShare float64
	// ExtraPayments is the extra pension paid each year as a fraction of a
	// year's pension: 1.0/12 for a thirteenth month, 40.0/365 for 40 days'
	// bonus; zero: none. It is paid on every pension in payment.
	ExtraPayments float64
	// Indexation raises pensions in payment each 1 January; zero: none.
	Indexation Indexation
	// IndexRate is the yearly increase under IndexFixed, by calendar
	// year; nil: 0%.
	IndexRate actuarial.Schedule
	// Limits is when the caps and floors of Retirement and Disability
	// apply; zero: LimitsInPayment, on award and every year in payment.
	Limits LimitTiming
	// MinimumPaidBy is who pays the minimum-pension top-up
	// (YearResult.MinimumTopUp); zero: the scheme.
	MinimumPaidBy MinimumPayer
	// Balancing are the automatic balancing mechanisms; zero: none.
	Balancing Balancing
	// Sustainability is a sustainability factor on retirement pensions
	// awarded; zero: none.
	Sustainability Sustainability
	// Source is the legal text these rules come from, for reports; zero:
	// not cited. It does not change a projection.
	Source Source
}

// WorkRisks are the benefits of the work risks (an accident at work or an
// occupational disease), beside the non-work disability and death of
// Rules.Disability: a disability at work gives a pension of its own type
// (census.PensionWorkDisability); a death at work gives the widow(er) a
// pension of its own type (census.PensionWorkSurvivor) and each orphan an
// orphan's pension. Their service condition is the accrual's MinService:
// none at 0, the usual case for work risks. The zero value pays nothing.
//
// The 1976 ISSTEY law's disability at work without a service condition is
// Disability {Accrual: {Rates: {1}}} (100% of the last salary from 0
// years); the 2025 reform's 100% of the last salary to the survivors of a
// death at work is Death {Accrual: {Rates: {1}}} with SurvivorShare 1.
type WorkRisks struct {
	// Disability is the formula of the pension of a disability at work, on
	// the service completed when it strikes: the accrual rate by service
	// times the last salary (ReferenceYears 0 or 1) or the average of the
	// last ReferenceYears salaries, capped and floored (on award, and in
	// payment as Limits says). Zero: no pension.
	Disability actuarial.Formula
	// Death is the formula of the base pension the survivors of a death at
	// work share, on the service completed then, capped and floored on
	// award. Zero: no survivors' pensions.
	Death actuarial.Formula
	// SurvivorShare is the share of Death's pension paid to a surviving
	// spouse for life (lost on remarriage as Rules.KeepOnRemarriage says;
	// Rules.SurvivorSteps do not apply), in [0, 1]; OrphanShare the share
	// paid to each orphan, until Rules' orphans' end age, in [0, 1]. Zero:
	// none.
	SurvivorShare, OrphanShare float64
}

// validate reports an invalid formula, share or limit.
func (w *WorkRisks) validate() error {
	for _, f := range [...]struct {
		name string
		f    actuarial.Formula
	}{{"WorkRisks.Disability", w.Disability}, {"WorkRisks.Death", w.Death}} {
		if err := f.f.Validate(); err != nil {
			return &SchemeError{Field: f.name, Err: err}
		}
		if err := validateLimit(f.name, ".Cap", f.f.Cap); err != nil {
			return err
		}
		if err := validateLimit(f.name, ".Floor", f.f.Floor); err != nil {
			return err
		}
	}
	for _, sh := range [...]struct {
		name string
		v    float64
	}{{"WorkRisks.SurvivorShare", w.SurvivorShare}, {"WorkRisks.OrphanShare", w.OrphanShare}} {
		if math.IsNaN(sh.v) || sh.v < 0 || sh.v > 1 {
			return &SchemeError{Field: sh.name, Value: fmt.Sprint(sh.v), Err: actuarial.ErrRate}
		}
	}
	return nil
}

// ShareStep is a share that applies from a duration on: Years whole years
// after the award (the 1 January following a death), in increasing Years
// ≥ 1; Share is a fraction of the deceased's pension in [0, 1]: the
// survivor then receives Share / SurvivorShare times the pension he would
// have received at SurvivorShare, indexation included.
type ShareStep struct {
	Years int     // years since the award, ≥ 1
	Share float64 // the share from then on, in [0, 1]
}

// SurvivorShareAt returns the survivor's share d whole years after the
// award: SurvivorShare before the first step, then the Share of the last
// step with Years ≤ d.
func (r *Rules) SurvivorShareAt(d int) float64 {
	s := r.SurvivorShare
	for _, st := range r.SurvivorSteps {
		if st.Years > d {
			break
		}
		s = st.Share
	}
	return s
}

// SexRules are the parts of a retirement pension's law that may differ by
// sex: the 2025 ISSTEY reform, a full pension after 28 years for women and
// 30 for men, gives each sex a proportional scale reaching 100% at its own
// full service. Each field's zero value means "as Rules say for both"; an
// override cannot set a value back to zero (give both sexes their value
// instead).
type SexRules struct {
	// Accrual replaces Retirement.Accrual for the sex (full and reduced
	// pensions); no Rates (the zero value): Retirement.Accrual.
	Accrual actuarial.Accrual
	// ReferenceYears replaces Retirement.ReferenceYears; 0: Retirement's.
	ReferenceYears int
	// ReductionPerYear replaces Eligibility.ReductionPerYear, in [0, 1];
	// 0: Eligibility's.
	ReductionPerYear float64
	// RetirementCap and RetirementFloor replace Retirement.Cap and
	// Retirement.Floor for the sex's old-age and early pensions, on award
	// and, under LimitsInPayment, in payment; the zero Limit:
	// Retirement's.
	RetirementCap, RetirementFloor actuarial.Limit
	// DisabilityCap and DisabilityFloor replace Disability.Cap and
	// Disability.Floor for the sex's disability pensions likewise.
	DisabilityCap, DisabilityFloor actuarial.Limit
}

// RetirementLimits returns the cap and floor of retirement pensions for
// sex index sx: BySex[sx]'s where set, else Retirement's.
func (r *Rules) RetirementLimits(sx int) (cap, floor actuarial.Limit) {
	return orLimit(r.BySex[sx].RetirementCap, r.Retirement.Cap), orLimit(r.BySex[sx].RetirementFloor, r.Retirement.Floor)
}

// DisabilityLimits returns the cap and floor of disability pensions for
// sex index sx: BySex[sx]'s where set, else Disability's.
func (r *Rules) DisabilityLimits(sx int) (cap, floor actuarial.Limit) {
	return orLimit(r.BySex[sx].DisabilityCap, r.Disability.Cap), orLimit(r.BySex[sx].DisabilityFloor, r.Disability.Floor)
}

// orLimit is l, or common when l is zero.
func orLimit(l, common actuarial.Limit) actuarial.Limit {
	if l == (actuarial.Limit{}) {
		return common
	}
	return l
}

// RetirementAccrual returns the accrual table of retirement pensions for
// sex index sx: BySex[sx].Accrual when it has rates, else
// Retirement.Accrual.
func (r *Rules) RetirementAccrual(sx int) actuarial.Accrual {
	if a := r.BySex[sx].Accrual; len(a.Rates) > 0 {
		return a
	}
	return r.Retirement.Accrual
}

// RetirementYears returns the reference period of retirement pensions for
// sex index sx: BySex[sx].ReferenceYears when set, else
// Retirement.ReferenceYears.
func (r *Rules) RetirementYears(sx int) int {
	if y := r.BySex[sx].ReferenceYears; y > 0 {
		return y
	}
	return r.Retirement.ReferenceYears
}

// Reduction returns the factor of a reduced pension claimed at age by a
// member of sex index sx, as [actuarial.Eligibility.Reduction] with
// BySex[sx].ReductionPerYear when set.
func (r *Rules) Reduction(sx, age int) float64 {
	e := r.Eligibility
	if v := r.BySex[sx].ReductionPerYear; v > 0 {
		e.ReductionPerYear = v
	}
	return e.Reduction(actuarial.SexAt(sx), age)
}

// Validate checks the rules. The errors name fields relative to the rules,
// and a schedule's step by its calendar year ("every year" for the first
// step of a [actuarial.Constant]); [Scheme.Validate] also checks IndexRate's
// plausibility and the eligibility ages against the mortality table, and
// names a first step by the start year.
func (r *Rules) Validate() error { return r.validate(0, false) }

// validate is Validate in a scheme starting in calendar year start (0:
// unknown), checking IndexRate's plausible range when plausible is set.
func (r *Rules) validate(start int, plausible bool) error {
	// Field names are formatted only for an error: validation runs for
	// every scheme a projector is Reset to (every variant of a sweep).
	for p := range NumPayers {
		name := func() string { return "ContributionRate[" + Payer(p).String() + "]" }
		if err := r.ContributionRate[p].Validate(); err != nil {
			return &SchemeError{Field: name(), Err: err}
		}
		for i, st := range r.ContributionRate[p] {
			if st.Value < 0 || st.Value > 1 {
				err := actuarial.ErrRate
				if st.Value > 1 {
					err = fmt.Errorf("%w: looks like a percent; rates are fractions, 0.06 is 6%%", actuarial.ErrRate)
				}
				return &SchemeError{Field: name() + " in " + stepYear(i, st.Year, start), Value: fmt.Sprint(st.Value), Err: err}
			}
		}
	}
	for _, l := range [...]struct {
		name string
		l    actuarial.Limit
	}{{"Ceiling", r.Ceiling}, {"Retirement.Cap", r.Retirement.Cap}, {"Retirement.Floor", r.Retirement.Floor},
		{"Disability.Cap", r.Disability.Cap}, {"Disability.Floor", r.Disability.Floor}} {
		if err := validateLimit("", l.name, l.l); err != nil {
			return err
		}
	}
	if err := r.Retirement.Validate(); err != nil {
		return &SchemeError{Field: "Retirement", Err: err}
	}
	if err := r.Disability.Validate(); err != nil {
		return &SchemeError{Field: "Disability", Err: err}
	}
	if err := r.WorkRisks.validate(); err != nil {
		return err
	}
	e := &r.Eligibility
	if v := e.ReductionPerYear; math.IsNaN(v) || v < 0 || v > 1 {
		return &SchemeError{Field: "Eligibility.ReductionPerYear", Value: fmt.Sprint(v), Err: actuarial.ErrRate}
	}
	for sx := range actuarial.NumSexes {
		o := &r.BySex[sx]
		name := "BySex[" + actuarial.SexAt(sx).String() + "]"
		if err := o.Accrual.Validate(); err != nil {
			return &SchemeError{Field: name + ".Accrual", Err: err}
		}
		if o.ReferenceYears < 0 {
			return &SchemeError{Field: name + ".ReferenceYears", Value: fmt.Sprint(o.ReferenceYears), Err: actuarial.ErrNegative}
		}
		if v := o.ReductionPerYear; math.IsNaN(v) || v < 0 || v > 1 {
			return &SchemeError{Field: name + ".ReductionPerYear", Value: fmt.Sprint(v), Err: actuarial.ErrRate}
		}
		for _, l := range [...]struct {
			name string
			l    actuarial.Limit
		}{{".RetirementCap", o.RetirementCap}, {".RetirementFloor", o.RetirementFloor},
			{".DisabilityCap", o.DisabilityCap}, {".DisabilityFloor", o.DisabilityFloor}} {
			if err := validateLimit(name, l.name, l.l); err != nil {
				return err
			}
		}
	}
	if err := r.eligibilityAges(func(field eligField, age int) error {
		if age < 0 || age > census.MaxCensusAge {
			return &SchemeError{Field: field.String(), Value: fmt.Sprint(age),
				Err: fmt.Errorf("%w: want an age in 0..%d", actuarial.ErrRange, census.MaxCensusAge)}
		}
		return nil
	}); err != nil {
		return err
	}
	for sx := range actuarial.NumSexes {
		for _, c := range []struct {
			name string
			cs   actuarial.Conditions
		}{{"Full", e.Full[sx]}, {"Reduced", e.Reduced[sx]}} {
			for i, cond := range c.cs {
				if s := cond.MinService; s < 0 || s > census.MaxCensusAge {
					return &SchemeError{Field: fmt.Sprintf("Eligibility.%s[%v][%d].MinService", c.name, actuarial.SexAt(sx), i), Value: fmt.Sprint(s),
						Err: fmt.Errorf("%w: want years of service in 0..%d", actuarial.ErrRange, census.MaxCensusAge)}
				}
				if cond.FromCohort < 0 || cond.ToCohort < 0 || (cond.ToCohort != 0 && cond.ToCohort < cond.FromCohort) {
					return &SchemeError{Field: fmt.Sprintf("Eligibility.%s[%v][%d].ToCohort", c.name, actuarial.SexAt(sx), i),
						Value: fmt.Sprintf("%d..%d", cond.FromCohort, cond.ToCohort), Err: fmt.Errorf("%w: want birth years 0 ≤ FromCohort ≤ ToCohort (0: no bound)", actuarial.ErrRange)}
				}
			}
		}
	}
	for i, st := range r.SurvivorSteps {
		name := func() string { return fmt.Sprintf("SurvivorSteps[%d]", i) }
		if st.Years < 1 || (i > 0 && st.Years <= r.SurvivorSteps[i-1].Years) {
			return &SchemeError{Field: name() + ".Years", Value: fmt.Sprint(st.Years), Err: fmt.Errorf("%w: want years ≥ 1, increasing", ErrOrder)}
		}
		if v := st.Share; math.IsNaN(v) || v < 0 || v > 1 {
			return &SchemeError{Field: name() + ".Share", Value: fmt.Sprint(v), Err: actuarial.ErrRate}
		}
	}
	if e := r.OrphanEndAge; e < 0 || e > census.MaxCensusAge+1 {
		return &SchemeError{Field: "OrphanEndAge", Value: fmt.Sprint(e), Err: actuarial.ErrRange}
	}
	for sx := range actuarial.NumSexes {
		if a := r.CompulsoryAge[sx]; a < 0 || a > census.MaxCensusAge {
			return &SchemeError{Field: fmt.Sprintf("CompulsoryAge[%v]", actuarial.SexAt(sx)), Value: fmt.Sprint(a), Err: actuarial.ErrRange}
		}
	}
	for _, s := range []struct {
		name string
		v    float64
	}{{"SurvivorShare", r.SurvivorShare}, {"OrphanShare", r.OrphanShare}, {"RefundShare", r.RefundShare}} {
		if math.IsNaN(s.v) || s.v < 0 || s.v > 1 {
			return &SchemeError{Field: s.name, Value: fmt.Sprint(s.v), Err: actuarial.ErrRate}
		}
	}
	switch v := r.ExtraPayments; {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return &SchemeError{Field: "ExtraPayments", Value: fmt.Sprint(v), Err: actuarial.ErrNotFinite}
	case v < 0:
		return &SchemeError{Field: "ExtraPayments", Value: fmt.Sprint(v), Err: actuarial.ErrNegative}
	}
	if err := r.Balancing.validate(); err != nil {
		return err
	}
	if sf := r.Sustainability; sf != (Sustainability{}) {
		if sf.Age < 1 || sf.Age >= census.MaxCensusAge {
			return &SchemeError{Field: "Sustainability.Age", Value: fmt.Sprint(sf.Age), Err: actuarial.ErrRange}
		}
		if sf.Base == 0 {
			return &SchemeError{Field: "Sustainability.Base", Value: "0", Err: ErrRequired}
		}
	}
	if r.Limits < LimitsInPayment || r.Limits > LimitsAtAward {
		return &SchemeError{Field: "Limits", Value: r.Limits.String(), Err: actuarial.ErrRange}
	}
	if r.MinimumPaidBy < MinimumByScheme || r.MinimumPaidBy > MinimumByState {
		return &SchemeError{Field: "MinimumPaidBy", Value: r.MinimumPaidBy.String(), Err: actuarial.ErrRange}
	}
	if r.Indexation < IndexNone || r.Indexation > IndexFixed {
		return &SchemeError{Field: "Indexation", Value: r.Indexation.String(), Err: actuarial.ErrRange}
	}
	return validateRates("IndexRate", r.IndexRate, start, plausible)
}

// eligField is the field of an eligibility age, named (String) only for
// an error: the MinAge of condition i of Eligibility.Full or .Reduced
// (kind) for sex index sx, or Eligibility.FullAge[sex] when kind is "".
type eligField struct {
	kind  string
	sx, i int
}

func (f eligField) String() string {
	if f.kind == "" {
		return fmt.Sprintf("Eligibility.FullAge[%v]", actuarial.SexAt(f.sx))
	}
	return fmt.Sprintf("Eligibility.%s[%v][%d].MinAge", f.kind, actuarial.SexAt(f.sx), f.i)
}

// eligibilityAges calls f with the field and value of every age of the
// rules' eligibility (conditions' MinAge and FullAge), stopping at its
// first error.
func (r *Rules) eligibilityAges(f func(field eligField, age int) error) error {
	e := &r.Eligibility
	for sx := range actuarial.NumSexes {
		for _, c := range [...]struct {
			name string
			cs   actuarial.Conditions
		}{{"Full", e.Full[sx]}, {"Reduced", e.Reduced[sx]}} {
			for i, cond := range c.cs {
				if err := f(eligField{c.name, sx, i}, cond.MinAge); err != nil {
					return err
				}
			}
		}
		if err := f(eligField{"", sx, 0}, e.FullAge[sx]); err != nil {
			return err
		}
	}
	return nil
}

// validateLimit checks limit l, the field prefix+name.
func validateLimit(prefix, name string, l actuarial.Limit) error {
	for _, v := range [...]float64{l.Money, l.Units} {
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			return &SchemeError{Field: prefix + name, Value: fmt.Sprint(v), Err: actuarial.ErrNotFinite}
		case v < 0:
			return &SchemeError{Field: prefix + name, Value: fmt.Sprint(v), Err: actuarial.ErrNegative}
		}
	}
	return nil
}

// Group is a member group: members under one timeline of rules, such as
// "generation in transition" and "new generation" after a reform. Its
// initial population is counted on 1 January of the scheme's StartYear.
type Group struct {
	// Name labels the group in outputs; may be empty.
	Name string
	// Actives are the group's active members on the census date, with
	// their total salaries at StartYear's level; nil: none. Every group's
	// cells must have the same MaxService.
	Actives *census.ActiveCells
	// Pensioners are the group's pensions in payment on the census date,
	// with their yearly amounts; nil: none.
	Pensioners *census.PensionerCells
	// Rules is the group's timeline of rules, in strictly increasing From
	// years; the rules in force in a year are the last with From ≤ year.
	// The first must take effect by StartYear.
	Rules []Rules
}

// RulesAt returns the rules in force in a calendar year, or nil if none
// has taken effect yet.
func (g *Group) RulesAt(year int) *Rules {
	i := g.RulesIndex(year)
	if i < 0 {
		return nil
	}
	return &g.Rules[i]
}

// RulesIndex is the index in Rules of the rules in force in year, or −1
// before the first: the index of [Group.RulesAt]'s period, for code that
// edits the periods (splits one, inserts one after it).
func (g *Group) RulesIndex(year int) int {
	i := -1
	for k := range g.Rules {
		if g.Rules[k].From > year {
			break
		}
		i = k
	}
	return i
}

// Transition moves active members from one group to another on 1 January
// of Year, before that day's retirements: the way a reform keeps members
// close to retirement under the old rules. Members of group From move to
// group To when they meet the condition: service below ServiceBelow, or age
// below AgeBelow (either suffices); with both zero, every member moves.
// Pensions in payment stay in their group.
type Transition struct {
	Year         int // calendar year of the move, on 1 January; StartYear moves census members before the first year
	From, To     int // indexes into Scheme.Groups
	ServiceBelow int // completed years of service below which a member moves; 0: no service condition
	AgeBelow     int // age below which a member moves; 0: no age condition
}

// GroupFrom says that from calendar year From on, new entrants join group
// Group (an index into Scheme.Groups).
type GroupFrom struct {
	From  int // calendar year from which the entry applies (1 January)
	Group int // index into Scheme.Groups, ≥ 0
}

// AdminCosts are the scheme's administration costs by calendar year, as
// fractions of the benefits paid and of the salary bill; the two add up.
// The zero value costs nothing.
type AdminCosts struct {
	ShareOfBenefits actuarial.Schedule // fraction of the year's benefits; nil: 0
	ShareOfSalary   actuarial.Schedule // fraction of the year's salary bill; nil: 0
}

// Scheme is a defined-benefit pension scheme to project: its member groups
// with their census populations and rules, the assumptions, the reserve on
// the census date and the state's transfers. The census is on 1 January of
// StartYear, which is year t = 0 of a projection.
type Scheme struct {
	Name      string // a label for outputs; may be empty
	StartYear int    // calendar year of the census (1 January) and of the first projected year; must be set
	// Groups are the member groups; at least one.
	Groups []Group
	// EntrantGroups says which group new entrants join, by calendar year:
	// the last entry with From ≤ year, in increasing From. Nil: group 0.
	EntrantGroups []GroupFrom
	// Transitions move members between groups on given dates.
	Transitions []Transition
	// Assumptions are the demographic and economic bases.
	Assumptions Assumptions
	// InitialReserve is the reserve (fund) on 1 January of StartYear, in
	// money units; zero: a pay-as-you-go start.
	InitialReserve float64
	// Transfers are the state's transfers to the scheme in each calendar
	// year, money units a year, received through the year; nil: none.
	Transfers actuarial.Schedule
	// AdminCosts are the administration costs; zero: none.
	AdminCosts AdminCosts
}

// Validate checks the scheme and its assumptions, returning a
// [*SchemeError] that names the first bad field.
func (s *Scheme) Validate() error {
	switch {
	case s.StartYear == 0:
		return &SchemeError{Field: "StartYear", Value: "0", Err: fmt.Errorf("%w: must be set to the calendar year of the census", ErrRequired)}
	case s.StartYear < 0:
		return &SchemeError{Field: "StartYear", Value: fmt.Sprint(s.StartYear), Err: fmt.Errorf("%w: want a calendar year", actuarial.ErrRange)}
	}
	if len(s.Groups) == 0 {
		return &SchemeError{Field: "Groups", Err: ErrRequired}
	}
	ms := -1
	for gi := range s.Groups {
		g := &s.Groups[gi]
		name := "Groups[" + strconv.Itoa(gi) + "]"
		if len(g.Rules) == 0 {
			return &SchemeError{Field: name + ".Rules", Err: ErrRequired}
		}
		if g.Rules[0].From > s.StartYear {
			return &SchemeError{Field: name + ".Rules[0].From", Value: fmt.Sprint(g.Rules[0].From),
				Err: fmt.Errorf("%w: no rules in force in the start year %d", actuarial.ErrRange, s.StartYear)}
		}
		for ri := range g.Rules {
			r := &g.Rules[ri]
			if ri > 0 && r.From <= g.Rules[ri-1].From {
				return &SchemeError{Field: fmt.Sprintf("%s.Rules[%d].From", name, ri), Value: fmt.Sprint(r.From), Err: ErrOrder}
			}
			err := r.validate(s.StartYear, !s.Assumptions.AllowExtremeRates)
			if err == nil {
				err = r.eligibilityAges(s.reachable)
			}
			if err != nil {
				var se *SchemeError
				if errors.As(err, &se) {
					se.Field = fmt.Sprintf("%s.Rules[%d].%s", name, ri, se.Field)
				}
				return err
			}
		}
		if a := g.Actives; a != nil {
			if a.MaxService < 0 {
				return &SchemeError{Field: name + ".Actives.MaxService", Value: fmt.Sprint(a.MaxService), Err: actuarial.ErrRange}
			}
			if ms >= 0 && a.LastService() != ms {
				return &SchemeError{Field: name + ".Actives.MaxService", Value: fmt.Sprint(a.LastService()),
					Err: fmt.Errorf("%w: other groups have %d", actuarial.ErrRange, ms)}
			}
			ms = a.LastService()
			if err := checkCells(name+".Actives", a.Count, a.Salary, a.Len(), func(i int) string {
				ns := a.LastService() + 1
				sv, rest := i%ns, i/ns
				return fmt.Sprintf("%v aged %d, service %d", actuarial.SexAt(rest/(census.MaxCensusAge+1)), rest%(census.MaxCensusAge+1), sv)
			}); err != nil {
				return err
			}
		}
		if p := g.Pensioners; p != nil {
			if err := checkCells(name+".Pensioners", p.Count, p.Pension, p.Len(), func(i int) string {
				age, rest := i%(census.MaxCensusAge+1), i/(census.MaxCensusAge+1)
				return fmt.Sprintf("%v pension, %v aged %d", census.PensionTypeAt(rest/actuarial.NumSexes), actuarial.SexAt(rest%actuarial.NumSexes), age)
			}); err != nil {
				return err
			}
		}
	}
	for i, e := range s.EntrantGroups {
		name := "EntrantGroups[" + strconv.Itoa(i) + "]"
		if e.Group < 0 || e.Group >= len(s.Groups) {
			return &SchemeError{Field: name + ".Group", Value: fmt.Sprint(e.Group), Err: actuarial.ErrRange}
		}
		if i > 0 && e.From <= s.EntrantGroups[i-1].From {
			return &SchemeError{Field: name + ".From", Value: fmt.Sprint(e.From), Err: ErrOrder}
		}
	}
	for i, t := range s.Transitions {
		name := "Transitions[" + strconv.Itoa(i) + "]"
		switch {
		case t.From < 0 || t.From >= len(s.Groups):
			return &SchemeError{Field: name + ".From", Value: fmt.Sprint(t.From), Err: actuarial.ErrRange}
		case t.To < 0 || t.To >= len(s.Groups) || t.To == t.From:
			return &SchemeError{Field: name + ".To", Value: fmt.Sprint(t.To), Err: actuarial.ErrRange}
		case t.Year < s.StartYear:
			return &SchemeError{Field: name + ".Year", Value: fmt.Sprint(t.Year),
				Err: fmt.Errorf("%w: before the start year %d", actuarial.ErrRange, s.StartYear)}
		case t.ServiceBelow < 0 || t.AgeBelow < 0:
			return &SchemeError{Field: name, Value: fmt.Sprint(t.ServiceBelow, " ", t.AgeBelow), Err: actuarial.ErrRange}
		case i > 0 && t.Year < s.Transitions[i-1].Year:
			return &SchemeError{Field: name + ".Year", Value: fmt.Sprint(t.Year), Err: ErrOrder}
		}
	}
	if math.IsNaN(s.InitialReserve) || math.IsInf(s.InitialReserve, 0) {
		return &SchemeError{Field: "InitialReserve", Value: fmt.Sprint(s.InitialReserve), Err: actuarial.ErrNotFinite}
	}
	for i, st := range s.Transfers {
		if math.IsNaN(st.Value) || math.IsInf(st.Value, 0) {
			return &SchemeError{Field: "Transfers in " + stepYear(i, st.Year, s.StartYear), Value: fmt.Sprint(st.Value), Err: actuarial.ErrNotFinite}
		}
	}
	if err := s.Transfers.Validate(); err != nil {
		return &SchemeError{Field: "Transfers", Err: err}
	}
	for _, c := range []struct {
		name string
		s    actuarial.Schedule
	}{{"AdminCosts.ShareOfBenefits", s.AdminCosts.ShareOfBenefits}, {"AdminCosts.ShareOfSalary", s.AdminCosts.ShareOfSalary}} {
		if err := c.s.Validate(); err != nil {
			return &SchemeError{Field: c.name, Err: err}
		}
		for i, st := range c.s {
			field := func() string { return c.name + " in " + stepYear(i, st.Year, s.StartYear) }
			switch {
			case st.Value < 0:
				return &SchemeError{Field: field(), Value: fmt.Sprint(st.Value), Err: actuarial.ErrRate}
			case st.Value > MaxPlausibleRate && !s.Assumptions.AllowExtremeRates:
				return &SchemeError{Field: field(), Value: fmt.Sprint(st.Value),
					Err: fmt.Errorf("%w: looks like a percent; shares are fractions, 0.02 is 2%%", ErrImplausibleRate)}
			}
		}
	}
	return s.Assumptions.validate(s.StartYear)
}

// reachable checks an eligibility age against the last age of the
// mortality table of actives of its sex, when the table says it (a
// [PeriodTable], a [*mortality.Generational] or any table with a MaxAge
// method): a member cannot claim at an age above it.
func (s *Scheme) reachable(field eligField, age int) error {
	m, ok := s.Assumptions.Mortality[StatusActive][field.sx].(interface{ MaxAge() int })
	if !ok {
		return nil
	}
	if last := m.MaxAge(); age > last {
		return &SchemeError{Field: field.String(), Value: fmt.Sprint(age),
			Err: fmt.Errorf("%w (%d, Mortality[active][%v])", ErrUnreachableAge, last, actuarial.SexAt(field.sx))}
	}
	return nil
}

// checkCells checks census cells built in code: the right length, counts
// and amounts finite and not negative, and no amount in a cell without
// members; cell names cell i in errors.
func checkCells(name string, count, amount []float64, n int, cell func(int) string) error {
	if len(count) != n || len(amount) != n {
		return &SchemeError{Field: name, Value: fmt.Sprint(len(count), " and ", len(amount), " cells"),
			Err: fmt.Errorf("%w: want %d (group them with GroupActives or GroupPensioners)", actuarial.ErrRange, n)}
	}
	// The fields are named only once a cell fails: formatting them for
	// every cell would cost more than the projection of the scheme.
	cf := func(i int) string { return fmt.Sprintf("%s.Count[%d] (%s)", name, i, cell(i)) }
	af := func(i int) string { return fmt.Sprintf("%s amount[%d] (%s)", name, i, cell(i)) }
	amount = amount[:len(count)]
	for i, c := range count {
		// A valid cell passes one test, the empty cell (most of them)
		// the first: NaN fails every comparison, an infinite count the
		// bound and an infinite amount its cap. The switch below says
		// what is wrong with another.
		a := amount[i]
		if c == 0 {
			if a == 0 {
				continue
			}
		} else if c > 0 && c <= math.MaxFloat64 && a >= 0 {
			if lim := census.MaxCensusAmount; a <= lim || c > 1 && a <= lim*c { // a ≤ MaxCensusAmount·max(1, c)
				continue
			}
		}
		switch {
		case math.IsNaN(c) || math.IsInf(c, 0):
			return &SchemeError{Field: cf(i), Value: fmt.Sprint(c), Err: actuarial.ErrNotFinite}
		case c < 0:
			return &SchemeError{Field: cf(i), Value: fmt.Sprint(c), Err: actuarial.ErrRange}
		case math.IsNaN(a):
			return &SchemeError{Field: af(i), Value: fmt.Sprint(a), Err: actuarial.ErrNotFinite}
		case a < 0:
			return &SchemeError{Field: af(i), Value: fmt.Sprint(a), Err: actuarial.ErrNegative}
		case a > census.MaxCensusAmount*max(1, c):
			return &SchemeError{Field: af(i), Value: fmt.Sprint(a), Err: actuarial.ErrRange}
		case c == 0 && a != 0:
			return &SchemeError{Field: af(i), Value: fmt.Sprint(a), Err: ErrEmptyCell}
		}
	}
	return nil
}

// validate checks the balancing's ratios, shares and payer.
func (b *Balancing) validate() error {
	bad := func(field string, v float64, err error) error {
		return &SchemeError{Field: "Balancing." + field, Value: fmt.Sprint(v), Err: err}
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"IndexationBelow", b.IndexationBelow}, {"ContributionBelow", b.ContributionBelow}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return bad(f.name, f.v, actuarial.ErrNotFinite)
		}
		if f.v < 0 {
			return bad(f.name, f.v, actuarial.ErrNegative)
		}
	}
	if v := b.IndexationCut; !(v >= 0 && v <= 1) {
		return bad("IndexationCut", v, actuarial.ErrRange)
	}
	if v := b.ContributionStep; !(v >= 0 && v <= 1) || (b.ContributionBelow > 0 && v == 0) {
		return bad("ContributionStep", v, actuarial.ErrRange)
	}
	if b.ContributionPayer < Worker || b.ContributionPayer >= NumPayers {
		return &SchemeError{Field: "Balancing.ContributionPayer", Value: b.ContributionPayer.String(), Err: actuarial.ErrRange}
	}
	return nil
}
