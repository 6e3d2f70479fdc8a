package scheme_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// roundTripYears is long enough for the census and two generations of
// entrants to pass through every state.
const roundTripYears = 80

func project(t *testing.T, s *scheme.Scheme) *projection.Result {
	t.Helper()
	p, err := projection.NewProjector(s)
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Run(nil, roundTripYears)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestStudyRoundTrip encodes the reference scheme, decodes it and projects
// both: the identity is exact (tolerance 0), since JSON numbers written by
// encoding/json parse back to the same float64 (strconv's shortest
// round-tripping form).
func TestStudyRoundTrip(t *testing.T) {
	mexico := actuarialtest.Testdata("mexico")
	for _, tc := range []struct {
		name           string
		pensionersFrom int
		files          bool
	}{
		{"mature/inline", 0, false},
		{"from65/inline", 65, false},
		{"mature/emssa09.csv", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := actuarialtest.ReferenceScheme(t, tc.pensionersFrom)
			s.Groups[0].Rules[0].Source = scheme.Source{Law: "Reference law", Article: "12", Date: "2025-01-01"}
			if tc.files {
				s.Groups[0].Rules[0].Limits = scheme.LimitsAtAward
			} else {
				s.Groups[0].Rules[0].MinimumPaidBy = scheme.MinimumByState
				s.Groups[0].Rules[0].Sustainability = scheme.Sustainability{Age: 65, Base: 2025}
				s.Groups[0].Rules[0].Balancing = scheme.Balancing{IndexationBelow: 3, IndexationCut: 0.5, ContributionBelow: 2, ContributionStep: 0.01, ContributionPayer: scheme.Employer}
			}
			opt := scheme.EncodeOptions{Currency: "MXN", Years: roundTripYears}
			if tc.files {
				m := &scheme.MortalityFile{File: "emssa09.csv", Column: "qx_male"}
				w := &scheme.MortalityFile{File: "emssa09.csv", Column: "qx_female"}
				opt.Mortality[scheme.StatusActive] = [actuarial.NumSexes]*scheme.MortalityFile{m, w}
			}
			var buf bytes.Buffer
			if err := scheme.EncodeStudy(&buf, s, opt); err != nil {
				t.Fatal(err)
			}
			st, err := scheme.DecodeStudy(bytes.NewReader(buf.Bytes()), mexico)
			if err != nil {
				t.Fatal(err)
			}
			if len(st.Scenarios) != 1 || st.Currency != "MXN" || st.Years != roundTripYears {
				t.Fatalf("study %+v", st)
			}
			got := st.Scenarios[0].Scheme
			if r, g := &s.Groups[0].Rules[0], &got.Groups[0].Rules[0]; r.Limits != g.Limits || r.MinimumPaidBy != g.MinimumPaidBy || r.Balancing != g.Balancing || r.Sustainability != g.Sustainability {
				t.Errorf("limits %v, minimum paid by %v: want %v, %v", g.Limits, g.MinimumPaidBy, r.Limits, r.MinimumPaidBy)
			}
			if src := got.Groups[0].Rules[0].Source.String(); src != "art. 12, Reference law, 2025-01-01" {
				t.Errorf("source %q", src)
			}
			want, have := project(t, s), project(t, got)
			if !reflect.DeepEqual(want.Years, have.Years) {
				for i := range want.Years {
					if want.Years[i] != have.Years[i] {
						t.Fatalf("year %d differs:\n%+v\n%+v", want.Years[i].Year, want.Years[i], have.Years[i])
					}
				}
			}
			// Encoding the decoded scheme again gives the same document.
			var again bytes.Buffer
			if err := scheme.EncodeStudy(&again, got, scheme.EncodeOptions{Currency: "MXN", Years: roundTripYears, Mortality: opt.Mortality}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("the decoded scheme encodes to a different document")
			}
		})
	}
}

// minimal is a small valid study: one group, one rule, a Makeham table.
const minimal = `{
  "version": 1,
  "name": "tiny",
  "currency": "MXN",
  "start_year": 2025,
  "groups": [
    {
      "name": "all",
      "census": {
        "currency": "MXN",
        "active_cells": [{"sex": "male", "age": 40, "service": 10, "count": 3, "salary": 300000}],
        "pensioner_cells": [{"type": "old_age", "sex": "female", "age": 70, "count": 2, "pension": 120000}]
      },
      "rules": [
        {
          "from": 2025,
          "source": {"law": "Decree 68", "article": "52", "date": "1976"},
          "contribution_rate": {"worker": 0.08, "employer": [{"year": 2025, "value": 0.1}, {"year": 2030, "value": 0.12}]},
          "eligibility": {"full": {"both": [{"min_age": 60, "min_service": 30}]}},
          "retirement": {"accrual": {"min_service": 15, "rates": [0.5, 0.6]}, "cap": {"units": 8}},
          "indexation": "prices"
        }
      ]
    }
  ],
  "assumptions": {
    "mortality": {"active": {"both": {"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "min_age": 0, "max_age": 120}}},
    "retirement": {"both": {"full": {"min_age": 60, "values": [1]}}},
    "inflation": 0.03,
    "return": 0.05,
    "unit": {"name": "minimum wage", "currency": "MXN", "per_year": 36000}
  },
  "initial_reserve": {"amount": 1e6, "currency": "MXN"}
}
`

func TestDecodeStudyMinimal(t *testing.T) {
	st, err := scheme.DecodeStudy(strings.NewReader(minimal), ".")
	if err != nil {
		t.Fatal(err)
	}
	s := st.Scenarios[0].Scheme
	if st.Scenarios[0].Name != "tiny" || s.InitialReserve != 1e6 || s.Groups[0].Rules[0].Indexation != scheme.IndexPrices {
		t.Errorf("decoded %+v", s)
	}
	if got := s.Groups[0].Rules[0].ContributionRate[scheme.Employer].At(2031); got != 0.12 {
		t.Errorf("employer rate in 2031 = %v, want 0.12", got)
	}
	if got := s.Groups[0].Rules[0].Source.String(); got != "art. 52, Decree 68, 1976" {
		t.Errorf("source %q", got)
	}
	project(t, s)
}

// TestDecodeStudyErrors checks that each bad document is refused with the
// JSON path and line of the bad value.
func TestDecodeStudyErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           string // the start of the message
		sentinel       error
	}{
		{"unknown field", `"name": "tiny",`, `"name": "tiny", "nmae": 1,`, `line 3: nmae: unknown field "nmae"`, nil},
		{"wrong type", `"start_year": 2025`, `"start_year": "2025"`, `line 5: start_year: "2025": a string where a whole number is wanted`, nil},
		{"negative age", `"min_age": 60, "min_service": 30`, `"min_age": -5, "min_service": 30`,
			`line 19: groups[0].rules[0].eligibility.full.both[0].min_age: -5: `, actuarial.ErrRange},
		{"enum by name", `"indexation": "prices"`, `"indexation": 1`, `line 21: groups[0].rules[0].indexation: 1: a number where a string is wanted`, nil},
		{"unknown enum", `"indexation": "prices"`, `"indexation": "CPI"`, `line 21: groups[0].rules[0].indexation: "CPI": want one of none, prices, wages, unit, fixed`, nil},
		{"limit timing", `"indexation": "prices"`, `"indexation": "prices", "limits": "yearly"`, `line 21: groups[0].rules[0].limits: "yearly": want one of in_payment, at_award`, nil},
		{"minimum payer", `"indexation": "prices"`, `"indexation": "prices", "minimum_paid_by": "employer"`, `line 21: groups[0].rules[0].minimum_paid_by: "employer": want one of scheme, state`, nil},
		{"sex", `"sex": "male"`, `"sex": "M"`, `line 11: groups[0].census.active_cells[0].sex: "M": want one of male, female`, nil},
		{"currency", `"amount": 1e6, "currency": "MXN"`, `"amount": 1e6, "currency": "USD"`, `line 33: initial_reserve.currency: "USD": the currency must be the study's, MXN`, nil},
		{"version", `"version": 1`, `"version": 2`, `line 2: version: 2: unsupported version`, nil},
		{"rate", `"worker": 0.08`, `"worker": 1.5`, `line 18: groups[0].rules[0].contribution_rate.worker: 1.5: `, actuarial.ErrRate},
		{"order", `{"year": 2030, "value": 0.12}`, `{"year": 2020, "value": 0.12}`, `line 18: groups[0].rules[0].contribution_rate.employer: `, nil},
		{"both and male", `{"both": [{"min_age"`, `{"male": [], "both": [{"min_age"`, `line 19: groups[0].rules[0].eligibility.full: give "both", or "male" and "female"`, nil},
		{"group index", `"initial_reserve"`, `"transitions": [{"year": 2025, "from": 0, "to": 3}], "initial_reserve"`,
			`line 33: transitions[0].to: 3: `, actuarial.ErrRange},
		{"assumption", `"values": [1]`, `"values": [1.5]`, `line 28: assumptions.retirement.male.full: 1.5: `, actuarial.ErrRate},
		{"retirement timing", `"inflation": 0.03,`, `"inflation": 0.03, "retirement_timing": "by_cohort",`,
			`line 29: assumptions.retirement_timing: "by_cohort": want one of by_age, since_eligibility`, nil},
		{"survivor steps out of order", `"indexation": "prices"`, `"indexation": "prices", "survivor_steps": [{"years": 6, "share": 0.5}, {"years": 2, "share": 0.4}]`,
			`line 21: groups[0].rules[0].survivor_steps[1].years: 2: `, scheme.ErrOrder},
		{"reduction by sex", `"indexation": "prices"`, `"indexation": "prices", "by_sex": {"female": {"reduction_per_year": 4}}`,
			`line 21: groups[0].rules[0].by_sex.female.reduction_per_year: 4: `, actuarial.ErrRate},
		{"floor by sex", `"indexation": "prices"`, `"indexation": "prices", "by_sex": {"male": {"retirement_floor": {"units": -1}}}`,
			`line 21: groups[0].rules[0].by_sex.male.retirement_floor.units: -1: `, actuarial.ErrRange},
		{"syntax", `"return": 0.05,`, `"return": 0.05,,`, `line 30: assumptions: invalid character`, nil},
		{"truncated", "\n  \"initial_reserve\"", "\n", `line 33: `, nil},
		{"missing file", `"both": {"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "min_age": 0, "max_age": 120}`, `"both": {"file": "nowhere.csv", "column": "q"}`,
			`line 27: assumptions.mortality.active.both.file: nowhere.csv: `, os.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(minimal, tc.old, tc.new, 1)
			if doc == minimal {
				t.Fatal("the test's replacement does not apply")
			}
			_, err := scheme.DecodeStudy(strings.NewReader(doc), t.TempDir())
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error\n%v\nwant it to start with\n%s", err, tc.want)
			}
			var se *scheme.StudyError
			if !errors.As(err, &se) || !errors.Is(err, scheme.ErrStudy) {
				t.Errorf("%v is not a *StudyError wrapping ErrStudy", err)
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("%v does not wrap %v", err, tc.sentinel)
			}
		})
	}
}

// TestReadStudyFileNamesFile checks that a file's errors name it.
func TestReadStudyFileNamesFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "bad.json")
	doc := strings.Replace(minimal, `"start_year": 2025`, `"start_year": 2025, "oops": true`, 1)
	if err := os.WriteFile(name, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := scheme.ReadStudyFile(name)
	if err == nil || !strings.HasPrefix(err.Error(), name+":5: oops: unknown field") {
		t.Errorf("error %v", err)
	}
}

func FuzzDecodeStudy(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(`{"version": 1, "currency": "MXN"}`))
	f.Add([]byte(`{"version": 1, "currency": "MXN", "start_year": 2025, "groups": [{"rules": [{"from": 2025}]}], "assumptions": {"mortality": {"active": {"both": {"q": [0.1, 1]}}}}}`))
	f.Add([]byte(`[1, {"a": null}]`))
	f.Add([]byte(`{"version": 1, "currency": "MXN", "start_year": 2025, "groups": [{"rules": [{"from": 2025}]}], "assumptions": {"mortality": {"active": {"both": {"q": [0.1, 1]}}}}, "reforms": [{"name": "r", "changes": [{"survivor_share": {"year": 2026, "share": 0.5}}]}], "options": {"attribute": ["r"]}}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := scheme.DecodeStudy(bytes.NewReader(data), dir)
		if err != nil {
			if st != nil {
				t.Fatal("a study with an error")
			}
			return
		}
		for _, sec := range []*scheme.Section{st.Reforms, st.Options} {
			if sec != nil && !json.Valid(sec.JSON) {
				t.Fatalf("section %s is not valid JSON: %q", sec.Path, sec.JSON)
			}
		}
		for _, sc := range st.Scenarios {
			if err := sc.Scheme.Validate(); err != nil {
				t.Fatalf("decoded scheme does not validate: %v", err)
			}
		}
	})
}

// TestDecodeStudyFS checks that a study decoded from a file system reads
// its files there and nowhere else.
func TestDecodeStudyFS(t *testing.T) {
	fromFile := strings.Replace(minimal,
		`"both": {"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "min_age": 0, "max_age": 120}`,
		`"both": {"file": "../tables/q.csv", "column": "qx"}`, 1)
	csv := "age,qx\n0,0.01\n1,0.5\n"
	for age := 2; age < 110; age++ {
		csv += fmt.Sprintf("%d,0.02\n", age)
	}
	fsys := fstest.MapFS{"tables/q.csv": {Data: []byte(csv + "110,1\n")}}
	st, err := scheme.DecodeStudyFS(strings.NewReader(fromFile), fsys, "studies")
	if err != nil {
		t.Fatal(err)
	}
	if q := st.Scenarios[0].Scheme.Assumptions.Mortality[scheme.StatusActive][1].Q(1, 2030); q != 0.5 {
		t.Errorf("q at 1 = %v, want 0.5 (the file's)", q)
	}
	for _, tc := range []struct {
		name string
		fsys fs.FS
		dir  string
	}{{"out of the file system", fsys, "."}, {"no file system", nil, "studies"}} {
		if _, err := scheme.DecodeStudyFS(strings.NewReader(fromFile), tc.fsys, tc.dir); err == nil ||
			!strings.Contains(err.Error(), "assumptions.mortality.active.both.file: ../tables/q.csv: ") {
			t.Errorf("%s: error %v", tc.name, err)
		}
	}
}

// BenchmarkDecodeStudy decodes the reference scheme written inline (every
// census cell, mortality rate and service-table rate in the document).
func BenchmarkDecodeStudy(b *testing.B) {
	var buf bytes.Buffer
	if err := scheme.EncodeStudy(&buf, actuarialtest.ReferenceScheme(b, 0), scheme.EncodeOptions{Currency: "MXN"}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scheme.DecodeStudy(bytes.NewReader(buf.Bytes()), "."); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeStudy writes the reference scheme inline.
func BenchmarkEncodeStudy(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 0)
	b.ReportAllocs()
	for b.Loop() {
		if err := scheme.EncodeStudy(io.Discard, s, scheme.EncodeOptions{Currency: "MXN"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecodeMortality checks each way of giving a table against the table
// read or built directly: the same rates exactly (tolerance 0, the same
// code path).
func TestDecodeMortality(t *testing.T) {
	root := actuarialtest.Testdata()
	x, err := mortality.ReadXTbMLFile(filepath.Join(root, "xtbml", "t17.xml"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(root, "hmd", "usa_mltper_1x1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := mortality.ReadHMD(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	h2021, ok := h.Year(2021)
	if !ok {
		t.Fatal("no 2021 in the HMD file")
	}
	gomp, err := mortality.FromLaw(mortality.Gompertz{B: 3e-5, C: 1.1}, 0, 120)
	if err != nil {
		t.Fatal(err)
	}
	improved := mortality.Improve(gomp, 2020, mortality.ScaleByAge(0, []float64{0.02, 0.01}))
	for _, tc := range []struct {
		name, spec string
		want       scheme.YearTable
	}{
		{"xtbml", `{"file": "../xtbml/t17.xml"}`, scheme.PeriodTable{Table: x.Ultimate}},
		{"hmd", `{"file": "../hmd/usa_mltper_1x1.txt", "format": "hmd", "year": 2021}`, scheme.PeriodTable{Table: h2021.Table}},
		{"gompertz", `{"law": "gompertz", "b": 3e-5, "c": 1.1, "max_age": 120}`, scheme.PeriodTable{Table: gomp}},
		{"improved", `{"law": "gompertz", "b": 3e-5, "c": 1.1, "max_age": 120, "improvement": {"base_year": 2020, "rates": [0.02, 0.01]}}`, improved},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(minimal,
				`{"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "min_age": 0, "max_age": 120}`, tc.spec, 1)
			st, err := scheme.DecodeStudy(strings.NewReader(doc), filepath.Join(root, "mexico"))
			if err != nil {
				t.Fatal(err)
			}
			got := st.Scenarios[0].Scheme.Assumptions.Mortality[scheme.StatusActive][1]
			for _, y := range []int{2020, 2040} {
				for age := tc.want.MinAge(); age <= 110; age++ {
					if g, w := got.Q(age, y), tc.want.Q(age, y); g != w {
						t.Fatalf("q(%d, %d) = %v, want %v", age, y, g, w)
					}
				}
			}
		})
	}
}
