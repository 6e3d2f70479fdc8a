//go:build amd64 && !purego

package projection

import "github.com/reserva-go/reserva/actuarial/internal/rules"

// retireRunAVX2 is retireRun's loop in AVX2 (retirerun_amd64.s), four
// cells at a time from cell j on while the next four are all of kind:
// kinds, rates, factors and ref (nil: none) hold as many cells as n and s.
// Each cell's pensions are capped and floored per head as rules.Clamp
// does (a copy of its rule, pinned to it by TestRetireRunSIMD); the cells
// keep those who stay as retireRun leaves them, bit for bit (no fused
// multiply-add), empty cells (no salary: stepPlane) included, which add
// zeros. It returns the cell after the last block and the running sums
// sn, sa, so, ss and sr of retSums, each lane's partial sums added last.
//
//go:noescape
func retireRunAVX2(n, s []float64, kinds []rules.Exit, rates, factors, ref []float64, j int, kind rules.Exit, sustain, floor, cap, sn, sa, so, ss, sr float64) (next int, tn, ta, to, ts, tr float64)
