// Multiple decrements: causes of leaving active service and the conversion
// between independent rates and dependent probabilities.

package actuarial

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial/internal/qx"
)

// Decrement is a cause of leaving active service.
type Decrement int

// The causes a [ServiceTable] knows, in the order of its columns and of the
// arrays its methods return. The names are the CSV column headers.
const (
	Death      Decrement = iota // death in service
	Disability                  // retirement on a disability (invalidity) pension
	Withdrawal                  // leaving service before retirement (termination, lapse)
	Retirement                  // retirement on an old-age (service) pension
	// WorkDeath is death from a work risk (an accident at work or an
	// occupational disease), beside Death, the death from any other cause;
	// package projection pays its own benefit (scheme.WorkRisks).
	WorkDeath
	// WorkDisability is disability from a work risk, beside Disability.
	WorkDisability
)

// NumDecrements is the number of causes a [ServiceTable] knows.
const NumDecrements = 6

var decrementNames = [NumDecrements]string{"death", "disability", "withdrawal", "retirement", "work_death", "work_disability"}

// String returns the cause's CSV column name: "death", "disability",
// "withdrawal", "retirement", "work_death" or "work_disability".
func (d Decrement) String() string {
	if d >= 0 && d < NumDecrements {
		return decrementNames[d]
	}
	return fmt.Sprintf("Decrement(%d)", int(d))
}

// Assumption is how decrements are spread over a year of age. It fixes the
// link between the independent rate q'^(j) of cause j (the rate of the
// associated single-decrement table, where j is the only cause) and the
// dependent probability q^(j) of the multiple-decrement table (the
// probability of leaving by cause j in the year when all causes act).
// Whatever the assumption, 1 − q^(τ) = Π_j (1 − q'^(j)) holds exactly: the
// forces of decrement add up. Its zero value is UDDSingleDecrement.
//
// References: Bowers, Gerber, Hickman, Jones & Nesbitt, Actuarial
// Mathematics, 2nd ed. (1997), §10.5–10.6; Dickson, Hardy & Waters,
// Actuarial Mathematics for Life Contingent Risks (AMLCR), 2nd ed. (2013),
// §8.8–8.10.
type Assumption int

const (
	// UDDSingleDecrement: each cause's decrements are uniformly distributed
	// over the year in its associated single-decrement table,
	// _s q'^(j) = s·q'^(j). Then
	//
	//	q^(j) = q'^(j) ∫_0^1 Π_{k≠j} (1 − s·q'^(k)) ds,
	//
	// which for two, three and four causes is
	//
	//	q^(1) = q'^(1) (1 − ½ q'^(2))
	//	q^(1) = q'^(1) (1 − ½ (q'^(2) + q'^(3)) + ⅓ q'^(2) q'^(3))
	//	q^(1) = q'^(1) (1 − ½ Σ q'^(k) + ⅓ Σ q'^(k) q'^(l) − ¼ q'^(2) q'^(3) q'^(4))
	//
	// (sums over the other causes, k < l). The inverse has no closed form;
	// it is solved by Newton's method.
	UDDSingleDecrement Assumption = iota
	// UDDMultipleDecrement: decrements by every cause are uniformly
	// distributed over the year in the multiple-decrement table,
	// _s q^(j) = s·q^(j) (equivalently, the forces of decrement are
	// proportional within the year). Then, exactly,
	//
	//	q'^(j) = 1 − (1 − q^(τ))^{q^(j)/q^(τ)}
	//	q^(j)  = q^(τ) · ln(1 − q'^(j)) / Σ_k ln(1 − q'^(k)),  q^(τ) = 1 − Π_k (1 − q'^(k)).
	UDDMultipleDecrement
)

func (a Assumption) String() string {
	switch a {
	case UDDSingleDecrement:
		return "UDD in each single-decrement table"
	case UDDMultipleDecrement:
		return "UDD in the multiple-decrement table"
	}
	return fmt.Sprintf("Assumption(%d)", int(a))
}

func (a Assumption) check() {
	if a != UDDSingleDecrement && a != UDDMultipleDecrement {
		panic(fmt.Sprintf("actuarial: unknown decrement assumption %d", int(a)))
	}
}

// maxCauses is the most causes ToDependent and ToIndependent convert at once;
// it lets them work on the stack.
const maxCauses = 16

// sumSlack is how far above 1 a sum of dependent probabilities may be and
// still count as 1: decimal input such as 0.1 + 0.2 + 0.7 sums to
// 1.0000000000000002 in binary floating point.
const sumSlack = 1e-12

// ToDependent converts the independent rates q'^(j) of the causes of one year
// of age into the dependent probabilities q^(j), under the assumption a, and
// returns them in dst. It allocates only when dst is nil; otherwise dst must
// be at least as long as independent. dst and independent may be the same
// slice.
//
// Each rate must lie in [0, 1]; a rate of 1 (retirement at the last
// retirement age, say) is allowed. Under UDDMultipleDecrement the split of
// q^(τ) = 1 among several causes that are all certain has no unique answer;
// they share it equally (with a single certain cause, the answer is the limit
// as its rate tends to 1: it takes everything). It returns an error wrapping
// ErrRate or ErrNotFinite for a bad rate, and panics for an unknown
// assumption or more than 16 causes.
func ToDependent(dst, independent []float64, a Assumption) ([]float64, error) {
	a.check()
	n := len(independent)
	if n > maxCauses {
		panic(fmt.Sprintf("actuarial: %d causes of decrement; at most %d", n, maxCauses))
	}
	dst = destination(dst, n)
	for j, v := range independent {
		if err := checkProbability(v); err != nil {
			return dst, fmt.Errorf("actuarial: independent rate %d is %v: %w", j, v, err)
		}
	}
	var buf [maxCauses]float64
	copy(buf[:n], independent)
	toDependent(dst[:n], buf[:n], a)
	return dst, nil
}

// ToIndependent converts the dependent probabilities q^(j) of the causes of
// one year of age into the independent rates q'^(j), under the assumption a,
// and returns them in dst. It allocates only when dst is nil; otherwise dst
// must be at least as long as dependent. dst and dependent may be the same
// slice.
//
// Each probability must lie in [0, 1] and their sum q^(τ) may not exceed 1
// (sums within 1e-12 of 1 count as 1). A cause with q^(j) = 0 has
// q'^(j) = 0. When q^(τ) = 1, under UDDMultipleDecrement every cause with
// q^(j) > 0 has q'^(j) = 1; under UDDSingleDecrement the cause with the
// largest q^(j) has q'^(j) = 1 and the others the rates that reproduce their
// q^(j).
//
// Under UDDMultipleDecrement the conversion is exact but loses the split of
// q^(τ) when q^(τ) = 1, and as p^(τ) = 1 − q^(τ) tends to 0 the rates, all
// close to 1, keep 1 − q'^(j) only to about 1e-16: converting them back
// reproduces q^(j) to about 1e-16/p^(τ). Under UDDSingleDecrement the answer
// is found by Newton's method (started from the UDDMultipleDecrement answer
// and, when p^(τ) is small, from one with the largest cause near-certain);
// it reproduces the dependent probabilities to 1e-12 or returns an error
// wrapping ErrConversion. Bad
// input returns an error wrapping ErrRate, ErrNotFinite or ErrDecrementSum.
// It panics for an unknown assumption or more than 16 causes.
func ToIndependent(dst, dependent []float64, a Assumption) ([]float64, error) {
	a.check()
	n := len(dependent)
	if n > maxCauses {
		panic(fmt.Sprintf("actuarial: %d causes of decrement; at most %d", n, maxCauses))
	}
	dst = destination(dst, n)
	var sum float64
	for j, v := range dependent {
		if err := checkProbability(v); err != nil {
			return dst, fmt.Errorf("actuarial: dependent probability %d is %v: %w", j, v, err)
		}
		sum += v
	}
	if sum > 1+sumSlack {
		return dst, fmt.Errorf("actuarial: dependent probabilities sum to %v: %w", sum, ErrDecrementSum)
	}
	var buf [maxCauses]float64
	copy(buf[:n], dependent)
	if !toIndependent(dst[:n], buf[:n], a) {
		return dst, fmt.Errorf("actuarial: dependent probabilities %v: %w", dependent, ErrConversion)
	}
	return dst, nil
}

func destination(dst []float64, n int) []float64 {
	if dst == nil {
		return make([]float64, n)
	}
	if len(dst) < n {
		panic(fmt.Sprintf("actuarial: destination of length %d for %d causes", len(dst), n))
	}
	return dst
}

func checkProbability(v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return ErrNotFinite
	case v < 0 || v > 1:
		return ErrRate
	}
	return nil
}

// toDependent converts checked rates qi into dep; the two must not overlap.
func toDependent(dep, qi []float64, a Assumption) {
	if a == UDDMultipleDecrement {
		qx.DependentUDDM(dep, qi)
		return
	}
	for j := range qi {
		if qi[j] == 0 {
			dep[j] = 0
			continue
		}
		dep[j] = qi[j] * integral(qi, j, -1, 0)
	}
}

// integral returns ∫_0^1 s^p Π_{k≠skip1,skip2} (1 − s·x_k) ds, integrating
// the polynomial's coefficients exactly. The coefficients of
// Π_k (1 − s·x_k) alternate in sign and are bounded by binomial
// coefficients, so with x in [0, 1] and at most 16 factors the cancellation
// is harmless.
func integral(x []float64, skip1, skip2, p int) float64 {
	var c [maxCauses + 1]float64
	c[0] = 1
	m := 0
	for k, v := range x {
		if k == skip1 || k == skip2 || v == 0 {
			continue
		}
		m++
		for i := m; i > 0; i-- {
			c[i] -= c[i-1] * v
		}
	}
	var s float64
	for i := m; i >= 0; i-- {
		s += c[i] * reciprocal[i+1+p]
	}
	return s
}

// reciprocal[i] is 1/i, for integrating polynomial terms.
var reciprocal = func() (r [maxCauses + 3]float64) {
	for i := 1; i < len(r); i++ {
		r[i] = 1 / float64(i)
	}
	return r
}()

// toIndependent converts checked dependent probabilities q into qi; the two
// must not overlap. It reports whether the conversion reproduces q.
func toIndependent(qi, q []float64, a Assumption) bool {
	var qtau float64
	for _, v := range q {
		qtau += v
	}
	if qtau > 1 {
		qtau = 1
	}
	// UDD in the multiple-decrement table, exact; also the starting point
	// of Newton's method under UDD in the single-decrement tables.
	switch {
	case qtau == 0:
		for j := range qi {
			qi[j] = 0
		}
		return true
	case qtau == 1 || qtau >= 1-sumSlack && a == UDDSingleDecrement:
		for j, v := range q {
			qi[j] = 0
			if v > 0 {
				qi[j] = 1
			}
		}
	default:
		lp := math.Log1p(-qtau)
		for j, v := range q {
			qi[j] = -math.Expm1(v / qtau * lp)
		}
	}
	if a == UDDMultipleDecrement {
		return true
	}
	return solveUDDS(qi, q, qtau)
}

// solveUDDS solves the system D_j(x) = q_j, with
// D_j(x) = x_j ∫_0^1 Π_{k≠j}(1 − s x_k) ds, for x in [0, 1]^n, given the
// answer under UDD in the multiple-decrement table in x. Causes with q_j = 0
// have x_j = 0. When q^(τ) = 1 the cause with the largest q_j is certain
// (x_j = 1) and the others are solved for with it fixed, which keeps the
// system non-singular. Otherwise Newton's method starts from the
// UDD-in-the-MDT answer, which is close unless p^(τ) is small, and from a
// start with the largest cause near-certain and the others at twice their
// dependent probability, which is close when p^(τ) is small.
func solveUDDS(x, q []float64, qtau float64) bool {
	n := len(q)
	var idx [maxCauses]int // the causes to solve for
	nf := 0
	m := 0 // the largest cause
	for j, v := range q {
		if v > q[m] {
			m = j
		}
	}
	certain := qtau >= 1-sumSlack
	for j, v := range q {
		if v > 0 && !(certain && j == m) {
			idx[nf] = j
			nf++
		}
	}
	near := func() {
		p := 1.0
		for _, j := range idx[:nf] {
			if j != m {
				x[j] = math.Min(0.999, 2*q[j]) // D_j ≈ x_j/2 when cause m is certain
				p *= 1 - x[j]
			}
		}
		x[m] = 1
		if !certain {
			x[m] = math.Max(q[m], -math.Expm1(math.Log1p(-qtau)-math.Log(p)))
		}
	}
	if certain {
		near()
		return newtonUDDS(x[:n], q, idx[:nf])
	}
	var udd [maxCauses]float64
	copy(udd[:n], x)
	if qtau < 0.99 {
		if newtonUDDS(x, q, idx[:nf]) {
			return true
		}
		near()
		return newtonUDDS(x, q, idx[:nf])
	}
	near()
	if newtonUDDS(x, q, idx[:nf]) {
		return true
	}
	copy(x, udd[:n])
	return newtonUDDS(x, q, idx[:nf])
}

// newtonUDDS runs Newton's method on the causes idx from x, the other causes
// fixed, and reports whether it reproduces q to 1e-12. It works in the
// integrated forces y_j = −ln(1 − x_j) ≥ 0, so that rates close to 1 stay
// inside their range, and backtracks until the sum of squared residuals
// falls. The Jacobian in x is
//
//	∂D_j/∂x_j = ∫ Π_{k≠j}(1 − s x_k) ds,  ∂D_j/∂x_k = −x_j ∫ s Π_{i≠j,k}(1 − s x_i) ds,
//
// whose columns are diagonally dominant (the diagonal exceeds the sum of
// the off-diagonal magnitudes by Π_{i≠k}(1 − x_i) ≥ 0), and ∂x_k/∂y_k =
// 1 − x_k.
func newtonUDDS(x, q []float64, idx []int) bool {
	n, nf := len(q), len(idx)
	if nf == 0 {
		return residual(x, q) <= 1e-12
	}
	var (
		jac  [maxCauses][maxCauses]float64
		y    [maxCauses]float64 // y[a] = −ln(1 − x[idx[a]])
		r    [maxCauses]float64
		step [maxCauses]float64
		try  [maxCauses]float64
		rt   [maxCauses]float64
	)
	for a, j := range idx {
		y[a] = -math.Log1p(-x[j])
	}
	res := freeResidual(x, q, idx, r[:nf])
	for iter := 0; iter < 100 && res > 1e-30; iter++ { // 1e-30: every residual below ~1e-15
		for a, j := range idx {
			for b, k := range idx {
				if j == k {
					jac[a][b] = integral(x, j, -1, 0)
				} else {
					jac[a][b] = -x[j] * integral(x, j, k, 1)
				}
				jac[a][b] *= math.Exp(-y[b])
			}
		}
		copy(step[:nf], r[:nf])
		if !solveLinear(&jac, step[:nf]) {
			break
		}
		lambda := 1.0
		improved := false
		for h := 0; h < 30; h++ {
			copy(try[:n], x)
			for a, j := range idx {
				try[j] = -math.Expm1(-math.Max(0, y[a]-lambda*step[a]))
			}
			if rr := freeResidual(try[:n], q, idx, rt[:nf]); rr < res {
				copy(x, try[:n])
				copy(r[:nf], rt[:nf])
				for a := range idx {
					y[a] = math.Max(0, y[a]-lambda*step[a])
				}
				res = rr
				improved = true
				break
			}
			lambda /= 2
		}
		if !improved {
			break
		}
	}
	return residual(x, q) <= 1e-12
}

// freeResidual writes D_j(x) − q_j for the causes idx into r and returns
// the sum of their squares.
func freeResidual(x, q []float64, idx []int, r []float64) float64 {
	var s float64
	for a, j := range idx {
		r[a] = x[j]*integral(x, j, -1, 0) - q[j]
		s += r[a] * r[a]
	}
	return s
}

// residual is the largest |D_j(x) − q_j| over every cause.
func residual(x, q []float64) float64 {
	var m float64
	for j := range q {
		d := 0.0
		if x[j] != 0 {
			d = x[j] * integral(x, j, -1, 0)
		}
		m = math.Max(m, math.Abs(d-q[j]))
	}
	return m
}

// solveLinear solves the leading len(b)×len(b) block of a·x = b in place by
// Gaussian elimination with partial pivoting, overwriting a and leaving x in
// b. It reports false for a singular matrix.
func solveLinear(a *[maxCauses][maxCauses]float64, b []float64) bool {
	n := len(b)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if a[p][c] == 0 {
			return false
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < n; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < n; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	for c := n - 1; c >= 0; c-- {
		s := b[c]
		for k := c + 1; k < n; k++ {
			s -= a[c][k] * b[k]
		}
		b[c] = s / a[c][c]
	}
	return true
}
