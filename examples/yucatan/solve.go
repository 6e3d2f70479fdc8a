// The stochastic run's last year and the solvers' precision.

package main

import "github.com/reserva-go/reserva/examples/yucatan/isstey"

// riskLast is the last year of the stochastic run, whose probabilities of
// exhaustion section 7 gives: the 50th year of the 2025 rules, 2026–2075;
// riskRunYears are the years run, 2022–2075.
const (
	riskLast     = isstey.Reform2025From + riskYearsAfterReform - 1
	riskRunYears = riskLast - isstey.CensusYear + 1
)

// rateStep is the precision of the printed rate, a hundredth of a point;
// the rate is rounded up to it, so that the printed rate meets the target.
const rateStep = 1e-4
