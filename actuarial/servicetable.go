// Multiple-decrement service tables for active members.

package actuarial

import (
	"fmt"
	"math"
)

// RetirementTiming says when in the year of age retirements happen. Its zero
// value is RetireDuringYear.
type RetirementTiming int

const (
	// RetireDuringYear: retirement competes with the other causes over the
	// year of age, like them, under the table's [Assumption].
	RetireDuringYear RetirementTiming = iota
	// RetireAtStart: retirements happen on the birthday that starts the
	// year of age (on 1 January in a projection), before the other causes
	// act; the members who do not retire are then exposed to the other
	// causes for the whole year. So q^(retirement) = q'^(retirement), and
	// each other cause has q^(j) = (1 − q^(retirement))·q̃^(j), where q̃^(j)
	// is its dependent probability among the other causes alone. A
	// retirement rate of 1 at the last retirement age then retires every
	// member still active on that birthday.
	RetireAtStart
)

func (r RetirementTiming) String() string {
	switch r {
	case RetireDuringYear:
		return "during the year"
	case RetireAtStart:
		return "at the start of the year"
	}
	return fmt.Sprintf("RetirementTiming(%d)", int(r))
}

// RateBasis says what the rates given to [NewServiceTable] or in a CSV file
// are. Its zero value is DependentRates.
type RateBasis int

const (
	// DependentRates: the rates are the probabilities q^(j) of the
	// multiple-decrement table (Bowers' "probabilities of decrement"), the
	// form of the Illustrative Service Table. Their sum at each age and
	// service may not exceed 1.
	DependentRates RateBasis = iota
	// IndependentRates: the rates are the independent rates q'^(j) of the
	// associated single-decrement tables ("absolute rates"). Each lies in
	// [0, 1]; their sum may exceed 1.
	IndependentRates
)

func (b RateBasis) String() string {
	switch b {
	case DependentRates:
		return "dependent"
	case IndependentRates:
		return "independent"
	}
	return fmt.Sprintf("RateBasis(%d)", int(b))
}

// DecrementOptions describe the rates of a service table. The zero value
// reads dependent probabilities, converts them under UDD in each
// single-decrement table, and lets retirement compete over the year.
type DecrementOptions struct {
	Basis      RateBasis        // what the given rates are; zero: dependent probabilities q^(j)
	Assumption Assumption       // how the table converts between q'^(j) and q^(j); zero: UDDSingleDecrement
	Retirement RetirementTiming // when retirements happen; zero: RetireDuringYear
}

func (o DecrementOptions) check() {
	o.Assumption.check()
	if o.Basis != DependentRates && o.Basis != IndependentRates {
		panic(fmt.Sprintf("actuarial: unknown rate basis %d", int(o.Basis)))
	}
	if o.Retirement != RetireDuringYear && o.Retirement != RetireAtStart {
		panic(fmt.Sprintf("actuarial: unknown retirement timing %d", int(o.Retirement)))
	}
}

// AgeLimit bounds the ages and years of service a service table may hold
// (0..AgeLimit); the errors for ages out of range cite it, and the study
// decoder (package scheme) applies it to the tables a study gives.
const AgeLimit = 200

// ServiceTable is a multiple-decrement table for active members: for each
// integer age from MinAge to MaxAge and each completed number of years of
// service from 0 to MaxService, the independent rate q'^(j) and the
// dependent probability q^(j) of each [Decrement]. A cause the table does
// not hold has both equal to 0. Build one with [NewServiceTable] or
// [ReadServiceTable]; a ServiceTable is immutable and safe for concurrent
// use. Its zero value is not usable. Tables for men and women are two
// tables.
//
// # Conventions
//
//   - Age is age last birthday and service the completed years of service,
//     both at the start of the year of age; the probabilities are those of
//     leaving by each cause before the next birthday. A member followed for
//     several years is a year older and has a year more service each year.
//   - Retirement happens during the year or at its start, as the table's
//     [RetirementTiming] says; the other causes act during the year.
//   - A table by age only has MaxService 0: its rates apply at any service.
//     Otherwise service MaxService means "MaxService years or more" (the
//     ultimate column of a select-and-ultimate table).
//   - Above MaxAge the table ends with every member leaving: the terminal
//     cause (retirement if the table holds it, death otherwise) has
//     q = q' = 1 and the others 0.
//   - Asking for an age below MinAge or a negative service is a programming
//     error and panics with a message starting "actuarial:".
type ServiceTable struct {
	minAge     int
	nAge       int
	maxService int
	has        [NumDecrements]bool
	acts       [NumDecrements]bool // some cell has q' > 0
	terminal   Decrement
	opt        DecrementOptions
	// Cell (age, service) holds NumDecrements values from
	// ((age−minAge)·(maxService+1) + service)·NumDecrements on.
	dep   []float64
	indep []float64
}

// NewServiceTable builds a service table from flat slices of rates.
// rates[j] holds the rates of cause j (indexed by [Decrement]) or is nil
// when the table does not hold that cause; at least one must be non-nil and
// all non-nil slices have the same length, a multiple of maxService+1. The
// rate at age minAge+i and service s is rates[j][i·(maxService+1)+s]; with
// maxService 0 that is simply the rate at age minAge+i. opt says whether the
// rates are dependent or independent and how to convert them. The slices are
// not kept.
//
// Bad rates (NaN, outside [0, 1], dependent probabilities summing above 1)
// return a [*RateError]; ages and service must lie in 0..200.
func NewServiceTable(minAge, maxService int, rates [NumDecrements][]float64, opt DecrementOptions) (*ServiceTable, error) {
	t, _, err := newServiceTable(minAge, maxService, rates, opt)
	return t, err
}

// newServiceTable is NewServiceTable that also returns the cell (age and
// service in table order) of a bad rate, or −1.
func newServiceTable(minAge, maxService int, rates [NumDecrements][]float64, opt DecrementOptions) (*ServiceTable, int, error) {
	opt.check()
	if minAge < 0 || minAge > AgeLimit {
		return nil, -1, fmt.Errorf("actuarial: minimum age %d outside 0..%d: %w", minAge, AgeLimit, ErrRange)
	}
	if maxService < 0 || maxService > AgeLimit {
		return nil, -1, fmt.Errorf("actuarial: maximum service %d outside 0..%d: %w", maxService, AgeLimit, ErrRange)
	}
	n := -1
	for j, r := range rates {
		if r == nil {
			continue
		}
		if n >= 0 && len(r) != n {
			return nil, -1, fmt.Errorf("actuarial: %v has %d rates, %v %d", Decrement(j), len(r), firstHeld(rates), n)
		}
		n = len(r)
	}
	if n <= 0 {
		return nil, -1, fmt.Errorf("actuarial: NewServiceTable: %w", ErrEmpty)
	}
	ns := maxService + 1
	if n%ns != 0 {
		return nil, -1, fmt.Errorf("actuarial: %d rates per cause is not a whole number of ages of %d service columns", n, ns)
	}
	nAge := n / ns
	if minAge+nAge-1 > AgeLimit {
		return nil, -1, fmt.Errorf("actuarial: maximum age %d above %d: %w", minAge+nAge-1, AgeLimit, ErrRange)
	}
	t := &ServiceTable{
		minAge:     minAge,
		nAge:       nAge,
		maxService: maxService,
		opt:        opt,
		dep:        make([]float64, n*NumDecrements),
		indep:      make([]float64, n*NumDecrements),
	}
	given := t.dep
	if opt.Basis == IndependentRates {
		given = t.indep
	}
	for j, r := range rates {
		if r == nil {
			continue
		}
		t.has[j] = true
		for c, v := range r {
			if err := checkProbability(v); err != nil {
				return nil, c, t.rateError(decrementNames[j], c, v, err)
			}
			given[c*NumDecrements+j] = v
		}
	}
	t.terminal = Death
	if t.has[Retirement] {
		t.terminal = Retirement
	}
	if c, err := t.convert(); err != nil {
		return nil, c, err
	}
	for c := 0; c < n; c++ {
		for j := range NumDecrements {
			if t.indep[c*NumDecrements+j] > 0 {
				t.acts[j] = true
			}
		}
	}
	return t, -1, nil
}

func firstHeld(rates [NumDecrements][]float64) Decrement {
	for j, r := range rates {
		if r != nil {
			return Decrement(j)
		}
	}
	return Death
}

// rateError names the age and service of cell c.
func (t *ServiceTable) rateError(field string, c int, v float64, err error) *RateError {
	ns := t.maxService + 1
	e := &RateError{Field: field, Age: t.minAge + c/ns, Service: c % ns, Value: v, Err: err}
	if t.maxService == 0 {
		e.Service = -1
	}
	return e
}

// convert fills the side of every cell that was not given. On failure it
// returns the failing cell and a *RateError; otherwise −1 and nil.
func (t *ServiceTable) convert() (int, error) {
	cells := len(t.dep) / NumDecrements
	for c := 0; c < cells; c++ {
		dep := t.dep[c*NumDecrements : (c+1)*NumDecrements]
		ind := t.indep[c*NumDecrements : (c+1)*NumDecrements]
		if t.opt.Basis == IndependentRates {
			cellDependent(dep, ind, t.opt)
			continue
		}
		var sum float64
		for _, v := range dep {
			sum += v
		}
		if sum > 1+sumSlack {
			return c, t.rateError("sum", c, sum, ErrDecrementSum)
		}
		if !cellIndependent(ind, dep, t.opt) {
			return c, t.rateError("sum", c, sum, ErrConversion)
		}
	}
	return -1, nil
}

// others are the causes other than retirement, in order: those that act
// during the year when retirement happens at its start.
var others = func() (o [NumDecrements - 1]Decrement) {
	k := 0
	for j := range Decrement(NumDecrements) {
		if j != Retirement {
			o[k] = j
			k++
		}
	}
	return o
}()

// cellDependent converts the independent rates of one cell into dependent
// probabilities, honouring the retirement timing.
func cellDependent(dep, ind []float64, opt DecrementOptions) {
	if opt.Retirement == RetireDuringYear || ind[Retirement] == 0 {
		toDependent(dep, ind, opt.Assumption)
		return
	}
	r := ind[Retirement]
	var rest, out [NumDecrements - 1]float64
	for k, j := range others {
		rest[k] = ind[j]
	}
	toDependent(out[:], rest[:], opt.Assumption)
	for k, j := range others {
		dep[j] = (1 - r) * out[k]
	}
	dep[Retirement] = r
}

// cellIndependent converts the dependent probabilities of one cell into
// independent rates, honouring the retirement timing.
func cellIndependent(ind, dep []float64, opt DecrementOptions) bool {
	if opt.Retirement == RetireDuringYear || dep[Retirement] == 0 {
		return toIndependent(ind, dep, opt.Assumption)
	}
	r := dep[Retirement]
	ind[Retirement] = r
	if r >= 1 {
		// Everyone retires on the birthday: no one is exposed to the
		// other causes, whose rates are then immaterial; take them as 0.
		for _, j := range others {
			ind[j] = 0
		}
		return true
	}
	var cond, out [NumDecrements - 1]float64
	for k, j := range others {
		cond[k] = math.Min(1, dep[j]/(1-r))
	}
	ok := toIndependent(out[:], cond[:], opt.Assumption)
	for k, j := range others {
		ind[j] = out[k]
	}
	return ok
}

// Acts reports whether cause d acts in the table: whether some age and
// service has a positive rate of it (a column of zeros does not act).
func (t *ServiceTable) Acts(d Decrement) bool { return d >= 0 && d < NumDecrements && t.acts[d] }

// MinAge is the first tabulated age.
func (t *ServiceTable) MinAge() int { return t.minAge }

// MaxAge is the last tabulated age.
func (t *ServiceTable) MaxAge() int { return t.minAge + t.nAge - 1 }

// MaxService is the last service column: 0 for a table by age only.
func (t *ServiceTable) MaxService() int { return t.maxService }

// Has reports whether the table holds the cause d.
func (t *ServiceTable) Has(d Decrement) bool { return d >= 0 && d < NumDecrements && t.has[d] }

// Terminal is the cause by which every member still active above MaxAge
// leaves: Retirement if the table holds it, Death otherwise.
func (t *ServiceTable) Terminal() Decrement { return t.terminal }

// Options returns the options the table was built with.
func (t *ServiceTable) Options() DecrementOptions { return t.opt }

// Flat returns the dependent probabilities as the table stores them, one
// cell of NumDecrements values per age and service: q^(j) at age and
// service s ≤ MaxService is at index
// ((age − MinAge)·(MaxService + 1) + s)·NumDecrements + j. A projection can
// index it directly. The slice is the table's own: do not modify it.
func (t *ServiceTable) Flat() []float64 { return t.dep }

// FlatIndependent is [ServiceTable.Flat] for the independent rates q'^(j).
func (t *ServiceTable) FlatIndependent() []float64 { return t.indep }

// cell returns the offset of (age, service) in dep and indep, or −1 above
// MaxAge. It panics below MinAge or for a negative service.
func (t *ServiceTable) cell(age, service int) int {
	if age < t.minAge {
		panic(fmt.Sprintf("actuarial: age %d below the service table's minimum age %d", age, t.minAge))
	}
	if service < 0 {
		panic(fmt.Sprintf("actuarial: negative service %d", service))
	}
	if age > t.MaxAge() {
		return -1
	}
	if service > t.maxService {
		service = t.maxService
	}
	return ((age-t.minAge)*(t.maxService+1) + service) * NumDecrements
}

// terminalRates is what a cell above MaxAge holds, by terminal cause.
var terminalRates = [NumDecrements][NumDecrements]float64{
	{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1},
}

// Dependent returns the dependent probabilities q^(j) of every cause for a
// member aged age with service completed years of service, indexed by
// [Decrement].
func (t *ServiceTable) Dependent(age, service int) [NumDecrements]float64 {
	c := t.cell(age, service)
	if c < 0 {
		return terminalRates[t.terminal]
	}
	return [NumDecrements]float64(t.dep[c : c+NumDecrements])
}

// Independent returns the independent rates q'^(j) of every cause for a
// member aged age with service completed years of service, indexed by
// [Decrement].
func (t *ServiceTable) Independent(age, service int) [NumDecrements]float64 {
	c := t.cell(age, service)
	if c < 0 {
		return terminalRates[t.terminal]
	}
	return [NumDecrements]float64(t.indep[c : c+NumDecrements])
}

// Q returns the dependent probability q^(d) at age and service.
func (t *ServiceTable) Q(d Decrement, age, service int) float64 {
	return t.Dependent(age, service)[d]
}

// QIndependent returns the independent rate q'^(d) at age and service.
func (t *ServiceTable) QIndependent(d Decrement, age, service int) float64 {
	return t.Independent(age, service)[d]
}

// QTotal returns q^(τ) = Σ_j q^(j), the probability of leaving active
// service by any cause before the next birthday.
func (t *ServiceTable) QTotal(age, service int) float64 {
	var s float64
	for _, v := range t.Dependent(age, service) {
		s += v
	}
	return math.Min(s, 1)
}

// DuringYear returns, for a member still active once the retirements at the
// start of the year have happened, the dependent probabilities of leaving
// by each cause during the year: under RetireAtStart, q^(j)/(1 − q^(ret))
// for the other causes and 0 for retirement (all 0 when everyone retires);
// under RetireDuringYear, the same as [ServiceTable.Dependent]. A projection
// that retires members on 1 January uses these for the rest of the year.
func (t *ServiceTable) DuringYear(age, service int) [NumDecrements]float64 {
	q := t.Dependent(age, service)
	if t.opt.Retirement == RetireDuringYear {
		return q
	}
	r := q[Retirement]
	q[Retirement] = 0
	for j := range q {
		if r >= 1 {
			q[j] = 0
		} else {
			q[j] = math.Min(1, q[j]/(1-r))
		}
	}
	return q
}

// DependentByAge writes the dependent probabilities at one service into
// caller-given columns: dst[j][i] = q^(j) at age MinAge+i. Each column is
// filled to its own length (past MaxAge with the terminal convention); a nil
// column is skipped. It allocates nothing.
func (t *ServiceTable) DependentByAge(dst [NumDecrements][]float64, service int) {
	t.fill(dst, t.minAge, service, 0)
}

// fill writes dst[j][k] = q^(j) at age+k and service+step·k.
func (t *ServiceTable) fill(dst [NumDecrements][]float64, age, service, step int) {
	t.cell(age, service) // check the arguments even when every column is empty
	n := 0
	for _, col := range dst {
		n = max(n, len(col))
	}
	for k := 0; k < n; k++ {
		q := t.Dependent(age+k, service+step*k)
		for j, col := range dst {
			if k < len(col) {
				col[k] = q[j]
			}
		}
	}
}

// DependentPath writes the dependent probabilities a member aged age with
// service years of service meets in the coming years into caller-given
// columns: dst[j][k] = q^(j) at age age+k and service service+k. Each
// column is filled to its own length (past MaxAge with the terminal
// convention); a nil column is skipped. It allocates nothing.
func (t *ServiceTable) DependentPath(dst [NumDecrements][]float64, age, service int) {
	t.fill(dst, age, service, 1)
}

// Survival returns _n p^(τ), the probability that a member aged age with
// service years of service is still active n years later. It panics for a
// negative n.
func (t *ServiceTable) Survival(age, service, years int) float64 {
	if years < 0 {
		panic(fmt.Sprintf("actuarial: negative number of years %d", years))
	}
	t.cell(age, service)
	p := 1.0
	for k := 0; k < years && p > 0; k++ {
		p *= 1 - t.QTotal(age+k, service+k)
	}
	return p
}

// ExitProbability returns _n q^(d), the probability that a member aged age
// with service years of service leaves active service by cause d within n
// years: Σ_{k<n} _k p^(τ) · q^(d) at age+k, service+k. Summed over the
// causes it is 1 − _n p^(τ). It panics for a negative n.
func (t *ServiceTable) ExitProbability(d Decrement, age, service, years int) float64 {
	if years < 0 {
		panic(fmt.Sprintf("actuarial: negative number of years %d", years))
	}
	t.cell(age, service)
	p, s := 1.0, 0.0
	for k := 0; k < years && p > 0; k++ {
		q := t.Dependent(age+k, service+k)
		s += p * q[d]
		var qt float64
		for _, v := range q {
			qt += v
		}
		p *= 1 - math.Min(qt, 1)
	}
	return s
}

// Cohort is a multiple-decrement table for one group of members followed
// from a given age and service: the l^(τ) and d^(j) columns of Bowers
// Table 11.3.1.
type Cohort struct {
	Age     int                      // age at the start of year 0
	Service int                      // completed years of service at the start of year 0
	L       []float64                // L[k] = l^(τ), members active at age Age+k; one longer than each D[j]
	D       [NumDecrements][]float64 // D[j][k] = d^(j), members leaving by cause j at age Age+k
}

// Years is the number of years the cohort covers, len(D[j]).
func (c *Cohort) Years() int { return len(c.L) - 1 }

// ExitProbability returns _n q^(d) at year k of the cohort: the share of
// the L[k] members active at age Age+k who leave by cause d within n years,
// Σ_{i<n} D[d][k+i] / L[k]. It is 0 when L[k] is 0 and stops at the end of
// the cohort.
func (c *Cohort) ExitProbability(d Decrement, k, n int) float64 {
	if c.L[k] == 0 {
		return 0
	}
	var s float64
	for i := k; i < k+n && i < c.Years(); i++ {
		s += c.D[d][i]
	}
	return s / c.L[k]
}

// Follow writes into dst the l^(τ) and d^(j) columns of radix members aged
// age with service completed years of service, followed for years years:
// L[0] = radix, D[j][k] = L[k]·q^(j) and L[k+1] = L[k]·(1 − q^(τ)) at age
// age+k and service service+k. With years ≤ 0 it follows them until every
// member has left (at the latest, in the year above MaxAge). It reuses dst's
// slices when their capacity allows and allocates otherwise; with dst nil it
// allocates a new Cohort. It returns dst. It panics for a negative, NaN or
// infinite radix.
func (t *ServiceTable) Follow(dst *Cohort, radix float64, age, service, years int) *Cohort {
	t.cell(age, service)
	if math.IsNaN(radix) || math.IsInf(radix, 0) || radix < 0 {
		panic(fmt.Sprintf("actuarial: radix %v is not a finite non-negative number", radix))
	}
	if years <= 0 {
		years = 1
		for a := age; a <= t.MaxAge() && t.QTotal(a, service+a-age) < 1; a++ {
			years++
		}
	}
	if dst == nil {
		dst = new(Cohort)
	}
	dst.Age, dst.Service = age, service
	dst.L = resize(dst.L, years+1)
	for j := range dst.D {
		dst.D[j] = resize(dst.D[j], years)
	}
	dst.L[0] = radix
	for k := 0; k < years; k++ {
		q := t.Dependent(age+k, service+k)
		l := dst.L[k]
		var qt float64
		for j, v := range q {
			dst.D[j][k] = l * v
			qt += v
		}
		dst.L[k+1] = l * (1 - math.Min(qt, 1))
	}
	return dst
}

func resize(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
