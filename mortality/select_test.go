package mortality_test

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

func ultimate(t testing.TB, minAge int, q ...float64) *mortality.LifeTable {
	t.Helper()
	u, err := mortality.NewTable(minAge, q)
	require.NoError(t, err)
	return u
}

// TestSelectTableHandWorked checks a two-year select table worked by hand:
// q_[30] = 0.1, q_[30]+1 = 0.2, then the ultimate q_32 = 0.3, q_33 = 1.
// _3p_[30] = 0.9·0.8·0.7 = 0.504; the curtate expectation e_[30] = Σ_{k≥1}
// _kp_[30] = 0.9 + 0.72 + 0.504 = 2.124. The arithmetic is exact; the model
// (select rates for the select period, then ultimate rates at attained age)
// is that of Dickson, Hardy & Waters, Actuarial Mathematics for Life
// Contingent Risks, chapter 3 (select and ultimate survival models).
func TestSelectTableHandWorked(t *testing.T) {
	const tol = 1e-15 // a few float64 roundings of numbers below 3
	u := ultimate(t, 30, 0.05, 0.15, 0.3, 1)
	s, err := mortality.NewSelectTable(30, [][]float64{{0.1, 0.2}, {0.12, 0.25}}, u)
	require.NoError(t, err)
	assert.Equal(t, 2, s.Period())
	lo, hi := s.SelectAges()
	assert.Equal(t, [2]int{30, 31}, [2]int{lo, hi})
	assert.Same(t, u, s.Ultimate())

	for _, c := range []struct {
		x, s int
		want float64
	}{
		{30, 0, 0.1}, {30, 1, 0.2}, {30, 2, 0.3}, {30, 3, 1}, {30, 4, 1}, {30, 50, 1},
		{31, 0, 0.12}, {31, 1, 0.25}, {31, 2, 1},
	} {
		assert.Equal(t, c.want, s.Q(c.x, c.s), "q_[%d]+%d", c.x, c.s)
	}
	l := s.Life(30)
	assert.Equal(t, 30, l.MinAge())
	assert.Equal(t, 33, l.MaxAge())
	assert.InDelta(t, 0.504, l.Survival(30, 3), tol)
	assert.InDelta(t, 0.0, l.Survival(30, 4), tol)
	assert.InDelta(t, 2.124, l.CurtateLifeExpectancy(30), tol)
	assert.InDelta(t, 0.8*0.7, l.Survival(31, 2), tol, "_2p_[30]+1")
}

// TestSelectTableLifeIsTheRowThenUltimate checks, for every select age of
// the SOA tables 1076, 1118 and 3302, that Life(x) is exactly the row of
// select rates followed by the ultimate rates: Life(x).Q(x+s) = Q(x, s) for
// every duration up to past the end of the table, and q_[x]+s = q_{x+s} from
// the end of the select period.
func TestSelectTableLifeIsTheRowThenUltimate(t *testing.T) {
	for _, file := range []string{"t1076.xml", "t1118.xml", "t3302.xml"} {
		t.Run(file, func(t *testing.T) {
			x := readXTbML(t, file)
			s, u := x.Select, x.Ultimate
			require.Same(t, u, s.Ultimate())
			lo, hi := s.SelectAges()
			for age := lo; age <= hi; age++ {
				f, last := s.Durations(age)
				l := s.Life(age)
				require.Equal(t, age+f, l.MinAge(), "select age %d", age)
				require.Equal(t, max(age+last, u.MaxAge()), l.MaxAge(), "select age %d", age)
				for d := f; age+d <= u.MaxAge()+2; d++ {
					q := s.Q(age, d)
					require.Equal(t, q, l.Q(age+d), "q_[%d]+%d", age, d)
					if d >= s.Period() || d > last {
						require.Equal(t, u.Q(age+d), q, "q_[%d]+%d after the select rates", age, d)
					}
				}
			}
		})
	}
}

// TestSelectTableSelection: a newly selected life dies at no more than the
// ultimate rate of its attained age, q_[x]+s ≤ q_{x+s}, in every cell of the
// three SOA select tables (the purpose of selection; a property of these
// published tables, checked here as a guard on the reader's placement of
// cells by age and duration).
func TestSelectTableSelection(t *testing.T) {
	for _, file := range []string{"t1076.xml", "t1118.xml", "t3302.xml"} {
		x := readXTbML(t, file)
		s, u := x.Select, x.Ultimate
		lo, hi := s.SelectAges()
		for age := lo; age <= hi; age++ {
			f, last := s.Durations(age)
			for d := f; d <= last; d++ {
				if age+d >= u.MinAge() {
					assert.LessOrEqual(t, s.Q(age, d), u.Q(age+d), "%s: q_[%d]+%d", file, age, d)
				}
			}
		}
	}
}

// TestSelectTableSurvival: survival of a select life is the product of its
// one-year survival rates, _n p_[x] = Π_{k<n} (1 − q_[x]+k).
func TestSelectTableSurvival(t *testing.T) {
	const relTol = 1e-13 // up to ~100 products, each rounded
	s := readXTbML(t, "t3302.xml").Select
	for _, x := range []int{18, 40, 65, 95} {
		l := s.Life(x)
		p := 1.0
		for n := 0; x+n <= l.MaxAge()+1; n++ {
			got := l.Survival(x, n)
			if p == 0 {
				assert.Equal(t, 0.0, got)
			} else {
				assert.InEpsilon(t, p, got, relTol, "_%dp_[%d]", n, x)
			}
			p *= 1 - s.Q(x, n)
		}
	}
}

func TestNewSelectTableRaggedRows(t *testing.T) {
	u := ultimate(t, 30, 0.05, 0.15, 0.3, 0.5, 1)
	s, err := mortality.NewSelectTable(30, [][]float64{{0.1, 0.2, 0.25}, {0.12}}, u)
	require.NoError(t, err)
	assert.Equal(t, 3, s.Period(), "the longest row")
	f, l := s.Durations(31)
	assert.Equal(t, [2]int{0, 0}, [2]int{f, l})
	assert.Equal(t, 0.3, s.Q(31, 1), "a short row passes to the ultimate: q_32")
	assert.Equal(t, 0.5, s.Q(31, 2), "q_33")
	assert.Equal(t, 0.25, s.Q(30, 2))

	// The rates are copied.
	rows := [][]float64{{0.1}}
	s, err = mortality.NewSelectTable(30, rows, u)
	require.NoError(t, err)
	rows[0][0] = 0.9
	assert.Equal(t, 0.1, s.Q(30, 0))
}

func TestNewSelectTableErrors(t *testing.T) {
	u := ultimate(t, 30, 0.05, 0.15, 0.3, 1)
	cases := []struct {
		name  string
		min   int
		q     [][]float64
		err   error
		field string // of the *RateError, if one
		age   int
	}{
		{name: "no rows", min: 30, q: nil, err: mortality.ErrEmpty},
		{name: "empty row", min: 30, q: [][]float64{{0.1}, {}}, err: mortality.ErrEmpty},
		{name: "rate above 1", min: 30, q: [][]float64{{0.1, 1.5}}, err: mortality.ErrRate, field: "q_[30]+1", age: 31},
		{name: "negative rate", min: 30, q: [][]float64{{0.1}, {-0.1}}, err: mortality.ErrRate, field: "q_[31]+0", age: 31},
		{name: "NaN", min: 30, q: [][]float64{{math.NaN()}}, err: mortality.ErrNotFinite, field: "q_[30]+0", age: 30},
		{name: "passes below the ultimate ages", min: 27, q: [][]float64{{0.1, 0.1}}, err: mortality.ErrMissingAge},
		{name: "negative select age", min: -1, q: [][]float64{{0.1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := mortality.NewSelectTable(c.min, c.q, u)
			require.Error(t, err)
			assert.Nil(t, s)
			assert.True(t, strings.HasPrefix(err.Error(), "mortality: "), err.Error())
			if c.err != nil {
				assert.ErrorIs(t, err, c.err)
			}
			if c.field != "" {
				var re *mortality.RateError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, c.field, re.Field)
				assert.Equal(t, c.age, re.Age)
			}
		})
	}
	assert.PanicsWithValue(t, "mortality: NewSelectTable: nil ultimate table", func() {
		_, _ = mortality.NewSelectTable(30, [][]float64{{0.1}}, nil)
	})
}

func TestSelectTableMisusePanics(t *testing.T) {
	u := ultimate(t, 30, 0.05, 0.15, 0.3, 1)
	s, err := mortality.NewSelectTable(30, [][]float64{{0.1, 0.2}, {0.12, 0.25}}, u)
	require.NoError(t, err)
	for name, f := range map[string]func(){
		"select age below":  func() { s.Q(29, 0) },
		"select age above":  func() { s.Q(32, 0) },
		"negative duration": func() { s.Q(30, -1) },
		"Life above":        func() { s.Life(32) },
		"Durations below":   func() { s.Durations(29) },
	} {
		assert.Panics(t, f, name)
		func() {
			defer func() {
				msg, _ := recover().(string)
				assert.True(t, strings.HasPrefix(msg, "mortality: "), "%s: %q", name, msg)
			}()
			f()
		}()
	}
}

func BenchmarkSelectTableQ(b *testing.B) {
	s := readXTbML(b, "t3302.xml").Select
	b.ReportAllocs()
	var sum float64
	for b.Loop() {
		for x := 18; x <= 95; x++ {
			for d := 0; d < 30; d++ {
				sum += s.Q(x, d)
			}
		}
	}
	_ = sum
}

func BenchmarkSelectTableLife(b *testing.B) {
	s := readXTbML(b, "t3302.xml").Select
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Life(40)
	}
}
