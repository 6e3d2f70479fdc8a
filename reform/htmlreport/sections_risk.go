// The sections on uncertainty (stochastic fans, probability of
// exhaustion) and on who gains and who loses.

package htmlreport

import (
	"strconv"

	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"github.com/shopspring/decimal"
)

// exhaustionStep is the step in years of the table of the probability of
// exhaustion; its last projected year is shown too.
const exhaustionStep = 10

// uncertainty: a fan of the reserve per regime, the probability of
// exhaustion by year as a chart and as a table every exhaustionStep years.
func (b *builder) uncertainty() ([]item, error) {
	regs := b.in.Stochastic
	if len(regs) == 0 {
		return nil, nil
	}
	l := b.l
	items := []item{{Para: l.F(i18n.UncertaintyNote, l.Float(float64(regs[0].Outcomes.Len()), 0))}}
	names := make([]string, len(regs))
	outs := make([]*stochastic.Outcomes, len(regs))
	exh := make([][]stochastic.Estimate, len(regs))
	for i, r := range regs {
		o := r.Outcomes
		names[i], outs[i], exh[i] = r.Name, o, o.Exhaustion(nil)
		p, err := b.chart.Fan(o, stochastic.Reserve, b.deterministic(r))
		if err != nil {
			return nil, err
		}
		// The fan's title and axis name the measure as package stochastic
		// does: they are set here in the report's words.
		p.Title.Text = l.F(i18n.ChartFanTitle, r.Name, l.Float(float64(o.Len()), 0))
		p.X.Label.Text = l.S(i18n.ChartYear)
		p.Y.Label.Text = l.S(i18n.ChartFanY)
		bands, err := o.Percentiles(stochastic.Reserve, []float64{0.05, 0.5, 0.95})
		if err != nil {
			return nil, err
		}
		last := o.Years - 1
		y0, y1 := o.StartYear, o.StartYear+last
		alt := l.F(i18n.FanAlt, r.Name, l.Float(float64(o.Len()), 0), y0, y1, y1, b.units,
			b.money(bands[1].Value[last]), b.money(bands[0].Value[last]), b.money(bands[2].Value[last]))
		f, err := newFigure(p, l.F(i18n.FanCaption, r.Name), alt)
		if err != nil {
			return nil, err
		}
		items = append(items, item{Figure: f})
	}
	p, err := b.chart.Exhaustion(names, outs)
	if err != nil {
		return nil, err
	}
	p.Title.Text = l.S(i18n.ChartExhaustionTitle)
	p.X.Label.Text = l.S(i18n.ChartYear)
	p.Y.Label.Text = l.S(i18n.ChartExhaustionY)
	o0 := outs[0]
	y0, y1 := o0.StartYear, o0.StartYear+o0.Years-1
	alt := l.F(i18n.ExhaustionAlt, y0, y1)
	for i, name := range names {
		alt += " " + l.F(i18n.ExhaustionAltSeries, name, b.percent(exh[i][o0.Years-1].Value), y1)
	}
	f, err := newFigure(p, l.S(i18n.ExhaustionCaption), alt)
	if err != nil {
		return nil, err
	}
	items = append(items, item{Figure: f})

	head := []string{l.S(i18n.ColYear)}
	for _, name := range names {
		head = append(head, l.F(i18n.ColExhaustedBy, name), l.F(i18n.ColExhaustedStdErr, name))
	}
	tb := newTable(l.S(i18n.ExhaustionTable), 1, head...)
	for _, t := range exhaustionYears(o0.Years) {
		row := []string{strconv.Itoa(o0.StartYear + t)}
		for i := range regs {
			row = append(row, b.percent(exh[i][t].Value), b.percent(exh[i][t].StdErr))
		}
		tb.add(1, row...)
	}
	return append(items, item{Table: tb}, item{Para: l.S(i18n.ExhaustionNeverNote)}), nil
}

// exhaustionYears are the years t of the table of exhaustion: every
// exhaustionStep years from the first, and the last.
func exhaustionYears(n int) []int {
	var ts []int
	for t := 0; t < n; t += exhaustionStep {
		ts = append(ts, t)
	}
	if ts[len(ts)-1] != n-1 {
		ts = append(ts, n-1)
	}
	return ts
}

// deterministic returns the reserve of the outcome named as regime r over
// the same years, for the dashed path of its fan, or nil.
func (b *builder) deterministic(r StochasticRegime) []float64 {
	for _, o := range b.in.Outcomes {
		if o.Name != r.Name || o.Result.StartYear != r.Outcomes.StartYear || len(o.Result.Years) < r.Outcomes.Years {
			continue
		}
		det := make([]float64, r.Outcomes.Years)
		for t := range det {
			det[t] = o.Result.Years[t].ReserveEnd
		}
		return det
	}
	return nil
}

// gains: for each reform, the table of package reform and the chart.
func (b *builder) gains() ([]item, error) {
	if len(b.in.Gains) == 0 {
		return nil, nil
	}
	l := b.l
	units := b.in.Tables.Units
	var items []item
	for _, g := range b.in.Gains {
		items = append(items, item{Heading: l.F(i18n.GainsHeading, g.Reform)})
		t, err := g.Gains.Table(units, l.Tag)
		if err != nil {
			return nil, err
		}
		items = append(items, item{Table: b.fromReport(t, nil)})
		p, err := b.chart.Gains(g.Gains, units)
		if err != nil {
			return nil, err
		}
		losing := l.F(i18n.GainsLosing, b.l.Float(100*g.Gains.LossThreshold, 1),
			b.l.Number(decimal.NewFromFloat(g.Gains.LosingShare).Shift(2).RoundBank(1), 1))
		f, err := newFigure(p, l.F(i18n.GainsCaption, g.Reform), l.F(i18n.GainsAlt, g.Reform, len(g.Gains.Cohorts), losing))
		if err != nil {
			return nil, err
		}
		items = append(items, item{Para: losing}, item{Figure: f})
	}
	return append(items, item{Para: l.S(i18n.GainsNote)}), nil
}
