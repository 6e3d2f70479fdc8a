package chart_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
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

// TestGainsMap draws the gains by sex, service band and cohort as a heat
// map with its labels in Spanish (its grid is checked by hand in
// TestGainsMapGrid), and checks that the bars add the bands of a cohort
// up.
func TestGainsMap(t *testing.T) {
	b09 := projection.Band{Kind: projection.ServiceBand, From: 0, To: 9}
	pay := projection.Band{Kind: projection.InPayment}
	g := &reform.Gains{Cohorts: []reform.CohortGain{
		{Sex: actuarial.Male, Band: b09, BornFrom: 1960, BornTo: 1964, BaseBenefits: 1e6, ReformBenefits: 850000},
		{Sex: actuarial.Male, Band: pay, BornFrom: 1960, BornTo: 1964, BaseBenefits: 1e6, ReformBenefits: 1e6},
		{Sex: actuarial.Female, Band: pay, BornFrom: 1990, BornTo: 1994, BaseBenefits: 5e5, ReformBenefits: 550000},
	}}
	p, err := chart.Options{Language: language.Spanish}.GainsMap(g)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, chart.Render(&buf, p, 480, 320, "svg"))
	for _, s := range []string{"hombres, 0–9 años", "hombres, en curso de pago", "mujeres, en curso de pago", "1960", "1990"} {
		assert.Contains(t, buf.String(), s)
	}
	bars, err := chart.Gains(g, reform.UnitsThousands)
	require.NoError(t, err)
	assert.InDelta(t, -150, bars.Y.Min, 1e-9, "the bands of the men born 1960 add up")

	_, err = chart.GainsMap(&reform.Gains{})
	assert.Error(t, err)
}
