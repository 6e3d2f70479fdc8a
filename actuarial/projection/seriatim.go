// Seriatim valuation: a scheme's census valued record by record under the
// projection's rules, and the present values of a projection's flows.

package projection

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sync/atomic"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/internal/vec"
)

// ActiveRecord is one active member for a [Seriatim] valuation: a census
// record reduced to what the valuation reads, on a flat struct. Build them
// from census records with [ActiveRecords] or directly in code.
type ActiveRecord struct {
	Group   int           // index into Scheme.Groups
	Sex     actuarial.Sex // Male or Female
	Age     int           // age last birthday on 1 January of StartYear, 0..MaxCensusAge
	Service int           // completed years of service then, 0..Age; at or above the cells' MaxService it counts as MaxService, as in [census.ActiveCells]
	Salary  float64       // yearly salary at StartYear's level, money units, finite, 0..MaxCensusAmount
}

// PensionRecord is one pension in payment for a [Seriatim] valuation. A
// survivor's or orphan's pension is a record of the beneficiary.
type PensionRecord struct {
	Group   int                // index into Scheme.Groups
	Type    census.PensionType // the kind of pension; never PensionUnknown
	Sex     actuarial.Sex      // Male or Female
	Age     int                // age last birthday on 1 January of StartYear, 0..MaxCensusAge
	Pension float64            // yearly amount on that date, money units, finite, 0..MaxCensusAmount
}

// FlowValues are the present values, at 1 January of a scheme's StartYear,
// of the flows of some members over a number of years: the flows a
// [Projector] reports in its [YearResult] rows, each year's flow taken as paid
// mid-year and discounted at the scheme's investment returns
// (Assumptions.Return), as the projection's indicators discount them. Money
// units of the flows (nominal); the zero value is no flows.
//
// They leave out what is not a member's flow: administration costs, the
// state's transfers and investment income.
type FlowValues struct {
	Salaries      float64                         // salaries paid (the salary bill)
	Contributions [scheme.NumPayers]float64       // contributions by [scheme.Payer]
	Pensions      [census.NumPensionTypes]float64 // pensions paid by [census.PensionType.Index], without extra payments
	ExtraPayments float64                         // extra pensions (a thirteenth month, say)
	Refunds       float64                         // contributions refunded on withdrawal
	// MinimumTopUp is the minimum-pension top-up, included in Pensions:
	// what retirement and disability pensions pay above the formula's own
	// amounts because of floors, on award and in payment, as
	// [YearResult].MinimumTopUp counts it.
	MinimumTopUp float64
}

// TotalContributions is the sum over payers.
func (f *FlowValues) TotalContributions() float64 {
	return f.Contributions[scheme.Worker] + f.Contributions[scheme.Employer] + f.Contributions[scheme.State]
}

// TotalPensions is the pensions of every type, without extra payments.
func (f *FlowValues) TotalPensions() float64 {
	var s float64
	for _, v := range f.Pensions {
		s += v
	}
	return s
}

// Benefits are the pensions, the extra payments and the refunds.
func (f *FlowValues) Benefits() float64 { return f.TotalPensions() + f.ExtraPayments + f.Refunds }

// Add adds o to f.
func (f *FlowValues) Add(o *FlowValues) {
	f.Salaries += o.Salaries
	for p := range f.Contributions {
		f.Contributions[p] += o.Contributions[p]
	}
	for t := range f.Pensions {
		f.Pensions[t] += o.Pensions[t]
	}
	f.ExtraPayments += o.ExtraPayments
	f.Refunds += o.Refunds
	f.MinimumTopUp += o.MinimumTopUp
}

// The slots of a flow vector, in FlowValues order.
const (
	serSalary    = 0
	serContrib   = 1                                   // + Payer
	serPension   = serContrib + scheme.NumPayers       // + PensionType.Index
	serExtra     = serPension + census.NumPensionTypes // extra payments
	serRefund    = serExtra + 1                        // refunds
	serTopUp     = serRefund + 1                       // the minimum-pension top-up (within the pensions)
	serOuts      = serTopUp + 1                        // the length of a flow vector
	serAges      = census.MaxCensusAge + 1             // ages 0..MaxCensusAge
	serChunk     = 4096                                // records per unit of parallel work
	serCellBlock = 16                                  // start cells per unit of parallel work
	serDis       = serPension + 2                      // disability pensions (PensionDisability.Index())
	serSurv      = serPension + 3                      // survivors' pensions
	serOrph      = serPension + 4                      // orphans' pensions
)

// serVec is the length of the vectors of a start cell's factors: a flow
// vector (serOuts slots) or a liability vector (liaOuts slots).
const serVec = max(serOuts, liaOuts)

// serMode is what the factors of a start cell value.
type serMode uint8

const (
	serFlows     serMode = iota // the flows of a [FlowValues], on a flow vector
	serLiability                // the liability, on a liability vector (see liaPVFS)
	numSerModes
)

// flowValues turns a flow vector into FlowValues.
func flowValues(o *[serVec]float64) FlowValues {
	var f FlowValues
	f.Salaries = o[serSalary]
	copy(f.Contributions[:], o[serContrib:serPension])
	copy(f.Pensions[:], o[serPension:serExtra])
	f.ExtraPayments = o[serExtra]
	f.Refunds = o[serRefund]
	f.MinimumTopUp = o[serTopUp]
	return f
}

// Seriatim values a [scheme.Scheme]'s members record by record: for each active
// member ([ActiveRecord]) or pension in payment ([PensionRecord]), the
// present values ([FlowValues]) of the flows it gives rise to over the
// first Years years of a projection, the flows a [Projector] would report
// for a census holding that record alone. Summed over a census, they are the
// closed-group projection of that census, discounted, with every cap,
// floor and ceiling applied to each member's own salary instead of to the
// average salary of a cell. It values the accrued liability of the same
// members too ([Seriatim.Liability], see [Liability]). Build one with
// [NewSeriatim], or Reset the zero value ([Seriatim.Reset]). Its methods
// but Reset are safe for concurrent use, and [Seriatim.Total],
// [Seriatim.Values], [Seriatim.Liability], [Seriatim.CellLiability] and
// their counterparts on an [ActiveCensus] fan the work out over goroutines
// themselves.
//
// # What it covers
//
// A record is followed under exactly the projector's timing and rules (see
// the package documentation's "Timing" section): transitions between
// groups and retirements on 1 January (eligibility, retirement
// probabilities, the compulsory age with its withdrawals and refunds); the
// contributions of each payer on salary up to the ceiling; deaths,
// disability and withdrawal during the year as dependent probabilities,
// with exposures of 1 − q/2; disability, survivors' and orphans' pensions
// awarded during the year and paid for half of it; pensions computed on
// award from the rules then in force and the reference salary, capped and
// floored in units that grow with the unit; indexation; extra payments;
// refunds; survivors' and orphans' pensions of members who die in service
// or in retirement; rules, contribution rates, wage growth and mortality
// changing by calendar year. Flows after the first Years years are left
// out, as a projection of Years years leaves them out.
//
// Caps and floors, each sex's own where the rules give one
// ([scheme.SexRules]), apply as Rules.Limits says, as in a projection: on
// award under [scheme.LimitsAtAward]; under [scheme.LimitsInPayment] also
// every year in payment, to the pension as awarded and indexed
// ([rules.PaymentLimits.Pay]), the survivors' and orphans' pensions a
// death leaves following the pension paid. Pensions in payment on the
// census date are limited likewise from the first year. The minimum-pension
// top-up is part of the pensions, and shown apart in
// FlowValues.MinimumTopUp.
//
// The valuation is of a closed group: Assumptions.Entrants are not used
// (nobody joins a census record), and neither are the scheme's own census
// cells (Group.Actives and Group.Pensioners, except for their MaxService),
// its reserve, transfers and administration costs. A record's service
// counts as at most the cells' MaxService, as in a projection.
//
// # Agreement with the projection by cells
//
// Every flow of a record is a sum over years of terms w·x, where w does not
// depend on the salary S and x is either a·S (a salary, a contribution on a
// salary below the ceiling, a pension without limits) or
// max(floor, min(cap, a·S)) (a pension with limits, a contribution base
// min(S·growth, ceiling)). A projection by cells computes the same terms on
// the cell's average salary. So, for a census with no members of one cell
// on different sides of a limit, the sum of the records' values equals the
// discounted projection of the census grouped by [census.GroupActives] and
// [census.GroupPensioners] and projected as a closed group ([Result.PresentValues])
// up to rounding. Where a limit splits a cell, the cell mode pays the
// capped benefit on the cell's average, which by Jensen's inequality is
// more (for a cap or a ceiling, concave in the salary) or less (for a
// floor, convex) than the sum of the members' own capped benefits; the
// seriatim value is the one that applies the rules to each member. Cells
// that merge average their members' salaries in the same way: transitions
// pour the members they move into the destination group's cells, and
// members reaching the last service cell join those already there. The
// gap grows as cells fill up; the census of BenchmarkSeriatim1M gives its
// size on the reference rules. Without limits the two agree to about
// 1e-15.
//
// # Method
//
// The weights w and factors a depend only on the record's start cell
// (group, sex, age, service), so Seriatim computes them once per start
// cell, the first time a record needs it, by following a member of the
// cell year by year: a vector of flows per unit of salary as if no limit
// bound, and each limit with the salary beyond which it binds, sorted so
// that those binding for a salary come first. A record's value is S times
// the vector, corrected for the limits that bind for it: its cost is the
// number of those. Under LimitsInPayment the factors value each pension
// as awarded and indexed; where a floor grows faster than the pension's
// indexation, or a cap slower, a cell also keeps the pensions its path
// awards and the salaries for which no limit in payment binds on them:
// a record outside those is corrected year by year of payment, at a cost
// of up to the number of awards times the years of payment (the floors of
// the reference rules, in units growing faster than prices, bind so for
// the lower salaries; BenchmarkSeriatimInPayment measures it).
// [Seriatim.Total] lays the salaries out by start cell and counts each
// cell's records by the number of limits binding, so that a cell's
// factors are read once whatever its size. An [ActiveCensus] does the part
// of that work that depends on the records alone once, when loaded: it
// checks them, lays them out by cell and sorts each cell's salaries, so
// that [Seriatim.TotalCensus] finds the records for which a limit binds by
// a search per limit instead of per record. Pensions in payment are
// valued by annuity factors by group, year, type, sex and age, computed
// backwards once by [NewSeriatim]. BenchmarkSeriatim1M,
// BenchmarkSeriatimRecords1M and their Slice variants (records given to
// Total) measure the cost.
//
// # Reuse
//
// [Seriatim.Reset] makes a Seriatim the valuation of another scheme, or of
// the same one again, keeping its memory: the tables, the factors of the
// start cells and the working space of [Seriatim.Total]. A program that
// values many schemes or census keeps one Seriatim (one per goroutine
// that resets it) and resets it for each; one that values the same census
// many times loads it once into an [ActiveCensus].
type Seriatim struct {
	// Workers is the number of goroutines [Seriatim.Total],
	// [Seriatim.Values], [Seriatim.Liability], [Seriatim.CellLiability],
	// [Seriatim.TotalCensus] and [Seriatim.LiabilityCensus] use; 0:
	// runtime.GOMAXPROCS(0). The results do not depend on it. Set
	// it before use.
	Workers int

	s      *scheme.Scheme
	years  int
	ms, ns int // MaxService of the cells, and MaxService+1
	nG     int
	nA     int // start cells per group

	disc []float64 // disc[t]: the value at 0 of 1 paid at t + ½
	wage []float64 // wage[t]: wage growth into year t, t ≤ years
	q    []float64 // q by year, status, sex and age: ((t·NumLifeStatuses + st)·NumSexes + sx)·serAges + age
	// past[t] is T(age, service) = Σ_{k=1..service} S_{−k}/S_0 at the wage
	// growth of year t, by age·ns + service; nil without refunds.
	past [][]float64
	yr   []serYear // by group·years + t
	// ann[g] holds the value of a pension of 1 a year in payment on
	// 1 January of year t (t ≤ years), before that year's payment, at
	// index ((t·NumPensionTypes + type)·NumSexes + sex)·serAges + age.
	ann [][]serAnn
	// unbound[g] holds the amounts of pensions in payment on which no
	// limit in payment binds, at unboundIndex.
	unbound [][]serRange
	// death[g] holds the value of the survivors' and orphans' pensions
	// that deaths in year t leave, per unit of the deceased's yearly
	// pension, at (t·NumSexes + sex)·serAges + age.
	death [][]serDeath
	// workDeath[g] is death's counterpart for the deaths at work (their
	// survivors' pensions per unit of the base pension of
	// scheme.WorkRisks.Death); nil for a group whose deaths at work leave
	// nothing in any year.
	workDeath [][]serDeath
	work      bool // some sex meets work risks

	law *rules.Law // the scheme's law, compiled once

	// cells[mode] holds the factors of each start cell, by group·nA +
	// start cell; built on first use, kept with their storage by Reset.
	cells [numSerModes][]serSlot
	// scratch is the working space of sum, taken by one call at a time
	// (another call meanwhile makes its own).
	scratch atomic.Pointer[serScratch]
	unit    []float64 // the reference unit by year, t ≤ years
	rates   []float64 // the returns by year
	tables  serTables // the tables of reference ratios and past salaries
}

// NewSeriatim validates s and prepares the valuation of its members over
// the first years years from StartYear, as [Seriatim.Reset] does on a new
// Seriatim. A nil s or a negative years panics.
func NewSeriatim(s *scheme.Scheme, years int) (*Seriatim, error) {
	v := new(Seriatim)
	if err := v.Reset(s, years); err != nil {
		return nil, err
	}
	return v, nil
}

// Reset validates s and makes v a valuation of its members over the first
// years years from StartYear, as [NewSeriatim] would: mortality by year,
// the rules of each group by year and the annuity factors of pensions in
// payment. It reuses v's buffers where they fit (the tables, the factors
// of the start cells and the working space of [Seriatim.Total] and
// [Seriatim.Liability]), and the tables of the law it compiled before
// that s shares ([rules.Recompile], as [Projector.Reset] does), so that
// valuing census after census, or scheme after scheme, writes to memory
// already in use instead of fresh memory. The results are the same, bit
// for bit, as a new Seriatim's. The zero Seriatim can be Reset.
//
// The error is the first problem [scheme.Scheme.Validate] finds, or a
// [*actuarial.RateError] for a mortality rate that is not a probability
// in some year; v must then be Reset again before use. A nil s or a
// negative years panics, and so does using a Seriatim that was never
// Reset, or whose last Reset failed. v keeps a reference to s, which must
// not change while it is in use. Reset must not run concurrently with
// any other method of v.
func (v *Seriatim) Reset(s *scheme.Scheme, years int) error {
	if s == nil {
		panic("actuarial: NewSeriatim of a nil scheme")
	}
	if years < 0 {
		panic(fmt.Sprintf("actuarial: NewSeriatim: negative number of years %d", years))
	}
	prev := v.law
	v.s, v.law = nil, nil // unusable until the end
	if err := s.Validate(); err != nil {
		return err
	}
	v.years, v.nG, v.ms = years, len(s.Groups), census.DefaultMaxService
	for gi := range s.Groups {
		if a := s.Groups[gi].Actives; a != nil {
			v.ms = a.LastService()
			break
		}
	}
	v.ns = v.ms + 1
	v.nA = actuarial.NumSexes * serAges * v.ns
	as := &s.Assumptions

	// Discount factors, wage growth and the reference unit by year.
	v.disc = vec.Grow(v.disc, years)
	if years > 0 {
		v.rates = vec.Grow(v.rates, years)
		rates := v.rates
		for t := range rates {
			rates[t] = as.Return.At(s.StartYear + t)
		}
		c, err := actuarial.NewCurve(rates...)
		if err != nil {
			return &scheme.SchemeError{Field: "Assumptions.Return", Err: err}
		}
		c.DiscountFactors(v.disc, years, actuarial.MidYear)
	}
	v.wage = vec.Grow(v.wage, years+1)
	unit := vec.Grow(v.unit, years+1)
	v.unit = unit
	unit[0] = as.Unit
	for t := range v.wage {
		v.wage[t] = as.WageGrowth.At(s.StartYear + t)
		if t > 0 {
			unit[t] = unit[t-1] * (1 + as.UnitGrowth.At(s.StartYear+t))
		}
	}
	v.s = s
	v.law = rules.Recompile(s, v.ms, prev)
	v.work = v.law.Decrements.HasWork(0) || v.law.Decrements.HasWork(1)
	if err := v.fillMortality(); err != nil {
		v.s, v.law = nil, nil
		return err
	}
	v.tables.reset()
	v.past = v.past[:0]
	if v.law.Refunds {
		v.pastSalaries()
	}
	v.yr = vec.Grow(v.yr, v.nG*years)
	for g := range v.nG {
		v.groupYears(g, unit)
	}
	v.ann, v.death = vec.Grow(v.ann, v.nG), vec.Grow(v.death, v.nG)
	v.unbound = vec.Grow(v.unbound, v.nG)
	if v.work {
		v.workDeath = vec.Grow(v.workDeath, v.nG)
	}
	for g := range v.nG {
		v.annuities(g)
		v.unboundRanges(g)
	}
	for m := range v.cells {
		if n := v.nG * v.nA; len(v.cells[m]) != n {
			v.cells[m] = make([]serSlot, n)
			continue
		}
		for i := range v.cells[m] {
			v.cells[m][i].state.Store(serEmpty)
		}
	}
	return nil
}

// ready panics if v was never Reset or its last Reset failed.
func (v *Seriatim) ready() {
	if v.law == nil {
		panic("actuarial: Seriatim used before a successful NewSeriatim or Reset")
	}
}

// Years is the number of years the valuation covers.
func (v *Seriatim) Years() int { return v.years }

// check validates an active record.
func (v *Seriatim) check(r *ActiveRecord) error { return checkActive(r, v.nG) }

// checkPension validates a pension record.
func (v *Seriatim) checkPension(r *PensionRecord) error {
	switch {
	case r.Group < 0 || r.Group >= v.nG:
		return &valuation.MemberError{Field: "Group", Value: fmt.Sprint(r.Group), Err: actuarial.ErrRange}
	case !r.Type.Valid():
		return &valuation.MemberError{Field: "Type", Value: fmt.Sprint(r.Type), Err: actuarial.ErrRange}
	case !r.Sex.Valid():
		return &valuation.MemberError{Field: "Sex", Value: fmt.Sprint(r.Sex), Err: actuarial.ErrRange}
	case r.Age < 0 || r.Age > census.MaxCensusAge:
		return &valuation.MemberError{Field: "Age", Value: fmt.Sprint(r.Age), Err: actuarial.ErrRange}
	}
	return checkAmount("Pension", r.Pension)
}

// fastIndex returns the index of r's start cell in cells (see
// [Seriatim.cellIndex]) and true if r is valid, as [Seriatim.check] would
// find it, in one test for the common case of a valid record.
func (v *Seriatim) fastIndex(r *ActiveRecord) (int32, bool) {
	// Male and Female differ in length: the sex index follows from it
	// without a branch, which would be mispredicted on a census that
	// mixes the sexes.
	sx := len(r.Sex)>>1 - len(actuarial.Male)>>1
	ok := uint(sx) < actuarial.NumSexes && r.Sex == serSexes[sx&1] &&
		uint(r.Group) < uint(v.nG) && uint(r.Age) <= census.MaxCensusAge &&
		uint(r.Service) <= uint(r.Age) &&
		r.Salary >= 0 && r.Salary <= census.MaxCensusAmount // false for NaN
	return int32(r.Group*v.nA + (sx*serAges+r.Age)*v.ns + min(r.Service, v.ms)), ok
}

// serSexes are the sexes by index; see fastIndex.
var serSexes = [actuarial.NumSexes]actuarial.Sex{actuarial.Male, actuarial.Female}

// The lengths of the sexes' names tell them apart, as fastIndex needs.
const _ = uint(len(actuarial.Female)>>1-len(actuarial.Male)>>1) - 1

func checkAmount(field string, x float64) error {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return &valuation.MemberError{Field: field, Value: fmt.Sprint(x), Err: actuarial.ErrNotFinite}
	case x < 0:
		return &valuation.MemberError{Field: field, Value: fmt.Sprint(x), Err: actuarial.ErrNegative}
	case x > census.MaxCensusAmount:
		return &valuation.MemberError{Field: field, Value: fmt.Sprint(x), Err: actuarial.ErrRange}
	}
	return nil
}

// Value returns the present values of the flows of one active member. It
// returns a [*valuation.MemberError] for a record it cannot value (a group out of
// range, an unknown sex, an age outside 0..MaxCensusAge, a service outside
// 0..Age, a salary that is negative, not finite or above MaxCensusAmount).
// It allocates only the first time a start cell is met.
func (v *Seriatim) Value(r ActiveRecord) (FlowValues, error) {
	v.ready()
	if err := v.check(&r); err != nil {
		return FlowValues{}, err
	}
	var out [serVec]float64
	v.cell(serFlows, &r).eval(r.Salary, &out)
	return flowValues(&out), nil
}

// ValuePension returns the present values of the flows of one pension in
// payment: the pension itself, its extra payments, and the survivors' and
// orphans' pensions it leaves. It returns a [*valuation.MemberError] for a record it
// cannot value. It allocates nothing.
func (v *Seriatim) ValuePension(r PensionRecord) (FlowValues, error) {
	v.ready()
	if err := v.checkPension(&r); err != nil {
		return FlowValues{}, err
	}
	var out [serVec]float64
	v.pension(&r, &out)
	return flowValues(&out), nil
}

// pension adds the flows of a pension record to out, a flow vector.
func (v *Seriatim) pension(r *PensionRecord, out *[serVec]float64) {
	v.pensionCell(r.Group, r.Type.Index(), r.Sex.Index(), r.Age, 1, r.Pension, out)
}

// pensionCell adds to out, a flow vector, the flows of n pensions of group
// g, type index ti, sex index sx and age, of amounts totalling amt: linear
// in the amount, but for the limits in payment that bind on the average.
func (v *Seriatim) pensionCell(g, ti, sx, age int, n, amt float64, out *[serVec]float64) {
	a := &v.ann[g][annIndex(0, ti, sx, age)]
	out[serPension+ti] += amt * a[annOwn]
	out[serExtra] += amt * a[annExtra]
	out[serSurv] += amt * a[annSurv]
	out[serOrph] += amt * a[annOrph]
	b := amt
	if n != 1 {
		b = amt / n
	}
	if r := v.unbound[g][unboundIndex(0, ti, sx, false)]; b < r.lo || b > r.hi {
		// A pension in payment on the census date is its own amount.
		d, top := v.payDelta(g, ti, sx, age, 0, b, b, false)
		out[serTopUp] += n * top
		out[serPension+ti] += n * d[annOwn]
		out[serExtra] += n * d[annExtra]
		out[serSurv] += n * d[annSurv]
		out[serOrph] += n * d[annOrph]
	}
}

// workers returns the number of goroutines to use for n chunks.
func (v *Seriatim) workers(n int) int {
	w := v.Workers
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, n))
}

// parallel runs f on each chunk index 0..n−1 over the workers, telling it
// which worker (0..workers(n)−1) runs it. It runs on [ForEachWorker], the
// one worker pool, each worker's state being its number; one worker runs
// the chunks in order without a goroutine.
func (v *Seriatim) parallel(n int, f func(worker, chunk int)) {
	w := v.workers(n)
	if w == 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var ids atomic.Int64
	ForEachWorker(context.Background(), n, w, func() int { return int(ids.Add(1)) - 1 }, f)
}

// indexedError wraps the error of record i.
func indexedError(kind string, i int, err error) error {
	return fmt.Errorf("actuarial: seriatim: %s record %d: %w", kind, i, err)
}

// Values writes the present values of the flows of each active record into
// dst (dst[i] for actives[i]), reusing dst when its capacity suffices, and
// returns it. Records are valued in parallel (see Workers); each value is
// the same as [Seriatim.Value]'s. For a bad record it returns the error of
// the first (by index), wrapping a [*valuation.MemberError], and dst's contents are
// then unspecified.
func (v *Seriatim) Values(dst []FlowValues, actives []ActiveRecord) ([]FlowValues, error) {
	v.ready()
	if cap(dst) < len(actives) {
		dst = make([]FlowValues, len(actives))
	}
	dst = dst[:len(actives)]
	chunks := (len(actives) + serChunk - 1) / serChunk
	bad := make([]int, chunks)
	v.parallel(chunks, func(_, k int) {
		bad[k] = -1
		lo, hi := k*serChunk, min((k+1)*serChunk, len(actives))
		var out [serVec]float64
		for i := lo; i < hi; i++ {
			r := &actives[i]
			if v.check(r) != nil {
				bad[k] = i
				return
			}
			out = [serVec]float64{}
			v.cell(serFlows, r).eval(r.Salary, &out)
			dst[i] = flowValues(&out)
		}
	})
	for _, i := range bad {
		if i >= 0 {
			return dst, indexedError("active", i, v.check(&actives[i]))
		}
	}
	return dst, nil
}

// Total returns the present values of the flows of every active member and
// every pension in payment given, valued record by record: the sum of
// [Seriatim.Value] and [Seriatim.ValuePension] over the records, up to
// rounding. It lays the actives' salaries out by start cell and values
// each cell's records together, so that a cell's factors are read once;
// the work is fanned out over goroutines (see Workers) and the parts added
// in a fixed order (cells in index order, each cell's records in the order
// given, then chunks of pensions), so the result is the same, bit for bit,
// for any number of workers. For a bad record it returns the error of the
// first (actives before pensions, then by index), wrapping a
// [*valuation.MemberError], and zero values. It allocates nothing per record: its
// buffers (a salary and a start cell per record, a few numbers per start
// cell) are kept for the next call, and by [Seriatim.Reset]. A census
// valued more than once costs less loaded into an [ActiveCensus] and valued
// by [Seriatim.TotalCensus].
func (v *Seriatim) Total(actives []ActiveRecord, pensions []PensionRecord) (FlowValues, error) {
	act, pen, err := v.sum(serFlows, actives, pensions)
	if err != nil {
		return FlowValues{}, err
	}
	for j := range act {
		act[j] += pen[j]
	}
	return flowValues(&act), nil
}

// sum values the records as [Seriatim.Total] says, with the factors of
// mode, and returns the sum over the actives (a vector of that mode) and
// the sum over the pensions (a flow vector), each added in a fixed order.
func (v *Seriatim) sum(mode serMode, actives []ActiveRecord, pensions []PensionRecord) (act, pen [serVec]float64, err error) {
	v.ready()
	sc := v.scratch.Swap(nil)
	if sc == nil {
		sc = new(serScratch) // a first call, or another call holds it
	}
	defer v.scratch.Store(sc)
	nc := len(v.cells[mode])

	// Count the records of each start cell, in ranges of records, one a
	// worker; then lay their salaries out by cell, each range after the
	// ranges before it, so that a cell's salaries keep the records' order.
	w := v.workers((len(actives) + serChunk - 1) / serChunk)
	span := (len(actives) + w - 1) / w
	sc.grow(w, nc, len(actives))
	v.parallel(w, func(_, k int) {
		counts := sc.counts[k*nc : (k+1)*nc]
		clear(counts)
		sc.bad[k] = -1
		lo, hi := k*span, min((k+1)*span, len(actives))
		idx := sc.idx[lo:hi]
		for i := range idx {
			c, ok := v.fastIndex(&actives[lo+i])
			if !ok {
				sc.bad[k] = lo + i
				return
			}
			idx[i] = c
			counts[c]++
		}
	})
	for _, i := range sc.bad[:w] {
		if i >= 0 {
			return act, pen, indexedError("active", i, v.check(&actives[i]))
		}
	}
	sc.used = sc.used[:0]
	var at int32
	for c := range nc {
		sc.start[c] = at
		for k := range w {
			n := sc.counts[k*nc+c]
			sc.counts[k*nc+c] = at // now the range's next position in the cell
			at += n
		}
		if at > sc.start[c] {
			sc.used = append(sc.used, int32(c))
		}
	}
	sc.start[nc] = at
	sal := sc.sal[:len(actives)]
	v.parallel(w, func(_, k int) {
		next := sc.counts[k*nc : (k+1)*nc]
		lo, hi := k*span, min((k+1)*span, len(actives))
		recs := actives[lo:hi]
		for i, c := range sc.idx[lo:hi] {
			sal[next[c]] = recs[i].Salary
			next[c]++
		}
	})

	used, start := sc.used, sc.start
	return v.sumUnits(mode, sc, len(used), func(u int, out *[serVec]float64, h *serHist) {
		c := int(used[u])
		v.cellAt(mode, c).sum(sal[start[c]:start[c+1]], out, h)
	}, pensions)
}

// sumUnits values nu units of active records, each by unit(u, out, h)
// adding its values (a vector of mode) to out with h as working space, in
// blocks, and the pensions in chunks, over the workers; it returns the sum
// over the units and that over the pensions, each added in a fixed order,
// or the error of the first bad pension.
func (v *Seriatim) sumUnits(mode serMode, sc *serScratch, nu int, unit func(u int, out *[serVec]float64, h *serHist), pensions []PensionRecord) (act, pen [serVec]float64, err error) {
	// Blocks of at least serCellBlock units and about eight a worker: a
	// unit may take a microsecond (a cell of an ActiveCensus), less than
	// handing a block to a worker may.
	w := v.workers(nu)
	block := max(serCellBlock, (nu+8*w-1)/(8*w))
	nb := (nu + block - 1) / block
	np := (len(pensions) + serChunk - 1) / serChunk
	if cap(sc.sums) < nu+np {
		sc.sums = make([][serVec]float64, nu+np)
	}
	sums := sc.sums[:nu+np]
	clear(sums)
	if cap(sc.badP) < np {
		sc.badP = make([]int, np)
	}
	bad := sc.badP[:np]
	if len(sc.hist) < v.workers(nb+np) {
		sc.hist = make([]serHist, v.workers(nb+np))
	}
	v.parallel(nb+np, func(id, k int) {
		if k < nb {
			for u := k * block; u < min((k+1)*block, nu); u++ {
				unit(u, &sums[u], &sc.hist[id])
			}
			return
		}
		k -= nb
		bad[k] = -1
		acc := &sums[nu+k]
		for i := k * serChunk; i < min((k+1)*serChunk, len(pensions)); i++ {
			r := &pensions[i]
			if v.checkPension(r) != nil {
				bad[k] = i
				return
			}
			v.pension(r, acc)
		}
	})
	for _, i := range bad {
		if i >= 0 {
			return act, pen, indexedError("pension", i, v.checkPension(&pensions[i]))
		}
	}
	for k := range sums {
		acc := &act
		if k >= nu {
			acc = &pen
		}
		for j := range acc {
			acc[j] += sums[k][j]
		}
	}
	return act, pen, nil
}

// serScratch holds the buffers of [Seriatim.Total].
type serScratch struct {
	idx    []int32 // by record: its start cell
	counts []int32 // by range of records and start cell: records, then the next position
	start  []int32 // start[c]: the first salary of start cell c in sal; start[len] = len(sal)
	bad    []int   // by range: the first bad record, or −1
	used   []int32 // the populated start cells, in index order
	sal    []float64
	sums   [][serVec]float64 // by populated cell, then by chunk of pensions
	badP   []int             // by chunk of pensions: the first bad record, or −1
	hist   []serHist         // by worker
}

// grow sizes the buffers for w ranges, nc start cells and n records.
func (sc *serScratch) grow(w, nc, n int) {
	if len(sc.counts) < w*nc {
		sc.counts = make([]int32, w*nc)
	}
	if len(sc.start) < nc+1 {
		sc.start = make([]int32, nc+1)
	}
	if len(sc.bad) < w {
		sc.bad = make([]int, w)
	}
	if len(sc.sal) < n {
		sc.sal = make([]float64, n)
		sc.idx = make([]int32, n)
	}
}

// PresentValues returns the present values at 1 January of StartYear of
// the projection's member flows, each year's flow taken as paid mid-year
// and discounted at the projection's own returns (its [Result.ReturnCurve]):
// the cell-mode counterpart of [Seriatim.Total]. It returns the curve's
// error if a return is not a valid rate.
func (r *Result) PresentValues() (FlowValues, error) {
	var f FlowValues
	if len(r.Years) == 0 {
		return f, nil
	}
	c, err := r.ReturnCurve()
	if err != nil {
		return f, err
	}
	d := c.DiscountFactors(nil, len(r.Years), actuarial.MidYear)
	for t := range r.Years {
		y := &r.Years[t]
		f.Salaries += d[t] * y.SalaryBill
		for p := range f.Contributions {
			f.Contributions[p] += d[t] * y.Contributions[p]
		}
		for i := range f.Pensions {
			f.Pensions[i] += d[t] * y.Pensions[i]
		}
		f.ExtraPayments += d[t] * y.ExtraPayments
		f.Refunds += d[t] * y.Refunds
		f.MinimumTopUp += d[t] * y.MinimumTopUp
	}
	return f, nil
}
