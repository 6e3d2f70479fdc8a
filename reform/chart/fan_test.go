package chart_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot/vg"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform/chart"
)

// A fan chart of the reserve of the reference scheme with its deterministic
// path, and the exhaustion chart of two regimes, render as PNG.
func TestFanAndExhaustion(t *testing.T) {
	const years = 30
	s := actuarialtest.ReferenceScheme(t, 65)
	g := stochastic.Lognormal{Mu: 0.04, Sigma: 0.12, Seed: 1}
	out, err := stochastic.Run(context.Background(), s, g, stochastic.Config{Years: years, Scenarios: 40})
	require.NoError(t, err)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)

	fan, err := chart.Fan(out, stochastic.Reserve, res.ReserveEnd(nil))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, chart.Render(&buf, fan, 6*vg.Inch, 4*vg.Inch, "png"))
	assert.Greater(t, buf.Len(), 1000)

	ex, err := chart.Exhaustion([]string{"base", "base again"}, []*stochastic.Outcomes{out, out})
	require.NoError(t, err)
	buf.Reset()
	require.NoError(t, chart.Render(&buf, ex, 6*vg.Inch, 4*vg.Inch, "png"))
	assert.Greater(t, buf.Len(), 1000)

	_, err = chart.Fan(out, stochastic.Reserve, make([]float64, 3))
	assert.Error(t, err, "a deterministic path of the wrong length")
}
