package projection_test

import (
	"errors"
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// adequacyTol is the tolerance of the hand computations below: a handful
// of exact binary fractions, or sums of the same terms in another order.
const adequacyTol = 1e-12

// TestReplacementRatesHand splits one year by hand: men aged 60 (born
// 1964) awarded 2 old-age pensions of 60,000 in all on salaries of
// 100,000, men aged 62 (born 1962) one early pension of 15,000 on 50,000
// — one cohort 1960–1964: 75,000/150,000 = 0.5; women aged 58 (born
// 1966): 30,000 on 40,000 = 0.75.
func TestReplacementRatesHand(t *testing.T) {
	s := &projection.Split{StartYear: 2025, Years: 1, Groups: 1,
		Rows: make([]projection.SplitRow, actuarial.NumSexes*projection.Ages)}
	old, early := census.PensionOldAge.Index(), census.PensionEarly.Index()
	r := s.Row(0, 0, actuarial.Male, 60)
	r.NewPensions[old], r.NewPensionAmounts[old], r.RetiringSalaries[old] = 2, 60000, 100000
	r = s.Row(0, 0, actuarial.Male, 62)
	r.NewPensions[early], r.NewPensionAmounts[early], r.RetiringSalaries[early] = 1, 15000, 50000
	r = s.Row(0, 0, actuarial.Female, 58)
	r.NewPensions[old], r.NewPensionAmounts[old], r.RetiringSalaries[old] = 1, 30000, 40000
	got := s.ReplacementRates(0)
	want := []projection.CohortReplacement{
		{Year: 2025, Sex: actuarial.Male, BornFrom: 1960, BornTo: 1964, NewPensions: 3, Amounts: 75000, Salaries: 150000, Rate: 0.5},
		{Year: 2025, Sex: actuarial.Female, BornFrom: 1965, BornTo: 1969, NewPensions: 1, Amounts: 30000, Salaries: 40000, Rate: 0.75},
	}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestReplacementRatesAddUp checks the identity on the reference scheme:
// each year's cohorts' amounts and salaries add up to the YearResult's,
// so their ratio is the year's replacement rate.
func TestReplacementRatesAddUp(t *testing.T) {
	p, err := projection.NewProjector(actuarialtest.ReferenceScheme(t, 55))
	if err != nil {
		t.Fatal(err)
	}
	p.Split = true
	res, err := p.Run(nil, 30)
	if err != nil {
		t.Fatal(err)
	}
	amt, sal := map[int]float64{}, map[int]float64{}
	for _, c := range res.Split.ReplacementRates(0) {
		amt[c.Year] += c.Amounts
		sal[c.Year] += c.Salaries
	}
	for _, y := range res.Years {
		wa := y.NewPensionAmounts[0] + y.NewPensionAmounts[1]
		ws := y.TotalRetiringSalaries()
		if math.Abs(amt[y.Year]-wa) > 1e-9*math.Max(1, wa) || math.Abs(sal[y.Year]-ws) > 1e-9*math.Max(1, ws) {
			t.Errorf("%d: cohorts add to %g on %g, year has %g on %g", y.Year, amt[y.Year], sal[y.Year], wa, ws)
		}
	}
}

// TestAgainstFloorHand: a year awarding 3 old-age pensions and 1 early
// one, 100,000 in all, averages 25,000: against a floor of 20,000 the
// ratio is 1.25; with 100 actives on 1 January, 4 retiring that day and
// 2 deaths and 8 withdrawals during the year, 91 are exposed, so a salary
// bill of 9,100,000 is an average salary of 100,000 and a floor of 30%
// is 30,000 (ratio 5/6). A year without new pensions is left out.
func TestAgainstFloorHand(t *testing.T) {
	y := projection.YearResult{Year: 2025, Actives: 100, SalaryBill: 9.1e6}
	y.NewPensions[0], y.NewPensions[1] = 3, 1
	y.NewPensionAmounts[0], y.NewPensionAmounts[1] = 90000, 10000
	y.Exits[actuarial.Retirement], y.Exits[actuarial.Death], y.Exits[actuarial.Withdrawal] = 4, 2, 8
	res := &projection.Result{StartYear: 2025, Years: []projection.YearResult{y, {Year: 2026, Actives: 90}}}
	for _, c := range []struct {
		name        string
		f           projection.Floor
		floor, want float64
	}{
		{"money", projection.Floor{Money: []float64{20000}}, 20000, 1.25},
		{"money by year", projection.Floor{Money: []float64{20000, 21000}}, 20000, 1.25},
		{"salary share", projection.Floor{SalaryShare: 0.3}, 30000, 25000.0 / 30000},
	} {
		got, err := projection.AgainstFloor(res, c.f)
		if err != nil {
			t.Fatal(c.name, err)
		}
		if len(got) != 1 || got[0].Year != 2025 || got[0].NewPensions != 4 {
			t.Fatalf("%s: %+v, want one row for 2025 with 4 pensions", c.name, got)
		}
		g := got[0]
		if math.Abs(g.AveragePension-25000) > adequacyTol*25000 || math.Abs(g.Floor-c.floor) > adequacyTol*c.floor || math.Abs(g.Ratio-c.want) > adequacyTol {
			t.Errorf("%s: %+v, want average 25000, floor %g, ratio %g", c.name, g, c.floor, c.want)
		}
	}
	for _, f := range []projection.Floor{{}, {Money: []float64{1}, SalaryShare: 0.3}, {SalaryShare: -1},
		{Money: []float64{math.NaN()}}} {
		if _, err := projection.AgainstFloor(res, f); !errors.Is(err, actuarial.ErrRange) {
			t.Errorf("%+v: err %v, want ErrRange", f, err)
		}
	}
	res.Years = append(res.Years, projection.YearResult{Year: 2027})
	if _, err := projection.AgainstFloor(res, projection.Floor{Money: []float64{1, 2}}); !errors.Is(err, actuarial.ErrRange) {
		t.Errorf("2 Money values for 3 years: err %v, want ErrRange", err)
	}
}
