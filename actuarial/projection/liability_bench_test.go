package projection_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// BenchmarkLiability1M values the accrued liability (PUC and TUC, with the
// normal cost, PVFB and PVFS) of 1,000,000 synthetic active members
// (serSynthetic) of the reference scheme (serBenchScheme) over
// ClosedGroupYears, until they and their survivors have died out. Each
// iteration prepares the valuation (NewSeriatim), builds the liability
// factors of every start cell the records meet (2,754) and values the
// records, fanned out over GOMAXPROCS goroutines. Measured when the method
// was written, on two cores: about 60 ms an iteration, 25 ms of them for
// the records (BenchmarkLiabilityRecords1M), the rest for NewSeriatim and
// the factors of the start cells.
func BenchmarkLiability1M(b *testing.B) {
	const n = 1_000_000
	s := serBenchScheme(b)
	recs := serSynthetic(1, n)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		v, err := projection.NewSeriatim(s, projection.ClosedGroupYears)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.Liability(recs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLiabilityRecords1M is BenchmarkLiability1M with the valuation
// prepared and every start cell's factors built: the cost of the records
// themselves, about 25 ms an iteration on two cores when measured.
func BenchmarkLiabilityRecords1M(b *testing.B) {
	const n = 1_000_000
	recs := serSynthetic(1, n)
	v, err := projection.NewSeriatim(serBenchScheme(b), projection.ClosedGroupYears)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := v.Liability(recs, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := v.Liability(recs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActiveLiability values one member's liability, its start cell
// built: the cost of a record alone, without the fan-out of Liability.
func BenchmarkActiveLiability(b *testing.B) {
	v, err := projection.NewSeriatim(serBenchScheme(b), projection.ClosedGroupYears)
	if err != nil {
		b.Fatal(err)
	}
	r := projection.ActiveRecord{Sex: actuarial.Female, Age: 45, Service: 20, Salary: 14 * 12 * 3000}
	if _, err := v.ActiveLiability(r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := v.ActiveLiability(r); err != nil {
			b.Fatal(err)
		}
	}
}
