package reform_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// BenchmarkCompare compares the reference scheme with four reforms over
// 100 years: five projections and summaries, on every processor.
func BenchmarkCompare(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	rs := fourReforms()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reform.Compare(base, rs, reform.Options{Years: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareOneWorker is BenchmarkCompare on one goroutine.
func BenchmarkCompareOneWorker(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	rs := fourReforms()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reform.Compare(base, rs, reform.Options{Years: 100, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApply applies a reform with a change of every kind: the deep
// copy of the scheme dominates.
func BenchmarkApply(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	r := everyKind()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Apply(base); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveNoDepletion solves the employer's rate that keeps the
// reserve positive through 2075, over 60 years.
func BenchmarkSolveNoDepletion(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	lever := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reform.SolveContributionRate(base, lever, reform.NoDepletion(2075), 0.10, 0.60, reform.Options{Years: 60}); err != nil {
			b.Fatal(err)
		}
	}
}
