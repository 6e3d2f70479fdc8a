package rules_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// decRate draws an independent rate: 0 (or −0) about one time in four, the
// edges 1, 5e−324 (the least subnormal) and 1e−300, or a probability of
// full-width mantissa (so that another order of the operations, or a fused
// multiply-add, would round differently), small or near 1.
func decRate(rng *rand.Rand) float64 {
	switch rng.IntN(16) {
	case 0, 1, 2:
		return 0
	case 3:
		return math.Copysign(0, -1)
	case 4:
		return 1
	case 5:
		return 5e-324
	case 6:
		return 1e-300
	case 7:
		return 1 - rng.Float64()*1e-3
	}
	return rng.Float64() * math.Ldexp(1, -rng.IntN(8))
}

// decD0s are the rates of death of the edges: 0, −0, 1, tiny, and the
// values outside [0, 1] that the Go form passes through (NaN, whose F is
// NaN, 1.5, whose F is floored at 0, and infinities).
var decD0s = []float64{0, math.Copysign(0, -1), 1, 5e-324, 1e-300, math.NaN(), 1.5, math.Inf(1), math.Inf(-1), -0.25}

// TestFillServicesByFieldSIMD: FillServicesByField's AVX2 form (UDD in
// each single-decrement table) sets every field of the cells asked bit for
// bit as its Go form does (SIMD false), and no other cell, on random tables
// of 1 to 64 services, rows of 1 to ns cells at every offset (every length
// mod 4), rates with zeros (both, either or neither of a cell's), 1,
// subnormals and full-width mantissas, and rates of death random or at the
// edges (0, 1, tiny, NaN passing through, above 1, infinite); the sex
// without a table (rates all zero) and the multiple-decrement UDD (the Go
// form in both) alike.
func TestFillServicesByFieldSIMD(t *testing.T) {
	if !rules.HasSIMD {
		t.Skip("no AVX2 form (HasSIMD is false)")
	}
	defer func(s bool) { rules.SIMD = s }(rules.SIMD)
	rng := rand.New(rand.NewPCG(13, 6))
	for trial := range 4000 {
		ms := rng.IntN(64)
		ns := ms + 1
		plane := rules.NumAges * ns
		dis, wd, merit := make([]float64, plane), make([]float64, plane), make([]float64, plane)
		for c := range dis {
			dis[c], wd[c], merit[c] = decRate(rng), decRate(rng), 0.9+0.3*rng.Float64()
		}
		d := rules.DecrementsOf(ms, dis, wd, merit, trial%8 == 7)
		v := make([]float64, 6*plane)
		for c := range v {
			v[c] = -1 - rng.Float64() // no field is below −1
		}
		sx := 0
		if trial%6 == 5 {
			sx = 1
		}
		age := rng.IntN(rules.NumAges)
		lo := rng.IntN(ns)
		hi := lo + rng.IntN(ns-lo)
		d0 := rng.Float64() * math.Ldexp(1, -rng.IntN(8))
		if trial%3 == 0 {
			d0 = decD0s[rng.IntN(len(decD0s))]
		}
		g, s := append([]float64(nil), v...), append([]float64(nil), v...)
		rules.SIMD = false
		d.FillServicesByField(g, plane, sx, age, lo, hi, d0)
		rules.SIMD = true
		d.FillServicesByField(s, plane, sx, age, lo, hi, d0)
		if c := sameBits(g, s); c >= 0 {
			k, cell := c/plane, c%plane
			sv := cell % ns
			t.Fatalf("trial %d (ms %d, sex %d, age %d, services %d–%d, d0 %v): field %d of service %d (rates %v, %v): %v (Go) against %v (AVX2)",
				trial, ms, sx, age, lo, hi, d0, k, sv, dis[cell], wd[cell], g[c], s[c])
		}
	}
}

// TestFillServicesByFieldNaN: a rate of death NaN gives, in both forms,
// D, I, W, E, F and FM NaN where a cell's rates are not both zero, and
// D NaN, I = W = 0 where they are (the Go form's case), F included: the
// floor at 0 keeps NaN.
func TestFillServicesByFieldNaN(t *testing.T) {
	defer func(s bool) { rules.SIMD = s }(rules.SIMD)
	const ms = 6
	const ns = ms + 1
	plane := rules.NumAges * ns
	dis, wd, merit := make([]float64, plane), make([]float64, plane), make([]float64, plane)
	for c := range dis {
		if c%ns >= 3 { // services 0..2 without rates
			dis[c], wd[c] = 0.01*float64(c%ns), 0.02
		}
		merit[c] = 1.01
	}
	d := rules.DecrementsOf(ms, dis, wd, merit, false)
	for _, simd := range []bool{false, true} {
		if simd && !rules.HasSIMD {
			continue
		}
		rules.SIMD = simd
		v := make([]float64, 6*plane)
		const age = 40
		d.FillServicesByField(v, plane, 0, age, 0, ms, math.NaN())
		for sv := range ns {
			c := age*ns + sv
			for k := range 6 {
				x := v[k*plane+c]
				if zero := sv < 3 && (k == 1 || k == 2); zero && x != 0 || !zero && !math.IsNaN(x) {
					t.Errorf("SIMD %v, service %d, field %d: %v, want %v", simd, sv, k, x, map[bool]string{true: "0", false: "NaN"}[zero])
				}
			}
		}
	}
}

// TestFillServicesByFieldShort: FillServicesByField panics, in both forms,
// when the last field's cells go past v (misuse), rather than write out of
// it.
func TestFillServicesByFieldShort(t *testing.T) {
	defer func(s bool) { rules.SIMD = s }(rules.SIMD)
	const ms = 5
	plane := rules.NumAges * (ms + 1)
	dis, wd, merit := make([]float64, plane), make([]float64, plane), make([]float64, plane)
	for c := range dis {
		dis[c], wd[c], merit[c] = 0.01, 0.02, 1
	}
	d := rules.DecrementsOf(ms, dis, wd, merit, false)
	for _, simd := range []bool{false, true} {
		if simd && !rules.HasSIMD {
			continue
		}
		rules.SIMD = simd
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("SIMD %v: no panic", simd)
				}
			}()
			v := make([]float64, 6*plane-1)
			d.FillServicesByField(v, plane, 0, rules.NumAges-1, 0, ms, 0.01)
		}()
	}
}
