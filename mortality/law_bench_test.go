package mortality_test

import (
	"testing"

	"github.com/reserva-go/reserva/mortality"
)

// BenchmarkFromLawMakeham builds the SULT over ages 0..120 through
// Makeham's closed-form cumulative hazard.
func BenchmarkFromLawMakeham(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mortality.FromLaw(sultLaw, 0, 120); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFromLawQuadrature builds a table over ages 0..120 from Perks's
// general law (K ≠ 0, the form of MortalityLaws' fixture), which has no closed
// form here: 24-point Gauss–Legendre on each year of age.
func BenchmarkFromLawQuadrature(b *testing.B) {
	perks := mortality.Perks{A: 0.0002, B: 3e-6, C: 1.12, D: 1e-5, K: 1e-3}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mortality.FromLaw(perks, 0, 120); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFromLawHeligmanPollard builds a table over ages 0..120 from a
// q-law, which FromLaw reads through Q.
func BenchmarkFromLawHeligmanPollard(b *testing.B) {
	hp := mortality.HeligmanPollard{A: 0.0005, B: 0.004, C: 0.08, D: 0.001, E: 10, F: 17, G: 5e-5, H: 1.1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mortality.FromLaw(hp, 0, 120); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCumHazard integrates one year of each closed-form law, and of
// one by quadrature; it must allocate nothing.
func BenchmarkCumHazard(b *testing.B) {
	for _, c := range []struct {
		name string
		law  mortality.Law
	}{
		{"Makeham", sultLaw},
		{"Carriere", smoothLaws[len(smoothLaws)-2].law},
		{"Thiele", mortality.Thiele{A: 0.02474, B: 0.3, C: 0.004, D: 0.5, E: 25, F: 0.0001, G: 0.08}},
		{"Quadrature", hazardOnly{sultLaw}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var s float64
			for b.Loop() {
				s += mortality.CumHazard(c.law, 65, 1)
			}
			_ = s
		})
	}
}
