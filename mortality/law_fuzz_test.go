package mortality_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/mortality"
)

// unit maps any float64 into [0, 1] (NaN and infinities to 0), so that the
// fuzzer explores parameters within realistic ranges.
func unit(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	_, f := math.Modf(math.Abs(v))
	return f
}

// FuzzPerksCumHazard checks the closed-form integral of the logistic laws
// (Perks with K = 0, which covers Makeham, Beard, Kannisto) against
// quadrature over realistic parameters and ages: an analytic identity.
func FuzzPerksCumHazard(f *testing.F) {
	const relTol = 1e-11 // exact integrals; fuzzed parameters reach harder corners than the table tests
	f.Add(0.5, 0.5, 0.5, 0.5, 0.5, 0.5)
	f.Add(0.0, 0.1, 0.9, 0.0, 0.0, 0.99)
	f.Fuzz(func(t *testing.T, a, b, c, d, x, dt float64) {
		law := mortality.Perks{
			A: 0.01 * unit(a),
			B: 1e-7 * math.Pow(1e4, unit(b)), // 1e-7 .. 1e-3
			C: 1.01 + 0.19*unit(c),
			D: 0.01 * unit(d) * unit(d),
		}
		if err := law.Validate(); err != nil {
			t.Fatal(err)
		}
		x0, t0 := 120*unit(x), 0.05+2*unit(dt)
		want := mortality.CumHazard(hazardOnly{law}, x0, t0)
		got := law.CumHazard(x0, t0)
		if math.Abs(got-want) > relTol*want {
			t.Fatalf("%+v: ∫ from %v for %v = %v, quadrature %v", law, x0, t0, got, want)
		}
	})
}

// FuzzFromLaw checks that FromLaw never panics on a law's parameters, and
// that a table it returns holds rates in [0, 1].
func FuzzFromLaw(f *testing.F) {
	f.Add(0.00022, 2.7e-6, 1.124, 0.0, 0.0, uint8(20), uint8(100))
	f.Add(math.NaN(), -1.0, 0.5, math.Inf(1), 1.0, uint8(0), uint8(0))
	f.Fuzz(func(t *testing.T, a, b, c, d, k float64, minAge, span uint8) {
		for _, law := range []mortality.Law{
			mortality.Perks{A: a, B: b, C: c, D: d, K: k},
			mortality.GammaGompertz{A: a, B: b, Gamma: c},
			mortality.HeligmanPollard{A: a, B: b, C: c, D: d, E: k, F: 17, G: 5e-5, H: 1.1},
			mortality.VanDerMaen{A: a, B: b, C: c, I: d, N: k},
		} {
			tbl, err := mortality.FromLaw(law, int(minAge), int(minAge)+int(span))
			if err != nil {
				continue
			}
			for age := tbl.MinAge(); age <= tbl.MaxAge(); age++ {
				if q := tbl.Q(age); !(q >= 0 && q <= 1) {
					t.Fatalf("%+v: q_%d = %v", law, age, q)
				}
			}
		}
	})
}
