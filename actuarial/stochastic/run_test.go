package stochastic_test

import (
	"context"
	"errors"
	"math"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
)

// reserveOnly is a scheme with no members: a reserve r0 earning the
// returns, with transfers of transfer a year (negative: a fixed outflow).
func reserveOnly(t testing.TB, r0, transfer float64) *scheme.Scheme {
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Groups[0].Actives, s.Groups[0].Pensioners = nil, nil
	s.Assumptions.Entrants = scheme.Entrants{}
	s.InitialReserve = r0
	s.Transfers = actuarial.Constant(transfer)
	s.AdminCosts = scheme.AdminCosts{}
	return s
}

// economy is the joint model of the reference scheme's economy: the means
// of its deterministic rates, with volatilities.
func economy(seed uint64, vol float64) stochastic.Joint {
	return stochastic.Joint{
		Mean:   [3]float64{math.Log1p(0.045), math.Log1p(0.04), math.Log1p(0.03)},
		StdDev: [3]float64{vol * 0.10, vol * 0.02, vol * 0.015},
		Corr:   [3][3]float64{{1, 0.2, 0.1}, {0.2, 1, 0.6}, {0.1, 0.6, 1}},
		Seed:   seed,
	}
}

// With zero volatility every scenario is the deterministic projection: the
// by-year measures and the horizon indicators agree with projection.Run and
// Result.Summarize to tolZeroVol (relative), rounding only (the rates go
// through exp(log(1 + r)) − 1).
func TestZeroVolatility(t *testing.T) {
	const tolZeroVol, years = 1e-12, 40
	s := actuarialtest.ReferenceScheme(t, 65)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{})
	require.NoError(t, err)

	out, err := stochastic.Run(context.Background(), s, economy(1, 0), stochastic.Config{Years: years, Scenarios: 3, Workers: 2})
	require.NoError(t, err)
	rel := func(want, got float64, what string) {
		t.Helper()
		assert.InDelta(t, 0, (got-want)/math.Max(math.Abs(want), 1), tolZeroVol, "%s: %v vs %v", what, got, want)
	}
	for k := range out.Len() {
		for tt := range years {
			i := k*years + tt
			rel(res.Years[tt].ReserveEnd, out.Reserve[i], "reserve")
			rel(sum.ReserveRatio[tt], out.ReserveRatio[i], "reserve ratio")
			rel(sum.PAYGCostRate[tt], out.CostRate[i], "cost rate")
			rel(sum.DeficitTransfers[tt], out.DeficitTransfers[i], "deficit transfers")
		}
		rel(sum.GAP, out.GAP[k], "GAP")
		rel(sum.DeficitPV, out.DeficitPV[k], "deficit PV")
		want := 0
		if sum.DepletionYear != 0 {
			want = sum.DepletionYear
		}
		assert.Equal(t, want, out.Depletion[k])
	}
	bands, err := out.Percentiles(stochastic.Reserve, nil)
	require.NoError(t, err)
	for _, b := range bands {
		rel(res.Years[years-1].ReserveEnd, b.Value[years-1], "percentile")
		assert.Zero(t, b.StdErr[years-1], "no spread, no error")
	}
}

// A scheme with no members whose reserve only earns lognormal returns has
// R(T) = R(0)·exp(Σ x_t), Σ x_t ~ N(T·µ, T·σ²): R(T) is lognormal with mean
// R(0)·exp(T·µ + T·σ²/2) and p-quantile R(0)·exp(T·µ + √T·σ·Φ⁻¹(p))
// (Hull, Options, Futures and Other Derivatives, 10th ed., 2018, §15.1).
// The simulated mean is within z999 standard errors of the closed form, and
// each closed-form quantile within the 99.9% order-statistic interval.
func TestLognormalReserve(t *testing.T) {
	const r0, mu, sigma, years, n = 1e6, 0.04, 0.12, 20, 4000
	s := reserveOnly(t, r0, 0)
	out, err := stochastic.Run(context.Background(), s, stochastic.Lognormal{Mu: mu, Sigma: sigma, Seed: 42},
		stochastic.Config{Years: years, Scenarios: n})
	require.NoError(t, err)
	final := make([]float64, n)
	for k := range n {
		final[k] = out.Reserve[k*years+years-1]
	}
	m, sd := stat.MeanStdDev(final, nil)
	T := float64(years)
	assert.InDelta(t, r0*math.Exp(T*mu+T*sigma*sigma/2), m, z999*sd/math.Sqrt(n), "mean")
	slices.Sort(final)
	bands, err := out.Percentiles(stochastic.Reserve, []float64{0.05, 0.5, 0.95})
	require.NoError(t, err)
	for _, b := range bands {
		want := r0 * math.Exp(T*mu+math.Sqrt(T)*sigma*distuv.UnitNormal.Quantile(b.P))
		lo, hi := stochastic.QuantileInterval(final, b.P, z999)
		assert.True(t, lo <= want && want <= hi, "p %v: %v not in [%v, %v]", b.P, want, lo, hi)
		assert.Equal(t, stat.Quantile(b.P, stat.Empirical, final, nil), b.Value[years-1])
	}
	// The reserve ratio and the cost rate are undefined without flows.
	_, err = out.Percentiles(stochastic.CostRate, nil)
	var ue *stochastic.UndefinedError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, 0, ue.Scenario)
	assert.Equal(t, 2025, ue.Year)
	_, _, err = out.Distribution(stochastic.GAP, nil)
	assert.ErrorIs(t, err, stochastic.ErrUndefined)
}

// The standard error of a probability is binomial, √(p(1−p)/N): from N to
// 4N scenarios it halves. The ratio of the errors is 2·√(p̂₁(1−p̂₁)/(p̂₂(1−p̂₂)))
// and p̂₁ and p̂₂ agree within a few errors, so it is 2 within tolRatio.
func TestStdErrFallsAsRootN(t *testing.T) {
	const years, n, tolRatio = 25, 1000, 0.15
	s := reserveOnly(t, 1e6, -70000)
	g := stochastic.Lognormal{Mu: 0.03, Sigma: 0.15, Seed: 9}
	run := func(n int) *stochastic.Outcomes {
		out, err := stochastic.Run(context.Background(), s, g, stochastic.Config{Years: years, Scenarios: n})
		require.NoError(t, err)
		return out
	}
	small, large := run(n), run(4*n)
	ps, pl := small.ExhaustionBy(2025+years-1), large.ExhaustionBy(2025+years-1)
	require.True(t, pl.Value > 0.2 && pl.Value < 0.8, "a probability away from 0 and 1: %v", pl.Value)
	assert.InDelta(t, 2, ps.StdErr/pl.StdErr, tolRatio)
	assert.InDelta(t, ps.Value, pl.Value, z999*ps.StdErr)
	assert.Equal(t, pl, large.Exhaustion(nil)[years-1], "Exhaustion and ExhaustionBy agree")

}

// The outcomes do not depend on the number of workers, and shards run
// alone merge into the full run exactly.
func TestShardsAndWorkers(t *testing.T) {
	const years, n = 30, 7
	s := actuarialtest.ReferenceScheme(t, 65)
	g := economy(5, 1)
	run := func(first, m, workers int) *stochastic.Outcomes {
		out, err := stochastic.Run(context.Background(), s, g, stochastic.Config{Years: years, First: first, Scenarios: m, Workers: workers})
		require.NoError(t, err)
		return out
	}
	full := run(0, n, 1)
	assert.Equal(t, full, run(0, n, 2), "2 workers")
	a, b, c := run(0, 2, 2), run(2, 4, 2), run(6, 1, 1)
	assert.Equal(t, full.Reserve[2*years:6*years], b.Reserve, "a shard alone")
	merged, err := stochastic.Merge(a, b, c)
	require.NoError(t, err)
	assert.Equal(t, full, merged)
	_, err = stochastic.Merge(a, c)
	assert.ErrorIs(t, err, stochastic.ErrShard, "a gap")
	// The spread is real: scenarios differ.
	assert.NotEqual(t, full.Reserve[years-1], full.Reserve[2*years-1])
}

// Common random numbers: two schemes run with the same generator see the
// same paths, so two reserve-only schemes, one with twice the other's
// reserve, end every scenario with reserves in the ratio 2, to rounding.
func TestCommonRandomNumbers(t *testing.T) {
	const tolCRN, years, n = 1e-13, 10, 50
	g := stochastic.Lognormal{Mu: 0.03, Sigma: 0.2, Seed: 3}
	c := stochastic.Config{Years: years, Scenarios: n}
	one, err := stochastic.Run(context.Background(), reserveOnly(t, 1e6, 0), g, c)
	require.NoError(t, err)
	c.Workers = 1
	two, err := stochastic.Run(context.Background(), reserveOnly(t, 2e6, 0), g, c)
	require.NoError(t, err)
	for i := range one.Reserve {
		assert.InDelta(t, 2, two.Reserve[i]/one.Reserve[i], tolCRN)
	}
}

// cancelAt cancels the run when scenario at is drawn and counts the draws.
type cancelAt struct {
	stochastic.Lognormal
	at     int
	cancel context.CancelFunc
	drawn  *atomic.Int64
}

func (g cancelAt) Path(p *stochastic.Path, i int) error {
	g.drawn.Add(1)
	if i == g.at {
		g.cancel()
	}
	return g.Lognormal.Path(p, i)
}

// A cancelled run stops within one projected scenario per worker and
// returns ctx.Err().
func TestCancel(t *testing.T) {
	const workers = 2
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g := cancelAt{Lognormal: stochastic.Lognormal{Mu: 0.04, Sigma: 0.1}, at: 3, cancel: cancel, drawn: new(atomic.Int64)}
	out, err := stochastic.Run(ctx, actuarialtest.ReferenceScheme(t, 65), g, stochastic.Config{Years: 20, Scenarios: 1000, Workers: workers})
	assert.Nil(t, out)
	assert.ErrorIs(t, err, context.Canceled)
	assert.LessOrEqual(t, g.drawn.Load(), int64(4+workers), "scenarios drawn after the cancellation")

	_, err = stochastic.Run(ctx, actuarialtest.ReferenceScheme(t, 65), g, stochastic.Config{Years: 20, Scenarios: 10})
	assert.ErrorIs(t, err, context.Canceled, "cancelled before the start")
}

func TestRunErrors(t *testing.T) {
	s := reserveOnly(t, 1e6, 0)
	g := stochastic.Lognormal{Mu: 0.04, Sigma: 0.1}
	for _, c := range []struct {
		field string
		cfg   stochastic.Config
	}{
		{"Config.Years", stochastic.Config{Scenarios: 1}},
		{"Config.Scenarios", stochastic.Config{Years: 1}},
		{"Config.First", stochastic.Config{Years: 1, Scenarios: 1, First: -1}},
		{"Config.Horizon.Years", stochastic.Config{Years: 5, Scenarios: 1, Horizon: indicator.Horizon{Years: 6}}},
	} {
		_, err := stochastic.Run(context.Background(), s, g, c.cfg)
		var pe *stochastic.ParamError
		if assert.ErrorAs(t, err, &pe, c.field) {
			assert.Equal(t, c.field, pe.Field)
		}
	}
	// A path with a rate of −100% names the scenario and the year.
	set := &stochastic.PathSet{StartYear: 2025, Paths: []stochastic.Path{
		{Return: []float64{0.1, 0.1}, WageGrowth: []float64{0, 0}, Inflation: []float64{0, 0}},
		{Return: []float64{0.1, -1}, WageGrowth: []float64{0, 0}, Inflation: []float64{0, 0}},
	}}
	_, err := stochastic.Run(context.Background(), s, set, stochastic.Config{Years: 2, Scenarios: 2})
	assert.ErrorIs(t, err, stochastic.ErrParameter)
	assert.ErrorContains(t, err, "scenario 1: return of year 2026")
	_, err = stochastic.Run(context.Background(), s, set, stochastic.Config{Years: 2, Scenarios: 3})
	assert.True(t, errors.Is(err, stochastic.ErrScenario) || errors.Is(err, stochastic.ErrParameter), "%v", err)
}

// TestNilMortalityModel checks that a nil model pointer in Config.Mortality
// means no mortality scenarios, as a nil *LeeCarterMortality did when the
// field had that type, instead of a panic in its Validate.
func TestNilMortalityModel(t *testing.T) {
	const years, n = 20, 3
	s := actuarialtest.ReferenceScheme(t, 65)
	g := economy(5, 1)
	want, err := stochastic.Run(context.Background(), s, g, stochastic.Config{Years: years, Scenarios: n})
	require.NoError(t, err)
	for _, m := range []stochastic.MortalityModel{(*stochastic.LeeCarterMortality)(nil), (*stochastic.ImprovementShock)(nil)} {
		got, err := stochastic.Run(context.Background(), s, g, stochastic.Config{Years: years, Scenarios: n, Mortality: m})
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
}

// TestOutcomeSeriesApart: the by-year series of the regimes' outcomes
// share one block of memory (RunRegimes), but each ends where it ends, so
// that appending to one leaves the others alone; and each regime's equal
// Run's, bit for bit.
func TestOutcomeSeriesApart(t *testing.T) {
	const years, n = 5, 7
	s := actuarialtest.ReferenceScheme(t, 65)
	regimes := []*scheme.Scheme{s, raiseEmployer(s, 0.12)}
	g := stochastic.Lognormal{Mu: 0.04, Sigma: 0.1, Seed: 5}
	c := stochastic.Config{Years: years, Scenarios: n, Workers: 2}
	outs, err := stochastic.RunRegimes(context.Background(), regimes, g, c)
	require.NoError(t, err)
	for r, o := range outs {
		alone, err := stochastic.Run(context.Background(), regimes[r], g, c)
		require.NoError(t, err)
		for name, ss := range map[string][2][]float64{
			"Reserve": {o.Reserve, alone.Reserve}, "ReserveRatio": {o.ReserveRatio, alone.ReserveRatio},
			"CostRate": {o.CostRate, alone.CostRate}, "DeficitTransfers": {o.DeficitTransfers, alone.DeficitTransfers},
		} {
			require.Len(t, ss[0], years*n, "regime %d, %s", r, name)
			require.Equal(t, len(ss[0]), cap(ss[0]), "regime %d, %s: room past its end", r, name)
			require.Equal(t, ss[1], ss[0], "regime %d, %s", r, name)
		}
	}
	before := slices.Clone(outs[0].ReserveRatio)
	_ = append(outs[0].Reserve, 42)
	require.Equal(t, before, outs[0].ReserveRatio, "appending to Reserve changed ReserveRatio")
}
