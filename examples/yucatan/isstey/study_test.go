package isstey

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
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

// studyReforms are the 2022 law and the 2025 reform as reforms of the
// 1976 law (package reform's changes, each cited to the law it models,
// from FACTS.md), the way study.json holds them:
// they turn the 1976 scheme into the schemes of Law2022 and Reform2025
// (TestStudyFiles checks that both project identically).
func studyReforms() []reform.Reform {
	senior, junior, entrants := groupNames[GroupSenior], groupNames[GroupJunior], groupNames[GroupNew]
	r22 := Rules2022(Law2022From, GroupSenior)
	law2022 := []reform.Change{
		reform.ContributionRate{Year: Law2022From, Groups: []string{senior, junior}, Payer: scheme.Worker, Rate: 0.11, Step: 0.01},
		reform.ContributionRate{Year: Law2022From, Groups: []string{entrants}, Payer: scheme.Worker, Rate: 0.15},
		reform.RetirementConditions{Year: Law2022From, AddAge: 10, AddService: 5},
		reform.AccrualTable{Year: Law2022From, Accrual: r22.Retirement.Accrual},
		reform.ReferencePeriod{Year: Law2022From, Groups: []string{senior, entrants}, Years: 20, Share: 0.85},
		reform.ReferencePeriod{Year: Law2022From, Groups: []string{junior}, Years: 20, Share: 0.90},
		reform.SurvivorShare{Year: Law2022From, Share: Survivor2022Share},
	}
	r76, r25 := Rules1976(RulingFrom), Rules2025(Reform2025From)
	ruling := []reform.Change{
		reform.RetirementConditions{Year: RulingFrom, AddAge: -10, AddService: -5},
		reform.AccrualTable{Year: RulingFrom, Accrual: r76.Retirement.Accrual},
		reform.ReferencePeriod{Year: RulingFrom, Years: r76.Retirement.ReferenceYears, Share: 1},
		reform.SurvivorShare{Year: RulingFrom, Share: r76.SurvivorShare},
	}
	reform2025 := []reform.Change{
		reform.ContributionRate{Year: Reform2025From, Groups: []string{entrants}, Payer: scheme.Worker, Rate: r25.ContributionRate[scheme.Worker].At(Reform2025From)},
		reform.RetirementConditions{Year: Reform2025From, Sex: actuarial.Female, AddService: -2, Conditions: reform.FullOnly},
		reform.AccrualTable{Year: Reform2025From, Accrual: r25.Retirement.Accrual},
	}
	law2022 = citing(source2022, law2022)
	ruling = citing(sourceRuling, ruling)
	reform2025 = citing(source2025, reform2025)
	return []reform.Reform{
		{Name: Law2022.String(), Changes: law2022},
		{Name: Reform2025.String(), Changes: slices.Concat(law2022, ruling, reform2025)},
	}
}

// citing returns the changes cited to src, the law they model.
func citing(src scheme.Source, changes []reform.Change) []reform.Change {
	out := make([]reform.Change, len(changes))
	for i, c := range changes {
		out[i] = reform.Cited{Change: c, Source: src}
	}
	return out
}

// studyOptions are study.json's options: the flagship's reserve ratio
// year, the attribution of the 2025 reform's changes, and the flagship's
// problem: the employer's rate from 2026 that keeps the reserve of the
// 2025 reform from running out for 50 years.
func studyOptions() reform.StudyOptions {
	return reform.StudyOptions{
		ReserveRatioYears: []int{Reform2025From - 1},
		Attribute:         []string{Reform2025.String()},
		Solve: []reform.StudyProblem{{
			Name: "employer's rate for no depletion through 2075",
			With: Reform2025.String(),
			Problem: reform.Problem{
				Lever:  reform.ContributionLever{Year: Reform2025From, Payer: scheme.Employer},
				Target: reform.NoDepletion(Reform2025From + 49),
				Lo:     EmployerRate, Hi: 1,
			},
		}},
	}
}

// studyJSON returns the study that compares the three regimes, the
// flagship's comparison: the 1976 law's file, and the 2022 law and the
// 2025 reform as its reforms.
func studyJSON() ([]byte, error) {
	reforms, err := reform.MarshalReforms(studyReforms(), "MXN")
	if err != nil {
		return nil, err
	}
	opts, err := reform.MarshalStudyOptions(studyOptions())
	if err != nil {
		return nil, err
	}
	type scenario struct {
		Name string `json:"name"`
		File string `json:"file"`
	}
	doc := struct {
		Version   int             `json:"version"`
		Name      string          `json:"name"`
		Currency  string          `json:"currency"`
		Years     int             `json:"years"`
		Scenarios []scenario      `json:"scenarios"`
		Reforms   json.RawMessage `json:"reforms"`
		Options   json.RawMessage `json:"options"`
	}{scheme.StudyVersion, "ISSTEY-like (illustrative): the three regimes", "MXN", studyYears,
		[]scenario{{Law1976.String(), studyFiles[Law1976]}}, reforms, opts}
	data, err := json.MarshalIndent(doc, "", "  ")
	return append(data, '\n'), err
}

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
		data, err := studyJSON()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dataDir, "study.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		schemes = goSchemes(t)
	}
	for i, r := range Regimes {
		t.Run(r.String(), func(t *testing.T) {
			st, err := scheme.ReadStudyFile(filepath.Join(dataDir, studyFiles[i]))
			if err != nil {
				t.Fatal(err)
			}
			if len(st.Scenarios) != 1 || st.Years != studyYears {
				t.Fatalf("%s: %d scenarios over %d years", studyFiles[i], len(st.Scenarios), st.Years)
			}
			got, want := st.Scenarios[0].Scheme, schemes[i]
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
			sameProjection(t, want, got)
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
	t.Run("study.json", func(t *testing.T) {
		data, err := studyJSON()
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(dataDir, "study.json")
		file, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, file) {
			t.Errorf("study.json is not what studyJSON writes; rerun with -args -regen and review the diff")
		}
		st, err := reform.ReadStudyFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Scenarios) != 1 || len(st.Reforms) != NumRegimes-1 || st.Years != studyYears {
			t.Fatalf("study.json: %d scenarios and %d reforms over %d years", len(st.Scenarios), len(st.Reforms), st.Years)
		}
		// The decoder sets a problem's With from the reform it names.
		if len(st.Options.Solve) != 1 || len(st.Options.Solve[0].Problem.With) != len(st.Reforms[1].Changes) {
			t.Fatalf("study.json's problems: %+v", st.Options.Solve)
		}
		st.Options.Solve[0].Problem.With = nil
		if !reflect.DeepEqual(st.Options, studyOptions()) {
			t.Errorf("study.json's options %+v, want %+v", st.Options, studyOptions())
		}
		// The reforms of the 1976 law are the other regimes: applied to
		// the 1976 scheme, they project identically to the last bit.
		for k, r := range st.Reforms {
			if r.Name != Regimes[k+1].String() {
				t.Errorf("reform %d is %q, want %q", k, r.Name, Regimes[k+1])
			}
			s, err := r.Apply(st.Base())
			if err != nil {
				t.Fatal(err)
			}
			sameProjection(t, schemes[k+1], s)
		}
	})
}

// sameProjection checks that two schemes project to identical results
// over the study's years (tolerance 0).
func sameProjection(t *testing.T, want, got *scheme.Scheme) {
	t.Helper()
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
}
