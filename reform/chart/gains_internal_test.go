package chart

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
)

// TestGainsMapGrid checks the heat map's grid by hand: a row per sex and
// band (the men's 0–9 years and in payment, the women's in payment), a
// column per cohort (1960, 1990), each cell the change in benefits in per
// cent (−15% for the men of 0–9 years born 1960, 0 for the men in payment,
// +10% for the women in payment born 1990), blank (NaN) where no cohort
// is, and the scale's bound the largest change, 15.
func TestGainsMapGrid(t *testing.T) {
	b09 := projection.Band{Kind: projection.ServiceBand, From: 0, To: 9}
	pay := projection.Band{Kind: projection.InPayment}
	g := &reform.Gains{Cohorts: []reform.CohortGain{
		{Sex: actuarial.Male, Band: b09, BornFrom: 1960, BornTo: 1964, BaseBenefits: 1e6, ReformBenefits: 850000},
		{Sex: actuarial.Male, Band: pay, BornFrom: 1960, BornTo: 1964, BaseBenefits: 1e6, ReformBenefits: 1e6},
		{Sex: actuarial.Female, Band: pay, BornFrom: 1990, BornTo: 1994, BaseBenefits: 5e5, ReformBenefits: 550000},
	}}
	grid, rows, born, top, err := gainsMapGrid(g)
	require.NoError(t, err)
	assert.Equal(t, []int{1960, 1990}, born)
	assert.Equal(t, []gainsRow{{0, b09}, {0, pay}, {1, pay}}, rows)
	assert.Equal(t, 15.0, top)
	c, r := grid.Dims()
	require.Equal(t, [2]int{2, 3}, [2]int{c, r})
	assert.InDelta(t, -15, grid.Z(0, 0), 1e-12)
	assert.Zero(t, grid.Z(0, 1))
	assert.InDelta(t, 10, grid.Z(1, 2), 1e-12)
	assert.True(t, math.IsNaN(grid.Z(1, 0)), "no men of 0–9 years born 1990")

	g.Cohorts[0].ReformBenefits = math.Inf(1)
	_, _, _, _, err = gainsMapGrid(g)
	assert.Error(t, err)
}
