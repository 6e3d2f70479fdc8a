package rules

// polyFactorRowsAVX2 is PolyFactorRows' AVX2 form (SIMD, the slices sLo,
// sHi and same, if not nil, of hi+1 ages): each row's tail of equal
// coefficients from one ratio, PolyRatio's, by factorTailAVX2, and the
// cells before it by polyFactors3AVX2 when k = 3 (PolyFactors otherwise),
// every value PolyFactorRows' Go form's bit for bit.
func polyFactorRowsAVX2(out, f, d []float64, k int, xp []float64, ns, lo, hi int, sLo, sHi, same []int) {
	var x1, x2 float64
	if k == 3 {
		x1, x2 = xp[1], xp[2]
	}
	for age := max(lo, 0); age <= hi; age++ {
		s0, s1 := sLo[age], sHi[age]
		if s1 < s0 {
			continue
		}
		c0 := age * ns
		if same != nil && same[age] <= s1 {
			u := max(s0, same[age])
			cu := c0 + u
			var r float64
			if k == 3 {
				c := d[3*cu : 3*cu+3 : 3*cu+3]
				r = c[0] + float64(c[1]*x1) + float64(c[2]*x2) // PolyRatio's order
			} else {
				r = PolyRatio(d[cu*k:(cu+1)*k], xp)
			}
			fr := f[u : s1+1]
			factorTailAVX2(out[cu:cu+len(fr)], fr, r)
			if s1 = u - 1; s1 < s0 {
				continue
			}
		}
		fr := f[s0 : s1+1]
		c0 += s0
		if k == 3 {
			polyFactors3AVX2(out[c0:c0+len(fr)], fr, d[3*c0:3*(c0+len(fr))], x1, x2)
		} else {
			PolyFactors(out[c0:c0+len(fr)], fr, d[c0*k:(c0+len(fr))*k], k, xp)
		}
	}
}

// polyRatioFactorsAVX2 is PolyRatioFactors' AVX2 form (SIMD, the slices r,
// have, in0, in1, out0 and out1 of len(need)): the tail of equal
// coefficients from one ratio, PolyRatio's, by ratioTailAVX2, the cells
// before it as its Go form does, every value the Go form's bit for bit.
func polyRatioFactorsAVX2(r []float64, have, need []bool, d []float64, k int, xp []float64, same int, in0, in1, out0, out1 []float64) {
	n := len(need)
	if same = max(same, 0); same < n {
		v := PolyRatio(d[same*k:(same+1)*k], xp)
		ratioTailAVX2(r[same:], have[same:], need[same:], in0[same:], in1[same:], out0[same:], out1[same:], v)
		n = same
	}
	if n == 0 {
		return
	}
	PolyRatios(r[:n], need[:n], d[:n*k], k, xp, n)
	for j, ok := range need[:n] {
		if ok {
			v := r[j]
			have[j] = true
			out0[j], out1[j] = in0[j]*v, in1[j]*v
		}
	}
}
