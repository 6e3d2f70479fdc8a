package reform_test

import (
	"io"
	"testing"

	"github.com/reserva-go/reserva/reform"
)

// repBenchOutcomes are three scenarios of the fixture projected for 100
// years: the base and two contribution reforms.
func repBenchOutcomes(b *testing.B) []reform.Outcome {
	b.Helper()
	return []reform.Outcome{
		repProject(b, "base", repScheme(b, "base", 6e7, 0.14, 0, 0), 100, false),
		repProject(b, "20% from 2028", repScheme(b, "r1", 6e7, 0.14, 2028, 0.20), 100, false),
		repProject(b, "24% from 2030", repScheme(b, "r2", 6e7, 0.14, 2030, 0.24), 100, false),
	}
}

// BenchmarkWriteText writes both tables of 100 years × 3 scenarios, every
// year, in thousands.
func BenchmarkWriteText(b *testing.B) {
	out := repBenchOutcomes(b)
	opt := reform.ReportOptions{Units: reform.UnitsThousands, RatioYears: []int{2050, 2075, 2124}}
	b.ReportAllocs()
	for b.Loop() {
		if err := reform.WriteText(io.Discard, out, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteCSV is BenchmarkWriteText's report as CSV.
func BenchmarkWriteCSV(b *testing.B) {
	out := repBenchOutcomes(b)
	opt := reform.ReportOptions{Units: reform.UnitsThousands, RatioYears: []int{2050, 2075, 2124}}
	b.ReportAllocs()
	for b.Loop() {
		if err := reform.WriteCSV(io.Discard, out, opt); err != nil {
			b.Fatal(err)
		}
	}
}
