// Fan charts of stochastic projections: percentile bands by year, and the
// probability that the reserve is exhausted.

package chart

import (
	"fmt"
	"image/color"
	"math"

	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// fanShades fill the bands of a fan chart, the outer band lighter.
var fanShades = [...]color.RGBA{{198, 219, 239, 255}, {107, 174, 214, 255}}

// Fan charts the spread of measure m of stochastic outcomes year by year:
// the band between the 5th and 95th percentiles, the band between the 25th
// and 75th inside it, the median as a line and, when det is not nil, the
// deterministic projection's path dashed (det[t] for year t, as many years
// as the outcomes, in m's units). The y axis is in m's units as package
// stochastic has them: money as projected (not in [reform.Units]) for the
// reserve and the transfers, years of expenditure for the reserve ratio,
// a fraction of the salary bill for the cost rate. Percentiles are those
// of [stochastic.Outcomes.Percentiles]; its errors are returned, and an
// error for a det of the wrong length or a value that is not finite.
func Fan(o *stochastic.Outcomes, m stochastic.Measure, det []float64) (*plot.Plot, error) {
	return Options{}.Fan(o, m, det)
}

// Fan is [Fan] with its legend in the language of op (the title names the
// measure as package stochastic does).
func (op Options) Fan(o *stochastic.Outcomes, m stochastic.Measure, det []float64) (*plot.Plot, error) {
	l, err := op.lang()
	if err != nil {
		return nil, err
	}
	if det != nil && len(det) != o.Years {
		return nil, fmt.Errorf("chart: Fan: deterministic path of %d years for %d projected", len(det), o.Years)
	}
	bands, err := o.Percentiles(m, []float64{0.05, 0.25, 0.5, 0.75, 0.95})
	if err != nil {
		return nil, err
	}
	year := func(t int) float64 { return float64(o.StartYear + t) }
	p := newChart(l, fmt.Sprintf("%s: percentiles over %d scenarios", m, o.Len()), m.String())
	var pts []plotter.XYs
	for k, pair := range [][2]int{{0, 4}, {1, 3}} {
		lo, hi := bands[pair[0]].Value, bands[pair[1]].Value
		poly := make(plotter.XYs, 0, 2*o.Years)
		for t := range o.Years {
			poly = append(poly, plotter.XY{X: year(t), Y: lo[t]})
		}
		for t := o.Years - 1; t >= 0; t-- {
			poly = append(poly, plotter.XY{X: year(t), Y: hi[t]})
		}
		for _, v := range poly {
			if math.IsNaN(v.Y) || math.IsInf(v.Y, 0) {
				return nil, fmt.Errorf("chart: Fan: %s in %v is %v", m, v.X, v.Y)
			}
		}
		g, err := plotter.NewPolygon(poly)
		if err != nil {
			return nil, fmt.Errorf("chart: Fan: %w", err)
		}
		g.Color = fanShades[k]
		g.LineStyle.Width = 0
		p.Add(g)
		p.Legend.Add(fmt.Sprintf("%g–%g%%", 100*bands[pair[0]].P, 100*bands[pair[1]].P), g)
		pts = append(pts, poly)
	}
	med := make(plotter.XYs, o.Years)
	for t := range med {
		med[t] = plotter.XY{X: year(t), Y: bands[2].Value[t]}
	}
	if err := addLine(p, med, l.S(i18n.ChartFanMedian), scenarioColor(0), nil); err != nil {
		return nil, err
	}
	if det != nil {
		xys := make(plotter.XYs, o.Years)
		for t, v := range det {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("chart: Fan: deterministic %s in %d is %v", m, o.StartYear+t, v)
			}
			xys[t] = plotter.XY{X: year(t), Y: v}
		}
		if err := addLine(p, xys, l.S(i18n.ChartFanDet), scenarioColor(4), contribDashes); err != nil {
			return nil, err
		}
		pts = append(pts, xys)
	}
	placeLegend(p, pts)
	return p, nil
}

// Exhaustion charts, for one or several regimes (names[i] for outs[i]),
// the probability that the reserve is exhausted by each year
// ([stochastic.Outcomes.Exhaustion]), in per cent, one line per regime in
// the colours of the other charts.
func Exhaustion(names []string, outs []*stochastic.Outcomes) (*plot.Plot, error) {
	return Options{}.Exhaustion(names, outs)
}

// Exhaustion is [Exhaustion] in the language of op.
func (op Options) Exhaustion(names []string, outs []*stochastic.Outcomes) (*plot.Plot, error) {
	if len(names) != len(outs) {
		return nil, fmt.Errorf("chart: Exhaustion: %d names for %d outcomes", len(names), len(outs))
	}
	l, err := op.lang()
	if err != nil {
		return nil, err
	}
	p := newChart(l, l.S(i18n.ChartExhaustionTitle), l.S(i18n.ChartExhaustionY))
	var pts []plotter.XYs
	for i, o := range outs {
		ex := o.Exhaustion(nil)
		xys := make(plotter.XYs, len(ex))
		for t, e := range ex {
			xys[t] = plotter.XY{X: float64(o.StartYear + t), Y: 100 * e.Value}
		}
		if err := addLine(p, xys, names[i], scenarioColor(i), nil); err != nil {
			return nil, err
		}
		pts = append(pts, xys)
	}
	p.Y.Min, p.Y.Max = 0, 100
	placeLegend(p, pts)
	return p, nil
}
