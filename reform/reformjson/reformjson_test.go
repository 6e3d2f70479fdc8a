package reformjson_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/reserva-go/reserva/reform/reformjson"
)

func TestNumberNull(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{math.NaN(), "null"}, {math.Inf(1), "null"}, {math.Inf(-1), "null"}, {0.1, "0.1"}, {-2.5e-9, "-2.5e-09"}, {1e21, "1e+21"}} {
		got, err := json.Marshal(reformjson.Number(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("Number(%v) = %s, %v; want %s", tc.in, got, err, tc.want)
		}
		// encoding/json's own form of a finite float, so readers parse it
		// back to the same float64.
		if !math.IsNaN(tc.in) && !math.IsInf(tc.in, 0) {
			var back float64
			if err := json.Unmarshal(got, &back); err != nil || back != tc.in {
				t.Errorf("%s reads back as %v", got, back)
			}
		}
	}
}

// TestFromOutcomes checks the document of the report fixtures: valid JSON,
// calendar years, the base without a delta, the deltas the differences of
// the summaries (exactly: one subtraction), and the stable names.
func TestFromOutcomes(t *testing.T) {
	outcomes := reformtest.Outcomes(t, reformtest.Years)
	c, err := reformjson.FromOutcomes("fixture", "MXN", outcomes)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	scs := doc["scenarios"].([]any)
	if len(scs) != len(outcomes) {
		t.Fatalf("%d scenarios, want %d", len(scs), len(outcomes))
	}
	base := scs[0].(map[string]any)
	if _, ok := base["delta_from_base"]; ok {
		t.Error("the base has a delta")
	}
	years := base["years"].([]any)
	first := years[0].(map[string]any)
	if first["year"].(float64) != reformtest.StartYear {
		t.Errorf("first year %v, want %d", first["year"], reformtest.StartYear)
	}
	for _, key := range []string{"actives", "pensioners", "contributions_money", "reserve_end_money", "payg_cost_rate", "reserve_ratio", "support_ratio", "return_rate"} {
		if _, ok := first[key]; !ok {
			t.Errorf("year without %q", key)
		}
	}
	sum := base["summary"].(map[string]any)
	for _, key := range []string{"first_year", "last_year", "gap_rate", "cost_rate", "actuarial_balance_rate", "deficit_pv_money", "depletion_year"} {
		if _, ok := sum[key]; !ok {
			t.Errorf("summary without %q", key)
		}
	}
	for i := 1; i < len(outcomes); i++ {
		want := outcomes[i].Summary.GAP - outcomes[0].Summary.GAP
		if got := float64(c.Scenarios[i].Delta.GAPRate); got != want {
			t.Errorf("scenario %d: delta GAP %v, want %v", i, got, want)
		}
		if d := c.Scenarios[i].Summary.DepletionYear; (d == nil) == (outcomes[i].Summary.DepletionYear != 0) {
			t.Errorf("scenario %d: depletion year %v for Depleted %v", i, d, (outcomes[i].Summary.DepletionYear != 0))
		}
	}
	if _, err := reformjson.FromOutcomes("", "MXN", nil); err == nil {
		t.Error("no error for no outcomes")
	}
}

// TestFromComparison checks the reserve ratios of a comparison: the
// metrics' values at the years asked for.
func TestFromComparison(t *testing.T) {
	base := reformtest.Scheme(t, "base", 1e6, 0.1, 0, 0)
	r := reform.Reform{Name: "raise", Changes: []reform.Change{reform.ContributionRate{Year: 2030, Payer: scheme.Employer, Rate: 0.1}}}
	cmp, err := reform.Compare(base, []reform.Reform{r}, reform.Options{Years: 30, ReserveRatioYears: []int{2030, 2050}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := reformjson.FromComparison("", "EUR", cmp)
	if err != nil {
		t.Fatal(err)
	}
	for i, sc := range c.Scenarios {
		if len(sc.ReserveRatios) != 2 || sc.ReserveRatios[1].Year != 2050 ||
			float64(sc.ReserveRatios[1].Value) != cmp.Metrics[i].ReserveRatioAt[1] {
			t.Errorf("scenario %d: reserve ratios %+v, want those of %+v", i, sc.ReserveRatios, cmp.Metrics[i])
		}
	}
	if _, err := json.Marshal(c); err != nil {
		t.Fatal(err)
	}
}
