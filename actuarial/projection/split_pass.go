// The split's passes: the flows and counts of a projection year by group,
// sex, service band and age, computed beside the cell passes from the same
// cells and factors, and the bands the pensions carry.

package projection

import (
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
)

// splitState follows the service bands of a run with Split set.
//
// An active's band follows from its cell: in year t an active with s < ms
// years of service was in the census with s − t years when s ≥ t, and
// joined later otherwise; bandSv holds that band by service. The cell at
// MaxService ms gathers the census's longest services (and, after ms
// years, entrants), so it keeps its band shares of the count and of the
// salaries in capN and capS; every operation on a cell is the same for all
// its members, so the shares only change when members join it.
//
// A pension cell mixes the pensions of several bands: shN and shA are its
// shares of the count and of the amount by band; every operation that
// moves a cell's pensions (deaths, indexation, remarriage, ageing) is the
// same for all of them, so the shares only change when pensions join a
// cell: retirements, and the awards of the year (wBN, wBA by band). The
// deaths that give survivors' and orphans' pensions are followed by band
// in deadN and deadA, so that those pensions take their deceased's band.
//
// The pensions a cell pays are its bands' in proportion to their amounts;
// when a minimum or a cap per head binds on the cell, in proportion to
// what the limits would pay each band's pensions apart. The survivors'
// pensions that a share schedule changes after the award
// (Rules.SurvivorSteps) change in proportion to the amounts.
type splitState struct {
	nB     int       // bands: 1 without ServiceBands
	bounds []int     // the ServiceBands
	bandSv []int     // by service 0..ms−1, the band of an active of the year
	capN   []float64 // [((g·NumSexes + sex)·nAges + age)·nB + band]
	capS   []float64 // the same, of the salaries
	// Pension cells' shares, [(g·nP + cell)·nB + band], and the awards
	// joining them on the next 1 January, [same] (count and amount).
	shN, shA, wBN, wBA []float64
	deadN, deadA       []float64   // [(sex·nAges + age)·nB + band]
	wkDeadN, wkDeadA   []float64   // the same, of the deaths at work (Rules.WorkRisks)
	retN, retA         []float64   // a row's retirements by kind and band, [kind·nB + band]
	payW               []float64   // a pension cell's payment by band
	acc                []cellFlows // a row's flows by band
	touched            []bool      // the bands of acc with a cell
	capF               cellFlows   // a MaxService cell's flows
	one                []float64   // {1}: the weights of a cell of one band
	entN               []float64   // the entrants of the next 1 January, [(g·NumSexes + sex)·nAges + age]
}

// bandOf returns the band of a census active with s years of service.
func (st *splitState) bandOf(s int) int {
	b := 0
	for i, lo := range st.bounds {
		if s >= lo {
			b = i
		}
	}
	return b
}

// inPayment and entrants are the indices of those bands (0 without bands).
func (st *splitState) inPayment() int { return max(st.nB-2, 0) }
func (st *splitState) entrants() int  { return st.nB - 1 }

// splitReset sizes the split's state for the run and sets the census's
// bands: the actives at MaxService in the band of that service, the
// pensions in payment in theirs.
func (p *Projector) splitReset() {
	st := &p.st
	st.bounds = p.ServiceBands
	st.nB = numBands(st.bounds)
	nB := st.nB
	st.bandSv = vec.Grow(st.bandSv, p.ms)
	st.capN = vec.Grow(st.capN, p.nG*actuarial.NumSexes*nAges*nB)
	st.capS = vec.Grow(st.capS, p.nG*actuarial.NumSexes*nAges*nB)
	st.shN, st.shA = vec.Grow(st.shN, p.nG*p.nP*nB), vec.Grow(st.shA, p.nG*p.nP*nB)
	st.wBN, st.wBA = vec.Grow(st.wBN, p.nG*p.nP*nB), vec.Grow(st.wBA, p.nG*p.nP*nB)
	st.deadN, st.deadA = vec.Grow(st.deadN, actuarial.NumSexes*nAges*nB), vec.Grow(st.deadA, actuarial.NumSexes*nAges*nB)
	st.wkDeadN, st.wkDeadA = vec.Grow(st.wkDeadN, actuarial.NumSexes*nAges*nB), vec.Grow(st.wkDeadA, actuarial.NumSexes*nAges*nB)
	st.retN, st.retA = vec.Grow(st.retN, 2*nB), vec.Grow(st.retA, 2*nB)
	st.acc = vec.Grow(st.acc, nB)
	st.payW = vec.Grow(st.payW, nB)
	st.touched = vec.Grow(st.touched, nB)
	st.one = append(st.one[:0], 1)
	st.entN = vec.Grow(st.entN, p.nG*actuarial.NumSexes*nAges)
	clear(st.entN)
	for _, s := range [][]float64{st.capN, st.capS, st.shN, st.shA, st.wBN, st.wBA, st.deadN, st.deadA, st.wkDeadN, st.wkDeadA} {
		clear(s)
	}
	top := st.bandOf(p.ms)
	for i := top; i < len(st.capN); i += nB {
		st.capN[i], st.capS[i] = 1, 1
	}
	ip := st.inPayment()
	for i := ip; i < len(st.shN); i += nB {
		st.shN[i], st.shA[i] = 1, 1
	}
}

// splitYear sets the bands of the actives of year index t by service.
func (p *Projector) splitYear(t int) {
	st := &p.st
	for s := range st.bandSv {
		if s >= t {
			st.bandSv[s] = st.bandOf(s - t)
		} else {
			st.bandSv[s] = st.entrants()
		}
	}
}

// splitRow returns the year's split rows by age of group g, sex index sx
// and band b.
func (p *Projector) splitRow(g, sx, b int) []SplitRow {
	return p.sp[((g*actuarial.NumSexes+sx)*p.st.nB+b)*nAges:][:nAges]
}

// cellWeights returns the band of an active cell of service sv, and its
// shares by band of the count and of the salaries when it is the
// MaxService cell of group g, sex index sx and age (nil otherwise).
func (p *Projector) cellWeights(g, sx, age, sv int) (int, []float64, []float64) {
	if sv < p.ms {
		return p.st.bandSv[sv], nil, nil
	}
	nB := p.st.nB
	k := ((g*actuarial.NumSexes+sx)*nAges + age) * nB
	return 0, p.st.capN[k : k+nB], p.st.capS[k : k+nB]
}

// mix sets the shares w (by band) of a cell holding n0 before and add[b]
// more of band b after to their new proportions; it leaves them when
// nothing is added. tot is Σ add.
func mix(w []float64, n0 float64, add []float64, tot float64) {
	if !(tot > 0) {
		return
	}
	sum := n0 + tot
	if !(sum > 0) {
		return
	}
	for b := range w {
		w[b] = (n0*w[b] + add[b]) / sum
	}
}

// mixOne is mix with everything added in band b.
func mixOne(w []float64, n0 float64, b int, m float64) {
	if !(m > 0) || !(n0+m > 0) {
		return
	}
	for i := range w {
		w[i] *= n0 / (n0 + m)
	}
	w[b] += m / (n0 + m)
}

// splitMoveCap mixes into the MaxService cell of group to the cell of
// group from that moves to it (n members with salaries s, to holding n0
// and s0 before).
func (p *Projector) splitMoveCap(from, to, sx, age int, n, s, n0, s0 float64) {
	_, fn, fs := p.cellWeights(from, sx, age, p.ms)
	_, tn, ts := p.cellWeights(to, sx, age, p.ms)
	mix(tn, n0, scaledBy(p.st.retN[:len(fn)], fn, n), n)
	mix(ts, s0, scaledBy(p.st.retN[:len(fs)], fs, s), s)
}

// scaledBy sets dst to src·k and returns it.
func scaledBy(dst, src []float64, k float64) []float64 {
	for i, x := range src {
		dst[i] = x * k
	}
	return dst
}

// splitEnter records m entrants of group g, sex index sx and age for the
// next year's split.
func (p *Projector) splitEnter(g, sx, age int, m float64) {
	p.st.entN[(g*actuarial.NumSexes+sx)*nAges+age] += m
}

// splitEnterCap mixes m entrants with salaries s into the one service
// cell of a scheme without service (MaxService 0) holding n0 and s0.
func (p *Projector) splitEnterCap(g, sx, age int, m, s, n0, s0 float64) {
	_, wn, ws := p.cellWeights(g, sx, age, 0)
	mixOne(wn, n0, p.st.entrants(), m)
	mixOne(ws, s0, p.st.entrants(), s)
}

// splitStocks sets the year's split rows' stocks on 1 January, after
// entrants and transitions: the actives and the pensions in payment.
func (p *Projector) splitStocks() {
	st := &p.st
	nB := st.nB
	for g := range p.nG {
		for sx := range actuarial.NumSexes {
			k := g*actuarial.NumSexes + sx
			rows := p.sp[k*nB*nAges:][:nB*nAges] // rows[b·nAges + age]
			ent := rows[st.entrants()*nAges:][:nAges]
			for age, n := range st.entN[k*nAges : (k+1)*nAges] {
				if n != 0 {
					ent[age].Entrants += n
				}
			}
			clear(st.entN[k*nAges : (k+1)*nAges])
			for age := p.lo[k]; age <= p.hi[k]; age++ {
				row := g*p.nA + (sx*nAges+age)*p.ns
				sLo, sHi := p.svLo[k*nAges+age], p.svHi[k*nAges+age]
				if sHi < sLo {
					continue
				}
				for sv, n := range p.aN[row+sLo : row+min(sHi+1, p.ms)] {
					if n != 0 {
						rows[st.bandSv[sLo+sv]*nAges+age].Actives += n
					}
				}
				if n := p.aN[row+p.ms]; sHi >= p.ms && n != 0 {
					_, w, _ := p.cellWeights(g, sx, age, p.ms)
					for b, x := range w {
						rows[b*nAges+age].Actives += n * x
					}
				}
			}
			for ti := range census.NumPensionTypes {
				ks := (g*census.NumPensionTypes+ti)*actuarial.NumSexes + sx
				for age := p.pLo[ks]; age <= p.pHi[ks]; age++ {
					c := ks*nAges + age
					n := p.pN[c]
					if n == 0 {
						continue
					}
					for b, x := range st.shN[c*nB : (c+1)*nB] {
						rows[b*nAges+age].Pensioners[ti] += n * x
					}
				}
			}
		}
	}
}

// cellFlows are active cells' flows of the year, as activesPass computes
// them: retirements on 1 January (by kind: full, reduced), disability
// pensions and deaths with a pension due, contributions and exits during
// the year.
type cellFlows struct {
	wd, refunds               float64
	ret, retA, retS, retR     [2]float64
	disN, disA, dead, deadA   float64
	bill, base, exD, exI, exW float64
	// The work risks: exits, pensions of a disability at work, and
	// deaths at work with a benefit due and their base pensions.
	wkExD, wkExI, wkDisN, wkDisA, wkDead, wkDeadA float64
}

// addScaled adds f to a, its counts times wn and its amounts (in
// proportion to salaries) times ws.
func (a *cellFlows) addScaled(f *cellFlows, wn, ws float64) {
	a.wd += wn * f.wd
	a.refunds += ws * f.refunds
	for ki := range 2 {
		a.ret[ki] += wn * f.ret[ki]
		a.retA[ki] += ws * f.retA[ki]
		a.retS[ki] += ws * f.retS[ki]
		a.retR[ki] += ws * f.retR[ki]
	}
	a.disN += wn * f.disN
	a.disA += ws * f.disA
	a.dead += wn * f.dead
	a.deadA += ws * f.deadA
	a.bill += ws * f.bill
	a.base += ws * f.base
	a.exD += wn * f.exD
	a.exI += wn * f.exI
	a.exW += wn * f.exW
	a.wkExD += wn * f.wkExD
	a.wkExI += wn * f.wkExI
	a.wkDisN += wn * f.wkDisN
	a.wkDisA += ws * f.wkDisA
	a.wkDead += wn * f.wkDead
	a.wkDeadA += ws * f.wkDeadA
}

// addTo adds f to row r, with its contributions at the year's rates and
// its extra payments at the year's share extra of the pensions paid.
func (f *cellFlows) addTo(r *SplitRow, rates *[scheme.NumPayers]float64, extra float64) {
	for pay, x := range rates {
		r.Contributions[pay] += x * f.base
	}
	r.ExtraPayments += extra * 0.5 * (f.disA + f.wkDisA)
	r.Exits[actuarial.WorkDeath] += f.wkExD
	r.Exits[actuarial.WorkDisability] += f.wkExI
	r.Pensions[idxWorkDis] += 0.5 * f.wkDisA
	r.NewPensions[idxWorkDis] += f.wkDisN
	r.NewPensionAmounts[idxWorkDis] += f.wkDisA
	r.Exits[actuarial.Withdrawal] += f.wd + f.exW
	r.Exits[actuarial.Death] += f.exD
	r.Exits[actuarial.Disability] += f.exI
	r.Refunds += f.refunds
	r.SalaryBill += f.bill
	r.ContributionBase += f.base
	for ki := range 2 {
		ti := idxOldAge + ki
		r.Exits[actuarial.Retirement] += f.ret[ki]
		r.NewPensions[ti] += f.ret[ki]
		r.NewPensionAmounts[ti] += f.retA[ki]
		r.RetiringSalaries[ti] += f.retS[ki]
		r.ReferenceSalaries[ti] += f.retR[ki]
	}
	r.Pensions[idxDisability] += 0.5 * f.disA
	r.NewPensions[idxDisability] += f.disN
	r.NewPensionAmounts[idxDisability] += f.disA
}

// splitActives adds group g and sex index sx's active flows of the year
// to the split rows of their bands, before activesPass moves the cells:
// the same arithmetic on the same cells and factors, cell by cell, summed
// by band over each age. The retirements' bands join their pension cells'
// shares, the disability pensions' the awards of the year, the deaths
// with a pension due the deaths by band; the MaxService cells' shares move
// to the next age with their survivors.
func (p *Projector) splitActives(g, sx int) {
	gc := &p.gc[g]
	st := &p.st
	nB, ms, ns := st.nB, p.ms, p.ns
	ks := g*actuarial.NumSexes + sx
	lo, hi := p.lo[ks], p.hi[ks]
	plane := nAges * ns
	off := g*p.nA + sx*plane
	aN, aS := p.aN[off:off+plane], p.aS[off:off+plane]
	gl := sx * plane // the plane in a group's cell arrays
	kinds, rates, factors := gc.retKind[gl:gl+plane], gc.retRate[gl:gl+plane], gc.retFactor[gl:gl+plane]
	svLo, svHi := p.svLo[ks*nAges:(ks+1)*nAges], p.svHi[ks*nAges:(ks+1)*nAges]
	dec := p.dec[sx]
	yr := &gc.yr
	retCap, retFloor, sustain := yr.RetCap[sx], yr.RetFloor[sx], yr.Sustain[sx]
	disCap, disFloor, deathBenefit := yr.DisCap[sx], yr.DisFloor[sx], yr.DeathBenefit
	ceiling, refund := yr.Ceiling, yr.Refund
	var halfRate float64
	if p.trackAcc {
		halfRate = 0.5 * yr.ContributionRate[scheme.Worker]
	}
	ref := gc.retRatio[sx]
	wk := p.wdec[sx] // empty without work risks
	wkDisCap, wkDisFloor, wkDeathCap, wkDeathFloor, wkDeath := yr.WorkDisCap, yr.WorkDisFloor, yr.WorkDeathCap, yr.WorkDeathFloor, yr.WorkDeathBenefit
	pbase := g * p.nP
	capN, capS := st.capN[ks*nAges*nB:(ks+1)*nAges*nB], st.capS[ks*nAges*nB:(ks+1)*nAges*nB]
	rows := p.sp[ks*nB*nAges : (ks+1)*nB*nAges] // rows[b·nAges + age]
	acc, touched := st.acc, st.touched
	bandSv := st.bandSv
	for age := hi; age >= lo; age-- {
		sLo, sHi := svLo[age], svHi[age]
		if sHi < sLo {
			continue
		}
		clear(acc)
		clear(touched)
		retire := age >= gc.retMin
		dis := age < census.MaxCensusAge
		// The survivors reaching the next age's MaxService cell from ms−1
		// and ms, and their salaries.
		var toCap, toCapS [2]float64
		for sv := sLo; sv <= sHi; sv++ {
			c := age*ns + sv
			n := aN[c]
			if n == 0 {
				continue
			}
			sal := aS[c]
			var f *cellFlows
			if sv < ms {
				b := bandSv[sv]
				f, touched[b] = &acc[b], true
			} else {
				f = &st.capF
				*f = cellFlows{}
			}
			if retire {
				if kind := kinds[c]; kind != rules.None {
					rr := rates[c]
					m := n * rr
					if kind == rules.Withdraw {
						f.wd += m
						if p.trackAcc {
							cb := sal
							if c := n * ceiling; cb > c {
								cb = c
							}
							f.refunds += refund * rr * cb * gc.avgRate[sv] * p.acc.t[c]
						}
					} else {
						amt := clamp(factors[c]*sal*sustain, n*retFloor, n*retCap)
						ki := 0
						if kind != rules.Full {
							ki = 1
						}
						rs := rr * sal
						rf := rs
						if ref != nil {
							rf *= ref[c]
						}
						f.ret[ki] += m
						f.retA[ki] += rr * amt
						f.retS[ki] += rs
						f.retR[ki] += rf
					}
					if rr >= 1 {
						n, sal = 0, 0
					} else {
						n, sal = n-m, sal*(1-rr)
					}
				}
			}
			if n != 0 {
				dc := &dec[c]
				if fj := gc.disFactor[c]; fj > 0 && (dc.I > 0 || deathBenefit) {
					amt := clamp(fj*sal, n*disFloor, n*disCap)
					if dis {
						f.disN += n * dc.I
						f.disA += dc.I * amt
					}
					if deathBenefit {
						f.dead += n * dc.D
						f.deadA += dc.D * amt
					}
				}
				cb := sal
				if c := n * ceiling; cb > c {
					cb = c
				}
				f.bill += sal * dc.E
				f.base += cb * dc.E
				f.refunds += refund * dc.W * cb * (gc.accR[c] + halfRate)
				f.exD += n * dc.D
				f.exI += n * dc.I
				f.exW += n * dc.W
				if len(wk) > 0 {
					w := wk[c]
					f.wkExD += n * w.D
					f.wkExI += n * w.I
					if fi := gc.wkDis[c]; fi > 0 && w.I > 0 && dis {
						f.wkDisN += n * w.I
						f.wkDisA += w.I * clamp(fi*sal, n*wkDisFloor, n*wkDisCap)
					}
					if fd := gc.wkDeath[c]; fd > 0 && w.D > 0 && wkDeath {
						f.wkDead += n * w.D
						f.wkDeadA += w.D * clamp(fd*sal, n*wkDeathFloor, n*wkDeathCap)
					}
				}
				if sv >= ms-1 {
					toCap[sv-ms+1], toCapS[sv-ms+1] = n*dc.F, sal*dc.F*dc.M
				}
			}
			if sv == ms {
				wn, ws := capN[age*nB:(age+1)*nB], capS[age*nB:(age+1)*nB]
				for b := range acc {
					acc[b].addScaled(f, wn[b], ws[b])
					touched[b] = true
				}
			}
		}
		for b := range acc {
			a := &acc[b]
			if !touched[b] {
				continue
			}
			a.addTo(&rows[b*nAges+age], &yr.ContributionRate, yr.Extra)
			for ki := range 2 {
				st.retN[ki*nB+b] = a.ret[ki]
				st.retA[ki*nB+b] = a.retA[ki]
			}
			if dis {
				pc := (pbase+(idxDisability*actuarial.NumSexes+sx)*nAges+age+1)*nB + b
				st.wBN[pc] += a.disN
				st.wBA[pc] += a.disA
			}
			d := (sx*nAges+age)*nB + b
			st.deadN[d] += a.dead
			st.deadA[d] += a.deadA
			if len(wk) > 0 {
				if dis {
					pc := (pbase+(idxWorkDis*actuarial.NumSexes+sx)*nAges+age+1)*nB + b
					st.wBN[pc] += a.wkDisN
					st.wBA[pc] += a.wkDisA
				}
				st.wkDeadN[d] += a.wkDead
				st.wkDeadA[d] += a.wkDeadA
			}
		}
		// The retirements join their pension cells on 1 January.
		for ki := range 2 {
			retN, retA := st.retN[ki*nB:(ki+1)*nB], st.retA[ki*nB:(ki+1)*nB]
			var tn, ta float64
			for b := range nB {
				if !touched[b] {
					retN[b], retA[b] = 0, 0
				}
				tn += retN[b]
				ta += retA[b]
			}
			if tn > 0 {
				pc := pbase + ((idxOldAge+ki)*actuarial.NumSexes+sx)*nAges + age
				mix(st.shN[pc*nB:(pc+1)*nB], p.pN[pc], retN, tn)
				mix(st.shA[pc*nB:(pc+1)*nB], p.pA[pc], retA, ta)
			}
		}
		// The next age's MaxService cell: the survivors of this age's
		// MaxService − 1 and MaxService cells.
		if age < census.MaxCensusAge {
			capNext(capN[(age+1)*nB:(age+2)*nB], capN[age*nB:(age+1)*nB], toCap, bandSv, ms)
			capNext(capS[(age+1)*nB:(age+2)*nB], capS[age*nB:(age+1)*nB], toCapS, bandSv, ms)
		}
	}
}

// splitPensions adds the pensions that the strip of group g, pension type
// ti and sex index sx pays in the year (ages lo..hi, mortality q, limits
// lim) to its bands' split rows, and, with spouse, its deaths to the
// deaths by band, before pensionersPass moves the cells.
func (p *Projector) splitPensions(g, ti, sx, lo, hi int, q *[nAges]float64, lim *rules.PaymentLimits, spouse bool) {
	st := &p.st
	nB := st.nB
	cb := g*p.nP + (ti*actuarial.NumSexes+sx)*nAges
	rows := p.sp[(g*actuarial.NumSexes+sx)*nB*nAges:][:nB*nAges] // rows[b·nAges + age]
	extra := p.gc[g].yr.Extra
	limited := nB > 1 && (lim.Floor > 0 || !math.IsInf(lim.Cap, 1))
	w := st.payW[:nB]
	for age := lo; age <= hi; age++ {
		c := cb + age
		n := p.pN[c]
		if n == 0 {
			continue
		}
		a, o := p.pA[c], p.pO[c]
		pay, _ := lim.Pay(n, a, o)
		qa := q[age]
		paid := pay * (1 - 0.5*qa)
		shN, shA := st.shN[c*nB:(c+1)*nB], st.shA[c*nB:(c+1)*nB]
		copy(w, shA)
		if limited && pay != a {
			// A cap or floor binds on the cell: share its payment as the
			// limits would pay each band's pensions apart.
			var tot float64
			for b := range nB {
				w[b], _ = lim.Pay(n*shN[b], a*shA[b], o*shA[b])
				tot += w[b]
			}
			if tot > 0 {
				for b := range w {
					w[b] /= tot
				}
			} else {
				copy(w, shA)
			}
		}
		for b, x := range w {
			r := &rows[b*nAges+age]
			r.Pensions[ti] += paid * x
			r.ExtraPayments += extra * paid * x
		}
		if spouse {
			d := (sx*nAges + age) * nB
			for b := range nB {
				st.deadN[d+b] += n * qa * shN[b]
				st.deadA[d+b] += pay * qa * w[b]
			}
		}
	}
}

// splitAge moves the shares of the pension cells cb+lo..cb+top up an age
// with their survivors.
func (p *Projector) splitAge(cb, lo, top int) {
	nB := p.st.nB
	copy(p.st.shN[(cb+lo+1)*nB:(cb+top+2)*nB], p.st.shN[(cb+lo)*nB:(cb+top+1)*nB])
	copy(p.st.shA[(cb+lo+1)*nB:(cb+top+2)*nB], p.st.shA[(cb+lo)*nB:(cb+top+1)*nB])
}

// deadShares returns the shares by band of the deaths (count and pensions)
// of sex index sx and age, in the state's scratch; every band's when none
// is recorded (a death of no band cannot occur: the shares are then
// unused).
func (p *Projector) deadShares(sx, age int, work bool) (fn, fa []float64) {
	st := &p.st
	nB := st.nB
	d := (sx*nAges + age) * nB
	fn, fa = st.retN[:nB], st.retA[:nB]
	deadN, deadA := st.deadN, st.deadA
	if work {
		deadN, deadA = st.wkDeadN, st.wkDeadA
	}
	var tn, ta float64
	for b := range nB {
		tn += deadN[d+b]
		ta += deadA[d+b]
	}
	for b := range nB {
		fn[b], fa[b] = 0, 0
		if tn > 0 {
			fn[b] = deadN[d+b] / tn
		}
		if ta > 0 {
			fa[b] = deadA[d+b] / ta
		}
	}
	if !(tn > 0) {
		fn[0] = 1
	}
	if !(ta > 0) {
		fa[0] = 1
	}
	return fn, fa
}

// splitSurvivor splits the survivors' pensions (m of them, amt a year)
// that the deaths of group g, sex index sx and age give to spouses of sex
// index ssx aged sage on the next 1 January (pension cell pc of the
// awards), by the deaths' bands; with work, the deaths at work and the
// widow(er)s' pensions of census.PensionWorkSurvivor.
func (p *Projector) splitSurvivor(g, sx, age, ssx, sage, pc int, m, amt float64, work bool) {
	is := idxSurvivor
	if work {
		is = idxWorkSurv
	}
	st := &p.st
	fn, fa := p.deadShares(sx, age, work)
	for b := range st.nB {
		r := &p.splitRow(g, ssx, b)[max(sage-1, 0)]
		r.Pensions[is] += 0.5 * amt * fa[b]
		r.ExtraPayments += p.gc[g].yr.Extra * 0.5 * amt * fa[b]
		r.NewPensions[is] += m * fn[b]
		r.NewPensionAmounts[is] += amt * fa[b]
		st.wBN[pc*st.nB+b] += m * fn[b]
		st.wBA[pc*st.nB+b] += amt * fa[b]
	}
}

// splitOrphans splits the orphans' pensions (m of them aged oage, amt a
// year, half boys and half girls) that the deaths of group g, sex index sx
// and age give, by the deaths' bands; with next, they join the pension
// cells on the next 1 January. With work, the deaths are those at work.
func (p *Projector) splitOrphans(g, sx, age, oage int, next bool, m, amt float64, work bool) {
	st := &p.st
	fn, fa := p.deadShares(sx, age, work)
	for osx := range actuarial.NumSexes {
		pc := g*p.nP + (idxOrphan*actuarial.NumSexes+osx)*nAges + oage + 1
		for b := range st.nB {
			r := &p.splitRow(g, osx, b)[oage]
			r.Pensions[idxOrphan] += 0.25 * amt * fa[b]
			r.ExtraPayments += p.gc[g].yr.Extra * 0.25 * amt * fa[b]
			r.NewPensions[idxOrphan] += m / 2 * fn[b]
			r.NewPensionAmounts[idxOrphan] += amt / 2 * fa[b]
			if next {
				st.wBN[pc*st.nB+b] += m / 2 * fn[b]
				st.wBA[pc*st.nB+b] += amt / 2 * fa[b]
			}
		}
	}
}

// splitDeathsDone empties the deaths by band (with work, the deaths at
// work) once award has used them.
func (p *Projector) splitDeathsDone(work bool) {
	if work {
		clear(p.st.wkDeadN)
		clear(p.st.wkDeadA)
		return
	}
	clear(p.st.deadN)
	clear(p.st.deadA)
}

// splitJoin mixes group g's awards of the year into their pension cells'
// shares, before they join them indexed by ix.
func (p *Projector) splitJoin(g int, ix float64) {
	st := &p.st
	nB := st.nB
	pbase := g * p.nP
	for k := pbase / nAges; k < (pbase+p.nP)/nAges; k++ {
		for age := p.wLo[k]; age <= p.wHi[k]; age++ {
			c := k*nAges + age
			if p.wN[c] == 0 {
				continue
			}
			wn, wa := st.wBN[c*nB:(c+1)*nB], st.wBA[c*nB:(c+1)*nB]
			var tn, ta float64
			for b := range nB {
				wa[b] *= ix
				tn += wn[b]
				ta += wa[b]
			}
			mix(st.shN[c*nB:(c+1)*nB], p.pN[c], wn, tn)
			mix(st.shA[c*nB:(c+1)*nB], p.pA[c], wa, ta)
			clear(wn)
			clear(wa)
		}
	}
}

// capNext sets next, the shares of a MaxService cell on the next
// 1 January, from cur, this year's shares of the cell that stays in it,
// and the survivors to[1] of that cell and to[0] of the MaxService − 1
// cell (of a single band); it leaves next when none survives.
func capNext(next, cur []float64, to [2]float64, bandSv []int, ms int) {
	tot := to[0] + to[1]
	if !(tot > 0) {
		return
	}
	for b := range next {
		next[b] = to[1] * cur[b] / tot
	}
	if ms > 0 {
		next[bandSv[ms-1]] += to[0] / tot
	}
}

// clamp is x capped at hi then floored at lo, as the cell passes limit
// pensions per head (plain comparisons: the arguments are not NaN).
func clamp(x, lo, hi float64) float64 {
	if x > hi {
		x = hi
	}
	if x < lo {
		x = lo
	}
	return x
}
