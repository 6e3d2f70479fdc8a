package rules_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// closedFormTol is the tolerance of a closed form against the tables:
// a few ulps of sums of a few dozen terms of order 1.
const closedFormTol = 1e-12

const ms = 40 // the last service cell of the tests

// TestPastSalaries checks T(a, s) = Σ_{k=1..s} (1+w)^−k, the closed form
// of the recursion when the salary scale has no merit (a geometric series).
func TestPastSalaries(t *testing.T) {
	const w = 0.04
	merit := make([]float64, rules.NumAges*(ms+1))
	for i := range merit {
		merit[i] = 1
	}
	tb := make([]float64, len(merit))
	rules.PastSalaries(tb, merit, ms, w)
	for _, c := range []struct{ age, sv int }{{30, 0}, {30, 1}, {40, 10}, {60, 35}, {0, 0}, {5, 5}} {
		want := 0.0
		for k := 1; k <= c.sv; k++ {
			want += math.Pow(1+w, -float64(k))
		}
		assert.InDelta(t, want, tb[c.age*(ms+1)+c.sv], closedFormTol, "T(%d, %d)", c.age, c.sv)
	}
}

// TestPastSalaryRows: the table built by PastSalaryRows in pieces, as an
// engine extends it while its members age, is PastSalaries' table bit for
// bit, with the salary scale of the reference scheme: in every cell, and
// in the cells of members who entered at 18 or later when it computes
// only those; and PastSalaries' table is the recursion of its definition,
// evaluated a cell at a time, bit for bit.
func TestPastSalaryRows(t *testing.T) {
	const w = 0.037
	law := rules.Compile(actuarialtest.ReferenceScheme(t, 65), ms)
	merit := law.Decrements.Merit
	want := make([]float64, len(merit))
	rules.PastSalaries(want, merit, ms, w)
	def := make([]float64, len(merit))
	for age := 1; age < rules.NumAges; age++ {
		for sv := 1; sv <= ms; sv++ {
			prev := (age-1)*(ms+1) + sv - 1
			def[age*(ms+1)+sv] = (1 + def[prev]) / (merit[prev] * (1 + w))
		}
	}
	require.Equal(t, def, want, "PastSalaries against its definition")
	for _, minEntry := range []int{-ms, 18} {
		got := make([]float64, len(merit))
		lo := 0
		for _, hi := range []int{17, 18, 64, 90, rules.NumAges - 1} {
			rules.PastSalaryRows(got, merit, ms, minEntry, lo, hi, w)
			lo = hi + 1
		}
		for age := range rules.NumAges {
			for sv := 0; sv <= min(ms, age-minEntry); sv++ {
				c := age*(ms+1) + sv
				require.Equal(t, want[c], got[c], "minimum entry age %d, age %d, service %d", minEntry, age, sv)
			}
		}
	}
}

// TestAverageRates checks the averages of a history of rates by hand.
func TestAverageRates(t *testing.T) {
	hist := []float64{0.06, 0.04, 0.05}
	avg := make([]float64, len(hist)+1)
	require.True(t, rules.AverageRates(avg, hist))
	assert.InDeltaSlice(t, []float64{0, 0.06, 0.05, 0.05}, avg, closedFormTol)
	assert.False(t, rules.AverageRates(avg, hist), "unchanged history")
	rules.PushRate(hist, 0.08)
	assert.Equal(t, []float64{0.08, 0.06, 0.04}, hist)
}

// TestDecrements checks the dependent probabilities against the
// two-decrement UDD formulas of Bowers et al. §10.6 (q^(d) = q'^(d)(1 −
// q'^(i)/2) when there is no withdrawal) and the identities of Cell:
// E = 1 − (D+I+W)/2, F = 1 − (D+I+W).
func TestDecrements(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	law := rules.Compile(s, ms)
	tb := s.Assumptions.Decrements[0]
	for _, c := range []struct{ age, sv int }{{25, 2}, {40, 15}, {55, 30}, {64, 40}} {
		const d0 = 0.01
		ind := tb.Independent(c.age, c.sv)
		qi, qw := ind[actuarial.Disability], ind[actuarial.Withdrawal]
		cl, wk := law.Decrements.At(0, c.age*(ms+1)+c.sv, d0)
		assert.Zero(t, wk, "no work risks")
		const third = 1.0 / 3
		assert.InDelta(t, d0*(1-0.5*(qi+qw)+third*qi*qw), cl.D, closedFormTol)
		assert.InDelta(t, qi*(1-0.5*(d0+qw)+third*d0*qw), cl.I, closedFormTol)
		assert.InDelta(t, qw*(1-0.5*(d0+qi)+third*d0*qi), cl.W, closedFormTol)
		qt := cl.D + cl.I + cl.W
		assert.InDelta(t, 1-qt/2, cl.E, closedFormTol)
		assert.InDelta(t, 1-qt, cl.F, closedFormTol)
		assert.Equal(t, s.Assumptions.Salary.Merit(c.age, c.sv), cl.M)
		if qw == 0 {
			assert.InDelta(t, d0*(1-qi/2), cl.D, closedFormTol)
		}
		row := make([]rules.Cell, ms+1)
		law.Decrements.FillAge(row, nil, 0, c.age, d0)
		assert.Equal(t, cl, row[c.sv], "FillAge and At agree")
	}
}

// TestFillServicesByField: the cells by field are FillServices' Cells
// field by field, bit for bit (the same rule, dependent, written twice), in
// UDD in each single-decrement table (the reference scheme) and in the
// multiple-decrement table, for rows and parts of rows, the cells around
// them left alone.
func TestFillServicesByField(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	uddm := actuarialtest.ServiceTableWith(t, 1, actuarial.DecrementOptions{Basis: actuarial.IndependentRates, Assumption: actuarial.UDDMultipleDecrement})
	for _, tables := range []string{"single", "multiple"} {
		sc := *s
		if tables == "multiple" {
			sc.Assumptions.Decrements = [actuarial.NumSexes]*actuarial.ServiceTable{uddm, nil}
		}
		law := rules.Compile(&sc, ms)
		const ns = ms + 1
		plane := rules.NumAges * ns
		v := make([]float64, 6*plane)
		const untouched = -7.0 // no field is negative
		for i := range v {
			v[i] = untouched
		}
		row := make([]rules.Cell, ns)
		for sx := range actuarial.NumSexes {
			for _, c := range []struct{ age, lo, hi int }{{16, 0, 1}, {30, 0, 12}, {45, 3, 27}, {64, 40, 40}, {80, 0, ms}} {
				d0 := 0.0005 * math.Exp(0.09*float64(c.age-20))
				law.Decrements.FillServices(row, nil, sx, c.age, c.lo, c.hi, d0)
				law.Decrements.FillServicesByField(v, plane, sx, c.age, c.lo, c.hi, d0)
				for sv := range ns {
					cell := c.age*ns + sv
					got := [6]float64{v[cell], v[plane+cell], v[2*plane+cell], v[3*plane+cell], v[4*plane+cell], v[5*plane+cell]}
					if sv < c.lo || sv > c.hi {
						assert.Equal(t, [6]float64{untouched, untouched, untouched, untouched, untouched, untouched}, got,
							"%s tables, sex %d, age %d, service %d: outside the services asked", tables, sx, c.age, sv)
						continue
					}
					w := row[sv]
					assert.Equal(t, [6]float64{w.D, w.I, w.W, w.E, w.F, w.FM}, got, "%s tables, sex %d, age %d, service %d", tables, sx, c.age, sv)
				}
				for i := range v {
					v[i] = untouched
				}
			}
		}
	}
}

// TestMortality checks the fallbacks (retired, disabled and survivors
// follow the actives' table when only it is given) and the rates against
// the table.
func TestMortality(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	law := rules.Compile(s, ms)
	m := &law.Mortality
	q := make([]float64, rules.NumAges)
	for st := range scheme.NumLifeStatuses {
		if st != int(scheme.StatusActive) {
			assert.Equal(t, int(scheme.StatusActive), m.Alias[st][1], "status %d", st)
		}
	}
	require.NoError(t, m.Fill(q, scheme.StatusSurvivor, 1, s.StartYear))
	tb := s.Assumptions.Mortality[scheme.StatusActive][1]
	for _, age := range []int{20, 65, 100} {
		assert.Equal(t, tb.Q(max(age, tb.MinAge()), s.StartYear), q[age])
	}
	assert.Equal(t, 1.0, q[rules.NumAges-1])
}

// TestExits checks the reference rules: a full pension at 65 with 30
// years of service (accrual 50% + 2.5% a year beyond 15, capped at 100%),
// a withdrawal at the compulsory age 65 without a pension, none at 40.
func TestExits(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	law := rules.Compile(s, ms)
	var yr rules.Year
	law.Year(&yr, 0, s.StartYear, s.Assumptions.Unit)
	ex := yr.Exits
	at := func(age, sv int) int { return (0*rules.NumAges+age)*(ms+1) + sv }
	c := at(65, 30)
	assert.Equal(t, rules.Full, ex.Kind[c])
	assert.Equal(t, 1.0, ex.Rate[c])
	assert.InDelta(t, 0.50+0.025*15, ex.Factor[c], closedFormTol)
	assert.Equal(t, rules.Withdraw, ex.Kind[at(65, 0)])
	assert.Equal(t, rules.None, ex.Kind[at(40, 10)])
	assert.InDelta(t, 25*s.Assumptions.Unit, yr.Ceiling, closedFormTol*s.Assumptions.Unit)
	assert.Equal(t, [actuarial.NumSexes]float64{math.Inf(1), math.Inf(1)}, yr.DisCap)
	assert.InDelta(t, 1.03, yr.Index, closedFormTol, "price indexation at 3%")
}
