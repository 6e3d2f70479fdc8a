// The risk-based solve: the lever value that keeps the probability of
// exhausting the reserve at or below a bound.

package stochastic

import (
	"context"
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial/scheme"
)

// RiskTarget is what [SolveRisk] looks for: the smallest value x of a lever
// in [Lo, Hi] at which the probability that the reserve is exhausted in
// calendar year By or before is at most MaxProbability.
type RiskTarget struct {
	By             int     // the calendar year T; within the projected years
	MaxProbability float64 // p, in [0, 1)
	Lo, Hi         float64 // the bracket of the lever, Lo < Hi, both finite
	// Tol is the width of the final bracket; 0: (Hi − Lo)·1e-6.
	Tol float64
}

// RiskSolution is the result of [SolveRisk].
type RiskSolution struct {
	X           float64  // the lever: the upper end of the final bracket, where the target holds
	Probability Estimate // P(exhausted by By) at X, with its Monte Carlo error
	Below       Estimate // the probability at X − the final bracket's width, where the target fails (equal to Probability when X is Lo)
	Trials      int      // the stochastic runs made
}

// SolveRisk finds the smallest lever value x in [t.Lo, t.Hi] (in the
// lever's own units: a fraction for a contribution rate) whose scheme,
// apply(x), exhausts its reserve by year t.By in at most a share
// t.MaxProbability of the scenarios of g selected by c, by bisection. Every
// trial runs the same scenarios (common random numbers), so the estimated
// probability moves only with the lever, not with the noise; for a lever
// that only adds to the reserve (a contribution rate, a transfer) it is a
// non-increasing step function of x, and bisection brackets its crossing to
// t.Tol. The solution reports the probability at x with its binomial
// standard error: the Monte Carlo error of the claim "P ≤ p", which a
// larger c.Scenarios reduces.
//
// It returns a *ParamError for a bad target, an error if the target fails
// even at t.Hi, and the errors of apply and of [Run] (ctx.Err() once ctx is
// cancelled).
func SolveRisk(ctx context.Context, apply func(x float64) (*scheme.Scheme, error), g Generator, c Config, t RiskTarget) (RiskSolution, error) {
	switch {
	case !(t.MaxProbability >= 0 && t.MaxProbability < 1):
		return RiskSolution{}, paramErr("RiskTarget.MaxProbability", t.MaxProbability, "want a fraction in [0, 1)")
	case math.IsNaN(t.Lo) || math.IsInf(t.Lo, 0) || math.IsNaN(t.Hi) || math.IsInf(t.Hi, 0) || !(t.Lo < t.Hi):
		return RiskSolution{}, paramErr("RiskTarget.Lo, Hi", fmt.Sprint(t.Lo, ", ", t.Hi), "want finite with Lo < Hi")
	case !(t.Tol >= 0):
		return RiskSolution{}, paramErr("RiskTarget.Tol", t.Tol, "want ≥ 0")
	}
	tol := t.Tol
	if tol == 0 {
		tol = (t.Hi - t.Lo) * 1e-6
	}
	var sol RiskSolution
	prob := func(x float64) (Estimate, error) {
		s, err := apply(x)
		if err != nil {
			return Estimate{}, err
		}
		sol.Trials++
		out, err := Run(ctx, s, g, c)
		if err != nil {
			return Estimate{}, err
		}
		if t.By < out.StartYear || t.By >= out.StartYear+out.Years {
			return Estimate{}, paramErr("RiskTarget.By", t.By, fmt.Sprintf("want a projected year, %d..%d", out.StartYear, out.StartYear+out.Years-1))
		}
		return out.ExhaustionBy(t.By), nil
	}
	hiP, err := prob(t.Hi)
	if err != nil {
		return RiskSolution{}, err
	}
	if hiP.Value > t.MaxProbability {
		return RiskSolution{}, fmt.Errorf("stochastic: SolveRisk: P(exhausted by %d) = %v > %v even at %v: widen the bracket", t.By, hiP.Value, t.MaxProbability, t.Hi)
	}
	loP, err := prob(t.Lo)
	if err != nil {
		return RiskSolution{}, err
	}
	if loP.Value <= t.MaxProbability {
		sol.X, sol.Probability, sol.Below = t.Lo, loP, loP
		return sol, nil
	}
	lo, hi := t.Lo, t.Hi
	for hi-lo > tol {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			break
		}
		p, err := prob(mid)
		if err != nil {
			return RiskSolution{}, err
		}
		if p.Value <= t.MaxProbability {
			hi, hiP = mid, p
		} else {
			lo, loP = mid, p
		}
	}
	sol.X, sol.Probability, sol.Below = hi, hiP, loP
	return sol, nil
}
