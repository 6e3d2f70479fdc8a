package reform_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gapScheme is the reference scheme with contributions on the whole salary
// bill and no transfers: its actuarial balance is then c − GAP for a level
// total contribution rate c.
func gapScheme(t *testing.T) *scheme.Scheme {
	s := actuarialtest.ReferenceScheme(t, 0)
	s.Groups[0].Rules[0].Ceiling = actuarial.Limit{}
	s.Transfers = nil
	return s
}

// TestSolveBalancedIsGAP checks the solver against the GAP's defining
// identity (ILO, Plamondon et al., Actuarial practice in social security,
// 2002): the level contribution rate that balances the scheme over the
// horizon — the initial reserve and the contributions paying for the
// expenditure — is the general average premium. The employer's rate that
// balances the scheme is therefore the GAP less the worker's 6% and the
// state's 1%, with the GAP computed directly from the base projection
// (refunds return the worker's contributions only, so the employer's rate
// leaves the GAP unchanged).
func TestSolveBalancedIsGAP(t *testing.T) {
	// The balance is linear in the rate, so Brent's secant step lands on
	// the root; what is left is the bracket and the rounding of present
	// values (1e-12 of the rate).
	const tol = reform.DefaultTolerance + 1e-12
	const roundTol = 1e-12 // two projections that differ only in contributions
	base := gapScheme(t)
	opt := reform.Options{Years: 80}
	c, err := reform.Compare(base, nil, opt)
	require.NoError(t, err)
	gap := c.Metrics[0].GAP

	sol, err := reform.SolveContributionRate(base, reform.ContributionLever{Year: 2025, Payer: scheme.Employer},
		reform.Balanced(), 0, 1, opt)
	require.NoError(t, err)
	assert.InDelta(t, gap-0.07, sol.Value, tol)
	assert.GreaterOrEqual(t, sol.Objective, 0.0)
	assert.InDelta(t, gap, sol.Metrics.GAP, roundTol, "the GAP does not depend on the employer's rate")
	assert.InDelta(t, 0, sol.Metrics.ActuarialBalance, tol)
	assert.Less(t, sol.Runs, 10, "a linear objective takes a few secant steps")
}

// TestSolveNoDepletion checks the solution of "no depletion through 2060"
// by its definition: at the solved rate the reserve is ≥ 0 at the end of
// every year through 2060; at the value just below, which the solver found
// to miss the target, it is negative in some year through 2060.
func TestSolveNoDepletion(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 60}
	lever := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	sol, err := reform.SolveContributionRate(base, lever, reform.NoDepletion(2060), 0.10, 0.80, opt)
	require.NoError(t, err)
	assert.Greater(t, sol.Value, 0.10)
	assert.Less(t, sol.Value, 0.80)
	assert.Less(t, sol.Missed, sol.Value)
	assert.LessOrEqual(t, sol.Value-sol.Missed, 2*reform.DefaultTolerance, "the bracket is narrowed to the tolerance")

	lowest := func(rate float64) float64 {
		r := reform.Reform{Name: "r", Changes: []reform.Change{lever.Change(rate)}}
		c, err := reform.Compare(base, []reform.Reform{r}, opt)
		require.NoError(t, err)
		low := c.Outcomes[1].Result.Years[0].ReserveEnd
		for _, y := range c.Outcomes[1].Result.Years {
			if y.Year <= 2060 {
				low = min(low, y.ReserveEnd)
			}
		}
		return low
	}
	assert.GreaterOrEqual(t, lowest(sol.Value), 0.0)
	assert.Less(t, lowest(sol.Missed), 0.0)
	assert.Equal(t, lowest(sol.Value), sol.Objective)
	d := sol.Metrics.DepletionYear
	assert.True(t, d == 0 || d > 2060, "depletion year %d", d)
}

// TestSolveReserveRatio checks "reserve ratio ≥ 1 through 2045" by its
// definition on the solution's own projection.
func TestSolveReserveRatio(t *testing.T) {
	sol, err := reform.Solve(actuarialtest.ReferenceScheme(t, 0), reform.Problem{
		Lever:  reform.ContributionLever{Year: 2026, Payer: scheme.Worker},
		Target: reform.ReserveRatioAtLeast(1, 2045),
		Lo:     0.06, Hi: 0.9,
	}, reform.Options{Years: 40})
	require.NoError(t, err)
	rr := sol.Outcome.Summary.ReserveRatio
	low := rr[0]
	for t0 := range 2045 - 2025 + 1 {
		low = min(low, rr[t0])
	}
	assert.GreaterOrEqual(t, low, 1.0)
	assert.InDelta(t, low-1, sol.Objective, 0)
}

// TestSolveIntegerLever checks the integer search: the least number of
// years added to the retirement ages that brings the GAP to at most a level
// set between the GAPs of +2 and +3 years is 3, and the solution says +2
// misses. The GAPs of 0 to 6 years added come from Compare.
func TestSolveIntegerLever(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 60}
	lever := reform.RetirementAgeLever{Year: 2027, Compulsory: true}
	var gaps []float64
	var rs []reform.Reform
	for n := 1; n <= 6; n++ {
		rs = append(rs, reform.Reform{Name: "r", Changes: []reform.Change{lever.Change(float64(n))}})
	}
	c, err := reform.Compare(base, rs, opt)
	require.NoError(t, err)
	for _, m := range c.Metrics {
		gaps = append(gaps, m.GAP)
	}
	for n := 1; n < len(gaps); n++ {
		require.Less(t, gaps[n], gaps[n-1], "the GAP falls as retirement comes later (%d years)", n)
	}
	target := (gaps[2] + gaps[3]) / 2
	sol, err := reform.Solve(base, reform.Problem{Lever: lever, Target: reform.GAPAtMost(target), Lo: 0, Hi: 6}, opt)
	require.NoError(t, err)
	assert.Equal(t, 3.0, sol.Value)
	assert.Equal(t, 2.0, sol.Missed)
	assert.Equal(t, gaps[3], sol.Metrics.GAP)

	// A target the base already meets: the cheapest end, 0 years.
	sol, err = reform.Solve(base, reform.Problem{Lever: lever, Target: reform.GAPAtMost(gaps[0] + 0.01), Lo: 0, Hi: 6}, opt)
	require.NoError(t, err)
	assert.Equal(t, 0.0, sol.Value)
	assert.Equal(t, gaps[0], sol.Metrics.GAP, "0 years added is the base")
}

// TestSolveDecreasingLever checks a lever that costs more as it rises: the
// greatest factor on the accrual table that keeps the GAP at 40% meets it,
// and the value just above misses it.
func TestSolveDecreasingLever(t *testing.T) {
	const tol = 1e-6 // the width the search narrows the factor to
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 60}
	lever := reform.AccrualLever{Year: 2026}
	sol, err := reform.Solve(base, reform.Problem{Lever: lever, Target: reform.GAPAtMost(0.40), Lo: 0, Hi: 1.5, Tolerance: tol}, opt)
	require.NoError(t, err)
	assert.LessOrEqual(t, sol.Metrics.GAP, 0.40)
	assert.Greater(t, sol.Missed, sol.Value)
	assert.LessOrEqual(t, sol.Missed-sol.Value, 2*tol)
	c, err := reform.Compare(base, []reform.Reform{{Name: "r", Changes: []reform.Change{lever.Change(sol.Missed)}}}, opt)
	require.NoError(t, err)
	assert.Greater(t, c.Metrics[1].GAP, 0.40)
}

// TestSolveNoSolution checks the error when the range cannot reach the
// target: it names the lever, the target and the range, and gives the
// objective at both ends, both negative.
func TestSolveNoSolution(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	_, err := reform.SolveContributionRate(base, reform.ContributionLever{Year: 2027, Payer: scheme.Employer},
		reform.NoDepletion(2070), 0.10, 0.12, reform.Options{Years: 50})
	require.ErrorIs(t, err, reform.ErrNoSolution)
	var ns *reform.NoSolutionError
	require.ErrorAs(t, err, &ns)
	assert.Equal(t, 0.10, ns.Lo)
	assert.Equal(t, 0.12, ns.Hi)
	assert.Less(t, ns.AtLo, ns.AtHi, "a higher rate leaves a higher reserve")
	assert.Less(t, ns.AtHi, 0.0)
	assert.Contains(t, err.Error(), "no depletion through 2070")
	assert.Contains(t, err.Error(), "employer contribution rate")
	assert.Contains(t, err.Error(), "[0.1, 0.12]")
}

// TestSolveProblemErrors checks that bad problems are errors, not panics.
func TestSolveProblemErrors(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	lever := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	opt := reform.Options{Years: 20}
	for name, p := range map[string]reform.Problem{
		"no lever":            {Target: reform.Balanced(), Lo: 0, Hi: 1},
		"no target":           {Lever: lever, Lo: 0, Hi: 1},
		"empty range":         {Lever: lever, Target: reform.Balanced(), Lo: 0.5, Hi: 0.5},
		"year beyond horizon": {Lever: lever, Target: reform.NoDepletion(2050), Lo: 0, Hi: 1},
		"year before start":   {Lever: lever, Target: reform.ReserveRatioAtLeast(1, 2020), Lo: 0, Hi: 1},
		"fractional ages":     {Lever: reform.RetirementAgeLever{Year: 2027}, Target: reform.Balanced(), Lo: 0, Hi: 2.5},
		"negative tolerance":  {Lever: lever, Target: reform.Balanced(), Lo: 0, Hi: 1, Tolerance: -1},
	} {
		_, err := reform.Solve(base, p, opt)
		assert.ErrorIs(t, err, reform.ErrOptions, name)
	}
	_, err := reform.Solve(base, reform.Problem{Lever: lever, Target: reform.Balanced(), Lo: 0, Hi: 1.5}, opt)
	assert.ErrorIs(t, err, reform.ErrInvalid, "a rate above 1 is an invalid change")
}
