package htmlreport_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/htmlreport"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// fullInput is the report input of the fixtures with every section: law,
// assumptions, a reform with its attribution, the sensitivity.
func fullInput(tb testing.TB) *htmlreport.Input {
	tb.Helper()
	out := reformtest.Outcomes(tb, reformtest.Years)
	detail := reformtest.Project(tb, "base", reformtest.Scheme(tb, "base", 6e7, 0.14, 0, 0), reformtest.Years, true)
	return &htmlreport.Input{
		Scheme:   "Fixture scheme",
		Findings: []string{"The reserve of the base runs out <soon>."},
		Law: []htmlreport.Rule{
			{Name: "retirement", Provision: "65 with 10 years of service", Source: "Fixture law, art. 1"},
			{Name: "contributions", Provision: "7% worker, 7% employer"},
		},
		Assumptions: []htmlreport.Assumption{
			{Name: "mortality", Value: "SUSM (Makeham)", Basis: htmlreport.Published, Source: "AMLCR §4.3"},
			{Name: "wage growth", Value: "3%", Basis: htmlreport.Judgement},
			{Name: "entrants", Value: "replacement", Basis: htmlreport.Calibrated},
		},
		Outcomes:     out,
		Detail:       detail.Result,
		PyramidYears: []int{2025, 2036},
		Attributions: []*reform.Attribution{reformtest.Attribution(tb)},
		Sensitivity:  reformtest.Tornado(tb),
		Tables:       reform.ReportOptions{Step: 3, Units: reform.UnitsThousands},
	}
}

// write writes the report of in in language tag.
func write(tb testing.TB, in *htmlreport.Input, tag language.Tag) string {
	tb.Helper()
	var buf bytes.Buffer
	require.NoError(tb, htmlreport.Write(&buf, in, htmlreport.Options{Language: tag}))
	return buf.String()
}

var (
	sectionRe = regexp.MustCompile(`<section id="([a-z]+)">`)
	figureRe  = regexp.MustCompile(`(?s)<figure>(.*?)</figure>`)
	tdRe      = regexp.MustCompile(`<td( class="num")?>([^<]*)</td>`)
)

// TestWriteSections checks the sections and their order (an ILO
// actuarial valuation report's), and that a section without data is left
// out.
func TestWriteSections(t *testing.T) {
	in := fullInput(t)
	all := []string{"summary", "law", "data", "demography", "finance", "indicators", "reforms", "sensitivity"}
	for _, tag := range []language.Tag{language.Und, language.MustParse("es-MX")} {
		page := write(t, in, tag)
		var ids []string
		for _, m := range sectionRe.FindAllStringSubmatch(page, -1) {
			ids = append(ids, m[1])
		}
		assert.Equal(t, all, ids, "%v", tag)
	}

	bare := &htmlreport.Input{Outcomes: in.Outcomes[:1]}
	page := write(t, bare, language.Und)
	var ids []string
	for _, m := range sectionRe.FindAllStringSubmatch(page, -1) {
		ids = append(ids, m[1])
	}
	// No law, no assumptions (the data section keeps the census figures),
	// no reform, no sensitivity, no pyramid (no detail by cell).
	assert.Equal(t, []string{"summary", "data", "demography", "finance", "indicators"}, ids)
	assert.NotContains(t, page, "Assumptions and their basis")
	assert.Equal(t, 3, strings.Count(page, "<figure>"), "support ratio, reserve, cost rate")
	assert.NotContains(t, page, "<section id=\"reforms\">")
}

// TestWriteSelfContained checks that the page loads nothing: no script,
// no link, no external image or font, no URL but the SVG namespaces.
func TestWriteSelfContained(t *testing.T) {
	page := write(t, fullInput(t), language.Und)
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "@font-face"} {
		assert.NotContains(t, page, bad)
	}
	urls := regexp.MustCompile(`https?://[^"\s]+`).FindAllString(page, -1)
	for _, u := range urls {
		assert.Contains(t, []string{"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}, u)
	}
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"en\">"))
	assert.Contains(t, page, "@page { size: A4")
	// The actuary's text is escaped.
	assert.Contains(t, page, "runs out &lt;soon&gt;.")
}

// TestWriteFigures checks that every chart is inline SVG with a caption
// and a text alternative.
func TestWriteFigures(t *testing.T) {
	for _, tag := range []language.Tag{language.Und, language.Spanish} {
		page := write(t, fullInput(t), tag)
		figs := figureRe.FindAllStringSubmatch(page, -1)
		// Two pyramids, support ratio, reserve, cost rate.
		require.Len(t, figs, 5, "%v", tag)
		for _, f := range figs {
			body := f[1]
			assert.Regexp(t, `^\s*<svg role="img" aria-label="[^"]{20,}" viewBox="0 0 [0-9.]+ [0-9.]+"`, body)
			assert.Regexp(t, `<title>[^<]{20,}</title>`, body)
			assert.Regexp(t, `<figcaption>[^<]{10,}</figcaption>`, body)
			assert.Greater(t, strings.Count(body, "<path"), 10, "a drawn chart")
		}
	}
}

// TestWriteNumbers checks the tables' numbers against the report of
// package reform (grouped as golang.org/x/text groups them) and the
// outcomes: every number cell is aligned right, and the GAP of the key
// figures is the summary's, in per cent rounded half to even.
func TestWriteNumbers(t *testing.T) {
	in := fullInput(t)
	for _, tag := range []language.Tag{language.Und, language.MustParse("es-MX")} {
		page := write(t, in, tag)
		opt := in.Tables
		opt.Language, opt.Grouping = tag, true
		rep, err := reform.NewReport(in.Outcomes, opt)
		require.NoError(t, err)
		// The table by year appears row by row.
		for _, row := range rep.ByYear.Rows {
			var b strings.Builder
			for j, c := range row {
				if j >= rep.ByYear.Labels() {
					b.WriteString(`<td class="num">` + c + `</td>`)
				} else {
					b.WriteString(`<td>` + c + `</td>`)
				}
			}
			assert.Contains(t, page, "<tr>"+b.String()+"</tr>")
		}
		// Every cell that holds a number is aligned right.
		num := regexp.MustCompile(`^[+-]?[0-9]{1,3}(,[0-9]{3})*\.[0-9]+$|^[+-]?[0-9]{1,3}(,[0-9]{3})+$`) // amounts, rates, ratios; not the years that label rows
		for _, m := range tdRe.FindAllStringSubmatch(page, -1) {
			if num.MatchString(m[2]) {
				assert.Equal(t, ` class="num"`, m[1], "cell %q", m[2])
			}
		}
		for _, o := range in.Outcomes {
			gap := decimal.NewFromFloat(o.Summary.GAP).Shift(2).RoundBank(reform.RateDecimals).StringFixed(reform.RateDecimals)
			assert.Contains(t, page, "<tr><td>"+o.Name+"</td>", tag)
			assert.Regexp(t, "<tr><td>"+o.Name+`</td><td class="num">[^<]+</td><td class="num">`+regexp.QuoteMeta(gap)+"</td>", page)
		}
	}
}

// TestWriteSpanish checks that the Spanish page has no English word of
// the catalogue's headings and has its own.
func TestWriteSpanish(t *testing.T) {
	page := write(t, fullInput(t), language.MustParse("es-MX"))
	assert.Contains(t, page, `<html lang="es-MX">`)
	for _, s := range []string{"Resumen de resultados", "El régimen y su marco legal", "Datos y supuestos", "Proyección demográfica",
		"Proyección financiera", "Indicadores", "Reformas frente al escenario base", "Sensibilidad", "juicio actuarial", "publicado", "calibrado"} {
		assert.Contains(t, page, s)
	}
	for _, s := range []string{"Summary of findings", "Financial projection", "Reserve at the end", "money units", ">year<"} {
		assert.NotContains(t, page, s)
	}
}

// TestWriteErrors checks that bad input is an error naming the field, and
// writes nothing.
func TestWriteErrors(t *testing.T) {
	good := fullInput(t)
	for _, c := range []struct {
		name string
		edit func(in *htmlreport.Input)
		opt  htmlreport.Options
		want string
	}{
		{"no outcomes", func(in *htmlreport.Input) { in.Outcomes = nil }, htmlreport.Options{}, "no outcomes"},
		{"no basis", func(in *htmlreport.Input) {
			in.Assumptions = []htmlreport.Assumption{{Name: "mortality", Value: "SUSM"}}
		}, htmlreport.Options{}, `Assumptions[0] ("mortality"): Basis 0`},
		{"empty provision", func(in *htmlreport.Input) { in.Law = []htmlreport.Rule{{Name: "age"}} }, htmlreport.Options{}, `Law[0] ("age"): empty Provision`},
		{"unknown reform", func(in *htmlreport.Input) { in.Attributions[0] = &reform.Attribution{Reform: "other"} }, htmlreport.Options{}, `reform "other"`},
		{"stochastic without name", func(in *htmlreport.Input) {
			in.Stochastic = []htmlreport.StochasticRegime{{Outcomes: &stochastic.Outcomes{}}}
		}, htmlreport.Options{}, "Stochastic[0]: empty Name"},
		{"stochastic without outcomes", func(in *htmlreport.Input) {
			in.Stochastic = []htmlreport.StochasticRegime{{Name: "base"}}
		}, htmlreport.Options{}, `Stochastic[0] ("base"): no outcomes`},
		{"gains without cohorts", func(in *htmlreport.Input) {
			in.Gains = []htmlreport.ReformGains{{Reform: "reform", Gains: &reform.Gains{}}}
		}, htmlreport.Options{}, `Gains[0] ("reform"): no cohort`},
		{"language", func(*htmlreport.Input) {}, htmlreport.Options{Language: language.French}, "language fr"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := *good
			in.Attributions = append([]*reform.Attribution(nil), good.Attributions...)
			c.edit(&in)
			var buf bytes.Buffer
			err := htmlreport.Write(&buf, &in, c.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.Zero(t, buf.Len())
		})
	}
}

// TestWriteEscapes checks that a scenario's name is escaped in the tables
// and in the charts' SVG (gonum/plot escapes the text it draws).
func TestWriteEscapes(t *testing.T) {
	in := &htmlreport.Input{Outcomes: reformtest.Outcomes(t, reformtest.Years)}
	in.Outcomes[1].Name = `a<b & "c"`
	page := write(t, in, language.Und)
	assert.NotContains(t, page, `a<b`)
	assert.Contains(t, page, `a&lt;b &amp;`)
}
