// The factors of one start cell of a seriatim valuation, and a record's
// value from them.

package projection

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/internal/vec"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// serTerm is one term of a record's flows: the amount
// max(lo, min(hi, a·S)) for a salary S (a ≥ 0; lo 0 for no floor, hi +Inf
// for no cap), times the weights w into the slots o of the flow vector.
type serTerm struct {
	a, lo, hi float64
	w         [4]float64
	o         [4]uint8
}

// serBound is a limit of one term, where it binds: a floor for salaries
// below key = lo/a, a cap (or ceiling) for salaries above key = hi/a. While
// it binds, the term pays w·bound instead of w·a·S.
type serBound struct {
	key float64
	wb  [4]float64 // w·bound
	wa  [4]float64 // w·a
	o   [4]uint8
}

// serCell holds the factors of one start cell. A record's flows are
// cons + S·lin, corrected by w·bound − w·a·S for each limit that binds at
// its salary S. The floors are sorted by decreasing key and the caps by
// increasing key, so those that bind at S come first: a record's cost is
// the number of limits that bind for it.
type serCell struct {
	lin    [serVec]float64 // flows per unit of salary, as if no limit bound
	cons   [serVec]float64 // flows that do not depend on the salary (a floor above the cap)
	n      int             // the slots of the vectors in use: serOuts or liaOuts
	floors []serBound
	caps   []serBound
	// The keys of floors and caps, for a dense search.
	floorKeys, capKeys []float64
}

// add adds a term.
func (c *serCell) add(t serTerm) {
	switch {
	case t.w == [4]float64{}:
		return
	case t.a <= 0 || t.lo > t.hi:
		// max(lo, min(hi, a·S)) = lo whatever the salary.
		for k, o := range t.o {
			c.cons[o] += t.w[k] * t.lo
		}
		return
	}
	var wa [4]float64
	for k, o := range t.o {
		wa[k] = t.w[k] * t.a
		c.lin[o] += wa[k]
	}
	if t.lo > 0 {
		b := serBound{key: t.lo / t.a, wa: wa, o: t.o}
		for k := range b.wb {
			b.wb[k] = t.w[k] * t.lo
		}
		c.floors = append(c.floors, b)
	}
	if !math.IsInf(t.hi, 1) {
		b := serBound{key: t.hi / t.a, wa: wa, o: t.o}
		for k := range b.wb {
			b.wb[k] = t.w[k] * t.hi
		}
		c.caps = append(c.caps, b)
	}
}

// serBuildPool holds buffers in which build gathers a cell's limits.
var serBuildPool = sync.Pool{New: func() any { return new(serBuild) }}

type serBuild struct {
	floors, caps []serBound
	order        []serKey
}

// serKey is a limit's key and its index among the cell's floors or caps.
type serKey struct {
	key float64
	i   int32
}

// finish sorts the limits, those that bind first, and moves them from the
// build buffers b into storage of their own.
func (c *serCell) finish(b *serBuild) {
	b.floors, b.caps = c.floors, c.caps
	nf, nc := len(b.floors), len(b.caps)
	all := make([]serBound, nf+nc)
	keys := make([]float64, nf+nc)
	b.sortInto(all[:nf], keys[:nf], b.floors, true)
	b.sortInto(all[nf:], keys[nf:], b.caps, false)
	c.floors, c.caps = all[:nf:nf], all[nf:]
	c.floorKeys, c.capKeys = keys[:nf:nf], keys[nf:]
	b.floors, b.caps = b.floors[:0], b.caps[:0]
}

// sortInto copies the limits src into dst sorted by key, decreasing if desc
// (ties in the order given), and their keys into keys. It sorts the keys
// with their indices rather than the limits themselves, which are large.
func (b *serBuild) sortInto(dst []serBound, keys []float64, src []serBound, desc bool) {
	o := b.order[:0]
	for i := range src {
		o = append(o, serKey{src[i].key, int32(i)})
	}
	slices.SortFunc(o, func(x, y serKey) int {
		c := cmp.Compare(x.key, y.key)
		if desc {
			c = -c
		}
		if c == 0 {
			c = cmp.Compare(x.i, y.i)
		}
		return c
	})
	for j, k := range o {
		dst[j], keys[j] = src[k.i], k.key
	}
	b.order = o[:0]
}

// serHist counts records by the number of limits that bind for them, k:
// n[k] records with salaries summing to s[k]; f for floors, c for caps.
type serHist struct {
	fn, fs, cn, cs []float64
}

// reset sizes and zeroes the counts for nf floors and nc caps.
func (h *serHist) reset(nf, nc int) {
	h.fn, h.fs = vec.Zeroed(h.fn, nf+1), vec.Zeroed(h.fs, nf+1)
	h.cn, h.cs = vec.Zeroed(h.cn, nc+1), vec.Zeroed(h.cs, nc+1)
}

// sum adds the flows of records with salaries sal to out. The floors that
// bind for a salary s are the first k, those with keys above s (and the
// caps likewise); counting the records and their salaries by k, floor j
// binds for the records counted at k > j, n of them with salaries totalling
// S, and changes the flows by n·w·lo − w·a·S.
func (c *serCell) sum(sal []float64, out *[serVec]float64, h *serHist) {
	fk, ck := c.floorKeys, c.capKeys
	h.reset(len(fk), len(ck))
	var total float64
	for _, s := range sal {
		total += s
		k := 0
		for k < len(fk) && s < fk[k] {
			k++
		}
		h.fn[k]++
		h.fs[k] += s
		k = 0
		for k < len(ck) && s > ck[k] {
			k++
		}
		h.cn[k]++
		h.cs[k] += s
	}
	for _, l := range [2]struct {
		b    []serBound
		n, s []float64
	}{{c.floors, h.fn, h.fs}, {c.caps, h.cn, h.cs}} {
		var n, s float64
		for j := len(l.b) - 1; j >= 0; j-- {
			n += l.n[j+1]
			s += l.s[j+1]
			if n == 0 {
				continue
			}
			b := &l.b[j]
			for q, o := range b.o {
				out[o] += n*b.wb[q] - b.wa[q]*s
			}
		}
	}
	n := float64(len(sal))
	for i := range c.n {
		out[i] += n*c.cons[i] + total*c.lin[i]
	}
}

// eval adds the flows of a record with salary s to out. A cap that binds
// is applied as S·w·a − (w·a·S − w·hi); the subtraction loses about
// ε·a·S/hi of the term relative to its value, negligible unless a salary is
// many orders of magnitude above a cap.
func (c *serCell) eval(s float64, out *[serVec]float64) {
	o := out[:c.n]
	cons, lin := c.cons[:len(o)], c.lin[:len(o)]
	for i := range o {
		o[i] += cons[i] + s*lin[i]
	}
	for i := range c.floors {
		b := &c.floors[i]
		if s >= b.key {
			break
		}
		out[b.o[0]] += b.wb[0] - b.wa[0]*s
		out[b.o[1]] += b.wb[1] - b.wa[1]*s
		out[b.o[2]] += b.wb[2] - b.wa[2]*s
		out[b.o[3]] += b.wb[3] - b.wa[3]*s
	}
	for i := range c.caps {
		b := &c.caps[i]
		if s <= b.key {
			break
		}
		out[b.o[0]] += b.wb[0] - b.wa[0]*s
		out[b.o[1]] += b.wb[1] - b.wa[1]*s
		out[b.o[2]] += b.wb[2] - b.wa[2]*s
		out[b.o[3]] += b.wb[3] - b.wa[3]*s
	}
}

// build computes the factors of mode of the start cell of group g0, sex
// index sx, age x and service cell s0 by following a member of that cell
// year by year.
func (v *Seriatim) build(mode serMode, g0, sx, x, s0 int) *serCell {
	c := new(serCell)
	buf := serBuildPool.Get().(*serBuild)
	defer serBuildPool.Put(buf)
	c.floors, c.caps = buf.floors[:0], buf.caps[:0]
	em := serEmit{c: c, lia: mode == serLiability}
	c.n = serOuts
	if em.lia {
		c.n = liaOuts
	}
	n := v.years
	dec := &v.law.Decrements
	g, sv := g0, s0
	p, growth := 1.0, 1.0 // probability of being active on 1 January; salary against S_0
	// For the traditional unit credit method: contributions to date per
	// unit of the salary of t = 0, T(x, s0) at the wage growth of year 0.
	var past0 float64
	if em.lia && v.past != nil {
		past0 = v.past[0][x*v.ns+s0]
	}
	contribOuts := [4]uint8{serContrib, serContrib + 1, serContrib + 2, serRefund}
	disOuts := [4]uint8{serDis, serExtra, serSurv, serOrph}
	for t := 0; t < n && p > 0; t++ {
		age := x + t
		y := v.s.StartYear + t
		for i := range v.s.Transitions {
			if tr := &v.s.Transitions[i]; tr.Year == y && tr.From == g && rules.Moves(tr, age, sv) {
				g = tr.To
			}
		}
		yr := &v.yr[g*n+t]
		d := v.disc[t]
		em.attribute(s0, sv)
		var past, avg float64 // for refunds: T(age, sv) and the average contribution rate
		if v.past != nil {
			past, avg = v.past[t][age*v.ns+sv], yr.avgRate[sv]
		}
		// Refunds per unit of contribution base, and (TUC) per unit of the
		// base of t = 0, with the contributions to date T(x, s0) + t.
		var refund, refund0 float64
		pastT := past0 + float64(t)

		// 1 January: retirements.
		ex := yr.Exits
		rc := (sx*serAges+age)*v.ns + sv
		if kind := ex.Kind[rc]; kind != rules.None {
			rate, factor := ex.Rate[rc], ex.Factor[rc]
			m := p * rate
			if kind == rules.Withdraw {
				refund += yr.Refund * m * avg * past
				refund0 += yr.Refund * m * avg * pastT
			} else {
				ti := kind.Pension().Index()
				a := &v.ann[g][annIndex(t, ti, sx, age)]
				fa := scaled(factor, yr.retRatio[sx], age*v.ns+sv) * yr.Sustain[sx]
				var fa0 float64
				if em.lia {
					fa0 = scaled(factor, yr.retRatio0[sx], x*v.ns+s0) * yr.Sustain[sx]
				}
				em.benefit(serTerm{
					a: fa * growth, lo: yr.RetFloor, hi: yr.RetCap,
					w: [4]float64{m * a[annOwn], m * a[annExtra], m * a[annSurv], m * a[annOrph]},
					o: [4]uint8{uint8(serPension + ti), serExtra, serSurv, serOrph},
				}, fa0, yr.retFloor0, yr.retCap0)
			}
			if rate >= 1 {
				p = 0
			} else {
				p -= m
			}
		}

		// During the year: salaries, contributions, exits.
		var dc rules.Cell
		var wk rules.Work
		if p > 0 {
			dc, wk = dec.At(sx, age*v.ns+sv, v.qAt(t, scheme.StatusActive, sx, age))
			c.lin[serSalary] += p * dc.E * d * growth
			refund += yr.Refund * p * dc.W * (avg*past + 0.5*yr.ContributionRate[scheme.Worker])
			refund0 += yr.Refund * p * dc.W * (avg*pastT + 0.5*yr.ContributionRate[scheme.Worker])
		}
		if em.lia {
			em.refund(refund*d, refund0*d, growth, yr.Ceiling, yr.ceiling0)
		} else {
			pe := p * dc.E * d
			c.add(serTerm{
				a: growth, hi: yr.Ceiling,
				w: [4]float64{yr.ContributionRate[scheme.Worker] * pe, yr.ContributionRate[scheme.Employer] * pe, yr.ContributionRate[scheme.State] * pe, refund * d},
				o: contribOuts,
			})
		}
		if p == 0 {
			break
		}
		if fd := ex.Disability[sv]; fd > 0 && (dc.I > 0 || yr.DeathBenefit) {
			var w [4]float64
			if dc.I > 0 && age < census.MaxCensusAge {
				// Paid for half the year, then in payment from the next
				// 1 January, indexed.
				m, a := p*dc.I, &v.ann[g][annIndex(t+1, census.PensionDisability.Index(), sx, age+1)]
				w[0] = m * (0.5*d + yr.Index*a[annOwn])
				w[1] = m * (yr.Extra*0.5*d + yr.Index*a[annExtra])
				w[2] = m * yr.Index * a[annSurv]
				w[3] = m * yr.Index * a[annOrph]
			}
			if yr.DeathBenefit && dc.D > 0 {
				m, dv := p*dc.D, &v.death[g][(t*actuarial.NumSexes+sx)*serAges+age]
				w[1] += m * dv[deathExtra]
				w[2] += m * dv[deathSurv]
				w[3] += m * dv[deathOrph]
			}
			fa := scaled(fd, yr.disRatio, age*v.ns+sv)
			var fa0 float64
			if em.lia {
				fa0 = scaled(fd, yr.disRatio0, x*v.ns+s0)
			}
			em.benefit(serTerm{a: fa * growth, lo: yr.DisFloor, hi: yr.DisCap, w: w, o: disOuts},
				fa0, yr.disFloor0, yr.disCap0)
		}
		if wk != (rules.Work{}) {
			v.workTerms(&em, g, sx, t, x, s0, age, sv, p, growth, wk, yr)
		}
		if dc.F <= 0 || age == census.MaxCensusAge {
			p = 0
		} else {
			p *= dc.F
		}
		growth *= dc.M * (1 + v.wage[t+1])
		sv = min(sv+1, v.ms)
	}
	c.finish(buf)
	return c
}

// workTerms adds the terms of the year's work risks of a member of group g,
// sex index sx, now aged age with service cell sv (x and s0 at t = 0),
// active on 1 January with probability p after that day's retirements, at
// salary growth against S_0: the pensions of a disability at work (paid
// half the year, then in payment from the next 1 January at the next age)
// and the survivors' and orphans' pensions of a death at work, each
// capped and floored as the cell engine does.
func (v *Seriatim) workTerms(em *serEmit, g, sx, t, x, s0, age, sv int, p, growth float64, wk rules.Work, yr *serYear) {
	ex := yr.Exits
	d := v.disc[t]
	if f := ex.WorkDisability[sv]; f > 0 && wk.I > 0 && age < census.MaxCensusAge {
		m, a := p*wk.I, &v.ann[g][annIndex(t+1, census.PensionWorkDisability.Index(), sx, age+1)]
		w := [4]float64{
			m * (0.5*d + yr.Index*a[annOwn]),
			m * (yr.Extra*0.5*d + yr.Index*a[annExtra]),
			m * yr.Index * a[annSurv],
			m * yr.Index * a[annOrph],
		}
		fa := scaled(f, yr.wkDisRatio, age*v.ns+sv)
		var fa0 float64
		if em.lia {
			fa0 = scaled(f, yr.wkDisRatio0, x*v.ns+s0)
		}
		em.benefit(serTerm{a: fa * growth, lo: yr.WorkDisFloor, hi: yr.WorkDisCap, w: w,
			o: [4]uint8{uint8(serPension + census.PensionWorkDisability.Index()), serExtra, serSurv, serOrph}},
			fa0, yr.wkDisFloor0, yr.wkDisCap0)
	}
	if f := ex.WorkDeath[sv]; f > 0 && wk.D > 0 && yr.WorkDeathBenefit {
		m, dv := p*wk.D, &v.workDeath[g][(t*actuarial.NumSexes+sx)*serAges+age]
		ws := uint8(serPension + census.PensionWorkSurvivor.Index())
		w := [4]float64{m * dv[deathSurv], m * dv[deathExtra], m * dv[deathOrph]}
		fa := scaled(f, yr.wkDeathRatio, age*v.ns+sv)
		var fa0 float64
		if em.lia {
			fa0 = scaled(f, yr.wkDeathRatio0, x*v.ns+s0)
		}
		em.benefit(serTerm{a: fa * growth, lo: yr.WorkDeathFloor, hi: yr.WorkDeathCap, w: w,
			o: [4]uint8{ws, serExtra, serOrph, serOrph}}, fa0, yr.wkDeathFloor0, yr.wkDeathCap0)
	}
}

// serEmit adds the terms of a start cell's path to its factors: as they
// are, for flows; attributed to service, for a liability.
type serEmit struct {
	c   *serCell
	lia bool
	// The share of the benefits of the year's exits attributed to the
	// service before t = 0 (the accrued liability), and before t = 1.
	f, f1 float64
}

// attribute sets the shares of the year's exits of a member of service
// cell s0 at t = 0 and sv now: service is counted in completed years and
// the benefit of an exit with n = sv years is attributed pro rata, s0/n to
// the service before t = 0 and min(s0+1, n)/n to that before t = 1; an
// exit with no service (n = 0, in year 0) is attributed to year 0.
func (e *serEmit) attribute(s0, sv int) {
	if sv == 0 {
		e.f, e.f1 = 0, 1
		return
	}
	n := float64(sv)
	e.f, e.f1 = float64(s0)/n, float64(min(s0+1, sv))/n
}

// benefit adds a benefit term t, whose outputs are benefit slots of a flow
// vector. For a liability, a0, lo0 and hi0 are the term's amount per unit
// of salary and limits on the salary, reference salary and reference unit
// of t = 0, for the traditional unit credit method.
func (e *serEmit) benefit(t serTerm, a0, lo0, hi0 float64) {
	if !e.lia {
		e.c.add(t)
		return
	}
	pv, puc, tuc := t, t, serTerm{a: a0, lo: lo0, hi: hi0}
	var w float64
	for k, o := range t.o {
		b := uint8(liaBenefit(o))
		pv.o[k] = liaPVFB + b
		puc.o[k], puc.w[k] = liaPUC+b, t.w[k]*e.f
		tuc.o[k], tuc.w[k] = liaTUC+b, t.w[k]*e.f
		w += t.w[k]
	}
	e.c.add(pv)
	e.c.add(puc)
	e.c.add(tuc)
	e.c.add(serTerm{a: t.a, lo: t.lo, hi: t.hi, w: [4]float64{w * (e.f1 - e.f)}, o: [4]uint8{liaNC, liaNC, liaNC, liaNC}})
}

// refund adds the refunds of a liability: w per unit of the contribution
// base min(a·S, hi), and for the traditional unit credit method w0 per unit
// of the base of t = 0, min(S, hi0).
func (e *serEmit) refund(w, w0, a, hi, hi0 float64) {
	const r = liaRefunds
	e.c.add(serTerm{a: a, hi: hi, w: [4]float64{w, w * e.f, w * (e.f1 - e.f)}, o: [4]uint8{liaPVFB + r, liaPUC + r, liaNC, liaNC}})
	e.c.add(serTerm{a: 1, hi: hi0, w: [4]float64{w0 * e.f}, o: [4]uint8{liaTUC + r, liaTUC + r, liaTUC + r, liaTUC + r}})
}

// cellIndex is the index of a valid record's start cell in cells:
// group·nA + (sex·serAges + age)·ns + min(service, MaxService).
func (v *Seriatim) cellIndex(r *ActiveRecord) int {
	return r.Group*v.nA + (r.Sex.Index()*serAges+r.Age)*v.ns + min(r.Service, v.ms)
}

// cell returns the factors of mode of a valid record's start cell.
func (v *Seriatim) cell(mode serMode, r *ActiveRecord) *serCell {
	return v.cellAt(mode, v.cellIndex(r))
}

// cellAt returns the factors of mode of start cell i, building them the
// first time. Concurrent callers may build the same cell twice; the
// results are identical and the first stored is kept.
func (v *Seriatim) cellAt(mode serMode, i int) *serCell {
	cells := v.cells[mode]
	if c := cells[i].Load(); c != nil {
		return c
	}
	g, rest := i/v.nA, i%v.nA
	sv, rest := rest%v.ns, rest/v.ns
	c := v.build(mode, g, rest/serAges, rest%serAges, sv)
	if !cells[i].CompareAndSwap(nil, c) {
		c = cells[i].Load()
	}
	return c
}
