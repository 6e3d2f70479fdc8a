// Package qx holds the rates of decrement as the engines of package
// actuarial and its subpackages read them: q capped at a table's last age,
// and independent rates turned into dependent probabilities.
package qx

import (
	"math"

	"github.com/reserva-go/reserva/mortality"
)

// At returns q at age a, 1 above hi whatever the table says.
func At(t mortality.Table, a, hi int) float64 {
	if a > hi {
		return 1
	}
	return t.Q(a)
}

// DependentUDDM is the UDD-in-the-multiple-decrement-table conversion from
// independent rates qi to dependent probabilities dep (the fast path
// of actuarial.ToDependent with UDDMultipleDecrement: no validation, no
// allocation).
func DependentUDDM(dep, qi []float64) {
	certain := 0
	for _, v := range qi {
		if v == 1 {
			certain++
		}
	}
	if certain > 0 {
		share := 1 / float64(certain)
		for j, v := range qi {
			dep[j] = 0
			if v == 1 {
				dep[j] = share
			}
		}
		return
	}
	var total float64 // Σ_k µ_k = −Σ_k ln(1 − q'_k)
	for _, v := range qi {
		total -= math.Log1p(-v)
	}
	if total == 0 {
		for j := range dep {
			dep[j] = 0
		}
		return
	}
	qtau := -math.Expm1(-total)
	for j, v := range qi {
		dep[j] = qtau * (-math.Log1p(-v) / total)
	}
}
