package reform_test

import (
	"context"
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Constant-cost scheme: its PAYG cost rate is the same every year.
const (
	ccActives    = 1000.0
	ccSalary     = 10000.0 // each active's yearly salary
	ccPensioners = 200.0
	ccPension    = 5000.0 // each pension, a year
	ccReturn     = 0.04
	ccPAYG       = ccPensioners * ccPension / (ccActives * ccSalary) // 0.10
)

// constantCostScheme is a closed group in which nobody dies before 119,
// nobody retires (no eligibility), nobody leaves, and salaries and pensions
// never change (no wage growth, no merit, no indexation): its salary bill
// S = 1000·10000 and expenditure E = 200·5000 are the same each year for
// 60 years and more (the pensioners, 50 in StartYear, reach 119 after 69
// years), so its PAYG cost rate is π = E/S = 10% every year. The worker
// pays 5% at the start; nobody else pays. Returns are 4%.
func constantCostScheme(t testing.TB, reserve float64) *scheme.Scheme {
	q := make([]float64, census.MaxCensusAge) // 0 at ages 0..119; 1 at 120
	tbl, err := mortality.NewTable(0, q)
	require.NoError(t, err)
	period := scheme.PeriodTable{Table: tbl}
	act := &census.ActiveCells{MaxService: 1}
	act.Count = make([]float64, act.Len())
	act.Salary = make([]float64, act.Len())
	i := act.Index(actuarial.Male, 20, 0)
	act.Count[i], act.Salary[i] = ccActives, ccActives*ccSalary
	pen := &census.PensionerCells{}
	pen.Count = make([]float64, pen.Len())
	pen.Pension = make([]float64, pen.Len())
	j := pen.Index(census.PensionOldAge, actuarial.Male, 50)
	pen.Count[j], pen.Pension[j] = ccPensioners, ccPensioners*ccPension
	return &scheme.Scheme{
		Name:      "constant cost",
		StartYear: 2025,
		Groups: []scheme.Group{{
			Name: "all", Actives: act, Pensioners: pen,
			Rules: []scheme.Rules{{
				From:             2025,
				ContributionRate: [scheme.NumPayers]actuarial.Schedule{scheme.Worker: actuarial.Constant(0.05)},
			}},
		}},
		Assumptions: scheme.Assumptions{
			Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
				scheme.StatusActive: {period, period},
			},
			Return: actuarial.Constant(ccReturn),
		},
		InitialReserve: reserve,
	}
}

// steadyRate is the closed form of the rate that holds a reserve R level
// in the constant-cost scheme: under the projection's timing (flows
// mid-year, package projection's "Timing") the reserve moves by
// R·i + (cS − E)·(1+i)^½ in a year, which is 0 when c = π − i·R/((1+i)^½·S).
func steadyRate(reserve float64) float64 {
	return ccPAYG - ccReturn*reserve/(math.Sqrt(1+ccReturn)*ccActives*ccSalary)
}

// TestConstantCostScheme checks the fixture: the PAYG cost rate is π in
// every year of the 61 the tests project.
func TestConstantCostScheme(t *testing.T) {
	const tol = 1e-12 // relative; sums of the same numbers each year
	c, err := reform.Compare(constantCostScheme(t, 0), nil, reform.Options{Years: 61})
	require.NoError(t, err)
	for _, y := range c.Outcomes[0].Result.Years {
		require.InEpsilon(t, ccPAYG, y.Expenditure()/y.ContributionBase, tol, "year %d", y.Year)
	}
	// With no reserve the GAP is the level cost rate: the PV of
	// expenditure over the PV of salaries, both constant streams.
	assert.InEpsilon(t, ccPAYG, c.Metrics[0].GAP, tol, "GAP = π")
}

// TestScaledPremium checks the scaled premium against two identities on
// the constant-cost scheme. Without a reserve and with k = 0, each period's
// rate is the PAYG rate π: any lower rate makes the first year's reserve
// negative, π keeps it at 0. With a reserve R = 5·E and k = 5, each period's
// rate is the one that keeps the reserve level, π − i·R/((1+i)^½·S)
// ([steadyRate]): any lower rate lowers the reserve ratio in the period's
// first year.
func TestScaledPremium(t *testing.T) {
	// The rates are narrowed by Brent's method to the default tolerance;
	// the objective is linear in the rate, so the root is found to it.
	const tol = 2 * reform.DefaultTolerance
	lever := reform.ContributionLever{Year: 2025, Payer: scheme.Worker}
	for _, tc := range []struct {
		name    string
		reserve float64
		k       float64
		want    float64
	}{
		{"PAYG", 0, 0, ccPAYG},
		{"reserve ratio 5", 5 * ccPensioners * ccPension, 5, steadyRate(5 * ccPensioners * ccPension)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := constantCostScheme(t, tc.reserve)
			steps, err := reform.SolveScaledPremium(context.Background(), s, reform.ScaledPremium{
				Lever: lever, Period: 10, Periods: 3, ReserveRatio: tc.k, Lo: 0, Hi: 0.5,
			}, reform.Options{Years: 40})
			require.NoError(t, err)
			require.Len(t, steps, 3)
			for i, st := range steps {
				assert.Equal(t, 2025+10*i, st.From)
				assert.Equal(t, 2034+10*i, st.Through)
				assert.InDelta(t, tc.want, st.Rate, tol, "period %d", i)
				assert.GreaterOrEqual(t, st.Solution.Objective, 0.0)
			}
		})
	}
}

// TestSteadyStateRate checks the CPP-style steady-state rate on the
// constant-cost scheme: the reserve ratio R/E is the same in years 10 and
// 60 exactly when the reserve stays level, at the rate
// π − i·R/((1+i)^½·S) ([steadyRate]); without a reserve, at π.
func TestSteadyStateRate(t *testing.T) {
	const tol = 2 * reform.DefaultTolerance
	for _, reserve := range []float64{0, 5 * ccPensioners * ccPension} {
		s := constantCostScheme(t, reserve)
		sol, err := reform.SolveSteadyState(context.Background(), s,
			reform.ContributionLever{Year: 2025, Payer: scheme.Worker}, 0, 0.5, reform.Options{Years: 61})
		require.NoError(t, err)
		assert.InDelta(t, steadyRate(reserve), sol.Value, tol, "reserve %g", reserve)
	}
}

// TestSolveContextCancelled checks that a cancelled context stops a solve
// before it projects.
func TestSolveContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := reform.SolveSteadyState(ctx, constantCostScheme(t, 0),
		reform.ContributionLever{Year: 2025, Payer: scheme.Worker}, 0, 0.5, reform.Options{Years: 61})
	require.ErrorIs(t, err, context.Canceled)
}
