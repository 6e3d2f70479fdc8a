package mortality_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

// sult is AMLCR's Standard Ultimate Life Table: Makeham A = 0.00022,
// B = 2.7e-6, C = 1.124, radix 100,000 at age 20 (Dickson, Hardy & Waters,
// Actuarial Mathematics for Life Contingent Risks, 2nd ed., Appendix D).
func sult(t testing.TB) *mortality.LifeTable {
	t.Helper()
	tbl, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	require.NoError(t, err)
	return tbl
}

// TestSULTSurvivors checks l_x against the printed SULT (AMLCR Appendix D),
// which prints l_x to two decimals.
func TestSULTSurvivors(t *testing.T) {
	const atol = 0.01 // the table prints l_x to the cent of a life
	tbl := sult(t)
	for _, c := range []struct {
		age int
		l   float64
	}{
		{20, 100000.00},
		{45, 99033.94},
		{65, 94579.73},
		{82, 70507.19}, // also MortalityTables.jl's check of the SULT
		{100, 6248.17},
	} {
		assert.InDelta(t, c.l, 100000*tbl.L(c.age)/tbl.L(20), atol, "l_%d", c.age)
	}
}
