// The scenario interface and the models that generate economic paths.

package stochastic

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/distuv"
)

// Series says which economic series a [Generator] draws; the others keep the
// scheme's deterministic assumptions.
type Series uint8

// The series a path may hold, as bits of a Series.
const (
	SeriesReturn     Series = 1 << iota // Assumptions.Return
	SeriesWageGrowth                    // Assumptions.WageGrowth
	SeriesInflation                     // Assumptions.Inflation
)

// Path is one scenario's economic series by year t (calendar StartYear + t):
// the investment return earned during the year and the wage growth and
// inflation into it, annual effective rates as fractions, each above −1.
// A series the generator does not draw is nil.
type Path struct {
	Return, WageGrowth, Inflation []float64
}

// Generator draws scenarios. Path fills dst's series of the generator's
// Series (each already of the length wanted, the number of years; the
// others nil) with scenario i, i ≥ 0: annual effective rates as fractions,
// by year t from the scheme's StartYear. The path must depend on i (and the
// generator's own fields) only, so that a scenario is the same in any run,
// shard or worker; Path must be safe for concurrent use with different dst.
// It returns an error for a bad parameter or a scenario it does not hold.
type Generator interface {
	Series() Series
	Path(dst *Path, i int) error
}

// source is scenario i's random source for seed.
func source(seed uint64, i int) *rand.PCG { return rand.NewPCG(seed, uint64(i)) }

// Lognormal draws independent lognormal returns: 1 + i_t is lognormal,
// log(1 + i_t) ~ N(Mu, Sigma²) independently from year to year. Its mean
// return is exp(Mu + Sigma²/2) − 1. Valid range: Mu finite, Sigma ≥ 0 finite;
// Sigma 0 gives the return exp(Mu) − 1 every year. Seed picks the scenarios
// (see the package documentation).
type Lognormal struct {
	Mu, Sigma float64
	Seed      uint64
}

// Series is SeriesReturn.
func (Lognormal) Series() Series { return SeriesReturn }

// Path fills p.Return with scenario i's returns, fractions a year.
func (g Lognormal) Path(p *Path, i int) error {
	if err := checkNormal("Mu", g.Mu, "Sigma", g.Sigma); err != nil {
		return err
	}
	d := distuv.LogNormal{Mu: g.Mu, Sigma: g.Sigma, Src: source(g.Seed, i)}
	for t := range p.Return {
		p.Return[t] = d.Rand() - 1
	}
	return nil
}

func checkNormal(mu string, m float64, sigma string, s float64) error {
	if math.IsNaN(m) || math.IsInf(m, 0) {
		return paramErr(mu, m, "not finite")
	}
	if !(s >= 0) || math.IsInf(s, 0) {
		return paramErr(sigma, s, "want finite and ≥ 0")
	}
	return nil
}

// AR1 draws returns whose log x_t = log(1 + i_t) follows an autoregressive
// process of order 1 (Box, Jenkins and Reinsel, Time Series Analysis, 4th
// ed., 2008, §3.2.4):
//
//	x_t = Mean + Phi·(x_{t−1} − Mean) + Sigma·ε_t,  ε_t independent N(0, 1).
//
// Valid range: Mean finite, −1 < Phi < 1 (stationary), Sigma ≥ 0 finite.
// The process starts from x_{−1} = Start, the log return of the year before
// the first, when FromStart is set (FitAR1 sets it to the last observed);
// otherwise x_0 is drawn from the stationary law N(Mean, Sigma²/(1 − Phi²)).
// Phi 0 is the Lognormal model. Seed picks the scenarios.
type AR1 struct {
	Mean, Phi, Sigma float64
	Start            float64 // x_{−1}, used when FromStart
	FromStart        bool    // false: the first year from the stationary law
	Seed             uint64
}

// Series is SeriesReturn.
func (AR1) Series() Series { return SeriesReturn }

// Validate checks the parameters.
func (g AR1) Validate() error {
	if err := checkNormal("Mean", g.Mean, "Sigma", g.Sigma); err != nil {
		return err
	}
	if !(g.Phi > -1 && g.Phi < 1) {
		return paramErr("Phi", g.Phi, "want −1 < Phi < 1")
	}
	if math.IsNaN(g.Start) || math.IsInf(g.Start, 0) {
		return paramErr("Start", g.Start, "not finite")
	}
	return nil
}

// Path fills p.Return with scenario i's returns, fractions a year.
func (g AR1) Path(p *Path, i int) error {
	if err := g.Validate(); err != nil {
		return err
	}
	eps := distuv.Normal{Mu: 0, Sigma: 1, Src: source(g.Seed, i)}
	x := g.Start
	for t := range p.Return {
		if t == 0 && !g.FromStart {
			x = g.Mean + g.Sigma/math.Sqrt(1-g.Phi*g.Phi)*eps.Rand()
		} else {
			x = g.Mean + g.Phi*(x-g.Mean) + g.Sigma*eps.Rand()
		}
		p.Return[t] = math.Expm1(x)
	}
	return nil
}

// The components of a [Joint] model, in its arrays.
const (
	JointReturn     = iota // log(1 + investment return)
	JointWageGrowth        // log(1 + wage growth)
	JointInflation         // log(1 + inflation)
	NumJoint               // the number of components
)

// Joint draws returns, wage growth and inflation together: each year the
// vector of their logs, x = (log(1+i), log(1+w), log(1+π)), is multivariate
// normal with means Mean, standard deviations StdDev and correlations Corr,
// independently from year to year (gonum distmv.Normal with covariance
// D·Corr·D, D = diag(StdDev)). The salary and indexation paths follow from
// the scheme's rules: salaries grow with the wage growth, pensions indexed
// to prices or wages with inflation or wage growth.
//
// Valid range: Mean finite; StdDev ≥ 0 finite (0: that series is
// its mean every year, exp(Mean) − 1); Corr symmetric with a unit diagonal
// and entries in [−1, 1], positive definite over the components with
// StdDev > 0. The zero Corr is not valid: set the identity for
// independent series. Seed picks the scenarios.
type Joint struct {
	Mean   [NumJoint]float64
	StdDev [NumJoint]float64
	Corr   [NumJoint][NumJoint]float64
	Seed   uint64
}

// Series is returns, wage growth and inflation.
func (Joint) Series() Series { return SeriesReturn | SeriesWageGrowth | SeriesInflation }

// normal returns the distribution of the components with a positive
// standard deviation, their indices, and an error for bad parameters.
func (g *Joint) normal(src rand.Source) (*distmv.Normal, []int, error) {
	names := [NumJoint]string{"return", "wage growth", "inflation"}
	var idx []int
	for k := range NumJoint {
		if err := checkNormal("Mean["+names[k]+"]", g.Mean[k], "StdDev["+names[k]+"]", g.StdDev[k]); err != nil {
			return nil, nil, err
		}
		for j := range NumJoint {
			c := g.Corr[k][j]
			switch {
			case !(c >= -1 && c <= 1):
				return nil, nil, paramErr(cellName(k, j), c, "want a correlation in [−1, 1]")
			case k == j && c != 1:
				return nil, nil, paramErr(cellName(k, j), c, "the diagonal must be 1")
			case c != g.Corr[j][k]:
				return nil, nil, paramErr(cellName(k, j), c, "not symmetric")
			}
		}
		if g.StdDev[k] > 0 {
			idx = append(idx, k)
		}
	}
	if len(idx) == 0 {
		return nil, nil, nil
	}
	mu := make([]float64, len(idx))
	cov := mat.NewSymDense(len(idx), nil)
	for a, k := range idx {
		mu[a] = g.Mean[k]
		for b, j := range idx[a:] {
			cov.SetSym(a, a+b, g.StdDev[k]*g.StdDev[j]*g.Corr[k][j])
		}
	}
	n, ok := distmv.NewNormal(mu, cov, src)
	if !ok {
		return nil, nil, paramErr("Corr", g.Corr, "not positive definite")
	}
	return n, idx, nil
}

func cellName(k, j int) string {
	return "Corr[" + string(rune('0'+k)) + "][" + string(rune('0'+j)) + "]"
}

// Validate checks the parameters.
func (g Joint) Validate() error {
	_, _, err := g.normal(nil)
	return err
}

// Path fills p with scenario i's returns, wage growth and inflation,
// fractions a year. The draws
// are distmv.Normal's, made for the whole path at once: standard normals z
// from scenario i's source, one row a year, turned into x = µ + Uᵀz by the
// Cholesky factor U of the covariance (Σ = UᵀU), as distmv.NormalRand
// does year by year.
func (g Joint) Path(p *Path, i int) error {
	var js jointScratch
	return g.path(p, i, &js)
}

// jointScratch is what a worker of [Run] keeps from one of a Joint's paths
// to the next: the distribution's factor for the parameters g (valid when
// ok; err its error), and the buffers of the draws, so that a path
// allocates nothing and factors nothing (the draws the same, bit for bit).
type jointScratch struct {
	g    Joint
	ok   bool
	err  error
	idx  []int
	mu   []float64
	u    mat.TriDense
	z, x mat.Dense
	pcg  rand.PCG
	rnd  *rand.Rand
}

// path is Path with the scratch js.
func (g Joint) path(p *Path, i int, js *jointScratch) error {
	if !js.ok || js.g != g {
		js.g, js.ok, js.idx, js.mu = g, true, nil, nil
		n, idx, err := g.normal(nil)
		js.err = err
		if err == nil && n != nil {
			var chol mat.Cholesky
			var cov mat.SymDense
			n.CovarianceMatrix(&cov)
			if !chol.Factorize(&cov) {
				js.err = paramErr("Corr", g.Corr, "not positive definite")
			} else {
				js.u.Reset()
				chol.UTo(&js.u)
				js.idx, js.mu = idx, n.Mean(nil)
			}
		}
	}
	if js.err != nil {
		return js.err
	}
	out := [NumJoint][]float64{p.Return, p.WageGrowth, p.Inflation}
	for k := range NumJoint {
		v := math.Expm1(g.Mean[k])
		for t := range out[k] {
			out[k][t] = v
		}
	}
	years := len(p.Return)
	if js.idx == nil || years == 0 {
		return nil
	}
	d := len(js.idx)
	if r, c := js.z.Dims(); js.z.IsEmpty() || r != years || c != d {
		js.z.Reset()
		js.z.ReuseAs(years, d)
		js.x.Reset()
	}
	js.pcg.Seed(g.Seed, uint64(i)) // source(g.Seed, i)
	if js.rnd == nil {
		js.rnd = rand.New(&js.pcg)
	}
	for j, raw := 0, js.z.RawMatrix().Data; j < len(raw); j++ {
		raw[j] = js.rnd.NormFloat64()
	}
	js.x.Mul(&js.z, &js.u) // row t: zᵀU = (Uᵀz)ᵀ
	for t := range years {
		for a, k := range js.idx {
			out[k][t] = math.Expm1(js.mu[a] + js.x.At(t, a))
		}
	}
	return nil
}
