package htmlreport_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/htmlreport"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// riskYears is long enough for the table of exhaustion to have rows every
// ten years and the last: 2025, 2035, 2045.
const riskYears = 21

// riskInput is fullInput with the base and the reform projected over 40
// lognormal scenarios (common random numbers) and who gains under the
// reform.
func riskInput(tb testing.TB) *htmlreport.Input {
	tb.Helper()
	in := fullInput(tb)
	schemes := []*scheme.Scheme{
		reformtest.Scheme(tb, "base", 6e7, 0.14, 0, 0),
		reformtest.Scheme(tb, "reform", 6e7, 0.14, 2028, 0.20),
	}
	outs, err := stochastic.RunRegimes(context.Background(), schemes,
		stochastic.Lognormal{Mu: 0.04, Sigma: 0.15, Seed: 7}, stochastic.Config{Years: riskYears, Scenarios: 40, Workers: 1})
	require.NoError(tb, err)
	in.Stochastic = []htmlreport.StochasticRegime{{Name: "base", Outcomes: outs[0]}, {Name: "reform", Outcomes: outs[1]}}
	var res [2]*projection.Result
	for i, s := range schemes {
		p, err := projection.NewProjector(s)
		require.NoError(tb, err)
		p.Split = true
		res[i], err = p.Run(nil, riskYears)
		require.NoError(tb, err)
	}
	g, err := reform.WhoGains(res[0], res[1], 0, 0.1)
	require.NoError(tb, err)
	in.Gains = []htmlreport.ReformGains{{Reform: "reform", Gains: g}}
	return in
}

// TestWriteRiskSections checks that the uncertainty and gains sections
// follow the sensitivity when given (they are left out otherwise: see
// TestWriteSections), each chart with its caption and text alternative.
func TestWriteRiskSections(t *testing.T) {
	in := riskInput(t)
	for _, tag := range []language.Tag{language.Und, language.MustParse("es-MX")} {
		page := write(t, in, tag)
		var ids []string
		for _, m := range sectionRe.FindAllStringSubmatch(page, -1) {
			ids = append(ids, m[1])
		}
		assert.Equal(t, []string{"summary", "law", "data", "demography", "finance", "indicators", "reforms", "sensitivity", "uncertainty", "gains"}, ids, "%v", tag)
		figs := figureRe.FindAllStringSubmatch(page, -1)
		// The five of fullInput, two fans, exhaustion, gains.
		require.Len(t, figs, 9, "%v", tag)
		for _, f := range figs {
			assert.Regexp(t, `^\s*<svg role="img" aria-label="[^"]{20,}" viewBox=`, f[1])
			assert.Regexp(t, `<title>[^<]{20,}</title>`, f[1])
			assert.Regexp(t, `<figcaption>[^<]{10,}</figcaption>`, f[1])
		}
	}
	// An empty Stochastic or Gains is left out, not an empty section.
	in.Stochastic, in.Gains = nil, []htmlreport.ReformGains{}
	page := write(t, in, language.Und)
	assert.NotContains(t, page, `<section id="uncertainty">`)
	assert.NotContains(t, page, `<section id="gains">`)
}

// TestWriteExhaustionTable checks the table of exhaustion against the
// outcomes' own estimates (stochastic.Outcomes.Exhaustion: the share of
// scenarios exhausted by the year and its binomial standard error), in per
// cent rounded half to even, in the years 2025, 2035 and 2045.
func TestWriteExhaustionTable(t *testing.T) {
	in := riskInput(t)
	page := write(t, in, language.Und)
	ex := [2][]stochastic.Estimate{in.Stochastic[0].Outcomes.Exhaustion(nil), in.Stochastic[1].Outcomes.Exhaustion(nil)}
	pct := func(x float64) string {
		return decimal.NewFromFloat(x).Shift(2).RoundBank(reform.RateDecimals).StringFixed(reform.RateDecimals)
	}
	some := false
	for _, tt := range []int{0, 10, 20} {
		row := "<tr><td>" + strconv.Itoa(2025+tt) + "</td>"
		for i := range ex {
			row += `<td class="num">` + pct(ex[i][tt].Value) + `</td><td class="num">` + pct(ex[i][tt].StdErr) + `</td>`
			some = some || ex[i][tt].Value > 0
		}
		assert.Contains(t, page, row+"</tr>")
	}
	assert.True(t, some, "the fixture exhausts the reserve in some scenario")
	// Only these three years: the table of the section has three rows.
	sec := regexp.MustCompile(`(?s)<section id="uncertainty">.*?</section>`).FindString(page)
	assert.Equal(t, 3+1, strings.Count(sec, "<tr>"), "a header and three years")
}

// TestWriteRiskSpanish checks the Spanish headings of the two sections
// and of the charts drawn in English by package chart.
func TestWriteRiskSpanish(t *testing.T) {
	page := write(t, riskInput(t), language.MustParse("es-MX"))
	for _, s := range []string{"Incertidumbre", "Quién gana y quién pierde", "Probabilidad de agotar la reserva",
		"Reserva, base: percentiles sobre 40 escenarios", "cohorte de nacimiento", "base: probabilidad (%)", ">mediana<"} {
		assert.Contains(t, page, s)
	}
	for _, s := range []string{"Uncertainty", "Who gains", "Probability of exhausting", "percentiles over", ">median<"} {
		assert.NotContains(t, page, s)
	}
}

// TestWriteFanDeterministic checks that a regime named as one of the
// Outcomes, projected over as many years, has that projection's reserve
// drawn on its fan (package chart's "deterministic" line), and that a
// regime without one has none.
func TestWriteFanDeterministic(t *testing.T) {
	in := riskInput(t)
	in.Outcomes = reformtest.Outcomes(t, riskYears)
	in.Detail, in.PyramidYears, in.Attributions = nil, nil, nil
	in.Stochastic[1].Name = "not an outcome"
	page := write(t, in, language.Und)
	figs := figureRe.FindAllStringSubmatch(page, -1)
	var fans []string
	for _, f := range figs {
		if strings.Contains(f[1], "Spread of the reserve") {
			fans = append(fans, f[1])
		}
	}
	require.Len(t, fans, 2)
	assert.Contains(t, fans[0], "deterministic")
	assert.NotContains(t, fans[1], "deterministic")
}
