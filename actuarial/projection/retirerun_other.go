//go:build !amd64 || purego

package projection

import "github.com/reserva-go/reserva/actuarial/internal/rules"

// retireRunAVX2 is not called without amd64 (simd is false): see
// retirerun_amd64.go.
func retireRunAVX2(row *retRow, j int, kind rules.Exit, sums *retSums) int {
	panic("projection: retireRunAVX2 without AVX2")
}
