package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/reform/xlsx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// censusCSV is a census with one bad record of each kind the sheet must
// report as CSV does, and the same census as a workbook below.
const censusCSV = "id,sex,birth_date,service,salary,type,pension\n" +
	"A1,F,1980-05-01,10,120000.5,active,\n" +
	"A2,male,1975-01-15,20,-5,active,\n" + // negative salary
	"P1,F,1950-03-02,,,old age,90000\n" +
	"A1,male,1990-07-01,5,100000,active,\n" + // duplicate id
	"P2,male,1955-12-31,,,nonsense,1000\n" // unknown pension type

// censusBook writes censusCSV as a sheet named sheet: numbers as numbers,
// dates as Excel dates (serial numbers with a date format), a blank row
// between the records (skipped) and no trailing empty cells.
func censusBook(tb testing.TB, sheet string) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(tb, f.SetSheetName("Sheet1", sheet))
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	require.NoError(tb, err)
	lines := strings.Split(strings.TrimSpace(censusCSV), "\n")
	row := 1
	for i, line := range lines {
		if i == 3 {
			row++ // a blank row
		}
		for j, v := range strings.Split(line, ",") {
			if v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, row)
			switch {
			case i == 0 || j <= 1 || j == 5:
				require.NoError(tb, f.SetCellStr(sheet, cell, v))
			case j == 2:
				d, err := time.Parse(census.ISODate, v)
				require.NoError(tb, err)
				require.NoError(tb, f.SetCellValue(sheet, cell, d))
				require.NoError(tb, f.SetCellStyle(sheet, cell, cell, dateStyle))
			default:
				var x float64
				_, err := fmtSscan(v, &x)
				require.NoError(tb, err)
				require.NoError(tb, f.SetCellValue(sheet, cell, x))
			}
		}
		row++
	}
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(tb, err)
	return buf.Bytes()
}

// TestReadCensus checks that a census read from a sheet has the records
// and the problems of the same census read from CSV, each problem naming
// the sheet, the row and the column.
func TestReadCensus(t *testing.T) {
	want, wantErr := census.ReadCensus(strings.NewReader(censusCSV), 2025, census.CensusOptions{File: "census.csv"})
	book := censusBook(t, "Padrón")
	got, gotErr := xlsx.ReadCensus(bytes.NewReader(book), "Padrón", 2025, census.CensusOptions{File: "census.xlsx"})
	require.Error(t, gotErr)
	assert.Equal(t, len(want.Actives), len(got.Actives))
	assert.Equal(t, len(want.Pensioners), len(got.Pensioners))
	for i := range want.Actives {
		assert.Equal(t, want.Actives[i].ID, got.Actives[i].ID)
		assert.True(t, want.Actives[i].Salary.Equal(got.Actives[i].Salary), "salary of %s", want.Actives[i].ID)
		assert.Equal(t, want.Actives[i].Age, got.Actives[i].Age)
	}

	var we, ge *census.CensusError
	require.True(t, errors.As(wantErr, &we))
	require.True(t, errors.As(gotErr, &ge))
	require.Len(t, ge.Records, len(we.Records))
	for i := range we.Records {
		w, g := we.Records[i], ge.Records[i]
		assert.Equal(t, `census.xlsx, sheet "Padrón"`, g.File)
		// The blank row moves the records after it down one row.
		line := w.Line
		if line >= 4 {
			line++
		}
		assert.Equal(t, line, g.Line)
		assert.Equal(t, w.Field, g.Field)
		assert.Equal(t, w.ID, g.ID)
		assert.True(t, errors.Is(g.Err, errors.Unwrap(w.Err)) || g.Err.Error() == w.Err.Error(), "%v vs %v", g.Err, w.Err)
	}
	assert.ErrorContains(t, gotErr, `census.xlsx, sheet "Padrón":line 3, column E: id "A2": salary "-5": negative value`)
	assert.ErrorContains(t, gotErr, `line 6, column A: id "A1": id "A1": duplicate id`)
	assert.ErrorContains(t, gotErr, `line 7, column F: id "P2": type "nonsense"`)
	assert.ErrorIs(t, gotErr, actuarial.ErrNegative)

	// The first sheet when none is named; a sheet the book lacks.
	_, err := xlsx.ReadCensus(bytes.NewReader(book), "", 2025, census.CensusOptions{})
	assert.ErrorIs(t, err, census.ErrDuplicateID)
	_, err = xlsx.ReadCensus(bytes.NewReader(book), "Hoja2", 2025, census.CensusOptions{File: "census.xlsx"})
	assert.ErrorContains(t, err, `census.xlsx: sheet "Hoja2"`)
	_, err = xlsx.ReadActives(strings.NewReader("not a workbook"), "", 2025, census.CensusOptions{File: "x.xlsx"})
	assert.ErrorContains(t, err, "x.xlsx")
}

// TestReadActivesPensioners reads the actives and the pensioners of
// separate sheets.
func TestReadActivesPensioners(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Folio", "Sexo", "Edad", "Antigüedad", "Sueldo"}))
	require.NoError(t, f.SetSheetRow("Sheet1", "A2", &[]any{"A1", "F", 40, 10, 1234.5}))
	_, err := f.NewSheet("Pensionados")
	require.NoError(t, err)
	require.NoError(t, f.SetSheetRow("Pensionados", "A1", &[]any{"id", "sex", "age", "type", "pension"}))
	require.NoError(t, f.SetSheetRow("Pensionados", "A2", &[]any{"P1", "male", 70, "old age", 90000}))
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	a, err := xlsx.ReadActives(bytes.NewReader(buf.Bytes()), "Sheet1", 2025, census.CensusOptions{})
	require.NoError(t, err)
	require.Len(t, a, 1)
	assert.Equal(t, 40, a[0].Age)
	assert.Equal(t, "1234.5", a[0].Salary.String())
	p, err := xlsx.ReadPensioners(bytes.NewReader(buf.Bytes()), "Pensionados", 2025, census.CensusOptions{})
	require.NoError(t, err)
	require.Len(t, p, 1)
	assert.Equal(t, census.PensionOldAge, p[0].Type)
}

// fmtSscan parses a number of the CSV text.
func fmtSscan(s string, x *float64) (int, error) { return fmt.Sscan(s, x) }
