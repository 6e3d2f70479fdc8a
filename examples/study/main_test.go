package main

import (
	"bytes"
	"encoding/json"
	"os"
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
	if err := run(&out, studyFile, config{asJSON: true}); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out.Bytes()) {
		t.Fatal("invalid JSON")
	}
	var c reformjson.Study
	if err := json.Unmarshal(out.Bytes(), &c); err != nil {
		t.Fatal(err)
	}
	// The study's options: the 2025 reform attributed change by change,
	// the flagship's problem solved.
	if len(c.Attributions) != 1 || c.Attributions[0].Reform != isstey.Reform2025.String() || len(c.Attributions[0].Steps) < 2 {
		t.Errorf("attributions %+v", c.Attributions)
	}
	if len(c.Solutions) != 1 || !(c.Solutions[0].Value > isstey.EmployerRate) {
		t.Errorf("solutions %+v", c.Solutions)
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
		// The 2022 law and the 2025 reform are the study's reforms of the
		// 1976 law; the flagship builds them as schemes of their own.
		if (got.Summary.DepletionYear == nil) != (want.DepletionYear == 0) || got.Summary.DepletionYear != nil && *got.Summary.DepletionYear != want.DepletionYear {
			t.Errorf("%v: depletion year %v, want %d", r, got.Summary.DepletionYear, want.DepletionYear)
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
	if err := run(&out, studyFile, config{step: 10}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"ISSTEY-like (illustrative)", "Decree 68 (the 1976 law), 1976", "2025 reform: the changes to 1976 law",
		"retirement service -2 (female) (full conditions only) from 2026", "Projection by year", "The changes of 2025 reform",
		"employer's rate for no depletion through 2075"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestBadStudy(t *testing.T) {
	err := run(&bytes.Buffer{}, "no-such-study.json", config{})
	if err == nil {
		t.Fatal("no error for a missing file")
	}
}

// TestCharts checks that the charts are written, as PNG files, into the
// chart directory.
func TestCharts(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(&out, studyFile, config{step: 50, charts: true, chartDir: dir}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"study-reserve.png", "study-cost-rate.png"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte("\x89PNG")) {
			t.Errorf("%s is not a PNG file", name)
		}
		if !strings.Contains(out.String(), name) {
			t.Errorf("the report does not name %s", name)
		}
	}
}
