package chart_test

import (
	"testing"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/plot"
)

// TestPathChartsYearRange: each path chart draws only the years of its
// YearRange (the x axis spans exactly From–To, the data's range), the zero
// range is the whole projection, and a range outside the projection or
// reversed is an error wrapping reform.ErrYearOutside.
func TestPathChartsYearRange(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	first, last := reformtest.StartYear, reformtest.StartYear+reformtest.Years-1
	charts := map[string]func(chart.YearRange) (*plot.Plot, error){
		"ReservePaths": func(r chart.YearRange) (*plot.Plot, error) {
			return chart.ReservePathsIn(out, reform.UnitsMillions, r)
		},
		"CostRate":     func(r chart.YearRange) (*plot.Plot, error) { return chart.CostRateIn(out, r) },
		"SupportRatio": func(r chart.YearRange) (*plot.Plot, error) { return chart.SupportRatioIn(out, r) },
	}
	for name, draw := range charts {
		t.Run(name, func(t *testing.T) {
			p, err := draw(chart.YearRange{From: 2027, To: 2030})
			require.NoError(t, err)
			assert.Equal(t, 2027.0, p.X.Min)
			assert.Equal(t, 2030.0, p.X.Max)

			p, err = draw(chart.YearRange{To: 2028})
			require.NoError(t, err)
			assert.Equal(t, float64(first), p.X.Min, "zero From: the first year")
			assert.Equal(t, 2028.0, p.X.Max)

			p, err = draw(chart.YearRange{})
			require.NoError(t, err)
			assert.Equal(t, float64(first), p.X.Min)
			assert.Equal(t, float64(last), p.X.Max)

			for _, bad := range []chart.YearRange{{From: first - 1}, {To: last + 1}, {From: 2030, To: 2027}} {
				_, err = draw(bad)
				assert.ErrorIs(t, err, reform.ErrYearOutside, "%+v", bad)
			}
		})
	}
}
