package modelworker_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/modelworker"
)

// BenchmarkEvaluate evaluates the six standard workers on the reference
// scheme, the law compiled once.
func BenchmarkEvaluate(b *testing.B) {
	e, err := modelworker.New(actuarialtest.ReferenceScheme(b, 0), modelworker.Config{AverageSalary: 120000})
	if err != nil {
		b.Fatal(err)
	}
	ws := modelworker.Standard()
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range ws {
			if _, err := e.Evaluate(w); err != nil {
				b.Fatal(err)
			}
		}
	}
}
