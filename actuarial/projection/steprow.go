package projection

import (
	"math"

	"github.com/reserva-go/reserva/actuarial/census"
)

// stepKernel is the state of stepPlane's AVX2 form (stepPlaneAVX2, whose
// stepRowsAVX2 walks the rows and takes a row's cells four at a time, a
// lane each): the year's constants in every lane, the year's sums by lane
// (reduced when the plane is done), the row's sums (reduced at the row's
// end), room for the rare paths, the plane and the rows' state.
// stepRowsAVX2 reads and writes it by the offsets of go_asm.h.
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
	top [4]float64 //lint:ignore U1000 read and written by stepRowsAVX2 (go_asm.h)
	//lint:ignore U1000 read and written by stepRowsAVX2 (go_asm.h)
	spill [2][4]float64
	// The row's survivors, set at its end (its other sums go to ds[age]).
	surv float64
	// Whether there is a disability cap (disCap < +Inf): the kernel tests
	// it only then.
	capped bool

	// The plane (activePlane's, from its first cell, of nAges·(ms+1) cells
	// each; dv's fields plane cells apart), the scratch rows (ms+2 cells),
	// the populated services and sums by age (nAges of each). The rows
	// take them as they are: stepPlaneAVX2 sets them from slices of their
	// lengths.
	//lint:ignore U1000 read by stepRowsAVX2 (go_asm.h)
	n, s, dv, acc, fd, scratchN, scratchS *float64
	//lint:ignore U1000 read and written by stepRowsAVX2 (go_asm.h)
	svLo, svHi *int
	//lint:ignore U1000 read by stepRowsAVX2 (go_asm.h)
	ds        *disSums
	ms, plane int // MaxService and the plane's cells
	// The services of the row stepRowsAVX2 stopped at.
	sLo, sHi int
	// The survivors (with those before the plane) and the ages they
	// reached, as stepPlane's.
	survivors    float64
	newLo, newHi int
}

// lastRowAge is the first of the last two ages, whose survivors go to the
// scratch rows: the next age has no cell one past its last.
const lastRowAge = census.MaxCensusAge - 1

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
// stepRowsAVX2 reduces its row's sums.
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
// down to lo, the same survivors and services reached, the rows walked by
// stepRowsAVX2, which takes each row's cells four at a time. It stops at
// the rows whose survivors need more than storing, after their cells: at
// the last two ages (lastSurvivors) and MaxService (foldTop), rare; this
// loop does that, the row's bookkeeping, and resumes it at the next age.
// The row's sums (ds[age], the survivors) are the sums of the row's four
// lanes; the year's (sums) add the plane's lanes, kept in pl.k, when the
// plane is done. Every cell's values are the Go form's bit for bit; the
// sums differ in their last bits.
func stepPlaneAVX2(pl *activePlane, sums *actSums, survivors float64, hi, lo int) float64 {
	// What stepRowsAVX2 reaches, sliced to its lengths (a misuse
	// panics here, not in the assembly): the planes' every age, the
	// decrements' padding, the scratch rows, the ages lo … hi.
	ms := pl.ms
	ns := ms + 1
	nc := nAges * ns
	svLo, svHi := pl.svLo[:nAges], pl.svHi[:nAges]
	if hi >= lo {
		_, _ = svLo[hi], svLo[lo]
	}
	k := &pl.k
	k.start(&pl.step, pl.disCap, pl.disFloor)
	k.n, k.s, k.acc, k.fd = &pl.n[:nc][0], &pl.s[:nc][0], &pl.acc[:nc][0], &pl.fd[:nc][0]
	k.dv = &pl.dv[:decFields*nc+3][0] // the fields' planes and their padding
	k.scratchN, k.scratchS = &pl.scratchN[:ns+1][0], &pl.scratchS[:ns+1][0]
	k.svLo, k.svHi, k.ds = &svLo[0], &svHi[0], &pl.ds[0]
	k.ms, k.plane = ms, nc
	k.survivors, k.newLo, k.newHi = survivors, pl.newLo, pl.newHi
	for age := hi; age >= lo; age-- {
		if age = stepRowsAVX2(k, age, lo); age < lo {
			break
		}
		// Row age's cells are done, its survivors in the next age's row
		// (the cell at ms one cell on) or the scratch rows.
		sLo, sHi := k.sLo, k.sHi
		if sLo < 0 || sHi > ms {
			panic("projection: services out of range")
		}
		if age >= lastRowAge {
			if !pl.lastSurvivors(age) {
				continue
			}
		} else {
			pl.foldTop(age)
		}
		if k.surv > 0 {
			svLo[age+1], svHi[age+1] = min(sLo+1, ms), min(sHi+1, ms)
			k.survivors += k.surv
			k.newLo = age + 1
			k.newHi = max(k.newHi, age+1)
		}
	}
	pl.newLo, pl.newHi = k.newLo, k.newHi
	// The year's sums by lane.
	sums.bill += hsum4(&k.bill)
	sums.withdrawn += hsum4(&k.withdrawn)
	sums.wd += hsum4(&k.wd)
	sums.cut += hsum4(&k.cut)
	sums.dis += hsum4(&k.yDis)
	sums.deaths += hsum4(&k.yDeaths)
	return k.survivors
}
