//go:build amd64 && !purego

package projection

// rowBoundsAVX2 is rowBounds in AVX2 (rowbounds_amd64.s) for the rows
// 0..len(rowLo)−1, a multiple of 4 (at least 4), four rows at a time, the
// other slices at least as long; the entry ages' bounds start from lo, hi.
// Every value is rowBounds' (integers: min and max are exact).
//
//go:noescape
func rowBoundsAVX2(rowLo, rowHi, lo0, hi0, lo1, hi1 []int, ms, top, a0, lo, hi int) (eLo, eHi int)
