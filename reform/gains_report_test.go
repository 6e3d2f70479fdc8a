package reform_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
)

// handGains is two cohorts whose changes are worked by hand: men born
// 1960–1964 lose 150,000 of 1,000,000 (−15.0%) and pay 20,000 less; women
// born 1990–1994 gain 50,000 on 500,000 (+10.0%). With a 10% threshold
// the 300 men of 500 members lose: 60.0%.
func handGains() *reform.Gains {
	return &reform.Gains{
		Cohorts: []reform.CohortGain{
			{Sex: actuarial.Male, BornFrom: 1960, BornTo: 1964, Members: 300,
				BaseBenefits: 1e6, ReformBenefits: 850000, BaseContributions: 2e5, ReformContributions: 180000},
			{Sex: actuarial.Female, BornFrom: 1990, BornTo: 1994, Members: 200,
				BaseBenefits: 5e5, ReformBenefits: 550000, BaseContributions: 3e5, ReformContributions: 3e5},
		},
		LossThreshold: 0.1, LosingShare: 0.6,
	}
}

func TestGainsMarkdown(t *testing.T) {
	g := handGains()
	var buf bytes.Buffer
	require.NoError(t, g.WriteMarkdown(&buf, reform.UnitsThousands, language.Und))
	md := buf.String()
	assert.Contains(t, md, "### Who gains, who loses")
	assert.Contains(t, md, "| men | 1960–1964 | 300 | -150.0 | -20.0 | 1,000.0 | -15.0 |")
	assert.Contains(t, md, "| women | 1990–1994 | 200 | 50.0 | 0.0 | 500.0 | 10.0 |")
	assert.Contains(t, md, "Members losing more than 10.0% of their benefits' value: 60.0%")

	buf.Reset()
	require.NoError(t, g.WriteMarkdown(&buf, reform.UnitsOne, language.Spanish))
	md = buf.String()
	assert.Contains(t, md, "### Quién gana, quién pierde")
	assert.Contains(t, md, "| hombres | 1960–1964 | 300 | -150,000 | -20,000 | 1,000,000 | -15.0 |")
	assert.Contains(t, md, "Miembros que pierden más del 10.0% del valor de sus prestaciones: 60.0%")

	tb, err := g.Table(reform.UnitsOne, language.Spanish)
	require.NoError(t, err)
	buf.Reset()
	require.NoError(t, tb.WriteCSV(&buf))
	assert.Contains(t, buf.String(), "hombres,1960–1964,300,-150000,-20000,1000000,-15.0", "CSV writes plain numbers")

	_, err = g.Table(reform.UnitsOne, language.French)
	assert.ErrorIs(t, err, reform.ErrReportOptions)
}

// TestGainsBandsReport checks the reports of gains by service band: a
// band column after the birth years in the table (Markdown, CSV) and the
// text report, in English and Spanish, on handGains given bands.
func TestGainsBandsReport(t *testing.T) {
	g := handGains()
	g.Cohorts[0].Band = projection.Band{Kind: projection.ServiceBand, From: 30, To: -1}
	g.Cohorts[1].Band = projection.Band{Kind: projection.FutureEntrants}
	var buf bytes.Buffer
	require.NoError(t, g.WriteMarkdown(&buf, reform.UnitsThousands, language.Und))
	md := buf.String()
	assert.Contains(t, md, "by sex, service band and birth cohort")
	assert.Contains(t, md, "| men | 1960–1964 | 30+ years | 300 | -150.0 | -20.0 | 1,000.0 | -15.0 |")
	assert.Contains(t, md, "| women | 1990–1994 | future entrants | 200 | 50.0 | 0.0 | 500.0 | 10.0 |")

	buf.Reset()
	require.NoError(t, g.WriteMarkdown(&buf, reform.UnitsOne, language.Spanish))
	md = buf.String()
	assert.Contains(t, md, "banda de antigüedad")
	assert.Contains(t, md, "| hombres | 1960–1964 | 30+ años | 300 |")
	assert.Contains(t, md, "| mujeres | 1990–1994 | nuevos ingresos | 200 |")

	tb, err := g.Table(reform.UnitsOne, language.Und)
	require.NoError(t, err)
	buf.Reset()
	require.NoError(t, tb.WriteCSV(&buf))
	assert.Contains(t, buf.String(), "men,1960–1964,30+ years,300,-150000,-20000,1000000,-15.0")

	buf.Reset()
	require.NoError(t, g.WriteText(&buf))
	assert.Contains(t, buf.String(), "Band")
	assert.Contains(t, buf.String(), "future entrants")
	buf.Reset()
	require.NoError(t, g.WriteCSV(&buf))
	assert.Contains(t, buf.String(), "male,1960,1964,30+,300,")

	assert.Equal(t, "10–19 years", reform.BandLabel(projection.Band{Kind: projection.ServiceBand, From: 10, To: 19}, language.Und))
	assert.Equal(t, "en curso de pago", reform.BandLabel(projection.Band{Kind: projection.InPayment}, language.Spanish))
	assert.Equal(t, "todos", reform.BandLabel(projection.Band{}, language.Spanish))
}
