// Mortality scenarios: a random shock on an improvement scale, turned into
// each scenario's generational tables.

package stochastic

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
	"gonum.org/v1/gonum/stat/distuv"
)

// improvementStream is mixed into an [ImprovementShock] seed so that its
// draws never share a stream with an economic generator or a
// [LeeCarterMortality] of the same seed.
const improvementStream = 0x6a09e667f3bcc909

// MortalityModel draws each scenario's mortality in a run
// ([Config.Mortality]): [*LeeCarterMortality] or [*ImprovementShock].
type MortalityModel interface {
	// Validate checks the model's parameters, returning a *ParamError.
	Validate() error
	// drawer returns what a worker keeps to draw the scenarios of a run of
	// schemes starting in calendar year first through calendar year last.
	drawer(first, last int) (mortalityDrawer, error)
}

// mortalityDrawer is a worker's part of a [MortalityModel].
type mortalityDrawer interface {
	// attach replaces the mortality of s with tables that read the
	// drawer's current scenario.
	attach(s *scheme.Scheme)
	// draw makes scenario i the current one.
	draw(i int)
}

func (m *LeeCarterMortality) drawer(_, last int) (mortalityDrawer, error) {
	return newMortWorker(m, last), nil
}

// ImprovementShock draws each scenario's mortality as a random shock on the
// improvement scale the scheme's tables were projected with: a level
// factor for the whole scenario and a shift for each year,
//
//	AA_i(x, u) = M_i·AA(x, u) + ε_{i,u},   log M_i ~ N(−σ²/2, σ²),   ε_{i,u} ~ N(0, τ²),
//
// for the calendar years u ≥ From, AA(x, u) being Scales[sex]'s rate (a
// positive rate a fall in q; see [mortality.Scale]), σ = Sigma, τ =
// YearSigma, M_i and the ε_{i,u} independent. E[M_i] = 1 and E[ε] = 0, so
// that the scale is the scenarios' mean improvement; σ spreads the
// scenarios' long-run level of improvement (a scenario improves M_i times
// as fast as the scale throughout), τ adds year-to-year noise common to
// every age (the shift of a year's improvement, as a period effect). The
// same M_i and ε_{i,u} apply to both sexes.
//
// A scenario's table of a status and sex is the scheme's table (projected
// on the central scale) times the scenario's improvement over the scale's
// since From:
//
//	q_i(x, y) = min(1, q(x, y)·Π_{u=From}^{y−1} max(0, 1 − AA_i(x, u)) / (1 − AA(x, u))),
//
// q(x, y) in calendar years up to From. With σ = τ = 0 each factor is 1
// and every scenario's table is the scheme's, bit for bit. The shock
// applies to the ages 0..census.MaxCensusAge of every table of a sex with
// a scale (each status's; nil tables are left to their fallbacks).
//
// Scenario i draws M_i then ε_{i,From}, ε_{i,From+1}, … with distuv
// (LogNormal, Normal) from rand.NewPCG(Seed ^ 0x6a09e667f3bcc909, i) of
// math/rand/v2: the draws depend on (Seed, i) only, not on the workers or
// the scheme, a longer projection extends them without changing their first
// years, and the XOR keeps them apart from an economic generator or a
// [LeeCarterMortality] given the same Seed.
//
// The zero value is not valid: at least one scale is required.
type ImprovementShock struct {
	// Scales[sex.Index()] is the improvement scale the scheme's tables of
	// that sex were projected with ([mortality.Improve]), rates in (−1, 1);
	// nil: that sex keeps the scheme's mortality in every scenario.
	Scales [actuarial.NumSexes]mortality.Scale
	// From is the first calendar year whose improvement is uncertain; 0:
	// the scheme's StartYear.
	From int
	// Sigma is σ, the standard deviation of the log of the level factor
	// M_i, ≥ 0 (dimensionless; 0.3 spreads the level of improvement by
	// about ±30%).
	Sigma float64
	// YearSigma is τ, the standard deviation of a year's shift ε, ≥ 0, a
	// fraction a year like the scale's rates (0.005: half a point of
	// improvement).
	YearSigma float64
	// Seed picks the scenarios.
	Seed uint64
}

// Validate checks the parameters, returning a *ParamError.
func (m *ImprovementShock) Validate() error {
	switch {
	case m.Scales[0] == nil && m.Scales[1] == nil:
		return paramErr("ImprovementShock.Scales", "none", "want a scale for at least one sex")
	case !(m.Sigma >= 0) || math.IsInf(m.Sigma, 0):
		return paramErr("ImprovementShock.Sigma", m.Sigma, "want a finite value ≥ 0")
	case !(m.YearSigma >= 0) || math.IsInf(m.YearSigma, 0):
		return paramErr("ImprovementShock.YearSigma", m.YearSigma, "want a finite value ≥ 0")
	case m.From < 0:
		return paramErr("ImprovementShock.From", m.From, "want a calendar year, or 0")
	}
	return nil
}

// Shocks returns scenario i's level factor M_i and writes its yearly shifts
// into dst: dst[h] is ε_{i,From+h} (a fraction a year). A scenario's first
// shifts do not depend on len(dst). It returns a *ParamError for bad
// parameters or i < 0.
func (m *ImprovementShock) Shocks(dst []float64, i int) (float64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if i < 0 {
		return 0, paramErr("scenario", i, "want ≥ 0")
	}
	return m.shocks(dst, rand.NewPCG(m.Seed^improvementStream, uint64(i))), nil
}

// shocks draws M and the shifts from src.
func (m *ImprovementShock) shocks(dst []float64, src rand.Source) float64 {
	level := distuv.LogNormal{Mu: -m.Sigma * m.Sigma / 2, Sigma: m.Sigma, Src: src}.Rand()
	eps := distuv.Normal{Mu: 0, Sigma: m.YearSigma, Src: src}
	for h := range dst {
		dst[h] = eps.Rand()
	}
	return level
}

// Apply replaces the mortality of s with scenario i's, for the calendar
// years up to last, as a run of s projects it: each table of a sex with a
// scale becomes the scheme's table times the scenario's improvement over
// the scale's. It is for looking at one scenario or projecting it alone;
// [Run] draws the scenarios itself. It returns a *ParamError for bad
// parameters or i < 0, and an error for a scale rate outside (−1, 1).
func (m *ImprovementShock) Apply(s *scheme.Scheme, i, last int) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if i < 0 {
		return paramErr("scenario", i, "want ≥ 0")
	}
	d, err := m.drawer(s.StartYear, last)
	if err != nil {
		return err
	}
	d.attach(s)
	d.draw(i)
	return nil
}

func (m *ImprovementShock) drawer(first, last int) (mortalityDrawer, error) {
	from := m.From
	if from == 0 {
		from = first
	}
	w := &shockDrawer{m: m, from: from, src: rand.NewPCG(0, 0)}
	ny := max(last-from+1, 1) // years from..last
	w.eps = make([]float64, ny-1)
	for sx, sc := range m.Scales {
		if sc == nil {
			continue
		}
		// The scale's factors 1 − AA(x, u) of the years from..last−1, and
		// the scenario's cumulated improvement over them, year 0 (From)
		// being 1.
		w.aa[sx] = make([]float64, (ny-1)*shockAges)
		for j := range ny - 1 {
			for age := range shockAges {
				a := sc.Rate(age, from+j)
				if !(a > -1 && a < 1) {
					return nil, fmt.Errorf("stochastic: ImprovementShock.Scales[%v] at age %d in %d is %v: %w: want a rate in (−1, 1)",
						actuarial.SexAt(sx), age, from+j, a, ErrParameter)
				}
				w.aa[sx][j*shockAges+age] = a
			}
		}
		w.ratio[sx] = make([]float64, ny*shockAges)
		for age := range shockAges {
			w.ratio[sx][age] = 1
		}
	}
	return w, nil
}

// shockAges are the ages a shock applies to.
const shockAges = census.MaxCensusAge + 1

// shockDrawer is a worker's part of an [ImprovementShock].
type shockDrawer struct {
	m    *ImprovementShock
	from int
	src  *rand.PCG
	eps  []float64
	// aa[sx][j·shockAges + age] is the scale's rate in year from+j;
	// ratio[sx][j·shockAges + age] the current scenario's q over the
	// scheme's in year from+j (1 for j = 0), held after the last year.
	aa, ratio [actuarial.NumSexes][]float64
}

func (w *shockDrawer) attach(s *scheme.Scheme) {
	mort := &s.Assumptions.Mortality
	for sx := range w.m.Scales {
		if w.ratio[sx] == nil {
			continue
		}
		for st := range scheme.NumLifeStatuses {
			if b := mort[st][sx]; b != nil {
				mort[st][sx] = &shockTable{base: b, ratio: &w.ratio[sx], from: w.from}
			}
		}
	}
}

func (w *shockDrawer) draw(i int) {
	w.src.Seed(w.m.Seed^improvementStream, uint64(i))
	level := w.m.shocks(w.eps, w.src)
	for sx, r := range w.ratio {
		if r == nil {
			continue
		}
		aa := w.aa[sx]
		for j, e := range w.eps {
			prev, next, rates := r[j*shockAges:(j+1)*shockAges], r[(j+1)*shockAges:(j+2)*shockAges], aa[j*shockAges:(j+1)*shockAges]
			for age, a := range rates {
				next[age] = prev[age] * (max(0, 1-(level*a+e)) / (1 - a))
			}
		}
	}
}

// shockTable is the YearTable a regime's projector reads for one status
// and sex: the scheme's table times the worker's current ratio.
type shockTable struct {
	base  scheme.YearTable
	ratio *[]float64
	from  int
}

func (t *shockTable) MinAge() int { return t.base.MinAge() }

func (t *shockTable) Q(age, year int) float64 {
	q := t.base.Q(age, year)
	j := year - t.from
	if j <= 0 || age >= shockAges {
		return q
	}
	r := *t.ratio
	j = min(j, len(r)/shockAges-1)
	return min(1, q*r[j*shockAges+age])
}
