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
// are counted by cause. Only a sex that meets work risks comes here.
func (p *Projector) workRows(g, sx, t int, aN, aS []float64, wk []rules.Work, svLo, svHi []int, lo, hi int, yr *YearResult, det *CellDetail, sp []SplitRow) {
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
	var exD, exI, paid, topUp, newN, newA float64
	for age := hi; age >= lo; age-- {
		var dN, dAmt, iN, iAmt, iOwn, ex0, ex1 float64
		for sv := svLo[age]; sv <= svHi[age]; sv++ {
			c := age*ns + sv
			n := aN[c]
			if n == 0 {
				continue
			}
			w := wk[c]
			ex0 += n * w.D
			ex1 += n * w.I
			if det != nil {
				det.Exits[actuarial.WorkDeath][dbase+c] += n * w.D
				det.Exits[actuarial.WorkDisability][dbase+c] += n * w.I
			}
			if f := gc.wkDis[c]; f > 0 && w.I > 0 {
				amt := f * aS[c]
				if amt > n*y.WorkDisCap {
					amt = n * y.WorkDisCap
				}
				own := amt
				if amt < n*y.WorkDisFloor {
					amt = n * y.WorkDisFloor
				}
				iN += n * w.I
				iAmt += w.I * amt
				iOwn += w.I * own
			}
			if f := gc.wkDeath[c]; f > 0 && w.D > 0 && deathBenefit {
				amt := f * aS[c]
				if amt > n*y.WorkDeathCap {
					amt = n * y.WorkDeathCap
				}
				if amt < n*y.WorkDeathFloor {
					amt = n * y.WorkDeathFloor
				}
				dN += n * w.D
				dAmt += w.D * amt
			}
		}
		exD += ex0
		exI += ex1
		if sp != nil {
			sp[age].Exits[actuarial.WorkDeath] += ex0
			sp[age].Exits[actuarial.WorkDisability] += ex1
		}
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
			if sp != nil {
				r := &sp[age]
				r.Pensions[idxWorkDis] += 0.5 * iAmt
				r.NewPensions[idxWorkDis] += iN
				r.NewPensionAmounts[idxWorkDis] += iAmt
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
