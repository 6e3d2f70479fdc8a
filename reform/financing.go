// The ILO's financing methods by name: the scaled premium and the
// CPP-style steady-state contribution rate.

package reform

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/reserva-go/reserva/actuarial/scheme"
)

// SteadyReserveRatio is met when the reserve ratio (the ILO's: the reserve
// at 31 December over the year's expenditure) in the calendar year to is at
// least that in the calendar year from, from < to; its objective is the
// difference. The least contribution rate meeting it holds the reserve
// ratio level between the two years: the steady-state rate of the Canada
// Pension Plan (Office of the Chief Actuary, Actuarial Report on the CPP,
// which equates the ratios of the 10th and 60th years).
func SteadyReserveRatio(from, to int) Target {
	return Target{kind: targetSteadyRatio, from: from, year: to}
}

// SteadyStateYears are the years t (counted from the scheme's StartYear,
// t = 0) whose reserve ratios [SolveSteadyState] equates, as the CPP's
// steady-state rate equates those of the 10th and 60th years.
var SteadyStateYears = [2]int{10, 60}

// SolveSteadyState finds the CPP-style steady-state rate: the least
// constant rate of the lever's payer, in [lo, hi], from lever.Year on, with
// which the reserve ratio in year StartYear+60 is at least that in year
// StartYear+10 ([SteadyReserveRatio] of [SteadyStateYears]) — the rate
// that gives the same ratio in both, the ratio being increasing in the
// rate. It is [SolveContext] with that target; the horizon must reach the
// 60th year (Options Years ≥ 61). The total rate is the payers' sum.
func SolveSteadyState(ctx context.Context, base *scheme.Scheme, lever ContributionLever, lo, hi float64, opt Options) (*Solution, error) {
	if base == nil {
		panic("reform: SolveSteadyState of a nil scheme")
	}
	t := SteadyReserveRatio(base.StartYear+SteadyStateYears[0], base.StartYear+SteadyStateYears[1])
	return SolveContext(ctx, base, Problem{Lever: lever, Target: t, Lo: lo, Hi: hi}, opt)
}

// ScaledPremium is the ILO's scaled-premium financing (Plamondon et al.,
// Actuarial practice in social security, ILO/ISSA, 2002, ch. 8;
// Iyer, Actuarial mathematics of social security pensions, ILO/ISSA,
// 1999, ch. 4): a contribution rate held for a period of equilibrium, then
// stepped up for the next, each period's rate the lowest that keeps the
// reserve ratio at least ReserveRatio (the reserve non-negative when it is
// 0) through the period's last year, given the rates of the periods before.
type ScaledPremium struct {
	// Lever is the payer's rate that steps; Lever.Year is the first
	// period's first year, ≥ the scheme's StartYear. The total rate is
	// this payer's and the others'.
	Lever ContributionLever
	// Period is the length of each period of equilibrium in years, ≥ 1.
	Period int
	// Periods is the number of periods, ≥ 1; the last must end within the
	// horizon.
	Periods int
	// ReserveRatio is the least reserve ratio k each period keeps, ≥ 0;
	// 0: the reserve stays ≥ 0 ([NoDepletion]); otherwise
	// [ReserveRatioAtLeast] k.
	ReserveRatio float64
	// Lo and Hi bound each period's rate, 0 ≤ Lo < Hi ≤ 1.
	Lo, Hi float64
	// Tolerance is the width to which each rate is narrowed, as
	// [Problem] Tolerance; 0: DefaultTolerance.
	Tolerance float64
}

// PremiumStep is one period of a scaled premium.
type PremiumStep struct {
	From, Through int       // the period's first and last calendar years
	Rate          float64   // the payer's rate through the period
	Solution      *Solution // the solve of the period's rate
}

// SolveScaledPremium computes the scaled premium sp describes, period by
// period: each period's rate is [SolveContext] of sp's lever from the
// period's first year, with the earlier periods' rates applied, on the
// target through its last year. Projections: those of each solve, the ends
// of its range in parallel. ctx is checked before each projection.
func SolveScaledPremium(ctx context.Context, base *scheme.Scheme, sp ScaledPremium, opt Options) ([]PremiumStep, error) {
	if base == nil {
		panic("reform: SolveScaledPremium of a nil scheme")
	}
	switch {
	case sp.Period < 1:
		return nil, fmt.Errorf("%w: ScaledPremium.Period %d: want ≥ 1 year", ErrOptions, sp.Period)
	case sp.Periods < 1:
		return nil, fmt.Errorf("%w: ScaledPremium.Periods %d: want ≥ 1", ErrOptions, sp.Periods)
	case !(sp.ReserveRatio >= 0) || sp.ReserveRatio > 1e6:
		return nil, fmt.Errorf("%w: ScaledPremium.ReserveRatio %g: want a finite k ≥ 0", ErrOptions, sp.ReserveRatio)
	case !(sp.Lo >= 0 && sp.Lo < sp.Hi && sp.Hi <= 1):
		return nil, fmt.Errorf("%w: ScaledPremium range [%g, %g]: want 0 ≤ Lo < Hi ≤ 1", ErrOptions, sp.Lo, sp.Hi)
	case sp.Lever.Year < base.StartYear:
		return nil, fmt.Errorf("%w: ScaledPremium.Lever.Year %d before the start year %d", ErrOptions, sp.Lever.Year, base.StartYear)
	}
	var with []Change
	steps := make([]PremiumStep, 0, sp.Periods)
	for i := range sp.Periods {
		lever := sp.Lever
		lever.Year = sp.Lever.Year + i*sp.Period
		end := lever.Year + sp.Period - 1
		target := NoDepletion(end)
		if sp.ReserveRatio > 0 {
			target = ReserveRatioAtLeast(sp.ReserveRatio, end)
		}
		sol, err := SolveContext(ctx, base, Problem{Lever: lever, Target: target, Lo: sp.Lo, Hi: sp.Hi,
			With: with, Tolerance: sp.Tolerance}, opt)
		if err != nil {
			return steps, fmt.Errorf("reform: scaled premium, period %d–%d: %w", lever.Year, end, err)
		}
		steps = append(steps, PremiumStep{From: lever.Year, Through: end, Rate: sol.Value, Solution: sol})
		if next, ok := effective(base, with, lever.Change(sol.Value)); ok {
			with = next
		}
	}
	return steps, nil
}

// effective returns with and c when c changes the scheme base with the
// measures with applied; false when c sets the rule in force.
func effective(base *scheme.Scheme, with []Change, c Change) ([]Change, bool) {
	next := append(slices.Clone(with), c)
	_, err := Reform{Name: "check", Changes: next}.Apply(base)
	var ce *ChangeError
	if err != nil && errors.Is(err, ErrNoEffect) && errors.As(err, &ce) && ce.Index == len(with) {
		return with, false
	}
	return next, true
}
