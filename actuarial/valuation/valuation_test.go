package valuation_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/mortality"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tolerances of the valuation tests.
const (
	// closedForm: the Valuer and the closed form add the same terms in a
	// different order; relative error of sums of ~100 terms.
	closedForm = 1e-12
	// recursionTol: AL + NC = ExitsInYear + v·p·AL_{x+1} compares two
	// valuations of ~50 years each; relative to the liabilities.
	recursionTol = 1e-10
)

// retirementOnly is a service table whose members die at the rates of tbl
// from age x0 and all retire on their R-th birthday: death is the only
// other decrement, so a member's valuation reduces to single-life
// contingencies.
func retirementOnly(t *testing.T, tbl mortality.Table, x0, R int) *actuarial.ServiceTable {
	t.Helper()
	n := R - x0 + 1
	death, ret := make([]float64, n), make([]float64, n)
	for i := 0; i < n-1; i++ {
		death[i] = tbl.Q(x0 + i)
	}
	ret[n-1] = 1
	st, err := actuarial.NewServiceTable(x0, 0, [actuarial.NumDecrements][]float64{
		actuarial.Death: death, actuarial.Retirement: ret,
	}, actuarial.DecrementOptions{Retirement: actuarial.RetireAtStart})
	require.NoError(t, err)
	return st
}

// bothSexes returns [v, v].
func bothSexes[T any](v T) [actuarial.NumSexes]T { return [actuarial.NumSexes]T{v, v} }

func valueMember(t *testing.T, v *valuation.Valuer, m valuation.Member) valuation.MemberValuation {
	t.Helper()
	var r valuation.MemberValuation
	require.NoError(t, v.Value(&r, m))
	return r
}

// TestValuationReducesToLifeContingencies checks that with death as the
// only decrement before retirement at a fixed age R, the value of the
// retirement pension B is B·_{R−x}E_x·ä_R (or its m-thly, indexed or
// reversionary variant) as the Life methods give it (an analytic
// recursionTol, AMLCR 2nd ed. §10.4), and against the products of printed
// values: AMLCR's SULT at 5% (Appendix D: _20E_45 = 0.35994,
// ä_65 = 13.5498) and the SOA Illustrative Life Table at 6% (Bowers et al.,
// Appendix 2A: _10E_30 = 0.54733, ä_40 = 14.8166).
func TestValuationReducesToLifeContingencies(t *testing.T) {
	sultT, iltT := actuarialtest.SULT(t), actuarialtest.ILT(t)
	spouse, err := mortality.SetBack(sultT, 0)
	require.NoError(t, err)
	cases := []struct {
		name     string
		tbl      mortality.Table
		i        float64
		x, s, R  int
		pay      actuarial.Annuity
		married  float64
		share    float64
		wage     float64
		printed  float64 // _nE_x·ä_R from printed figures, or 0
		printTol float64
	}{
		{name: "SULT 5%", tbl: sultT, i: 0.05, x: 45, s: 10, R: 65,
			printed: 0.35994 * 13.5498, printTol: 5e-6*13.5498 + 5e-5*0.35994},
		{name: "ILT 6%", tbl: iltT, i: 0.06, x: 30, s: 0, R: 40,
			printed: 0.54733 * 14.8166, printTol: 5e-6*14.8166 + 5e-5*0.54733},
		{name: "SULT monthly indexed", tbl: sultT, i: 0.05, x: 45, s: 10, R: 65,
			pay: actuarial.Annuity{PerYear: 12, Escalation: 0.02}, wage: 0.03},
		{name: "ILT Woolhouse guaranteed", tbl: iltT, i: 0.06, x: 50, s: 20, R: 62,
			pay: actuarial.Annuity{PerYear: 4, Method: actuarial.MthlyWoolhouse, Guaranteed: 5}},
		{name: "SULT with reversion", tbl: sultT, i: 0.05, x: 40, s: 3, R: 60,
			pay: actuarial.Annuity{PerYear: 12}, married: 0.8, share: 0.6, wage: 0.01},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			const salary, accrual = 50000.0, 0.02
			plan := valuation.Plan{
				Formula:       actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 0, AtMin: 0, PerYear: accrual, Max: 1}.Accrual()},
				Eligibility:   actuarial.Eligibility{Full: bothSexes(actuarial.Conditions{{MinAge: c.R}})},
				Payment:       c.pay,
				SurvivorShare: c.share,
			}
			basis := valuation.Basis{
				Actives:    bothSexes(retirementOnly(t, c.tbl, c.x-c.s, c.R)),
				Pensioners: bothSexes(c.tbl),
				Spouses:    bothSexes[mortality.Table](spouse),
				Interest:   c.i,
				WageGrowth: c.wage,
				Married:    bothSexes(c.married),
				AgeGap:     bothSexes(3),
			}
			v, err := valuation.NewValuer(&plan, &basis)
			require.NoError(t, err)
			r := valueMember(t, v, valuation.Member{Sex: actuarial.Male, Age: c.x, Service: c.s, Salary: salary})

			life := actuarial.Life{Table: c.tbl, Interest: c.i}
			n := c.R - c.x
			sR := salary * math.Pow(1+c.wage, float64(n))
			rev := c.pay
			rev.Guaranteed = 0
			ann := life.AnnuityEPV(c.R, c.pay)
			if c.married > 0 {
				ann += c.married * c.share * life.ReversionaryAnnuityEPV(c.R, spouse, c.R-3, rev)
			}
			E := life.PureEndowment(c.x, n)
			B := accrual * float64(c.s+n) * sR
			want := B * E * ann
			assert.InEpsilon(t, want, r.PVFB[valuation.BenefitRetirement], closedForm, "PVFB")
			assert.InEpsilon(t, want, r.TotalPVFB(), closedForm, "only retirement is valued")
			if c.printed != 0 {
				assert.InDelta(t, c.printed, r.PVFB[valuation.BenefitRetirement]/B, c.printTol, "_nE_x·ä_R against printed values")
			}
			// Unit credit: the pension on service to date, on projected
			// (PUC) or current (TUC) salary; PUC's normal cost is one
			// year's accrual.
			unitCost := accrual * sR * E * ann
			assert.InDelta(t, float64(c.s)*unitCost, r.AL[valuation.PUC], closedForm*want, "AL PUC")
			assert.InDelta(t, unitCost, r.NC[valuation.PUC], closedForm*want, "NC PUC")
			assert.InDelta(t, float64(c.s)*unitCost*salary/sR, r.AL[valuation.TUC], closedForm*want, "AL TUC")
			assert.Equal(t, c.R, r.NormalAge)
			assert.InDelta(t, accrual*float64(c.s)*sR, r.AccruedPUC, closedForm*sR, "accrued PUC")
			assert.InDelta(t, accrual*float64(c.s)*salary, r.AccruedTUC, closedForm*sR, "accrued TUC")

			// Entry age normal: salaries of the years to R, paid at
			// mid-year by those alive at its start, less half of those who
			// die in it (UDD), from entry age x − s.
			e := c.x - c.s
			var pvfs, pvfsE float64
			v05 := math.Pow(1+c.i, -0.5)
			for k := 0; k < c.R-e; k++ {
				a := e + k
				S := salary * math.Pow(1+c.wage, float64(a-c.x))
				pvfsE += S * life.PureEndowment(e, k) * v05 * (1 - 0.5*c.tbl.Q(a))
				if a >= c.x {
					pvfs += S * life.PureEndowment(c.x, a-c.x) * v05 * (1 - 0.5*c.tbl.Q(a))
				}
			}
			Be := accrual * float64(c.R-e) * salary * math.Pow(1+c.wage, float64(c.R-c.x))
			rate := Be * life.PureEndowment(e, c.R-e) * ann / pvfsE
			assert.InEpsilon(t, rate, r.NormalCostRate, closedForm, "EAN rate")
			assert.InEpsilon(t, pvfs, r.PVFS, closedForm, "PVFS")
			assert.InDelta(t, want-rate*pvfs, r.AL[valuation.EAN], closedForm*want, "AL EAN")
			assert.InEpsilon(t, rate*salary*v05*(1-0.5*c.tbl.Q(c.x)), r.NC[valuation.EAN], closedForm, "NC EAN")
		})
	}
}

// TestValuationCurve checks discounting on a curve: on a flat curve the
// valuation is the one at that rate, and on a step curve the retirement
// pension is B·v(n)·_np_x·ä_R with the annuity valued on the rates from
// year n on (a closed form on the curve).
func TestValuationCurve(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	const x, R = 50, 65
	plan := valuation.Plan{
		Formula:     actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 0, AtMin: 0, PerYear: 0.02, Max: 1}.Accrual()},
		Eligibility: actuarial.Eligibility{Full: bothSexes(actuarial.Conditions{{MinAge: R}})},
		Payment:     actuarial.Annuity{PerYear: 12},
	}
	basis := valuation.Basis{
		Actives:    bothSexes(retirementOnly(t, tbl, x, R)),
		Pensioners: bothSexes[mortality.Table](tbl),
		Interest:   0.05,
	}
	m := valuation.Member{Sex: actuarial.Female, Age: x, Service: 10, Salary: 1000}
	v, err := valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	flat := valueMember(t, v, m)

	basis.Curve, err = actuarial.NewCurve(0.05)
	require.NoError(t, err)
	v, err = valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	onCurve := valueMember(t, v, m)
	for f := range valuation.NumFundingMethods {
		assert.InDelta(t, flat.AL[f], onCurve.AL[f], closedForm*flat.TotalPVFB(), "AL %v", valuation.FundingMethod(f))
		assert.InDelta(t, flat.NC[f], onCurve.NC[f], closedForm*flat.TotalPVFB(), "NC %v", valuation.FundingMethod(f))
	}

	rates := []float64{0.02, 0.025, 0.03, 0.035, 0.04, 0.045, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.055, 0.06, 0.065, 0.07}
	basis.Curve, err = actuarial.NewCurve(rates...)
	require.NoError(t, err)
	v, err = valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	r := valueMember(t, v, m)
	n := R - x
	later, err := actuarial.NewCurve(rates[n:]...)
	require.NoError(t, err)
	ann := actuarial.CurveLife{Table: tbl, Curve: later}.AnnuityEPV(R, plan.Payment)
	want := 0.02 * 25 * 1000 * basis.Curve.DiscountFactor(float64(n)) * tbl.Survival(x, n) * ann
	assert.InEpsilon(t, want, r.PVFB[valuation.BenefitRetirement], closedForm)
}

// testPlan provides every benefit.
func testPlan() valuation.Plan {
	return valuation.Plan{
		Formula: actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.015, PerYear: 0.015, Max: 0.6}.Accrual(), ReferenceYears: 3},
		Eligibility: actuarial.Eligibility{
			Full:             bothSexes(actuarial.Conditions{{MinAge: 65}, {MinAge: 60, MinService: 30}}),
			Reduced:          bothSexes(actuarial.Conditions{{MinAge: 55, MinService: 10}}),
			ReductionPerYear: 0.04,
			FullAge:          bothSexes(65),
		},
		Payment:       actuarial.Annuity{PerYear: 12, Escalation: 0.01},
		SurvivorShare: 0.5,
		Disability: valuation.DisabilityBenefit{
			Formula:        actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 5, AtMin: 0.075, PerYear: 0.015, Max: 0.6}.Accrual(), ReferenceYears: 1},
			ProjectService: true,
			ServiceAge:     bothSexes(65),
		},
		Death: valuation.DeathBenefit{
			SalaryMultiple: 2,
			Survivor:       actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.0075, PerYear: 0.0075, Max: 0.3}.Accrual(), ReferenceYears: 3},
		},
		Withdrawal: valuation.WithdrawalBenefit{
			Deferred: true, VestingService: 5, PensionAge: bothSexes(65), Revaluation: 0.01,
			Refund: true, ContributionRate: 0.05, RefundInterest: 0.03,
		},
	}
}

// testTable is a synthetic service table for ages 20–65 with withdrawal
// by service (select for 4 years): independent rates, deaths from the SULT
// law, everyone left retiring at 65, under the retirement timing given.
func testTable(t testing.TB, timing actuarial.RetirementTiming) *actuarial.ServiceTable {
	t.Helper()
	const lo, hi, ns = 20, 65, 5
	law := mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}
	var rates [actuarial.NumDecrements][]float64
	for j := range rates {
		rates[j] = make([]float64, (hi-lo+1)*ns)
	}
	wd := [ns]float64{0.15, 0.10, 0.08, 0.06, 0.04}
	for a := lo; a <= hi; a++ {
		for s := range ns {
			i := (a-lo)*ns + s
			rates[actuarial.Death][i] = 0.9 * -math.Expm1(-(law.A + law.B*math.Pow(law.C, float64(a))*(law.C-1)/math.Log(law.C)))
			rates[actuarial.Disability][i] = 0.0001 * math.Exp(0.08*float64(a-lo))
			if a < 55 {
				rates[actuarial.Withdrawal][i] = wd[s]
			}
			switch {
			case a == hi:
				rates[actuarial.Retirement][i] = 1
			case a >= 60:
				rates[actuarial.Retirement][i] = 0.15
			case a >= 55:
				rates[actuarial.Retirement][i] = 0.05
			}
		}
	}
	st, err := actuarial.NewServiceTable(lo, ns-1, rates, actuarial.DecrementOptions{Basis: actuarial.IndependentRates, Retirement: timing})
	require.NoError(t, err)
	return st
}

// testBasis values members on testTable with SULT-law mortality from age
// 15 (set forward 5 years for the disabled).
func testBasis(t testing.TB, timing actuarial.RetirementTiming) valuation.Basis {
	t.Helper()
	pens, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 15, 130)
	require.NoError(t, err)
	dis, err := mortality.SetBack(pens, -5)
	require.NoError(t, err)
	merit := make([]float64, 41)
	for i := range merit {
		merit[i] = 0.04 * float64(40-i) / 40
	}
	st := testTable(t, timing)
	return valuation.Basis{
		Actives:    bothSexes(st),
		Pensioners: bothSexes[mortality.Table](pens),
		Disabled:   bothSexes[mortality.Table](dis),
		Interest:   0.045,
		Salary:     actuarial.SalaryScale{MinAge: 20, ByAge: merit},
		WageGrowth: 0.02,
		Married:    [actuarial.NumSexes]float64{0.8, 0.7},
		AgeGap:     [actuarial.NumSexes]int{3, -3},
	}
}

// career values a member from entry at age e with salary s0 at entry to
// age 65, year by year, with the salary and contributions rolled forward
// as the basis projects them.
func career(t *testing.T, v *valuation.Valuer, plan *valuation.Plan, basis *valuation.Basis, sex actuarial.Sex, e int, s0 float64) []valuation.MemberValuation {
	t.Helper()
	var out []valuation.MemberValuation
	m := valuation.Member{Sex: sex, Age: e, Service: 0, Salary: s0}
	w := &plan.Withdrawal
	for m.Age <= 65 {
		out = append(out, valueMember(t, v, m))
		m.Contributions = m.Contributions*(1+w.RefundInterest) + w.ContributionRate*m.Salary*math.Sqrt(1+w.RefundInterest)
		m.Salary *= basis.Salary.Merit(m.Age, m.Service) * (1 + basis.WageGrowth)
		m.Age++
		m.Service++
	}
	return out
}

// TestValuationIdentities checks, over a career from entry at 25 to
// retirement at 65 with every benefit provided, the identities of the
// funding methods (AMLCR 2nd ed. §10.7; Bowers et al. ch. 20):
//   - AL + NC = ExitsInYear + v·p^(τ)·AL a year on, for TUC, PUC and EAN
//     (the unit-credit recursion: the normal costs rolled forward with
//     interest and survivorship, less the benefits paid, are the
//     liability);
//   - PUC and TUC accrued liabilities are 0 at entry, EAN's too;
//   - the value at entry of the EAN normal costs over the career equals
//     the PVFB at entry;
//   - TUC AL ≤ PUC AL ≤ PVFB (salaries only grow), EAN AL ≤ PVFB;
//   - at 65, when everyone retires, AL = PVFB for the unit-credit methods.
func TestValuationIdentities(t *testing.T) {
	for _, timing := range []actuarial.RetirementTiming{actuarial.RetireAtStart, actuarial.RetireDuringYear} {
		for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
			t.Run(timing.String()+"/"+sex.String(), func(t *testing.T) {
				plan := testPlan()
				basis := testBasis(t, timing)
				st := basis.Actives[sex.Index()]
				v, err := valuation.NewValuer(&plan, &basis)
				require.NoError(t, err)
				const e = 25
				vals := career(t, v, &plan, &basis, sex, e, 30000)
				first := vals[0]
				scale := first.TotalPVFB()
				for f := range valuation.NumFundingMethods {
					assert.InDelta(t, 0, first.AL[f], recursionTol*scale, "AL %v at entry", valuation.FundingMethod(f))
				}
				var pvNC float64
				for k := 0; k+1 < len(vals); k++ {
					r, next := vals[k], vals[k+1]
					age, svc := e+k, k
					vp := (1 - st.QTotal(age, svc)) / (1 + basis.Interest)
					for f := range valuation.NumFundingMethods {
						lhs := r.AL[f] + r.NC[f]
						rhs := r.ExitsInYear + vp*next.AL[f]
						assert.InDelta(t, rhs, lhs, recursionTol*scale, "age %d, %v: AL + NC = exits + v·p·AL'", age, valuation.FundingMethod(f))
					}
					assert.LessOrEqual(t, r.AL[valuation.TUC], r.AL[valuation.PUC]*(1+recursionTol), "age %d: TUC ≤ PUC", age)
					assert.LessOrEqual(t, r.AL[valuation.PUC], r.TotalPVFB()*(1+recursionTol), "age %d: PUC ≤ PVFB", age)
					assert.LessOrEqual(t, r.AL[valuation.EAN], r.TotalPVFB()*(1+recursionTol), "age %d: EAN ≤ PVFB", age)
					assert.InDelta(t, first.NormalCostRate, r.NormalCostRate, recursionTol, "age %d: the EAN rate is fixed at entry", age)
				}
				for k, r := range vals {
					pvNC += math.Pow(1+basis.Interest, -float64(k)) * st.Survival(e, 0, k) * r.NC[valuation.EAN]
				}
				assert.InDelta(t, first.TotalPVFB(), pvNC, recursionTol*scale, "Σ v^k·_kp·NC_k = PVFB at entry")
				last := vals[len(vals)-1]
				if timing == actuarial.RetireAtStart {
					assert.InEpsilon(t, last.TotalPVFB(), last.AL[valuation.PUC], recursionTol, "PUC AL = PVFB at retirement")
					assert.InEpsilon(t, last.TotalPVFB(), last.AL[valuation.TUC], recursionTol, "TUC AL = PVFB at retirement")
					assert.InDelta(t, 0, last.NC[valuation.PUC], recursionTol*scale)
				}
				for b := range valuation.NumBenefitKinds {
					assert.Greater(t, first.PVFB[b], 0.0, "%v is valued", valuation.BenefitKind(b))
				}
			})
		}
	}
}

// TestValuationBadInput checks that bad data returns errors naming the
// field and the value.
func TestValuationBadInput(t *testing.T) {
	plan := testPlan()
	basis := testBasis(t, actuarial.RetireAtStart)
	v, err := valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	ok := valuation.Member{Sex: actuarial.Male, Age: 40, Service: 10, Salary: 1000}
	for _, c := range []struct {
		name   string
		edit   func(m *valuation.Member)
		field  string
		target error
	}{
		{"negative salary", func(m *valuation.Member) { m.Salary = -1 }, "Salary -1", actuarial.ErrNegative},
		{"NaN salary", func(m *valuation.Member) { m.Salary = math.NaN() }, "Salary NaN", actuarial.ErrNotFinite},
		{"infinite contributions", func(m *valuation.Member) { m.Contributions = math.Inf(1) }, "Contributions +Inf", actuarial.ErrNotFinite},
		{"age beyond the table", func(m *valuation.Member) { m.Age = 66 }, "Age 66", actuarial.ErrRange},
		{"age below the table", func(m *valuation.Member) { m.Age = 19 }, "Age 19", actuarial.ErrRange},
		{"negative service", func(m *valuation.Member) { m.Service = -2 }, "Service -2", actuarial.ErrRange},
		{"entry after age", func(m *valuation.Member) { m.EntryAge = 41 }, "EntryAge 41", actuarial.ErrRange},
		{"entry before service", func(m *valuation.Member) { m.EntryAge = 25 }, "EntryAge 25", actuarial.ErrRange},
		{"unknown sex", func(m *valuation.Member) { m.Sex = actuarial.SexUnknown }, "Sex unknown", actuarial.ErrRange},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := ok
			c.edit(&m)
			var r valuation.MemberValuation
			err := v.Value(&r, m)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.target)
			var me *valuation.MemberError
			assert.True(t, errors.As(err, &me))
			assert.Contains(t, err.Error(), c.field)
			assert.Equal(t, valuation.MemberValuation{}, r, "dst untouched")
		})
	}

	// Bad plans and bases.
	for _, c := range []struct {
		name   string
		edit   func(p *valuation.Plan, b *valuation.Basis)
		msg    string
		target error
	}{
		{"negative interest below −1", func(_ *valuation.Plan, b *valuation.Basis) { b.Interest = -1.5 }, "Basis.Interest -1.5", actuarial.ErrInterest},
		{"NaN wage growth", func(_ *valuation.Plan, b *valuation.Basis) { b.WageGrowth = math.NaN() }, "Basis.WageGrowth NaN", actuarial.ErrInterest},
		{"married above 1", func(_ *valuation.Plan, b *valuation.Basis) { b.Married[0] = 1.5 }, "Basis.Married[male] 1.5", nil},
		{"no tables", func(_ *valuation.Plan, b *valuation.Basis) { b.Actives = [actuarial.NumSexes]*actuarial.ServiceTable{} }, "Basis.Actives", nil},
		{"spouse too young", func(_ *valuation.Plan, b *valuation.Basis) { b.AgeGap[0] = 10 }, "AgeGap[male] 10", actuarial.ErrRange},
		{"negative salary scale", func(_ *valuation.Plan, b *valuation.Basis) { b.Salary.ByAge[3] = -1.2 }, "ByAge at age 23 is -1.2", nil},
		{"negative accrual", func(p *valuation.Plan, _ *valuation.Basis) { p.Formula.Accrual.Rates[2] = -0.01 }, "Plan.Formula", nil},
		{"survivor share", func(p *valuation.Plan, _ *valuation.Basis) { p.SurvivorShare = -0.1 }, "Plan.SurvivorShare -0.1", nil},
		{"contribution rate", func(p *valuation.Plan, _ *valuation.Basis) { p.Withdrawal.ContributionRate = math.NaN() }, "Plan.Withdrawal.ContributionRate NaN", nil},
		{"payment term", func(p *valuation.Plan, _ *valuation.Basis) { p.Payment.Term = 10 }, "Plan.Payment", nil},
		{"units without a unit", func(p *valuation.Plan, _ *valuation.Basis) { p.Formula.Cap.Units = 10 }, "Basis.Unit", nil},
		{"work risks", func(_ *valuation.Plan, b *valuation.Basis) {
			st, err := actuarial.NewServiceTable(20, 0, [actuarial.NumDecrements][]float64{
				actuarial.Death: {0.001}, actuarial.WorkDeath: {0.0002},
			}, actuarial.DecrementOptions{})
			require.NoError(t, err)
			b.Actives[1] = st
		}, "Basis.Actives[female] holds work risks", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := testPlan()
			b := testBasis(t, actuarial.RetireAtStart)
			c.edit(&p, &b)
			_, err := valuation.NewValuer(&p, &b)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "actuarial: "), err.Error())
			if c.target != nil {
				assert.ErrorIs(t, err, c.target)
			}
		})
	}

	// Decrements summing above 1 are refused when the service table is
	// built.
	_, err = actuarial.NewServiceTable(60, 0, [actuarial.NumDecrements][]float64{
		actuarial.Death: {0.3}, actuarial.Retirement: {0.8},
	}, actuarial.DecrementOptions{})
	var re *actuarial.RateError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, actuarial.ErrDecrementSum)
	assert.Equal(t, "sum", re.Field)
	assert.Equal(t, 60, re.Age)
}
