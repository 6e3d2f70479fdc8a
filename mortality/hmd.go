package mortality

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// HMD is a life-table file of the Human Mortality Database
// (https://www.mortality.org), such as mltper_1x1.txt (males, period,
// single ages by single years) or fltcoh_1x1.txt (females, cohort). The
// HMD's data are licensed CC BY 4.0: cite the Human Mortality Database,
// University of California, Berkeley (USA), and Max Planck Institute for
// Demographic Research (Germany), www.mortality.org.
type HMD struct {
	// Title is the text the file opens with, before "Last modified", as
	// "The United States of America, Life tables (period 1x1), Males".
	Title string
	// LastModified is the date of the HMD's last revision as printed
	// ("15 Mar 2023"); the HMD prints it in the language of the account
	// that downloaded the file, so it is kept as text. Empty if absent.
	LastModified string
	// Protocol names the HMD Methods Protocol the table was computed under,
	// as printed ("Methods Protocol: v6 (2017)", "MPv5 (May07)"). Empty if
	// absent.
	Protocol string
	// Tables holds one life table per year, or per period of years for
	// files such as mltper_5x1.txt, in ascending order.
	Tables []HMDTable
}

// HMDTable is the life table of one year (or period) of an HMD file. The
// column slices are indexed by age from Table.MinAge(), the last entry
// being the open age interval when OpenAge is true; a slice is nil when
// the file has no such column.
type HMDTable struct {
	// Year is the calendar year of a period table, the year of birth of a
	// cohort table, or the first year of a period of years ("1930-1934").
	Year int
	// LastYear is the last calendar year the table covers: Year for a
	// single-year table, 1934 for "1930-1934".
	LastYear int
	// Table holds q_x from the qx column, from the first age of the year to
	// the last. The open age interval's q is 1, as the HMD prints it.
	Table *LifeTable
	// OpenAge reports whether the last age is marked as an open interval
	// ("110+"). Older HMD files print it "110", without the "+": OpenAge is
	// then false, though its q is 1 all the same.
	OpenAge bool

	Mx               []float64 // m_x, central death rate, deaths per person-year
	Ax               []float64 // a_x, average years lived in the interval by those dying in it
	Survivors        []float64 // l_x, survivors to exact age x out of a radix of 100,000 (integers)
	Deaths           []float64 // d_x, deaths in the interval out of the radix
	PersonYears      []float64 // L_x, person-years lived in the interval
	PersonYearsAbove []float64 // T_x, person-years lived from age x on
	Ex               []float64 // e_x, life expectancy at exact age x, in years
}

// Year returns the table covering the calendar year (of a period table) or
// the birth year (of a cohort table) and whether there is one.
func (h *HMD) Year(year int) (*HMDTable, bool) {
	for i := range h.Tables {
		if t := &h.Tables[i]; t.Year <= year && year <= t.LastYear {
			return t, true
		}
	}
	return nil, false
}

// hmdColumns are the columns an HMD life-table file may hold, in the order
// the HMD prints them.
var hmdColumns = [...]string{"Year", "Age", "mx", "qx", "ax", "lx", "dx", "Lx", "Tx", "ex"}

const (
	hmdYear = iota
	hmdAge
	hmdMx
	hmdQx
	hmdAx
	hmdLx
	hmdDx
	hmdLLx
	hmdTx
	hmdEx
	hmdNCol
)

// hmdMaxLine bounds the length of a line of an HMD file: HMD lines are
// under 100 bytes, so a longer one is not an HMD file.
const hmdMaxLine = 64 << 10

// ReadHMD reads an HMD life-table text file: a title line (with "Last
// modified: ...; Methods Protocol: ..." after a tab), a blank line, the
// header
//
//	Year          Age         mx       qx    ax      lx      dx      Lx       Tx     ex
//
// and one whitespace-separated row per year and single age. Every year
// holds every age from 0 to its open age group, the last row of the year:
// "110+" in current files, "110" (without the "+", its q 1) in files made
// under the Methods Protocol v5. Every year ends with the same open age as
// the first, so a file cut short (in the middle of a year, or with a year's
// top ages removed) is an error, not a shorter table. Year, Age and qx are
// required; the other columns may be absent, in any order. Years may be
// periods ("1930-1934"); abridged age groups ("1-4") are not read.
//
// Bad input returns a [*ParseError] naming the line, the field (1-based
// column number and header) and the offending text, wrapping [ErrEmpty],
// [ErrHeader] (no header line before the first row, an unknown, repeated
// or missing column), csv.ErrFieldCount (a row whose number of fields
// differs from the header's), [ErrSyntax] (a value that is not a number, a
// missing value ".", a negative m_x, a_x, l_x, d_x, L_x, T_x or e_x),
// [ErrContentType] (abridged ages), [ErrMissingAge] (a gap in the ages, a
// year that does not start at age 0 or does not end with its open age
// group), [ErrDuplicate],
// [ErrYearOrder], [ErrOpenAge], [ErrNotFinite] or [ErrRate] (q outside
// [0, 1]). An error from r itself is returned wrapped.
func ReadHMD(r io.Reader) (*HMD, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), hmdMaxLine)
	h := &HMD{}
	var (
		lineNo   int
		preamble []string
		col      [hmdNCol]int // field index of each column; -1 if absent
		nFields  int
		fields   []string
		cur      *hmdBuilder
		open     hmdOpenAge // the open age of the first year
		prevLast = math.MinInt
	)
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		fields = splitFields(fields[:0], line)
		if len(fields) == 0 {
			continue
		}
		if nFields == 0 { // before the header
			if len(fields) >= 2 && fields[0] == "Year" && fields[1] == "Age" {
				var err error
				if nFields, err = hmdHeader(&col, fields, lineNo); err != nil {
					return nil, err
				}
				h.setPreamble(preamble)
				continue
			}
			if c := fields[0][0]; '0' <= c && c <= '9' {
				return nil, &ParseError{Line: lineNo, Column: 1, Value: fields[0],
					Err: fmt.Errorf("%w: a row before the header line \"Year Age ...\"", ErrHeader)}
			}
			preamble = append(preamble, strings.TrimSpace(line))
			continue
		}

		if len(fields) != nFields {
			return nil, &ParseError{Line: lineNo, Value: strings.TrimSpace(line),
				Err: fmt.Errorf("%w: %d fields where the header has %d", csv.ErrFieldCount, len(fields), nFields)}
		}
		year, last, err := parseHMDYear(fields[col[hmdYear]])
		if err != nil {
			return nil, &ParseError{Line: lineNo, Column: col[hmdYear] + 1, Field: "Year", Value: fields[col[hmdYear]], Err: err}
		}
		if cur == nil || year != cur.t.Year || last != cur.t.LastYear {
			if year <= prevLast {
				return nil, &ParseError{Line: lineNo, Column: col[hmdYear] + 1, Field: "Year", Value: fields[col[hmdYear]],
					Err: fmt.Errorf("%w: after %d", ErrYearOrder, prevLast)}
			}
			n := 0
			if cur != nil {
				if err := cur.checkEnd(&col, &open); err != nil {
					return nil, err
				}
				h.Tables = append(h.Tables, cur.finish())
				n = len(cur.q)
			}
			cur = newHMDBuilder(&col, fields[col[hmdYear]], year, last, n)
			prevLast = last
		}
		if err := cur.addRow(&col, fields, lineNo); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &ParseError{Line: lineNo + 1, Err: fmt.Errorf("%w: line longer than %d bytes", ErrSyntax, hmdMaxLine)}
		}
		return nil, fmt.Errorf("mortality: reading HMD file: %w", err)
	}
	switch {
	case nFields == 0 && len(preamble) == 0:
		return nil, &ParseError{Err: fmt.Errorf("%w: empty file", ErrEmpty)}
	case nFields == 0:
		return nil, &ParseError{Line: lineNo, Err: fmt.Errorf("%w: no header line \"Year Age ...\"", ErrHeader)}
	case cur == nil:
		return nil, &ParseError{Line: lineNo, Err: fmt.Errorf("%w: a header but no rows", ErrEmpty)}
	}
	if err := cur.checkEnd(&col, &open); err != nil {
		return nil, err
	}
	h.Tables = append(h.Tables, cur.finish())
	return h, nil
}

// splitFields appends the whitespace-separated fields of s to dst, without
// allocating when dst has room.
func splitFields(dst []string, s string) []string {
	i := 0
	for i < len(s) {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		if j > i {
			dst = append(dst, s[i:j])
		}
		i = j
	}
	return dst
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' }

// setPreamble fills Title, LastModified and Protocol from the lines before
// the header.
func (h *HMD) setPreamble(lines []string) {
	s := strings.Join(lines, "\t")
	const lm = "Last modified"
	i := strings.Index(s, lm)
	if i < 0 {
		if len(lines) > 0 {
			h.Title = lines[0]
		}
		return
	}
	h.Title = strings.TrimRight(s[:i], " \t,;")
	rest := strings.TrimLeft(s[i+len(lm):], ": \t")
	if j := strings.IndexAny(rest, ";,"); j >= 0 {
		h.LastModified = strings.TrimSpace(rest[:j])
		h.Protocol = strings.Trim(rest[j+1:], " \t;,")
	} else {
		h.LastModified = strings.TrimSpace(rest)
	}
}

// hmdHeader maps the header's columns and returns its number of fields.
func hmdHeader(col *[hmdNCol]int, fields []string, line int) (int, error) {
	for i := range col {
		col[i] = -1
	}
	for i, f := range fields {
		k := -1
		for j, name := range hmdColumns {
			if f == name {
				k = j
				break
			}
		}
		switch {
		case k < 0:
			return 0, &ParseError{Line: line, Column: i + 1, Value: f,
				Err: fmt.Errorf("%w: unknown column (want %s)", ErrHeader, strings.Join(hmdColumns[:], " "))}
		case col[k] >= 0:
			return 0, &ParseError{Line: line, Column: i + 1, Value: f, Err: fmt.Errorf("%w: column repeated", ErrHeader)}
		}
		col[k] = i
	}
	if col[hmdQx] < 0 {
		return 0, &ParseError{Line: line, Field: "qx", Err: fmt.Errorf("%w: no qx column", ErrHeader)}
	}
	return len(fields), nil
}

// parseHMDYear parses "1933" or "1930-1934".
func parseHMDYear(s string) (first, last int, err error) {
	a, b, period := strings.Cut(s, "-")
	first, err1 := strconv.Atoi(a)
	last, err2 := first, error(nil)
	if period {
		last, err2 = strconv.Atoi(b)
	}
	if err1 != nil || err2 != nil || first < 0 || last < first || a[0] == '+' || period && b[0] == '+' {
		return 0, 0, fmt.Errorf("%w: a year must be a whole number ≥ 0 or a period such as 1930-1934", ErrSyntax)
	}
	return first, last, nil
}

// hmdOpenAge is the open age group that ends the first year of a file,
// which every later year must end with too.
type hmdOpenAge struct {
	age  int
	text string // as printed: "110+", or "110" in older files; empty before the first year ends
	year string // the first year, as printed
}

// hmdBuilder accumulates the rows of one year.
type hmdBuilder struct {
	t        HMDTable
	q        []float64
	cols     [hmdNCol]*[]float64 // destination of each numeric column; nil if absent
	minAge   int
	prev     int
	year     string // the Year field as printed ("1933", "1930-1934")
	lastLine int    // line of the last row read
	lastAge  string // Age field of the last row read, as printed
}

// newHMDBuilder starts the table of a year; n is the expected number of
// ages (that of the previous year), 0 if unknown.
func newHMDBuilder(col *[hmdNCol]int, yearText string, year, last, n int) *hmdBuilder {
	b := &hmdBuilder{t: HMDTable{Year: year, LastYear: last}, year: yearText}
	dst := [hmdNCol]*[]float64{
		hmdMx: &b.t.Mx, hmdQx: &b.q, hmdAx: &b.t.Ax, hmdLx: &b.t.Survivors,
		hmdDx: &b.t.Deaths, hmdLLx: &b.t.PersonYears, hmdTx: &b.t.PersonYearsAbove, hmdEx: &b.t.Ex,
	}
	for k := hmdMx; k < hmdNCol; k++ {
		if col[k] >= 0 {
			b.cols[k] = dst[k]
			*dst[k] = make([]float64, 0, n)
		}
	}
	return b
}

// addRow checks and adds one row.
func (b *hmdBuilder) addRow(col *[hmdNCol]int, fields []string, line int) error {
	text := fields[col[hmdAge]]
	age, open, err := parseHMDAge(text)
	if err != nil {
		return &ParseError{Line: line, Column: col[hmdAge] + 1, Field: "Age", Value: text, Err: err}
	}
	switch {
	case b.t.OpenAge:
		return &ParseError{Line: line, Column: col[hmdAge] + 1, Field: "Age", Value: text,
			Err: fmt.Errorf("%w: a row after the open age interval of %d", ErrOpenAge, b.t.Year)}
	case len(b.q) == 0 && age != 0:
		return &ParseError{Line: line, Column: col[hmdAge] + 1, Field: "Age", Value: text,
			Err: fmt.Errorf("%w: year %s starts at age %s; an HMD table starts at age 0", ErrMissingAge, b.year, text)}
	case len(b.q) == 0:
		b.minAge = age
	case age <= b.prev:
		return &ParseError{Line: line, Column: col[hmdAge] + 1, Field: "Age", Value: text,
			Err: fmt.Errorf("%w: ages must ascend by one (previous age %d)", ErrDuplicate, b.prev)}
	case age-b.prev > 1:
		return &ParseError{Line: line, Column: col[hmdAge] + 1, Field: "Age", Value: text,
			Err: fmt.Errorf("%w: age %d is missing in %d", ErrMissingAge, b.prev+1, b.t.Year)}
	}
	b.prev = age
	b.t.OpenAge = open
	b.lastLine, b.lastAge = line, text
	for k := hmdMx; k < hmdNCol; k++ {
		if b.cols[k] == nil {
			continue
		}
		text := fields[col[k]]
		v, err := parseHMDValue(text, k, open)
		if err != nil {
			return &ParseError{Line: line, Column: col[k] + 1, Field: hmdColumns[k], Value: text, Err: err}
		}
		*b.cols[k] = append(*b.cols[k], v)
	}
	return nil
}

// parseHMDAge parses "65" or "110+".
func parseHMDAge(s string) (age int, open bool, err error) {
	if a, _, ok := strings.Cut(s, "-"); ok && a != "" {
		return 0, false, fmt.Errorf("%w: abridged age groups are not read (use a file of single ages, _1x1 or _5x1)", ErrContentType)
	}
	t, open := strings.CutSuffix(s, "+")
	age, err = strconv.Atoi(t)
	if err != nil || age < 0 || t[0] == '+' {
		return 0, false, fmt.Errorf("%w: an age must be a whole number ≥ 0, or one followed by + for the open interval", ErrSyntax)
	}
	return age, open, nil
}

// parseHMDValue parses and checks the value of column k; open reports
// whether the row is the open age interval.
func parseHMDValue(s string, k int, open bool) (float64, error) {
	if s == "." {
		return 0, fmt.Errorf("%w: missing value", ErrSyntax)
	}
	v, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("%w: not a number", ErrSyntax)
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, ErrNotFinite
	case k == hmdQx && (v < 0 || v > 1):
		return 0, ErrRate
	case k == hmdQx && open && v != 1:
		return 0, ErrOpenAge
	case v < 0:
		return 0, fmt.Errorf("%w: %s must not be negative", ErrSyntax, hmdColumns[k])
	}
	return v, nil
}

// checkEnd checks that the year ends with its open age group: an age
// marked "+", or, in files without the "+", an age whose q is 1. The first
// year sets the open age in *first; every later year must end with the same.
func (b *hmdBuilder) checkEnd(col *[hmdNCol]int, first *hmdOpenAge) error {
	isOpen := b.t.OpenAge || b.q[len(b.q)-1] == 1
	switch {
	case first.text == "" && isOpen:
		*first = hmdOpenAge{age: b.prev, text: b.lastAge, year: b.year}
		return nil
	case first.text == "":
		return &ParseError{Line: b.lastLine, Column: col[hmdAge] + 1, Field: "Age", Value: b.lastAge,
			Err: fmt.Errorf("%w: year %s ends at age %s; an HMD table ends with its open age group (110+ in current files)",
				ErrMissingAge, b.year, b.lastAge)}
	case !isOpen || b.prev != first.age:
		return &ParseError{Line: b.lastLine, Column: col[hmdAge] + 1, Field: "Age", Value: b.lastAge,
			Err: fmt.Errorf("%w: year %s ends at age %s; an HMD table ends with its open age group %s, as year %s does",
				ErrMissingAge, b.year, b.lastAge, first.text, first.year)}
	}
	return nil
}

func (b *hmdBuilder) finish() HMDTable {
	b.t.Table = newTable(b.minAge, b.q[:len(b.q):len(b.q)])
	return b.t
}
