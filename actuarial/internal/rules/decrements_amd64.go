//go:build amd64 && !purego

package rules

// dependentFieldsAVX2 is [Decrements.FillServicesByField]'s loop for a sex
// whose table is not in the multiple-decrement UDD, in AVX2
// (decrements_amd64.s): for each cell j < len(dis), at the independent
// rates d0, qi = dis[j] and qw = wd[j], dependentRow's dependent
// probabilities D, I and W,
//
//	dd = d0·((1 − 0.5·(qi+qw)) + (⅓·qi)·qw)
//	di = qi·((1 − 0.5·(d0+qw)) + (⅓·d0)·qw)
//	dw = qw·((1 − 0.5·(d0+qi)) + (⅓·d0)·qi)
//
// (d0, 0 and 0 when qi = qw = 0), and exposure's rest of the cell at
// qt = (dd + di) + dw and merit m = merit[j]: E = 1 − 0.5·qt,
// F = max(1 − qt, 0) (NaN when qt is) and FM = F·m; field k (D, I, W, E,
// F, FM) of cell j at v[k·plane + j], v pointing to the row's first cell
// of field D. Four cells at a time, the last len mod 4 under a mask; every
// value the Go form's bit for bit (each product rounded, no fused
// multiply-add, in the Go form's order). It checks no bounds: wd and
// merit are at least as long as dis, and the caller has checked that the
// six fields' cells are in its slice.
//
//go:noescape
func dependentFieldsAVX2(v *float64, plane int, dis, wd, merit []float64, d0 float64)
