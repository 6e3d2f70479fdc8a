package reform_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// studyChanges are changes of every type that a study file can hold, with
// phase-ins, transition rules and group scopes: one reform each in the
// round trip.
func studyChanges() map[string]reform.Change {
	acc := actuarial.LinearAccrual{MinService: 20, AtMin: 0.4, PerYear: 0.02, Max: 0.9}.Accrual()
	return map[string]reform.Change{
		"contribution rate phased":     reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.15, Step: 0.005},
		"contribution rate new":        reform.ContributionRate{Year: 2030, Groups: []string{"all"}, Payer: scheme.Worker, Rate: 0.12, Who: reform.Who{NewEntrants: true}},
		"contribution ceiling":         reform.ContributionCeiling{Year: 2029, Ceiling: actuarial.Limit{Units: 20}},
		"contribution ceiling money":   reform.ContributionCeiling{Year: 2029, Ceiling: actuarial.Limit{Money: 150000.25, Units: 20}},
		"retirement by year":           reform.RetirementConditions{Year: 2028, AddAge: 3, AddService: 2, Every: 2, Compulsory: true},
		"retirement by cohort":         reform.RetirementConditions{Year: 2027, AddAge: 2, Every: 3, Cohort: 1965, Sex: actuarial.Female},
		"retirement set age":           reform.RetirementConditions{Year: 2027, SetAge: 62, Who: reform.Who{AgeBelow: 50}},
		"retirement full conditions":   reform.RetirementConditions{Year: 2027, AddService: 2, Conditions: reform.FullOnly},
		"retirement reduced condition": reform.RetirementConditions{Year: 2027, AddAge: 2, Conditions: reform.ReducedOnly},
		"accrual table grandfathered":  reform.AccrualTable{Year: 2027, Who: reform.Who{ServiceBelow: 26}, Accrual: acc, Share: 0.9},
		"accrual share":                reform.AccrualTable{Year: 2027, Share: 0.85},
		"reference period":             reform.ReferencePeriod{Year: 2027, Who: reform.Who{ServiceBelow: 10, AgeBelow: 40}, Years: 10},
		"reference share":              reform.ReferencePeriod{Year: 2027, Years: 20, Share: 0.85},
		"pension cap":                  reform.PensionCap{Year: 2030, Cap: actuarial.Limit{Units: 8}},
		"pension floor":                reform.PensionFloor{Year: 2030, Who: reform.Who{NewEntrants: true}, Floor: actuarial.Limit{Units: 1.5}},
		"pension floor for women":      reform.PensionFloor{Year: 2030, Floor: actuarial.Limit{Units: 1.2}, Sex: actuarial.Female},
		"pension cap for men":          reform.PensionCap{Year: 2030, Cap: actuarial.Limit{Money: 400000}, Sex: actuarial.Male},
		"pension guarantee":            reform.PensionGuarantee{Year: 2030, Limits: scheme.LimitsAtAward, PaidBy: scheme.MinimumByState},
		"state minimum":                reform.PensionGuarantee{Year: 2030, PaidBy: scheme.MinimumByState},
		"sustainability factor":        reform.SustainabilityFactor{Year: 2030, Factor: scheme.Sustainability{Age: 65, Base: 2025}},
		"automatic balancing":          reform.AutomaticBalancing{Year: 2030, Balancing: scheme.Balancing{IndexationBelow: 3, IndexationCut: 0.5, ContributionBelow: 2, ContributionStep: 0.01, ContributionPayer: scheme.Employer}},
		"indexation fixed":             reform.Indexation{Year: 2026, Rule: scheme.IndexFixed, Rate: actuarial.Constant(0.02)},
		"indexation fixed steps":       reform.Indexation{Year: 2026, Rule: scheme.IndexFixed, Rate: actuarial.Schedule{{Year: 2026, Value: 0.01}, {Year: 2030, Value: 0.0175}}},
		"indexation prices":            reform.Indexation{Year: 2026, Rule: scheme.IndexNone},
		"survivor share":               reform.SurvivorShare{Year: 2026, Share: 0.6},
		"work risks": reform.WorkRiskBenefits{Year: 2026, Who: reform.Who{ServiceBelow: 30}, Benefits: scheme.WorkRisks{
			Disability:    actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{0.9, 1}}, ReferenceYears: 2, Floor: actuarial.Limit{Units: 1}},
			Death:         actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}, Cap: actuarial.Limit{Money: 900000.5}},
			SurvivorShare: 1, OrphanShare: 0.2,
		}},
		"cited": reform.Cited{Change: reform.SurvivorShare{Year: 2026, Share: 0.6},
			Source: scheme.Source{Law: "Decree 532/2022", Article: "12", Date: "2022"}},
	}
}

// workRiskTable is the reference service table of women (scale 0.8) with
// death and disability at work added at constant rates, for the round trip
// of the work risks' change.
func workRiskTable(tb testing.TB) *actuarial.ServiceTable {
	tb.Helper()
	t := actuarialtest.ServiceTable(tb, 0.8)
	ns := t.MaxService() + 1
	var rates [actuarial.NumDecrements][]float64
	for _, j := range []actuarial.Decrement{actuarial.Disability, actuarial.Withdrawal, actuarial.WorkDeath, actuarial.WorkDisability} {
		rates[j] = make([]float64, (t.MaxAge()-t.MinAge()+1)*ns)
	}
	for age := t.MinAge(); age <= t.MaxAge(); age++ {
		for sv := range ns {
			q := t.Independent(age, sv)
			c := (age-t.MinAge())*ns + sv
			rates[actuarial.Disability][c], rates[actuarial.Withdrawal][c] = q[actuarial.Disability], q[actuarial.Withdrawal]
			rates[actuarial.WorkDeath][c], rates[actuarial.WorkDisability][c] = 0.0004, 0.0015
		}
	}
	w, err := actuarial.NewServiceTable(t.MinAge(), t.MaxService(), rates, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

// TestStudyReformsRoundTrip writes each change as a study file's reform,
// reads it back, applies both the original and the decoded reform and
// projects them: the results are identical to the last bit (tolerance 0:
// encoding/json writes each float64 in a form that parses back to it, and
// the decoded change is the same value).
func TestStudyReformsRoundTrip(t *testing.T) {
	const years = 50
	base := actuarialtest.ReferenceScheme(t, 0)
	base.Assumptions.Decrements[1] = workRiskTable(t) // women meet work risks
	for name, c := range studyChanges() {
		t.Run(name, func(t *testing.T) {
			r := reform.Reform{Name: name, Changes: []reform.Change{c}}
			data, err := reform.MarshalReforms([]reform.Reform{r}, "EUR")
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := scheme.EncodeStudy(&buf, base, scheme.EncodeOptions{Currency: "EUR", Reforms: data}); err != nil {
				t.Fatal(err)
			}
			sst, err := scheme.DecodeStudy(&buf, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			st, err := reform.FromStudy(sst)
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if len(st.Reforms) != 1 || st.Reforms[0].Name != name || len(st.Reforms[0].Changes) != 1 {
				t.Fatalf("decoded %+v", st.Reforms)
			}
			if got := st.Reforms[0].Changes[0].String(); got != c.String() {
				t.Errorf("decoded %q, want %q", got, c)
			}
			var res [2]*projection.Result
			for i, pair := range []struct {
				s *scheme.Scheme
				r reform.Reform
			}{{base, r}, {st.Base(), st.Reforms[0]}} {
				s, err := pair.r.Apply(pair.s)
				if err != nil {
					t.Fatal(err)
				}
				p, err := projection.NewProjector(s)
				if err != nil {
					t.Fatal(err)
				}
				if res[i], err = p.Run(nil, years); err != nil {
					t.Fatal(err)
				}
			}
			for y := range res[0].Years {
				if res[0].Years[y] != res[1].Years[y] {
					t.Fatalf("year %d differs:\n%+v\n%+v", res[0].Years[y].Year, res[0].Years[y], res[1].Years[y])
				}
			}
		})
	}
}

// TestCited checks that a cited change applies exactly as its change (the
// same rules, compared whole) and names its source after its description,
// and that a Cited without a change, or citing a Cited, is an error.
func TestCited(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	c := reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 0.1}
	src := scheme.Source{Law: "Decree 532/2022", Date: "2022"}
	cited := reform.Cited{Change: c, Source: src}
	if want := c.String() + " — Decree 532/2022, 2022"; cited.String() != want {
		t.Errorf("String() = %q, want %q", cited.String(), want)
	}
	if cited.Description() != c.String() {
		t.Errorf("Description() = %q, want %q", cited.Description(), c.String())
	}
	var got [2]*scheme.Scheme
	for i, ch := range []reform.Change{c, cited} {
		s, err := reform.Reform{Name: "r", Changes: []reform.Change{ch}}.Apply(base)
		if err != nil {
			t.Fatal(err)
		}
		got[i] = s
	}
	if !reflect.DeepEqual(got[0].Groups, got[1].Groups) {
		t.Error("the cited change made other rules than its change")
	}
	for name, bad := range map[string]reform.Change{
		"no change":   reform.Cited{Source: src},
		"cited twice": reform.Cited{Change: cited, Source: src},
	} {
		_, err := reform.Reform{Name: name, Changes: []reform.Change{bad}}.Apply(base)
		if !errors.Is(err, reform.ErrInvalid) {
			t.Errorf("%s: error %v, want ErrInvalid", name, err)
		}
	}
}

// TestStudyOptionsRoundTrip writes study options with a problem of each
// lever and target and reads them back: the same options.
func TestStudyOptionsRoundTrip(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	r := reform.Reform{Name: "rates", Changes: []reform.Change{reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 0.09}}}
	want := reform.StudyOptions{
		HorizonYears: 60, TargetRatio: 1, ReserveRatioYears: []int{2030, 2050}, Attribute: []string{"rates"},
		Solve: []reform.StudyProblem{
			{Name: "employer", With: "rates", Problem: reform.Problem{Lever: reform.ContributionLever{Year: 2027, Payer: scheme.Employer},
				Target: reform.NoDepletion(2075), Lo: 0.05, Hi: 0.6, With: r.Changes}},
			{Name: "age", Problem: reform.Problem{Lever: reform.RetirementAgeLever{Year: 2027, Every: 2, Compulsory: true},
				Target: reform.ReserveRatioAtLeast(1.5, 2060), Lo: 0, Hi: 10}},
			{Name: "accrual", Problem: reform.Problem{Lever: reform.AccrualLever{Year: 2027, Who: reform.Who{NewEntrants: true}},
				Target: reform.Balanced(), Lo: 0.5, Hi: 1, Tolerance: 1e-5}},
			{Name: "gap", Problem: reform.Problem{Lever: reform.ContributionLever{Year: 2027, Payer: scheme.State},
				Target: reform.GAPAtMost(0.3), Lo: 0, Hi: 0.5}},
		},
	}
	reforms, err := reform.MarshalReforms([]reform.Reform{r}, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	opts, err := reform.MarshalStudyOptions(want)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := scheme.EncodeStudy(&buf, base, scheme.EncodeOptions{Currency: "EUR", Years: 70, Reforms: reforms, Options: opts}); err != nil {
		t.Fatal(err)
	}
	sst, err := scheme.DecodeStudy(&buf, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	st, err := reform.FromStudy(sst)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(st.Options, want) {
		t.Errorf("options:\n%+v\nwant\n%+v", st.Options, want)
	}
}

// A study with reforms and options, inline, for the strict-decoding tests.
const reformStudy = `{
  "version": 1,
  "currency": "EUR", "years": 40,
  "start_year": 2025,
  "groups": [{"name": "all", "rules": [{"from": 2025, "contribution_rate": {"worker": 0.08}, "eligibility": {"full": {"both": [{"min_age": 60}]}}, "retirement": {"accrual": {"min_service": 0, "rates": [0.02]}}}], "census": {"currency": "EUR", "active_cells": [{"sex": "male", "age": 40, "service": 10, "count": 100, "salary": 30000}], "pensioner_cells": [{"type": "old_age", "sex": "female", "age": 70, "count": 20, "pension": 12000}]}}],
  "assumptions": {"mortality": {"active": {"both": {"law": "makeham", "a": 0.00022, "b": 2.7e-6, "c": 1.124, "min_age": 0, "max_age": 120}}}},
  "reforms": [
    {"name": "higher rates", "changes": [
      {"contribution_rate": {"year": 2027, "payer": "worker", "rate": 0.1, "step": 0.01}}
    ]}
  ],
  "options": {"reserve_ratio_years": [2030]}
}
`

// TestStudyReformsStrict checks that a bad reform or option is an error
// naming its JSON path and line.
func TestStudyReformsStrict(t *testing.T) {
	if _, err := decodeReformStudy(reformStudy); err != nil {
		t.Fatalf("the valid study: %v", err)
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"unknown field", `"step": 0.01`, `"steps": 0.01`, `line 9: reforms[0].changes[0].contribution_rate.steps: unknown field "steps"`},
		{"bad rate", `"rate": 0.1`, `"rate": 10`, `line 9: reforms[0].changes[0].contribution_rate.rate: 10: invalid change: want a fraction`},
		{"bad payer", `"payer": "worker"`, `"payer": "boss"`, `line 9: reforms[0].changes[0].contribution_rate.payer: "boss": want one of worker, employer, state`},
		{"wrong type", `"year": 2027`, `"year": "2027"`, `line 9: reforms[0].changes[0].contribution_rate.year: "2027": a string where a whole number is wanted`},
		{"two kinds", `"step": 0.01}}`, `"step": 0.01}, "survivor_share": {"year": 2027, "share": 0.5}}`, `line 9: reforms[0].changes[0]: invalid change: a change is an object with one member`},
		{"empty source", `{"contribution_rate"`, `{"source": {}, "contribution_rate"`, `line 9: reforms[0].changes[0].source: required value missing`},
		{"source field", `{"contribution_rate"`, `{"source": {"law": "Decree 1", "page": 3}, "contribution_rate"`, `line 9: reforms[0].changes[0].source.page: unknown field "page"`},
		{"source alone", `{"contribution_rate": {"year": 2027, "payer": "worker", "rate": 0.1, "step": 0.01}}`, `{"source": {"law": "Decree 1"}}`, `line 9: reforms[0].changes[0]: invalid change: a change is an object with one member naming its type (contribution_rate, retirement_conditions, ...); got 0`},
		{"unknown group", `"year": 2027,`, `"year": 2027, "groups": ["nobody"],`, `line 9: reforms[0].changes[0]: reform: "higher rates", change 0`},
		{"before start", `"year": 2027`, `"year": 2020`, `line 9: reforms[0].changes[0]: reform: "higher rates", change 0`},
		{"no name", `"name": "higher rates", `, ``, `line 8: reforms[0].name: required value missing`},
		{"ratio year", `[2030]`, `[2300]`, `line 12: options.reserve_ratio_years: invalid options: reserve ratio year 2300`},
		{"bad target", `[2030]}`, `[2030], "solve": [{"name": "x", "solve": "contribution_rate", "year": 2027, "payer": "employer", "target": {"balanced": true, "gap_at_most": 0.2}, "lo": 0, "hi": 1}]}`, `line 12: options.solve[0].target: invalid options: give one target`},
		{"lever field", `[2030]}`, `[2030], "solve": [{"name": "x", "solve": "accrual", "year": 2027, "payer": "employer", "target": {"balanced": true}, "lo": 0, "hi": 1}]}`, `line 12: options.solve[0].payer: invalid options: not a field of the lever "accrual"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(reformStudy, tc.old, tc.new, 1)
			if doc == reformStudy {
				t.Fatalf("%q not in the study", tc.old)
			}
			_, err := decodeReformStudy(doc)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tc.want)
			}
			if !errors.Is(err, scheme.ErrStudy) {
				t.Errorf("error %v does not wrap scheme.ErrStudy", err)
			}
		})
	}
}

func decodeReformStudy(doc string) (*reform.Study, error) {
	sst, err := scheme.DecodeStudy(strings.NewReader(doc), ".")
	if err != nil {
		return nil, err
	}
	return reform.FromStudy(sst)
}

// TestRunStudy runs the inline study: its comparison is Compare's of the
// base and the reform (tolerance 0: the same computation), and a cancelled
// context stops it.
func TestRunStudy(t *testing.T) {
	st, err := decodeReformStudy(reformStudy)
	if err != nil {
		t.Fatal(err)
	}
	var calls int
	res, err := reform.RunStudy(context.Background(), st, 1, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if calls != 2 {
		t.Errorf("%d progress calls, want 2", calls)
	}
	c, err := reform.Compare(st.Base(), st.Reforms, st.Options.Options(st.Years))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Comparison.Metrics, c.Metrics) {
		t.Errorf("metrics %+v, want %+v", res.Comparison.Metrics, c.Metrics)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := reform.RunStudy(ctx, st, 1, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// TestReformsFormatDocumented checks that docs/study-format.md documents
// every field of the reforms and options in a table row with an example,
// as package scheme's test does for the rest of the format.
func TestReformsFormatDocumented(t *testing.T) {
	data, err := os.ReadFile("../docs/study-format.md")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, ty := range reform.StudyDocTypes() {
		collectJSONNames(ty, map[reflect.Type]bool{}, names)
	}
	if len(names) < 40 {
		t.Fatalf("only %d field names found", len(names))
	}
	for name := range names {
		row := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(name) + "` \\|[^|\\n]+\\|[^|\\n]*`[^`]+`[^|\\n]*\\|$")
		if !row.Match(data) {
			t.Errorf("no row for `%s` with an example in docs/study-format.md", name)
		}
	}
}

// TestFormatCompleteExample decodes the complete example of
// docs/study-format.md with its reforms and options.
func TestFormatCompleteExample(t *testing.T) {
	data, err := os.ReadFile("../docs/study-format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, example, ok := strings.Cut(string(data), "## A complete example\n\n```json\n")
	if !ok {
		t.Fatal("no complete example")
	}
	example, _, _ = strings.Cut(example, "```")
	st, err := decodeReformStudy(example)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Reforms) != 1 || len(st.Reforms[0].Changes) != 2 || len(st.Options.Solve) != 1 || len(st.Options.Attribute) != 1 {
		t.Errorf("the example decodes to %d reforms, options %+v", len(st.Reforms), st.Options)
	}
}

// FuzzStudyReforms decodes arbitrary study documents with their reforms
// and options: never a panic, and a study without an error has reforms
// that apply to its base scheme.
func FuzzStudyReforms(f *testing.F) {
	f.Add([]byte(reformStudy))
	f.Add([]byte(strings.Replace(reformStudy, `"reserve_ratio_years": [2030]`, `"solve": [{"name": "x", "solve": "retirement_age", "year": 2027, "target": {"reserve_ratio_at_least": 1, "through": 2040}, "lo": 0, "hi": 5}]`, 1)))
	f.Add([]byte(strings.Replace(reformStudy, `{"contribution_rate": {"year": 2027, "payer": "worker", "rate": 0.1, "step": 0.01}}`,
		`{"indexation": {"year": 2027, "rule": "fixed", "rate": [{"year": 2027, "value": 0.02}]}}, {"pension_cap": {"year": 2028, "cap": {"per_year": 1e5, "currency": "EUR"}}}`, 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := decodeReformStudy(string(data))
		if err != nil {
			if st != nil {
				t.Fatal("a study with an error")
			}
			return
		}
		for _, r := range st.Reforms {
			if _, err := r.Apply(st.Base()); err != nil {
				t.Fatalf("a decoded reform does not apply: %v", err)
			}
		}
	})
}

func collectJSONNames(t reflect.Type, seen map[reflect.Type]bool, names map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" {
			names[name] = true
		}
		collectJSONNames(f.Type, seen, names)
	}
}
