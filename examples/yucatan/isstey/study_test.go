package isstey

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

var regen = flag.Bool("regen", false, "rewrite the study files in testdata/isstey")

// studyYears is the projection length written into the study files: the
// flagship's 100 years.
const studyYears = 100

// studyFiles are the study files of the regimes, in testdata/isstey.
var studyFiles = [NumRegimes]string{"law1976.json", "law2022.json", "reform2025.json"}

// ruleSources cite the legal text each rule entry models, from FACTS.md
// (testdata/isstey/FACTS.md, "The rules, law by law"). FACTS.md names the
// laws and their dates, not the articles, so no article is cited.
var (
	source1976   = scheme.Source{Law: "Decree 68 (the 1976 law)", Date: "1976"}
	source2022   = scheme.Source{Law: "Decree 532/2022", Date: "2022"}
	sourceRuling = scheme.Source{Law: "Supreme Court rulings in cases 118/2022 and 121/2022, restoring the 1976 articles (contribution rates of Decree 532/2022 kept)", Date: "2024-11-01"}
	source2025   = scheme.Source{Law: "2025 reform", Date: "2025-10-24"}
)

// cited returns the scheme with each rule entry cited to its law: the
// entry's From says which law of the regime's timeline it is.
func cited(s *scheme.Scheme) {
	for g := range s.Groups {
		for i := range s.Groups[g].Rules {
			r := &s.Groups[g].Rules[i]
			switch r.From {
			case CensusYear:
				r.Source = source1976
			case Law2022From:
				r.Source = source2022
			case RulingFrom:
				r.Source = sourceRuling
			case Reform2025From:
				r.Source = source2025
			}
		}
	}
}

// goSchemes builds the regimes' schemes from the Go definitions.
func goSchemes(t *testing.T) [NumRegimes]*scheme.Scheme {
	t.Helper()
	c, err := ReadCensus(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	men, women, err := ReadEMSSA09(filepath.Join(dataDir, "..", "mexico", "emssa09.csv"))
	if err != nil {
		t.Fatal(err)
	}
	basis, err := Basis(men, women)
	if err != nil {
		t.Fatal(err)
	}
	var out [NumRegimes]*scheme.Scheme
	for i, r := range Regimes {
		if out[i], err = Scheme(r, c, basis); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// encodeRegime writes a regime's scheme as its study file: the census and
// EMSSA-09 by reference to the repository's files, everything else inline.
func encodeRegime(s *scheme.Scheme) ([]byte, error) {
	cited(s)
	opt := scheme.EncodeOptions{Currency: "MXN", Years: studyYears, Census: []*scheme.CensusFiles{
		GroupSenior: {Actives: ActivesFile, Pensioners: PensionersFile, Options: Options("")},
	}}
	opt.Mortality[scheme.StatusActive] = [actuarial.NumSexes]*scheme.MortalityFile{
		{File: "../mexico/emssa09.csv", Column: "qx_male"},
		{File: "../mexico/emssa09.csv", Column: "qx_female"},
	}
	var buf bytes.Buffer
	err := scheme.EncodeStudy(&buf, s, opt)
	return buf.Bytes(), err
}

// studyJSON is the study that compares the three regimes, the flagship's
// comparison.
const studyJSON = `{
  "version": 1,
  "name": "ISSTEY-like (illustrative): the three regimes",
  "currency": "MXN",
  "years": 100,
  "scenarios": [
    {"name": "1976 law", "file": "law1976.json"},
    {"name": "2022 law", "file": "law2022.json"},
    {"name": "2025 reform", "file": "reform2025.json"}
  ]
}
`

// TestStudyFiles checks that the study files of testdata/isstey are the
// Go definitions of this package: decoded, each regime's scheme has the
// same rules (but for the legal sources, which only the files carry) and
// projects to the same results, bit for bit (tolerance 0), over the
// flagship's 100 years. go test -run TestStudyFiles -args -regen rewrites
// them.
func TestStudyFiles(t *testing.T) {
	schemes := goSchemes(t)
	if *regen {
		for i, s := range schemes {
			data, err := encodeRegime(s)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dataDir, studyFiles[i]), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dataDir, "study.json"), []byte(studyJSON), 0o644); err != nil {
			t.Fatal(err)
		}
		schemes = goSchemes(t)
	}
	st, err := scheme.ReadStudyFile(filepath.Join(dataDir, "study.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Scenarios) != NumRegimes || st.Years != studyYears {
		t.Fatalf("study.json: %d scenarios over %d years", len(st.Scenarios), st.Years)
	}
	for i, r := range Regimes {
		t.Run(r.String(), func(t *testing.T) {
			sc := st.Scenarios[i]
			if sc.Name != r.String() {
				t.Errorf("scenario %d is %q, want %q", i, sc.Name, r)
			}
			got, want := sc.Scheme, schemes[i]
			for g := range got.Groups {
				for k := range got.Groups[g].Rules {
					rule := got.Groups[g].Rules[k]
					if rule.Source.IsZero() {
						t.Errorf("group %d rule %d (from %d) cites no source", g, k, rule.From)
					}
					rule.Source = scheme.Source{}
					if !reflect.DeepEqual(rule, want.Groups[g].Rules[k]) {
						t.Errorf("group %d rule %d differs:\n%+v\n%+v", g, k, rule, want.Groups[g].Rules[k])
					}
				}
			}
			results := [2]*projection.Result{}
			for j, s := range []*scheme.Scheme{want, got} {
				p, err := projection.NewProjector(s)
				if err != nil {
					t.Fatal(err)
				}
				if results[j], err = p.Run(nil, studyYears); err != nil {
					t.Fatal(err)
				}
			}
			for y := range results[0].Years {
				if results[0].Years[y] != results[1].Years[y] {
					t.Fatalf("year %d differs:\n%+v\n%+v", results[0].Years[y].Year, results[0].Years[y], results[1].Years[y])
				}
			}
			// The file is what the encoder writes today.
			data, err := encodeRegime(want)
			if err != nil {
				t.Fatal(err)
			}
			file, err := os.ReadFile(filepath.Join(dataDir, studyFiles[i]))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, file) {
				t.Errorf("%s is not what the Go definitions encode to; rerun with -args -regen and review the diff", studyFiles[i])
			}
		})
	}
}
