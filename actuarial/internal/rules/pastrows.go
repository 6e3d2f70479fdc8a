package rules

// pastRowsSIMD runs [RatioPoly.PastContributionRows] (same arguments) by
// its AVX2 forms, pastRowsAVX2 and pastRunAVX2, and reports true, where
// SIMD is set and every cell the Go form would touch is within the slices
// by a bound taken once (t and acc of the rows up to hi whole, avg of ns
// services, the inverse merit of the rows below hi); otherwise, or for a
// call that starts at age 0, it does nothing and reports false, for the
// Go form to run (and panic where it would). The forms leave every cell
// as the Go form does, bit for bit, t, acc and avg being distinct slices.
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
	// Two runs of rows of one shape each by pastRunAVX2 (a run of rows with
	// past contributions or without in one call), the others by
	// pastRowsAVX2: the rows from service 0 (age ≤ eHi) of four cells or
	// more after it, the services 1..age − eMax ≤ ns − 1, each row's first
	// cell ns after the last row's and one cell longer; and those of the
	// services age − eHi ≥ 1 to age − eMax ≤ ns − 1, n = eHi − eMax + 1 ≥ 4
	// cells, each row's first cell ns + 1 after the last row's.
	run := func(lo, hi int, tri bool) {
		for age := lo; age <= hi; {
			end, ra := hi, []float64(nil)
			switch {
			case age < accLo:
				end = min(hi, accLo-1)
			case age <= accHi:
				end, ra = min(hi, accHi), acc
			}
			if tri {
				pastRunAVX2(t, ra, avg, rp.im, age*ns+1, 1, ns, ns, end-age+1, age-eMax, 1, rp.one, x)
			} else {
				pastRunAVX2(t, ra, avg, rp.im, age*(ns+1)-eHi, age-eHi, ns, ns+1, end-age+1, eHi-eMax+1, 0, rp.one, x)
			}
			age = end + 1
		}
	}
	rows := func(lo, hi int) {
		if lo <= hi {
			pastRowsAVX2(t, acc, avg, rp.im, ns, lo, hi, eMax, eHi, accLo, accHi, rp.one, x)
		}
	}
	age := a0
	if t0, t1 := max(a0, eMax+4), min(hi, eHi, eMax+ns-1); t0 <= t1 {
		rows(age, t0-1)
		run(t0, t1, true)
		age = t1 + 1
	}
	if u0, u1 := max(age, eHi+1), min(hi, eMax+ns-1); eHi-eMax >= 3 && u0 <= u1 {
		rows(age, u0-1)
		run(u0, u1, false)
		age = u1 + 1
	}
	rows(age, hi)
	return true
}
