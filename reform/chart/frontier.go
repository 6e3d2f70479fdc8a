// The frontier of two levers: the combinations that just meet a target.

package chart

import (
	"fmt"
	"image/color"
	"math"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// frontierShade fills the side of a frontier that meets the target.
var frontierShade = color.RGBA{R: 199, G: 233, B: 192, A: 255}

// Frontier charts a [reform.Frontier]: the grid lever's values along X, the
// solved lever's value that just meets the target along Y, as a line with
// a mark at each grid point, and the side that meets the target shaded
// (above the line for a lever that improves the scheme, below otherwise,
// up to the end of the solved lever's range). Levers are in their own
// units (a contribution rate as a fraction). A grid point without a
// solution (the range cannot meet the target there) is left out; a
// frontier with no point solved, or a value that is not finite, is an
// error.
func Frontier(f *reform.Frontier) (*plot.Plot, error) {
	var xys plotter.XYs
	for _, pt := range f.Points {
		if pt.Solution == nil {
			continue
		}
		if v := pt.Solution.Value; math.IsNaN(v) || math.IsInf(v, 0) || math.IsNaN(pt.Grid) || math.IsInf(pt.Grid, 0) {
			return nil, fmt.Errorf("chart: Frontier: the point (%g, %g) is not finite", pt.Grid, v)
		}
		xys = append(xys, plotter.XY{X: pt.Grid, Y: pt.Solution.Value})
	}
	if len(xys) == 0 {
		return nil, fmt.Errorf("chart: Frontier: no grid point meets the target %s", f.Target)
	}
	p := newChart(i18n.English, "Combinations that meet the target: "+f.Target, f.Lever)
	p.X.Label.Text = f.Grid
	p.X.Tick.Marker = numberTicks{l: i18n.English}

	edge := f.Hi
	if !f.LeverImproves {
		edge = f.Lo
	}
	if len(xys) > 1 {
		poly := make(plotter.XYs, 0, len(xys)+2)
		poly = append(poly, xys...)
		poly = append(poly, plotter.XY{X: xys[len(xys)-1].X, Y: edge}, plotter.XY{X: xys[0].X, Y: edge})
		g, err := plotter.NewPolygon(poly)
		if err != nil {
			return nil, fmt.Errorf("chart: Frontier: %w", err)
		}
		g.Color = frontierShade
		g.LineStyle.Width = 0
		p.Add(g)
		p.Legend.Add("meets the target", g)
	}
	if err := addLine(p, xys, "frontier", scenarioColor(0), nil); err != nil {
		return nil, err
	}
	s, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, fmt.Errorf("chart: Frontier: %w", err)
	}
	s.GlyphStyle.Color = scenarioColor(0)
	s.GlyphStyle.Shape = draw.CircleGlyph{}
	p.Add(s)
	placeLegend(p, []plotter.XYs{xys})
	return p, nil
}
