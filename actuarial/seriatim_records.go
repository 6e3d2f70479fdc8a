// Census records turned into the flat records of a seriatim valuation.

package actuarial

import "strconv"

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
		pay := a.Salary.InexactFloat64()
		if e, ok := checkMember(a.Line, a.ID, a.Sex, a.Age); !ok {
			errs = append(errs, e)
			continue
		}
		switch {
		case a.Service < 0:
			errs = append(errs, RecordError{Line: a.Line, ID: a.ID, Field: "service",
				Value: strconv.Itoa(a.Service), Err: ErrOutOfRange})
			continue
		case a.Service > a.Age:
			errs = append(errs, RecordError{Line: a.Line, ID: a.ID, Field: "service",
				Value: strconv.Itoa(a.Service), Err: ErrServiceTooLong})
			continue
		case a.Salary.IsNegative():
			errs = append(errs, RecordError{Line: a.Line, ID: a.ID, Field: "salary",
				Value: a.Salary.String(), Err: ErrNegativeAmount})
			continue
		case !(pay <= MaxCensusAmount):
			errs = append(errs, RecordError{Line: a.Line, ID: a.ID, Field: "salary",
				Value: a.Salary.String(), Err: ErrOutOfRange})
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
		amt := p.Pension.InexactFloat64()
		if e, ok := checkMember(p.Line, p.ID, p.Sex, p.Age); !ok {
			errs = append(errs, e)
			continue
		}
		switch {
		case !p.Type.Valid():
			errs = append(errs, RecordError{Line: p.Line, ID: p.ID, Field: "type",
				Value: p.Type.String(), Err: ErrUnknownPensionType})
			continue
		case p.Pension.IsNegative():
			errs = append(errs, RecordError{Line: p.Line, ID: p.ID, Field: "pension",
				Value: p.Pension.String(), Err: ErrNegativeAmount})
			continue
		case !(amt <= MaxCensusAmount):
			errs = append(errs, RecordError{Line: p.Line, ID: p.ID, Field: "pension",
				Value: p.Pension.String(), Err: ErrOutOfRange})
			continue
		}
		dst = append(dst, PensionRecord{Group: group, Type: p.Type, Sex: p.Sex, Age: p.Age, Pension: amt})
	}
	if errs != nil {
		return dst, &CensusError{Records: errs}
	}
	return dst, nil
}
