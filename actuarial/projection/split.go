// The split of a projection's flows and counts by group, sex, service band
// and age, and so by birth cohort.

package projection

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// SplitRow holds one year's flows and counts of the members of one group,
// sex, service band and age (last birthday on 1 January of the year): the
// part of a [YearResult] they account for, each field meaning what the
// YearResult field of the same name means. Flows of an active
// (contributions, refunds, the disability pensions awarded during the
// year) belong to the active's row; pensions paid, and pensions awarded,
// to the beneficiary's: a survivor's pension to the spouse's sex and age,
// an orphan's half to boys and half to girls of the orphans' age, in the
// band of the member whose death gives them. The administration costs,
// transfers and investment income are the scheme's and not split.
type SplitRow struct {
	Actives           float64
	Entrants          float64 // of the Actives, those who joined on 1 January
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
	r.Entrants += o.Entrants
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

// Split is a projection's flows and counts by year, group, sex, service
// band and age: what the projector computes when its Split is set. Its
// rows add up, over groups, sexes, bands and ages, to each year's
// [YearResult] (to rounding: 1e-9 relative). The member of age x on
// 1 January of year y was born in y − x − 1 (BirthYear), so a row belongs
// to one birth cohort for its whole life.
//
// Without service bands (the projector's ServiceBands nil) a split has one
// band, which holds every member. With them, each member belongs for the
// whole projection to one band, by its place on the valuation date
// ([Split.Band]): an active of the census to the band of its years of
// service then, a pensioner of the census to the band "in payment", and a
// member who joins later to "future entrants". A member's flows stay in
// its band after it leaves service: the pension of a retired active, and
// the survivors' and orphans' pensions its death gives, are its band's.
// The census's actives in its last service cell (MaxService, meaning that
// many years or more) count in the band of MaxService.
//
// The bands are exact where the projection is linear in its members: a
// band's rows are then those of a projection of its members alone
// (TestSplitBandsFollowMembers). Where a cell holds members of several
// bands (pensions of one type, sex and age; actives at MaxService), what
// the cell model computes per head for the whole cell is shared between
// its bands: a contribution ceiling in proportion to their salaries; a
// minimum pension's top-up or a cap in payment in proportion to what the
// limits would pay each band's pensions apart; a survivor's share that
// changes years after the award in proportion to their pensions.
type Split struct {
	StartYear int
	Years     int // projected years
	Groups    int // the scheme's groups, in its order
	// ServiceBands are the lower bounds, in completed years of service on
	// the valuation date, of the bands of the census's actives (see
	// [Projector] ServiceBands); nil: a split without bands.
	ServiceBands []int
	// Rows[(((t·Groups + g)·NumSexes + sex)·Bands() + band)·Ages + age],
	// Ages being census.MaxCensusAge + 1; see [Split.BandRow].
	Rows []SplitRow
}

// Ages is the number of ages of a Split: 0..census.MaxCensusAge.
const Ages = nAges

// DefaultServiceBands are service bands of ten years: 0–9, 10–19, 20–29
// and 30 or more years of service on the valuation date.
var DefaultServiceBands = []int{0, 10, 20, 30}

// BandKind says what a band of a [Split] holds.
type BandKind int

const (
	// AllBands is every member: the one band of a split without service
	// bands, and the band of a cohort added up over bands.
	AllBands BandKind = iota
	// ServiceBand holds the census's actives whose completed years of
	// service on the valuation date lie in From..To.
	ServiceBand
	// InPayment holds the census's pensions in payment on the valuation
	// date, and the survivors' and orphans' pensions they give.
	InPayment
	// FutureEntrants holds the members who join after the valuation date.
	FutureEntrants
)

// Band describes a band of a split. From and To bound a ServiceBand's
// service on the valuation date in completed years, both included; To is
// −1 for the last band (30 or more).
type Band struct {
	Kind     BandKind
	From, To int
}

// String describes the band in English: "0–9", "30+", "in payment",
// "future entrants", "all".
func (b Band) String() string {
	switch b.Kind {
	case ServiceBand:
		if b.To < 0 {
			return fmt.Sprintf("%d+", b.From)
		}
		return fmt.Sprintf("%d–%d", b.From, b.To)
	case InPayment:
		return "in payment"
	case FutureEntrants:
		return "future entrants"
	}
	return "all"
}

// Bands is the number of bands of the split: len(ServiceBands) + 2 (the
// service bands, in payment, future entrants), or 1 without service bands.
func (s *Split) Bands() int { return numBands(s.ServiceBands) }

func numBands(bounds []int) int {
	if bounds == nil {
		return 1
	}
	return len(bounds) + 2
}

// Band describes band index b of the split: the service bands in order,
// then in payment, then future entrants. Out of range b panics.
func (s *Split) Band(b int) Band {
	nb := s.Bands()
	switch {
	case b < 0 || b >= nb:
		panic(fmt.Sprintf("actuarial: Split.Band(%d) of %d bands", b, nb))
	case s.ServiceBands == nil:
		return Band{Kind: AllBands}
	case b == nb-2:
		return Band{Kind: InPayment}
	case b == nb-1:
		return Band{Kind: FutureEntrants}
	case b == nb-3:
		return Band{Kind: ServiceBand, From: s.ServiceBands[b], To: -1}
	}
	return Band{Kind: ServiceBand, From: s.ServiceBands[b], To: s.ServiceBands[b+1] - 1}
}

// checkServiceBands reports whether bounds are valid service bands: nil,
// or ascending from 0.
func checkServiceBands(bounds []int) error {
	if bounds == nil {
		return nil
	}
	if len(bounds) == 0 || bounds[0] != 0 {
		return fmt.Errorf("actuarial: ServiceBands %v: want ascending lower bounds from 0: %w", bounds, actuarial.ErrRange)
	}
	for i := 1; i < len(bounds); i++ {
		if bounds[i] <= bounds[i-1] {
			return fmt.Errorf("actuarial: ServiceBands %v: want ascending lower bounds from 0: %w", bounds, actuarial.ErrRange)
		}
	}
	return nil
}

// BirthYear is the year of birth of a member aged age (last birthday) on
// 1 January of year: year − age − 1 (born on 1 January, year − age; the
// convention counts that day with the year before).
func BirthYear(year, age int) int { return year - age - 1 }

// Row returns the row of year index t, group g, sex and age of a split
// without service bands. Out of range arguments, and a split with bands
// (see [Split.BandRow]), panic.
func (s *Split) Row(t, g int, sex actuarial.Sex, age int) *SplitRow {
	if s.ServiceBands != nil {
		panic("actuarial: Split.Row of a split with service bands: use BandRow")
	}
	return s.BandRow(t, g, sex, 0, age)
}

// BandRow returns the row of year index t, group g, sex, band and age. Out
// of range arguments panic.
func (s *Split) BandRow(t, g int, sex actuarial.Sex, band, age int) *SplitRow {
	if t < 0 || t >= s.Years || g < 0 || g >= s.Groups || band < 0 || band >= s.Bands() || age < 0 || age >= nAges {
		panic(fmt.Sprintf("actuarial: Split.BandRow(%d, %d, %v, %d, %d) out of range", t, g, sex, band, age))
	}
	return &s.Rows[s.index(t, g, sex.Index(), band, age)]
}

func (s *Split) index(t, g, sx, b, age int) int {
	return (((t*s.Groups+g)*actuarial.NumSexes+sx)*s.Bands()+b)*nAges + age
}

// year returns the rows of year index t.
func (s *Split) year(t int) []SplitRow {
	n := s.Groups * actuarial.NumSexes * s.Bands() * nAges
	return s.Rows[t*n : (t+1)*n]
}

// clearFrom zeroes the rows of year index t on, of a split that may be
// nil: those a run stopped early leaves.
func (s *Split) clearFrom(t int) {
	if s != nil && t < s.Years {
		n := s.Groups * actuarial.NumSexes * s.Bands() * nAges
		clear(s.Rows[t*n:])
	}
}

// size sizes the split for years × groups and the bands of bounds,
// reusing its array; the run zeroes each year's rows before it fills them.
func (s *Split) size(startYear, years, groups int, bounds []int) {
	s.StartYear, s.Years, s.Groups = startYear, years, groups
	s.ServiceBands = append(s.ServiceBands[:0], bounds...)
	if bounds == nil {
		s.ServiceBands = nil
	}
	n := years * groups * actuarial.NumSexes * s.Bands() * nAges
	if cap(s.Rows) < n {
		s.Rows = make([]SplitRow, n)
	}
	s.Rows = s.Rows[:n]
}

// Total adds up the rows of year index t over groups, sexes, bands and
// ages into what they split of Years[t].
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
// the members born from BornFrom to BornTo, both included, and a band
// (Kind AllBands: every band).
type CohortKey struct {
	Group            int
	Sex              actuarial.Sex
	BornFrom, BornTo int
	Band             Band
}

// Cohort is the flows and counts of one cohort by year: Years[t] belongs
// to year StartYear + t.
type Cohort struct {
	CohortKey
	StartYear int
	Years     []SplitRow
}

// Cohorts adds the rows up by birth cohort, sex and, when byGroup, group
// (otherwise Group is −1), over every band: cohorts of width years of
// birth (0: [DefaultCohortWidth]) aligned on multiples of width
// (1960–1964, 1965–1969 for 5). They come ordered by group, sex, then
// birth year, and only those with some member in some year. A negative
// width panics.
func (s *Split) Cohorts(width int, byGroup bool) []Cohort {
	return s.CohortsBy(width, byGroup, false)
}

// CohortsBy is [Split.Cohorts], by service band too when byBand (in the
// order of [Split.Band], after sex and before birth year).
func (s *Split) CohortsBy(width int, byGroup, byBand bool) []Cohort {
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
	ng, nb, bands := 1, 1, s.Bands()
	if byGroup {
		ng = s.Groups
	}
	if byBand {
		nb = bands
	}
	all := make([]Cohort, ng*actuarial.NumSexes*nb*nc)
	rows := make([]SplitRow, len(all)*s.Years)
	used := make([]bool, len(all))
	for g := range ng {
		for sx := range actuarial.NumSexes {
			for b := range nb {
				for c := range nc {
					k := ((g*actuarial.NumSexes+sx)*nb+b)*nc + c
					grp := g
					if !byGroup {
						grp = -1
					}
					var band Band
					if byBand {
						band = s.Band(b)
					}
					y := (first + c) * width
					all[k] = Cohort{CohortKey: CohortKey{Group: grp, Sex: actuarial.SexAt(sx), BornFrom: y, BornTo: y + width - 1, Band: band},
						StartYear: s.StartYear, Years: rows[k*s.Years : (k+1)*s.Years]}
				}
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
				for b := range bands {
					bi := 0
					if byBand {
						bi = b
					}
					for age := range nAges {
						r := &s.Rows[s.index(t, g, sx, b, age)]
						if *r == (SplitRow{}) {
							continue
						}
						k := ((gi*actuarial.NumSexes+sx)*nb+bi)*nc + floorDiv(BirthYear(y, age), width) - first
						all[k].Years[t].add(r)
						used[k] = true
					}
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
