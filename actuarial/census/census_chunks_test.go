package census

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/reserva-go/reserva/actuarial"
)

// readChunked reads data as readCensus does, in chunks of chunk bytes on
// workers goroutines, through a reader that tells its size or one that
// does not and reads half of what it is asked for at a time.
func readChunked(data []byte, opt CensusOptions, mode censusMode, chunk, workers int, sized bool) (*Census, error) {
	var r io.Reader = bytes.NewReader(data)
	if !sized {
		r = iotest.HalfReader(r) // no size, and short reads
	}
	c := &Census{Year: 2025}
	err := readCensusChunks(r, c, opt, mode, "readChunked", chunk, workers)
	return c, err
}

// chunkInputs returns census texts for the tests of the chunked reading:
// random files as TestReadersMatchCSVPath draws them (PCG seeded 17),
// each also with its quotes taken out, since a quote sends the rest of a
// file line by line; files of ids repeated in and out of order; and
// synthetic actives with bad records among them.
func chunkInputs() [][]byte {
	rng := rand.New(rand.NewPCG(17, 2))
	var inputs [][]byte
	for i := range 400 {
		comma := ","
		if i%8 == 0 {
			comma = ";"
		}
		data := randomCensus(rng, comma)
		if comma == ";" {
			data = bytes.ReplaceAll(data, []byte(","), []byte(";"))
		}
		inputs = append(inputs, data, bytes.ReplaceAll(data, []byte(`"`), nil))
	}
	for range 100 {
		var b strings.Builder
		b.WriteString("id,sex,age,service,salary,type,pension\n")
		for next := range 5 + rng.IntN(80) {
			id := fmt.Sprintf("A%d", next)
			if rng.IntN(3) == 0 {
				id = fmt.Sprintf("A%d", rng.IntN(next+3))
			}
			sex, typ, pension := "F", "active", ""
			if rng.IntN(5) == 0 {
				sex = "Q"
			}
			if rng.IntN(3) == 0 {
				typ, pension = "old_age", "100"
			}
			fmt.Fprintf(&b, "%s,%s,40,10,1000,%s,%s\n", id, sex, typ, pension)
		}
		inputs = append(inputs, []byte(b.String()))
	}
	for i := range 20 {
		data := syntheticActives(300, uint64(i))
		lines := bytes.SplitAfter(data, []byte("\n"))
		for range 10 {
			k := 1 + rng.IntN(len(lines)-2)
			switch rng.IntN(4) {
			case 0:
				lines[k] = []byte("A1,F,1980-05-01,2005-03-01,100\n") // a duplicate
			case 1:
				lines[k] = []byte("B1,X,1980-05-01,2005-03-01,100\r\n")
			case 2:
				lines[k] = []byte("\n")
			default:
				lines[k] = []byte("C1,F,1980-05-01,2005-03-01,\"1\n0\"\n")
			}
		}
		inputs = append(inputs, bytes.Join(lines, nil))
	}
	return inputs
}

// TestChunksMatchCSVPath checks the reading in chunks on several
// goroutines against the same validation fed by encoding/csv
// (readCensusCSV): the same records and problems, in the same order, with
// chunks of 8 bytes to 4 KiB (lines split across chunks, lines longer
// than a chunk), 2 to 4 workers, with and without a size hint, in the
// three modes; and that no record is left in the slices past their
// length.
func TestChunksMatchCSVPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	chunks := []int{8, 40, 100, 300, 4096}
	for i, data := range chunkInputs() {
		opt := CensusOptions{File: "f.csv", SexCodes: actuarial.SexCodes(i % 3), SalaryPaymentsPerYear: i % 2 * 12}
		if bytes.Contains(data, []byte(";")) && !bytes.Contains(data, []byte(",")) {
			opt.Comma = ';'
		}
		for _, mode := range []censusMode{modeActives, modePensioners, modeMixed} {
			want, wantErr := readCensusCSV(data, 2025, opt, mode)
			chunk, workers, sized := chunks[rng.IntN(len(chunks))], 2+rng.IntN(3), rng.IntN(2) == 0
			got, gotErr := readChunked(data, opt, mode, chunk, workers, sized)
			if d := sameCensus(want, wantErr, got, gotErr); d != "" {
				t.Fatalf("input %d, mode %d, chunks of %d, %d workers, sized %v: %s\ninput: %q",
					i, mode, chunk, workers, sized, d, clipForLog(data))
			}
			// Nothing left behind the records to keep memory alive.
			for k, a := range got.Actives[len(got.Actives):cap(got.Actives)] {
				if a != (Active{}) {
					t.Fatalf("input %d, mode %d: active %d past the end: %+v", i, mode, len(got.Actives)+k, a)
				}
			}
			for k, q := range got.Pensioners[len(got.Pensioners):cap(got.Pensioners)] {
				if q != (Pensioner{}) {
					t.Fatalf("input %d, mode %d: pensioner %d past the end: %+v", i, mode, len(got.Pensioners)+k, q)
				}
			}
		}
	}
}

// TestChunksInputError checks that an error of the input ends the reading
// in chunks where it ends the reading line by line: the records of the
// lines before it kept, the error returned as it is.
func TestChunksInputError(t *testing.T) {
	errDisk := errors.New("disk on fire")
	data := syntheticActives(200, 5)
	quoted := append(bytes.Clone(data[:len(data)/2]), "A9999,\"F\",1980-05-01,2005-03-01,100\n"...)
	quoted = append(quoted, data[len(data)/2:]...)
	for _, in := range [][]byte{data, quoted} {
		for _, cut := range []int{10, 40, len(in) / 3, len(in)/2 + 7, len(in) - 1} {
			want := &Census{Year: 2025}
			wantErr := readCensusChunks(&failAfter{in[:cut], errDisk}, want, CensusOptions{}, modeActives, "f", chunkSize, 1)
			for _, chunk := range []int{64, 1000} {
				got := &Census{Year: 2025}
				gotErr := readCensusChunks(&failAfter{in[:cut], errDisk}, got, CensusOptions{}, modeActives, "f", chunk, 2)
				if d := sameCensus(want, wantErr, got, gotErr); d != "" {
					t.Fatalf("cut at %d, chunks of %d: %s", cut, chunk, d)
				}
				if cut > 40 && !errors.Is(gotErr, errDisk) {
					t.Fatalf("cut at %d, chunks of %d: error %v", cut, chunk, gotErr)
				}
			}
		}
	}
}

// TestChunksLarge reads 20,000 synthetic records in the default chunks on
// two workers and line by line: the same records.
func TestChunksLarge(t *testing.T) {
	data := syntheticActives(20_000, 7)
	want, wantErr := readChunked(data, CensusOptions{}, modeActives, chunkSize, 1, true)
	for _, sized := range []bool{true, false} {
		got, gotErr := readChunked(data, CensusOptions{}, modeActives, chunkSize, 2, sized)
		if d := sameCensus(want, wantErr, got, gotErr); d != "" {
			t.Fatalf("sized %v: %s", sized, d)
		}
	}
	if len(want.Actives) != 20_000 || wantErr != nil {
		t.Fatalf("read %d records: %v", len(want.Actives), wantErr)
	}
}
