// The population pyramid of a projected year, from the projection's detail
// by cell.

package chart

import (
	"image/color"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Colours of the pyramid's layers.
var (
	activeColor    = color.RGBA{0, 114, 178, 255} // Okabe–Ito blue
	pensionerColor = color.RGBA{230, 159, 0, 255} // Okabe–Ito orange
	axisLineColor  = color.Gray{Y: 64}
)

// Pyramid charts the population of the projection r on 1 January of
// calendar year year ([reform.PopulationAt]) as a pyramid: horizontal bars by age
// last birthday (each bar spans its year of age), men to the left, women
// to the right, actives next to the axis and pensioners beyond them, on a
// symmetric scale whose labels count lives on both sides. The errors are
// those of [reform.PopulationAt]: the projection needs its detail by cell.
func Pyramid(r *projection.Result, year int) (*plot.Plot, error) {
	return Options{}.Pyramid(r, year)
}

// Pyramid is [Pyramid] in the language of o.
func (o Options) Pyramid(r *projection.Result, year int) (*plot.Plot, error) {
	l, err := o.lang()
	if err != nil {
		return nil, err
	}
	pop, err := reform.PopulationAt(r, year)
	if err != nil {
		return nil, err
	}
	lo, hi := reform.NAges, -1
	var width float64
	for age := range reform.NAges {
		for sx := range actuarial.NumSexes {
			n := pop.Actives[sx][age] + pop.Pensioners[sx][age]
			if n > 0 {
				lo, hi = min(lo, age), max(hi, age)
				width = max(width, n)
			}
		}
	}
	if hi < lo { // nobody: an empty chart over the working ages
		lo, hi, width = 20, 64, 1
	}

	p := plot.New()
	p.Title.Text = l.F(i18n.ChartPyramidTitle, year)
	p.X.Label.Text = l.S(i18n.ChartPyramidX)
	p.Y.Label.Text = l.S(i18n.ChartAge)
	p.X.Tick.Marker = numberTicks{l: l, abs: true}
	p.Y.Tick.Marker = numberTicks{l: l}
	p.Legend.Top = true
	p.Legend.TextStyle.Font.Size = legendSize

	act := &pyramidLayer{lo: lo, hi: hi, width: width, color: activeColor}
	pen := &pyramidLayer{lo: lo, hi: hi, width: width, color: pensionerColor}
	for sx := range actuarial.NumSexes {
		act.count[sx] = pop.Actives[sx][lo : hi+1]
		pen.count[sx] = pop.Pensioners[sx][lo : hi+1]
		pen.offset[sx] = act.count[sx]
	}
	axis, err := plotter.NewLine(plotter.XYs{{X: 0, Y: float64(lo)}, {X: 0, Y: float64(hi + 1)}})
	if err != nil {
		return nil, err
	}
	axis.Color = axisLineColor
	axis.Width = vg.Points(0.75)
	p.Add(act, pen, axis)
	p.Legend.Add(l.S(i18n.ChartActives), act)
	p.Legend.Add(l.S(i18n.ChartPensioners), pen)
	return p, nil
}

// pyramidLayer is one layer of bars of a pyramid: for each sex (men to
// the left, women to the right) and age lo..hi, a bar of count lives
// (not negative) starting offset lives from the axis, spanning its year
// of age. It
// implements [plot.Plotter], [plot.DataRanger] and [plot.Thumbnailer].
type pyramidLayer struct {
	lo, hi int
	count  [actuarial.NumSexes][]float64 // by sex and age − lo
	offset [actuarial.NumSexes][]float64 // where the bars start, as count; nil: at the axis
	width  float64                       // the widest bar with its offset: the scale runs from −width to width
	color  color.Color
}

// Plot implements [plot.Plotter]. Each side is one stepped polygon, up
// the bars' inner edges and down their outer edges, so that adjacent ages
// show no seams.
func (l *pyramidLayer) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	n := len(l.count[0])
	pts := make([]vg.Point, 0, 4*n)
	for sx, side := range [actuarial.NumSexes]float64{-1, 1} {
		off := func(i int) float64 {
			if l.offset[sx] == nil {
				return 0
			}
			return l.offset[sx][i]
		}
		pts = pts[:0]
		for i := range n {
			x := trX(side * off(i))
			pts = append(pts, vg.Point{X: x, Y: trY(float64(l.lo + i))}, vg.Point{X: x, Y: trY(float64(l.lo + i + 1))})
		}
		for i := n - 1; i >= 0; i-- {
			x := trX(side * (off(i) + l.count[sx][i]))
			pts = append(pts, vg.Point{X: x, Y: trY(float64(l.lo + i + 1))}, vg.Point{X: x, Y: trY(float64(l.lo + i))})
		}
		c.FillPolygon(l.color, c.ClipPolygonXY(pts))
	}
}

// DataRange implements [plot.DataRanger]: symmetric about 0 in lives, ages
// lo to hi+1.
func (l *pyramidLayer) DataRange() (xmin, xmax, ymin, ymax float64) {
	return -l.width, l.width, float64(l.lo), float64(l.hi + 1)
}

// Thumbnail implements [plot.Thumbnailer]: a box of the layer's colour.
func (l *pyramidLayer) Thumbnail(c *draw.Canvas) {
	pts := []vg.Point{
		{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y},
		{X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y},
	}
	c.FillPolygon(l.color, pts)
}
