package projection_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// simdTol bounds the difference between a series projected with the
// kernels' AVX2 forms and with their Go forms, relative to the series'
// largest value: the forms' cells are the same bit for bit, their sums
// reordered by lane, each within 2(n−1)u of the other for n terms of one
// sign (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed.,
// §4.2), about 2e-12 for the ~10,000 cells of a year; the series are
// sums of such sums, and some their differences (the reserve, the
// minimum-pension top-up), which keep the absolute error, not the
// relative. Measured: 1.0e-15 of the series' largest value at most.
const simdTol = 1e-12

// TestSIMDMatchesGo projects the reference scheme and two groups with every
// limit (ceiling, caps, floors) and improving mortality (the decrements
// filled each year) for 100 years with the AVX2 forms and with the Go
// forms, and compares every series of their results within simdTol.
func TestSIMDMatchesGo(t *testing.T) {
	if !projection.SetSIMD(true) {
		t.Skip("no AVX2 forms here (not amd64, no AVX2, or the purego tag)")
	}
	actC, penC := serCensus(12, 1500, 200)
	act, pen := serRecords(t, actC, penC)
	for _, c := range []struct {
		name string
		s    *scheme.Scheme
	}{
		{"reference", actuarialtest.ReferenceScheme(t, 65)},
		{"two groups", serTwoGroups(t, serKeep, act, pen)},
	} {
		var res [2]*projection.Result
		for i, on := range []bool{false, true} {
			old := projection.SetSIMD(on)
			p, err := projection.NewProjector(c.s)
			if err != nil {
				t.Fatal(err)
			}
			res[i], err = p.Run(nil, 100)
			projection.SetSIMD(old)
			if err != nil {
				t.Fatal(c.name, err)
			}
		}
		series := map[string]func(r *projection.Result) []float64{
			"salary bill":       func(r *projection.Result) []float64 { return r.SalaryBill(nil) },
			"contribution base": func(r *projection.Result) []float64 { return r.ContributionBase(nil) },
			"contributions":     func(r *projection.Result) []float64 { return r.Contributions(nil) },
			"benefits":          func(r *projection.Result) []float64 { return r.Benefits(nil) },
			"minimum top-up":    func(r *projection.Result) []float64 { return r.MinimumTopUp(nil) },
			"reserve":           func(r *projection.Result) []float64 { return r.ReserveEnd(nil) },
			"actives":           func(r *projection.Result) []float64 { return r.Actives(nil) },
			"pensioners":        func(r *projection.Result) []float64 { return r.Pensioners(nil) },
			"disability pensions": func(r *projection.Result) []float64 {
				return r.PensionsBy(nil, census.PensionDisability)
			},
			"new disability pensions": func(r *projection.Result) []float64 {
				return r.NewPensionAmountsBy(nil, census.PensionDisability)
			},
		}
		for name, f := range series {
			g, a := f(res[0]), f(res[1])
			size := 0.0
			for _, v := range g {
				size = math.Max(size, math.Abs(v))
			}
			for y := range g {
				if d := math.Abs(g[y] - a[y]); d > simdTol*size {
					t.Errorf("%s, %s, year %d: %v (Go) against %v (AVX2): %.3g of the series' largest value %v",
						c.name, name, y, g[y], a[y], d/size, size)
				}
			}
		}
	}
}
