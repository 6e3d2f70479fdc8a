//go:build amd64 && !purego

package projection

import "github.com/reserva-go/reserva/actuarial/internal/rules"

// retireRunAVX2 is retireRun in AVX2 (retirerun_amd64.s), four cells at a
// time from cell j on while the next four are all of kind, then the 1 to
// 3 left of the run under a mask: row's s, kinds, rates, factors and ref
// (nil: none) hold at least as many cells as n, and 0 ≤ j ≤ len(n). Each
// cell's pensions are capped and floored per head as rules.Clamp does (a
// copy of its rule, pinned to it by TestRetireRunSIMD); the cells keep
// those who stay as retireRun leaves them, bit for bit (no fused
// multiply-add), empty cells (no salary: stepPlane) included, which add
// zeros. It adds the run's pensions to sums, each lane's partial sums
// last, and returns the cell after the run.
//
//go:noescape
func retireRunAVX2(row *retRow, j int, kind rules.Exit, sums *retSums) int
