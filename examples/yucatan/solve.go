// The solvers' target year and precision, and the reserve's extremes.

package main

import (
	"math"

	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

// targetYear is the last year the solved rate keeps the reserve at or
// above zero: the 50th year of the 2025 rules, 2026–2075.
const targetYear = isstey.Reform2025From + targetYears - 1

// rateStep is the precision of the printed rate, a hundredth of a point;
// the rate is rounded up to it, so that the printed rate meets the target.
const rateStep = 1e-4

// lowestReserve returns the lowest reserve at the end of a year up to and
// including through, and that year.
func lowestReserve(o *reform.Outcome, through int) (float64, int) {
	ys := o.Result.Years[:through-o.Result.StartYear+1]
	low, year := math.Inf(1), 0
	for _, y := range ys {
		if y.ReserveEnd < low {
			low, year = y.ReserveEnd, y.Year
		}
	}
	return low, year
}

// highestReserve returns the highest reserve at the end of a year up to
// and including through, and that year.
func highestReserve(o *reform.Outcome, through int) (float64, int) {
	ys := o.Result.Years[:through-o.Result.StartYear+1]
	high, year := math.Inf(-1), 0
	for _, y := range ys {
		if y.ReserveEnd > high {
			high, year = y.ReserveEnd, y.Year
		}
	}
	return high, year
}
