package rules

import (
	"math"
	"reflect"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Law is a scheme's law compiled once: what does not change by year, and
// the exits of every group's rules.
type Law struct {
	S          *scheme.Scheme
	MS, NS     int // the last service cell, and MS+1
	Mortality  Mortality
	Decrements Decrements
	Family     Family
	// Exits[g][i] are the exits of s.Groups[g].Rules[i] ([Law.Year] gives
	// those of a calendar year, which differ by year when conditions are
	// bounded by birth cohort).
	Exits [][]Exits
	// yearly[g][i] are the exits of rules whose exits change by calendar
	// year; nil for the others.
	yearly [][]*yearExits
	// Refunds is whether some rules refund contributions.
	Refunds bool
}

// Compile compiles the law of a valid scheme s for services 0..ms.
func Compile(s *scheme.Scheme, ms int) *Law {
	return Recompile(s, ms, nil)
}

// Recompile is [Compile] sharing with prev (nil: none), the law of another
// scheme, the tables whose inputs are the same: the decrements when the
// service tables are the same (by pointer) and the salary scales equal, the
// family tables when the family assumptions are equal, and the exits of every rules whose eligibility (without cohort bounds),
// pension formulas and compulsory ages are equal under equal retirement
// rates timed by age. A Law is only read once compiled, so laws sharing
// tables may be used concurrently. A sweep of reforms recompiles little
// more than what a reform changes.
func Recompile(s *scheme.Scheme, ms int, prev *Law) *Law {
	return RecompileInto(new(Law), s, ms, prev)
}

// RecompileInto is [Recompile] into l, a Law no longer in use (its tables
// and exits are not modified, only replaced), which it returns: a
// projector alternates between two, so that the 8 kB struct is not
// allocated anew for every scheme. l must not be prev.
func RecompileInto(l *Law, s *scheme.Scheme, ms int, prev *Law) *Law {
	if l == prev {
		panic("rules: RecompileInto a Law into itself")
	}
	*l = Law{S: s, MS: ms, NS: ms + 1}
	as := &s.Assumptions
	if prev != nil && prev.MS != ms {
		prev = nil
	}
	l.Mortality.resolve(as)
	if prev != nil && sameDecrements(as, &prev.S.Assumptions) {
		l.Decrements = prev.Decrements
	} else {
		l.Decrements.compile(as, ms)
	}
	if prev != nil && sameFamily(&as.Family, &prev.S.Assumptions.Family) {
		l.Family = prev.Family // its Remarry is only read
	} else {
		l.Family.compile(&as.Family)
	}
	// Exits by age alone (no base rules, no cohort bounds) are shared.
	sameRates := prev != nil && as.RetirementTiming != scheme.RatesSinceEligibility &&
		as.RetirementTiming == prev.S.Assumptions.RetirementTiming &&
		reflect.DeepEqual(&as.Retirement, &prev.S.Assumptions.Retirement)
	l.Exits = make([][]Exits, len(s.Groups))
	l.yearly = make([][]*yearExits, len(s.Groups))
	for g := range s.Groups {
		grp := &s.Groups[g]
		rs := grp.Rules
		l.Exits[g] = make([]Exits, len(rs))
		l.yearly[g] = make([]*yearExits, len(rs))
		var base *scheme.Rules
		if as.RetirementTiming == scheme.RatesSinceEligibility {
			base = grp.RulesAt(s.StartYear)
		}
		for i := range rs {
			y0 := max(rs[i].From, s.StartYear)
			if rs[i].RefundShare > 0 {
				l.Refunds = true
			}
			_, hi := cohortBounds(&rs[i].Eligibility)
			if base != nil {
				_, bhi := cohortBounds(&base.Eligibility)
				hi = max(hi, bhi)
			}
			if hi == 0 && base == nil {
				if e := prev.exitsOf(&rs[i], sameRates); e != nil {
					l.Exits[g][i] = *e
					continue
				}
			}
			l.Exits[g][i].compile(&rs[i], as, ms, exitYear{y0, base})
			if hi == 0 {
				continue
			}
			// From the year after hi + MaxCensusAge + 1 every living cohort
			// is past every bound, and the exits no longer change.
			y1 := max(y0, hi+census.MaxCensusAge+2)
			if i+1 < len(rs) {
				y1 = min(y1, rs[i+1].From-1)
			}
			ye := &yearExits{from: y0, ex: []*Exits{&l.Exits[g][i]}}
			for y := y0 + 1; y <= y1; y++ {
				e := new(Exits)
				e.compile(&rs[i], as, ms, exitYear{y, base})
				if last := ye.ex[len(ye.ex)-1]; last.equal(e) {
					e = last
				} else {
					e.follow(last)
				}
				ye.ex = append(ye.ex, e)
			}
			l.yearly[g][i] = ye
		}
	}
	return l
}

// sameDecrements reports whether the decrements of a and b compile alike:
// the same service tables and equal salary scales.
func sameDecrements(a, b *scheme.Assumptions) bool {
	return a.Decrements == b.Decrements && a.Salary.MinAge == b.Salary.MinAge &&
		slices.Equal(a.Salary.ByAge, b.Salary.ByAge) && slices.Equal(a.Salary.ByService, b.Salary.ByService)
}

// sameFamily reports whether family assumptions a and b compile alike.
func sameFamily(a, b *scheme.Family) bool {
	if a.AgeGap != b.AgeGap || a.OrphanEndAge != b.OrphanEndAge {
		return false
	}
	for sx := range actuarial.NumSexes {
		for _, p := range [...][2]actuarial.ByAge{{a.Married[sx], b.Married[sx]}, {a.Orphans[sx], b.Orphans[sx]},
			{a.OrphanAge[sx], b.OrphanAge[sx]}, {a.Remarriage[sx], b.Remarriage[sx]}} {
			if p[0].MinAge != p[1].MinAge || !slices.Equal(p[0].Values, p[1].Values) {
				return false
			}
		}
	}
	return true
}

// exitsOf returns the exits of l's rules that compile alike with r and do
// not change by year, nil when none does or when the retirement rates
// differ (sameRates false).
func (l *Law) exitsOf(r *scheme.Rules, sameRates bool) *Exits {
	if l == nil || !sameRates {
		return nil
	}
	for g := range l.S.Groups {
		rs := l.S.Groups[g].Rules
		for i := range rs {
			if l.yearly[g][i] == nil && sameExits(&rs[i], r) {
				return &l.Exits[g][i]
			}
		}
	}
	return nil
}

// sameExits reports whether rules a and b give the same [Exits]: what
// [Exits.compile] reads of them is equal.
func sameExits(a, b *scheme.Rules) bool {
	// By pointer: the values are compared as deeply, without copying
	// them into interfaces.
	return a.CompulsoryAge == b.CompulsoryAge && reflect.DeepEqual(&a.Eligibility, &b.Eligibility) &&
		reflect.DeepEqual(&a.Retirement, &b.Retirement) && reflect.DeepEqual(&a.Disability, &b.Disability) &&
		reflect.DeepEqual(&a.BySex, &b.BySex)
}

// yearExits are the exits of one set of rules by calendar year: ex[k] in
// year from + k, the last holding after.
type yearExits struct {
	from int
	ex   []*Exits
}

// cohortBounds returns the least and greatest cohort bound of e's
// conditions; 0, 0 when none is bounded.
func cohortBounds(e *actuarial.Eligibility) (lo, hi int) {
	lo = math.MaxInt
	for sx := range actuarial.NumSexes {
		for _, cs := range [2]actuarial.Conditions{e.Full[sx], e.Reduced[sx]} {
			for _, c := range cs {
				for _, b := range [2]int{c.FromCohort, c.ToCohort} {
					if b != 0 {
						lo, hi = min(lo, b), max(hi, b)
					}
				}
			}
		}
	}
	if hi == 0 {
		return 0, 0
	}
	return lo, hi
}

// ExitsAt returns the exits of group g's rules ri in calendar year y.
func (l *Law) ExitsAt(g, ri, y int) *Exits {
	ye := l.yearly[g][ri]
	if ye == nil {
		return &l.Exits[g][ri]
	}
	return ye.ex[min(max(y-ye.from, 0), len(ye.ex)-1)]
}

// Year is what the rules of one group give in one calendar year.
type Year struct {
	Rules            *scheme.Rules
	Exits            *Exits                    // the exits of Rules
	ContributionRate [scheme.NumPayers]float64 // by payer, of salary up to the ceiling
	// The ceiling per head, and by sex the caps and floors of retirement
	// and disability pensions ([scheme.Rules.RetirementLimits],
	// [scheme.Rules.DisabilityLimits]), money a year at the year's
	// reference unit: +Inf for no ceiling or cap, 0 for no floor.
	Ceiling                            float64
	RetCap, RetFloor, DisCap, DisFloor [actuarial.NumSexes]float64
	// InPayment[sex][type] are the floor and cap per head applied to the
	// pensions in payment of the year, by sex of the pensioner and
	// [census.PensionType.Index] ([InPaymentLimits]).
	InPayment [actuarial.NumSexes][census.NumPensionTypes]PaymentLimits
	// Sustain[sex] is the sustainability factor of the old-age and early
	// pensions awarded in the year ([scheme.Sustainability]); 1 without.
	Sustain [actuarial.NumSexes]float64
	// StatePaysMinimum is whether the state pays the minimum-pension
	// top-up, as a transfer into the fund ([scheme.MinimumByState]).
	StatePaysMinimum bool
	// Index is the factor pensions in payment are indexed by on the next
	// 1 January, under the rules in force that day.
	Index        float64
	Extra        float64 // ExtraPayments, per unit of pension paid
	Refund       float64 // RefundShare
	Survivor     float64 // SurvivorShare
	Orphan       float64 // OrphanShare
	DeathBenefit bool    // deaths leave survivors' or orphans' pensions
	// The caps and floors per head of the pensions of a disability at work
	// and of the base pension of a death at work ([scheme.WorkRisks]),
	// money a year: +Inf for no cap, 0 for no floor.
	WorkDisCap, WorkDisFloor, WorkDeathCap, WorkDeathFloor float64
	WorkSurvivor                                           float64 // WorkRisks.SurvivorShare
	WorkOrphan                                             float64 // WorkRisks.OrphanShare
	// WorkDeathBenefit is whether deaths at work leave survivors' or
	// orphans' pensions.
	WorkDeathBenefit bool
	// SurvivorSpan is the Years of the last of Rules.SurvivorSteps: the
	// survivors' pensions awarded for the year's deaths change share for
	// SurvivorSpan years after the award (see [Year.SurvivorFactor]); 0:
	// never.
	SurvivorSpan int
	// OrphanEnd is the age at which orphans' pensions end in the year:
	// Rules.OrphanEndAge, or Assumptions.Family.OrphanEndAge when that is
	// 0; 0: no orphans' pensions.
	OrphanEnd int
}

// Year sets yr to the rules of group g in force in calendar year y when
// the reference unit is worth unit.
func (l *Law) Year(yr *Year, g, y int, unit float64) {
	grp := &l.S.Groups[g]
	as := &l.S.Assumptions
	ri := grp.RulesIndex(y)
	r := &grp.Rules[ri]
	yr.Rules, yr.Exits = r, l.ExitsAt(g, ri, y)
	for pay := range scheme.NumPayers {
		yr.ContributionRate[pay] = r.ContributionRate[pay].At(y)
	}
	for sx := range actuarial.NumSexes {
		yr.Ceiling, yr.RetCap[sx], yr.RetFloor[sx], yr.DisCap[sx], yr.DisFloor[sx] = Limits(r, sx, unit)
	}
	wr := &r.WorkRisks
	yr.WorkDisCap, yr.WorkDisFloor, yr.WorkDeathCap, yr.WorkDeathFloor = WorkLimits(r, unit)
	yr.setInPayment(r)
	yr.Sustain = [actuarial.NumSexes]float64{1, 1}
	if sf := r.Sustainability; sf.Age > 0 {
		for sx := range actuarial.NumSexes {
			yr.Sustain[sx] = l.LifeExpectancy(sx, sf.Age, sf.Base) / l.LifeExpectancy(sx, sf.Age, y)
		}
	}
	yr.Extra, yr.Refund = r.ExtraPayments, r.RefundShare
	yr.Survivor, yr.Orphan = r.SurvivorShare, r.OrphanShare
	yr.SurvivorSpan = 0
	if n := len(r.SurvivorSteps); n > 0 && r.SurvivorShare > 0 {
		yr.SurvivorSpan = r.SurvivorSteps[n-1].Years
	}
	yr.OrphanEnd = l.Family.OrphanEnd
	if r.OrphanEndAge > 0 {
		yr.OrphanEnd = r.OrphanEndAge
	}
	yr.DeathBenefit = r.SurvivorShare > 0 || (r.OrphanShare > 0 && yr.OrphanEnd > 0)
	yr.WorkSurvivor, yr.WorkOrphan = wr.SurvivorShare, wr.OrphanShare
	yr.WorkDeathBenefit = len(wr.Death.Accrual.Rates) > 0 && (wr.SurvivorShare > 0 || (wr.OrphanShare > 0 && yr.OrphanEnd > 0))
	next := grp.RulesAt(y + 1)
	yr.Index = 1
	switch next.Indexation {
	case scheme.IndexPrices:
		yr.Index += as.Inflation.At(y + 1)
	case scheme.IndexWages:
		yr.Index += as.WageGrowth.At(y + 1)
	case scheme.IndexUnit:
		yr.Index += as.UnitGrowth.At(y + 1)
	case scheme.IndexFixed:
		yr.Index += next.IndexRate.At(y + 1)
	}
}

// SurvivorFactor is the survivor's pension d whole years after its award
// (the 1 January after the death) per unit of the pension awarded, under
// the rules of the year of the death: SurvivorShareAt(d) / SurvivorShare,
// indexation apart. Engines award a survivor's pension at Survivor times
// the deceased's and, on the 1 January that starts each year d ≤
// SurvivorSpan of payment, move it from factor(d−1) to factor(d).
func (yr *Year) SurvivorFactor(d int) float64 {
	if yr.SurvivorSpan == 0 || d <= 0 {
		return 1
	}
	return yr.Rules.SurvivorShareAt(d) / yr.Rules.SurvivorShare
}

// Limits returns the ceiling and the caps and floors of retirement and
// disability pensions of sex index sx under rules r when the reference
// unit is worth unit: +Inf for no ceiling or cap, 0 for no floor.
func Limits(r *scheme.Rules, sx int, unit float64) (ceiling, retCap, retFloor, disCap, disFloor float64) {
	var ok bool
	if ceiling, ok = r.Ceiling.Value(unit); !ok {
		ceiling = math.Inf(1)
	}
	rc, rf := r.RetirementLimits(sx)
	dc, df := r.DisabilityLimits(sx)
	if retCap, ok = rc.Value(unit); !ok {
		retCap = math.Inf(1)
	}
	retFloor, _ = rf.Value(unit)
	if disCap, ok = dc.Value(unit); !ok {
		disCap = math.Inf(1)
	}
	disFloor, _ = df.Value(unit)
	return ceiling, retCap, retFloor, disCap, disFloor
}

// WorkLimits returns the caps (+Inf: none) and floors (0: none) of the
// pensions of a disability at work and of the base pension of a death at
// work ([scheme.WorkRisks]) of rules r when the reference unit is worth
// unit.
func WorkLimits(r *scheme.Rules, unit float64) (disCap, disFloor, deathCap, deathFloor float64) {
	disCap, disFloor = formulaLimits(&r.WorkRisks.Disability, unit)
	deathCap, deathFloor = formulaLimits(&r.WorkRisks.Death, unit)
	return disCap, disFloor, deathCap, deathFloor
}

// formulaLimits returns formula f's cap (+Inf: none) and floor (0: none)
// when the reference unit is worth unit.
func formulaLimits(f *actuarial.Formula, unit float64) (hi, lo float64) {
	hi, ok := f.Cap.Value(unit)
	if !ok {
		hi = math.Inf(1)
	}
	lo, _ = f.Floor.Value(unit)
	return hi, lo
}

// PaymentLimits are the floor and cap per head of pensions in payment in a
// year, money a year: 0 for no floor, +Inf for no cap.
// Own marks the pension types whose minimum-pension top-up is counted
// (retirement and disability, whose formulas have floors).
type PaymentLimits struct {
	Floor, Cap float64
	Own        bool
}

// Pay returns what n pensions of total amount a (as awarded and indexed)
// pay in the year under limits l, and the part of it that is the
// minimum-pension top-up: what is paid above own, the total of the
// formula's own amounts before any floor (≥ 0). The amounts are first capped at n·Cap, then
// floored at n·Floor (a floor above the cap wins, as on award). For cells
// of several pensions the limits apply to the cell's average pension:
// exact when the pensions of a cell are all above the floor, or all below
// it (and all below the cap or all above it), and otherwise, by Jensen's
// inequality, an understatement of a floor's top-up and of a cap's saving;
// a seriatim projection is exact. The projection's AVX2 form of its
// pensioners' pass (pensionRowAVX2) repeats this rule lane by lane;
// TestPensionRowSIMD pins it to Pay, so a change here fails that test
// until the assembly follows.
func (l *PaymentLimits) Pay(n, a, own float64) (pay, topUp float64) {
	pay, _ = Clamp(a, n*l.Floor, n*l.Cap)
	if l.Own && pay > own {
		topUp = pay - own
	}
	return pay, topUp
}

// setInPayment sets the limits of pensions in payment under rules r from
// the year's retirement and disability limits.
func (yr *Year) setInPayment(r *scheme.Rules) {
	yr.StatePaysMinimum = r.MinimumPaidBy == scheme.MinimumByState
	for sx := range actuarial.NumSexes {
		yr.InPayment[sx] = InPaymentLimits(r, yr.RetCap[sx], yr.RetFloor[sx], yr.DisCap[sx], yr.DisFloor[sx], yr.WorkDisCap, yr.WorkDisFloor)
	}
}

// InPaymentLimits returns the limits of pensions in payment under rules r,
// by [census.PensionType.Index], given the caps and floors of retirement
// and disability pensions of one sex and of the pensions of a disability at
// work (+Inf for no cap, 0 for no floor; see [Limits] and [WorkLimits]):
// the retirement ones for old-age and early pensions, the disability ones
// for disability pensions and the work ones for work-disability pensions
// under
// [scheme.LimitsInPayment]; none (0, +Inf) for survivors' and orphans'
// pensions, and for all under [scheme.LimitsAtAward]. [Year].InPayment is
// this at the year's reference unit; the traditional unit credit method
// takes it at the reference unit of the valuation date.
func InPaymentLimits(r *scheme.Rules, retCap, retFloor, disCap, disFloor, workCap, workFloor float64) [census.NumPensionTypes]PaymentLimits {
	var lim [census.NumPensionTypes]PaymentLimits
	none := PaymentLimits{Cap: math.Inf(1)}
	for i := range lim {
		lim[i] = none
	}
	ret := PaymentLimits{Floor: retFloor, Cap: retCap, Own: true}
	dis := PaymentLimits{Floor: disFloor, Cap: disCap, Own: true}
	work := PaymentLimits{Floor: workFloor, Cap: workCap, Own: true}
	if r.Limits == scheme.LimitsAtAward {
		ret, dis = PaymentLimits{Cap: math.Inf(1), Own: true}, PaymentLimits{Cap: math.Inf(1), Own: true}
		work = dis
	}
	lim[census.PensionOldAge.Index()] = ret
	lim[census.PensionEarly.Index()] = ret
	lim[census.PensionDisability.Index()] = dis
	lim[census.PensionWorkDisability.Index()] = work
	return lim
}

// Finances are the scheme's own finances at the start of a year, as
// automatic balancing ([scheme.Balancing]) reads them.
type Finances struct {
	// ReserveRatio is the reserve on 1 January over the benefits and
	// administration costs of the year before; +Inf when unknown (the first
	// year) or when the year before spent nothing.
	ReserveRatio float64
}

// Balance applies the automatic balancing of yr.Rules for the finances f,
// after [Law.Year]: it cuts yr.Index while the reserve ratio is below the
// indexation threshold, and adds a contribution step to raised (the steps
// of the group so far, by payer) when the ratio is below the contribution
// threshold, then adds raised to yr.ContributionRate (at most 1).
func (yr *Year) Balance(f Finances, raised *[scheme.NumPayers]float64) {
	b := &yr.Rules.Balancing
	if k := b.IndexationBelow; k > 0 && f.ReserveRatio < k && yr.Index > 1 {
		yr.Index = 1 + (1-b.IndexationCut)*(yr.Index-1)
	}
	if k := b.ContributionBelow; k > 0 && f.ReserveRatio < k {
		raised[b.ContributionPayer] += b.ContributionStep
	}
	for pay, r := range raised {
		if r != 0 {
			yr.ContributionRate[pay] = min(yr.ContributionRate[pay]+r, 1)
		}
	}
}

// LifeExpectancy is the period life expectancy at age x in calendar year y
// of a retired life of sex index sx, from the scheme's mortality: ½ plus
// the sum over k ≥ 1 of the probabilities ₖp_x of the rates of year y,
// up to census.MaxCensusAge (where q is 1). A rate that is not a
// probability is taken within [0, 1]; projections refuse it elsewhere.
func (l *Law) LifeExpectancy(sx, x, y int) float64 {
	t := l.Mortality.Table[scheme.StatusRetired][sx]
	lo := t.MinAge()
	e, p := 0.5, 1.0
	for age := x; age < census.MaxCensusAge; age++ {
		q := math.Min(math.Max(t.Q(max(age, lo), y), 0), 1)
		p *= 1 - q
		e += p
	}
	return e
}
