package census

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// moneyTol is the relative tolerance between a float64 sum of census
// amounts and the exact decimal sum: a float64 sum of n terms errs by at
// most about n·2⁻⁵³ relative (Higham, Accuracy and Stability of Numerical
// Algorithms, 2nd ed., §4.2), under 1e-11 for n ≤ 10⁵.
const moneyTol = 1e-11

// wantErr is one expected RecordError.
type wantErr struct {
	line  int
	field string
	value string
	err   error
}

// checkErrs asserts err is a *CensusError holding exactly want, in order.
func checkErrs(t *testing.T, err error, want []wantErr) {
	t.Helper()
	if len(want) == 0 {
		require.NoError(t, err)
		return
	}
	var ce *CensusError
	require.ErrorAs(t, err, &ce)
	got := make([]wantErr, len(ce.Records))
	for i, r := range ce.Records {
		got[i] = wantErr{r.Line, r.Field, r.Value, nil}
	}
	want2 := make([]wantErr, len(want))
	for i, w := range want {
		want2[i] = wantErr{w.line, w.field, w.value, nil}
	}
	require.Equal(t, want2, got, "errors: %v", err)
	for i, w := range want {
		assert.ErrorIs(t, &ce.Records[i], w.err, "record error %d", i)
		assert.ErrorIs(t, err, w.err, "errors.Is through CensusError")
	}
}

const activesHeader = "id,sex,birth_date,entry_date,salary\n"

func TestReadActivesBadRecords(t *testing.T) {
	// Each case is a header and records; line 1 is the header. The
	// valuation date is 1 January 2025 and the minimum entry age 14.
	tests := []struct {
		name  string
		opt   CensusOptions
		input string
		ok    []string // ids accepted
		want  []wantErr
	}{
		{
			name:  "negative salary",
			input: activesHeader + "A1,F,1980-05-01,2005-03-01,-100\n",
			want:  []wantErr{{2, "salary", "-100", actuarial.ErrNegative}},
		},
		{
			name: "garbage numbers",
			input: activesHeader +
				"A1,F,1980-05-01,2005-03-01,NaN\n" +
				"A2,F,1980-05-01,2005-03-01,Inf\n" +
				"A3,F,1980-05-01,2005-03-01,abc\n" +
				"A4,F,1980-05-01,2005-03-01,\"1,234.50\"\n" +
				"A5,F,1980-05-01,2005-03-01,12 000\n" +
				"A6,F,1980-05-01,2005-03-01,1e999\n" +
				"A7,F,1980-05-01,2005-03-01,0.0000000000000000001\n" +
				"A8,F,1980-05-01,2005-03-01,1234,5\n",
			want: []wantErr{
				{2, "salary", "NaN", ErrBadNumber},
				{3, "salary", "Inf", ErrBadNumber},
				{4, "salary", "abc", ErrBadNumber},
				{5, "salary", "1,234.50", ErrBadNumber},
				{6, "salary", "12 000", ErrBadNumber},
				{7, "salary", "1e999", actuarial.ErrRange},
				{8, "salary", "0.0000000000000000001", ErrBadNumber},
				{9, "", "", csv.ErrFieldCount},
			},
		},
		{
			name:  "unknown and ambiguous sex",
			input: activesHeader + "A1,X,1980-05-01,2005-03-01,100\nA2,M,1980-05-01,2005-03-01,100\nA3,,1980-05-01,2005-03-01,100\n",
			want: []wantErr{
				{2, "sex", "X", actuarial.ErrUnknownSex},
				{3, "sex", "M", actuarial.ErrAmbiguousSex},
				{4, "sex", "", ErrMissingField},
			},
		},
		{
			name:  "duplicate ids",
			input: activesHeader + "A1,F,1980-05-01,2005-03-01,100\nA2,H,1980-05-01,2005-03-01,100\nA1,H,1990-05-01,2015-03-01,200\n",
			ok:    []string{"A1", "A2"},
			want:  []wantErr{{4, "id", "A1", ErrDuplicateID}},
		},
		{
			name:  "missing id",
			input: activesHeader + " ,F,1980-05-01,2005-03-01,100\n",
			want:  []wantErr{{2, "id", "", ErrMissingField}},
		},
		{
			name:  "birth after the valuation date",
			input: activesHeader + "A1,F,2025-01-02,2005-03-01,100\n",
			want:  []wantErr{{2, "birth_date", "2025-01-02", ErrFutureDate}},
		},
		{
			name: "bad dates",
			input: activesHeader +
				"A1,F,2001-02-30,2020-03-01,100\n" +
				"A2,F,1990/01/01,2020-03-01,100\n" +
				"A3,F,1990-01-01,2023-02-29,100\n" +
				"A4,F,1990-01-01,,100\n",
			want: []wantErr{
				{2, "birth_date", "2001-02-30", ErrBadDate},
				{3, "birth_date", "1990/01/01", ErrBadDate},
				{4, "entry_date", "2023-02-29", ErrBadDate},
				{5, "entry_date", "", ErrMissingField},
			},
		},
		{
			name: "entry dates impossible",
			input: activesHeader +
				"A1,F,1990-06-15,2025-01-02,100\n" + // entry after valuation
				"A2,F,1990-06-15,1989-01-01,100\n" + // entry before birth
				"A3,F,1990-06-15,2004-06-14,100\n" + // entry at 13, a day before turning 14
				"A4,F,1990-06-15,2004-06-15,100\n", // entry on the 14th birthday: fine
			ok: []string{"A4"},
			want: []wantErr{
				{2, "entry_date", "2025-01-02", ErrFutureDate},
				{3, "entry_date", "1989-01-01", ErrServiceTooLong},
				{4, "entry_date", "2004-06-14", ErrServiceTooLong},
			},
		},
		{
			name: "service given directly",
			input: "id,sex,age,service,salary\n" +
				"A1,F,30,17,100\n" + // 30 − 17 = 13 < 14
				"A2,F,30,16,100\n" + // entry at 14: fine
				"A3,F,30,-1,100\n" +
				"A4,F,30,2.5,100\n" +
				"A5,F,42.5,2,100\n" +
				"A6,F,121,2,100\n" +
				"A7,F,-1,2,100\n" +
				"A8,F,10,0,100\n", // younger than the minimum entry age
			ok: []string{"A2"},
			want: []wantErr{
				{2, "service", "17", ErrServiceTooLong},
				{4, "service", "-1", actuarial.ErrRange},
				{5, "service", "2.5", ErrBadNumber},
				{6, "age", "42.5", ErrBadNumber},
				{7, "age", "121", actuarial.ErrRange},
				{8, "age", "-1", actuarial.ErrRange},
				{9, "service", "0", ErrServiceTooLong},
			},
		},
		{
			name:  "lower minimum entry age",
			opt:   CensusOptions{MinEntryAge: 12},
			input: "id,sex,age,service,salary\nA1,F,30,18,100\nA2,F,30,19,100\n",
			ok:    []string{"A1"},
			want:  []wantErr{{3, "service", "19", ErrServiceTooLong}},
		},
		{
			name:  "no minimum entry age",
			opt:   CensusOptions{MinEntryAge: -1},
			input: "id,sex,age,service,salary\nA1,F,30,30,100\nA2,F,30,31,100\n",
			ok:    []string{"A1"},
			want:  []wantErr{{3, "service", "31", ErrServiceTooLong}},
		},
		{
			name: "both forms must agree",
			input: "id,sex,birth_date,age,entry_date,service,salary\n" +
				"A1,F,1980-05-01,44,2005-03-01,19,100\n" + // agree
				"A2,F,1980-05-01,45,2005-03-01,19,100\n" +
				"A3,F,1980-05-01,44,2005-03-01,20,100\n" +
				"A4,F,,44,,19,100\n" + // either form alone is fine
				"A5,F,,,2005-03-01,,100\n",
			ok: []string{"A1", "A4"},
			want: []wantErr{
				{3, "age", "45", ErrInconsistent},
				{4, "service", "20", ErrInconsistent},
				{6, "birth_date|age", "", ErrMissingField},
			},
		},
		{
			name:  "wrong field count and CSV syntax",
			input: activesHeader + "A1,F,1980-05-01\nA2,F,1980-05-01,2005-03-01,100,extra\nA3,F,1980\"-05-01,2005-03-01,100\nA4,F,1980-05-01,2005-03-01,100\n",
			ok:    []string{"A4"},
			want: []wantErr{
				{2, "", "", csv.ErrFieldCount},
				{3, "", "", csv.ErrFieldCount},
				{4, "", "", csv.ErrBareQuote},
			},
		},
		{
			name:  "every problem of a record",
			input: activesHeader + "A1,X,1980-05-01,2005-03-01,-5\n",
			want: []wantErr{
				{2, "sex", "X", actuarial.ErrUnknownSex},
				{2, "salary", "-5", actuarial.ErrNegative},
			},
		},
		{
			name:  "good records kept around bad ones",
			input: activesHeader + "A1,F,1980-05-01,2005-03-01,100\nA2,F,1980-05-01,2005-03-01,x\nA3,male,1970-01-01,1990-01-01,250.75\n",
			ok:    []string{"A1", "A3"},
			want:  []wantErr{{3, "salary", "x", ErrBadNumber}},
		},
		{
			name:  "missing columns",
			input: "id,sex,age\nA1,F,40\n",
			want: []wantErr{
				{1, "entry_date|service", "", actuarial.ErrMissingColumn},
				{1, "salary", "", actuarial.ErrMissingColumn},
			},
		},
		{
			name:  "duplicate column",
			input: "id,sex,age,edad,service,salary\nA1,F,40,40,10,100\n",
			want:  []wantErr{{1, "age", "edad", ErrDuplicateColumn}},
		},
		{
			name:  "empty input",
			input: "",
			want:  []wantErr{{0, "", "", ErrNoHeader}},
		},
		{
			name:  "header after blank lines",
			input: "\n\n" + activesHeader + "A1,F,1980-05-01,2005-03-01,-1\n",
			want:  []wantErr{{4, "salary", "-1", actuarial.ErrNegative}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadActives(strings.NewReader(tt.input), 2025, tt.opt)
			checkErrs(t, err, tt.want)
			var ids []string
			for _, a := range got {
				ids = append(ids, a.ID)
			}
			assert.Equal(t, tt.ok, ids)
		})
	}
}

func TestRecordErrorFields(t *testing.T) {
	// The error names file, line, id, field and value.
	_, err := ReadActives(strings.NewReader(activesHeader+"A1,F,1980-05-01,2005-03-01,-100\n"), 2025,
		CensusOptions{File: "actives.csv"})
	var re *RecordError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, RecordError{File: "actives.csv", Line: 2, ID: "A1", Field: "salary", Value: "-100", Err: actuarial.ErrNegative}, *re)
	assert.Equal(t, `actuarial: census: actives.csv:line 2: id "A1": salary "-100": negative value`, err.Error())

	// Many problems: the message lists the first 20 and counts the rest.
	var b strings.Builder
	b.WriteString(activesHeader)
	for range 25 {
		b.WriteString("A,F,1980-05-01,2005-03-01,100\n")
	}
	_, err = ReadActives(strings.NewReader(b.String()), 2025, CensusOptions{})
	var ce *CensusError
	require.ErrorAs(t, err, &ce)
	assert.Len(t, ce.Records, 24) // every A after the first is a duplicate
	msg := err.Error()
	assert.True(t, strings.HasPrefix(msg, "actuarial: census: 24 problems:\n\tline 3: id \"A\": id \"A\": duplicate id: first on line 2"), msg)
	assert.True(t, strings.HasSuffix(msg, "\n\t... and 4 more"), msg)

	// A long value is clipped in the message but kept whole in Value.
	long := strings.Repeat("9", 70)
	_, err = ReadActives(strings.NewReader(activesHeader+"A1,F,1980-05-01,2005-03-01,"+long+"\n"), 2025, CensusOptions{})
	require.ErrorAs(t, err, &re)
	assert.Equal(t, long, re.Value)
	assert.Contains(t, err.Error(), strings.Repeat("9", maxValueLen)+"…")
}

func TestReadPensionersBadRecords(t *testing.T) {
	const header = "id,sex,birth_date,type,pension\n"
	tests := []struct {
		name  string
		input string
		ok    []string
		want  []wantErr
	}{
		{
			name:  "unknown type",
			input: header + "P1,F,1950-01-01,pension,100\nP2,F,1950-01-01,active,100\nP3,F,1950-01-01,,100\n",
			want: []wantErr{
				{2, "type", "pension", ErrUnknownPensionType},
				{3, "type", "active", ErrUnknownPensionType},
				{4, "type", "", ErrMissingField},
			},
		},
		{
			name:  "negative and missing pension",
			input: header + "P1,F,1950-01-01,old_age,-0.01\nP2,F,1950-01-01,old_age,\nP3,F,1950-01-01,old_age,0\n",
			ok:    []string{"P3"},
			want: []wantErr{
				{2, "pension", "-0.01", actuarial.ErrNegative},
				{3, "pension", "", ErrMissingField},
			},
		},
		{
			name:  "ages",
			input: header + "P1,F,1904-01-01,old_age,1\nP2,F,1904-01-02,old_age,1\nP3,F,2025-01-01,orphan,1\n",
			ok:    []string{"P2", "P3"}, // 121 on 1 January 2025, then 120 and 0
			want:  []wantErr{{2, "birth_date", "1904-01-01", actuarial.ErrRange}},
		},
		{
			name:  "missing type column",
			input: "id,sex,age,pension\nP1,F,70,100\n",
			want:  []wantErr{{1, "type", "", actuarial.ErrMissingColumn}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadPensioners(strings.NewReader(tt.input), 2025, CensusOptions{})
			checkErrs(t, err, tt.want)
			var ids []string
			for _, p := range got {
				ids = append(ids, p.ID)
			}
			assert.Equal(t, tt.ok, ids)
		})
	}
}

func TestReadCensusMixed(t *testing.T) {
	input := "id,sex,age,type,service,salary,pension\n" +
		"A1,female,40,active,10,120000,\n" +
		"A2,male,45,Activo,20,150000,5\n" + // a pensioner's cell on an active: ignored
		"P1,female,70,old age,,,90000\n" +
		"P2,male,12,Orfandad,,,20000.5\n" +
		"A3,male,45,active,20,,\n" +
		"P3,male,45,widow,,,\n"
	c, err := ReadCensus(strings.NewReader(input), 2025, CensusOptions{})
	checkErrs(t, err, []wantErr{
		{6, "salary", "", ErrMissingField},
		{7, "pension", "", ErrMissingField},
	})
	require.NotNil(t, c)
	assert.Equal(t, 2025, c.Year)
	require.Len(t, c.Actives, 2)
	require.Len(t, c.Pensioners, 2)
	assert.Equal(t, PensionOldAge, c.Pensioners[0].Type)
	assert.Equal(t, PensionOrphan, c.Pensioners[1].Type)
	// Sums by hand from the lines above.
	assert.True(t, decimal.RequireFromString("270000").Equal(c.TotalSalary()), c.TotalSalary().String())
	assert.True(t, decimal.RequireFromString("110000.5").Equal(c.TotalPension()), c.TotalPension().String())

	// A mixed file without an entry or service column reports it per active.
	c, err = ReadCensus(strings.NewReader("id,sex,age,type,salary,pension\nA1,F,40,active,1,\nP1,F,70,old_age,,1\n"), 2025, CensusOptions{})
	checkErrs(t, err, []wantErr{{2, "entry_date|service", "", actuarial.ErrMissingColumn}})
	assert.Len(t, c.Pensioners, 1)
}

func TestCensusOptions(t *testing.T) {
	t.Run("monthly amounts are multiplied exactly", func(t *testing.T) {
		in := "id,sex,age,service,salary\nA1,F,40,10,1234.56\n"
		got, err := ReadActives(strings.NewReader(in), 2025, CensusOptions{SalaryPaymentsPerYear: 12})
		require.NoError(t, err)
		// 1234.56 × 12 = 14814.72 exactly.
		assert.True(t, decimal.RequireFromString("14814.72").Equal(got[0].Salary), got[0].Salary.String())
		in = "id,sex,age,type,pension\nP1,F,70,vejez,1000.10\n"
		ps, err := ReadPensioners(strings.NewReader(in), 2025, CensusOptions{PensionPaymentsPerYear: 14})
		require.NoError(t, err)
		assert.True(t, decimal.RequireFromString("14001.40").Equal(ps[0].Pension), ps[0].Pension.String())
	})
	t.Run("delimiter, layout, sex codes, BOM and spaces", func(t *testing.T) {
		in := "\ufeffFolio; Sexo ;Fecha de Nacimiento;Fecha-Ingreso;Sueldo;Depto\n" +
			" Y1 ; H ; 31/12/1984 ; 01/01/2005 ; 100.5 ;X\n" +
			"Y2;M;01/01/1985;02/01/2005;7;Y\n"
		got, err := ReadActives(strings.NewReader(in), 2025, CensusOptions{
			Comma: ';', DateLayout: "02/01/2006", SexCodes: actuarial.SexCodesSpanish,
		})
		require.NoError(t, err)
		require.Len(t, got, 2)
		assert.Equal(t, Active{
			ID: "Y1", Sex: actuarial.Male, Age: 40, Service: 20, Salary: decimal.RequireFromString("100.5"),
			BirthDate: time.Date(1984, 12, 31, 0, 0, 0, 0, time.UTC),
			EntryDate: time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC), Line: 2,
		}, got[0])
		// Born on 1 January 1985: 40 on 1 January 2025. Entry on 2 January
		// 2005: 19 completed years.
		assert.Equal(t, actuarial.Female, got[1].Sex)
		assert.Equal(t, 40, got[1].Age)
		assert.Equal(t, 19, got[1].Service)
	})
	t.Run("English M", func(t *testing.T) {
		got, err := ReadActives(strings.NewReader("id,sex,age,service,salary\nA,M,40,1,1\n"), 2025,
			CensusOptions{SexCodes: actuarial.SexCodesEnglish})
		require.NoError(t, err)
		assert.Equal(t, actuarial.Male, got[0].Sex)
	})
}

func TestCompletedYears(t *testing.T) {
	// Age last birthday by its definition: whole years elapsed since birth,
	// a birthday on 29 February falling on 1 March in common years.
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		from        time.Time
		y           int
		m           time.Month
		day         int
		want        int
		explanation string
	}{
		{d(1985, 1, 1), 2025, 1, 1, 40, "birthday on the valuation date counts"},
		{d(1985, 1, 2), 2025, 1, 1, 39, "birthday tomorrow"},
		{d(1984, 12, 31), 2025, 1, 1, 40, "birthday yesterday"},
		{d(1984, 2, 29), 2025, 1, 1, 40, "leap-day birth, valuation on 1 January"},
		{d(1984, 2, 29), 2024, 1, 1, 39, "leap-day birth, leap valuation year"},
		{d(1984, 2, 29), 2025, 2, 28, 40, "not yet 41 on 28 February of a common year"},
		{d(1984, 2, 29), 2025, 3, 1, 41, "41 on 1 March of a common year"},
		{d(1984, 2, 29), 2028, 2, 29, 44, "44 on 29 February 2028"},
		{d(2025, 1, 1), 2025, 1, 1, 0, "born on the valuation date"},
		{d(2025, 1, 2), 2025, 1, 1, -1, "born after it"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, completedYears(tt.from, tt.y, tt.m, tt.day), tt.explanation)
	}

	// The same through the reader: leap-day births on 1 January valuations.
	in := "id,sex,birth_date,type,pension\nP1,F,1984-02-29,old_age,1\nP2,F,2024-02-29,orphan,1\n"
	for _, year := range []int{2025, 2028, 2029} {
		got, err := ReadPensioners(strings.NewReader(in), year, CensusOptions{})
		require.NoError(t, err)
		assert.Equal(t, year-1984-1, got[0].Age, "valuation %d", year)
		assert.Equal(t, year-2024-1, got[1].Age, "valuation %d", year)
	}
	got, err := ReadPensioners(strings.NewReader(in), 2024, CensusOptions{})
	require.Len(t, got, 1)
	assert.Equal(t, 39, got[0].Age)
	// Born 29 February 2024, after 1 January 2024.
	checkErrs(t, err, []wantErr{{3, "birth_date", "2024-02-29", ErrFutureDate}})
}

func TestParseSex(t *testing.T) {
	tests := []struct {
		in      string
		codes   actuarial.SexCodes
		want    actuarial.Sex
		wantErr error
	}{
		{"male", actuarial.SexCodesUnambiguous, actuarial.Male, nil},
		{" Female ", actuarial.SexCodesUnambiguous, actuarial.Female, nil},
		{"H", actuarial.SexCodesUnambiguous, actuarial.Male, nil},
		{"f", actuarial.SexCodesUnambiguous, actuarial.Female, nil},
		{"1", actuarial.SexCodesUnambiguous, actuarial.Male, nil},
		{"2", actuarial.SexCodesUnambiguous, actuarial.Female, nil},
		{"Mujer", actuarial.SexCodesUnambiguous, actuarial.Female, nil},
		{"VARÓN", actuarial.SexCodesUnambiguous, actuarial.Male, nil},
		{"M", actuarial.SexCodesUnambiguous, actuarial.SexUnknown, actuarial.ErrAmbiguousSex},
		{"m", actuarial.SexCodesEnglish, actuarial.Male, nil},
		{"M", actuarial.SexCodesSpanish, actuarial.Female, nil},
		{"H", actuarial.SexCodesEnglish, actuarial.Male, nil}, // H is never female
		{"0", actuarial.SexCodesUnambiguous, actuarial.SexUnknown, actuarial.ErrUnknownSex},
		{"9", actuarial.SexCodesUnambiguous, actuarial.SexUnknown, actuarial.ErrUnknownSex},
		{"", actuarial.SexCodesEnglish, actuarial.SexUnknown, actuarial.ErrUnknownSex},
		{"x", actuarial.SexCodesSpanish, actuarial.SexUnknown, actuarial.ErrUnknownSex},
	}
	for _, tt := range tests {
		got, err := actuarial.ParseSex(tt.in, tt.codes)
		assert.Equal(t, tt.want, got, "%q %v", tt.in, tt.codes)
		if tt.wantErr == nil {
			assert.NoError(t, err)
		} else {
			assert.ErrorIs(t, err, tt.wantErr, "%q %v", tt.in, tt.codes)
		}
	}
	// String round trip under every coding.
	for _, s := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		for _, c := range []actuarial.SexCodes{actuarial.SexCodesUnambiguous, actuarial.SexCodesEnglish, actuarial.SexCodesSpanish} {
			got, err := actuarial.ParseSex(s.String(), c)
			require.NoError(t, err)
			assert.Equal(t, s, got)
		}
	}
	assert.Equal(t, "unknown", actuarial.SexUnknown.String())
	assert.Equal(t, []string{"unambiguous", "English", "Spanish", "SexCodes(3)"},
		[]string{actuarial.SexCodesUnambiguous.String(), actuarial.SexCodesEnglish.String(), actuarial.SexCodesSpanish.String(), actuarial.SexCodes(3).String()})
	assert.Equal(t, `Sex("x")`, actuarial.Sex("x").String())
	assert.Equal(t, 0, actuarial.Male.Index())
	assert.Equal(t, 1, actuarial.Female.Index())
	assert.PanicsWithValue(t, `actuarial: Sex.Index of invalid sex ""`, func() { actuarial.SexUnknown.Index() })
	assert.Panics(t, func() { _, _ = actuarial.ParseSex("m", actuarial.SexCodes(3)) })
}

func TestParsePensionType(t *testing.T) {
	tests := []struct {
		in   string
		want PensionType
	}{
		{"old_age", PensionOldAge}, {"Old Age", PensionOldAge}, {"old-age", PensionOldAge},
		{"Jubilación", PensionOldAge}, {"RETIREMENT", PensionOldAge},
		{"early", PensionEarly}, {"Cesantía", PensionEarly}, {"early retirement", PensionEarly},
		{"disability", PensionDisability}, {"Invalidez", PensionDisability},
		{"widow(er)", PensionSurvivor}, {" Viudez ", PensionSurvivor},
		{"orphan", PensionOrphan}, {"HUÉRFANO", PensionOrphan},
	}
	for _, tt := range tests {
		got, err := ParsePensionType(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{"", "unknown", "old", "old__age", "active", "old_age_"} {
		_, err := ParsePensionType(bad)
		assert.ErrorIs(t, err, ErrUnknownPensionType, bad)
	}
	for i := range NumPensionTypes {
		ty := PensionTypeAt(i)
		got, err := ParsePensionType(ty.String())
		require.NoError(t, err)
		assert.Equal(t, ty, got)
		assert.Equal(t, i, ty.Index())
	}
	assert.Equal(t, `PensionType("pension")`, PensionType("pension").String())
	assert.Panics(t, func() { PensionUnknown.Index() })
}

func TestMisusePanics(t *testing.T) {
	in := func() *strings.Reader { return strings.NewReader("id,sex,age,service,salary\n") }
	assert.PanicsWithValue(t, "actuarial: ReadActives: valuation year 0 outside 1..9999", func() {
		_, _ = ReadActives(in(), 0, CensusOptions{})
	})
	assert.Panics(t, func() { _, _ = ReadActives(in(), 2025, CensusOptions{SexCodes: 9}) })
	assert.Panics(t, func() { _, _ = ReadActives(in(), 2025, CensusOptions{SalaryPaymentsPerYear: -12}) })
	assert.Panics(t, func() { _, _ = ReadActives(in(), 2025, CensusOptions{Comma: '"'}) })
	assert.Panics(t, func() { (&ActiveCells{}).Index(actuarial.Male, 121, 0) })
	assert.Panics(t, func() { (&ActiveCells{}).Index(actuarial.Male, 40, -1) })
	assert.Panics(t, func() { (&ActiveCells{MaxService: -1}).Len() })
	assert.Panics(t, func() { (&PensionerCells{}).Index(PensionOldAge, actuarial.SexUnknown, 40) })
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReaderFailure(t *testing.T) {
	_, err := ReadActives(failingReader{}, 2025, CensusOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk on fire")
	var ce *CensusError
	assert.False(t, errors.As(err, &ce), "an I/O failure is not a bad record")
}

// readTestdata reads the synthetic census of testdata/census (see its
// README.md).
func readTestdata(t testing.TB) *Census {
	t.Helper()
	f, err := os.Open("../../testdata/census/actives.csv")
	require.NoError(t, err)
	defer f.Close()
	actives, err := ReadActives(f, 2025, CensusOptions{
		File: "actives.csv", DateLayout: "02/01/2006", SexCodes: actuarial.SexCodesSpanish, SalaryPaymentsPerYear: 12,
	})
	require.NoError(t, err)
	g, err := os.Open("../../testdata/census/pensioners.csv")
	require.NoError(t, err)
	defer g.Close()
	pensioners, err := ReadPensioners(g, 2025, CensusOptions{File: "pensioners.csv", PensionPaymentsPerYear: 12})
	require.NoError(t, err)
	return &Census{Year: 2025, Actives: actives, Pensioners: pensioners}
}

func TestReadTestdata(t *testing.T) {
	c := readTestdata(t)
	// Counts and monthly sums from testdata/census/README.md, computed there
	// with awk independently of this package.
	require.Len(t, c.Actives, 60)
	require.Len(t, c.Pensioners, 20)
	males := 0
	for _, a := range c.Actives {
		if a.Sex == actuarial.Male {
			males++
		}
	}
	assert.Equal(t, 25, males)
	assert.True(t, decimal.RequireFromString("1441331.96").Mul(decimal.NewFromInt(12)).Equal(c.TotalSalary()),
		c.TotalSalary().String())
	assert.True(t, decimal.RequireFromString("277634.15").Mul(decimal.NewFromInt(12)).Equal(c.TotalPension()),
		c.TotalPension().String())
	byType := map[PensionType]int{}
	for _, p := range c.Pensioners {
		byType[p.Type]++
	}
	assert.Equal(t, map[PensionType]int{PensionOldAge: 9, PensionEarly: 4, PensionDisability: 2, PensionSurvivor: 4, PensionOrphan: 1}, byType)

	// Line 9: born 29/02/1984, entered 29/03/2004: on 1 January 2025 aged
	// 40 with 20 completed years (counted by hand on a calendar).
	a := c.Actives[7]
	assert.Equal(t, "Y01008", a.ID)
	assert.Equal(t, 9, a.Line)
	assert.Equal(t, 40, a.Age)
	assert.Equal(t, 20, a.Service)
	// Line 2: born 17/12/1998, entered 13/03/2024: 26, and 0 years.
	assert.Equal(t, 26, c.Actives[0].Age)
	assert.Equal(t, 0, c.Actives[0].Service)
}

func TestGroupReconciles(t *testing.T) {
	c := readTestdata(t)
	ac, err := GroupActives(nil, c.Actives)
	require.NoError(t, err)
	pc, err := GroupPensioners(nil, c.Pensioners)
	require.NoError(t, err)

	// Identity: the cells partition the records, so their totals are the
	// records' totals (counts exactly, money within moneyTol of the exact
	// decimal sum).
	n, salary := ac.Total()
	assert.Equal(t, float64(len(c.Actives)), n)
	total := c.TotalSalary().InexactFloat64()
	assert.InDelta(t, total, salary, moneyTol*total)
	n, pension := pc.Total()
	assert.Equal(t, float64(len(c.Pensioners)), n)
	total = c.TotalPension().InexactFloat64()
	assert.InDelta(t, total, pension, moneyTol*total)

	// Cell by cell, against exact decimal sums of the records in each cell.
	salaries := map[int]decimal.Decimal{}
	counts := map[int]float64{}
	for _, a := range c.Actives {
		i := ac.Index(a.Sex, a.Age, a.Service)
		salaries[i] = salaries[i].Add(a.Salary)
		counts[i]++
	}
	for i := range ac.Count {
		assert.Equal(t, counts[i], ac.Count[i], "cell %d", i)
		want := salaries[i].InexactFloat64()
		assert.InDelta(t, want, ac.Salary[i], moneyTol*want, "cell %d", i)
	}
	pensions := map[int]decimal.Decimal{}
	for _, p := range c.Pensioners {
		i := pc.Index(p.Type, p.Sex, p.Age)
		pensions[i] = pensions[i].Add(p.Pension)
	}
	for i := range pc.Pension {
		want := pensions[i].InexactFloat64()
		assert.InDelta(t, want, pc.Pension[i], moneyTol*want, "cell %d", i)
	}
}

func TestGroupLargeSynthetic(t *testing.T) {
	// 20,000 generated records: the float64 cell totals stay within
	// moneyTol of the exact decimal totals.
	data := syntheticActives(20000, 1)
	actives, err := ReadActives(bytes.NewReader(data), 2025, CensusOptions{})
	require.NoError(t, err)
	require.Len(t, actives, 20000)
	cells, err := GroupActives(nil, actives)
	require.NoError(t, err)
	n, salary := cells.Total()
	assert.Equal(t, 20000.0, n)
	c := Census{Actives: actives}
	total := c.TotalSalary().InexactFloat64()
	assert.InDelta(t, total, salary, moneyTol*total)
}

func TestCellIndex(t *testing.T) {
	// Index is a bijection onto 0..Len−1, laid out as documented.
	for _, ms := range []int{0, 1, 10} {
		c := &ActiveCells{MaxService: ms}
		last := c.LastService()
		seen := make([]bool, c.Len())
		for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
			for age := 0; age <= MaxCensusAge; age++ {
				for s := 0; s <= last; s++ {
					i := c.Index(sex, age, s)
					require.False(t, seen[i])
					seen[i] = true
					assert.Equal(t, (sex.Index()*(MaxCensusAge+1)+age)*(last+1)+s, i)
				}
				assert.Equal(t, c.Index(sex, age, last), c.Index(sex, age, last+7), "service clamps")
			}
		}
		assert.NotContains(t, seen, false)
	}
	p := &PensionerCells{}
	seen := make([]bool, p.Len())
	for ti := range NumPensionTypes {
		ty := PensionTypeAt(ti)
		for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
			for age := 0; age <= MaxCensusAge; age++ {
				i := p.Index(ty, sex, age)
				require.False(t, seen[i])
				seen[i] = true
			}
		}
	}
	assert.NotContains(t, seen, false)
	assert.Equal(t, 2*121*51, (&ActiveCells{}).Len())
}

func TestGroupBadRecordsAndReuse(t *testing.T) {
	actives := []Active{
		{ID: "ok", Sex: actuarial.Female, Age: 40, Service: 60, Salary: decimal.NewFromInt(100)},
		{ID: "nosex", Age: 40},
		{ID: "old", Sex: actuarial.Male, Age: 121},
		{ID: "neg", Sex: actuarial.Male, Age: 40, Service: -1},
		{ID: "pay", Sex: actuarial.Male, Age: 40, Salary: decimal.NewFromInt(-1), Line: 7},
	}
	cells, err := GroupActives(nil, actives)
	checkErrs(t, err, []wantErr{
		{0, "sex", "unknown", actuarial.ErrUnknownSex},
		{0, "age", "121", actuarial.ErrRange},
		{0, "service", "-1", actuarial.ErrRange},
		{7, "salary", "-1", actuarial.ErrNegative},
	})
	n, s := cells.Total()
	assert.Equal(t, 1.0, n)
	assert.Equal(t, 100.0, s)
	assert.Equal(t, 1.0, cells.Count[cells.Index(actuarial.Female, 40, DefaultMaxService)], "service 60 in the 50+ cell")

	pens := []Pensioner{{ID: "x", Sex: actuarial.Male, Age: 70}, {ID: "y", Sex: actuarial.Male, Age: 70, Type: PensionEarly, Pension: decimal.NewFromInt(5)}}
	pc, err := GroupPensioners(nil, pens)
	checkErrs(t, err, []wantErr{{0, "type", "unknown", ErrUnknownPensionType}})
	assert.Equal(t, 5.0, pc.Pension[pc.Index(PensionEarly, actuarial.Male, 70)])

	// Regrouping into the same cells zeroes them and allocates nothing.
	good := actives[:1]
	allocs := testing.AllocsPerRun(10, func() {
		_, _ = GroupActives(cells, good)
	})
	assert.Zero(t, allocs)
	n, _ = cells.Total()
	assert.Equal(t, 1.0, n)
}

func TestCensusRoundTrip(t *testing.T) {
	c := readTestdata(t)
	var buf bytes.Buffer
	require.NoError(t, WriteActives(&buf, c.Actives))
	actives, err := ReadActives(&buf, 2025, CensusOptions{})
	require.NoError(t, err)
	require.Equal(t, len(c.Actives), len(actives))
	for i := range actives {
		assertSameActive(t, c.Actives[i], actives[i])
	}

	buf.Reset()
	require.NoError(t, WritePensioners(&buf, c.Pensioners))
	pensioners, err := ReadPensioners(&buf, 2025, CensusOptions{})
	require.NoError(t, err)
	require.Equal(t, len(c.Pensioners), len(pensioners))
	for i := range pensioners {
		assertSamePensioner(t, c.Pensioners[i], pensioners[i])
	}

	buf.Reset()
	require.NoError(t, WriteCensus(&buf, c))
	back, err := ReadCensus(&buf, 2025, CensusOptions{})
	require.NoError(t, err)
	require.Equal(t, len(c.Actives), len(back.Actives))
	require.Equal(t, len(c.Pensioners), len(back.Pensioners))
	for i := range back.Actives {
		assertSameActive(t, c.Actives[i], back.Actives[i])
	}
	for i := range back.Pensioners {
		assertSamePensioner(t, c.Pensioners[i], back.Pensioners[i])
	}
	assert.True(t, c.TotalSalary().Equal(back.TotalSalary()))
}

func assertSameActive(t *testing.T, want, got Active) {
	t.Helper()
	assert.True(t, want.Salary.Equal(got.Salary), "%s: salary %s, want %s", want.ID, got.Salary, want.Salary)
	want.Salary, got.Salary, want.Line, got.Line = decimal.Decimal{}, decimal.Decimal{}, 0, 0
	assert.Equal(t, want, got)
}

func assertSamePensioner(t *testing.T, want, got Pensioner) {
	t.Helper()
	assert.True(t, want.Pension.Equal(got.Pension), "%s: pension %s, want %s", want.ID, got.Pension, want.Pension)
	want.Pension, got.Pension, want.Line, got.Line = decimal.Decimal{}, decimal.Decimal{}, 0, 0
	assert.Equal(t, want, got)
}

func TestValuationDate(t *testing.T) {
	c := Census{Year: 2025}
	assert.Equal(t, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), c.ValuationDate())
}
