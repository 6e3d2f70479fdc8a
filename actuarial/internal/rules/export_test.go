package rules

// DecrementsOf returns the Decrements of services 0..ms whose sex index 0
// has the independent rates of disability dis and withdrawal wd (by
// age·(ms+1) + service, NumAges·(ms+1) of each), in UDD in each
// single-decrement table or, when uddm, in the multiple-decrement table,
// and no work risks; sex index 1 has no table (its rates zero). merit is
// the salary scale's, as long.
func DecrementsOf(ms int, dis, wd, merit []float64, uddm bool) *Decrements {
	d := &Decrements{ms: ms, ns: ms + 1, zero: make([]float64, ms+1), Merit: merit}
	d.has[0], d.uddm[0], d.dis[0], d.wd[0] = true, uddm, dis, wd
	return d
}

// DependentFieldsAVX2 is dependentFieldsAVX2, for the tests of its bounds.
var DependentFieldsAVX2 = dependentFieldsAVX2
