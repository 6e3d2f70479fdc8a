package stochastic_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat"

	"github.com/reserva-go/reserva/actuarial/stochastic"
)

// z999 is the two-sided standard normal quantile of 99.9% confidence,
// Φ⁻¹(0.9995) = 3.2905 (Abramowitz and Stegun, Table 26.5).
const z999 = 3.2905

func newPath(years int, s stochastic.Series) *stochastic.Path {
	p := &stochastic.Path{}
	if s&stochastic.SeriesReturn != 0 {
		p.Return = make([]float64, years)
	}
	if s&stochastic.SeriesWageGrowth != 0 {
		p.WageGrowth = make([]float64, years)
	}
	if s&stochastic.SeriesInflation != 0 {
		p.Inflation = make([]float64, years)
	}
	return p
}

// A scenario depends on (seed, index) only: drawing it twice, or after
// other scenarios, gives the same path; another index or seed another.
func TestGeneratorReproducible(t *testing.T) {
	corr := [3][3]float64{{1, 0.3, 0.2}, {0.3, 1, 0.6}, {0.2, 0.6, 1}}
	gens := map[string]stochastic.Generator{
		"lognormal": stochastic.Lognormal{Mu: 0.04, Sigma: 0.1, Seed: 7},
		"ar1":       stochastic.AR1{Mean: 0.04, Phi: 0.5, Sigma: 0.1, Seed: 7},
		"joint":     stochastic.Joint{Mean: [3]float64{0.04, 0.03, 0.02}, StdDev: [3]float64{0.1, 0.02, 0.015}, Corr: corr, Seed: 7},
	}
	for name, g := range gens {
		t.Run(name, func(t *testing.T) {
			a, b, c := newPath(30, g.Series()), newPath(30, g.Series()), newPath(30, g.Series())
			require.NoError(t, g.Path(a, 5))
			require.NoError(t, g.Path(c, 6))
			require.NoError(t, g.Path(b, 5))
			assert.Equal(t, a, b, "scenario 5 drawn twice")
			assert.NotEqual(t, a.Return, c.Return, "scenario 6 differs from 5")
		})
	}
}

// The lognormal model: 1 + i is lognormal, mean exp(µ + σ²/2) and median
// exp(µ) (Johnson, Kotz and Balakrishnan, Continuous Univariate
// Distributions, vol. 1, 2nd ed., 1994, ch. 14); the sample agrees within
// its Monte Carlo error at 99.9%.
func TestLognormalMoments(t *testing.T) {
	const mu, sigma, n = 0.05, 0.15, 200_000
	p := newPath(n, stochastic.SeriesReturn)
	require.NoError(t, stochastic.Lognormal{Mu: mu, Sigma: sigma, Seed: 1}.Path(p, 0))
	x := make([]float64, n)
	for i, r := range p.Return {
		x[i] = 1 + r
	}
	m, sd := stat.MeanStdDev(x, nil)
	assert.InDelta(t, math.Exp(mu+sigma*sigma/2), m, z999*sd/math.Sqrt(n))
}

// Conditional least squares recovers the parameters of a series simulated
// from a known AR(1) within z999 of their standard errors.
func TestFitAR1(t *testing.T) {
	want := stochastic.AR1{Mean: 0.04, Phi: 0.6, Sigma: 0.08, Seed: 3}
	p := newPath(5000, stochastic.SeriesReturn)
	require.NoError(t, want.Path(p, 0))
	fit, err := stochastic.FitAR1(p.Return)
	require.NoError(t, err)
	assert.Equal(t, 4999, fit.N)
	assert.InDelta(t, want.Phi, fit.Model.Phi, z999*fit.PhiSE, "Phi")
	assert.InDelta(t, want.Mean, fit.Model.Mean, z999*fit.MeanSE, "Mean")
	assert.InDelta(t, want.Sigma, fit.Model.Sigma, z999*fit.SigmaSE, "Sigma")
	assert.True(t, fit.Model.FromStart)
	assert.Equal(t, math.Log1p(p.Return[len(p.Return)-1]), fit.Model.Start)

	// The standard errors shrink as 1/√m: the OLS error of φ is about
	// √((1 − φ²)/m) (Hamilton, 1994, §8.2).
	assert.InDelta(t, math.Sqrt((1-want.Phi*want.Phi)/4999), fit.PhiSE, 0.1*fit.PhiSE)

	for name, r := range map[string][]float64{
		"short":    {0.01, 0.02, 0.03},
		"loss":     {0.01, -1, 0.02, 0.03},
		"NaN":      {0.01, math.NaN(), 0.02, 0.03},
		"constant": {0.02, 0.02, 0.02, 0.02, 0.02},
	} {
		_, err := stochastic.FitAR1(r)
		assert.ErrorIs(t, err, stochastic.ErrHistory, name)
	}
}

// The joint model draws logs with the correlations asked: the sample
// correlation is within z999 of its standard error (1 − ρ²)/√n (Fisher's
// asymptotic variance of r, Stuart and Ord, Kendall's Advanced Theory of
// Statistics, vol. 1, §16.24).
func TestJointCorrelation(t *testing.T) {
	const n = 50_000
	g := stochastic.Joint{
		Mean:   [3]float64{0.05, 0.035, 0.025},
		StdDev: [3]float64{0.12, 0.02, 0.015},
		Corr:   [3][3]float64{{1, 0.3, 0.2}, {0.3, 1, 0.6}, {0.2, 0.6, 1}},
		Seed:   11,
	}
	p := newPath(n, g.Series())
	require.NoError(t, g.Path(p, 0))
	logs := [3][]float64{make([]float64, n), make([]float64, n), make([]float64, n)}
	for i := range n {
		logs[0][i], logs[1][i], logs[2][i] = math.Log1p(p.Return[i]), math.Log1p(p.WageGrowth[i]), math.Log1p(p.Inflation[i])
	}
	for k := range 3 {
		m, sd := stat.MeanStdDev(logs[k], nil)
		assert.InDelta(t, g.Mean[k], m, z999*g.StdDev[k]/math.Sqrt(n), "mean %d", k)
		assert.InDelta(t, g.StdDev[k], sd, z999*g.StdDev[k]/math.Sqrt(2*n), "sd %d", k)
		for j := k + 1; j < 3; j++ {
			rho := g.Corr[k][j]
			assert.InDelta(t, rho, stat.Correlation(logs[k], logs[j], nil), z999*(1-rho*rho)/math.Sqrt(n), "corr %d %d", k, j)
		}
	}

	// A series with no volatility is its mean every year; the others
	// still draw.
	g.StdDev[1] = 0
	require.NoError(t, g.Path(p, 0))
	assert.Equal(t, math.Expm1(g.Mean[1]), p.WageGrowth[17])
	assert.NotEqual(t, p.Return[0], p.Return[1])
}

func TestJointErrors(t *testing.T) {
	ok := stochastic.Joint{StdDev: [3]float64{0.1, 0.1, 0.1}, Corr: [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}
	require.NoError(t, ok.Validate())
	for _, c := range []struct {
		name, field string
		edit        func(*stochastic.Joint)
	}{
		{"zero corr", "Corr[0][0]", func(g *stochastic.Joint) { g.Corr = [3][3]float64{} }},
		{"asymmetric", "Corr[0][1]", func(g *stochastic.Joint) { g.Corr[0][1] = 0.5 }},
		{"above one", "Corr[0][2]", func(g *stochastic.Joint) { g.Corr[0][2], g.Corr[2][0] = 1.5, 1.5 }},
		{"not definite", "Corr", func(g *stochastic.Joint) {
			g.Corr[0][1], g.Corr[1][0], g.Corr[0][2], g.Corr[2][0], g.Corr[1][2], g.Corr[2][1] = 0.9, 0.9, 0.9, 0.9, -0.9, -0.9
		}},
		{"negative sd", "StdDev[inflation]", func(g *stochastic.Joint) { g.StdDev[2] = -0.1 }},
		{"NaN mean", "Mean[return]", func(g *stochastic.Joint) { g.Mean[0] = math.NaN() }},
	} {
		g := ok
		c.edit(&g)
		err := g.Validate()
		var pe *stochastic.ParamError
		if assert.ErrorAs(t, err, &pe, c.name) {
			assert.Equal(t, c.field, pe.Field, c.name)
			assert.ErrorIs(t, err, stochastic.ErrParameter)
		}
	}
	assert.Error(t, stochastic.AR1{Phi: 1}.Validate(), "non-stationary")
	assert.Error(t, stochastic.Lognormal{Sigma: -1}.Path(newPath(2, stochastic.SeriesReturn), 0))
}

func TestReadPaths(t *testing.T) {
	const good = "scenario,year,return,wage_growth,inflation\n" +
		"0,2025,0.05,0.03,0.02\n0,2026,0.06,0.031,0.021\n" +
		"1,2025,-0.1,0.02,0.03\n1,2026,0.2,0.025,0.015\n"
	set, err := stochastic.ReadPaths(strings.NewReader(good))
	require.NoError(t, err)
	assert.Equal(t, 2025, set.StartYear)
	assert.Equal(t, 2, set.Len())
	assert.Equal(t, []float64{-0.1, 0.2}, set.Paths[1].Return)
	assert.Equal(t, []float64{0.03, 0.031}, set.Paths[0].WageGrowth)
	assert.Equal(t, []float64{0.03, 0.015}, set.Paths[1].Inflation)

	p := newPath(2, set.Series())
	require.NoError(t, set.Path(p, 1))
	assert.Equal(t, set.Paths[1], *p)
	assert.ErrorIs(t, set.Path(p, 2), stochastic.ErrScenario)
	assert.ErrorIs(t, set.Path(newPath(3, set.Series()), 0), stochastic.ErrScenario)

	for _, c := range []struct {
		name, text, field, value string
		line                     int
	}{
		{"header", "scenario,year,ret,wage_growth,inflation\n", "return", "ret", 1},
		{"return", "scenario,year,return,wage_growth,inflation\n0,2025,x,0.03,0.02\n", "return", "x", 2},
		{"loss", "scenario,year,return,wage_growth,inflation\n0,2025,0.01,-1.5,0.02\n", "wage_growth", "-1.5", 2},
		{"year gap", "scenario,year,return,wage_growth,inflation\n0,2025,0.01,0.03,0.02\n0,2027,0.01,0.03,0.02\n", "year", "2027", 3},
		{"scenario order", "scenario,year,return,wage_growth,inflation\n0,2025,0.01,0.03,0.02\n2,2025,0.01,0.03,0.02\n", "scenario", "2", 3},
		{"short scenario", "scenario,year,return,wage_growth,inflation\n0,2025,0.01,0.03,0.02\n0,2026,0.01,0.03,0.02\n1,2025,0.01,0.03,0.02\n2,2025,0.01,0.03,0.02\n", "scenario", "2", 5},
		{"fields", "scenario,year,return,wage_growth,inflation\n0,2025,0.01,0.03\n", "", "", 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := stochastic.ReadPaths(strings.NewReader(c.text))
			var pe *stochastic.ParseError
			require.True(t, errors.As(err, &pe), "%v", err)
			assert.ErrorIs(t, err, stochastic.ErrCSV)
			assert.Equal(t, c.line, pe.Line)
			assert.Equal(t, c.field, pe.Field)
			if c.value != "" {
				assert.Equal(t, c.value, pe.Value)
			}
		})
	}
}
