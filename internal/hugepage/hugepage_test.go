package hugepage

import (
	"testing"
)

// TestAdviseKeepsValues checks that advising a buffer, large or small,
// empty or nil, written or not, leaves its values and its length alone
// (the advice is only about how the kernel backs the pages).
func TestAdviseKeepsValues(t *testing.T) {
	for _, n := range []int{0, 1, 1000, 3 * Size / 8, 5*Size/8 + 3} {
		s := make([]float64, n/2, n)
		for i := range s {
			s[i] = float64(i) + 0.5
		}
		Advise(s)
		if len(s) != n/2 || cap(s) != n {
			t.Fatalf("n=%d: len %d cap %d after Advise", n, len(s), cap(s))
		}
		for i, v := range s {
			if v != float64(i)+0.5 {
				t.Fatalf("n=%d: s[%d] = %v after Advise, want %v", n, i, v, float64(i)+0.5)
			}
		}
		s = s[:n]
		for i := n / 2; i < n; i++ {
			if s[i] != 0 {
				t.Fatalf("n=%d: s[%d] = %v beyond the length, want 0", n, i, s[i])
			}
		}
	}
	Advise[int](nil)
}
