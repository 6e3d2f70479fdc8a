package projection_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reserveRatios returns each year's reserve ratio at its start, as
// scheme.Balancing reads it: R_start(t)/(B + E)(t − 1), +Inf in year 0.
func reserveRatios(res *projection.Result) []float64 {
	r := make([]float64, len(res.Years))
	r[0] = math.Inf(1)
	for t := 1; t < len(r); t++ {
		r[t] = res.Years[t].ReserveStart / res.Years[t-1].Expenditure()
	}
	return r
}

// TestBalancingIndexationCut: pensions of one cell (no floor, no cap) are
// indexed at prices, 3%, and at (1 − cut)·3% on each 1 January that
// follows a year which started with a reserve ratio below k. The pension
// per head, paid/(N − D/2), must follow that closed form year by year,
// and the cut must act (the reserve of a closed pensioners' scheme
// without contributions falls below k).
func TestBalancingIndexationCut(t *testing.T) {
	const tol = 1e-12 // a product per year
	const years, k, cut = 30, 8.0, 0.6
	s := floorScheme(t)
	r := &s.Groups[0].Rules[0]
	r.Retirement.Floor, r.Retirement.Cap = actuarial.Limit{}, actuarial.Limit{}
	r.Balancing = scheme.Balancing{IndexationBelow: k, IndexationCut: cut}
	s.Transfers = nil
	s.InitialReserve = 12 * 100 * 0.9 * s.Assumptions.Unit // 12 years of pensions
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	ratio := reserveRatios(res)
	oa := census.PensionOldAge.Index()
	want := 0.9 * s.Assumptions.Unit
	cuts := 0
	for k0, y := range res.Years {
		exposure := y.Pensioners[oa] - 0.5*y.PensionerDeaths[oa]
		assert.InEpsilon(t, want, y.Pensions[oa]/exposure, tol, "year %d: pension per head", y.Year)
		if ratio[k0] < k {
			want *= 1 + (1-cut)*0.03
			cuts++
		} else {
			want *= 1.03
		}
	}
	assert.Positive(t, cuts, "the reserve ratio falls below k")
	assert.Less(t, cuts, years-1, "and starts above it")
}

// TestBalancingContributionStep: a contribution step of 5 points each year
// the reserve ratio starts below k holds the ratio at k in a steady state:
// once triggered, the steps stop for good within the projection and the
// ratio is ≥ k in every later year, and the employer's rate is the base
// rate plus one step per year below k (the identity of the ratchet).
func TestBalancingContributionStep(t *testing.T) {
	const tol = 1e-12
	const years, k, step = 80, 2.0, 0.05
	s := actuarialtest.ReferenceScheme(t, 65)
	r := &s.Groups[0].Rules[0]
	r.Balancing = scheme.Balancing{ContributionBelow: k, ContributionStep: step, ContributionPayer: scheme.Employer}
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	ratio := reserveRatios(res)
	steps, last := 0, -1
	for t0, y := range res.Years {
		if ratio[t0] < k {
			steps++
			last = t0
		}
		base := r.ContributionRate[scheme.Employer].At(y.Year)
		rate := y.Contributions[scheme.Employer] / y.ContributionBase
		assert.InEpsilon(t, math.Min(base+float64(steps)*step, 1), rate, tol, "year %d: employer rate", y.Year)
	}
	require.Positive(t, steps, "the reference scheme's reserve ratio falls below k")
	require.Less(t, last, years-20, "the steps stop")
	for t0 := last + 1; t0 < years; t0++ {
		assert.GreaterOrEqual(t, ratio[t0], k, "year %d: the ratio holds at k once the steps stop", res.Years[t0].Year)
	}
}
