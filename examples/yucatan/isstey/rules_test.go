package isstey

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

var emssa09Path = filepath.Join("..", "..", "..", "testdata", "mexico", "emssa09.csv")

// TestRulesEligibility checks who may retire, law by law, against the
// rows "full pension" and "reduced (proportional) pension" of FACTS.md.
func TestRulesEligibility(t *testing.T) {
	const (
		F = actuarial.Full
		R = actuarial.Reduced
		N = actuarial.NotEligible
		M = actuarial.Male
		W = actuarial.Female
	)
	r76, r22, r25 := Rules1976(2022), Rules2022(2023, GroupJunior), Rules2025(2026)
	for _, c := range []struct {
		law          string
		r            *scheme.Rules
		sex          actuarial.Sex
		age, service int
		want         actuarial.Entitlement
	}{
		{"1976: 30 years at any age", &r76, M, 48, 30, F},
		{"1976: 30 years, women alike", &r76, W, 48, 30, F},
		{"1976: 29 years before 55", &r76, M, 54, 29, N},
		{"1976: 55 with 15 years", &r76, W, 55, 15, R},
		{"1976: 55 with 14 years", &r76, W, 55, 14, N},
		{"2022: 35 years of contributions", &r22, M, 55, 35, F},
		{"2022: 30 years no longer enough", &r22, W, 52, 30, N},
		{"2022: 64 with 34 years", &r22, M, 64, 34, N},
		{"2022: 65 with 20 years", &r22, M, 65, 20, R},
		{"2022: 65 with 19 years", &r22, W, 65, 19, N},
		{"2025: men 30 years at any age", &r25, M, 50, 30, F},
		{"2025: men 28 years before 55", &r25, M, 50, 28, N},
		{"2025: women 28 years at any age", &r25, W, 47, 28, F},
		{"2025: 55 with 15 years", &r25, M, 55, 15, R},
		{"2025: 54 with 27 years", &r25, W, 54, 27, N},
	} {
		t.Run(c.law, func(t *testing.T) {
			assert.Equal(t, c.want, c.r.Eligibility.Status(c.sex, c.age, c.service))
		})
	}
}

// TestRulesPension checks the pension formulas: FACTS.md rows "reduced
// (proportional) pension" (50% at 15 years rising linearly, the stated
// assumption, to 100% at 30), "reference salary" and "cap" (8 × the
// minimum wage, MXN 24,643.20 a month in 2019, so a unit of 3,080.40).
func TestRulesPension(t *testing.T) {
	const tol = 1e-9 // exact arithmetic on fractions, rounding only
	const ref, unit = 120000.0, 12 * 3080.40
	r76, r22s, r22j, r25 := Rules1976(2022), Rules2022(2023, GroupSenior), Rules2022(2023, GroupJunior), Rules2025(2026)
	for _, c := range []struct {
		name    string
		f       actuarial.Formula
		service int
		ref     float64
		want    float64
	}{
		{"1976: 15 years, 50%", r76.Retirement, 15, ref, 0.5 * ref},
		{"1976: 20 years, 50% + 5/15 of 50%", r76.Retirement, 20, ref, (0.5 + 0.5*5/15) * ref},
		{"1976: 30 years, 100%", r76.Retirement, 30, ref, ref},
		{"1976: 14 years, nothing", r76.Retirement, 14, ref, 0},
		{"1976: the cap, 8 units", r76.Retirement, 30, 20 * unit, 8 * unit},
		{"1976: the 2019 cap is MXN 24,643.20 a month", r76.Retirement, 30, 1e9, 12 * 24643.20},
		{"1976: disability at 15 years", r76.Disability, 15, ref, 0.5 * ref},
		{"2022: 35 years, 85% (over 25 years in 2022)", r22s.Retirement, 35, ref, 0.85 * ref},
		{"2022: 35 years, 90% (up to 25 years in 2022)", r22j.Retirement, 35, ref, 0.90 * ref},
		{"2022: 20 years at 65, 50% of 85%", r22s.Retirement, 20, ref, 0.5 * 0.85 * ref},
		{"2025: 28 years, 100%", r25.Retirement, 28, ref, ref},
		{"2025: 15 years, 50%", r25.Retirement, 15, ref, 0.5 * ref},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.InDelta(t, c.want, c.f.Pension(c.service, c.ref, unit), tol*c.ref)
		})
	}
	assert.Equal(t, 2, r76.Retirement.ReferenceYears, "1976: average pay of the last 2 years")
	assert.Equal(t, 20, r22s.Retirement.ReferenceYears, "2022: average pay of the last 20 years")
	assert.Equal(t, 2, r25.Retirement.ReferenceYears, "2025: average pay of the last 2 years")
	assert.InDelta(t, 40.0/365, r76.ExtraPayments, tol, "a year-end bonus of 40 days of pension")
	assert.Equal(t, 0.5, r76.RefundShare, "refund of 50% of contributions")
	assert.Equal(t, scheme.IndexUnit, r76.Indexation, "indexation with the minimum wage")
	const capTol = 1e-9 // pesos: round-off of a product and a quotient of order 1e4
	assert.InDelta(t, 8*3080.40, MonthlyUnit2022*8/index2022, capTol, "the 2019 cap is 8 units")
}

// TestWorkerRates checks the worker's contribution rate by regime, group
// and year against FACTS.md, row "worker contribution", and the stated
// timing (the 2022 law from 2023, the ruling from 2025, the reform from
// 2026).
func TestWorkerRates(t *testing.T) {
	const tol = 1e-12
	for _, c := range []struct {
		regime Regime
		group  int
		year   int
		want   float64
	}{
		{Law1976, GroupSenior, 2022, 0.08},
		{Law1976, GroupNew, 2060, 0.08},
		{Law2022, GroupSenior, 2022, 0.08},
		{Law2022, GroupSenior, 2023, 0.09},
		{Law2022, GroupJunior, 2024, 0.10},
		{Law2022, GroupJunior, 2025, 0.11},
		{Law2022, GroupSenior, 2050, 0.11},
		{Law2022, GroupNew, 2023, 0.15},
		{Law2022, GroupNew, 2050, 0.15},
		{Reform2025, GroupJunior, 2024, 0.10},
		{Reform2025, GroupNew, 2025, 0.15},
		{Reform2025, GroupJunior, 2025, 0.11},
		{Reform2025, GroupNew, 2026, 0.11},
		{Reform2025, GroupSenior, 2030, 0.11},
		{Reform2025, GroupNew, 2031, 0.11},
	} {
		g := scheme.Group{Rules: Timeline(c.regime, c.group)}
		r := g.RulesAt(c.year)
		require.NotNil(t, r)
		assert.InDelta(t, c.want, r.ContributionRate[scheme.Worker].At(c.year), tol, "%v, group %d, %d", c.regime, c.group, c.year)
		assert.Equal(t, EmployerRate, r.ContributionRate[scheme.Employer].At(c.year), "%v, %d", c.regime, c.year)
	}
}

// TestTimelines checks which law's benefits are in force each year.
func TestTimelines(t *testing.T) {
	fullService := func(r *scheme.Rules) int { return r.Eligibility.Full[actuarial.Female.Index()][0].MinService }
	for _, c := range []struct {
		regime Regime
		year   int
		want   int // women's full-pension service
	}{
		{Law1976, 2040, 30},
		{Law2022, 2022, 30},
		{Law2022, 2023, 35},
		{Law2022, 2040, 35},
		{Reform2025, 2024, 35},
		{Reform2025, 2025, 30}, // the ruling restored the 1976 articles
		{Reform2025, 2026, 28},
	} {
		g := scheme.Group{Rules: Timeline(c.regime, GroupJunior)}
		assert.Equal(t, c.want, fullService(g.RulesAt(c.year)), "%v in %d", c.regime, c.year)
	}
	assert.Panics(t, func() { Timeline(Regime(9), 0) })
	assert.Panics(t, func() { Timeline(Law1976, NumGroups) })
}

// TestSurvivor2022Share recomputes the constant survivor's share of the
// 2022 law: the value at award of 100% for six years then 50%, over the
// value of 100% for life, ä_{65:6} + ½·₆E₆₅·ä₇₁ over ä₆₅, for a widow of 65
// on EMSSA-09 at the net rate (AMLCR §5.5 for the temporary and deferred
// annuities).
func TestSurvivor2022Share(t *testing.T) {
	const tol = 0.005 // the constant is rounded to two decimals
	_, women, err := ReadEMSSA09(emssa09Path)
	require.NoError(t, err)
	l := actuarial.Life{Table: women, Interest: (1+Return)/(1+UnitGrowth) - 1}
	got := (l.TemporaryAnnuityDue(65, 6) + 0.5*l.PureEndowment(65, 6)*l.AnnuityDue(71)) / l.AnnuityDue(65)
	assert.InDelta(t, Survivor2022Share, got, tol)
}

// TestSchemeGroups checks the groups of every regime on the census: the
// census actives split at 25 years of service on 1 January 2022, counted
// apart from the records.
func TestSchemeGroups(t *testing.T) {
	const tol = 1e-9 // counts of whole members
	c, err := committed()
	require.NoError(t, err)
	as := basis(t)
	junior := 0
	for _, a := range c.Actives {
		if a.Service <= 25 {
			junior++
		}
	}
	for _, r := range Regimes {
		s, err := Scheme(r, c, as)
		require.NoError(t, err, r)
		require.Len(t, s.Groups, NumGroups)
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		p.Detail = true
		res, err := p.Run(nil, 1)
		require.NoError(t, err)
		d := res.Cells
		var byGroup [NumGroups]float64
		for g := range NumGroups {
			for _, n := range d.ActiveCount[g*d.ActiveLen : (g+1)*d.ActiveLen] {
				byGroup[g] += n
			}
		}
		assert.InDelta(t, float64(len(c.Actives)-junior), byGroup[GroupSenior], tol, r)
		assert.InDelta(t, float64(junior), byGroup[GroupJunior], tol, r)
		assert.InDelta(t, 0, byGroup[GroupNew], tol, r)
	}
	_, err = Scheme(Law1976, &census.Census{Year: 2025}, as)
	assert.Error(t, err, "a census of another year")
}
