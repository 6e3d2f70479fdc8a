// Awards of a projection year: retirements on 1 January, and the
// survivors' and orphans' pensions of the year's deaths.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// retRow is one row of active cells (one group, sex and age) as retireRow
// takes it: the cells j0 to len(n)-1 of its sex's planes, which hold at
// least len(n) cells each.
type retRow struct {
	n, s           []float64    // the cells' counts and salaries
	kinds          []rules.Exit // their retirement kinds,
	rates, factors []float64    // probabilities and pension factors
	ref            []float64    // their reference ratios; nil when the reference salary is the last salary, or one for the row (scalar)
	scalar         bool         // factors are the exits' factors, and refV the reference ratio, of every cell
	refV           float64      // with scalar: the row's reference ratio, each cell's factor factors[j]·refV
	past           []float64    // their past salaries; nil without refunds
	avg            []float64    // the contribution rates by service, cell j's at j − sv0; nil without refunds
	j0             int          // the row's first cell
	sv0            int          // the index of the row's service 0 (the age's cells from it on)
	pk0, age       int          // the pension strip of the row's group and sex for the first pension type, and the row's age
	dc0            int          // the detail offset of the row's planes
	pdbase         int          // the detail offset of the year's pensioner cells
	sustain        float64      // the sustainability factor of the row's sex
	retCap         float64      // the cap per head of the row's sex's retirement pensions (+Inf: none)
	retFloor       float64      // and their floor (0: none)
}

// retireRow retires the members of row on 1 January, leaving in the cells
// those who stay.
//
// The cells of a row come in runs of one kind (withdrawals at the
// youngest services, then reduced and full pensions): each run goes
// through a loop of its own, which keeps in registers the sums of its
// kind only. Every sum adds the cells in their order, but for retireRun's
// AVX2 form, which adds them by lane.
func (p *Projector) retireRow(gc *groupCache, row *retRow, yr *YearResult, det *CellDetail) {
	nRow := row.n
	kinds := row.kinds[:len(nRow)]
	rates := row.rates[:len(nRow)]
	if det != nil {
		// The exits by cell, before the cells change.
		c0 := row.dc0
		for j := row.j0; j < len(nRow); j++ {
			n := nRow[j]
			switch kinds[j] {
			case rules.None:
			case rules.Withdraw:
				det.Exits[actuarial.Withdrawal][c0+j] += n * rates[j]
			default:
				det.Exits[actuarial.Retirement][c0+j] += n * rates[j]
			}
		}
	}
	// The pensions awarded by kind (full, reduced) and the withdrawals
	// and their refunds (before the refund share).
	var sums [2]retSums
	var wdN, wdR float64
	withdraw := false
	for j := row.j0; uint(j) < uint(len(nRow)); { // (uint: no bounds checks)
		switch kinds[j] {
		case rules.None:
			j++
		case rules.Withdraw:
			j, wdN, wdR = withdrawRun(row, j, gc.yr.Ceiling, wdN, wdR)
			withdraw = true
		case rules.Full:
			j = retireRun(row, j, rules.Full, &sums[0])
		default:
			j = retireRun(row, j, rules.Reduced, &sums[1])
		}
	}
	if withdraw {
		yr.Exits[actuarial.Withdrawal] += wdN
		yr.Refunds += gc.yr.Refund * wdR
	}
	for ki := range sums {
		sk := &sums[ki]
		m := sk.n
		if m == 0 {
			continue
		}
		ti := idxOldAge + ki
		k := row.pk0 + ti*actuarial.NumSexes // the pension strip
		pc := k*nAges + row.age
		p.pN[pc] += m
		p.pLo[k], p.pHi[k] = min(p.pLo[k], row.age), max(p.pHi[k], row.age)
		p.pA[pc] += sk.a
		p.pO[pc] += sk.o
		yr.Exits[actuarial.Retirement] += m
		yr.NewPensions[ti] += m
		yr.NewPensionAmounts[ti] += sk.a
		yr.RetiringSalaries[ti] += sk.s
		yr.ReferenceSalaries[ti] += sk.r
		if det != nil {
			det.Retired[row.pdbase+pc] += m
		}
	}
}

// retireRatio readies row, of sex sx and the services sLo..sHi of an age,
// when refactor left the retirement factors to the rows (retJIT): where
// every cell that can retire lies in its table's tail of equal
// coefficients (rules.RatioPoly.Same), the row takes the tail's ratio that
// refactor found (retV), one for the row (retRow.scalar), and the exits'
// factors, which retireRun multiplies; otherwise the row's ratios and both
// sexes' factors are computed into the planes, as refactor computes them.
// Either way every cell's factor and reference ratio are refactor's, bit
// for bit (TestRetireRunScalar, TestProjectorVaryingWageGrowth): a
// stochastic year then writes no plane of factors for the rows where all
// retire on one ratio.
func (p *Projector) retireRatio(gc *groupCache, row *retRow, sx, age, sLo, sHi int) {
	rt := gc.retTable[sx]
	ns, plane := p.ns, nAges*p.ns
	ex := gc.yr.Exits
	g0 := sx * plane
	row.scalar = false
	row.factors, row.ref = gc.retFactor[g0:g0+plane:g0+plane], rt.r[:plane:plane]
	if v := gc.retV[sx][age]; v > 0 {
		row.scalar, row.refV = true, v
		row.factors, row.ref = ex.Factor[g0:g0+plane:g0+plane], nil
		return
	}
	s0, s1 := max(sLo, gc.canLo[age]), min(sHi, gc.canHi[age])
	if s1 < s0 {
		return // no one can retire here
	}
	c0, c1 := age*ns+s0, age*ns+s1+1
	rt.mark(c0, c1)
	rules.PolyRatioFactors(rt.r[c0:c1], rt.have[c0:c1], gc.canRetire[c0:c1], rt.d[c0*rt.k:c1*rt.k], rt.k, rt.xp, rt.same[age]-s0,
		ex.Factor[c0:c1], ex.Factor[plane+c0:plane+c1], gc.retFactor[c0:c1], gc.retFactor[plane+c0:plane+c1])
}

// retSums are the running sums of the pensions of one kind awarded in a
// row: the number, the yearly amounts after and before the floor, and the
// final and reference salaries of those retiring.
type retSums struct {
	n, a, o, s, r float64
}

// retireRun retires the members of row's run of cells of kind (Full or
// Reduced) from cell j on, at their probabilities, pension factors and
// reference ratios, their pensions capped and floored per head at row's
// limits; it adds the run's pensions to sums and returns the cell after
// the run.
//
// retireRun has two forms. With simd, the run goes to retireRunAVX2
// (retirerun_amd64.s), four cells at a time, the last 1 to 3 under a
// mask: each cell left as below bit for bit, its pensions capped and
// floored as rules.Clamp does (TestRetireRunSIMD pins them to it), the
// sums added by lane. Without, the Go loop below. A row of one reference
// ratio (row.scalar) multiplies each cell's factor by it where it reads
// it, the values of a row of planes factors·refV and refV bit for bit
// (TestRetireRunScalar).
func retireRun(row *retRow, j int, kind rules.Exit, sums *retSums) int {
	n := row.n
	if simd {
		if len(row.s) < len(n) || len(row.kinds) < len(n) || len(row.rates) < len(n) || len(row.factors) < len(n) ||
			(row.ref != nil && len(row.ref) < len(n)) || j < 0 {
			panic("projection: retireRun's row holds fewer cells than n")
		}
		return retireRunAVX2(row, j, kind, sums)
	}
	s, kinds, rr, f := row.s[:len(n)], row.kinds[:len(n)], row.rates[:len(n)], row.factors[:len(n)]
	ref := row.ref
	if ref != nil {
		ref = ref[:len(n)]
	}
	scalar, v := row.scalar, row.refV
	// The sums in registers (a struct of more than four fields is not).
	sn, sa, so, ss, sr := sums.n, sums.a, sums.o, sums.s, sums.r
	for ; j < len(n) && kinds[j] == kind; j++ {
		nj := n[j]
		if nj == 0 {
			continue
		}
		r := rr[j]
		m := float64(nj * r) // (float64: never fused into a multiply-add, as in the AVX2 form)
		sal := s[j]
		// The cell's pensions, capped and floored per head.
		fj := f[j]
		if scalar {
			fj = float64(fj * v) // the factor factors gives the cell
		}
		amt, own := rules.Clamp(fj*sal*row.sustain, nj*row.retFloor, nj*row.retCap)
		rs := r * sal // the final salaries of those retiring
		rf := rs
		if ref != nil {
			rf *= ref[j]
		} else if scalar {
			rf *= v
		}
		sn += m
		sa += r * amt
		so += r * own
		ss += rs
		sr += rf
		if left := nj - m; r >= 1 || left == 0 {
			n[j], s[j] = 0, 0 // an empty cell has no salary (stepPlane)
		} else {
			n[j], s[j] = left, sal*(1-r)
		}
	}
	*sums = retSums{n: sn, a: sa, o: so, s: ss, r: sr}
	return j
}

// withdrawRun takes out the members of row's run of cells withdrawing at
// the compulsory age without a pension from cell j on, at their
// probabilities, and returns the cell after the run and the withdrawals
// and their contributions to refund (before the refund share; none
// without past salaries) added to wdN and wdR. ceiling is the
// contribution ceiling per head.
func withdrawRun(row *retRow, j int, ceiling, wdN, wdR float64) (int, float64, float64) {
	n := row.n
	s, kinds, rr := row.s[:len(n)], row.kinds[:len(n)], row.rates[:len(n)]
	past, avg := row.past, row.avg
	if past != nil {
		past = past[:len(n)]
	}
	for ; j < len(n) && kinds[j] == rules.Withdraw; j++ {
		nj := n[j]
		if nj == 0 {
			continue
		}
		r := rr[j]
		sal := s[j]
		wdN += nj * r
		if past != nil {
			cb := sal
			if sal > nj*ceiling {
				cb = nj * ceiling
			}
			wdR += r * cb * avg[j-row.sv0] * past[j]
		}
		if left := nj - nj*r; r >= 1 || left == 0 {
			n[j], s[j] = 0, 0 // an empty cell has no salary (stepPlane)
		} else {
			n[j], s[j] = left, sal*(1-r)
		}
	}
	return j, wdN, wdR
}

// award adds the survivors' and orphans' pensions arising from the year's
// deaths in group g gathered in p.dead by sex and age of the
// deceased (members with a pension, or a disability pension for deaths in
// service, due: the deaths and Σ deaths × pension per head, a year), and
// empties them. With work set, it does the same for the deaths at work
// gathered in p.workDead (their base pensions of scheme.WorkRisks.Death),
// at the work risks' shares, the widow(er)s' pensions as
// census.PensionWorkSurvivor.
//
// The loop over a sex's ages adds the survivors' pensions, the spouses
// read by age from rules.Family.SpouseRow; it leaves the rarer ages with
// orphans (rules.Family.OrphanRow), and every age when the detail or the
// split is on, to awardAge.
func (p *Projector) award(g int, yr *YearResult, det *CellDetail, pdbase int, work bool) {
	dead, is := &p.dead, idxSurvivor
	if work {
		dead, is = &p.workDead, idxWorkSurv
	}
	gc := &p.gc[g]
	spouseEach, orphanEach := gc.yr.DeathShares(work)
	pbase := g * p.nP
	fam := &p.law.Family
	// The running sums, in registers; the orphans', rarer, in yr.
	paid := gc.paid
	sPaid, sNew, sAmt := yr.Pensions[is], yr.NewPensions[is], yr.NewPensionAmounts[is]
	for sx := range actuarial.NumSexes {
		lo, hi := max(dead.lo[sx], 0), min(dead.hi[sx], census.MaxCensusAge)
		dead.lo[sx], dead.hi[sx] = nAges, -1
		if lo > hi {
			continue
		}
		dn := dead.n[sx][lo : hi+1]
		da := dead.a[sx][lo : hi+1]
		da = da[:len(dn)]
		married, spouseAge, ssx := fam.SpouseRow(spouseEach, sx)
		mar, sage := married[lo:hi+1], spouseAge[lo:hi+1]
		mar, sage = mar[:len(dn)], sage[:len(dn)]
		// The ages awardAge takes: those with orphans, or all.
		more := fam.OrphanRow(&gc.yr, orphanEach, sx)
		if det != nil || p.sp != nil {
			more = &everyAge
		}
		slow := more[lo : hi+1]
		slow = slow[:len(dn)]
		// The spouses' strip (of the other sex: one strip, SpouseRow).
		so := pbase + (is*actuarial.NumSexes+ssx)*nAges
		wN := (*[nAges]float64)(p.wN[so : so+nAges])
		wA := (*[nAges]float64)(p.wA[so : so+nAges])
		wO := (*[nAges]float64)(p.wO[so : so+nAges])
		for i := 0; i < len(dn); i++ {
			// The ages up to the next awardAge takes, in a loop of their
			// own: the call outside it, so are its spills.
			for ; uint(i) < uint(len(dn)); i++ { // (uint: no bounds checks)
				deaths := dn[i]
				if !(deaths > 0) {
					continue
				}
				if mi := mar[i]; mi > 0 {
					m := deaths * mi
					amt := spouseEach * mi * da[i]
					sa := sage[i]
					wN[sa] += m
					wA[sa] += amt
					wO[sa] += amt
					sPaid += 0.5 * amt
					paid += 0.5 * amt
					sNew += m
					sAmt += amt
				}
				if slow[i] > 0 {
					break
				}
			}
			if i < len(dn) {
				paid = p.awardAge(g, yr, det, pdbase, work, sx, lo+i, dn[i], da[i], paid)
			}
		}
		// The ages the survivors' pensions reach in the spouses' strip:
		// from the first age of a deceased who leaves a spouse to the last
		// (SpouseRow's ages rise with the deceased's).
		if first, last := ends(len(dn), func(i int) bool { return dn[i] > 0 && mar[i] > 0 }); first <= last {
			touch(p.wLo, p.wHi, so+sage[first])
			touch(p.wLo, p.wHi, so+sage[last])
		}
		clear(dn)
		clear(da)
	}
	if p.sp != nil {
		p.splitDeathsDone(work)
	}
	gc.paid = paid
	yr.Pensions[is], yr.NewPensions[is], yr.NewPensionAmounts[is] = sPaid, sNew, sAmt
}

// everyAge is award's row of the ages it leaves to awardAge when the
// detail or the split is on: all of them. Never written.
var everyAge = func() (r [nAges]float64) {
	for age := range r {
		r[age] = 1
	}
	return r
}()

// awardAge completes award's work for the year's deaths at that age of
// sex index sx in group g, which leave deaths × pension per head amount
// due (award's arguments otherwise): the survivors' pensions, which award
// has added, into the detail and the split, when on; and the orphans'
// pensions, from rules.Family.OrphansOf. It returns paid with the
// orphans' pensions paid in the year added.
//
//go:noinline
func (p *Projector) awardAge(g int, yr *YearResult, det *CellDetail, pdbase int, work bool, sx, age int, deaths, amount, paid float64) float64 {
	gc := &p.gc[g]
	spouseEach, orphanEach := gc.yr.DeathShares(work)
	fam := &p.law.Family
	pbase := g * p.nP
	if det != nil || p.sp != nil {
		// The survivors' pensions, as award adds them from SpouseRow.
		if mar, share, ssx, sa := fam.SpouseOf(spouseEach, sx, age); mar > 0 {
			m := deaths * mar
			amt := share * amount
			is := idxSurvivor
			if work {
				is = idxWorkSurv
			}
			pc := pbase + (is*actuarial.NumSexes+ssx)*nAges + sa
			if det != nil {
				det.Awarded[pdbase+pc] += m
			}
			if p.sp != nil {
				p.splitSurvivor(g, sx, age, ssx, sa, pc, m, amt, work)
			}
		}
	}
	orph, share, oage, next := fam.OrphansOf(&gc.yr, orphanEach, sx, age)
	if !(orph > 0) {
		return paid
	}
	m := deaths * orph
	amt := share * amount
	yr.Pensions[idxOrphan] += 0.5 * amt
	paid += 0.5 * amt
	yr.NewPensions[idxOrphan] += m
	yr.NewPensionAmounts[idxOrphan] += amt
	if p.sp != nil {
		p.splitOrphans(g, sx, age, oage, next, m, amt, work)
	}
	if !next {
		// Paid for the rest of the year only.
		yr.PensionsEnded[idxOrphan] += m
		return paid
	}
	wN, wA, wO := p.wN[pbase:pbase+p.nP], p.wA[pbase:pbase+p.nP], p.wO[pbase:pbase+p.nP]
	for osx := range actuarial.NumSexes { // half boys, half girls
		pc := (idxOrphan*actuarial.NumSexes+osx)*nAges + oage + 1
		wN[pc] += m / 2
		touch(p.wLo, p.wHi, pbase+pc)
		wA[pc] += amt / 2
		wO[pc] += amt / 2
		if det != nil {
			det.Awarded[pdbase+pbase+pc] += m / 2
		}
	}
	return paid
}
