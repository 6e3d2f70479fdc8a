// The results workbook.

package xlsx

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// Input is what the results workbook holds.
type Input struct {
	// Outcomes are the scenarios, the base first, each with its Result and
	// Summary, all over the same years (as [reform.NewReport] needs them).
	Outcomes []reform.Outcome
	// Attributions split reforms' effects among their measures, a sheet
	// each; nil: none.
	Attributions []*reform.Attribution
	// Units is the unit of money; zero: money units.
	Units reform.Units
	// Stochastic are Monte Carlo runs of regimes (package
	// actuarial/stochastic), a sheet each: the percentiles of the reserve
	// by year and the probability that it is exhausted by then, with their
	// standard errors; nil: none.
	Stochastic []Stochastic
}

// Stochastic is the Monte Carlo run of one regime.
type Stochastic struct {
	Name     string               // the regime, as the sheet names it
	Outcomes *stochastic.Outcomes // its scenarios, at least one
}

// Options are the options of the workbook. The zero value writes it in
// English.
type Options struct {
	// Language is English or Spanish as written in Mexico (any Spanish
	// tag gives es-MX); the zero value (language.Und) is English; another
	// language is an error wrapping [ErrInput].
	Language language.Tag
}

// Number formats (Excel's format codes, ECMA-376 Part 1, §18.8.31).
const (
	fmtMoney  = "#,##0"
	fmtRate   = "0.00"
	fmtDiff   = "+0.00;-0.00;0.00"
	fmtMoneyD = "+#,##0;-#,##0;0"
	fmtYear   = "0"
	fmtLives  = "#,##0"
)

// Write writes the results workbook of in to w in the language of opt; see
// [New].
func Write(w io.Writer, in *Input, opt Options) error {
	f, err := New(in, opt)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteTo(w)
	return err
}

// New returns the results workbook of in, in the language of opt: the
// sheets Summary, Projection, one comparison per reform and one
// attribution per attribution given. The outcomes are checked as
// [reform.NewReport] checks them (with their Summary); an invalid Units
// or language, or an attribution of a reform not among the outcomes, is
// an error wrapping [ErrInput].
func New(in *Input, opt Options) (*excelize.File, error) {
	l, err := i18n.For(opt.Language)
	if err != nil {
		return nil, fmt.Errorf("xlsx: Options.Language: %w: %w", err, ErrInput)
	}
	if in == nil {
		return nil, fmt.Errorf("xlsx: nil Input: %w", ErrInput)
	}
	if !in.Units.Valid() {
		return nil, fmt.Errorf("xlsx: Input.Units %v: %w", in.Units, ErrInput)
	}
	if _, err := reform.CheckOutcomes(in.Outcomes, true); err != nil {
		return nil, err
	}
	for i := range in.Outcomes {
		for t := range in.Outcomes[i].Result.Years {
			if err := reform.CheckYear(&in.Outcomes[i], t); err != nil {
				return nil, err
			}
		}
	}
	for i, a := range in.Attributions {
		if a == nil || !hasReform(in.Outcomes, a.Reform) {
			return nil, fmt.Errorf("xlsx: Attributions[%d]: not the attribution of a reform among the Outcomes: %w", i, ErrInput)
		}
	}
	for i, st := range in.Stochastic {
		if st.Name == "" || st.Outcomes == nil || st.Outcomes.Len() == 0 {
			return nil, fmt.Errorf("xlsx: Stochastic[%d]: want a name and at least one scenario: %w", i, ErrInput)
		}
	}
	units, err := in.Units.Label(l.Tag)
	if err != nil {
		return nil, err
	}
	b := &book{f: excelize.NewFile(), l: l, in: in, units: units, styles: map[string]int{}, names: map[string]bool{}}
	if err := b.build(); err != nil {
		b.f.Close()
		return nil, err
	}
	return b.f, nil
}

// hasReform reports whether a reform of the outcomes is named name.
func hasReform(out []reform.Outcome, name string) bool {
	for _, o := range out[1:] {
		if o.Name == name {
			return true
		}
	}
	return false
}

// book builds a workbook.
type book struct {
	f      *excelize.File
	l      *i18n.Lang
	in     *Input
	units  string
	styles map[string]int  // style of each number format
	header int             // the headers' style
	names  map[string]bool // the sheet names taken
}

// col is a column of a sheet: its header and number format ("" for text).
type col struct {
	head, format string
}

// value is a cell: a number, text, or nothing (nil).
type value = any

// empty is an undefined value: an empty cell.
var empty value

// build writes every sheet.
func (b *book) build() error {
	var err error
	if b.header, err = b.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"}}); err != nil {
		return err
	}
	first := b.f.GetSheetName(0)
	if err := b.summary(); err != nil {
		return err
	}
	if err := b.f.DeleteSheet(first); err != nil {
		return err
	}
	if err := b.projection(); err != nil {
		return err
	}
	for i := 1; i < len(b.in.Outcomes); i++ {
		if err := b.comparison(i); err != nil {
			return err
		}
	}
	for _, a := range b.in.Attributions {
		if err := b.attribution(a); err != nil {
			return err
		}
	}
	for _, st := range b.in.Stochastic {
		if err := b.stochastic(st); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(0)
	return nil
}

// sheetName returns name as Excel allows it, unique in the book.
func (b *book) sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, name)
	name = strings.Trim(name, "'")
	cut := func(s string, n int) string {
		for utf8.RuneCountInString(s) > n {
			_, size := utf8.DecodeLastRuneInString(s)
			s = s[:len(s)-size]
		}
		return s
	}
	name = cut(name, 31)
	base := name
	for k := 2; b.names[strings.ToLower(name)] || name == ""; k++ {
		suffix := fmt.Sprintf(" (%d)", k)
		name = cut(base, 31-len(suffix)) + suffix
	}
	b.names[strings.ToLower(name)] = true
	return name
}

// style returns the style of a number format.
func (b *book) style(format string) (int, error) {
	if id, ok := b.styles[format]; ok {
		return id, nil
	}
	id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, err
	}
	b.styles[format] = id
	return id, nil
}

// sheet writes a sheet: the header row, frozen, then the rows; a number
// cell takes its column's format.
func (b *book) sheet(name string, cols []col, rows [][]value) error {
	name = b.sheetName(name)
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	for j, c := range cols {
		cell, err := excelize.CoordinatesToCellName(j+1, 1)
		if err != nil {
			return err
		}
		if err := b.f.SetCellStr(name, cell, c.head); err != nil {
			return err
		}
		colName, err := excelize.ColumnNumberToName(j + 1)
		if err != nil {
			return err
		}
		width := 12.0
		if c.format == "" {
			width = 18
		}
		if err := b.f.SetColWidth(name, colName, colName, width); err != nil {
			return err
		}
		if c.format != "" {
			st, err := b.style(c.format)
			if err != nil {
				return err
			}
			if err := b.f.SetColStyle(name, colName, st); err != nil {
				return err
			}
		}
	}
	last, err := excelize.CoordinatesToCellName(len(cols), 1)
	if err != nil {
		return err
	}
	if err := b.f.SetCellStyle(name, "A1", last, b.header); err != nil {
		return err
	}
	for i, row := range rows {
		for j, v := range row {
			if v == nil {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(j+1, i+2)
			if err != nil {
				return err
			}
			if err := b.f.SetCellValue(name, cell, v); err != nil {
				return err
			}
			if cols[j].format != "" {
				st, err := b.style(cols[j].format)
				if err != nil {
					return err
				}
				if err := b.f.SetCellStyle(name, cell, cell, st); err != nil {
					return err
				}
			}
		}
	}
	return b.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// money returns x in the book's units.
func (b *book) money(x float64) float64 { return b.in.Units.Scale(x) }

// withUnit returns a header with its unit in parentheses.
func withUnit(head, unit string) string { return head + " (" + unit + ")" }

// rate returns num/den in per cent, or an empty cell when den is 0.
func rate(num, den float64) value {
	if den == 0 {
		return empty
	}
	return 100 * num / den
}

// perCent returns a fraction in per cent.
func perCent(x float64) float64 { return 100 * x }

// summary writes the summary sheet: one row per indicator, a column per
// scenario and each reform's difference from the base.
func (b *book) summary() error {
	l, out := b.l, b.in.Outcomes
	cols := []col{{l.S(i18n.ColIndicator), ""}, {l.S(i18n.ColUnit), ""}}
	for i, o := range out {
		cols = append(cols, col{o.Name, fmtRate})
		if i > 0 {
			cols = append(cols, col{l.F(i18n.DifferenceFormat, o.Name, out[0].Name), fmtDiff})
		}
	}
	s0 := out[0].Summary
	last := s0.StartYear + s0.Years - 1
	pct := l.S(i18n.UnitPctSalaries)
	type ind struct {
		name, unit string
		get        func(o *reform.Outcome) value
	}
	ratioUnit := l.S(i18n.UnitYearsExpense)
	for _, o := range out {
		if o.Summary.ReserveRatio[o.Summary.Years-1] < 0 {
			ratioUnit += l.S(i18n.ReserveExhausted)
			break
		}
	}
	inds := []ind{
		{l.S(i18n.IndDepletion), l.S(i18n.UnitYear), func(o *reform.Outcome) value {
			if o.Summary.DepletionYear == 0 {
				return l.S(i18n.None)
			}
			return o.Summary.DepletionYear
		}},
		{l.S(i18n.IndGAP), pct, func(o *reform.Outcome) value { return onSalaries(o, o.Summary.GAP) }},
		{l.S(i18n.IndGAPNoReserve), pct, func(o *reform.Outcome) value { return onSalaries(o, o.Summary.GAPWithoutReserve) }},
		{l.F(i18n.IndReserveRatio, last), ratioUnit, func(o *reform.Outcome) value {
			// A negative ratio (an exhausted reserve) is an empty cell, as
			// in package reform's summary.
			if x := o.Summary.ReserveRatio[o.Summary.Years-1]; x >= 0 {
				return x
			}
			return empty
		}},
		{l.S(i18n.IndDeficitPV), b.units, func(o *reform.Outcome) value { return b.money(o.Summary.DeficitPV) }},
		{l.S(i18n.IndBalance), pct, func(o *reform.Outcome) value { return onSalaries(o, o.Summary.ActuarialBalance) }},
	}
	var rows [][]value
	for _, d := range inds {
		row := []value{d.name, d.unit}
		base := d.get(&out[0])
		for i := range out {
			v := d.get(&out[i])
			if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
				return fmt.Errorf("xlsx: outcome %q: %s is %v: %w", out[i].Name, d.name, x, ErrInput)
			}
			row = append(row, v)
			if i > 0 {
				row = append(row, diff(base, v))
			}
		}
		rows = append(rows, row)
	}
	if err := b.sheet(l.S(i18n.SheetSummary), cols, rows); err != nil {
		return err
	}
	// The depletion years and the deficit are whole numbers: their own formats.
	name := l.S(i18n.SheetSummary)
	for j := 2; j < len(cols); j++ {
		// In row order, so that styles are numbered the same in every run.
		for _, rf := range [...]struct {
			row          int
			format, diff string
		}{{2, fmtYear, "+0;-0;0"}, {6, fmtMoney, fmtMoneyD}} {
			r, format := rf.row, rf.format
			if cols[j].format == fmtDiff {
				format = rf.diff
			}
			st, err := b.style(format)
			if err != nil {
				return err
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, r)
			if err := b.f.SetCellStyle(name, cell, cell, st); err != nil {
				return err
			}
		}
	}
	return nil
}

// onSalaries returns a rate on salaries in per cent, or an empty cell
// when the outcome has no salaries ([indicator.Undefined] SalaryScalars).
func onSalaries(o *reform.Outcome, x float64) value {
	if o.Summary.Undefined.SalaryScalars {
		return empty
	}
	return perCent(x)
}

// diff returns v − base for numbers, an empty cell otherwise (a year of
// depletion against "none").
func diff(base, v value) value {
	switch bv := base.(type) {
	case float64:
		if vv, ok := v.(float64); ok {
			return vv - bv
		}
	case int:
		if vv, ok := v.(int); ok {
			return vv - bv
		}
	}
	return empty
}

// projection writes the projection by year and scenario.
func (b *book) projection() error {
	l := b.l
	cols := []col{
		{l.S(i18n.ColYear), fmtYear}, {l.S(i18n.ColScenario), ""},
		{withUnit(l.S(i18n.ColReserve), b.units), fmtMoney},
		{l.S(i18n.ColPAYG), fmtRate}, {l.S(i18n.ColContribRate), fmtRate},
		{withUnit(l.S(i18n.ColContrib), b.units), fmtMoney},
		{withUnit(l.S(i18n.ColBenefits), b.units), fmtMoney},
		{withUnit(l.S(i18n.ColTransfers), b.units), fmtMoney},
		{withUnit(l.S(i18n.ColSalaryBill), b.units), fmtMoney},
		{l.S(i18n.ColActives), fmtLives}, {l.S(i18n.ColPensioners), fmtLives},
		{l.S(i18n.ColSupport), fmtRate},
	}
	var rows [][]value
	res0 := b.in.Outcomes[0].Result
	for t := range res0.Years {
		for _, o := range b.in.Outcomes {
			y := &o.Result.Years[t]
			rows = append(rows, []value{
				o.Result.StartYear + t, o.Name, b.money(y.ReserveEnd),
				rate(y.Expenditure(), y.ContributionBase), rate(y.TotalContributions(), y.ContributionBase),
				b.money(y.TotalContributions()), b.money(y.Benefits()), b.money(y.Transfers), b.money(y.SalaryBill),
				y.Actives, y.TotalPensioners(), supportRatio(y),
			})
		}
	}
	return b.sheet(l.S(i18n.SheetProjection), cols, rows)
}

// supportRatio returns the actives per pensioner, or an empty cell.
func supportRatio(y *projection.YearResult) value {
	p := y.TotalPensioners()
	if p == 0 {
		return empty
	}
	return y.Actives / p
}

// comparison writes reform i against the base by year.
func (b *book) comparison(i int) error {
	l := b.l
	base, ref := &b.in.Outcomes[0], &b.in.Outcomes[i]
	reserve, crate, payg := withUnit(l.S(i18n.ColReserve), b.units), l.S(i18n.ColContribRate), l.S(i18n.ColPAYG)
	cols := []col{
		{l.S(i18n.ColYear), fmtYear},
		{l.F(i18n.ColOf, reserve, base.Name), fmtMoney}, {l.F(i18n.ColOf, reserve, ref.Name), fmtMoney},
		{l.F(i18n.ColDiffOf, reserve), fmtMoneyD},
		{l.F(i18n.ColOf, crate, base.Name), fmtRate}, {l.F(i18n.ColOf, crate, ref.Name), fmtRate},
		{l.F(i18n.ColDiffOf, crate), fmtDiff},
		{l.F(i18n.ColOf, payg, base.Name), fmtRate}, {l.F(i18n.ColOf, payg, ref.Name), fmtRate},
		{l.F(i18n.ColDiffOf, payg), fmtDiff},
	}
	var rows [][]value
	for t := range base.Result.Years {
		yb, yr := &base.Result.Years[t], &ref.Result.Years[t]
		cb, cr := rate(yb.TotalContributions(), yb.ContributionBase), rate(yr.TotalContributions(), yr.ContributionBase)
		pb, pr := rate(yb.Expenditure(), yb.ContributionBase), rate(yr.Expenditure(), yr.ContributionBase)
		rows = append(rows, []value{
			base.Result.StartYear + t,
			b.money(yb.ReserveEnd), b.money(yr.ReserveEnd), b.money(yr.ReserveEnd) - b.money(yb.ReserveEnd),
			cb, cr, diffOrEmpty(cb, cr), pb, pr, diffOrEmpty(pb, pr),
		})
	}
	return b.sheet(l.F(i18n.SheetComparison, ref.Name, base.Name), cols, rows)
}

// diffOrEmpty returns v − base, or an empty cell if either is.
func diffOrEmpty(base, v value) value {
	if base == nil || v == nil {
		return empty
	}
	return v.(float64) - base.(float64)
}

// attribution writes the steps of a reform's attribution.
func (b *book) attribution(a *reform.Attribution) error {
	l := b.l
	pts := l.S(i18n.UnitPoints)
	cols := []col{
		{l.S(i18n.ColMeasure), ""},
		{l.S(i18n.ColGAPPct), fmtRate}, {withUnit(l.F(i18n.ColMarginal, l.S(i18n.IndGAP)), pts), fmtDiff},
		{l.S(i18n.ColBalancePct), fmtRate}, {withUnit(l.F(i18n.ColMarginal, l.S(i18n.IndBalance)), pts), fmtDiff},
		{withUnit(l.S(i18n.ColDeficitPV), b.units), fmtMoney},
		{withUnit(l.F(i18n.ColMarginal, l.S(i18n.ColDeficitPV)), b.units), fmtMoneyD},
		{l.S(i18n.ColDepletionYear), fmtYear},
	}
	year := func(y int) value {
		if y == 0 {
			return l.S(i18n.None)
		}
		return y
	}
	m := a.BaseMetrics
	rows := [][]value{{l.S(i18n.RowBase), perCent(m.GAP), empty, perCent(m.ActuarialBalance), empty, b.money(m.DeficitPV), empty, year(m.DepletionYear)}}
	for _, s := range a.Steps {
		rows = append(rows, []value{s.Change, perCent(s.Metrics.GAP), perCent(s.Marginal.GAP),
			perCent(s.Metrics.ActuarialBalance), perCent(s.Marginal.ActuarialBalance),
			b.money(s.Metrics.DeficitPV), b.money(s.Marginal.DeficitPV), year(s.Metrics.DepletionYear)})
	}
	rows = append(rows, []value{l.S(i18n.RowTotal), empty, perCent(a.Total.GAP), empty, perCent(a.Total.ActuarialBalance),
		empty, b.money(a.Total.DeficitPV), empty})
	for _, r := range rows {
		for _, v := range r {
			if x, ok := v.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
				return fmt.Errorf("xlsx: attribution of %q: a value is not finite: %w", a.Reform, ErrInput)
			}
		}
	}
	return b.sheet(l.F(i18n.SheetAttribution, a.Reform), cols, rows)
}

// stochasticPercentiles are the percentiles of the reserve a stochastic
// sheet gives.
var stochasticPercentiles = []float64{0.05, 0.25, 0.5, 0.75, 0.95}

// stochastic writes the sheet of one regime's Monte Carlo run: by year, the
// reserve's percentiles and the probability of exhaustion by that year,
// each with its standard error.
func (b *book) stochastic(st Stochastic) error {
	l, o := b.l, st.Outcomes
	bands, err := o.Percentiles(stochastic.Reserve, stochasticPercentiles)
	if err != nil {
		return fmt.Errorf("xlsx: Stochastic %q: %w", st.Name, err)
	}
	ex := o.Exhaustion(nil)
	cols := []col{{l.S(i18n.ColYear), fmtYear}}
	for _, bd := range bands {
		cols = append(cols, col{withUnit(l.F(i18n.ColReservePct, 100*bd.P), b.units), fmtMoney})
	}
	cols = append(cols, col{l.S(i18n.ColExhaustedPct), fmtRate}, col{l.S(i18n.ColExhaustedSE), fmtRate})
	rows := make([][]value, o.Years)
	for t := range rows {
		row := []value{o.StartYear + t}
		for _, bd := range bands {
			row = append(row, b.money(bd.Value[t]))
		}
		rows[t] = append(row, perCent(ex[t].Value), perCent(ex[t].StdErr))
	}
	return b.sheet(l.F(i18n.SheetStochastic, st.Name, o.Len()), cols, rows)
}
