package rules_test

import (
	"math"

	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFillRatiosOf: the ratios from the merit table are those of
// SalaryScale.ReferenceRatio (FillRatios), bit for bit, in the cells asked
// for, and the other cells are left alone.
func TestFillRatiosOf(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Assumptions.Salary.ByService = []float64{0.02, 0.015, 0.01}
	law := rules.Compile(s, ms)
	const n = rules.NumAges * (ms + 1)
	need := make([]bool, n)
	for c := range need {
		need[c] = c%3 == 0
	}
	for _, years := range []int{1, 2, 5, 10, 60} {
		for _, minEntry := range []int{0, 18} {
			for _, w := range []float64{0, 0.04, -0.02} {
				want, got, some := make([]float64, n), make([]float64, n), make([]float64, n)
				rules.FillRatios(want, &s.Assumptions.Salary, ms, minEntry, years, w)
				rules.FillRatiosOf(got, law.Decrements.Merit, nil, ms, minEntry, years, w)
				assert.Equal(t, want, got, "years %d, min entry %d, w %g", years, minEntry, w)
				rules.FillRatiosOf(some, law.Decrements.Merit, need, ms, minEntry, years, w)
				for c := range some {
					if need[c] {
						assert.Equal(t, want[c], some[c], "cell %d", c)
					} else if some[c] != 0 {
						t.Fatalf("cell %d not asked for was set", c)
					}
				}
			}
		}
	}
}

// reorderTol is the relative tolerance between two evaluations of the same
// sum of a few dozen positive terms of order 1 in another order
// (RatioPoly against RatioAt and PastSalaryRows): a few units in the last
// place each.
const reorderTol = 1e-13

// TestRatioPoly: the division-free evaluation of RatioPoly gives
// SalaryScale.ReferenceRatio's ratios (through FillRatiosOf) and
// PastSalaries' table to reorderTol, in the cells asked for only, with the
// salary scale of the reference scheme plus one by service; PolyFactors is
// the exit factor times PolyRatio, and PolyRatios PolyRatio, bit for bit,
// for every number of coefficients they specialise and others, and so is
// PolyFactorRows, and PolyRatioFactors PolyRatios times two factors; the
// rows' tails of equal coefficients (Same) are those, and computing their
// ratio once a row changes no value.
func TestRatioPoly(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Assumptions.Salary.ByService = []float64{0.02, 0.015, 0.01}
	law := rules.Compile(s, ms)
	merit := law.Decrements.Merit
	const n = rules.NumAges * (ms + 1)
	need := make([]bool, n)
	for c := range need {
		need[c] = c%3 == 0
	}
	var rp rules.RatioPoly
	rp.Prepare(merit, ms)
	within := func(want, got float64, format string, args ...any) {
		t.Helper()
		if math.Abs(got-want) > reorderTol*math.Abs(want) {
			t.Fatalf(format+": got %v, want %v", append(args, got, want)...)
		}
	}
	for _, years := range []int{1, 2, 3, 5, 10, 60} {
		d, k := rp.Coefs(years)
		require.Equal(t, max(1, min(years, ms)), k)
		// Same: from same[age] on, the cells of a row have the
		// coefficients of its last, and the cell before does not.
		same := rp.Same(years)
		for age := range rules.NumAges {
			top := min(ms, age)
			coefs := func(sv int) []float64 { c := age*(ms+1) + sv; return d[c*k : (c+1)*k] }
			for sv := same[age]; sv <= top; sv++ {
				require.Equal(t, coefs(top), coefs(sv), "Same, years %d, age %d, service %d", years, age, sv)
			}
			if u := same[age]; u > 0 {
				require.NotEqual(t, coefs(top), coefs(u-1), "Same, years %d, age %d: the cell before", years, age)
			}
		}
		for _, minEntry := range []int{0, 18} {
			for _, w := range []float64{0, 0.04, -0.02, 0.35} {
				xp := make([]float64, k)
				rules.Powers(xp, 1/(1+w))
				want, got := make([]float64, n), make([]float64, n)
				rules.FillRatiosOf(want, merit, nil, ms, minEntry, years, w)
				rp.Fill(got, need, minEntry, years, xp)
				for age := range rules.NumAges {
					for sv := 0; sv <= min(ms, age-minEntry); sv++ {
						c := age*(ms+1) + sv
						if !need[c] {
							require.Zero(t, got[c], "cell %d not asked for", c)
							continue
						}
						within(want[c], got[c], "years %d, w %g, age %d, service %d", years, w, age, sv)
					}
				}
				// PolyFactorRows over every row, with and without the
				// rows' cells of the same coefficients: PolyFactors'
				// values (checked below) bit for bit.
				fr := make([]float64, ms+1)
				for sv := range fr {
					fr[sv] = 0.4 + 0.01*float64(sv)
				}
				fr[3], fr[7] = 0, -1
				sLo, sHi := make([]int, rules.NumAges), make([]int, rules.NumAges)
				for age := range rules.NumAges {
					sLo[age], sHi[age] = age%4, min(ms, age-minEntry) // some rows empty
				}
				rowsWith, rowsWithout := make([]float64, n), make([]float64, n)
				rules.PolyFactorRows(rowsWith, fr, d, k, xp, ms+1, 0, rules.NumAges-1, sLo, sHi, nil, nil, same, -1)
				rules.PolyFactorRows(rowsWithout, fr, d, k, xp, ms+1, 0, rules.NumAges-1, sLo, sHi, nil, nil, nil, -1)
				for age := range rules.NumAges {
					for sv := sLo[age]; sv <= sHi[age]; sv++ {
						c := age*(ms+1) + sv
						wantF := 0.0
						if fr[sv] > 0 {
							wantF = fr[sv] * rules.PolyRatio(d[c*k:(c+1)*k], xp)
						}
						require.Equal(t, wantF, rowsWith[c], "PolyFactorRows with Same, years %d, age %d, service %d", years, age, sv)
						require.Equal(t, wantF, rowsWithout[c], "PolyFactorRows, years %d, age %d, service %d", years, age, sv)
					}
				}
				// PolyFactors along each row, an exit factor by service
				// with zeros and a negative value it must leave alone.
				f := make([]float64, ms+1)
				for sv := range f {
					f[sv] = 0.4 + 0.01*float64(sv)
				}
				f[3], f[7] = 0, -1
				for age := minEntry; age < rules.NumAges; age++ {
					top := min(ms, age-minEntry)
					out := make([]float64, top+1)
					for sv := range out {
						out[sv] = 42
					}
					c0 := age * (ms + 1)
					rules.PolyFactors(out, f[:top+1], d[c0*k:(c0+top+1)*k], k, xp)
					for sv, o := range out {
						wantF := 42.0
						if f[sv] > 0 {
							wantF = f[sv] * rules.PolyRatio(d[(c0+sv)*k:(c0+sv+1)*k], xp)
						}
						require.Equal(t, wantF, o, "years %d, age %d, service %d", years, age, sv)
					}
					// PolyRatios in the cells need marks, the cells of the
					// same coefficients known or not.
					for _, sm := range []int{top + 1, same[age]} {
						r, needRow := make([]float64, top+1), need[c0:c0+top+1]
						rules.PolyRatios(r, needRow, d[c0*k:(c0+top+1)*k], k, xp, sm)
						for sv, v := range r {
							wantR := 0.0
							if needRow[sv] {
								wantR = rules.PolyRatio(d[(c0+sv)*k:(c0+sv+1)*k], xp)
							}
							require.Equal(t, wantR, v, "PolyRatios, same %d, years %d, age %d, service %d", sm, years, age, sv)
						}
						// PolyRatioFactors: the same ratios, marked, and
						// the two factors they multiply.
						r2, have := make([]float64, top+1), make([]bool, top+1)
						in0, in1, out0, out1 := f[:top+1], make([]float64, top+1), make([]float64, top+1), make([]float64, top+1)
						for sv := range in1 {
							in1[sv] = 2 - 0.03*float64(sv)
						}
						rules.PolyRatioFactors(r2, have, needRow, d[c0*k:(c0+top+1)*k], k, xp, sm, in0, in1, out0, out1)
						require.Equal(t, r, r2, "PolyRatioFactors' ratios, same %d, years %d, age %d", sm, years, age)
						require.Equal(t, needRow, have, "PolyRatioFactors' marks, same %d, years %d, age %d", sm, years, age)
						for sv, ok := range needRow {
							w0, w1 := 0.0, 0.0
							if ok {
								w0, w1 = in0[sv]*r[sv], in1[sv]*r[sv]
							}
							require.Equal(t, w0, out0[sv], "PolyRatioFactors, same %d, years %d, age %d, service %d", sm, years, age, sv)
							require.Equal(t, w1, out1[sv], "PolyRatioFactors, same %d, years %d, age %d, service %d", sm, years, age, sv)
						}
					}
				}
			}
		}
	}
	for _, w := range []float64{0.037, -0.05} {
		want := make([]float64, n)
		rules.PastSalaries(want, merit, ms, w)
		for _, minEntry := range []int{-ms, 18} {
			got := make([]float64, n)
			lo := 0
			for _, hi := range []int{17, 18, 64, 90, rules.NumAges - 1} {
				rp.PastSalaryRows(got, minEntry, lo, hi, 1/(1+w))
				lo = hi + 1
			}
			for age := range rules.NumAges {
				for sv := 0; sv <= min(ms, age-minEntry); sv++ {
					c := age*(ms+1) + sv
					within(want[c], got[c], "past salaries, w %g, age %d, service %d", w, age, sv)
				}
			}
		}
	}
}

// TestSameMerits: from SameMerits' service on, a row's cells have the
// merits of its last over every period's years (so RatioAt gives them the
// same ratio, bit for bit, which the test checks at three wage growths),
// and the cell before does not (or lies below the period's years); with
// the reference scheme's salary scale by age only, and with one by service
// too, whose rows have no such tail below the services it covers.
func TestSameMerits(t *testing.T) {
	for _, byService := range [][]float64{nil, {0.02, 0.015, 0.01}} {
		s := actuarialtest.ReferenceScheme(t, 65)
		s.Assumptions.Salary.ByService = byService
		merit := rules.Compile(s, ms).Decrements.Merit
		var rp rules.RatioPoly
		rp.Prepare(merit, ms)
		ns := ms + 1
		meritsOf := func(age, sv, years int) []uint64 {
			var m []uint64
			for k := 1; k < years; k++ {
				m = append(m, math.Float64bits(merit[(age-k)*ns+sv-k]))
			}
			return m
		}
		for _, years := range []int{2, 3, 5, 10, 60} {
			same := rp.SameMerits(years)
			for age := range rules.NumAges {
				top := min(ms, age)
				u := same[age]
				if top < years {
					require.Equal(t, top+1, u, "ByService %v, years %d, age %d: no tail", byService, years, age)
					continue
				}
				require.GreaterOrEqual(t, u, years, "ByService %v, years %d, age %d", byService, years, age)
				for sv := u; sv <= top; sv++ {
					require.Equal(t, meritsOf(age, top, years), meritsOf(age, sv, years), "ByService %v, years %d, age %d, service %d", byService, years, age, sv)
					for _, w := range []float64{0.04, -0.02, 0.0137} {
						require.Equal(t, math.Float64bits(rules.RatioAt(merit, ms, age, top, years, w)), math.Float64bits(rules.RatioAt(merit, ms, age, sv, years, w)),
							"ByService %v, years %d, w %g, age %d, service %d", byService, years, w, age, sv)
					}
				}
				if u > years {
					require.NotEqual(t, meritsOf(age, top, years), meritsOf(age, u-1, years), "ByService %v, years %d, age %d: the cell before", byService, years, age)
				}
			}
		}
		if byService == nil {
			// A scale by age only: every row's tail starts at the period.
			for age := range rules.NumAges {
				if top := min(ms, age); top >= 5 {
					require.Equal(t, 5, rp.SameMerits(5)[age], "age %d", age)
				}
			}
		}
	}
}
