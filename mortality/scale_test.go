package mortality_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

var (
	_ mortality.Scale = (*mortality.AgeScale)(nil)
	_ mortality.Scale = (*mortality.AgeYearScale)(nil)
	_ mortality.Scale = mortality.ScaleByAge(0, []float64{0})
)

// TestAgeScale: a one-dimensional scale like the SOA's Projection Scale G2
// has one rate per age, the same in every calendar year; ages outside its
// range take the nearest age's rate.
func TestAgeScale(t *testing.T) {
	rates := []float64{0.01, 0.015, -0.005}
	s, err := mortality.NewAgeScale(60, rates)
	require.NoError(t, err)
	assert.Equal(t, 60, s.MinAge())
	assert.Equal(t, 62, s.MaxAge())
	for _, year := range []int{1900, 2012, 2025, 2100} {
		assert.Equal(t, 0.01, s.Rate(0, year))
		assert.Equal(t, 0.01, s.Rate(60, year))
		assert.Equal(t, 0.015, s.Rate(61, year))
		assert.Equal(t, -0.005, s.Rate(62, year), "deterioration")
		assert.Equal(t, -0.005, s.Rate(120, year))
	}
	rates[0] = 0.5
	assert.Equal(t, 0.01, s.Rate(60, 2025), "NewAgeScale copies its rates")

	g := mortality.ScaleByAge(60, []float64{0.01, 0.015, -0.005})
	for age := 50; age <= 70; age++ {
		assert.Equal(t, s.Rate(age, 2030), g.Rate(age, 2030))
	}

	var zero mortality.AgeScale
	assert.Zero(t, zero.Rate(65, 2025), "the zero value improves nothing")
	var zeroAY mortality.AgeYearScale
	assert.Zero(t, zeroAY.Rate(65, 2025), "the zero value improves nothing")
}

// TestAgeYearScale: a two-dimensional scale like MP-2021; years after its
// last year continue the last year's (ultimate) rates, years before its
// first use the first year's, ages outside its range the nearest age's.
func TestAgeYearScale(t *testing.T) {
	rates := [][]float64{
		{0.020, 0.018, 0.010}, // age 50, years 2019..2021
		{0.025, 0.012, 0.011}, // age 51
	}
	s, err := mortality.NewAgeYearScale(50, 2019, rates)
	require.NoError(t, err)
	lo, hi := s.Ages()
	assert.Equal(t, [2]int{50, 51}, [2]int{lo, hi})
	lo, hi = s.Years()
	assert.Equal(t, [2]int{2019, 2021}, [2]int{lo, hi})

	for i, row := range rates {
		for j, v := range row {
			assert.Equal(t, v, s.Rate(50+i, 2019+j))
		}
	}
	for _, age := range []int{50, 51} {
		last := s.Rate(age, 2021)
		assert.NotEqual(t, s.Rate(age, 2020), last, "the test data must tell the years apart")
		for year := 2022; year <= 2150; year++ {
			assert.Equal(t, last, s.Rate(age, year), "age %d year %d continues 2021", age, year)
		}
		assert.Equal(t, s.Rate(age, 2019), s.Rate(age, 1950), "before the first year")
	}
	assert.Equal(t, 0.020, s.Rate(20, 2019), "younger ages take the first age")
	assert.Equal(t, 0.011, s.Rate(95, 2040), "older ages take the last age, later years the last year")

	rates[0][0] = 0.9
	assert.Equal(t, 0.020, s.Rate(50, 2019), "NewAgeYearScale copies its rates")
}

// TestScaleErrors: a bad improvement rate is reported with its age (and
// year), wrapping ErrImprovement, which also matches ErrRate.
func TestScaleErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		v     float64
		want  error
		match string
	}{
		{"NaN", math.NaN(), mortality.ErrNotFinite, "is NaN"},
		{"+Inf", math.Inf(1), mortality.ErrNotFinite, "is +Inf"},
		{"one", 1, mortality.ErrImprovement, "is 1: improvement rate outside (−1, 1)"},
		{"minus one", -1, mortality.ErrImprovement, "is -1"},
		{"large", 1.5, mortality.ErrImprovement, "is 1.5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := mortality.NewAgeScale(60, []float64{0.01, c.v})
			require.ErrorIs(t, err, c.want)
			var re *mortality.RateError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, "improvement", re.Field)
			assert.Equal(t, 61, re.Age)
			assert.Contains(t, err.Error(), "improvement at age 61 "+c.match)
			if c.want == mortality.ErrImprovement {
				assert.ErrorIs(t, err, mortality.ErrRate, "ErrImprovement matches ErrRate")
			}

			_, err = mortality.NewAgeYearScale(60, 2030, [][]float64{{0, 0}, {0, c.v}})
			require.ErrorIs(t, err, c.want)
			require.ErrorAs(t, err, &re)
			assert.Equal(t, "improvement in 2031", re.Field)
			assert.Equal(t, 61, re.Age)
		})
	}
	_, err := mortality.NewAgeScale(0, nil)
	assert.ErrorIs(t, err, mortality.ErrEmpty)
	_, err = mortality.NewAgeScale(-1, []float64{0})
	assert.ErrorIs(t, err, mortality.ErrAge)
	_, err = mortality.NewAgeYearScale(0, 2020, nil)
	assert.ErrorIs(t, err, mortality.ErrEmpty)
	_, err = mortality.NewAgeYearScale(0, 2020, [][]float64{{}})
	assert.ErrorIs(t, err, mortality.ErrEmpty)
	_, err = mortality.NewAgeYearScale(-3, 2020, [][]float64{{0}})
	assert.ErrorIs(t, err, mortality.ErrAge)
	_, err = mortality.NewAgeYearScale(40, 2020, [][]float64{{0, 0}, {0}})
	assert.ErrorIs(t, err, mortality.ErrShape)
	assert.ErrorContains(t, err, "age 41 has 1 years, want 2")

	assert.PanicsWithValue(t, "mortality: improvement at age 61 is 1: improvement rate outside (−1, 1)",
		func() { mortality.ScaleByAge(60, []float64{0, 1}) })
	assertPanicsMortality(t, func() { mortality.ScaleByAge(60, nil) }, "ScaleByAge(nil)")
}
