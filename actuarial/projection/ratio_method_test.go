package projection_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// TestRatioMethodCache: the reference ratios at a wage growth other than
// the first year's are evaluated without divisions (rules.RatioPoly), at
// the first year's exactly (rules.RatioAt), so that one wage growth has
// two sets of values a few ulps apart. A projector that goes from a
// projection with a constant 4% wage growth to ones where 4% comes after
// another first year, and back, as a stochastic run's workers do (the
// schedule changed in place) or through Reset, gives each the results of
// a fresh projector bit for bit: what it keeps is kept by method too.
func TestRatioMethodCache(t *testing.T) {
	const years = 30
	s := actuarialtest.ReferenceScheme(t, 65)
	y0 := s.StartYear
	paths := []actuarial.Schedule{
		{{Year: y0, Value: 0.04}},
		{{Year: y0, Value: 0.03}, {Year: y0 + 1, Value: 0.04}},
		{{Year: y0, Value: 0.04}, {Year: y0 + 1, Value: 0.03}, {Year: y0 + 2, Value: 0.04}},
		{{Year: y0, Value: 0.05}, {Year: y0 + 5, Value: 0.04}},
	}
	want := make([]*projection.Result, len(paths))
	for i, w := range paths {
		v := *s
		v.Assumptions.WageGrowth = w
		p, err := projection.NewProjector(&v)
		require.NoError(t, err)
		want[i], err = p.Run(nil, years)
		require.NoError(t, err)
	}
	require.NotEqual(t, want[0].Years[years-1].ReserveEnd, want[1].Years[years-1].ReserveEnd, "the paths differ")

	// In place: one scheme whose schedule the runs overwrite.
	v := *s
	sched := make(actuarial.Schedule, years)
	set := func(w actuarial.Schedule) {
		// A step a year, as a stochastic run's schedules.
		for k := range sched {
			sched[k] = actuarial.Step{Year: y0 + k, Value: w.At(y0 + k)}
		}
	}
	set(paths[0])
	v.Assumptions.WageGrowth = sched
	p, err := projection.NewProjector(&v)
	require.NoError(t, err)
	var viaReset projection.Projector
	for _, i := range []int{0, 1, 0, 2, 1, 3, 0, 3, 2} {
		set(paths[i])
		got, err := p.Run(nil, years)
		require.NoError(t, err)
		require.Equal(t, want[i], got, "in place, path %d", i)

		r := *s
		r.Assumptions.WageGrowth = paths[i]
		require.NoError(t, viaReset.Reset(&r))
		got, err = viaReset.Run(nil, years)
		require.NoError(t, err)
		require.Equal(t, want[i], got, "through Reset, path %d", i)
	}
}
