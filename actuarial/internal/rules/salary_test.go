package rules_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/stretchr/testify/assert"
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
