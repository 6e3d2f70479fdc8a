// The factors of one start cell of a seriatim valuation, and a record's
// value from them.

package projection

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
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
// its salary S. The keys of the floors are sorted decreasing and those of
// the caps increasing, so that the limits binding at S come first: a
// record's cost is the number of those.
type serCell struct {
	lin    [serVec]float64 // flows per unit of salary, as if no limit bound
	cons   [serVec]float64 // flows that do not depend on the salary (a floor above the cap)
	n      int             // the slots of the vectors in use: serOuts or liaOuts
	floors []serBound      // sorted by key, decreasing (in the order of the path while the factors are built)
	caps   []serBound      // sorted by key, increasing (likewise)
	// The keys of floors and caps (floorKeys[j] is floors[j].key), for a
	// dense search.
	floorKeys, capKeys []float64
	// The bits of the keys (math.Float64bits), for a search on integers.
	floorBits, capBits []uint64

	// exits are the pensions the path awards on which a limit in payment
	// may bind (under scheme.LimitsInPayment): the factors above value
	// them as awarded and indexed, and payDeltas adds what the limits
	// change for a salary outside sLo..sHi, the salaries for which none
	// binds.
	exits    []serExit
	sLo, sHi float64
	lia      bool      // the factors are of a liability
	v        *Seriatim // the valuation the factors are of
}

// serExit is a pension that a start cell's path awards and on which a
// limit in payment may bind: of type ti in group g, to a life of sex index
// sx aged x on 1 January of year u0, when it is worth
// mult·rules.Clamp(a·S, lo, hi) for a salary S (mult·rules.Clamp(a0·S,
// lo0, hi0) for the traditional unit credit method), with probability w;
// for a liability, f and f1 are the shares of its value attributed to the
// service before t = 0 and before t = 1 (see serEmit).
type serExit struct {
	g, ti, sx, x, u0 int
	a, lo, hi, mult  float64
	a0, lo0, hi0     float64
	w, f, f1         float64
}

// reset empties c for a build of the factors of v (of a liability if
// lia), keeping its storage.
func (c *serCell) reset(v *Seriatim, lia bool) {
	c.lin, c.cons, c.n = [serVec]float64{}, [serVec]float64{}, serOuts
	if lia {
		c.n = liaOuts
	}
	c.floors, c.caps = c.floors[:0], c.caps[:0]
	c.exits, c.sLo, c.sHi = c.exits[:0], 0, math.Inf(1)
	c.lia, c.v = lia, v
}

// payDeltas adds to out what the limits in payment change in the flows of
// a record with salary s (see serExit).
func (c *serCell) payDeltas(s float64, out *[serVec]float64) {
	v := c.v
	for i := range c.exits {
		e := &c.exits[i]
		var d serAnn
		var top float64
		b, own := rules.Clamp(e.a*s, e.lo, e.hi)
		b *= e.mult
		if r := v.unbound[e.g][unboundIndex(e.u0, e.ti, e.sx, false)]; b < r.lo || b > r.hi {
			d, top = v.payDelta(e.g, e.ti, e.sx, e.x, e.u0, b, e.mult*own, false)
		}
		o := [4]uint8{uint8(serPension + e.ti), serExtra, serSurv, serOrph}
		if !c.lia {
			for k := range d {
				out[o[k]] += e.w * d[k]
			}
			out[serTopUp] += e.w * top
			continue
		}
		for k := range d {
			bk := liaBenefit(o[k])
			out[liaPVFB+bk] += e.w * d[k]
			out[liaPUC+bk] += e.w * e.f * d[k]
			out[liaNC] += e.w * (e.f1 - e.f) * d[k]
		}
		b0, own0 := rules.Clamp(e.a0*s, e.lo0, e.hi0)
		b0 *= e.mult
		if r := v.unbound[e.g][unboundIndex(e.u0, e.ti, e.sx, true)]; b0 < r.lo || b0 > r.hi {
			d0, _ := v.payDelta(e.g, e.ti, e.sx, e.x, e.u0, b0, e.mult*own0, true)
			for k := range d0 {
				out[liaTUC+liaBenefit(o[k])] += e.w * e.f * d0[k]
			}
		}
	}
}

// unboundSalaries returns the salaries S for which mult·rules.Clamp(a·S,
// lo, hi) lies in r, narrowed by a margin far above rounding so that the
// salaries outside are valued exactly.
func unboundSalaries(a, lo, hi, mult float64, r serRange) (sLo, sHi float64) {
	const margin = 1e-9
	at0, _ := rules.Clamp(0, lo, hi)
	atInf, _ := rules.Clamp(math.Inf(1), lo, hi)
	at0, atInf = mult*at0, mult*atInf
	switch {
	case at0 >= r.lo:
		sLo = 0
	case atInf < r.lo || a <= 0:
		return math.Inf(1), -1
	default:
		sLo = r.lo / (mult * a) * (1 + margin)
	}
	switch {
	case atInf <= r.hi:
		sHi = math.Inf(1)
	case at0 > r.hi || a <= 0:
		return math.Inf(1), -1
	default:
		sHi = r.hi / (mult * a) * (1 - margin)
	}
	return sLo, sHi
}

// topUpWeight is w, the weight of a term's first slot o, when o is the
// own pension of a retirement or disability pension (of a work risk too)
// of a flow vector, whose floor's correction is the minimum-pension
// top-up; else 0.
func (c *serCell) topUpWeight(o uint8, w float64) float64 {
	if c.lia || o < serPension || (o > serDis && o != serPension+idxWorkDis) {
		return 0
	}
	return w
}

// serSlot holds the factors of one start cell and the state of their
// build: serEmpty, serBuilding or serBuilt. The one that moves the state
// from serEmpty to serBuilding builds c (allocated on first use, reused
// after); the others wait until it is serBuilt.
type serSlot struct {
	state atomic.Uint32
	c     *serCell
}

// The states of a serSlot.
const (
	serEmpty uint32 = iota
	serBuilding
	serBuilt
)

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
		if top := c.topUpWeight(t.o[0], t.w[0]); top != 0 {
			// The top-up is lo less the own amount min(a·S, hi).
			c.cons[serTopUp] += top * t.lo
			if t.a > 0 {
				c.add(serTerm{a: t.a, lo: 0, hi: t.hi, w: [4]float64{-top}, o: [4]uint8{serTopUp, serTopUp, serTopUp, serTopUp}})
			}
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

// serOrderPool holds the buffers in which finish sorts a cell's limits.
var serOrderPool = sync.Pool{New: func() any { return new(serOrderBuf) }}

// serOrderBuf is a buffer of serOrderPool.
type serOrderBuf struct {
	keys   []serKey
	bounds []serBound
}

// serKey is a limit's key and its index among the cell's floors or caps.
type serKey struct {
	key float64
	i   int32
}

// finish sorts the limits, those that bind first.
func (c *serCell) finish() {
	buf := serOrderPool.Get().(*serOrderBuf)
	c.floorKeys = sortBounds(c.floorKeys[:0], c.floors, true, buf)
	c.capKeys = sortBounds(c.capKeys[:0], c.caps, false, buf)
	serOrderPool.Put(buf)
	c.floorBits, c.capBits = keyBits(c.floorBits[:0], c.floorKeys), keyBits(c.capBits[:0], c.capKeys)
}

// keyBits appends to dst the bits of keys, numbers ≥ 0, with +0 for a
// zero: in the order of the numbers.
func keyBits(dst []uint64, keys []float64) []uint64 {
	for _, k := range keys {
		dst = append(dst, math.Float64bits(k+0))
	}
	return dst
}

// sortBounds sorts the limits b by key, decreasing if desc (ties in the
// order given), and appends their keys to keys. It sorts the keys with
// their indices, then moves each limit once; buf is a buffer for that.
func sortBounds(keys []float64, b []serBound, desc bool, buf *serOrderBuf) []float64 {
	o := buf.keys[:0]
	for i := range b {
		o = append(o, serKey{b[i].key, int32(i)})
	}
	slices.SortFunc(o, func(x, y serKey) int {
		switch {
		case x.key == y.key: // keys are numbers, never NaN
			return int(x.i - y.i)
		case (x.key < y.key) != desc:
			return -1
		}
		return 1
	})
	was := append(buf.bounds[:0], b...)
	for j, k := range o {
		b[j] = was[k.i]
		keys = append(keys, k.key)
	}
	buf.keys, buf.bounds = o[:0], was[:0]
	return keys
}

// serHist counts records by the number of limits that bind for them, k ≥ 1
// (the records for which none binds need no count): n[k] records with
// salaries summing to s[k]; f for floors, c for caps.
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
	fn, fs, cn, cs := h.fn, h.fs, h.cn, h.cs
	var total float64
	// A salary at or above the first floor's key and at or below the first
	// cap's has no limit binding (k = 0 for both): the common case.
	f0, c0 := math.Inf(-1), math.Inf(1)
	if len(fk) > 0 {
		f0 = fk[0]
	}
	if len(ck) > 0 {
		c0 = ck[0]
	}
	fb, cb := c.floorBits, c.capBits
	for _, s := range sal {
		total += s
		if s < f0 {
			k := countAbove(fb, math.Float64bits(s+0))
			fn[k]++
			fs[k] += s
		}
		if s > c0 {
			k := countBelow(cb, math.Float64bits(s+0))
			cn[k]++
			cs[k] += s
		}
	}
	for i, l := range [2]struct {
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
			if i == 0 && c.topUpWeight(b.o[0], 1) != 0 {
				// A floor's correction of the own pension is its top-up.
				out[serTopUp] += n*b.wb[0] - b.wa[0]*s
			}
		}
	}
	n := float64(len(sal))
	for i := range c.n {
		out[i] += n*c.cons[i] + total*c.lin[i]
	}
	if len(c.exits) > 0 {
		for _, s := range sal {
			if s < c.sLo || s > c.sHi {
				c.payDeltas(s, out)
			}
		}
	}
}

// sumSorted is sum for salaries sal sorted increasing, whose sum (added in
// that order) is total: the floors binding for a salary are those with keys
// above it, so that floor j binds for a prefix of sal, that of floor j + 1
// and the salaries below its own key after it, and cap j likewise for a
// suffix. It reads the salaries of those prefixes and suffixes only, in a
// merge with the keys, adding them in increasing order for the floors and
// decreasing order for the caps.
func (c *serCell) sumSorted(sal []float64, total float64, out *[serVec]float64) {
	var n int     // the records for which the floors so far bind: sal[:n]
	var s float64 // their salaries
	for j := len(c.floorKeys) - 1; j >= 0; j-- {
		for key := c.floorKeys[j]; n < len(sal) && sal[n] < key; n++ {
			s += sal[n]
		}
		if n == 0 {
			continue
		}
		b := &c.floors[j]
		m := float64(n)
		for q, o := range b.o {
			out[o] += m*b.wb[q] - b.wa[q]*s
		}
		if c.topUpWeight(b.o[0], 1) != 0 {
			// A floor's correction of the own pension is its top-up.
			out[serTopUp] += m*b.wb[0] - b.wa[0]*s
		}
	}
	lo := len(sal) // the records for which the caps so far bind: sal[lo:]
	s = 0
	for j := len(c.capKeys) - 1; j >= 0; j-- {
		for key := c.capKeys[j]; lo > 0 && sal[lo-1] > key; lo-- {
			s += sal[lo-1]
		}
		if lo == len(sal) {
			continue
		}
		b := &c.caps[j]
		m := float64(len(sal) - lo)
		for q, o := range b.o {
			out[o] += m*b.wb[q] - b.wa[q]*s
		}
	}
	m := float64(len(sal))
	for i := range c.n {
		out[i] += m*c.cons[i] + total*c.lin[i]
	}
	if len(c.exits) > 0 {
		// The salaries below sLo, then those above sHi.
		below := countLess(sal, c.sLo)
		for _, x := range sal[:below] {
			c.payDeltas(x, out)
		}
		for _, x := range sal[max(below, countAtMost(sal, c.sHi)):] {
			c.payDeltas(x, out)
		}
	}
}

// countLess returns the number of numbers of s, sorted increasing, below
// x: at once if there is none, else by a binary search whose steps the
// compiler turns into conditional moves.
func countLess(s []float64, x float64) int {
	if len(s) == 0 || s[0] >= x {
		return 0
	}
	base, n := 0, len(s) // s[base] < x
	for n > 1 {
		half := n >> 1
		if s[base+half] < x {
			base += half
		}
		n -= half
	}
	return base + 1
}

// countAtMost returns the number of numbers of s, sorted increasing, at
// most x: at once if all are, else as countLess.
func countAtMost(s []float64, x float64) int {
	if len(s) == 0 || s[len(s)-1] <= x {
		return len(s)
	}
	base, n := 0, len(s) // s[base+n−1] > x
	for n > 1 {
		half := n >> 1
		if s[base+half] <= x {
			base += half
		}
		n -= half
	}
	if s[base] <= x {
		return base + 1
	}
	return base
}

// countAbove returns the number of keys, sorted decreasing, above s: keys
// and s are the bits of numbers ≥ 0 (math.Float64bits, +0 for a zero),
// whose order is theirs. keys is not empty. It halves the range by
// arithmetic, without branching on the data, so that salaries in random
// order cost no mispredicted branch.
func countAbove(keys []uint64, s uint64) int {
	base, n := 0, len(keys)
	for n > 1 {
		half := n >> 1
		// s − key is negative, as both are below 2⁶³, when key > s.
		base += half & int(int64(s-keys[base+half])>>63)
		n -= half
	}
	return base + int(uint64(int64(s-keys[base]))>>63)
}

// countBelow returns the number of keys, sorted increasing, below s. See
// countAbove.
func countBelow(keys []uint64, s uint64) int {
	base, n := 0, len(keys)
	for n > 1 {
		half := n >> 1
		base += half & int(int64(keys[base+half]-s)>>63)
		n -= half
	}
	return base + int(uint64(int64(keys[base]-s))>>63)
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
	for j, key := range c.floorKeys {
		if s >= key {
			break
		}
		b := &c.floors[j]
		if c.topUpWeight(b.o[0], 1) != 0 {
			out[serTopUp] += b.wb[0] - b.wa[0]*s // the floor's top-up
		}
		out[b.o[0]] += b.wb[0] - b.wa[0]*s
		out[b.o[1]] += b.wb[1] - b.wa[1]*s
		out[b.o[2]] += b.wb[2] - b.wa[2]*s
		out[b.o[3]] += b.wb[3] - b.wa[3]*s
	}
	for j, key := range c.capKeys {
		if s <= key {
			break
		}
		b := &c.caps[j]
		out[b.o[0]] += b.wb[0] - b.wa[0]*s
		out[b.o[1]] += b.wb[1] - b.wa[1]*s
		out[b.o[2]] += b.wb[2] - b.wa[2]*s
		out[b.o[3]] += b.wb[3] - b.wa[3]*s
	}
	if len(c.exits) > 0 && (s < c.sLo || s > c.sHi) {
		c.payDeltas(s, out)
	}
}

// build computes into c the factors of mode of the start cell of group
// g0, sex index sx, age x and service cell s0 by following a member of
// that cell year by year.
func (v *Seriatim) build(c *serCell, mode serMode, g0, sx, x, s0 int) {
	em := serEmit{c: c, lia: mode == serLiability}
	c.reset(v, em.lia)
	n := v.years
	dec := &v.law.Decrements
	g, sv := g0, s0
	p, growth := 1.0, 1.0 // probability of being active on 1 January; salary against S_0
	// For the traditional unit credit method: contributions to date per
	// unit of the salary of t = 0, T(x, s0) at the wage growth of year 0.
	var past0 float64
	if em.lia && len(v.past) > 0 {
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
		if len(v.past) > 0 {
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
					a: fa * growth, lo: yr.RetFloor[sx], hi: yr.RetCap[sx],
					w: [4]float64{m * a[annOwn], m * a[annExtra], m * a[annSurv], m * a[annOrph]},
					o: [4]uint8{uint8(serPension + ti), serExtra, serSurv, serOrph},
				}, fa0, yr.retFloor0[sx], yr.retCap0[sx])
				em.exit(serExit{g: g, ti: ti, sx: sx, x: age, u0: t,
					a: fa * growth, lo: yr.RetFloor[sx], hi: yr.RetCap[sx], mult: 1,
					a0: fa0, lo0: yr.retFloor0[sx], hi0: yr.retCap0[sx], w: m})
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
			em.benefit(serTerm{a: fa * growth, lo: yr.DisFloor[sx], hi: yr.DisCap[sx], w: w, o: disOuts},
				fa0, yr.disFloor0[sx], yr.disCap0[sx])
			if dc.I > 0 && age < census.MaxCensusAge && t+1 < n {
				em.exit(serExit{g: g, ti: census.PensionDisability.Index(), sx: sx, x: age + 1, u0: t + 1,
					a: fa * growth, lo: yr.DisFloor[sx], hi: yr.DisCap[sx], mult: yr.Index,
					a0: fa0, lo0: yr.disFloor0[sx], hi0: yr.disCap0[sx], w: p * dc.I})
			}
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
	c.finish()
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

// exit keeps e, a pension the path awards, among the cell's exits if a
// limit in payment may bind on it, with the shares of the year's exits.
func (em *serEmit) exit(e serExit) {
	v, c := em.c.v, em.c
	sLo, sHi := unboundSalaries(e.a, e.lo, e.hi, e.mult, v.unbound[e.g][unboundIndex(e.u0, e.ti, e.sx, false)])
	if em.lia {
		lo0, hi0 := unboundSalaries(e.a0, e.lo0, e.hi0, e.mult, v.unbound[e.g][unboundIndex(e.u0, e.ti, e.sx, true)])
		sLo, sHi = max(sLo, lo0), min(sHi, hi0)
	}
	if sLo == 0 && math.IsInf(sHi, 1) {
		return // it binds for no salary
	}
	e.f, e.f1 = em.f, em.f1
	c.exits = append(c.exits, e)
	c.sLo, c.sHi = max(c.sLo, sLo), min(c.sHi, sHi)
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
// first time since the last Reset. Concurrent callers wait for the one
// that builds them.
func (v *Seriatim) cellAt(mode serMode, i int) *serCell {
	sl := &v.cells[mode][i]
	if sl.state.Load() == serBuilt {
		return sl.c
	}
	if sl.state.CompareAndSwap(serEmpty, serBuilding) {
		if sl.c == nil {
			sl.c = new(serCell)
		}
		g, rest := i/v.nA, i%v.nA
		sv, rest := rest%v.ns, rest/v.ns
		v.build(sl.c, mode, g, rest/serAges, rest%serAges, sv)
		sl.state.Store(serBuilt)
		return sl.c
	}
	for sl.state.Load() != serBuilt {
		runtime.Gosched()
	}
	return sl.c
}
