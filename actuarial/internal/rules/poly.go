package rules

import "fmt"

// polyRowsPanic is PolyFactorRows' panic when polyRows3AVX2 (its AVX2
// form with k = 3, every row in one call, which PolyFactorRows makes
// itself) finds the services of row age out of the slices.
//
//go:noinline
func polyRowsPanic(out, f, d []float64, ns, age int, sLo, sHi, tLo, tHi []int) {
	panic(fmt.Sprintf("rules: PolyFactorRows: the services %d..%d of age %d out of the slices (%d factors, %d cells, %d coefficients, %d services a row)",
		max(sLo[age], tLo[age]), min(sHi[age], tHi[age]), age, len(f), len(out), len(d), ns))
}

// polyFactorRowsAVX2 is PolyFactorRows' AVX2 form (SIMD, the slices sLo,
// sHi, tLo, tHi and same, if not nil, of hi+1 ages) for k ≠ 3, every
// value its Go form's bit for bit: each row's tail of equal coefficients
// from one ratio, PolyRatio's, by factorTailAVX2, and the cells before it
// by PolyFactors.
func polyFactorRowsAVX2(out, f, d []float64, k int, xp []float64, ns, lo, hi int, sLo, sHi, tLo, tHi, same []int) {
	sHi, tLo, tHi = sHi[:len(sLo)], tLo[:len(sLo)], tHi[:len(sLo)]
	if same != nil {
		same = same[:len(sLo)]
	}
	for age := max(lo, 0); age < len(sLo); age++ {
		s0, s1 := max(sLo[age], tLo[age]), min(sHi[age], tHi[age])
		if s1 < s0 {
			continue
		}
		c0 := age * ns
		if same != nil && same[age] <= s1 {
			u := max(s0, same[age])
			cu := c0 + u
			fr := f[u : s1+1]
			factorTailAVX2(out[cu:cu+len(fr)], fr, PolyRatio(d[cu*k:(cu+1)*k], xp))
			if s1 = u - 1; s1 < s0 {
				continue
			}
		}
		fr := f[s0 : s1+1]
		c0 += s0
		PolyFactors(out[c0:c0+len(fr)], fr, d[c0*k:(c0+len(fr))*k], k, xp)
	}
}

// polyRatioHead is the rest of PolyRatioFactors' AVX2 form (SIMD, the
// slices r, have, in0, in1, out0 and out1 of len(need)) after
// polyRatioTailAVX2 did the row's tail of equal coefficients and returned
// n ≠ 0: the cells 0..n−1 before it as the Go form does, every value the
// Go form's bit for bit (n > 0), or the panic of coefficients out of d or
// xp (n < 0).
func polyRatioHead(r []float64, have, need []bool, d []float64, k int, xp []float64, same int, in0, in1, out0, out1 []float64, n int) {
	if n < 0 {
		panic(fmt.Sprintf("rules: PolyRatioFactors: the coefficients of cell %d out of d (%d) or xp (%d), k = %d", max(same, 0), len(d), len(xp), k))
	}
	ratioFactorsHead(r, have, need, d, k, xp, in0, in1, out0, out1, n)
}
