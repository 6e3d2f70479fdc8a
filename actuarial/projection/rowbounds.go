package projection

// rowBounds is Projector.rows' loop over the ages a0..a0+len(rowLo)−1 of a
// group, row j the age a0 + j: it sets rowLo[j] = min(lo0[j], lo1[j]) and
// rowHi[j] = min(max(hi0[j], hi1[j]), ms, top + j), the services both sexes
// have members in (lo0, hi0 and lo1, hi1 by sex, at least len(rowLo) of
// each) within those members can be in, and returns the bounds of their
// entry ages, eLo the least of a0 + j − rowHi[j] and eHi the greatest of
// a0 + j − rowLo[j] (empty rows included: rows sets nAges, −nAges before
// any).
//
// rowBounds has two forms: with simd, its AVX2 form (rowbounds_amd64.s,
// four rows at a time, the last len mod 4 rows in Go), the same values
// (TestRowBoundsSIMD); without, the Go loop below.
func rowBounds(rowLo, rowHi, lo0, hi0, lo1, hi1 []int, ms, top, a0 int) (eLo, eHi int) {
	n := len(rowLo)
	rowHi, lo0, hi0, lo1, hi1 = rowHi[:n], lo0[:n], hi0[:n], lo1[:n], hi1[:n]
	eLo, eHi = nAges, -nAges
	j := 0
	if simd && n >= 4 {
		j = n &^ 3
		eLo, eHi = rowBoundsAVX2(rowLo[:j], rowHi, lo0, hi0, lo1, hi1, ms, top, a0, eLo, eHi)
	}
	for ; j < n; j++ {
		l, h := min(lo0[j], lo1[j]), min(max(hi0[j], hi1[j]), ms, top+j)
		rowLo[j], rowHi[j] = l, h
		// (An empty row, l = ns and h = −1, can only widen them.)
		eLo, eHi = min(eLo, a0+j-h), max(eHi, a0+j-l)
	}
	return eLo, eHi
}
