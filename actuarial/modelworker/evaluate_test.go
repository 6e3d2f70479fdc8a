package modelworker_test

import (
	"errors"
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/modelworker"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// handTol is the relative tolerance between a figure and its hand
// computation: both sum the same few hundred terms in another order.
const handTol = 1e-12

func near(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > handTol*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g by hand", name, got, want)
	}
}

// lifeFigures returns, by hand along table q (1 from MaxCensusAge), the
// curtate life expectancy at age x (Σ_{k≥1} kp) and the expected present
// value on 1 January of year 0 of a pension p paid mid-year from year r on,
// growing by g a year, with extra payments e, at return i, weighted by
// kp·(1 − q/2): the package's stated conventions.
func lifeFigures(tb *mortality.LifeTable, x, r int, p, g, e, i float64) (ex, pv float64) {
	kp := 1.0
	for k := 0; x+k <= census.MaxCensusAge; k++ {
		q := 1.0
		if x+k < census.MaxCensusAge {
			q = tb.Q(x + k)
		}
		pv += p * math.Pow(1+g, float64(k)) * (1 + e) * kp * (1 - q/2) * math.Pow(1+i, -float64(r+k)-0.5)
		kp *= 1 - q
		ex += kp
	}
	return ex, pv
}

// TestReferenceRegime checks every figure of an average man joining the
// reference scheme at 30 in 2025 by hand from its rules
// (actuarialtest.Rules): full pension at 60 with 30 years (the first
// full condition), accrual 50% at 15 years plus 2.5% a year (87.5% at
// 30), the reference salary the average of the last 5, a cap of 10 and a
// floor of 1 units (36,000 growing 3.5%), 17% contributions on salaries
// below the ceiling of 25 units, prices indexation at 3%, wages 4%,
// returns 4.5%, a thirteenth month, and EMSSA09 men's mortality (the
// retired table falls back to the actives').
func TestReferenceRegime(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 0)
	const avg = 120000.0
	w := modelworker.Worker{Name: "average man", Sex: actuarial.Male, EntryAge: 30}
	outs, err := modelworker.Evaluate(s, modelworker.Config{AverageSalary: avg}, []modelworker.Worker{w})
	if err != nil {
		t.Fatal(err)
	}
	o := outs[0]
	if o.Year != 2055 || o.Age != 60 || o.Service != 30 || o.Type != census.PensionOldAge {
		t.Fatalf("retirement %d at %d with %d years (%s), want 2055 at 60 with 30 (old_age)", o.Year, o.Age, o.Service, o.Type)
	}
	sal := func(y int) float64 { return avg * math.Pow(1.04, float64(y-2025)) }
	near(t, "FinalSalary", o.FinalSalary, sal(2054))
	ref := (sal(2050) + sal(2051) + sal(2052) + sal(2053) + sal(2054)) / 5
	near(t, "ReferenceSalary", o.ReferenceSalary, ref)
	unit := 36000 * math.Pow(1.035, 30)
	p := 0.875 * ref
	if p > 10*unit || p < unit {
		t.Fatalf("hand pension %g outside the floor %g and cap %g: the test assumes neither binds", p, unit, 10*unit)
	}
	near(t, "Pension", o.Pension, p)
	near(t, "Replacement", o.Replacement, p/sal(2054))
	near(t, "AwardToWages", o.AwardToWages, p/sal(2055))
	for i, k := range modelworker.After {
		ix := p * math.Pow(1.03, float64(k))
		near(t, "Indexed", o.Indexed[i], ix)
		near(t, "Real", o.Real[i], p) // indexed by prices: constant in real terms
		near(t, "RelativeToWages", o.RelativeToWages[i], ix/sal(2055+k))
	}
	var pvc float64
	for k := range 30 {
		pvc += 0.17 * sal(2025+k) * math.Pow(1.045, -float64(k)-0.5)
	}
	near(t, "PVContributions", o.PVContributions, pvc)
	men, _ := actuarialtest.EMSSA09(t)
	ex, pvb := lifeFigures(men, 60, 30, p, 0.03, 1.0/12, 0.045)
	near(t, "BenefitYears", o.BenefitYears, ex)
	near(t, "PVBenefits", o.PVBenefits, pvb)
	near(t, "MoneysWorth", o.MoneysWorth, pvb/pvc)
	// Identity: the table's own curtate expectancy, when it ends by the
	// last census age.
	if men.MaxAge() < census.MaxCensusAge {
		near(t, "BenefitYears vs LifeTable", o.BenefitYears, men.CurtateLifeExpectancy(60))
	}
}

// TestReformedRegime checks a high-earning woman with a five-year gap who
// chooses to retire at 62 under reformed reference rules: a pension cap
// of 2 units (it binds), a ceiling of 5 units (it binds), wage
// indexation; by hand: at 62 she has 27 years, not enough for a full
// pension (30 at 60, or 65), so a reduced one — 1 − 5%·3 = 85% of the
// accrual 50% + 12·2.5% = 80% — capped.
func TestReformedRegime(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 0)
	r := &s.Groups[0].Rules[0]
	r.Retirement.Cap = actuarial.Limit{Units: 2}
	r.Ceiling = actuarial.Limit{Units: 5}
	r.Indexation = scheme.IndexWages
	const avg = 120000.0
	w := modelworker.Worker{Name: "gapped woman", Sex: actuarial.Female, EntryAge: 30, Relative: 3,
		Gaps: []int{40, 41, 42, 43, 44}, RetireAge: 62}
	e, err := modelworker.New(s, modelworker.Config{AverageSalary: avg})
	if err != nil {
		t.Fatal(err)
	}
	o, err := e.Evaluate(w)
	if err != nil {
		t.Fatal(err)
	}
	if o.Year != 2057 || o.Age != 62 || o.Service != 27 || o.Type != census.PensionEarly {
		t.Fatalf("retirement %d at %d with %d years (%s), want 2057 at 62 with 27 (early)", o.Year, o.Age, o.Service, o.Type)
	}
	sal := func(y int) float64 { return 3 * avg * math.Pow(1.04, float64(y-2025)) }
	unitAt := func(y int) float64 { return 36000 * math.Pow(1.035, float64(y-2025)) }
	ref := (sal(2052) + sal(2053) + sal(2054) + sal(2055) + sal(2056)) / 5
	near(t, "ReferenceSalary", o.ReferenceSalary, ref)
	cap2 := 2 * unitAt(2057)
	if 0.85*0.80*ref <= cap2 {
		t.Fatalf("the test assumes the cap binds: %g ≤ %g", 0.85*0.80*ref, cap2)
	}
	near(t, "Pension", o.Pension, cap2)
	near(t, "Replacement", o.Replacement, cap2/sal(2056))
	for i, k := range modelworker.After {
		ix := cap2 * math.Pow(1.04, float64(k))
		near(t, "Indexed", o.Indexed[i], ix)
		near(t, "Real", o.Real[i], ix/math.Pow(1.03, float64(k)))
		near(t, "RelativeToWages", o.RelativeToWages[i], ix/(avg*math.Pow(1.04, float64(2057+k-2025))))
	}
	var pvc float64
	for k := range 32 {
		if age := 30 + k; age >= 40 && age <= 44 {
			continue
		}
		pvc += 0.17 * 5 * unitAt(2025+k) * math.Pow(1.045, -float64(k)-0.5) // the ceiling binds
	}
	near(t, "PVContributions", o.PVContributions, pvc)
	_, women := actuarialtest.EMSSA09(t)
	ex, pvb := lifeFigures(women, 62, 32, cap2, 0.04, 1.0/12, 0.045)
	near(t, "BenefitYears", o.BenefitYears, ex)
	near(t, "PVBenefits", o.PVBenefits, pvb)
	near(t, "MoneysWorth", o.MoneysWorth, pvb/pvc)
}

// TestStandard runs the six standard profiles on the reference scheme:
// each retires, high earners get a lower replacement than low earners
// under a cap and a floor (identity of the formula: same accrual), and a
// user's worker appends.
func TestStandard(t *testing.T) {
	ws := modelworker.Standard()
	if len(ws) != 6 {
		t.Fatalf("%d standard workers, want 6", len(ws))
	}
	ws = append(ws, modelworker.Worker{Name: "mine", Sex: actuarial.Female, EntryAge: 22,
		Path: actuarial.ByAge{MinAge: 22, Values: []float64{0.8, 0.9, 1, 1.1, 1.2}}, RetireAge: 58})
	outs, err := modelworker.Evaluate(actuarialtest.ReferenceScheme(t, 0), modelworker.Config{}, ws)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if o.Pension <= 0 || o.MoneysWorth <= 0 || math.IsNaN(o.MoneysWorth) {
			t.Errorf("%s: pension %g, money's worth %g", o.Worker.Name, o.Pension, o.MoneysWorth)
		}
	}
	if outs[0].Replacement < outs[1].Replacement {
		t.Errorf("low earner's replacement %g below the high earner's %g", outs[0].Replacement, outs[1].Replacement)
	}
}

func TestBadInput(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 0)
	for _, w := range []modelworker.Worker{
		{Sex: "x", EntryAge: 30},
		{Sex: actuarial.Male, EntryAge: 5},
		{Sex: actuarial.Male, EntryAge: 30, Relative: math.NaN()},
		{Sex: actuarial.Male, EntryAge: 30, Path: actuarial.ByAge{MinAge: 35, Values: []float64{1}}},
		{Sex: actuarial.Male, EntryAge: 30, RetireAge: 20},
	} {
		if _, err := modelworker.Evaluate(s, modelworker.Config{}, []modelworker.Worker{w}); !errors.Is(err, modelworker.ErrInput) {
			t.Errorf("%+v: err %v, want ErrInput", w, err)
		}
	}
	if _, err := modelworker.New(s, modelworker.Config{EntryYear: 2000}); !errors.Is(err, modelworker.ErrInput) {
		t.Errorf("entry before start: err %v", err)
	}
}
