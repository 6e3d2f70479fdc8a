package actuarialtest

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/mortality"
)

// SULT is AMLCR's Standard Ultimate Life Table: Makeham A = 0.00022,
// B = 2.7e-6, C = 1.124 from age 20 to 130 (Dickson, Hardy & Waters,
// Actuarial Mathematics for Life Contingent Risks, 2nd ed., Appendix D).
func SULT(t testing.TB) *mortality.LifeTable {
	t.Helper()
	tbl, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		t.Fatalf("actuarialtest: SULT: %v", err)
	}
	return tbl
}

// ILT is the SOA Illustrative Life Table (Bowers et al., Actuarial
// Mathematics, 2nd ed., Appendix 2A), read from the repository's
// testdata/soa/soa_ilt_lx.csv (see testdata/README.md for its provenance).
func ILT(t testing.TB) *mortality.LifeTable {
	t.Helper()
	tbl, err := readILT(Testdata("soa", "soa_ilt_lx.csv"))
	if err != nil {
		t.Fatalf("actuarialtest: ILT: %v", err)
	}
	return tbl
}

func readILT(name string) (*mortality.LifeTable, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) < 2 || len(recs[0]) != 2 || recs[0][0] != "x" || recs[0][1] != "lx" {
		return nil, fmt.Errorf("%s: want a header x,lx and rows", name)
	}
	l := make([]float64, 0, len(recs)-1)
	for i, r := range recs[1:] {
		x, err := strconv.Atoi(r[0])
		if err != nil || x != i {
			return nil, fmt.Errorf("%s:%d: age %q: ages run from 0 without gaps", name, i+2, r[0])
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(r[1]), 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: lx %q: %w", name, i+2, r[1], err)
		}
		l = append(l, v)
	}
	return mortality.FromSurvivors(0, l)
}

// Testdata returns the path of a file under the repository's testdata
// folder, whatever the package whose test asks for it.
func Testdata(elem ...string) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "testdata")
	return filepath.Join(append([]string{root}, elem...)...)
}

// ISTRow is one age of the Illustrative Service Table: the survivors L of
// the service table and the decrements D by cause (indexed by
// [actuarial.Decrement]).
type ISTRow struct {
	Age int
	L   float64
	D   [actuarial.NumDecrements]float64
}

// IllustrativeServiceTable reads the first six ages (30–35) of the
// Illustrative Service Table of Bowers et al., Actuarial Mathematics, 2nd
// ed., Table 11.3.1, from testdata/service/bowers_ist_head.csv (see
// testdata/service/README.md).
func IllustrativeServiceTable(t testing.TB) []ISTRow {
	t.Helper()
	name := Testdata("service", "bowers_ist_head.csv")
	f, err := os.Open(name)
	if err != nil {
		t.Fatalf("actuarialtest: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("actuarialtest: %s: %v", name, err)
	}
	want := []string{"x", "lx", "death", "withdrawal", "disability", "retirement"}
	if len(recs) < 2 || strings.Join(recs[0], ",") != strings.Join(want, ",") {
		t.Fatalf("actuarialtest: %s: want the header %v", name, want)
	}
	cause := []actuarial.Decrement{actuarial.Death, actuarial.Withdrawal, actuarial.Disability, actuarial.Retirement}
	rows := make([]ISTRow, 0, len(recs)-1)
	for i, rec := range recs[1:] {
		var row ISTRow
		var errs [6]error
		row.Age, errs[0] = strconv.Atoi(rec[0])
		row.L, errs[1] = strconv.ParseFloat(rec[1], 64)
		for j, c := range cause {
			row.D[c], errs[2+j] = strconv.ParseFloat(rec[2+j], 64)
		}
		for j, e := range errs {
			if e != nil {
				t.Fatalf("actuarialtest: %s:%d: %s %q: %v", name, i+2, want[j], rec[j], e)
			}
		}
		rows = append(rows, row)
	}
	return rows
}
