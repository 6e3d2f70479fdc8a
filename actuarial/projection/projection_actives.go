// The actives' pass of a projection year: decrements, contributions,
// disability pensions, and the survivors aged into the next year.

package projection

import (
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// activesPass projects group g's actives through year t: retirements on
// 1 January, deaths, disability and withdrawal during the year,
// contributions, and the survivors aged into the next year with their
// salaries raised by merit and wage growth w1. It returns the survivors.
//
// The cells of each sex go through two passes over the ages, from the
// oldest down, each a small loop keeping its running sums in registers:
// retirements (retireRow, from the youngest age with a retirement), then
// the contributions, exits, disability pensions and deaths in service and
// survivors (stepPlane). The survivors of an age join the next age,
// already done. Every sum is taken cell by cell in the order of the cells
// (stepPlane's year's deaths and disabilities by age), but with simd, whose
// form of stepPlane (stepPlaneAVX2) sums its cells by lane.
func (p *Projector) activesPass(g, t int, w1 float64, yr *YearResult, det *CellDetail) float64 {
	gc := &p.gc[g]
	ms, ns := p.ms, p.ns
	base := g * p.nA
	pbase := g * p.nP
	dbase, pdbase := 0, 0
	if det != nil {
		dbase, pdbase = t*p.nG*p.nA, t*p.nG*p.nP
	}
	deathBenefit := gc.yr.DeathBenefit
	step := stepConst{wage: 1 + w1, ceiling: gc.yr.Ceiling}
	if p.trackAcc {
		step.halfRate = 0.5 * gc.yr.ContributionRate[scheme.Worker]
	}
	var sums actSums
	var survivors, disPaid, disTop, disNew, disNewA float64
	plane := nAges * ns
	for sx := range actuarial.NumSexes {
		ks := g*actuarial.NumSexes + sx
		lo, hi := p.lo[ks], p.hi[ks]
		if hi < lo {
			continue
		}
		// The group and sex's cells and their populated services by age.
		off := base + sx*plane
		aN, aS := p.aN[off:off+plane:off+plane], p.aS[off:off+plane:off+plane]
		svLo, svHi := p.svLo[ks*nAges:(ks+1)*nAges], p.svHi[ks*nAges:(ks+1)*nAges]
		dec := p.dec[sx]
		if p.sp != nil {
			p.splitActives(g, sx)
		}

		// Retirements on 1 January, a row at a time: the sex's limits and
		// planes set once, of one length and capacity (a row's cells in
		// aN are within the others), a row's cells by their index in them.
		g0 := sx * plane
		row := retRow{
			s:     aS,
			kinds: gc.retKind[g0 : g0+plane : g0+plane],
			rates: gc.retRate[g0 : g0+plane : g0+plane], factors: gc.retFactor[g0 : g0+plane : g0+plane],
			pk0: pbase/nAges + sx, dc0: dbase + off, pdbase: pdbase,
			sustain: gc.yr.Sustain[sx], retCap: gc.yr.RetCap[sx], retFloor: gc.yr.RetFloor[sx],
		}
		if p.trackAcc {
			row.past, row.avg = p.acc.t[:plane:plane], gc.avgRate
		}
		if ratios := gc.retRatio[sx]; ratios != nil {
			row.ref = ratios[:plane:plane]
		}
		jit := gc.retJIT && gc.retTable[sx] != nil
		for age := hi; age >= max(lo, gc.retMin); age-- {
			sLo, sHi := svLo[age], svHi[age]
			if sHi < sLo {
				continue
			}
			// (Of capacity their length, not 0: no masking of the pointers.)
			c1 := age*ns + sHi + 1 // within the plane
			row.n, row.j0, row.sv0 = aN[:c1:c1], age*ns+sLo, age*ns
			row.age = age
			if jit {
				p.retireRatio(gc, &row, sx, age, sLo, sHi)
			}
			p.retireRow(gc, &row, yr, det)
		}

		if det != nil {
			for age := hi; age >= lo; age-- {
				for sv := svLo[age]; sv <= svHi[age]; sv++ {
					c := age*ns + sv
					if n := aN[c]; n != 0 {
						dc := dbase + off + c
						det.Exits[actuarial.Death][dc] += n * dec[c].D
						det.Exits[actuarial.Disability][dc] += n * dec[c].I
						det.Exits[actuarial.Withdrawal][dc] += n * dec[c].W
					}
				}
			}
		}

		// Disability pensions and deaths in service, contributions, exits
		// during the year and survivors.
		pl := activePlane{
			n: aN, s: aS, dec: dec, dv: p.decV[sx], acc: gc.accR, fd: gc.disFactor, svLo: svLo, svHi: svHi,
			disLo: &gc.disLo, disHi: &gc.disHi, ms: ms,
			step: step, disCap: gc.yr.DisCap[sx], disFloor: gc.yr.DisFloor[sx], deathBenefit: deathBenefit,
			ds: &p.disSums, scratchN: p.scratchN, scratchS: p.scratchS,
			newLo: nAges, newHi: -1,
		}
		if wk := p.wdec[sx]; len(wk) > 0 {
			p.workRows(g, sx, t, aN, aS, wk, svLo, svHi, lo, hi, yr, det)
		}
		if simd {
			survivors = stepPlaneAVX2(&pl, &sums, survivors, hi, lo)
		} else {
			survivors = stepPlane(&pl, &sums, survivors, hi, lo)
		}
		p.lo[ks], p.hi[ks] = pl.newLo, pl.newHi
		// The disability pensions awarded join the sex's strip of
		// disability pensions at the next age (the last age has none); the
		// deaths with a pension due join p.dead. Each in a loop of its own,
		// from the oldest down; the ages they reach are found after, from
		// both ends.
		wb := pbase + (idxDisability*actuarial.NumSexes+sx)*nAges
		if top := min(hi, census.MaxCensusAge-1); lo <= top {
			// The strip by age, one on, and the ages' sums, sliced once.
			dr := p.disSums[lo : top+1]
			wN, wA, wO := p.wN[wb+1+lo:wb+2+top], p.wA[wb+1+lo:wb+2+top], p.wO[wb+1+lo:wb+2+top]
			wN, wA, wO = wN[:len(dr)], wA[:len(dr)], wO[:len(dr)]
			for i := len(dr) - 1; i >= 0; i-- {
				d := &dr[i]
				dis := d.dis
				if !(dis > 0) {
					continue
				}
				amt, own := d.disAmt, d.disOwn
				wN[i] += dis
				wA[i] += amt
				wO[i] += own
				disPaid += 0.5 * amt
				disTop += 0.5 * (amt - own)
				disNew += dis
				disNewA += amt
			}
			if wLo, wHi := ends(len(dr), func(i int) bool { return dr[i].dis > 0 }); wLo <= wHi {
				touch(p.wLo, p.wHi, wb+1+lo+wLo)
				touch(p.wLo, p.wHi, wb+1+lo+wHi)
				if det != nil {
					for i := wHi; i >= wLo; i-- {
						if dis := dr[i].dis; dis > 0 {
							det.Awarded[pdbase+wb+1+lo+i] += dis
						}
					}
				}
			}
		}
		if deathBenefit {
			dr := p.disSums[lo : hi+1]
			deadN, deadA := p.dead.n[sx][lo:hi+1], p.dead.a[sx][lo:hi+1]
			deadN, deadA = deadN[:len(dr)], deadA[:len(dr)]
			for i := len(dr) - 1; i >= 0; i-- {
				d := &dr[i]
				if deaths := d.deaths; deaths > 0 {
					deadN[i] += deaths
					deadA[i] += d.deathAmt
				}
			}
			if dLo, dHi := ends(len(dr), func(i int) bool { return dr[i].deaths > 0 }); dLo <= dHi {
				p.dead.lo[sx], p.dead.hi[sx] = min(p.dead.lo[sx], lo+dLo), max(p.dead.hi[sx], lo+dHi)
			}
		}
	}
	yr.SalaryBill += sums.bill
	yr.Refunds += gc.yr.Refund * sums.withdrawn
	yr.Exits[actuarial.Death] += sums.deaths
	yr.Exits[actuarial.Disability] += sums.dis
	yr.Exits[actuarial.Withdrawal] += sums.wd
	yr.Pensions[idxDisability] += disPaid
	yr.NewPensions[idxDisability] += disNew
	yr.NewPensionAmounts[idxDisability] += disNewA
	gc.paid += disPaid
	gc.topUp += disTop
	gc.base += sums.bill - sums.cut
	return survivors
}

// stepConst are the year's constants of stepPlane: the wage factor
// 1 + w of the survivors' salaries, the contribution ceiling per head
// (+Inf: none) and half the worker's contribution rate (0 without
// refunds).
type stepConst struct {
	wage, ceiling, halfRate float64
}

// actSums are activesPass's running sums over the year's cells: the
// salary bill, the salaries above the ceiling (times the exposure), the
// contributions refunded (before the refund share) and the exits by cause.
type actSums struct {
	bill, cut, withdrawn float64
	deaths, dis, wd      float64
}

// disSums are a row's disability pensions awarded (number and amount) and
// deaths in service with a pension due (number and pensions).
type disSums struct {
	dis, disAmt, deaths, deathAmt float64
	disOwn                        float64 // disAmt before the floor
}

// activePlane is the year's step of one group and sex's active cells, as
// stepPlane takes it.
type activePlane struct {
	n, s       []float64    // counts and salaries by age·ns + service; s is 0 where n is
	dec        []rules.Cell // the year's decrements and merit by age·ns + service
	acc        []float64    // past contributions in units of the current salary (accR), by age·ns + service
	fd         []float64    // disability pension per unit of salary, by age·ns + service
	svLo, svHi []int        // the populated services by age, empty when svHi < svLo

	disLo, disHi *[nAges]int // by age, the services with fd > 0 lie within them
	ms           int         // MaxService
	step         stepConst
	disCap       float64 // disability pension cap per head (+Inf: none)
	disFloor     float64 // and floor (0: none)
	capped       bool    // disCap < +Inf, set by stepPlane
	deathBenefit bool    // deaths in service give survivors' or orphans' pensions

	ds                 *[nAges]disSums // by age, set by stepPlane
	cut, dis, deaths   float64         // stepPlane's sums kept in memory (actSums)
	top                float64         // and the age's disability pensions' top-up to the floor
	survivors          float64         // and the survivors, by age
	scratchN, scratchS []float64       // take the survivors of the last two ages: ns+1 cells
	newLo, newHi       int             // the ages survivors reached, widened by stepPlane

	// The AVX2 form's (simd): the decrements by field (Projector.decV),
	// and the kernel's state.
	dv []float64
	k  stepKernel
}

// stepPlane takes the year's exits out of plane pl's active cells, from
// age hi down to lo, over the populated services of each age: it adds to
// sums their salary bill, salaries above the ceiling, refunds on
// withdrawal and exits (dependent probabilities times members); sets
// ds[age] to the age's disability pensions awarded and deaths in service
// with a pension due (the cells with a disability factor fd, their
// pensions fd × salary capped and floored per head); moves the survivors
// to the next age's cell of one more year of service (those at MaxService
// stay there) with their salaries raised by merit and wage growth;
// updates svLo, svHi to the survivors' services and widens newLo, newHi
// to their ages. It returns survivors plus the survivors. A cell without
// members has no salary (scheme validation's ErrEmptyCell for the census;
// entrants, transitions, retireRun and withdrawRun keep it so): it adds
// exact zeros, and is not tested for. The next age's row is empty when the
// survivors reach it (its members moved on, the ages going from the
// oldest down; the ages above hi have none), so they are stored there,
// not added. The last age has no next age: its survivors, if any, go to
// the scratch rows and are dropped.
//
// One loop over the cells takes both, keeping eight running sums in
// registers: the salary bill, refunds and withdrawals of the year, and
// the age's disability and death sums, which for the cells with a
// disability factor are also the year's exits by death and disability.
// The exits of the cells without one, the survivors of the year and the
// rare sums go to memory (pl), a register freed each for the cell's
// values: the compiler spills past about fourteen live floating-point
// values. The age's disability pensions before the floor are their amount
// less their top-up to the floor, summed only in the cells where the floor
// binds (none, mostly: then they are the amount, bit for bit). Every sum
// adds the cells in their order, but the year's deaths and disabilities,
// which add each age's sum, and the pensions before the floor where it
// binds (issue 16: the last bits may differ).
//
// It has two forms: this one, in Go, and an AVX2 one (stepPlaneAVX2, its
// rows and their cells by stepRowsAVX2 in assembly, steprow_amd64.s), which
// activesPass runs instead where simd is set (amd64 with AVX2, without the
// purego tag). The AVX2 form takes a row's cells four at a time, a lane
// each, with the same products in the same order (no fused multiply-add),
// so that every cell's survivors, salaries and terms are this form's bit
// for bit; its branches are masks (the ceiling, cap and floor, binding
// rarely, take paths of their own when they bind in one of the four
// cells), its comparisons ordered as this form's are (false for the NaN of
// 0·Inf in an empty cell under a ceiling or cap of +Inf); it reads the
// decrements by field (Projector.decV) rather than as rules.Cell; and its
// sums are by lane, reduced at the row's end (the age's) or the plane's
// (the year's): every sum's last bits may differ from this form's
// (TestStepRowAVX2, TestSIMDMatchesGo).
func stepPlane(pl *activePlane, sums *actSums, survivors float64, hi, lo int) float64 {
	// Of one length and capacity: a row sliced from aN is within the others.
	nc := len(pl.n)
	aN, aS, dec, acc, fd := pl.n[:nc:nc], pl.s[:nc:nc], pl.dec[:nc:nc], pl.acc[:nc:nc], pl.fd[:nc:nc]
	svLo, svHi := pl.svLo[:nAges], pl.svHi[:nAges]
	ds := pl.ds
	ms := pl.ms
	ns := ms + 1
	// The year's constants stay in memory (pl.step, pl), read where used:
	// the registers hold the running sums.
	st := &pl.step
	pl.capped = pl.disCap < math.Inf(1) // without a cap, no pension is above it
	bill, withdrawn, wd := sums.bill, sums.withdrawn, sums.wd
	// The sums kept in memory, beside the constants: one register for both.
	pl.cut, pl.dis, pl.deaths = sums.cut, sums.dis, sums.deaths
	pl.survivors = survivors
	for age := hi; age >= lo; age-- {
		sLo, sHi := svLo[age], svHi[age]
		svLo[age], svHi[age] = ns, -1 // the row empties: its survivors move on
		if sHi < sLo {
			ds[age] = disSums{}
			continue
		}
		row := age*ns + sLo // the row's first populated cell
		// Cell row+j goes to cell to+j of the next age, which is empty (its
		// members moved on already; the ages above hi are empty): the
		// survivors are stored, not added. The cell at ms goes to the next
		// age's ms, where the cell before it went: it is stored one cell on,
		// in the service 0 of the age after, empty too (no survivor reaches a
		// service 0: ms ≥ 1, census.ActiveCells.LastService), and added after.
		// The last two ages, whose cell one on is past the plane, go to the
		// scratch rows (one cell longer than a row).
		tN, tS, to := aN, aS, row+ns+1
		last := age >= census.MaxCensusAge-1
		if last {
			tN, tS, to = pl.scratchN, pl.scratchS, sLo+1
		}
		cells := sHi - sLo + 1
		// The age's sums: deaths and disabilities of the cells with a
		// disability factor, their pensions.
		var dis, disAmt, deaths, deathAmt, rowSurv float64
		pl.top = 0
		// (Of capacity cells, not 0, the slices' pointers need no masking.)
		end, tEnd := row+cells, to+cells
		n, s := aN[row:end:end], aS[row:end:end]
		dc, ac, f := dec[row:end:end], acc[row:end:end], fd[row:end:end]
		nxN, nxS := tN[to:tEnd:tEnd], tS[to:tEnd:tEnd]
		s, dc, ac, f = s[:len(n)], dc[:len(n)], ac[:len(n)], f[:len(n)]
		nxN, nxS = nxN[:len(n)], nxS[:len(n)]
		for j, nj := range n {
			// An empty cell has no salary: every sum and survivor of
			// its adds zero.
			c := &dc[j]
			sal := s[j]
			n[j], s[j] = 0, 0
			e := c.E
			bill += sal * e
			cb := sal // contribution base
			if sal > nj*st.ceiling {
				// Rare: the sum stays in memory.
				cb = nj * st.ceiling
				pl.cut += (sal - cb) * e
			}
			di, dd := c.I, c.D
			if fj := f[j]; fj > 0 {
				// The cell's disability pensions, capped and floored
				// per head (rules.Clamp, the cap tested only when there
				// is one).
				own := fj * sal
				if pl.capped && own > nj*pl.disCap {
					own = nj * pl.disCap
				}
				amt := own
				if fl := nj * pl.disFloor; own < fl {
					// Rare: the pensions' top-up to the floor,
					// kept in memory.
					amt = fl
					pl.top += di * (fl - own)
				}
				// (Each probability's last use last: its register is
				// the product's.)
				disAmt += di * amt
				dis += nj * di
				deathAmt += dd * amt
				deaths += nj * dd
			} else {
				pl.dis += nj * di
				pl.deaths += nj * dd
			}
			// Own contributions to 1 January plus half a year's (after
			// the disability pensions: the compiler's registers fall
			// better, issue 16).
			dw := c.W
			withdrawn += dw * cb * (ac[j] + st.halfRate)
			wd += nj * dw
			sv := nj * c.F
			nxN[j] = sv
			nxS[j] = sal * c.FM * st.wage
			rowSurv += sv
		}
		d := &ds[age]
		d.dis, d.disAmt, d.disOwn, d.deaths, d.deathAmt = dis, disAmt, disAmt-pl.top, deaths, deathAmt
		pl.dis += dis
		pl.deaths += deaths
		if last {
			if !pl.lastSurvivors(age) {
				continue
			}
		} else if sHi == ms {
			pl.foldTop(age)
		}
		if rowSurv > 0 {
			// The services survivors may have reached, in their row,
			// empty before: (ns, -1), set above or, above hi, since.
			svLo[age+1], svHi[age+1] = min(sLo+1, ms), min(sHi+1, ms)
			pl.survivors += rowSurv
			pl.newLo = age + 1
			pl.newHi = max(pl.newHi, age+1)
		}
	}
	sums.bill, sums.withdrawn, sums.wd = bill, withdrawn, wd
	sums.cut, sums.dis, sums.deaths = pl.cut, pl.dis, pl.deaths
	return pl.survivors
}

// lastSurvivors puts the survivors of row age, one of the last two (taken
// in the scratch rows), where the next year holds them: those of age
// MaxCensusAge-1 into the last age's row, empty, the top service's with
// those of the service below (as foldTop); those of the last age are
// dropped. It clears the scratch rows, and reports whether the row's
// survivors stay (false for the last age). Both forms of stepPlane call
// it.
func (pl *activePlane) lastSurvivors(age int) bool {
	ns, ms := pl.ms+1, pl.ms
	if age < census.MaxCensusAge {
		c := (age + 1) * ns
		copy(pl.n[c:c+ns], pl.scratchN)
		copy(pl.s[c:c+ns], pl.scratchS)
		pl.n[c+ms] += pl.scratchN[ns]
		pl.s[c+ms] += pl.scratchS[ns]
	}
	clear(pl.scratchN)
	clear(pl.scratchS)
	return age < census.MaxCensusAge
}

// foldTop adds the survivors of row age's top service, written one cell
// past the next row's top service, into that cell, and empties the cell
// they were written to: service does not grow past ms. Both forms of
// stepPlane call it.
func (pl *activePlane) foldTop(age int) {
	ns := pl.ms + 1
	c := (age+1)*ns + pl.ms
	pl.n[c] += pl.n[c+1]
	pl.s[c] += pl.s[c+1]
	pl.n[c+1], pl.s[c+1] = 0, 0
}

// ends returns the first and the last i < n for which in(i) holds (lo >
// hi when none does): the range of ages a pass reached, found after its
// loop from both ends rather than tracked in it.
func ends(n int, in func(i int) bool) (lo, hi int) {
	lo, hi = 0, n-1
	for lo <= hi && !in(lo) {
		lo++
	}
	for lo <= hi && !in(hi) {
		hi--
	}
	return lo, hi
}
