// Census records turned into the flat records of a seriatim valuation.

package projection

import "github.com/reserva-go/reserva/actuarial/census"

// ActiveRecords appends to dst the census actives as records of group
// group, with their salaries as float64 (the nearest value, as
// [census.GroupActives] takes them), and returns the extended slice. Records that
// [census.GroupActives] would reject, and those with more service than age
// ([census.ErrServiceTooLong]), are left out and reported in a [*census.CensusError]; the
// others are appended, in order.
func ActiveRecords(dst []ActiveRecord, group int, actives []census.Active) ([]ActiveRecord, error) {
	var errs []census.RecordError
	for i := range actives {
		a := &actives[i]
		pay, ok := census.ValidActive(a, true, &errs)
		if !ok {
			continue
		}
		dst = append(dst, ActiveRecord{Group: group, Sex: a.Sex, Age: a.Age, Service: a.Service, Salary: pay})
	}
	if errs != nil {
		return dst, &census.CensusError{Records: errs}
	}
	return dst, nil
}

// PensionRecords appends to dst the census pensioners as records of group
// group, with their pensions as float64, and returns the extended slice.
// Records that [census.GroupPensioners] would reject are left out and reported in
// a [*census.CensusError]; the others are appended, in order.
func PensionRecords(dst []PensionRecord, group int, pensioners []census.Pensioner) ([]PensionRecord, error) {
	var errs []census.RecordError
	for i := range pensioners {
		p := &pensioners[i]
		amt, ok := census.ValidPensioner(p, &errs)
		if !ok {
			continue
		}
		dst = append(dst, PensionRecord{Group: group, Type: p.Type, Sex: p.Sex, Age: p.Age, Pension: amt})
	}
	if errs != nil {
		return dst, &census.CensusError{Records: errs}
	}
	return dst, nil
}
