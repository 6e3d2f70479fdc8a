// The law of the year in the cells: the compiled rules of internal/rules
// laid out by cell for the year's passes.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
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
// year from the year's mortality and the service tables: with mortality
// that changes by year, in the cells some group has members in (the
// populated services of each age, which are all the passes read); with
// mortality that is the same every year, once for every cell. Where only
// the AVX2 forms read the year's cells (simd, neither Detail nor Split, no
// work risks), they are written by field into decV alone, not as
// rules.Cell and then copied.
func (p *Projector) fillDecrements() {
	static := &p.law.Mortality.Static[scheme.StatusActive]
	for sx := range actuarial.NumSexes {
		q := &p.q[scheme.StatusActive][sx]
		dec := p.dec[sx]
		wk := p.wdec[sx] // empty without work risks
		if static[sx] {
			if !p.depValid {
				for age := range nAges {
					var w []rules.Work
					if len(wk) > 0 {
						w = wk[age*p.ns:]
					}
					p.law.Decrements.FillAge(dec[age*p.ns:], w, sx, age, q[age])
					p.fillDecV(sx, age*p.ns, (age+1)*p.ns)
				}
			}
			continue
		}
		lo, hi := nAges, -1
		for g := range p.nG {
			k := g*actuarial.NumSexes + sx
			lo, hi = min(lo, p.lo[k]), max(hi, p.hi[k])
		}
		// Only the AVX2 forms read the cells, by field: no rules.Cell.
		byField := simd && !p.Detail && !p.Split && !p.law.Decrements.HasWork(sx)
		for age := lo; age <= hi; age++ {
			sLo, sHi := p.ns, -1
			for g := range p.nG {
				r := (g*actuarial.NumSexes+sx)*nAges + age
				sLo, sHi = min(sLo, p.svLo[r]), max(sHi, p.svHi[r])
			}
			switch {
			case sHi < sLo:
			case byField:
				p.law.Decrements.FillServicesByField(p.decV[sx], nAges*p.ns, sx, age, sLo, sHi, q[age])
			default:
				var w []rules.Work
				if len(wk) > 0 {
					w = wk[age*p.ns : (age+1)*p.ns]
				}
				p.law.Decrements.FillServices(dec[age*p.ns:(age+1)*p.ns], w, sx, age, sLo, sHi, q[age])
				p.fillDecV(sx, age*p.ns+sLo, age*p.ns+sHi+1)
			}
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
	if fast := p.polyAt(w); !gc.yr.Exits.Same(gc.exits) || w != gc.w || fast != gc.fast || gc.partial {
		p.factors(g, gc, gc.yr.Exits, w)
		gc.exits, gc.w, gc.fast = gc.yr.Exits, w, fast
	}
	gc.base, gc.paid, gc.topUp = 0, 0, 0
	if p.trackAcc {
		if gc.accVer != p.acc.ver {
			gc.accVer, gc.accLo, gc.accHi = p.acc.ver, nAges, -1
		}
		p.pastContributions(g, gc)
	}
}

// groupAges returns the ages group g has members at, lo..hi, empty when
// hi < lo.
func (p *Projector) groupAges(g int) (lo, hi int) {
	lo, hi = nAges, -1
	for sx := range actuarial.NumSexes {
		k := g*actuarial.NumSexes + sx
		lo, hi = min(lo, p.lo[k]), max(hi, p.hi[k])
	}
	return lo, hi
}

// pastContributions extends group g's accR to the ages it has members at.
func (p *Projector) pastContributions(g int, gc *groupCache) {
	lo, hi := p.groupAges(g)
	if hi < lo {
		return
	}
	if gc.accHi < gc.accLo {
		gc.accLo, gc.accHi = lo, lo-1
	}
	minEntry := p.minEntry
	if p.fullFactors {
		minEntry = -p.ms // every cell (tests only)
	}
	// The services up to age − minEntry, the cells members can be in.
	rows := func(a0, a1 int) {
		for age := a0; age <= a1; age++ {
			row := age * p.ns
			avg := gc.avgRate[:max(0, min(p.ns, age-minEntry+1))]
			rules.PastContributions(gc.accR[row:], avg, p.acc.t[row:])
		}
	}
	if lo < gc.accLo {
		rows(lo, gc.accLo-1)
		gc.accLo = lo
	}
	if hi > gc.accHi {
		rows(gc.accHi+1, hi)
		gc.accHi = hi
	}
}

// polyAt reports whether the reference ratios and the past salaries at
// wage growth w are evaluated by rules.RatioPoly (x = 1/(1+w), no
// division) rather than by rules.RatioAt and rules.PastSalaryRows: when w
// is not the wage growth of the projection's first year. A projection whose
// wage growth does not change (every deterministic projection with a
// constant wage growth, a stochastic one with no wage volatility) has the
// exact values, bit for bit those of the ratios' definition
// ([actuarial.SalaryScale.ReferenceRatio]); one whose wage growth changes
// every year (stochastic scenarios) computes the ratios of its populated
// cells every year (refactor), at a fraction of the cost, the values
// differing by a few units in the last place. The tables of ratios, the
// factor sets and the past salaries are kept by wage growth and by method,
// so that the values never depend on what earlier runs left in them (a
// shard of scenarios gives the values of a full run).
func (p *Projector) polyAt(w float64) bool {
	return w != p.w0
}

// fillPast sets the past salaries for wage growth w, the salary scale's
// merit by age·(ms+1) + service, at the ages up to hi (the oldest active
// member's) and the services up to age − minEntry (the passes read no
// others), unless they are already for w, by the method polyAt gives:
// with a wage growth that changes every year (stochastic scenarios) only
// the cells of the entry ages members have (entryAges: a cell's past
// salaries follow its diagonal) are computed, and with them the first
// group's past contributions (accR); with one that does not, the table
// grows as the members age, its rows the same bit for bit.
func (p *Projector) fillPast(minEntry, hi int, w float64) {
	a := &p.acc
	fast := p.polyAt(w)
	eLo, eHi := minEntry, nAges // every cell
	if fast && !p.fullFactors {
		eLo, eHi = p.entryAges()
	}
	if !a.valid || a.w != w || a.fast != fast || eLo < a.eLo || eHi > a.eHi {
		a.w, a.fast, a.valid, a.hi = w, fast, true, -1
		a.eLo, a.eHi = eLo, eHi
		a.ver++
	}
	if hi <= a.hi {
		return
	}
	merit := p.law.Decrements.Merit
	if fast {
		p.poly.Prepare(merit, p.ms)
		gc := &p.gc[0]
		accLo, accHi := nAges, -1
		if lo0, hi0 := p.groupAges(0); a.hi < 0 && gc.accVer != a.ver && lo0 <= hi0 {
			// The whole table anew (a new wage growth): the first group's
			// past contributions in the same pass (prepare finds them
			// done).
			accLo, accHi = lo0, hi0
			gc.accVer, gc.accLo, gc.accHi = a.ver, lo0, hi0
		}
		p.poly.PastContributionRows(a.t, gc.accR, gc.avgRate, minEntry, a.hi+1, hi, a.eLo, a.eHi, accLo, accHi, 1/(1+w))
	} else {
		rules.PastSalaryRows(a.t, merit, p.ms, minEntry, a.hi+1, hi, w)
	}
	a.hi = hi
}

// entryAges returns the entry ages of the active members of every group,
// lo..hi: the least and greatest age minus service of the populated
// cells (those at MaxService included), or minEntry, minEntry−1 when there
// are none.
func (p *Projector) entryAges() (lo, hi int) {
	lo, hi = nAges, -nAges
	for g := range p.gc {
		gc := &p.gc[g]
		if a0, a1 := p.rows(gc, g); a0 <= a1 {
			lo, hi = min(lo, gc.rowEntry[0]), max(hi, gc.rowEntry[1])
		}
	}
	if hi < lo {
		return p.minEntry, p.minEntry - 1
	}
	return max(lo, p.minEntry), hi
}

// rows returns the ages a0..a1 at which group g (of cache gc) has members
// this year, and sets gc.rowLo[age]..gc.rowHi[age] to their services,
// both sexes together (empty when rowHi < rowLo), within the cells
// members can be in (MaxService, age − minEntry), and gc.rowEntry to
// bounds of their entry ages (age − service; an empty age between a0 and
// a1 may widen them); computed once a year, by rowBounds.
func (p *Projector) rows(gc *groupCache, g int) (a0, a1 int) {
	if gc.rowStamp == p.stamp {
		return gc.rowAges[0], gc.rowAges[1]
	}
	gc.rowStamp = p.stamp
	a0, a1 = p.groupAges(g)
	if a1 >= a0 {
		// (Two sexes.)
		var _ [actuarial.NumSexes - 2]int
		var _ [2 - actuarial.NumSexes]int
		k := g * actuarial.NumSexes * nAges
		eLo, eHi := rowBounds(gc.rowLo[a0:a1+1], gc.rowHi[a0:a1+1], p.svLo[k+a0:k+a1+1], p.svHi[k+a0:k+a1+1],
			p.svLo[k+nAges+a0:k+nAges+a1+1], p.svHi[k+nAges+a0:k+nAges+a1+1], p.ms, a0-p.minEntry, a0)
		gc.rowEntry = [2]int{eLo, eHi}
	}
	gc.rowAges = [2]int{a0, a1}
	return a0, a1
}

// ratioTable returns group gc's table of reference-salary ratios for an
// average over years years at wage growth w, by the method polyAt gives,
// with the cells it already holds; when none is for years, w and the
// method, it takes the period's table of the fast method (a group has one
// at most) or else the least recently used table; nil when the reference
// salary is the last salary (years ≤ 1).
func (p *Projector) ratioTable(gc *groupCache, years int, w float64) *ratioTable {
	if years <= 1 {
		return nil
	}
	gc.ratioUse++
	fast := p.polyAt(w)
	var rt *ratioTable
	if fast {
		// A period has one table of this method at most: with a wage
		// growth that changes every year, the table of the period at last
		// year's takes this year's, the same memory year after year, and
		// the others (the first year's exact ones) stay.
		for k := range gc.ratios {
			if t := &gc.ratios[k]; t.fast && t.years == years {
				rt = t
				break
			}
		}
		if rt != nil && rt.w == w {
			rt.used = gc.ratioUse
			return rt
		}
	} else {
		for k := range gc.ratios {
			if t := &gc.ratios[k]; t.years == years && t.w == w && !t.fast {
				t.used = gc.ratioUse
				return t
			}
		}
	}
	if rt == nil {
		rt = &gc.ratios[0]
		for k := range gc.ratios {
			if t := &gc.ratios[k]; t.used < rt.used {
				rt = t
			}
		}
	}
	if rt.r == nil {
		rt.r, rt.have = make([]float64, nAges*p.ns), make([]bool, nAges*p.ns)
		rt.haveLo, rt.haveHi = 0, len(rt.have)
	}
	retake := fast && rt.fast && rt.years == years && rt.d != nil
	rt.years, rt.w, rt.fast, rt.all = years, w, fast, false
	if rt.haveLo < rt.haveHi {
		clear(rt.have[rt.haveLo:rt.haveHi])
	}
	rt.haveLo, rt.haveHi = len(rt.have), 0
	// The coefficients, looked up once for the table: a table found
	// again is of the same merit table (reset keeps the tables only
	// with it, and RatioPoly.Prepare its coefficients, in place), and so
	// is the period's fast table taken at another wage growth, which
	// keeps them and computes only the powers.
	if retake {
		rules.Powers(rt.xp, 1/(1+w))
		rt.used = gc.ratioUse
		return rt
	}
	rt.d, rt.k, rt.same, rt.tail = nil, 0, nil, nil
	p.poly.Prepare(p.law.Decrements.Merit, p.ms)
	if !fast {
		rt.tail = p.poly.SameMerits(years)
	} else {
		rt.d, rt.k = p.poly.Coefs(years)
		rt.same = p.poly.Same(years)
		rt.xp = vec.Grow(rt.xp, rt.k)
		rules.Powers(rt.xp, 1/(1+w))
	}
	rt.used = gc.ratioUse
	return rt
}

// ratios returns the reference-salary ratios for an average over years
// years at wage growth w, computing only those of the cells need marks
// (nil: all) that its table does not hold yet; nil when the reference
// salary is the last salary. A cell's ratio does not depend on the
// others', so that the exits of successive years, which let different
// cells retire, share the ratios they have in common.
func (p *Projector) ratios(gc *groupCache, years int, w float64, need []bool) []float64 {
	rt := p.ratioTable(gc, years, w)
	switch {
	case rt == nil:
		return nil
	case rt.all:
	case need == nil:
		p.fillRatios(rt, nil)
		rt.all = true
	default:
		rt.mark(0, len(need))
		have, miss := rt.have[:len(need)], gc.ratioMis[:len(need)]
		missing := false
		for c, n := range need {
			m := n && !have[c]
			miss[c] = m
			if m {
				have[c], missing = true, true
			}
		}
		if missing {
			p.fillRatios(rt, miss)
		}
	}
	return rt.r
}

// fillRatios computes table rt's ratios of the cells need marks (nil: all)
// by the table's method.
func (p *Projector) fillRatios(rt *ratioTable, need []bool) {
	if rt.fast {
		p.poly.Fill(rt.r, need, p.minEntry, rt.years, rt.xp)
		return
	}
	rules.FillRatiosOf(rt.r, p.law.Decrements.Merit, need, p.ms, p.minEntry, rt.years, rt.w)
}

// factors computes group g's per-cell retirement and disability factors
// from the exits ex of its rules, times the reference ratios at wage
// growth w, for the cells that can hold members; when only the wage growth
// changed (or the set is partial), for the cells that hold members this
// year (refactor).
func (p *Projector) factors(g int, gc *groupCache, ex *rules.Exits, w float64) {
	if p.fullFactors {
		// Forget everything computed before (tests only).
		for k := range gc.sets {
			gc.sets[k].exits, gc.sets[k].canRetireOf = nil, nil
		}
		for k := range gc.ratios {
			gc.ratios[k].years = 0
		}
	}
	if ex.Same(gc.exits) {
		p.refactor(g, gc, ex, w)
		return
	}
	fast := p.polyAt(w)
	if ex.Prev != nil && ex.Prev == gc.exits && w == gc.w && fast == gc.fast && gc.canRetireOf == gc.exits {
		p.stepFactors(gc, ex, w)
		if gc.partial {
			p.refactor(g, gc, ex, w)
		}
		return
	}
	gc.setUse++
	for k := range gc.sets {
		if f := &gc.sets[k]; ex.Same(f.exits) && f.w == w && f.fast == fast {
			// Computed before: only the tables of ratios may have been
			// taken for other periods since, and are made whole again.
			gc.factorSet, f.used = f, gc.setUse
			p.retRatios(gc, ex, w)
			if f.partial {
				p.refactor(g, gc, ex, w)
			}
			return
		}
	}
	f := &gc.sets[0]
	for k := range gc.sets {
		if g := &gc.sets[k]; g.used < f.used {
			f = g
		}
	}
	gc.factorSet, f.used = f, gc.setUse
	f.size(p.nA, nAges*p.ns)
	if p.work {
		f.wkDis, f.wkDeath = vec.Grow(f.wkDis, nAges*p.ns), vec.Grow(f.wkDeath, nAges*p.ns)
	}
	f.exits, f.partial, f.retJIT = nil, false, false
	// The retirement ratios are needed only where someone can retire.
	if !ex.Same(gc.canRetireOf) {
		clear(gc.canRetire)
		for age := range nAges {
			gc.canLo[age], gc.canHi[age] = p.ns, -1
		}
		for sx := range actuarial.NumSexes {
			for c, f := range ex.Factor[sx*nAges*p.ns : (sx+1)*nAges*p.ns] {
				if f != 0 {
					gc.canRetire[c] = true
					gc.canWiden(c, p.ns)
				}
			}
		}
		gc.canRetireOf = ex
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
	p.exitFactors(gc.disFactor, ex.Disability, p.ratios(gc, ex.DisYears, w, nil))
	for age := range nAges {
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
		years int
	}{{ex.WorkDisability, gc.wkDis, ex.WorkDisYears}, {ex.WorkDeath, gc.wkDeath, ex.WorkDeathYears}} {
		p.exitFactors(k.dst, k.f, p.ratios(gc, k.years, w, nil))
	}
}

// exitFactors sets dst, by age and service, to the factor of an exit paid
// by service (f[sv] per unit of the reference salary) times the cell's
// reference ratio (none: nil), 0 in cells no member can reach.
func (p *Projector) exitFactors(dst, f, ratio []float64) {
	for age := range nAges {
		for sv := 0; sv <= p.ms; sv++ {
			c := age*p.ns + sv
			v := 0.0
			if sv <= age-p.minEntry {
				v = f[sv]
				if ratio != nil && v > 0 {
					v *= ratio[c]
				}
			}
			dst[c] = v
		}
	}
}

// canWiden widens the bounds canLo, canHi of the set's cells that can
// retire to cell c (by age·ns + service).
func (f *factorSet) canWiden(c, ns int) {
	age, sv := c/ns, c%ns
	f.canLo[age], f.canHi[age] = min(f.canLo[age], sv), max(f.canHi[age], sv)
}

// retRatios sets the group's reference ratios of retirement pensions by
// sex at wage growth w, for the cells that can retire.
func (p *Projector) retRatios(gc *groupCache, ex *rules.Exits, w float64) {
	gc.retRatio[0] = p.ratios(gc, ex.RetYears[0], w, gc.canRetire)
	gc.retRatio[1] = gc.retRatio[0]
	gc.retTable[0] = p.ratioTable(gc, ex.RetYears[0], w)
	gc.retTable[1] = gc.retTable[0]
	if ex.RetYears[1] != ex.RetYears[0] {
		gc.retRatio[1] = p.ratios(gc, ex.RetYears[1], w, gc.canRetire)
		gc.retTable[1] = p.ratioTable(gc, ex.RetYears[1], w)
	}
}

// stepFactors is factors when ex follow gc.exits, the exits of the year
// before (ex.Prev), at the same wage growth: only the retirement factors of
// the cells ex.Changed change, to the values factors gives them, with the
// reference ratios of the cells that can now retire. (The disability
// factors, the reference periods and so the tables of ratios are the
// same.)
func (p *Projector) stepFactors(gc *groupCache, ex *rules.Exits, w float64) {
	plane := nAges * p.ns
	rescan := false
	for _, c32 := range ex.Changed {
		c := int(c32)
		sx, pc := c/plane, c%plane
		age, sv := pc/p.ns, pc%p.ns
		gc.canRetire[pc] = ex.Factor[pc] != 0 || ex.Factor[plane+pc] != 0
		if gc.canRetire[pc] {
			gc.canWiden(pc, p.ns)
		}
		if sv > age-p.minEntry {
			continue // no member's cell: None, as factors leaves it
		}
		kind, rate, factor := ex.Kind[c], ex.Rate[c], ex.Factor[c]
		if rt := gc.retTable[sx]; rt != nil {
			if gc.canRetire[pc] {
				p.fillRatio(rt, age, sv, pc)
			}
			factor *= rt.r[pc]
		}
		if kind == rules.None && gc.retKind[c] != rules.None && age == gc.retMin {
			rescan = true
		}
		gc.retKind[c], gc.retRate[c], gc.retFactor[c] = kind, rate, factor
		if kind != rules.None {
			gc.retMin = min(gc.retMin, age)
		}
	}
	if rescan {
		// The youngest age with a retirement may have gone.
		gc.retMin = nAges
		for c, k := range gc.retKind {
			if k != rules.None {
				gc.retMin = min(gc.retMin, c%plane/p.ns)
			}
		}
	}
	gc.canRetireOf = ex
}

// refactor is factors when only the wage growth changed since the factors
// of ex were computed, or when they are partial: the factors that are a
// reference ratio times the exits' factor, to the same values factors gives
// them, in the cells group g has members in this year (the populated
// services of each age, which are all the passes read), with the ratios of
// those cells only. The set is partial from then on: the other cells keep
// the factors of an earlier wage growth, and the cells the members reach
// the next year are brought up to date then, at the cost of a multiply
// each where the ratios are already known. (With a wage growth that
// changes every year, as in stochastic scenarios, the ratios of the cells
// no one is in are never computed, and those of the cells members are in
// are evaluated without a division (polyAt), a row at a time (the rows of
// the year's populated services, Projector.rows, computed once a year),
// once a row for the cells of equal coefficients (rules.RatioPoly.Same:
// with a salary scale by age only, the services beyond the reference
// period); the retirement factors are left to the retirement rows
// (retJIT, but for Split, whose pass reads the planes): a row whose
// retiring cells share one ratio takes it and multiplies the exits'
// factors where it reads them (Projector.retireRatio, retRow.scalar), the
// others compute theirs into the planes, so that a year writes no plane
// of retirement factors in the reference scheme; the disability ratios go
// straight into the factors of every row in one call
// (rules.PolyFactorRows), no other pass reading them; the disability
// factors' bounds disLo, disHi do not depend on the wage growth, the
// ratios being positive. Every value is the one the cell-by-cell
// evaluation gives, bit for bit.)
func (p *Projector) refactor(g int, gc *groupCache, ex *rules.Exits, w float64) {
	gc.partial, gc.retJIT = true, false
	var ret [actuarial.NumSexes]*ratioTable
	ret[0] = p.ratioTable(gc, ex.RetYears[0], w)
	ret[1] = ret[0]
	if ex.RetYears[1] != ex.RetYears[0] {
		ret[1] = p.ratioTable(gc, ex.RetYears[1], w)
	}
	for sx, rt := range ret {
		gc.retTable[sx], gc.retRatio[sx] = rt, nil
		if rt != nil {
			gc.retRatio[sx] = rt.r
		}
	}
	dis := p.ratioTable(gc, ex.DisYears, w)
	var work [2]*ratioTable
	if p.work {
		work = [2]*ratioTable{p.ratioTable(gc, ex.WorkDisYears, w), p.ratioTable(gc, ex.WorkDeathYears, w)}
	}
	if ret[0] == nil && ret[1] == nil && dis == nil && work[0] == nil && work[1] == nil {
		return
	}
	plane := nAges * p.ns
	ns := p.ns
	// Tables by rules.RatioPoly leave the retirement factors to the
	// retirement rows (but for Split, whose pass reads them).
	gc.retJIT = !p.Split && (ret[0] != nil || ret[1] != nil)
	for _, rt := range ret {
		if rt != nil && (!rt.fast || rt.all || rt.same == nil) {
			gc.retJIT = false
		}
	}
	lo, hi := p.rows(gc, g)
	if hi < lo {
		return
	}
	if gc.retJIT {
		p.retRowRatios(gc, ret, lo, hi)
	}
	// The retirement factors from the youngest age with a retirement.
	if rt := ret[0]; !gc.retJIT && rt != nil && rt == ret[1] && rt.fast && !rt.all {
		// Both sexes on one table: a row's ratios at once (those already
		// held are the same values), then both sexes' factors in one
		// loop, every row in one call (the rows' cells marked whole).
		if a0 := max(lo, gc.retMin); a0 <= hi {
			rt.mark(a0*ns, (hi+1)*ns)
			rules.PolyRatioFactorRows(rt.r, rt.have, gc.canRetire, rt.d, rt.k, rt.xp, rt.same, ex.Factor, gc.retFactor, plane, ns, a0, hi,
				gc.rowLo[:], gc.rowHi[:], gc.canLo[:], gc.canHi[:])
		}
	} else if !gc.retJIT && (ret[0] != nil || ret[1] != nil) {
		for age := max(lo, gc.retMin); age <= hi; age++ {
			sLo, sHi := max(gc.rowLo[age], gc.canLo[age]), min(gc.rowHi[age], gc.canHi[age])
			if sHi < sLo {
				continue
			}
			c0, c1 := age*ns+sLo, age*ns+sHi+1
			for sx, rt := range ret {
				if rt == nil {
					// (No one retires below retMin: a cell with a factor
					// has a kind of retirement.)
					continue
				}
				fill := sx == 0 || rt != ret[0]
				can, r := gc.canRetire[c0:c1], rt.r[c0:c1]
				in, out := ex.Factor[sx*plane+c0:sx*plane+c1], gc.retFactor[sx*plane+c0:sx*plane+c1]
				in, out = in[:len(can)], out[:len(can)]
				if fill && rt.fast && !rt.all {
					rt.mark(c0, c1)
					rules.PolyRatios(r, can, rt.d[c0*rt.k:c1*rt.k], rt.k, rt.xp, rt.same[age]-sLo)
					have := rt.have[c0:c1]
					have = have[:len(can)]
					for j, ok := range can {
						if ok {
							have[j] = true
							out[j] = in[j] * r[j]
						}
					}
					continue
				}
				if fill {
					rowRatios(p, rt, age, sLo, sHi, can)
				}
				for j, ok := range can {
					if ok {
						out[j] = in[j] * r[j]
					}
				}
			}
		}
	}
	// The services with a disability factor, which does not depend on the
	// wage growth.
	if dis != nil {
		if dis.fast {
			// The ratios straight into the factors: no other pass reads
			// the table's; the rows' services and those with a factor
			// intersected in its loop.
			rules.PolyFactorRows(gc.disFactor, ex.Disability, dis.d, dis.k, dis.xp, ns, lo, hi, gc.rowLo[:], gc.rowHi[:], gc.disLo[:], gc.disHi[:], dis.same, ex.DisPos)
		} else {
			for age := lo; age <= hi; age++ {
				d0 := age * ns
				sLo, sHi := max(gc.rowLo[age], gc.disLo[age]), min(gc.rowHi[age], gc.disHi[age])
				if sHi < sLo {
					continue
				}
				f := ex.Disability[sLo : sHi+1]
				rowRatios(p, dis, age, sLo, sHi, f)
				r, out := dis.r[d0+sLo:d0+sHi+1], gc.disFactor[d0+sLo:d0+sHi+1]
				r, out = r[:len(f)], out[:len(f)]
				for j, fj := range f {
					if fj > 0 {
						out[j] = fj * r[j]
					}
				}
			}
		}
	}
	if p.work {
		for age := lo; age <= hi; age++ {
			if sLo, sHi := gc.rowLo[age], gc.rowHi[age]; sLo <= sHi {
				p.workRow(gc, ex, w, work, age, sLo, sHi)
			}
		}
	}
}

// retRowRatios sets gc.retV for the rows of the ages lo..hi from the
// youngest with a retirement, by the tables ret of each sex (one table
// for both: one pass): the ratio of a row whose cells that can retire, in
// the populated services of both sexes, all lie in the table's tail of
// equal coefficients (the ratio of its first, the same bit for bit as any
// other's), 0 where they do not or none can.
func (p *Projector) retRowRatios(gc *groupCache, ret [actuarial.NumSexes]*ratioTable, lo, hi int) {
	ns := p.ns
	a0 := max(lo, gc.retMin)
	for sx, rt := range ret {
		if rt == nil || a0 > hi {
			continue
		}
		if sx > 0 && rt == ret[0] {
			copy(gc.retV[sx][a0:hi+1], gc.retV[0][a0:hi+1])
			continue
		}
		v := &gc.retV[sx]
		for age := a0; age <= hi; age++ {
			s0, s1 := max(gc.rowLo[age], gc.canLo[age]), min(gc.rowHi[age], gc.canHi[age])
			v[age] = 0
			if s0 <= s1 && rt.same[age] <= s0 {
				c := age*ns + s0
				v[age] = rules.PolyRatio(rt.d[c*rt.k:(c+1)*rt.k], rt.xp)
			}
		}
	}
}

// workRow is refactor's work risks in the services sLo..sHi of an age:
// the factors of a disability and a death at work times the reference
// ratios of tables work (nil: the last salary, the factor as factors left
// it).
func (p *Projector) workRow(gc *groupCache, ex *rules.Exits, w float64, work [2]*ratioTable, age, sLo, sHi int) {
	for i, k := range [...]struct {
		f, dst []float64
	}{{ex.WorkDisability, gc.wkDis}, {ex.WorkDeath, gc.wkDeath}} {
		rt := work[i]
		if rt == nil {
			continue
		}
		c0 := age * p.ns
		for sv := sLo; sv <= sHi; sv++ {
			if f := k.f[sv]; f > 0 {
				p.fillRatio(rt, age, sv, c0+sv)
				k.dst[c0+sv] = f * rt.r[c0+sv]
			}
		}
	}
}

// rowRatios is fillRatio for the services sLo..sHi of an age where need
// is set (true, or a factor above 0, by service from sLo; its length
// sHi−sLo+1), with the ratio of the row's tail of equal merits (rt.tail:
// the exact method) computed once, the same value bit for bit as a cell's
// own (the same operations on the same numbers).
func rowRatios[T bool | float64](p *Projector, rt *ratioTable, age, sLo, sHi int, need []T) {
	if rt.all {
		return
	}
	c0 := age * p.ns
	u := sHi + 1
	if rt.tail != nil {
		u = max(sLo, rt.tail[age])
	}
	var zero T
	for sv := sLo; sv < u; sv++ {
		if need[sv-sLo] != zero {
			p.fillRatio(rt, age, sv, c0+sv)
		}
	}
	if u > sHi {
		return
	}
	r, have, need := rt.r[c0+u:c0+sHi+1], rt.have[c0+u:c0+sHi+1], need[u-sLo:]
	have, need = have[:len(r)], need[:len(r)]
	v, known := 0.0, false
	for j := range r {
		if need[j] == zero || have[j] {
			continue
		}
		if !known {
			v, known = rules.RatioAt(p.law.Decrements.Merit, p.ms, age, u+j, rt.years, rt.w), true
		}
		r[j], have[j] = v, true
	}
	if known {
		rt.mark(c0+u, c0+sHi+1)
	}
}

// fillRatio computes the ratio of cell c, of that age and service, at the
// table's wage growth and by its method, unless the table holds it.
func (p *Projector) fillRatio(rt *ratioTable, age, sv, c int) {
	if rt.all || rt.have[c] {
		return
	}
	if rt.fast {
		rt.r[c] = rules.PolyRatio(rt.d[c*rt.k:(c+1)*rt.k], rt.xp)
	} else {
		rt.r[c] = rules.RatioAt(p.law.Decrements.Merit, p.ms, age, sv, rt.years, rt.w)
	}
	rt.mark(c, c+1)
	rt.have[c] = true
}

// mark widens the cells of rt.have that may be set to c0..c1−1, so that a
// new use of the table clears only those.
func (rt *ratioTable) mark(c0, c1 int) {
	rt.haveLo, rt.haveHi = min(rt.haveLo, c0), max(rt.haveHi, c1)
}
