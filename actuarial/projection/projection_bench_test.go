package projection_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// BenchmarkProjectReference is one open-group projection of the reference
// scheme (projReferenceScheme: 2 sexes × ages 0–120 × service 0–50, every
// feasible cell of ages 20–64 populated, pensions at every age they are
// paid, EMSSA-09 mortality, disability and withdrawal by age and service,
// survivors and orphans, refunds) for 100 years, with the Projector and the
// Result reused across iterations.
func BenchmarkProjectReference(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 65)
	p, err := projection.NewProjector(s)
	if err != nil {
		b.Fatal(err)
	}
	res, err := p.Run(nil, 100)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := p.Run(res, 100); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProjectReferenceSplit is BenchmarkProjectReference with the
// split by group, sex and age on: the cost of Projector.Split.
func BenchmarkProjectReferenceSplit(b *testing.B) { benchSplit(b, nil) }

// BenchmarkProjectReferenceBands is BenchmarkProjectReferenceSplit with the
// default service bands (0–9, 10–19, 20–29, 30+, in payment, future
// entrants): the cost of Projector.ServiceBands.
func BenchmarkProjectReferenceBands(b *testing.B) {
	benchSplit(b, projection.DefaultServiceBands)
}

func benchSplit(b *testing.B, bands []int) {
	s := actuarialtest.ReferenceScheme(b, 65)
	p, err := projection.NewProjector(s)
	if err != nil {
		b.Fatal(err)
	}
	p.Split, p.ServiceBands = true, bands
	res, err := p.Run(nil, 100)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := p.Run(res, 100); err != nil {
			b.Fatal(err)
		}
	}
}
