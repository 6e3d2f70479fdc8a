package stochastic_test

import (
	"context"
	"flag"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/internal/usage"
	"github.com/reserva-go/reserva/mortality"
)

// benchScenarios is the number of scenarios of the 10k benchmarks; a
// smaller number (-args -scenarios=1000) measures the ratio of the two on a
// loaded machine.
var benchScenarios = flag.Int("scenarios", 10_000, "scenarios of BenchmarkStochastic10k and BenchmarkDeterministic10k")

// BenchmarkStochastic10k runs 10,000 scenarios × 100 years of the scheme of
// BenchmarkProjectReference (actuarialtest.ReferenceScheme(b, 65)) with
// stochastic returns, wage growth and inflation (the joint model), on 2
// workers, and measures every outcome. Run it once: -benchtime=1x.
//
// Where it stands (2026-12-04, seventh session, the Intel Xeon of the
// README's Speed section; each benchmark in a process of its own, as in
// the issue, the two alternating, 10 rounds): 5.54 s wall at the median
// (5.47–6.58 s), 49 MB and ~10,560 allocations an op, 57 MB resident at
// most; 1.15× the deterministic projections' wall time at the median
// (1.06–1.26×, at most 1.20× in 9 of the 10 rounds), 1.16× their CPU time
// (BenchmarkStochasticRatio, in one process, reads 1.16–1.24). Issue 13
// asked for at most 5 s, 1.2× and 200 MB: the ratio and the memory are met;
// 5 s is not on this machine, where the deterministic projections alone
// take 4.6–5.7 s. What the stochastic run adds is the yearly recomputation
// of the past salaries, the disability factors and the retirement rows'
// ratios at each year's wage growth (about a tenth of its time); the
// machinery itself (the generator, handing out scenarios, the measures)
// costs nothing measurable: BenchmarkStochasticReturns10k reads 0.97–1.02×
// the deterministic run at the median.
//
// The record of its measurements, oldest first, with what was tried and not
// kept, is in docs/performance.md, under its name.
func BenchmarkStochastic10k(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 65)
	c := stochastic.Config{Years: 100, Scenarios: *benchScenarios, Workers: 2}
	b.ReportAllocs()
	for range b.N {
		if _, err := stochastic.Run(context.Background(), s, economy(1, 1), c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeterministic10k is BenchmarkStochastic10k's yardstick: 10,000
// deterministic projections of the same scheme for 100 years, split over 2
// goroutines, each with its own Projector and Result.
func BenchmarkDeterministic10k(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 65)
	b.ReportAllocs()
	for range b.N {
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p, err := projection.NewProjector(s)
				if err != nil {
					b.Error(err)
					return
				}
				var res *projection.Result
				for range *benchScenarios / 2 {
					if res, err = p.Run(res, 100); err != nil {
						b.Error(err)
						return
					}
				}
			}()
		}
		wg.Wait()
	}
}

// BenchmarkStochasticRatio measures BenchmarkStochastic10k's ratio to
// BenchmarkDeterministic10k in one process: each iteration runs a block of
// 100 stochastic scenarios (stochastic.Run on one worker, economy(1, 1),
// the reference scheme, 100 years) and a block of 100 deterministic
// projections of the same scheme (one Projector and Result reused), the
// two in turn (which goes first alternating), each timed by the process's
// CPU time (getrusage, user + system); it reports the ratio of the summed
// times, stoch/det, the median of the iterations' ratios, stoch/det-med
// (less moved by a burst of load in one block), and each kind's CPU time
// a scenario. Two runs of the 10k benchmarks, even of one binary, differ
// by up to ±10% on this shared machine (the CPU's frequency and the
// neighbours' use of the caches drift from one process to the next), and
// their ratio, taken from separate processes, by 0.1; blocks alternated
// within a process see the same drift. Its runs still spread by ±3% under
// a load average of 1–3 (2026-12-04: 1.156 to 1.258 in ten runs of one
// binary at -benchtime=20x): run it with -test.cpu=1, -benchtime=20x
// (about 7 s) or more, many times, old and new binaries alternating, and
// compare the medians and the pairs.
//
// Its sub-benchmarks: one, one worker (-test.cpu=1 as above); two, two
// workers on two cores, as BenchmarkStochastic10k and
// BenchmarkDeterministic10k run (stochastic.Run on two workers, and two
// goroutines each with its Projector), blocks of 100 scenarios a worker.
// Measured 2026-12-04 at the seventh session's end, three runs of each,
// -test.benchtime=20x: one (-test.cpu=1) 1.170, 1.189, 1.233; two
// (-test.cpu=2) 1.164, 1.221, 1.202; the run in separate processes
// gave 1.15× at the median in the same hour. (Until the workers took their
// scenarios from a counter, they parked between scenarios and resumed on
// either core, which the separate processes' ratio paid and this one,
// alternating the two kinds of blocks, hid: see docs/performance.md.)
func BenchmarkStochasticRatio(b *testing.B) {
	b.Run("one", func(b *testing.B) { stochasticRatio(b, 1) })
	b.Run("two", func(b *testing.B) { stochasticRatio(b, 2) })
}

// stochasticRatio is BenchmarkStochasticRatio's loop on workers workers.
func stochasticRatio(b *testing.B, workers int) {
	const block = 100 // scenarios a worker
	s := actuarialtest.ReferenceScheme(b, 65)
	c := stochastic.Config{Years: 100, Scenarios: block * workers, Workers: workers}
	g := economy(1, 1)
	ps := make([]*projection.Projector, workers)
	res := make([]*projection.Result, workers)
	for w := range ps {
		p, err := projection.NewProjector(s)
		if err != nil {
			b.Fatal(err)
		}
		ps[w] = p
	}
	stoch := func() {
		if _, err := stochastic.Run(context.Background(), s, g, c); err != nil {
			b.Fatal(err)
		}
	}
	det := func() {
		var wg sync.WaitGroup
		for w := range ps {
			wg.Go(func() {
				for range block {
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
	stoch() // the first run's allocations and caches, untimed
	det()
	b.ResetTimer()
	var st, dt time.Duration
	ratios := make([]float64, 0, b.N)
	timed := func(f func()) time.Duration {
		t0 := processCPUTime()
		f()
		return processCPUTime() - t0
	}
	for i := range b.N {
		var si, di time.Duration
		if i%2 == 0 {
			si = timed(stoch)
			di = timed(det)
		} else {
			di = timed(det)
			si = timed(stoch)
		}
		st, dt = st+si, dt+di
		if di > 0 {
			ratios = append(ratios, float64(si)/float64(di))
		}
	}
	if dt > 0 {
		scenarios := float64(b.N * block * workers)
		b.ReportMetric(float64(st)/float64(dt), "stoch/det")
		slices.Sort(ratios)
		if n := len(ratios); n > 0 {
			b.ReportMetric((ratios[(n-1)/2]+ratios[n/2])/2, "stoch/det-med")
		}
		b.ReportMetric(float64(st.Nanoseconds())/scenarios, "ns-cpu/stoch")
		b.ReportMetric(float64(dt.Nanoseconds())/scenarios, "ns-cpu/det")
	}
}

// BenchmarkStochasticReturns10k is BenchmarkStochastic10k with stochastic
// returns only (lognormal), wage growth and inflation as the scheme has
// them: the cost of the stochastic machinery itself, next to
// BenchmarkDeterministic10k.
func BenchmarkStochasticReturns10k(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 65)
	c := stochastic.Config{Years: 100, Scenarios: *benchScenarios, Workers: 2}
	g := stochastic.Lognormal{Mu: 0.044, Sigma: 0.1, Seed: 1}
	b.ReportAllocs()
	for range b.N {
		if _, err := stochastic.Run(context.Background(), s, g, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMortality1k measures what Lee-Carter mortality scenarios add:
// 1,000 scenarios × 100 years of the reference scheme with lognormal
// returns, with and without each sex's mortality drawn (the scheme's
// tables scaled, LeeCarterMortality's default), and with a reform run
// alongside on the same scenarios (RunRegimes). Mortality scenarios
// allocate nothing per scenario (a few buffers per worker), and since
// 2026-12-04 neither does the result curve (Curve.Reset): a scenario
// allocates twice (the lognormal draws' source, the deficit's net cash
// flows), with or without them: 2,189 allocations and 8.6 MB per op of
// "economy" (10,179 and 13.1 MB before).
//
// Where it stands (2026-12-04, the Intel Xeon of the README's Speed
// section, -test.benchtime=1x): economy+mortality 2.7–2.8 s on one core,
// 1.5 s on two.
//
// The record of its measurements, oldest first, with what was tried and not
// kept, is in docs/performance.md, under its name.
func BenchmarkMortality1k(b *testing.B) {
	s := actuarialtest.ReferenceScheme(b, 65)
	g := stochastic.Lognormal{Mu: 0.044, Sigma: 0.1, Seed: 1}
	lc := leeCarter(noisyK)
	m := &stochastic.LeeCarterMortality{Models: [actuarial.NumSexes]*mortality.LeeCarter{lc, lc}, Corr: 0.9, Seed: 1}
	for _, bc := range []struct {
		name    string
		mort    *stochastic.LeeCarterMortality
		regimes []*scheme.Scheme
	}{
		{"economy", nil, []*scheme.Scheme{s}},
		{"economy+mortality", m, []*scheme.Scheme{s}},
		{"economy+mortality/2regimes", m, []*scheme.Scheme{s, raiseEmployer(s, 0.12)}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := stochastic.Config{Years: 100, Scenarios: 1000, Workers: 2, Mortality: bc.mort}
			b.ReportAllocs()
			for range b.N {
				if _, err := stochastic.RunRegimes(context.Background(), bc.regimes, g, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// processCPUTime is the process's usage so far (see package usage).
func processCPUTime() time.Duration { return usage.Process().CPU() }
