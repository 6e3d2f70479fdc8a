// Reports of outcomes: a table by year and a summary table, as money in
// decimal rounded explicitly, written as text, CSV or Markdown.

package reform

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// Units is the unit in which reports and charts show money. The zero value
// is UnitsOne: money units, as the projection has them.
type Units int

// The units of money.
const (
	UnitsOne       Units = iota // money units
	UnitsThousands              // thousands of money units
	UnitsMillions               // millions of money units
)

// String returns "money units", "thousands" or "millions", the words the
// headers of reports and the axes of charts use, or "Units(n)".
func (u Units) String() string {
	switch u {
	case UnitsOne:
		return "money units"
	case UnitsThousands:
		return "thousands"
	case UnitsMillions:
		return "millions"
	}
	return fmt.Sprintf("Units(%d)", int(u))
}

// label returns the words of the unit in language l.
func (u Units) label(l *i18n.Lang) string {
	switch u {
	case UnitsThousands:
		return l.S(i18n.UnitsThousands)
	case UnitsMillions:
		return l.S(i18n.UnitsMillions)
	}
	return l.S(i18n.UnitsOne)
}

// Label returns the words of the unit in the language of tag (English for
// the zero tag, Spanish for any Spanish), as the headers of reports and
// the axes of charts show them; another language is an error wrapping
// [ErrReportOptions].
func (u Units) Label(tag language.Tag) (string, error) {
	l, err := reportLang(tag)
	if err != nil {
		return "", err
	}
	return u.label(l), nil
}

// reportLang returns the catalogue language of tag.
func reportLang(tag language.Tag) (*i18n.Lang, error) {
	l, err := i18n.For(tag)
	if err != nil {
		return nil, fmt.Errorf("reform: report Language: %w: %w", err, ErrReportOptions)
	}
	return l, nil
}

// Valid reports whether u is one of the units above.
func (u Units) Valid() bool { return u >= UnitsOne && u <= UnitsMillions }

// exponent is the power of ten of the unit: 0, 3 or 6.
func (u Units) exponent() int32 { return 3 * int32(u) }

// scale returns x in units u, as a float64 for charts.
func (u Units) Scale(x float64) float64 { return x / math.Pow10(int(u.exponent())) }

// Tables selects the tables of a report; its zero value selects both.
type Tables uint8

// The tables of a report.
const (
	TableByYear  Tables = 1 << iota // the table by year and scenario
	TableSummary                    // the summary table of the indicators over the horizon
)

// RateDecimals is the number of decimals of the rates in reports, shown in
// per cent (14.25 for 0.1425), rounded half to even; differences of rates
// are percentage points with the same decimals. RatioDecimals is that of
// the support ratio and the reserve ratio (lives per pensioner, years of
// expenditure).
const (
	RateDecimals  = 2
	RatioDecimals = 2
)

// maxMoneyDecimals bounds ReportOptions.MoneyDecimals.
const maxMoneyDecimals = 6

// ReportOptions says what a report shows and how it rounds. The zero value
// shows both tables, every year, money in whole money units and the
// reserve ratio at the last year of the horizon.
type ReportOptions struct {
	// Step shows every Step-th year in the table by year: the years
	// StartYear, StartYear+Step, ... and always the last projected year.
	// 0 or 1 shows every year; negative is an error.
	Step int
	// Units is the unit of money amounts; zero: money units. The unit is
	// stated in the header of every money column.
	Units Units
	// MoneyDecimals is the number of decimals of money amounts in Units,
	// rounded half to even ([decimal.Decimal.RoundBank]), in 0..6; zero:
	// whole Units (whole thousands with UnitsThousands).
	MoneyDecimals int
	// RatioYears are the calendar years at which the summary shows the
	// reserve ratio, each within the horizon of the outcomes' summaries;
	// nil: the last year of the horizon.
	RatioYears []int
	// Tables selects the tables to write; zero: both.
	Tables Tables
	// Language is the language of the titles, headers and words of the
	// report: English or Spanish as written in Mexico (any Spanish tag
	// gives es-MX); the zero value (language.Und) is English; another
	// language is an error. In Spanish the text and Markdown tables group
	// the thousands of their numbers as es-MX does (golang.org/x/text:
	// "1,234.50"); CSV keeps plain numbers ("1234.50") in every language,
	// for the programs that read it.
	Language language.Tag
	// Grouping groups the thousands of the numbers of the text and
	// Markdown tables (and of [Report]'s cells) in English too, as
	// golang.org/x/text formats them ("60,279,528"); false: plain numbers
	// in English ("60279528"), grouped in Spanish. CSV is always plain.
	Grouping bool
}

// validate checks the fields that do not depend on the outcomes.
func (o *ReportOptions) validate() error {
	switch {
	case o.Step < 0:
		return fmt.Errorf("reform: report Step %d is negative: %w", o.Step, ErrReportOptions)
	case !o.Units.Valid():
		return fmt.Errorf("reform: report Units %v: %w", o.Units, ErrReportOptions)
	case o.MoneyDecimals < 0 || o.MoneyDecimals > maxMoneyDecimals:
		return fmt.Errorf("reform: report MoneyDecimals %d outside 0..%d: %w", o.MoneyDecimals, maxMoneyDecimals, ErrReportOptions)
	case o.Tables&^(TableByYear|TableSummary) != 0:
		return fmt.Errorf("reform: report Tables %#x: unknown table: %w", uint8(o.Tables), ErrReportOptions)
	}
	_, err := reportLang(o.Language)
	return err
}

// Report is a report of outcomes, its cells already rounded and formatted:
// [NewReport] builds it, its methods write it. A table not asked for is
// nil.
type Report struct {
	// ByYear has one row per year shown and scenario, in the order of the
	// outcomes within each year: year, scenario, reserve at end, PAYG cost
	// rate, contribution rate, contributions, benefits, support ratio. This
	// long layout keeps the table as narrow with five scenarios as with
	// one, puts a reform's row right under the base's, and makes a tidy CSV
	// (one observation a row).
	ByYear *Table
	// Summary has one row per indicator and a column per scenario, each
	// reform followed by its difference from the base.
	Summary *Table
}

// Table is one table of a [Report]: a title, the column headers and the
// rows of formatted cells. An empty cell is a value that is not defined
// (a rate on a zero salary bill, say): the text and Markdown writers show
// it as "n/a", the CSV writer leaves it empty. The leading label columns
// of a table from [NewReport] (year and scenario; indicator and unit) are
// aligned left and the numbers right; a Table built otherwise aligns
// every column right. A row with other than len(Columns) cells is a
// programming error: WriteText panics on it.
type Table struct {
	Title   string     // what the table shows, with its horizon and unit of money
	Columns []string   // the column headers, units in parentheses
	Rows    [][]string // the cells, len(Columns) in every row
	labels  int        // the leading columns that are labels, aligned left; the others are numbers
	// plain are the cells with plain numbers ("1234.50") that CSV writes
	// when Rows group thousands (a report in Spanish); nil: Rows.
	plain [][]string
	na    string // how text and Markdown show an empty cell; "": notAvailable
}

// Labels returns the number of leading columns of t that are labels
// (aligned left); the others hold numbers (aligned right).
func (t *Table) Labels() int { return t.labels }

// notAvailable is how text and Markdown show an empty cell.
const notAvailable = "n/a"

// NewReport checks the outcomes (base first) and builds their report.
//
// Every outcome needs its Result; the summary table also needs its
// Summary. All must start in the same year, project the same number of
// years and have summaries over the same horizon; an empty list, a missing
// Result or Summary, a mismatch or a value that is NaN or infinite returns
// an error naming the outcome (wrapping [ErrNoOutcomes],
// [ErrIncompleteOutcome], [ErrOutcomesDiffer] or an
// [*indicator.SeriesError] with [actuarial.ErrNotFinite]); bad options
// wrap [ErrReportOptions] and a reserve-ratio year outside the horizon
// [ErrYearOutside].
//
// The table by year covers every projected year (see [ReportOptions.Step]),
// from each Result:
//
//   - reserve at end: the reserve on 31 December;
//   - PAYG cost rate: (benefits + administration costs) / salary bill, as
//     [indicator.PAYGCostRate]; here and below "salary bill" is the
//     insurable salary bill, after the contribution ceiling
//     ([projection.YearResult.ContributionBase]), as the ILO computes rates;
//   - contribution rate: contributions of all payers / salary bill;
//   - contributions; benefits (pensions, extra payments and refunds);
//   - support ratio: actives per pensioner on 1 January, as
//     [indicator.SupportRatio].
//
// A rate whose salary bill is 0, or a support ratio without pensioners, is
// an empty cell. The summary table covers the summaries' horizon: the
// depletion year (or "none"), the GAP with and without the initial reserve,
// the reserve ratio (reserve at the end of the year over the year's
// expenditure) at each of ReportOptions.RatioYears, the present value of
// the deficit (of the transfers the state would make to keep the reserve
// from going below the horizon's floor) and the actuarial balance, as
// [indicator.Summary] has them. Each reform's difference from the base is the difference of
// the rounded figures, so the columns add up exactly; in the depletion
// row it is the two years themselves, the base's and the reform's: "2033 →
// 2041", or "2033 → never" for a reserve that lasts the horizon.
//
// A reserve ratio of a year whose reserve is negative (exhausted) is an
// empty cell, "n/a", and the row's unit then reads "years of expenditure;
// n/a: reserve exhausted": the ratio of a debt to a year's expenditure falls as the
// expenditure falls, so a reform that cuts benefits and leaves a smaller
// debt could read worse (−9.53 against −9.40); compare the reserves (the
// table by year) or the deficit's present value instead. The rates on
// salaries of a scheme without a salary bill ([indicator.Undefined]
// SalaryScalars) are empty cells too, and so is a difference with an empty
// side.
//
// Money is rounded half to even to MoneyDecimals in Units, rates are per
// cent with [RateDecimals] decimals and ratios have [RatioDecimals].
func NewReport(outcomes []Outcome, opt ReportOptions) (*Report, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	tables := opt.Tables
	if tables == 0 {
		tables = TableByYear | TableSummary
	}
	if _, err := CheckOutcomes(outcomes, tables&TableSummary != 0); err != nil {
		return nil, err
	}
	var r Report
	l, err := reportLang(opt.Language)
	if err != nil {
		return nil, err
	}
	f := cellFormat{l, opt.Grouping || !l.IsEnglish()}
	if tables&TableByYear != 0 {
		if r.ByYear, err = byYearTable(outcomes, &opt, f); err != nil {
			return nil, err
		}
	}
	if tables&TableSummary != 0 {
		if r.Summary, err = summaryTable(outcomes, &opt, f); err != nil {
			return nil, err
		}
	}
	return &r, nil
}

// WriteText writes the report of the outcomes (base first) as text tables
// aligned with [text/tabwriter]; see [NewReport] for the contents and the
// errors, and [Report.WriteText] for the layout.
func WriteText(w io.Writer, outcomes []Outcome, opt ReportOptions) error {
	r, err := NewReport(outcomes, opt)
	if err != nil {
		return err
	}
	return r.WriteText(w)
}

// WriteCSV writes the report of the outcomes (base first) as CSV with
// [encoding/csv]; see [NewReport] for the contents and the errors, and
// [Report.WriteCSV] for the layout.
func WriteCSV(w io.Writer, outcomes []Outcome, opt ReportOptions) error {
	r, err := NewReport(outcomes, opt)
	if err != nil {
		return err
	}
	return r.WriteCSV(w)
}

// WriteMarkdown writes the report of the outcomes (base first) as Markdown
// tables; see [NewReport] for the contents and the errors, and
// [Report.WriteMarkdown] for the layout.
func WriteMarkdown(w io.Writer, outcomes []Outcome, opt ReportOptions) error {
	r, err := NewReport(outcomes, opt)
	if err != nil {
		return err
	}
	return r.WriteMarkdown(w)
}

// outcomeSpan is what the outcomes cover: the start year and projected years
// common to all, and the summaries' horizon (0 without summaries).
type outcomeSpan struct {
	Start, Years, horizon int
}

// checkOutcomes checks that there are outcomes, that each has its Result
// (and its Summary when withSummary) and that all cover the same years.
func CheckOutcomes(outcomes []Outcome, withSummary bool) (outcomeSpan, error) {
	if len(outcomes) == 0 {
		return outcomeSpan{}, fmt.Errorf("reform: %w", ErrNoOutcomes)
	}
	var sp outcomeSpan
	for i := range outcomes {
		o := &outcomes[i]
		if o.Result == nil {
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q) has no Result: %w", i, o.Name, ErrIncompleteOutcome)
		}
		if len(o.Result.Years) == 0 {
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q) has no projected years: %w", i, o.Name, ErrIncompleteOutcome)
		}
		if withSummary && o.Summary == nil {
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q) has no Summary: %w", i, o.Name, ErrIncompleteOutcome)
		}
		start, n := o.Result.StartYear, len(o.Result.Years)
		if i == 0 {
			sp = outcomeSpan{Start: start, Years: n}
		}
		base := &outcomes[0]
		switch {
		case start != sp.Start:
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q) starts in %d, outcome 0 (%q) in %d: %w",
				i, o.Name, start, base.Name, sp.Start, ErrOutcomesDiffer)
		case n != sp.Years:
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q) projects %d years, outcome 0 (%q) %d: %w",
				i, o.Name, n, base.Name, sp.Years, ErrOutcomesDiffer)
		}
		if !withSummary {
			continue
		}
		s := o.Summary
		switch {
		case s.StartYear != start:
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q): summary starts in %d, its projection in %d: %w",
				i, o.Name, s.StartYear, start, ErrOutcomesDiffer)
		case s.Years <= 0 || s.Years > n:
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q): summary over %d years of a projection of %d: %w",
				i, o.Name, s.Years, n, ErrIncompleteOutcome)
		case len(s.ReserveRatio) != s.Years:
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q): summary has %d reserve ratios for %d years: %w",
				i, o.Name, len(s.ReserveRatio), s.Years, ErrIncompleteOutcome)
		}
		if i == 0 {
			sp.horizon = s.Years
		} else if s.Years != sp.horizon {
			return outcomeSpan{}, fmt.Errorf("reform: outcome %d (%q): summary over %d years, outcome 0 (%q) over %d: %w",
				i, o.Name, s.Years, base.Name, sp.horizon, ErrOutcomesDiffer)
		}
	}
	return sp, nil
}

// finite returns an error naming the outcome, the series and the year if x
// is NaN or infinite: t is the year index, −1 for a value over the horizon.
func Finite(o *Outcome, series string, t, year int, x float64) error {
	if !math.IsNaN(x) && !math.IsInf(x, 0) {
		return nil
	}
	return fmt.Errorf("reform: outcome %q: %w", o.Name,
		&indicator.SeriesError{Series: series, T: t, Year: year, Value: x, Err: actuarial.ErrNotFinite})
}

// checkYear checks that the amounts and counts of year t of an outcome's
// projection that reports and charts read are finite.
func CheckYear(o *Outcome, t int) error {
	y := &o.Result.Years[t]
	year := o.Result.StartYear + t
	for _, v := range [...]struct {
		name string
		x    float64
	}{{"reserve at end", y.ReserveEnd}, {"salary bill", y.SalaryBill}, {"contribution base", y.ContributionBase}, {"contributions", y.TotalContributions()},
		{"expenditure", y.Expenditure()}, {"actives", y.Actives}, {"pensioners", y.TotalPensioners()}} {
		if err := Finite(o, v.name, t, year, v.x); err != nil {
			return err
		}
	}
	return nil
}

// money returns x in units u rounded half to even to places decimals: the
// shortest decimal that reads back as x, shifted by the unit's power of
// ten (exact) and rounded. x must be finite.
func money(x float64, u Units, places int32) decimal.Decimal {
	return decimal.NewFromFloat(x).Shift(-u.exponent()).RoundBank(places)
}

// percent returns the fraction x in per cent, rounded half to even to
// RateDecimals.
func percent(x float64) decimal.Decimal {
	return decimal.NewFromFloat(x).Shift(2).RoundBank(RateDecimals)
}

// ratio returns x rounded half to even to RatioDecimals.
func ratio(x float64) decimal.Decimal { return decimal.NewFromFloat(x).RoundBank(RatioDecimals) }

// shownYears returns the year indexes the table by year shows out of n:
// 0, step, 2·step, ... and n−1.
func ShownYears(n, step int) []int {
	step = max(step, 1)
	ts := make([]int, 0, (n+step-1)/step+1)
	for t := 0; t < n; t += step {
		ts = append(ts, t)
	}
	if ts[len(ts)-1] != n-1 {
		ts = append(ts, n-1)
	}
	return ts
}

// cellFormat formats the cells of a report in its language: plain
// numbers in English (as decimal.StringFixed writes them), numbers with
// the locale's separators (golang.org/x/text) in Spanish.
type cellFormat struct {
	l     *i18n.Lang
	group bool // whether the shown numbers group thousands
}

// grouped reports whether the shown numbers differ from the plain ones.
func (f cellFormat) grouped() bool { return f.group }

// num returns d with places decimals, plain and as shown.
func (f cellFormat) num(d decimal.Decimal, places int32) (plain, shown string) {
	plain = d.StringFixed(places)
	if !f.grouped() {
		return plain, plain
	}
	return plain, f.l.Number(d, places)
}

// signed returns a difference with places decimals and an explicit sign,
// plain and as shown (see [signed]).
func (f cellFormat) signed(d decimal.Decimal, places int32) (plain, shown string) {
	plain = signed(d, places)
	if !f.grouped() {
		return plain, plain
	}
	shown = f.l.Number(d.Abs(), places)
	switch d.Sign() {
	case 1:
		shown = "+" + shown
	case -1:
		shown = "-" + shown
	}
	return plain, shown
}

// put sets cell j of a row to plain, and of its shown cells (nil: the
// same) to shown.
func (f cellFormat) put(row, shown []string, j int, plain, sh string) {
	row[j] = plain
	if shown != nil {
		shown[j] = sh
	}
}

// putNum sets cell j of a row and of its shown cells to d with places
// decimals.
func (f cellFormat) putNum(row, shown []string, j int, d decimal.Decimal, places int32) {
	p, sh := f.num(d, places)
	f.put(row, shown, j, p, sh)
}

// newTable returns a table in the language of f with its title, columns
// and labels.
func (f cellFormat) newTable(title string, columns []string, labels int) *Table {
	tb := &Table{Title: title, Columns: columns, labels: labels}
	if !f.l.IsEnglish() {
		tb.na = f.l.S(i18n.NotAvailable)
	}
	return tb
}

// addRow appends a row of plain cells and its shown cells (nil: the
// same) to tb.
func (tb *Table) addRow(plain, shown []string) {
	if shown == nil {
		tb.Rows = append(tb.Rows, plain)
		if tb.plain != nil {
			tb.plain = append(tb.plain, plain)
		}
		return
	}
	if tb.plain == nil {
		tb.plain = append(make([][]string, 0, cap(tb.Rows)), tb.Rows...)
	}
	tb.Rows = append(tb.Rows, shown)
	tb.plain = append(tb.plain, plain)
}

// byYearTable builds the table by year of checked outcomes.
func byYearTable(outcomes []Outcome, opt *ReportOptions, f cellFormat) (*Table, error) {
	res0 := outcomes[0].Result
	n := len(res0.Years)
	l := f.l
	u, places := opt.Units, int32(opt.MoneyDecimals)
	unit := " (" + u.label(l) + ")"
	tb := f.newTable(l.F(i18n.ByYearTitle, res0.StartYear, res0.StartYear+n-1, u.label(l)),
		[]string{l.S(i18n.ColYear), l.S(i18n.ColScenario), l.S(i18n.ColReserve) + unit, l.S(i18n.ColPAYG),
			l.S(i18n.ColContribRate), l.S(i18n.ColContrib) + unit, l.S(i18n.ColBenefits) + unit, l.S(i18n.ColSupport)}, 2)
	ts := ShownYears(n, opt.Step)
	tb.Rows = make([][]string, 0, len(ts)*len(outcomes))
	ncol := len(tb.Columns)
	copies := 1
	if f.grouped() {
		copies = 2
	}
	cells := make([]string, copies*len(ts)*len(outcomes)*ncol)
	next := func() []string {
		row := cells[:ncol:ncol]
		cells = cells[ncol:]
		return row
	}
	for _, t := range ts {
		for i := range outcomes {
			o := &outcomes[i]
			y := &o.Result.Years[t]
			year := o.Result.StartYear + t
			if err := CheckYear(o, t); err != nil {
				return nil, err
			}
			contrib, ben, exp := y.TotalContributions(), y.Benefits(), y.Expenditure()
			pens := y.TotalPensioners()
			row := next()
			var shown []string
			if f.grouped() {
				shown = next()
			}
			ys := strconv.Itoa(year)
			f.put(row, shown, 0, ys, ys)
			f.put(row, shown, 1, o.Name, o.Name)
			if b := y.ContributionBase; b != 0 {
				f.putNum(row, shown, 3, percent(exp/b), RateDecimals)
				f.putNum(row, shown, 4, percent(contrib/b), RateDecimals)
			}
			if pens != 0 {
				f.putNum(row, shown, 7, ratio(y.Actives/pens), RatioDecimals)
			}
			f.putNum(row, shown, 2, money(y.ReserveEnd, u, places), places)
			f.putNum(row, shown, 5, money(contrib, u, places), places)
			f.putNum(row, shown, 6, money(ben, u, places), places)
			tb.addRow(row, shown)
		}
	}
	return tb, nil
}

// summaryTable builds the summary table of checked outcomes with their
// summaries.
func summaryTable(outcomes []Outcome, opt *ReportOptions, f cellFormat) (*Table, error) {
	s0 := outcomes[0].Summary
	start, horizon := s0.StartYear, s0.Years
	ratioYears := opt.RatioYears
	if ratioYears == nil {
		ratioYears = []int{start + horizon - 1}
	}
	for _, y := range ratioYears {
		if y < start || y >= start+horizon {
			return nil, fmt.Errorf("reform: report RatioYears: %d outside the horizon %d–%d: %w",
				y, start, start+horizon-1, ErrYearOutside)
		}
	}
	l := f.l
	u, places := opt.Units, int32(opt.MoneyDecimals)

	tb := f.newTable(l.F(i18n.SummaryTitle, start, start+horizon-1, horizon, u.label(l)),
		[]string{l.S(i18n.ColIndicator), l.S(i18n.ColUnit)}, 2)
	for i, o := range outcomes {
		tb.Columns = append(tb.Columns, o.Name)
		if i > 0 {
			tb.Columns = append(tb.Columns, l.F(i18n.DifferenceFormat, o.Name, outcomes[0].Name))
		}
	}

	// Each indicator: its name, unit, decimals and value for an outcome;
	// errUndefined for an empty cell.
	type measure struct {
		name, unit string
		places     int32
		value      func(s *indicator.Summary) (decimal.Decimal, error)
	}
	scalar := func(series string, x float64, conv func(float64) decimal.Decimal, o *Outcome) (decimal.Decimal, error) {
		if err := Finite(o, series, -1, 0, x); err != nil {
			return decimal.Decimal{}, err
		}
		return conv(x), nil
	}
	errUndefined := errors.New("undefined")
	errExhausted := fmt.Errorf("reserve exhausted: %w", errUndefined)
	var cur *Outcome // the outcome whose values are being computed
	var scalarOf func(o *Outcome, series string, x float64) (decimal.Decimal, error)
	onSalaries := func(s *indicator.Summary, series string, x float64) (decimal.Decimal, error) {
		if s.Undefined.SalaryScalars {
			return decimal.Decimal{}, errUndefined
		}
		return scalarOf(cur, series, x)
	}
	scalarOf = func(o *Outcome, series string, x float64) (decimal.Decimal, error) {
		return scalar(series, x, percent, o)
	}
	pct := l.S(i18n.UnitPctSalaries)
	inds := []measure{
		{l.S(i18n.IndGAP), pct, RateDecimals, func(s *indicator.Summary) (decimal.Decimal, error) {
			return onSalaries(s, "GAP", s.GAP)
		}},
		{l.S(i18n.IndGAPNoReserve), pct, RateDecimals, func(s *indicator.Summary) (decimal.Decimal, error) {
			return onSalaries(s, "GAP without reserve", s.GAPWithoutReserve)
		}},
	}
	for _, y := range ratioYears {
		t := y - start
		inds = append(inds, measure{l.F(i18n.IndReserveRatio, y), l.S(i18n.UnitYearsExpense), RatioDecimals,
			func(s *indicator.Summary) (decimal.Decimal, error) {
				x := s.ReserveRatio[t]
				if err := Finite(cur, "reserve ratio", t, y, x); err != nil {
					return decimal.Decimal{}, err
				}
				if x < 0 {
					return decimal.Decimal{}, errExhausted
				}
				return ratio(x), nil
			}})
	}
	inds = append(inds,
		measure{l.S(i18n.IndDeficitPV), u.label(l), places, func(s *indicator.Summary) (decimal.Decimal, error) {
			return scalar("present value of the deficit", s.DeficitPV, func(x float64) decimal.Decimal { return money(x, u, places) }, cur)
		}},
		measure{l.S(i18n.IndBalance), pct, RateDecimals, func(s *indicator.Summary) (decimal.Decimal, error) {
			return onSalaries(s, "actuarial balance", s.ActuarialBalance)
		}},
	)

	// The depletion year first: years are never grouped.
	row := []string{l.S(i18n.IndDepletion), l.S(i18n.UnitYear)}
	for i := range outcomes {
		s := outcomes[i].Summary
		if s.DepletionYear == 0 {
			row = append(row, l.S(i18n.None))
		} else {
			row = append(row, strconv.Itoa(s.DepletionYear))
		}
		if i > 0 {
			row = append(row, depletionYear(l, s0.DepletionYear)+" → "+depletionYear(l, s.DepletionYear))
		}
	}
	tb.addRow(row, nil)

	for _, ind := range inds {
		row := []string{ind.name, ind.unit}
		var shown []string
		if f.grouped() {
			shown = []string{ind.name, ind.unit}
		}
		var base decimal.Decimal
		var baseOK bool
		for i := range outcomes {
			cur = &outcomes[i]
			v, err := ind.value(cur.Summary)
			ok := err == nil
			switch {
			case errors.Is(err, errUndefined):
				row = append(row, "")
				shown = appendShown(shown, "")
				if err == errExhausted {
					row[1] = ind.unit + l.S(i18n.ReserveExhausted)
					if shown != nil {
						shown[1] = row[1]
					}
				}
			case err != nil:
				return nil, err
			default:
				p, sh := f.num(v, ind.places)
				row = append(row, p)
				shown = appendShown(shown, sh)
			}
			switch {
			case i == 0:
				base, baseOK = v, ok
			case ok && baseOK:
				p, sh := f.signed(v.Sub(base), ind.places)
				row = append(row, p)
				shown = appendShown(shown, sh)
			default:
				row = append(row, "")
				shown = appendShown(shown, "")
			}
		}
		tb.addRow(row, shown)
	}
	return tb, nil
}

// appendShown appends s to shown unless shown is nil (a report in
// English, whose shown cells are the plain ones).
func appendShown(shown []string, s string) []string {
	if shown == nil {
		return nil
	}
	return append(shown, s)
}

// signed formats a difference with places decimals and an explicit sign:
// "+1.25", "-0.50", "0.00" (ASCII signs, so that CSV readers parse it).
func signed(d decimal.Decimal, places int32) string {
	switch d.Sign() {
	case 1:
		return "+" + d.StringFixed(places)
	case -1:
		return "-" + d.Neg().StringFixed(places)
	}
	return d.StringFixed(places)
}

// depletionYear formats a depletion year (0: the reserve lasts the
// horizon) for the difference column: "2033", or "never".
func depletionYear(l *i18n.Lang, year int) string {
	if year == 0 {
		return l.S(i18n.Never)
	}
	return strconv.Itoa(year)
}
