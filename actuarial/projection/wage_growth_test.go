package projection_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// wagePath returns a wage growth that changes from one year to the next
// of the years from start on, as a stochastic scenario's does, except for
// runs of a few years at one value (the factors then stay partial at an
// unchanged wage growth while the members age into new cells); phase
// varies the path.
func wagePath(start, years int, phase float64) actuarial.Schedule {
	var w actuarial.Schedule
	for k := range years {
		if k%11 >= 8 {
			continue // the value of the year before, held
		}
		w = append(w, actuarial.Step{Year: start + k, Value: 0.02 + 0.03*math.Sin(phase+1.7*float64(k))})
	}
	return w
}

// TestProjectorVaryingWageGrowth: with a wage growth that changes nearly
// every year, a projector computes the reference ratios and past salaries
// only in the cells its members are in, and brings the cells they reach up
// to date as they age; its results are those of a projector that
// recomputes every factor in every cell each year
// (projection.FullFactors), bit for bit, for the reference scheme (refunds
// on withdrawal, so that the past salaries count), its variant whose
// rules and reference period change in 2040 and whose full pension's
// service is bounded by cohort, lawVariants and a scheme with work risks
// (workScheme); in fresh projectors and
// in one Reset from path to path, as a stochastic run's workers are.
func TestProjectorVaryingWageGrowth(t *testing.T) {
	schemes, ref, cohort, act, pen := reuseSchemes(t)
	// Work risks: a disability at work on the average of 3 salaries, a
	// death at work on the last.
	work := workScheme(t, serKeep, act, pen)
	// A pension on the average of the last 25 salaries, longer than some
	// retiring members' service: rows whose cells that can retire do not
	// all share one reference ratio (the retirement rows compute theirs
	// by cell, Projector.retireRatio).
	long := actuarialtest.ReferenceScheme(t, 65)
	long.Groups[0].Rules[0].Retirement.ReferenceYears = 25
	schemes = append(schemes, ref, cohort, work, long)
	const years = 60
	var paths []*scheme.Scheme
	for i, s := range schemes {
		for k := range 2 {
			v := *s
			v.Assumptions.WageGrowth = wagePath(s.StartYear, years, float64(2*i+k))
			paths = append(paths, &v)
		}
	}
	want := make([]*projection.Result, len(paths))
	for i, s := range paths {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		projection.FullFactors(p)
		want[i], err = p.Run(nil, years)
		require.NoError(t, err)
		p, err = projection.NewProjector(s)
		require.NoError(t, err)
		got, err := p.Run(nil, years)
		require.NoError(t, err)
		require.Equal(t, want[i], got, "fresh projector, path %d", i)
	}
	var p projection.Projector
	for round := range 2 {
		for i, s := range paths {
			require.NoError(t, p.Reset(s))
			got, err := p.Run(nil, years)
			require.NoError(t, err)
			require.Equal(t, want[i], got, "round %d, path %d", round, i)
		}
	}
}
