package stochastic_test

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/mortality"
)

// improvedScheme is the reference scheme with its active tables projected
// from 2010 on the one-dimensional scale of rate a at every age, and that
// scale.
func improvedScheme(t *testing.T, a float64) (*scheme.Scheme, mortality.Scale) {
	t.Helper()
	s := actuarialtest.ReferenceScheme(t, 65)
	rates := make([]float64, 121)
	for i := range rates {
		rates[i] = a
	}
	scale := mortality.ScaleByAge(0, rates)
	for sx := range actuarial.NumSexes {
		base := s.Assumptions.Mortality[scheme.StatusActive][sx].(scheme.PeriodTable).Table
		s.Assumptions.Mortality[scheme.StatusActive][sx] = mortality.Improve(base, 2010, scale)
	}
	return s, scale
}

// With σ = τ = 0 every factor of the shock is (1 − AA)/(1 − AA) = 1, so
// each scenario's tables are the scheme's bit for bit: a run with the
// shock gives the outcomes of a run without it exactly, and (the economy
// having no volatility either) every scenario's reserve equals the
// deterministic improved projection to tolZeroVol, the rounding of the
// economic rates through exp(log(1 + r)) − 1 as in TestZeroVolatility.
func TestImprovementShockZeroVolatility(t *testing.T) {
	const tolZeroVol, years, n = 1e-12, 60, 3
	s, scale := improvedScheme(t, 0.015)
	want := project(t, s, years)
	m := &stochastic.ImprovementShock{Scales: [actuarial.NumSexes]mortality.Scale{scale, scale}, Seed: 5}
	c := stochastic.Config{Years: years, Scenarios: n, Workers: 2}
	plain, err := stochastic.Run(context.Background(), s, economy(1, 0), c)
	require.NoError(t, err)
	c.Mortality = m
	out, err := stochastic.Run(context.Background(), s, economy(1, 0), c)
	require.NoError(t, err)
	assert.Equal(t, plain, out, "the zero shock changes nothing")
	for k := range n {
		for tt := range years {
			w, got := want.Years[tt].ReserveEnd, out.Reserve[k*years+tt]
			assert.InDelta(t, 0, (got-w)/math.Max(math.Abs(w), 1), tolZeroVol, "scenario %d, year %d: %v vs %v", k, tt, got, w)
		}
	}
}

// The ratio of a scenario's q to the scheme's in year From + n is
// Π_{u} (1 − M·a − ε_u)/(1 − a) for a scale of constant rate a. Its mean
// has a closed form (the model's moments: E[M^k] = exp(k(k−1)σ²/2) for
// log M ~ N(−σ²/2, σ²), the ε independent with mean 0 and variance τ²):
//
//   - τ = 0: E[ratio] = Σ_k C(n,k)(−a)^k·exp(k(k−1)σ²/2) / (1 − a)^n;
//   - σ = 0: E[ratio] = 1, E[ratio²] = (1 + τ²/(1 − a)²)^n.
//
// Over N scenarios drawn by Apply, the sample mean is within z999 standard
// errors (its sample standard deviation over √N) of the closed form, and
// for σ = 0 the sample variance within z999 standard errors of the closed
// form's (the standard error of a sample variance, σ²·√(2/(N−1)), to the
// normal approximation, the ratio being close to lognormal with a small
// spread).
func TestImprovementShockMean(t *testing.T) {
	const (
		a     = 0.015
		z999  = 3.29 // two-sided 99.9% normal quantile
		N     = 4000
		age   = 60
		n     = 40 // years of shock
		start = 2025
	)
	s, scale := improvedScheme(t, a)
	binom := func(n, k int) float64 {
		r := 1.0
		for j := 1; j <= k; j++ {
			r = r * float64(n-k+j) / float64(j)
		}
		return r
	}
	for _, c := range []struct {
		name         string
		sigma, tau   float64
		mean, second float64 // closed forms of E[ratio], E[ratio²] (0: not checked)
	}{
		{name: "level", sigma: 0.3},
		{name: "years", tau: 0.004},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.tau == 0 {
				for k := 0; k <= n; k++ {
					c.mean += binom(n, k) * math.Pow(-a, float64(k)) * math.Exp(float64(k*(k-1))*c.sigma*c.sigma/2)
				}
				c.mean /= math.Pow(1-a, n)
			} else {
				c.mean = 1
				c.second = math.Pow(1+c.tau*c.tau/((1-a)*(1-a)), n)
			}
			m := &stochastic.ImprovementShock{Scales: [actuarial.NumSexes]mortality.Scale{scale, nil}, Sigma: c.sigma, YearSigma: c.tau, Seed: 9}
			base := s.Assumptions.Mortality[scheme.StatusActive][0].Q(age, start+n)
			var sum, sum2 float64
			for i := range N {
				sc := *s
				require.NoError(t, m.Apply(&sc, i, start+n))
				r := sc.Assumptions.Mortality[scheme.StatusActive][0].Q(age, start+n) / base
				sum += r
				sum2 += r * r
				assert.Equal(t, s.Assumptions.Mortality[scheme.StatusActive][1].Q(age, start+n),
					sc.Assumptions.Mortality[scheme.StatusActive][1].Q(age, start+n), "women have no scale")
				assert.Equal(t, s.Assumptions.Mortality[scheme.StatusActive][0].Q(age, start),
					sc.Assumptions.Mortality[scheme.StatusActive][0].Q(age, start), "no shock before From")
			}
			mean := sum / N
			v := (sum2 - N*mean*mean) / (N - 1)
			assert.InDelta(t, c.mean, mean, z999*math.Sqrt(v/N), "mean of q_i/q at age %d in %d", age, start+n)
			if c.second > 0 {
				want := c.second - c.mean*c.mean
				assert.InDelta(t, want, v, z999*want*math.Sqrt(2.0/(N-1)), "variance of q_i/q")
			}
			// The shock moves the tables: the spread is not nil.
			assert.Greater(t, v, 1e-4)
		})
	}
}

// Scenario i's shock depends on (Seed, i) only: runs on 1, 2 or 3 workers
// give the same outcomes, and scenario i of a run is Apply(i) projected
// alone (to tolTables, relative: the economy's path goes through the same
// rounding in both).
func TestImprovementShockSeeds(t *testing.T) {
	const tolTables, years, n = 1e-12, 40, 5
	s, scale := improvedScheme(t, 0.015)
	m := &stochastic.ImprovementShock{Scales: [actuarial.NumSexes]mortality.Scale{scale, scale}, Sigma: 0.4, YearSigma: 0.005, Seed: 21}
	var outs []*stochastic.Outcomes
	for _, w := range []int{1, 2, 3} {
		out, err := stochastic.Run(context.Background(), s, economy(1, 0), stochastic.Config{Years: years, Scenarios: n, Workers: w, Mortality: m})
		require.NoError(t, err)
		outs = append(outs, out)
	}
	require.Equal(t, outs[0], outs[1])
	require.Equal(t, outs[0], outs[2])
	plain := project(t, s, years)
	for _, i := range []int{0, 4} {
		sc := *s
		require.NoError(t, m.Apply(&sc, i, s.StartYear+years-1))
		want := project(t, &sc, years)
		for tt := range years {
			w, got := want.Years[tt].ReserveEnd, outs[0].Reserve[i*years+tt]
			assert.InDelta(t, 0, (got-w)/math.Max(math.Abs(w), 1), tolTables, "scenario %d, year %d", i, tt)
		}
		assert.NotEqual(t, plain.Years[years-1].ReserveEnd, want.Years[years-1].ReserveEnd, "scenario %d moves the reserve", i)
	}
	lvl0, err := m.Shocks(make([]float64, 3), 0)
	require.NoError(t, err)
	lvl1, err := m.Shocks(make([]float64, 3), 1)
	require.NoError(t, err)
	assert.NotEqual(t, lvl0, lvl1, "scenarios draw their own level")
}

// Bad parameters are a *ParamError naming the field; a scale rate outside
// (−1, 1) an error naming the sex, the age and the year.
func TestImprovementShockValidate(t *testing.T) {
	_, scale := improvedScheme(t, 0.015)
	for _, c := range []struct {
		m     stochastic.ImprovementShock
		field string
	}{
		{stochastic.ImprovementShock{}, "Scales"},
		{stochastic.ImprovementShock{Scales: [actuarial.NumSexes]mortality.Scale{scale}, Sigma: -1}, "Sigma"},
		{stochastic.ImprovementShock{Scales: [actuarial.NumSexes]mortality.Scale{scale}, YearSigma: math.NaN()}, "YearSigma"},
		{stochastic.ImprovementShock{Scales: [actuarial.NumSexes]mortality.Scale{scale}, From: -2}, "From"},
	} {
		var pe *stochastic.ParamError
		require.ErrorAs(t, c.m.Validate(), &pe, c.field)
		assert.Contains(t, pe.Error(), c.field)
	}
	s, _ := improvedScheme(t, 0.015)
	m := &stochastic.ImprovementShock{Scales: [actuarial.NumSexes]mortality.Scale{badScale{}}}
	_, err := stochastic.Run(context.Background(), s, economy(1, 0), stochastic.Config{Years: 5, Scenarios: 1, Mortality: m})
	require.ErrorIs(t, err, stochastic.ErrParameter)
	assert.Contains(t, err.Error(), "age 0 in 2025")
}

// badScale improves by 100% a year.
type badScale struct{}

func (badScale) Rate(_, _ int) float64 { return 1 }
