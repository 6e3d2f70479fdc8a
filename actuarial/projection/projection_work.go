// The work risks of a projection year: disability and death at work among
// the actives, beside the non-work ones of the actives' pass.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// workRows takes group g's work risks of year t among the active cells of
// sex index sx, ages hi down to lo, before stepPlane takes their other
// exits out: the disabled at work get their pensions (paid for half the
// year, then in payment from the next 1 January at the next age, as
// census.PensionWorkDisability), capped and floored per head; the deaths
// at work with a benefit due join p.workDead with their base pensions,
// for the survivors' and orphans' pensions ([Projector.award]). The exits
// are counted by cause (the split's, by band, in splitActives). Only a sex
// that meets work risks comes here.
func (p *Projector) workRows(g, sx, t int, aN, aS []float64, wk []rules.Work, svLo, svHi []int, lo, hi int, yr *YearResult, det *CellDetail) {
	gc := &p.gc[g]
	y := &gc.yr
	ns := p.ns
	pbase := g * p.nP
	pdbase, dbase := 0, 0
	if det != nil {
		pdbase = t * p.nG * p.nP
		dbase = t*p.nG*p.nA + g*p.nA + sx*nAges*ns
	}
	deathBenefit := y.WorkDeathBenefit
	disCap, disFloor, deathCap, deathFloor := y.WorkDisCap, y.WorkDisFloor, y.WorkDeathCap, y.WorkDeathFloor
	var exD, exI, paid, topUp, newN, newA float64
	for age := hi; age >= lo; age-- {
		sLo, sHi := svLo[age], svHi[age]
		if sHi < sLo {
			continue
		}
		c0, c1 := age*ns+sLo, age*ns+sHi+1
		n := aN[c0:c1]
		sal, w := aS[c0:c1], wk[c0:c1]
		fi, fd := gc.wkDis[c0:c1], gc.wkDeath[c0:c1]
		sal, w, fi, fd = sal[:len(n)], w[:len(n)], fi[:len(n)], fd[:len(n)]
		var dN, dAmt, iN, iAmt, iOwn, ex0, ex1 float64
		for j, nj := range n {
			if nj == 0 {
				continue
			}
			wj := w[j]
			ex0 += nj * wj.D
			ex1 += nj * wj.I
			if f := fi[j]; f > 0 && wj.I > 0 {
				amt := f * sal[j]
				if amt > nj*disCap {
					amt = nj * disCap
				}
				own := amt
				if amt < nj*disFloor {
					amt = nj * disFloor
				}
				iN += nj * wj.I
				iAmt += wj.I * amt
				iOwn += wj.I * own
			}
			if f := fd[j]; f > 0 && wj.D > 0 && deathBenefit {
				amt := f * sal[j]
				if amt > nj*deathCap {
					amt = nj * deathCap
				}
				if amt < nj*deathFloor {
					amt = nj * deathFloor
				}
				dN += nj * wj.D
				dAmt += wj.D * amt
			}
		}
		if det != nil {
			for j, nj := range n {
				det.Exits[actuarial.WorkDeath][dbase+c0+j] += nj * w[j].D
				det.Exits[actuarial.WorkDisability][dbase+c0+j] += nj * w[j].I
			}
		}
		exD += ex0
		exI += ex1
		if iN > 0 && age < census.MaxCensusAge {
			pc := pbase + (idxWorkDis*actuarial.NumSexes+sx)*nAges + age + 1
			p.wN[pc] += iN
			touch(p.wLo, p.wHi, pc)
			p.wA[pc] += iAmt
			p.wO[pc] += iOwn
			paid += 0.5 * iAmt
			topUp += 0.5 * (iAmt - iOwn)
			newN += iN
			newA += iAmt
			if det != nil {
				det.Awarded[pdbase+pc] += iN
			}
		}
		if dN > 0 {
			wd := &p.workDead
			wd.n[sx][age] += dN
			wd.a[sx][age] += dAmt
			wd.lo[sx], wd.hi[sx] = min(wd.lo[sx], age), max(wd.hi[sx], age)
		}
	}
	yr.Exits[actuarial.WorkDeath] += exD
	yr.Exits[actuarial.WorkDisability] += exI
	yr.Pensions[idxWorkDis] += paid
	yr.NewPensions[idxWorkDis] += newN
	yr.NewPensionAmounts[idxWorkDis] += newA
	gc.paid += paid
	gc.topUp += topUp
}
