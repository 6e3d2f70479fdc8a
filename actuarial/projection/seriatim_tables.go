// The tables a seriatim valuation shares between records: mortality and
// rules by year, and the annuity factors of pensions in payment.

package projection

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// serYear is what the rules of one group give in one year.
type serYear struct {
	r                  *scheme.Rules
	w                  float64 // wage growth into the year, for reference salaries
	contrib            [scheme.NumPayers]float64
	ceiling            float64 // +Inf: no ceiling
	retCap, retFloor   float64 // +Inf, 0: none
	disCap, disFloor   float64 // +Inf, 0: none
	extra              float64 // ExtraPayments
	index              float64 // indexation factor at the next 1 January
	refund             float64 // RefundShare
	avgRate            []float64
	deathBenefit       bool // deaths leave survivors' or orphans' pensions
	survivor, orphanSh float64

	// The ceiling and the limits at the reference unit of t = 0, for the
	// frozen salaries of the traditional unit credit method.
	ceiling0, retCap0, retFloor0, disCap0, disFloor0 float64
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
	as := &v.s.Assumptions
	var mort [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable
	var static [scheme.NumLifeStatuses][actuarial.NumSexes]bool
	fallback := [scheme.NumLifeStatuses]scheme.LifeStatus{scheme.StatusActive, scheme.StatusActive, scheme.StatusRetired, scheme.StatusRetired}
	for st := range scheme.NumLifeStatuses {
		for sx := range actuarial.NumSexes {
			m := as.Mortality[st][sx]
			if m == nil {
				m = mort[fallback[st]][sx]
			}
			mort[st][sx] = m
			switch m.(type) {
			case scheme.PeriodTable, *scheme.PeriodTable:
				static[st][sx] = true
			}
		}
	}
	const row = scheme.NumLifeStatuses * actuarial.NumSexes * serAges
	v.q = make([]float64, v.years*row)
	for t := range v.years {
		y := v.s.StartYear + t
		for st := range scheme.NumLifeStatuses {
			for sx := range actuarial.NumSexes {
				off := ((t*scheme.NumLifeStatuses+st)*actuarial.NumSexes + sx) * serAges
				q := v.q[off : off+serAges]
				if t > 0 && static[st][sx] {
					copy(q, v.q[off-row:off-row+serAges])
					continue
				}
				m := mort[st][sx]
				lo := m.MinAge()
				for age := range census.MaxCensusAge {
					r := m.Q(max(age, lo), y)
					if !(r >= 0 && r <= 1) {
						err := actuarial.ErrRate
						if math.IsNaN(r) {
							err = actuarial.ErrNotFinite
						}
						return &actuarial.RateError{Field: fmt.Sprintf("mortality of %v %v in %d", scheme.LifeStatus(st), actuarial.SexAt(sx), y),
							Age: age, Service: -1, Value: r, Err: err}
					}
					q[age] = r
				}
				q[census.MaxCensusAge] = 1
			}
		}
	}
	return nil
}

// qAt returns q of status st, sex index sx and age in year t.
func (v *Seriatim) qAt(t int, st scheme.LifeStatus, sx, age int) float64 {
	return v.q[((t*scheme.NumLifeStatuses+int(st))*actuarial.NumSexes+sx)*serAges+age]
}

// pastSalaries sets past: T(a, 0) = 0 and T(a, s) = (1 + T(a−1, s−1)) /
// (merit(a−1, s−1)·(1+w)), one table for each distinct wage growth.
func (v *Seriatim) pastSalaries() {
	v.past = make([][]float64, v.years)
	sc := &v.s.Assumptions.Salary
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
			for age := 1; age < serAges; age++ {
				for sv := 1; sv <= v.ms; sv++ {
					tb[age*v.ns+sv] = (1 + tb[(age-1)*v.ns+sv-1]) / (sc.Merit(age-1, sv-1) * (1 + w))
				}
			}
			ws, tables = append(ws, w), append(tables, tb)
			found = len(tables) - 1
		}
		v.past[t] = tables[found]
	}
}

// groupYears sets what group g's rules give in each year.
func (v *Seriatim) groupYears(g int, unit []float64, refunds bool) {
	grp := &v.s.Groups[g]
	as := &v.s.Assumptions
	workerRate := func(y int) float64 {
		return grp.Rules[max(grp.RulesIndex(y), 0)].ContributionRate[scheme.Worker].At(y)
	}
	var hist []float64 // worker's rates of the years before, the latest first
	if refunds {
		hist = make([]float64, v.ms)
		for k := range hist {
			hist[k] = workerRate(v.s.StartYear - 1 - k)
		}
	}
	for t := range v.years {
		y := v.s.StartYear + t
		r := &grp.Rules[grp.RulesIndex(y)]
		yr := &v.yr[g*v.years+t]
		yr.r = r
		yr.w = v.wage[t]
		for pay := range scheme.NumPayers {
			yr.contrib[pay] = r.ContributionRate[pay].At(y)
		}
		yr.ceiling, yr.retCap, yr.retFloor, yr.disCap, yr.disFloor = serLimits(r, unit[t])
		yr.ceiling0, yr.retCap0, yr.retFloor0, yr.disCap0, yr.disFloor0 = serLimits(r, unit[0])
		yr.extra = r.ExtraPayments
		yr.refund = r.RefundShare
		yr.survivor, yr.orphanSh = r.SurvivorShare, r.OrphanShare
		yr.deathBenefit = r.SurvivorShare > 0 || (r.OrphanShare > 0 && as.Family.OrphanEndAge > 0)
		next := grp.RulesAt(y + 1)
		yr.index = 1
		switch next.Indexation {
		case scheme.IndexPrices:
			yr.index += as.Inflation.At(y + 1)
		case scheme.IndexWages:
			yr.index += as.WageGrowth.At(y + 1)
		case scheme.IndexUnit:
			yr.index += as.UnitGrowth.At(y + 1)
		case scheme.IndexFixed:
			yr.index += next.IndexRate.At(y + 1)
		}
		if refunds {
			yr.avgRate = make([]float64, v.ns)
			var sum float64
			for k, rate := range hist {
				sum += rate
				yr.avgRate[k+1] = sum / float64(k+1)
			}
			if len(hist) > 0 {
				copy(hist[1:], hist[:len(hist)-1])
				hist[0] = yr.contrib[scheme.Worker]
			}
		}
	}
}

// serLimits returns the ceiling and the caps and floors of retirement and
// disability pensions of rules r when the reference unit is worth unit:
// +Inf for no ceiling or cap, 0 for no floor.
func serLimits(r *scheme.Rules, unit float64) (ceiling, retCap, retFloor, disCap, disFloor float64) {
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
	end := v.s.Assumptions.Family.OrphanEndAge
	orphanEnd := serAges // orphans' pensions in payment stop at this age
	if end > 0 {
		orphanEnd = end
	}
	for t := n - 1; t >= 0; t-- {
		yr := &v.yr[g*n+t]
		d, x, ix := v.disc[t], yr.extra, yr.index
		// Survivors' and orphans' pensions: paid, and indexed for the
		// survivors; they leave nothing on death.
		for _, typ := range [...]census.PensionType{census.PensionSurvivor, census.PensionOrphan} {
			ti := typ.Index()
			stop := serAges
			if typ == census.PensionOrphan {
				stop = orphanEnd
			}
			for sx := range actuarial.NumSexes {
				for age := range serAges {
					q := v.qAt(t, scheme.StatusSurvivor, sx, age)
					pay := d * (1 - 0.5*q)
					a := serAnn{annOwn: pay, annExtra: x * pay}
					if age < census.MaxCensusAge && age+1 < stop && q < 1 {
						nx := &ann[annIndex(t+1, ti, sx, age+1)]
						k := (1 - q) * ix
						a[annOwn] += k * nx[annOwn]
						a[annExtra] += k * nx[annExtra]
					}
					ann[annIndex(t, ti, sx, age)] = a
				}
			}
		}
		// What a death leaves, per unit of the deceased's pension.
		if yr.deathBenefit {
			for sx := range actuarial.NumSexes {
				for age := range serAges {
					var dv serDeath
					if mar := v.married[sx][age]; mar > 0 && yr.survivor > 0 {
						amt := yr.survivor * mar
						half := 0.5 * amt * d
						nx := &ann[annIndex(t+1, census.PensionSurvivor.Index(), 1-sx, v.spouseAge[sx][age])]
						dv[deathSurv] += half + amt*ix*nx[annOwn]
						dv[deathExtra] += x*half + amt*ix*nx[annExtra]
					}
					if orph := v.orphans[sx][age]; orph > 0 && yr.orphanSh > 0 && end > 0 {
						if oage := v.orphanAge[sx][age]; oage < end {
							amt := yr.orphanSh * orph
							half := 0.5 * amt * d
							dv[deathOrph] += half
							dv[deathExtra] += x * half
							if oage+1 < end && oage < census.MaxCensusAge {
								for osx := range actuarial.NumSexes { // half boys, half girls
									nx := &ann[annIndex(t+1, census.PensionOrphan.Index(), osx, oage+1)]
									dv[deathOrph] += amt / 2 * ix * nx[annOwn]
									dv[deathExtra] += amt / 2 * ix * nx[annExtra]
								}
							}
						}
					}
					death[(t*actuarial.NumSexes+sx)*serAges+age] = dv
				}
			}
		}
		// Retirement and disability pensions: paid, indexed, and leaving
		// survivors' and orphans' pensions.
		for _, typ := range [...]census.PensionType{census.PensionOldAge, census.PensionEarly, census.PensionDisability} {
			ti := typ.Index()
			st := scheme.StatusOf(typ)
			for sx := range actuarial.NumSexes {
				for age := range serAges {
					q := v.qAt(t, st, sx, age)
					pay := d * (1 - 0.5*q)
					a := serAnn{annOwn: pay, annExtra: x * pay}
					if yr.deathBenefit && q > 0 {
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
}
