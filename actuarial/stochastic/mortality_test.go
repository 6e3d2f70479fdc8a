package stochastic_test

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/mortality"
)

// leeCarter is a Lee-Carter model over ages 0..110 and the years 2018 to
// 2017+len(k): a_x Gompertz-like, log m = log(2·10⁻⁴) + 0.085·(x − 30),
// b_x rising to age 60 then falling, normalised to Σ b_x = 1.
func leeCarter(k []float64) *mortality.LeeCarter {
	const nAges = 111
	lc := &mortality.LeeCarter{}
	var sb float64
	for x := range nAges {
		lc.Ages = append(lc.Ages, x)
		lc.A = append(lc.A, math.Log(2e-4)+0.085*float64(x-30))
		b := 1 + 0.5*math.Exp(-math.Pow(float64(x-60)/30, 2))
		lc.B = append(lc.B, b)
		sb += b
	}
	for x := range lc.B {
		lc.B[x] /= sb
	}
	for j := range k {
		lc.Years = append(lc.Years, 2018+j)
	}
	lc.K = append([]float64(nil), k...)
	return lc
}

// linearK is a period index falling by exactly 2 a year, so that Drift is
// −2 and Sigma 0 in floating point: a zero-volatility Lee-Carter model.
var linearK = []float64{6, 4, 2, 0, -2, -4, -6}

// noisyK is a period index with Σ k = 0 and yearly changes that vary:
// Drift (−5 − 6)/6 and Sigma > 0.
var noisyK = []float64{6, 3.5, 2.2, -0.5, -2.7, -3.5, -5}

func withMortality(s *scheme.Scheme, tables [actuarial.NumSexes]scheme.YearTable) *scheme.Scheme {
	c := *s
	c.Assumptions.Mortality = [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{scheme.StatusActive: tables}
	return &c
}

func project(t *testing.T, s *scheme.Scheme, years int) *projection.Result {
	t.Helper()
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	return res
}

// With σ = 0 a Lee-Carter scenario is the central forecast: replacing the
// scheme's mortality, every scenario's reserve equals the deterministic
// projection of the scheme whose tables are LeeCarter.Generational (the
// central forecast, ForecastK), and scaling the scheme's own tables by the
// scenario's rates over the central ones leaves the scheme's projection,
// both to tolZeroVol (relative): the walk adds the drift year by year where
// ForecastK multiplies it, a rounding difference.
func TestLeeCarterZeroVolatility(t *testing.T) {
	const tolZeroVol, years, n = 1e-12, 40, 3
	lc := leeCarter(linearK)
	require.Zero(t, lc.Sigma(), "the model has no volatility")
	s := actuarialtest.ReferenceScheme(t, 65)
	h := s.StartYear + years - 1 - lc.Years[len(lc.Years)-1]
	central := lc.Generational(h)

	for _, replace := range []bool{true, false} {
		want := project(t, s, years)
		if replace {
			want = project(t, withMortality(s, [actuarial.NumSexes]scheme.YearTable{central, central}), years)
		}
		m := &stochastic.LeeCarterMortality{Models: [actuarial.NumSexes]*mortality.LeeCarter{lc, lc}, Corr: 0.9, Replace: replace, Seed: 3}
		out, err := stochastic.Run(context.Background(), s, economy(1, 0), stochastic.Config{Years: years, Scenarios: n, Workers: 2, Mortality: m})
		require.NoError(t, err)
		for k := range n {
			for tt := range years {
				w, got := want.Years[tt].ReserveEnd, out.Reserve[k*years+tt]
				assert.InDelta(t, 0, (got-w)/math.Max(math.Abs(w), 1), tolZeroVol, "replace %v, scenario %d, year %d: %v vs %v", replace, k, tt, got, w)
			}
		}
	}
}

// A scenario's mortality is its Lee-Carter path turned into generational
// tables: scenario i of a run equals, to tolTables (relative), the
// deterministic projection of the scheme whose tables are
// GenerationalPath(K(i)) (Replace), or the scheme's own tables scaled by
// GenerationalPath(K(i)) over Generational (the central forecast), capped
// at 1, as LeeCarterMortality documents.
func TestLeeCarterScenarioTables(t *testing.T) {
	const tolTables, years, n = 1e-12, 30, 4
	men, women := leeCarter(noisyK), leeCarter(noisyK[:6])
	for x := range women.A {
		women.A[x] -= 0.4 // lower mortality for women
	}
	s := actuarialtest.ReferenceScheme(t, 65)
	for _, replace := range []bool{true, false} {
		m := &stochastic.LeeCarterMortality{Models: [actuarial.NumSexes]*mortality.LeeCarter{men, women}, Corr: 0.8, Replace: replace, Seed: 11}
		econ := economy(5, 1)
		out, err := stochastic.Run(context.Background(), s, econ, stochastic.Config{Years: years, Scenarios: n, Workers: 2, Mortality: m})
		require.NoError(t, err)
		for _, i := range []int{0, 3} {
			var tables [actuarial.NumSexes]scheme.YearTable
			for sx, lc := range m.Models {
				h := s.StartYear + years - 1 - lc.Years[len(lc.Years)-1]
				k, err := m.K(make([]float64, h), actuarial.SexAt(sx), i)
				require.NoError(t, err)
				sim := lc.GenerationalPath(k)
				tables[sx] = sim
				if !replace {
					tables[sx] = ratioTable{base: s.Assumptions.Mortality[scheme.StatusActive][sx], sim: sim, central: lc.Generational(h)}
				}
			}
			// The scenario's economy, as a schedule.
			det := withMortality(s, tables)
			p := &stochastic.Path{Return: make([]float64, years), WageGrowth: make([]float64, years), Inflation: make([]float64, years)}
			require.NoError(t, econ.Path(p, i))
			det.Assumptions.Return = schedule(s.StartYear, p.Return)
			det.Assumptions.WageGrowth = schedule(s.StartYear, p.WageGrowth)
			det.Assumptions.Inflation = schedule(s.StartYear, p.Inflation)
			want := project(t, det, years)
			for tt := range years {
				w, got := want.Years[tt].ReserveEnd, out.Reserve[i*years+tt]
				assert.InDelta(t, 0, (got-w)/math.Max(math.Abs(w), 1), tolTables, "replace %v, scenario %d, year %d: %v vs %v", replace, i, tt, got, w)
			}
		}
	}
}

// ratioTable is the documented Relative rule written out: the base rate
// times the scenario's Lee-Carter rate over the central forecast's, capped
// at 1, at the model's ages.
type ratioTable struct {
	base         scheme.YearTable
	sim, central *mortality.Generational
}

func (r ratioTable) MinAge() int { return r.base.MinAge() }
func (r ratioTable) Q(age, year int) float64 {
	q := r.base.Q(age, year)
	if age < r.sim.MinAge() || age > r.sim.MaxAge() {
		return q
	}
	return min(1, q*r.sim.Q(age, year)/r.central.Q(age, year))
}

func schedule(start int, v []float64) actuarial.Schedule {
	s := make(actuarial.Schedule, len(v))
	for t, x := range v {
		s[t] = actuarial.Step{Year: start + t, Value: x}
	}
	return s
}

// The random walk with drift k_{T+h} = k_T + h·d + σ·(Z_1 + … + Z_h) has
// mean k_T + d·h and standard deviation σ·√h at horizon h (Lee & Carter,
// 1992, §3): over n scenarios the simulated mean is within z999 standard
// errors σ·√h/√n of it, and the sample standard deviation within
// z999·σ·√h/√(2n) (the normal's standard error of s). The two sexes'
// innovations have correlation Corr within z999·(1 − ρ²)/√n.
func TestLeeCarterDrift(t *testing.T) {
	const h, n, rho = 25, 4000, 0.7
	lc := leeCarter(noisyK)
	m := &stochastic.LeeCarterMortality{Models: [actuarial.NumSexes]*mortality.LeeCarter{lc, lc}, Corr: rho, Seed: 2}
	d, sigma, kT := lc.Drift(), lc.Sigma(), lc.K[len(lc.K)-1]
	end := make([]float64, n)
	dm, df := make([]float64, n), make([]float64, n)
	path := make([]float64, h)
	for i := range n {
		k, err := m.K(path, actuarial.Male, i)
		require.NoError(t, err)
		end[i] = k[h-1]
		dm[i] = k[0] - kT
		kf, err := m.K(make([]float64, 1), actuarial.Female, i)
		require.NoError(t, err)
		df[i] = kf[0] - kT
	}
	mean, sd := stat.MeanStdDev(end, nil)
	sdH := sigma * math.Sqrt(h)
	assert.InDelta(t, kT+d*h, mean, z999*sdH/math.Sqrt(n), "mean at horizon %d", h)
	assert.InDelta(t, sdH, sd, z999*sdH/math.Sqrt(2*n), "standard deviation at horizon %d", h)
	assert.InDelta(t, rho, stat.Correlation(dm, df, nil), z999*(1-rho*rho)/math.Sqrt(n), "correlation of the sexes")

	// Reproducible by (Seed, scenario), and a longer path extends a shorter.
	a, err := m.K(make([]float64, 10), actuarial.Male, 7)
	require.NoError(t, err)
	b, err := m.K(make([]float64, 20), actuarial.Male, 7)
	require.NoError(t, err)
	assert.Equal(t, a, b[:10])
}

// Mortality scenarios are reproducible whatever the workers and the shards.
func TestLeeCarterShards(t *testing.T) {
	const years, n = 20, 6
	lc := leeCarter(noisyK)
	s := actuarialtest.ReferenceScheme(t, 65)
	m := &stochastic.LeeCarterMortality{Models: [actuarial.NumSexes]*mortality.LeeCarter{lc, nil}, Seed: 9}
	c := stochastic.Config{Years: years, Scenarios: n, Workers: 1, Mortality: m}
	full, err := stochastic.Run(context.Background(), s, economy(4, 1), c)
	require.NoError(t, err)
	c.Workers, c.First, c.Scenarios = 2, 2, 3
	part, err := stochastic.Run(context.Background(), s, economy(4, 1), c)
	require.NoError(t, err)
	assert.Equal(t, full.Reserve[2*years:5*years], part.Reserve)
}

func TestLeeCarterErrors(t *testing.T) {
	lc := leeCarter(noisyK)
	bad := *lc
	bad.K = bad.K[:3]
	for name, m := range map[string]stochastic.LeeCarterMortality{
		"no model":   {},
		"corr":       {Models: [actuarial.NumSexes]*mortality.LeeCarter{lc}, Corr: 1.5},
		"k":          {Models: [actuarial.NumSexes]*mortality.LeeCarter{&bad}},
		"not finite": {Models: [actuarial.NumSexes]*mortality.LeeCarter{leeCarter([]float64{1, math.NaN()})}},
	} {
		t.Run(name, func(t *testing.T) {
			var pe *stochastic.ParamError
			assert.ErrorAs(t, m.Validate(), &pe)
			_, err := stochastic.Run(context.Background(), actuarialtest.ReferenceScheme(t, 65), economy(1, 1), stochastic.Config{Years: 2, Scenarios: 1, Mortality: &m})
			assert.ErrorIs(t, err, stochastic.ErrParameter)
		})
	}
	m := stochastic.LeeCarterMortality{Models: [actuarial.NumSexes]*mortality.LeeCarter{lc}}
	_, err := m.K(make([]float64, 2), actuarial.Female, 0)
	assert.ErrorIs(t, err, stochastic.ErrParameter, "no model for women")
}
