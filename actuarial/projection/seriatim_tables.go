// The tables a seriatim valuation shares between records: mortality and
// rules by year, and the annuity factors of pensions in payment.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
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
	// frozen salaries of the traditional unit credit method.
	ceiling0, retCap0, retFloor0, disCap0, disFloor0   float64
	wkDisCap0, wkDisFloor0, wkDeathCap0, wkDeathFloor0 float64
}

// serRatioKey names a table of reference ratios.
type serRatioKey struct {
	years int
	w     float64
}

// ratios returns the table of reference ratios for an average over years
// years at wage growth w, from tables or filled into it; nil for years ≤ 1.
func (v *Seriatim) ratios(tables map[serRatioKey][]float64, years int, w float64) []float64 {
	if years <= 1 {
		return nil
	}
	k := serRatioKey{years, w}
	tb, ok := tables[k]
	if !ok {
		tb = make([]float64, serAges*v.ns)
		rules.FillRatios(tb, &v.s.Assumptions.Salary, v.ms, 0, years, w)
		tables[k] = tb
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
	v.q = make([]float64, v.years*row)
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
	v.past = make([][]float64, v.years)
	var ws []float64
	var tables [][]float64
	for t := range v.years {
		w := v.wage[t]
		found := -1
		for i, x := range ws {
			if x == w {
				found = i
			}
		}
		if found < 0 {
			tb := make([]float64, serAges*v.ns)
			rules.PastSalaries(tb, v.law.Decrements.Merit, v.ms, w)
			ws, tables = append(ws, w), append(tables, tb)
			found = len(tables) - 1
		}
		v.past[t] = tables[found]
	}
}

// groupYears sets what group g's rules give in each year, taking the
// tables of reference ratios from ratios.
func (v *Seriatim) groupYears(g int, unit []float64, ratios map[serRatioKey][]float64) {
	var hist []float64 // worker's rates of the years before, the latest first
	if v.law.Refunds {
		hist = make([]float64, v.ms)
		rules.WorkerHistory(hist, &v.s.Groups[g], v.s.StartYear)
	}
	for t := range v.years {
		yr := &v.yr[g*v.years+t]
		v.law.Year(&yr.Year, g, v.s.StartYear+t, unit[t])
		yr.w = v.wage[t]
		yr.ceiling0, yr.retCap0, yr.retFloor0, yr.disCap0, yr.disFloor0 = rules.Limits(yr.Rules, unit[0])
		ex := yr.Exits
		for sx := range actuarial.NumSexes {
			yr.retRatio[sx], yr.retRatio0[sx] = v.ratios(ratios, ex.RetYears[sx], yr.w), v.ratios(ratios, ex.RetYears[sx], v.wage[0])
		}
		yr.disRatio, yr.disRatio0 = v.ratios(ratios, ex.DisYears, yr.w), v.ratios(ratios, ex.DisYears, v.wage[0])
		if v.work {
			yr.wkDisCap0, yr.wkDisFloor0, yr.wkDeathCap0, yr.wkDeathFloor0 = rules.WorkLimits(yr.Rules, unit[0])
			yr.wkDisRatio, yr.wkDisRatio0 = v.ratios(ratios, ex.WorkDisYears, yr.w), v.ratios(ratios, ex.WorkDisYears, v.wage[0])
			yr.wkDeathRatio, yr.wkDeathRatio0 = v.ratios(ratios, ex.WorkDeathYears, yr.w), v.ratios(ratios, ex.WorkDeathYears, v.wage[0])
		}
		if v.law.Refunds {
			yr.avgRate = make([]float64, v.ns)
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
	ann := make([]serAnn, (n+1)*census.NumPensionTypes*actuarial.NumSexes*serAges)
	death := make([]serDeath, n*actuarial.NumSexes*serAges)
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
		if yr.DeathBenefit {
			for sx := range actuarial.NumSexes {
				for age := range serAges {
					var dv serDeath
					if mar, amt, ssx, sage := fam.SpouseOf(&yr.Year, sx, age); mar > 0 {
						half := 0.5 * amt * d
						nx := &ann[annIndex(t+1, census.PensionSurvivor.Index(), ssx, sage)]
						if stepped != nil {
							nx = &stepped[ssx*serAges+sage]
						}
						dv[deathSurv] += half + amt*ix*nx[annOwn]
						dv[deathExtra] += x*half + amt*ix*nx[annExtra]
					}
					if orph, amt, oage, next := fam.OrphansOf(&yr.Year, sx, age); orph > 0 {
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
					death[(t*actuarial.NumSexes+sx)*serAges+age] = dv
				}
			}
		}
		// What a death at work leaves, per unit of its base pension: the
		// widow(er)'s pension of its own type, at a share that does not
		// step, and orphans' pensions.
		if v.work && yr.WorkDeathBenefit {
			if wdeath == nil {
				wdeath = make([]serDeath, n*actuarial.NumSexes*serAges)
			}
			for sx := range actuarial.NumSexes {
				for age := range serAges {
					var dv serDeath
					if mar, amt, ssx, sage := fam.WorkSpouseOf(&yr.Year, sx, age); mar > 0 {
						half := 0.5 * amt * d
						nx := &ann[annIndex(t+1, census.PensionWorkSurvivor.Index(), ssx, sage)]
						dv[deathSurv] += half + amt*ix*nx[annOwn]
						dv[deathExtra] += x*half + amt*ix*nx[annExtra]
					}
					if orph, amt, oage, next := fam.WorkOrphansOf(&yr.Year, sx, age); orph > 0 {
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
					wdeath[(t*actuarial.NumSexes+sx)*serAges+age] = dv
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
