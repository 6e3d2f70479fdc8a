// The accrued liability of a closed group, valued record by record or by
// census cells under the projection's rules.

package projection

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/valuation"
)

// ClosedGroupYears is a horizon long enough for every flow of a closed
// group to be paid: a member dies by age MaxCensusAge, within
// MaxCensusAge+1 years, and the survivor's or orphan's pension awarded at
// the latest then ends within MaxCensusAge+1 more. A [Seriatim] over
// ClosedGroupYears years values the group's flows in full.
const ClosedGroupYears = 2 * (census.MaxCensusAge + 1)

// BenefitValues are present values of benefits, at 1 January of a scheme's
// StartYear, by what pays them: money units of the flows (nominal),
// discounted as [FlowValues] are. The zero value is no benefits.
type BenefitValues struct {
	Pensions      [census.NumPensionTypes]float64 // pensions by [census.PensionType.Index], without extra payments
	ExtraPayments float64                         // extra pensions (a thirteenth month, say)
	Refunds       float64                         // contributions refunded on withdrawal
}

// Total is the pensions, the extra payments and the refunds.
func (b *BenefitValues) Total() float64 {
	s := b.ExtraPayments + b.Refunds
	for _, p := range b.Pensions {
		s += p
	}
	return s
}

// Add adds o to b.
func (b *BenefitValues) Add(o *BenefitValues) {
	for t := range b.Pensions {
		b.Pensions[t] += o.Pensions[t]
	}
	b.ExtraPayments += o.ExtraPayments
	b.Refunds += o.Refunds
}

// Liability is the accrued liability of a closed group at 1 January of a
// scheme's StartYear, the valuation date, with the present values it is
// drawn from: what a [Seriatim] computes for a census ([Seriatim.Liability]
// for records, [Seriatim.CellLiability] and [ClosedGroupLiability] for the
// scheme's census cells). Every amount is a present value at the
// valuation date in money units, on the flows and the discount rates of the
// projection (each year's flows paid mid-year, discounted at the scheme's
// returns); the zero value is an empty group.
//
// # Attribution
//
// An active member's benefits are those a projection pays the member and
// the member's survivors: old-age and early pensions on retirement on a
// 1 January, disability pensions, the survivors' and orphans' pensions
// that deaths in service or after retirement leave, the extra payments on
// all of them, and refunds on withdrawal. Each is attributed to service
// pro rata, whatever its formula: the benefit of an exit in year t (on its
// 1 January or during it), with n years of service then, counted in
// completed years on 1 January as the projection counts them, is
// attributed s0/n to the service before the valuation date, s0 being the
// member's service then (n = s0 + t, both at most the cells' MaxService,
// as the projection caps service; an exit with n = 0, in year 0 of a
// member with no service, has nothing attributed to the past). The
// accrued liability of a member is the sum over exits of s0/n times the
// value of the benefit at exit: the unit credit liability of Dickson,
// Hardy & Waters, Actuarial Mathematics for Life Contingent Risks, 2nd
// ed., 2013, chapter 10 (§10.7, funding plans), and of Bowers et al.,
// Actuarial Mathematics, 2nd ed., 1997, chapter 20, with benefits accrued
// in proportion to service, and the attribution of a [valuation.Valuer]. With an
// accrual linear in service (2% of the reference salary a year, say) s0/n
// of a pension on n years is the pension on s0 years, the textbooks'
// accrued benefit. For benefits that are not proportional to service the
// pro rata share is a convention, the straight-line attribution of IAS 19
// (2011) ¶70: a flat disability pension, a pension above the accrual
// table's last rate, a pension at a floor or a cap, and a survivor's
// pension from a death in service each count s0/n of their value; a
// refund of contributions, which grows with service as the contributions
// build up, also counts s0/n (for a level salary, that share of the
// refund is about the contributions paid to date). Exits in year 0 are wholly
// attributed to the past (n = s0), as the methods have it, and so is
// every exit of a member in the last service cell (s0 = n = MaxService),
// whose benefits no longer grow with service.
//
// The two unit credit methods differ in the benefit valued at exit:
//
//   - PUC, the projected unit credit method, IAS 19's: the benefit the
//     projection pays, on the salary projected to the exit by merit and
//     wage growth and on the rules and limits then in force.
//   - TUC, the traditional unit credit method: the same benefit on the
//     salary and reference salary of the valuation date (the reference
//     salary averaging the years to date along the salary scale), with the
//     ceiling, caps and floors in units at the reference unit of that
//     date, under the rules in force at the exit, and under
//     [scheme.LimitsInPayment] the limits of each year of payment at that
//     reference unit too. A refund is of the
//     contributions estimated as the projection estimates them, but on the
//     contribution base B of the valuation date: r̄·B·(T(x, s0) + t), plus
//     ½·r·B for an exit during the year, with r̄ the worker's rate averaged
//     over the n years to the exit, r the year's rate and T(x, s0) the
//     past salaries relative to today's that the projection finds along
//     the salary scale: the contributions to date and those of the t years
//     since on the frozen base, as a [valuation.Valuer]'s TUC has them.
//
// Pensions in payment on the valuation date have no service to come: their
// accrued liability is the present value of all their future payments,
// with extra payments and the survivors' and orphans' pensions that
// follow, under either method.
//
// The valuation is of a closed group over the [Seriatim]'s horizon: pass
// [ClosedGroupYears] for the full liability. The projection of the same
// census by a [Projector] and this liability share every rule and
// assumption, so [Liability.Total] is the accrued liability that
// [indicator.Flows.AccruedLiability] holds, for [indicator.Summarize] to
// compare with the reserve in the funding ratio.
type Liability struct {
	// PUC is the accrued liability of the active members under the
	// projected unit credit method, by benefit.
	PUC BenefitValues
	// TUC is their accrued liability under the traditional unit credit
	// method, by benefit: below PUC when salaries, the reference unit and
	// the limits grow, equal to it when none of them changes.
	TUC BenefitValues
	// NormalCost is the PUC normal cost of year 0 of the active members,
	// valued at the valuation date: the value of the benefits attributed
	// to year 0, min(s0+1, n)/n − s0/n of each (all of it for an exit
	// in year 0 with no service to date), so that, for members active on
	// 1 January of year 1, PUC + NormalCost is the value of the benefits
	// of exits in year 0 plus that of the PUC liability a year on.
	NormalCost float64
	// PVFB is the present value of all the future benefits of the active
	// members, by benefit: the benefits of [Seriatim.Value]'s FlowValues.
	PVFB BenefitValues
	// PVFS is the present value of the active members' future salaries,
	// the salaries of [Seriatim.Value]'s FlowValues.
	PVFS float64
	// Pensioners is the present value of the pensions in payment on the
	// valuation date and of what follows them (extra payments, survivors'
	// and orphans' pensions), by benefit: their accrued liability under
	// either method.
	Pensioners BenefitValues
}

// Total returns the closed group's accrued liability under the projected
// unit credit method: the actives' PUC plus the pensions in payment. It is
// the value [indicator.Flows.AccruedLiability] wants.
func (l *Liability) Total() float64 { return l.PUC.Total() + l.Pensioners.Total() }

// Accrued returns the closed group's accrued liability under method m, PUC
// or TUC: the actives' liability under m plus the pensions in payment. Any
// other method panics: entry age normal needs each member's entry age and
// the rules of the years before the valuation date, which a [scheme.Scheme]
// does not hold.
func (l *Liability) Accrued(m valuation.FundingMethod) float64 {
	switch m {
	case valuation.PUC:
		return l.PUC.Total() + l.Pensioners.Total()
	case valuation.TUC:
		return l.TUC.Total() + l.Pensioners.Total()
	}
	panic(fmt.Sprintf("actuarial: Liability.Accrued: method %v: want PUC or TUC", m))
}

// FutureNormalCosts returns the present value of the active members'
// future PUC normal costs, PVFB − PUC: what service to come adds to the
// accrued liability until every member has left.
func (l *Liability) FutureNormalCosts() float64 { return l.PVFB.Total() - l.PUC.Total() }

// FundingRatio returns reserve / [Liability.Total], the share of the
// closed group's accrued liability (PUC) that a reserve covers, with the
// errors of [indicator.FundingRatio].
func (l *Liability) FundingRatio(reserve float64) (float64, error) {
	return indicator.FundingRatio(reserve, l.Total())
}

// Add adds o to l.
func (l *Liability) Add(o *Liability) {
	l.PUC.Add(&o.PUC)
	l.TUC.Add(&o.TUC)
	l.NormalCost += o.NormalCost
	l.PVFB.Add(&o.PVFB)
	l.PVFS += o.PVFS
	l.Pensioners.Add(&o.Pensioners)
}

// The slots of a liability vector: the present value of future salaries,
// then the benefits (pensions by PensionType.Index, extra payments,
// refunds) valued in full, attributed under PUC and under TUC, then the
// PUC normal cost.
const (
	liaBenefits = census.NumPensionTypes + 2 // benefits: pensions by type, extra payments, refunds
	liaExtra    = census.NumPensionTypes     // the extra payments among the benefits
	liaRefunds  = census.NumPensionTypes + 1 // the refunds among the benefits
	liaPVFS     = serSalary                  // the same slot as a flow vector's salaries
	liaPVFB     = 1
	liaPUC      = liaPVFB + liaBenefits
	liaTUC      = liaPUC + liaBenefits
	liaNC       = liaTUC + liaBenefits
	liaOuts     = liaNC + 1 // the length of a liability vector
)

// liaBenefit returns the benefit of a benefit slot of a flow vector.
func liaBenefit(o uint8) int {
	switch {
	case o >= serPension && o < serExtra:
		return int(o - serPension)
	case o == serExtra:
		return liaExtra
	case o == serRefund:
		return liaRefunds
	}
	panic(fmt.Sprintf("actuarial: internal error: flow slot %d is not a benefit", o))
}

// benefitValues reads the benefits at slot off of a liability vector.
func benefitValues(o *[serVec]float64, off int) BenefitValues {
	var b BenefitValues
	copy(b.Pensions[:], o[off:off+census.NumPensionTypes])
	b.ExtraPayments = o[off+liaExtra]
	b.Refunds = o[off+liaRefunds]
	return b
}

// liability turns the actives' liability vector and the pensions' flow
// vector into a Liability.
func liability(act, pen *[serVec]float64) Liability {
	l := Liability{
		PUC:        benefitValues(act, liaPUC),
		TUC:        benefitValues(act, liaTUC),
		NormalCost: act[liaNC],
		PVFB:       benefitValues(act, liaPVFB),
		PVFS:       act[liaPVFS],
	}
	f := flowValues(pen)
	l.Pensioners = BenefitValues{Pensions: f.Pensions, ExtraPayments: f.ExtraPayments, Refunds: f.Refunds}
	return l
}

// ActiveLiability returns the liability of one active member: PUC, TUC,
// NormalCost, PVFB and PVFS (Pensioners is zero). It returns a
// [*valuation.MemberError] for a record it cannot value, as [Seriatim.Value] does. It
// allocates only the first time a start cell is met.
func (v *Seriatim) ActiveLiability(r ActiveRecord) (Liability, error) {
	v.ready()
	if err := v.check(&r); err != nil {
		return Liability{}, err
	}
	var act, pen [serVec]float64
	v.cell(serLiability, &r).eval(r.Salary, &act)
	return liability(&act, &pen), nil
}

// PensionLiability returns the liability of one pension in payment: the
// present value of its future payments and of what follows them, in
// Pensioners. It returns a [*valuation.MemberError] for a record it cannot value. It
// allocates nothing.
func (v *Seriatim) PensionLiability(r PensionRecord) (Liability, error) {
	v.ready()
	if err := v.checkPension(&r); err != nil {
		return Liability{}, err
	}
	var act, pen [serVec]float64
	v.pension(&r, &pen)
	return liability(&act, &pen), nil
}

// Liability returns the accrued liability of a closed group of active
// members and pensions in payment, valued record by record: the sum of
// [Seriatim.ActiveLiability] and [Seriatim.PensionLiability] over the
// records, up to rounding, with every cap, floor and ceiling applied to
// each member's own salary. It works as [Seriatim.Total] does, in
// parallel, with the same result for any number of workers and nothing
// allocated per record; for a bad record it returns the error of the
// first (actives before pensions, then by index), wrapping a
// [*valuation.MemberError], and a zero Liability.
//
// Its PVFB and PVFS are the benefits and salaries of [Seriatim.Total] for
// the same actives. BenchmarkLiability1M and BenchmarkLiabilityRecords1M
// measure the cost.
func (v *Seriatim) Liability(actives []ActiveRecord, pensions []PensionRecord) (Liability, error) {
	act, pen, err := v.sum(serLiability, actives, pensions)
	if err != nil {
		return Liability{}, err
	}
	return liability(&act, &pen), nil
}

// CellLiability returns the accrued liability of the scheme's own census
// cells (each group's Actives and Pensioners): each active cell is valued
// as Count members earning the cell's average salary Salary/Count, the
// convention of a projection by cells, which applies caps, floors and
// ceilings to that average; each pension cell as one pension of the
// cell's total amount (Count pensions of the average amount where a limit
// in payment binds on it). Cells with a Count of 0 are left out, as a
// [Projector] leaves them out. Without limits, or where no limit binds
// differently for the members of a cell than for their average, it equals
// [Seriatim.Liability] of the records the cells group.
// The error, wrapping [actuarial.ErrNotFinite], reports a liability that is not
// finite, which cells that pass [scheme.Scheme.Validate] do not give.
func (v *Seriatim) CellLiability() (Liability, error) {
	v.ready()
	type part struct{ act, pen [serVec]float64 }
	nb := (v.nA + serCellBlock*serAges - 1) / (serCellBlock * serAges)
	parts := make([]part, v.nG*nb)
	v.parallel(len(parts), func(_, k int) {
		g, b := k/nb, k%nb
		grp := &v.s.Groups[g]
		pt := &parts[k]
		if a := grp.Actives; a != nil {
			for i := b * serCellBlock * serAges; i < min((b+1)*serCellBlock*serAges, v.nA); i++ {
				n := a.Count[i]
				if n <= 0 {
					continue
				}
				var out [serVec]float64
				v.cellAt(serLiability, g*v.nA+i).eval(a.Salary[i]/n, &out)
				for j := range out {
					pt.act[j] += n * out[j]
				}
			}
		}
		if pc := grp.Pensioners; pc != nil && b == 0 {
			for i, n := range pc.Count {
				if n <= 0 {
					continue
				}
				age := i % serAges
				sx := (i / serAges) % actuarial.NumSexes
				ti := i / (serAges * actuarial.NumSexes)
				v.pensionCell(g, ti, sx, age, n, pc.Pension[i], &pt.pen)
			}
		}
	})
	var act, pen [serVec]float64
	for k := range parts {
		for j := range act {
			act[j] += parts[k].act[j]
			pen[j] += parts[k].pen[j]
		}
	}
	l := liability(&act, &pen)
	if !l.finite() {
		return Liability{}, fmt.Errorf("actuarial: closed-group liability is not finite: %w", actuarial.ErrNotFinite)
	}
	return l, nil
}

// finite reports whether every value is finite.
func (l *Liability) finite() bool {
	s := l.Total() + l.TUC.Total() + l.NormalCost + l.PVFB.Total() + l.PVFS
	return !math.IsNaN(s) && !math.IsInf(s, 0)
}

// ClosedGroupLiability returns the accrued liability of the census cells
// of scheme s (see [Seriatim.CellLiability]) valued over years years from
// its StartYear; years 0 means [ClosedGroupYears], until the closed group
// and its survivors have died out. The error is that of [NewSeriatim]. A
// negative years panics.
//
// For the funding ratio of a projection of s, set its Total in the flows:
//
//	l, err := projection.ClosedGroupLiability(s, 0)
//	...
//	f := res.Flows(nil)
//	f.AccruedLiability = l.Total()
//	sum, err := indicator.Summarize(nil, f, indicator.Horizon{})
func ClosedGroupLiability(s *scheme.Scheme, years int) (Liability, error) {
	if years < 0 {
		panic(fmt.Sprintf("actuarial: ClosedGroupLiability: negative number of years %d", years))
	}
	if years == 0 {
		years = ClosedGroupYears
	}
	v, err := NewSeriatim(s, years)
	if err != nil {
		return Liability{}, err
	}
	return v.CellLiability()
}
