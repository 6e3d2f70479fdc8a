// Census records turned into the flat records of a seriatim valuation.

package actuarial

// ActiveRecords appends to dst the census actives as records of group
// group, with their salaries as float64 (the nearest value, as
// [GroupActives] takes them), and returns the extended slice. Records that
// [GroupActives] would reject, and those with more service than age
// ([ErrServiceTooLong]), are left out and reported in a [*CensusError]; the
// others are appended, in order.
func ActiveRecords(dst []ActiveRecord, group int, actives []Active) ([]ActiveRecord, error) {
	var errs []RecordError
	for i := range actives {
		a := &actives[i]
		pay, ok := validActive(a, true, &errs)
		if !ok {
			continue
		}
		dst = append(dst, ActiveRecord{Group: group, Sex: a.Sex, Age: a.Age, Service: a.Service, Salary: pay})
	}
	if errs != nil {
		return dst, &CensusError{Records: errs}
	}
	return dst, nil
}

// PensionRecords appends to dst the census pensioners as records of group
// group, with their pensions as float64, and returns the extended slice.
// Records that [GroupPensioners] would reject are left out and reported in
// a [*CensusError]; the others are appended, in order.
func PensionRecords(dst []PensionRecord, group int, pensioners []Pensioner) ([]PensionRecord, error) {
	var errs []RecordError
	for i := range pensioners {
		p := &pensioners[i]
		amt, ok := validPensioner(p, &errs)
		if !ok {
			continue
		}
		dst = append(dst, PensionRecord{Group: group, Type: p.Type, Sex: p.Sex, Age: p.Age, Pension: amt})
	}
	if errs != nil {
		return dst, &CensusError{Records: errs}
	}
	return dst, nil
}
