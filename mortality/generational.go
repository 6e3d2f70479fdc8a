package mortality

import (
	"fmt"
	"math"
)

// Generational is a two-dimensional (generational) mortality table: q by age
// and calendar year. It is what a base table projected with an improvement
// scale becomes ([Improve]), and what a fitted Lee-Carter model becomes
// ([LeeCarter.Generational]).
//
// # Ages and years
//
// Ages are integers, age last birthday; years are calendar years (2025).
// Q(x, y) is q for a life aged x during calendar year y: a life born in year
// b reaches age x in year b + x, and [Generational.Cohort] reads that
// diagonal. The table does not split a calendar year: a projection that runs
// on 1 January chooses once whether a life aged x at that date belongs to
// cohort y − x or y − x − 1, and uses the choice throughout.
//
// # Tabulated years and beyond
//
// A Generational holds q on a grid of consecutive years, [Generational.Years],
// computed eagerly when it is built, so a lookup inside the grid is one
// index into a flat slice. Outside the grid each age follows a rule fixed at
// construction, evaluated in closed form (one exponential):
//
//   - from an improvement scale: after the last tabulated year L the
//     scale's rate of year L continues, q(x, y) = q(x, L)·(1 − AA(x, L))^(y−L);
//     before the first tabulated year F the rate of year F − 1 continues
//     backwards, q(x, y) = q(x, F)/(1 − AA(x, F − 1))^(F−y), capped at 1;
//   - from a Lee-Carter projection: q is held at its value in the last
//     (first) tabulated year after (before) the grid.
//
// Above MaxAge q is 1 in every year (a table ends with everyone dead);
// asking for an age below MinAge panics, as for any [Table].
//
// A Generational is immutable once built and safe for concurrent use: it
// keeps no cache and no reference to the scale or model it came from. Its
// zero value is not usable; build one with [Improve], [NewImproved] or a
// [LeeCarter] method.
type Generational struct {
	minAge, nAges   int
	firstYear, nYrs int
	q               []float64 // q[j*nAges+i]: age minAge+i in year firstYear+j, capped at 1

	// Per age, the rule outside the grid: log q before capping at the first
	// and last tabulated years, and the log of the yearly factor 1 − AA that
	// continues beyond them. A factor of 0 holds q constant.
	logFirst, logLast []float64
	logBefore         []float64 // log(1 − AA(x, F−1))
	logAfter          []float64 // log(1 − AA(x, L))
}

// CellError reports a bad value in a surface by age and calendar year: a
// central death rate given to [FitLeeCarter], or an improvement rate a
// [Scale] returned.
type CellError struct {
	Field string  // "m", "improvement", "deaths", "exposure", ...
	Age   int     // the age of the cell
	Year  int     // the calendar year of the cell
	Value float64 // the offending value
	Err   error   // ErrNotFinite, ErrRate, ErrNegative or ErrNotPositive
}

func (e *CellError) Error() string {
	return fmt.Sprintf("mortality: %s at age %d in %d is %v: %v", e.Field, e.Age, e.Year, e.Value, e.Err)
}

func (e *CellError) Unwrap() error { return e.Err }

// yearRanger is implemented by scales whose rates vary by year only over a
// known range, such as [*AgeYearScale]. [NewImproved] widens its grid to
// cover that range, so that the rule beyond the grid is exact.
type yearRanger interface {
	Years() (lo, hi int)
}

// Improve returns base, the period table of baseYear, projected to every
// calendar year with scale:
//
//	q(x, y) = base.Q(x)·Π_{u=baseYear}^{y−1} (1 − AA(x, u))      for y ≥ baseYear,
//	q(x, y) = min(1, base.Q(x) / Π_{u=y}^{baseYear−1} (1 − AA(x, u)))  for y < baseYear,
//
// with q capped at 1 in both directions (a negative AA, a deterioration,
// can push q up). See [Generational] for the years tabulated and the rule
// beyond them.
//
// Improve is the adapter for a table and a scale the caller has already
// checked: it panics, with a message starting "mortality:", on anything
// [NewImproved] reports as an error.
func Improve(base Table, baseYear int, scale Scale) *Generational {
	g, err := NewImproved(base, baseYear, scale)
	if err != nil {
		panic(err.Error())
	}
	return g
}

// NewImproved is [Improve] for data: it returns an error, rather than
// panicking, when base holds a rate outside [0, 1] (a [*RateError]) or scale
// returns an improvement rate that is not finite or not in (−1, 1) (a
// [*CellError] naming the age and year). It panics on a nil base or scale.
//
// The grid covers the ages base.MinAge()..base.MaxAge() and, with n their
// number, the years baseYear − n through baseYear + 2n: every cohort alive
// in baseYear, and every cohort born in the n years after it, to the end of
// the table. If scale has a method Years() (lo, hi int), as
// [*AgeYearScale] does, the grid is widened to cover lo..hi too. Beyond the
// grid the scale's rates of the nearest tabulated year continue (see
// [Generational]), which is exact for any scale constant in time outside
// those years: every one-dimensional scale, and two-dimensional scales with
// ultimate rates.
func NewImproved(base Table, baseYear int, scale Scale) (*Generational, error) {
	if base == nil {
		panic("mortality: Improve: nil base table")
	}
	if scale == nil {
		panic("mortality: Improve: nil improvement scale")
	}
	minAge, maxAge := base.MinAge(), base.MaxAge()
	if maxAge < minAge {
		return nil, fmt.Errorf("mortality: Improve: base table's maximum age %d is below its minimum age %d", maxAge, minAge)
	}
	nAges := maxAge - minAge + 1
	first, last := baseYear-nAges, baseYear+2*nAges
	if r, ok := scale.(yearRanger); ok {
		lo, hi := r.Years()
		first, last = min(first, lo), max(last, hi)
	}
	nYrs := last - first + 1
	g := &Generational{
		minAge: minAge, nAges: nAges,
		firstYear: first, nYrs: nYrs,
		q:         make([]float64, nAges*nYrs),
		logFirst:  make([]float64, nAges),
		logLast:   make([]float64, nAges),
		logBefore: make([]float64, nAges),
		logAfter:  make([]float64, nAges),
	}

	// b holds the base rates, c the uncapped rates of the year being filled,
	// f the factors 1 − AA(x, y) of one year.
	buf := make([]float64, 3*nAges)
	b, c, f := buf[:nAges], buf[nAges:2*nAges], buf[2*nAges:]
	for i := range b {
		v := base.Q(minAge + i)
		if err := checkRate("q", minAge+i, v); err != nil {
			return nil, err
		}
		b[i] = v
	}

	// Forward from the base year.
	copy(c, b)
	for y := baseYear; ; y++ {
		row := g.q[(y-first)*nAges:][:nAges]
		for i, v := range c {
			row[i] = min(1, v)
		}
		if y == last {
			break
		}
		if err := improvementFactors(f, scale, minAge, y); err != nil {
			return nil, err
		}
		for i, v := range f {
			c[i] *= v
		}
	}
	if err := improvementFactors(f, scale, minAge, last); err != nil {
		return nil, err
	}
	for i, v := range c {
		g.logLast[i] = math.Log(v)
		g.logAfter[i] = math.Log(f[i])
	}

	// Backward from the base year. A base rate of 0 stays 0; an uncapped
	// rate that overflows to +Inf is capped to 1.
	copy(c, b)
	for y := baseYear - 1; y >= first; y-- {
		if err := improvementFactors(f, scale, minAge, y); err != nil {
			return nil, err
		}
		row := g.q[(y-first)*nAges:][:nAges]
		for i, v := range f {
			c[i] /= v
			row[i] = min(1, c[i])
		}
	}
	if err := improvementFactors(f, scale, minAge, first-1); err != nil {
		return nil, err
	}
	for i, v := range c {
		g.logFirst[i] = math.Log(v)
		g.logBefore[i] = math.Log(f[i])
	}
	return g, nil
}

// improvementFactors sets f[i] = 1 − AA(minAge+i, year), checking each rate.
func improvementFactors(f []float64, scale Scale, minAge, year int) error {
	for i := range f {
		v := scale.Rate(minAge+i, year)
		if !(v > -1 && v < 1) {
			err := ErrRate
			if math.IsNaN(v) || math.IsInf(v, 0) {
				err = ErrNotFinite
			}
			return &CellError{Field: "improvement", Age: minAge + i, Year: year, Value: v, Err: err}
		}
		f[i] = 1 - v
	}
	return nil
}

// newHeldGenerational returns the Generational over the grid q (year-major,
// already checked to lie in [0, 1]) that holds q constant outside the grid.
// It takes ownership of q.
func newHeldGenerational(minAge, nAges, firstYear int, q []float64) *Generational {
	nYrs := len(q) / nAges
	g := &Generational{
		minAge: minAge, nAges: nAges,
		firstYear: firstYear, nYrs: nYrs,
		q:         q,
		logFirst:  make([]float64, nAges),
		logLast:   make([]float64, nAges),
		logBefore: make([]float64, nAges), // all 0: q held constant
		logAfter:  make([]float64, nAges),
	}
	for i := range nAges {
		g.logFirst[i] = math.Log(q[i])
		g.logLast[i] = math.Log(q[(nYrs-1)*nAges+i])
	}
	return g
}

// Q returns q for a life aged age (last birthday) in calendar year year: 1
// above MaxAge, the tabulated rate inside the grid, and the rule described
// at [Generational] outside it. It panics below MinAge. Inside the grid it
// costs one bounds check and one load, and it never allocates.
func (g *Generational) Q(age, year int) float64 {
	i, j := age-g.minAge, year-g.firstYear
	if uint(i) < uint(g.nAges) && uint(j) < uint(g.nYrs) {
		return g.q[j*g.nAges+i]
	}
	return g.qSlow(i, j)
}

// qSlow is Q for age index i and year index j off the grid.
func (g *Generational) qSlow(i, j int) float64 {
	switch {
	case i < 0:
		panic(fmt.Sprintf("mortality: age %d below the table's minimum age %d", g.minAge+i, g.minAge))
	case i >= g.nAges:
		return 1
	}
	return g.outside(i, j)
}

// outside applies the rule beyond the grid to age index i and year index j.
func (g *Generational) outside(i, j int) float64 {
	if j < 0 {
		f := g.logBefore[i]
		if f == 0 {
			return g.q[i]
		}
		return min(1, math.Exp(g.logFirst[i]-f*float64(-j)))
	}
	f := g.logAfter[i]
	if f == 0 {
		return g.q[(g.nYrs-1)*g.nAges+i]
	}
	return min(1, math.Exp(g.logLast[i]+f*float64(j-g.nYrs+1)))
}

// MinAge is the first age of the table.
func (g *Generational) MinAge() int { return g.minAge }

// MaxAge is the last age with a rate of its own; q is 1 above it.
func (g *Generational) MaxAge() int { return g.minAge + g.nAges - 1 }

// Years returns the first and last calendar years tabulated on the grid.
// Q is defined for every year; outside these it follows the rule described
// at [Generational].
func (g *Generational) Years() (first, last int) {
	return g.firstYear, g.firstYear + g.nYrs - 1
}

// Period returns the period table of calendar year year: q at age x is
// Q(x, year), over the ages MinAge..MaxAge. Its dynamic type is
// [*LifeTable], so survival and life expectancies are at hand (a period life
// expectancy, not a cohort one). It allocates a new table on each call.
func (g *Generational) Period(year int) Table {
	q := make([]float64, g.nAges)
	if j := year - g.firstYear; uint(j) < uint(g.nYrs) {
		copy(q, g.q[j*g.nAges:])
	} else {
		for i := range q {
			q[i] = g.outside(i, j)
		}
	}
	return newTable(g.minAge, q)
}

// Cohort returns the rates the cohort born in calendar year birthYear lives
// through: q at age x is Q(x, birthYear + x), over the ages MinAge..MaxAge
// (so the cohort's table starts at the base table's MinAge). Its dynamic type
// is [*LifeTable]: its survival function is the cohort's, and its life
// expectancies are cohort life expectancies. It allocates a new table on each
// call.
func (g *Generational) Cohort(birthYear int) Table {
	q := make([]float64, g.nAges)
	for i := range q {
		q[i] = g.Q(g.minAge+i, birthYear+g.minAge+i)
	}
	return newTable(g.minAge, q)
}
