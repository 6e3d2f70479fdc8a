package indicator_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flatSeries returns n copies of x.
func flatSeries(n int, x float64) []float64 {
	s := make([]float64, n)
	for t := range s {
		s[t] = x
	}
	return s
}

// growingSeries returns x·(1+g)^t for t < n.
func growingSeries(n int, x, g float64) []float64 {
	s := make([]float64, n)
	for t := range s {
		s[t] = x * math.Pow(1+g, float64(t))
	}
	return s
}

// syntheticFlows is a synthetic projection of n years from 2025, built with the
// projection's own timing (PROJECTION.md): a salary bill growing 3% a year
// and benefits 7% a year, administration costs 3% of benefits, contributions
// at 18% of the salary bill, a state transfer of 1% of the salary bill, the
// reserve earning the rates of curve with investment income
// R·i + N·((1+i)^½ − 1), N the net cash flow of the year.
func syntheticFlows(n int, r0 float64, curve *actuarial.Curve) *indicator.Flows {
	f := &indicator.Flows{
		StartYear:        2025,
		SalaryBill:       growingSeries(n, 1e9, 0.03),
		Benefits:         growingSeries(n, 1.2e8, 0.07),
		Actives:          growingSeries(n, 20000, 0.01),
		Pensioners:       growingSeries(n, 4000, 0.045),
		NewPensions:      growingSeries(n, 6e6, 0.05),
		RetiringSalaries: growingSeries(n, 1e7, 0.04),
		AccruedLiability: 5e9,
	}
	f.Costs = make([]float64, n)
	f.Contributions = make([]float64, n)
	f.Transfers = make([]float64, n)
	f.InvestmentIncome = make([]float64, n)
	f.ReserveStart = make([]float64, n)
	f.ReserveEnd = make([]float64, n)
	r := r0
	for t := range n {
		f.Costs[t] = 0.03 * f.Benefits[t]
		f.Contributions[t] = 0.18 * f.SalaryBill[t]
		f.Transfers[t] = 0.01 * f.SalaryBill[t]
		i := curve.Rate(t)
		net := f.Contributions[t] + f.Transfers[t] - f.Benefits[t] - f.Costs[t]
		f.InvestmentIncome[t] = r*i + net*(math.Sqrt(1+i)-1)
		f.ReserveStart[t] = r
		r += net + f.InvestmentIncome[t]
		f.ReserveEnd[t] = r
	}
	return f
}

// TestPAYGCostRate checks the definition (B + E)/S on a hand-built series.
func TestPAYGCostRate(t *testing.T) {
	const tol = 1e-15 // one division and one addition
	s := []float64{100, 200, 400}
	b := []float64{10, 30, 100}
	e := []float64{1, 2, 4}
	got, err := indicator.PAYGCostRate(nil, &indicator.Flows{SalaryBill: s, Benefits: b, Costs: e})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.11, 0.16, 0.26}, got, tol)

	// Without costs, into a given destination.
	dst := make([]float64, 3)
	got, err = indicator.PAYGCostRate(dst, &indicator.Flows{SalaryBill: s, Benefits: b})
	require.NoError(t, err)
	assert.Same(t, &dst[0], &got[0])
	assert.InDeltaSlice(t, []float64{0.1, 0.15, 0.25}, got, tol)

	assert.Panics(t, func() {
		_, _ = indicator.PAYGCostRate(make([]float64, 2), &indicator.Flows{SalaryBill: s, Benefits: b, Costs: e})
	})
}

// TestGAPConstantFlows checks the GAP against its closed forms for a
// constant salary bill S and expenditure X at a constant rate i, flows at
// t + τ: PV(S) = S·ä_n·v^τ (ä_n the annuity-certain due), so without a
// reserve GAP = X/S, the PAYG cost rate, at any rate, and with a reserve
// GAP = X/S − R(0)/(S·ä_n·v^τ).
func TestGAPConstantFlows(t *testing.T) {
	const (
		n      = 40
		S, B   = 1e6, 9e4
		E      = 6e3
		r0     = 2.5e6
		relTol = 1e-13 // sums of 40 discounted terms against the closed form
	)
	for _, i := range []float64{0, 0.04, -0.01} {
		for _, tm := range []actuarial.Timing{actuarial.MidYear, actuarial.StartOfYear, actuarial.EndOfYear} {
			c, err := actuarial.NewCurve(i)
			require.NoError(t, err)
			h := indicator.Horizon{Curve: c, Timing: tm}
			sal, ben, cost := flatSeries(n, S), flatSeries(n, B), flatSeries(n, E)

			gap, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: sal, Benefits: ben, Costs: cost}, h)
			require.NoError(t, err)
			assert.InEpsilon(t, (B+E)/S, gap, relTol, "i=%v %v", i, tm)

			annuity := S * actuarial.AnnuityCertainDue(i, n) * actuarial.DiscountFactor(i, tm.Offset())
			gap, err = indicator.GAP(&indicator.Flows{SalaryBill: sal, Benefits: ben, Costs: cost, ReserveStart: reserveAt(r0, len(sal))}, h)
			require.NoError(t, err)
			assert.InEpsilon(t, (B+E)/S-r0/annuity, gap, relTol, "i=%v %v", i, tm)

			// A shorter horizon takes the first Years years only.
			h.Years = 10
			short := S * actuarial.AnnuityCertainDue(i, 10) * actuarial.DiscountFactor(i, tm.Offset())
			gap, err = indicator.GAP(&indicator.Flows{SalaryBill: sal, Benefits: ben, Costs: cost, ReserveStart: reserveAt(r0, len(sal))}, h)
			require.NoError(t, err)
			assert.InEpsilon(t, (B+E)/S-r0/short, gap, relTol, "i=%v %v 10 years", i, tm)

			// A target of k years of expenditure at the end: + k·X·v^n/(S·ä_n·v^τ).
			h = indicator.Horizon{Curve: c, Timing: tm, TargetRatio: 2}
			gap, err = indicator.GAP(&indicator.Flows{SalaryBill: sal, Benefits: ben, Costs: cost, ReserveStart: reserveAt(r0, len(sal))}, h)
			require.NoError(t, err)
			want := (B+E)/S - r0/annuity + 2*(B+E)*actuarial.DiscountFactor(i, n)/annuity
			assert.InEpsilon(t, want, gap, relTol, "i=%v %v target", i, tm)
		}
	}
}

// TestGAPStationary checks that a salary bill and expenditure growing at
// the same rate g have GAP = X(0)/S(0) without a reserve, on a curve whose
// rates change: the ratio is the same in every year, so in the present
// values.
func TestGAPStationary(t *testing.T) {
	const relTol = 1e-14 // ratio of two sums of 60 terms with the same factors
	c, err := actuarial.StepCurve(0.05, 20, 0.03)
	require.NoError(t, err)
	gap, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: growingSeries(60, 5e8, 0.04), Benefits: growingSeries(60, 6e7, 0.04)}, indicator.Horizon{Curve: c})
	require.NoError(t, err)
	assert.InEpsilon(t, 0.12, gap, relTol)
}

// TestGAPDefiningProperty checks the defining property of the GAP
// (Plamondon et al., Actuarial practice in social security, ILO/ISSA,
// 2002): contributions at the GAP rate, rolled forward from R(0) with the
// projection's timing, leave exactly the target reserve at the end of the
// horizon, here 0 and then two years of the last year's expenditure.
func TestGAPDefiningProperty(t *testing.T) {
	const relTol = 1e-11 // 50 roll-forward steps on amounts of order 1e10, relative to the flows
	c, err := actuarial.StepCurve(0.045, 15, 0.035)
	require.NoError(t, err)
	f := syntheticFlows(60, 3e9, c)
	for _, tm := range []actuarial.Timing{actuarial.MidYear, actuarial.StartOfYear, actuarial.EndOfYear} {
		for _, k := range []float64{0, 2} {
			h := indicator.Horizon{Years: 50, Curve: c, Timing: tm, TargetRatio: k}
			gap, err := indicator.GAP(&indicator.Flows{SalaryBill: f.SalaryBill, Benefits: f.Benefits, Costs: f.Costs, ReserveStart: reserveAt(f.ReserveStart[0], len(f.SalaryBill))}, h)
			require.NoError(t, err)
			contrib := make([]float64, 60)
			for t := range contrib {
				contrib[t] = gap * f.SalaryBill[t]
			}
			net, err := indicator.NetCashFlow(nil, &indicator.Flows{Contributions: contrib, Benefits: f.Benefits, Costs: f.Costs})
			require.NoError(t, err)
			res, err := indicator.RollForward(nil, f.ReserveStart[0], net, h)
			require.NoError(t, err)
			require.Len(t, res, 50)
			target := k * (f.Benefits[49] + f.Costs[49])
			assert.InDelta(t, target, res[49], relTol*f.SalaryBill[49], "%v k=%v", tm, k)

			// The actuarial balance of those contributions is 0.
			ab, err := indicator.ActuarialBalance(&indicator.Flows{SalaryBill: f.SalaryBill, Contributions: contrib, Benefits: f.Benefits, Costs: f.Costs, ReserveStart: reserveAt(f.ReserveStart[0], len(f.SalaryBill))}, h)
			require.NoError(t, err)
			const balanceTol = 1e-15 // rounding of rates of order 0.1
			assert.InDelta(t, 0, ab, balanceTol, "%v k=%v", tm, k)
		}
	}
}

// TestActuarialBalance checks the summarized rates against their closed
// forms for constant flows at a constant rate (PV = amount·ä_n·v^½) and the
// identity AB = c − GAP for contributions at a level rate c (Board of
// Trustees of the OASDI Trust Funds, Annual Report, glossary).
func TestActuarialBalance(t *testing.T) {
	const (
		n, i      = 75, 0.03
		S, B, r0  = 1e6, 1.3e5, 4e6
		c         = 0.11
		tol       = 1e-14 // rates of order 0.1, from sums of 75 terms
		identTol  = 1e-15 // one subtraction of rates of order 0.1
		relTolPV  = 1e-13 // present values against the closed form
		targetYrs = 1.0
	)
	curve, err := actuarial.NewCurve(i)
	require.NoError(t, err)
	h := indicator.Horizon{Curve: curve, TargetRatio: targetYrs}
	sal, ben, contrib := flatSeries(n, S), flatSeries(n, B), flatSeries(n, c*S)
	pvS := S * actuarial.AnnuityCertainDue(i, n) * actuarial.DiscountFactor(i, 0.5)

	in, err := indicator.SummarizedIncomeRate(&indicator.Flows{SalaryBill: sal, Contributions: contrib, ReserveStart: reserveAt(r0, len(sal))}, h)
	require.NoError(t, err)
	assert.InEpsilon(t, c+r0/pvS, in, relTolPV)

	cost, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: sal, Benefits: ben}, h)
	require.NoError(t, err)
	assert.InEpsilon(t, B/S+targetYrs*B*actuarial.DiscountFactor(i, n)/pvS, cost, relTolPV)

	ab, err := indicator.ActuarialBalance(&indicator.Flows{SalaryBill: sal, Contributions: contrib, Benefits: ben, ReserveStart: reserveAt(r0, len(sal))}, h)
	require.NoError(t, err)
	assert.InDelta(t, in-cost, ab, identTol)
	gap, err := indicator.GAP(&indicator.Flows{SalaryBill: sal, Benefits: ben, ReserveStart: reserveAt(r0, len(sal))}, h)
	require.NoError(t, err)
	assert.InDelta(t, c-gap, ab, tol)

	// Transfers count as income: a transfer of 1% of the salary bill adds 0.01.
	ab2, err := indicator.ActuarialBalance(&indicator.Flows{SalaryBill: sal, Contributions: contrib, Transfers: flatSeries(n, 0.01*S), Benefits: ben, ReserveStart: reserveAt(r0, len(sal))}, h)
	require.NoError(t, err)
	assert.InDelta(t, ab+0.01, ab2, tol)
}

// TestRollForwardIsTheProjection checks that rolling the projection's own
// net flows forward reproduces its reserve, computed as R + N + I with
// I = R·i + N·((1+i)^½ − 1) (PROJECTION.md).
func TestRollForwardIsTheProjection(t *testing.T) {
	const relTol = 1e-13 // 100 steps, the two formulas round differently
	c, err := actuarial.StepCurve(0.06, 30, 0.04)
	require.NoError(t, err)
	f := syntheticFlows(100, 2e9, c)
	net, err := indicator.NetCashFlow(nil, &indicator.Flows{Contributions: f.Contributions, Transfers: f.Transfers, Benefits: f.Benefits, Costs: f.Costs})
	require.NoError(t, err)
	got, err := indicator.RollForward(nil, f.ReserveStart[0], net, indicator.Horizon{Curve: c})
	require.NoError(t, err)
	for t0 := range got {
		assert.InDelta(t, f.ReserveEnd[t0], got[t0], relTol*math.Abs(f.ReserveStart[t0])+1e-3, "t=%d", t0)
	}
}

// TestDepletionYear checks a hand-built series: the reserve first goes
// below zero at the end of year index 3, calendar 2028.
func TestDepletionYear(t *testing.T) {
	for _, tc := range []struct {
		name string
		res  []float64
		year int
		ok   bool
	}{
		{"depleted", []float64{50, 20, 0, -10, 5, -3}, 2028, true},
		{"zero is not exhausted", []float64{50, 0, 0}, 0, false},
		{"first year", []float64{-1, 5}, 2025, true},
		{"never", []float64{1, 2, 3}, 0, false},
		{"empty", nil, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			year, err := indicator.DepletionYear(&indicator.Flows{StartYear: 2025, ReserveEnd: tc.res})
			require.NoError(t, err)
			assert.Equal(t, tc.ok, year != 0, "0 means never")
			assert.Equal(t, tc.year, year)
		})
	}
	_, err := indicator.DepletionYear(&indicator.Flows{StartYear: 2025, ReserveEnd: []float64{1, math.NaN()}})
	var se *indicator.SeriesError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "reserve at end", se.Series)
	assert.Equal(t, 1, se.T)
	assert.Equal(t, 2026, se.Year)
	assert.ErrorIs(t, err, actuarial.ErrNotFinite)
}

// TestDeficitTransfers checks the state's transfers against analytic
// answers.
func TestDeficitTransfers(t *testing.T) {
	const (
		n, i, D = 30, 0.05, 1e6
		relTol  = 1e-13 // sums of 30 discounted terms against the closed form
	)
	c, err := actuarial.NewCurve(i)
	require.NoError(t, err)
	h := indicator.Horizon{Curve: c}

	t.Run("constant deficit from year 0", func(t *testing.T) {
		// No reserve and N(t) = −D: the state pays D every year at
		// mid-year, PV = D·ä_n·v^½.
		tr, pv, err := indicator.DeficitTransfers(nil, netFlows(0, flatSeries(n, -D)), h)
		require.NoError(t, err)
		assert.InDeltaSlice(t, flatSeries(n, D), tr, relTol*D)
		assert.InEpsilon(t, D*actuarial.AnnuityCertainDue(i, n)*actuarial.DiscountFactor(i, 0.5), pv, relTol)
	})

	t.Run("reserve runs out", func(t *testing.T) {
		// A reserve of 3.5·D against a deficit of D a year at 5% lasts
		// three full years (the loop below finds the first negative end
		// reserve by hand). From then on the state pays all of the
		// deficit and the fund ends empty, R(n) = 0, so from
		// R(n)·v(n) = R(0) + PV(N) + PV(transfers) with N = −D:
		// PV(transfers) = D·ä_n·v^½ − R(0).
		r0 := 3.5 * D
		tr, pv, err := indicator.DeficitTransfers(nil, netFlows(r0, flatSeries(n, -D)), h)
		require.NoError(t, err)
		var r float64 = r0
		first := -1
		for t0 := range n {
			r = r*(1+i) - D*math.Sqrt(1+i)
			if r < 0 && first < 0 {
				first = t0
			}
		}
		require.Equal(t, 3, first)
		for t0 := range first {
			assert.Zero(t, tr[t0], "t=%d", t0)
		}
		assert.Greater(t, tr[first], 0.0)
		assert.Less(t, tr[first], D)
		for t0 := first + 1; t0 < n; t0++ {
			assert.InDelta(t, D, tr[t0], relTol*D, "t=%d", t0)
		}
		pvD := D * actuarial.AnnuityCertainDue(i, n) * actuarial.DiscountFactor(i, 0.5)
		assert.InEpsilon(t, pvD-r0, pv, relTol)
	})

	t.Run("floor", func(t *testing.T) {
		// A floor F with R(0) = F and N = −D: the floor earns F·i in the
		// year, so the state pays the rest of the deficit, valued at
		// mid-year: D − F·i/(1+i)^½.
		const F = 5e6
		hf := h
		hf.Floor = F
		tr, _, err := indicator.DeficitTransfers(nil, netFlows(F, flatSeries(n, -D)), hf)
		require.NoError(t, err)
		assert.InDeltaSlice(t, flatSeries(n, D-F*i/math.Sqrt(1+i)), tr, relTol*D)
	})

	t.Run("surplus", func(t *testing.T) {
		tr, pv, err := indicator.DeficitTransfers(make([]float64, n), netFlows(0, flatSeries(n, D)), h)
		require.NoError(t, err)
		assert.Equal(t, flatSeries(n, 0), tr)
		assert.Zero(t, pv)
	})
}

// TestRatios checks the by-year ratios on hand-built series.
func TestRatios(t *testing.T) {
	const tol = 1e-15 // one division
	act := []float64{1000, 900, 800}
	pen := []float64{100, 300, 400}
	sr, err := indicator.SupportRatio(nil, &indicator.Flows{Actives: act, Pensioners: pen})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{10, 3, 2}, sr, tol)
	dr, err := indicator.DependencyRatio(nil, &indicator.Flows{Pensioners: pen, Actives: act})
	require.NoError(t, err)
	for t0 := range sr {
		assert.InDelta(t, 1, sr[t0]*dr[t0], tol, "inverse at t=%d", t0)
	}

	rr, err := indicator.ReserveRatio(nil, &indicator.Flows{ReserveEnd: []float64{500, 330, -20}, Benefits: []float64{90, 100, 10}, Costs: []float64{10, 10, 0}})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{5, 3, -2}, rr, tol)

	rep, err := indicator.ReplacementRate(nil, &indicator.Flows{NewPensions: []float64{60, 0.5}, RetiringSalaries: []float64{100, 1}})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.6, 0.5}, rep, tol)

	fr, err := indicator.FundingRatio(3, 4)
	require.NoError(t, err)
	assert.Equal(t, 0.75, fr)
	_, err = indicator.FundingRatio(3, 0)
	assert.ErrorIs(t, err, indicator.ErrZeroDivisor)
	_, err = indicator.FundingRatio(3, -1)
	assert.ErrorIs(t, err, actuarial.ErrNegative)
	_, err = indicator.FundingRatio(math.Inf(1), 1)
	assert.ErrorIs(t, err, actuarial.ErrNotFinite)

	net, err := indicator.NetCashFlow(nil, &indicator.Flows{Contributions: []float64{10, 20}, Transfers: []float64{1, 2}, Benefits: []float64{5, 30}, Costs: []float64{1, 1}})
	require.NoError(t, err)
	assert.Equal(t, []float64{5, -9}, net)
	net, err = indicator.NetCashFlow(nil, &indicator.Flows{Benefits: []float64{5, 30}})
	require.NoError(t, err)
	assert.Equal(t, []float64{-5, -30}, net)
}

// TestIndicatorErrors checks that bad input returns errors naming the
// series, the year and the value, wrapping the right sentinel.
func TestIndicatorErrors(t *testing.T) {
	nan := math.NaN()
	ok := []float64{1, 2, 3}
	zero, err := actuarial.NewCurve(0)
	require.NoError(t, err)
	h := indicator.Horizon{Curve: zero}
	for _, tc := range []struct {
		name   string
		call   func() error
		target error
		series string
		t      int
		msg    string
	}{
		{"NaN benefit", func() error {
			_, err := indicator.PAYGCostRate(nil, &indicator.Flows{SalaryBill: ok, Benefits: []float64{1, nan, 3}})
			return err
		},
			actuarial.ErrNotFinite, "benefits", 1, "benefits of year t = 1 is NaN"},
		{"infinite cost", func() error {
			_, err := indicator.PAYGCostRate(nil, &indicator.Flows{SalaryBill: ok, Benefits: ok, Costs: []float64{0, 0, math.Inf(1)}})
			return err
		},
			actuarial.ErrNotFinite, "costs", 2, "costs of year t = 2 is +Inf"},
		{"zero salary bill", func() error {
			_, err := indicator.PAYGCostRate(nil, &indicator.Flows{SalaryBill: []float64{1, 0, 3}, Benefits: ok})
			return err
		},
			indicator.ErrZeroDivisor, "salary bill", 1, "salary bill of year t = 1 is 0: division by zero"},
		{"negative salary bill", func() error {
			_, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: []float64{1, -2, 3}, Benefits: ok}, h)
			return err
		},
			actuarial.ErrNegative, "salary bill", 1, "is -2"},
		{"length mismatch", func() error {
			_, err := indicator.PAYGCostRate(nil, &indicator.Flows{SalaryBill: ok, Benefits: ok[:2]})
			return err
		},
			indicator.ErrLength, "", 0, "benefits has 2 years, want 3 (as salary bill)"},
		{"missing benefits", func() error { _, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: ok}, h); return err },
			indicator.ErrLength, "", 0, "benefits has 0 years, want 3"},
		{"zero expenditure", func() error {
			_, err := indicator.ReserveRatio(nil, &indicator.Flows{ReserveEnd: ok, Benefits: []float64{1, 0, 1}, Costs: []float64{0, 0, 0}})
			return err
		},
			indicator.ErrZeroDivisor, "expenditure (benefits + costs)", 1, "expenditure (benefits + costs) of year t = 1 is 0"},
		{"no pensioners", func() error {
			_, err := indicator.SupportRatio(nil, &indicator.Flows{Actives: ok, Pensioners: []float64{0, 1, 1}})
			return err
		},
			indicator.ErrZeroDivisor, "pensioners", 0, "pensioners of year t = 0 is 0"},
		{"negative actives", func() error {
			_, err := indicator.SupportRatio(nil, &indicator.Flows{Actives: []float64{1, 1, -1}, Pensioners: ok})
			return err
		},
			actuarial.ErrNegative, "actives", 2, "actives of year t = 2 is -1"},
		{"no retirements", func() error {
			_, err := indicator.ReplacementRate(nil, &indicator.Flows{NewPensions: []float64{0}, RetiringSalaries: []float64{0}})
			return err
		},
			indicator.ErrZeroDivisor, "retiring salaries", 0, "retiring salaries of year t = 0 is 0"},
		{"zero PV of salaries", func() error {
			_, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: []float64{0, 0}, Benefits: []float64{1, 1}}, h)
			return err
		},
			indicator.ErrZeroDivisor, "salary bill", -1, "present value over the horizon"},
		{"NaN reserve", func() error {
			_, err := indicator.GAP(&indicator.Flows{SalaryBill: ok, Benefits: ok, ReserveStart: reserveAt(nan, len(ok))}, h)
			return err
		},
			actuarial.ErrNotFinite, "reserve at start", 0, "reserve at start of year t = 0 is NaN"},
		{"NaN net flow", func() error {
			_, _, err := indicator.DeficitTransfers(nil, netFlows(0, []float64{1, nan}), h)
			return err
		}, actuarial.ErrNotFinite, "contributions", 1, "contributions of year t = 1 is NaN"},
		{"horizon too long", func() error {
			_, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: ok, Benefits: ok}, indicator.Horizon{Years: 4, Curve: zero})
			return err
		},
			indicator.ErrHorizon, "", 0, "Years 4 is beyond the 3 years"},
		{"negative horizon", func() error {
			_, err := indicator.RollForward(nil, 0, ok, indicator.Horizon{Years: -1, Curve: zero})
			return err
		},
			indicator.ErrHorizon, "", 0, "Years -1 is negative"},
		{"bad target", func() error {
			_, err := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: ok, Benefits: ok}, indicator.Horizon{TargetRatio: -1, Curve: zero})
			return err
		},
			indicator.ErrHorizon, "", 0, "TargetRatio -1"},
		{"NaN floor", func() error {
			_, _, err := indicator.DeficitTransfers(nil, netFlows(0, ok), indicator.Horizon{Floor: nan, Curve: zero})
			return err
		}, indicator.ErrHorizon, "", 0, "Floor NaN"},
		{"empty", func() error { _, err := indicator.SummarizedCostRate(&indicator.Flows{}, h); return err },
			indicator.ErrHorizon, "", 0, "0 years"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.target)
			assert.Contains(t, err.Error(), tc.msg)
			assert.True(t, strings.HasPrefix(err.Error(), "actuarial: "), err.Error())
			var se *indicator.SeriesError
			if tc.series == "" {
				assert.False(t, errors.As(err, &se), "want a plain error, got %#v", se)
				return
			}
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.series, se.Series)
			assert.Equal(t, tc.t, se.T)
		})
	}
}

// TestSummarize checks that the Summary holds what the individual
// indicators give, dated errors, and that a reused Summary allocates
// nothing.
func TestSummarize(t *testing.T) {
	const tol = 0 // the same computations in the same order
	c, err := actuarial.StepCurve(0.05, 10, 0.04)
	require.NoError(t, err)
	f := syntheticFlows(100, 4e9, c)
	h := indicator.Horizon{Years: 80, Curve: c, TargetRatio: 1}
	s, err := indicator.Summarize(nil, f, h)
	require.NoError(t, err)
	assert.Equal(t, 2025, s.StartYear)
	assert.Equal(t, 80, s.Years)

	n := 80
	payg, _ := indicator.PAYGCostRate(nil, &indicator.Flows{SalaryBill: f.SalaryBill[:n], Benefits: f.Benefits[:n], Costs: f.Costs[:n]})
	assert.Equal(t, payg, s.PAYGCostRate)
	rr, _ := indicator.ReserveRatio(nil, &indicator.Flows{ReserveEnd: f.ReserveEnd[:n], Benefits: f.Benefits[:n], Costs: f.Costs[:n]})
	assert.Equal(t, rr, s.ReserveRatio)
	rs, _ := indicator.ReserveRatio(nil, &indicator.Flows{ReserveEnd: f.ReserveStart[:n], Benefits: f.Benefits[:n], Costs: f.Costs[:n]})
	assert.Equal(t, rs, s.StartReserveRatio)
	sr, _ := indicator.SupportRatio(nil, &indicator.Flows{Actives: f.Actives[:n], Pensioners: f.Pensioners[:n]})
	assert.Equal(t, sr, s.SupportRatio)
	dr, _ := indicator.DependencyRatio(nil, &indicator.Flows{Pensioners: f.Pensioners[:n], Actives: f.Actives[:n]})
	assert.Equal(t, dr, s.DependencyRatio)
	rep, _ := indicator.ReplacementRate(nil, &indicator.Flows{NewPensions: f.NewPensions[:n], RetiringSalaries: f.RetiringSalaries[:n]})
	assert.Equal(t, rep, s.ReplacementRate)
	net, _ := indicator.NetCashFlow(nil, &indicator.Flows{Contributions: f.Contributions[:n], Transfers: f.Transfers[:n], Benefits: f.Benefits[:n], Costs: f.Costs[:n]})
	assert.Equal(t, net, s.NetCashFlow)
	tr, pv, _ := indicator.DeficitTransfers(nil, netFlows(f.ReserveStart[0], net), h)
	assert.Equal(t, tr, s.DeficitTransfers)
	assert.InDelta(t, pv, s.DeficitPV, tol)

	gap, _ := indicator.GAP(&indicator.Flows{SalaryBill: f.SalaryBill, Benefits: f.Benefits, Costs: f.Costs, ReserveStart: reserveAt(f.ReserveStart[0], len(f.SalaryBill))}, h)
	assert.InDelta(t, gap, s.GAP, tol)
	gap0, _ := indicator.SummarizedCostRate(&indicator.Flows{SalaryBill: f.SalaryBill, Benefits: f.Benefits, Costs: f.Costs}, h)
	assert.InDelta(t, gap0, s.GAPWithoutReserve, tol)
	assert.InDelta(t, gap0, s.CostRate, tol)
	in, _ := indicator.SummarizedIncomeRate(&indicator.Flows{SalaryBill: f.SalaryBill, Contributions: f.Contributions, Transfers: f.Transfers, ReserveStart: reserveAt(f.ReserveStart[0], len(f.SalaryBill))}, h)
	assert.InDelta(t, in, s.IncomeRate, tol)
	ab, _ := indicator.ActuarialBalance(&indicator.Flows{SalaryBill: f.SalaryBill, Contributions: f.Contributions, Transfers: f.Transfers, Benefits: f.Benefits, Costs: f.Costs, ReserveStart: reserveAt(f.ReserveStart[0], len(f.SalaryBill))}, h)
	assert.InDelta(t, ab, s.ActuarialBalance, tol)
	assert.Equal(t, 4e9/5e9, s.FundingRatio)
	year, _ := indicator.DepletionYear(&indicator.Flows{StartYear: 2025, ReserveEnd: f.ReserveEnd[:n]})
	assert.Equal(t, year, s.DepletionYear)

	// The synthetic scheme runs out: benefits grow faster than the salary
	// bill, and the deficit transfers begin the year the reserve would go
	// negative.
	require.True(t, (s.DepletionYear != 0))
	first := s.DepletionYear - 2025
	for t0 := range first {
		assert.Zero(t, s.DeficitTransfers[t0], "t=%d", t0)
	}
	assert.Positive(t, s.DeficitTransfers[first])
	assert.Negative(t, s.ActuarialBalance)

	// Reuse: no allocation.
	allocs := testing.AllocsPerRun(10, func() {
		if _, err := indicator.Summarize(s, f, h); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs)

	// Optional series absent: their indicators are empty.
	g := *f
	g.Actives, g.NewPensions, g.AccruedLiability = nil, nil, 0
	s2, err := indicator.Summarize(s, &g, h)
	require.NoError(t, err)
	assert.Empty(t, s2.SupportRatio)
	assert.Empty(t, s2.DependencyRatio)
	assert.Empty(t, s2.ReplacementRate)
	assert.Zero(t, s2.FundingRatio)
	assert.Len(t, s2.PAYGCostRate, 80)
}

// TestSummarizeErrors checks that Summarize names the series and the
// calendar year of bad data.
func TestSummarizeErrors(t *testing.T) {
	c, err := actuarial.NewCurve(0.04)
	require.NoError(t, err)
	h := indicator.Horizon{Curve: c}

	f := syntheticFlows(10, 1e9, c)
	f.Benefits[4] = math.NaN()
	_, err = indicator.Summarize(nil, f, h)
	var se *indicator.SeriesError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "benefits", se.Series)
	assert.Equal(t, 4, se.T)
	assert.Equal(t, 2029, se.Year)
	assert.True(t, math.IsNaN(se.Value))
	assert.ErrorIs(t, err, actuarial.ErrNotFinite)
	assert.Contains(t, err.Error(), "benefits of year t = 4 (2029) is NaN")

	f = syntheticFlows(10, 1e9, c)
	f.Benefits[6], f.Costs[6] = 0, 0
	_, err = indicator.Summarize(nil, f, h)
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "expenditure (benefits + costs)", se.Series)
	assert.Equal(t, 2031, se.Year)
	assert.ErrorIs(t, err, indicator.ErrZeroDivisor)

	// A year without pensioners leaves the support ratio undefined, not
	// the summary failed.
	f = syntheticFlows(10, 1e9, c)
	f.Pensioners[6] = 0
	s, err := indicator.Summarize(nil, f, h)
	require.NoError(t, err)
	assert.True(t, s.Undefined.SupportRatio)
	assert.Empty(t, s.SupportRatio)
	assert.False(t, s.Undefined.DependencyRatio)
	assert.Len(t, s.DependencyRatio, 10)

	f = syntheticFlows(10, 1e9, c)
	f.Costs = f.Costs[:9]
	_, err = indicator.Summarize(nil, f, h)
	assert.ErrorIs(t, err, indicator.ErrLength)
	assert.Contains(t, err.Error(), "costs has 9 years, want 10 (as salary bill)")

	f = syntheticFlows(10, 1e9, c)
	f.ReserveEnd = nil
	_, err = indicator.Summarize(nil, f, h)
	assert.ErrorIs(t, err, indicator.ErrLength)
	assert.Contains(t, err.Error(), "reserve at end has 0 years")

	f = syntheticFlows(10, 1e9, c)
	f.AccruedLiability = -1
	_, err = indicator.Summarize(nil, f, h)
	assert.ErrorIs(t, err, actuarial.ErrNegative)

	_, err = indicator.Summarize(nil, &indicator.Flows{}, h)
	assert.ErrorIs(t, err, indicator.ErrHorizon)
}

// TestSummarizeYearWithoutAwards: Summarize gives 0 to a year whose new
// pensions and retiring salaries are both 0 (nothing awarded), and an error
// naming the year to new pensions without salaries.
func TestSummarizeYearWithoutAwards(t *testing.T) {
	const tol = 0 // the same divisions
	c, err := actuarial.NewCurve(0.04)
	require.NoError(t, err)
	h := indicator.Horizon{Curve: c}
	f := syntheticFlows(10, 1e9, c)
	f.NewPensions[3], f.RetiringSalaries[3] = 0, 0
	s, err := indicator.Summarize(nil, f, h)
	require.NoError(t, err)
	require.Len(t, s.ReplacementRate, 10)
	assert.Zero(t, s.ReplacementRate[3])
	for i := range 10 {
		if i != 3 {
			assert.InDelta(t, f.NewPensions[i]/f.RetiringSalaries[i], s.ReplacementRate[i], tol, "t=%d", i)
		}
	}
	_, err = indicator.ReplacementRate(nil, &indicator.Flows{NewPensions: f.NewPensions, RetiringSalaries: f.RetiringSalaries})
	assert.ErrorIs(t, err, indicator.ErrZeroDivisor, "ReplacementRate alone keeps its error")

	f.NewPensions[3] = 5
	_, err = indicator.Summarize(nil, f, h)
	var se *indicator.SeriesError
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, indicator.ErrZeroDivisor)
	assert.Equal(t, "retiring salaries", se.Series)
	assert.Equal(t, 3, se.T)
	assert.Equal(t, 2028, se.Year)
}

// reserveAt is a reserve-at-start series of n years whose first value is
// r0: the initial reserve R(0) of the horizon indicators.
func reserveAt(r0 float64, n int) []float64 {
	s := make([]float64, n)
	if n > 0 {
		s[0] = r0
	}
	return s
}

// netFlows are flows whose net cash flow is net (as contributions, with no
// benefits) and whose initial reserve is r0.
func netFlows(r0 float64, net []float64) *indicator.Flows {
	return &indicator.Flows{Contributions: net, Benefits: make([]float64, len(net)), ReserveStart: reserveAt(r0, len(net))}
}
