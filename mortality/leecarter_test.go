package mortality_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/reserva-go/reserva/mortality"
)

// ewMale reads England & Wales male deaths and exposures, ages 0–100,
// 1961–2011 (Human Mortality Database via StMoMo's EWMaleData; see
// testdata/lee-carter/README.md).
func ewMale(t testing.TB) *mortality.DeathsExposures {
	t.Helper()
	f, err := os.Open("../testdata/lee-carter/ew_male_1961_2011.csv")
	require.NoError(t, err)
	defer f.Close()
	d, err := mortality.ReadDeathsExposures(f)
	require.NoError(t, err)
	return d
}

// rank1 is an exactly rank-1 log-rate surface log m = a_x + b_x·k_t with
// known parameters already normalised (Σ b = 1, Σ k = 0): the fit must
// recover them, the identity behind Lee & Carter's SVD estimator.
type rank1 struct {
	ages, years []int
	a, b, k     []float64
	m           *mat.Dense
}

func newRank1() rank1 {
	const nx, nt = 12, 25
	r := rank1{ages: make([]int, nx), years: make([]int, nt), a: make([]float64, nx), b: make([]float64, nx), k: make([]float64, nt)}
	var sb float64
	for i := range nx {
		r.ages[i] = 55 + i
		r.a[i] = -9.5 + 0.095*float64(55+i) // Gompertz-like level
		r.b[i] = 1 + 0.5*math.Sin(float64(i))
		sb += r.b[i]
	}
	for i := range r.b {
		r.b[i] /= sb
	}
	var sk float64
	for j := range nt {
		r.years[j] = 1990 + j
		r.k[j] = -1.5*float64(j) + 3*math.Cos(float64(j))
		sk += r.k[j]
	}
	for j := range r.k {
		r.k[j] -= sk / nt
	}
	r.m = mat.NewDense(nx, nt, nil)
	for i := range nx {
		for j := range nt {
			r.m.Set(i, j, math.Exp(r.a[i]+r.b[i]*r.k[j]))
		}
	}
	return r
}

func TestFitLeeCarterRank1(t *testing.T) {
	const tol = 1e-10 // SVD of a 12×25 matrix: rounding only
	r := newRank1()
	lc, err := mortality.FitLeeCarter(r.ages, r.years, r.m)
	require.NoError(t, err)
	assert.InDeltaSlice(t, r.a, lc.A, tol, "a")
	assert.InDeltaSlice(t, r.b, lc.B, tol, "b")
	assert.InDeltaSlice(t, r.k, lc.K, tol, "k")
	assert.InDelta(t, 1, lc.Explained, tol, "an exact rank-1 surface is explained in full")
	assert.Equal(t, r.ages, lc.Ages)
	assert.Equal(t, r.years, lc.Years)
}

// TestFitLeeCarterIdentities checks on real data what the estimator
// guarantees by construction (Lee & Carter 1992, §2): a_x is the mean of the
// log rates over the years, Σ b = 1, Σ k = 0, and, by the Eckart–Young
// theorem, the squared residual of the rank-1 term is the unexplained share
// of the centred surface's squared norm.
func TestFitLeeCarterIdentities(t *testing.T) {
	const tol = 1e-10 // sums of ~100 terms of order 1–50
	d := ewMale(t)
	m, err := d.M()
	require.NoError(t, err)
	lc, err := mortality.FitLeeCarter(d.Ages, d.Years, m)
	require.NoError(t, err)

	var sb, sk, resid, total float64
	for _, v := range lc.B {
		sb += v
	}
	for _, v := range lc.K {
		sk += v
	}
	assert.InDelta(t, 1, sb, tol, "Σ b")
	assert.InDelta(t, 0, sk, tol, "Σ k")
	for i := range lc.Ages {
		var mean float64
		for j := range lc.Years {
			mean += math.Log(m.At(i, j))
		}
		mean /= float64(len(lc.Years))
		assert.InDelta(t, mean, lc.A[i], tol, "a at %d is the mean log rate", lc.Ages[i])
		for j := range lc.Years {
			z := math.Log(m.At(i, j)) - lc.A[i]
			e := z - lc.B[i]*lc.K[j]
			resid += e * e
			total += z * z
		}
	}
	assert.InDelta(t, 1-lc.Explained, resid/total, tol, "Eckart–Young: residual share = 1 − s₁²/Σs²")
}

// TestFitLeeCarterEWMale is a sanity check of the fit to England & Wales
// males 1961–2011 against what Lee & Carter (1992) found for the U.S. and
// what any developed country's data since the 1960s show: b_x > 0 at every
// age, k falling, a negative drift, and a first singular vector explaining
// most of the variation (Lee & Carter report 92.7% for the U.S.; the
// threshold here is a loose 90%). No published SVD fit of these data is
// known to the authors to compare with number by number: StMoMo fits them
// by Poisson maximum likelihood, not by SVD.
func TestFitLeeCarterEWMale(t *testing.T) {
	d := ewMale(t)
	m, err := d.M()
	require.NoError(t, err)
	lc, err := mortality.FitLeeCarter(d.Ages, d.Years, m)
	require.NoError(t, err)
	for i, b := range lc.B {
		assert.Positive(t, b, "b at %d", lc.Ages[i])
	}
	assert.Greater(t, lc.K[0], 0.0, "k starts above its mean")
	assert.Less(t, lc.K[len(lc.K)-1], 0.0, "k ends below its mean")
	assert.Negative(t, lc.Drift(), "mortality falls")
	assert.Greater(t, lc.Explained, 0.9, "the first term explains over 90%")
	// a_x: infant mortality above that of children, then rising with age.
	assert.Greater(t, lc.A[0], lc.A[10])
	for x := 30; x < 100; x++ {
		assert.Less(t, lc.A[x], lc.A[x+1], "a rises from %d", x)
	}
}

// TestDriftSigma checks the random-walk estimators on a hand-worked path:
// k = 0, 1, 3, 4 has changes 1, 2, 1, drift 4/3, deviations −1/3, 2/3, −1/3,
// so σ² = (1/9 + 4/9 + 1/9)/(4 − 2) = 1/3.
func TestDriftSigma(t *testing.T) {
	const tol = 1e-15
	lc := &mortality.LeeCarter{K: []float64{0, 1, 3, 4}}
	assert.InDelta(t, 4.0/3, lc.Drift(), tol)
	assert.InDelta(t, math.Sqrt(1.0/3), lc.Sigma(), tol)
	two := &mortality.LeeCarter{K: []float64{5, 2}}
	assert.Equal(t, -3.0, two.Drift())
	assert.Equal(t, 0.0, two.Sigma(), "one change leaves no spread to estimate")
	assert.Panics(t, func() { (&mortality.LeeCarter{K: []float64{1}}).Drift() })
}

// TestForecastK checks that the central forecast is the straight line from
// k_T with slope the drift.
func TestForecastK(t *testing.T) {
	const tol = 1e-12 // k of order 50
	d := ewMale(t)
	m, err := d.M()
	require.NoError(t, err)
	lc, err := mortality.FitLeeCarter(d.Ages, d.Years, m)
	require.NoError(t, err)
	n := len(lc.K)
	assert.InDelta(t, (lc.K[n-1]-lc.K[0])/float64(n-1), lc.Drift(), tol)
	k := lc.ForecastK(30)
	require.Len(t, k, 30)
	prev := lc.K[n-1]
	for h, v := range k {
		assert.InDelta(t, lc.Drift(), v-prev, tol, "step %d", h+1)
		assert.InDelta(t, lc.K[n-1]+float64(h+1)*lc.Drift(), v, tol, "k_{T+%d}", h+1)
		prev = v
	}
	assert.Empty(t, lc.ForecastK(0))
	assert.Panics(t, func() { lc.ForecastK(-1) })
}

// TestSimulate checks that paths are a deterministic function of the seed
// and that their increments have mean d and standard deviation σ within
// sampling error: with n = 200·50 increments, the sample mean has standard
// error σ/√n and the sample standard deviation about σ/√(2n).
func TestSimulate(t *testing.T) {
	d := ewMale(t)
	m, err := d.M()
	require.NoError(t, err)
	lc, err := mortality.FitLeeCarter(d.Ages, d.Years, m)
	require.NoError(t, err)
	drift, sigma := lc.Drift(), lc.Sigma()
	require.Positive(t, sigma)

	p1 := lc.Simulate(nil, 50, rand.NewPCG(1, 2))
	p2 := lc.Simulate(make([]float64, 50), 50, rand.NewPCG(1, 2))
	assert.Equal(t, p1, p2, "same seed, same path")
	p3 := lc.Simulate(nil, 50, rand.NewPCG(3, 4))
	assert.NotEqual(t, p1, p3, "another seed, another path")

	const paths, horizon = 200, 50
	n := float64(paths * horizon)
	meanTol := 4 * sigma / math.Sqrt(n) // 4 standard errors
	sdTol := 4 * sigma / math.Sqrt(2*n)
	src := rand.NewPCG(7, 11)
	path := make([]float64, horizon)
	var s, ss float64
	for range paths {
		lc.Simulate(path, horizon, src)
		prev := lc.K[len(lc.K)-1]
		for _, k := range path {
			s += k - prev
			ss += (k - prev) * (k - prev)
			prev = k
		}
	}
	mean := s / n
	sd := math.Sqrt((ss - n*mean*mean) / (n - 1))
	assert.InDelta(t, drift, mean, meanTol, "mean increment is the drift")
	assert.InDelta(t, sigma, sd, sdTol, "increments' spread is σ")

	// With σ = 0 a path is the central forecast.
	flat := &mortality.LeeCarter{K: []float64{3, 2, 1}}
	assert.Equal(t, flat.ForecastK(5), flat.Simulate(nil, 5, rand.NewPCG(1, 1)))
	assert.Panics(t, func() { lc.Simulate(make([]float64, 3), 4, src) })
	assert.Panics(t, func() { lc.Simulate(nil, 4, nil) })
}

// TestLeeCarterGenerational checks the table a fit becomes: q = 1 − exp(−m)
// with m = exp(a_x + b_x·k_t) in the fitted years, with the central forecast
// after them, held constant beyond the horizon and before the data, and 1
// above the last age.
func TestLeeCarterGenerational(t *testing.T) {
	// 1 − exp(−m) as written loses digits by cancellation for m ≈ 1e-3; the
	// package computes −expm1(−m).
	const rtol = 1e-12
	const fitTol = 1e-9 // the fit recovers an exact surface to ~1e-10 in log m
	r := newRank1()
	lc, err := mortality.FitLeeCarter(r.ages, r.years, r.m)
	require.NoError(t, err)
	const horizon = 10
	g := lc.Generational(horizon)
	first, last := g.Years()
	assert.Equal(t, 1990, first)
	assert.Equal(t, 2014+horizon, last)
	assert.Equal(t, 55, g.MinAge())
	assert.Equal(t, 66, g.MaxAge())
	q := func(x int, k float64) float64 { return 1 - math.Exp(-lc.M(x, k)) }
	fk := lc.ForecastK(horizon)
	for _, x := range []int{55, 60, 66} {
		for j, y := range lc.Years {
			assert.InEpsilon(t, q(x, lc.K[j]), g.Q(x, y), rtol, "fitted q(%d, %d)", x, y)
			// The fitted rates of an exact surface are the data.
			assert.InEpsilon(t, 1-math.Exp(-r.m.At(x-55, j)), g.Q(x, y), fitTol, "q(%d, %d) from the data", x, y)
		}
		for h, k := range fk {
			assert.InEpsilon(t, q(x, k), g.Q(x, 2015+h), rtol, "forecast q(%d, %d)", x, 2015+h)
		}
		assert.Equal(t, g.Q(x, last), g.Q(x, last+1), "held after the horizon")
		assert.Equal(t, g.Q(x, last), g.Q(x, last+100))
		assert.Equal(t, g.Q(x, first), g.Q(x, first-50), "held before the data")
	}
	assert.Equal(t, 1.0, g.Q(67, 2000), "q is 1 above the last age")

	path := lc.Simulate(nil, 5, rand.NewPCG(1, 2))
	gp := lc.GenerationalPath(path)
	for h, k := range path {
		assert.InEpsilon(t, q(60, k), gp.Q(60, 2015+h), rtol, "simulated q(60, %d)", 2015+h)
	}
	// The cohort born in 1930 is 60 in 1990: its rates run down the diagonal.
	c := g.Cohort(1930)
	for x := 60; x <= 66; x++ {
		assert.Equal(t, g.Q(x, 1930+x), c.Q(x))
	}

	assert.Panics(t, func() { lc.Generational(-1) })
	assert.Panics(t, func() {
		(&mortality.LeeCarter{Ages: []int{1}, Years: []int{1, 2}, A: []float64{0}, K: []float64{0, 0}}).Generational(1)
	},
		"B is missing")
	assert.Panics(t, func() { lc.GenerationalPath([]float64{math.NaN()}) })
}

// TestRefitK checks Lee & Carter's second stage: after refitting, each
// year's fitted deaths Σ_x E·exp(a + b·k) equal the observed deaths; on an
// exact surface (D = E·m) the refit returns the first-stage k.
func TestRefitK(t *testing.T) {
	const rtol = 1e-10 // Newton's method to 1e-13 in k, sums of 100 terms
	const kTol = 1e-9  // the first-stage fit of an exact surface is good to ~1e-10

	d := ewMale(t)
	m, err := d.M()
	require.NoError(t, err)
	lc, err := mortality.FitLeeCarter(d.Ages, d.Years, m)
	require.NoError(t, err)
	rf, err := lc.RefitK(d.Deaths, d.Exposures)
	require.NoError(t, err)
	assert.Equal(t, lc.A, rf.A)
	assert.Equal(t, lc.B, rf.B)
	for j, y := range rf.Years {
		var fitted, observed float64
		for i, x := range rf.Ages {
			fitted += d.Exposures.At(i, j) * rf.M(x, rf.K[j])
			observed += d.Deaths.At(i, j)
		}
		assert.InEpsilon(t, observed, fitted, rtol, "deaths in %d", y)
	}
	assert.Negative(t, rf.Drift())

	r := newRank1()
	exact, err := mortality.FitLeeCarter(r.ages, r.years, r.m)
	require.NoError(t, err)
	e := mat.NewDense(len(r.ages), len(r.years), nil)
	deaths := mat.NewDense(len(r.ages), len(r.years), nil)
	for i := range r.ages {
		for j := range r.years {
			e.Set(i, j, 1000+10*float64(i+j))
			deaths.Set(i, j, e.At(i, j)*r.m.At(i, j))
		}
	}
	again, err := exact.RefitK(deaths, e)
	require.NoError(t, err)
	assert.InDeltaSlice(t, r.k, again.K, kTol, "an exact surface's k is its own refit")

	bad := mat.DenseCopyOf(e)
	bad.Set(2, 3, 0)
	_, err = exact.RefitK(deaths, bad)
	var ce *mortality.CellError
	require.ErrorAs(t, err, &ce)
	assert.ErrorIs(t, err, mortality.ErrNotPositive)
	assert.Equal(t, mortality.CellError{Field: "exposure", Age: 57, Year: 1993, Value: 0, Err: mortality.ErrNotPositive}, *ce)
	_, err = exact.RefitK(deaths, mat.NewDense(2, 2, nil))
	assert.ErrorIs(t, err, mortality.ErrShape)
}

func TestFitLeeCarterErrors(t *testing.T) {
	r := newRank1()
	with := func(i, j int, v float64) *mat.Dense {
		m := mat.DenseCopyOf(r.m)
		m.Set(i, j, v)
		return m
	}
	descending := slices.Clone(r.ages)
	slices.Reverse(descending)
	for _, c := range []struct {
		name  string
		ages  []int
		years []int
		m     *mat.Dense
		want  error
		cell  *mortality.CellError
	}{
		{"too few ages", r.ages[1:], r.years, r.m, mortality.ErrShape, nil},
		{"too many years", r.ages, append(r.years, 2015), r.m, mortality.ErrShape, nil},
		{"nil matrix", r.ages, r.years, nil, mortality.ErrShape, nil},
		{"one year", r.ages, r.years[:1], r.m.Slice(0, 12, 0, 1).(*mat.Dense), mortality.ErrEmpty, nil},
		{"no ages", nil, r.years, r.m, mortality.ErrEmpty, nil},
		// The sentinels every reader uses for the same faults (errors.go).
		{"ages with a gap", append([]int{50}, r.ages[1:]...), r.years, r.m, mortality.ErrMissingAge, nil},
		{"age repeated", append([]int{r.ages[1]}, r.ages[1:]...), r.years, r.m, mortality.ErrDuplicate, nil},
		{"ages descending", descending, r.years, r.m, mortality.ErrDuplicate, nil},
		{"years out of order", r.ages, append([]int{2020}, r.years[1:]...), r.m, mortality.ErrYearOrder, nil},
		{"a year missing", r.ages, append(slices.Clone(r.years[:5]), r.years[6:]...), r.m, mortality.ErrYearOrder, nil},
		{"NaN rate", r.ages, r.years, with(3, 4, math.NaN()), mortality.ErrNotFinite,
			&mortality.CellError{Field: "m", Age: 58, Year: 1994, Value: math.NaN(), Err: mortality.ErrNotFinite}},
		{"zero rate", r.ages, r.years, with(11, 0, 0), mortality.ErrNotPositive,
			&mortality.CellError{Field: "m", Age: 66, Year: 1990, Value: 0, Err: mortality.ErrNotPositive}},
		{"negative rate", r.ages, r.years, with(0, 24, -0.01), mortality.ErrNotPositive,
			&mortality.CellError{Field: "m", Age: 55, Year: 2014, Value: -0.01, Err: mortality.ErrNotPositive}},
		{"infinite rate", r.ages, r.years, with(0, 0, math.Inf(1)), mortality.ErrNotFinite,
			&mortality.CellError{Field: "m", Age: 55, Year: 1990, Value: math.Inf(1), Err: mortality.ErrNotFinite}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := mortality.FitLeeCarter(c.ages, c.years, c.m)
			require.ErrorIs(t, err, c.want)
			if c.cell == nil {
				return
			}
			var ce *mortality.CellError
			require.True(t, errors.As(err, &ce))
			assert.Equal(t, c.cell.Age, ce.Age)
			assert.Equal(t, c.cell.Year, ce.Year)
			assert.Equal(t, c.cell.Field, ce.Field)
			if math.IsNaN(c.cell.Value) {
				assert.True(t, math.IsNaN(ce.Value))
			} else {
				assert.Equal(t, c.cell.Value, ce.Value)
			}
			assert.Contains(t, err.Error(), "age")
		})
	}

	// No change over time: k is not identified.
	flat := mat.NewDense(3, 4, nil)
	for i := range 3 {
		for j := range 4 {
			flat.Set(i, j, 0.01*float64(i+1))
		}
	}
	_, err := mortality.FitLeeCarter([]int{1, 2, 3}, []int{2000, 2001, 2002, 2003}, flat)
	assert.ErrorContains(t, err, "do not vary")
}

func BenchmarkFitLeeCarter(b *testing.B) {
	d := ewMale(b)
	m, err := d.M()
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mortality.FitLeeCarter(d.Ages, d.Years, m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLeeCarterGenerational(b *testing.B) {
	d := ewMale(b)
	m, err := d.M()
	require.NoError(b, err)
	lc, err := mortality.FitLeeCarter(d.Ages, d.Years, m)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		_ = lc.Generational(50)
	}
}

func BenchmarkSimulate(b *testing.B) {
	lc := &mortality.LeeCarter{K: []float64{0, 1, 3, 4}}
	dst := make([]float64, 50)
	src := rand.NewPCG(1, 2)
	b.ReportAllocs()
	for b.Loop() {
		lc.Simulate(dst, 50, src)
	}
}

// TestLeeCarterZeroValue checks that the zero value panics with the
// package's prefix rather than an index error.
func TestLeeCarterZeroValue(t *testing.T) {
	var lc mortality.LeeCarter
	for name, f := range map[string]func(){
		"Drift":        func() { lc.Drift() },
		"Sigma":        func() { lc.Sigma() },
		"ForecastK":    func() { lc.ForecastK(1) },
		"Simulate":     func() { lc.Simulate(nil, 1, rand.NewPCG(1, 2)) },
		"M":            func() { lc.M(60, 0) },
		"Generational": func() { lc.Generational(1) },
	} {
		func() {
			defer func() {
				msg, _ := recover().(string)
				assert.True(t, strings.HasPrefix(msg, "mortality: "), "%s panics with %q", name, msg)
			}()
			f()
		}()
	}
}
