// Writers of a report: text with text/tabwriter, CSV with encoding/csv,
// Markdown.

package reform

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// tables returns the report's tables that are not nil, in order.
func (r *Report) tables() []*Table {
	ts := make([]*Table, 0, 2)
	for _, t := range [...]*Table{r.ByYear, r.Summary} {
		if t != nil {
			ts = append(ts, t)
		}
	}
	return ts
}

// WriteText writes the report's tables as text, one after the other with
// an empty line between them; see [Table.WriteText].
func (r *Report) WriteText(w io.Writer) error {
	for i, t := range r.tables() {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if err := t.WriteText(w); err != nil {
			return err
		}
	}
	return nil
}

// WriteCSV writes the report's tables as CSV. With both tables, the table
// by year comes first, then an empty line and the summary table, each
// with its header row: read such a file with [csv.Reader] FieldsPerRecord
// set to −1, or ask for one table with [ReportOptions.Tables] to get a
// rectangular file. See [Table.WriteCSV].
func (r *Report) WriteCSV(w io.Writer) error {
	for i, t := range r.tables() {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if err := t.WriteCSV(w); err != nil {
			return err
		}
	}
	return nil
}

// WriteMarkdown writes the report's tables as Markdown, one after the
// other with an empty line between them; see [Table.WriteMarkdown].
func (r *Report) WriteMarkdown(w io.Writer) error {
	for i, t := range r.tables() {
		if i > 0 {
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
		}
		if err := t.WriteMarkdown(w); err != nil {
			return err
		}
	}
	return nil
}

// cellText returns how text and Markdown show a cell.
func (t *Table) cellText(s string) string {
	if s != "" {
		return s
	}
	if t.na != "" {
		return t.na
	}
	return notAvailable
}

// textEscaper keeps a name from breaking the text table's columns or lines.
var textEscaper = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// textHeader and textCell return how the text table shows a header and a
// cell.
func textHeader(s string) string { return textEscaper.Replace(s) }
func (t *Table) textCell(s string) string {
	return textEscaper.Replace(t.cellText(s))
}

// WriteText writes the table as text: its title on the first line, then
// the header and the rows in columns aligned by a [tabwriter.Writer], two
// spaces apart, labels aligned left and numbers right. An empty cell shows
// as "n/a"; tabs and line breaks in a name show as spaces. Lines end in
// "\n" without trailing spaces.
func (t *Table) WriteText(w io.Writer) error {
	// Numbers are padded here to the width of their column, so that they
	// align right; the tabwriter aligns the labels and separates the
	// columns.
	width := make([]int, len(t.Columns))
	for j, c := range t.Columns {
		width[j] = utf8.RuneCountInString(textHeader(c))
	}
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			panic(fmt.Sprintf("reform: Table.WriteText: row %d has %d cells for %d columns", i, len(row), len(t.Columns)))
		}
		for j, c := range row {
			width[j] = max(width[j], utf8.RuneCountInString(t.textCell(c)))
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	bw := bufio.NewWriter(tw)
	bw.WriteString(textHeader(t.Title))
	bw.WriteString("\n")
	line := func(cells []string, text func(string) string) {
		for j, c := range cells {
			c = text(c)
			if j > 0 {
				bw.WriteByte('\t')
			}
			if j >= t.labels {
				bw.WriteString(strings.Repeat(" ", width[j]-utf8.RuneCountInString(c)))
			}
			bw.WriteString(c)
		}
		bw.WriteByte('\n')
	}
	line(t.Columns, textHeader)
	for _, row := range t.Rows {
		line(row, t.textCell)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return tw.Flush()
}

// WriteCSV writes the table as CSV with a [csv.Writer]: a header row with
// the column names, then the rows. Numbers are as in the table (a point
// for the decimals, "-" for negatives, no thousands separators; rates in
// per cent), in every language of [ReportOptions]; an empty cell stays
// empty. The title is not written: the headers carry the units.
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	rows := t.Rows
	if t.plain != nil {
		rows = t.plain
	}
	if err := cw.WriteAll(rows); err != nil { // WriteAll flushes
		return err
	}
	return cw.Error()
}

// markdownEscaper escapes what would break a Markdown table cell.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "\n", " ")

// WriteMarkdown writes the table as a Markdown (GitHub-flavoured) table
// under a level-3 heading with its title: labels aligned left, numbers
// right; an empty cell shows as "n/a"; "|" in a name is escaped.
func (t *Table) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("### ")
	bw.WriteString(markdownEscaper.Replace(t.Title))
	bw.WriteString("\n\n")
	line := func(cells []string, text func(string) string) {
		bw.WriteString("|")
		for _, c := range cells {
			bw.WriteString(" ")
			bw.WriteString(markdownEscaper.Replace(text(c)))
			bw.WriteString(" |")
		}
		bw.WriteString("\n")
	}
	line(t.Columns, func(s string) string { return s })
	bw.WriteString("|")
	for j := range t.Columns {
		if j < t.labels {
			bw.WriteString(" :--- |")
		} else {
			bw.WriteString(" ---: |")
		}
	}
	bw.WriteString("\n")
	for _, row := range t.Rows {
		line(row, t.cellText)
	}
	return bw.Flush()
}
