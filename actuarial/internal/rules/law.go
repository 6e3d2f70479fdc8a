package rules

import (
	"math"
	"reflect"
	"slices"

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
	return Recompile(s, ms, nil)
}

// Recompile is [Compile] sharing with prev (nil: none), the law of another
// scheme, the tables whose inputs are the same: the decrements when the
// service tables are the same (by pointer) and the salary scales equal, and
// the exits of every rules whose eligibility, pension formulas and
// compulsory ages are equal under equal retirement rates. A Law is only
// read once compiled, so laws sharing tables may be used concurrently. A
// sweep of reforms recompiles little more than what a reform changes.
func Recompile(s *scheme.Scheme, ms int, prev *Law) *Law {
	l := &Law{S: s, MS: ms, NS: ms + 1}
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
	l.Family.compile(&as.Family)
	sameRates := prev != nil && reflect.DeepEqual(as.Retirement, prev.S.Assumptions.Retirement)
	l.Exits = make([][]Exits, len(s.Groups))
	for g := range s.Groups {
		rs := s.Groups[g].Rules
		l.Exits[g] = make([]Exits, len(rs))
		for i := range rs {
			if e := prev.exitsOf(&rs[i], sameRates); e != nil {
				l.Exits[g][i] = *e
			} else {
				l.Exits[g][i].compile(&rs[i], as, ms)
			}
			if rs[i].RefundShare > 0 {
				l.Refunds = true
			}
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

// exitsOf returns the exits of l's rules that compile alike with r, nil
// when none does or when the retirement rates differ (sameRates false).
func (l *Law) exitsOf(r *scheme.Rules, sameRates bool) *Exits {
	if l == nil || !sameRates {
		return nil
	}
	for g := range l.S.Groups {
		rs := l.S.Groups[g].Rules
		for i := range rs {
			if sameExits(&rs[i], r) {
				return &l.Exits[g][i]
			}
		}
	}
	return nil
}

// sameExits reports whether rules a and b give the same [Exits]: what
// [Exits.compile] reads of them is equal.
func sameExits(a, b *scheme.Rules) bool {
	return a.CompulsoryAge == b.CompulsoryAge && reflect.DeepEqual(a.Eligibility, b.Eligibility) &&
		reflect.DeepEqual(a.Retirement, b.Retirement) && reflect.DeepEqual(a.Disability, b.Disability)
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
