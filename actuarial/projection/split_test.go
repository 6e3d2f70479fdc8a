package projection_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// splitTol is the relative tolerance of a split's parts against its total:
// the parts are differences of the engine's running sums, equal to the
// total up to the rounding of a few thousand additions (~1e-13).
const splitTol = 1e-9

// splitScheme is the reference scheme with a second group, a copy of the
// first under the same rules, so that the split has two groups.
func splitScheme(tb testing.TB) *scheme.Scheme {
	s := actuarialtest.ReferenceScheme(tb, 55)
	g := s.Groups[0]
	g.Name = "copy"
	act, pen := actuarialtest.Census(0.5, 55)
	g.Actives, g.Pensioners = act, pen
	s.Groups = append(s.Groups, g)
	return s
}

func relEq(t *testing.T, want, got float64, msg string, args ...any) {
	t.Helper()
	if d := math.Abs(want - got); d > splitTol*math.Max(1, math.Abs(want)) {
		t.Errorf("%s: parts add to %v, total %v", append([]any{msg}, args...)...)
	}
}

// TestSplitAddsUp checks the identity of a split: its rows add up, over
// groups, sexes and ages, and over birth cohorts, to every flow and count
// of each year; and setting Split changes no result. With work risks too
// (withWork, workRules), whose exits and pensions have rows of their own.
func TestSplitAddsUp(t *testing.T) {
	for _, work := range []bool{false, true} {
		s := splitScheme(t)
		if work {
			for sx, tb := range s.Assumptions.Decrements {
				s.Assumptions.Decrements[sx] = withWork(t, tb, 0.0005, 0.002)
			}
			for g := range s.Groups {
				s.Groups[g].Rules[0] = workRules(s.Groups[g].Rules[0])
			}
		}
		t.Run(map[bool]string{false: "reference", true: "work risks"}[work], func(t *testing.T) { splitAddsUp(t, s, work) })
	}
}

func splitAddsUp(t *testing.T, s *scheme.Scheme, work bool) {
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	off, err := p.Run(nil, 60)
	require.NoError(t, err)
	p.Split = true
	on, err := p.Run(nil, 60)
	require.NoError(t, err)
	require.NotNil(t, on.Split)
	assert.Nil(t, off.Split)
	assert.Equal(t, off.Years, on.Years, "Split changes the results")
	if work {
		assert.Positive(t, on.Years[4].Pensions[census.PensionWorkSurvivor.Index()])
		assert.Positive(t, on.Years[4].Exits[actuarial.WorkDisability])
	}

	for ti, y := range on.Years {
		tot := on.Split.Total(ti)
		relEq(t, y.Actives, tot.Actives, "%d actives", y.Year)
		relEq(t, y.SalaryBill, tot.SalaryBill, "%d salary bill", y.Year)
		relEq(t, y.ContributionBase, tot.ContributionBase, "%d contribution base", y.Year)
		for pay := range scheme.NumPayers {
			relEq(t, y.Contributions[pay], tot.Contributions[pay], "%d contributions %d", y.Year, pay)
		}
		relEq(t, y.Refunds, tot.Refunds, "%d refunds", y.Year)
		relEq(t, y.ExtraPayments, tot.ExtraPayments, "%d extra payments", y.Year)
		relEq(t, y.Benefits(), tot.Benefits(), "%d benefits", y.Year)
		for k := range actuarial.NumDecrements {
			relEq(t, y.Exits[k], tot.Exits[k], "%d exits %d", y.Year, k)
		}
		for k := range census.NumPensionTypes {
			relEq(t, y.Pensioners[k], tot.Pensioners[k], "%d pensioners %d", y.Year, k)
			relEq(t, y.Pensions[k], tot.Pensions[k], "%d pensions %d", y.Year, k)
			relEq(t, y.NewPensions[k], tot.NewPensions[k], "%d new pensions %d", y.Year, k)
			relEq(t, y.NewPensionAmounts[k], tot.NewPensionAmounts[k], "%d new pension amounts %d", y.Year, k)
			relEq(t, y.RetiringSalaries[k], tot.RetiringSalaries[k], "%d retiring salaries %d", y.Year, k)
			relEq(t, y.ReferenceSalaries[k], tot.ReferenceSalaries[k], "%d reference salaries %d", y.Year, k)
		}
	}

	// By cohort (five-year, and by group): the same totals.
	for _, byGroup := range []bool{false, true} {
		cs := on.Split.Cohorts(0, byGroup)
		require.NotEmpty(t, cs)
		for ti, y := range on.Years {
			var c, b, n float64
			for k := range cs {
				r := &cs[k].Years[ti]
				c += r.TotalContributions()
				b += r.Benefits()
				n += r.Actives
			}
			relEq(t, y.TotalContributions(), c, "%d cohorts' contributions", y.Year)
			relEq(t, y.Benefits(), b, "%d cohorts' benefits", y.Year)
			relEq(t, y.Actives, n, "%d cohorts' actives", y.Year)
		}
		for _, c := range cs {
			assert.Equal(t, projection.DefaultCohortWidth-1, c.BornTo-c.BornFrom)
			assert.Zero(t, ((c.BornFrom%5)+5)%5, "cohort from %d", c.BornFrom)
		}
	}
}

// TestBirthYear checks the convention: aged 40 on 1 January 2025, a member
// had the 40th birthday in 2024 (or on 1 January 2025): born in 1984.
func TestBirthYear(t *testing.T) {
	assert.Equal(t, 1984, projection.BirthYear(2025, 40))
}
