package reform_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
)

// TestWhoGains checks the gains by cohort against a hand computation: a
// reform doubling the thirteenth month (ExtraPayments 1/12 → 2/12) leaves
// pensions and contributions as they are and doubles the extra payments,
// so each cohort gains exactly the present value of its base extra
// payments, Σ_t extra_t·1.045^−(t+½) at the reference scheme's constant
// 4.5% return, mid-year; and loses nothing of its contributions. Reversed
// (the reform as base), every cohort with a pension loses.
func TestWhoGains(t *testing.T) {
	const (
		i   = 0.045 // actuarialtest.Assumptions' return
		tol = 1e-9  // relative: sums of the same terms in another order
	)
	run := func(extra float64) *projection.Result {
		s := actuarialtest.ReferenceScheme(t, 55)
		s.Groups[0].Rules[0].ExtraPayments = extra
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		p.Split = true
		res, err := p.Run(nil, 80)
		require.NoError(t, err)
		return res
	}
	base, more := run(1.0/12), run(2.0/12)
	g, err := reform.WhoGains(base, more, 0, 0)
	require.NoError(t, err)
	want := map[[2]int]float64{} // by sex index and born from: the PV of base extra payments
	for _, c := range base.Split.Cohorts(0, false) {
		var pv float64
		for tt := range c.Years {
			pv += c.Years[tt].ExtraPayments * math.Pow(1+i, -(float64(tt)+0.5))
		}
		want[[2]int{c.Sex.Index(), c.BornFrom}] = pv
	}
	require.NotEmpty(t, g.Cohorts)
	for _, c := range g.Cohorts {
		w := want[[2]int{c.Sex.Index(), c.BornFrom}]
		assert.InDelta(t, w, c.BenefitChange(), tol*math.Max(1, c.BaseBenefits), "%v %d", c.Sex, c.BornFrom)
		assert.InDelta(t, 0, c.ContributionChange(), tol*math.Max(1, c.BaseContributions))
	}
	assert.Zero(t, g.LosingShare)

	back, err := reform.WhoGains(more, base, 0, 0)
	require.NoError(t, err)
	var all, losing float64
	for _, c := range back.Cohorts {
		all += c.Members
		if want[[2]int{c.Sex.Index(), c.BornFrom}] > 0 {
			losing += c.Members
		}
	}
	assert.InDelta(t, losing/all, back.LosingShare, 1e-12)
	assert.Positive(t, back.LosingShare)

	var buf bytes.Buffer
	require.NoError(t, g.WriteCSV(&buf))
	assert.Contains(t, buf.String(), "sex,born_from,born_to,members")
	buf.Reset()
	require.NoError(t, back.WriteText(&buf))
	assert.Contains(t, buf.String(), "Members losing more than 0.0%")

	_, err = reform.WhoGains(base, more, 0, math.NaN())
	assert.ErrorIs(t, err, reform.ErrInvalid)
}
