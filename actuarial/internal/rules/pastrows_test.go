package rules_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial/internal/rules"
)

// TestPastContributionRowsSIMD: RatioPoly.PastContributionRows' AVX2 form
// leaves every cell of the past salaries and contributions bit for bit as
// its Go form does (SIMD false), the cells it must not touch included, on
// random merit tables, tables of past salaries and rates, entry ages and
// ranges of rows: rows of 0 to 70 services along the diagonals, of every
// length mod 4, from service 0 and from a later one, with the past
// contributions and without (each case checked to occur), and runs of
// rows of one shape (services age − eHi ≥ 1 to age − eLo, four cells or
// more: pastRunAVX2's, in groups of 16 diagonals) of every length mod 4,
// with the past contributions and without; and at a negative x too, which
// no valid wage growth gives, so that a form computing the cells of
// service 0 as a product (−0) rather than setting them to +0 fails.
func TestPastContributionRowsSIMD(t *testing.T) {
	if !rules.HasSIMD {
		t.Skip("no AVX2 form (HasSIMD is false)")
	}
	defer func() { rules.SIMD = true }()
	rng := rand.New(rand.NewPCG(13, 4))
	// seen[acc][s0 == 0][len mod 4], of the rows with cells along the
	// diagonals; lens the lengths seen.
	var seen [2][2][4]int
	var lens [80]bool
	// run[acc][len mod 4], of the rows of one shape; runLen[acc][k] of
	// their lengths, k 0 under 16 cells (pastRunAVX2's one group of
	// overlapping blocks), 1 a multiple of 16, 2 over 16 and not a multiple
	// (its last group overlapping the one before).
	var run [2][4]int
	var runLen [2][3]int
	for trial := range 3000 {
		ms := rng.IntN(76)
		ns := ms + 1
		n := rules.NumAges * ns
		merit := make([]float64, n)
		for c := range merit {
			merit[c] = 1 + 0.05*rng.Float64()
		}
		var rp rules.RatioPoly
		rp.Prepare(merit, ms)
		minEntry := rng.IntN(30)
		if trial%10 == 0 {
			minEntry = 0
		}
		eLo := minEntry + rng.IntN(20)
		eHi := eLo + rng.IntN(80) - 5
		lo := rng.IntN(rules.NumAges)
		if trial%7 == 0 {
			lo = 0
		}
		hi := min(lo+rng.IntN(rules.NumAges), rules.NumAges-1)
		accLo, accHi := 0, -1
		if rng.IntN(4) > 0 {
			accLo = rng.IntN(rules.NumAges)
			accHi = accLo + rng.IntN(rules.NumAges) - 10
		}
		x := 1 / (1 + 0.1*(rng.Float64()-0.3))
		if trial%20 == 3 {
			// The cells of service 0 are +0 whatever x (a product with a
			// negative one would give −0).
			x = -x
		}
		tab, acc, avg := make([]float64, n), make([]float64, n), make([]float64, ns)
		for c := range tab {
			tab[c], acc[c] = 30*rng.Float64(), rng.Float64()
		}
		for s := range avg {
			avg[s] = 0.2 * rng.Float64()
		}
		gt, ga := append([]float64(nil), tab...), append([]float64(nil), acc...)
		vt, va := append([]float64(nil), tab...), append([]float64(nil), acc...)
		rules.SIMD = false
		rp.PastContributionRows(gt, ga, avg, minEntry, lo, hi, eLo, eHi, accLo, accHi, x)
		rules.SIMD = true
		rp.PastContributionRows(vt, va, avg, minEntry, lo, hi, eLo, eHi, accLo, accHi, x)
		for c := range n {
			if math.Float64bits(gt[c]) != math.Float64bits(vt[c]) {
				t.Fatalf("trial %d (ms %d, entry %d..%d, min %d, ages %d..%d): past salary of cell %d: %v (Go) against %v (AVX2)", trial, ms, eLo, eHi, minEntry, lo, hi, c, gt[c], vt[c])
			}
			if math.Float64bits(ga[c]) != math.Float64bits(va[c]) {
				t.Fatalf("trial %d (ms %d, entry %d..%d, min %d, ages %d..%d, acc %d..%d): past contributions of cell %d: %v (Go) against %v (AVX2)", trial, ms, eLo, eHi, minEntry, lo, hi, accLo, accHi, c, ga[c], va[c])
			}
		}
		for age := max(lo, 1, eLo, minEntry); age <= hi; age++ {
			s0, s1 := max(0, age-eHi), min(ms, age-minEntry, age-eLo)
			first := max(s0, 1)
			if s1 < s0 || s1 < first {
				continue
			}
			a, z := 0, 0
			if age >= accLo && age <= accHi {
				a = 1
			}
			if s0 == 0 {
				z = 1
			}
			seen[a][z][(s1-first+1)%4]++
			if eMax, eTop := max(minEntry, eLo), min(eHi, hi); s0 >= 1 && s1 == age-eMax && eTop-eMax >= 3 {
				l := eTop - eMax + 1
				run[a][l%4]++
				switch {
				case l < 16:
					runLen[a][0]++
				case l%16 == 0:
					runLen[a][1]++
				default:
					runLen[a][2]++
				}
			}
			lens[s1-first+1] = true
		}
	}
	for a := range seen {
		for z := range seen[a] {
			for r, k := range seen[a][z] {
				if k == 0 {
					t.Errorf("no row with acc %d, from service 0 %d, len mod 4 = %d", a, z, r)
				}
			}
		}
	}
	for a := range run {
		for r, k := range run[a] {
			if k == 0 {
				t.Errorf("no run of rows of one shape with acc %d, len mod 4 = %d", a, r)
			}
		}
		for kind, k := range runLen[a] {
			if k == 0 {
				t.Errorf("no run of rows of one shape with acc %d of length kind %d (0: under 16, 1: a multiple of 16, 2: over 16, not a multiple)", a, kind)
			}
		}
	}
	for l := 1; l <= 70; l++ {
		if !lens[l] {
			t.Errorf("no row of %d cells along the diagonals", l)
		}
	}
}
