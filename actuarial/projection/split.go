// The split of a projection's flows and counts by group, sex and age, and
// so by birth cohort.

package projection

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// SplitRow holds one year's flows and counts of the members of one group,
// sex and age (last birthday on 1 January of the year): the part of a
// [YearResult] they account for, each field meaning what the YearResult
// field of the same name means. Flows of an active (contributions, refunds,
// the disability pensions awarded during the year) belong to the active's
// row; pensions paid, and pensions awarded, to the beneficiary's: a
// survivor's pension to the spouse's sex and age, an orphan's half to boys
// and half to girls of the orphans' age. The administration costs,
// transfers and investment income are the scheme's and not split.
type SplitRow struct {
	Actives           float64
	Exits             [actuarial.NumDecrements]float64
	Pensioners        [census.NumPensionTypes]float64
	NewPensions       [census.NumPensionTypes]float64
	NewPensionAmounts [census.NumPensionTypes]float64
	RetiringSalaries  [census.NumPensionTypes]float64
	ReferenceSalaries [census.NumPensionTypes]float64
	SalaryBill        float64
	ContributionBase  float64
	Contributions     [scheme.NumPayers]float64
	Pensions          [census.NumPensionTypes]float64
	ExtraPayments     float64
	Refunds           float64
}

// Benefits are the row's pensions, extra payments and refunds, as
// [YearResult.Benefits] counts them.
func (r *SplitRow) Benefits() float64 {
	b := r.ExtraPayments + r.Refunds
	for _, x := range r.Pensions {
		b += x
	}
	return b
}

// TotalContributions are the row's contributions of every payer.
func (r *SplitRow) TotalContributions() float64 {
	var c float64
	for _, x := range r.Contributions {
		c += x
	}
	return c
}

// add adds o's fields to r's.
func (r *SplitRow) add(o *SplitRow) {
	r.Actives += o.Actives
	for k := range r.Exits {
		r.Exits[k] += o.Exits[k]
	}
	for k := range census.NumPensionTypes {
		r.Pensioners[k] += o.Pensioners[k]
		r.NewPensions[k] += o.NewPensions[k]
		r.NewPensionAmounts[k] += o.NewPensionAmounts[k]
		r.RetiringSalaries[k] += o.RetiringSalaries[k]
		r.ReferenceSalaries[k] += o.ReferenceSalaries[k]
		r.Pensions[k] += o.Pensions[k]
	}
	r.SalaryBill += o.SalaryBill
	r.ContributionBase += o.ContributionBase
	for k := range r.Contributions {
		r.Contributions[k] += o.Contributions[k]
	}
	r.ExtraPayments += o.ExtraPayments
	r.Refunds += o.Refunds
}

// Split is a projection's flows and counts by year, group, sex and age:
// what the projector computes when its Split is set. Its rows add up, over
// groups, sexes and ages, to each year's [YearResult] (to rounding: 1e-9
// relative). The member of age x on 1 January of year y was born in
// y − x − 1 (BirthYear), so a row belongs to one birth cohort for its
// whole life.
type Split struct {
	StartYear int
	Years     int // projected years
	Groups    int // the scheme's groups, in its order
	// Rows[((t·Groups + g)·NumSexes + sex)·Ages + age], Ages being
	// census.MaxCensusAge + 1; see [Split.Row].
	Rows []SplitRow
}

// Ages is the number of ages of a Split: 0..census.MaxCensusAge.
const Ages = nAges

// BirthYear is the year of birth of a member aged age (last birthday) on
// 1 January of year: year − age − 1 (born on 1 January, year − age; the
// convention counts that day with the year before).
func BirthYear(year, age int) int { return year - age - 1 }

// Row returns the row of year index t, group g, sex and age. Out of range
// arguments panic.
func (s *Split) Row(t, g int, sex actuarial.Sex, age int) *SplitRow {
	if t < 0 || t >= s.Years || g < 0 || g >= s.Groups || age < 0 || age >= nAges {
		panic(fmt.Sprintf("actuarial: Split.Row(%d, %d, %v, %d) out of range", t, g, sex, age))
	}
	return &s.Rows[s.index(t, g, sex.Index(), age)]
}

func (s *Split) index(t, g, sx, age int) int {
	return ((t*s.Groups+g)*actuarial.NumSexes+sx)*nAges + age
}

// year returns the rows of year index t.
func (s *Split) year(t int) []SplitRow {
	n := s.Groups * actuarial.NumSexes * nAges
	return s.Rows[t*n : (t+1)*n]
}

// size sizes the split for years × groups, reusing its array, and zeroes it.
func (s *Split) size(startYear, years, groups int) {
	s.StartYear, s.Years, s.Groups = startYear, years, groups
	n := years * groups * actuarial.NumSexes * nAges
	if cap(s.Rows) < n {
		s.Rows = make([]SplitRow, n)
	}
	s.Rows = s.Rows[:n]
	clear(s.Rows)
}

// Total adds up the rows of year index t over groups, sexes and ages into
// what they split of Years[t].
func (s *Split) Total(t int) SplitRow {
	var tot SplitRow
	rows := s.year(t)
	for i := range rows {
		tot.add(&rows[i])
	}
	return tot
}

// DefaultCohortWidth is the width in years of birth of the cohorts of
// [Split.Cohorts] asked for a width of 0.
const DefaultCohortWidth = 5

// CohortKey names a cohort of a split: a group (−1: all groups), a sex,
// and the members born from BornFrom to BornTo, both included.
type CohortKey struct {
	Group            int
	Sex              actuarial.Sex
	BornFrom, BornTo int
}

// Cohort is the flows and counts of one cohort by year: Years[t] belongs
// to year StartYear + t.
type Cohort struct {
	CohortKey
	StartYear int
	Years     []SplitRow
}

// Cohorts adds the rows up by birth cohort, sex and, when byGroup, group
// (otherwise Group is −1): cohorts of width years of birth (0:
// [DefaultCohortWidth]) aligned on multiples of width (1960–1964,
// 1965–1969 for 5). They come ordered by group, sex, then birth year, and
// only those with some member in some year. A negative width panics.
func (s *Split) Cohorts(width int, byGroup bool) []Cohort {
	if width < 0 {
		panic(fmt.Sprintf("actuarial: Split.Cohorts: negative width %d", width))
	}
	if width == 0 {
		width = DefaultCohortWidth
	}
	if s.Years == 0 {
		return nil
	}
	// Birth years from the oldest at the start to the youngest at the end.
	first := floorDiv(BirthYear(s.StartYear, nAges-1), width)
	last := floorDiv(BirthYear(s.StartYear+s.Years-1, 0), width)
	nc := last - first + 1
	ng := 1
	if byGroup {
		ng = s.Groups
	}
	all := make([]Cohort, ng*actuarial.NumSexes*nc)
	rows := make([]SplitRow, len(all)*s.Years)
	used := make([]bool, len(all))
	for g := range ng {
		for sx := range actuarial.NumSexes {
			for c := range nc {
				k := (g*actuarial.NumSexes+sx)*nc + c
				grp := g
				if !byGroup {
					grp = -1
				}
				b := (first + c) * width
				all[k] = Cohort{CohortKey: CohortKey{Group: grp, Sex: actuarial.SexAt(sx), BornFrom: b, BornTo: b + width - 1},
					StartYear: s.StartYear, Years: rows[k*s.Years : (k+1)*s.Years]}
			}
		}
	}
	for t := range s.Years {
		y := s.StartYear + t
		for g := range s.Groups {
			gi := 0
			if byGroup {
				gi = g
			}
			for sx := range actuarial.NumSexes {
				for age := range nAges {
					r := &s.Rows[s.index(t, g, sx, age)]
					if *r == (SplitRow{}) {
						continue
					}
					k := (gi*actuarial.NumSexes+sx)*nc + floorDiv(BirthYear(y, age), width) - first
					all[k].Years[t].add(r)
					used[k] = true
				}
			}
		}
	}
	out := all[:0]
	for k := range all {
		if used[k] {
			out = append(out, all[k])
		}
	}
	return out
}

// floorDiv is a/b rounded down, for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// splitStocks sets the year's split rows' stocks on 1 January, after
// entrants and transitions: the actives and the pensions in payment.
func (p *Projector) splitStocks() {
	for g := range p.nG {
		for sx := range actuarial.NumSexes {
			rows := p.sp[(g*actuarial.NumSexes+sx)*nAges:][:nAges]
			k := g*actuarial.NumSexes + sx
			for age := p.lo[k]; age <= p.hi[k]; age++ {
				row := g*p.nA + (sx*nAges+age)*p.ns
				var n float64
				for _, x := range p.aN[row : row+p.ns] {
					n += x
				}
				rows[age].Actives = n
			}
			for ti := range census.NumPensionTypes {
				ks := (g*census.NumPensionTypes+ti)*actuarial.NumSexes + sx
				for age := p.pLo[ks]; age <= p.pHi[ks]; age++ {
					rows[age].Pensioners[ti] = p.pN[ks*nAges+age]
				}
			}
		}
	}
}

// splitGroup completes group g's split rows of the year once its passes
// are done: the contributions, rates times the base, and the extra
// payments, in proportion to the pensions paid.
func (p *Projector) splitGroup(g int) {
	yr := &p.gc[g].yr
	rows := p.sp[g*actuarial.NumSexes*nAges:][:actuarial.NumSexes*nAges]
	for i := range rows {
		r := &rows[i]
		for pay := range scheme.NumPayers {
			r.Contributions[pay] = yr.ContributionRate[pay] * r.ContributionBase
		}
		var paid float64
		for _, x := range r.Pensions {
			paid += x
		}
		r.ExtraPayments = yr.Extra * paid
	}
}

// splitRows returns group g and sex index sx's split rows by age, nil
// without a split.
func (p *Projector) splitRows(g, sx int) []SplitRow {
	if p.sp == nil {
		return nil
	}
	return p.sp[(g*actuarial.NumSexes+sx)*nAges:][:nAges]
}
