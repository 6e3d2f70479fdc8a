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
// iteration resets one Seriatim (Seriatim.Reset), builds the liability
// factors of every start cell the records meet (2,754) and values the
// records, fanned out over GOMAXPROCS goroutines; a first run before the
// timer allocates the memory the iterations reuse. Measured as
// BenchmarkSeriatim1M is: 74.7 ms of CPU time at the median (57.8 at the
// least), against 208.4 (119.5) with a new Seriatim each run, which
// allocated 54 MiB in 8,895 allocations; now 27 KiB in 363. (The quieter
// run in BenchmarkSeriatim1M's record, docs/performance.md: 310.9 → 58.6
// ms.) The records phase reworked for ActiveCensus (2026-12-03, measured
// with BenchmarkSeriatim1M, the records still given as a slice) left it no
// slower: 57.1 ms of CPU time at the median against 57.7 on one core
// (-count=10, p = 1.0), and on two cores 30.8 ms of wall time against 34.1
// (30.4 and 33.1 at the least, p = 0.028) and 54.9 ms of CPU time against
// 58.2 (p = 0.065).
func BenchmarkLiability1M(b *testing.B) {
	const n = 1_000_000
	s := serBenchScheme(b)
	recs := serSynthetic(1, n)
	var v projection.Seriatim
	// A first run allocates the memory the others reuse.
	if err := v.Reset(s, projection.ClosedGroupYears); err != nil {
		b.Fatal(err)
	}
	if _, err := v.Liability(recs, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPUTime()
	for range b.N {
		if err := v.Reset(s, projection.ClosedGroupYears); err != nil {
			b.Fatal(err)
		}
		if _, err := v.Liability(recs, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, processCPUTime()-cpu)
}

// BenchmarkLiabilityRecords1M is BenchmarkLiability1M with the valuation
// prepared and every start cell's factors built: the cost of the records
// themselves, 40.6 ms of CPU time at the median (29.6 at the least)
// against 58.8 (46.1) before the records phase was reworked (see
// BenchmarkSeriatim1M).
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
	cpu := processCPUTime()
	for range b.N {
		if _, err := v.Liability(recs, nil); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, processCPUTime()-cpu)
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
