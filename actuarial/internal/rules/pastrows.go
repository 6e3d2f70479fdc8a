package rules

// pastRowsSIMD runs [RatioPoly.PastContributionRows] (same arguments) by
// its AVX2 form, pastRowsAVX2, and reports true, where SIMD is set and
// every cell the Go form would touch is within the slices by a bound taken
// once (t and acc of the rows up to hi whole, avg of ns services, the
// inverse merit of the rows below hi); otherwise, or for a call that
// starts at age 0, it does nothing and reports false, for the Go form to
// run (and panic where it would). The form leaves every cell as the Go
// form does, bit for bit, t, acc and avg being distinct slices.
func (rp *RatioPoly) pastRowsSIMD(t, acc, avg []float64, minEntry, lo, hi, eLo, eHi, accLo, accHi int, x float64) bool {
	ns := rp.ns
	a0 := max(lo, 0, eLo, minEntry)
	eMax := max(minEntry, eLo)
	// Rows are empty beyond eHi's youngest age (s1 < s0) and start at
	// service 0 at any eHi ≥ hi.
	eHi = min(eHi, hi)
	if !SIMD || ns < 1 || a0 < 1 || a0 > hi || eHi < eMax || hi >= len(t)/ns || hi > len(rp.im)/ns {
		return false
	}
	if aLo, aHi := max(accLo, a0), min(accHi, hi); aLo <= aHi && (aHi >= len(acc)/ns || len(avg) < ns) {
		return false
	}
	// The rows of one shape, the services age − eHi ≥ 1 to age − eMax ≤
	// ns − 1 (n = eHi − eMax + 1 ≥ 4 cells, each row's first cell ns + 1
	// after the last row's), by pastRunAVX2, a run of rows with past
	// contributions or without in one call; the others by pastRowsAVX2.
	u0, u1 := max(a0, eHi+1), min(hi, eMax+ns-1)
	n := eHi - eMax + 1
	if n < 4 || u0 > u1 {
		pastRowsAVX2(t, acc, avg, rp.im, ns, a0, hi, eMax, eHi, accLo, accHi, rp.one, x)
		return true
	}
	if a0 < u0 {
		pastRowsAVX2(t, acc, avg, rp.im, ns, a0, u0-1, eMax, eHi, accLo, accHi, rp.one, x)
	}
	for age := u0; age <= u1; {
		end, ra := u1, []float64(nil)
		switch {
		case age < accLo:
			end = min(u1, accLo-1)
		case age <= accHi:
			end, ra = min(u1, accHi), acc
		}
		pastRunAVX2(t, ra, avg, rp.im, age*(ns+1)-eHi, age-eHi, ns, end-age+1, n, rp.one, x)
		age = end + 1
	}
	if u1 < hi {
		pastRowsAVX2(t, acc, avg, rp.im, ns, u1+1, hi, eMax, eHi, accLo, accHi, rp.one, x)
	}
	return true
}
