package census

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/shopspring/decimal"
)

// FuzzReadCensus feeds arbitrary bytes to the three readers and checks that
// none panics and that every record is either accepted or reported: the
// lines of the accepted records and of the problems are disjoint, and
// together they are every record encoding/csv finds after the header; and
// that each reader gives the records and errors of encoding/csv feeding the
// same validation (readCensusCSV), also when reading in chunks of 16 to 79
// bytes on two goroutines.
func FuzzReadCensus(f *testing.F) {
	for _, name := range []string{"actives.csv", "pensioners.csv"} {
		if data, err := os.ReadFile("../../testdata/census/" + name); err == nil {
			f.Add(data, uint8(0))
		}
	}
	f.Add([]byte(activesHeader+"A1,F,1980-05-01,2005-03-01,-100\nA1,M,x,,1e999\n"), uint8(0))
	f.Add([]byte("id,sex,age,type,service,salary,pension\nA1,female,40,active,10,120000,\nP1,H,70,viudez,,,9\n"), uint8(1))
	f.Add([]byte("id,sex,age,type,pension\nP1,F,70,old_age,1\nP2,\"F\nP3,F,1,orphan,2\n"), uint8(2))
	f.Add([]byte("\ufeffid;sexo;edad;antigüedad;sueldo\nA;H;40;10;1\n"), uint8(3))

	f.Fuzz(func(t *testing.T, data []byte, flags uint8) {
		opt := CensusOptions{SexCodes: actuarial.SexCodes(flags % 3), SalaryPaymentsPerYear: int(flags/3%2) * 12}
		if flags&0x80 != 0 {
			opt.Comma = ';'
		}
		records, headerLine := countRecords(data, opt.Comma)

		actives, err := ReadActives(bytes.NewReader(data), 2025, opt)
		lines := make([]int, 0, len(actives))
		for _, a := range actives {
			checkActive(t, a, opt)
			lines = append(lines, a.Line)
		}
		checkAccounted(t, "ReadActives", lines, err, records, headerLine)
		c := Census{Year: 2025, Actives: actives}
		cells, err := GroupActives(nil, actives)
		if err != nil {
			t.Fatalf("GroupActives rejected records ReadActives accepted: %v", err)
		}
		if n, _ := cells.Total(); int(n) != len(actives) {
			t.Fatalf("cells hold %v members, census %d", n, len(actives))
		}
		checkMoney(t, cells.Salary, c.TotalSalary())

		pensioners, err := ReadPensioners(bytes.NewReader(data), 2025, opt)
		lines = lines[:0]
		for _, p := range pensioners {
			if !p.Type.Valid() || !p.Sex.Valid() || p.Age < 0 || p.Age > MaxCensusAge || p.Pension.IsNegative() {
				t.Fatalf("accepted a bad pensioner: %+v", p)
			}
			lines = append(lines, p.Line)
		}
		checkAccounted(t, "ReadPensioners", lines, err, records, headerLine)
		pc, err := GroupPensioners(nil, pensioners)
		if err != nil {
			t.Fatalf("GroupPensioners rejected records ReadPensioners accepted: %v", err)
		}
		checkMoney(t, pc.Pension, (&Census{Pensioners: pensioners}).TotalPension())

		mixed, err := ReadCensus(bytes.NewReader(data), 2025, opt)
		lines = lines[:0]
		for _, a := range mixed.Actives {
			checkActive(t, a, opt)
			lines = append(lines, a.Line)
		}
		for _, p := range mixed.Pensioners {
			lines = append(lines, p.Line)
		}
		checkAccounted(t, "ReadCensus", lines, err, records, headerLine)

		// The same records and errors as encoding/csv feeding the same
		// validation.
		for _, mode := range []censusMode{modeActives, modePensioners, modeMixed} {
			want, wantErr := readCensusCSV(data, 2025, opt, mode)
			got := &Census{Year: 2025}
			var gotErr error
			switch mode {
			case modeActives:
				got.Actives, gotErr = ReadActives(bytes.NewReader(data), 2025, opt)
			case modePensioners:
				got.Pensioners, gotErr = ReadPensioners(bytes.NewReader(data), 2025, opt)
			default:
				got, gotErr = ReadCensus(bytes.NewReader(data), 2025, opt)
			}
			if d := sameCensus(want, wantErr, got, gotErr); d != "" {
				t.Fatalf("mode %d: %s", mode, d)
			}
			// And in chunks small enough to split the lines among
			// goroutines.
			chunk := 16 + int(flags&0x3f)
			got, gotErr = readChunked(data, opt, mode, chunk, 2, flags&0x40 != 0)
			if d := sameCensus(want, wantErr, got, gotErr); d != "" {
				t.Fatalf("mode %d, chunks of %d: %s", mode, chunk, d)
			}
		}
	})
}

// countRecords counts the records encoding/csv reads after the header,
// good or not, and returns the header's line, 0 if it could not read one.
func countRecords(data []byte, comma rune) (n, headerLine int) {
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		data = data[3:]
	}
	r := csv.NewReader(bytes.NewReader(data))
	if comma != 0 {
		r.Comma = comma
	}
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil {
		return 0, 0
	}
	headerLine, _ = r.FieldPos(0)
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n, headerLine
		}
		n++
	}
}

func checkActive(t *testing.T, a Active, opt CensusOptions) {
	t.Helper()
	if a.ID == "" || !a.Sex.Valid() || a.Age < 0 || a.Age > MaxCensusAge || a.Service < 0 ||
		a.Service > a.Age-DefaultMinEntryAge || a.Salary.IsNegative() ||
		a.Salary.InexactFloat64() > MaxCensusAmount {
		t.Fatalf("accepted a bad active: %+v", a)
	}
}

// checkAccounted checks that accepted lines and problem lines are disjoint
// and cover every record; when the header is unreadable or reported, that
// nothing is accepted.
func checkAccounted(t *testing.T, fn string, accepted []int, err error, records, headerLine int) {
	t.Helper()
	var ce *CensusError
	if err != nil && !errors.As(err, &ce) {
		t.Fatalf("%s: error is not a *CensusError: %v", fn, err)
	}
	bad := map[int]bool{}
	headerBad := headerLine == 0
	if ce != nil {
		if len(ce.Records) == 0 {
			t.Fatalf("%s: empty CensusError", fn)
		}
		for _, r := range ce.Records {
			if r.Err == nil {
				t.Fatalf("%s: record error without a cause: %+v", fn, r)
			}
			bad[r.Line] = true
			if r.Line == headerLine {
				headerBad = true
			}
		}
	}
	if headerBad {
		if len(accepted) != 0 {
			t.Fatalf("%s: accepted %d records without a usable header", fn, len(accepted))
		}
		if err == nil {
			t.Fatalf("%s: no header and no error", fn)
		}
		return
	}
	seen := map[int]bool{}
	for _, l := range accepted {
		if seen[l] || bad[l] {
			t.Fatalf("%s: line %d accepted twice or also reported", fn, l)
		}
		seen[l] = true
	}
	if got := len(accepted) + len(bad); got != records {
		t.Fatalf("%s: %d accepted + %d reported lines, but %d records: %v", fn, len(accepted), len(bad), records, err)
	}
}

// checkMoney checks the cells' float64 total against the exact total.
func checkMoney(t *testing.T, cells []float64, exact decimal.Decimal) {
	t.Helper()
	var sum float64
	for _, v := range cells {
		sum += v
	}
	want := exact.InexactFloat64()
	if d := sum - want; d > moneyTol*want+1e-9 || -d > moneyTol*want+1e-9 {
		t.Fatalf("cells total %v, records %v", sum, want)
	}
}

// FuzzParseISODate checks the fast path against time.Parse.
func FuzzParseISODate(f *testing.F) {
	for _, s := range []string{"2025-01-01", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29",
		"2025-04-31", "2025-12-31", "0000-01-01", "2025-1-01", "2025-00-10", "+025-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := parseISODate(s)
		slow, err := time.Parse(ISODate, s)
		if ok != (err == nil) || (ok && !fast.Equal(slow)) {
			t.Fatalf("%q: fast %v %v, time.Parse %v %v", s, fast, ok, slow, err)
		}
	})
}
