// The page: its sections, tables and figures, built from the input.

package htmlreport

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
	"github.com/reserva-go/reserva/reform/internal/i18n"
	"github.com/shopspring/decimal"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
)

// The size of the charts on the page: 16 × 9 cm fits an A4 page's text
// width with two charts and a table on a page.
const chartW, chartH = 16 * vg.Centimeter, 9 * vg.Centimeter

// page is what the template writes.
type page struct {
	Lang     string // the lang attribute: en or es-MX
	Title    string
	Scheme   string
	Subtitle string
	Contents string
	Prepared string
	Sections []*section
}

// section is one section of the page, with its items in order.
type section struct {
	ID, Title string
	Items     []item
}

// item is one paragraph, heading, table or figure of a section.
type item struct {
	Para    string
	Heading string
	Table   *table
	Figure  *figure
}

// table is an HTML table.
type table struct {
	Caption string
	Head    []cell
	Rows    [][]cell
}

// cell is a cell of a table; Num cells are aligned right.
type cell struct {
	Text string
	Num  bool
}

// figure is a chart as inline SVG with its caption and text alternative.
type figure struct {
	SVG     any // template.HTML of the <svg> element
	Caption string
}

// builder builds the page of an input in a language.
type builder struct {
	in    *Input
	l     *i18n.Lang
	rep   *reform.Report
	units string
	chart chart.Options
}

// Write writes the report of in as one HTML page to w, in the language of
// opt. The input is checked first: its Outcomes as [reform.NewReport]
// checks them (with their Summary), its assumptions, rules, attributions
// and sensitivity as [Input] documents them; an error names the field and
// wraps [ErrInput] or the errors of package reform. Nothing is written
// when the input is invalid.
func Write(w io.Writer, in *Input, opt Options) error {
	l, err := i18n.For(opt.Language)
	if err != nil {
		return fmt.Errorf("htmlreport: Options.Language: %w: %w", err, ErrInput)
	}
	if in == nil {
		return fmt.Errorf("htmlreport: nil Input: %w", ErrInput)
	}
	tabs := in.Tables
	tabs.Language, tabs.Grouping, tabs.Tables = l.Tag, true, 0
	rep, err := reform.NewReport(in.Outcomes, tabs)
	if err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	units, err := tabs.Units.Label(l.Tag)
	if err != nil {
		return err
	}
	b := &builder{in: in, l: l, rep: rep, units: units, chart: chart.Options{Language: l.Tag}}
	p, err := b.page()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}

// page builds the page's sections, leaving out those without data.
func (b *builder) page() (*page, error) {
	l, res := b.l, b.in.Outcomes[0].Result
	title := b.in.Title
	if title == "" {
		title = l.S(i18n.HTMLTitle)
	}
	p := &page{
		Lang: l.Tag.String(), Title: title, Scheme: b.in.Scheme,
		Subtitle: l.F(i18n.HTMLSubtitle, res.StartYear, res.StartYear+len(res.Years)-1),
		Contents: l.S(i18n.HTMLContents), Prepared: l.S(i18n.HTMLPrepared),
	}
	for _, s := range []struct {
		id    string
		title i18n.Key
		build func() ([]item, error)
	}{
		{"summary", i18n.SecSummary, b.summary},
		{"law", i18n.SecLaw, b.law},
		{"data", i18n.SecData, b.data},
		{"demography", i18n.SecDemography, b.demography},
		{"finance", i18n.SecFinance, b.finance},
		{"indicators", i18n.SecIndicators, b.indicators},
		{"reforms", i18n.SecReforms, b.reforms},
		{"sensitivity", i18n.SecSensitivity, b.sensitivity},
		{"uncertainty", i18n.SecUncertainty, b.uncertainty},
		{"gains", i18n.SecGains, b.gains},
	} {
		items, err := s.build()
		if err != nil {
			return nil, err
		}
		if len(items) > 0 {
			p.Sections = append(p.Sections, &section{ID: s.id, Title: l.S(s.title), Items: items})
		}
	}
	return p, nil
}

// Formatting of numbers.

// money returns x in the report's units rounded half to even, grouped.
func (b *builder) money(x float64) string {
	places := int32(b.in.Tables.MoneyDecimals)
	d := decimal.NewFromFloat(x).Shift(-3 * int32(b.in.Tables.Units)).RoundBank(places)
	return b.l.Number(d, places)
}

// percent returns the fraction x in per cent with RateDecimals decimals.
func (b *builder) percent(x float64) string {
	return b.l.Number(decimal.NewFromFloat(x).Shift(2).RoundBank(reform.RateDecimals), reform.RateDecimals)
}

// points returns the difference of fractions x in percentage points with
// an explicit sign.
func (b *builder) points(x float64) string {
	d := decimal.NewFromFloat(x).Shift(2).RoundBank(reform.RateDecimals)
	return signedNum(b.l, d, reform.RateDecimals)
}

// lives returns a count of lives, whole.
func (b *builder) lives(x float64) string {
	return b.l.Number(decimal.NewFromFloat(x).RoundBank(0), 0)
}

// signedNum formats d with an explicit sign.
func signedNum(l *i18n.Lang, d decimal.Decimal, places int32) string {
	s := l.Number(d.Abs(), places)
	switch d.Sign() {
	case 1:
		return "+" + s
	case -1:
		return "-" + s
	}
	return s
}

// year returns a depletion year, or the catalogue's "none".
func (b *builder) year(depleted int) string {
	if depleted == 0 {
		return b.l.S(i18n.None)
	}
	return strconv.Itoa(depleted)
}

// Tables.

// fromReport converts a table of package reform, with the columns cols
// (nil: all); an empty cell (a value not defined) shows as "n/a".
func (b *builder) fromReport(t *reform.Table, cols []int) *table {
	if cols == nil {
		cols = make([]int, len(t.Columns))
		for j := range cols {
			cols[j] = j
		}
	}
	tb := &table{Caption: t.Title}
	for _, j := range cols {
		tb.Head = append(tb.Head, cell{Text: t.Columns[j], Num: j >= t.Labels()})
	}
	for _, row := range t.Rows {
		r := make([]cell, 0, len(cols))
		for _, j := range cols {
			c := row[j]
			if c == "" {
				c = b.l.S(i18n.NotAvailable)
			}
			r = append(r, cell{Text: c, Num: j >= t.Labels()})
		}
		tb.Rows = append(tb.Rows, r)
	}
	return tb
}

// newTable returns a table with its caption and headers, the first labels
// of them labels and the others numbers.
func newTable(caption string, labels int, head ...string) *table {
	tb := &table{Caption: caption}
	for j, h := range head {
		tb.Head = append(tb.Head, cell{Text: h, Num: j >= labels})
	}
	return tb
}

// add appends a row whose first labels cells are labels.
func (t *table) add(labels int, cells ...string) {
	r := make([]cell, len(cells))
	for j, c := range cells {
		r[j] = cell{Text: c, Num: j >= labels}
	}
	t.Rows = append(t.Rows, r)
}

// Figures.

// svgProlog matches what precedes the <svg> element in gonum/plot's SVG,
// and svgSize its fixed size, which the style sheet replaces.
var (
	svgProlog = regexp.MustCompile(`(?s)^.*?<svg `)
	svgSize   = regexp.MustCompile(`^width="[^"]*" height="[^"]*" `)
)

// newFigure draws p as inline SVG with its caption and its text
// alternative alt: the <svg> gets role="img", aria-label and a <title>.
func newFigure(p *plot.Plot, caption, alt string) (*figure, error) {
	var buf bytes.Buffer
	if err := chart.Render(&buf, p, chartW, chartH, "svg"); err != nil {
		return nil, err
	}
	s := svgProlog.ReplaceAllString(buf.String(), "")
	s = svgSize.ReplaceAllString(s, "")
	esc := html.EscapeString(alt)
	s = `<svg role="img" aria-label="` + esc + `" ` + s
	// The <title> goes right after the opening tag.
	end := bytes.IndexByte([]byte(s), '>')
	s = s[:end+1] + "\n<title>" + esc + "</title>" + s[end+1:]
	return &figure{SVG: trustedHTML(s), Caption: caption}, nil
}

// lineAlt describes line charts of yearly series: the chart's title and
// years, then each series' first and last values.
func (b *builder) lineAlt(title string, series []string, first, last []string, y0, y1 int) string {
	s := b.l.F(i18n.LineAlt, title, y0, y1)
	for i := range series {
		s += " " + b.l.F(i18n.LineAltSeries, series[i], first[i], y0, last[i], y1)
	}
	return s
}

// detail returns the projection with cell detail for the pyramids, or nil.
func (b *builder) detail() *projection.Result {
	if b.in.Detail != nil {
		return b.in.Detail
	}
	if _, err := reform.PopulationAt(b.in.Outcomes[0].Result, b.in.Outcomes[0].Result.StartYear); err == nil {
		return b.in.Outcomes[0].Result
	}
	return nil
}
