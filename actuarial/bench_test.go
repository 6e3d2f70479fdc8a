package actuarial_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/mortality"
)

// ilt121 is the ILT cut to 121 ages (0..120), the size of a typical
// pension table.
func ilt121(b *testing.B) *mortality.LifeTable {
	t := actuarialtest.ILT(b)
	tbl, err := mortality.NewTable(0, t.Rates()[:121])
	if err != nil {
		b.Fatal(err)
	}
	return tbl
}

func BenchmarkAnnuityDueAll(b *testing.B) {
	l := actuarial.Life{Table: ilt121(b), Interest: 0.06}
	dst := make([]float64, 121)
	b.ReportAllocs()
	for b.Loop() {
		l.AnnuityDueAll(dst)
	}
}

func BenchmarkAnnuityDueAllGeneric(b *testing.B) {
	l := actuarial.Life{Table: wrapped{ilt121(b)}, Interest: 0.06}
	dst := make([]float64, 121)
	b.ReportAllocs()
	for b.Loop() {
		l.AnnuityDueAll(dst)
	}
}

func BenchmarkAnnuityDue(b *testing.B) {
	l := actuarial.Life{Table: ilt121(b), Interest: 0.06}
	b.ReportAllocs()
	for b.Loop() {
		l.AnnuityDue(20)
	}
}

func BenchmarkAnnuityDueM12(b *testing.B) {
	l := actuarial.Life{Table: ilt121(b), Interest: 0.06}
	b.ReportAllocs()
	for b.Loop() {
		l.AnnuityDueM(20, 12)
	}
}

func BenchmarkJointAnnuityDue(b *testing.B) {
	tbl := ilt121(b)
	l := actuarial.Life{Table: tbl, Interest: 0.06}
	b.ReportAllocs()
	for b.Loop() {
		l.JointAnnuityDue(65, tbl, 62)
	}
}

func BenchmarkCurvePresentValue(b *testing.B) {
	c, err := actuarial.StepCurve(0.06, 10, 0.04)
	if err != nil {
		b.Fatal(err)
	}
	cf := make([]float64, 100)
	for t := range cf {
		cf[t] = 100
	}
	b.ReportAllocs()
	for b.Loop() {
		c.PresentValue(cf, actuarial.MidYear)
	}
}

func BenchmarkPresentValue(b *testing.B) {
	cf := make([]float64, 100)
	for t := range cf {
		cf[t] = 100
	}
	b.ReportAllocs()
	for b.Loop() {
		actuarial.PresentValue(0.05, cf, actuarial.MidYear)
	}
}
