// Grouping a census into cells (model points) on flat slices.

package census

import (
	"fmt"
	"strconv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/internal/vec"
)

// DefaultMaxService is the last service cell of [ActiveCells] when its
// MaxService is 0: members with 50 or more years of service share it.
const DefaultMaxService = 50

// ActiveCells holds active members grouped by sex, age and completed
// service, on flat slices a projector can loop over without allocating.
// Counts are float64 because a projection carries expected, fractional
// numbers of members; salaries are float64 money units, as all money inside
// computations.
//
// Cell [ActiveCells.Index](sex, age, service) is
//
//	(sex.Index()·(MaxCensusAge+1) + age)·(MaxService+1) + min(service, MaxService)
//
// so service varies fastest, then age, then sex. Service at or above
// MaxService is counted in the last service cell: that cell means "MaxService
// years or more".
//
// The zero value is an empty grouping with MaxService DefaultMaxService;
// [GroupActives] sizes the slices.
type ActiveCells struct {
	// MaxService is the last service cell; 0 means DefaultMaxService. Set
	// it before grouping; negative is a programming error.
	MaxService int
	// Count[i] is the number of members in cell i.
	Count []float64
	// Salary[i] is their total annual salary, in money units.
	Salary []float64
}

// LastService is the last service cell in use: MaxService, or
// DefaultMaxService when MaxService is 0.
func (c *ActiveCells) LastService() int {
	switch {
	case c.MaxService == 0:
		return DefaultMaxService
	case c.MaxService < 0:
		panic(fmt.Sprintf("actuarial: ActiveCells.MaxService %d is negative", c.MaxService))
	}
	return c.MaxService
}

// Len is the number of cells: NumSexes·(MaxCensusAge+1)·(MaxService+1).
func (c *ActiveCells) Len() int {
	return actuarial.NumSexes * (MaxCensusAge + 1) * (c.LastService() + 1)
}

// Index returns the cell of a member of the given sex, age last birthday and
// completed service; service above MaxService is clamped to it. An invalid
// sex, an age outside 0..MaxCensusAge or a negative service is a
// programming error and panics.
func (c *ActiveCells) Index(sex actuarial.Sex, age, service int) int {
	ms := c.LastService()
	if age < 0 || age > MaxCensusAge {
		panic(fmt.Sprintf("actuarial: ActiveCells.Index: age %d outside 0..%d", age, MaxCensusAge))
	}
	if service < 0 {
		panic(fmt.Sprintf("actuarial: ActiveCells.Index: negative service %d", service))
	}
	service = min(service, ms)
	return (sex.Index()*(MaxCensusAge+1)+age)*(ms+1) + service
}

// Total returns the number of members and their total annual salary over
// all cells.
func (c *ActiveCells) Total() (count, salary float64) {
	for i := range c.Count {
		count += c.Count[i]
		salary += c.Salary[i]
	}
	return count, salary
}

// GroupActives adds up actives into cells. It stores into dst, reusing its
// slices when they are long enough, and allocates a new ActiveCells only
// when dst is nil; the cells are zeroed first. Records that a reader would
// reject (an invalid sex, an age outside 0..MaxCensusAge, a negative service
// or salary, a salary above MaxCensusAmount) are left out and reported in a
// [*CensusError]; the others are grouped.
func GroupActives(dst *ActiveCells, actives []Active) (*ActiveCells, error) {
	if dst == nil {
		dst = new(ActiveCells)
	}
	n := dst.Len()
	dst.Count = vec.Zeroed(dst.Count, n)
	dst.Salary = vec.Zeroed(dst.Salary, n)
	var errs []RecordError
	for i := range actives {
		a := &actives[i]
		pay, ok := ValidActive(a, false, &errs)
		if !ok {
			continue
		}
		j := dst.Index(a.Sex, a.Age, a.Service)
		dst.Count[j]++
		dst.Salary[j] += pay
	}
	if errs != nil {
		return dst, &CensusError{Records: errs}
	}
	return dst, nil
}

// PensionerCells holds pensions in payment grouped by type, sex and age, on
// flat slices. Cell [PensionerCells.Index](typ, sex, age) is
//
//	(typ.Index()·NumSexes + sex.Index())·(MaxCensusAge+1) + age
//
// so age varies fastest. The zero value is an empty grouping;
// [GroupPensioners] sizes the slices.
type PensionerCells struct {
	// Count[i] is the number of pensions in cell i.
	Count []float64
	// Pension[i] is their total annual amount, in money units.
	Pension []float64
}

// Len is the number of cells: NumPensionTypes·NumSexes·(MaxCensusAge+1).
func (c *PensionerCells) Len() int {
	return NumPensionTypes * actuarial.NumSexes * (MaxCensusAge + 1)
}

// Index returns the cell of a pension of the given type to a beneficiary of
// the given sex and age last birthday. An invalid type or sex, or an age
// outside 0..MaxCensusAge, is a programming error and panics.
func (c *PensionerCells) Index(typ PensionType, sex actuarial.Sex, age int) int {
	if age < 0 || age > MaxCensusAge {
		panic(fmt.Sprintf("actuarial: PensionerCells.Index: age %d outside 0..%d", age, MaxCensusAge))
	}
	return (typ.Index()*actuarial.NumSexes+sex.Index())*(MaxCensusAge+1) + age
}

// Total returns the number of pensions and their total annual amount over
// all cells.
func (c *PensionerCells) Total() (count, pension float64) {
	for i := range c.Count {
		count += c.Count[i]
		pension += c.Pension[i]
	}
	return count, pension
}

// GroupPensioners adds up pensioners into cells, as [GroupActives] does for
// actives: into dst (allocated only when nil), zeroed first, with records
// that a reader would reject reported in a [*CensusError] and left out.
func GroupPensioners(dst *PensionerCells, pensioners []Pensioner) (*PensionerCells, error) {
	if dst == nil {
		dst = new(PensionerCells)
	}
	n := dst.Len()
	dst.Count = vec.Zeroed(dst.Count, n)
	dst.Pension = vec.Zeroed(dst.Pension, n)
	var errs []RecordError
	for i := range pensioners {
		p := &pensioners[i]
		amt, ok := ValidPensioner(p, &errs)
		if !ok {
			continue
		}
		j := dst.Index(p.Type, p.Sex, p.Age)
		dst.Count[j]++
		dst.Pension[j] += amt
	}
	if errs != nil {
		return dst, &CensusError{Records: errs}
	}
	return dst, nil
}

// checkMember checks the sex and age of a record built in code.
func checkMember(line int, id string, sex actuarial.Sex, age int) (RecordError, bool) {
	switch {
	case !sex.Valid():
		return RecordError{Line: line, ID: id, Field: "sex", Value: sex.String(), Err: actuarial.ErrUnknownSex}, false
	case age < 0 || age > MaxCensusAge:
		return RecordError{Line: line, ID: id, Field: "age", Value: strconv.Itoa(age), Err: actuarial.ErrRange}, false
	}
	return RecordError{}, true
}

// ValidActive returns the salary of an active record as float64 and true,
// or appends to errs the problem that keeps the record out of cells and
// seriatim records and returns false: an invalid sex or age, a negative
// service, with withinAge also a service longer than the age, a negative
// salary or one above MaxCensusAmount. It is the check [GroupActives]
// and the seriatim engine apply to each record: a program that builds
// records from a source of its own (a database, say) can apply it record by
// record as it streams them, and gets the errors a projection would give.
func ValidActive(a *Active, withinAge bool, errs *[]RecordError) (float64, bool) {
	pay := a.Salary.InexactFloat64()
	if e, ok := checkMember(a.Line, a.ID, a.Sex, a.Age); !ok {
		return 0, fail(errs, e)
	}
	switch {
	case a.Service < 0:
		return 0, fail(errs, RecordError{Line: a.Line, ID: a.ID, Field: "service",
			Value: strconv.Itoa(a.Service), Err: actuarial.ErrRange})
	case withinAge && a.Service > a.Age:
		return 0, fail(errs, RecordError{Line: a.Line, ID: a.ID, Field: "service",
			Value: strconv.Itoa(a.Service), Err: ErrServiceTooLong})
	case a.Salary.IsNegative():
		return 0, fail(errs, RecordError{Line: a.Line, ID: a.ID, Field: "salary",
			Value: a.Salary.String(), Err: actuarial.ErrNegative})
	case !(pay <= MaxCensusAmount):
		return 0, fail(errs, RecordError{Line: a.Line, ID: a.ID, Field: "salary",
			Value: a.Salary.String(), Err: actuarial.ErrRange})
	}
	return pay, true
}

// ValidPensioner returns the yearly pension of a pensioner record as
// float64 and true, or appends to errs the problem that keeps the record
// out of cells and seriatim records and returns false: an invalid sex, age
// or type, a negative pension or one above MaxCensusAmount. Like
// [ValidActive], it is the check of [GroupPensioners] and of the seriatim
// engine, for programs that build records themselves.
func ValidPensioner(p *Pensioner, errs *[]RecordError) (float64, bool) {
	amt := p.Pension.InexactFloat64()
	if e, ok := checkMember(p.Line, p.ID, p.Sex, p.Age); !ok {
		return 0, fail(errs, e)
	}
	switch {
	case !p.Type.Valid():
		return 0, fail(errs, RecordError{Line: p.Line, ID: p.ID, Field: "type",
			Value: p.Type.String(), Err: ErrUnknownPensionType})
	case p.Pension.IsNegative():
		return 0, fail(errs, RecordError{Line: p.Line, ID: p.ID, Field: "pension",
			Value: p.Pension.String(), Err: actuarial.ErrNegative})
	case !(amt <= MaxCensusAmount):
		return 0, fail(errs, RecordError{Line: p.Line, ID: p.ID, Field: "pension",
			Value: p.Pension.String(), Err: actuarial.ErrRange})
	}
	return amt, true
}

// fail appends e to errs and reports false, for the validators above; kept
// apart so that their success path returns only two words.
func fail(errs *[]RecordError, e RecordError) bool {
	*errs = append(*errs, e)
	return false
}
