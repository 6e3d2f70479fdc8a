package mortality

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// LeeCarter is the Lee-Carter model of central death rates (Lee, R. D. &
// Carter, L. R. (1992), "Modeling and forecasting U.S. mortality", Journal
// of the American Statistical Association 87(419), 659–671):
//
//	log m(x, t) = a_x + b_x·k_t + ε(x, t),
//
// with the identification constraints Σ_x b_x = 1 and Σ_t k_t = 0, and the
// period index k_t following a random walk with drift,
//
//	k_t = k_{t−1} + d + σ·Z_t,  Z_t independent standard normal.
//
// m is the central death rate of age x (last birthday) in calendar year t:
// deaths over the central exposure to risk, per person-year.
//
// A LeeCarter is usually the result of [FitLeeCarter]; a literal with
// published parameters works too, provided Ages and Years are consecutive
// increasing integers, len(A) = len(B) = len(Ages), and len(K) = len(Years)
// ≥ 2. Drift, Sigma, ForecastK and Simulate need only K. Its methods do not
// modify it and are safe for concurrent use. The zero value is not a model:
// its methods panic with a message starting "mortality:".
type LeeCarter struct {
	Ages  []int     // the ages x, consecutive and increasing
	Years []int     // the calendar years t, consecutive and increasing; at least 2
	A     []float64 // a_x, the mean over the years of log m(x, t); A[i] belongs to Ages[i]
	B     []float64 // b_x, the sensitivity of log m at age x to k; Σ b_x = 1
	K     []float64 // k_t, the period index; K[j] belongs to Years[j]; Σ k_t = 0 when fitted

	// Explained is the share of the variance of the centred log rates that
	// the first singular vector explains, s₁²/Σ sᵢ², in [0, 1]. Zero means
	// not known (a model not built by FitLeeCarter, or one whose k was
	// re-estimated by RefitK).
	Explained float64
}

// FitLeeCarter fits the Lee-Carter model to central death rates by the
// singular value decomposition of Lee & Carter (1992):
//
//  1. a_x is the mean over the years of log m(x, t);
//  2. the centred matrix Z(x, t) = log m(x, t) − a_x is decomposed,
//     Z = U·S·Vᵀ (gonum's [mat.SVD]), and the rank-1 term s₁·u₁·v₁ᵀ gives
//     b = u₁ and k = s₁·v₁;
//  3. b and k are rescaled so that Σ b_x = 1 (which fixes the sign); Σ k_t
//     = 0 holds already because the rows of Z are centred.
//
// There is no second-stage re-estimation of k (Lee and Carter refit k_t to
// the observed deaths of each year); see [LeeCarter.RefitK] for it.
//
// m has one row per age and one column per year: m.At(i, j) is the central
// death rate at age ages[i] in year years[j]. ages and years must be
// consecutive increasing integers; years must hold at least 2 years. Every
// rate must be positive and finite. FitLeeCarter returns an error wrapping
// [ErrShape] or [ErrEmpty] for bad dimensions, [ErrMissingAge] or
// [ErrDuplicate] for ages with a gap or out of order, [ErrYearOrder] for
// years with a gap or out of order, and a
// [*CellError] naming the age, the year and the value for a bad rate
// (wrapping [ErrNotPositive] or [ErrNotFinite]). The slices are copied.
func FitLeeCarter(ages, years []int, m *mat.Dense) (*LeeCarter, error) {
	if err := checkConsecutive("ages", ages); err != nil {
		return nil, err
	}
	if err := checkConsecutive("years", years); err != nil {
		return nil, err
	}
	if len(years) < 2 {
		return nil, fmt.Errorf("mortality: FitLeeCarter: %d year of data, need at least 2: %w", len(years), ErrEmpty)
	}
	if m == nil || m.IsEmpty() {
		return nil, fmt.Errorf("mortality: FitLeeCarter: no rates (nil or empty matrix) for %d ages and %d years: %w", len(ages), len(years), ErrShape)
	}
	nx, nt := len(ages), len(years)
	if r, c := m.Dims(); r != nx || c != nt {
		return nil, fmt.Errorf("mortality: FitLeeCarter: m is %d×%d, ages × years is %d×%d: %w", r, c, nx, nt, ErrShape)
	}

	// Log rates, then centre each row on its mean a_x.
	z := mat.NewDense(nx, nt, nil)
	a := make([]float64, nx)
	for i := range nx {
		row := z.RawRowView(i)
		var s float64
		for j := range nt {
			v := m.At(i, j)
			switch {
			case math.IsNaN(v) || math.IsInf(v, 0):
				return nil, &CellError{Field: "m", Age: ages[i], Year: years[j], Value: v, Err: ErrNotFinite}
			case v <= 0:
				return nil, &CellError{Field: "m", Age: ages[i], Year: years[j], Value: v, Err: ErrNotPositive}
			}
			row[j] = math.Log(v)
			s += row[j]
		}
		a[i] = s / float64(nt)
		for j := range row {
			row[j] -= a[i]
		}
	}

	var svd mat.SVD
	if !svd.Factorize(z, mat.SVDThin) {
		return nil, errors.New("mortality: FitLeeCarter: the singular value decomposition did not converge")
	}
	sv := svd.Values(nil)
	var ss float64
	for _, s := range sv {
		ss += s * s
	}
	if !(sv[0] > 0) {
		return nil, errors.New("mortality: FitLeeCarter: the log rates do not vary over the years; k is not identified")
	}
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	b := make([]float64, nx)
	var sb float64
	for i := range b {
		b[i] = u.At(i, 0)
		sb += b[i]
	}
	// Σ b = 0 (to rounding) leaves the normalisation undefined.
	var sAbs float64
	for _, x := range b {
		sAbs += math.Abs(x)
	}
	if math.Abs(sb) <= 1e-12*sAbs {
		return nil, errors.New("mortality: FitLeeCarter: the first singular vector sums to zero; Σ b_x = 1 cannot be imposed")
	}
	for i := range b {
		b[i] /= sb
	}
	k := make([]float64, nt)
	for j := range k {
		k[j] = sv[0] * v.At(j, 0) * sb
	}
	return &LeeCarter{
		Ages:      append([]int(nil), ages...),
		Years:     append([]int(nil), years...),
		A:         a,
		B:         b,
		K:         k,
		Explained: sv[0] * sv[0] / ss,
	}, nil
}

func checkConsecutive(field string, xs []int) error {
	if len(xs) == 0 {
		return fmt.Errorf("mortality: no %s: %w", field, ErrEmpty)
	}
	for i := 1; i < len(xs); i++ {
		var err error
		switch {
		case xs[i] == xs[i-1]+1:
			continue
		case field == "years":
			err = ErrYearOrder
		case xs[i] > xs[i-1]:
			err = ErrMissingAge
		default:
			err = ErrDuplicate
		}
		return fmt.Errorf("mortality: %s %d then %d, not consecutive: %w", field, xs[i-1], xs[i], err)
	}
	return nil
}

// check panics, with a message starting "mortality:", if lc is not a
// consistent model.
func (lc *LeeCarter) check() {
	switch {
	case len(lc.Ages) == 0 || len(lc.A) != len(lc.Ages) || len(lc.B) != len(lc.Ages):
		panic(fmt.Sprintf("mortality: LeeCarter has %d ages, %d a_x and %d b_x", len(lc.Ages), len(lc.A), len(lc.B)))
	case len(lc.Years) < 2 || len(lc.K) != len(lc.Years):
		panic(fmt.Sprintf("mortality: LeeCarter has %d years and %d k_t; need as many, at least 2", len(lc.Years), len(lc.K)))
	}
	if err := checkConsecutive("ages", lc.Ages); err != nil {
		panic(err.Error())
	}
	if err := checkConsecutive("years", lc.Years); err != nil {
		panic(err.Error())
	}
}

// Drift returns the drift d of the random walk fitted to k: the mean yearly
// change, (k_T − k_1)/(T − 1), the maximum-likelihood estimator under
// normal innovations (Lee & Carter 1992, §3). It panics if K has fewer than
// 2 values.
func (lc *LeeCarter) Drift() float64 {
	n := len(lc.K)
	if n < 2 {
		panic(fmt.Sprintf("mortality: LeeCarter.Drift: %d values of k, need at least 2", n))
	}
	return (lc.K[n-1] - lc.K[0]) / float64(n-1)
}

// Sigma returns σ, the standard deviation of the yearly innovations of the
// random walk: the sample standard deviation of the T − 1 changes Δk_t =
// k_t − k_{t−1} about the drift d, with T − 2 degrees of freedom,
//
//	σ² = Σ_{t=2}^{T} (Δk_t − d)² / (T − 2).
//
// With only 2 years one change leaves no spread to estimate and Sigma
// returns 0. It panics if K has fewer than 2 values.
func (lc *LeeCarter) Sigma() float64 {
	n := len(lc.K)
	d := lc.Drift()
	if n < 3 {
		return 0
	}
	var s float64
	for t := 1; t < n; t++ {
		e := lc.K[t] - lc.K[t-1] - d
		s += e * e
	}
	return math.Sqrt(s / float64(n-2))
}

// ForecastK returns the central forecast of k for the years T+1..T+horizon
// after the last fitted year T: k_{T+h} = k_T + h·d, with d the [Drift].
// Element h−1 belongs to year T+h. It panics for a negative horizon.
func (lc *LeeCarter) ForecastK(horizon int) []float64 {
	if horizon < 0 {
		panic(fmt.Sprintf("mortality: LeeCarter.ForecastK: negative horizon %d", horizon))
	}
	d := lc.Drift()
	kT := lc.K[len(lc.K)-1]
	k := make([]float64, horizon)
	for h := range k {
		k[h] = kT + float64(h+1)*d
	}
	return k
}

// Simulate writes one simulated path of k for the years T+1..T+horizon into
// dst and returns it: k_{T+h} = k_{T+h−1} + d + σ·Z_h with d the [Drift], σ
// the [Sigma] and Z_h standard normal variates drawn from src, in order.
// Only the innovations are random; d and σ are taken as known (parameter
// uncertainty is not simulated). The path is a deterministic function of
// src's state: the same seed gives the same path, and successive calls with
// one src give independent paths.
//
// Simulate allocates only when dst is nil; otherwise len(dst) must equal
// horizon. It panics for a negative horizon, a length mismatch or a nil src.
func (lc *LeeCarter) Simulate(dst []float64, horizon int, src rand.Source) []float64 {
	if horizon < 0 {
		panic(fmt.Sprintf("mortality: LeeCarter.Simulate: negative horizon %d", horizon))
	}
	if src == nil {
		panic("mortality: LeeCarter.Simulate: nil random source")
	}
	if dst == nil {
		dst = make([]float64, horizon)
	} else if len(dst) != horizon {
		panic(fmt.Sprintf("mortality: LeeCarter.Simulate: len(dst) = %d, horizon %d", len(dst), horizon))
	}
	d, sigma := lc.Drift(), lc.Sigma()
	r := rand.New(src)
	k := lc.K[len(lc.K)-1]
	for h := range dst {
		k += d + sigma*r.NormFloat64()
		dst[h] = k
	}
	return dst
}

// M returns the model's central death rate at age for a given value of the
// period index k: exp(a_x + b_x·k). It panics for an age outside Ages.
func (lc *LeeCarter) M(age int, k float64) float64 {
	if len(lc.Ages) == 0 || len(lc.A) != len(lc.Ages) || len(lc.B) != len(lc.Ages) {
		panic(fmt.Sprintf("mortality: LeeCarter has %d ages, %d a_x and %d b_x", len(lc.Ages), len(lc.A), len(lc.B)))
	}
	i := age - lc.Ages[0]
	if i < 0 || i >= len(lc.Ages) {
		panic(fmt.Sprintf("mortality: LeeCarter.M: age %d outside the model's ages %d..%d", age, lc.Ages[0], lc.Ages[len(lc.Ages)-1]))
	}
	return math.Exp(lc.A[i] + lc.B[i]*k)
}

// Generational returns the model as a generational table over the fitted
// years and the horizon years after them: the central forecast
// ([LeeCarter.ForecastK]) for T+1..T+horizon. It is
// [LeeCarter.GenerationalPath] of that forecast; see there for the rates.
// It panics for a negative horizon.
func (lc *LeeCarter) Generational(horizon int) *Generational {
	return lc.GenerationalPath(lc.ForecastK(horizon))
}

// GenerationalPath returns the model as a generational table for a given
// path of the period index after the last fitted year T: path[h−1] is k in
// year T+h (a central forecast, or a path from [LeeCarter.Simulate]).
//
// The table covers the ages of the model and the years from the first
// fitted year to T+len(path). In the fitted years it holds the model's
// fitted rates (not the observed ones), with k from K. The rate of death is
// q = 1 − exp(−m), m = exp(a_x + b_x·k_t): the force of mortality is taken
// as constant, and equal to the central rate m, over each year of age and
// calendar year. Before the first fitted year and after the last year of
// the path, q is held at its value in that first or last year: no
// improvement is assumed beyond the horizon. Above the last age q is 1.
//
// It panics if lc is not a consistent model (see [LeeCarter]) or path or
// the model holds a value that is not finite.
func (lc *LeeCarter) GenerationalPath(path []float64) *Generational {
	lc.check()
	nx := len(lc.Ages)
	nYrs := len(lc.K) + len(path)
	q := make([]float64, nYrs*nx)
	for j := range nYrs {
		var k float64
		if j < len(lc.K) {
			k = lc.K[j]
		} else {
			k = path[j-len(lc.K)]
		}
		if math.IsNaN(k) || math.IsInf(k, 0) {
			panic(fmt.Sprintf("mortality: LeeCarter: k is %v in %d", k, lc.Years[0]+j))
		}
		row := q[j*nx:][:nx]
		for i := range row {
			lm := lc.A[i] + lc.B[i]*k
			if math.IsNaN(lm) {
				panic(fmt.Sprintf("mortality: LeeCarter: log m is NaN at age %d in %d (a = %v, b = %v)", lc.Ages[i], lc.Years[0]+j, lc.A[i], lc.B[i]))
			}
			row[i] = -math.Expm1(-math.Exp(lm))
		}
	}
	return newHeldGenerational(lc.Ages[0], nx, lc.Years[0], q)
}

// RefitK returns a copy of lc with k re-estimated year by year to the
// observed deaths: Lee and Carter's (1992) second stage. For each year t,
// k_t solves
//
//	Σ_x E(x, t)·exp(a_x + b_x·k_t) = Σ_x D(x, t),
//
// so the model reproduces each year's total deaths, found by Newton's method
// from the first-stage k_t. a and b are unchanged, and Σ k_t = 0 no longer
// holds exactly. deaths and exposures have lc's shape, one row per age and
// one column per year, with deaths ≥ 0 and central exposures > 0.
//
// It returns an error wrapping [ErrShape] for a matrix of the wrong shape, a
// [*CellError] for a bad count (wrapping [ErrNotFinite], [ErrNegative] or
// [ErrNotPositive]), and an error naming the year when a year has no deaths
// or Newton's method does not converge (possible only when some b_x < 0).
func (lc *LeeCarter) RefitK(deaths, exposures *mat.Dense) (*LeeCarter, error) {
	lc.check()
	nx, nt := len(lc.Ages), len(lc.Years)
	for _, c := range []struct {
		name string
		m    *mat.Dense
	}{{"deaths", deaths}, {"exposures", exposures}} {
		if c.m == nil || c.m.IsEmpty() {
			return nil, fmt.Errorf("mortality: RefitK: no %s: %w", c.name, ErrShape)
		}
		if r, cc := c.m.Dims(); r != nx || cc != nt {
			return nil, fmt.Errorf("mortality: RefitK: %s is %d×%d, ages × years is %d×%d: %w", c.name, r, cc, nx, nt, ErrShape)
		}
	}
	out := *lc
	out.Ages = append([]int(nil), lc.Ages...)
	out.Years = append([]int(nil), lc.Years...)
	out.A = append([]float64(nil), lc.A...)
	out.B = append([]float64(nil), lc.B...)
	out.K = make([]float64, nt)
	out.Explained = 0 // describes the first stage only
	for j := range nt {
		var total float64
		for i := range nx {
			d, e := deaths.At(i, j), exposures.At(i, j)
			age, year := lc.Ages[i], lc.Years[j]
			switch {
			case math.IsNaN(d) || math.IsInf(d, 0):
				return nil, &CellError{Field: "deaths", Age: age, Year: year, Value: d, Err: ErrNotFinite}
			case d < 0:
				return nil, &CellError{Field: "deaths", Age: age, Year: year, Value: d, Err: ErrNegative}
			case math.IsNaN(e) || math.IsInf(e, 0):
				return nil, &CellError{Field: "exposure", Age: age, Year: year, Value: e, Err: ErrNotFinite}
			case e <= 0:
				return nil, &CellError{Field: "exposure", Age: age, Year: year, Value: e, Err: ErrNotPositive}
			}
			total += d
		}
		if total == 0 {
			return nil, fmt.Errorf("mortality: RefitK: no deaths in %d; k is not identified", lc.Years[j])
		}
		k, ok := solveK(lc.A, lc.B, exposures, j, total, lc.K[j])
		if !ok {
			return nil, fmt.Errorf("mortality: RefitK: Newton's method for k did not converge in %d", lc.Years[j])
		}
		out.K[j] = k
	}
	return &out, nil
}

// solveK solves Σ_i E(i, j)·exp(a_i + b_i·k) = total for k by Newton's
// method from k0. The left side is convex in k, and increasing when every
// b_i > 0, so the iteration converges from any start in that case.
func solveK(a, b []float64, e *mat.Dense, j int, total, k0 float64) (float64, bool) {
	const (
		maxIter = 100
		relTol  = 1e-13
	)
	k := k0
	for range maxIter {
		var f, df float64
		for i := range a {
			v := e.At(i, j) * math.Exp(a[i]+b[i]*k)
			f += v
			df += b[i] * v
		}
		if !(df > 0) || math.IsInf(f, 0) {
			return 0, false
		}
		step := (f - total) / df
		k -= step
		if math.Abs(step) <= relTol*(1+math.Abs(k)) {
			return k, true
		}
	}
	return 0, false
}
