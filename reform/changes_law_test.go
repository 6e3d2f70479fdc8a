package reform_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
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
