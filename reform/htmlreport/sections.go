// The sections of the page, in their order.

package htmlreport

import (
	"strconv"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
)

// summary: the actuary's findings, a sentence on each scenario's reserve
// and GAP, and the key figures.
func (b *builder) summary() ([]item, error) {
	l := b.l
	var items []item
	for _, f := range b.in.Findings {
		items = append(items, item{Para: f})
	}
	s0 := b.in.Outcomes[0].Summary
	last := s0.StartYear + s0.Years - 1
	for _, o := range b.in.Outcomes {
		s := o.Summary
		if s.DepletionYear != 0 {
			items = append(items, item{Para: l.F(i18n.FindingDepleted, o.Name, s.DepletionYear)})
		} else {
			items = append(items, item{Para: l.F(i18n.FindingLasts, o.Name, last)})
		}
		y := &o.Result.Years[0]
		if y.ContributionBase != 0 && !s.Undefined.SalaryScalars {
			items = append(items, item{Para: l.F(i18n.FindingGAP, o.Name, b.percent(s.GAP),
				b.percent(y.TotalContributions()/y.ContributionBase), o.Result.StartYear)})
		}
	}
	tb := newTable(l.F(i18n.KeyFigures, s0.StartYear, last), 1,
		l.S(i18n.ColScenario), l.S(i18n.ColDepletionYear), l.S(i18n.ColGAPPct), l.S(i18n.ColBalancePct),
		l.F(i18n.ColReserveRatioAt, last))
	for _, o := range b.in.Outcomes {
		s := o.Summary
		dep := s.DepletionYear
		gap, bal := l.S(i18n.NotAvailable), l.S(i18n.NotAvailable)
		if !s.Undefined.SalaryScalars {
			gap, bal = b.percent(s.GAP), b.percent(s.ActuarialBalance)
		}
		// A negative reserve ratio (an exhausted reserve) is not shown, as in
		// package reform's summary: the ratio of a debt to a year's
		// expenditure misleads.
		rr := l.S(i18n.NotAvailable)
		if x := s.ReserveRatio[s.Years-1]; x >= 0 {
			rr = b.l.Float(x, reform.RatioDecimals)
		}
		tb.add(1, o.Name, b.year(dep), gap, bal, rr)
	}
	return append(items, item{Table: tb}), nil
}

// law: the rules of the scheme with their sources.
func (b *builder) law() ([]item, error) {
	if len(b.in.Law) == 0 {
		return nil, nil
	}
	l := b.l
	tb := newTable(l.S(i18n.LawCaption), 3, l.S(i18n.ColRule), l.S(i18n.ColProvision), l.S(i18n.ColSource))
	for _, r := range b.in.Law {
		tb.add(3, r.Name, r.Provision, r.Source)
	}
	return []item{{Table: tb}}, nil
}

// data: the population and finances of the first year, the assumptions.
func (b *builder) data() ([]item, error) {
	l := b.l
	res := b.in.Outcomes[0].Result
	y := &res.Years[0]
	tb := newTable(l.F(i18n.DataCaption, res.StartYear), 2, l.S(i18n.ColItem), l.S(i18n.ColUnit), l.S(i18n.ColValue))
	tb.add(2, l.S(i18n.ItemActives), l.S(i18n.UnitLives), b.lives(y.Actives))
	tb.add(2, l.S(i18n.ItemPensioners), l.S(i18n.UnitLives), b.lives(y.TotalPensioners()))
	tb.add(2, l.S(i18n.ItemSalaryBill), b.units, b.money(y.SalaryBill))
	tb.add(2, l.S(i18n.ItemReserve), b.units, b.money(y.ReserveStart))
	items := []item{{Table: tb}}
	if len(b.in.Assumptions) > 0 {
		at := newTable(l.S(i18n.AssumptionsCaption), 4,
			l.S(i18n.ColAssumption), l.S(i18n.ColValue), l.S(i18n.ColBasis), l.S(i18n.ColSource))
		for _, a := range b.in.Assumptions {
			at.add(4, a.Name, a.Value, l.S([...]i18n.Key{i18n.BasisPublished, i18n.BasisCalibrated, i18n.BasisJudgement}[a.Basis-1]), a.Source)
		}
		items = append(items, item{Table: at}, item{Para: l.S(i18n.BasisNote)})
	}
	return items, nil
}

// demography: the pyramids, the support ratio and the base's members.
func (b *builder) demography() ([]item, error) {
	l := b.l
	var items []item
	res := b.in.Outcomes[0].Result
	y0, y1 := res.StartYear, res.StartYear+len(res.Years)-1
	if d := b.detail(); d != nil {
		years := b.in.PyramidYears
		if years == nil {
			years = []int{y0, y1}
		}
		for _, year := range years {
			p, err := b.chart.Pyramid(d, year)
			if err != nil {
				return nil, err
			}
			pop, err := reform.PopulationAt(d, year)
			if err != nil {
				return nil, err
			}
			var act, pen float64
			for sx := range pop.Actives {
				for age := range pop.Actives[sx] {
					act += pop.Actives[sx][age]
					pen += pop.Pensioners[sx][age]
				}
			}
			f, err := newFigure(p, l.F(i18n.PyramidCaption, year), l.F(i18n.PyramidAlt, year, b.lives(act), b.lives(pen)))
			if err != nil {
				return nil, err
			}
			items = append(items, item{Figure: f})
		}
	}
	p, err := b.chart.SupportRatio(b.in.Outcomes)
	if err != nil {
		return nil, err
	}
	var names, first, last []string
	for _, o := range b.in.Outcomes {
		names = append(names, o.Name)
		first = append(first, b.ratio(o, 0))
		last = append(last, b.ratio(o, len(o.Result.Years)-1))
	}
	f, err := newFigure(p, l.S(i18n.SupportCaption), b.lineAlt(l.S(i18n.ChartSupportTitle), names, first, last, y0, y1))
	if err != nil {
		return nil, err
	}
	items = append(items, item{Figure: f})

	o := &b.in.Outcomes[0]
	tb := newTable(l.F(i18n.DemographyCaption, o.Name), 1,
		l.S(i18n.ColYear), l.S(i18n.ColActives), l.S(i18n.ColEntrants), l.S(i18n.ColPensioners), l.S(i18n.ColSupport))
	for _, t := range reform.ShownYears(len(res.Years), b.in.Tables.Step) {
		y := &o.Result.Years[t]
		tb.add(1, strconv.Itoa(o.Result.StartYear+t), b.lives(y.Actives), b.lives(y.Entrants),
			b.lives(y.TotalPensioners()), b.ratio(*o, t))
	}
	return append(items, item{Table: tb}), nil
}

// ratio returns the support ratio of year t of o, or "n/a".
func (b *builder) ratio(o reform.Outcome, t int) string {
	y := &o.Result.Years[t]
	if y.TotalPensioners() == 0 {
		return b.l.S(i18n.NotAvailable)
	}
	return b.l.Float(y.Actives/y.TotalPensioners(), reform.RatioDecimals)
}

// finance: the reserve, the cost rate against the contribution rate, the
// table by year and the transfers.
func (b *builder) finance() ([]item, error) {
	l := b.l
	out := b.in.Outcomes
	res := out[0].Result
	n := len(res.Years)
	y0, y1 := res.StartYear, res.StartYear+n-1

	p, err := b.chart.ReservePaths(out, b.in.Tables.Units)
	if err != nil {
		return nil, err
	}
	var names, first, last, cnames, cfirst, clast []string
	for _, o := range out {
		names = append(names, o.Name)
		first = append(first, b.money(o.Result.Years[0].ReserveEnd))
		last = append(last, b.money(o.Result.Years[n-1].ReserveEnd))
		cnames = append(cnames, l.F(i18n.ChartCostLegend, o.Name), l.F(i18n.ChartContribLegend, o.Name))
		for _, t := range []int{0, n - 1} {
			y := &o.Result.Years[t]
			cost, contrib := l.S(i18n.NotAvailable), l.S(i18n.NotAvailable)
			if y.ContributionBase != 0 {
				cost, contrib = b.percent(y.Expenditure()/y.ContributionBase), b.percent(y.TotalContributions()/y.ContributionBase)
			}
			if t == 0 {
				cfirst = append(cfirst, cost, contrib)
			} else {
				clast = append(clast, cost, contrib)
			}
		}
	}
	fr, err := newFigure(p, l.S(i18n.ReserveCaption),
		b.lineAlt(l.F(i18n.ChartReserveY, b.units), names, first, last, y0, y1))
	if err != nil {
		return nil, err
	}
	p, err = b.chart.CostRate(out)
	if err != nil {
		return nil, err
	}
	fc, err := newFigure(p, l.S(i18n.CostCaption), b.lineAlt(l.S(i18n.ChartCostTitle)+" (%)", cnames, cfirst, clast, y0, y1))
	if err != nil {
		return nil, err
	}
	items := []item{{Figure: fr}, {Figure: fc}, {Table: b.fromReport(b.rep.ByYear, nil)}}

	// Transfers, when any scenario receives or needs any.
	tb := newTable(l.F(i18n.TransfersCaption, b.units), 2,
		l.S(i18n.ColYear), l.S(i18n.ColScenario), l.S(i18n.ColTransfers), l.S(i18n.ColTransfersNeeded))
	some := false
	for _, t := range reform.ShownYears(n, b.in.Tables.Step) {
		for _, o := range out {
			got := o.Result.Years[t].Transfers
			var need float64
			if t < len(o.Summary.DeficitTransfers) {
				need = o.Summary.DeficitTransfers[t]
			}
			some = some || got != 0 || need != 0
			tb.add(2, strconv.Itoa(y0+t), o.Name, b.money(got), b.money(need))
		}
	}
	if some {
		items = append(items, item{Table: tb})
	}
	return items, nil
}

// indicators: the summary table of package reform.
func (b *builder) indicators() ([]item, error) {
	return []item{{Table: b.fromReport(b.rep.Summary, nil)}}, nil
}

// reforms: each reform against the base, with its attribution.
func (b *builder) reforms() ([]item, error) {
	l := b.l
	out := b.in.Outcomes
	if len(out) < 2 {
		return nil, nil
	}
	var items []item
	for i := 1; i < len(out); i++ {
		name, base := out[i].Name, out[0].Name
		items = append(items, item{Heading: l.F(i18n.ReformHeading, name, base)})
		tb := b.fromReport(b.rep.Summary, []int{0, 1, 2, 2*i + 1, 2*i + 2})
		tb.Caption = l.F(i18n.ReformCaption, name, base)
		items = append(items, item{Table: tb})
		for _, a := range b.in.Attributions {
			if a.Reform == name {
				items = append(items, item{Table: b.attribution(a)}, item{Para: l.S(i18n.AttributionNote)})
			}
		}
	}
	return items, nil
}

// attribution is the table of a reform's steps.
func (b *builder) attribution(a *reform.Attribution) *table {
	l := b.l
	tb := newTable(l.F(i18n.AttributionCaption, a.Reform), 1,
		l.S(i18n.ColMeasure), l.S(i18n.ColGAPPct), l.F(i18n.ColMarginal, "GAP")+" ("+l.S(i18n.UnitPoints)+")",
		l.S(i18n.ColBalancePct), l.F(i18n.ColMarginal, l.S(i18n.IndBalance))+" ("+l.S(i18n.UnitPoints)+")",
		l.S(i18n.ColDepletionYear))
	m := a.BaseMetrics
	tb.add(1, l.S(i18n.RowBase), b.percent(m.GAP), "", b.percent(m.ActuarialBalance), "", b.year(m.DepletionYear))
	for _, s := range a.Steps {
		tb.add(1, s.Change, b.percent(s.Metrics.GAP), b.points(s.Marginal.GAP),
			b.percent(s.Metrics.ActuarialBalance), b.points(s.Marginal.ActuarialBalance), b.year(s.Metrics.DepletionYear))
	}
	tb.add(1, l.S(i18n.RowTotal), "", b.points(a.Total.GAP), "", b.points(a.Total.ActuarialBalance), "")
	return tb
}

// sensitivity: the bars of the tornado.
func (b *builder) sensitivity() ([]item, error) {
	tor := b.in.Sensitivity
	if tor == nil {
		return nil, nil
	}
	l := b.l
	tb := newTable(l.F(i18n.SensitivityCaption, tor.Base.Name), 3,
		l.S(i18n.ColAssumption), l.S(i18n.ColLowered), l.S(i18n.ColRaised),
		l.S(i18n.ColGAPLowered), l.S(i18n.ColGAPRaised), l.S(i18n.ColSpread))
	for _, bar := range tor.Bars {
		tb.add(3, bar.Assumption, bar.Low, bar.High, b.percent(bar.LowMetrics.GAP), b.percent(bar.HighMetrics.GAP),
			b.l.Float(100*bar.Spread, reform.RateDecimals))
	}
	return []item{{Para: l.F(i18n.SensitivityNote, b.percent(tor.BaseMetrics.GAP))}, {Table: tb}}, nil
}
