// Who gains, who loses: grouped bars of the change in present values by
// birth cohort, and a heat map by sex, service band and birth cohort.

package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"gonum.org/v1/plot"
	plotpalette "gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// Gains charts [reform.Gains] in English; see [Options.Gains].
func Gains(g *reform.Gains, u reform.Units) (*plot.Plot, error) { return Options{}.Gains(g, u) }

// Gains charts who gains and who loses under a reform: for each birth
// cohort along X (labelled by its first birth year), four bars side by
// side — the change in the present value of benefits for men and for
// women, then of contributions for men and for women — in the units u
// asked for. Benefits are drawn in solid colours, contributions lighter;
// men orange, women sky blue (the Okabe–Ito palette of the other charts).
// A cohort of one sex only has no bar for the other; a cohort's service
// bands, when the gains have them, add up in its bars ([Options.GainsMap]
// draws them apart). No cohort, invalid units or a change that is not
// finite is an error.
func (o Options) Gains(g *reform.Gains, u reform.Units) (*plot.Plot, error) {
	l, err := o.lang()
	if err != nil {
		return nil, err
	}
	if !u.Valid() {
		return nil, fmt.Errorf("chart: Gains: %w: units %d", reform.ErrReportOptions, int(u))
	}
	if g == nil || len(g.Cohorts) == 0 {
		return nil, fmt.Errorf("chart: Gains: no cohort")
	}
	var born []int
	for _, c := range g.Cohorts {
		if !slices.Contains(born, c.BornFrom) {
			born = append(born, c.BornFrom)
		}
	}
	slices.Sort(born)
	// vals[measure·2 + sex][cohort]: measure 0 benefits, 1 contributions.
	var vals [4]plotter.Values
	for i := range vals {
		vals[i] = make(plotter.Values, len(born))
	}
	for _, c := range g.Cohorts {
		j := slices.Index(born, c.BornFrom)
		sx := c.Sex.Index()
		b, k := u.Scale(c.BenefitChange()), u.Scale(c.ContributionChange())
		if math.IsNaN(b) || math.IsInf(b, 0) || math.IsNaN(k) || math.IsInf(k, 0) {
			return nil, fmt.Errorf("chart: Gains: %s born %d: a change is not finite", c.Sex, c.BornFrom)
		}
		vals[sx][j] += b // bands of a cohort add up
		vals[2+sx][j] += k
	}
	label, err := u.Label(o.Language)
	if err != nil {
		return nil, err
	}
	p := newChart(l, l.S(i18n.ChartGainsTitle), l.F(i18n.ChartGainsY, label))
	p.X.Label.Text = l.S(i18n.ChartGainsX)
	names := make([]string, len(born))
	for j, b := range born {
		names[j] = strconv.Itoa(b)
	}
	p.NominalX(names...)
	sexWord := [actuarial.NumSexes]string{l.S(i18n.GainsMen), l.S(i18n.GainsWomen)}
	const w = 7 // bar width, points
	for i := range vals {
		bars, err := plotter.NewBarChart(vals[i], vg.Points(w))
		if err != nil {
			return nil, fmt.Errorf("chart: Gains: %w", err)
		}
		sx := i % 2
		pc := palette[1+sx]
		c := color.NRGBA{R: pc.R, G: pc.G, B: pc.B, A: 255}
		if i >= 2 {
			c.A = 110
		}
		bars.Color = c
		bars.LineStyle.Width = 0
		bars.Offset = vg.Points(w * (float64(i) - 1.5))
		key := i18n.ChartGainsBenefits
		if i >= 2 {
			key = i18n.ChartGainsContribs
		}
		p.Add(bars)
		p.Legend.Add(l.F(key, sexWord[sx]), bars)
	}
	p.Legend.Top = true
	return p, nil
}

// GainsMap draws [reform.Gains] as a heat map in English; see
// [Options.GainsMap].
func GainsMap(g *reform.Gains) (*plot.Plot, error) { return Options{}.GainsMap(g) }

// GainsMap draws who gains and who loses under a reform as a heat map: a
// row for each sex and service band (men first, bands in their order), a
// column for each birth cohort (labelled by its first birth year), each
// cell coloured by the change in the present value of its benefits in per
// cent — losses red, gains blue, on a diverging scale symmetric about 0
// (Moreland's cool-warm) up to the largest change; a cell without members
// or without benefits in the base is left blank. Without service bands the
// rows are the two sexes. No cohort or a change that is not finite is an
// error.
func (o Options) GainsMap(g *reform.Gains) (*plot.Plot, error) {
	l, err := o.lang()
	if err != nil {
		return nil, err
	}
	if g == nil || len(g.Cohorts) == 0 {
		return nil, fmt.Errorf("chart: GainsMap: no cohort")
	}
	grid, rows, born, top, err := gainsMapGrid(g)
	if err != nil {
		return nil, err
	}
	cm := moreland.SmoothBlueRed()
	cm.SetMin(-top)
	cm.SetMax(top)
	hm := plotter.NewHeatMap(grid, plotpalette.Reverse(cm).Palette(255))
	hm.Min, hm.Max = -top, top
	p := newChart(l, l.S(i18n.ChartGainsMapTitle), l.S(i18n.ChartGainsMapY))
	p.X.Label.Text = l.S(i18n.ChartGainsX)
	p.Add(hm)
	names := make([]string, len(born))
	for j, b := range born {
		names[j] = strconv.Itoa(b)
	}
	p.NominalX(names...)
	labels := make([]string, len(rows))
	sexWord := [actuarial.NumSexes]string{l.S(i18n.GainsMen), l.S(i18n.GainsWomen)}
	for r, k := range rows {
		labels[r] = sexWord[k.sex]
		if k.band.Kind != projection.AllBands {
			labels[r] += ", " + reform.BandLabel(k.band, o.Language)
		}
	}
	p.NominalY(labels...)
	return p, nil
}

// gainsRow is a row of the heat map: a sex index and a band.
type gainsRow struct {
	sex  int
	band projection.Band
}

// gainsMapGrid returns the heat map of g: its grid of changes in per cent
// (NaN: no cell), its rows and its columns' first birth years, and the
// largest change (1 when there is none).
func gainsMapGrid(g *reform.Gains) (grid gainsGrid, rows []gainsRow, born []int, top float64, err error) {
	for _, c := range g.Cohorts {
		if !slices.Contains(born, c.BornFrom) {
			born = append(born, c.BornFrom)
		}
		if k := (gainsRow{c.Sex.Index(), c.Band}); !slices.Contains(rows, k) {
			rows = append(rows, k) // the cohorts come by sex, then band
		}
	}
	slices.Sort(born)
	grid = gainsGrid{z: make([]float64, len(born)*len(rows)), cols: len(born)}
	for i := range grid.z {
		grid.z[i] = math.NaN()
	}
	for _, c := range g.Cohorts {
		if c.BaseBenefits == 0 {
			continue
		}
		v := 100 * c.BenefitChangeShare()
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return grid, nil, nil, 0, fmt.Errorf("chart: GainsMap: %s born %d: the change is not finite", c.Sex, c.BornFrom)
		}
		r := slices.Index(rows, gainsRow{c.Sex.Index(), c.Band})
		grid.z[r*grid.cols+slices.Index(born, c.BornFrom)] = v
		top = math.Max(top, math.Abs(v))
	}
	if top == 0 {
		top = 1 // no change: a scale of ±1%
	}
	return grid, rows, born, top, nil
}

// gainsGrid is the heat map's grid: z[row·cols + col], the rows and
// columns at their indices.
type gainsGrid struct {
	z    []float64
	cols int
}

func (g gainsGrid) Dims() (c, r int)   { return g.cols, len(g.z) / g.cols }
func (g gainsGrid) Z(c, r int) float64 { return g.z[r*g.cols+c] }
func (g gainsGrid) X(c int) float64    { return float64(c) }
func (g gainsGrid) Y(r int) float64    { return float64(r) }
