package rules

import (
	"math"

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
	// Exits[g][i] are the exits of s.Groups[g].Rules[i].
	Exits [][]Exits
	// Refunds is whether some rules refund contributions.
	Refunds bool
}

// Compile compiles the law of a valid scheme s for services 0..ms.
func Compile(s *scheme.Scheme, ms int) *Law {
	l := &Law{S: s, MS: ms, NS: ms + 1}
	as := &s.Assumptions
	l.Mortality.resolve(as)
	l.Decrements.compile(as, ms)
	l.Family.compile(&as.Family)
	l.Exits = make([][]Exits, len(s.Groups))
	for g := range s.Groups {
		rs := s.Groups[g].Rules
		l.Exits[g] = make([]Exits, len(rs))
		for i := range rs {
			l.Exits[g][i].compile(&rs[i], as, ms)
			if rs[i].RefundShare > 0 {
				l.Refunds = true
			}
		}
	}
	return l
}

// Year is what the rules of one group give in one calendar year.
type Year struct {
	Rules            *scheme.Rules
	Exits            *Exits                    // the exits of Rules
	ContributionRate [scheme.NumPayers]float64 // by payer, of salary up to the ceiling
	// The ceiling per head and the caps and floors of retirement and
	// disability pensions, money a year at the year's reference unit:
	// +Inf for no ceiling or cap, 0 for no floor.
	Ceiling, RetCap, RetFloor, DisCap, DisFloor float64
	// InPayment[type] are the floor and cap per head applied to the
	// pensions in payment of the year, by [census.PensionType.Index]: the
	// retirement ones for old-age and early pensions, the disability ones
	// for disability pensions, under [scheme.LimitsInPayment]; none
	// (0, +Inf) for survivors' and orphans' pensions, and for all under
	// [scheme.LimitsAtAward]. See [Floor].
	InPayment [census.NumPensionTypes]PaymentLimits
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
}

// Year sets yr to the rules of group g in force in calendar year y when
// the reference unit is worth unit.
func (l *Law) Year(yr *Year, g, y int, unit float64) {
	grp := &l.S.Groups[g]
	as := &l.S.Assumptions
	ri := grp.RulesIndex(y)
	r := &grp.Rules[ri]
	yr.Rules, yr.Exits = r, &l.Exits[g][ri]
	for pay := range scheme.NumPayers {
		yr.ContributionRate[pay] = r.ContributionRate[pay].At(y)
	}
	yr.Ceiling, yr.RetCap, yr.RetFloor, yr.DisCap, yr.DisFloor = Limits(r, unit)
	yr.setInPayment(r)
	yr.Sustain = [actuarial.NumSexes]float64{1, 1}
	if sf := r.Sustainability; sf.Age > 0 {
		for sx := range actuarial.NumSexes {
			yr.Sustain[sx] = l.LifeExpectancy(sx, sf.Age, sf.Base) / l.LifeExpectancy(sx, sf.Age, y)
		}
	}
	yr.Extra, yr.Refund = r.ExtraPayments, r.RefundShare
	yr.Survivor, yr.Orphan = r.SurvivorShare, r.OrphanShare
	yr.DeathBenefit = r.SurvivorShare > 0 || (r.OrphanShare > 0 && l.Family.OrphanEnd > 0)
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

// Limits returns the ceiling and the caps and floors of retirement and
// disability pensions of rules r when the reference unit is worth unit:
// +Inf for no ceiling or cap, 0 for no floor.
func Limits(r *scheme.Rules, unit float64) (ceiling, retCap, retFloor, disCap, disFloor float64) {
	var ok bool
	if ceiling, ok = r.Ceiling.Value(unit); !ok {
		ceiling = math.Inf(1)
	}
	if retCap, ok = r.Retirement.Cap.Value(unit); !ok {
		retCap = math.Inf(1)
	}
	retFloor, _ = r.Retirement.Floor.Value(unit)
	if disCap, ok = r.Disability.Cap.Value(unit); !ok {
		disCap = math.Inf(1)
	}
	disFloor, _ = r.Disability.Floor.Value(unit)
	return ceiling, retCap, retFloor, disCap, disFloor
}

// PaymentLimits are the floor and cap per head of pensions in payment in a
// year, money a year: 0 for no floor, +Inf for no cap.
type PaymentLimits struct{ Floor, Cap float64 }

// Pay returns what n pensions of total amount a (as awarded and indexed)
// pay in the year under limits l, and the part of it that is the
// minimum-pension top-up: what is paid above own, the total of the
// formula's own amounts before any floor (≥ 0). The amounts are first capped at n·Cap, then
// floored at n·Floor (a floor above the cap wins, as on award). For cells
// of several pensions the limits apply to the cell's average pension:
// exact when the pensions of a cell are all above the floor, or all below
// it (and all below the cap or all above it), and otherwise, by Jensen's
// inequality, an understatement of a floor's top-up and of a cap's saving;
// a seriatim projection is exact.
func (l *PaymentLimits) Pay(n, a, own float64) (pay, topUp float64) {
	pay = a
	if c := n * l.Cap; pay > c {
		pay = c
	}
	if f := n * l.Floor; pay < f {
		pay = f
	}
	if pay > own {
		topUp = pay - own
	}
	return pay, topUp
}

// setInPayment sets the limits of pensions in payment under rules r from
// the year's retirement and disability limits.
func (yr *Year) setInPayment(r *scheme.Rules) {
	none := PaymentLimits{Cap: math.Inf(1)}
	for i := range yr.InPayment {
		yr.InPayment[i] = none
	}
	yr.StatePaysMinimum = r.MinimumPaidBy == scheme.MinimumByState
	if r.Limits == scheme.LimitsAtAward {
		return
	}
	ret := PaymentLimits{Floor: yr.RetFloor, Cap: yr.RetCap}
	yr.InPayment[census.PensionOldAge.Index()] = ret
	yr.InPayment[census.PensionEarly.Index()] = ret
	yr.InPayment[census.PensionDisability.Index()] = PaymentLimits{Floor: yr.DisFloor, Cap: yr.DisCap}
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
