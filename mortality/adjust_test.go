package mortality_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

// TestScaled: "x% of table". Scaled(t, 1) is t, rates are capped at 1, and a
// factor of 0 leaves a table in which everyone survives to MaxAge+1, so
// e_x = MaxAge + 1 − x exactly.
func TestScaled(t *testing.T) {
	base := ilt(t)
	one, err := mortality.Scaled(base, 1)
	require.NoError(t, err)
	for x := 0; x <= 142; x++ {
		assert.Equal(t, base.Q(x), one.Q(x), "Scaled(t, 1) at %d", x)
	}

	heavy, err := mortality.Scaled(base, 1.5)
	require.NoError(t, err)
	capped := 0
	for x := 0; x <= base.MaxAge(); x++ {
		want := 1.5 * base.Q(x)
		if want >= 1 {
			want = 1
			capped++
		}
		assert.Equal(t, want, heavy.Q(x), "Scaled(t, 1.5) at %d", x)
	}
	assert.Positive(t, capped, "the test must reach the cap")
	assert.Equal(t, base.MinAge(), heavy.MinAge())
	assert.Equal(t, base.MaxAge(), heavy.MaxAge())

	zero, err := mortality.Scaled(base, 0)
	require.NoError(t, err)
	for _, x := range []int{0, 65, 140} {
		assert.Equal(t, float64(base.MaxAge()+1-x), zero.CurtateLifeExpectancy(x), "e_%d with no deaths", x)
	}
	assert.Equal(t, 1.0, zero.Q(141))

	// Lighter mortality, longer lives.
	light, err := mortality.Scaled(base, 0.8)
	require.NoError(t, err)
	assert.Greater(t, light.LifeExpectancy(65), base.LifeExpectancy(65))
	assert.Less(t, heavy.LifeExpectancy(65), base.LifeExpectancy(65))

	for _, f := range []float64{-0.1, math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := mortality.Scaled(base, f)
		assert.ErrorIs(t, err, mortality.ErrParameter, "factor %v", f)
	}
	_, err = mortality.Scaled(fixedTable{30, []float64{0.1, math.NaN()}}, 1)
	var re *mortality.RateError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 31, re.Age)
	// A bad rate is reported, not hidden by the cap at 1.
	_, err = mortality.Scaled(fixedTable{30, []float64{math.Inf(1)}}, 2)
	assert.ErrorIs(t, err, mortality.ErrNotFinite)
	_, err = mortality.Scaled(fixedTable{30, []float64{1.2}}, 2)
	assert.ErrorIs(t, err, mortality.ErrRate)
	_, err = mortality.Scaled(fixedTable{30, nil}, 1)
	assert.ErrorIs(t, err, mortality.ErrEmpty)
}

// TestSetBack: a setback of n years gives a life aged x + n the rate of age
// x: SetBack(t, n).Q(x+n) == t.Q(x), so survival and life expectancy at
// x + n are those of the original table at x.
func TestSetBack(t *testing.T) {
	const same = 1e-15 // relative: the same rates, survivors from another radix
	// The ILT from 20, with room to set forward.
	base, err := mortality.NewTable(20, ilt(t).Rates()[20:])
	require.NoError(t, err)
	for _, n := range []int{-5, -1, 0, 1, 3} {
		sb, err := mortality.SetBack(base, n)
		require.NoError(t, err)
		assert.Equal(t, base.MinAge()+n, sb.MinAge(), "setback %d", n)
		assert.Equal(t, base.MaxAge()+n, sb.MaxAge(), "setback %d", n)
		for x := max(base.MinAge(), -n); x <= base.MaxAge()+2; x++ {
			assert.Equal(t, base.Q(x), sb.Q(x+n), "setback %d at %d", n, x)
			assertRel(t, base.Survival(x, 10), sb.Survival(x+n, 10), same, "setback %d: 10p", n)
		}
		for _, x := range []int{20, 65, 100} {
			assertRel(t, base.LifeExpectancy(x), sb.LifeExpectancy(x+n), same, "setback %d: e°_%d", n, x)
		}
	}
	// A setback lightens an ageing table: at 65, a 2-year setback gives the
	// rate of 63.
	sb2, err := mortality.SetBack(base, 2)
	require.NoError(t, err)
	assert.Equal(t, base.Q(63), sb2.Q(65))
	assert.Greater(t, sb2.LifeExpectancy(65), base.LifeExpectancy(65))
	assertPanicsMortality(t, func() { sb2.Q(21) }, "below the set-back table's minimum age")

	from20, err := mortality.NewTable(20, []float64{0.1, 0.2})
	require.NoError(t, err)
	_, err = mortality.SetBack(from20, -21)
	assert.ErrorIs(t, err, mortality.ErrAge)
	_, err = mortality.SetBack(from20, math.MaxInt)
	assert.ErrorIs(t, err, mortality.ErrAge)
	sf, err := mortality.SetBack(from20, -20)
	require.NoError(t, err)
	assert.Equal(t, 0, sf.MinAge())
	assert.Equal(t, 0.2, sf.Q(1))
}

// makehamTable is Makeham's law tabulated in closed form, for two tables of
// different ranges in the blending tests.
func makehamTable(t *testing.T, a, b, c float64, lo, hi int) *mortality.LifeTable {
	t.Helper()
	q := make([]float64, hi-lo+1)
	for i := range q {
		x := float64(lo + i)
		q[i] = -math.Expm1(-a - b*math.Pow(c, x)*(c-1)/math.Log(c))
	}
	tbl, err := mortality.NewTable(lo, q)
	require.NoError(t, err)
	return tbl
}

// TestBlend: q = w·q_a + (1 − w)·q_b. The endpoints w = 1 and w = 0 give the
// two tables, the blend is linear in w, and Blend(a, b, w) = Blend(b, a, 1 − w).
func TestBlend(t *testing.T) {
	const (
		linear = 4e-16 // two products and a sum, relative to q ≤ 1
	)
	male := makehamTable(t, 0.0007, 0.00005, math.Pow(10, 0.04), 20, 110)
	female := makehamTable(t, 0.0005, 0.00003, math.Pow(10, 0.04), 15, 120)

	a, err := mortality.Blend(male, female, 1)
	require.NoError(t, err)
	b, err := mortality.Blend(male, female, 0)
	require.NoError(t, err)
	assert.Equal(t, 20, a.MinAge(), "the larger MinAge")
	assert.Equal(t, 120, a.MaxAge(), "the larger MaxAge")
	for x := 20; x <= 122; x++ {
		assert.Equal(t, male.Q(x), a.Q(x), "w=1 at %d", x)
		assert.Equal(t, female.Q(x), b.Q(x), "w=0 at %d", x)
	}
	for _, w := range []float64{0.1, 0.3, 0.5, 0.77} {
		m, err := mortality.Blend(male, female, w)
		require.NoError(t, err)
		f, err := mortality.Blend(female, male, 1-w)
		require.NoError(t, err)
		for x := 20; x <= 122; x++ {
			assert.InDelta(t, w*a.Q(x)+(1-w)*b.Q(x), m.Q(x), linear, "linear in w=%v at %d", w, x)
			assert.InDelta(t, m.Q(x), f.Q(x), linear, "symmetric at w=%v, age %d", w, x)
		}
		// Above the male table's MaxAge its q is 1.
		assert.InDelta(t, w+(1-w)*female.Q(115), m.Q(115), linear)
	}

	// Rates of 1 blend to exactly 1, never a hair above (which NewTable
	// would reject).
	dead := fixedTable{0, []float64{1}}
	for k := 0; k <= 1000; k++ {
		tbl, err := mortality.Blend(dead, dead, float64(k)/1000)
		require.NoError(t, err, "w=%v", float64(k)/1000)
		assert.Equal(t, 1.0, tbl.Q(0))
	}

	for _, w := range []float64{-0.01, 1.01, math.NaN(), math.Inf(1)} {
		_, err := mortality.Blend(male, female, w)
		assert.ErrorIs(t, err, mortality.ErrParameter, "w=%v", w)
	}
	// A bad rate is reported, not hidden by the cap at 1.
	_, err = mortality.Blend(male, fixedTable{20, []float64{0.1, math.Inf(1)}}, 0.5)
	assert.ErrorIs(t, err, mortality.ErrNotFinite)
	var re *mortality.RateError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 21, re.Age)
	_, err = mortality.Blend(fixedTable{20, []float64{-0.5}}, male, 0.5)
	assert.ErrorIs(t, err, mortality.ErrRate)
}
