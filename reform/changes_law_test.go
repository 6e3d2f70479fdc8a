package reform_test

import (
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

// TestAccrualTableScalesPerSexTables: a Share alone scales each sex's own
// accrual table too (the rules by sex override the common one, so scaling
// only the common table would change nothing), and a new table replaces
// both: the flagship's pension-scale lever found the first did nothing.
func TestAccrualTableScalesPerSexTables(t *testing.T) {
	const tol = 1e-15 // one multiplication
	base := actuarialtest.ReferenceScheme(t, 0)
	women := actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 13, Max: 1}.Accrual()
	base.Groups[0].Rules[0].BySex[actuarial.Female.Index()].Accrual = women
	s, err := reform.Reform{Name: "half", Changes: []reform.Change{reform.AccrualTable{Year: 2025, Share: 0.5}}}.Apply(base)
	require.NoError(t, err)
	got := s.Groups[0].Rules[0].BySex[actuarial.Female.Index()].Accrual
	require.Len(t, got.Rates, len(women.Rates))
	for i := range women.Rates {
		assert.InDelta(t, 0.5*women.Rates[i], got.Rates[i], tol, "women's rate at %d years", women.MinService+i)
	}
	assert.Empty(t, s.Groups[0].Rules[0].BySex[actuarial.Male.Index()].Accrual.Rates, "men keep the common table")

	table := actuarial.LinearAccrual{MinService: 20, AtMin: 0.4, PerYear: 0.02, Max: 0.8}.Accrual()
	s, err = reform.Reform{Name: "new", Changes: []reform.Change{reform.AccrualTable{Year: 2025, Accrual: table}}}.Apply(base)
	require.NoError(t, err)
	assert.Empty(t, s.Groups[0].Rules[0].BySex[actuarial.Female.Index()].Accrual.Rates, "a new table is both sexes' scale")
	assert.Equal(t, table.Rates, s.Groups[0].Rules[0].Retirement.Accrual.Rates)
}

// TestWorkRiskBenefits: the typed change sets the work-risk benefits from
// its year on, exactly as rules written with them do: the projection of
// the reformed scheme equals (tolerance 0) that of a scheme whose rules
// hold the benefits from the start, both on service tables in which the
// work risks act; without work-risk rates the change affects nobody
// (ErrNoEffect); and a bad share is refused.
func TestWorkRiskBenefits(t *testing.T) {
	flat := actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}}
	b := scheme.WorkRisks{Disability: flat, Death: flat, SurvivorShare: 1, OrphanShare: 0.2}
	change := reform.WorkRiskBenefits{Year: 2025, Benefits: b}
	assert.Equal(t, "disability at work 100% of salary, survivors of a death at work 100% of salary from 2025", change.String())

	base := actuarialtest.ReferenceScheme(t, 0)
	var rates [actuarial.NumDecrements][]float64
	for j, q := range map[actuarial.Decrement]float64{actuarial.Disability: 0.002, actuarial.Withdrawal: 0.05,
		actuarial.WorkDeath: 0.0005, actuarial.WorkDisability: 0.002} {
		rates[j] = make([]float64, 70-15+1) // ages 15..70
		for i := range rates[j] {
			rates[j][i] = q
		}
	}
	st, err := actuarial.NewServiceTable(15, 0, rates, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(t, err)
	base.Assumptions.Decrements = [actuarial.NumSexes]*actuarial.ServiceTable{st, st}

	got, err := reform.Reform{Name: "work", Changes: []reform.Change{change}}.Apply(base)
	require.NoError(t, err)
	want := actuarialtest.ReferenceScheme(t, 0)
	want.Assumptions.Decrements = base.Assumptions.Decrements
	want.Groups[0].Rules[0].WorkRisks = b
	run := func(s *scheme.Scheme) *projection.Result {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, 30)
		require.NoError(t, err)
		return res
	}
	rg, rw := run(got), run(want)
	assert.Equal(t, rw.Years, rg.Years)
	assert.Positive(t, rg.Years[3].Pensions[census.PensionWorkSurvivor.Index()])
	assert.Positive(t, rg.Years[3].Pensions[census.PensionWorkDisability.Index()])

	plain := actuarialtest.ReferenceScheme(t, 0)
	_, err = reform.Reform{Name: "work", Changes: []reform.Change{change}}.Apply(plain)
	assert.ErrorIs(t, err, reform.ErrNoEffect, "no work-risk rates: nobody affected")

	bad := change
	bad.Benefits.SurvivorShare = 1.5
	_, err = reform.Reform{Name: "bad", Changes: []reform.Change{bad}}.Apply(base)
	assert.ErrorIs(t, err, reform.ErrInvalid)
}
