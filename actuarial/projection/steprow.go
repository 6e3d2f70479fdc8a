package projection

import (
	"math"

	"github.com/reserva-go/reserva/actuarial/census"
)

// stepKernel is the state of stepPlane's AVX2 form (stepPlaneAVX2, whose
// stepRowAVX2 takes a row's cells four at a time, a lane each): the year's constants in
// every lane, the year's sums by lane (reduced when the plane is done), the
// row's sums (reduced at the row's end) and room for the rare paths.
// stepRowAVX2 reads and writes it by the offsets of go_asm.h.
type stepKernel struct {
	// The year's constants, in each lane: the contribution ceiling per
	// head, half the worker's contribution rate, the wage factor, the
	// disability pension cap per head (+Inf: none, nj·cap is then +Inf, or
	// NaN in an empty cell, and no pension is above it) and floor.
	ceiling, halfRate, wage, disCap, disFloor [4]float64
	// The year's sums by lane, added to: the salary bill, refunds and
	// withdrawals, disabilities and deaths (of every cell, with a
	// disability factor or not), the salaries above the ceiling.
	bill, withdrawn, wd, yDis, yDeaths, cut [4]float64
	// The row's top-up to the disability floor by lane, and room for two
	// registers on the rare paths.
	top [4]float64 //lint:ignore U1000 read and written by stepRowAVX2 (go_asm.h)
	//lint:ignore U1000 read and written by stepRowAVX2 (go_asm.h)
	spill [2][4]float64
	// The row's sums, set at its end: the disabilities, disability
	// pensions, deaths and their pensions of the cells with a disability
	// factor, the survivors, and the top-up to the floor.
	dis, disAmt, deaths, deathAmt, surv, topSum float64
	// Whether there is a disability cap (disCap < +Inf): the kernel tests
	// it only then.
	capped bool
}

// start sets k's constants to the year's (st) and the sex's disability
// cap and floor, and clears its sums.
func (k *stepKernel) start(st *stepConst, disCap, disFloor float64) {
	*k = stepKernel{}
	for i := range 4 {
		k.ceiling[i], k.halfRate[i], k.wage[i] = st.ceiling, st.halfRate, st.wage
		k.disCap[i], k.disFloor[i] = disCap, disFloor
	}
	k.capped = disCap < math.Inf(1)
}

// hsum4 is the sum of a sum by lane, (l0 + l2) + (l1 + l3), as
// stepRowAVX2 reduces its row's sums.
func hsum4(v *[4]float64) float64 { return (v[0] + v[2]) + (v[1] + v[3]) }

// decFields is the number of fields of decV: D, I, W, E, F and FM.
const decFields = 6

// fillDecV copies the cells c0 … c1−1 of sex index sx's decrements into
// decV, where the AVX2 forms can run.
func (p *Projector) fillDecV(sx, c0, c1 int) {
	v := p.decV[sx]
	if len(v) == 0 {
		return
	}
	pl := nAges * p.ns
	src := p.dec[sx][c0:c1]
	d, i, w := v[c0:c0+len(src)], v[pl+c0:pl+c0+len(src)], v[2*pl+c0:2*pl+c0+len(src)]
	e, f, fm := v[3*pl+c0:3*pl+c0+len(src)], v[4*pl+c0:4*pl+c0+len(src)], v[5*pl+c0:5*pl+c0+len(src)]
	for j := range src {
		c := &src[j]
		d[j], i[j], w[j], e[j], f[j], fm[j] = c.D, c.I, c.W, c.E, c.F, c.FM
	}
}

// stepPlaneAVX2 is stepPlane's AVX2 form (simd): the same rows, from age hi
// down to lo, the same survivors and services reached, each row's cells
// taken by stepRowAVX2, four at a time. The row's sums (ds[age], the
// survivors) are the sums of the row's four lanes; the year's (sums) add
// the plane's lanes, kept in pl.k, when the plane is done. Every cell's
// values are the Go form's bit for bit; the sums differ in their last bits.
func stepPlaneAVX2(pl *activePlane, sums *actSums, survivors float64, hi, lo int) float64 {
	// Of one length and capacity: a row within aN is within the others.
	nc := len(pl.n)
	aN, aS, acc, fd := pl.n[:nc:nc], pl.s[:nc:nc], pl.acc[:nc:nc], pl.fd[:nc:nc]
	dv := pl.dv[:decFields*nc+3] // the fields' planes and their padding
	svLo, svHi := pl.svLo[:nAges], pl.svHi[:nAges]
	ds := pl.ds
	ms := pl.ms
	ns := ms + 1
	k := &pl.k
	k.start(&pl.step, pl.disCap, pl.disFloor)
	for age := hi; age >= lo; age-- {
		sLo, sHi := svLo[age], svHi[age]
		svLo[age], svHi[age] = ns, -1 // the row empties: its survivors move on
		if sHi < sLo {
			ds[age] = disSums{}
			continue
		}
		// The row's survivors go where stepPlane's go (stored in the
		// next age's row, empty; the cell at ms one cell on; the last two
		// ages' to the scratch rows).
		row := age*ns + sLo
		tN, tS, to := aN, aS, row+ns+1
		last := age >= census.MaxCensusAge-1
		if last {
			tN, tS, to = pl.scratchN, pl.scratchS, sLo+1
		}
		cells := sHi - sLo + 1
		end, tEnd := row+cells, to+cells
		_, _, _ = aN[end-1], tN[tEnd-1], tS[tEnd-1] // the row and its survivors' within their slices
		stepRowAVX2(k, &aN[row], &aS[row], &dv[row], &acc[row], &fd[row], &tN[to], &tS[to], cells, nc)
		d := &ds[age] // (by field: a composite literal goes through the stack)
		d.dis, d.disAmt, d.deaths, d.deathAmt, d.disOwn = k.dis, k.disAmt, k.deaths, k.deathAmt, k.disAmt-k.topSum
		if last {
			if !pl.lastSurvivors(age) {
				continue
			}
		} else if sHi == ms {
			pl.foldTop(age)
		}
		if k.surv > 0 {
			svLo[age+1], svHi[age+1] = min(sLo+1, ms), min(sHi+1, ms)
			survivors += k.surv
			pl.newLo = age + 1
			pl.newHi = max(pl.newHi, age+1)
		}
	}
	// The year's sums by lane.
	sums.bill += hsum4(&k.bill)
	sums.withdrawn += hsum4(&k.withdrawn)
	sums.wd += hsum4(&k.wd)
	sums.cut += hsum4(&k.cut)
	sums.dis += hsum4(&k.yDis)
	sums.deaths += hsum4(&k.yDeaths)
	return survivors
}
