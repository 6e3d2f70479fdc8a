//go:build amd64 && !purego

package rules

// dependentFieldsAVX2 is [Decrements.FillServicesByField]'s loop for a sex
// whose table is not in the multiple-decrement UDD, in AVX2
// (decrements_amd64.s): for each cell j < len(dd), at the independent
// rates d0, qi = dis[j] and qw = wd[j], dependentRow's dependent
// probabilities
//
//	dd[j] = d0·((1 − 0.5·(qi+qw)) + (⅓·qi)·qw)
//	di[j] = qi·((1 − 0.5·(d0+qw)) + (⅓·d0)·qw)
//	dw[j] = qw·((1 − 0.5·(d0+qi)) + (⅓·d0)·qi)
//
// (d0, 0 and 0 when qi = qw = 0), and exposure's rest of the cell at
// qt = (dd[j] + di[j]) + dw[j] and merit m = merit[j]: de[j] = 1 − 0.5·qt,
// df[j] = max(1 − qt, 0) (NaN when qt is) and dfm[j] = df[j]·m. Four
// cells at a time, the last len mod 4 under a mask; every value the Go
// form's bit for bit (each product rounded, no fused multiply-add, in the
// Go form's order). It checks no bounds: the other slices are at least as
// long as dd (the caller has sliced them).
//
//go:noescape
func dependentFieldsAVX2(dd, di, dw, de, df, dfm, dis, wd, merit []float64, d0 float64)
