package actuarial_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var assumptions = []actuarial.Assumption{actuarial.UDDSingleDecrement, actuarial.UDDMultipleDecrement}

func toDependent(t testing.TB, qi []float64, a actuarial.Assumption) []float64 {
	t.Helper()
	q, err := actuarial.ToDependent(nil, qi, a)
	require.NoError(t, err)
	return q
}

func toIndependent(t testing.TB, q []float64, a actuarial.Assumption) []float64 {
	t.Helper()
	qi, err := actuarial.ToIndependent(nil, q, a)
	require.NoError(t, err)
	return qi
}

// TestToDependentClosedForms checks UDD in the single-decrement tables
// against the closed forms for two, three and four causes (Bowers et al.,
// Actuarial Mathematics, 2nd ed., §10.6; AMLCR 2nd ed. §8.10), written out
// term by term here rather than through the integral the code evaluates.
func TestToDependentClosedForms(t *testing.T) {
	const tol = 1e-15 // a few ulps of numbers below 1
	two := func(a, b float64) float64 { return a * (1 - b/2) }
	three := func(a, b, c float64) float64 { return a * (1 - (b+c)/2 + b*c/3) }
	four := func(a, b, c, d float64) float64 {
		return a * (1 - (b+c+d)/2 + (b*c+b*d+c*d)/3 - b*c*d/4)
	}
	for _, qi := range [][]float64{
		{0.01, 0.2},
		{0.3, 0.7},
		{1, 0.4},
		{0.01, 0.03, 0.06},
		{0.5, 0.25, 1},
		{0.001, 0.1, 0.05, 0.2},
		{0.02, 0.15, 0.01, 1}, // retirement certain at the last retirement age
		{1, 1, 1, 1},
	} {
		t.Run(fmt.Sprint(qi), func(t *testing.T) {
			q := toDependent(t, qi, actuarial.UDDSingleDecrement)
			for j := range qi {
				var others []float64
				for k, v := range qi {
					if k != j {
						others = append(others, v)
					}
				}
				var want float64
				switch len(qi) {
				case 2:
					want = two(qi[j], others[0])
				case 3:
					want = three(qi[j], others[0], others[1])
				case 4:
					want = four(qi[j], others[0], others[1], others[2])
				}
				assert.InDelta(t, want, q[j], tol, "q^(%d)", j)
			}
		})
	}
}

// TestFinanExample672 takes its rates from Finan, A Discussion on Life
// Contingencies (MLC), Example 67.2 (q'^(1) = 0.01 with q'^(2) = 0.03 and
// q'^(3) = 0.06, as the R package lifecontingencies' vignette
// multiple_decrement_tables.Rmd replicates it). The expected value is the
// three-cause closed form evaluated by hand:
// 0.01·(1 − 0.09/2 + 0.0018/3) = 0.01·0.9556 = 0.009556.
func TestFinanExample672(t *testing.T) {
	const tol = 1e-15
	q := toDependent(t, []float64{0.01, 0.03, 0.06}, actuarial.UDDSingleDecrement)
	assert.InDelta(t, 0.009556, q[0], tol)
}

// TestSingleDecrement: with one cause, the dependent probability is the
// independent rate, under either assumption (Bowers §10.5).
func TestSingleDecrement(t *testing.T) {
	const tol = 1e-15 // log1p/expm1 round trip under UDD in the MDT
	for _, a := range assumptions {
		for _, v := range []float64{0, 1e-9, 0.01, 0.5, 0.999, 1} {
			assert.InDelta(t, v, toDependent(t, []float64{v}, a)[0], tol, "%v q'=%v", a, v)
			assert.InDelta(t, v, toIndependent(t, []float64{v}, a)[0], tol, "%v q=%v", a, v)
		}
	}
}

// TestTotalIsProductOfSurvivals checks the identity that holds under any
// assumption, 1 − p^(τ) = 1 − Π_j (1 − q'^(j)) = Σ_j q^(j) (Bowers §10.5:
// the forces of decrement add).
func TestTotalIsProductOfSurvivals(t *testing.T) {
	const tol = 1e-15
	for _, a := range assumptions {
		for _, qi := range [][]float64{
			{0.01, 0.2},
			{0.001, 0.1, 0.05, 0.2},
			{0.3, 0.6, 0.9, 0.5},
			{0.02, 0.15, 0.01, 1},
			{0.1, 0.2, 0.3, 0.4, 0.5, 0.6},
		} {
			q := toDependent(t, qi, a)
			p := 1.0
			sum := 0.0
			for j := range qi {
				p *= 1 - qi[j]
				sum += q[j]
			}
			assert.InDelta(t, 1-p, sum, tol, "%v %v", a, qi)
		}
	}
}

// TestToIndependentUDDMultiple checks the conversion against its formula,
// q'^(j) = 1 − (1 − q^(τ))^{q^(j)/q^(τ)} (AMLCR 2nd ed. §8.9; Bowers
// §10.6), evaluated with math.Pow.
func TestToIndependentUDDMultiple(t *testing.T) {
	const tol = 1e-15
	for _, q := range [][]float64{
		{0.001, 0.199, 0, 0}, // Illustrative Service Table at age 30
		{0.0014, 0.0691, 0.0011, 0.05},
		{0.2, 0.3, 0.4},
		{0.5, 0.5}, // q^(τ) = 1: every cause certain
	} {
		var qtau float64
		for _, v := range q {
			qtau += v
		}
		qi := toIndependent(t, q, actuarial.UDDMultipleDecrement)
		for j, v := range q {
			assert.InDelta(t, 1-math.Pow(1-qtau, v/qtau), qi[j], tol, "%v q'^(%d)", q, j)
		}
	}
}

// TestRoundTrip: dependent → independent → dependent and independent →
// dependent → independent reproduce their input, under each assumption
// (the two conversions are each other's inverse by construction of
// Bowers §10.6 / AMLCR §8.9–8.10).
//
// Under UDD in the multiple-decrement table the round trip is not possible
// when q^(τ) = 1 (every q'^(j) is then 1: the split is lost), and it is
// ill-conditioned as p^(τ) → 0, since q'^(j) = 1 − (p^(τ))^{q^(j)/q^(τ)}
// keeps 1 − q'^(j) only to ~1e-16 absolute: the error is ~1e-16/p^(τ). So
// under that assumption the cases keep p^(τ) ≥ 1e-3.
func TestRoundTrip(t *testing.T) {
	const tol = 1e-12
	cases := [][]float64{
		{0.001, 0.199},
		{0.0014, 0.0691, 0.0011, 0.05},
		{0.2, 0.3, 0.4},
		{0.7, 0.1, 0.1, 0.1},
		{0.25, 0.25, 0.25, 0.25},
		{0.9, 0.05, 0, 0.05},
		{0, 0, 0, 0},
		{0.5, 0.5},
		{0.3, 0.7},
		{1e-8, 1e-6, 0.99},
	}
	// Random vectors of dependent probabilities: 1 to 8 causes, some zero,
	// some tiny, with totals anywhere in [0, 1] including 1 and within
	// 1e-16 of it. Seeded: the test is deterministic.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := 1 + rng.IntN(8)
		q := make([]float64, n)
		total := rng.Float64()
		switch rng.IntN(6) {
		case 0:
			total = 1
		case 1:
			total = 1 - math.Pow(10, -1-15*rng.Float64())
		case 2:
			total = math.Pow(10, -15*rng.Float64())
		}
		var s float64
		for j := range q {
			q[j] = math.Pow(rng.Float64(), 1+10*rng.Float64())
			if rng.IntN(5) == 0 {
				q[j] = 0
			}
			s += q[j]
		}
		if s == 0 {
			continue
		}
		for j := range q {
			q[j] *= total / s
		}
		cases = append(cases, q)
	}
	for _, a := range assumptions {
		for _, q := range cases {
			var qtau float64
			for _, v := range q {
				qtau += v
			}
			if a == actuarial.UDDMultipleDecrement && qtau > 0.999 {
				continue
			}
			qi := toIndependent(t, q, a)
			back := toDependent(t, qi, a)
			for j := range q {
				if !assert.InDelta(t, q[j], back[j], tol, "%v: %v → %v → %v", a, q, qi, back) {
					break
				}
			}
		}
		// The other way round, from independent rates.
		for _, qi := range [][]float64{
			{0.01, 0.2, 0.05, 0.3},
			{0.02, 0.15, 0.01, 0.999},
			{0.9, 0.9, 0.9},
		} {
			q := toDependent(t, qi, a)
			back := toIndependent(t, q, a)
			for j := range qi {
				assert.InDelta(t, qi[j], back[j], tol, "%v: %v → %v → %v", a, qi, q, back)
			}
		}
	}
}

// TestSmallRateLimit: for small rates both assumptions give
// q^(j) = q'^(j)·(1 − ½ Σ_{k≠j} q'^(k)) + O(q'³) (Bowers §10.6). With four
// rates of order a = 1e-3 the omitted terms are below 10·a³; the first-order
// correction itself is ~1.5·a², so the test fails without it.
func TestSmallRateLimit(t *testing.T) {
	const a = 1e-3
	const tol = 10 * a * a * a
	qi := []float64{0.4 * a, 1.0 * a, 0.7 * a, 0.2 * a}
	for _, as := range assumptions {
		q := toDependent(t, qi, as)
		for j := range qi {
			var others float64
			for k, v := range qi {
				if k != j {
					others += v
				}
			}
			assert.InDelta(t, qi[j]*(1-others/2), q[j], tol, "%v q^(%d)", as, j)
		}
	}
}

// TestCertainCause: a cause with q' = 1 (retirement at the last retirement
// age). Under UDD in the MDT it takes all of q^(τ) = 1 — the limit of
// q^(τ)·ln(1 − q'^(j))/Σ ln(1 − q'^(k)) as q'^(j) → 1. Under UDD in the
// single tables the others still act over the year: the two-cause closed
// form gives q^(death) = q'^(death)·(1 − ½).
func TestCertainCause(t *testing.T) {
	const tol = 1e-15
	q := toDependent(t, []float64{0.02, 1}, actuarial.UDDMultipleDecrement)
	assert.Equal(t, []float64{0, 1}, q)
	q = toDependent(t, []float64{0.02, 1}, actuarial.UDDSingleDecrement)
	assert.InDelta(t, 0.01, q[0], tol)
	assert.InDelta(t, 0.99, q[1], tol)
	// Back: the largest dependent probability is the certain cause.
	qi := toIndependent(t, q, actuarial.UDDSingleDecrement)
	assert.InDelta(t, 0.02, qi[0], tol)
	assert.Equal(t, 1.0, qi[1])
}

func TestConversionErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []float64
		dep  bool
		want error
	}{
		{"negative", []float64{0.1, -0.01}, false, actuarial.ErrRate},
		{"above 1", []float64{1.5}, true, actuarial.ErrRate},
		{"NaN", []float64{math.NaN(), 0.1}, false, actuarial.ErrNotFinite},
		{"infinite", []float64{0.1, math.Inf(1)}, true, actuarial.ErrNotFinite},
		{"sum", []float64{0.6, 0.5}, true, actuarial.ErrDecrementSum},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, a := range assumptions {
				var err error
				if c.dep {
					_, err = actuarial.ToIndependent(nil, c.in, a)
				} else {
					_, err = actuarial.ToDependent(nil, c.in, a)
				}
				assert.True(t, errors.Is(err, c.want), "%v: %v", a, err)
			}
		})
	}
	// A sum above 1 only by rounding is accepted.
	_, err := actuarial.ToIndependent(nil, []float64{0.1, 0.2, 0.7}, actuarial.UDDSingleDecrement)
	assert.NoError(t, err)
	assert.Panics(t, func() { actuarial.ToDependent(make([]float64, 1), []float64{0.1, 0.2}, 0) })
	assert.Panics(t, func() { actuarial.ToDependent(nil, []float64{0.1}, actuarial.Assumption(7)) })
}

// TestConversionInPlace: dst may be the input slice.
func TestConversionInPlace(t *testing.T) {
	const tol = 1e-15
	for _, a := range assumptions {
		qi := []float64{0.01, 0.2, 0.05, 0.3}
		want := toDependent(t, qi, a)
		_, err := actuarial.ToDependent(qi, qi, a)
		require.NoError(t, err)
		assert.InDeltaSlice(t, want, qi, tol)
	}
}

// BenchmarkToDependent converts the independent rates of every age of a
// four-decrement table (ages 20–65) into caller-given slices.
func BenchmarkToDependent(b *testing.B) {
	const ages = 46
	indep := make([]float64, ages*4)
	for i := range ages {
		x := float64(i)
		indep[4*i+0] = 0.0005 * math.Exp(0.08*x)    // death
		indep[4*i+1] = 0.0002 * math.Exp(0.09*x)    // disability
		indep[4*i+2] = 0.2 * math.Exp(-0.1*x)       // withdrawal
		indep[4*i+3] = math.Max(0, (x-35)/10) * 0.3 // retirement from 55
	}
	indep[4*(ages-1)+3] = 1 // everyone retires at 65
	dep := make([]float64, len(indep))
	for _, a := range assumptions {
		b.Run(a.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for i := 0; i < len(indep); i += 4 {
					if _, err := actuarial.ToDependent(dep[i:i+4], indep[i:i+4], a); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkToIndependent is the inverse for one age; under UDD in the
// single-decrement tables it runs Newton's method.
func BenchmarkToIndependent(b *testing.B) {
	dep := []float64{0.0014, 0.0691, 0.0011, 0.05}
	dst := make([]float64, 4)
	for _, a := range assumptions {
		b.Run(a.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := actuarial.ToIndependent(dst, dep, a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
