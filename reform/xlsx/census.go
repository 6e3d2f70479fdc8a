// Reading a census from a sheet of a workbook.

package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/xuri/excelize/v2"
)

// ReadCensus reads actives and pensioners from the sheet named sheet of
// the workbook r ("": its first sheet) as [census.ReadCensus] reads them
// from CSV: the same columns (found by their headers in the first row),
// the same validation and the same messages. It returns the records that
// passed and, if any did not, a [*census.CensusError] whose records name
// the workbook and sheet (File: `census.xlsx, sheet "Activos"`), the row
// (Line) and the column letter (Column) of the field at fault.
//
// Cells are read as Excel stores them: a number as its value (no
// thousands separators, whatever its format); a number in a date column
// (birth_date, entry_date) as the date it stands for in Excel's 1900 date
// system, written in opt.DateLayout; text as it is. Empty rows are
// skipped, as CSV skips empty lines. A workbook that cannot be opened, or
// a sheet it lacks, is an error naming it.
func ReadCensus(r io.Reader, sheet string, year int, opt census.CensusOptions) (*census.Census, error) {
	rows, err := openSheet(r, sheet, opt)
	if err != nil {
		return &census.Census{Year: year}, err
	}
	c, err := census.ReadCensusRows(rows, year, rows.opt)
	return c, rows.columns(err)
}

// ReadActives reads active members from a sheet as [ReadCensus] reads a
// census, with the validation of [census.ReadActives].
func ReadActives(r io.Reader, sheet string, year int, opt census.CensusOptions) ([]census.Active, error) {
	rows, err := openSheet(r, sheet, opt)
	if err != nil {
		return nil, err
	}
	a, err := census.ReadActivesRows(rows, year, rows.opt)
	return a, rows.columns(err)
}

// ReadPensioners reads pensioners from a sheet as [ReadCensus] reads a
// census, with the validation of [census.ReadPensioners].
func ReadPensioners(r io.Reader, sheet string, year int, opt census.CensusOptions) ([]census.Pensioner, error) {
	rows, err := openSheet(r, sheet, opt)
	if err != nil {
		return nil, err
	}
	p, err := census.ReadPensionersRows(rows, year, rows.opt)
	return p, rows.columns(err)
}

// sheetRows serves the rows of a sheet as census.Rows.
type sheetRows struct {
	opt    census.CensusOptions // with File naming the workbook and sheet
	cells  [][]string
	next   int // index of the next row
	header []string
	dates  []bool // whether each column is a date field
}

// openSheet reads the sheet's cells.
func openSheet(r io.Reader, sheet string, opt census.CensusOptions) (*sheetRows, error) {
	book := opt.File
	if book == "" {
		book = "workbook"
	}
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %s: %w", book, err)
	}
	defer f.Close()
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	cells, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("xlsx: %s: sheet %q: %w", book, sheet, err)
	}
	opt.File = fmt.Sprintf("%s, sheet %q", book, sheet)
	if opt.DateLayout == "" {
		opt.DateLayout = census.ISODate
	}
	return &sheetRows{opt: opt, cells: cells}, nil
}

// Next implements [census.Rows]: the header, then the rows that are not
// empty, padded to the header's width, numbers in date columns as dates.
func (s *sheetRows) Next() ([]string, int, error) {
	for s.next < len(s.cells) {
		i := s.next
		s.next++
		row := s.cells[i]
		if s.header == nil {
			s.header = row
			s.dates = make([]bool, len(row))
			for j, h := range row {
				f := census.HeaderField(h)
				s.dates[j] = f == "birth_date" || f == "entry_date"
			}
			return row, i + 1, nil
		}
		if blank(row) {
			continue
		}
		if len(row) < len(s.header) {
			row = append(row, make([]string, len(s.header)-len(row))...)
		}
		for j := range row {
			if j < len(s.dates) && s.dates[j] {
				row[j] = s.date(row[j])
			}
		}
		return row, i + 1, nil
	}
	return nil, 0, io.EOF
}

// date returns the text of a date cell: a number is an Excel serial date,
// written in the date layout; anything else is left as it is.
func (s *sheetRows) date(v string) string {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil {
		return v
	}
	t, err := excelize.ExcelDateToTime(x, false)
	if err != nil {
		return v
	}
	return t.Format(s.opt.DateLayout)
}

// blank reports whether every cell of a row is empty.
func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// columns sets the Column of each record error of err whose field is one
// column of the header.
func (s *sheetRows) columns(err error) error {
	var ce *census.CensusError
	if !errors.As(err, &ce) {
		return err
	}
	for i := range ce.Records {
		re := &ce.Records[i]
		if re.Line <= 1 || re.Field == "" || strings.Contains(re.Field, "|") {
			continue
		}
		for j, h := range s.header {
			if census.HeaderField(h) == re.Field {
				re.Column, _ = excelize.ColumnNumberToName(j + 1)
				break
			}
		}
	}
	return err
}
