package actuarial_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/mortality"
)

// FuzzIdentities builds a table from arbitrary rates and checks, for an
// arbitrary rate of interest, that the values are finite and keep the
// analytic identities A_x = 1 − d·ä_x, ä_x = ä_{x:n} + _nE_x·ä_{x+n},
// ä^(m) = α(m)·ä − β(m) under UDD, and the backward recursion of
// AnnuityDueAll.
func FuzzIdentities(f *testing.F) {
	f.Add([]byte{1, 2, 3, 200, 255}, 0.05, uint8(0), uint8(2), uint8(12))
	f.Add([]byte{0, 0, 0, 0}, 0.0, uint8(1), uint8(3), uint8(4))
	f.Add([]byte{255}, -0.3, uint8(0), uint8(1), uint8(2))
	f.Fuzz(func(t *testing.T, raw []byte, i float64, xb, nb, mb uint8) {
		if len(raw) == 0 || len(raw) > 150 || !(i > -0.5 && i < 1) {
			return
		}
		q := make([]float64, len(raw))
		for k, b := range raw {
			q[k] = float64(b) / 255
		}
		tbl, err := mortality.NewTable(10, q)
		if err != nil {
			t.Fatal(err)
		}
		l := actuarial.Life{Table: tbl, Interest: i}
		x := 10 + int(xb)%len(q)
		n := int(nb) % 30
		m := 1 + int(mb)%24
		// Rounding grows with the number of terms, the size of ä and, at a
		// negative rate, the size of v^k: scale the tolerance by all three.
		ad := l.AnnuityDue(x)
		scale := math.Max(1, ad) * float64(len(q)+2)
		tol := 1e-13 * scale * math.Max(1, math.Pow(1+i, -float64(len(q)+2)))
		d := i / (1 + i)
		check := func(name string, want, got float64) {
			if math.IsNaN(got) || math.IsInf(got, 0) || math.Abs(want-got) > tol {
				t.Fatalf("%s: want %v, got %v (tol %v)", name, want, got, tol)
			}
		}
		check("A = 1 − dä", 1-d*ad, l.Insurance(x))
		check("ä split", ad, l.TemporaryAnnuityDue(x, n)+l.PureEndowment(x, n)*l.AnnuityDue(x+n))
		alpha, beta := actuarial.UDDCoefficients(i, m)
		check("UDD m-thly", alpha*ad-beta, l.AnnuityDueM(x, m))
		all := l.AnnuityDueAll(nil)
		check("AnnuityDueAll", ad, all[x-10])
		w := l.AnnuityEPV(x, actuarial.Annuity{PerYear: m, Method: actuarial.MthlyWoolhouse})
		if math.IsNaN(w) || math.IsInf(w, 0) {
			t.Fatalf("Woolhouse gave %v", w)
		}
	})
}
