package chart

import (
	"strconv"
	"testing"

	"github.com/reserva-go/reserva/reform"
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

func TestTrimZeros(t *testing.T) {
	for in, want := range map[string]string{
		"75.00": "75", "2.50": "2.5", "-75.00": "-75", "0.00": "0", "100": "100", "1e+08": "1e+08", "2.5e-07": "2.5e-07", "10.05": "10.05",
	} {
		assert.Equal(t, want, trimZeros(in), in)
	}
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
