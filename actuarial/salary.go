package actuarial

import (
	"fmt"
	"math"
)

// SalaryScale is the merit (promotional) growth of an individual's salary
// with age and service, on top of the general growth of wages. From one
// year to the next a member aged x with s years of service sees a merit
// increase of (1 + ByAge(x))·(1 + ByService(s)) − 1.
//
// The zero value has no merit increases: salaries grow with general wages
// only.
type SalaryScale struct {
	MinAge    int       // the age of ByAge[0]
	ByAge     []float64 // merit increase from age MinAge+i to the next age; ages outside take the nearest rate; nil: none
	ByService []float64 // merit increase from service s to s+1; service beyond the slice takes the last rate; nil: none
}

// Validate reports a rate that is not finite or is −100% or below.
func (s SalaryScale) Validate() error {
	for i, v := range s.ByAge {
		if math.IsNaN(v) || math.IsInf(v, 0) || v <= -1 {
			return fmt.Errorf("actuarial: salary scale ByAge at age %d is %v: want a finite rate above −1", s.MinAge+i, v)
		}
	}
	for i, v := range s.ByService {
		if math.IsNaN(v) || math.IsInf(v, 0) || v <= -1 {
			return fmt.Errorf("actuarial: salary scale ByService at service %d is %v: want a finite rate above −1", i, v)
		}
	}
	return nil
}

// Merit returns the factor by which merit raises the salary of a member
// aged age with service years of service over the next year.
func (s SalaryScale) Merit(age, service int) float64 {
	f := 1.0
	if n := len(s.ByAge); n > 0 {
		f *= 1 + s.ByAge[min(max(age-s.MinAge, 0), n-1)]
	}
	if n := len(s.ByService); n > 0 {
		f *= 1 + s.ByService[min(max(service, 0), n-1)]
	}
	return f
}

// ReferenceRatio returns the ratio of the average of the last years annual
// salaries to the last one, for a member now aged age with service years of
// service whose salary has followed the scale and general wage growth w a
// year: (1/n)·Σ_{k=0}^{n−1} S_{−k}/S_0 with n = min(years, service) (at least
// 1). years ≤ 1 gives 1: the reference salary is the last salary.
func (s SalaryScale) ReferenceRatio(age, service, years int, w float64) float64 {
	n := min(years, service)
	if n <= 1 {
		return 1
	}
	sum, level := 1.0, 1.0
	for k := 1; k < n; k++ {
		// The salary k years back is the one k−1 years back divided by that
		// year's merit and wage growth.
		level /= s.Merit(age-k, service-k) * (1 + w)
		sum += level
	}
	return sum / float64(n)
}
