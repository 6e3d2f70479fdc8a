//go:build amd64 && !purego

package projection

// pensionRowAVX2 is pensionRow's loop for strips without limits and
// without remarriage, in AVX2 (pensionrow_amd64.s), four ages at a time
// from the oldest down: len(q) is a multiple of 4 and at least 4, n, a and
// o hold one age more, dn and da as many as q or are nil (no spouse). It
// returns the running sums of the pensions paid and of the deaths, each
// lane's partial sums added last, and whether any survivor moved; the
// cells' values are pensionRow's bit for bit (no fused multiply-add), and
// the strip's lowest cell is left empty.
//
//go:noescape
func pensionRowAVX2(n, a, o, q, dn, da []float64, ix, paid, deaths float64) (p, d float64, moved bool)
