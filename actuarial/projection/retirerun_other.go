//go:build !amd64 || purego

package projection

import "github.com/reserva-go/reserva/actuarial/internal/rules"

// retireRunAVX2 is not called without amd64 (simd is false): see
// retirerun_amd64.go.
func retireRunAVX2(n, s []float64, kinds []rules.Exit, rates, factors, ref []float64, j int, kind rules.Exit, sustain, floor, cap, sn, sa, so, ss, sr float64) (next int, tn, ta, to, ts, tr float64) {
	panic("projection: retireRunAVX2 without AVX2")
}
