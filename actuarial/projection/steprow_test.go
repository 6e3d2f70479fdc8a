package projection

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// reorderTol is the largest relative difference between two sums of the
// same n terms of one sign added in different orders: each is within
// γ(n−1) = (n−1)u/(1−(n−1)u) of the exact sum relative to it, u = 2⁻⁵³,
// whatever the order (Higham, Accuracy and Stability of Numerical
// Algorithms, 2nd ed., 2002, §4.2, eq. 4.4), so two differ by at most
// twice that.
func reorderTol(n int) float64 {
	const u = 0x1p-53
	k := float64(max(n-1, 1))
	return 2 * k * u / (1 - k*u)
}

// stepCase is a random plane for stepPlane: its rows at ages lo … hi (the
// last ages among them, whose survivors go to the scratch rows, when hi is
// MaxCensusAge), of random services up to MaxService = 60 (rows of 1 to 61
// cells, reaching MaxService or not), with empty cells, cells with and
// without a disability factor, and a ceiling, cap and floor that bind in
// some cells and not in others, or are none (+Inf, +Inf, 0).
type stepCase struct {
	ms, lo, hi       int
	n, s, acc, fd    []float64
	dec              []rules.Cell
	svLo, svHi       []int
	step             stepConst
	disCap, disFloor float64
	sums             actSums
	survivors        float64
}

func newStepCase(r *rand.Rand) *stepCase {
	const ms = 60
	ns := ms + 1
	nc := nAges * ns
	c := &stepCase{
		ms: ms, n: make([]float64, nc), s: make([]float64, nc), acc: make([]float64, nc), fd: make([]float64, nc),
		dec: make([]rules.Cell, nc), svLo: make([]int, nAges), svHi: make([]int, nAges),
	}
	for i := range c.dec {
		// Every cell's decrements (the kernel reads some past a row).
		d, in, w := 0.05*r.Float64(), 0.02*r.Float64(), 0.1*r.Float64()
		q := d + in + w
		m := 1 + 0.05*r.Float64()
		c.dec[i] = rules.Cell{D: d, I: in, W: w, E: 1 - 0.5*q, F: 1 - q, M: m, FM: (1 - q) * m}
		c.acc[i] = 3 * r.Float64()
		switch r.IntN(3) {
		case 0: // no disability factor
		case 1:
			c.fd[i] = math.Copysign(0, -1) // −0: no factor either
		default:
			c.fd[i] = 0.2 + 0.6*r.Float64()
		}
	}
	c.hi = nAges - 1 - r.IntN(4)
	if r.IntN(2) == 0 {
		c.hi = 20 + r.IntN(80)
	}
	c.lo = max(c.hi-r.IntN(12), 0)
	for age := range nAges {
		c.svLo[age], c.svHi[age] = ns, -1
	}
	for age := c.lo; age <= c.hi; age++ {
		if r.IntN(8) == 0 {
			continue // an empty row
		}
		cells := 1 + r.IntN(ns)
		sLo := r.IntN(ns - cells + 1)
		if r.IntN(3) == 0 {
			sLo = ns - cells // the row reaches MaxService
		}
		c.svLo[age], c.svHi[age] = sLo, sLo+cells-1
		for sv := sLo; sv < sLo+cells; sv++ {
			if r.IntN(5) == 0 {
				continue // an empty cell: no members, no salary
			}
			k := age*ns + sv
			c.n[k] = 0.01 + 50*r.Float64()
			c.s[k] = c.n[k] * (1e3 + 1e5*r.Float64())
		}
	}
	inf := math.Inf(1)
	c.step = stepConst{wage: 1 + 0.05*r.Float64(), ceiling: inf}
	if r.IntN(2) == 0 {
		c.step.ceiling = 2e4 + 8e4*r.Float64()
	}
	if r.IntN(2) == 0 {
		c.step.halfRate = 0.1 * r.Float64()
	}
	c.disCap, c.disFloor = inf, 0
	if r.IntN(2) == 0 {
		c.disCap = 5e3 + 4e4*r.Float64()
	}
	if r.IntN(2) == 0 {
		c.disFloor = 1e3 + 2e4*r.Float64()
	}
	c.sums = actSums{bill: 1e6 * r.Float64(), cut: 1e4 * r.Float64(), withdrawn: 1e3 * r.Float64(),
		deaths: 10 * r.Float64(), dis: r.Float64(), wd: 20 * r.Float64()}
	c.survivors = 100 * r.Float64()
	return c
}

// stepResult is what stepPlane leaves of a stepCase.
type stepResult struct {
	n, s, dv   []float64
	svLo, svHi []int
	ds         [nAges]disSums
	sums       actSums
	survivors  float64
	newLo      int
	newHi      int
}

// run steps a copy of c with the AVX2 form (stepPlaneAVX2) or the Go form
// (stepPlane).
func (c *stepCase) run(avx bool) *stepResult {
	ns := c.ms + 1
	nc := nAges * ns
	res := &stepResult{
		n: append([]float64(nil), c.n...), s: append([]float64(nil), c.s...),
		svLo: append([]int(nil), c.svLo...), svHi: append([]int(nil), c.svHi...), sums: c.sums,
	}
	// decV as Projector.fillDecV fills it: fields by plane, padded.
	res.dv = make([]float64, decFields*nc+3)
	for i, d := range c.dec {
		res.dv[i], res.dv[nc+i], res.dv[2*nc+i] = d.D, d.I, d.W
		res.dv[3*nc+i], res.dv[4*nc+i], res.dv[5*nc+i] = d.E, d.F, d.FM
	}
	var disLo, disHi [nAges]int
	pl := activePlane{
		n: res.n, s: res.s, dec: c.dec, dv: res.dv, acc: c.acc, fd: c.fd, svLo: res.svLo, svHi: res.svHi,
		disLo: &disLo, disHi: &disHi, ms: c.ms, step: c.step, disCap: c.disCap, disFloor: c.disFloor,
		ds: &res.ds, scratchN: make([]float64, ns+1), scratchS: make([]float64, ns+1),
		newLo: nAges, newHi: -1,
	}
	if avx {
		res.survivors = stepPlaneAVX2(&pl, &res.sums, c.survivors, c.hi, c.lo)
	} else {
		res.survivors = stepPlane(&pl, &res.sums, c.survivors, c.hi, c.lo)
	}
	res.newLo, res.newHi = pl.newLo, pl.newHi
	return res
}

// TestStepRowAVX2 compares stepPlane's AVX2 form (stepPlaneAVX2, its rows
// and their cells by stepRowsAVX2) with its Go form (stepPlane) on random
// planes (newStepCase): the cells' survivors and their salaries, the
// emptied rows and every cell left alone bit for bit, the services and
// ages reached exactly; the sums, whose terms are the same but added by
// lane, within reorderTol of their number of terms. The cases' rows reach
// MaxService or the last ages (where stepRowsAVX2 stops and resumes) amid
// others, and not.
func TestStepRowAVX2(t *testing.T) {
	if !hasSIMD {
		t.Skip("no AVX2 form here (not amd64, no AVX2, or the purego tag)")
	}
	r := rand.New(rand.NewPCG(16, 4))
	var ceilings, caps, floors, lengths, stops [2]int
	for trial := range 300 {
		c := newStepCase(r)
		// The cases' reach, in the Go form's terms: some cells over the
		// ceiling, cap and under the floor, and some not.
		// And rows stepRowsAVX2 stops at, then resumes below (at
		// MaxService or the last two ages, a populated row below them),
		// and rows it walks on from.
		cells, below := 0, false
		for age := c.lo; age <= c.hi; age++ {
			ns := c.ms + 1
			if c.svHi[age] >= c.svLo[age] {
				lengths[min(c.svHi[age]-c.svLo[age]+1, 2)-1]++
				if c.svHi[age] == c.ms || age >= lastRowAge {
					if below {
						stops[1]++
					}
				} else {
					stops[0]++
				}
				below = true
			}
			for sv := c.svLo[age]; sv <= c.svHi[age]; sv++ {
				k := age*ns + sv
				nj, sal := c.n[k], c.s[k]
				if nj == 0 {
					continue
				}
				cells++
				ceilings[b2i(sal > nj*c.step.ceiling)]++
				if own := c.fd[k] * sal; c.fd[k] > 0 {
					caps[b2i(own > nj*c.disCap)]++
					floors[b2i(min(own, nj*c.disCap) < nj*c.disFloor)]++
				}
			}
		}
		g, a := c.run(false), c.run(true)
		for i := range g.n {
			if math.Float64bits(g.n[i]) != math.Float64bits(a.n[i]) || math.Float64bits(g.s[i]) != math.Float64bits(a.s[i]) {
				t.Fatalf("case %d, cell %d (age %d, service %d): n, s = %v, %v (Go) against %v, %v (AVX2)",
					trial, i, i/(c.ms+1), i%(c.ms+1), g.n[i], g.s[i], a.n[i], a.s[i])
			}
		}
		for age := range nAges {
			if g.svLo[age] != a.svLo[age] || g.svHi[age] != a.svHi[age] {
				t.Fatalf("case %d, age %d: services %d–%d (Go) against %d–%d (AVX2)", trial, age, g.svLo[age], g.svHi[age], a.svLo[age], a.svHi[age])
			}
		}
		if g.newLo != a.newLo || g.newHi != a.newHi {
			t.Fatalf("case %d: ages reached %d–%d (Go) against %d–%d (AVX2)", trial, g.newLo, g.newHi, a.newLo, a.newHi)
		}
		near := func(what string, x, y float64, terms int) {
			t.Helper()
			if d := math.Abs(x - y); d > reorderTol(terms)*math.Max(math.Abs(x), math.Abs(y)) {
				t.Errorf("case %d, %s: %v (Go) against %v (AVX2), relative difference %.3g > %.3g (%d terms)",
					trial, what, x, y, d/math.Max(math.Abs(x), math.Abs(y)), reorderTol(terms), terms)
			}
		}
		ns := c.ms + 1
		for age := c.lo; age <= c.hi; age++ {
			m := max(c.svHi[age]-c.svLo[age]+1, 0)
			gd, ad := &g.ds[age], &a.ds[age]
			near("dis", gd.dis, ad.dis, m)
			near("disAmt", gd.disAmt, ad.disAmt, m)
			near("deaths", gd.deaths, ad.deaths, m)
			near("deathAmt", gd.deathAmt, ad.deathAmt, m)
			// disOwn = disAmt − the top-up: within the two sums' bounds,
			// relative to their sum (the top-up is below disAmt).
			top := gd.disAmt - gd.disOwn
			if d := math.Abs(gd.disOwn - ad.disOwn); d > reorderTol(m+1)*(gd.disAmt+top) {
				t.Errorf("case %d, age %d: disOwn %v (Go) against %v (AVX2)", trial, age, gd.disOwn, ad.disOwn)
			}
		}
		all := (c.hi-c.lo+1)*ns + 1 // the plane's cells and the sum before
		near("bill", g.sums.bill, a.sums.bill, all)
		near("cut", g.sums.cut, a.sums.cut, all)
		near("withdrawn", g.sums.withdrawn, a.sums.withdrawn, all)
		near("deaths", g.sums.deaths, a.sums.deaths, all)
		near("dis", g.sums.dis, a.sums.dis, all)
		near("wd", g.sums.wd, a.sums.wd, all)
		near("survivors", g.survivors, a.survivors, all)
		for i := range g.dv {
			if math.Float64bits(g.dv[i]) != math.Float64bits(a.dv[i]) {
				t.Fatalf("case %d: decV[%d] written", trial, i)
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	// The cases reach every path: a failure to would leave them untested.
	for _, k := range []struct {
		what string
		n    [2]int
	}{{"ceiling", ceilings}, {"cap", caps}, {"floor", floors}, {"row of one cell / more", lengths},
		{"row walked on from / stopped at and resumed after", stops}} {
		if k.n[0] == 0 || k.n[1] == 0 {
			t.Errorf("%s: %d cells without, %d with: the cases miss a path", k.what, k.n[0], k.n[1])
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestStepRowAVX2Range: a row whose services are out of range (past
// MaxService) stops the AVX2 form before its cells, which panics rather
// than writing past the row.
func TestStepRowAVX2Range(t *testing.T) {
	if !hasSIMD {
		t.Skip("no AVX2 form here (not amd64, no AVX2, or the purego tag)")
	}
	c := newStepCase(rand.New(rand.NewPCG(16, 5)))
	c.lo, c.hi = 40, 50
	c.svLo[45], c.svHi[45] = 3, c.ms+1
	defer func() {
		if recover() == nil {
			t.Error("services past MaxService: no panic")
		}
	}()
	c.run(true)
}
