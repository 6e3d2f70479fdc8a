package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/reformjson"
)

const studyFile = "../../testdata/isstey/study.json"

// TestJSON runs the ISSTEY study with -json: valid JSON with the three
// regimes' summaries, each equal to the last bit (tolerance 0) to the
// summary of the regime's scheme built in Go by package isstey and
// projected as the flagship does.
func TestJSON(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, studyFile, true, 0); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out.Bytes()) {
		t.Fatal("invalid JSON")
	}
	var c reformjson.Comparison
	if err := json.Unmarshal(out.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	if c.Currency != "MXN" || len(c.Scenarios) != isstey.NumRegimes {
		t.Fatalf("currency %q, %d scenarios", c.Currency, len(c.Scenarios))
	}
	data := filepath.Join("..", "..", "testdata")
	cen, err := isstey.ReadCensus(filepath.Join(data, "isstey"))
	if err != nil {
		t.Fatal(err)
	}
	men, women, err := isstey.ReadEMSSA09(filepath.Join(data, "mexico", "emssa09.csv"))
	if err != nil {
		t.Fatal(err)
	}
	basis, err := isstey.Basis(men, women)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range isstey.Regimes {
		s, err := isstey.Scheme(r, cen, basis)
		if err != nil {
			t.Fatal(err)
		}
		cmp, err := reform.Compare(s, nil, reform.Options{Years: reform.DefaultYears})
		if err != nil {
			t.Fatal(err)
		}
		want := cmp.Outcomes[0].Summary
		got := c.Scenarios[i]
		if got.Name != r.String() {
			t.Errorf("scenario %d is %q, want %q", i, got.Name, r)
		}
		if float64(got.Summary.GAPRate) != want.GAP || float64(got.Summary.CostRate) != want.CostRate ||
			float64(got.Summary.DeficitPVMoney) != want.DeficitPV {
			t.Errorf("%v: summary %+v, want GAP %v, cost rate %v, deficit PV %v", r, got.Summary, want.GAP, want.CostRate, want.DeficitPV)
		}
		if len(got.Years) != reform.DefaultYears || got.Years[0].Year != isstey.CensusYear {
			t.Errorf("%v: %d years from %d", r, len(got.Years), got.Years[0].Year)
		}
	}
}

func TestText(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, studyFile, false, 10); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ISSTEY-like (illustrative)", "Decree 532/2022", "2025 reform, 2025-10-24", "Projection by year"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestBadStudy(t *testing.T) {
	err := run(&bytes.Buffer{}, "no-such-study.json", false, 0)
	if err == nil {
		t.Fatal("no error for a missing file")
	}
}
