// Reading a census from rows of cells that are not CSV (a sheet of a
// workbook): the hook through which other packages reuse the CSV reader's
// validation and messages.

package census

import (
	"errors"
	"fmt"
	"io"
)

// Rows is a source of census records other than a CSV file, a sheet of a
// workbook say: the header first, then each record, as text cells.
//
// Next returns the cells of the next row and the 1-based line (row)
// number it starts on, which errors report as [RecordError] Line; io.EOF
// after the last row. Cells are read as the CSV reader reads fields:
// trimmed of spaces, amounts with a '.' point, dates in the
// [CensusOptions] DateLayout; a source of typed cells (a workbook's
// numbers and dates) converts them to that text first. A row with fewer
// cells than the header is a record with the wrong number of fields, as
// in CSV: a source whose rows drop empty trailing cells pads them. Another
// error of Next is returned as it is.
type Rows interface {
	Next() (cells []string, line int, err error)
}

// ReadActivesRows reads active members from rows, with the validation and
// the messages of [ReadActives]; opt.Comma is not used.
func ReadActivesRows(rows Rows, year int, opt CensusOptions) ([]Active, error) {
	c := Census{Year: year}
	err := readRows(rows, &c, opt, modeActives, "ReadActivesRows")
	return c.Actives, err
}

// ReadPensionersRows reads pensioners from rows, with the validation and
// the messages of [ReadPensioners]; opt.Comma is not used.
func ReadPensionersRows(rows Rows, year int, opt CensusOptions) ([]Pensioner, error) {
	c := Census{Year: year}
	err := readRows(rows, &c, opt, modePensioners, "ReadPensionersRows")
	return c.Pensioners, err
}

// ReadCensusRows reads actives and pensioners from rows, with the
// validation and the messages of [ReadCensus]; opt.Comma is not used. The
// Census it returns is never nil.
func ReadCensusRows(rows Rows, year int, opt CensusOptions) (*Census, error) {
	c := &Census{Year: year}
	err := readRows(rows, c, opt, modeMixed, "ReadCensusRows")
	return c, err
}

// HeaderField returns the canonical name of the field a column header
// names ("salary" for "Sueldo"), as the readers match headers; "" for a
// header they ignore. A source of rows uses it to find its date columns,
// or to name the column of a [RecordError]'s Field.
func HeaderField(header string) string {
	f, ok := censusHeaders[normalizeHeader(header)]
	if !ok {
		return ""
	}
	return f.String()
}

// readRows reads a census from rows as readCensus reads CSV.
func readRows(rows Rows, c *Census, opt CensusOptions, mode censusMode, fn string) error {
	p := newCensusReader(c.Year, opt, mode, fn)
	header, line, err := rows.Next()
	if err != nil {
		if errors.Is(err, io.EOF) {
			p.errs = append(p.errs, RecordError{File: opt.File, Err: ErrNoHeader})
			return p.err()
		}
		return fmt.Errorf("actuarial: %s: %w", fn, err)
	}
	p.line = line
	if !p.header(header) {
		return p.err()
	}
	var buf []byte
	var r row
	for {
		rec, line, err := rows.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("actuarial: %s: %w", fn, err)
		}
		buf = r.set(buf, rec)
		p.record(&r, line, c)
	}
	return p.err()
}
