package chart_test

import (
	"bytes"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// regen regenerates the golden files in testdata instead of comparing
// with them: go test ./reform/chart -run Golden -regen, then review the diff.
// gonum/plot's cmpimg package, which these tests use to compare images
// the way gonum/plot tests its own, registers the -regen flag itself
// (cmpimg.GenerateTestData); registering it again here would panic, so
// the flag is read from there.
var regen = cmpimg.GenerateTestData

// Golden charts are small, 4 × 3 inches.
const goldenW, goldenH = 4 * vg.Inch, 3 * vg.Inch

// pngDelta is the normalised colour difference (cmpimg.EqualApprox: 0 a
// perfect match, 1 anything) that a pixel of a PNG may show against its
// golden file: room for the anti-aliasing of another floating-point unit
// (gonum/plot keeps per-architecture golden files for the same reason),
// far below a change of colour (black to orange is about 0.6).
const pngDelta = 0.1

// repCharts draws the four charts of the fixtures in English.
func repCharts(tb testing.TB) map[string]*plot.Plot {
	tb.Helper()
	return repChartsIn(tb, chart.Options{})
}

// repChartsIn draws the four charts of the fixtures with options o.
func repChartsIn(tb testing.TB, o chart.Options) map[string]*plot.Plot {
	tb.Helper()
	out := reformtest.Outcomes(tb, reformtest.Years)
	detailed := reformtest.Project(tb, "base", reformtest.Scheme(tb, "base", 6e7, 0.14, 0, 0), reformtest.Years, true)
	charts := map[string]*plot.Plot{}
	var err error
	charts["reserve_paths"], err = o.ReservePaths(out, reform.UnitsMillions)
	require.NoError(tb, err)
	charts["cost_rate"], err = o.CostRate(out)
	require.NoError(tb, err)
	charts["support_ratio"], err = o.SupportRatio(out)
	require.NoError(tb, err)
	charts["pyramid"], err = o.Pyramid(detailed.Result, 2030)
	require.NoError(tb, err)
	return charts
}

// render draws p in format at the golden size.
func render(tb testing.TB, p *plot.Plot, format string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	require.NoError(tb, chart.Render(&buf, p, goldenW, goldenH, format))
	return buf.Bytes()
}

// checkGolden compares got, a chart in format "png" or "svg", with the
// golden file testdata/name_golden.format: SVG byte for byte, PNG with
// cmpimg.EqualApprox within pngDelta. A mismatch keeps got in a temporary
// file to look at.
func checkGolden(t *testing.T, name, format string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+"_golden."+format)
	if *regen {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	ok, err := cmpimg.EqualApprox(format, got, want, pngDelta)
	require.NoError(t, err)
	if !ok {
		f, err := os.CreateTemp("", name+"_got_*."+format)
		require.NoError(t, err)
		_, err = f.Write(got)
		require.NoError(t, err)
		require.NoError(t, f.Close())
		t.Errorf("%s differs from %s: got %s", name, path, f.Name())
	}
}

// TestChartGolden compares the charts of the fixtures with their golden
// PNG and SVG files, as gonum/plot tests its plotters (cmpimg).
func TestChartGolden(t *testing.T) {
	for name, p := range repCharts(t) {
		for _, format := range []string{"png", "svg"} {
			t.Run(name+"."+format, func(t *testing.T) {
				checkGolden(t, name, format, render(t, p, format))
			})
		}
	}
}

// TestChartGoldenSpanish compares the charts of the fixtures in Spanish
// (es-MX) with their golden SVG files: the same drawing as in English,
// with the titles, axes and legends of the Spanish catalogue.
func TestChartGoldenSpanish(t *testing.T) {
	for name, p := range repChartsIn(t, chart.Options{Language: language.MustParse("es-MX")}) {
		t.Run(name, func(t *testing.T) {
			got := render(t, p, "svg")
			checkGolden(t, name+"_es", "svg", got)
			assert.NotContains(t, string(got), ">year<")
		})
	}
	_, err := chart.Options{Language: language.German}.CostRate(reformtest.Outcomes(t, reformtest.Years))
	assert.ErrorIs(t, err, reform.ErrReportOptions)
}

// TestChartGoldenDetects checks that the golden comparison fails for a
// chart that differs: the reform's line recoloured, in both formats.
func TestChartGoldenDetects(t *testing.T) {
	if *regen {
		t.Skip("regenerating")
	}
	p, err := chart.ReservePaths(reformtest.Outcomes(t, reformtest.Years), reform.UnitsMillions)
	require.NoError(t, err)
	p.Add(mustLine(t, plotter.XYs{{X: 2025, Y: 0}, {X: 2036, Y: 80}}, color.RGBA{R: 255, A: 255}))
	for _, format := range []string{"png", "svg"} {
		want, err := os.ReadFile(filepath.Join("testdata", "reserve_paths_golden."+format))
		require.NoError(t, err)
		ok, err := cmpimg.EqualApprox(format, render(t, p, format), want, pngDelta)
		require.NoError(t, err)
		assert.False(t, ok, format)
	}
}

func mustLine(tb testing.TB, xys plotter.XYs, c color.Color) *plotter.Line {
	tb.Helper()
	l, err := plotter.NewLine(xys)
	require.NoError(tb, err)
	l.Color = c
	return l
}

// TestChartDeterministic checks that the same chart gives the same bytes:
// no timestamp, no map order.
func TestChartDeterministic(t *testing.T) {
	a, b := repCharts(t), repCharts(t)
	for name := range a {
		for _, format := range []string{"png", "svg"} {
			assert.Equal(t, render(t, a[name], format), render(t, b[name], format), name+"."+format)
		}
	}
}

// TestPopulationAt checks that the population by age and sex adds up to
// the projection's totals: the detail by cell conserves the lives of each
// year (actuarial's projection, CellDetail).
func TestPopulationAt(t *testing.T) {
	o := reformtest.Project(t, "base", reformtest.Scheme(t, "base", 6e7, 0.14, 0, 0), reformtest.Years, true)
	const relTol = 1e-12 // the same numbers summed in another order
	for _, y := range o.Result.Years {
		pop, err := reform.PopulationAt(o.Result, y.Year)
		require.NoError(t, err)
		assert.Equal(t, y.Year, pop.Year)
		var act, pen float64
		for sx := range actuarial.NumSexes {
			for age := range census.MaxCensusAge + 1 {
				act += pop.Actives[sx][age]
				pen += pop.Pensioners[sx][age]
			}
		}
		assert.InDelta(t, y.Actives, act, relTol*y.Actives, "actives %d", y.Year)
		assert.InDelta(t, y.TotalPensioners(), pen, relTol*y.TotalPensioners(), "pensioners %d", y.Year)
	}
	// The census of the start year, as reformtest.Scheme builds it: 120 − age men
	// and 0.8 as many women at each age 25–64; 1.6·(100 − age) old-age
	// pensioners (0.8 as many women) at 65–95, and 10 survivors' pensions
	// to men, 12 to women, at 60, 65, ..., 90.
	pop, err := reform.PopulationAt(o.Result, reformtest.StartYear)
	require.NoError(t, err)
	const exact = 1e-9
	assert.InDelta(t, 120-40.0, pop.Actives[0][40], exact)
	assert.InDelta(t, 0.8*(120-40.0), pop.Actives[1][40], exact)
	assert.InDelta(t, 1.6*(100-70.0)+10, pop.Pensioners[0][70], exact)
	assert.InDelta(t, 0.8*1.6*(100-70.0)+12, pop.Pensioners[1][70], exact)
	assert.Zero(t, pop.Actives[0][24])
	assert.Zero(t, pop.Actives[0][65])
}

// TestChartErrors checks the errors of the charts.
func TestChartErrors(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	short := reformtest.Project(t, "short", reformtest.Scheme(t, "short", 6e7, 0.14, 0, 0), reformtest.Years-1, false)
	nan := reformtest.Clone(out[1])
	nan.Result.Years[2].ContributionBase = math.Inf(1)

	charts := map[string]func([]reform.Outcome) (*plot.Plot, error){
		"ReservePaths": func(o []reform.Outcome) (*plot.Plot, error) { return chart.ReservePaths(o, reform.UnitsOne) },
		"CostRate":     chart.CostRate,
		"SupportRatio": chart.SupportRatio,
	}
	for name, chart := range charts {
		t.Run(name, func(t *testing.T) {
			_, err := chart(nil)
			assert.ErrorIs(t, err, reform.ErrNoOutcomes)
			_, err = chart([]reform.Outcome{out[0], short})
			assert.ErrorIs(t, err, reform.ErrOutcomesDiffer)
			noSum := out[1]
			noSum.Summary = nil
			_, err = chart([]reform.Outcome{out[0], noSum})
			assert.NoError(t, err, "charts need no summary")
		})
	}
	_, err := chart.CostRate([]reform.Outcome{out[0], nan})
	assert.ErrorIs(t, err, actuarial.ErrNotFinite)
	_, err = chart.ReservePaths(out, reform.Units(9))
	assert.ErrorIs(t, err, reform.ErrReportOptions)

	// Pyramid: a projection without its detail by cell, a year outside it.
	_, err = chart.Pyramid(out[0].Result, 2030)
	assert.ErrorIs(t, err, reform.ErrNoCellDetail)
	assert.Contains(t, err.Error(), "Detail")
	detailed := reformtest.Project(t, "base", reformtest.Scheme(t, "base", 6e7, 0.14, 0, 0), 3, true)
	for _, y := range []int{2024, 2028} {
		_, err = chart.Pyramid(detailed.Result, y)
		assert.ErrorIs(t, err, reform.ErrYearOutside, "%d", y)
	}
	p, err := chart.Pyramid(detailed.Result, 2027)
	require.NoError(t, err)
	assert.Equal(t, -p.X.Max, p.X.Min, "a symmetric scale")
}

// TestSave checks that Save writes what Render draws, by extension, and
// refuses other formats without creating a file.
func TestSave(t *testing.T) {
	p, err := chart.SupportRatio(reformtest.Outcomes(t, 4))
	require.NoError(t, err)
	dir := t.TempDir()
	for _, c := range []struct{ file, format string }{{"a.png", "png"}, {"b.SVG", "svg"}} {
		path := filepath.Join(dir, c.file)
		require.NoError(t, chart.Save(p, goldenW, goldenH, path))
		got, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.Equal(t, render(t, p, c.format), got, c.file)
	}
	path := filepath.Join(dir, "c.pdf")
	assert.ErrorIs(t, chart.Save(p, goldenW, goldenH, path), reform.ErrChartFormat)
	assert.NoFileExists(t, path)
	assert.ErrorIs(t, chart.Render(new(bytes.Buffer), p, goldenW, goldenH, "eps"), reform.ErrChartFormat)
}

// numberLabel matches the text of an SVG label that is a number, grouped
// a number grouped by thousands with commas (CLDR's English and es-MX)
// with its decimals after a point, and calendarYear a year of the x axis
// (not grouped, as years are written).
var (
	numberLabel  = regexp.MustCompile(`>(-?[0-9][0-9,.]*)</text>`)
	grouped      = regexp.MustCompile(`^-?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$`)
	calendarYear = regexp.MustCompile(`^(19|20|21)[0-9]{2}$`)
)

// TestChartThousands checks that the axes of money and counts group
// thousands, in English and in es-MX: the reserve in thousands (±75,000,
// the ±75 millions of the golden chart) and the changes of who gains in
// pesos (down to −150,000: TestGains's cohorts), every number label
// grouped and none in exponent form.
func TestChartThousands(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	g := &reform.Gains{Cohorts: []reform.CohortGain{
		{Sex: actuarial.Male, BornFrom: 1960, BornTo: 1964, BaseBenefits: 1e6, ReformBenefits: 850000},
		{Sex: actuarial.Female, BornFrom: 1990, BornTo: 1994, BaseBenefits: 5e5, ReformBenefits: 550000},
	}}
	for _, tag := range []language.Tag{language.Und, language.MustParse("es-MX")} {
		o := chart.Options{Language: tag}
		reserve, err := o.ReservePaths(out, reform.UnitsThousands)
		require.NoError(t, err)
		gains, err := o.Gains(g, reform.UnitsOne)
		require.NoError(t, err)
		for name, c := range map[string]struct {
			p    *plot.Plot
			want []string
		}{
			"reserve": {reserve, []string{"-75,000", "75,000"}},
			"gains":   {gains, []string{"-150,000", "50,000"}},
		} {
			svg := string(render(t, c.p, "svg"))
			var labels []string
			for _, m := range numberLabel.FindAllStringSubmatch(svg, -1) {
				if calendarYear.MatchString(m[1]) {
					continue
				}
				labels = append(labels, m[1])
				assert.Regexp(t, grouped, m[1], "%v %s", tag, name)
			}
			for _, w := range c.want {
				assert.Contains(t, labels, w, "%v %s", tag, name)
			}
			assert.NotContains(t, svg, "e+0", "%v %s: a label in exponent form", tag, name)
		}
	}
}
