// Adequacy: replacement rates of new pensions by year, sex and birth
// cohort, and the average new pension against a floor.

package projection

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
)

// CohortReplacement is the replacement rate of the old-age and early
// pensions awarded in one year to one birth cohort of one sex (all groups
// together): Amounts over Salaries, the ILO's average replacement rate of
// new pensions weighted by salary ([indicator.ReplacementRate]) restricted
// to the cohort.
type CohortReplacement struct {
	Year             int
	Sex              actuarial.Sex
	BornFrom, BornTo int
	// NewPensions are the old-age and early pensions awarded; Amounts
	// their yearly amounts on award; Salaries the retiring salaries of
	// their members (SplitRow's fields of those names).
	NewPensions, Amounts, Salaries float64
	Rate                           float64 // Amounts / Salaries
}

// ReplacementRates returns the replacement rates of new old-age and early
// pensions by sex, birth cohort of width years (0: [DefaultCohortWidth])
// and year, ordered so, for the years and cohorts with a retiring salary
// (no row, rather than a rate of 0/0, where none retires). The amounts
// and salaries of all rows of a year add up to the YearResult's, so the
// rate of a year over every cohort is the YearResult's.
func (s *Split) ReplacementRates(width int) []CohortReplacement {
	var out []CohortReplacement
	for _, c := range s.Cohorts(width, false) {
		for t := range c.Years {
			r := &c.Years[t]
			sal := r.RetiringSalaries[idxOldAge] + r.RetiringSalaries[idxEarly]
			if sal <= 0 {
				continue
			}
			amt := r.NewPensionAmounts[idxOldAge] + r.NewPensionAmounts[idxEarly]
			out = append(out, CohortReplacement{
				Year: c.StartYear + t, Sex: c.Sex, BornFrom: c.BornFrom, BornTo: c.BornTo,
				NewPensions: r.NewPensions[idxOldAge] + r.NewPensions[idxEarly],
				Amounts:     amt, Salaries: sal, Rate: amt / sal,
			})
		}
	}
	return out
}

// Floor is an adequacy floor for a yearly pension: a minimum pension or a
// social-protection floor, in money or as a share of the average salary.
// Exactly one of Money and SalaryShare is set.
type Floor struct {
	// Money is the floor in money a year of each projected year: Money[t]
	// for year StartYear + t; a single value holds in every year (a floor
	// in constant money); nil: not set. Values are finite and > 0.
	Money []float64
	// SalaryShare is the floor as a fraction of the year's average salary
	// (0.4: 40%), > 0; 0: not set. The average salary is the SalaryBill
	// over the actives exposed during the year: Actives less the
	// retirements of 1 January and half the other exits.
	SalaryShare float64
}

// FloorYear is the average new pension of a year against the floor.
type FloorYear struct {
	Year int
	// NewPensions are the old-age and early pensions awarded in the year
	// and AveragePension their average yearly amount on award.
	NewPensions, AveragePension float64
	Floor                       float64 // the floor, money a year
	Ratio                       float64 // AveragePension / Floor
}

// AgainstFloor compares, year by year, the average old-age and early
// pension awarded with floor f. Years without new pensions (or, for a
// floor in salary, without salaries) are left out. A floor with neither
// or both of Money and SalaryShare set, a value that is not finite and
// positive, or fewer Money values than years (other than one) is an error
// wrapping [actuarial.ErrRange].
func AgainstFloor(r *Result, f Floor) ([]FloorYear, error) {
	switch {
	case (len(f.Money) > 0) == (f.SalaryShare != 0):
		return nil, fmt.Errorf("projection: AgainstFloor: set one of Money and SalaryShare: %w", actuarial.ErrRange)
	case f.SalaryShare != 0 && !(f.SalaryShare > 0 && f.SalaryShare < math.Inf(1)):
		return nil, fmt.Errorf("projection: AgainstFloor: SalaryShare %v: want > 0: %w", f.SalaryShare, actuarial.ErrRange)
	case len(f.Money) > 1 && len(f.Money) < len(r.Years):
		return nil, fmt.Errorf("projection: AgainstFloor: %d Money values for %d years: %w", len(f.Money), len(r.Years), actuarial.ErrRange)
	}
	for t, m := range f.Money {
		if !(m > 0 && m < math.Inf(1)) {
			return nil, fmt.Errorf("projection: AgainstFloor: Money[%d] = %v: want finite and > 0: %w", t, m, actuarial.ErrRange)
		}
	}
	var out []FloorYear
	for t := range r.Years {
		y := &r.Years[t]
		n := y.NewPensions[idxOldAge] + y.NewPensions[idxEarly]
		if n <= 0 {
			continue
		}
		var floor float64
		switch {
		case len(f.Money) == 1:
			floor = f.Money[0]
		case len(f.Money) > 1:
			floor = f.Money[t]
		default:
			var other float64
			for d, e := range y.Exits {
				if d != int(actuarial.Retirement) {
					other += e
				}
			}
			exposed := y.Actives - y.Exits[actuarial.Retirement] - other/2
			if exposed <= 0 || y.SalaryBill <= 0 {
				continue
			}
			floor = f.SalaryShare * y.SalaryBill / exposed
		}
		avg := (y.NewPensionAmounts[idxOldAge] + y.NewPensionAmounts[idxEarly]) / n
		out = append(out, FloorYear{Year: y.Year, NewPensions: n, AveragePension: avg, Floor: floor, Ratio: avg / floor})
	}
	return out, nil
}
