package rules

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// FillRatios sets r[age·(ms+1) + service] to the reference salary over the
// current salary, [actuarial.SalaryScale.ReferenceRatio], when the
// reference salary averages years years and wages grew by w into the year,
// for the services 0..min(ms, age − minEntry) of every age; it leaves the
// other cells alone.
func FillRatios(r []float64, sc *actuarial.SalaryScale, ms, minEntry, years int, w float64) {
	ns := ms + 1
	for age := range NumAges {
		for sv := 0; sv <= min(ms, age-minEntry); sv++ {
			r[age*ns+sv] = sc.ReferenceRatio(age, sv, years, w)
		}
	}
}

// FillRatiosOf is [FillRatios] from the merit table of the salary scale,
// merit[age·(ms+1) + service] ([Decrements].Merit), for the cells where
// need is set (every cell when need is nil): the same values bit for bit,
// at a fraction of the cost when only the cells that can retire need them.
func FillRatiosOf(r, merit []float64, need []bool, ms, minEntry, years int, w float64) {
	ns := ms + 1
	g := 1 + w
	for age := range NumAges {
		row := r[age*ns : (age+1)*ns]
		for sv := 0; sv <= min(ms, age-minEntry); sv++ {
			if need != nil && !need[age*ns+sv] {
				continue
			}
			row[sv] = ratioOf(merit, ns, age, sv, years, g)
		}
	}
}

// RatioAt is the reference ratio [FillRatiosOf] gives the cell of that
// age and service, the same value bit for bit, for an engine that needs a
// few cells' ratios: service ≤ min(ms, age − minEntry).
func RatioAt(merit []float64, ms, age, service, years int, w float64) float64 {
	return ratioOf(merit, ms+1, age, service, years, 1+w)
}

// ratioOf is the reference ratio of the cell of that age and service, ns
// services a row, g = 1 + w.
func ratioOf(merit []float64, ns, age, sv, years int, g float64) float64 {
	n := min(years, sv)
	if n <= 1 {
		return 1
	}
	// As SalaryScale.ReferenceRatio: the salary k years back is the one
	// k−1 years back divided by that year's merit and wage growth.
	sum, level := 1.0, 1.0
	for k := 1; k < n; k++ {
		level /= merit[(age-k)*ns+sv-k] * g
		sum += level
	}
	return sum / float64(n)
}

// PastSalaries sets t[age·ns + service] to T(age, service) =
// Σ_{k=1..service} S_{−k}/S_0, the past salaries of a member along the
// salary scale at wage growth w in units of the current salary:
// T(a, 0) = T(0, s) = 0 and T(a, s) = (1 + T(a−1, s−1)) / (merit(a−1, s−1)·(1+w)),
// the salary a year back being this year's divided by that year's merit
// and wage growth. merit is by age·ns + service, ns = ms + 1.
func PastSalaries(t, merit []float64, ms int, w float64) {
	ns := ms + 1
	for age := range NumAges {
		for sv := 0; sv <= ms; sv++ {
			c := age*ns + sv
			if sv == 0 || age == 0 {
				t[c] = 0
				continue
			}
			prev := (age-1)*ns + sv - 1
			t[c] = (1 + t[prev]) / (merit[prev] * (1 + w))
		}
	}
}

// WorkerHistory sets hist[k] to the worker's contribution rate of group
// grp k+1 years before year y, under the rules then in force (the first
// rules for years before them).
func WorkerHistory(hist []float64, grp *scheme.Group, y int) {
	for k := range hist {
		yk := y - 1 - k
		hist[k] = grp.Rules[max(grp.RulesIndex(yk), 0)].ContributionRate[scheme.Worker].At(yk)
	}
}

// AverageRates sets avg[s] to the average of the rates of hist over the
// last s years (avg[0] = 0; avg has len(hist)+1 elements) and reports
// whether any changed.
func AverageRates(avg, hist []float64) bool {
	changed := avg[0] != 0
	avg[0] = 0
	var sum float64
	for k, r := range hist {
		sum += r
		if a := sum / float64(k+1); a != avg[k+1] {
			avg[k+1] = a
			changed = true
		}
	}
	return changed
}

// PushRate moves hist a year on, the rate of the year ending first.
func PushRate(hist []float64, rate float64) {
	if len(hist) > 0 {
		copy(hist[1:], hist[:len(hist)-1])
		hist[0] = rate
	}
}
