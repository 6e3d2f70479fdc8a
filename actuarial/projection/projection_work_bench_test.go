package projection_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
)

// BenchmarkProjectReferenceWork is BenchmarkProjectReference with work
// risks: death and disability at work in both sexes' service tables
// (withWork) and their benefits (workRules): the cost of two more causes
// of exit, converted with the others, and of their pensions.
//
// CPU time (user + system, /usr/bin/time, of a test binary run with
// -test.cpu=1 -test.benchtime=500x, six runs interleaved with
// BenchmarkProjectReference's on the shared 2-core machine, 2026-12-03):
// median 1.52 s against 0.98 s, so about 3.0 ms against 1.9 ms a
// projection of 100 years once the 0.04 s of setup is taken off: 1.55×.
// workRows, the work risks' pass over the active cells, takes about 29%
// of it, and the two more pension types in payment most of the rest. No
// allocation.
//
// Without work-risk rates (the zero value) BenchmarkProjectReference is
// bit for bit what it was, and its CPU time within this machine's noise:
// against main at 83495fb, 8 interleaved pairs of 1000 iterations, median
// 1.945 s against 1.955 s and minimum 1.53 s for both (the median ratio
// of a pair 1.025, from 0.76 to 1.48 under a load of 7 to 11). Kept so
// by leaving award as it was (the work risks' awards were a copy of it
// then; they are now award with work set), Family.OrphansOf inlinable,
// and skipping a work risk's empty pension type; a calmer run before
// those three showed a pair-ratio median of 1.05.
func BenchmarkProjectReferenceWork(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 65)
	for sx, t := range s.Assumptions.Decrements {
		s.Assumptions.Decrements[sx] = withWork(b, t, 0.0005, 0.002)
	}
	s.Groups[0].Rules[0] = workRules(s.Groups[0].Rules[0])
	benchRun(b, s, false, nil)
}
