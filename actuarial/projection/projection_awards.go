// Awards of a projection year: retirements on 1 January, and the
// survivors' and orphans' pensions of the year's deaths.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// retRow is one row of active cells (one group, sex and age) as retireRow
// takes it.
type retRow struct {
	n, s           []float64    // the cells' counts and salaries
	kinds          []rules.Exit // their retirement kinds,
	rates, factors []float64    // probabilities and pension factors
	ref            []float64    // their reference ratios; nil when the reference salary is the last salary
	past, avg      []float64    // their past salaries and contribution rates; nil without refunds
	pc0            int          // the pensioner cell of the row's sex and age for the first pension type
	dc0            int          // the detail offset of the row's first cell
	pdbase         int          // the detail offset of the year's pensioner cells
	sustain        float64      // the sustainability factor of the row's sex
	retCap         float64      // the cap per head of the row's sex's retirement pensions (+Inf: none)
	retFloor       float64      // and their floor (0: none)
}

// retireRow retires the members of row on 1 January, leaving in the cells
// those who stay.
func (p *Projector) retireRow(gc *groupCache, row *retRow, yr *YearResult, det *CellDetail) {
	nRow, sRow, refRow, tRow, avgRow := row.n, row.s, row.ref, row.past, row.avg
	kinds, rates, factors := row.kinds, row.rates, row.factors
	pc0, c0, pdbase := row.pc0, row.dc0, row.pdbase
	// The withdrawals and their refunds, rarer than retirements, in memory
	// (an array of two is not kept in registers), so that the registers
	// hold the sums of the pensions awarded: number, yearly amount, final
	// and reference salaries of those retiring, by kind.
	var wd [2]float64
	var fullN, fullA, fullS, fullR, redN, redA, redS, redR float64
	var fullO, redO float64 // the amounts before the floor
	kinds, rates, factors = kinds[:len(nRow)], rates[:len(nRow)], factors[:len(nRow)]
	sRow = sRow[:len(nRow)]
	ones := refRow == nil
	if !ones {
		refRow = refRow[:len(nRow)]
	}
	// Without a cap or floor (+Inf, 0) these never hold: pensions are not
	// negative.
	retCap, retFloor := row.retCap, row.retFloor
	for j, n := range nRow {
		kind := kinds[j]
		if n == 0 || kind == rules.None {
			continue
		}
		rr := rates[j]
		m := n * rr
		sal := sRow[j]
		if kind == rules.Withdraw {
			wd[0] += m
			if tRow != nil {
				cb := sal
				if ceiling := gc.yr.Ceiling; sal > n*ceiling {
					cb = n * ceiling
				}
				wd[1] += rr * cb * avgRow[j] * tRow[j]
			}
			if det != nil {
				det.Exits[actuarial.Withdrawal][c0+j] += m
			}
		} else {
			// The cell's pensions, capped and floored per head.
			amt, own := rules.Clamp(factors[j]*sal*row.sustain, n*retFloor, n*retCap)
			rs := rr * sal // the final salaries of those retiring
			ref := rs
			if !ones {
				ref *= refRow[j]
			}
			if kind == rules.Full {
				fullN += m
				fullA += rr * amt
				fullO += rr * own
				fullS += rs
				fullR += ref
			} else {
				redN += m
				redA += rr * amt
				redO += rr * own
				redS += rs
				redR += ref
			}
			if det != nil {
				det.Exits[actuarial.Retirement][c0+j] += m
			}
		}
		if rr >= 1 {
			nRow[j], sRow[j] = 0, 0
		} else {
			nRow[j], sRow[j] = n-m, sal*(1-rr)
		}
	}
	yr.Exits[actuarial.Withdrawal] += wd[0]
	yr.Refunds += gc.yr.Refund * wd[1]
	newN, newA, newO := [2]float64{fullN, redN}, [2]float64{fullA, redA}, [2]float64{fullO, redO}
	newS, newR := [2]float64{fullS, redS}, [2]float64{fullR, redR}
	for ki, m := range newN {
		if m == 0 {
			continue
		}
		ti := idxOldAge + ki
		pc := pc0 + ti*actuarial.NumSexes*nAges
		p.pN[pc] += m
		touch(p.pLo, p.pHi, pc)
		p.pA[pc] += newA[ki]
		p.pO[pc] += newO[ki]
		yr.Exits[actuarial.Retirement] += m
		yr.NewPensions[ti] += m
		yr.NewPensionAmounts[ti] += newA[ki]
		yr.RetiringSalaries[ti] += newS[ki]
		yr.ReferenceSalaries[ti] += newR[ki]
		if det != nil {
			det.Retired[pdbase+pc] += m
		}
	}
}

// award adds the survivors' and orphans' pensions arising from the year's
// deaths in group g gathered in p.dead by sex and age of the
// deceased (members with a pension, or a disability pension for deaths in
// service, due: the deaths and Σ deaths × pension per head, a year), and
// empties them. With work set, it does the same for the deaths at work
// gathered in p.workDead (their base pensions of scheme.WorkRisks.Death),
// at the work risks' shares, the widow(er)s' pensions as
// census.PensionWorkSurvivor.
func (p *Projector) award(g int, yr *YearResult, det *CellDetail, pdbase int, work bool) {
	dead, is := &p.dead, idxSurvivor
	if work {
		dead, is = &p.workDead, idxWorkSurv
	}
	gc := &p.gc[g]
	spouseEach, orphanEach := gc.yr.DeathShares(work)
	pbase := g * p.nP
	wN, wA, wO := p.wN[pbase:pbase+p.nP], p.wA[pbase:pbase+p.nP], p.wO[pbase:pbase+p.nP]
	fam := &p.law.Family
	// The running sums, in registers.
	paid := gc.paid
	sPaid, sNew, sAmt := yr.Pensions[is], yr.NewPensions[is], yr.NewPensionAmounts[is]
	oPaid, oNew, oEnded := yr.Pensions[idxOrphan], yr.NewPensions[idxOrphan], yr.PensionsEnded[idxOrphan]
	oAmt := yr.NewPensionAmounts[idxOrphan]
	for sx := range actuarial.NumSexes {
		lo, hi := max(dead.lo[sx], 0), min(dead.hi[sx], census.MaxCensusAge)
		dead.lo[sx], dead.hi[sx] = nAges, -1
		dn, da := &dead.n[sx], &dead.a[sx]
		for age := lo; age <= hi; age++ {
			deaths := dn[age]
			if !(deaths > 0) {
				continue
			}
			amount := da[age]
			dn[age], da[age] = 0, 0
			if mar, share, ssx, sage := fam.SpouseOf(spouseEach, sx, age); mar > 0 {
				m := deaths * mar
				amt := share * amount
				pc := (is*actuarial.NumSexes+ssx)*nAges + sage
				wN[pc] += m
				touch(p.wLo, p.wHi, pbase+pc)
				wA[pc] += amt
				wO[pc] += amt
				sPaid += 0.5 * amt
				paid += 0.5 * amt
				sNew += m
				sAmt += amt
				if det != nil {
					det.Awarded[pdbase+pbase+pc] += m
				}
				if p.sp != nil {
					p.splitSurvivor(g, sx, age, ssx, sage, pbase+pc, m, amt, work)
				}
			}
			orph, share, oage, next := fam.OrphansOf(&gc.yr, orphanEach, sx, age)
			if !(orph > 0) {
				continue
			}
			m := deaths * orph
			amt := share * amount
			oPaid += 0.5 * amt
			paid += 0.5 * amt
			oNew += m
			oAmt += amt
			if p.sp != nil {
				p.splitOrphans(g, sx, age, oage, next, m, amt, work)
			}
			if !next {
				// Paid for the rest of the year only.
				oEnded += m
				continue
			}
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
		}
	}
	if p.sp != nil {
		p.splitDeathsDone(work)
	}
	gc.paid = paid
	yr.Pensions[is], yr.NewPensions[is], yr.NewPensionAmounts[is] = sPaid, sNew, sAmt
	yr.Pensions[idxOrphan], yr.NewPensions[idxOrphan], yr.PensionsEnded[idxOrphan] = oPaid, oNew, oEnded
	yr.NewPensionAmounts[idxOrphan] = oAmt
}
