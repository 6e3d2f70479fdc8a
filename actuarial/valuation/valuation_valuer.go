// The Valuer: a plan and a basis compiled into factor tables, and the
// buffers with which it values one member after another.

package valuation

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/internal/qx"
	"github.com/reserva-go/reserva/mortality"
)

// Valuer values active members of a [Plan] on a [Basis]. Build one with
// [NewValuer]; it precomputes the annuity factors of the basis once, and
// keeps buffers so that [Valuer.Value] allocates nothing. A Valuer is not
// safe for concurrent use: give each goroutine its own [Valuer.Clone],
// which shares the factor tables.
//
// # Conventions
//
//   - The valuation date is t = 0, the start of year 0. A member aged x
//     with s years of service is aged x+k with s+k years at the start of
//     year k, if still active.
//   - Active members leave as the basis's service table says, using its
//     dependent probabilities along the member's path of age and service
//     ([actuarial.ServiceTable.DependentPath]): retirements at the start of the year
//     of age (t = k) under [actuarial.RetireAtStart], at mid-year (t = k + ½) under
//     [actuarial.RetireDuringYear]; deaths, disablements and withdrawals at mid-year.
//     Above the table's MaxAge every member leaves by its terminal cause.
//   - Salaries: Member.Salary is S_0, the salary of year 0, paid through
//     the year (valued at mid-year, as a share 1 − Σ_j (1 − θ_j)·q^(j) of
//     the year for the members active at its start, θ_j the time of exit
//     within the year). S_{k+1} = S_k·Merit(x+k, s+k)·(1 + WageGrowth); the
//     salaries before the valuation date are found backwards the same way.
//     A member leaving in year k (at its start or during it) leaves on the
//     salary S_k; the reference salary of a [actuarial.Formula] is the average of
//     S_k, S_{k−1}, ... over ReferenceYears years, but no more years than
//     the service completed (see [actuarial.SalaryScale.ReferenceRatio]).
//   - Service counts in completed years: a member leaving in year k is
//     credited with s+k years, whether he leaves at its start or during it.
//   - Pensions are paid as Plan.Payment says from the date of exit, for
//     life, on Basis.Pensioners (Disabled for disability pensions), with
//     the reversion to a spouse. A pension starting at mid-year is valued
//     with the annuity factor averaged over the ages at the two ends of the
//     year, ä_{y+½} ≈ ½(ä_y + ä_{y+1}) (Dickson, Hardy & Waters, AMLCR, 2nd
//     ed., chapter 10, make the same approximation). Lump sums and refunds
//     are paid at the exit.
//   - A retirement that gives no pension (the member does not qualify, or
//     the formula pays 0) is a withdrawal: the member gets the withdrawal
//     benefit, at the retirement date.
//
// # Funding methods
//
// The benefit for an exit in year k, with n = s+k years of service at
// exit, is attributed to service pro rata: s/n of it to the past. The unit
// credit liabilities are the value of the attributed benefits, on salaries
// projected to each exit (PUC) or on the salaries of the valuation date
// (TUC: the salary S_0, the reference salary averaged over the years to
// date, and the reference unit, with no later increase). With a formula
// linear in service, such as 2% of final
// salary a year, s/n of the pension on n years is exactly the pension on s
// years, so AL^PUC is the value of the benefit on service to date, as the
// textbooks define it; the pro rata attribution extends the definition to
// step accrual tables and to benefits (disability on projected service,
// lump sums) not proportional to service. A member with no service has no
// accrued liability.
//
// The normal cost C of year 0 satisfies, for each method,
//
//	AL_0 + C = ExitsInYear + v·p^(τ)·AL_1,
//
// with AL_1 the accrued liability of the member a year on, if active
// (AMLCR, 2nd ed., §10.7): for PUC it is the value of the benefit attributed
// to year 0, for TUC it also pays for the year's salary increase on the
// past service. Entry age normal (level percent of salary) takes the
// normal cost rate c = PVFB_e/PVFS_e of the member valued at entry age e
// (with service Service − (Age − e), on the same basis as though entry
// were the valuation date, with the salary and the reference unit at entry
// found backwards from today's by the salary scale and wage growth, and
// with no contributions to refund); then NC = c·(value of the salary of
// year 0) and AL = PVFB − c·PVFS. When no formula has a cap or a floor, c
// does not depend on the salary and each Valuer caches it by sex, entry
// age and service at entry.
type Valuer struct {
	c *valuerTables
	w work
}

// valuerTables is what NewValuer precomputes: immutable, shared by clones.
type valuerTables struct {
	plan   Plan
	basis  Basis
	flat   bool      // a flat rate: factor grids have one time point
	nT     int       // time points of the factor grids
	dS, dM []float64 // v(t) and v(t+½), t = 0..len−1
	growth []float64 // (1+WageGrowth)^t
	jHalf  float64   // (1+RefundInterest)^½
	maxRef int       // the longest reference period of the formulas, ≥ 1
	maxK   int       // the most years a member is followed
	// proportional: every benefit is proportional to salary (no caps or
	// floors), so the EAN normal cost rate depends only on the sex, the
	// entry age and the service at entry, and is cached.
	proportional bool
	rateAges     int // ages 0..rateAges−1 index the cache of EAN rates
	sex          [actuarial.NumSexes]sexTables
}

// sexTables holds the factor grids of one sex: g[t·nA + y − lo] is the
// factor for an exit at exact age y at time t.
type sexTables struct {
	st     *actuarial.ServiceTable
	theta  float64 // time of retirement within the year: 0 or ½
	lo, nA int
	ret    []float64 // pension of 1 a year from y, with its reversion
	dis    []float64 // disability pension of 1 a year from y, with its reversion
	spouse []float64 // survivor's pension of 1 a year to the spouse of a member dying at y
	def    []float64 // deferred pension of 1 a year (before revaluation) to a member leaving at y
}

// work holds the per-member buffers.
type work struct {
	q   [actuarial.NumDecrements][]float64
	sal []float64 // sal[b+k] = S_k, k = −b..K−1
	cum []float64 // cum[i] = Σ_{j<i} sal[j]
	// rates caches EAN normal cost rates (NaN: not yet computed) at
	// [(sex·rateAges + entry age)·rateAges + service at entry].
	rates []float64
}

// lifeBasis is what Life and CurveLife share.
type lifeBasis interface {
	AnnuityEPV(x int, a actuarial.Annuity) float64
	ReversionaryAnnuityEPV(x int, other mortality.Table, y int, a actuarial.Annuity) float64
}

// NewValuer checks the plan and the basis and precomputes the annuity
// factors. It returns an error naming the first invalid field. The plan and
// basis are copied (their tables are shared, not copied).
func NewValuer(plan *Plan, basis *Basis) (*Valuer, error) {
	if err := plan.Validate(); err != nil {
		return nil, err
	}
	if err := basis.Validate(plan); err != nil {
		return nil, err
	}
	c := &valuerTables{plan: *plan, basis: *basis}
	c.maxRef = max(1, plan.Formula.ReferenceYears, plan.Disability.Formula.ReferenceYears, plan.Death.Survivor.ReferenceYears)
	horizon := 0
	c.proportional = true
	for _, f := range []*actuarial.Formula{&plan.Formula, &plan.Disability.Formula, &plan.Death.Survivor} {
		if f.Cap != (actuarial.Limit{}) || f.Floor != (actuarial.Limit{}) {
			c.proportional = false
		}
	}
	for s := range actuarial.NumSexes {
		st := basis.Actives[s]
		if st == nil {
			continue
		}
		c.rateAges = max(c.rateAges, st.MaxAge()+1)
		c.maxK = max(c.maxK, st.MaxAge()+2-st.MinAge())
		horizon = max(horizon, st.MaxAge()+4-st.MinAge())
		if plan.Withdrawal.Deferred {
			horizon = max(horizon, plan.Withdrawal.PensionAge[s]+2-st.MinAge())
		}
	}
	c.flat = basis.Curve == nil
	c.nT = 1
	if !c.flat {
		c.nT = horizon
	}
	c.dS = make([]float64, horizon+1)
	c.dM = make([]float64, horizon+1)
	c.growth = make([]float64, horizon+1)
	for t := range c.dS {
		c.dS[t] = c.discount(float64(t))
		c.dM[t] = c.discount(float64(t) + 0.5)
		c.growth[t] = math.Pow(1+basis.WageGrowth, float64(t))
	}
	c.jHalf = math.Sqrt(1 + plan.Withdrawal.RefundInterest)
	lives := c.lives()
	for s := range actuarial.NumSexes {
		if basis.Actives[s] != nil {
			c.buildSex(s, lives)
		}
	}
	v := &Valuer{c: c}
	v.w.alloc(c)
	return v, nil
}

// Clone returns a Valuer that shares v's factor tables and has its own
// buffers, for use in another goroutine.
func (v *Valuer) Clone() *Valuer {
	n := &Valuer{c: v.c}
	n.w.alloc(v.c)
	return n
}

func (w *work) alloc(c *valuerTables) {
	for j := range w.q {
		w.q[j] = make([]float64, c.maxK)
	}
	w.sal = make([]float64, c.maxK+c.maxRef)
	w.cum = make([]float64, c.maxK+c.maxRef+1)
	if c.proportional {
		w.rates = make([]float64, actuarial.NumSexes*c.rateAges*c.rateAges)
		for i := range w.rates {
			w.rates[i] = math.NaN()
		}
	}
}

// discount returns the value at 0 of 1 at real time t.
func (c *valuerTables) discount(t float64) float64 {
	if c.flat {
		return math.Exp(-t * math.Log1p(c.basis.Interest))
	}
	return c.basis.Curve.DiscountFactor(t)
}

// lives returns a function giving the life contingencies basis, on table
// tb, of an annuity starting at time t.
func (c *valuerTables) lives() func(tb mortality.Table, t int) lifeBasis {
	if c.flat {
		return func(tb mortality.Table, _ int) lifeBasis {
			return actuarial.Life{Table: tb, Interest: c.basis.Interest}
		}
	}
	rates := c.basis.Curve.Rates()
	shifted := make([]*actuarial.Curve, 0, len(rates))
	for t := range rates {
		cv, err := actuarial.NewCurve(rates[t:]...)
		if err != nil {
			panic("actuarial: " + err.Error()) // the rates were checked when the curve was built
		}
		shifted = append(shifted, cv)
	}
	return func(tb mortality.Table, t int) lifeBasis {
		if len(shifted) == 0 {
			return actuarial.CurveLife{Table: tb}
		}
		return actuarial.CurveLife{Table: tb, Curve: shifted[min(t, len(shifted)-1)]}
	}
}

// buildSex fills the factor grids of sex s.
func (c *valuerTables) buildSex(s int, lives func(mortality.Table, int) lifeBasis) {
	b, p := &c.basis, &c.plan
	st := b.Actives[s]
	f := &c.sex[s]
	f.st = st
	if st.Options().Retirement == actuarial.RetireDuringYear {
		f.theta = 0.5
	}
	f.lo = st.MinAge()
	f.nA = st.MaxAge() + 3 - f.lo // ages lo..MaxAge+2
	n := c.nT * f.nA
	f.ret = make([]float64, n)
	f.dis = make([]float64, n)
	pay := p.Payment
	rev := pay
	rev.Guaranteed = 0
	gap := b.AgeGap[s]
	reversion := b.Married[s] * p.SurvivorShare
	spouse := b.spouse(s)
	pens, disab := b.Pensioners[s], b.disabled(s)
	annuity := func(tb mortality.Table, t, y int) float64 {
		l := lives(tb, t)
		a := l.AnnuityEPV(y, pay)
		if reversion > 0 {
			a += reversion * l.ReversionaryAnnuityEPV(y, spouse, y-gap, rev)
		}
		return a
	}
	survivor := b.Married[s] > 0 && len(p.Death.Survivor.Accrual.Rates) > 0
	if survivor {
		f.spouse = make([]float64, n)
	}
	for t := range c.nT {
		for i := range f.nA {
			y := f.lo + i
			f.ret[t*f.nA+i] = annuity(pens, t, y)
			f.dis[t*f.nA+i] = annuity(disab, t, y)
			if survivor {
				f.spouse[t*f.nA+i] = lives(spouse, t).AnnuityEPV(y-gap, pay)
			}
		}
	}
	if !p.Withdrawal.Deferred {
		return
	}
	f.def = make([]float64, n)
	pa := p.Withdrawal.PensionAge[s]
	for t := range c.nT {
		for i := range f.nA {
			y := f.lo + i
			if y >= pa {
				f.def[t*f.nA+i] = f.ret[t*f.nA+i]
				continue
			}
			u := pa - y
			surv := 1.0
			for a := y; a < pa && surv > 0; a++ {
				surv *= 1 - qx.At(pens, a, pens.MaxAge())
			}
			growth := math.Pow(1+p.Withdrawal.Revaluation, float64(u))
			disc := c.discount(float64(t+u)) / c.discount(float64(t))
			if surv > 0 {
				f.def[t*f.nA+i] = growth * disc * surv * annuity(pens, t+u, pa)
			}
		}
	}
}

// at returns the factor of grid g for an exit at time t + θ at exact age
// y + θ, θ = 0 or ½: the grid value, or the average over the two ends of
// the year.
func (c *valuerTables) at(f *sexTables, g []float64, t, y int, theta float64) float64 {
	i := y - f.lo
	t0 := min(t, c.nT-1) * f.nA
	if theta == 0 {
		return g[t0+i]
	}
	t1 := min(t+1, c.nT-1) * f.nA
	return 0.5 * (g[t0+i] + g[t1+i+1])
}

// check validates a member against the basis.
func (v *Valuer) check(m *Member) error {
	if !m.Sex.Valid() || v.c.basis.Actives[m.Sex.Index()] == nil {
		return &MemberError{Field: "Sex", Value: fmt.Sprint(m.Sex), Err: actuarial.ErrRange}
	}
	st := v.c.sex[m.Sex.Index()].st
	switch {
	case m.Age < st.MinAge() || m.Age > st.MaxAge():
		return &MemberError{Field: "Age", Value: fmt.Sprint(m.Age), Err: fmt.Errorf("outside the service table's ages %d..%d: %w", st.MinAge(), st.MaxAge(), actuarial.ErrRange)}
	case m.Service < 0 || m.Service > m.Age:
		return &MemberError{Field: "Service", Value: fmt.Sprint(m.Service), Err: fmt.Errorf("want 0..Age (%d): %w", m.Age, actuarial.ErrRange)}
	}
	if err := amount("Salary", m.Salary); err != nil {
		return err
	}
	if err := amount("Contributions", m.Contributions); err != nil {
		return err
	}
	if e := m.EntryAge; e != 0 && (e < st.MinAge() || e > m.Age || m.Age-e > m.Service) {
		return &MemberError{Field: "EntryAge", Value: fmt.Sprint(e),
			Err: fmt.Errorf("want 0 or an age from %d (the service table's) to Age (%d) with Age − EntryAge ≤ Service (%d): %w", st.MinAge(), m.Age, m.Service, actuarial.ErrRange)}
	}
	return nil
}

func amount(field string, v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return &MemberError{Field: field, Value: fmt.Sprint(v), Err: actuarial.ErrNotFinite}
	case v < 0:
		return &MemberError{Field: field, Value: fmt.Sprint(v), Err: actuarial.ErrNegative}
	}
	return nil
}

// Value values the member m into dst. It returns a [*MemberError] for a
// member the basis cannot value (an unknown sex or one without tables, an
// age outside the service table, a negative or non-finite salary, ...) and
// leaves dst unchanged then. It allocates nothing.
func (v *Valuer) Value(dst *MemberValuation, m Member) error {
	if err := v.check(&m); err != nil {
		return err
	}
	s := m.Sex.Index()
	f := &v.c.sex[s]
	var r MemberValuation
	v.run(&r, f, m.Sex, m.Age, m.Service, m.Salary, v.c.basis.Unit, m.Contributions, true)

	// Entry age normal: the normal cost rate of the member at entry.
	e := m.EntryAge
	if e == 0 {
		e = max(m.Age-m.Service, f.st.MinAge())
	}
	se := m.Service - (m.Age - e)
	r.NormalCostRate = v.entryRate(f, &m, e, se)
	r.AL[EAN] = r.TotalPVFB() - r.NormalCostRate*r.PVFS
	r.NC[EAN] *= r.NormalCostRate // run left the value of year 0's salary there
	*dst = r
	return nil
}

// entryRate returns the EAN normal cost rate of member m entering at age e
// with se years of service: PVFB/PVFS at entry, from the cache when the
// benefits are proportional to salary.
func (v *Valuer) entryRate(f *sexTables, m *Member, e, se int) float64 {
	c := v.c
	idx := -1
	if c.proportional && se < c.rateAges {
		idx = (m.Sex.Index()*c.rateAges+e)*c.rateAges + se
		if r := v.w.rates[idx]; !math.IsNaN(r) {
			return r
		}
	}
	salary, unit := m.Salary, c.basis.Unit
	if c.proportional {
		salary = 1 // any salary gives the same rate
	} else {
		sc := &c.basis.Salary
		g := 1 + c.basis.WageGrowth
		for a := m.Age - 1; a >= e; a-- {
			salary /= sc.Merit(a, se+a-e) * g
			unit /= g
		}
	}
	var entry MemberValuation
	v.run(&entry, f, m.Sex, e, se, salary, unit, 0, false)
	var rate float64
	if entry.PVFS > 0 {
		rate = entry.TotalPVFB() / entry.PVFS
	}
	if idx >= 0 {
		v.w.rates[idx] = rate
	}
	return rate
}

// Salary paths: the projected one, and those frozen from t = 0 and t = 1.
const (
	pathProjected = iota
	pathFrozen0
	pathFrozen1
	numPaths
)

// exit is what a member leaving in one year by each cause gets, valued at
// the exit, on one salary path.
type exit struct {
	ret     float64     // a retirement, per retiring member
	retKind BenefitKind // which benefit the retirement gives
	dis     float64
	death   float64
	wd      float64
}

// runState is one member's valuation in progress.
type runState struct {
	sex   actuarial.Sex
	x, s  int
	b     int               // salary history years before t = 0 held in sal
	unit0 float64           // the reference unit's value in year 0 of this run
	bal   [numPaths]float64 // refund balance at the start of the year, by path
}

// salary returns S_k on path p.
func (v *Valuer) salary(rs *runState, p, k int) float64 {
	switch p {
	case pathFrozen0:
		k = min(k, 0)
	case pathFrozen1:
		k = min(k, 1)
	}
	return v.w.sal[rs.b+k]
}

// reference returns the reference salary of an exit in year k on path p:
// the average of the salaries of the last n years to year k, n =
// ReferenceYears limited to the service then. The frozen paths take the
// reference salary of year 0 or 1 for every later year: the average to
// date, which no later salary changes.
func (v *Valuer) reference(rs *runState, p, years, k int) float64 {
	switch p {
	case pathFrozen0:
		k = min(k, 0)
	case pathFrozen1:
		k = min(k, 1)
	}
	n := max(1, min(years, rs.s+k))
	if n == 1 {
		return v.w.sal[rs.b+k]
	}
	return (v.w.cum[rs.b+k+1] - v.w.cum[rs.b+k-n+1]) / float64(n)
}

// unit returns the reference unit's value in year k on path p.
func (v *Valuer) unit(rs *runState, p, k int) float64 {
	switch p {
	case pathFrozen0:
		k = 0
	case pathFrozen1:
		k = min(k, 1)
	}
	return rs.unit0 * v.c.growth[k]
}

// exitValues values the benefits of a member leaving in year k on path p.
// A cause whose probability (in q, indexed by Decrement) is 0 is not
// valued.
func (v *Valuer) exitValues(rs *runState, f *sexTables, p, k int, status actuarial.Entitlement, q *[actuarial.NumDecrements]float64) exit {
	c := v.c
	pl := &c.plan
	y, n := rs.x+k, rs.s+k
	sk := v.salary(rs, p, k)
	u := v.unit(rs, p, k)
	var e exit
	refR := v.reference(rs, p, pl.Formula.ReferenceYears, k)
	// Retirement.
	e.retKind = BenefitWithdrawal
	if q[actuarial.Retirement] == 0 {
		// Nobody retires: only the kind matters, for the zero it adds.
		if status == actuarial.Full {
			e.retKind = BenefitRetirement
		}
	} else if status != actuarial.NotEligible {
		b := pl.Formula.Pension(n, refR, u)
		kind := BenefitRetirement
		if status == actuarial.Reduced {
			b *= pl.Eligibility.Reduction(rs.sex, y)
			kind = BenefitEarly
		}
		if b > 0 {
			e.ret, e.retKind = b*c.at(f, f.ret, k, y, f.theta), kind
		}
	}
	if e.retKind == BenefitWithdrawal && q[actuarial.Retirement] > 0 {
		e.ret = v.withdrawal(rs, f, p, k, f.theta, refR, u, sk)
	}
	// Disability.
	if d := &pl.Disability; q[actuarial.Disability] > 0 && len(d.Formula.Accrual.Rates) > 0 {
		svc := n
		if d.ProjectService {
			svc += max(0, d.ServiceAge[rs.sex.Index()]-y)
		}
		ref := refR
		if d.Formula.ReferenceYears != pl.Formula.ReferenceYears {
			ref = v.reference(rs, p, d.Formula.ReferenceYears, k)
		}
		e.dis = d.Formula.Pension(svc, ref, u) * c.at(f, f.dis, k, y, 0.5)
	}
	// Death.
	d := &pl.Death
	e.death = d.SalaryMultiple * sk
	if f.spouse != nil && q[actuarial.Death] > 0 {
		svc := n
		if d.ProjectService {
			svc += max(0, d.ServiceAge[rs.sex.Index()]-y)
		}
		ref := refR
		if d.Survivor.ReferenceYears != pl.Formula.ReferenceYears {
			ref = v.reference(rs, p, d.Survivor.ReferenceYears, k)
		}
		e.death += c.basis.Married[rs.sex.Index()] * d.Survivor.Pension(svc, ref, u) * c.at(f, f.spouse, k, y, 0.5)
	}
	// Withdrawal.
	if q[actuarial.Withdrawal] > 0 {
		e.wd = v.withdrawal(rs, f, p, k, 0.5, refR, u, sk)
	}
	return e
}

// withdrawal values the withdrawal benefit of a member leaving at k + θ.
func (v *Valuer) withdrawal(rs *runState, f *sexTables, p, k int, theta, refR, u, sk float64) float64 {
	w := &v.c.plan.Withdrawal
	n := rs.s + k
	if w.Deferred && n >= w.VestingService {
		if b := v.c.plan.Formula.Pension(n, refR, u); b > 0 {
			return b * v.c.at(f, f.def, k, rs.x+k, theta)
		}
	}
	if !w.Refund {
		return 0
	}
	bal := rs.bal[p]
	if theta > 0 {
		bal = bal*v.c.jHalf + theta*w.ContributionRate*sk
	}
	return bal
}

// run values a member aged x with s years of service and salary S_0; with
// full false only the PVFB, the PVFS and (in NC[EAN]) the value of year 0's
// salary.
func (v *Valuer) run(r *MemberValuation, f *sexTables, sex actuarial.Sex, x, s int, salary, unit, contrib float64, full bool) {
	c := v.c
	w := &v.w
	st := f.st
	K := st.MaxAge() + 2 - x // the last year, above MaxAge, has q^(τ) = 1
	var cols [actuarial.NumDecrements][]float64
	for j := range cols {
		cols[j] = w.q[j][:K]
	}
	st.DependentPath(cols, x, s)

	// Salaries: b years of history before t = 0, then K years.
	rs := runState{sex: sex, x: x, s: s, b: min(c.maxRef-1, s), unit0: unit}
	sc := &c.basis.Salary
	g := 1 + c.basis.WageGrowth
	w.sal[rs.b] = salary
	for j := 1; j <= rs.b; j++ {
		w.sal[rs.b-j] = w.sal[rs.b-j+1] / (sc.Merit(x-j, s-j) * g)
	}
	for k := 1; k < K; k++ {
		w.sal[rs.b+k] = w.sal[rs.b+k-1] * sc.Merit(x+k-1, s+k-1) * g
	}
	w.cum[0] = 0
	for i := 0; i < rs.b+K; i++ {
		w.cum[i+1] = w.cum[i] + w.sal[i]
	}
	for p := range rs.bal {
		rs.bal[p] = contrib
	}
	wp := &c.plan.Withdrawal
	j1 := 1 + wp.RefundInterest
	refund := wp.Refund

	theta := f.theta
	var (
		P       = 1.0 // active at the start of year k
		inYear  float64
		tucNext float64
		npaths  = 1
	)
	if full {
		npaths = numPaths
	}
	normalFound := false
	for k := 0; k < K && P > 0; k++ {
		qd, qi, qw, qr := cols[actuarial.Death][k], cols[actuarial.Disability][k], cols[actuarial.Withdrawal][k], cols[actuarial.Retirement][k]
		q := [actuarial.NumDecrements]float64{actuarial.Death: qd, actuarial.Disability: qi, actuarial.Withdrawal: qw, actuarial.Retirement: qr}
		y, n := x+k, s+k
		status := c.plan.Eligibility.Status(sex, y, n)
		dR := c.dS[k]
		if theta != 0 {
			dR = c.dM[k]
		}
		dM := c.dM[k]
		wR, wD, wI, wW := P*qr*dR, P*qd*dM, P*qi*dM, P*qw*dM
		// Salary of the year, for the members active at its start.
		expo := 1 - qr*(1-theta) - 0.5*(qd+qi+qw)
		ps := P * w.sal[rs.b+k] * dM * expo
		r.PVFS += ps
		if k == 0 {
			r.NC[EAN] = ps
		}
		// Attribution to past service and to past service plus year 0.
		fAL, f1 := 0.0, 1.0
		if n > 0 {
			fAL = float64(s) / float64(n)
			f1 = float64(min(s+1, n)) / float64(n)
		}
		for p := 0; p < npaths; p++ {
			if p == pathFrozen1 && k == 0 {
				continue
			}
			e := v.exitValues(&rs, f, p, k, status, &q)
			ret := wR * e.ret
			tot := ret + wI*e.dis + wD*e.death + wW*e.wd
			switch p {
			case pathProjected:
				r.PVFB[e.retKind] += ret
				r.PVFB[BenefitDisability] += wI * e.dis
				r.PVFB[BenefitDeath] += wD * e.death
				r.PVFB[BenefitWithdrawal] += wW * e.wd
				r.AL[PUC] += tot * fAL
				r.NC[PUC] += tot * (f1 - fAL)
				if k == 0 {
					inYear += tot
				}
			case pathFrozen0:
				r.AL[TUC] += tot * fAL
			case pathFrozen1:
				tucNext += tot * f1
			}
		}
		if full && !normalFound && status == actuarial.Full {
			normalFound = true
			r.NormalAge = y
			if n > 0 {
				ratio := float64(s) / float64(n)
				for _, p := range [...]int{pathProjected, pathFrozen0} {
					b := c.plan.Formula.Pension(n, v.reference(&rs, p, c.plan.Formula.ReferenceYears, k), v.unit(&rs, p, k)) * ratio
					if p == pathProjected {
						r.AccruedPUC = b
					} else {
						r.AccruedTUC = b
					}
				}
			}
		}
		if refund {
			for p := range npaths {
				rs.bal[p] = rs.bal[p]*j1 + wp.ContributionRate*v.salary(&rs, p, k)*c.jHalf
			}
		}
		P *= 1 - math.Min(1, qd+qi+qw+qr)
	}
	if full {
		r.ExitsInYear = inYear
		r.NC[TUC] = inYear + tucNext - r.AL[TUC]
	}
}
