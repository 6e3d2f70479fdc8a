// The tables a seriatim valuation shares between records: mortality and
// rules by year, and the annuity factors of pensions in payment.

package projection

import (
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
)

// serYear is what the rules of one group give in one year.
type serYear struct {
	rules.Year
	w       float64   // wage growth into the year, for reference salaries
	avgRate []float64 // by service s, the worker's average rate over the last s years; nil without refunds
	// The reference ratios of retirement (by sex) and disability pensions
	// by age·ns + service (see [rules.FillRatios]), at the year's wage
	// growth and, for the traditional unit credit method, at that of
	// t = 0; nil when the reference salary is the last salary.
	retRatio, retRatio0 [actuarial.NumSexes][]float64
	disRatio, disRatio0 []float64
	// Those of the pensions of a disability at work and of the base
	// pensions of a death at work.
	wkDisRatio, wkDisRatio0, wkDeathRatio, wkDeathRatio0 []float64

	// The ceiling and the limits at the reference unit of t = 0, for the
	// frozen salaries of the traditional unit credit method, and the
	// limits in payment at that unit.
	ceiling0                               float64
	retCap0, retFloor0, disCap0, disFloor0 [actuarial.NumSexes]float64
	inPayment0                             [actuarial.NumSexes][census.NumPensionTypes]rules.PaymentLimits
	// Those of the work risks, at that unit.
	wkDisCap0, wkDisFloor0, wkDeathCap0, wkDeathFloor0 float64
}

// serRange is a range of amounts, lo to hi.
type serRange struct{ lo, hi float64 }

// unboundIndex is the index in unbound[g] of the amounts of pensions of
// type ti and sex index sx on 1 January of year u on which no limit in
// payment binds, at the year's reference unit or, with tuc, at that of
// t = 0.
func unboundIndex(u, ti, sx int, tuc bool) int {
	i := ((u*census.NumPensionTypes+ti)*actuarial.NumSexes + sx) << 1
	if tuc {
		i++
	}
	return i
}

// unboundRanges sets unbound[g]: for each year u ≤ years and pension
// type, the amounts b of a pension in payment on 1 January of u such that
// no limit in payment ([rules.PaymentLimits]) binds in year u or after on
// b indexed, b·I(u, k) for year k: from the floors of the years, each
// divided by the indexation since u, to the caps likewise. Where a limit
// never binds (LimitsAtAward, survivors' pensions) the range is 0 to +Inf.
func (v *Seriatim) unboundRanges(g int) {
	n := v.years
	un := vec.Grow(v.unbound[g], (n+1)*census.NumPensionTypes*actuarial.NumSexes*2)
	for ti := range census.NumPensionTypes {
		for sx := range actuarial.NumSexes {
			for _, tuc := range [2]bool{false, true} {
				r := serRange{0, math.Inf(1)}
				un[unboundIndex(n, ti, sx, tuc)] = r
				for u := n - 1; u >= 0; u-- {
					yr := &v.yr[g*n+u]
					lim := &yr.InPayment[sx][ti]
					if tuc {
						lim = &yr.inPayment0[sx][ti]
					}
					r = serRange{max(lim.Floor, r.lo/yr.Index), min(lim.Cap, r.hi/yr.Index)}
					un[unboundIndex(u, ti, sx, tuc)] = r
				}
			}
		}
	}
	v.unbound[g] = un
}

// payDelta returns the change that the limits in payment make to the
// flows of a pension of type ti in group g worth b (as awarded and
// indexed) on 1 January of year u0, of a life of sex index sx aged x
// then, per unit of probability: each year it is paid it pays
// [rules.PaymentLimits.Pay] of b indexed instead of b indexed, with the
// extra payments on the difference and the survivors' and orphans'
// pensions that a death leaves in proportion to the pension paid, as
// [Seriatim.annuities] values them: the changes to the own pension, the
// extra payments, the survivors' and the orphans' pensions, in the
// components of a serAnn; and the change to the minimum-pension top-up,
// what the pension pays above own, the formula's own amount (capped but
// not floored) as indexed, [rules.PaymentLimits.Pay]'s instead of b − own.
// With tuc the limits are those at the reference unit of t = 0.
func (v *Seriatim) payDelta(g, ti, sx, x, u0 int, b, own float64, tuc bool) (d serAnn, topUp float64) {
	n := v.years
	st := rules.StatusOf(census.PensionTypeAt(ti))
	alive := 1.0 // the probability of being alive on 1 January of u
	for u, age := u0, x; u < n; u, age = u+1, age+1 {
		yr := &v.yr[g*n+u]
		lim := &yr.InPayment[sx][ti]
		if tuc {
			lim = &yr.inPayment0[sx][ti]
		}
		q := v.qAt(u, st, sx, age)
		if pay, top := lim.Pay(1, b, own); pay != b {
			k := alive * (pay - b)
			w := v.disc[u] * (1 - 0.5*q)
			topUp += alive * w * (top - (b - own))
			paid := k * w
			d[annOwn] += paid
			d[annExtra] += yr.Extra * paid
			if yr.DeathBenefit && q > 0 {
				dv := &v.death[g][(u*actuarial.NumSexes+sx)*serAges+age]
				d[annSurv] += k * q * dv[deathSurv]
				d[annOrph] += k * q * dv[deathOrph]
				d[annExtra] += k * q * dv[deathExtra]
			}
		}
		if age == census.MaxCensusAge || q >= 1 {
			break
		}
		alive *= 1 - q
		b *= yr.Index
		own *= yr.Index
	}
	return d, topUp
}

// serRatioKey names a table of reference ratios.
type serRatioKey struct {
	years int
	w     float64
}

// serTables holds the tables of reference ratios and past salaries of a
// valuation, shared by the years that have the same, and the storage of
// those of the valuation before, for reuse.
type serTables struct {
	ratios map[serRatioKey][]float64
	pastW  []float64   // the wage growth of each table of past salaries
	past   [][]float64 // the tables of past salaries, as pastW
	free   [][]float64 // storage no longer in use
}

// reset puts every table in free.
func (tb *serTables) reset() {
	for k, t := range tb.ratios {
		tb.free = append(tb.free, t)
		delete(tb.ratios, k)
	}
	tb.free = append(tb.free, tb.past...)
	tb.past, tb.pastW = tb.past[:0], tb.pastW[:0]
	if tb.ratios == nil {
		tb.ratios = make(map[serRatioKey][]float64)
	}
}

// alloc returns a table of n numbers, from free when one is long enough.
// Its contents are unspecified.
func (tb *serTables) alloc(n int) []float64 {
	for i := len(tb.free) - 1; i >= 0; i-- {
		if t := tb.free[i]; cap(t) >= n {
			tb.free[i] = tb.free[len(tb.free)-1]
			tb.free = tb.free[:len(tb.free)-1]
			return t[:n]
		}
	}
	return make([]float64, n)
}

// ratios returns the table of reference ratios for an average over years
// years at wage growth w, from tables or filled into it; nil for years ≤ 1.
func (v *Seriatim) ratios(years int, w float64) []float64 {
	if years <= 1 {
		return nil
	}
	k := serRatioKey{years, w}
	tb, ok := v.tables.ratios[k]
	if !ok {
		tb = v.tables.alloc(serAges * v.ns)
		rules.FillRatios(tb, &v.s.Assumptions.Salary, v.ms, 0, years, w)
		v.tables.ratios[k] = tb
	}
	return tb
}

// scaled is f times tb[c], or f when tb is nil (a ratio of 1).
func scaled(f float64, tb []float64, c int) float64 {
	if tb == nil {
		return f
	}
	return f * tb[c]
}

// serAnn is the value of a pension of 1 a year in payment, by what it pays:
// its own pension, extra payments, the survivor's pension and orphans'
// pensions it leaves on death.
type serAnn [4]float64

// serDeath is the value of the pensions a death leaves per unit of the
// deceased's pension: survivors', orphans', and the extra payments on them.
type serDeath [3]float64

// Components of serAnn and serDeath.
const (
	annOwn, annExtra, annSurv, annOrph = 0, 1, 2, 3
	deathSurv, deathOrph, deathExtra   = 0, 1, 2
)

// fillMortality reads q by year, status, sex and age, resolving the
// fallbacks of Assumptions.Mortality as a projection does.
func (v *Seriatim) fillMortality() error {
	m := &v.law.Mortality
	const row = scheme.NumLifeStatuses * actuarial.NumSexes * serAges
	v.q = vec.Grow(v.q, v.years*row)
	for t := range v.years {
		for st := range scheme.NumLifeStatuses {
			for sx := range actuarial.NumSexes {
				off := ((t*scheme.NumLifeStatuses+st)*actuarial.NumSexes + sx) * serAges
				q := v.q[off : off+serAges]
				if t > 0 && m.Static[st][sx] {
					copy(q, v.q[off-row:off-row+serAges])
					continue
				}
				if err := m.Fill(q, scheme.LifeStatus(st), sx, v.s.StartYear+t); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// qAt returns q of status st, sex index sx and age in year t.
func (v *Seriatim) qAt(t int, st scheme.LifeStatus, sx, age int) float64 {
	return v.q[((t*scheme.NumLifeStatuses+int(st))*actuarial.NumSexes+sx)*serAges+age]
}

// pastSalaries sets past (see [rules.PastSalaries]), one table for each
// distinct wage growth.
func (v *Seriatim) pastSalaries() {
	v.past = vec.Grow(v.past, v.years)
	tb := &v.tables
	for t := range v.years {
		w := v.wage[t]
		found := -1
		for i, x := range tb.pastW {
			if x == w {
				found = i
			}
		}
		if found < 0 {
			p := tb.alloc(serAges * v.ns)
			rules.PastSalaries(p, v.law.Decrements.Merit, v.ms, w)
			tb.pastW, tb.past = append(tb.pastW, w), append(tb.past, p)
			found = len(tb.past) - 1
		}
		v.past[t] = tb.past[found]
	}
}

// groupYears sets what group g's rules give in each year.
func (v *Seriatim) groupYears(g int, unit []float64) {
	var hist []float64 // worker's rates of the years before, the latest first
	if v.law.Refunds {
		hist = make([]float64, v.ms)
		rules.WorkerHistory(hist, &v.s.Groups[g], v.s.StartYear)
	}
	for t := range v.years {
		yr := &v.yr[g*v.years+t]
		*yr = serYear{avgRate: yr.avgRate[:0]}
		v.law.Year(&yr.Year, g, v.s.StartYear+t, unit[t])
		yr.w = v.wage[t]
		yr.wkDisCap0, yr.wkDisFloor0, yr.wkDeathCap0, yr.wkDeathFloor0 = rules.WorkLimits(yr.Rules, unit[0])
		for sx := range actuarial.NumSexes {
			yr.ceiling0, yr.retCap0[sx], yr.retFloor0[sx], yr.disCap0[sx], yr.disFloor0[sx] = rules.Limits(yr.Rules, sx, unit[0])
			yr.inPayment0[sx] = rules.InPaymentLimits(yr.Rules, yr.retCap0[sx], yr.retFloor0[sx], yr.disCap0[sx], yr.disFloor0[sx], yr.wkDisCap0, yr.wkDisFloor0)
		}
		ex := yr.Exits
		for sx := range actuarial.NumSexes {
			yr.retRatio[sx], yr.retRatio0[sx] = v.ratios(ex.RetYears[sx], yr.w), v.ratios(ex.RetYears[sx], v.wage[0])
		}
		yr.disRatio, yr.disRatio0 = v.ratios(ex.DisYears, yr.w), v.ratios(ex.DisYears, v.wage[0])
		if v.work {
			yr.wkDisRatio, yr.wkDisRatio0 = v.ratios(ex.WorkDisYears, yr.w), v.ratios(ex.WorkDisYears, v.wage[0])
			yr.wkDeathRatio, yr.wkDeathRatio0 = v.ratios(ex.WorkDeathYears, yr.w), v.ratios(ex.WorkDeathYears, v.wage[0])
		}
		if v.law.Refunds {
			yr.avgRate = vec.Grow(yr.avgRate, v.ns)
			rules.AverageRates(yr.avgRate, hist)
			rules.PushRate(hist, yr.ContributionRate[scheme.Worker])
		}
	}
}

// steppedSurvivors returns, by sex index·serAges + age, the value at t+1
// of a survivor's pension of 1 a year awarded on 1 January of year t+1
// under the rules of year t, whose share changes with the years since the
// award ([rules.Year.SurvivorFactor]): the survivors' annuity ann of the
// years from t+1+SurvivorSpan on, times the last factor, and before that
// each year's payment times its factor. w holds two buffers, reused.
func (v *Seriatim) steppedSurvivors(g, t int, ann []serAnn, w *[2][]serAnn) []serAnn {
	n := v.years
	yr := &v.yr[g*n+t]
	span := yr.SurvivorSpan
	for k := range w {
		if w[k] == nil {
			w[k] = make([]serAnn, actuarial.NumSexes*serAges)
		}
	}
	ti := census.PensionSurvivor.Index()
	next, cur := w[0], w[1]
	// next: the value in year s = t+1+span, from which the last factor holds.
	s := t + 1 + span
	f := yr.SurvivorFactor(span)
	for sx := range actuarial.NumSexes {
		for age := range serAges {
			var a serAnn
			if s < n {
				nx := &ann[annIndex(s, ti, sx, age)]
				a[annOwn], a[annExtra] = f*nx[annOwn], f*nx[annExtra]
			}
			next[sx*serAges+age] = a
		}
	}
	for d := span - 1; d >= 0; d-- {
		s := t + 1 + d
		f := yr.SurvivorFactor(d)
		for sx := range actuarial.NumSexes {
			for age := range serAges {
				var a serAnn
				if s < n {
					ys := &v.yr[g*n+s]
					rem := v.law.Family.RemarryOf(&ys.Year, sx)
					q := v.qAt(s, scheme.StatusSurvivor, sx, age)
					pay := v.disc[s] * (1 - 0.5*q)
					a[annOwn], a[annExtra] = f*pay, f*ys.Extra*pay
					if age < census.MaxCensusAge && q < 1 {
						nx := &next[sx*serAges+age+1]
						k := (1 - q) * ys.Index
						if rem != nil {
							k = (1 - q) * (1 - rem[age]) * ys.Index
						}
						a[annOwn] += k * nx[annOwn]
						a[annExtra] += k * nx[annExtra]
					}
				}
				cur[sx*serAges+age] = a
			}
		}
		next, cur = cur, next
	}
	return next
}

// annIndex is the index of a pension in ann[g].
func annIndex(t, ti, sx, age int) int {
	return ((t*census.NumPensionTypes+ti)*actuarial.NumSexes+sx)*serAges + age
}

// annuities computes ann[g] and death[g] backwards from year years, where
// every value is 0.
func (v *Seriatim) annuities(g int) {
	n := v.years
	ann := vec.Grow(v.ann[g], (n+1)*census.NumPensionTypes*actuarial.NumSexes*serAges)
	death := vec.Grow(v.death[g], n*actuarial.NumSexes*serAges)
	clear(ann[n*census.NumPensionTypes*actuarial.NumSexes*serAges:]) // year n
	clear(death)
	fam := &v.law.Family
	var w [2][]serAnn     // the buffers of steppedSurvivors
	var wdeath []serDeath // what a death at work leaves; nil: nothing in any year
	for t := n - 1; t >= 0; t-- {
		yr := &v.yr[g*n+t]
		d, x, ix := v.disc[t], yr.Extra, yr.Index
		orphanEnd := serAges // orphans' pensions in payment stop at this age
		if yr.OrphanEnd > 0 {
			orphanEnd = yr.OrphanEnd
		}
		// Survivors' and orphans' pensions: paid, and indexed for the
		// survivors; they leave nothing on death.
		for _, typ := range [...]census.PensionType{census.PensionSurvivor, census.PensionOrphan, census.PensionWorkSurvivor} {
			ti := typ.Index()
			stop := serAges
			if typ == census.PensionOrphan {
				stop = orphanEnd
			}
			for sx := range actuarial.NumSexes {
				var rem []float64 // remarriage by age; nil: none
				if typ != census.PensionOrphan {
					rem = fam.RemarryOf(&yr.Year, sx)
				}
				for age := range serAges {
					q := v.qAt(t, scheme.StatusSurvivor, sx, age)
					pay := d * (1 - 0.5*q)
					a := serAnn{annOwn: pay, annExtra: x * pay}
					if age < census.MaxCensusAge && age+1 < stop && q < 1 {
						nx := &ann[annIndex(t+1, ti, sx, age+1)]
						k := (1 - q) * ix
						if rem != nil {
							k = (1 - q) * (1 - rem[age]) * ix
						}
						a[annOwn] += k * nx[annOwn]
						a[annExtra] += k * nx[annExtra]
					}
					ann[annIndex(t, ti, sx, age)] = a
				}
			}
		}
		// What a death leaves, per unit of the deceased's pension.
		var stepped []serAnn // survivors' pensions awarded on t+1 whose share changes; nil: none
		if yr.DeathBenefit && yr.SurvivorSpan > 0 {
			stepped = v.steppedSurvivors(g, t, ann, &w)
		}
		// What a death at work leaves, per unit of its base pension: the
		// widow(er)'s pension of its own type, at a share that does not
		// step, and orphans' pensions. Both kinds are valued by one loop.
		if v.work && yr.WorkDeathBenefit && wdeath == nil {
			wdeath = make([]serDeath, n*actuarial.NumSexes*serAges)
		}
		for _, work := range [...]bool{false, true} {
			if !work && !yr.DeathBenefit || work && !(v.work && yr.WorkDeathBenefit) {
				continue
			}
			dst, surv, steps := death, census.PensionSurvivor.Index(), stepped
			if work {
				dst, surv, steps = wdeath, census.PensionWorkSurvivor.Index(), nil
			}
			spouseEach, orphanEach := yr.DeathShares(work)
			for sx := range actuarial.NumSexes {
				for age := range serAges {
					var dv serDeath
					if mar, amt, ssx, sage := fam.SpouseOf(spouseEach, sx, age); mar > 0 {
						half := 0.5 * amt * d
						nx := &ann[annIndex(t+1, surv, ssx, sage)]
						if steps != nil {
							nx = &steps[ssx*serAges+sage]
						}
						dv[deathSurv] += half + amt*ix*nx[annOwn]
						dv[deathExtra] += x*half + amt*ix*nx[annExtra]
					}
					if orph, amt, oage, next := fam.OrphansOf(&yr.Year, orphanEach, sx, age); orph > 0 {
						half := 0.5 * amt * d
						dv[deathOrph] += half
						dv[deathExtra] += x * half
						if next {
							for osx := range actuarial.NumSexes { // half boys, half girls
								nx := &ann[annIndex(t+1, census.PensionOrphan.Index(), osx, oage+1)]
								dv[deathOrph] += amt / 2 * ix * nx[annOwn]
								dv[deathExtra] += amt / 2 * ix * nx[annExtra]
							}
						}
					}
					dst[(t*actuarial.NumSexes+sx)*serAges+age] = dv
				}
			}
		}
		// Retirement and disability pensions: paid, indexed, and leaving
		// survivors' and orphans' pensions.
		for _, typ := range [...]census.PensionType{census.PensionOldAge, census.PensionEarly, census.PensionDisability, census.PensionWorkDisability} {
			ti := typ.Index()
			st := rules.StatusOf(typ)
			for sx := range actuarial.NumSexes {
				for age := range serAges {
					q := v.qAt(t, st, sx, age)
					pay := d * (1 - 0.5*q)
					a := serAnn{annOwn: pay, annExtra: x * pay}
					if yr.DeathBenefit && q > 0 {
						dv := &death[(t*actuarial.NumSexes+sx)*serAges+age]
						a[annSurv] += q * dv[deathSurv]
						a[annOrph] += q * dv[deathOrph]
						a[annExtra] += q * dv[deathExtra]
					}
					if age < census.MaxCensusAge && q < 1 {
						nx := &ann[annIndex(t+1, ti, sx, age+1)]
						k := (1 - q) * ix
						for c := range a {
							a[c] += k * nx[c]
						}
					}
					ann[annIndex(t, ti, sx, age)] = a
				}
			}
		}
	}
	v.ann[g], v.death[g] = ann, death
	if v.work {
		v.workDeath[g] = wdeath
	}
}
