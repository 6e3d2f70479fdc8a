package reform_test

import (
	"context"
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFrontier checks a frontier of the employer's rate against the years
// of service added to the pension conditions, on "no depletion through
// 2055", by three identities: at 0 years added (the rules in force) the
// point is the single-lever solve of the rate ([reform.Solve]) to the
// search's tolerance; every point meets the target on its own projection
// and the value just below it misses; and as both levers improve the
// scheme, more years of service never need a higher rate.
func TestFrontier(t *testing.T) {
	if testing.Short() {
		t.Skip("a solve at every grid point; runs without -short")
	}
	const tol = 2 * reform.DefaultTolerance // both searches narrow the rate to the default tolerance
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 35}
	rate := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	target := reform.NoDepletion(2055)
	f, err := reform.SolveFrontier(context.Background(), base, reform.FrontierProblem{
		Target: target, Lever: rate, Lo: 0.05, Hi: 0.8,
		Grid: reform.ServiceLever{Year: 2027}, Values: []float64{0, 2, 5},
	}, opt)
	require.NoError(t, err)
	require.Len(t, f.Points, 3)
	single, err := reform.SolveContributionRate(base, rate, target, 0.05, 0.8, opt)
	require.NoError(t, err)
	require.NotNil(t, f.Points[0].Solution)
	assert.InDelta(t, single.Value, f.Points[0].Solution.Value, tol, "0 years added is the rules in force")
	for i, pt := range f.Points {
		require.NotNil(t, pt.Solution, "grid %g", pt.Grid)
		assert.GreaterOrEqual(t, pt.Solution.Objective, 0.0)
		assert.Less(t, pt.Solution.Missed, pt.Solution.Value)
		if i > 0 {
			assert.LessOrEqual(t, pt.Solution.Value, f.Points[i-1].Solution.Value+tol, "more service, no higher rate")
		}
	}
	assert.Less(t, f.Points[2].Solution.Value, f.Points[0].Solution.Value, "5 more years of service lower the rate needed")
	assert.Positive(t, f.Runs)

	// A range that cannot meet the target leaves points without solution.
	f, err = reform.SolveFrontier(context.Background(), base, reform.FrontierProblem{
		Target: target, Lever: rate, Lo: 0.05, Hi: 0.06,
		Grid: reform.ServiceLever{Year: 2027}, Values: []float64{0},
	}, opt)
	require.NoError(t, err)
	assert.Nil(t, f.Points[0].Solution)
	require.NotNil(t, f.Points[0].NoSolution)
	assert.Less(t, f.Points[0].NoSolution.AtHi, 0.0)
}

// TestFrontierErrors checks bad problems and a cancelled context.
func TestFrontierErrors(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 20}
	rate := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	for name, fp := range map[string]reform.FrontierProblem{
		"no grid":          {Target: reform.Balanced(), Lever: rate, Lo: 0, Hi: 1, Values: []float64{0}},
		"no values":        {Target: reform.Balanced(), Lever: rate, Lo: 0, Hi: 1, Grid: reform.ServiceLever{Year: 2027}},
		"fractional years": {Target: reform.Balanced(), Lever: rate, Lo: 0, Hi: 1, Grid: reform.ServiceLever{Year: 2027}, Values: []float64{0.5}},
		"no target":        {Lever: rate, Lo: 0, Hi: 1, Grid: reform.ServiceLever{Year: 2027}, Values: []float64{0}},
	} {
		_, err := reform.SolveFrontier(context.Background(), base, fp, opt)
		assert.ErrorIs(t, err, reform.ErrOptions, name)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := reform.SolveFrontier(ctx, base, reform.FrontierProblem{Target: reform.Balanced(), Lever: rate, Lo: 0, Hi: 1,
		Grid: reform.ServiceLever{Year: 2027}, Values: []float64{0, 1}}, opt)
	assert.ErrorIs(t, err, context.Canceled)
}
