package reform_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/usage"
	"github.com/reserva-go/reserva/reform"
)

// BenchmarkCompare compares the reference scheme with four reforms over
// 100 years: five projections and summaries, on every processor.
func BenchmarkCompare(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	rs := fourReforms()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reform.Compare(base, rs, reform.Options{Years: 100}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareOneWorker is BenchmarkCompare on one goroutine.
func BenchmarkCompareOneWorker(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	rs := fourReforms()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reform.Compare(base, rs, reform.Options{Years: 100, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApply applies a reform with a change of every kind: the deep
// copy of the scheme dominates.
func BenchmarkApply(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	r := everyKind()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Apply(base); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSolveNoDepletion solves the employer's rate that keeps the
// reserve positive through 2075, over 60 years.
func BenchmarkSolveNoDepletion(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 0)
	lever := reform.ContributionLever{Year: 2027, Payer: scheme.Employer}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reform.SolveContributionRate(base, lever, reform.NoDepletion(2075), 0.10, 0.60, reform.Options{Years: 60}); err != nil {
			b.Fatal(err)
		}
	}
}

// sweep returns n variants of the reference scheme's employer contribution
// rate from 2027, 10% to 20%.
func sweep(n int) []reform.Reform {
	rs := make([]reform.Reform, n)
	for i := range rs {
		rate := 0.10 + 0.10*float64(i)/float64(n)
		rs[i] = reform.Reform{Name: fmt.Sprintf("employer %.4f", rate), Changes: []reform.Change{
			reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: rate},
		}}
	}
	return rs
}

// BenchmarkSweep1000 compares the reference scheme (actuarialtest.ReferenceScheme
// with 65 as in BenchmarkProjectReference) with 1,000 variants of its
// employer contribution rate over 100 years on 2 workers: 1,001 Apply,
// projections and summaries. Its goal is at most 1.15× BenchmarkReference1000.
//
// Where it stands (2026-12-04, the Intel Xeon of the README's Speed
// section): 0.57–0.74 s on two workers; 1.13× BenchmarkReference1000 in
// separate processes and 1.12× alternated in one
// (BenchmarkSweepRatio/fresh): the goals, at most 1.15× and under 1 s, are
// met.
//
// The record of its measurements, oldest first, with what was tried and not
// kept, is in docs/performance.md, under its name.
func BenchmarkSweep1000(b *testing.B) {
	run := sweepsFresh(b, actuarialtest.ReferenceScheme(b, 65))
	b.ReportAllocs()
	u := startUsage()
	for b.Loop() {
		run()
	}
	u.report(b)
}

// sweepsFresh returns a function that compares s with 1,000 variants of
// its employer rate on two workers into a new comparison (Compare):
// BenchmarkSweep1000's iteration.
func sweepsFresh(b *testing.B, s *scheme.Scheme) func() {
	rs := sweep(1000)
	opt := reform.Options{Years: 100, Workers: 2, AllowNoEffect: true}
	return func() {
		if _, err := reform.Compare(s, rs, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSweep1000Summaries is BenchmarkSweep1000 with SummariesOnly:
// the same 1,001 scenarios, whose summaries, metrics and deltas are kept
// but not their yearly rows. Figures: docs/performance.md, under
// BenchmarkSweep1000.
func BenchmarkSweep1000Summaries(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 65)
	rs := sweep(1000)
	opt := reform.Options{Years: 100, Workers: 2, AllowNoEffect: true, SummariesOnly: true}
	b.ReportAllocs()
	u := startUsage()
	for b.Loop() {
		if _, err := reform.Compare(base, rs, opt); err != nil {
			b.Fatal(err)
		}
	}
	u.report(b)
}

// BenchmarkSweep1000Into is BenchmarkSweep1000 comparing into the last
// comparison (CompareInto), as a program that sweeps again and again
// would, and as BenchmarkReference1000 projects into its last Results: the
// yearly rows of each sweep are written over the last one's, not into
// fresh memory (the first, before the timed loop, allocates them).
// Figures: docs/performance.md, under BenchmarkSweep1000.
func BenchmarkSweep1000Into(b *testing.B) {
	run := sweepsInto(b, actuarialtest.ReferenceScheme(b, 65))
	b.ReportAllocs()
	u := startUsage()
	for b.Loop() {
		run()
	}
	u.report(b)
}

// sweepsInto compares s with 1,000 variants of its employer rate on two
// workers (the sweep before) and returns a function that compares them
// again into the last comparison: BenchmarkSweep1000Into's iteration.
func sweepsInto(b *testing.B, s *scheme.Scheme) func() {
	rs := sweep(1000)
	opt := reform.Options{Years: 100, Workers: 2, AllowNoEffect: true}
	ctx := context.Background()
	c, err := reform.CompareInto(ctx, nil, s, rs, opt)
	if err != nil {
		b.Fatal(err)
	}
	return func() {
		if c, err = reform.CompareInto(ctx, c, s, rs, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSweepRatio measures BenchmarkSweep1000's ratio to
// BenchmarkReference1000 in one process: each iteration runs a sweep of
// 1,000 variants and 1,000 projections of the reference scheme, both on
// two workers, in turn (which goes first alternating), each timed by the
// process's CPU time (user + system) and by the wall clock; it reports the
// ratios of the summed times, sweep/ref-cpu and sweep/ref-wall. Its
// sub-benchmark into compares into the last comparison's memory
// (CompareInto, as BenchmarkSweep1000Into), fresh into a new one
// (Compare, as BenchmarkSweep1000: the runtime gives it memory the last
// one freed, or the kernel fresh pages). Runs of the two benchmarks in
// separate processes, even of one binary, drift by ±10–15% on the
// project's machine; blocks alternated within one process see the same
// drift. Run it with -test.benchtime=8x (about 25 s for both) a few times
// and take the median.
func BenchmarkSweepRatio(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 65)
	b.Run("into", func(b *testing.B) { sweepRatio(b, base, sweepsInto(b, base)) })
	b.Run("fresh", func(b *testing.B) { sweepRatio(b, base, sweepsFresh(b, base)) })
}

// sweepRatio is BenchmarkSweepRatio's loop: sweepOnce against 1,000
// projections of base.
func sweepRatio(b *testing.B, base *scheme.Scheme, sweepOnce func()) {
	refOnce := referenceRuns(b, base)
	sweepOnce() // the first run of each, untimed
	refOnce()
	var cpu, wall [2]time.Duration // [0] the sweeps, [1] the reference runs
	timed := func(k int, f func()) {
		u0, s0, _ := processUsage()
		t0 := time.Now()
		f()
		wall[k] += time.Since(t0)
		u1, s1, _ := processUsage()
		cpu[k] += time.Duration(u1 + s1 - u0 - s0)
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			timed(0, sweepOnce)
			timed(1, refOnce)
		} else {
			timed(1, refOnce)
			timed(0, sweepOnce)
		}
		i++
	}
	if cpu[1] > 0 {
		b.ReportMetric(float64(cpu[0])/float64(cpu[1]), "sweep/ref-cpu")
	}
	b.ReportMetric(float64(wall[0])/float64(wall[1]), "sweep/ref-wall")
}

// loopUsage is the process's CPU time and page faults when a benchmark's loop
// starts.
type loopUsage struct{ user, sys, faults int64 }

func startUsage() loopUsage {
	u, s, f := processUsage()
	return loopUsage{u, s, f}
}

// report reports the CPU time of the whole process (the garbage
// collector's workers included) an iteration since u, cpu-ns/op, of which
// sys-ns/op in the kernel (mostly giving the process fresh pages), and its
// minor page faults, faults/op: on a loaded machine wall time includes
// waiting for a CPU, CPU time does not.
func (u loopUsage) report(b *testing.B) {
	us, sy, f := processUsage()
	if us+sy > 0 {
		n := float64(b.N)
		b.ReportMetric(float64(us+sy-u.user-u.sys)/n, "cpu-ns/op")
		b.ReportMetric(float64(sy-u.sys)/n, "sys-ns/op")
		b.ReportMetric(float64(f-u.faults)/n, "faults/op")
	}
}

// BenchmarkReference1000 is the yardstick of BenchmarkSweep1000: 1,000
// projections of the reference scheme over 100 years split over 2 workers,
// each worker reusing one Projector and Result. Figures: see
// BenchmarkSweep1000.
func BenchmarkReference1000(b *testing.B) {
	run := referenceRuns(b, actuarialtest.ReferenceScheme(b, 65))
	b.ReportAllocs()
	u := startUsage()
	for b.Loop() {
		run()
	}
	u.report(b)
}

// referenceRuns returns a function that projects s 1,000 times over 100
// years, 500 times on each of two goroutines, each reusing one Projector
// and Result: the work of BenchmarkReference1000's iteration.
func referenceRuns(b *testing.B, s *scheme.Scheme) func() {
	var ps [2]*projection.Projector
	var res [2]*projection.Result
	for w := range ps {
		p, err := projection.NewProjector(s)
		if err != nil {
			b.Fatal(err)
		}
		ps[w] = p
	}
	return func() {
		var wg sync.WaitGroup
		for w := range ps {
			wg.Go(func() {
				for range 500 {
					var err error
					if res[w], err = ps[w].Run(res[w], 100); err != nil {
						b.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
	}
}

// BenchmarkCompareSmall is a small comparison, as a solver's step makes
// one: the reference scheme and two variants of its employer contribution
// rate over 10 years on 2 workers, repeated.
//
// The workers of a comparison (projector, result, flows) kept in a
// sync.Pool for the next, 2026-12-04: a comparison started with fresh
// projectors, whose buffers (a few MB) were allocated, zeroed and faulted
// in, and whose tables were built, every time. 3 interleaved rounds of
// binaries without and with the pool, -test.benchtime=200x -test.cpu=2,
// load average ~3.5: 5.42 ms/op median (min 4.72 ms), 4.3 MB and 254
// allocations before; 0.70 ms/op (min 0.70 ms), 80 kB and 134 allocations
// after (7.7×). BenchmarkSweep1000, one comparison of 1,001 scenarios,
// gains the same ~4.7 ms of its ~880 ms (0.5%).
func BenchmarkCompareSmall(b *testing.B) {
	base := actuarialtest.ReferenceScheme(b, 65)
	rs := sweep(2)
	opt := reform.Options{Years: 10, Workers: 2, AllowNoEffect: true}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reform.Compare(base, rs, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// processUsage is the process's usage so far (see package usage).
func processUsage() (userNs, sysNs, faults int64) {
	u := usage.Process()
	return int64(u.User), int64(u.Sys), u.Faults
}
