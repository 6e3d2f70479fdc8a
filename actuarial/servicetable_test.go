package actuarial_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/mortality"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIllustrativeServiceTable rebuilds the printed l^(τ) and d^(j)
// columns of Bowers' Illustrative Service Table (Table 11.3.1, ages 30–35)
// from its dependent probabilities q^(j) = d^(j)/l^(τ) and a radix of
// 100,000 at age 30.
func TestIllustrativeServiceTable(t *testing.T) {
	const tol = 1e-9 // the printed columns are whole numbers; this is float round-off on 1e5
	rows := actuarialtest.IllustrativeServiceTable(t)
	// The data first: l_{x+1} = l_x − Σ_j d^(j)_x holds exactly in print.
	for i := 0; i+1 < len(rows); i++ {
		var sum float64
		for _, d := range rows[i].D {
			sum += d
		}
		require.Equal(t, rows[i].L-sum, rows[i+1].L, "printed l at age %d", rows[i+1].Age)
	}
	var rates [actuarial.NumDecrements][]float64
	for j := range rates {
		for _, row := range rows {
			rates[j] = append(rates[j], row.D[j]/row.L)
		}
	}
	tbl, err := actuarial.NewServiceTable(30, 0, rates, actuarial.DecrementOptions{})
	require.NoError(t, err)
	c := tbl.Follow(nil, 100000, 30, 0, len(rows))
	for k, row := range rows {
		assert.InDelta(t, row.L, c.L[k], tol, "l at age %d", row.Age)
		for j := range row.D {
			assert.InDelta(t, row.D[j], c.D[j][k], tol, "d^(%v) at age %d", actuarial.Decrement(j), row.Age)
		}
	}
	// Over five years, 53,897 of the 100,000 withdraw and 45,730 remain.
	const ptol = 1e-15
	assert.InDelta(t, (19900.0+14466+9858+5702+3971)/100000, tbl.ExitProbability(actuarial.Withdrawal, 30, 0, 5), ptol)
	assert.InDelta(t, 45730.0/100000, tbl.Survival(30, 0, 5), ptol)

	// The same table through the CSV reader.
	var b strings.Builder
	b.WriteString("age,death,withdrawal,disability,retirement\n")
	for _, row := range rows {
		fmt.Fprintf(&b, "%d,%v,%v,%v,%v\n", row.Age, row.D[actuarial.Death]/row.L, row.D[actuarial.Withdrawal]/row.L,
			row.D[actuarial.Disability]/row.L, row.D[actuarial.Retirement]/row.L)
	}
	read, err := actuarial.ReadServiceTable(strings.NewReader(b.String()), actuarial.DecrementOptions{})
	require.NoError(t, err)
	for _, row := range rows {
		assert.Equal(t, tbl.Dependent(row.Age, 0), read.Dependent(row.Age, 0))
		assert.Equal(t, tbl.Independent(row.Age, 0), read.Independent(row.Age, 0))
	}
}

// TestFinanExample674 builds a three-decrement table from independent
// rates: Finan, A Discussion on Life Contingencies (MLC), Example 67.4, as
// replicated in the vignette multiple_decrement_tables.Rmd of the R package
// lifecontingencies (commit 50f1317), which prints p^(τ)_60 = 0.86427 and
// l^(τ)_61 = 864.27 from a radix of 1000 at age 60.
func TestFinanExample674(t *testing.T) {
	const tol = 0.005 // l printed to the cent
	tbl, err := actuarial.NewServiceTable(60, 0, [actuarial.NumDecrements][]float64{
		actuarial.Death:      {0.010, 0.013},
		actuarial.Disability: {0.030, 0.050},
		actuarial.Retirement: {0.100, 0.200},
	}, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(t, err)
	c := tbl.Follow(nil, 1000, 60, 0, 2)
	assert.InDelta(t, 864.27, c.L[1], tol)
	assert.InDelta(t, 0.86427, tbl.Survival(60, 0, 1), tol/1000)
}

// serviceTable is a small table by age and service: ages 20–24, service
// 0..2 (2 meaning two years or more), withdrawal select by service, death
// and disability by age, given as independent rates.
func serviceTable(t testing.TB, opt actuarial.DecrementOptions) *actuarial.ServiceTable {
	t.Helper()
	var rates [actuarial.NumDecrements][]float64
	for age := 20; age <= 24; age++ {
		for s := 0; s <= 2; s++ {
			x := float64(age - 20)
			rates[actuarial.Death] = append(rates[actuarial.Death], 0.001+0.0002*x)
			rates[actuarial.Disability] = append(rates[actuarial.Disability], 0.002+0.001*x)
			rates[actuarial.Withdrawal] = append(rates[actuarial.Withdrawal], []float64{0.25, 0.15, 0.08}[s]-0.01*x)
		}
	}
	opt.Basis = actuarial.IndependentRates
	tbl, err := actuarial.NewServiceTable(20, 2, rates, opt)
	require.NoError(t, err)
	return tbl
}

func TestServiceLookups(t *testing.T) {
	tbl := serviceTable(t, actuarial.DecrementOptions{})
	assert.Equal(t, 20, tbl.MinAge())
	assert.Equal(t, 24, tbl.MaxAge())
	assert.Equal(t, 2, tbl.MaxService())
	assert.True(t, tbl.Has(actuarial.Withdrawal))
	assert.False(t, tbl.Has(actuarial.Retirement))
	assert.Equal(t, actuarial.Death, tbl.Terminal(), "no retirement column: the table ends in death")

	// The flat layout is as documented.
	ns := tbl.MaxService() + 1
	for age := 20; age <= 24; age++ {
		for s := 0; s < ns; s++ {
			c := ((age-20)*ns + s) * actuarial.NumDecrements
			assert.Equal(t, tbl.Dependent(age, s), [actuarial.NumDecrements]float64(tbl.Flat()[c:]))
			assert.Equal(t, tbl.Independent(age, s), [actuarial.NumDecrements]float64(tbl.FlatIndependent()[c:]))
		}
	}
	// Given rates come back as given.
	assert.Equal(t, 0.15-0.01*2, tbl.QIndependent(actuarial.Withdrawal, 22, 1))
	// Service beyond the last column is the ultimate column.
	assert.Equal(t, tbl.Dependent(22, 2), tbl.Dependent(22, 9))
	// Above MaxAge every member leaves by the terminal cause.
	assert.Equal(t, [actuarial.NumDecrements]float64{1, 0, 0, 0}, tbl.Dependent(25, 0))
	assert.Equal(t, [actuarial.NumDecrements]float64{1, 0, 0, 0}, tbl.Independent(90, 3))
	assert.Equal(t, 1.0, tbl.QTotal(25, 0))

	assert.PanicsWithValue(t, "actuarial: age 19 below the service table's minimum age 20", func() { tbl.Dependent(19, 0) })
	assert.Panics(t, func() { tbl.Q(actuarial.Death, 20, -1) })
	assert.Panics(t, func() { tbl.Survival(20, 0, -1) })
}

// TestServiceColumns: the cohort columns obey l^(τ)_{x+1} = l^(τ)_x −
// Σ_j d^(j)_x (Bowers §10.4, the definition of the table), the exit probabilities by cause add up to
// 1 − _n p^(τ), and the cohort's exit probabilities are the table's.
func TestServiceColumns(t *testing.T) {
	const tol = 1e-12 // relative to a radix of 1
	for _, opt := range []actuarial.DecrementOptions{
		{},
		{Assumption: actuarial.UDDMultipleDecrement},
	} {
		tbl := serviceTable(t, opt)
		c := tbl.Follow(nil, 1, 20, 0, 0)
		require.Equal(t, 6, c.Years(), "ages 20–24 and the terminal year at 25")
		assert.Equal(t, 0.0, c.L[6], "everyone has left")
		for k := 0; k < c.Years(); k++ {
			var sum float64
			for j := range c.D {
				sum += c.D[j][k]
			}
			assert.InDelta(t, c.L[k]-sum, c.L[k+1], tol, "l at age %d", 21+k)
		}
		for n := 0; n <= 7; n++ {
			var total float64
			for j := range actuarial.NumDecrements {
				d := actuarial.Decrement(j)
				e := tbl.ExitProbability(d, 20, 0, n)
				total += e
				assert.InDelta(t, c.ExitProbability(d, 0, n), e, tol, "%v over %d years", d, n)
			}
			assert.InDelta(t, 1-tbl.Survival(20, 0, n), total, tol, "n = %d", n)
		}
		// Member aged 21 with one year of service: the path runs along the
		// diagonal (22, 2), (23, 3 → ultimate 2), ...
		var path [actuarial.NumDecrements][]float64
		for j := range path {
			path[j] = make([]float64, 5)
		}
		tbl.DependentPath(path, 21, 1)
		for k := range 5 {
			for j := range path {
				assert.Equal(t, tbl.Q(actuarial.Decrement(j), 21+k, 1+k), path[j][k])
			}
		}
		// By age at fixed service, nil columns skipped.
		path[actuarial.Disability] = nil
		tbl.DependentByAge(path, 0)
		for i := range 5 {
			assert.Equal(t, tbl.Q(actuarial.Withdrawal, 20+i, 0), path[actuarial.Withdrawal][i])
		}
	}
}

// TestRetirementTiming: a retirement rate of 1 at the last retirement age
// (65) under both timings, checked against the closed forms of Bowers §10.6
// for the other causes.
func TestRetirementTiming(t *testing.T) {
	const tol = 1e-15
	death := []float64{0.010, 0.011, 0.012, 0.013, 0.014, 0.015}
	withdrawal := []float64{0.02, 0.02, 0.02, 0.02, 0.02, 0.02}
	retirement := []float64{0.1, 0.1, 0.2, 0.2, 0.5, 1}
	rates := [actuarial.NumDecrements][]float64{
		actuarial.Death: death, actuarial.Withdrawal: withdrawal, actuarial.Retirement: retirement,
	}
	const D, W, R = actuarial.Death, actuarial.Withdrawal, actuarial.Retirement

	t.Run("at start", func(t *testing.T) {
		tbl, err := actuarial.NewServiceTable(60, 0, rates, actuarial.DecrementOptions{
			Basis: actuarial.IndependentRates, Retirement: actuarial.RetireAtStart})
		require.NoError(t, err)
		assert.Equal(t, actuarial.Retirement, tbl.Terminal())
		for i := range death {
			age := 60 + i
			r, d, w := retirement[i], death[i], withdrawal[i]
			assert.Equal(t, r, tbl.Q(R, age, 0), "retirements on the birthday: q = q'")
			assert.InDelta(t, (1-r)*d*(1-w/2), tbl.Q(D, age, 0), tol, "death at %d", age)
			assert.InDelta(t, (1-r)*w*(1-d/2), tbl.Q(W, age, 0), tol, "withdrawal at %d", age)
			during := tbl.DuringYear(age, 0)
			if r < 1 {
				assert.InDelta(t, d*(1-w/2), during[D], tol, "death after the birthday at %d", age)
			}
			assert.Equal(t, 0.0, during[R])
		}
		assert.Equal(t, [actuarial.NumDecrements]float64{0, 0, 0, 1}, tbl.Dependent(65, 0))
		c := tbl.Follow(nil, 1000, 60, 0, 0)
		assert.Equal(t, 6, c.Years(), "the table empties at 65")
		assert.Equal(t, 0.0, c.L[6])
		assert.InDelta(t, c.L[5], c.D[R][5], tol)
	})

	t.Run("during year", func(t *testing.T) {
		tbl, err := actuarial.NewServiceTable(60, 0, rates, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
		require.NoError(t, err)
		d, w := death[5], withdrawal[5]
		// Three causes, one certain: q^(1) = q'^(1)(1 − ½(q'^(2) + 1) + ⅓ q'^(2)).
		assert.InDelta(t, d*(1-(w+1)/2+w/3), tbl.Q(D, 65, 0), tol)
		assert.InDelta(t, w*(1-(d+1)/2+d/3), tbl.Q(W, 65, 0), tol)
		assert.InDelta(t, 1.0, tbl.QTotal(65, 0), tol)
		assert.Equal(t, tbl.Dependent(63, 0), tbl.DuringYear(63, 0))
	})

	// The dependent probabilities read back as dependent rates give the
	// same table, under each timing and assumption.
	for _, timing := range []actuarial.RetirementTiming{actuarial.RetireDuringYear, actuarial.RetireAtStart} {
		for _, a := range assumptions {
			const rtol = 1e-12
			opt := actuarial.DecrementOptions{Basis: actuarial.IndependentRates, Assumption: a, Retirement: timing}
			tbl, err := actuarial.NewServiceTable(60, 0, rates, opt)
			require.NoError(t, err)
			var dep [actuarial.NumDecrements][]float64
			for _, j := range []actuarial.Decrement{D, W, R} {
				dep[j] = make([]float64, 6)
			}
			tbl.DependentByAge(dep, 0)
			opt.Basis = actuarial.DependentRates
			back, err := actuarial.NewServiceTable(60, 0, dep, opt)
			require.NoError(t, err)
			for age := 60; age < 65; age++ { // at 65 everyone leaves: the rates of the others are lost
				for j := range actuarial.NumDecrements {
					assert.InDelta(t, tbl.QIndependent(actuarial.Decrement(j), age, 0), back.QIndependent(actuarial.Decrement(j), age, 0), rtol,
						"%v %v %v at %d", timing, a, actuarial.Decrement(j), age)
				}
			}
		}
	}
}

func TestNewServiceTableErrors(t *testing.T) {
	dep := func(rates [actuarial.NumDecrements][]float64) error {
		_, err := actuarial.NewServiceTable(40, 1, rates, actuarial.DecrementOptions{})
		return err
	}
	var re *actuarial.RateError

	err := dep([actuarial.NumDecrements][]float64{actuarial.Withdrawal: {0.1, 0.2, 0.1, 1.2}})
	require.ErrorAs(t, err, &re)
	assert.Equal(t, actuarial.RateError{Field: "withdrawal", Age: 41, Service: 1, Value: 1.2, Err: actuarial.ErrRate}, *re)
	assert.EqualError(t, err, "actuarial: withdrawal at age 41, service 1, is 1.2: rate outside [0, 1]")

	err = dep([actuarial.NumDecrements][]float64{
		actuarial.Death:      {0.1, 0.2, 0.1, 0.5},
		actuarial.Retirement: {0.1, 0.2, 0.95, 0.5},
	})
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "sum", re.Field)
	assert.Equal(t, 41, re.Age)
	assert.Equal(t, 0, re.Service)
	const sumTol = 1e-15 // the sum of four rates of order 0.3
	assert.InDelta(t, 1.05, re.Value, sumTol)
	assert.ErrorIs(t, err, actuarial.ErrDecrementSum)

	// The same rates as independent rates are fine.
	_, err = actuarial.NewServiceTable(40, 1, [actuarial.NumDecrements][]float64{
		actuarial.Death:      {0.1, 0.2, 0.1, 0.5},
		actuarial.Retirement: {0.1, 0.2, 0.95, 0.5},
	}, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	assert.NoError(t, err)

	_, err = actuarial.NewServiceTable(40, 0, [actuarial.NumDecrements][]float64{{0.1, -0.2}}, actuarial.DecrementOptions{})
	require.ErrorAs(t, err, &re)
	assert.EqualError(t, err, "actuarial: death at age 41 is -0.2: rate outside [0, 1]")

	assert.ErrorIs(t, dep([actuarial.NumDecrements][]float64{}), actuarial.ErrEmpty)
	assert.Error(t, dep([actuarial.NumDecrements][]float64{{0.1, 0.1}, {0.1}}), "lengths differ")
	assert.Error(t, dep([actuarial.NumDecrements][]float64{{0.1, 0.1, 0.1}}), "not a whole number of ages")
	_, err = actuarial.NewServiceTable(-1, 0, [actuarial.NumDecrements][]float64{{0.1}}, actuarial.DecrementOptions{})
	assert.ErrorIs(t, err, actuarial.ErrRange)
	// The sentinels shared with package mortality match either name.
	err = dep([actuarial.NumDecrements][]float64{actuarial.Withdrawal: {0.1, 0.2, 0.1, 1.2}})
	assert.True(t, errors.Is(err, mortality.ErrRate))
}

// TestServiceNoAllocs: the lookups a projection makes each year allocate
// nothing.
func TestServiceNoAllocs(t *testing.T) {
	tbl := serviceTable(t, actuarial.DecrementOptions{})
	var path [actuarial.NumDecrements][]float64
	for j := range path {
		path[j] = make([]float64, 10)
	}
	c := tbl.Follow(nil, 1, 20, 0, 0)
	allocs := testing.AllocsPerRun(100, func() {
		tbl.DependentPath(path, 20, 0)
		tbl.DependentByAge(path, 1)
		_ = tbl.Dependent(22, 1)
		_ = tbl.DuringYear(22, 1)
		_ = tbl.ExitProbability(actuarial.Withdrawal, 20, 0, 5)
		tbl.Follow(c, 1, 20, 0, 0)
	})
	assert.Equal(t, 0.0, allocs)
}

// BenchmarkDependentPath fills a member's future dependent probabilities
// (ages 20 to 65 on a 46-age, 3-service table) into caller slices.
func BenchmarkDependentPath(b *testing.B) {
	var rates [actuarial.NumDecrements][]float64
	for j := range rates {
		rates[j] = make([]float64, 46*3)
		for i := range rates[j] {
			rates[j][i] = 0.01 * float64(j+1)
		}
	}
	tbl, err := actuarial.NewServiceTable(20, 2, rates, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(b, err)
	var path [actuarial.NumDecrements][]float64
	for j := range path {
		path[j] = make([]float64, 46)
	}
	b.ReportAllocs()
	for b.Loop() {
		tbl.DependentPath(path, 20, 0)
	}
}
