package projection

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
)

// TestSumsInStep checks that sumsInStep's four sums are those of adding
// each run's values one by one to its starting value, bit for bit (the same additions in the
// same order: an identity of floating point), for runs of every order of
// lengths, empty and equal ones among them. The values span twelve orders
// of magnitude, so that another order of addition would round otherwise:
// the test checks that, too, so that it can fail.
func TestSumsInStep(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	reordered := 0
	for trial := range 2000 {
		var r [4][]float64
		for j := range r {
			n := rng.IntN(260)
			if trial%7 == 0 {
				n = 100 // equal lengths
			}
			if rng.IntN(6) == 0 {
				n = 0
			}
			r[j] = make([]float64, n)
			for i := range r[j] {
				r[j][i] = math.Pow(10, rng.Float64()*12-4) * rng.Float64()
			}
		}
		var from [4]float64
		if trial%2 == 1 {
			for j := range from {
				from[j] = rng.Float64() * 1e6
			}
		}
		got := sumsInStep(&r, from)
		for j := range r {
			want := from[j]
			for _, v := range r[j] {
				want += v
			}
			if math.Float64bits(got[j]) != math.Float64bits(want) {
				t.Fatalf("trial %d, run %d of %d values: sumsInStep %v, one by one %v", trial, j, len(r[j]), got[j], want)
			}
			rev := from[j]
			for i := len(r[j]) - 1; i >= 0; i-- {
				rev += r[j][i]
			}
			if rev != want {
				reordered++
			}
		}
	}
	if reordered == 0 {
		t.Fatal("no run's sum depends on the order of its additions: the test could not tell one order from another")
	}
}

// pensionerCountsByCell is the count of pensions in payment by type as the
// projection added it before pensionerCounts: by sex, then over the
// populated ages of each row, one cell at a time.
func pensionerCountsByCell(p *Projector, g int, counts *[census.NumPensionTypes]float64) {
	for ti := range census.NumPensionTypes {
		var sum float64
		for sx := range actuarial.NumSexes {
			k := (g*census.NumPensionTypes+ti)*actuarial.NumSexes + sx
			if lo, hi := p.pLo[k], p.pHi[k]; lo <= hi {
				for _, n := range p.pN[k*nAges+lo : k*nAges+hi+1] {
					sum += n
				}
			}
		}
		counts[ti] += sum
	}
}

// TestPensionerCounts checks pensionerCounts against the cell by cell sums
// it replaced, bit for bit: on the pensions in payment the reference
// scheme's projection leaves after 1 to 40 years (pensioners from 65 and
// from 55), and on made-up rows of every type with random populated ages,
// empty rows and empty types among them, and other values outside the
// populated ages (which neither may add).
func TestPensionerCounts(t *testing.T) {
	check := func(p *Projector, what string) {
		t.Helper()
		for g := range p.nG {
			var got, want [census.NumPensionTypes]float64
			p.pensionerCounts(g, &got)
			pensionerCountsByCell(p, g, &want)
			for ti := range got {
				if math.Float64bits(got[ti]) != math.Float64bits(want[ti]) {
					t.Fatalf("%s, group %d, type %d: %v, cell by cell %v", what, g, ti, got[ti], want[ti])
				}
			}
		}
	}
	for _, from := range []int{65, 55} {
		p, err := NewProjector(actuarialtest.ReferenceScheme(t, from))
		if err != nil {
			t.Fatal(err)
		}
		var res *Result
		for years := 1; years <= 40; years += 3 {
			if res, err = p.Run(res, years); err != nil {
				t.Fatal(err)
			}
			check(p, "reference scheme")
		}

		rng := rand.New(rand.NewPCG(uint64(from), 3))
		for trial := range 200 {
			for c := range p.pN {
				p.pN[c] = -1 // outside every row's populated ages
			}
			for k := range p.pLo {
				lo, hi := rng.IntN(nAges), rng.IntN(nAges)
				if rng.IntN(4) == 0 {
					lo, hi = nAges, -1 // an empty row
				}
				p.pLo[k], p.pHi[k] = lo, hi
				for a := lo; a <= hi; a++ {
					p.pN[k*nAges+a] = math.Pow(10, rng.Float64()*8-2)
				}
			}
			check(p, fmt.Sprintf("random rows, trial %d", trial))
		}
	}
}
