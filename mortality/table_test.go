package mortality_test

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

// readILT reads the SOA Illustrative Life Table (Bowers et al., Actuarial
// Mathematics, 2nd ed., Appendix 2A) from ../testdata/soa/soa_ilt_lx.csv:
// l_x for ages 0..140, radix 100,000 at age 0. See its README.md.
func readILT(t testing.TB) []float64 {
	t.Helper()
	f, err := os.Open("../testdata/soa/soa_ilt_lx.csv")
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"x", "lx"}, recs[0])
	l := make([]float64, 0, len(recs)-1)
	for i, r := range recs[1:] {
		age, err := strconv.Atoi(r[0])
		require.NoError(t, err)
		require.Equal(t, i, age, "ages are consecutive from 0")
		v, err := strconv.ParseFloat(r[1], 64)
		require.NoError(t, err)
		l = append(l, v)
	}
	return l
}

// ilt is the Illustrative Life Table built from its survivors.
func ilt(t testing.TB) *mortality.LifeTable {
	t.Helper()
	tbl, err := mortality.FromSurvivors(0, readILT(t))
	require.NoError(t, err)
	return tbl
}

// iltMakehamQ is q_x of Makeham's law 1000·µ(x) = 0.7 + 0.05·(10^0.04)^x,
// which the Illustrative Life Table follows from age 13 (Bowers et al.
// §3.9), in closed form: q = 1 − exp(−A − B·c^x·(c − 1)/ln c).
func iltMakehamQ(x int) float64 {
	const a, b = 0.0007, 0.00005
	c := math.Pow(10, 0.04)
	return -math.Expm1(-a - b*math.Pow(c, float64(x))*(c-1)/math.Log(c))
}

// assertRel asserts |got − want| ≤ tol·|want| (≤ tol·1e-300 when want is 0).
func assertRel(t *testing.T, want, got, tol float64, msgAndArgs ...any) bool {
	t.Helper()
	return assert.InDelta(t, want, got, tol*math.Max(math.Abs(want), 1e-300), msgAndArgs...)
}

// annuityDue returns ä_x = Σ_{k≥0} v^k·_k p_x at annual interest i, for
// checking survival against published annuity values.
func annuityDue(tbl *mortality.LifeTable, x int, i float64) float64 {
	v := 1 / (1 + i)
	var s float64
	for k := 0; ; k++ {
		p := tbl.Survival(x, k)
		if p == 0 {
			return s
		}
		s += math.Pow(v, float64(k)) * p
	}
}

// TestILTPublished checks the table built by FromSurvivors against the
// Illustrative Life Table as printed (Bowers et al., Actuarial Mathematics,
// 2nd ed., Appendix 2A, interest 6%), in the reproduction of the CAS Exam
// MAS-I tables (casact.org masi_tables.pdf), the same figures
// lifecontingencies checks in tests/testthat/test-published-sult-ilt.R.
func TestILTPublished(t *testing.T) {
	const (
		lxRel    = 1e-6         // the CSV's l_x differ from the printed integers (radix 10^7) by up to 2e-7 relative
		q1000    = 0.005 + 1e-9 // 1000·q_x printed to 2 decimals
		annDue   = 0.00005      // ä_x printed to 4 decimals
		e1000    = 0.005 + 1e-9 // 1000·_nE_x printed to 2 decimals
		interest = 0.06
	)
	tbl := ilt(t)
	for _, c := range []struct {
		x            int
		lx           float64 // radix 10,000,000
		q1000, adue  float64
		e5, e10, e20 float64 // 1000·_nE_x
	}{
		{20, 9617802, 1.03, 16.5133, 743.16, 551.64, 301.93},
		{30, 9501381, 1.53, 15.8561, 740.91, 547.33, 293.74},
		{40, 9313166, 2.78, 14.8166, 735.29, 536.67, 274.14},
		{50, 8950901, 5.92, 13.2668, 721.37, 510.81, 230.47},
		{60, 8188074, 13.76, 11.1454, 687.56, 451.20, 149.06},
		{65, 7533964, 21.32, 9.8969, 656.23, 399.94, 97.60},
	} {
		t.Run(strconv.Itoa(c.x), func(t *testing.T) {
			assertRel(t, c.lx, 1e7*tbl.L(c.x), lxRel, "l_%d", c.x)
			assert.InDelta(t, c.q1000, 1000*tbl.Q(c.x), q1000, "1000 q_%d", c.x)
			assert.InDelta(t, c.adue, annuityDue(tbl, c.x, interest), annDue, "ä_%d", c.x)
			for _, e := range []struct {
				n    int
				want float64
			}{{5, c.e5}, {10, c.e10}, {20, c.e20}} {
				got := 1000 * math.Pow(1+interest, -float64(e.n)) * tbl.Survival(c.x, e.n)
				assert.InDelta(t, e.want, got, e1000, "1000 %dE_%d", e.n, c.x)
			}
		})
	}
}

// TestILTMakeham checks the rates FromSurvivors derives from the ILT's l_x
// against the law the table was built from (Bowers et al. §3.9): Makeham
// with 1000·µ(x) = 0.7 + 0.05·(10^0.04)^x from age 13.
func TestILTMakeham(t *testing.T) {
	const lawRel = 1e-7 // the CSV carries l_x to about 10 significant figures; beyond 110 to fewer
	tbl := ilt(t)
	assert.Equal(t, 0, tbl.MinAge())
	assert.Equal(t, 140, tbl.MaxAge(), "the last age with l > 0")
	for x := 13; x <= 110; x++ {
		assertRel(t, iltMakehamQ(x), tbl.Q(x), lawRel, "q_%d", x)
	}
	assert.Equal(t, 1.0, tbl.Q(140), "FromSurvivors closes the table at its last count")
}

// TestILTFinan checks survival on the ILT against worked examples of
// M. B. Finan, A Reading of the Theory of Life Contingency Models (Exam
// MLC), Arkansas Tech University, 2011, as cited by lifecontingencies
// (tests/testthat/test-published-finan-ilt.R).
func TestILTFinan(t *testing.T) {
	const printed4 = 0.00005 + 1e-9 // printed to 4 decimals
	tbl := ilt(t)
	// Example 22.5: the probability that (65) dies between 80 and 90.
	assert.InDelta(t, 0.3791, tbl.Survival(65, 15)-tbl.Survival(65, 25), printed4)
}

// TestILTLifecontingencies cross-checks life expectancies on the ILT with
// the figures the R package lifecontingencies prints in its vignette
// "Demographic analysis with the lifecontingencies package" (exn, pxt, qxt
// on soa08Act, which closes the table at 140 as FromSurvivors does; the
// complete expectation under UDD).
func TestILTLifecontingencies(t *testing.T) {
	const printed = 5e-6 // printed to 5 decimals (7 for e°_65 and e°_80)
	tbl := ilt(t)
	assert.InDelta(t, 71.30789, tbl.CurtateLifeExpectancy(0), printed, "e_0")
	assert.InDelta(t, 71.80789, tbl.LifeExpectancy(0), printed, "e°_0")
	assert.InDelta(t, 15.5217210, tbl.LifeExpectancy(65), printed, "e°_65")
	assert.InDelta(t, 7.1378994, tbl.LifeExpectancy(80), printed, "e°_80")
	assert.InDelta(t, 17.86296, tbl.CurtateTemporaryLifeExpectancy(50, 20), printed, "e_50:20")
	assert.InDelta(t, 17.99338, tbl.TemporaryLifeExpectancy(50, 20), printed, "e°_50:20")
	assert.InDelta(t, 0.9786797, tbl.Survival(65, 1), printed, "p_65")
	assert.InDelta(t, 0.1218228, 1-tbl.Survival(65, 5), printed, "5q_65")
}

// TestFinanCurtateExpectation is Finan's Example 23.24 (as cited by the
// lifecontingencies vignette): l_80..l_86 = 250, 217, 161, 107, 62, 28, 0
// gives e_80 = 2.3 = 575/250.
func TestFinanCurtateExpectation(t *testing.T) {
	const exact = 1e-14 // a sum of six ratios
	tbl, err := mortality.FromSurvivors(80, []float64{250, 217, 161, 107, 62, 28, 0})
	require.NoError(t, err)
	assert.Equal(t, 85, tbl.MaxAge(), "the trailing 0 closes the table")
	assert.InDelta(t, 2.3, tbl.CurtateLifeExpectancy(80), exact)
	assert.InDelta(t, 2.8, tbl.LifeExpectancy(80), exact)
}

// TestRoundTrip: FromSurvivors(NewTable(q).L…) gives back q (identity
// q_x = (l_x − l_{x+1})/l_x), on the ILT's rates and on a table whose last
// rate is below 1.
func TestRoundTrip(t *testing.T) {
	const roundTrip = 4e-16 // one rounding in l_{x+1} = l_x·(1 − q_x), one in the division
	for name, q := range map[string][]float64{
		"ILT":       ilt(t).Rates(),
		"open end":  {0.001, 0.01, 0.1, 0.5},
		"zero rate": {0, 0, 0.2, 1},
	} {
		t.Run(name, func(t *testing.T) {
			a, err := mortality.NewTable(30, q)
			require.NoError(t, err)
			l := make([]float64, 0, len(q)+1)
			for x := a.MinAge(); x <= a.MaxAge()+1; x++ {
				l = append(l, a.L(x))
			}
			b, err := mortality.FromSurvivors(30, l)
			require.NoError(t, err)
			for x := a.MinAge(); x <= a.MaxAge()+3; x++ {
				assert.InDelta(t, a.Q(x), b.Q(x), roundTrip, "q_%d", x)
			}
		})
	}
}

// TestExpectationIdentities checks, at every age of the ILT and of a table
// with a rate of 1 inside it:
//   - e_x = p_x·(1 + e_{x+1}) (Bowers §3.5; AMLCR §2.6),
//   - e_x = Σ_{k≥1} _k p_x (definition), against the table's running sums,
//   - e°_x = e_x + 1/2 under UDD, and LifeExpectancyFrac(x, UDD) equal to it,
//   - e_x = e_{x:n} + _n p_x·e_{x+n} and e°_x = e°_{x:n} + _n p_x·e°_{x+n}.
func TestExpectationIdentities(t *testing.T) {
	const identity = 1e-12 // relative: sums of up to 140 terms
	inner, err := mortality.NewTable(60, []float64{0.1, 0.2, 1, 0.3, 0.6})
	require.NoError(t, err)
	for name, tbl := range map[string]*mortality.LifeTable{"ILT": ilt(t), "q=1 inside": inner} {
		t.Run(name, func(t *testing.T) {
			for x := tbl.MinAge(); x <= tbl.MaxAge()+2; x++ {
				e := tbl.CurtateLifeExpectancy(x)
				assertRel(t, tbl.Survival(x, 1)*(1+tbl.CurtateLifeExpectancy(x+1)), e, identity, "recursion at %d", x)
				var sum float64
				for k := 1; k <= tbl.MaxAge()-x+1; k++ {
					sum += tbl.Survival(x, k)
				}
				assertRel(t, sum, e, identity, "e_%d as Σ kp", x)
				assert.Equal(t, e+0.5, tbl.LifeExpectancy(x), "e°_%d", x)
				assertRel(t, tbl.LifeExpectancy(x), tbl.LifeExpectancyFrac(x, mortality.UDD), identity, "e°_%d UDD", x)
				for _, n := range []int{0, 1, 10, 200} {
					p := tbl.Survival(x, n)
					assertRel(t, e, tbl.CurtateTemporaryLifeExpectancy(x, n)+p*tbl.CurtateLifeExpectancy(x+n), identity, "e_%d split at %d", x, n)
					assertRel(t, e+0.5, tbl.TemporaryLifeExpectancy(x, n)+p*tbl.LifeExpectancy(x+n), identity, "e°_%d split at %d", x, n)
				}
			}
		})
	}
}

// TestSurvivalIdentities checks _{m+n}p_x = _m p_x·_n p_{x+m} (AMLCR §2.2)
// over the ILT, that SurvivalAll agrees with Survival exactly, and that
// survival is 1 for n = 0 and 0 past the table.
func TestSurvivalIdentities(t *testing.T) {
	const chain = 1e-13 // relative: two divisions of survivor counts
	tbl := ilt(t)
	for x := 0; x <= 142; x += 3 {
		for m := 0; m <= 50; m += 7 {
			for n := 0; n <= 50; n += 5 {
				assertRel(t, tbl.Survival(x, m+n), tbl.Survival(x, m)*tbl.Survival(x+m, n), chain, "%d+%dp_%d", m, n, x)
			}
		}
		assert.Equal(t, 1.0, tbl.Survival(x, 0))
		all := tbl.SurvivalAll(nil, x)
		for k, p := range all {
			assert.Equal(t, tbl.Survival(x, k), p, "SurvivalAll(%d)[%d]", x, k)
		}
		assert.Zero(t, all[len(all)-1], "SurvivalAll(nil) ends at certain death")
	}
	assert.Zero(t, tbl.Survival(140, 1), "q is 1 at the last age")
	assert.Zero(t, tbl.Survival(141, 1), "beyond the table")
	assert.Zero(t, tbl.Survival(0, 141))
	assert.Zero(t, tbl.Survival(0, math.MaxInt))
	assert.Equal(t, 1.0, tbl.Q(141), "q above MaxAge")
	assert.Equal(t, 1.0, tbl.Q(1000))
	assert.Zero(t, tbl.L(141))
	assert.Zero(t, tbl.CurtateLifeExpectancy(141))
	assert.Equal(t, 0.5, tbl.LifeExpectancy(141), "UDD: half of the final year")
}

// TestSurvivalAllDestination checks the destination-first contract:
// a caller's slice is filled whatever its length and nothing is allocated.
func TestSurvivalAllDestination(t *testing.T) {
	tbl, err := mortality.NewTable(0, []float64{0.5, 0.5})
	require.NoError(t, err)
	long := []float64{9, 9, 9, 9, 9, 9}
	assert.Equal(t, []float64{1, 0.5, 0.25, 0, 0, 0}, tbl.SurvivalAll(long, 0), "q = 1 at MaxAge+1")
	short := []float64{9, 9}
	assert.Equal(t, []float64{1, 0.5}, tbl.SurvivalAll(short, 0))
	assert.Equal(t, []float64{1, 0, 0}, tbl.SurvivalAll(make([]float64, 3), 5), "from beyond the table")
	assert.Equal(t, []float64{1, 0.5, 0.25, 0}, tbl.SurvivalAll(nil, 0))
	assert.Equal(t, []float64{1, 0}, tbl.SurvivalAll(nil, 2))
	assert.Equal(t, []float64{1}, tbl.SurvivalAll(nil, 9))
	assert.Empty(t, tbl.SurvivalAll([]float64{}, 0))
	big := ilt(t)
	dst := make([]float64, 141)
	assert.Zero(t, testing.AllocsPerRun(100, func() { big.SurvivalAll(dst, 0) }))
}

// TestOpenEnd: a table whose last rate is below 1 still ends with everyone
// dead at MaxAge+1 (q = 1 there), and every expectation counts that year.
func TestOpenEnd(t *testing.T) {
	const exact = 1e-15
	tbl, err := mortality.NewTable(0, []float64{0.5})
	require.NoError(t, err)
	assert.Equal(t, 0, tbl.MaxAge())
	assert.Equal(t, 0.5, tbl.L(1))
	assert.Zero(t, tbl.L(2))
	assert.Equal(t, 0.5, tbl.CurtateLifeExpectancy(0))
	// UDD: 0.75 in the first year, 0.5·0.5 in the second.
	assert.InDelta(t, 1.0, tbl.LifeExpectancy(0), exact)
	assert.InDelta(t, 1.0, tbl.LifeExpectancyFrac(0, mortality.UDD), exact)
	assert.InDelta(t, 1.0, tbl.TemporaryLifeExpectancy(0, 5), exact)
	assert.InDelta(t, 0.75, tbl.TemporaryLifeExpectancy(0, 1), exact)
}

// TestRateOfOneInside: a rate of 1 inside a table makes l 0 from there, but
// a life older than that age still has the table's later rates: no 0/0.
func TestRateOfOneInside(t *testing.T) {
	const exact = 1e-15
	tbl, err := mortality.NewTable(0, []float64{0.1, 1, 0.5, 0.2})
	require.NoError(t, err)
	assert.Zero(t, tbl.L(2))
	assert.Zero(t, tbl.Survival(0, 2))
	assert.Equal(t, 0.5, tbl.Survival(2, 1))
	assert.InDelta(t, 0.4, tbl.Survival(2, 2), exact)
	assert.Zero(t, tbl.Survival(2, 3))
	assert.InDelta(t, 0.9, tbl.CurtateLifeExpectancy(2), exact) // 0.5 + 0.4
	assert.InDelta(t, 1.4, tbl.LifeExpectancy(2), exact)
	assert.Equal(t, []float64{1, 0.5, 0.4, 0}, tbl.SurvivalAll(nil, 2)[:4])
	// UDD from 2.5 to 3: (1 − q_2)/(1 − q_2/2) = 0.5/0.75.
	assert.InDelta(t, 2.0/3, tbl.SurvivalFrac(2.5, 0.5, mortality.UDD), exact)
	for _, f := range []mortality.Fractional{mortality.UDD, mortality.ConstantForce, mortality.Balducci} {
		for x := 0.0; x < 6; x += 0.25 {
			for _, n := range []float64{0, 0.3, 1, 2.5} {
				p := tbl.SurvivalFrac(x, n, f)
				assert.False(t, math.IsNaN(p) || p < 0 || p > 1, "%v: %vp_%v = %v", f, n, x, p)
			}
			assert.False(t, math.IsNaN(tbl.LifeExpectancyFrac(int(x), f)))
		}
	}
}

// TestUnderflow: survivors that underflow after centuries of q = 0.99 do not
// spoil survival or expectation from the late ages (geometric closed form:
// e_x = Σ_{k=1}^{n} p^k = p(1 − p^n)/(1 − p) for n years left).
func TestUnderflow(t *testing.T) {
	const geometric = 1e-12
	q := make([]float64, 400)
	for i := range q {
		q[i] = 0.99
	}
	tbl, err := mortality.NewTable(0, q)
	require.NoError(t, err)
	p := 1 - 0.99
	assert.Zero(t, tbl.L(300), "l underflows to 0")
	assertRel(t, p, tbl.Survival(390, 1), geometric)
	assertRel(t, p*p, tbl.Survival(390, 2), geometric)
	n := 400 - 390
	assertRel(t, p*(1-math.Pow(p, float64(n)))/(1-p), tbl.CurtateLifeExpectancy(390), geometric)
}

// TestConstructorErrors: bad data returns an error naming the field, the
// age and the value, wrapping the package's sentinels.
func TestConstructorErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		build func() (*mortality.LifeTable, error)
		field string
		age   int
		value float64
		want  error
	}{
		{"q NaN", func() (*mortality.LifeTable, error) { return mortality.NewTable(20, []float64{0.1, math.NaN()}) }, "q", 21, math.NaN(), mortality.ErrNotFinite},
		{"q +Inf", func() (*mortality.LifeTable, error) { return mortality.NewTable(20, []float64{math.Inf(1)}) }, "q", 20, math.Inf(1), mortality.ErrNotFinite},
		{"q -Inf", func() (*mortality.LifeTable, error) { return mortality.NewTable(0, []float64{0, 0, math.Inf(-1)}) }, "q", 2, math.Inf(-1), mortality.ErrNotFinite},
		{"q negative", func() (*mortality.LifeTable, error) { return mortality.NewTable(65, []float64{-0.01}) }, "q", 65, -0.01, mortality.ErrRate},
		{"q above 1", func() (*mortality.LifeTable, error) { return mortality.NewTable(65, []float64{0.5, 1.5}) }, "q", 66, 1.5, mortality.ErrRate},
		{"l NaN", func() (*mortality.LifeTable, error) { return mortality.FromSurvivors(0, []float64{100, math.NaN()}) }, "l", 1, math.NaN(), mortality.ErrNotFinite},
		{"l Inf", func() (*mortality.LifeTable, error) { return mortality.FromSurvivors(0, []float64{math.Inf(1)}) }, "l", 0, math.Inf(1), mortality.ErrNotFinite},
		{"l increasing", func() (*mortality.LifeTable, error) { return mortality.FromSurvivors(40, []float64{100, 90, 95}) }, "l", 42, 95, mortality.ErrSurvivors},
		{"l negative", func() (*mortality.LifeTable, error) { return mortality.FromSurvivors(40, []float64{100, -1}) }, "l", 41, -1, mortality.ErrSurvivors},
		{"l zero at start", func() (*mortality.LifeTable, error) { return mortality.FromSurvivors(40, []float64{0, 0}) }, "l", 40, 0, mortality.ErrSurvivors},
	} {
		t.Run(c.name, func(t *testing.T) {
			tbl, err := c.build()
			assert.Nil(t, tbl)
			require.ErrorIs(t, err, c.want)
			var re *mortality.RateError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, c.field, re.Field)
			assert.Equal(t, c.age, re.Age)
			if math.IsNaN(c.value) {
				assert.True(t, math.IsNaN(re.Value))
			} else {
				assert.Equal(t, c.value, re.Value)
			}
			assert.Contains(t, err.Error(), c.field+" at age "+strconv.Itoa(c.age)+" is "+strconv.FormatFloat(c.value, 'g', -1, 64))
		})
	}
	for _, c := range []struct {
		name string
		err  error
		want error
		text string
	}{
		{"empty q", second(mortality.NewTable(0, nil)), mortality.ErrEmpty, "q"},
		{"empty l", second(mortality.FromSurvivors(0, []float64{})), mortality.ErrEmpty, "l"},
		{"negative minAge q", second(mortality.NewTable(-1, []float64{0.1})), mortality.ErrAge, "minimum age -1"},
		{"negative minAge l", second(mortality.FromSurvivors(-5, []float64{1})), mortality.ErrAge, "minimum age -5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.ErrorIs(t, c.err, c.want)
			assert.Contains(t, c.err.Error(), c.text)
			assert.Contains(t, c.err.Error(), "mortality: ")
		})
	}
}

func second[T any](_ T, err error) error { return err }

// TestMisusePanics: asking below MinAge, or for negative durations, is a
// programming error and panics with a "mortality:" message.
func TestMisusePanics(t *testing.T) {
	tbl, err := mortality.NewTable(20, []float64{0.1, 0.2})
	require.NoError(t, err)
	below := "mortality: age 19 below the table's minimum age 20"
	assert.PanicsWithValue(t, below, func() { tbl.Q(19) })
	assert.PanicsWithValue(t, below, func() { tbl.L(19) })
	assert.PanicsWithValue(t, below, func() { tbl.Survival(19, 1) })
	assert.PanicsWithValue(t, below, func() { tbl.SurvivalAll(nil, 19) })
	assert.PanicsWithValue(t, below, func() { tbl.CurtateLifeExpectancy(19) })
	assert.PanicsWithValue(t, below, func() { tbl.LifeExpectancy(19) })
	assert.PanicsWithValue(t, below, func() { tbl.LifeExpectancyFrac(19, mortality.UDD) })
	neg := "mortality: negative number of years -1"
	assert.PanicsWithValue(t, neg, func() { tbl.Survival(20, -1) })
	assert.PanicsWithValue(t, neg, func() { tbl.CurtateTemporaryLifeExpectancy(20, -1) })
	assert.PanicsWithValue(t, neg, func() { tbl.TemporaryLifeExpectancy(20, -1) })
	for name, f := range map[string]func(){
		"frac below":     func() { tbl.SurvivalFrac(19.5, 1, mortality.UDD) },
		"frac NaN age":   func() { tbl.SurvivalFrac(math.NaN(), 1, mortality.UDD) },
		"frac Inf age":   func() { tbl.SurvivalFrac(math.Inf(1), 1, mortality.UDD) },
		"frac negative":  func() { tbl.SurvivalFrac(20, -0.5, mortality.UDD) },
		"frac NaN years": func() { tbl.SurvivalFrac(20, math.NaN(), mortality.UDD) },
		"force below":    func() { tbl.Force(19.99, mortality.UDD) },
		"unknown frac":   func() { tbl.LifeExpectancyFrac(20, mortality.Fractional(9)) },
		"MinInt age":     func() { tbl.Q(math.MinInt) },
	} {
		assertPanicsMortality(t, f, name)
	}
}

// assertPanicsMortality asserts that f panics with a string starting
// "mortality: ".
func assertPanicsMortality(t *testing.T, f func(), name string) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		s, ok := r.(string)
		assert.True(t, ok && len(s) > 11 && s[:11] == "mortality: ", "%s: panic value %v", name, r)
	}()
	f()
	t.Errorf("%s: did not panic", name)
}

// fixedTable is a Table of another implementation, for Tabulate and the
// adjustments.
type fixedTable struct {
	min int
	q   []float64
}

func (f fixedTable) MinAge() int { return f.min }
func (f fixedTable) MaxAge() int { return f.min + len(f.q) - 1 }
func (f fixedTable) Q(age int) float64 {
	if age-f.min >= len(f.q) {
		return 1
	}
	return f.q[age-f.min]
}

func TestTabulate(t *testing.T) {
	lt, err := mortality.Tabulate(fixedTable{50, []float64{0.1, 0.2, 0.3}})
	require.NoError(t, err)
	assert.Equal(t, []float64{0.1, 0.2, 0.3}, lt.Rates())
	assert.Equal(t, 50, lt.MinAge())
	same, err := mortality.Tabulate(lt)
	require.NoError(t, err)
	assert.Same(t, lt, same)

	_, err = mortality.Tabulate(fixedTable{50, []float64{0.1, math.NaN()}})
	var re *mortality.RateError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 51, re.Age)
	_, err = mortality.Tabulate(fixedTable{50, nil})
	assert.ErrorIs(t, err, mortality.ErrEmpty)
}

func TestNewTableCopies(t *testing.T) {
	q := []float64{0.1, 0.2}
	tbl, err := mortality.NewTable(0, q)
	require.NoError(t, err)
	q[0] = 0.9
	assert.Equal(t, 0.1, tbl.Q(0))
}

func TestErrorsIsAs(t *testing.T) {
	err := error(&mortality.RateError{Field: "q", Age: 3, Value: 2, Err: mortality.ErrRate})
	assert.True(t, errors.Is(err, mortality.ErrRate))
	assert.Equal(t, "mortality: q at age 3 is 2: rate outside [0, 1]", err.Error())
	pe := &mortality.ParseError{File: "t.csv", Line: 4, Column: 2, Field: "qx", Value: "abc", Err: mortality.ErrSyntax}
	assert.ErrorIs(t, pe, mortality.ErrSyntax)
	assert.Equal(t, `t.csv:line 4:column 2: qx "abc": syntax error`, pe.Error())
	assert.Equal(t, "line 1: invalid input", (&mortality.ParseError{Line: 1}).Error())
}

// TestFromSurvivorsPrecision: q_x = d_x/l_x from integer counts is correctly
// rounded (the definition, Bowers §3.3), even for a small rate, where
// 1 − l_{x+1}/l_x would cancel its digits (1.0000000000065512e-05 here).
func TestFromSurvivorsPrecision(t *testing.T) {
	tbl, err := mortality.FromSurvivors(0, []float64{100000, 99999, 99997})
	require.NoError(t, err)
	assert.Equal(t, 1.0/100000, tbl.Q(0))
	assert.Equal(t, 2.0/99999, tbl.Q(1))
}

// FuzzTables: whatever the input, the constructors either return an error
// or a table whose every derived figure is a probability or a finite
// expectation; nothing panics on data and no NaN is passed on.
func FuzzTables(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0xf0, 0x3f}, uint8(20), 0.5, 1.5)
	f.Add([]byte{0x9a, 0x99, 0x99, 0x99, 0x99, 0x99, 0xb9, 0x3f, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f}, uint8(0), 0.25, 3.0)
	f.Fuzz(func(t *testing.T, data []byte, minAge uint8, frac, dur float64) {
		v := make([]float64, len(data)/8)
		for i := range v {
			var bits uint64
			for j := 7; j >= 0; j-- {
				bits = bits<<8 | uint64(data[8*i+j])
			}
			v[i] = math.Float64frombits(bits)
		}
		lo := int(minAge)
		for name, build := range map[string]func(int, []float64) (*mortality.LifeTable, error){
			"NewTable": mortality.NewTable, "FromSurvivors": mortality.FromSurvivors,
		} {
			tbl, err := build(lo, v)
			if err != nil {
				continue
			}
			probability := func(p float64, what string, args ...any) {
				if !(p >= 0 && p <= 1) {
					t.Fatalf("%s: "+what+" = %v", append(append([]any{name}, args...), p)...)
				}
			}
			for x := lo; x <= tbl.MaxAge()+2; x++ {
				probability(tbl.Q(x), "q_%d", x)
				for _, n := range []int{1, 2, 10} {
					probability(tbl.Survival(x, n), "%dp_%d", n, x)
				}
				e := tbl.LifeExpectancy(x)
				// At most every life survives to MaxAge+1 and lives half its last year.
				most := float64(max(tbl.MaxAge()+1-x, 0)) + 0.5
				if math.IsNaN(e) || e < 0.5 || e > most*(1+1e-12) {
					t.Fatalf("%s: e°_%d = %v", name, x, e)
				}
				for _, fr := range assumptions {
					if e := tbl.LifeExpectancyFrac(x, fr); math.IsNaN(e) || e < 0 {
						t.Fatalf("%s: %v e°_%d = %v", name, fr, x, e)
					}
					if !math.IsNaN(frac) && !math.IsInf(frac, 0) && !math.IsNaN(dur) && dur >= 0 {
						age := float64(x) + math.Abs(math.Mod(frac, 1))
						probability(tbl.SurvivalFrac(age, dur, fr), "%v %vp_%v", fr, dur, age)
					}
				}
			}
		}
	})
}
