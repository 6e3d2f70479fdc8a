//go:build amd64 && !purego

package projection

// pensionRowAVX2 is pensionRow's loop for strips without remarriage, in
// AVX2 (pensionrow_amd64.s), four ages at a time from the oldest down,
// the lowest len(q) mod 4 under a mask: len(q) ≥ 1, n, a and o hold one
// age more, dn and da as many as q or are nil (no spouse). With limited,
// each cell pays under the limits floor, cap and own as
// rules.PaymentLimits.Pay does (a copy of its rule, pinned to it by
// TestPensionRowSIMD); without, its amount. It returns the running sums of
// the pensions paid, their top-up and the deaths, each lane's partial
// sums added last, and whether any survivor moved; the cells' values are
// pensionRow's bit for bit (no fused multiply-add), and the strip's
// lowest cell is left empty. Where the Go form leaves a cell alone (an
// age without survivors below it, whose cell is empty: zeros), it stores
// zeros.
//
//go:noescape
func pensionRowAVX2(n, a, o, q, dn, da []float64, ix, floor, cap float64, limited, own bool, paid, topUp, deaths float64) (p, t, d float64, moved bool)
