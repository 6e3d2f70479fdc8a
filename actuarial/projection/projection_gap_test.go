package projection_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProjectionGAP checks the defining property of the general average
// premium on a full projection (ILO, Plamondon et al., Actuarial practice in
// social security, 2002, §11): a level contribution rate equal to the GAP
// over n years, with the initial reserve, leaves the projected reserve at
// zero at the end of year n. The GAP comes from Summarize on a first run;
// the second run charges it and must end at 0.
func TestProjectionGAP(t *testing.T) {
	// The reserve after 60 years is a difference of sums of the order of
	// 1e11; 1e-9 of the discounted salary bill is far below a cent of rate.
	const relTol = 1e-9
	const years = 60

	s := actuarialtest.ReferenceScheme(t, 65)
	s.Transfers = nil // the GAP finances benefits and costs from contributions and the reserve alone
	r := &s.Groups[0].Rules[0]
	r.Ceiling = actuarial.Limit{} // contributions on the whole salary bill, the GAP's base
	r.RefundShare = 0             // refunds would depend on the rate being solved for
	setRate := func(c float64) {
		r.ContributionRate = [scheme.NumPayers]actuarial.Schedule{scheme.Employer: actuarial.Constant(c)}
	}
	setRate(0.10)

	run := func() *projection.Result {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, years)
		require.NoError(t, err)
		return res
	}
	res := run()
	curve, err := res.ReturnCurve()
	require.NoError(t, err)
	sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{})
	require.NoError(t, err)
	explicit, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{Curve: curve})
	require.NoError(t, err)
	require.Equal(t, explicit.GAP, sum.GAP, "Result.Summarize discounts at the projection's returns")
	require.Greater(t, sum.GAP, 0.0)
	require.Less(t, sum.GAP, 1.0)

	setRate(sum.GAP)
	res = run()
	last := res.Years[years-1]
	pvSalary := curve.PresentValue(res.SalaryBill(nil), actuarial.MidYear)
	scale := pvSalary * math.Pow(1.045, years) // the reserve is at time n, not 0
	assert.InDelta(t, 0, last.ReserveEnd/scale, relTol,
		"reserve at the end of %d with contributions at the GAP %.6f: %.2f", last.Year, sum.GAP, last.ReserveEnd)

	// And the contributions are exactly the rate times the salary bill.
	for _, y := range res.Years {
		assert.InDelta(t, sum.GAP*y.SalaryBill, y.TotalContributions(), relTol*y.SalaryBill, "year %d", y.Year)
	}
}

// TestProjectionGAPWithCeiling is TestProjectionGAP with a binding
// contribution ceiling: the GAP is a rate on the insurable salary bill (the
// salaries cut at the ceiling, ILO, Plamondon et al., 2002, §11, "insurable
// earnings"), so charging it on salaries up to the ceiling must again leave
// the reserve at zero at the horizon, and the contributions must be the
// rate times YearResult.ContributionBase.
func TestProjectionGAPWithCeiling(t *testing.T) {
	const relTol = 1e-9 // as TestProjectionGAP
	const years = 60

	s := actuarialtest.ReferenceScheme(t, 65)
	s.Transfers = nil
	r := &s.Groups[0].Rules[0]
	r.Ceiling = actuarial.Limit{Units: 3} // 108 000 in the start year: binds for the older, better-paid members
	r.RefundShare = 0
	setRate := func(c float64) {
		r.ContributionRate = [scheme.NumPayers]actuarial.Schedule{scheme.Employer: actuarial.Constant(c)}
	}
	setRate(0.10)
	run := func() *projection.Result {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, years)
		require.NoError(t, err)
		return res
	}
	res := run()
	first := res.Years[0]
	require.Less(t, first.ContributionBase, 0.95*first.SalaryBill, "the ceiling must bind")
	require.Greater(t, first.ContributionBase, 0.0)
	sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{})
	require.NoError(t, err)
	curve, err := res.ReturnCurve()
	require.NoError(t, err)

	setRate(sum.GAP)
	res = run()
	last := res.Years[years-1]
	pvBase := curve.PresentValue(res.ContributionBase(nil), actuarial.MidYear)
	scale := pvBase * math.Pow(1.045, years)
	assert.InDelta(t, 0, last.ReserveEnd/scale, relTol,
		"reserve at the end of %d with contributions at the GAP %.6f: %.2f", last.Year, sum.GAP, last.ReserveEnd)
	for _, y := range res.Years {
		assert.InDelta(t, sum.GAP*y.ContributionBase, y.TotalContributions(), relTol*y.SalaryBill, "year %d", y.Year)
	}
	f := res.Flows(nil)
	assert.Equal(t, res.ContributionBase(nil), f.SalaryBill, "Flows.SalaryBill is the contribution base")
}
