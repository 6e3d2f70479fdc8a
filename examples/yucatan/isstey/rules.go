// The three regimes of the law as scheme rules, and the scheme built on
// them.

package isstey

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// EmployerRate is the state's contribution rate as employer, a fraction of
// salary, in every regime. No public source gives it (FACTS.md). It is an
// assumption, calibrated: with it, the contributions of 2022 and the
// state's extra payment of that year (MXN 350 M, [ExtraPayment2022]) pay
// the benefits of 2022, as they had to once the liquid reserves ran out in
// 2021 (FACTS.md, "reserves", "extra state payments"); rounded to half a
// point.
const EmployerRate = 0.16

// ExtraPayment2022 is the state's extra payment of 2022, MXN: "~350 M"
// [press] lectormx.com, yucatan.com.mx (FACTS.md). It is the scheme's
// transfer in 2022; no transfer is assumed after 2022 (the deficits then
// show as the reserve running down, and below zero as the state's deficit
// transfers).
const ExtraPayment2022 = 350e6

// TrustReserve is the reserve on 1 January 2022, MXN: the land trust (Ucú)
// that "carries payments to 2028" once the liquid reserves ran out in 2021
// (FACTS.md). Its value is not published; it is an assumption, calibrated
// so that under the 1976 law the reserve is exhausted in 2027 ("technical
// bankruptcy expected late 2026 / early 2027"), rounded to MXN 0.5 bn. The
// trust is taken to earn [Return] like money.
const TrustReserve = 3.5e9

// The dates the laws take effect in the model, on 1 January: rules change
// only on 1 January, so each takes effect on the first 1 January after it
// was passed.
const (
	// Law2022From: Decree 532/2022 (the 2022 law), passed in 2022.
	Law2022From = 2023
	// RulingFrom: the Supreme Court's rulings in cases 118/2022 and
	// 121/2022, published 1 November 2024, struck down the 35-year rule,
	// the 85%/20-year reference salary and the survivor cuts, bringing
	// back the 1976 law's articles.
	RulingFrom = 2025
	// Reform2025From: the 2025 reform, passed 24 October 2025.
	Reform2025From = 2026
)

// Regime is a timeline of the law applied to the scheme from 2022.
type Regime int

const (
	// Law1976 is the 1976 law (Decree 68) throughout: the counterfactual
	// of no reform.
	Law1976 Regime = iota
	// Law2022 is the 2022 law as enacted, from 2023 throughout, with its
	// transition rules: the counterfactual of no Supreme Court ruling and
	// no 2025 reform.
	Law2022
	// Reform2025 is the law as it happened and then the 2025 reform: the
	// 1976 law in 2022; the 2022 law in 2023–24; in 2025 the 1976 law's
	// benefits (restored by the ruling) with the 2022 law's contribution
	// rates (which the ruling left in force); the 2025 reform from 2026.
	Reform2025

	NumRegimes = 3
)

// Regimes lists the regimes in order.
var Regimes = [NumRegimes]Regime{Law1976, Law2022, Reform2025}

func (r Regime) String() string {
	switch r {
	case Law1976:
		return "1976 law"
	case Law2022:
		return "2022 law"
	case Reform2025:
		return "2025 reform"
	}
	return fmt.Sprintf("Regime(%d)", int(r))
}

// The member groups of every scheme, by index into Scheme.Groups. The same
// groups in every regime let the regimes be compared group by group; under
// the 1976 law their rules are the same.
const (
	// GroupSenior: members in service on 1 January 2022 with more than 25
	// years of service then; the 2022 law gives them 85% of the reference
	// pay.
	GroupSenior = iota
	// GroupJunior: members in service on 1 January 2022 with up to 25
	// years of service; the 2022 law gives them 90% of the reference pay.
	GroupJunior
	// GroupNew: members hired from 2023 on; the 2022 law makes them pay
	// 15%.
	GroupNew

	NumGroups = 3
)

var groupNames = [NumGroups]string{
	"in service in 2022, more than 25 years",
	"in service in 2022, up to 25 years",
	"hired from 2023",
}

// juniorService is the service below which a 2022 member is in
// GroupJunior: "up to 25 years of contributions in 2022" (FACTS.md),
// counted on 1 January 2022.
const juniorService = 26

// Survivor2022Share is the constant survivor's share that stands for the
// 2022 law's survivor's pension: 100% of the member's pension for six
// years, then 50%. A constant share cannot express the cut after six
// years; this one has the same value at award for a widow aged 65 on
// EMSSA-09 (women) at the net rate (1 + [Return])/(1 + [UnitGrowth]) − 1
// (assumption; see TestSurvivor2022Share). Loss on remarriage is not
// modelled.
const Survivor2022Share = 0.65

// accrual1976 is the 1976 law's replacement rate by service: 50% at 15
// years rising to 100% at 30. The law gives a table that was not found;
// linear is the stated assumption (FACTS.md).
func accrual1976() actuarial.Accrual {
	return actuarial.LinearAccrual{MinService: 15, AtMin: 0.50, PerYear: 0.50 / 15, Max: 1}.Accrual()
}

// cap1976 is the 1976 law's cap: 8 minimum wages (the reference unit).
var cap1976 = actuarial.Limit{Units: 8}

// Rules1976 returns the 1976 law (Decree 68) from calendar year from, as
// FACTS.md gives it, with the assumptions named:
//
//   - contributions: worker 8% of base pay; employer [EmployerRate]
//     (assumption); no ceiling;
//   - a full pension with 30 years of service (720 fortnightly
//     contributions) at any age, men and women; a reduced one from age 55
//     with 15 years, 50% rising linearly to 100% at 30 years (assumption:
//     the table was not found);
//   - the reference pay is the average of the last 2 years' pay; pensions
//     are capped at 8 minimum wages (the reference unit) and indexed with
//     the minimum wage ([scheme.IndexUnit]);
//   - disability: the same formula on the service completed, from 15 years
//     (non-work disability; disability at work, which needs no service, is
//     not modelled apart);
//   - survivors: 100% of the member's pension (assumption: the 2022 law
//     cut it to 50% after six years, so it was 100% before);
//   - refund of 50% of the member's contributions on leaving;
//   - a year-end bonus of 40 days of pension (ExtraPayments 40/365).
func Rules1976(from int) scheme.Rules {
	full := actuarial.Conditions{{MinService: 30}}
	reduced := actuarial.Conditions{{MinAge: 55, MinService: 15}}
	formula := actuarial.Formula{Accrual: accrual1976(), ReferenceYears: 2, Cap: cap1976}
	return scheme.Rules{
		From: from,
		ContributionRate: [scheme.NumPayers]actuarial.Schedule{
			scheme.Worker:   actuarial.Constant(0.08),
			scheme.Employer: actuarial.Constant(EmployerRate),
		},
		Eligibility: actuarial.Eligibility{
			Full:    [actuarial.NumSexes]actuarial.Conditions{full, full},
			Reduced: [actuarial.NumSexes]actuarial.Conditions{reduced, reduced},
		},
		Retirement:    formula,
		Disability:    formula,
		SurvivorShare: 1,
		RefundShare:   0.5,
		ExtraPayments: 40.0 / 365,
		Indexation:    scheme.IndexUnit,
	}
}

// workerRate2022 is the 2022 law's worker rate for a group: 15% for new
// hires; for members in service in 2022, 8% rising by a point a year to
// 11% in 2025.
func workerRate2022(group int) actuarial.Schedule {
	if group == GroupNew {
		return actuarial.Constant(0.15)
	}
	return actuarial.Phase{Start: Law2022From, From: 0.08, To: 0.11, Step: 0.01}.Schedule()
}

// Rules2022 returns the 2022 law (Decree 532/2022) as enacted, for a group,
// from calendar year from: the 1976 law changed as FACTS.md gives it, with
// the assumptions named:
//
//   - worker contributions: 15% for new hires; members in service in 2022
//     from 8% to 11% by 2025 (9% in 2023, 10% in 2024);
//   - a full pension with 35 years of contributions at any age; a reduced
//     one at 65 with 20 years, 50% rising linearly to 100% at 35
//     (assumption: the law's table was not found);
//   - the reference pay is 85% of the average of the last 20 years' pay,
//     90% for those with up to 25 years of contributions in 2022
//     (GroupJunior);
//   - survivors: [Survivor2022Share], a constant share standing for 100%
//     for six years then 50% (not expressible exactly); loss on remarriage
//     is not modelled;
//   - unchanged (FACTS.md gives no change): the employer's rate, the cap,
//     the indexation, the refund, the bonus, disability.
func Rules2022(from, group int) scheme.Rules {
	r := Rules1976(from)
	r.ContributionRate[scheme.Worker] = workerRate2022(group)
	full := actuarial.Conditions{{MinService: 35}}
	reduced := actuarial.Conditions{{MinAge: 65, MinService: 20}}
	r.Eligibility = actuarial.Eligibility{
		Full:    [actuarial.NumSexes]actuarial.Conditions{full, full},
		Reduced: [actuarial.NumSexes]actuarial.Conditions{reduced, reduced},
	}
	share := 0.85
	if group == GroupJunior {
		share = 0.90
	}
	r.Retirement = actuarial.Formula{
		Accrual:        actuarial.LinearAccrual{MinService: 20, AtMin: 0.50, PerYear: 0.50 / 15, Max: 1}.Accrual(),
		ReferenceYears: 20,
		ReferenceShare: share,
		Cap:            cap1976,
	}
	r.SurvivorShare = Survivor2022Share
	return r
}

// RulesRuling returns the law after the Supreme Court's ruling, for a
// group, from calendar year from: the 1976 law's benefits with the 2022
// law's worker contribution rates, which the ruling did not strike down.
func RulesRuling(from, group int) scheme.Rules {
	r := Rules1976(from)
	r.ContributionRate[scheme.Worker] = workerRate2022(group)
	return r
}

// Rules2025 returns the 2025 reform from calendar year from: the 1976 law
// changed as FACTS.md gives it, with the assumptions named:
//
//   - worker contributions 11% for everyone, frozen until 2030 and
//     (assumption) 11% after 2030 too;
//   - a full pension with 30 years of service (men) or 28 (women) at any
//     age; a reduced one from age 55 with 15 years, 50% rising linearly
//     to 100% at 28 years (assumption: no table was found; the accrual
//     cannot differ by sex, so it reaches 100% at the women's 28 years, and
//     men retiring reduced at 55 or later with 28 or 29 years get 100%);
//   - the reference pay is the average of the last 2 years' pay;
//   - survivors 100% (the 2022 cut was struck down); the reform's 100% of
//     the last salary to survivors of a death at work is not modelled
//     apart (deaths are not split by cause);
//   - unchanged: the employer's rate, the cap, the indexation, the refund,
//     the bonus, disability.
func Rules2025(from int) scheme.Rules {
	r := Rules1976(from)
	r.ContributionRate[scheme.Worker] = actuarial.Constant(0.11)
	reduced := actuarial.Conditions{{MinAge: 55, MinService: 15}}
	r.Eligibility = actuarial.Eligibility{
		Full: [actuarial.NumSexes]actuarial.Conditions{
			{{MinService: 30}}, // men
			{{MinService: 28}}, // women
		},
		Reduced: [actuarial.NumSexes]actuarial.Conditions{reduced, reduced},
	}
	r.Retirement.Accrual = actuarial.LinearAccrual{MinService: 15, AtMin: 0.50, PerYear: 0.50 / 13, Max: 1}.Accrual()
	return r
}

// Timeline returns a group's rules under a regime, from 2022. It panics for
// an unknown regime or group.
func Timeline(r Regime, group int) []scheme.Rules {
	if group < 0 || group >= NumGroups {
		panic(fmt.Sprintf("isstey: Timeline of group %d", group))
	}
	switch r {
	case Law1976:
		return []scheme.Rules{Rules1976(CensusYear)}
	case Law2022:
		return []scheme.Rules{Rules1976(CensusYear), Rules2022(Law2022From, group)}
	case Reform2025:
		return []scheme.Rules{
			Rules1976(CensusYear),
			Rules2022(Law2022From, group),
			RulesRuling(RulingFrom, group),
			Rules2025(Reform2025From),
		}
	}
	panic(fmt.Sprintf("isstey: Timeline of %v", r))
}

// Scheme builds the ISSTEY-like scheme under a regime from a census on
// 1 January 2022 and a basis ([Basis]): its members in the three groups
// (all census actives in GroupSenior, those with up to 25 years of service
// moved to GroupJunior on 1 January 2022, new entrants in GroupNew from
// 2023; the census pensions in GroupSenior), the reserve [TrustReserve]
// and the transfer [ExtraPayment2022] in 2022. It returns the first error
// that grouping the census or validating the scheme finds, and panics for
// a nil census.
func Scheme(r Regime, c *census.Census, as scheme.Assumptions) (*scheme.Scheme, error) {
	if c == nil {
		panic("isstey: Scheme of a nil census")
	}
	if c.Year != CensusYear {
		return nil, fmt.Errorf("isstey: census of %d: the rules start in %d", c.Year, CensusYear)
	}
	act, err := census.GroupActives(nil, c.Actives)
	if err != nil {
		return nil, err
	}
	pen, err := census.GroupPensioners(nil, c.Pensioners)
	if err != nil {
		return nil, err
	}
	s := &scheme.Scheme{
		Name:      "ISSTEY-like (illustrative), " + r.String(),
		StartYear: CensusYear,
		Groups:    make([]scheme.Group, NumGroups),
		Transitions: []scheme.Transition{
			{Year: CensusYear, From: GroupSenior, To: GroupJunior, ServiceBelow: juniorService},
		},
		EntrantGroups:  []scheme.GroupFrom{{From: Law2022From, Group: GroupNew}},
		Assumptions:    as,
		InitialReserve: TrustReserve,
		Transfers:      actuarial.Schedule{{Year: CensusYear, Value: ExtraPayment2022}, {Year: CensusYear + 1, Value: 0}},
	}
	for g := range s.Groups {
		s.Groups[g] = scheme.Group{Name: groupNames[g], Rules: Timeline(r, g)}
	}
	s.Groups[GroupSenior].Actives = act
	s.Groups[GroupSenior].Pensioners = pen
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return s, nil
}
