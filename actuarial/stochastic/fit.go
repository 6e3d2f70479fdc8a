// Estimation of the AR(1) model from a history of returns.

package stochastic

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
)

// AR1Fit is an [AR1] model estimated from a history, with the standard
// errors of its estimates.
type AR1Fit struct {
	Model   AR1     // the estimates; Start is the last observed log return, FromStart set
	MeanSE  float64 // standard error of Model.Mean (delta method)
	PhiSE   float64 // standard error of Model.Phi
	SigmaSE float64 // asymptotic standard error of Model.Sigma, σ̂/√(2m)
	N       int     // the pairs (x_{t−1}, x_t) regressed, len(returns) − 1
}

// FitAR1 estimates an [AR1] model from a history of yearly returns
// (fractions, oldest first) by conditional least squares: the ordinary least
// squares regression of x_t on x_{t−1}, x = log(1 + return), over the m =
// len(returns) − 1 pairs (Hamilton, Time Series Analysis, 1994, §5.2 and
// §8.1; gonum stat.LinearRegression). With intercept α and slope φ,
//
//	Phi = φ,  Mean = α/(1 − φ),  Sigma² = Σ residuals² / (m − 2),
//
// SE(φ) = σ̂/√Sxx with Sxx = Σ (x_{t−1} − x̄)², the OLS standard errors; the
// mean's by the delta method from the covariance of (α, φ). It needs at
// least 4 returns, each finite and above −1, and a fitted Phi strictly
// between −1 and 1; otherwise it returns an error wrapping ErrHistory that
// names the index and the value.
func FitAR1(returns []float64) (AR1Fit, error) {
	if len(returns) < 4 {
		return AR1Fit{}, fmt.Errorf("stochastic: FitAR1 of %d returns: %w: want at least 4", len(returns), ErrHistory)
	}
	m := len(returns) - 1
	prev, next := make([]float64, m), make([]float64, m)
	for t, r := range returns {
		if !(r > -1) || math.IsInf(r, 0) {
			return AR1Fit{}, fmt.Errorf("stochastic: FitAR1: return %d = %v: %w: want finite and above −1", t, r, ErrHistory)
		}
		x := math.Log1p(r)
		if t < m {
			prev[t] = x
		}
		if t > 0 {
			next[t-1] = x
		}
	}
	alpha, phi := stat.LinearRegression(prev, next, nil, false)
	mean := stat.Mean(prev, nil)
	var sxx, rss float64
	for t := range prev {
		d := prev[t] - mean
		sxx += d * d
		e := next[t] - alpha - phi*prev[t]
		rss += e * e
	}
	if sxx == 0 {
		return AR1Fit{}, fmt.Errorf("stochastic: FitAR1: %w: the returns are constant", ErrHistory)
	}
	if !(phi > -1 && phi < 1) {
		return AR1Fit{}, fmt.Errorf("stochastic: FitAR1: Phi = %v: %w: not stationary", phi, ErrHistory)
	}
	s2 := rss / float64(m-2)
	varPhi := s2 / sxx
	varAlpha := s2 * (1/float64(m) + mean*mean/sxx)
	covAP := -s2 * mean / sxx
	// Mean = α/(1−φ): gradient (1/(1−φ), α/(1−φ)²).
	ga, gp := 1/(1-phi), alpha/((1-phi)*(1-phi))
	varMean := ga*ga*varAlpha + 2*ga*gp*covAP + gp*gp*varPhi
	sigma := math.Sqrt(s2)
	return AR1Fit{
		Model: AR1{
			Mean: alpha / (1 - phi), Phi: phi, Sigma: sigma,
			Start: math.Log1p(returns[len(returns)-1]), FromStart: true,
		},
		MeanSE:  math.Sqrt(varMean),
		PhiSE:   math.Sqrt(varPhi),
		SigmaSE: sigma / math.Sqrt(2*float64(m)),
		N:       m,
	}, nil
}
