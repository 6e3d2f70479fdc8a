package reform_test

import (
	"errors"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// everyKind is a reform with a change of every kind, some of them for a
// cohort, so that applying it copies and edits every part of a scheme.
func everyKind() reform.Reform {
	return reform.Reform{Name: "every kind", Changes: []reform.Change{
		reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.15, Step: 0.005},
		reform.RetirementConditions{Year: 2028, AddAge: 3, AddService: 2, Every: 2, Compulsory: true},
		reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 26}, Accrual: actuarial.LinearAccrual{MinService: 20, AtMin: 0.4, PerYear: 0.02, Max: 0.9}.Accrual(), Share: 0.9},
		reform.ReferencePeriod{Year: 2027, Who: reform.Who{ServiceBelow: 26}, Years: 10},
		reform.PensionCap{Year: 2030, Cap: actuarial.Limit{Units: 8}},
		reform.PensionFloor{Year: 2030, Who: reform.Who{NewEntrants: true}, Floor: actuarial.Limit{Units: 1.5}},
		reform.Indexation{Year: 2026, Rule: scheme.IndexFixed, Rate: actuarial.Constant(0.02)},
		reform.SurvivorShare{Year: 2026, Share: 0.6},
		reform.ContributionCeiling{Year: 2029, Ceiling: actuarial.Limit{Units: 20}},
		reform.RulesEdit{Year: 2031, Label: "orphans 25%", Edit: func(r *scheme.Rules, _ int) error {
			r.OrphanShare = 0.25
			return nil
		}},
	}}
}

// TestApplyDoesNotMutate checks that applying a reform leaves the caller's
// scheme deeply equal to a fresh build of it, and that the reformed scheme
// shares no slice with it: overwriting every number reachable in the
// result changes nothing in the base.
func TestApplyDoesNotMutate(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	want := actuarialtest.ReferenceScheme(t, 0)
	got, err := everyKind().Apply(base)
	require.NoError(t, err)
	require.Equal(t, want, base, "Apply changed its input")

	// Scribble over the result.
	for gi := range got.Groups {
		g := &got.Groups[gi]
		if g.Actives != nil {
			fill(g.Actives.Count, -1)
			fill(g.Actives.Salary, -1)
		}
		if g.Pensioners != nil {
			fill(g.Pensioners.Count, -1)
			fill(g.Pensioners.Pension, -1)
		}
		for ri := range g.Rules {
			r := &g.Rules[ri]
			for p := range r.ContributionRate {
				scribble(r.ContributionRate[p])
			}
			for sx := range actuarial.NumSexes {
				for i := range r.Eligibility.Full[sx] {
					r.Eligibility.Full[sx][i].MinAge = -1
				}
				for i := range r.Eligibility.Reduced[sx] {
					r.Eligibility.Reduced[sx][i].MinAge = -1
				}
			}
			fill(r.Retirement.Accrual.Rates, -1)
			fill(r.Disability.Accrual.Rates, -1)
			scribble(r.IndexRate)
		}
	}
	a := &got.Assumptions
	for sx := range actuarial.NumSexes {
		fill(a.Retirement[sx].Full.Values, -1)
		fill(a.Retirement[sx].Reduced.Values, -1)
		fill(a.Family.Married[sx].Values, -1)
		fill(a.Family.Orphans[sx].Values, -1)
		fill(a.Family.OrphanAge[sx].Values, -1)
	}
	fill(a.Salary.ByAge, -1)
	for _, s := range []actuarial.Schedule{a.WageGrowth, a.Inflation, a.UnitGrowth, a.Return, a.Entrants.Growth, got.Transfers, got.AdminCosts.ShareOfBenefits} {
		scribble(s)
	}
	for i := range a.Entrants.Profile {
		a.Entrants.Profile[i].Weight = -1
	}
	require.Equal(t, want, base, "the reformed scheme shares memory with its base")
}

func fill(v []float64, x float64) {
	for i := range v {
		v[i] = x
	}
}

func scribble(s actuarial.Schedule) {
	for i := range s {
		s[i].Value = -1
	}
}

// TestContributionPhaseIn checks "+0.5 points a year from 2027 until 15%"
// on the employer's rate of 10%: 10.5% in 2027, 11% in 2028, ..., 15% from
// 2036. Without a ceiling every payer's contributions are its rate times
// the salary bill (the projection's contribution base), so the projected
// contributions over the salary bill are the rates themselves — an
// identity of the projection's definition of contributions.
func TestContributionPhaseIn(t *testing.T) {
	const tol = 1e-12 // rounding of the phase-in's repeated additions and of one division
	base := actuarialtest.ReferenceScheme(t, 0)
	base.Groups[0].Rules[0].Ceiling = actuarial.Limit{}
	r := reform.Reform{Name: "employer +0.5 a year", Changes: []reform.Change{
		reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.15, Step: 0.005},
	}}
	s, err := r.Apply(base)
	require.NoError(t, err)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, 15)
	require.NoError(t, err)
	for _, y := range res.Years {
		want := 0.10
		if y.Year >= 2027 {
			want = min(0.10+0.005*float64(y.Year-2026), 0.15)
		}
		assert.InDelta(t, want, y.Contributions[scheme.Employer]/y.SalaryBill, tol, "employer rate in %d", y.Year)
		assert.InDelta(t, 0.06, y.Contributions[scheme.Worker]/y.SalaryBill, tol, "worker rate in %d", y.Year)
	}
}

// TestApplyStrict checks that each way a change can be wrong or without
// effect is an error naming the change, wrapping the right sentinel.
func TestApplyStrict(t *testing.T) {
	closed := func(s *scheme.Scheme) { s.Assumptions.Entrants = scheme.Entrants{} }
	noSpouses := func(s *scheme.Scheme) { s.Assumptions.Family.Married = [actuarial.NumSexes]actuarial.ByAge{} }
	twoGroups := func(s *scheme.Scheme) {
		g := s.Groups[0]
		g.Name, g.Actives, g.Pensioners = "other", nil, nil
		g.Rules = []scheme.Rules{g.Rules[0]}
		g.Rules[0].ContributionRate[scheme.Worker] = actuarial.Constant(0.08)
		s.Groups = append(s.Groups, g)
	}
	tests := []struct {
		name   string
		setup  func(*scheme.Scheme)
		change reform.Change
		group  string // the group the error names, if any
		want   error
	}{
		{"unknown group", nil, reform.SurvivorShare{Year: 2027, Groups: []string{"judges"}, Share: 0.6}, "judges", reform.ErrUnknownGroup},
		{"before start", nil, reform.SurvivorShare{Year: 2024, Share: 0.6}, "", reform.ErrBeforeStart},
		{"rate in force", nil, reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 0.06}, "", reform.ErrNoEffect},
		{"rate in force, phased", nil, reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 0.06, Step: 0.01}, "", reform.ErrNoEffect},
		{"payer's rate in force in a named group", twoGroups, reform.ContributionRate{Year: 2027, Groups: []string{"all", "other"}, Payer: scheme.Worker, Rate: 0.08}, "other", reform.ErrNoEffect},
		{"share in force", nil, reform.SurvivorShare{Year: 2027, Share: 0.5}, "", reform.ErrNoEffect},
		{"no spouses", noSpouses, reform.SurvivorShare{Year: 2027, Share: 0.6}, "", reform.ErrNoEffect},
		{"cap in force", nil, reform.PensionCap{Year: 2027, Cap: actuarial.Limit{Units: 10}}, "", reform.ErrNoEffect},
		{"guarantee in force", nil, reform.PensionGuarantee{Year: 2027}, "", reform.ErrNoEffect},
		{"no balancing in force", nil, reform.AutomaticBalancing{Year: 2027}, "", reform.ErrNoEffect},
		{"no sustainability factor in force", nil, reform.SustainabilityFactor{Year: 2027}, "", reform.ErrNoEffect},
		{"sustainability without a base", nil, reform.SustainabilityFactor{Year: 2027, Factor: scheme.Sustainability{Age: 65}}, "", reform.ErrInvalid},
		{"balancing cut above 1", nil, reform.AutomaticBalancing{Year: 2027, Balancing: scheme.Balancing{IndexationBelow: 2, IndexationCut: 2}}, "", reform.ErrInvalid},
		{"unknown limit timing", nil, reform.PensionGuarantee{Year: 2027, Limits: 7}, "", reform.ErrInvalid},
		{"reference period in force", nil, reform.ReferencePeriod{Year: 2027, Years: 5}, "", reform.ErrNoEffect},
		{"indexation in force", nil, reform.Indexation{Year: 2027, Rule: scheme.IndexPrices}, "", reform.ErrNoEffect},
		{"accrual in force", nil, reform.AccrualTable{Year: 2027, Share: 1}, "", reform.ErrNoEffect},
		{"no age or service", nil, reform.RetirementConditions{Year: 2027}, "", reform.ErrNoEffect},
		{"rules edit that edits nothing", nil, reform.RulesEdit{Year: 2027, Label: "nothing", Edit: func(*scheme.Rules, int) error { return nil }}, "", reform.ErrNoEffect},
		{"new entrants of a closed group", closed, reform.SurvivorShare{Year: 2027, Who: reform.Who{NewEntrants: true}, Share: 0.6}, "", reform.ErrNoEffect},
		// The census has service 0..46 and ages 20..64: two years on, nobody
		// has less than 2 years or is under 22.
		{"service below selects nobody", closed, reform.SurvivorShare{Year: 2027, Who: reform.Who{ServiceBelow: 2}, Share: 0.6}, "", reform.ErrNoEffect},
		{"age below selects nobody", closed, reform.SurvivorShare{Year: 2027, Who: reform.Who{AgeBelow: 22}, Share: 0.6}, "", reform.ErrNoEffect},
		{"named group selects nobody", closed, reform.SurvivorShare{Year: 2027, Groups: []string{"all"}, Who: reform.Who{AgeBelow: 22}, Share: 0.6}, "all", reform.ErrNoEffect},
		{"rate above 1", nil, reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 1.5}, "", reform.ErrInvalid},
		{"negative step", nil, reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 0.1, Step: -0.01}, "", reform.ErrInvalid},
		{"entrants and service", nil, reform.SurvivorShare{Year: 2027, Who: reform.Who{NewEntrants: true, ServiceBelow: 5}, Share: 0.6}, "", reform.ErrInvalid},
		{"empty group list", nil, reform.SurvivorShare{Year: 2027, Groups: []string{}, Share: 0.6}, "", reform.ErrInvalid},
		{"age below 1", nil, reform.RetirementConditions{Year: 2027, AddAge: -70}, "all", reform.ErrInvalid},
		{"service by cohort below 1", nil, reform.RetirementConditions{Year: 2027, AddService: -20, Cohort: 1970}, "all", reform.ErrInvalid},
		{"sex of a law by sex", nil, reform.RetirementBySex{Year: 2027, ReferenceYears: 3}, "", reform.ErrInvalid},
		{"survivor steps out of order", nil, reform.SurvivorSteps{Year: 2027, Steps: []scheme.ShareStep{{Years: 6, Share: 0.5}, {Years: 3, Share: 0.4}}}, "", reform.ErrInvalid},
		{"orphans' end age above the ages", nil, reform.OrphanEndAge{Year: 2027, Age: 200}, "", reform.ErrInvalid},
		{"orphans' end age unchanged", nil, reform.OrphanEndAge{Year: 2027, Age: 18}, "", reform.ErrNoEffect},
		{"remarriage without remarriages", nil, reform.RemarriageRule{Year: 2027, Keep: true}, "", reform.ErrNoEffect},
		{"fixed rate without fixed rule", nil, reform.Indexation{Year: 2027, Rule: scheme.IndexWages, Rate: actuarial.Constant(0.01)}, "", reform.ErrInvalid},
		{"nil edit", nil, reform.RulesEdit{Year: 2027, Label: "nil"}, "", reform.ErrInvalid},
		{"share above 1", nil, reform.SurvivorShare{Year: 2027, Share: 1.2}, "", reform.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := actuarialtest.ReferenceScheme(t, 0)
			if tc.setup != nil {
				tc.setup(s)
			}
			// A valid first change, so the error must name the second.
			r := reform.Reform{Name: "r", Changes: []reform.Change{
				reform.ContributionRate{Year: 2026, Payer: scheme.State, Rate: 0.02},
				tc.change,
			}}
			_, err := r.Apply(s)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var ce *reform.ChangeError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, 1, ce.Index, "the error names the change")
			assert.Equal(t, "r", ce.Reform)
			assert.Equal(t, tc.group, ce.Group)
			assert.Contains(t, err.Error(), tc.change.String())
		})
	}

	t.Run("empty reform", func(t *testing.T) {
		_, err := reform.Reform{Name: "nothing"}.Apply(actuarialtest.ReferenceScheme(t, 0))
		assert.ErrorIs(t, err, reform.ErrNoEffect)
	})
	t.Run("invalid base scheme", func(t *testing.T) {
		s := actuarialtest.ReferenceScheme(t, 0)
		s.Groups[0].Rules = nil
		_, err := everyKind().Apply(s)
		var se *scheme.SchemeError
		assert.ErrorAs(t, err, &se)
	})
}

// TestApplySplits checks the member groups transition rules make: the
// group, its rules, the Transition and the entrants' redirection; changes
// with the same rule share a group, changes for everyone reach the groups
// split off, and a later rule splits them in turn.
func TestApplySplits(t *testing.T) {
	newAccrual := actuarial.LinearAccrual{MinService: 20, AtMin: 0.4, PerYear: 0.02, Max: 0.9}.Accrual()
	r := reform.Reform{Name: "two generations", Changes: []reform.Change{
		reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 10}, Accrual: newAccrual},
		reform.ReferencePeriod{Year: 2027, Who: reform.Who{ServiceBelow: 10}, Years: 10},
		reform.ContributionRate{Year: 2028, Payer: scheme.Worker, Rate: 0.08},
		reform.PensionFloor{Year: 2030, Who: reform.Who{NewEntrants: true}, Floor: actuarial.Limit{}},
	}}
	s, err := r.Apply(actuarialtest.ReferenceScheme(t, 0))
	require.NoError(t, err)
	require.Len(t, s.Groups, 3)
	assert.Equal(t, "all", s.Groups[0].Name)
	assert.Equal(t, "all (service < 10 in 2027)", s.Groups[1].Name)
	assert.Equal(t, "all (service < 10 in 2027) (entrants from 2030)", s.Groups[2].Name)
	assert.Equal(t, []scheme.Transition{{Year: 2027, From: 0, To: 1, ServiceBelow: 10}}, s.Transitions)
	assert.Equal(t, []scheme.GroupFrom{{From: 2027, Group: 1}, {From: 2030, Group: 2}}, s.EntrantGroups)

	old := actuarialtest.Rules(2025)
	for _, y := range []int{2025, 2027, 2040} {
		g0 := s.Groups[0].RulesAt(y)
		assert.Equal(t, old.Retirement.Accrual, g0.Retirement.Accrual, "group 0 keeps the old accrual in %d", y)
		assert.Equal(t, 5, g0.Retirement.ReferenceYears)
	}
	for _, g := range s.Groups[1:] {
		r := g.RulesAt(2027)
		assert.Equal(t, newAccrual, r.Retirement.Accrual, "%s", g.Name)
		assert.Equal(t, 10, r.Retirement.ReferenceYears, "%s", g.Name)
		assert.Equal(t, old.Retirement.Floor, r.Retirement.Floor, "%s before 2030", g.Name)
	}
	assert.Equal(t, actuarial.Limit{}, s.Groups[2].RulesAt(2030).Retirement.Floor)
	assert.Equal(t, old.Retirement.Floor, s.Groups[1].RulesAt(2030).Retirement.Floor)
	for _, g := range s.Groups {
		assert.Equal(t, 0.06, g.RulesAt(2027).ContributionRate[scheme.Worker].At(2027), "%s", g.Name)
		assert.Equal(t, 0.08, g.RulesAt(2028).ContributionRate[scheme.Worker].At(2028), "%s", g.Name)
	}
	// Group 2 exists before 2030 with the rules of group 1 but no members.
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	_, err = p.Run(nil, 10)
	require.NoError(t, err)
}

// TestSplitEveryone checks the transition machinery against an identity:
// a contribution change for "members with less than 1000 years of service"
// selects every active member, so the split scheme — all actives moved on
// 1 January 2027 to a group with the new rate, pensions left behind under
// unchanged rules — projects exactly as the change for everyone does, up
// to the order of summation. The identity needs limits applied on award
// only: floors in payment apply to a cell's average pension, so pensions
// split over two groups' cells are topped up differently (the cell
// approximation of package projection's "Timing").
func TestSplitEveryone(t *testing.T) {
	const relTol = 1e-12 // sums over groups in another order
	change := func(w reform.Who) reform.Reform {
		return reform.Reform{Name: "r", Changes: []reform.Change{
			reform.ContributionRate{Year: 2027, Who: w, Payer: scheme.Employer, Rate: 0.14, Step: 0.01},
			reform.RetirementConditions{Year: 2027, Who: w, AddAge: 2, Every: 3, Compulsory: true},
		}}
	}
	run := func(r reform.Reform) *projection.Result {
		base := actuarialtest.ReferenceScheme(t, 0)
		for i := range base.Groups[0].Rules {
			base.Groups[0].Rules[i].Limits = scheme.LimitsAtAward
		}
		s, err := r.Apply(base)
		require.NoError(t, err)
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, 40)
		require.NoError(t, err)
		return res
	}
	all, split := run(change(reform.Who{})), run(change(reform.Who{ServiceBelow: 1000}))
	require.Len(t, split.Groups, 2)
	for i := range all.Years {
		a, b := all.Years[i], split.Years[i]
		assert.InEpsilon(t, a.TotalContributions(), b.TotalContributions(), relTol, "contributions %d", a.Year)
		assert.InEpsilon(t, a.Benefits(), b.Benefits(), relTol, "benefits %d", a.Year)
		assert.InEpsilon(t, a.ReserveEnd, b.ReserveEnd, relTol, "reserve %d", a.Year)
	}
}

// TestRetirementPhaseIn checks a calendar phase-in: five years added to
// every age requirement, a year every two years from 2027 (60 and 65 become
// 61 in 2027, 62 in 2029, ..., 65 and 70 from 2035), service requirements
// likewise by two years, and FullAge and CompulsoryAge with them.
func TestRetirementPhaseIn(t *testing.T) {
	r := reform.Reform{Name: "later retirement", Changes: []reform.Change{
		reform.RetirementConditions{Year: 2027, AddAge: 5, AddService: 2, Every: 2, Compulsory: true},
	}}
	s, err := r.Apply(actuarialtest.ReferenceScheme(t, 0))
	require.NoError(t, err)
	g := &s.Groups[0]
	for y := 2025; y <= 2040; y++ {
		shift, svc := 0, 0
		if y >= 2027 {
			shift = min(5, (y-2027)/2+1)
			svc = min(2, (y-2027)/2+1)
		}
		r := g.RulesAt(y)
		for sx := range actuarial.NumSexes {
			full := r.Eligibility.Full[sx]
			assert.Equal(t, actuarial.Conditions{{MinAge: 60 + shift, MinService: 30 + svc}, {MinAge: 65 + shift, MinService: 15 + svc}}, full, "full conditions in %d", y)
			assert.Equal(t, actuarial.Conditions{{MinAge: 55 + shift, MinService: 15 + svc}}, r.Eligibility.Reduced[sx], "reduced conditions in %d", y)
			assert.Equal(t, 65+shift, r.Eligibility.FullAge[sx])
			assert.Equal(t, 65+shift, r.CompulsoryAge[sx])
		}
	}
}

// TestRetirementByCohort checks a cohort phase-in against its definition:
// the members born from 1965 must be a year older to retire, those born
// from 1967 two years, up to three from 1969. A member aged x on 1 January
// of year y is of the cohort y − x − 1; he meets an age requirement A in
// the rules of year y exactly when x ≥ A + shift(y − x − 1).
func TestRetirementByCohort(t *testing.T) {
	c := reform.RetirementConditions{Year: 2025, AddAge: 3, Every: 2, Cohort: 1965, Sex: actuarial.Female}
	shift := func(b int) int {
		if b < 1965 {
			return 0
		}
		return min(3, (b-1965)/2+1)
	}
	s, err := reform.Reform{Name: "cohorts", Changes: []reform.Change{c}}.Apply(actuarialtest.ReferenceScheme(t, 0))
	require.NoError(t, err)
	g := &s.Groups[0]
	f, m := actuarial.Female.Index(), actuarial.Male.Index()
	for y := 2025; y <= 2060; y++ {
		r := g.RulesAt(y)
		assert.Equal(t, 60, r.Eligibility.Full[m][0].MinAge, "men are not concerned")
		for i, a := range []int{60, 65} {
			got := r.Eligibility.Full[f][i].MinAge
			for x := 40; x <= 80; x++ {
				assert.Equal(t, x >= a+shift(y-x-1), x >= got, "age %d in %d, requirement %d", x, y, a)
			}
		}
	}
}

// TestServiceByCohort checks a service requirement phased in by birth
// cohort against its definition: two more years for those born from 1970,
// a year every 3 cohorts (1970–1972 one year, from 1973 two). A member
// born in b with service s meets the requirement S in the reformed rules
// exactly when s ≥ S + shift(b), at every age and year.
func TestServiceByCohort(t *testing.T) {
	c := reform.RetirementConditions{Year: 2026, AddService: 2, Every: 3, Cohort: 1970}
	shift := func(b int) int {
		if b < 1970 {
			return 0
		}
		return min(2, (b-1970)/3+1)
	}
	base := actuarialtest.ReferenceScheme(t, 0)
	s, err := reform.Reform{Name: "service by cohort", Changes: []reform.Change{c}}.Apply(base)
	require.NoError(t, err)
	require.NoError(t, s.Validate())
	r := s.Groups[0].RulesAt(2030)
	old := base.Groups[0].RulesAt(2030)
	for sx := range actuarial.NumSexes {
		sex := actuarial.SexAt(sx)
		for y := 2026; y <= 2070; y += 11 {
			for age := 50; age <= 70; age++ {
				b := actuarial.CohortOf(y, age)
				for sv := 10; sv <= 35; sv++ {
					// The base rules with the cohort's service requirement.
					want := old.Eligibility.Full[sx].Met(age, sv-shift(b))
					assert.Equal(t, want, r.Eligibility.Full[sx].MetBy(b, age, sv), "%v born %d, age %d, service %d", sex, b, age, sv)
				}
			}
		}
	}
	assert.Equal(t, "retirement service +2, a year every 3 cohorts from the cohort of 1970, from 2026", c.String())
}

// TestLawChanges checks the typed changes of the rules by sex and of
// survivors: each sets its field from Year on, and only there.
func TestLawChanges(t *testing.T) {
	women := actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 13, Max: 1}.Accrual()
	steps := []scheme.ShareStep{{Years: 6, Share: 0.5}}
	s, err := reform.Reform{Name: "ISSTEY", Changes: []reform.Change{
		reform.RetirementBySex{Year: 2027, Sex: actuarial.Female, Accrual: women, ReferenceYears: 3},
		reform.SurvivorSteps{Year: 2028, Share: 1, Steps: steps},
		reform.OrphanEndAge{Year: 2029, Age: 25},
		reform.RemarriageRule{Year: 2030, Keep: true},
	}}.Apply(remarrying(t))
	require.NoError(t, err)
	require.NoError(t, s.Validate())
	g := &s.Groups[0]
	f := actuarial.Female.Index()
	assert.Equal(t, scheme.SexRules{}, g.RulesAt(2026).BySex[f])
	assert.Equal(t, women, g.RulesAt(2027).BySex[f].Accrual)
	assert.Equal(t, 3, g.RulesAt(2030).RetirementYears(f))
	assert.Equal(t, 5, g.RulesAt(2030).RetirementYears(actuarial.Male.Index()))
	assert.Nil(t, g.RulesAt(2027).SurvivorSteps)
	assert.Equal(t, steps, g.RulesAt(2028).SurvivorSteps)
	assert.Equal(t, 0.5, g.RulesAt(2040).SurvivorShareAt(6))
	assert.Equal(t, 1.0, g.RulesAt(2040).SurvivorShareAt(5))
	assert.Zero(t, g.RulesAt(2028).OrphanEndAge)
	assert.Equal(t, 25, g.RulesAt(2029).OrphanEndAge)
	assert.False(t, g.RulesAt(2029).KeepOnRemarriage)
	assert.True(t, g.RulesAt(2030).KeepOnRemarriage)
}

// remarrying is the reference scheme with remarriage rates.
func remarrying(t *testing.T) *scheme.Scheme {
	s := actuarialtest.ReferenceScheme(t, 0)
	s.Assumptions.Family.Remarriage[actuarial.Female.Index()] = actuarial.ByAge{MinAge: 20, Values: []float64{0.05, 0}}
	return s
}

// TestApplyErrorsAreStable checks that an error leaves no half-applied
// state behind: the same reform applied twice gives the same error.
func TestApplyErrorsAreStable(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 0)
	r := reform.Reform{Name: "r", Changes: []reform.Change{
		reform.SurvivorShare{Year: 2027, Share: 0.6},
		reform.SurvivorShare{Year: 2028, Share: 0.6},
	}}
	_, err1 := r.Apply(s)
	_, err2 := r.Apply(s)
	require.Error(t, err1)
	assert.Equal(t, err1.Error(), err2.Error())
	assert.True(t, errors.Is(err1, reform.ErrNoEffect))
}

// TestGrandfatheredShare checks how a share of the new formula is
// expressed: "those with up to 25 years of service get 90% of the new
// table" scales the accrual rates, so — with no cap or floor to bind — the
// retirement pensions that group is awarded are exactly 90% of those the
// full new table gives, year after year (the pensions of 1 January 2030
// are the awards of 2027–2029, indexed alike).
func TestGrandfatheredShare(t *testing.T) {
	const relTol = 1e-12 // sums of products of the same factors
	newTable := actuarial.LinearAccrual{MinService: 20, AtMin: 0.4, PerYear: 0.02, Max: 0.9}.Accrual()
	pensions := func(share float64) float64 {
		base := actuarialtest.ReferenceScheme(t, 0)
		base.Groups[0].Rules[0].Retirement.Cap = actuarial.Limit{}
		base.Groups[0].Rules[0].Retirement.Floor = actuarial.Limit{}
		s, err := reform.Reform{Name: "r", Changes: []reform.Change{
			reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 26}, Accrual: newTable, Share: share},
		}}.Apply(base)
		require.NoError(t, err)
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		p.Detail = true
		res, err := p.Run(nil, 6)
		require.NoError(t, err)
		d := res.Cells
		var sum float64
		for _, typ := range []census.PensionType{census.PensionOldAge, census.PensionEarly} {
			for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
				for age := range census.MaxCensusAge + 1 {
					sum += d.PensionerAmount[d.Pensioner(5, 1, typ, sex, age)]
				}
			}
		}
		return sum
	}
	full, partial := pensions(1), pensions(0.9)
	require.Greater(t, full, 0.0)
	assert.InEpsilon(t, 0.9, partial/full, relTol)
}

// TestPensionGuaranteeApplies: the change sets the timing and payer in
// the rules from its year on, and a state-paid minimum moves the top-up
// from the fund's spending to a transfer: the pensions paid are the same
// and the transfers grow by the top-up (the identity of
// YearResult.MinimumTopUp).
func TestPensionGuaranteeApplies(t *testing.T) {
	const tol = 1e-12
	s := actuarialtest.ReferenceScheme(t, 65)
	r := reform.Reform{Name: "state minimum", Changes: []reform.Change{
		reform.PensionGuarantee{Year: 2030, PaidBy: scheme.MinimumByState},
	}}
	got, err := r.Apply(s)
	require.NoError(t, err)
	rs := got.Groups[0].Rules
	require.Equal(t, 2030, rs[len(rs)-1].From)
	assert.Equal(t, scheme.MinimumByState, rs[len(rs)-1].MinimumPaidBy)
	assert.Equal(t, scheme.MinimumByScheme, rs[0].MinimumPaidBy)
	run := func(s *scheme.Scheme) *projection.Result {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, 20)
		require.NoError(t, err)
		return res
	}
	base, reformed := run(s), run(got)
	var top float64
	for k, y := range reformed.Years {
		b := base.Years[k]
		assert.InEpsilon(t, b.Benefits(), y.Benefits(), tol)
		want := b.Transfers
		if y.Year >= 2030 {
			want += y.MinimumTopUp
			top += y.MinimumTopUp
		}
		assert.InDelta(t, want, y.Transfers, tol*want)
	}
	assert.Positive(t, top, "the reference scheme's unit outgrows prices: floors bind in payment")
}

// TestApplyDoesNotMutateLawRules: the slices of the rules by sex, the
// survivor steps and the remarriage rates are deep-copied too.
func TestApplyDoesNotMutateLawRules(t *testing.T) {
	build := func() *scheme.Scheme {
		s := actuarialtest.ReferenceScheme(t, 0)
		r := &s.Groups[0].Rules[0]
		r.BySex[1].Accrual = actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.05, Max: 1}.Accrual()
		r.SurvivorSteps = []scheme.ShareStep{{Years: 6, Share: 0.4}}
		s.Assumptions.Family.Remarriage[1] = actuarial.ByAge{MinAge: 20, Values: []float64{0.05, 0}}
		return s
	}
	base, want := build(), build()
	got, err := reform.Reform{Name: "law", Changes: []reform.Change{
		reform.OrphanEndAge{Year: 2027, Age: 21},
	}}.Apply(base)
	require.NoError(t, err)
	for gi := range got.Groups {
		for ri := range got.Groups[gi].Rules {
			r := &got.Groups[gi].Rules[ri]
			fill(r.BySex[1].Accrual.Rates, -1)
			for i := range r.SurvivorSteps {
				r.SurvivorSteps[i].Share = -1
			}
		}
	}
	fill(got.Assumptions.Family.Remarriage[1].Values, -1)
	require.Equal(t, want, base, "the reformed scheme shares memory with its base")
}

// TestPensionLimitsBySex: a cap or floor with a Sex sets that sex's own
// (scheme.SexRules), leaving the common one and the other sex's alone; one
// without a Sex sets the common limit and clears the sexes' own, so that it
// is the limit of both; a sex's own limit cannot be none.
func TestPensionLimitsBySex(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	common := base.Groups[0].Rules[0].Retirement.Floor
	women := reform.Reform{Name: "women's floor", Changes: []reform.Change{
		reform.PensionFloor{Year: 2025, Floor: actuarial.Limit{Units: 1.2}, Sex: actuarial.Female},
		reform.PensionCap{Year: 2025, Cap: actuarial.Limit{Units: 7}, Sex: actuarial.Male},
	}}
	s, err := women.Apply(base)
	require.NoError(t, err)
	r := s.Groups[0].RulesAt(2025)
	assert.Equal(t, common, r.Retirement.Floor, "the common floor stays")
	_, floor := r.RetirementLimits(actuarial.Female.Index())
	assert.Equal(t, actuarial.Limit{Units: 1.2}, floor)
	_, floor = r.RetirementLimits(actuarial.Male.Index())
	assert.Equal(t, common, floor, "men keep the common floor")
	capM, _ := r.RetirementLimits(actuarial.Male.Index())
	capF, _ := r.RetirementLimits(actuarial.Female.Index())
	assert.Equal(t, actuarial.Limit{Units: 7}, capM)
	assert.Equal(t, r.Retirement.Cap, capF)

	both := reform.Reform{Name: "one floor", Changes: []reform.Change{reform.PensionFloor{Year: 2025, Floor: actuarial.Limit{Units: 2}}}}
	s2, err := both.Apply(s)
	require.NoError(t, err)
	r2 := s2.Groups[0].RulesAt(2025)
	for sx := range actuarial.NumSexes {
		_, f := r2.RetirementLimits(sx)
		assert.Equal(t, actuarial.Limit{Units: 2}, f, "sex %d", sx)
	}
	capM, _ = r2.RetirementLimits(actuarial.Male.Index())
	assert.Equal(t, actuarial.Limit{Units: 7}, capM, "a floor leaves the caps")

	none := reform.Reform{Name: "none", Changes: []reform.Change{reform.PensionFloor{Year: 2025, Sex: actuarial.Female}}}
	_, err = none.Apply(base)
	assert.ErrorIs(t, err, reform.ErrInvalid)
}
