package chart_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/vg"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
)

// A frontier with a gap renders as PNG and SVG, its axes named after the
// levers; one with no point solved, or a point that is not finite, is an
// error.
func TestFrontier(t *testing.T) {
	f := &reform.Frontier{
		Target: "no depletion through 2060", Lever: "the employer contribution rate from 2027",
		Grid: "the years added to the service requirements from 2027", Lo: 0.1, Hi: 0.6, LeverImproves: true,
		Points: []reform.FrontierPoint{
			{Grid: 0, Solution: &reform.Solution{Value: 0.42}},
			{Grid: 3, Solution: &reform.Solution{Value: 0.405}},
			{Grid: 4, NoSolution: &reform.NoSolutionError{}},
			{Grid: 6, Solution: &reform.Solution{Value: 0.386}},
		},
	}
	p, err := chart.Frontier(f)
	require.NoError(t, err)
	assert.Equal(t, f.Grid, p.X.Label.Text)
	assert.Equal(t, f.Lever, p.Y.Label.Text)
	assert.LessOrEqual(t, p.Y.Max, 0.6+1e-12, "shaded up to the end of the range")
	assert.GreaterOrEqual(t, p.Y.Max, 0.6-1e-12)
	for _, format := range []string{"png", "svg"} {
		var buf bytes.Buffer
		require.NoError(t, chart.Render(&buf, p, 6*vg.Inch, 4*vg.Inch, format))
		assert.Greater(t, buf.Len(), 1000, format)
	}

	_, err = chart.Frontier(&reform.Frontier{Points: []reform.FrontierPoint{{Grid: 0}}})
	assert.Error(t, err, "no point solved")
	_, err = chart.Frontier(&reform.Frontier{Points: []reform.FrontierPoint{{Grid: 0, Solution: &reform.Solution{Value: math.NaN()}}}})
	assert.Error(t, err, "a NaN point")
}
