package chart_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
)

// TestGains draws two cohorts of two sexes and checks the range of the
// bars against the changes given (in thousands) and the legend in Spanish.
func TestGains(t *testing.T) {
	g := &reform.Gains{Cohorts: []reform.CohortGain{
		{Sex: actuarial.Male, BornFrom: 1960, BornTo: 1964, BaseBenefits: 1e6, ReformBenefits: 850000, BaseContributions: 2e5, ReformContributions: 180000},
		{Sex: actuarial.Female, BornFrom: 1960, BornTo: 1964, BaseBenefits: 8e5, ReformBenefits: 8e5},
		{Sex: actuarial.Female, BornFrom: 1990, BornTo: 1994, BaseBenefits: 5e5, ReformBenefits: 550000, BaseContributions: 3e5, ReformContributions: 310000},
	}}
	p, err := chart.Options{Language: language.Spanish}.Gains(g, reform.UnitsThousands)
	require.NoError(t, err)
	// By hand, in thousands: the lowest bar is the men of 1960's benefits,
	// −150; the highest the women of 1990's, +50.
	assert.InDelta(t, -150, p.Y.Min, 1e-9)
	assert.InDelta(t, 50, p.Y.Max, 1e-9)
	var buf bytes.Buffer
	require.NoError(t, chart.Render(&buf, p, 480, 320, "svg"))
	assert.Contains(t, buf.String(), "prestaciones, hombres")

	_, err = chart.Gains(&reform.Gains{}, reform.UnitsOne)
	assert.Error(t, err)
	g.Cohorts[0].ReformBenefits = math.NaN()
	_, err = chart.Gains(g, reform.UnitsOne)
	assert.Error(t, err)
}
