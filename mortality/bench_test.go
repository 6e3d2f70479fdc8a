package mortality_test

import (
	"testing"

	"github.com/reserva-go/reserva/mortality"
)

// benchTable is a 121-age table (ages 0..120) on the ILT's Makeham law.
func benchTable(b *testing.B) *mortality.LifeTable {
	b.Helper()
	q := make([]float64, 121)
	for x := range q {
		q[x] = iltMakehamQ(x)
	}
	tbl, err := mortality.NewTable(0, q)
	if err != nil {
		b.Fatal(err)
	}
	return tbl
}

var sink float64

// BenchmarkSurvivalWholeTable: survival from MinAge to every age of a
// 121-age table into the caller's slice (no allocation).
func BenchmarkSurvivalWholeTable(b *testing.B) {
	tbl := benchTable(b)
	dst := make([]float64, 121)
	b.ReportAllocs()
	for b.Loop() {
		tbl.SurvivalAll(dst, 0)
	}
	sink = dst[65]
}

// BenchmarkSurvival: one _n p_x.
func BenchmarkSurvival(b *testing.B) {
	tbl := benchTable(b)
	b.ReportAllocs()
	for b.Loop() {
		sink += tbl.Survival(65, 20)
	}
}

// BenchmarkLifeExpectancy: e°_x at every age of a 121-age table.
func BenchmarkLifeExpectancy(b *testing.B) {
	tbl := benchTable(b)
	b.ReportAllocs()
	for b.Loop() {
		for x := 0; x <= 120; x++ {
			sink += tbl.LifeExpectancy(x)
		}
	}
}

// BenchmarkLifeExpectancyFrac: e°_0 under constant force, integrated year
// by year over the table.
func BenchmarkLifeExpectancyFrac(b *testing.B) {
	tbl := benchTable(b)
	b.ReportAllocs()
	for b.Loop() {
		sink += tbl.LifeExpectancyFrac(0, mortality.ConstantForce)
	}
}

// BenchmarkSurvivalFrac: _t p_x at a real age over several years.
func BenchmarkSurvivalFrac(b *testing.B) {
	tbl := benchTable(b)
	b.ReportAllocs()
	for b.Loop() {
		sink += tbl.SurvivalFrac(65.25, 10.5, mortality.Balducci)
	}
}

// BenchmarkNewTable: building a 121-age table (q, l and running sums).
func BenchmarkNewTable(b *testing.B) {
	q := benchTable(b).Rates()
	b.ReportAllocs()
	for b.Loop() {
		tbl, _ := mortality.NewTable(0, q)
		sink += tbl.L(60)
	}
}
