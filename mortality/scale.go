package mortality

import (
	"fmt"
	"math"
)

// Scale is a mortality improvement scale: AA(age, year) with
// q(x, y+1) = q(x, y)·(1 − AA(x, y)). A positive rate is an improvement
// (falling mortality); a negative one a deterioration. Rates are annual
// fractions: 0.01 is a 1% fall in q per calendar year.
type Scale interface{ Rate(age, year int) float64 }

// AgeScale is a one-dimensional improvement scale: one rate per age, the same
// in every calendar year (SOA Projection Scale AA, G2). Ages below its first
// age use the first rate and ages above its last use the last.
//
// The zero value is the scale of no improvement: Rate is 0 everywhere.
type AgeScale struct {
	minAge int
	rates  []float64
}

// NewAgeScale returns the one-dimensional scale with rates[i] the
// improvement rate at age minAge+i. minAge must not be negative ([ErrAge])
// and each rate must be finite ([ErrNotFinite]) and in (−1, 1)
// ([ErrImprovement]); the error for a bad rate is a [*RateError] naming the
// field "improvement", the age and the value. The slice is copied.
func NewAgeScale(minAge int, rates []float64) (*AgeScale, error) {
	if minAge < 0 {
		return nil, fmt.Errorf("mortality: improvement scale: minimum age %d: %w", minAge, ErrAge)
	}
	if len(rates) == 0 {
		return nil, fmt.Errorf("mortality: improvement scale: %w", ErrEmpty)
	}
	for i, v := range rates {
		if err := checkImprovement("improvement", minAge+i, v); err != nil {
			return nil, err
		}
	}
	return &AgeScale{minAge: minAge, rates: append([]float64(nil), rates...)}, nil
}

func checkImprovement(field string, age int, v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return &RateError{Field: field, Age: age, Value: v, Err: ErrNotFinite}
	case v >= 1 || v <= -1:
		return &RateError{Field: field, Age: age, Value: v, Err: ErrImprovement}
	}
	return nil
}

// ScaleByAge returns a one-dimensional scale, like G2: rates[i] is the
// improvement at age minAge+i in every year. It is the adapter for rates the
// caller has already checked and panics, with the message of
// [NewAgeScale]'s error, on a negative minAge, an empty slice or a rate that
// is not finite or not in (−1, 1); use [NewAgeScale] for data.
func ScaleByAge(minAge int, rates []float64) Scale {
	s, err := NewAgeScale(minAge, rates)
	if err != nil {
		panic(err.Error())
	}
	return s
}

// Rate returns the improvement at age, whatever the year.
func (s *AgeScale) Rate(age, _ int) float64 {
	if len(s.rates) == 0 {
		return 0
	}
	i := min(max(age-s.minAge, 0), len(s.rates)-1)
	return s.rates[i]
}

// MinAge is the first age with a rate of its own.
func (s *AgeScale) MinAge() int { return s.minAge }

// MaxAge is the last age with a rate of its own (MinAge − 1 for the zero
// value, which has none).
func (s *AgeScale) MaxAge() int { return s.minAge + len(s.rates) - 1 }

// AgeYearScale is a two-dimensional improvement scale by age and calendar
// year, like the SOA's MP-2021. Years after its last year continue the last
// year's rates (the ultimate rates, which the SOA publishes as the last
// column); years before its first use the first year's. Ages outside its
// range use the nearest age.
//
// The zero value is the scale of no improvement: Rate is 0 everywhere.
type AgeYearScale struct {
	minAge, nAges   int
	minYear, nYears int
	rates           []float64 // rates[(age-minAge)*nYears + (year-minYear)]
}

// NewAgeYearScale returns the scale with rates[i][j] the improvement at age
// minAge+i in calendar year minYear+j. minAge must not be negative, there
// must be at least one age and one year, and every row must have the same
// length ([ErrShape]). Each rate must be finite and in (−1, 1); the error for a bad rate
// is a [*RateError] whose field names the year ("improvement in 2030"). The
// rates are copied.
func NewAgeYearScale(minAge, minYear int, rates [][]float64) (*AgeYearScale, error) {
	if minAge < 0 {
		return nil, fmt.Errorf("mortality: improvement scale: minimum age %d: %w", minAge, ErrAge)
	}
	if len(rates) == 0 || len(rates[0]) == 0 {
		return nil, fmt.Errorf("mortality: improvement scale: %w", ErrEmpty)
	}
	ny := len(rates[0])
	flat := make([]float64, 0, len(rates)*ny)
	for i, row := range rates {
		if len(row) != ny {
			return nil, fmt.Errorf("mortality: improvement scale: age %d has %d years, want %d: %w", minAge+i, len(row), ny, ErrShape)
		}
		for j, v := range row {
			if err := checkImprovement("improvement", minAge+i, v); err != nil {
				err.(*RateError).Field = fmt.Sprintf("improvement in %d", minYear+j)
				return nil, err
			}
		}
		flat = append(flat, row...)
	}
	return &AgeYearScale{minAge: minAge, nAges: len(rates), minYear: minYear, nYears: ny, rates: flat}, nil
}

// Rate returns AA(age, year).
func (s *AgeYearScale) Rate(age, year int) float64 {
	if len(s.rates) == 0 {
		return 0
	}
	i := min(max(age-s.minAge, 0), s.nAges-1)
	j := min(max(year-s.minYear, 0), s.nYears-1)
	return s.rates[i*s.nYears+j]
}

// Ages returns the first and last age with rates of their own.
func (s *AgeYearScale) Ages() (lo, hi int) { return s.minAge, s.minAge + s.nAges - 1 }

// Years returns the first and last calendar year with rates of their own.
func (s *AgeYearScale) Years() (lo, hi int) { return s.minYear, s.minYear + s.nYears - 1 }
