package chart

import (
	"strconv"
	"testing"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"github.com/stretchr/testify/assert"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// TestYearTicks checks that the year axis labels whole years only, at a
// step leaving at most 7 labels, with minor ticks between.
func TestYearTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		labels []string
		minor  int
	}{
		{2025, 2029, []string{"2025", "2026", "2027", "2028", "2029"}, 0},
		{2025, 2036, []string{"2026", "2028", "2030", "2032", "2034", "2036"}, 6},
		{2024.5, 2030.5, []string{"2025", "2026", "2027", "2028", "2029", "2030"}, 0},
		{2025, 2124, []string{"2040", "2060", "2080", "2100", "2120"}, 15},
		{2025.2, 2025.8, nil, 0},
	} {
		t.Run(strconv.FormatFloat(c.lo, 'f', -1, 64)+"–"+strconv.FormatFloat(c.hi, 'f', -1, 64), func(t *testing.T) {
			var labels []string
			minor := 0
			for _, tk := range (yearTicks{}).Ticks(c.lo, c.hi) {
				if tk.IsMinor() {
					minor++
				} else {
					labels = append(labels, tk.Label)
				}
				assert.Equal(t, float64(int(tk.Value)), tk.Value, "a whole year")
			}
			assert.Equal(t, c.labels, labels)
			assert.Equal(t, c.minor, minor)
		})
	}
}

// TestNumberTicks checks the labels of the value axes against the CLDR
// number symbols of English and of es-MX as golang.org/x/text has them
// (both group thousands with a comma and mark decimals with a point): money
// and counts grouped by thousands, no exponent, no trailing zeros, the
// positions gonum/plot's default ticks choose.
func TestNumberTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		abs    bool
		labels []string
	}{
		{-8e7, 9e7, false, []string{"-80,000,000", "0", "80,000,000"}},
		{0, 2.5e10, false, []string{"0", "10,000,000,000", "20,000,000,000"}},
		{-80000, 80000, true, []string{"80,000", "0", "80,000"}},
		{1200, 9800, false, []string{"3,000", "6,000", "9,000"}},
		{-1234567.3, -1234567.1, false, []string{"-1,234,567.3", "-1,234,567.2", "-1,234,567.1"}},
		// Past maxTickDecimals, gonum's own labels.
		{0, 5e-10, true, []string{"0", "2.5e-10", "5e-10"}},
		{2.46, 2.86, false, []string{"2.5", "2.6", "2.7", "2.8"}},
		{0, 1.2, false, []string{"0", "0.5", "1"}},
		{0.001, 0.0123, false, []string{"0.003", "0.006", "0.009", "0.012"}},
	} {
		for _, l := range []*i18n.Lang{i18n.English, i18n.Spanish} {
			var labels []string
			for _, tk := range (numberTicks{l: l, abs: c.abs}).Ticks(c.lo, c.hi) {
				if !tk.IsMinor() {
					labels = append(labels, tk.Label)
				}
			}
			assert.Equal(t, c.labels, labels, "%v: %g to %g", l.Tag, c.lo, c.hi)
		}
	}
}

// TestTickDecimals checks the decimals of tick labels on values that
// binary floating point cannot hold exactly, and on values too small to
// write in full.
func TestTickDecimals(t *testing.T) {
	for v, want := range map[float64]int{
		0: 0, 75: 0, -75000: 0, 2e10: 0, 2.5: 1, 0.1 + 0.2: 1, 3 * 0.003: 3, 2.55: 2, 1e-9: 9, -1234567.3: 1,
	} {
		d, ok := tickDecimals(v)
		assert.True(t, ok, "%v", v)
		assert.Equal(t, want, d, "%v", v)
	}
	_, ok := tickDecimals(1e-12)
	assert.False(t, ok, "1e-12")
}

// TestPlaceLegend checks that the legend goes to the emptiest corner.
func TestPlaceLegend(t *testing.T) {
	for _, c := range []struct {
		name      string
		pts       plotter.XYs
		left, top bool
	}{
		{"rising: top left free", plotter.XYs{{X: 0, Y: 0}, {X: 5, Y: 5}, {X: 10, Y: 10}}, true, true},
		{"falling: top right free", plotter.XYs{{X: 0, Y: 10}, {X: 5, Y: 5}, {X: 10, Y: 0}}, false, true},
		{"high everywhere: bottom left", plotter.XYs{{X: 0, Y: 10}, {X: 10, Y: 10}, {X: 10, Y: 0}}, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := plot.New()
			p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 10, 0, 10
			placeLegend(p, []plotter.XYs{c.pts})
			assert.Equal(t, c.left, p.Legend.Left, "left")
			assert.Equal(t, c.top, p.Legend.Top, "top")
		})
	}
}

func TestShownYears(t *testing.T) {
	assert.Equal(t, []int{0, 1, 2}, reform.ShownYears(3, 0))
	assert.Equal(t, []int{0, 1, 2}, reform.ShownYears(3, 1))
	assert.Equal(t, []int{0, 5, 10, 11}, reform.ShownYears(12, 5))
	assert.Equal(t, []int{0, 4}, reform.ShownYears(5, 4))
	assert.Equal(t, []int{0}, reform.ShownYears(1, 5))
	assert.Equal(t, []int{0, 9}, reform.ShownYears(10, 100))
}
