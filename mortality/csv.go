package mortality

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// CSVOptions configures [CSVOptions.Read]. Its zero value reads the common
// layout, a header row then one row per age, comma-separated, the age in the
// first column and q_x in every other column:
//
//	age,qx_male,qx_female
//	0,0.00138,0.00092
//	1,0.00138,0.00092
//
// Ages are whole numbers ≥ 0, one per row, ascending by one with no gap and
// no repeat. A rate column may begin later or end earlier than the ages (its
// cells left empty there) but may not have an empty cell between two values.
type CSVOptions struct {
	// File names the input in errors (ParseError.File); empty for none.
	File string

	// AgeColumn is the header of the age column, matched exactly after
	// trimming spaces. Empty means the first column. Every other column is
	// a rate column.
	AgeColumn string

	// Survivors reports that the rate columns hold survivors l_x (any
	// radix) rather than q_x; each column is then built with
	// [FromSurvivors], so its last age is the last with l > 0 and has q = 1.
	// False, the zero value, means the columns hold q_x in [0, 1].
	Survivors bool

	// Comma is the field delimiter; 0 means ','. Use ';' for the
	// spreadsheets of locales that write decimal commas (the values must
	// still use a decimal point).
	Comma rune

	// Comment, if not 0, is the character that starts a comment line.
	// 0 means no comment lines.
	Comment rune
}

// CSVTables are the life tables of a CSV file, one per rate column, in the
// order of the columns in the file.
type CSVTables struct {
	Names  []string     // the rate columns' headers, in file order
	Tables []*LifeTable // Tables[i] holds the column Names[i]
}

// Table returns the table of the column named name and whether there is
// one.
func (c *CSVTables) Table(name string) (*LifeTable, bool) {
	for i, n := range c.Names {
		if n == name {
			return c.Tables[i], true
		}
	}
	return nil, false
}

// ReadCSV reads life tables from CSV with the zero [CSVOptions]: a header
// row, ages in the first column, q_x in every other column. See
// [CSVOptions.Read].
func ReadCSV(r io.Reader) (*CSVTables, error) { return CSVOptions{}.Read(r) }

// csvColumn accumulates one rate column.
type csvColumn struct {
	name     string
	field    int       // index in the record
	start    int       // row index of the first value; -1 before it
	vals     []float64 // values from row start on
	gapLine  int       // line of an empty cell after start; 0 if none yet
	gapAfter int       // the age that empty cell belongs to
}

// Read reads life tables from r as o describes: one [LifeTable] per rate
// column, whose ages run from the first to the last row holding a value in
// that column.
//
// Bad input returns a [*ParseError] naming the line, the column (1-based
// field number), the column's header and the offending text, wrapping
// [ErrEmpty] (no header or no rows), [ErrHeader], csv.ErrFieldCount (a row
// whose number of fields differs from the header's), [ErrSyntax] (text
// that is not a number, an age that is not a whole number ≥ 0, a CSV
// quoting error), [ErrMissingAge] (a gap in the ages, or an empty cell
// between two values of a column), [ErrDuplicate] (an age repeated or out of
// order), [ErrNotFinite] (NaN, ±Inf, or a number out of float64's range),
// [ErrRate] (q outside [0, 1]) or [ErrSurvivors] (l negative, zero at a
// column's first age, or increasing). An error from r itself is returned
// wrapped.
func (o CSVOptions) Read(r io.Reader) (*CSVTables, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.TrimLeadingSpace = true
	if o.Comma != 0 {
		cr.Comma = o.Comma
	}
	cr.Comment = o.Comment

	rec, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: o.File, Err: fmt.Errorf("%w: empty file", ErrEmpty)}
	}
	if err != nil {
		return nil, o.csvError(err, rec, 0)
	}
	header := make([]string, len(rec))
	copy(header, rec)
	header[0] = strings.TrimPrefix(header[0], "\uFEFF") // a spreadsheet's byte-order mark
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
	}
	line, _ := cr.FieldPos(0)

	ageField := 0
	if o.AgeColumn != "" {
		ageField = -1
		for i, h := range header {
			if h == o.AgeColumn {
				ageField = i
				break
			}
		}
		if ageField < 0 {
			return nil, &ParseError{File: o.File, Line: line, Field: o.AgeColumn,
				Err: fmt.Errorf("%w: no age column %q", ErrHeader, o.AgeColumn)}
		}
	}
	if _, err := strconv.ParseFloat(header[ageField], 64); err == nil {
		return nil, &ParseError{File: o.File, Line: line, Column: ageField + 1, Value: header[ageField],
			Err: fmt.Errorf("%w: the first row holds numbers, not column names", ErrHeader)}
	}
	cols := make([]csvColumn, 0, len(header)-1)
	seen := make(map[string]bool, len(header))
	for i, h := range header {
		if h == "" {
			return nil, &ParseError{File: o.File, Line: line, Column: i + 1,
				Err: fmt.Errorf("%w: empty column name", ErrHeader)}
		}
		if seen[h] {
			return nil, &ParseError{File: o.File, Line: line, Column: i + 1, Value: h,
				Err: fmt.Errorf("%w: column name repeated", ErrHeader)}
		}
		seen[h] = true
		if i != ageField {
			cols = append(cols, csvColumn{name: h, field: i, start: -1})
		}
	}
	if len(cols) == 0 {
		return nil, &ParseError{File: o.File, Line: line, Err: fmt.Errorf("%w: no rate column", ErrHeader)}
	}
	ageName := header[ageField]

	minAge, prevAge, rows := 0, 0, 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, o.csvError(err, rec, len(header))
		}
		line, _ := cr.FieldPos(ageField)
		text := strings.TrimSpace(rec[ageField])
		age, err := strconv.Atoi(text)
		if err != nil || age < 0 {
			return nil, &ParseError{File: o.File, Line: line, Column: ageField + 1, Field: ageName, Value: text,
				Err: fmt.Errorf("%w: an age must be a whole number ≥ 0", ErrSyntax)}
		}
		switch {
		case rows == 0:
			minAge = age
		case age <= prevAge:
			return nil, &ParseError{File: o.File, Line: line, Column: ageField + 1, Field: ageName, Value: text,
				Err: fmt.Errorf("%w: ages must ascend by one (previous age %d)", ErrDuplicate, prevAge)}
		case age-prevAge > 1:
			return nil, &ParseError{File: o.File, Line: line, Column: ageField + 1, Field: ageName, Value: text,
				Err: fmt.Errorf("%w: age %d is missing", ErrMissingAge, prevAge+1)}
		}
		prevAge = age
		rows++

		for k := range cols {
			c := &cols[k]
			text := strings.TrimSpace(rec[c.field])
			if text == "" {
				if c.start >= 0 && c.gapLine == 0 {
					c.gapLine, _ = cr.FieldPos(c.field)
					c.gapAfter = age
				}
				continue
			}
			if c.gapLine != 0 {
				return nil, &ParseError{File: o.File, Line: c.gapLine, Column: c.field + 1, Field: c.name,
					Err: fmt.Errorf("%w: empty cell at age %d between two values", ErrMissingAge, c.gapAfter)}
			}
			v, err := o.parseValue(text, c)
			if err != nil {
				l, _ := cr.FieldPos(c.field)
				return nil, &ParseError{File: o.File, Line: l, Column: c.field + 1, Field: c.name, Value: text, Err: err}
			}
			if c.start < 0 {
				c.start = rows - 1
			}
			c.vals = append(c.vals, v)
		}
	}
	if rows == 0 {
		return nil, &ParseError{File: o.File, Line: line, Err: fmt.Errorf("%w: a header but no rows", ErrEmpty)}
	}

	out := &CSVTables{Names: make([]string, len(cols)), Tables: make([]*LifeTable, len(cols))}
	for k := range cols {
		c := &cols[k]
		if c.start < 0 {
			return nil, &ParseError{File: o.File, Column: c.field + 1, Field: c.name,
				Err: fmt.Errorf("%w: the column is empty", ErrEmpty)}
		}
		out.Names[k] = c.name
		if o.Survivors {
			t, err := FromSurvivors(minAge+c.start, c.vals)
			if err != nil { // unreachable: parseValue checked every l
				return nil, &ParseError{File: o.File, Column: c.field + 1, Field: c.name, Err: err}
			}
			out.Tables[k] = t
		} else {
			out.Tables[k] = newTable(minAge+c.start, c.vals[:len(c.vals):len(c.vals)])
		}
	}
	return out, nil
}

// parseValue parses one cell of column c and checks it as a q or an l,
// given the values of c read so far.
func (o CSVOptions) parseValue(text string, c *csvColumn) (float64, error) {
	v, err := strconv.ParseFloat(text, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("%w: not a number", ErrSyntax)
	case math.IsNaN(v) || math.IsInf(v, 0):
		return 0, ErrNotFinite
	case !o.Survivors && (v < 0 || v > 1):
		return 0, ErrRate
	case o.Survivors && v < 0:
		return 0, fmt.Errorf("%w: l is negative", ErrSurvivors)
	case o.Survivors && len(c.vals) == 0 && v == 0:
		return 0, fmt.Errorf("%w: l is 0 at the column's first age", ErrSurvivors)
	case o.Survivors && len(c.vals) > 0 && v > c.vals[len(c.vals)-1]:
		return 0, fmt.Errorf("%w: l rises from %v", ErrSurvivors, c.vals[len(c.vals)-1])
	}
	return v, nil
}

// csvError turns an error from encoding/csv into a *ParseError; rec is the
// record Read returned with it and want the header's number of fields.
func (o CSVOptions) csvError(err error, rec []string, want int) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("mortality: reading CSV: %w", err)
	}
	if errors.Is(pe.Err, csv.ErrFieldCount) {
		return &ParseError{File: o.File, Line: pe.Line, Value: strings.Join(rec, string(o.comma())),
			Err: fmt.Errorf("%w: %d fields where the header has %d", csv.ErrFieldCount, len(rec), want)}
	}
	return &ParseError{File: o.File, Line: pe.Line,
		Err: fmt.Errorf("%w: character %d: %w", ErrSyntax, pe.Column, pe.Err)}
}

func (o CSVOptions) comma() rune {
	if o.Comma == 0 {
		return ','
	}
	return o.Comma
}
