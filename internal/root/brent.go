// Root finding on one variable: Brent's method, and bisection over the
// integers.

package root

import "math"

// MaxIter bounds Brent's iterations; the method converges well within
// it on any continuous function (in the worst case it bisects, halving the
// bracket each step: 100 halvings shrink any float64 bracket below a
// representable width).
const MaxIter = 200

// Point is an abscissa X and the function's value F there.
type Point struct{ X, F float64 }

// Brent narrows a bracket [a, b] of a root of f — fa = f(a) and fb = f(b)
// of opposite signs (or one of them 0) — until it is at most
// tol + 4·ε·|x| wide, by Brent's method (R. P. Brent, Algorithms for
// Minimization without Derivatives, Prentice-Hall, 1973, ch. 4, the
// procedure zero; W. H. Press et al., Numerical Recipes, 3rd ed., 2007,
// §9.3): inverse quadratic interpolation or the secant step when they
// stay inside the bracket and shrink it fast enough, bisection otherwise,
// so it never converges more slowly than bisection. It returns the final
// bracket, best first: best is the point with the smaller |f| (f = 0 at an
// exact root) and other the end across the root from it. An error of f
// stops the search and is returned.
func Brent(f func(float64) (float64, error), a, b Point, tol float64) (best, other Point, err error) {
	const eps = 0x1p-52 // machine epsilon of float64
	if a.F == 0 {
		return a, a, nil
	}
	if b.F == 0 {
		return b, b, nil
	}
	c := b
	var d, e float64
	for range MaxIter {
		if (b.F > 0) == (c.F > 0) {
			// Keep the root between b and c.
			c = a
			d = b.X - a.X
			e = d
		}
		if math.Abs(c.F) < math.Abs(b.F) {
			a, b, c = b, c, b
		}
		tol1 := 2*eps*math.Abs(b.X) + 0.5*tol
		xm := 0.5 * (c.X - b.X)
		if math.Abs(xm) <= tol1 || b.F == 0 {
			return b, c, nil
		}
		if math.Abs(e) >= tol1 && math.Abs(a.F) > math.Abs(b.F) {
			// Inverse quadratic interpolation (the secant step when a = c).
			var p, q float64
			s := b.F / a.F
			if a.X == c.X {
				p = 2 * xm * s
				q = 1 - s
			} else {
				q = a.F / c.F
				r := b.F / c.F
				p = s * (2*xm*q*(q-r) - (b.X-a.X)*(r-1))
				q = (q - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			}
			p = math.Abs(p)
			if 2*p < math.Min(3*xm*q-math.Abs(tol1*q), math.Abs(e*q)) {
				e, d = d, p/q // accept the interpolation
			} else {
				d, e = xm, xm // bisect
			}
		} else {
			d, e = xm, xm // bisect
		}
		a = b
		if math.Abs(d) > tol1 {
			b.X += d
		} else {
			b.X += math.Copysign(tol1, xm)
		}
		if b.F, err = f(b.X); err != nil {
			return Point{}, Point{}, err
		}
	}
	return b, c, nil
}

// BisectInts returns the boundary of the integers in [lo, hi] where a
// monotone predicate ok turns: given ok(hi) and !ok(lo), the least n with
// ok(n) (for a predicate true above some n); given ok(lo) and !ok(hi), the
// greatest n with ok(n). It also returns the neighbour on the other side,
// where ok is false. An error of ok stops the search.
func BisectInts(ok func(int) (bool, error), lo, hi int, okAtHi bool) (n, miss int, err error) {
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		m, err := ok(mid)
		if err != nil {
			return 0, 0, err
		}
		if m == okAtHi {
			hi = mid
		} else {
			lo = mid
		}
	}
	if okAtHi {
		return hi, lo, nil
	}
	return lo, hi, nil
}
