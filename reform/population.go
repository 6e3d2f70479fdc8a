package reform

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// nAges is the number of ages of the cells, 0..MaxCensusAge.
const NAges = census.MaxCensusAge + 1

// Population is the membership of a scheme on 1 January of a projected
// year by sex and age last birthday, summed over its groups: expected
// numbers of lives (fractional). Index the arrays by [actuarial.Sex.Index]
// (0 men, 1 women) and by age.
type Population struct {
	Year int // the calendar year
	// Actives are the active members after the day's entrants and
	// transitions, before its retirements: they add up to the year's
	// [projection.YearResult] Actives.
	Actives [actuarial.NumSexes][NAges]float64
	// Pensioners are the pensions in payment of every type before the
	// day's retirements, by the beneficiary's sex and age (an orphan's
	// pension counts at the orphan's age): they add up to the year's
	// TotalPensioners.
	Pensioners [actuarial.NumSexes][NAges]float64
}

// PopulationAt returns the population of the projection r on 1 January of
// calendar year year, from its detail by cell. A projection run without
// [projection.Projector] Detail has none: the error wraps
// [ErrNoCellDetail]. A year outside the projection wraps [ErrYearOutside],
// and a count that is NaN or infinite is an [*indicator.SeriesError]
// wrapping [actuarial.ErrNotFinite]. A nil r panics.
func PopulationAt(r *projection.Result, year int) (*Population, error) {
	if r == nil {
		panic("reform: PopulationAt of a nil Result")
	}
	d := r.Cells
	if d == nil {
		return nil, fmt.Errorf("reform: projection %q has no detail by cell (run its Projector with Detail set): %w",
			r.Scheme, ErrNoCellDetail)
	}
	t := year - r.StartYear
	if t < 0 || t >= d.Years {
		return nil, fmt.Errorf("reform: population of %d: projection %q covers %d–%d: %w",
			year, r.Scheme, r.StartYear, r.StartYear+d.Years-1, ErrYearOutside)
	}
	pop := &Population{Year: year}
	for g := range d.Groups {
		for sx, sex := range [...]actuarial.Sex{actuarial.Male, actuarial.Female} {
			for age := range NAges {
				// The service cells of an age are contiguous.
				off := d.Active(t, g, sex, age, 0)
				for _, n := range d.ActiveCount[off : off+d.MaxService+1] {
					pop.Actives[sx][age] += n
				}
				for ti := range census.NumPensionTypes {
					pop.Pensioners[sx][age] += d.PensionerCount[d.Pensioner(t, g, census.PensionTypeAt(ti), sex, age)]
				}
			}
		}
	}
	for sx := range actuarial.NumSexes {
		for age := range NAges {
			for _, c := range [...]struct {
				name string
				n    float64
			}{{"actives", pop.Actives[sx][age]}, {"pensioners", pop.Pensioners[sx][age]}} {
				if math.IsNaN(c.n) || math.IsInf(c.n, 0) {
					return nil, fmt.Errorf("reform: projection %q: %w", r.Scheme, &indicator.SeriesError{
						Series: fmt.Sprintf("%s of age %d, %v", c.name, age, actuarial.SexAt(sx)),
						T:      t, Year: year, Value: c.n, Err: actuarial.ErrNotFinite})
				}
			}
		}
	}
	return pop, nil
}
