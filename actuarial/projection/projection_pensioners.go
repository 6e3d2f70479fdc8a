// The pensioners' pass of a projection year: pensions paid, deaths and
// indexation.

package projection

import (
	"math"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// pensionersPass pays group g's pensions of year t, applies the year's
// deaths and ages the survivors, indexed, into the next year; then the
// pensions awarded during the year join.
func (p *Projector) pensionersPass(g, t int, yr *YearResult, det *CellDetail) {
	gc := &p.gc[g]
	orphanEnd := gc.yr.OrphanEnd
	deathBenefit := gc.yr.DeathBenefit
	pbase := g * p.nP
	pdbase := 0
	if det != nil {
		pdbase = t * p.nG * p.nP
	}
	ix := gc.yr.Index
	y := p.s.StartYear + t
	if len(gc.vint) > 0 {
		p.survivorSteps(g, y)
	}
	dLo, dHi := &p.dead.lo, &p.dead.hi // the ages in p.dead, from the actives on
	for ti := range census.NumPensionTypes {
		if k := (pbase/nAges + ti*actuarial.NumSexes); ti >= idxWorkDis && p.pHi[k] < p.pLo[k] && p.pHi[k+1] < p.pLo[k+1] {
			continue // a work risk's type without pensions in payment
		}
		typ := census.PensionTypeAt(ti)
		st := rules.StatusOf(typ)
		spouse := deathBenefit && typ != census.PensionSurvivor && typ != census.PensionOrphan && typ != census.PensionWorkSurvivor
		end := nAges
		if typ == census.PensionOrphan && orphanEnd > 0 {
			end = orphanEnd
		}
		var paid, topUp, deaths, ended float64
		for sx := range actuarial.NumSexes {
			lim := &gc.yr.InPayment[sx][ti]
			qrow := &p.q[st][sx]
			var rem []float64 // remarriage by age; nil: none
			if typ == census.PensionSurvivor || typ == census.PensionWorkSurvivor {
				rem = p.law.Family.RemarryOf(&gc.yr, sx)
			}
			cb := pbase + (ti*actuarial.NumSexes+sx)*nAges
			k := cb / nAges
			lo, hi := p.pLo[k], p.pHi[k]
			if hi < lo {
				continue
			}
			nlo, nhi := nAges, -1
			if p.sp != nil {
				p.splitPensions(g, ti, sx, lo, hi, qrow, lim, spouse)
			}
			if spouse {
				dLo[sx], dHi[sx] = min(dLo[sx], lo), max(dHi[sx], hi)
			}
			// Ages to top move their survivors up a year (pensionRow);
			// above it pensions end or, at MaxCensusAge, die out.
			top := max(min(hi, end-2, census.MaxCensusAge-1), lo-1)
			if det != nil {
				for age := top; age >= lo; age-- {
					c := cb + age
					if n := p.pN[c]; n != 0 {
						det.PensionerDeaths[pdbase+c] += n * qrow[age]
					}
				}
			}
			for age := hi; age > top; age-- {
				c := cb + age
				n := p.pN[c]
				if n == 0 {
					continue
				}
				amt, tu := lim.Pay(n, p.pA[c], p.pO[c])
				p.pN[c], p.pA[c], p.pO[c] = 0, 0, 0
				q := qrow[age]
				paid += amt * (1 - 0.5*q)
				topUp += tu * (1 - 0.5*q)
				d := n * q
				deaths += d
				if det != nil {
					det.PensionerDeaths[pdbase+c] += d
				}
				if spouse {
					p.dead.n[sx][age] += d
					p.dead.a[sx][age] += amt * q
				}
				surv := n - d
				if surv <= 0 || age == census.MaxCensusAge {
					continue
				}
				ended += surv // age+1 ≥ end
				if det != nil {
					det.Ended[pdbase+c] += surv
				}
			}
			if rem != nil && lo <= top {
				// Remarriages among the year's survivors, on the next
				// 1 January: they end with the year.
				for age := top; age >= lo; age-- {
					c := cb + age
					if n := p.pN[c]; n != 0 {
						m := n * (1 - qrow[age]) * rem[age]
						ended += m
						if det != nil {
							det.Ended[pdbase+c] += m
						}
					}
				}
				rem = rem[lo : top+1]
			}
			if lo <= top {
				var moved bool
				dn, da := p.dead.n[sx][:], p.dead.a[sx][:]
				e := cb + top + 2 // (capacities not 0: no masking of the pointers)
				paid, topUp, deaths, moved = pensionRow(p.pN[cb+lo:e:e], p.pA[cb+lo:e:e], p.pO[cb+lo:e:e], qrow[lo:top+1:top+1],
					dn[lo:], da[lo:], rem, ix, lim, spouse, paid, topUp, deaths)
				if moved {
					nlo, nhi = lo+1, max(nhi, top+1)
				}
				if p.sp != nil {
					p.splitAge(cb, lo, top)
				}
			}
			p.pLo[k], p.pHi[k] = nlo, nhi
		}
		yr.Pensions[ti] += paid
		yr.PensionerDeaths[ti] += deaths
		yr.PensionsEnded[ti] += ended
		gc.paid += paid
		gc.topUp += topUp
	}
	if len(gc.vint) > 0 {
		p.survivorAge(g, ix)
	}
	if p.work && gc.yr.WorkDeathBenefit {
		p.award(g, yr, det, pdbase, true)
	}
	if deathBenefit {
		p.award(g, yr, det, pdbase, false)
		if gc.yr.SurvivorSpan > 0 {
			sb := pbase + idxSurvivor*actuarial.NumSexes*nAges
			p.survivorAward(g, y+1, p.wA[sb:sb+actuarial.NumSexes*nAges], ix)
		}
	}
	if p.sp != nil {
		p.splitJoin(g, ix)
	}
	for k := pbase / nAges; k < (pbase+p.nP)/nAges; k++ {
		lo, hi := p.wLo[k], p.wHi[k]
		if hi < lo {
			continue
		}
		p.wLo[k], p.wHi[k] = nAges, -1
		p.pLo[k], p.pHi[k] = min(p.pLo[k], lo), max(p.pHi[k], hi)
		off := k * nAges
		e := off + hi + 1 // (capacities not 0: no masking of the pointers)
		joinRow(p.pN[off+lo:e:e], p.pA[off+lo:e:e], p.pO[off+lo:e:e], p.wN[off+lo:e:e], p.wA[off+lo:e:e], p.wO[off+lo:e:e], ix)
	}
}

// joinRow adds the pensions awarded during the year in one strip's ages,
// wn, wa and wo (counts, amounts and own amounts), their amounts indexed
// by ix, to the pensions in payment of the same ages, pn, pa and po, and
// empties them: the slices all of the length of wn. Cells without
// pensions awarded are left alone: they hold no amounts.
//
// joinRow has two forms: with simd, joinRowAVX2 (joinrow_amd64.s), bit
// for bit the same, four cells at a time (TestJoinRowSIMD); without, the
// Go loop below.
func joinRow(pn, pa, po, wn, wa, wo []float64, ix float64) {
	pa, po, wa, wo = pa[:len(wn)], po[:len(wn)], wa[:len(wn)], wo[:len(wn)]
	pn = pn[:len(wn)]
	if simd {
		joinRowAVX2(pn, pa, po, wn, wa, wo, ix)
		return
	}
	for c, n := range wn {
		if n == 0 {
			continue
		}
		pn[c] += n
		pa[c] += float64(wa[c] * ix) // (float64: never fused, as in the AVX2 form)
		po[c] += float64(wo[c] * ix)
		wn[c], wa[c], wo[c] = 0, 0, 0
	}
}

// pensionRow pays, for the year, one strip of pension cells n, a, o
// (counts, yearly amounts as awarded and indexed, and their own amounts
// before any floor, by age) at mortality q, from the oldest age down,
// each cell's pensions under the year's limits lim ([rules.PaymentLimits.Pay]);
// adds their deaths, and the pensions paid to those dying, to dn and da
// when spouse; and moves the survivors, their amounts indexed by ix, up an
// age, but for the share rem (by age as q; nil: none) that remarries: n,
// a and o hold one age more than q, dn and da at least as many as q
// (unused without spouse). paid, topUp and deaths are the running sums of
// the pensions paid, their minimum-pension top-up and the deaths,
// returned updated with whether any survivor moved. Cells without
// pensioners are left alone: they hold no amounts (scheme validation's
// ErrEmptyCell for the census; every award and move keeps it so).
//
// The survivors of age k are stored in the cells of age k+1, not added:
// those are empty, their pensions paid and moved on already (the ages go
// from the oldest down) or, for the last, by pensionersPass, the ages
// above the strip's last being empty. Under no limits (no floor, no cap,
// no top-up: survivors' and orphans' pensions, LimitsAtAward) a cell pays
// its amount, which is what Pay gives, bit for bit, without calling it.
//
// pensionRow has two forms. With simd, a strip without remarriage goes
// to pensionRowAVX2 (pensionrow_amd64.s), four ages at a time, the lowest
// len mod 4 under a mask: each cell's survivors, amounts and death roll
// bit for bit as below, its limits those of Pay (TestPensionRowSIMD pins
// them to it), the sums added by lane. Without, and for the strips with
// remarriage, the Go loop below.
func pensionRow(n, a, o, q, dn, da, rem []float64, ix float64, lim *rules.PaymentLimits, spouse bool, paid, topUp, deaths float64) (float64, float64, float64, bool) {
	q = q[:len(n)-1]
	a, o = a[:len(n)], o[:len(n)]
	if !spouse {
		dn, da = nil, nil
	} else {
		dn, da = dn[:len(q)], da[:len(q)]
	}
	if rem != nil {
		rem = rem[:len(q)]
	}
	// The survivors of age k join age k+1, in n[k+1], a[k+1], o[k+1]:
	// indexing the same slices, rather than slices one age on, keeps the
	// loop's pointers in registers.
	lv := *lim // the limits, in registers
	// Without limits (survivors' and orphans' pensions, LimitsAtAward)
	// a cell pays its amount, without top-up: Pay is not needed.
	limited := lv.Floor > 0 || lv.Cap < math.Inf(1) || lv.Own
	moved := false
	if simd && rem == nil && len(q) > 0 {
		return pensionRowAVX2(n, a, o, q, dn, da, ix, lv.Floor, lv.Cap, limited, lv.Own, paid, topUp, deaths)
	}
	for k := len(q) - 1; k >= 0; k-- {
		nk := n[k]
		if nk == 0 {
			continue
		}
		amt, own := a[k], o[k]
		pay, tu := amt, 0.0
		if limited {
			pay, tu = lv.Pay(nk, amt, own)
		}
		n[k], a[k], o[k] = 0, 0, 0
		qk := q[k]
		paid += pay * (1 - 0.5*qk)
		topUp += tu * (1 - 0.5*qk)
		d := float64(nk * qk) // (float64: never fused into a multiply-add, as in the AVX2 form)
		deaths += d
		if dn != nil {
			dn[k] += d
			da[k] += float64(pay * qk)
		}
		surv := nk - d
		if surv <= 0 {
			continue
		}
		moved = true
		if rem != nil {
			stay := 1 - rem[k]
			n[k+1] = surv * stay
			a[k+1] = amt * (1 - qk) * stay * ix
			o[k+1] = own * (1 - qk) * stay * ix
			continue
		}
		n[k+1] = surv
		a[k+1] = amt * (1 - qk) * ix
		o[k+1] = own * (1 - qk) * ix
	}
	return paid, topUp, deaths, moved
}

// pensionerCounts adds to counts[ti] group g's pensions in payment of each
// type ti on 1 January: the cells of the type's rows in p.pN, the first
// sex's then the second's, each over its populated ages (p.pLo … p.pHi)
// from the lowest up, added one after the other into a sum that starts at
// 0.
//
// Each addition of a sum waits for the one before, so the types' sums are
// taken four at a time in step ([sumsInStep]): the four first sexes' rows
// together, then, each sum carried on, the four second sexes' rows. The
// sums are those of adding the cells one by one, bit for bit.
func (p *Projector) pensionerCounts(g int, counts *[census.NumPensionTypes]float64) {
	var rows [actuarial.NumSexes][census.NumPensionTypes][]float64
	var size [census.NumPensionTypes]int
	for ti := range census.NumPensionTypes {
		for sx := range actuarial.NumSexes {
			k := (g*census.NumPensionTypes+ti)*actuarial.NumSexes + sx
			if lo, hi := p.pLo[k], p.pHi[k]; lo <= hi {
				rows[sx][ti] = p.pN[k*nAges+lo : k*nAges+hi+1]
				size[ti] += hi - lo + 1
			}
		}
	}
	// Four types at a time, the most cells together.
	var order [census.NumPensionTypes]int
	for ti := range order {
		order[ti] = ti
	}
	slices.SortFunc(order[:], func(a, b int) int { return size[b] - size[a] })
	for i := 0; i < len(order); i += 4 {
		m := min(4, len(order)-i)
		var sums [4]float64
		for sx := range actuarial.NumSexes {
			var batch [4][]float64
			for j := range m {
				batch[j] = rows[sx][order[i+j]]
			}
			sums = sumsInStep(&batch, sums)
		}
		for j := range m {
			counts[order[i+j]] += sums[j]
		}
	}
}

// sumsInStep returns the sums from[k] + the values of run r[k], each added
// one after the other (the order of a plain loop, bit for bit), the four
// sums advanced in step while the runs last: the shortest run's length
// with all four, then the next with three, and so on.
func sumsInStep(r *[4][]float64, from [4]float64) (s [4]float64) {
	o := [4]int{0, 1, 2, 3} // the runs, shortest first
	for i := 1; i < 4; i++ {
		for j := i; j > 0 && len(r[o[j]]) < len(r[o[j-1]]); j-- {
			o[j], o[j-1] = o[j-1], o[j]
		}
	}
	a, b, c, d := r[o[0]], r[o[1]], r[o[2]], r[o[3]]
	sa, sb, sc, sd := from[o[0]], from[o[1]], from[o[2]], from[o[3]]
	la, lb, lc := len(a), len(b), len(c)
	b1, c1, d1 := b[:la], c[:la], d[:la]
	for i, x := range a {
		sa += x
		sb += b1[i]
		sc += c1[i]
		sd += d1[i]
	}
	b2, c2, d2 := b[la:], c[la:lb], d[la:lb]
	for i, x := range b2 {
		sb += x
		sc += c2[i]
		sd += d2[i]
	}
	c3, d3 := c[lb:], d[lb:lc]
	for i, x := range c3 {
		sc += x
		sd += d3[i]
	}
	for _, x := range d[lc:] {
		sd += x
	}
	s[o[0]], s[o[1]], s[o[2]], s[o[3]] = sa, sb, sc, sd
	return s
}
