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

// floorScheme is the reference scheme closed to actives and entrants, with
// 100 old-age pensions at age 70 of 0.9 units each, a floor of one unit
// growing at 3.5% a year and indexation at prices, 3%: the own pension
// falls behind the floor from the first year on.
func floorScheme(tb testing.TB) *scheme.Scheme {
	tb.Helper()
	s := actuarialtest.ReferenceScheme(tb, 65)
	s.Groups[0].Actives = nil
	s.Assumptions.Entrants = scheme.Entrants{}
	pc := &census.PensionerCells{}
	pc.Count = make([]float64, pc.Len())
	pc.Pension = make([]float64, pc.Len())
	i := pc.Index(census.PensionOldAge, actuarial.Male, 70)
	pc.Count[i], pc.Pension[i] = 100, 100*0.9*s.Assumptions.Unit
	s.Groups[0].Pensioners = pc
	return s
}

// TestFloorInPayment: a minimum pension is a guarantee every year in
// payment (issue 10). With one cell of pensions below the floor, each
// year pays, by closed form, exposure × max(own, floor) where the
// exposure is N − D/2 (deaths paid half the year), the own pension
// P₀·1.03ᵗ and the floor u₀·1.035ᵗ; the top-up is exposure × (floor − own)
// and, when the state pays it, the transfers grow by as much. Under
// LimitsAtAward the own pension is paid, at the census amount indexed.
func TestFloorInPayment(t *testing.T) {
	const tol = 1e-12 // a few products per year
	const years = 10
	base := floorScheme(t)
	u0 := base.Assumptions.Unit
	run := func(s *scheme.Scheme) *projection.Result {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		res, err := p.Run(nil, years)
		require.NoError(t, err)
		return res
	}
	oa := census.PensionOldAge.Index()
	res := run(base)
	for k, y := range res.Years {
		exposure := y.Pensioners[oa] - 0.5*y.PensionerDeaths[oa]
		floor := u0 * math.Pow(1.035, float64(k))
		own := 0.9 * u0 * math.Pow(1.03, float64(k))
		assert.InEpsilon(t, exposure*floor, y.Pensions[oa], tol, "year %d: pensions paid at the floor", y.Year)
		assert.GreaterOrEqual(t, y.Pensions[oa]/exposure, floor*(1-tol), "year %d: paid below the floor", y.Year)
		assert.InEpsilon(t, exposure*(floor-own), y.MinimumTopUp, tol, "year %d: top-up", y.Year)
		assert.InEpsilon(t, base.Transfers.At(y.Year), y.Transfers, tol, "year %d: the scheme pays the top-up", y.Year)
	}

	for k, x := range res.MinimumTopUp(nil) {
		assert.Equal(t, res.Years[k].MinimumTopUp, x, "the series accessor")
	}

	state := floorScheme(t)
	state.Groups[0].Rules[0].MinimumPaidBy = scheme.MinimumByState
	rs := run(state)
	for k, y := range rs.Years {
		assert.InEpsilon(t, res.Years[k].MinimumTopUp, y.MinimumTopUp, tol)
		assert.InEpsilon(t, state.Transfers.At(y.Year)+y.MinimumTopUp, y.Transfers, tol, "year %d: the state pays the top-up", y.Year)
	}

	award := floorScheme(t)
	award.Groups[0].Rules[0].Limits = scheme.LimitsAtAward
	ra := run(award)
	for k, y := range ra.Years {
		exposure := y.Pensioners[oa] - 0.5*y.PensionerDeaths[oa]
		own := 0.9 * u0 * math.Pow(1.03, float64(k))
		assert.InEpsilon(t, exposure*own, y.Pensions[oa], tol, "year %d: floor on award only", y.Year)
		assert.Zero(t, y.MinimumTopUp)
	}
}
