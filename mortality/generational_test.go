package mortality_test

import (
	"errors"
	"math"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

// iam2012Male80 is the 2012 IAM Basic Table – Male, ANB, ages 80–99 (SOA
// table 2581, mort.soa.org), and g2Male80 Projection Scale G2 – Male at the
// same ages (SOA table 2583). The 2012 IAR generational table is defined as
// q(x, 2012 + n) = q^2012_x·(1 − G2_x)^n (Report of the Joint AAA/SOA Payout
// Annuity Table Team, 2011).
var (
	iam2012Male80 = []float64{
		0.036927, 0.041703, 0.046957, 0.052713, 0.059148, 0.066505, 0.075015, 0.084823, 0.095987, 0.108482,
		0.122214, 0.136799, 0.152409, 0.169078, 0.186882, 0.205844, 0.219247, 0.238612, 0.258341, 0.278219,
	}
	g2Male80 = []float64{
		0.015, 0.014, 0.013, 0.013, 0.012, 0.011, 0.010, 0.009, 0.009, 0.008,
		0.007, 0.007, 0.006, 0.005, 0.005, 0.004, 0.004, 0.003, 0.003, 0.002,
	}
)

func iamG2(t testing.TB) (*mortality.LifeTable, mortality.Scale) {
	t.Helper()
	base, err := mortality.NewTable(80, iam2012Male80)
	require.NoError(t, err)
	return base, mortality.ScaleByAge(80, g2Male80)
}

// scaleFunc adapts a function to mortality.Scale.
type scaleFunc func(age, year int) float64

func (f scaleFunc) Rate(age, year int) float64 { return f(age, year) }

// TestImproveOneDimensional checks the closed form of a one-dimensional
// scale, q(x, 2012 + n) = q(x, 2012)·(1 − AA_x)^n, forwards and backwards,
// inside the tabulated grid and beyond it.
func TestImproveOneDimensional(t *testing.T) {
	// Up to 500 successive products against one math.Pow: a few hundred ulps.
	const rtol = 1e-12
	base, g2 := iamG2(t)
	g := mortality.Improve(base, 2012, g2)
	first, last := g.Years()
	// NewImproved's documented grid: n = 20 ages, years 2012 − n .. 2012 + 2n.
	require.Equal(t, 2012-20, first)
	require.Equal(t, 2012+40, last)
	for _, n := range []int{0, 1, 5, 10, 40, last - 2012, last - 2012 + 1, 500, -1, -10, first - 2012, first - 2012 - 1, -60} {
		for i, q := range iam2012Male80 {
			x := 80 + i
			want := q * math.Pow(1-g2Male80[i], float64(n))
			want = math.Min(1, want)
			assert.InEpsilon(t, want, g.Q(x, 2012+n), rtol, "q(%d, %d)", x, 2012+n)
		}
	}
}

// TestImproveTwoDimensional checks a two-dimensional scale against the
// definition q(x, y+1) = q(x, y)·(1 − AA(x, y)) multiplied out year by year,
// including the scale's own rule (first year's rates before its first year,
// last year's after its last) and years far beyond the grid.
func TestImproveTwoDimensional(t *testing.T) {
	const rtol = 1e-12 // accumulated rounding of a few hundred products
	base, err := mortality.NewTable(60, []float64{0.01, 0.012, 0.015, 1})
	require.NoError(t, err)
	// Ages 60..62 (63 uses 62's rates), years 2015..2017, like a slice of MP-2021.
	scale, err := mortality.NewAgeYearScale(60, 2015, [][]float64{
		{0.020, 0.018, 0.010},
		{0.025, 0.015, 0.012},
		{-0.005, 0.000, 0.008},
	})
	require.NoError(t, err)
	// Base year 2000 puts the scale's years beyond the default grid
	// (1996..2008 for 4 ages), which must widen to cover them.
	for _, baseYear := range []int{2020, 2000} {
		g := mortality.Improve(base, baseYear, scale)
		definition := func(x, y int) float64 {
			q := base.Q(x)
			for u := baseYear; u < y; u++ {
				q *= 1 - scale.Rate(x, u)
			}
			for u := baseYear - 1; u >= y; u-- {
				q /= 1 - scale.Rate(x, u)
			}
			return math.Min(1, q)
		}
		for x := 60; x <= 63; x++ {
			for _, y := range []int{1900, 1990, 2010, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2030, 2100, 2400} {
				assert.InEpsilon(t, definition(x, y), g.Q(x, y), rtol, "base %d: q(%d, %d)", baseYear, x, y)
			}
		}
	}
}

// TestImproveBeyondGrid checks the documented rule beyond the tabulated
// years for a scale that never stops changing: the rate of the last
// (first) tabulated year continues, in closed form.
func TestImproveBeyondGrid(t *testing.T) {
	const rtol = 1e-12
	base, _ := iamG2(t)
	scale := scaleFunc(func(age, year int) float64 { return 0.001 * float64(year%7) })
	g := mortality.Improve(base, 2012, scale)
	first, last := g.Years()
	for _, x := range []int{80, 90, 99} {
		for _, n := range []int{1, 2, 30} {
			want := g.Q(x, last) * math.Pow(1-scale.Rate(x, last), float64(n))
			assert.InEpsilon(t, want, g.Q(x, last+n), rtol, "after the grid: q(%d, %d)", x, last+n)
			want = math.Min(1, g.Q(x, first)/math.Pow(1-scale.Rate(x, first-1), float64(n)))
			assert.InEpsilon(t, want, g.Q(x, first-n), rtol, "before the grid: q(%d, %d)", x, first-n)
		}
	}
}

// TestGenerationalPeriodCohort checks the identities Period(baseYear) =
// base, Period(y).Q(x) = Q(x, y) and Cohort(b).Q(x) = Q(x, b + x).
func TestGenerationalPeriodCohort(t *testing.T) {
	base, g2 := iamG2(t)
	g := mortality.Improve(base, 2012, g2)
	first, last := g.Years()

	p := g.Period(2012)
	assert.Equal(t, base.MinAge(), p.MinAge())
	assert.Equal(t, base.MaxAge(), p.MaxAge())
	for x := 80; x <= 100; x++ {
		assert.Equal(t, base.Q(x), p.Q(x), "Period(base year) is the base table at %d", x) // exact: no product
	}
	for _, y := range []int{first - 5, first, 2000, 2030, last, last + 5} {
		p := g.Period(y)
		for x := 80; x <= 101; x++ {
			assert.Equal(t, g.Q(x, y), p.Q(x), "Period(%d) at %d", y, x)
		}
	}
	for _, b := range []int{first - 200, 1920, 1932, 1950, last + 3} {
		c := g.Cohort(b)
		assert.Equal(t, 80, c.MinAge(), "a cohort's table starts at the base MinAge")
		assert.Equal(t, 99, c.MaxAge())
		for x := 80; x <= 101; x++ {
			assert.Equal(t, g.Q(x, b+x), c.Q(x), "Cohort(%d) at %d", b, x)
		}
		_, ok := c.(*mortality.LifeTable)
		assert.True(t, ok, "Cohort returns a *LifeTable")
	}
	// The cohort born in 1932 is 80 in 2012 and 81 in 2013: its survival
	// over a year is 1 − q(80, 2012), over two (1 − q(80, 2012))·(1 − q(81, 2013)).
	const atol = 1e-15 // one product
	c := g.Cohort(1932).(*mortality.LifeTable)
	assert.InDelta(t, (1-iam2012Male80[0])*(1-iam2012Male80[1]*(1-g2Male80[1])), c.Survival(80, 2), atol)
}

// TestImproveBackwardInvertsForward rebases a generational table on a later
// period table and checks that projecting it backwards gives back the
// original base year, and every other year, to rounding.
func TestImproveBackwardInvertsForward(t *testing.T) {
	const rtol = 1e-13 // 18 multiplications then 18 divisions
	base, g2 := iamG2(t)
	g := mortality.Improve(base, 2012, g2)
	h := mortality.Improve(g.Period(2030), 2030, g2)
	for x := 80; x <= 99; x++ {
		assert.InEpsilon(t, base.Q(x), h.Q(x, 2012), rtol, "back to 2012 at %d", x)
		for _, y := range []int{1995, 2012, 2020, 2050} {
			assert.InEpsilon(t, g.Q(x, y), h.Q(x, y), rtol, "q(%d, %d)", x, y)
		}
	}
}

// TestImproveCap checks that q is capped at 1 forwards (a deterioration)
// and backwards (a large improvement undone), and is 1 above MaxAge.
func TestImproveCap(t *testing.T) {
	base, err := mortality.NewTable(0, []float64{0.5, 0.9})
	require.NoError(t, err)
	worse := mortality.Improve(base, 2000, mortality.ScaleByAge(0, []float64{-0.5}))
	assert.Equal(t, 0.75, worse.Q(0, 2001)) // 0.5·1.5, exact in binary
	assert.Equal(t, 1.0, worse.Q(0, 2002))  // 0.5·1.5² = 1.125, capped
	assert.Equal(t, 1.0, worse.Q(1, 2001))  // 0.9·1.5 = 1.35, capped
	assert.Equal(t, 1.0, worse.Q(0, 3000))  // far beyond the grid, capped
	assert.Equal(t, 0.5/1.5, worse.Q(0, 1999))
	better := mortality.Improve(base, 2000, mortality.ScaleByAge(0, []float64{0.5}))
	assert.Equal(t, 1.0, better.Q(0, 1999)) // 0.5/0.5
	assert.Equal(t, 1.0, better.Q(1, 1500)) // far before the grid
	assert.Equal(t, 1.0, better.Q(2, 2000), "q is 1 above MaxAge")
	assert.Equal(t, 1.0, better.Q(200, 1000), "q is 1 above MaxAge")
	assert.PanicsWithValue(t, "mortality: age -1 below the table's minimum age 0", func() { better.Q(-1, 2000) })
}

// badTable is a Table whose rate at 81 is out of range.
type badTable struct{}

func (badTable) Q(age int) float64 {
	if age == 81 {
		return 1.5
	}
	return 0.1
}
func (badTable) MinAge() int { return 80 }
func (badTable) MaxAge() int { return 82 }

func TestNewImprovedErrors(t *testing.T) {
	base, g2 := iamG2(t)
	for _, c := range []struct {
		name  string
		base  mortality.Table
		scale mortality.Scale
		want  error
		age   int
		year  int
		value float64
	}{
		{"NaN improvement", base, scaleFunc(func(a, y int) float64 {
			if a == 85 && y == 2020 {
				return math.NaN()
			}
			return 0.01
		}), mortality.ErrNotFinite, 85, 2020, math.NaN()},
		{"improvement of 100%", base, scaleFunc(func(a, y int) float64 {
			if a == 90 && y == 2000 {
				return 1
			}
			return 0.01
		}), mortality.ErrRate, 90, 2000, 1},
		{"base rate above 1", badTable{}, g2, mortality.ErrRate, 81, 0, 1.5},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := mortality.NewImproved(c.base, 2012, c.scale)
			require.ErrorIs(t, err, c.want)
			var ce *mortality.CellError
			var re *mortality.RateError
			if errors.As(err, &ce) {
				assert.Equal(t, c.age, ce.Age)
				assert.Equal(t, c.year, ce.Year)
				assert.Equal(t, "improvement", ce.Field)
				if math.IsNaN(c.value) {
					assert.True(t, math.IsNaN(ce.Value))
				} else {
					assert.Equal(t, c.value, ce.Value)
				}
			} else {
				require.ErrorAs(t, err, &re, "want a *CellError or *RateError")
				assert.Equal(t, c.age, re.Age)
				assert.Equal(t, c.value, re.Value)
			}
			assert.Panics(t, func() { mortality.Improve(c.base, 2012, c.scale) })
		})
	}
	assert.PanicsWithValue(t, "mortality: Improve: nil base table", func() { mortality.Improve(nil, 2012, g2) })
	assert.PanicsWithValue(t, "mortality: Improve: nil improvement scale", func() { mortality.Improve(base, 2012, nil) })
}

// TestGenerationalConcurrent reads one Generational from several goroutines;
// run with -race.
func TestGenerationalConcurrent(t *testing.T) {
	base, g2 := iamG2(t)
	g := mortality.Improve(base, 2012, g2)
	want := g.Q(85, 2040)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for y := 1900; y < 2300; y++ {
				_ = g.Q(80+w, y)
			}
			_ = g.Period(2020 + w)
			_ = g.Cohort(1950 + w)
		}()
	}
	wg.Wait()
	assert.Equal(t, want, g.Q(85, 2040))
}

// BenchmarkGenerationalQ looks up rates inside the grid, walking ages and
// years without a division in the loop.
func BenchmarkGenerationalQ(b *testing.B) {
	base, g2 := iamG2(b)
	g := mortality.Improve(base, 2012, g2)
	var s float64
	x, y := 80, 2000
	b.ReportAllocs()
	for b.Loop() {
		s += g.Q(x, y)
		if x++; x == 100 {
			x = 80
			if y++; y == 2050 {
				y = 2000
			}
		}
	}
	if s == 0 {
		b.Fatal("no sum")
	}
}

func BenchmarkImprove(b *testing.B) {
	// A full table, ages 20..130, as an actuarial model would improve.
	base := sult(b)
	g2 := mortality.ScaleByAge(80, g2Male80)
	b.ReportAllocs()
	for b.Loop() {
		_ = mortality.Improve(base, 2012, g2)
	}
}
