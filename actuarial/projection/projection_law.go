// The law of the year in the cells: the compiled rules of internal/rules
// laid out by cell for the year's passes.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// fillMortality sets the rates of calendar year y.
func (p *Projector) fillMortality(y int) error {
	m := &p.law.Mortality
	for st := range scheme.NumLifeStatuses {
		for sx := range actuarial.NumSexes {
			row := &p.q[st][sx]
			if a := m.Alias[st][sx]; a >= 0 {
				*row = p.q[a][sx]
				continue
			}
			if p.qFilled && m.Static[st][sx] {
				continue
			}
			if err := m.Fill(row[:], scheme.LifeStatus(st), sx, y); err != nil {
				return err
			}
		}
	}
	p.qFilled = true
	return nil
}

// fillDecrements sets the active members' dependent probabilities of the
// year from the year's mortality and the service tables, for the ages some
// group has members at; with mortality that is the same every year, once
// for every age.
func (p *Projector) fillDecrements() {
	static := &p.law.Mortality.Static[scheme.StatusActive]
	for sx := range actuarial.NumSexes {
		lo, hi := 0, census.MaxCensusAge
		if static[sx] {
			if p.depValid {
				continue
			}
		} else {
			lo, hi = nAges, -1
			for g := range p.nG {
				k := g*actuarial.NumSexes + sx
				lo, hi = min(lo, p.lo[k]), max(hi, p.hi[k])
			}
		}
		q := &p.q[scheme.StatusActive][sx]
		wk := p.wdec[sx]
		for age := lo; age <= hi; age++ {
			if len(wk) > 0 {
				p.law.Decrements.FillAge(p.dec[sx][age*p.ns:], wk[age*p.ns:], sx, age, q[age])
				continue
			}
			p.law.Decrements.FillAge(p.dec[sx][age*p.ns:], nil, sx, age, q[age])
		}
	}
	p.depValid = static[0] && static[1]
}

// prepare sets group g's values for year y, under the automatic balancing
// of the finances fin, recomputing the factors of its rules when the rules
// in force or the wage growth w change.
func (p *Projector) prepare(g, y int, w, unit float64, fin rules.Finances) {
	gc := &p.gc[g]
	p.law.Year(&gc.yr, g, y, unit)
	gc.yr.Balance(fin, &gc.raised)
	if !gc.yr.Exits.Same(gc.exits) || w != gc.w {
		p.factors(gc, gc.yr.Exits, w)
		gc.exits, gc.w = gc.yr.Exits, w
	}
	gc.base, gc.paid, gc.topUp = 0, 0, 0
	if p.trackAcc {
		if rules.AverageRates(gc.avgRate, gc.hist) {
			gc.accVer = -1
		}
		if gc.accVer != p.acc.ver {
			for age := range nAges {
				row := age * p.ns
				for sv, a := range gc.avgRate {
					gc.accR[row+sv] = a * p.acc.t[row+sv]
				}
			}
			gc.accVer = p.acc.ver
		}
	}
}

// fill sets the past salaries for wage growth w, the salary scale's merit
// by age·(ms+1) + service, unless they are already for w.
func (a *pastSalaries) fill(merit []float64, ms int, w float64) {
	if a.valid && a.w == w {
		return
	}
	rules.PastSalaries(a.t, merit, ms, w)
	a.w, a.valid = w, true
	a.ver++
}

// ratios returns the reference-salary ratios for an average over years
// years at wage growth w, in slot k, computing them only when they change
// and only for the cells need marks (nil: all); nil when the reference
// salary is the last salary.
func (p *Projector) ratios(gc *groupCache, k, years int, w float64, need []bool) []float64 {
	if years <= 1 {
		return nil
	}
	if gc.ratioYears[k] == years && gc.ratioW[k] == w && (need == nil || gc.ratioNeed[k] == &need[0]) {
		return gc.ratio[k]
	}
	rules.FillRatiosOf(gc.ratio[k], p.law.Decrements.Merit, need, p.ms, p.minEntry, years, w)
	gc.ratioYears[k], gc.ratioW[k] = years, w
	gc.ratioNeed[k] = nil
	if need != nil {
		gc.ratioNeed[k] = &need[0]
	}
	return gc.ratio[k]
}

// factors computes a group's per-cell retirement and disability factors
// from the exits ex of its rules, times the reference ratios at wage
// growth w, for the cells that can hold members.
func (p *Projector) factors(gc *groupCache, ex *rules.Exits, w float64) {
	if ex.Same(gc.exits) {
		p.refactor(gc, ex, w)
		return
	}
	// The retirement ratios are needed only where someone can retire.
	if !ex.Same(gc.canRetireOf) {
		clear(gc.canRetire)
		for sx := range actuarial.NumSexes {
			for c, f := range ex.Factor[sx*nAges*p.ns : (sx+1)*nAges*p.ns] {
				if f != 0 {
					gc.canRetire[c] = true
				}
			}
		}
		gc.canRetireOf = ex
		gc.ratioYears[0], gc.ratioYears[2] = 0, 0
	}
	p.retRatios(gc, ex, w)
	gc.retMin = nAges
	for sx := range actuarial.NumSexes {
		retRatio := gc.retRatio[sx]
		for age := range nAges {
			row := (sx*nAges + age) * p.ns
			for sv := 0; sv <= p.ms; sv++ {
				c := row + sv
				kind, rate, factor := rules.None, 0.0, 0.0
				if sv <= age-p.minEntry {
					kind, rate, factor = ex.Kind[c], ex.Rate[c], ex.Factor[c]
					if retRatio != nil {
						factor *= retRatio[age*p.ns+sv]
					}
				}
				gc.retKind[c], gc.retRate[c], gc.retFactor[c] = kind, rate, factor
				if kind != rules.None {
					gc.retMin = min(gc.retMin, age)
				}
			}
		}
	}
	disRatio := p.ratios(gc, 1, ex.DisYears, w, nil)
	for age := range nAges {
		for sv := 0; sv <= p.ms; sv++ {
			c := age*p.ns + sv
			f := 0.0
			if sv <= age-p.minEntry {
				f = ex.Disability[sv]
				if disRatio != nil && f > 0 {
					f *= disRatio[c]
				}
			}
			gc.disFactor[c] = f
		}
		gc.disLo[age], gc.disHi[age] = p.ns, -1
		for sv, f := range gc.disFactor[age*p.ns : (age+1)*p.ns] {
			if f > 0 {
				gc.disLo[age] = min(gc.disLo[age], sv)
				gc.disHi[age] = sv
			}
		}
	}
	if p.work {
		p.workFactors(gc, ex, w)
	}
}

// workFactors sets a group's factors of the work risks, by age and
// service: the pension of a disability at work and the base pension of a
// death at work per unit of salary, from the exits ex times their
// reference ratios at wage growth w.
func (p *Projector) workFactors(gc *groupCache, ex *rules.Exits, w float64) {
	for _, k := range [...]struct {
		f     []float64
		dst   []float64
		slot  int
		years int
	}{{ex.WorkDisability, gc.wkDis, 3, ex.WorkDisYears}, {ex.WorkDeath, gc.wkDeath, 4, ex.WorkDeathYears}} {
		ratio := p.ratios(gc, k.slot, k.years, w, nil)
		for age := range nAges {
			for sv := 0; sv <= p.ms; sv++ {
				c := age*p.ns + sv
				f := 0.0
				if sv <= age-p.minEntry {
					f = k.f[sv]
					if ratio != nil && f > 0 {
						f *= ratio[c]
					}
				}
				k.dst[c] = f
			}
		}
	}
}

// retRatios sets the group's reference ratios of retirement pensions by
// sex at wage growth w, for the cells that can retire.
func (p *Projector) retRatios(gc *groupCache, ex *rules.Exits, w float64) {
	gc.retRatio[0] = p.ratios(gc, 0, ex.RetYears[0], w, gc.canRetire)
	gc.retRatio[1] = gc.retRatio[0]
	if ex.RetYears[1] != ex.RetYears[0] {
		gc.retRatio[1] = p.ratios(gc, 2, ex.RetYears[1], w, gc.canRetire)
	}
}

// refactor is factors when only the wage growth changed since the factors
// of ex were computed: only the cells whose factor is a reference ratio
// times the exits' factor change, to the same values factors gives them.
func (p *Projector) refactor(gc *groupCache, ex *rules.Exits, w float64) {
	p.retRatios(gc, ex, w)
	for sx := range actuarial.NumSexes {
		retRatio := gc.retRatio[sx]
		if retRatio == nil {
			continue
		}
		for age := range nAges {
			row := (sx*nAges + age) * p.ns
			for sv := 0; sv <= min(p.ms, age-p.minEntry); sv++ {
				if gc.canRetire[age*p.ns+sv] {
					gc.retFactor[row+sv] = ex.Factor[row+sv] * retRatio[age*p.ns+sv]
				}
			}
		}
	}
	if p.work {
		p.workFactors(gc, ex, w)
	}
	disRatio := p.ratios(gc, 1, ex.DisYears, w, nil)
	if disRatio == nil {
		return
	}
	for age := range nAges {
		gc.disLo[age], gc.disHi[age] = p.ns, -1
		for sv := 0; sv <= min(p.ms, age-p.minEntry); sv++ {
			c := age*p.ns + sv
			if f := ex.Disability[sv]; f > 0 {
				gc.disFactor[c] = f * disRatio[c]
			}
			if gc.disFactor[c] > 0 {
				gc.disLo[age] = min(gc.disLo[age], sv)
				gc.disHi[age] = sv
			}
		}
	}
}
