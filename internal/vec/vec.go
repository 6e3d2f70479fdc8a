// Package vec holds the slice helpers the module's packages share: the
// one rule for destination slices stated in package actuarial's doc, and
// the buffers a projector or a comparison reuses from one run to the next.
package vec

import "fmt"

// Dst returns d, or a new slice of n when d is nil; it panics on a
// negative n or a length mismatch (misuse, as package actuarial's rule
// for destination slices has it).
func Dst(d []float64, n int) []float64 {
	if n < 0 {
		panic(fmt.Sprintf("actuarial: negative length %d", n))
	}
	if d == nil {
		return make([]float64, n)
	}
	if len(d) != n {
		panic(fmt.Sprintf("actuarial: destination of length %d, want %d", len(d), n))
	}
	return d
}

// Zeroed returns s with length n and every element zero, reusing its array
// when it is large enough: buffers reused from one run to the next.
func Zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// Grow returns buf resized to n elements, reallocated only when too short;
// the elements are left as they were (buffers a caller fills itself).
func Grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	return buf[:n]
}
