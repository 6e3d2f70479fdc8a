// Deep copies of a scheme and its parts, so that applying a reform never
// touches the caller's scheme.

package reform

import (
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// cloneScheme returns a deep copy of s: every slice and Schedule is copied,
// census cells included. Mortality tables, service tables and curves are
// shared: they are immutable once built.
func cloneScheme(s *scheme.Scheme) *scheme.Scheme {
	return cloneSchemeCensus(s, true)
}

// cloneSchemeCensus is cloneScheme when copyCensus is set. Otherwise it
// is the copy an applier edits in place of s, which shares with s what the
// applier never writes to: the census cells, the groups' rule timelines
// (an edit replaces a timeline by an edited deep copy, [applier.edit]),
// the assumptions, transfers and administration costs. Its Groups,
// EntrantGroups and Transitions, which the applier appends to and
// rewrites, are its own.
func cloneSchemeCensus(s *scheme.Scheme, copyCensus bool) *scheme.Scheme {
	c := *s
	c.Groups = slices.Clone(s.Groups)
	c.EntrantGroups = slices.Clone(s.EntrantGroups)
	c.Transitions = slices.Clone(s.Transitions)
	if !copyCensus {
		return &c
	}
	for i := range s.Groups {
		c.Groups[i] = cloneGroup(&s.Groups[i])
	}
	c.Assumptions = cloneAssumptions(&s.Assumptions)
	c.Transfers = slices.Clone(s.Transfers)
	c.AdminCosts.ShareOfBenefits = slices.Clone(s.AdminCosts.ShareOfBenefits)
	c.AdminCosts.ShareOfSalary = slices.Clone(s.AdminCosts.ShareOfSalary)
	return &c
}

// cloneGroup deep-copies a group, its census cells and rules.
func cloneGroup(g *scheme.Group) scheme.Group {
	c := *g
	if g.Actives != nil {
		a := *g.Actives
		a.Count, a.Salary = slices.Clone(a.Count), slices.Clone(a.Salary)
		c.Actives = &a
	}
	if g.Pensioners != nil {
		p := *g.Pensioners
		p.Count, p.Pension = slices.Clone(p.Count), slices.Clone(p.Pension)
		c.Pensioners = &p
	}
	c.Rules = cloneTimeline(g.Rules)
	return c
}

// cloneTimeline deep-copies a timeline of rules.
func cloneTimeline(rs []scheme.Rules) []scheme.Rules {
	if rs == nil {
		return nil
	}
	c := make([]scheme.Rules, len(rs))
	for i := range rs {
		c[i] = cloneRules(&rs[i])
	}
	return c
}

// cloneRules deep-copies one Rules: its schedules, conditions and accrual
// tables.
func cloneRules(r *scheme.Rules) scheme.Rules {
	c := *r
	for p := range c.ContributionRate {
		c.ContributionRate[p] = slices.Clone(r.ContributionRate[p])
	}
	for sx := range actuarial.NumSexes {
		c.Eligibility.Full[sx] = slices.Clone(r.Eligibility.Full[sx])
		c.Eligibility.Reduced[sx] = slices.Clone(r.Eligibility.Reduced[sx])
	}
	c.Retirement.Accrual.Rates = slices.Clone(r.Retirement.Accrual.Rates)
	c.Disability.Accrual.Rates = slices.Clone(r.Disability.Accrual.Rates)
	for sx := range actuarial.NumSexes {
		c.BySex[sx].Accrual.Rates = slices.Clone(r.BySex[sx].Accrual.Rates)
	}
	c.WorkRisks.Disability.Accrual.Rates = slices.Clone(r.WorkRisks.Disability.Accrual.Rates)
	c.WorkRisks.Death.Accrual.Rates = slices.Clone(r.WorkRisks.Death.Accrual.Rates)
	c.SurvivorSteps = slices.Clone(r.SurvivorSteps)
	c.IndexRate = slices.Clone(r.IndexRate)
	return c
}

func cloneByAge(b actuarial.ByAge) actuarial.ByAge {
	b.Values = slices.Clone(b.Values)
	return b
}

func cloneAssumptions(a *scheme.Assumptions) scheme.Assumptions {
	c := *a
	for sx := range actuarial.NumSexes {
		c.Retirement[sx].Full = cloneByAge(a.Retirement[sx].Full)
		c.Retirement[sx].Reduced = cloneByAge(a.Retirement[sx].Reduced)
		c.Family.Married[sx] = cloneByAge(a.Family.Married[sx])
		c.Family.Orphans[sx] = cloneByAge(a.Family.Orphans[sx])
		c.Family.OrphanAge[sx] = cloneByAge(a.Family.OrphanAge[sx])
		c.Family.Remarriage[sx] = cloneByAge(a.Family.Remarriage[sx])
	}
	c.Salary.ByAge = slices.Clone(a.Salary.ByAge)
	c.Salary.ByService = slices.Clone(a.Salary.ByService)
	c.WageGrowth = slices.Clone(a.WageGrowth)
	c.Inflation = slices.Clone(a.Inflation)
	c.UnitGrowth = slices.Clone(a.UnitGrowth)
	c.Return = slices.Clone(a.Return)
	c.Entrants.Count = slices.Clone(a.Entrants.Count)
	c.Entrants.Growth = slices.Clone(a.Entrants.Growth)
	c.Entrants.Profile = slices.Clone(a.Entrants.Profile)
	return c
}
