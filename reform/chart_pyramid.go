// The population pyramid of a projected year, from the projection's detail
// by cell.

package reform

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// nAges is the number of ages of the cells, 0..MaxCensusAge.
const nAges = census.MaxCensusAge + 1

// Population is the membership of a scheme on 1 January of a projected
// year by sex and age last birthday, summed over its groups: expected
// numbers of lives (fractional). Index the arrays by [actuarial.Sex.Index]
// (0 men, 1 women) and by age.
type Population struct {
	Year int // the calendar year
	// Actives are the active members after the day's entrants and
	// transitions, before its retirements: they add up to the year's
	// [projection.YearResult] Actives.
	Actives [actuarial.NumSexes][nAges]float64
	// Pensioners are the pensions in payment of every type before the
	// day's retirements, by the beneficiary's sex and age (an orphan's
	// pension counts at the orphan's age): they add up to the year's
	// TotalPensioners.
	Pensioners [actuarial.NumSexes][nAges]float64
}

// PopulationAt returns the population of the projection r on 1 January of
// calendar year year, from its detail by cell. A projection run without
// [projection.Projector] Detail has none: the error wraps
// [ErrNoCellDetail]. A year outside the projection wraps [ErrYearOutside],
// and a count that is NaN or infinite is an [*indicator.SeriesError]
// wrapping [actuarial.ErrNotFinite]. A nil r panics.
func PopulationAt(r *projection.Result, year int) (*Population, error) {
	if r == nil {
		panic("reform: PopulationAt of a nil Result")
	}
	d := r.Cells
	if d == nil {
		return nil, fmt.Errorf("reform: projection %q has no detail by cell (run its Projector with Detail set): %w",
			r.Scheme, ErrNoCellDetail)
	}
	t := year - r.StartYear
	if t < 0 || t >= d.Years {
		return nil, fmt.Errorf("reform: population of %d: projection %q covers %d–%d: %w",
			year, r.Scheme, r.StartYear, r.StartYear+d.Years-1, ErrYearOutside)
	}
	pop := &Population{Year: year}
	for g := range d.Groups {
		for sx, sex := range [...]actuarial.Sex{actuarial.Male, actuarial.Female} {
			for age := range nAges {
				// The service cells of an age are contiguous.
				off := d.Active(t, g, sex, age, 0)
				for _, n := range d.ActiveCount[off : off+d.MaxService+1] {
					pop.Actives[sx][age] += n
				}
				for typ := census.PensionOldAge; typ <= census.PensionOrphan; typ++ {
					pop.Pensioners[sx][age] += d.PensionerCount[d.Pensioner(t, g, typ, sex, age)]
				}
			}
		}
	}
	for sx := range actuarial.NumSexes {
		for age := range nAges {
			for _, c := range [...]struct {
				name string
				n    float64
			}{{"actives", pop.Actives[sx][age]}, {"pensioners", pop.Pensioners[sx][age]}} {
				if math.IsNaN(c.n) || math.IsInf(c.n, 0) {
					return nil, fmt.Errorf("reform: projection %q: %w", r.Scheme, &indicator.SeriesError{
						Series: fmt.Sprintf("%s of age %d, %v", c.name, age, actuarial.Sex(sx+1)),
						T:      t, Year: year, Value: c.n, Err: actuarial.ErrNotFinite})
				}
			}
		}
	}
	return pop, nil
}

// Colours of the pyramid's layers.
var (
	activeColor    = color.RGBA{0, 114, 178, 255} // Okabe–Ito blue
	pensionerColor = color.RGBA{230, 159, 0, 255} // Okabe–Ito orange
	axisLineColor  = color.Gray{Y: 64}
)

// Pyramid charts the population of the projection r on 1 January of
// calendar year year ([PopulationAt]) as a pyramid: horizontal bars by age
// last birthday (each bar spans its year of age), men to the left, women
// to the right, actives next to the axis and pensioners beyond them, on a
// symmetric scale whose labels count lives on both sides. The errors are
// those of [PopulationAt]: the projection needs its detail by cell.
func Pyramid(r *projection.Result, year int) (*plot.Plot, error) {
	pop, err := PopulationAt(r, year)
	if err != nil {
		return nil, err
	}
	lo, hi := nAges, -1
	var width float64
	for age := range nAges {
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
	p.Title.Text = fmt.Sprintf("Population on 1 January %d", year)
	p.X.Label.Text = "lives: men (left), women (right)"
	p.Y.Label.Text = "age"
	p.X.Tick.Marker = absTicks{}
	p.Y.Tick.Marker = plainTicks{}
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
	p.Legend.Add("actives", act)
	p.Legend.Add("pensioners", pen)
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

// absTicks are [plainTicks] labelled with their absolute value, for a
// scale that counts to both sides of 0.
type absTicks struct{}

// Ticks implements [plot.Ticker].
func (absTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plainTicks{}.Ticks(lo, hi)
	for i := range ts {
		ts[i].Label = strings.TrimPrefix(ts[i].Label, "-")
	}
	return ts
}
