package reform_test

import (
	"context"
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/optimize"
)

// TestSolvePackageLinear checks the package solve against its closed form.
// With contributions on the whole salary bill and no transfers
// ([gapScheme]), the actuarial balance is b0 + Δe + Δs when the employer's
// and the state's rates move by Δe and Δs (each point of either adds a
// point to c − GAP; neither is refunded). Minimising we·Δe² + ws·Δs²
// subject to b0 + Δe + Δs ≥ 0 (Lagrange) gives Δ_i = −b0·(1/w_i)/Σ_j 1/w_j:
// with weights 1 and 3, three quarters of the gap on the employer and a
// quarter on the state.
func TestSolvePackageLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of projections; runs without -short")
	}
	// The optimiser stops when the cost improves by less than a relative
	// 1e-12 over several iterations; the cost is quadratic in the angle
	// error, so the rates are within about √1e-12 of the gap, relatively.
	const tol = 1e-5
	base := gapScheme(t)
	opt := reform.Options{Years: 10}
	c, err := reform.Compare(base, nil, opt)
	require.NoError(t, err)
	b0 := c.Metrics[0].ActuarialBalance
	require.Negative(t, b0)

	const we, ws = 1.0, 3.0
	sol, err := reform.SolvePackage(context.Background(), base, reform.PackageProblem{
		Target: reform.Balanced(),
		Levers: []reform.PackageLever{
			{Lever: reform.ContributionLever{Year: 2025, Payer: scheme.Employer}, From: 0.10, Lo: 0, Hi: 0.6, Weight: we},
			{Lever: reform.ContributionLever{Year: 2025, Payer: scheme.State}, From: 0.01, Lo: 0, Hi: 0.6, Weight: ws},
		},
		Convergence: 1e-12,
	}, opt)
	require.NoError(t, err)
	sum := 1/we + 1/ws
	assert.InDelta(t, 0.10-b0*(1/we)/sum, sol.Values[0], tol*-b0)
	assert.InDelta(t, 0.01-b0*(1/ws)/sum, sol.Values[1], tol*-b0)
	assert.InDelta(t, b0*b0/sum, sol.Cost, 2*tol*b0*b0, "the least cost b0²/Σ 1/w")
	assert.GreaterOrEqual(t, sol.Objective, 0.0)
	assert.Equal(t, optimize.FunctionConvergence, sol.Status)
	assert.Positive(t, sol.Evaluations)
	t.Logf("b0 %.6f, values %v, cost %.3g, %v after %d evaluations, %d iterations, %d projections",
		b0, sol.Values, sol.Cost, sol.Status, sol.Evaluations, sol.Iterations, sol.Runs)
}

// TestSolvePackageMeetsTarget solves "no depletion through 2055" on the
// reference scheme with the employer's rate and the accrual table, then
// re-projects the package with Compare and finds the target met: no
// depletion through 2055. The package costs no more than either lever
// alone would (each single-lever solve is a package the search could
// have chosen).
func TestSolvePackageMeetsTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of projections; runs without -short")
	}
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 31}
	target := reform.NoDepletion(2055)
	rate := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	accrual := reform.AccrualLever{Year: 2027}
	const wRate, wAccrual = 1.0, 0.25
	sol, err := reform.SolvePackage(context.Background(), base, reform.PackageProblem{
		Target: target,
		Levers: []reform.PackageLever{
			{Lever: rate, From: 0.10, Lo: 0.10, Hi: 0.6, Weight: wRate},
			{Lever: accrual, From: 1, Lo: 0.5, Hi: 1, Weight: wAccrual},
		},
		Convergence: 1e-4,
	}, opt)
	require.NoError(t, err)
	t.Logf("values %v, cost %.4g, %v after %d evaluations, %d iterations, %d projections",
		sol.Values, sol.Cost, sol.Status, sol.Evaluations, sol.Iterations, sol.Runs)
	assert.Contains(t, []optimize.Status{optimize.FunctionConvergence, optimize.FunctionEvaluationLimit}, sol.Status)

	r := reform.Reform{Name: "package", Changes: []reform.Change{rate.Change(sol.Values[0]), accrual.Change(sol.Values[1])}}
	c, err := reform.Compare(base, []reform.Reform{r}, opt)
	require.NoError(t, err)
	for _, y := range c.Outcomes[1].Result.Years {
		if y.Year <= 2055 {
			require.GreaterOrEqual(t, y.ReserveEnd, 0.0, "reserve at the end of %d", y.Year)
		}
	}
	assert.Equal(t, sol.Metrics.GAP, c.Metrics[1].GAP, "the same package, the same projection")

	alone, err := reform.SolveContributionRate(base, rate, target, 0.10, 0.6, opt)
	require.NoError(t, err)
	assert.LessOrEqual(t, sol.Cost, wRate*(alone.Value-0.10)*(alone.Value-0.10))
	alone, err = reform.Solve(base, reform.Problem{Lever: accrual, Target: target, Lo: 0.5, Hi: 1}, opt)
	if err == nil {
		assert.LessOrEqual(t, sol.Cost, wAccrual*(alone.Value-1)*(alone.Value-1))
	} else {
		require.ErrorIs(t, err, reform.ErrNoSolution, "the accrual alone cannot meet the target")
	}
}

// TestSolvePackageErrors checks bad problems, an unreachable target and a
// package already met.
func TestSolvePackageErrors(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	opt := reform.Options{Years: 20}
	rate := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	ok := reform.PackageLever{Lever: rate, From: 0.10, Lo: 0, Hi: 1, Weight: 1}
	for name, pp := range map[string]reform.PackageProblem{
		"no levers":     {Target: reform.Balanced()},
		"integer lever": {Target: reform.Balanced(), Levers: []reform.PackageLever{ok, {Lever: reform.ServiceLever{Year: 2027}, From: 0, Lo: 0, Hi: 5, Weight: 1}}},
		"from outside":  {Target: reform.Balanced(), Levers: []reform.PackageLever{{Lever: rate, From: 2, Lo: 0, Hi: 1, Weight: 1}}},
		"zero weight":   {Target: reform.Balanced(), Levers: []reform.PackageLever{{Lever: rate, From: 0.1, Lo: 0, Hi: 1}}},
		"no target":     {Levers: []reform.PackageLever{ok}},
	} {
		_, err := reform.SolvePackage(context.Background(), base, pp, opt)
		assert.ErrorIs(t, err, reform.ErrOptions, name)
	}
	_, err := reform.SolvePackage(context.Background(), base, reform.PackageProblem{Target: reform.NoDepletion(2044),
		Levers: []reform.PackageLever{{Lever: rate, From: 0.10, Lo: 0.10, Hi: 0.11, Weight: 1}}}, opt)
	assert.ErrorIs(t, err, reform.ErrNoSolution)

	sol, err := reform.SolvePackage(context.Background(), base, reform.PackageProblem{Target: reform.NoDepletion(2026),
		Levers: []reform.PackageLever{ok}}, opt)
	require.NoError(t, err)
	assert.Equal(t, []float64{0.10}, sol.Values, "met already: nothing moves")
	assert.Zero(t, sol.Cost)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = reform.SolvePackage(ctx, base, reform.PackageProblem{Target: reform.Balanced(), Levers: []reform.PackageLever{ok}}, opt)
	assert.ErrorIs(t, err, context.Canceled)
}
