package projection

import "math"

// stepKernel is the state of stepPlane's AVX2 form (stepRowAVX2), which
// takes a row's cells four at a time, a lane each: the year's constants in
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
	top   [4]float64
	spill [2][4]float64
	// The row's sums, set at its end: the disabilities, disability
	// pensions, deaths and their pensions of the cells with a disability
	// factor, the survivors, and the top-up to the floor.
	dis, disAmt, deaths, deathAmt, surv, topSum float64
	// Whether there is a disability cap (disCap < +Inf): the kernel tests
	// it only then.
	capped bool
}

// start sets k's constants to pl's and clears its sums by lane.
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
