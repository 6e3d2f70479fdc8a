// The parametric changes a reform is made of: contributions, the
// contribution ceiling, the pension formula, indexation and survivors'
// pensions. Retirement conditions are in retirement.go.

package reform

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// ContributionRate sets a payer's contribution rate from Year on, at once
// or by a phase-in: "the employer's rate rises by 0.5 points a year from
// 2027 until it reaches 15%" is
//
//	ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.15, Step: 0.005}
//
// The phase-in starts from the rate the payer would pay in Year without the
// change (the rate in force then) and moves by Step each year from Year on
// ([actuarial.Phase]): with a rate of 13% in 2026, 13.5% in 2027, 14% in
// 2028, 14.5% in 2029 and 15% from 2030. The rate applies to salary up to
// the ceiling, as [scheme.Rules] ContributionRate does; later entries of the
// group's timeline get the same schedule.
type ContributionRate struct {
	Year   int      // calendar year of the first step, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Payer scheme.Payer // who pays the rate
	Rate  float64      // the rate to reach, a fraction of salary in [0, 1]
	Step  float64      // the change per year, in points (0.005 is half a point), > 0; 0: Rate at once in Year
}

func (c ContributionRate) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c ContributionRate) String() string {
	s := fmt.Sprintf("%v contribution rate %s from %d", c.Payer, pct(c.Rate), c.Year)
	if c.Step != 0 {
		s = fmt.Sprintf("%v contribution rate to %s by %.4g points a year from %d", c.Payer, pct(c.Rate), 100*c.Step, c.Year)
	}
	return s + c.scope().String()
}

func (c ContributionRate) validate() error {
	if c.Payer < 0 || c.Payer >= scheme.NumPayers {
		return fmt.Errorf("%w: ContributionRate.Payer %v", ErrInvalid, c.Payer)
	}
	if err := checkRate("ContributionRate.Rate", c.Rate); err != nil {
		return err
	}
	if !(c.Step >= 0) || c.Step > 1 {
		return fmt.Errorf("%w: ContributionRate.Step %v: want points in [0, 1]", ErrInvalid, c.Step)
	}
	return nil
}

func (c ContributionRate) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	from := rules[inForce(rules, c.Year)].ContributionRate[c.Payer].At(c.Year)
	sched := actuarial.Phase{Start: c.Year, From: from, To: c.Rate, Step: c.Step}.Schedule()
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, lo, hi int) (bool, error) {
		changed := !sameOver(r.ContributionRate[c.Payer], sched, lo, hi)
		r.ContributionRate[c.Payer] = slices.Clone(sched)
		return changed, nil
	})
}

// ContributionCeiling sets the most yearly salary members contribute on,
// from Year on; the zero Limit removes the ceiling.
type ContributionCeiling struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Ceiling actuarial.Limit // the new ceiling; zero: none
}

func (c ContributionCeiling) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c ContributionCeiling) String() string {
	return fmt.Sprintf("contribution ceiling %s from %d", limitString(c.Ceiling), c.Year) + c.scope().String()
}

func (c ContributionCeiling) validate() error {
	return checkLimit("ContributionCeiling.Ceiling", c.Ceiling)
}

func (c ContributionCeiling) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := r.Ceiling != c.Ceiling
		r.Ceiling = c.Ceiling
		return changed, nil
	})
}

// AccrualTable sets the accrual table of retirement pensions (the
// replacement rate by years of service) from Year on, scaled by Share.
// An Accrual without rates keeps the table in force and scales it: Share
// 0.9 alone is "90% of the formula in force".
//
// Share expresses grandfathered or partial rights — "those with up to 25
// years of service get 90% of the new formula" is
//
//	AccrualTable{Year: y, Who: Who{ServiceBelow: 26}, Accrual: newTable, Share: 0.9}
//
// It multiplies the accrual rates, so it scales the pension before the cap
// and floor of the formula (a capped pension may stay capped). A Share alone
// scales every table in force, the common one and each sex's own
// ([scheme.Rules] BySex); a new Accrual replaces the common table and
// clears the sexes' own, so that it is the scale of both. Disability
// pensions keep their own formula.
type AccrualTable struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Accrual actuarial.Accrual // the new table; no rates: the table in force
	Share   float64           // factor on the table's rates, > 0; 0 means 1
}

func (c AccrualTable) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c AccrualTable) String() string {
	var s string
	switch {
	case len(c.Accrual.Rates) == 0:
		s = fmt.Sprintf("accrual %s of the table in force from %d", pct(c.share()), c.Year)
	default:
		s = fmt.Sprintf("accrual table from %s at %d years of service to %s", pct(c.Accrual.Rate(c.Accrual.MinService)), c.Accrual.MinService, pct(c.Accrual.Rates[len(c.Accrual.Rates)-1]))
		if c.Share != 0 && c.Share != 1 {
			s += ", " + pct(c.Share) + " of it,"
		}
		s += fmt.Sprintf(" from %d", c.Year)
	}
	return s + c.scope().String()
}

func (c AccrualTable) share() float64 {
	if c.Share == 0 {
		return 1
	}
	return c.Share
}

func (c AccrualTable) validate() error {
	if err := c.Accrual.Validate(); err != nil {
		return fmt.Errorf("%w: AccrualTable.Accrual: %v", ErrInvalid, err)
	}
	if c.Accrual.MinService < 0 {
		return fmt.Errorf("%w: AccrualTable.Accrual.MinService %d is negative", ErrInvalid, c.Accrual.MinService)
	}
	if !(c.Share >= 0) || math.IsInf(c.Share, 0) {
		return fmt.Errorf("%w: AccrualTable.Share %v: want a finite factor > 0 (0 means 1)", ErrInvalid, c.Share)
	}
	return nil
}

func (c AccrualTable) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		scaled := func(a actuarial.Accrual) actuarial.Accrual {
			a.Rates = slices.Clone(a.Rates)
			for i := range a.Rates {
				a.Rates[i] *= c.share()
			}
			return a
		}
		old := r.Retirement.Accrual
		acc := old
		if len(c.Accrual.Rates) > 0 {
			acc = c.Accrual
		}
		acc = scaled(acc)
		r.Retirement.Accrual = acc
		changed := !sameAccrual(old, acc)
		for sx := range r.BySex {
			bs := &r.BySex[sx]
			if len(bs.Accrual.Rates) == 0 {
				continue
			}
			if len(c.Accrual.Rates) > 0 {
				// A new table is the law's scale for both sexes.
				bs.Accrual = actuarial.Accrual{}
				changed = true
				continue
			}
			prev := bs.Accrual
			bs.Accrual = scaled(prev)
			changed = changed || !sameAccrual(prev, bs.Accrual)
		}
		return changed, nil
	})
}

// sameAccrual reports whether two accrual tables pay the same rate at every
// service.
func sameAccrual(a, b actuarial.Accrual) bool {
	if len(a.Rates) == 0 || len(b.Rates) == 0 {
		return len(a.Rates) == len(b.Rates) || allZero(a.Rates) && allZero(b.Rates)
	}
	lo := min(a.MinService, b.MinService)
	hi := max(a.MinService+len(a.Rates), b.MinService+len(b.Rates))
	for s := lo; s <= hi; s++ {
		if a.Rate(s) != b.Rate(s) {
			return false
		}
	}
	return true
}

func allZero(v []float64) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

// ReferencePeriod sets the number of years of salary averaged for the
// reference salary of retirement pensions, from Year on, and with Share
// the share of that average that counts: "85% of the average pay of the
// last 20 years" is ReferencePeriod{Year: y, Years: 20, Share: 0.85}.
type ReferencePeriod struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Years int     // years averaged, ≥ 1 (1: the last salary)
	Share float64 // share of the average that counts, in (0, 1]; 0: the share in force (actuarial.Formula ReferenceShare)
}

func (c ReferencePeriod) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c ReferencePeriod) String() string {
	s := fmt.Sprintf("reference salary averaged over %d years", c.Years)
	if c.Share != 0 {
		s = fmt.Sprintf("reference salary %s of the average over %d years", pct(c.Share), c.Years)
	}
	return s + fmt.Sprintf(" from %d", c.Year) + c.scope().String()
}

func (c ReferencePeriod) validate() error {
	if c.Years < 1 {
		return fmt.Errorf("%w: ReferencePeriod.Years %d: want ≥ 1", ErrInvalid, c.Years)
	}
	if !(c.Share >= 0 && c.Share <= 1) {
		return fmt.Errorf("%w: ReferencePeriod.Share %v: want a fraction in (0, 1] (0: the share in force)", ErrInvalid, c.Share)
	}
	return nil
}

// share1 returns a reference share with 0 read as 1, as the formula does.
func share1(s float64) float64 {
	if s == 0 {
		return 1
	}
	return s
}

func (c ReferencePeriod) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := max(r.Retirement.ReferenceYears, 1) != c.Years
		r.Retirement.ReferenceYears = c.Years
		if c.Share != 0 {
			changed = changed || share1(r.Retirement.ReferenceShare) != c.Share
			r.Retirement.ReferenceShare = c.Share
		}
		return changed, nil
	})
}

// PensionCap sets the most a retirement pension pays a year, from Year on;
// the zero Limit removes the cap. Pensions are capped on award and, under
// the rules' Limits (see [PensionGuarantee]), every year in payment. With
// a Sex it is that sex's own cap ([scheme.SexRules] RetirementCap), which
// must then be set; without, the cap of both sexes, replacing their own.
type PensionCap struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Cap actuarial.Limit // the new cap; zero: none
	Sex actuarial.Sex   // the sex whose cap it is; SexUnknown (the zero value): both
}

func (c PensionCap) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c PensionCap) String() string {
	return fmt.Sprintf("pension cap %s%s from %d", limitString(c.Cap), sexSuffix(c.Sex), c.Year) + c.scope().String()
}

func (c PensionCap) validate() error {
	return checkSexLimit("PensionCap", "Cap", c.Sex, c.Cap)
}

func (c PensionCap) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		return setSexLimit(r, c.Sex, c.Cap, &r.Retirement.Cap, func(o *scheme.SexRules) *actuarial.Limit { return &o.RetirementCap }), nil
	})
}

// PensionFloor sets the least a retirement pension pays a year, from Year
// on; the zero Limit removes the floor. With a Sex it is that sex's own
// floor ([scheme.SexRules] RetirementFloor), which must then be set;
// without, the floor of both sexes, replacing their own.
type PensionFloor struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Floor actuarial.Limit // the new floor; zero: none
	Sex   actuarial.Sex   // the sex whose floor it is; SexUnknown (the zero value): both
}

func (c PensionFloor) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c PensionFloor) String() string {
	return fmt.Sprintf("pension floor %s%s from %d", limitString(c.Floor), sexSuffix(c.Sex), c.Year) + c.scope().String()
}

func (c PensionFloor) validate() error {
	return checkSexLimit("PensionFloor", "Floor", c.Sex, c.Floor)
}

func (c PensionFloor) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		return setSexLimit(r, c.Sex, c.Floor, &r.Retirement.Floor, func(o *scheme.SexRules) *actuarial.Limit { return &o.RetirementFloor }), nil
	})
}

// checkSexLimit checks the limit l of change typ (field name field) for
// sex: a valid limit, and a sex's own one set.
func checkSexLimit(typ, field string, sex actuarial.Sex, l actuarial.Limit) error {
	if err := checkLimit(typ+"."+field, l); err != nil {
		return err
	}
	switch {
	case sex == actuarial.SexUnknown:
		return nil
	case !sex.Valid():
		return fmt.Errorf("%w: %s.Sex %q", ErrInvalid, typ, sex)
	case l == actuarial.Limit{}:
		return fmt.Errorf("%w: %s.%s: a sex's own limit cannot be none (the zero limit keeps the common one)", ErrInvalid, typ, field)
	}
	return nil
}

// setSexLimit sets a limit of rules r to l: for sex's own (own of
// BySex[sex]), or, with SexUnknown, the common one (common) and clears the
// sexes' own. It reports whether the rules changed.
func setSexLimit(r *scheme.Rules, sex actuarial.Sex, l actuarial.Limit, common *actuarial.Limit, own func(*scheme.SexRules) *actuarial.Limit) bool {
	if sex != actuarial.SexUnknown {
		p := own(&r.BySex[sex.Index()])
		changed := *p != l
		*p = l
		return changed
	}
	changed := *common != l
	*common = l
	for sx := range r.BySex {
		if p := own(&r.BySex[sx]); *p != (actuarial.Limit{}) {
			*p, changed = actuarial.Limit{}, true
		}
	}
	return changed
}

// sexSuffix is " for men" or " for women", or "" for both.
func sexSuffix(sex actuarial.Sex) string {
	switch sex {
	case actuarial.Male:
		return " for men"
	case actuarial.Female:
		return " for women"
	}
	return ""
}

// PensionGuarantee sets, from Year on, when the caps and floors of
// retirement and disability pensions apply ([scheme.LimitTiming]: every
// year in payment, a minimum pension topped up, or on award only) and who
// pays the minimum-pension top-up ([scheme.MinimumPayer]: the scheme, or
// the state as a transfer into the fund). It reaches the pensions in
// payment of the groups concerned too.
type PensionGuarantee struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Limits scheme.LimitTiming  // the new timing; zero: in payment
	PaidBy scheme.MinimumPayer // the new payer of the top-up; zero: the scheme
}

func (c PensionGuarantee) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c PensionGuarantee) String() string {
	return fmt.Sprintf("pension limits %v, minimum paid by the %v, from %d", c.Limits, c.PaidBy, c.Year) + c.scope().String()
}

func (c PensionGuarantee) validate() error {
	if c.Limits < scheme.LimitsInPayment || c.Limits > scheme.LimitsAtAward {
		return fmt.Errorf("%w: PensionGuarantee.Limits %v", ErrInvalid, c.Limits)
	}
	if c.PaidBy < scheme.MinimumByScheme || c.PaidBy > scheme.MinimumByState {
		return fmt.Errorf("%w: PensionGuarantee.PaidBy %v", ErrInvalid, c.PaidBy)
	}
	return nil
}

func (c PensionGuarantee) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := r.Limits != c.Limits || r.MinimumPaidBy != c.PaidBy
		r.Limits, r.MinimumPaidBy = c.Limits, c.PaidBy
		return changed, nil
	})
}

// AutomaticBalancing sets, from Year on, the rules that react to the
// scheme's own reserve ratio ([scheme.Balancing]: an indexation cut and
// contribution steps); the zero Balancing removes them. Only the
// projection by cells has a reserve to react to.
type AutomaticBalancing struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Balancing scheme.Balancing // the new mechanisms; zero: none
}

func (c AutomaticBalancing) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c AutomaticBalancing) String() string {
	b := c.Balancing
	var parts []string
	if b.IndexationBelow > 0 {
		parts = append(parts, fmt.Sprintf("indexation cut by %s below a reserve ratio of %g", pct(b.IndexationCut), b.IndexationBelow))
	}
	if b.ContributionBelow > 0 {
		parts = append(parts, fmt.Sprintf("%v contribution steps of %s below a reserve ratio of %g", b.ContributionPayer, pct(b.ContributionStep), b.ContributionBelow))
	}
	if len(parts) == 0 {
		parts = append(parts, "no automatic balancing")
	}
	return fmt.Sprintf("%s from %d", strings.Join(parts, ", "), c.Year) + c.scope().String()
}

func (c AutomaticBalancing) validate() error {
	r := scheme.Rules{Balancing: c.Balancing}
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%w: AutomaticBalancing: %v", ErrInvalid, err)
	}
	return nil
}

func (c AutomaticBalancing) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := r.Balancing != c.Balancing
		r.Balancing = c.Balancing
		return changed, nil
	})
}

// SustainabilityFactor sets, from Year on, a sustainability factor on the
// old-age and early pensions awarded ([scheme.Sustainability]: the ratio
// of the life expectancies at Age in Base and in the year of award, from
// the scheme's own mortality); the zero Factor removes it.
type SustainabilityFactor struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Factor scheme.Sustainability // the new factor; zero: none
}

func (c SustainabilityFactor) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c SustainabilityFactor) String() string {
	if c.Factor == (scheme.Sustainability{}) {
		return fmt.Sprintf("no sustainability factor from %d", c.Year) + c.scope().String()
	}
	return fmt.Sprintf("sustainability factor at %d against %d from %d", c.Factor.Age, c.Factor.Base, c.Year) + c.scope().String()
}

func (c SustainabilityFactor) validate() error {
	r := scheme.Rules{Sustainability: c.Factor}
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%w: SustainabilityFactor: %v", ErrInvalid, err)
	}
	return nil
}

func (c SustainabilityFactor) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := r.Sustainability != c.Factor
		r.Sustainability = c.Factor
		return changed, nil
	})
}

// Indexation sets how pensions in payment are raised each 1 January, from
// the 1 January of Year on: to prices, to wages, to the reference unit, at
// a fixed rate (Rule IndexFixed with a Rate schedule), or not at all. It
// reaches the pensions in payment of the groups concerned too.
type Indexation struct {
	Year   int      // calendar year of the first indexation under the new rule, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Rule scheme.Indexation  // the new rule
	Rate actuarial.Schedule // the yearly increase under IndexFixed, by calendar year; must be nil for the other rules
}

func (c Indexation) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c Indexation) String() string {
	s := fmt.Sprintf("indexation to %v from %d", c.Rule, c.Year)
	if c.Rule == scheme.IndexFixed && len(c.Rate) > 0 {
		s = fmt.Sprintf("indexation at %s from %d", pct(c.Rate.At(c.Year)), c.Year)
	}
	return s + c.scope().String()
}

func (c Indexation) validate() error {
	if c.Rule < scheme.IndexNone || c.Rule > scheme.IndexFixed {
		return fmt.Errorf("%w: Indexation.Rule %v", ErrInvalid, c.Rule)
	}
	if c.Rule != scheme.IndexFixed && c.Rate != nil {
		return fmt.Errorf("%w: Indexation.Rate given with rule %v: a rate belongs to IndexFixed", ErrInvalid, c.Rule)
	}
	if err := c.Rate.Validate(); err != nil {
		return fmt.Errorf("%w: Indexation.Rate: %v", ErrInvalid, err)
	}
	for _, st := range c.Rate {
		if st.Value <= -1 {
			return fmt.Errorf("%w: Indexation.Rate in %d is %v: want a rate above −1", ErrInvalid, st.Year, st.Value)
		}
	}
	return nil
}

func (c Indexation) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, lo, hi int) (bool, error) {
		changed := r.Indexation != c.Rule || c.Rule == scheme.IndexFixed && !sameOver(r.IndexRate, c.Rate, lo, hi)
		r.Indexation = c.Rule
		r.IndexRate = slices.Clone(c.Rate)
		return changed, nil
	})
}

// SurvivorShare sets the share of the member's pension paid to a
// surviving spouse, for deaths from Year on (of actives and, under
// Who everyone, of pensioners).
type SurvivorShare struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Share float64 // the new share, in [0, 1]
}

func (c SurvivorShare) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c SurvivorShare) String() string {
	return fmt.Sprintf("survivor's pension %s of the member's from %d", pct(c.Share), c.Year) + c.scope().String()
}

func (c SurvivorShare) validate() error { return checkRate("SurvivorShare.Share", c.Share) }

func (c SurvivorShare) edit(s *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	married := false
	for sx := range actuarial.NumSexes {
		for _, v := range s.Assumptions.Family.Married[sx].Values {
			married = married || v > 0
		}
	}
	if !married {
		return rules, false, nil // nobody leaves a spouse: nobody is affected
	}
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := r.SurvivorShare != c.Share
		r.SurvivorShare = c.Share
		return changed, nil
	})
}

// RulesEdit is any other change to the rules from Year on: Edit is called
// on each entry of the group's timeline in force from Year on (a copy,
// which it changes in place), with the calendar year the entry takes
// effect. A change to the compulsory age or to disability pensions, say:
//
//	RulesEdit{Year: 2030, Label: "compulsory age 70", Edit: func(r *scheme.Rules, _ int) error {
//		r.CompulsoryAge = [actuarial.NumSexes]int{70, 70}
//		return nil
//	}}
//
// Edit must be deterministic and safe to call from several goroutines, and
// must not keep r. The entry is changed if it is no longer deeply equal to
// what it was; an error stops the reform.
type RulesEdit struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Label string                                // describes the change in outputs
	Edit  func(r *scheme.Rules, from int) error // the edit; required
}

func (c RulesEdit) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c RulesEdit) String() string {
	return fmt.Sprintf("%s from %d", c.Label, c.Year) + c.scope().String()
}

func (c RulesEdit) validate() error {
	if c.Edit == nil {
		return fmt.Errorf("%w: RulesEdit %q has no Edit function", ErrInvalid, c.Label)
	}
	return nil
}

func (c RulesEdit) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, lo, _ int) (bool, error) {
		before := cloneRules(r)
		if err := c.Edit(r, lo); err != nil {
			return false, err
		}
		r.From = before.From
		return !reflect.DeepEqual(before, *r), nil
	})
}
