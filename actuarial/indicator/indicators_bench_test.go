package indicator_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
)

// BenchmarkSummarize computes every indicator of a 100-year projection
// into a reused Summary.
func BenchmarkSummarize(b *testing.B) {
	c, err := actuarial.StepCurve(0.05, 10, 0.04)
	if err != nil {
		b.Fatal(err)
	}
	f := syntheticFlows(100, 4e9, c)
	h := indicator.Horizon{Curve: c, TargetRatio: 1}
	s, err := indicator.Summarize(nil, f, h)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := indicator.Summarize(s, f, h); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGAP is one general average premium over 100 years.
func BenchmarkGAP(b *testing.B) {
	c, err := actuarial.StepCurve(0.05, 10, 0.04)
	if err != nil {
		b.Fatal(err)
	}
	f := syntheticFlows(100, 4e9, c)
	h := indicator.Horizon{Curve: c}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := indicator.GAP(&indicator.Flows{SalaryBill: f.SalaryBill, Benefits: f.Benefits, Costs: f.Costs, ReserveStart: reserveAt(f.ReserveStart[0], len(f.SalaryBill))}, h); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewLedger builds and verifies the decimal ledger of 100 years.
func BenchmarkNewLedger(b *testing.B) {
	f := randomLedgerFlows(100, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := indicator.NewLedger(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLedgerVerify re-checks the identities of a 100-year ledger.
func BenchmarkLedgerVerify(b *testing.B) {
	l, err := indicator.NewLedger(randomLedgerFlows(100, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := l.Verify(); err != nil {
			b.Fatal(err)
		}
	}
}
