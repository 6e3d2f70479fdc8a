// Charts of outcomes with gonum/plot: reserve paths, cost rate against
// contribution rate, support ratio; saving them as PNG or SVG.

package chart

import (
	"fmt"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"golang.org/x/text/language"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// palette colours the scenarios in order: the base black, then the
// Okabe–Ito colours for colour-blind readers (M. Okabe and K. Ito, Color
// Universal Design, 2008): orange, sky blue, bluish green, vermilion, blue,
// reddish purple; the ninth scenario takes the base's colour again.
var palette = [...]color.RGBA{
	{0, 0, 0, 255},
	{230, 159, 0, 255},
	{86, 180, 233, 255},
	{0, 158, 115, 255},
	{213, 94, 0, 255},
	{0, 114, 178, 255},
	{204, 121, 167, 255},
	{120, 120, 120, 255},
}

// scenarioColor returns the colour of scenario i.
func scenarioColor(i int) color.Color { return palette[i%len(palette)] }

// Styles shared by the charts.
var (
	lineWidth     = vg.Points(1.5)
	contribDashes = []vg.Length{vg.Points(5), vg.Points(3)}
	zeroLineColor = color.Gray{Y: 96}
	legendSize    = vg.Points(9)
)

// Options are the options of the charts. The zero value draws them in
// English; the package-level functions ([ReservePaths], [ReservePathsIn],
// ...) are those of the zero Options.
type Options struct {
	// Language is the language of the titles, axes and legends: English
	// or Spanish as written in Mexico (any Spanish tag gives es-MX); the
	// zero value (language.Und) is English; another language is an error
	// wrapping [reform.ErrReportOptions].
	Language language.Tag
}

// lang returns the catalogue language of o.
func (o Options) lang() (*i18n.Lang, error) {
	l, err := i18n.For(o.Language)
	if err != nil {
		return nil, fmt.Errorf("reform: chart Language: %w: %w", err, reform.ErrReportOptions)
	}
	return l, nil
}

// newChart returns a plot with the title and axis labels of the charts:
// years along X (whole years on the ticks), a grid, a smaller legend
// (placed by [placeLegend] once the lines are in). The fonts are gonum/plot's defaults, the Liberation fonts
// built into the program, so the drawing does not depend on the machine.
func newChart(l *i18n.Lang, title, yLabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = l.S(i18n.ChartYear)
	p.Y.Label.Text = yLabel
	p.X.Tick.Marker = yearTicks{}
	p.Y.Tick.Marker = numberTicks{l: l}
	p.Legend.TextStyle.Font.Size = legendSize
	grid := plotter.NewGrid()
	grid.Horizontal.Color = color.Gray{Y: 220}
	grid.Vertical.Color = color.Gray{Y: 220}
	p.Add(grid)
	return p
}

// yearTicks marks whole calendar years: labelled ticks every 1, 2, 5, 10,
// 20, 25, 50 or 100 years (the first step leaving at most 7 labels), and
// minor ticks every year (every 5 years over more than 60).
type yearTicks struct{}

// Ticks implements [plot.Ticker].
func (yearTicks) Ticks(lo, hi float64) []plot.Tick {
	first, last := int(math.Ceil(lo)), int(math.Floor(hi))
	if last < first {
		return nil
	}
	step := 100
	for _, s := range [...]int{1, 2, 5, 10, 20, 25, 50} {
		if (last-first)/s+1 <= 7 {
			step = s
			break
		}
	}
	minor := 1
	if last-first > 60 {
		minor = 5
	}
	var ts []plot.Tick
	for y := first; y <= last; y++ {
		switch {
		case y%step == 0 || step == 1:
			ts = append(ts, plot.Tick{Value: float64(y), Label: strconv.Itoa(y)})
		case y%minor == 0:
			ts = append(ts, plot.Tick{Value: float64(y)})
		}
	}
	return ts
}

// numberTicks are gonum/plot's default ticks labelled as numbers are
// written in the language l, with golang.org/x/text: thousands grouped
// ("1,234,567" in English and in es-MX, whose CLDR data group with a
// comma and mark decimals with a point), no exponent ("10,000,000" for
// gonum's "1e+07"), and each label with the fewest decimals that write its
// value ("75" for 75, "2.5" for 2.50), so that money and counts read as in
// the report's tables. A value that needs more than maxTickDecimals
// decimals keeps gonum's label. With abs, labels are the values' absolute
// values, for a scale that counts to both sides of 0.
type numberTicks struct {
	l   *i18n.Lang
	abs bool
}

// Ticks implements [plot.Ticker].
func (nt numberTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ts {
		if ts[i].Label == "" {
			continue
		}
		v := ts[i].Value
		if nt.abs {
			v = math.Abs(v)
		}
		if d, ok := tickDecimals(v); ok {
			ts[i].Label = nt.l.Float(v, d)
		} else if nt.abs {
			ts[i].Label = strings.TrimPrefix(ts[i].Label, "-")
		}
	}
	return ts
}

// tickSlack is how far, relative to the value, a tick may be from a
// number of d decimals and still be written with d decimals: gonum/plot
// steps its ticks in binary floating point (0.003·3 is
// 0.009000000000000001, 2e-16 off), far closer than this.
const tickSlack = 1e-9

// maxTickDecimals bounds the decimals of a tick label written in full;
// gonum/plot's own labels have at most six.
const maxTickDecimals = 9

// tickDecimals returns the fewest decimals that write v to within
// tickSlack, and false if that takes more than maxTickDecimals.
func tickDecimals(v float64) (int, bool) {
	scale := 1.0
	for d := 0; d <= maxTickDecimals; d++ {
		x := v * scale
		if math.Abs(x-math.Round(x)) <= tickSlack*math.Abs(x) {
			return d, true
		}
		scale *= 10
	}
	return 0, false
}

// placeLegend puts the legend of p in the corner of the plotting area
// with the fewest of the points pts: each corner is the box of 40% of the
// width and 30% of the height of the axes' ranges; ties go to the top
// left, then top right, bottom left, bottom right.
func placeLegend(p *plot.Plot, pts []plotter.XYs) {
	dx, dy := p.X.Max-p.X.Min, p.Y.Max-p.Y.Min
	best, bestN := 0, math.MaxInt
	for k, c := range [...]struct{ left, top bool }{{true, true}, {false, true}, {true, false}, {false, false}} {
		var n int
		for _, xys := range pts {
			for _, pt := range xys {
				inX := pt.X >= p.X.Max-0.4*dx
				if c.left {
					inX = pt.X <= p.X.Min+0.4*dx
				}
				inY := pt.Y <= p.Y.Min+0.3*dy
				if c.top {
					inY = pt.Y >= p.Y.Max-0.3*dy
				}
				if inX && inY {
					n++
				}
			}
		}
		if n < bestN {
			best, bestN = k, n
		}
	}
	p.Legend.Left = best == 0 || best == 2
	p.Legend.Top = best < 2
}

// addLine adds a line through xys to p in the given colour and dashes,
// with a legend entry when name is not empty. No points: no line.
func addLine(p *plot.Plot, xys plotter.XYs, name string, c color.Color, dashes []vg.Length) error {
	if len(xys) == 0 {
		return nil
	}
	l, err := plotter.NewLine(xys)
	if err != nil {
		return fmt.Errorf("reform: %s: %w", name, err)
	}
	l.Color = c
	l.Width = lineWidth
	l.Dashes = dashes
	p.Add(l)
	if name != "" {
		p.Legend.Add(name, l)
	}
	return nil
}

// YearRange is the calendar years a path chart ([ReservePathsIn],
// [CostRateIn], [SupportRatioIn]) draws, both included. A zero From is the
// first projected year and a zero To the last, so the zero YearRange is the
// whole projection. Years outside the projection, or From after To, are an
// error wrapping [reform.ErrYearOutside].
type YearRange struct {
	From, To int
}

// span returns the year indexes [lo, hi] of r over a projection of n years
// from start, or an error for a range outside it.
func (r YearRange) span(start, n int) (lo, hi int, err error) {
	from, to := r.From, r.To
	if from == 0 {
		from = start
	}
	if to == 0 {
		to = start + n - 1
	}
	if from < start || to > start+n-1 || from > to {
		return 0, 0, fmt.Errorf("reform: chart years %d–%d outside the projection %d–%d or reversed: %w",
			from, to, start, start+n-1, reform.ErrYearOutside)
	}
	return from - start, to - start, nil
}

// yearSeries returns the points (year, f(year)) of an outcome's projected
// years t in [lo, hi] at which f is defined (ok), checking that the year's
// amounts and counts and f's value are finite; series names f's value in
// errors.
func yearSeries(o *reform.Outcome, lo, hi int, series string, f func(y *projection.YearResult) (v float64, ok bool)) (plotter.XYs, error) {
	r := o.Result
	xys := make(plotter.XYs, 0, hi-lo+1)
	for t := lo; t <= hi; t++ {
		if err := reform.CheckYear(o, t); err != nil {
			return nil, err
		}
		v, ok := f(&r.Years[t])
		if !ok {
			continue
		}
		if err := reform.Finite(o, series, t, r.StartYear+t, v); err != nil {
			return nil, err
		}
		xys = append(xys, plotter.XY{X: float64(r.StartYear + t), Y: v})
	}
	return xys, nil
}

// ReservePaths charts the reserve at the end of each projected year of each
// outcome (base first), one line per scenario in money of units u, with a
// line at zero: where a path crosses it, the reserve is depleted. The
// outcomes need their Result, and must start in the same year and cover
// the same years (errors as [reform.NewReport]'s); an invalid u is an error
// wrapping [reform.ErrReportOptions]. The plot can be restyled before it is
// saved with [Save]. It draws the whole projection: [ReservePathsIn] with
// the zero [YearRange].
func ReservePaths(outcomes []reform.Outcome, u reform.Units) (*plot.Plot, error) {
	return Options{}.ReservePathsIn(outcomes, u, YearRange{})
}

// ReservePathsIn is [ReservePaths] over the calendar years of yr.
func ReservePathsIn(outcomes []reform.Outcome, u reform.Units, yr YearRange) (*plot.Plot, error) {
	return Options{}.ReservePathsIn(outcomes, u, yr)
}

// ReservePaths is [ReservePaths] in the language of o.
func (o Options) ReservePaths(outcomes []reform.Outcome, u reform.Units) (*plot.Plot, error) {
	return o.ReservePathsIn(outcomes, u, YearRange{})
}

// ReservePathsIn is [ReservePathsIn] in the language of o.
func (o Options) ReservePathsIn(outcomes []reform.Outcome, u reform.Units, yr YearRange) (*plot.Plot, error) {
	l, err := o.lang()
	if err != nil {
		return nil, err
	}
	if !u.Valid() {
		return nil, fmt.Errorf("reform: chart units %v: %w", u, reform.ErrReportOptions)
	}
	sp, err := reform.CheckOutcomes(outcomes, false)
	if err != nil {
		return nil, err
	}
	lo, hi, err := yr.span(sp.Start, sp.Years)
	if err != nil {
		return nil, err
	}
	unit, err := u.Label(l.Tag)
	if err != nil {
		return nil, err
	}
	p := newChart(l, l.S(i18n.ChartReserveTitle), l.F(i18n.ChartReserveY, unit))
	zero, err := plotter.NewLine(plotter.XYs{{X: float64(sp.Start + lo), Y: 0}, {X: float64(sp.Start + hi), Y: 0}})
	if err != nil {
		return nil, err
	}
	zero.Color = zeroLineColor
	zero.Width = vg.Points(0.75)
	p.Add(zero)
	all := make([]plotter.XYs, 0, len(outcomes))
	for i := range outcomes {
		o := &outcomes[i]
		xys, err := yearSeries(o, lo, hi, "reserve at end", func(y *projection.YearResult) (float64, bool) {
			return y.ReserveEnd, true
		})
		if err != nil {
			return nil, err
		}
		for j := range xys {
			xys[j].Y = u.Scale(xys[j].Y)
		}
		if err := addLine(p, xys, o.Name, scenarioColor(i), nil); err != nil {
			return nil, err
		}
		all = append(all, xys)
	}
	placeLegend(p, all)
	return p, nil
}

// CostRate charts, for each outcome (base first), the PAYG cost rate
// ((benefits + administration costs) / salary bill, solid) against the
// contribution rate (contributions / salary bill, dashed), in per cent of
// the salary bill, in the scenario's colour: where the cost rate is above
// the contribution rate, the year runs a deficit before investment income
// and transfers. Years with a zero salary bill are left out. Errors as
// [ReservePaths]. It draws the whole projection: [CostRateIn] with the
// zero [YearRange].
func CostRate(outcomes []reform.Outcome) (*plot.Plot, error) {
	return Options{}.CostRateIn(outcomes, YearRange{})
}

// CostRateIn is [CostRate] over the calendar years of yr.
func CostRateIn(outcomes []reform.Outcome, yr YearRange) (*plot.Plot, error) {
	return Options{}.CostRateIn(outcomes, yr)
}

// CostRate is [CostRate] in the language of o.
func (o Options) CostRate(outcomes []reform.Outcome) (*plot.Plot, error) {
	return o.CostRateIn(outcomes, YearRange{})
}

// CostRateIn is [CostRateIn] in the language of o.
func (o Options) CostRateIn(outcomes []reform.Outcome, yr YearRange) (*plot.Plot, error) {
	l, lo, hi, err := o.prepare(outcomes, yr)
	if err != nil {
		return nil, err
	}
	p := newChart(l, l.S(i18n.ChartCostTitle), l.S(i18n.ChartCostY))
	all := make([]plotter.XYs, 0, 2*len(outcomes))
	for i := range outcomes {
		o := &outcomes[i]
		payg, err := yearSeries(o, lo, hi, "PAYG cost rate", func(y *projection.YearResult) (float64, bool) {
			return 100 * y.Expenditure() / y.ContributionBase, y.ContributionBase != 0
		})
		if err != nil {
			return nil, err
		}
		contrib, err := yearSeries(o, lo, hi, "contribution rate", func(y *projection.YearResult) (float64, bool) {
			return 100 * y.TotalContributions() / y.ContributionBase, y.ContributionBase != 0
		})
		if err != nil {
			return nil, err
		}
		if err := addLine(p, payg, l.F(i18n.ChartCostLegend, o.Name), scenarioColor(i), nil); err != nil {
			return nil, err
		}
		if err := addLine(p, contrib, l.F(i18n.ChartContribLegend, o.Name), scenarioColor(i), contribDashes); err != nil {
			return nil, err
		}
		all = append(all, payg, contrib)
	}
	placeLegend(p, all)
	return p, nil
}

// SupportRatio charts the support ratio of each outcome (base first):
// actives per pensioner on 1 January of each projected year, one line per
// scenario. Years without pensioners are left out. Errors as
// [ReservePaths]. It draws the whole projection: [SupportRatioIn] with the
// zero [YearRange].
func SupportRatio(outcomes []reform.Outcome) (*plot.Plot, error) {
	return Options{}.SupportRatioIn(outcomes, YearRange{})
}

// SupportRatioIn is [SupportRatio] over the calendar years of yr.
func SupportRatioIn(outcomes []reform.Outcome, yr YearRange) (*plot.Plot, error) {
	return Options{}.SupportRatioIn(outcomes, yr)
}

// SupportRatio is [SupportRatio] in the language of o.
func (o Options) SupportRatio(outcomes []reform.Outcome) (*plot.Plot, error) {
	return o.SupportRatioIn(outcomes, YearRange{})
}

// SupportRatioIn is [SupportRatioIn] in the language of o.
func (o Options) SupportRatioIn(outcomes []reform.Outcome, yr YearRange) (*plot.Plot, error) {
	l, lo, hi, err := o.prepare(outcomes, yr)
	if err != nil {
		return nil, err
	}
	p := newChart(l, l.S(i18n.ChartSupportTitle), l.S(i18n.ChartSupportY))
	all := make([]plotter.XYs, 0, len(outcomes))
	for i := range outcomes {
		o := &outcomes[i]
		xys, err := yearSeries(o, lo, hi, "support ratio", func(y *projection.YearResult) (float64, bool) {
			pens := y.TotalPensioners()
			return y.Actives / pens, pens != 0
		})
		if err != nil {
			return nil, err
		}
		if err := addLine(p, xys, o.Name, scenarioColor(i), nil); err != nil {
			return nil, err
		}
		all = append(all, xys)
	}
	placeLegend(p, all)
	return p, nil
}

// Render draws p on a canvas of width w and height h and writes it to dst
// in format "png" (96 dots per inch, gonum/plot's default) or "svg" (fonts
// referred to by name, not embedded; the text is laid out with the
// Liberation fonts' metrics). The output has no timestamp: the same plot
// gives the same bytes. Another format returns an error wrapping
// [reform.ErrChartFormat].
func Render(dst io.Writer, p *plot.Plot, w, h vg.Length, format string) error {
	switch format {
	case "png", "svg":
	default:
		return fmt.Errorf("reform: chart format %q: %w", format, reform.ErrChartFormat)
	}
	c, err := draw.NewFormattedCanvas(w, h, format)
	if err != nil {
		return err
	}
	p.Draw(draw.New(c))
	_, err = c.WriteTo(dst)
	return err
}

// Save draws p on a canvas of width w and height h (vg lengths: vg.Inch,
// vg.Centimeter, vg.Points) and writes it to the file path, as PNG or SVG
// by its extension (".png" or ".svg", in any case); see [Render]. Another
// extension returns an error wrapping [reform.ErrChartFormat] and creates no
// file.
func Save(p *plot.Plot, w, h vg.Length, path string) (err error) {
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if format != "png" && format != "svg" {
		return fmt.Errorf("reform: chart file %q: %w", path, reform.ErrChartFormat)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return Render(f, p, w, h, format)
}

// prepare checks the outcomes of a path chart and returns the language of o
// and the calendar years of yr that the chart draws.
func (o Options) prepare(outcomes []reform.Outcome, yr YearRange) (l *i18n.Lang, lo, hi int, err error) {
	if l, err = o.lang(); err != nil {
		return nil, 0, 0, err
	}
	sp, err := reform.CheckOutcomes(outcomes, false)
	if err != nil {
		return nil, 0, 0, err
	}
	lo, hi, err = yr.span(sp.Start, sp.Years)
	return l, lo, hi, err
}
