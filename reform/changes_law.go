// Changes of the rules the laws use: the retirement law by sex, the
// survivor's share by years since the award, the loss of a survivor's
// pension on remarriage, and orphans' end age.

package reform

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// RetirementBySex sets, for the members of one sex, the accrual table and
// reference period of retirement pensions and the reduction of early
// pensions, from Year on ([scheme.Rules] BySex); a zero field goes back to
// the rules' common value. The 2025 ISSTEY reform, whose women reach 100%
// after 28 years of service on their own proportional scale, is
//
//	RetirementBySex{Year: 2025, Sex: actuarial.Female, Accrual: women28}
//
// with the eligibility moved by [RetirementConditions] or [RulesEdit].
type RetirementBySex struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Sex              actuarial.Sex     // Male or Female
	Accrual          actuarial.Accrual // the sex's accrual table; no rates: the rules' own
	ReferenceYears   int               // the sex's reference period, ≥ 0; 0: the rules' own
	ReductionPerYear float64           // the sex's reduction per year short of FullAge, in [0, 1]; 0: the rules' own
}

func (c RetirementBySex) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c RetirementBySex) String() string {
	var parts []string
	if len(c.Accrual.Rates) > 0 {
		parts = append(parts, fmt.Sprintf("accrual from %s at %d years to %s", pct(c.Accrual.Rate(c.Accrual.MinService)), c.Accrual.MinService, pct(c.Accrual.Rates[len(c.Accrual.Rates)-1])))
	}
	if c.ReferenceYears > 0 {
		parts = append(parts, fmt.Sprintf("reference salary over %d years", c.ReferenceYears))
	}
	if c.ReductionPerYear > 0 {
		parts = append(parts, fmt.Sprintf("early reduction %s a year", pct(c.ReductionPerYear)))
	}
	if len(parts) == 0 {
		parts = append(parts, "the common retirement law")
	}
	return fmt.Sprintf("%v: %s from %d", c.Sex, strings.Join(parts, ", "), c.Year) + c.scope().String()
}

func (c RetirementBySex) validate() error {
	switch {
	case !c.Sex.Valid():
		return fmt.Errorf("%w: RetirementBySex.Sex %v: want male or female", ErrInvalid, c.Sex)
	case c.ReferenceYears < 0:
		return fmt.Errorf("%w: RetirementBySex.ReferenceYears %d is negative", ErrInvalid, c.ReferenceYears)
	case c.Accrual.MinService < 0:
		return fmt.Errorf("%w: RetirementBySex.Accrual.MinService %d is negative", ErrInvalid, c.Accrual.MinService)
	}
	if err := c.Accrual.Validate(); err != nil {
		return fmt.Errorf("%w: RetirementBySex.Accrual: %v", ErrInvalid, err)
	}
	return checkRate("RetirementBySex.ReductionPerYear", c.ReductionPerYear)
}

func (c RetirementBySex) edit(_ *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	sx := c.Sex.Index()
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		before := *r
		r.BySex[sx] = scheme.SexRules{Accrual: actuarial.Accrual{MinService: c.Accrual.MinService, Rates: slices.Clone(c.Accrual.Rates)},
			ReferenceYears: c.ReferenceYears, ReductionPerYear: c.ReductionPerYear}
		changed := !sameAccrual(before.RetirementAccrual(sx), r.RetirementAccrual(sx)) ||
			max(before.RetirementYears(sx), 1) != max(r.RetirementYears(sx), 1)
		for age := range census.MaxCensusAge + 1 {
			changed = changed || before.Reduction(sx, age) != r.Reduction(sx, age)
		}
		return changed, nil
	})
}

// SurvivorSteps sets how the survivor's share changes with the years since
// the award ([scheme.Rules] SurvivorSteps), for deaths from Year on, with
// the share on award Share (0: the share in force). The 2022 ISSTEY law,
// 100% for 6 years and then 50%, is
//
//	SurvivorSteps{Year: 2022, Share: 1, Steps: []scheme.ShareStep{{Years: 6, Share: 0.5}}}
//
// Nil Steps pay the share on award for life.
type SurvivorSteps struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Share float64            // the share on award, in [0, 1]; 0: the share in force
	Steps []scheme.ShareStep // the later shares, in increasing Years ≥ 1
}

func (c SurvivorSteps) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c SurvivorSteps) String() string {
	s := "survivor's pension"
	if c.Share > 0 {
		s += " " + pct(c.Share)
	}
	for _, st := range c.Steps {
		s += fmt.Sprintf(", %s after %d years", pct(st.Share), st.Years)
	}
	if c.Steps == nil {
		s += " for life"
	}
	return s + fmt.Sprintf(" from %d", c.Year) + c.scope().String()
}

func (c SurvivorSteps) validate() error {
	if err := checkRate("SurvivorSteps.Share", c.Share); err != nil {
		return err
	}
	for i, st := range c.Steps {
		if st.Years < 1 || (i > 0 && st.Years <= c.Steps[i-1].Years) {
			return fmt.Errorf("%w: SurvivorSteps.Steps[%d].Years %d: want years ≥ 1, increasing", ErrInvalid, i, st.Years)
		}
		if err := checkRate(fmt.Sprintf("SurvivorSteps.Steps[%d].Share", i), st.Share); err != nil {
			return err
		}
	}
	return nil
}

func (c SurvivorSteps) edit(s *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	if !anyMarried(s) {
		return rules, false, nil // nobody leaves a spouse: nobody is affected
	}
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		before := cloneRules(r)
		if c.Share > 0 {
			r.SurvivorShare = c.Share
		}
		r.SurvivorSteps = slices.Clone(c.Steps)
		return r.SurvivorShare > 0 && !reflect.DeepEqual(before, *r), nil
	})
}

// anyMarried reports whether some death leaves a spouse.
func anyMarried(s *scheme.Scheme) bool {
	for sx := range actuarial.NumSexes {
		for _, v := range s.Assumptions.Family.Married[sx].Values {
			if v > 0 {
				return true
			}
		}
	}
	return false
}

// OrphanEndAge sets the age at which orphans' pensions stop, from Year on
// ([scheme.Rules] OrphanEndAge): for the orphans' pensions awarded, and
// those in payment, in the years the rules are in force. Age 0 goes back
// to the family assumption's.
type OrphanEndAge struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Age int // the end age, 0..MaxCensusAge+1; 0: Assumptions.Family.OrphanEndAge
}

func (c OrphanEndAge) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c OrphanEndAge) String() string {
	if c.Age == 0 {
		return fmt.Sprintf("orphans' pensions to the assumed end age from %d", c.Year) + c.scope().String()
	}
	return fmt.Sprintf("orphans' pensions to age %d from %d", c.Age, c.Year) + c.scope().String()
}

func (c OrphanEndAge) validate() error {
	if c.Age < 0 || c.Age > census.MaxCensusAge+1 {
		return fmt.Errorf("%w: OrphanEndAge.Age %d: want 0..%d", ErrInvalid, c.Age, census.MaxCensusAge+1)
	}
	return nil
}

func (c OrphanEndAge) edit(s *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	end := func(a int) int {
		if a == 0 {
			return s.Assumptions.Family.OrphanEndAge
		}
		return a
	}
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := r.OrphanShare > 0 && end(r.OrphanEndAge) != end(c.Age)
		r.OrphanEndAge = c.Age
		return changed, nil
	})
}

// RemarriageRule says whether survivors' pensions in payment are lost on
// remarriage, from Year on ([scheme.Rules] KeepOnRemarriage): Keep false
// (the zero value) ends a widow(er)'s pension on remarriage, at the rates
// of Assumptions.Family.Remarriage; Keep true keeps it.
type RemarriageRule struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Keep bool // keep the pension on remarriage
}

func (c RemarriageRule) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c RemarriageRule) String() string {
	if c.Keep {
		return fmt.Sprintf("survivor's pension kept on remarriage from %d", c.Year) + c.scope().String()
	}
	return fmt.Sprintf("survivor's pension lost on remarriage from %d", c.Year) + c.scope().String()
}

func (c RemarriageRule) validate() error { return nil }

func (c RemarriageRule) edit(s *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	remarry := false
	for sx := range actuarial.NumSexes {
		for _, v := range s.Assumptions.Family.Remarriage[sx].Values {
			remarry = remarry || v > 0
		}
	}
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := remarry && r.KeepOnRemarriage != c.Keep
		r.KeepOnRemarriage = c.Keep
		return changed, nil
	})
}

// WorkRiskBenefits sets the benefits of the work risks ([scheme.WorkRisks]:
// the pension of a disability at work, and the survivors' and orphans'
// pensions of a death at work) for the disabilities and deaths at work
// from Year on. The 2025 ISSTEY reform's 100% of the last salary to the
// survivors of a death at work, with the 1976 law's disability at work at
// 100% without a service condition, is
//
//	flat := actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}}
//	WorkRiskBenefits{Year: 2025, Benefits: scheme.WorkRisks{Disability: flat, Death: flat, SurvivorShare: 1}}
//
// The rates of the work risks are assumptions (the work_death and
// work_disability columns of Assumptions.Decrements); without them the
// change affects nobody.
type WorkRiskBenefits struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone

	Benefits scheme.WorkRisks // the new benefits; the zero value pays nothing
}

func (c WorkRiskBenefits) scope() scope { return scope{c.Year, c.Groups, c.Who} }

func (c WorkRiskBenefits) String() string {
	b := &c.Benefits
	var parts []string
	if r := b.Disability.Accrual.Rates; len(r) > 0 {
		p := "disability at work " + pct(r[0]) + " of salary"
		if b.Disability.Accrual.MinService > 0 {
			p += fmt.Sprintf(" from %d years", b.Disability.Accrual.MinService)
		}
		parts = append(parts, p)
	}
	if r := b.Death.Accrual.Rates; len(r) > 0 && b.SurvivorShare > 0 {
		parts = append(parts, "survivors of a death at work "+pct(r[0]*b.SurvivorShare)+" of salary")
	}
	if len(parts) == 0 {
		parts = append(parts, "no work-risk benefits")
	}
	return strings.Join(parts, ", ") + fmt.Sprintf(" from %d", c.Year) + c.scope().String()
}

func (c WorkRiskBenefits) validate() error {
	r := scheme.Rules{WorkRisks: c.Benefits}
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%w: WorkRiskBenefits: %w", ErrInvalid, err)
	}
	return nil
}

func (c WorkRiskBenefits) edit(s *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error) {
	work := false
	for _, t := range s.Assumptions.Decrements {
		work = work || (t != nil && (t.Acts(actuarial.WorkDeath) || t.Acts(actuarial.WorkDisability)))
	}
	if !work {
		return rules, false, nil // nobody meets a work risk: nobody is affected
	}
	return editFrom(rules, []int{c.Year}, func(r *scheme.Rules, _, _ int) (bool, error) {
		changed := !reflect.DeepEqual(r.WorkRisks, c.Benefits)
		r.WorkRisks = c.Benefits
		r.WorkRisks.Disability.Accrual.Rates = slices.Clone(c.Benefits.Disability.Accrual.Rates)
		r.WorkRisks.Death.Accrual.Rates = slices.Clone(c.Benefits.Death.Accrual.Rates)
		return changed, nil
	})
}
