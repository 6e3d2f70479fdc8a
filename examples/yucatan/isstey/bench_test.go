package isstey

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/stretchr/testify/require"
)

// BenchmarkGenerate draws the calibrated census (31,000 actives, 7,318
// pensions).
func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(DefaultSeed, Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkThreeRegimes projects the three regimes for 100 years each,
// with projectors and results built once and reused.
func BenchmarkThreeRegimes(b *testing.B) {
	c, err := committed()
	require.NoError(b, err)
	as := basis(b)
	var ps [NumRegimes]*projection.Projector
	var rs [NumRegimes]*projection.Result
	for i, r := range Regimes {
		s, err := Scheme(r, c, as)
		require.NoError(b, err)
		ps[i], err = projection.NewProjector(s)
		require.NoError(b, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range ps {
			if rs[i], err = ps[i].Run(rs[i], 100); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkFromScratch is the whole path of the example: generate the
// census, build the three schemes and project each for 100 years.
func BenchmarkFromScratch(b *testing.B) {
	as := basis(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := Generate(DefaultSeed, Config{})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range Regimes {
			s, err := Scheme(r, c, as)
			if err != nil {
				b.Fatal(err)
			}
			p, err := projection.NewProjector(s)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := p.Run(nil, 100); err != nil {
				b.Fatal(err)
			}
		}
	}
}
