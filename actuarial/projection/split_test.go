package projection_test

import (
	"fmt"
	"math"
	"slices"
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
// groups, sexes, service bands and ages, and over birth cohorts (and
// bands), to every flow and count of each year; and setting Split, with or
// without service bands, changes no result. With work risks too (withWork,
// workRules), whose exits and pensions have rows of their own.
func TestSplitAddsUp(t *testing.T) {
	for _, work := range []bool{false, true} {
		for _, bands := range [][]int{nil, projection.DefaultServiceBands, {0, 5, 15}} {
			name := fmt.Sprint(bands)
			if work {
				name = "work risks " + name
			}
			t.Run(name, func(t *testing.T) { testSplitAddsUp(t, bands, work) })
		}
	}
}

func testSplitAddsUp(t *testing.T, bands []int, work bool) {
	s := splitScheme(t)
	if work {
		for sx, tb := range s.Assumptions.Decrements {
			s.Assumptions.Decrements[sx] = withWork(t, tb, 0.0005, 0.002)
		}
		for g := range s.Groups {
			s.Groups[g].Rules[0] = workRules(s.Groups[g].Rules[0])
		}
	}
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	off, err := p.Run(nil, 60)
	require.NoError(t, err)
	p.Split, p.ServiceBands = true, bands
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
		relEq(t, y.Entrants, tot.Entrants, "%d entrants", y.Year)
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

	// By cohort (five-year, and by group, and by band): the same totals.
	for _, by := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		byGroup := by[0]
		cs := on.Split.CohortsBy(0, byGroup, by[1])
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
			if by[1] != (bands != nil) {
				assert.Equal(t, projection.AllBands, c.Band.Kind)
			}
			assert.Equal(t, projection.DefaultCohortWidth-1, c.BornTo-c.BornFrom)
			assert.Zero(t, ((c.BornFrom%5)+5)%5, "cohort from %d", c.BornFrom)
		}
	}
}

// TestCohortValuesByBand checks that the present values of a cohort's
// bands add up to the cohort's (an identity of sums, to splitTol).
func TestCohortValuesByBand(t *testing.T) {
	p, err := projection.NewProjector(splitScheme(t))
	require.NoError(t, err)
	p.Split, p.ServiceBands = true, projection.DefaultServiceBands
	res, err := p.Run(nil, 80)
	require.NoError(t, err)
	all, err := res.CohortValues(0, false)
	require.NoError(t, err)
	byBand, err := res.CohortValuesBy(0, false, true)
	require.NoError(t, err)
	type key struct {
		sex  actuarial.Sex
		from int
	}
	var b, c = map[key]float64{}, map[key]float64{}
	for _, v := range byBand {
		assert.NotEqual(t, projection.AllBands, v.Band.Kind)
		b[key{v.Sex, v.BornFrom}] += v.Benefits
		c[key{v.Sex, v.BornFrom}] += v.TotalContributions()
	}
	for _, v := range all {
		relEq(t, v.Benefits, b[key{v.Sex, v.BornFrom}], "%v %d benefits", v.Sex, v.BornFrom)
		relEq(t, v.TotalContributions(), c[key{v.Sex, v.BornFrom}], "%v %d contributions", v.Sex, v.BornFrom)
	}
}

// TestBirthYear checks the convention: aged 40 on 1 January 2025, a member
// had the 40th birthday in 2024 (or on 1 January 2025): born in 1984.
func TestBirthYear(t *testing.T) {
	assert.Equal(t, 1984, projection.BirthYear(2025, 40))
}

// bandScheme is the reference scheme made linear in its members, so that
// a band's members can be projected alone: no contribution ceiling, no cap
// or floor on pensions (per head, they would treat a cell of mixed bands
// otherwise than its bands apart), and a fixed number of entrants a year.
// Its census keeps services up to 20 years (MaxService 20), so that the
// cell at MaxService gathers members of several bands as years pass: the
// census's actives with 10–19 years reach it within ten years, while
// those with 20 or more, under 65, are still there.
func bandScheme(tb testing.TB) *scheme.Scheme {
	s := actuarialtest.ReferenceScheme(tb, 0)
	g := &s.Groups[0]
	r := &g.Rules[0]
	r.Ceiling = actuarial.Limit{}
	r.Retirement.Cap, r.Retirement.Floor, r.Disability.Floor = actuarial.Limit{}, actuarial.Limit{}, actuarial.Limit{}
	s.Assumptions.Entrants.Mode = scheme.FixedEntrants
	s.Assumptions.Entrants.Count = actuarial.Constant(150)
	a := &census.ActiveCells{MaxService: 20}
	a.Count, a.Salary = make([]float64, a.Len()), make([]float64, a.Len())
	for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		for age := range projection.Ages {
			for sv := 0; sv <= census.DefaultMaxService; sv++ {
				from := g.Actives.Index(sex, age, sv)
				to := a.Index(sex, age, sv)
				a.Count[to] += g.Actives.Count[from]
				a.Salary[to] += g.Actives.Salary[from]
			}
		}
	}
	g.Actives = a
	return s
}

// part returns s with only the census actives whose service cell is
// within lo..hi (none when hi < lo), the census pensioners when
// pensioners, and the entrants when entrants.
func part(s *scheme.Scheme, lo, hi int, pensioners, entrants bool) *scheme.Scheme {
	c := *s
	c.Groups = slices.Clone(s.Groups)
	g := &c.Groups[0]
	src := s.Groups[0].Actives
	a := &census.ActiveCells{MaxService: src.MaxService}
	a.Count, a.Salary = make([]float64, a.Len()), make([]float64, a.Len())
	for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		for age := range projection.Ages {
			for sv := lo; sv <= hi; sv++ {
				i := src.Index(sex, age, sv)
				a.Count[i], a.Salary[i] = src.Count[i], src.Salary[i]
			}
		}
	}
	g.Actives = a
	if !pensioners {
		p := &census.PensionerCells{}
		p.Count, p.Pension = make([]float64, p.Len()), make([]float64, p.Len())
		g.Pensioners = p
	}
	if !entrants {
		c.Assumptions.Entrants = scheme.Entrants{Mode: scheme.ClosedGroup}
	}
	return &c
}

// TestSplitBandsFollowMembers checks that a service band follows its
// members: on a scheme linear in its members (bandScheme), a band's rows
// are, year by year, sex by sex and age by age, the rows of a projection
// of the band's members alone: the census actives of the band, the
// census's pensions in payment, or the entrants. It checks the mixing of
// bands in the cell at MaxService, in the pension cells (retirements,
// disability, survivors' and orphans' pensions of each band's deaths) and
// the carrying of the bands into the pensions. Tolerance: splitTol,
// relative to the year's total of the field.
func TestSplitBandsFollowMembers(t *testing.T) {
	const years = 70
	s := bandScheme(t)
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	p.Split, p.ServiceBands = true, projection.DefaultServiceBands
	full, err := p.Run(nil, years)
	require.NoError(t, err)
	sp := full.Split
	require.Equal(t, 6, sp.Bands())
	assert.Equal(t, projection.Band{Kind: projection.ServiceBand, From: 10, To: 19}, sp.Band(1))
	assert.Equal(t, "30+", sp.Band(3).String())
	assert.Equal(t, projection.InPayment, sp.Band(4).Kind)
	assert.Equal(t, projection.FutureEntrants, sp.Band(5).Kind)

	parts := []*scheme.Scheme{
		part(s, 0, 9, false, false), part(s, 10, 19, false, false), part(s, 20, 29, false, false),
		part(s, 0, -1, false, false), // 30+: none with MaxService 20
		part(s, 0, -1, true, false), part(s, 0, -1, false, true),
	}
	fields := func(r *projection.SplitRow) []float64 {
		v := []float64{r.Actives, r.Entrants, r.SalaryBill, r.ContributionBase, r.Refunds, r.ExtraPayments, r.Benefits(), r.TotalContributions()}
		v = append(v, r.Exits[:]...)
		v = append(v, r.Pensioners[:]...)
		v = append(v, r.Pensions[:]...)
		v = append(v, r.NewPensions[:]...)
		v = append(v, r.NewPensionAmounts[:]...)
		return append(v, r.RetiringSalaries[:]...)
	}
	for b, ps := range parts {
		q, err := projection.NewProjector(ps)
		require.NoError(t, err)
		q.Split = true
		alone, err := q.Run(nil, years)
		require.NoError(t, err)
		for ti := range years {
			scale := fields(new(full.Split.Total(ti)))
			for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
				for age := range projection.Ages {
					got, want := fields(sp.BandRow(ti, 0, sex, b, age)), fields(alone.Split.Row(ti, 0, sex, age))
					for k := range got {
						if math.Abs(got[k]-want[k]) > splitTol*math.Max(1, math.Abs(scale[k])) {
							t.Fatalf("band %v, %d, %v aged %d, field %d: %v in the split, %v projected alone",
								sp.Band(b), full.Years[ti].Year, sex, age, k, got[k], want[k])
						}
					}
				}
			}
		}
	}
	// No contributions in the band in payment, no entrant on the valuation date.
	for ti := range years {
		for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
			for age := range projection.Ages {
				assert.Zero(t, sp.BandRow(ti, 0, sex, 4, age).TotalContributions())
				if ti == 0 {
					assert.Zero(t, sp.BandRow(ti, 0, sex, 5, age).Actives)
				}
			}
		}
	}
}

// TestServiceBandsInvalid checks that Run refuses service bands that are
// not ascending from 0, naming them.
func TestServiceBandsInvalid(t *testing.T) {
	p, err := projection.NewProjector(actuarialtest.ReferenceScheme(t, 55))
	require.NoError(t, err)
	p.Split = true
	for _, bands := range [][]int{{}, {5, 10}, {0, 10, 10}, {0, 20, 10}} {
		p.ServiceBands = bands
		_, err := p.Run(nil, 2)
		require.ErrorIs(t, err, actuarial.ErrRange, "%v", bands)
		assert.Contains(t, err.Error(), fmt.Sprint(bands))
	}
}
