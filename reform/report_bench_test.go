package reform_test

import (
	"io"
	"testing"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
)

// BenchmarkWriteText writes both tables of 100 years × 3 scenarios, every
// year, in thousands.
func BenchmarkWriteText(b *testing.B) {
	out := reformtest.BenchOutcomes(b)
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
	out := reformtest.BenchOutcomes(b)
	opt := reform.ReportOptions{Units: reform.UnitsThousands, RatioYears: []int{2050, 2075, 2124}}
	b.ReportAllocs()
	for b.Loop() {
		if err := reform.WriteCSV(io.Discard, out, opt); err != nil {
			b.Fatal(err)
		}
	}
}
