package projection

import "github.com/reserva-go/reserva/actuarial/internal/rules"

// FullFactors makes p recompute a group's factors in full whenever its
// exits or the wage growth change, without the shortcuts of
// [Projector.factors] (a set of factors kept from before, the cells that
// change from one year's exits to the next, the ratios kept by period, the
// ratios and past salaries of the populated cells only): the reference the tests check the shortcuts against.
func FullFactors(p *Projector) { p.fullFactors = true }

// SetSIMD turns the kernels' AVX2 forms on or off (where they run at
// all: [simd]), the rules' kernels' too (rules.SIMD), and returns the
// setting before.
func SetSIMD(on bool) bool {
	old := simd
	simd = on && hasSIMD
	rules.SIMD = on && rules.HasSIMD
	return old
}
