// Who gains, who loses: grouped bars of the change in present values by
// birth cohort.

package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"gonum.org/v1/plot"
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
// A cohort of one sex only has no bar for the other. No cohort, invalid
// units or a change that is not finite is an error.
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
		vals[sx][j], vals[2+sx][j] = b, k
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
