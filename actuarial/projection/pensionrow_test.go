package projection

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// pensionRowRows is a random strip of pension cells for pensionRow: n, a
// and o of len(q)+1 ages, the last empty (the ages above a strip are),
// some cells empty (no amounts: ErrEmptyCell) and some of a subnormal
// count (whose deaths n·q can round to n: no survivors, though a·(1 − q)
// is not 0); q in [0, 0.3) but at some ages 0, 1 (every pensioner dies)
// or in [0.5, 1), and at the oldest age 1 one time in three; dn and da
// (the death roll) with amounts already in at most ages; rem in [0, 0.05).
type pensionRowRows struct {
	n, a, o, q, dn, da, rem []float64
}

func newPensionRowRows(rng *rand.Rand, m int, rem bool) pensionRowRows {
	var r pensionRowRows
	r.n, r.a, r.o = make([]float64, m+1), make([]float64, m+1), make([]float64, m+1)
	r.q, r.dn, r.da = make([]float64, m), make([]float64, m), make([]float64, m)
	for k := range m {
		switch u := rng.Float64(); {
		case u < 0.2: // empty
		default:
			r.n[k] = rng.Float64() * 50
			if u < 0.25 {
				// Subnormal: n·q can round to n, leaving no survivors
				// (n − d = 0) while a·(1 − q) is not 0.
				r.n[k] = math.SmallestNonzeroFloat64 * float64(1+rng.IntN(3))
			}
			r.a[k] = r.n[k] * 1e4 * (0.2 + rng.Float64())
			r.o[k] = r.a[k] * rng.Float64()
		}
		switch u := rng.Float64(); {
		case u < 0.05:
			r.q[k] = 0
		case u < 0.1:
			r.q[k] = 1
		case u < 0.2:
			r.q[k] = 0.5 + 0.5*rng.Float64()
		default:
			r.q[k] = rng.Float64() * 0.3
		}
		if rng.IntN(4) > 0 {
			r.dn[k], r.da[k] = rng.Float64()*10, rng.Float64()*1e5
		}
	}
	if rng.IntN(3) == 0 {
		r.q[m-1] = 1
	}
	if rem {
		r.rem = make([]float64, m)
		for k := range r.rem {
			r.rem[k] = rng.Float64() * 0.05
		}
	}
	return r
}

func (r pensionRowRows) clone() pensionRowRows {
	c := func(x []float64) []float64 {
		if x == nil {
			return nil
		}
		return append([]float64(nil), x...)
	}
	return pensionRowRows{c(r.n), c(r.a), c(r.o), c(r.q), c(r.dn), c(r.da), c(r.rem)}
}

// pensionRowSumTol is the relative tolerance of pensionRow's sums between
// its forms per term: the AVX2 form adds the same terms, all of one sign,
// in another order (by lane, the lanes last), and two orders of
// recursive summation of m terms of one sign differ by at most
// 2(m−1)u ≤ m·ε of their sum (Higham, Accuracy and Stability of
// Numerical Algorithms, 2nd ed., 2002, §4.2, (4.4); u = ε/2 = 2⁻⁵³).
const pensionRowSumTol = 0x1p-52

// TestPensionRowSIMD: pensionRow's AVX2 form leaves every cell (the
// survivors' counts and amounts, the death roll) bit for bit as its Go
// form does, reports the same moves, and gives the sums within
// pensionRowSumTol a term; on random strips of 1 to 121 ages, with and
// without spouse, limits and remarriage (which runs the Go form either
// way). The Go form pays through rules.PaymentLimits.Pay, so the AVX2
// form's copy of its rule is pinned to it cell by cell (each cell's pay
// enters da, bit for bit).
func TestPensionRowSIMD(t *testing.T) {
	if !simd {
		t.Skip("no AVX2 form (simd is false)")
	}
	defer func() { simd = true }()
	rng := rand.New(rand.NewPCG(16, 4))
	// No limits; a floor and a cap that bind on some cells (the amounts
	// per head are 2e3 to 1.2e4), with and without Own; a floor alone, a
	// cap alone, a floor above the cap (the floor wins).
	limits := []rules.PaymentLimits{
		{Floor: 0, Cap: math.Inf(1)},
		{Floor: 3e3, Cap: 1e4, Own: true},
		{Floor: 3e3, Cap: 1e4},
		{Floor: 5e3, Cap: math.Inf(1), Own: true},
		{Floor: 0, Cap: 8e3, Own: true},
		{Floor: 9e3, Cap: 6e3, Own: true},
	}
	vectorised := 0
	for trial := range 4000 {
		m := 1 + trial%121
		spouse, withRem := rng.IntN(2) == 0, rng.IntN(6) == 0
		li := rng.IntN(2 * len(limits))
		if li >= len(limits) {
			li = 0 // no limits half the time
		}
		lim := &limits[li]
		limited := li > 0
		in := newPensionRowRows(rng, m, withRem)
		if limited {
			// Some cells exactly at the floor or the cap.
			for k := range m {
				switch rng.IntN(10) {
				case 0:
					in.a[k] = in.n[k] * lim.Floor
				case 1:
					if !math.IsInf(lim.Cap, 1) {
						in.a[k] = in.n[k] * lim.Cap
					}
				}
			}
		}
		ix := 1 + rng.Float64()*0.05
		paid0, topUp0, deaths0 := rng.Float64()*1e6, rng.Float64()*1e3, rng.Float64()*10

		g, v := in.clone(), in.clone()
		simd = false
		gp, gt, gd, gm := pensionRow(g.n, g.a, g.o, g.q, g.dn, g.da, g.rem, ix, lim, spouse, paid0, topUp0, deaths0)
		simd = true
		vp, vt, vd, vm := pensionRow(v.n, v.a, v.o, v.q, v.dn, v.da, v.rem, ix, lim, spouse, paid0, topUp0, deaths0)
		if !withRem {
			vectorised++
		}

		same := func(what string, x, y []float64) {
			for k := range x {
				if math.Float64bits(x[k]) != math.Float64bits(y[k]) {
					t.Fatalf("trial %d (m %d, spouse %v, rem %v, limited %v): %s[%d] = %v (Go) against %v (AVX2)",
						trial, m, spouse, withRem, limited, what, k, x[k], y[k])
				}
			}
		}
		same("n", g.n, v.n)
		same("a", g.a, v.a)
		same("o", g.o, v.o)
		same("dn", g.dn, v.dn)
		same("da", g.da, v.da)
		if gm != vm {
			t.Fatalf("trial %d: moved %v (Go) against %v (AVX2)", trial, gm, vm)
		}
		tol := float64(m+1) * pensionRowSumTol
		for _, s := range []struct {
			what string
			x, y float64
		}{{"paid", gp, vp}, {"topUp", gt, vt}, {"deaths", gd, vd}} {
			if !(math.Abs(s.x-s.y) <= tol*math.Abs(s.x)) { // NaN fails
				t.Fatalf("trial %d (m %d): %s %v (Go) against %v (AVX2), beyond %g relative", trial, m, s.what, s.x, s.y, tol)
			}
		}
	}
	if vectorised < 1000 {
		t.Fatalf("only %d strips took the AVX2 form", vectorised)
	}
}
