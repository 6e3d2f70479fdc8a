package projection_test

import (
	"errors"
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

// TestRunOverflow: finite inputs whose products overflow float64 (above
// about 1.8e308) must fail the run with an error naming the series and the
// calendar year, never return ±Inf or NaN with a nil error.
func TestRunOverflow(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(s *scheme.Scheme)
		series string
	}{
		{"entrants 1e300", func(s *scheme.Scheme) {
			s.Assumptions.Entrants.Mode = scheme.FixedEntrants
			s.Assumptions.Entrants.Count = actuarial.Constant(1e300)
		}, ""},
		{"reserve 1e308", func(s *scheme.Scheme) { s.InitialReserve = 1e308 }, "reserve at end"},
		{"return 1e6", func(s *scheme.Scheme) {
			s.Assumptions.AllowExtremeRates = true
			s.Assumptions.Return = actuarial.Constant(1e6)
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := actuarialtest.ReferenceScheme(t, 65)
			c.edit(s)
			p, err := projection.NewProjector(s)
			require.NoError(t, err)
			res, err := p.Run(nil, 100)
			require.Error(t, err, "an overflow must not pass silently")
			assert.ErrorIs(t, err, actuarial.ErrNotFinite)
			var se *indicator.SeriesError
			require.True(t, errors.As(err, &se), "%v", err)
			if c.series != "" {
				assert.Equal(t, c.series, se.Series)
			}
			assert.NotEmpty(t, se.Series)
			assert.Equal(t, s.StartYear+se.T, se.Year)
			assert.Contains(t, err.Error(), se.Series)
			require.Len(t, res.Years, se.T+1, "the result keeps the years up to the failing one")
			for _, y := range res.Years[:se.T] {
				assert.False(t, math.IsInf(y.ReserveEnd, 0) || math.IsNaN(y.ReserveEnd), "year %d", y.Year)
			}
		})
	}
}

// TestRunZeroYears: 0 years means projection.DefaultYears, as in
// reform.Options, so that a summary of Run(0) has years to summarize.
func TestRunZeroYears(t *testing.T) {
	p, err := projection.NewProjector(actuarialtest.ReferenceScheme(t, 65))
	require.NoError(t, err)
	res, err := p.Run(nil, 0)
	require.NoError(t, err)
	require.Len(t, res.Years, projection.DefaultYears)
	_, err = indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{})
	assert.NoError(t, err)
}
