package census

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// csvRows serves the records of a CSV text as Rows, line by line.
type csvRows struct{ r *csv.Reader }

func (c csvRows) Next() ([]string, int, error) {
	rec, err := c.r.Read()
	if err != nil {
		return nil, 0, err
	}
	line, _ := c.r.FieldPos(0)
	return rec, line, nil
}

func newCSVRows(s string) csvRows {
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	return csvRows{r}
}

// TestReadRowsAsCSV checks that the rows reader accepts and rejects what
// the CSV reader does, with the same messages.
func TestReadRowsAsCSV(t *testing.T) {
	input := "id,sex,age,type,service,salary,pension\n" +
		"A1,female,40,active,10,120000,\n" +
		"A2,male,45,Activo,20,-150000,5\n" +
		"P1,female,70,old age,,,90000\n" +
		"P2,male,12,Orfandad,,,20000.5\n" +
		"A1,male,45,active,20,,\n" +
		"P3,male,45,widow,,\n"
	opt := CensusOptions{File: "c.csv"}
	want, wantErr := ReadCensus(strings.NewReader(input), 2025, opt)
	got, gotErr := ReadCensusRows(newCSVRows(input), 2025, opt)
	require.Error(t, wantErr)
	assert.Equal(t, wantErr.Error(), gotErr.Error())
	assert.Equal(t, want, got)

	act := "id,sex,age,service,salary\nA1,F,40,10,1\nA2,F,40,50,1\n"
	wa, we := ReadActives(strings.NewReader(act), 2025, opt)
	ga, ge := ReadActivesRows(newCSVRows(act), 2025, opt)
	assert.Equal(t, we.Error(), ge.Error())
	assert.Equal(t, wa, ga)

	pen := "id,sex,age,type,pension\nP1,F,70,old age,100\nP2,F,70,nope,100\n"
	wp, we := ReadPensioners(strings.NewReader(pen), 2025, opt)
	gp, ge := ReadPensionersRows(newCSVRows(pen), 2025, opt)
	assert.Equal(t, we.Error(), ge.Error())
	assert.Equal(t, wp, gp)

	_, err := ReadCensusRows(newCSVRows(""), 2025, opt)
	assert.ErrorIs(t, err, ErrNoHeader)
	_, err = ReadCensusRows(failingRows{}, 2025, opt)
	assert.ErrorIs(t, err, errSource)
}

var errSource = errors.New("source failed")

type failingRows struct{}

func (failingRows) Next() ([]string, int, error) { return nil, 0, errSource }

func TestHeaderField(t *testing.T) {
	assert.Equal(t, "salary", HeaderField(" Sueldo "))
	assert.Equal(t, "birth_date", HeaderField("Fecha de nacimiento"))
	assert.Equal(t, "", HeaderField("notes"))
}

func TestRecordErrorColumn(t *testing.T) {
	e := &RecordError{File: "[c.xlsx]Activos", Line: 3, Column: "F", ID: "A1", Field: "salary", Value: "-5", Err: actuarial.ErrNegative}
	assert.Equal(t, `actuarial: census: [c.xlsx]Activos:line 3, column F: id "A1": salary "-5": negative value`, e.Error())
}
