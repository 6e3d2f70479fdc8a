package valuation_test

import (
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/valuation"
)

// syntheticMembers returns n members of both sexes aged 20–64 with service
// and salaries drawn from a seeded generator.
func syntheticMembers(n int) []valuation.Member {
	rng := rand.New(rand.NewPCG(1, 2))
	ms := make([]valuation.Member, n)
	for i := range ms {
		age := 20 + rng.IntN(45)
		ms[i] = valuation.Member{
			Sex:           actuarial.SexAt(rng.IntN(2)),
			Age:           age,
			Service:       rng.IntN(age - 19),
			Salary:        20000 + 60000*rng.Float64(),
			Contributions: 5000 * rng.Float64(),
		}
	}
	return ms
}

// BenchmarkValuer values 100,000 synthetic members with every benefit of
// testPlan on testBasis (ages 20–65, five service columns): one op is the
// whole population; ns/member is reported.
func BenchmarkValuer(b *testing.B) {
	plan := testPlan()
	basis := testBasis(b, actuarial.RetireAtStart)
	v, err := valuation.NewValuer(&plan, &basis)
	if err != nil {
		b.Fatal(err)
	}
	ms := syntheticMembers(100_000)
	var r valuation.MemberValuation
	var total float64
	b.ReportAllocs()
	for b.Loop() {
		total = 0
		for i := range ms {
			if err := v.Value(&r, ms[i]); err != nil {
				b.Fatal(err)
			}
			total += r.AL[valuation.PUC]
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(ms)), "ns/member")
	if total <= 0 {
		b.Fatal("no liability")
	}
}

// BenchmarkNewValuer builds the factor tables of testPlan on testBasis.
func BenchmarkNewValuer(b *testing.B) {
	plan := testPlan()
	basis := testBasis(b, actuarial.RetireAtStart)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := valuation.NewValuer(&plan, &basis); err != nil {
			b.Fatal(err)
		}
	}
}
