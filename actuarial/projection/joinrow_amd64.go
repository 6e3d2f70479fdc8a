//go:build amd64 && !purego

package projection

// joinRowAVX2 is joinRow in AVX2 (joinrow_amd64.s), four cells at a time,
// the last len mod 4 under a mask: the slices all of one length. Every
// cell's values are joinRow's bit for bit (no fused multiply-add); the
// empty cells of wn (no amounts) add zeros where joinRow skips them.
//
//go:noescape
func joinRowAVX2(pn, pa, po, wn, wa, wo []float64, ix float64)
