package rules

import (
	"math"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
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
	PastSalaryRows(t, merit, ms, -ms, 0, NumAges-1, w)
}

// PastSalaryRows is [PastSalaries] for the ages lo..hi and the services
// 0..min(ms, age − minEntry) only (the cells members who entered at
// minEntry or later can be in; every cell when minEntry ≤ −ms), the same
// values bit for bit: the cells of the rows below lo must hold their
// values already (each row is computed from the one before, a cell from
// one in those services), for an engine that extends its table as its
// members age.
func PastSalaryRows(t, merit []float64, ms, minEntry, lo, hi int, w float64) {
	ns := ms + 1
	g := 1 + w
	for age := lo; age <= hi; age++ {
		s1 := min(ms, age-minEntry)
		if s1 < 0 {
			continue
		}
		row := t[age*ns : age*ns+s1+1]
		if age == 0 {
			clear(row)
			continue
		}
		// Service 0 has none; service s is from service s−1 a row below.
		row[0] = 0
		out, b := row[1:], (age-1)*ns
		prev, m := t[b:b+s1], merit[b:b+s1]
		prev, m = prev[:len(out)], m[:len(out)]
		for j, tp := range prev {
			out[j] = (1 + tp) / (m[j] * g)
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

// RatioPoly evaluates the reference ratios and the past salaries of
// [FillRatiosOf] and [PastSalaryRows] without a division, for an engine
// whose wage growth changes from year to year (stochastic scenarios) and
// which must therefore compute them anew each year. With x = 1/(1+w) the
// ratio of a cell is a polynomial in x whose coefficients depend on the
// salary scale and the reference period only,
//
//	ratio = Σ_{k<n} d_k·x^k,   d_k = (1/n)·Π_{j=1..k} 1/merit(age−j, service−j),
//
// n = min(years, service) (d_0 = 1 when n ≤ 1): RatioPoly computes the
// coefficients once per merit table and period ([RatioPoly.Coefs]), and a
// ratio is then n − 1 products with the powers of x, computed once a
// year ([Powers]), summed in order ([PolyRatio]), where [RatioAt] divides
// n + 1 times, n − 1 of them in a chain. The past salaries
// T(a, s) = (1 + T(a−1, s−1))·(1/merit(a−1, s−1))·x multiply by the
// inverse merit instead of dividing. The values differ from those of
// [RatioAt] and [PastSalaryRows] by a few units in the last place (the
// operations are in another order) and are the same on every platform (no
// fused multiply-add). The zero value is ready for [RatioPoly.Prepare].
type RatioPoly struct {
	merit []float64 // the merit table the coefficients are of
	ns    int       // services a row
	im    []float64 // 1/merit by cell
	tabs  []polyTab // by reference period
	one   float64   // 1 (PastContributionRows)
	// tails are SameMerits' rows, by reference period; run its scratch.
	tails []meritTail
	run   []int
}

// meritTail holds SameMerits' same for a reference period of years years
// (0: unused).
type meritTail struct {
	years int
	same  []int
}

// polyTab holds the coefficients of a reference period of years years,
// k a cell: d[cell·k + j] = d_j, 0 beyond the cell's n.
type polyTab struct {
	years, k int
	d        []float64
	// same[age]: from this service on, every cell of the row (to service
	// min(ms, age)) has the coefficients of the first, and so its ratio
	// (a salary scale by age only: the merit of the years averaged does
	// not depend on the service once it covers them).
	same []int
}

// Prepare readies rp for merit (by age·(ms+1) + service, [Decrements].Merit),
// forgetting the coefficients of another merit table (the engines share
// tables, so that identity is equality).
func (rp *RatioPoly) Prepare(merit []float64, ms int) {
	ns := ms + 1
	if len(rp.merit) == len(merit) && len(merit) > 0 && &rp.merit[0] == &merit[0] && rp.ns == ns {
		return
	}
	rp.merit, rp.ns, rp.one = merit, ns, 1
	rp.im = vec.Grow(rp.im, len(merit))
	for c, m := range merit {
		rp.im[c] = 1 / m
	}
	for t := range rp.tabs {
		rp.tabs[t].years = 0
	}
	for t := range rp.tails {
		rp.tails[t].years = 0
	}
}

// SameMerits returns, by age, the service from which every cell of the
// row (to service min(ms, age)) averages its years years of salaries
// (≥ 2) along the merits of the first, bit for bit: the same inputs to
// [RatioAt], and so the same ratio, whatever the wage growth (a salary
// scale by age only: from service years on); min(ms, age) + 1 when no
// cell does. An engine that computes the exact ratios of many cells
// (RatioAt's, at a wage growth it has not met) computes that of a row's
// cells from there once. Computed on the first call after
// [RatioPoly.Prepare] for years.
func (rp *RatioPoly) SameMerits(years int) []int {
	var t *meritTail
	for i := range rp.tails {
		switch rp.tails[i].years {
		case years:
			return rp.tails[i].same
		case 0:
			if t == nil {
				t = &rp.tails[i]
			}
		}
	}
	if t == nil {
		rp.tails = append(rp.tails, meritTail{})
		t = &rp.tails[len(rp.tails)-1]
	}
	ns, merit := rp.ns, rp.merit
	ages := len(merit) / ns
	t.years = years
	t.same = vec.Grow(t.same, ages)
	// run[c]: the first service of the run of merits equal (bit for bit)
	// to cell c's that ends at c's service, in c's row.
	run := vec.Grow(rp.run, len(merit))
	rp.run = run
	for age := range ages {
		row, r := merit[age*ns:(age+1)*ns], run[age*ns:(age+1)*ns]
		r = r[:len(row)]
		for sv, m := range row {
			r[sv] = sv
			if sv > 0 && math.Float64bits(row[sv-1]) == math.Float64bits(m) {
				r[sv] = r[sv-1]
			}
		}
	}
	for age := range ages {
		top := min(ns-1, age)
		u := top + 1
		if years >= 2 && top >= years {
			// ratioOf's merits of the cell of service s: (age−k)·ns + s−k,
			// k = 1..years−1; those of every s ≥ u equal those of top.
			u = years
			for k := 1; k < years; k++ {
				u = max(u, run[(age-k)*ns+top-k]+k)
			}
		}
		t.same[age] = u
	}
	return t.same
}

// Coefs returns the coefficients of an average over years years (≥ 1), k a
// cell (k = min(years, ms), at least 1): d[cell·k + j] = d_j, for the cells
// of service ≤ age (the others 0), computed on the first call after
// [RatioPoly.Prepare] for years.
func (rp *RatioPoly) Coefs(years int) (d []float64, k int) {
	var t *polyTab
	for i := range rp.tabs {
		switch rp.tabs[i].years {
		case years:
			return rp.tabs[i].d, rp.tabs[i].k
		case 0:
			if t == nil {
				t = &rp.tabs[i]
			}
		}
	}
	if t == nil {
		rp.tabs = append(rp.tabs, polyTab{})
		t = &rp.tabs[len(rp.tabs)-1]
	}
	ns, merit := rp.ns, rp.merit
	k = max(1, min(years, ns-1))
	t.years, t.k = years, k
	t.d = vec.Grow(t.d, len(merit)*k)
	clear(t.d)
	ages := len(merit) / ns
	t.same = vec.Grow(t.same, ages)
	for age := range ages {
		for sv := 0; sv <= min(ns-1, age); sv++ {
			dc := t.d[(age*ns+sv)*k : (age*ns+sv+1)*k]
			n := min(years, sv)
			if n <= 1 {
				dc[0] = 1
				continue
			}
			c := 1.0
			dc[0] = 1 / float64(n)
			for j := 1; j < n; j++ {
				c /= merit[(age-j)*ns+sv-j]
				dc[j] = c / float64(n)
			}
		}
		// The row's tail of equal coefficients, from its last cell down.
		top := min(ns-1, age)
		u := top
		last := t.d[(age*ns+top)*k : (age*ns+top+1)*k]
		for u > 0 && slices.Equal(t.d[(age*ns+u-1)*k:(age*ns+u)*k], last) {
			u--
		}
		t.same[age] = u
	}
	return t.d, k
}

// Same returns, by age, the service from which every cell of the row (up
// to service min(ms, age)) has the same coefficients for an average over
// years years, and so the same ratio: [PolyRatios] and [PolyFactorRows]
// compute it once a row there. It computes the coefficients
// ([RatioPoly.Coefs]) if need be.
func (rp *RatioPoly) Same(years int) []int {
	rp.Coefs(years)
	for i := range rp.tabs {
		if rp.tabs[i].years == years {
			return rp.tabs[i].same
		}
	}
	return nil // not reached
}

// Powers sets xp[j] = x^j, j < len(xp), by repeated products.
func Powers(xp []float64, x float64) {
	p := 1.0
	for j := range xp {
		xp[j] = p
		p *= x
	}
}

// PolyRatio is the ratio of a cell of coefficients d (its k coefficients
// from [RatioPoly.Coefs]) at the powers xp of x (at least k of them):
// d_0 + d_1·x + d_2·x² + …, in that order.
func PolyRatio(d, xp []float64) float64 {
	xp = xp[:len(d)]
	s := d[0]
	for j := 1; j < len(d); j++ {
		s += float64(d[j] * xp[j])
	}
	return s
}

// PolyFactors sets out[j] = f[j]·ratio of cell j for the f[j] > 0 (the
// others left alone), the ratio [PolyRatio]'s, bit for bit, from d, the
// cells' coefficients (k a cell, len(f)·k of them), at the powers xp: an
// exit's factors by service along a row of cells, without the cost of a
// call a cell.
func PolyFactors(out, f, d []float64, k int, xp []float64) {
	out, d = out[:len(f)], d[:len(f)*k]
	switch k {
	case 1:
		for j, fj := range f {
			if fj > 0 {
				out[j] = fj * d[j]
			}
		}
	case 2:
		x1 := xp[1]
		for j, fj := range f {
			if fj > 0 {
				c := d[2*j : 2*j+2 : 2*j+2]
				out[j] = fj * (c[0] + float64(c[1]*x1))
			}
		}
	case 3:
		x1, x2 := xp[1], xp[2]
		for j, fj := range f {
			if fj > 0 {
				c := d[3*j : 3*j+3 : 3*j+3]
				out[j] = fj * (c[0] + float64(c[1]*x1) + float64(c[2]*x2))
			}
		}
	case 5:
		x1, x2, x3, x4 := xp[1], xp[2], xp[3], xp[4]
		for j, fj := range f {
			if fj > 0 {
				c := d[5*j : 5*j+5 : 5*j+5]
				out[j] = fj * (c[0] + float64(c[1]*x1) + float64(c[2]*x2) + float64(c[3]*x3) + float64(c[4]*x4))
			}
		}
	default:
		for j, fj := range f {
			if fj > 0 {
				out[j] = fj * PolyRatio(d[j*k:(j+1)*k], xp)
			}
		}
	}
}

// PositiveFrom returns the first service from which every factor of f is
// above 0 (len(f) when the last is not): [PolyFactorRows]' pos.
func PositiveFrom(f []float64) int {
	pos := len(f)
	for pos > 0 && f[pos-1] > 0 {
		pos--
	}
	return pos
}

// PolyFactorRows is [PolyFactors] along the rows of cells of the ages
// lo..hi, ns cells a row (cell age·ns + service, the exit's factor f by
// service): in each row the services max(sLo[age], tLo[age]) to
// min(sHi[age], tHi[age]) (none when empty; tLo and tHi nil: sLo[age] to
// sHi[age]), from the coefficients d of every cell (k a cell): a year's
// factors at the cost of one call, not of one a row, and of no loop
// before it to intersect the bounds. With same
// ([RatioPoly.Same]; nil: not known), the ratio of the cells of a row
// from service same[age] on is computed once. pos is [PositiveFrom]'s of
// f, from which no factor need be tested (−1: not known, PolyFactorRows
// finds it).
//
// PolyFactorRows has two forms: with [SIMD], its AVX2 form (poly.go,
// poly_amd64.s: four cells at a time, and with k = 3 every row in one
// call of assembly), bit for bit the same (TestPolyFactorRowsSIMD);
// without, the Go loops below.
func PolyFactorRows(out, f, d []float64, k int, xp []float64, ns, lo, hi int, sLo, sHi, tLo, tHi, same []int, pos int) {
	if tLo == nil && tHi == nil {
		tLo, tHi = sLo, sHi // (max(s, s) = s)
	}
	sLo, sHi, tLo, tHi = sLo[:hi+1], sHi[:hi+1], tLo[:hi+1], tHi[:hi+1]
	if same != nil {
		same = same[:hi+1]
	}
	if pos < 0 {
		pos = PositiveFrom(f)
	}
	if SIMD {
		if k == 3 {
			// Every row in one call of assembly.
			if age := polyRows3AVX2(out, f, d, sLo, sHi, tLo, tHi, same, ns, max(lo, 0), pos, xp[1], xp[2]); age >= 0 {
				polyRowsPanic(out, f, d, ns, age, sLo, sHi, tLo, tHi)
			}
			return
		}
		polyFactorRowsAVX2(out, f, d, k, xp, ns, lo, hi, sLo, sHi, tLo, tHi, same)
		return
	}
	// From service pos on every factor is above 0: no test a cell.
	// sameTail sets the factors of the services u..s1 of a row from one
	// ratio, that of its cell of service u, the same for all of them;
	// PolyRatio's, as PolyFactors' cell by cell.
	sameTail := func(age, u, s1 int) {
		c0 := age*ns + u
		r := PolyRatio(d[c0*k:(c0+1)*k], xp)
		fr, o := f[u:s1+1], out[c0:c0+s1+1-u]
		o = o[:len(fr)]
		if u < pos {
			h := min(pos-u, len(fr))
			for j, fj := range fr[:h] {
				if fj > 0 {
					o[j] = fj * r
				}
			}
			fr, o = fr[h:], o[h:]
		}
		o = o[:len(fr)]
		for j, fj := range fr {
			o[j] = fj * r
		}
	}
	// span returns the services s0..s1 of row age whose factors are left
	// to compute after sameTail took the row's tail of equal
	// coefficients; ok is false when none are.
	span := func(age int) (s0, s1 int, ok bool) {
		s0, s1 = max(sLo[age], tLo[age]), min(sHi[age], tHi[age])
		if s1 < s0 {
			return 0, 0, false
		}
		if same != nil && same[age] <= s1 {
			u := max(s0, same[age])
			sameTail(age, u, s1)
			s1 = u - 1
		}
		return s0, s1, s1 >= s0
	}
	if k == 3 {
		// PolyFactors' loop, rows and all.
		x1, x2 := xp[1], xp[2]
		for age := max(lo, 0); age <= hi; age++ {
			s0, s1, ok := span(age)
			if !ok {
				continue
			}
			c0, c1 := age*ns+s0, age*ns+s1+1
			fr, o, dr := f[s0:s1+1], out[c0:c1], d[3*c0:3*c1]
			o, dr = o[:len(fr)], dr[:3*len(fr)]
			for j, fj := range fr {
				if fj > 0 {
					c := dr[3*j : 3*j+3 : 3*j+3]
					o[j] = fj * (c[0] + float64(c[1]*x1) + float64(c[2]*x2))
				}
			}
		}
		return
	}
	for age := max(lo, 0); age <= hi; age++ {
		s0, s1, ok := span(age)
		if !ok {
			continue
		}
		c0, c1 := age*ns+s0, age*ns+s1+1
		PolyFactors(out[c0:c1], f[s0:s1+1], d[c0*k:c1*k], k, xp)
	}
}

// PolyRatios sets r[j] to the ratio of cell j, [PolyRatio]'s bit for bit,
// for the need[j] (the others left alone), from d, the cells' coefficients
// (k a cell, len(need)·k of them), at the powers xp: a row of cells at the
// cost of a loop, not of a call a cell. The cells from same on have the
// same coefficients ([RatioPoly.Same]; len(need) or more: not known), and
// their ratio is computed once.
func PolyRatios(r []float64, need []bool, d []float64, k int, xp []float64, same int) {
	r, d = r[:len(need)], d[:len(need)*k]
	if same = max(same, 0); same < len(need) {
		// The cells from same on share one ratio ([RatioPoly.Same]).
		var v float64
		have := false
		for j, ok := range need[same:] {
			if ok {
				if !have {
					v, have = PolyRatio(d[same*k:(same+1)*k], xp), true
				}
				r[same+j] = v
			}
		}
		need, r, d = need[:same], r[:same], d[:same*k]
	}
	switch k {
	case 3:
		x1, x2 := xp[1], xp[2]
		for j, ok := range need {
			if ok {
				c := d[3*j : 3*j+3 : 3*j+3]
				r[j] = c[0] + float64(c[1]*x1) + float64(c[2]*x2)
			}
		}
	case 5:
		x1, x2, x3, x4 := xp[1], xp[2], xp[3], xp[4]
		for j, ok := range need {
			if ok {
				c := d[5*j : 5*j+5 : 5*j+5]
				r[j] = c[0] + float64(c[1]*x1) + float64(c[2]*x2) + float64(c[3]*x3) + float64(c[4]*x4)
			}
		}
	default:
		for j, ok := range need {
			if ok {
				r[j] = PolyRatio(d[j*k:(j+1)*k], xp)
			}
		}
	}
}

// PolyRatioFactors is [PolyRatios] (same as there) that also marks the
// cells it computes in have and sets, for each, the factors out0[j] =
// in0[j]·r[j] and out1[j] = in1[j]·r[j]: a row's reference ratios and the
// factors of both sexes that multiply them, in one loop.
//
// PolyRatioFactors has two forms: with [SIMD], its AVX2 form (poly.go,
// poly_amd64.s: the row's tail, four cells at a time, in assembly), bit
// for bit the same (TestPolyRatioFactorsSIMD); without, the Go loops
// below.
func PolyRatioFactors(r []float64, have, need []bool, d []float64, k int, xp []float64, same int, in0, in1, out0, out1 []float64) {
	n := len(need)
	r, have, in0, in1, out0, out1 = r[:n], have[:n], in0[:n], in1[:n], out0[:n], out1[:n]
	if SIMD {
		if head := polyRatioTailAVX2(r, have, need, d, k, xp, same, in0, in1, out0, out1); head != 0 {
			polyRatioHead(r, have, need, d, k, xp, same, in0, in1, out0, out1, head)
		}
		return
	}
	if same = max(same, 0); same < n {
		// The ratio of the cells from same on, once, if one is needed
		// (from j0 on).
		j0 := same
		for j0 < n && !need[j0] {
			j0++
		}
		if j0 < n {
			v := PolyRatio(d[same*k:(same+1)*k], xp)
			nd, rt, hv := need[j0:n], r[j0:n], have[j0:n]
			i0, i1, o0, o1 := in0[j0:n], in1[j0:n], out0[j0:n], out1[j0:n]
			rt, hv, i0, i1, o0, o1 = rt[:len(nd)], hv[:len(nd)], i0[:len(nd)], i1[:len(nd)], o0[:len(nd)], o1[:len(nd)]
			for j, ok := range nd {
				if ok {
					rt[j], hv[j] = v, true
					o0[j], o1[j] = i0[j]*v, i1[j]*v
				}
			}
		}
		n = same
	}
	ratioFactorsHead(r, have, need, d, k, xp, in0, in1, out0, out1, n)
}

// PolyRatioFactorRows is [PolyRatioFactors] along the rows of cells of the
// ages lo..hi, ns cells a row (cell age·ns + service): in each row the
// services max(aLo[age], bLo[age])..min(aHi[age], bHi[age]) (none when
// empty), r, have, need and d (k coefficients a cell) by cell, the
// inputs and outputs of the second sex plane cells after the first's (in
// and out hold both), the row's cells of equal coefficients from service
// same[age] on ([RatioPoly.Same]; nil: not known): a year's ratios and
// factors at the cost of one call, not of one a row with eight slices cut
// for it. aLo, aHi, bLo, bHi (and same, if not nil) have hi+1 elements at
// least.
//
// PolyRatioFactorRows has two forms: with [SIMD] (and slices that hold
// every cell of the rows up to hi), the rows whose services all lie in
// the row's tail of equal coefficients in one call of assembly
// (poly_amd64.s, the loop over the rows and polyRatioTailAVX2's four cells
// at a time), the others by PolyRatioFactors; without, a call of
// PolyRatioFactors a row. Every value is the same bit for bit
// (TestPolyRatioFactorRowsSIMD).
func PolyRatioFactorRows(r []float64, have, need []bool, d []float64, k int, xp []float64, same []int, in, out []float64, plane, ns, lo, hi int, aLo, aHi, bLo, bHi []int) {
	aLo, aHi, bLo, bHi = aLo[:hi+1], aHi[:hi+1], bLo[:hi+1], bHi[:hi+1]
	if same != nil {
		same = same[:hi+1]
	}
	age := max(lo, 0)
	if SIMD && same != nil && k >= 1 && k <= len(xp) && ns > 0 && plane >= 0 && hi < len(r)/ns {
		// Every cell of the rows 0..hi in the slices: the assembly checks
		// only that a row's services lie within 0..ns−1.
		if n := (hi + 1) * ns; n <= len(have) && n <= len(need) && n <= len(d)/k && n <= len(in)-plane && n <= len(out)-plane {
			for age <= hi {
				// The rows from age on up to one with cells before its
				// tail (or services out of its row), left to the row's
				// call.
				if age = polyRatioRowsAVX2(r, have, need, d, k, xp, same, aLo, aHi, bLo, bHi, in, out, plane, ns, age, hi); age > hi {
					return
				}
				ratioFactorRow(r, have, need, d, k, xp, same, in, out, plane, ns, age, aLo, aHi, bLo, bHi)
				age++
			}
			return
		}
	}
	for ; age <= hi; age++ {
		ratioFactorRow(r, have, need, d, k, xp, same, in, out, plane, ns, age, aLo, aHi, bLo, bHi)
	}
}

// ratioFactorRow is [PolyRatioFactorRows] in the row of one age, by
// PolyRatioFactors.
func ratioFactorRow(r []float64, have, need []bool, d []float64, k int, xp []float64, same []int, in, out []float64, plane, ns, age int, aLo, aHi, bLo, bHi []int) {
	s0, s1 := max(aLo[age], bLo[age]), min(aHi[age], bHi[age])
	if s1 < s0 {
		return
	}
	c0, c1 := age*ns+s0, age*ns+s1+1
	sm := c1 - c0 // not known: no tail
	if same != nil {
		sm = same[age] - s0
	}
	PolyRatioFactors(r[c0:c1], have[c0:c1], need[c0:c1], d[c0*k:c1*k], k, xp, sm, in[c0:c1], in[plane+c0:plane+c1], out[c0:c1], out[plane+c0:plane+c1])
}

// ratioFactorsHead is [PolyRatioFactors] in the cells 0..n−1 before a row's
// tail of equal coefficients: their ratios (marked in have) and both
// sexes' factors that multiply them. Both forms of PolyRatioFactors end
// with it.
func ratioFactorsHead(r []float64, have, need []bool, d []float64, k int, xp []float64, in0, in1, out0, out1 []float64, n int) {
	PolyRatios(r[:n], need[:n], d[:n*k], k, xp, n)
	for j, ok := range need[:n] {
		if ok {
			v := r[j]
			have[j] = true
			out0[j], out1[j] = in0[j]*v, in1[j]*v
		}
	}
}

// Fill is [FillRatiosOf] by [PolyRatio] at the powers xp of x (k of them at
// least): r[c] for the cells of services 0..min(ms, age − minEntry), with
// minEntry ≥ 0, where need is set (all when nil).
func (rp *RatioPoly) Fill(r []float64, need []bool, minEntry, years int, xp []float64) {
	ns := rp.ns
	d, k := rp.Coefs(years)
	for age := range NumAges {
		for sv := 0; sv <= min(ns-1, age-minEntry); sv++ {
			c := age*ns + sv
			if need != nil && !need[c] {
				continue
			}
			r[c] = PolyRatio(d[c*k:(c+1)*k], xp)
		}
	}
}

// PastSalaryRows is [PastSalaryRows] by the inverse merit: the ages lo..hi
// and the services 0..min(ms, age − minEntry), at x = 1/(1+w), the rows
// below lo holding their values already.
func (rp *RatioPoly) PastSalaryRows(t []float64, minEntry, lo, hi int, x float64) {
	rp.PastContributionRows(t, nil, nil, minEntry, lo, hi, minEntry, hi, 0, -1, x)
}

// PastContributions sets acc[s] = avg[s]·t[s] for s < len(avg): a row of
// a group's past contributions in units of the current salary, its past
// salaries t ([PastSalaryRows]) at the average contribution rates avg by
// service ([AverageRates]). acc and t have len(avg) elements at least.
func PastContributions(acc, avg, t []float64) {
	acc, t = acc[:len(avg)], t[:len(avg)]
	for s, a := range avg {
		acc[s] = a * t[s]
	}
}

// PastContributionRows is [RatioPoly.PastSalaryRows] in the ages lo..hi
// for the members who entered at the ages eLo..eHi only (eLo ≥ minEntry):
// the services max(0, age − eHi)..min(ms, age − eLo), each cell of the
// value [RatioPoly.PastSalaryRows] gives it, the cells of those services
// in the rows below lo holding their values already (a cell's past
// salaries follow its entry age's diagonal: T(a, s) from T(a−1, s−1)). In
// the same loop it sets the same cells of acc in the rows accLo..accHi
// to the past contributions at the average rates avg by service,
// [PastContributions]'s, bit for bit: one pass over the cells that
// members can be in, for an engine that computes both every year
// (stochastic scenarios), the cells of other entry ages left alone.
//
// It has two forms: with [SIMD], an AVX2 form in assembly
// (pastrows_amd64.s, four cells at a time, the whole loop over the ages),
// and this Go form otherwise, the AVX2 form's values the same bit for bit.
func (rp *RatioPoly) PastContributionRows(t, acc, avg []float64, minEntry, lo, hi, eLo, eHi, accLo, accHi int, x float64) {
	if rp.pastRowsSIMD(t, acc, avg, minEntry, lo, hi, eLo, eHi, accLo, accHi, x) {
		return
	}
	ns := rp.ns
	im := rp.im
	one := rp.one // 1, held in a register (a constant is loaded again a cell)
	// (No cells below the youngest entry age.)
	for age := max(lo, 0, eLo, minEntry); age <= hi; age++ {
		s0, s1 := max(0, age-eHi), min(ns-1, age-minEntry, age-eLo)
		if s1 < s0 {
			continue
		}
		c0 := age * ns
		row := t[c0+s0 : c0+s1+1]
		withAcc := age >= accLo && age <= accHi
		if age == 0 {
			clear(row)
			if withAcc {
				PastContributions(acc[c0+s0:], avg[s0:s1+1], row)
			}
			continue
		}
		first := s0
		if s0 == 0 {
			// No past salaries at service 0.
			row[0] = 0
			if withAcc {
				acc[c0] = avg[0] * 0
			}
			first = 1
		}
		if s1 < first {
			continue
		}
		// T(a, s) from T(a−1, s−1), along the diagonals.
		out := t[c0+first : c0+s1+1]
		src := c0 - ns + first - 1
		prev, ip := t[src:src+len(out)], im[src:src+len(out)]
		if !withAcc {
			for j, tp := range prev {
				out[j] = float64((one+tp)*ip[j]) * x
			}
			continue
		}
		aout, aavg := acc[c0+first:c0+s1+1], avg[first:s1+1]
		aout, aavg = aout[:len(prev)], aavg[:len(prev)]
		for j, tp := range prev {
			v := float64((one+tp)*ip[j]) * x
			out[j] = v
			aout[j] = aavg[j] * v
		}
	}
}
