// Mortality scenarios: Lee-Carter paths of the period index turned into
// each scenario's generational tables.

package stochastic

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// mortalityStream is mixed into a [LeeCarterMortality] seed so that its
// draws never share a stream with an economic generator of the same seed.
const mortalityStream = 0x9e3779b97f4a7c15

// LeeCarterMortality draws each scenario's mortality from Lee-Carter models,
// one per sex (Lee and Carter, "Modeling and forecasting U.S. mortality",
// JASA 87(419), 1992; [mortality.LeeCarter]). After a model's last fitted
// year T its period index follows the random walk with drift
//
//	k_{T+h} = k_{T+h−1} + d + σ·Z_h,  d = Model.Drift(), σ = Model.Sigma(),
//
// as [mortality.LeeCarter.Simulate] draws it (the innovations only; d and σ
// are taken as known). The scenario's generational table of a sex is
// Model.GenerationalPath(path): q(x, y) = 1 − exp(−exp(a_x + b_x·k_y)),
// fitted k in the fitted years, held before the first and after the last.
// With σ = 0 the path is the central forecast, Model.ForecastK, to
// rounding (the walk adds d year by year, the forecast multiplies it).
//
// Scenario i draws, for h = 1, 2, …, a pair of standard normals (z₁, z₂)
// from rand.NewPCG(Seed ^ 0x9e3779b97f4a7c15, i) of math/rand/v2; the
// men's innovation is Z_h = z₁ and the women's Z_h = ρ·z₁ + √(1−ρ²)·z₂, ρ
// = Corr. The paths thus depend on (Seed, i) only, not on the workers or
// the scheme, and a longer projection extends them without changing their
// first years. The XOR keeps them independent of an economic generator
// given the same Seed.
//
// The zero value is not valid: at least one model is required.
type LeeCarterMortality struct {
	// Models[sex.Index()] is the fitted model of that sex: consecutive
	// Ages and Years, len(A) = len(B) = len(Ages) > 0, len(K) = len(Years)
	// ≥ 2, every value finite. Nil: that sex keeps the scheme's mortality
	// in every scenario.
	Models [actuarial.NumSexes]*mortality.LeeCarter
	// Corr is the correlation ρ of the two sexes' innovations, in
	// [−1, 1]; 0: independent.
	Corr float64
	// Replace chooses how a scenario's Lee-Carter rates enter the scheme.
	// False (the zero value): each of the scheme's tables of that sex (one
	// per status, nil ones left to their fallbacks) is scaled by the
	// scenario's rate over the central forecast's, q·q_i(x, y)/q_c(x, y)
	// capped at 1, at the model's ages (other ages unscaled): the scheme
	// keeps its level and its differences by status, and the model gives
	// the uncertainty; σ = 0 gives the scheme's own projection. True: the
	// scenario's table is the mortality of every status of that sex (the
	// active table, with the others nil).
	Replace bool
	// Seed picks the scenarios.
	Seed uint64
}

// Validate checks the parameters, returning a *ParamError.
func (m *LeeCarterMortality) Validate() error {
	if !(m.Corr >= -1 && m.Corr <= 1) {
		return paramErr("LeeCarterMortality.Corr", m.Corr, "want a correlation in [−1, 1]")
	}
	some := false
	for sx, lc := range m.Models {
		if lc == nil {
			continue
		}
		some = true
		field := fmt.Sprintf("LeeCarterMortality.Models[%v]", actuarial.SexAt(sx))
		switch {
		case len(lc.Ages) == 0 || len(lc.A) != len(lc.Ages) || len(lc.B) != len(lc.Ages):
			return paramErr(field, fmt.Sprintf("%d ages, %d a_x, %d b_x", len(lc.Ages), len(lc.A), len(lc.B)), "want as many, at least 1")
		case len(lc.Years) < 2 || len(lc.K) != len(lc.Years):
			return paramErr(field, fmt.Sprintf("%d years, %d k_t", len(lc.Years), len(lc.K)), "want as many, at least 2")
		}
		for i := range lc.Ages {
			if lc.Ages[i] != lc.Ages[0]+i {
				return paramErr(field+".Ages", lc.Ages, "want consecutive increasing ages")
			}
		}
		for j := range lc.Years {
			if lc.Years[j] != lc.Years[0]+j {
				return paramErr(field+".Years", lc.Years, "want consecutive increasing years")
			}
		}
		for _, v := range [][]float64{lc.A, lc.B, lc.K} {
			for _, x := range v {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					return paramErr(field, x, "a parameter is not finite")
				}
			}
		}
	}
	if !some {
		return paramErr("LeeCarterMortality.Models", "none", "want a model for at least one sex")
	}
	return nil
}

// horizon is the number of years of k a projection to calendar year last
// (inclusive) needs after the model's last fitted year.
func horizon(lc *mortality.LeeCarter, last int) int {
	return max(0, last-lc.Years[len(lc.Years)-1])
}

// walk fills dst[sx] with each sex's path, drawing len of the longest pairs
// of normals from r.
func (m *LeeCarterMortality) walk(dst *[actuarial.NumSexes][]float64, r *rand.Rand) {
	var d, sigma, k [actuarial.NumSexes]float64
	n := 0
	for sx, lc := range m.Models {
		if lc != nil {
			d[sx], sigma[sx], k[sx] = lc.Drift(), lc.Sigma(), lc.K[len(lc.K)-1]
			n = max(n, len(dst[sx]))
		}
	}
	rho := m.Corr
	c := math.Sqrt(1 - rho*rho)
	for h := range n {
		z1, z2 := r.NormFloat64(), r.NormFloat64()
		z := [actuarial.NumSexes]float64{z1, rho*z1 + c*z2}
		for sx := range dst {
			if h < len(dst[sx]) {
				k[sx] += d[sx] + sigma[sx]*z[sx]
				dst[sx][h] = k[sx]
			}
		}
	}
}

// K writes scenario i's path of the period index k of sex's model into dst,
// len(dst) years from the model's last fitted year T: dst[h−1] is k in
// year T+h (dimensionless, on the model's scale). It returns dst;
// Models[sex.Index()].GenerationalPath(dst) is then the scenario's table of
// that sex, as a run uses it. A path's first years do not depend on its
// length nor on the other sex's. K allocates only the other sex's
// path. It returns a *ParamError for bad parameters, no model of that sex
// or i < 0.
func (m *LeeCarterMortality) K(dst []float64, sex actuarial.Sex, i int) ([]float64, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if !sex.Valid() || m.Models[sex.Index()] == nil {
		return nil, paramErr("sex", sex, "no model of that sex")
	}
	if i < 0 {
		return nil, paramErr("scenario", i, "want ≥ 0")
	}
	var paths [actuarial.NumSexes][]float64
	for sx := range paths {
		if m.Models[sx] != nil {
			paths[sx] = make([]float64, len(dst))
		}
	}
	paths[sex.Index()] = dst
	m.walk(&paths, rand.New(rand.NewPCG(m.Seed^mortalityStream, uint64(i))))
	return dst, nil
}

// lcTable is the YearTable a regime's projector reads for one status and
// sex: the scenario's Lee-Carter rates, or the scheme's table scaled by
// their ratio to the central forecast's. It reads them from its sex's
// lcRates, which the worker keeps for all the tables of that sex.
type lcTable struct {
	lc     *mortality.LeeCarter
	base   scheme.YearTable // nil: the Lee-Carter rates themselves
	rates  *lcRates
	minAge int
}

func (t *lcTable) MinAge() int { return t.minAge }

// lcQ is q = 1 − exp(−exp(a + b·k)) at age index i for year index j of k,
// held outside k's years, as mortality.LeeCarter.GenerationalPath has it.
func lcQ(lc *mortality.LeeCarter, k []float64, i, j int) float64 {
	j = min(max(j, 0), len(k)-1)
	return -math.Expm1(-math.Exp(lc.A[i] + lc.B[i]*k[j]))
}

func (t *lcTable) Q(age, year int) float64 {
	i, j := age-t.lc.Ages[0], year-t.lc.Years[0]
	if t.base == nil {
		if i >= len(t.lc.Ages) {
			return 1
		}
		return t.rates.scenario(max(i, 0), j)
	}
	q := t.base.Q(age, year)
	if i < 0 || i >= len(t.lc.Ages) {
		return q
	}
	c := t.rates.central(i, j)
	if !(c > 0) {
		return q
	}
	return min(1, q*t.rates.scenario(i, j)/c)
}

// lcRates are one sex's Lee-Carter rates as a worker's tables read them:
// the central forecast's, computed once, and the scenario's in the year
// asked last, each computed once a scenario and year. A projector asks the
// tables of every status (active, retired, disabled, survivor) of a sex
// for the same ages and year, and the ages below a table's first for its
// first: without them it took an exp and an expm1 twice a call, twice or
// more a rate, most of the time of a run with mortality scenarios. The
// values are lcQ's, bit for bit.
type lcRates struct {
	lc      *mortality.LeeCarter
	k       []float64 // the scenario's k by year from lc.Years[0] (the worker's, rewritten by draw)
	cen     []float64 // the central forecast's q by year index and age index (nil: not needed)
	year    int       // the year index of row (clamped into k's), −1: none
	row     []float64 // the scenario's q by age index in that year
	stamp   []uint32  // row[i] holds when stamp[i] = gen
	gen     uint32
	nj, nAg int
}

func newLCRates(lc *mortality.LeeCarter, k, kc []float64, central bool) *lcRates {
	r := &lcRates{lc: lc, k: k, year: -1, nj: len(k), nAg: len(lc.Ages)}
	r.row = make([]float64, r.nAg)
	r.stamp = make([]uint32, r.nAg)
	if central {
		r.cen = make([]float64, r.nj*r.nAg)
		for j := range r.nj {
			for i := range r.nAg {
				r.cen[j*r.nAg+i] = lcQ(lc, kc, i, j)
			}
		}
	}
	return r
}

// central is lcQ of the central forecast at age index i (within the
// model's ages) and year index j.
func (r *lcRates) central(i, j int) float64 {
	j = min(max(j, 0), r.nj-1)
	return r.cen[j*r.nAg+i]
}

// scenario is lcQ of the scenario's k at age index i (within the model's
// ages) and year index j.
func (r *lcRates) scenario(i, j int) float64 {
	if j = min(max(j, 0), r.nj-1); j != r.year {
		r.year = j
		if r.gen++; r.gen == 0 {
			clear(r.stamp)
			r.gen = 1
		}
	}
	if r.stamp[i] != r.gen {
		r.row[i] = lcQ(r.lc, r.k, i, j)
		r.stamp[i] = r.gen
	}
	return r.row[i]
}

// forget drops the scenario's rates held: its k changed.
func (r *lcRates) forget() { r.year = -1 }

// mortWorker is what a worker keeps to draw its scenarios' mortality.
type mortWorker struct {
	m      *LeeCarterMortality
	src    *rand.PCG
	rnd    *rand.Rand
	k, kc  [actuarial.NumSexes][]float64 // fitted K, then the path (central forecast for kc)
	path   [actuarial.NumSexes][]float64 // the path part of k
	rates  [actuarial.NumSexes]*lcRates
	tables []*lcTable
}

func newMortWorker(m *LeeCarterMortality, last int) *mortWorker {
	w := &mortWorker{m: m, src: rand.NewPCG(0, 0)}
	w.rnd = rand.New(w.src)
	for sx, lc := range m.Models {
		if lc == nil {
			continue
		}
		h := horizon(lc, last)
		w.k[sx] = append(append(make([]float64, 0, len(lc.K)+h), lc.K...), make([]float64, h)...)
		w.kc[sx] = append(append([]float64(nil), lc.K...), lc.ForecastK(h)...)
		w.path[sx] = w.k[sx][len(lc.K):]
		w.rates[sx] = newLCRates(lc, w.k[sx], w.kc[sx], !m.Replace)
	}
	return w
}

// attach replaces the mortality of s with tables reading the worker's k.
func (w *mortWorker) attach(s *scheme.Scheme) {
	mort := &s.Assumptions.Mortality
	for sx, lc := range w.m.Models {
		if lc == nil {
			continue
		}
		if w.m.Replace {
			t := &lcTable{lc: lc, rates: w.rates[sx], minAge: lc.Ages[0]}
			w.tables = append(w.tables, t)
			mort[scheme.StatusActive][sx] = t
			for st := scheme.StatusRetired; st < scheme.NumLifeStatuses; st++ {
				mort[st][sx] = nil
			}
			continue
		}
		for st := range scheme.NumLifeStatuses {
			if b := mort[st][sx]; b != nil {
				t := &lcTable{lc: lc, base: b, rates: w.rates[sx], minAge: b.MinAge()}
				w.tables = append(w.tables, t)
				mort[st][sx] = t
			}
		}
	}
}

// draw sets the worker's k to scenario i's.
func (w *mortWorker) draw(i int) {
	w.src.Seed(w.m.Seed^mortalityStream, uint64(i))
	w.m.walk(&w.path, w.rnd)
	for _, r := range w.rates {
		if r != nil {
			r.forget()
		}
	}
}
