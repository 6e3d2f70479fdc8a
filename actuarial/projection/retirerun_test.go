package projection

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// newRetireRunRow is a random row of active cells for retireRun: runs of
// 1 to 20 cells of one kind (none, full, reduced, withdrawal); some cells
// empty (no members, no salary) and some of a subnormal count (whose
// retirements n·r can round to n: none left, at r < 1); rates in
// [0, 0.3) but at some cells 0, 1 or in [0.5, 1); salaries of 2e3 to 5e4
// a head, pension factors of 0.3 to 1; reference ratios in [0.8, 1.2) or
// none.
func newRetireRunRow(rng *rand.Rand, m int, withRef bool) *retRow {
	row := &retRow{
		n: make([]float64, m), s: make([]float64, m), kinds: make([]rules.Exit, m),
		rates: make([]float64, m), factors: make([]float64, m),
		sustain: 0.9 + 0.1*rng.Float64(),
	}
	if withRef {
		row.ref = make([]float64, m)
	}
	for j := 0; j < m; {
		kind, run := rules.Exit(rng.IntN(4)), 1+rng.IntN(20)
		for ; j < m && run > 0; j, run = j+1, run-1 {
			row.kinds[j] = kind
		}
	}
	for j := range m {
		switch u := rng.Float64(); {
		case u < 0.2: // empty
		case u < 0.25:
			row.n[j] = math.SmallestNonzeroFloat64 * float64(1+rng.IntN(3))
			row.s[j] = row.n[j] * 3e4
		default:
			row.n[j] = rng.Float64() * 30
			row.s[j] = row.n[j] * (2e3 + 4.8e4*rng.Float64())
		}
		switch u := rng.Float64(); {
		case u < 0.05:
			row.rates[j] = 0
		case u < 0.1:
			row.rates[j] = 1
		case u < 0.2:
			row.rates[j] = 0.5 + 0.5*rng.Float64()
		default:
			row.rates[j] = 0.3 * rng.Float64()
		}
		row.factors[j] = 0.3 + 0.7*rng.Float64()
		if withRef {
			row.ref[j] = 0.8 + 0.4*rng.Float64()
		}
	}
	return row
}

// retireRunAll is retireRow's walk of a row's runs, without the
// withdrawals (withdrawRun has no AVX2 form): the cells after each run
// and the sums by kind.
func retireRunAll(row *retRow) (next []int, sums [2]retSums) {
	for j := 0; j < len(row.n); {
		switch row.kinds[j] {
		case rules.Full:
			j = retireRun(row, j, rules.Full, &sums[0])
		case rules.Reduced:
			j = retireRun(row, j, rules.Reduced, &sums[1])
		default:
			j++
		}
		next = append(next, j)
	}
	return next, sums
}

// retireRunSumTol is the relative tolerance of retireRun's sums between
// its forms per term: pensionRowSumTol's reasoning (terms of one sign
// added in another order; Higham 2002, §4.2).
const retireRunSumTol = 0x1p-52

// TestRetireRunSIMD: retireRun's AVX2 form leaves every cell (count and
// salary) bit for bit as its Go form does, stops at the same cells, and
// gives the sums within retireRunSumTol a term; on random rows of 1 to 60
// cells with and without reference ratios, under no limits, a floor and a
// cap that bind on some cells, each alone, and a floor above the cap. The
// Go form caps and floors through rules.Clamp, so the AVX2 form's copy of
// its rule is pinned to it (each cell's amounts enter the sums sa and so,
// whose terms are bounded in the tolerance: a cell's wrong clamp is far
// beyond it).
func TestRetireRunSIMD(t *testing.T) {
	if !simd {
		t.Skip("no AVX2 form (simd is false)")
	}
	defer func() { simd = true }()
	rng := rand.New(rand.NewPCG(16, 5))
	limits := [][2]float64{{0, math.Inf(1)}, {1e4, 3e4}, {1e4, math.Inf(1)}, {0, 2e4}, {3e4, 2e4}}
	blocks := 0
	for trial := range 4000 {
		m := 1 + trial%60
		withRef := rng.IntN(3) > 0
		lim := limits[rng.IntN(len(limits))]
		in := newRetireRunRow(rng, m, withRef)
		if !withRef && rng.IntN(2) == 0 {
			// One reference ratio for the row.
			in.scalar, in.refV = true, 0.8+0.4*rng.Float64()
		}
		in.retFloor, in.retCap = lim[0], lim[1]
		g, v := *in, *in
		g.n, g.s = append([]float64(nil), in.n...), append([]float64(nil), in.s...)
		v.n, v.s = append([]float64(nil), in.n...), append([]float64(nil), in.s...)

		simd = false
		gNext, gSums := retireRunAll(&g)
		simd = true
		vNext, vSums := retireRunAll(&v)
		for j := 0; j+4 <= m; j++ {
			if k := in.kinds[j]; (k == rules.Full || k == rules.Reduced) && k == in.kinds[j+1] && k == in.kinds[j+2] && k == in.kinds[j+3] {
				blocks++
				break
			}
		}

		for j := range m {
			if math.Float64bits(g.n[j]) != math.Float64bits(v.n[j]) || math.Float64bits(g.s[j]) != math.Float64bits(v.s[j]) {
				t.Fatalf("trial %d (m %d, ref %v, scalar %v, limits %v): cell %d: n %v s %v (Go) against n %v s %v (AVX2)",
					trial, m, withRef, in.scalar, lim, j, g.n[j], g.s[j], v.n[j], v.s[j])
			}
		}
		if len(gNext) != len(vNext) {
			t.Fatalf("trial %d: runs end at %v (Go) against %v (AVX2)", trial, gNext, vNext)
		}
		for i := range gNext {
			if gNext[i] != vNext[i] {
				t.Fatalf("trial %d: runs end at %v (Go) against %v (AVX2)", trial, gNext, vNext)
			}
		}
		tol := float64(m+1) * retireRunSumTol
		for ki := range gSums {
			gs, vs := gSums[ki], vSums[ki]
			for _, s := range []struct {
				what string
				x, y float64
			}{{"n", gs.n, vs.n}, {"a", gs.a, vs.a}, {"o", gs.o, vs.o}, {"s", gs.s, vs.s}, {"r", gs.r, vs.r}} {
				if !(math.Abs(s.x-s.y) <= tol*math.Abs(s.x)) { // NaN fails
					t.Fatalf("trial %d (m %d, limits %v): kind %d's sum %s %v (Go) against %v (AVX2), beyond %g relative",
						trial, m, lim, ki+1, s.what, s.x, s.y, tol)
				}
			}
		}
	}
	if blocks < 1000 {
		t.Fatalf("only %d rows had a block of four cells of a pension's kind", blocks)
	}
}

// TestRetireRunScalar: a row of one reference ratio v (retRow.scalar,
// factors the exits' factors) gives, in each form of retireRun, every cell
// and every sum bit for bit as the row of factors factors[j]·v and ratios
// v, the planes Projector.factors would have filled: the identity that
// lets a stochastic year skip them.
func TestRetireRunScalar(t *testing.T) {
	defer func() { simd = hasSIMD }()
	rng := rand.New(rand.NewPCG(7, 11))
	for trial := range 2000 {
		m := 1 + trial%40
		sc := newRetireRunRow(rng, m, false)
		sc.scalar, sc.refV = true, 0.8+0.4*rng.Float64()
		sc.retFloor, sc.retCap = 1e4, 3e4
		pl := *sc
		pl.scalar, pl.refV = false, 0
		pl.factors, pl.ref = make([]float64, m), make([]float64, m)
		for j := range m {
			pl.factors[j], pl.ref[j] = sc.factors[j]*sc.refV, sc.refV
		}
		for _, form := range []bool{false, true} {
			if form && !hasSIMD {
				continue
			}
			simd = form
			a, b := *sc, pl
			a.n, a.s = append([]float64(nil), sc.n...), append([]float64(nil), sc.s...)
			b.n, b.s = append([]float64(nil), sc.n...), append([]float64(nil), sc.s...)
			aNext, aSums := retireRunAll(&a)
			bNext, bSums := retireRunAll(&b)
			if !slices.Equal(aNext, bNext) || aSums != bSums {
				t.Fatalf("trial %d, simd %v: runs end at %v, sums %v (one ratio) against %v, %v (planes)", trial, form, aNext, aSums, bNext, bSums)
			}
			for j := range m {
				if math.Float64bits(a.n[j]) != math.Float64bits(b.n[j]) || math.Float64bits(a.s[j]) != math.Float64bits(b.s[j]) {
					t.Fatalf("trial %d, simd %v: cell %d: n %v s %v (one ratio) against n %v s %v (planes)", trial, form, j, a.n[j], a.s[j], b.n[j], b.s[j])
				}
			}
		}
	}
}
