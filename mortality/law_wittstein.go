package mortality

import "math"

// Wittstein is T. Wittstein's law for q_x over the whole span of life, with
// a limiting age M (T. Wittstein & D. Bumsted, "The mathematical law of
// mortality", J. Inst. Actuaries 24, 1883), in MortalityLaws' notation
// ("wittstein"; Wittstein's a, m, n, M):
//
//	q_x = (1/B)·A^(−(B·x)^N) + A^(−(M−x)^N),   x < M
//
// and q_x = 1 from age M on. It is a [QLaw]: see there for its Hazard. The
// formula can exceed 1 (at young ages when B < 1); [FromLaw] reports it if
// it does.
type Wittstein struct {
	A float64 // base, A > 1
	B float64 // childhood scale, B > 0
	N float64 // power, N > 0
	M float64 // limiting age in years, M > 0
}

// Q returns q_x = (1/B)·A^(−(B·x)^N) + A^(−(M−x)^N), or 1 when x ≥ M.
func (w Wittstein) Q(age int) float64 {
	x := float64(age)
	if x >= w.M {
		return 1
	}
	return math.Pow(w.A, -math.Pow(w.B*x, w.N))/w.B + math.Pow(w.A, -math.Pow(w.M-x, w.N))
}

// Hazard returns the constant force −ln(1 − q_⌊x⌋) (see [QLaw]).
func (w Wittstein) Hazard(x float64) float64 { return stepHazard(w, x) }

// CumHazard integrates Hazard exactly.
func (w Wittstein) CumHazard(x, t float64) float64 { return stepCumHazard(w, x, t) }

// Validate reports whether A > 1 and B, N, M > 0.
func (w Wittstein) Validate() error {
	return firstError(
		param("Wittstein", "A", w.A, w.A > 1, "A > 1"),
		param("Wittstein", "B", w.B, w.B > 0, "B > 0"),
		param("Wittstein", "N", w.N, w.N > 0, "N > 0"),
		param("Wittstein", "M", w.M, w.M > 0, "M > 0"),
	)
}
