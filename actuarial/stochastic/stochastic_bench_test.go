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
// Where it stands (2026-12-04, the Intel Xeon of the README's Speed
// section; each benchmark in a process of its own, as in the issue,
// Stochastic10k and BenchmarkDeterministic10k alternating): 6.2–8.2 s
// wall, 49 MB; 1.30–1.55× the deterministic projections' time by the
// hour (BenchmarkStochasticRatio, in one process, reads ~1.25). Issue 13
// asked for at most 5 s, 1.2× and 200 MB: memory met; time not, on this
// machine, where the deterministic projections alone take 4.7–5.2 s. The
// stochastic year's own work (its reference ratios and past salaries
// anew every year: see the sixth session's paragraph, the last) is the
// difference. The paragraphs below are the record, oldest first.
//
// With -scenarios=200, 2026-12-03, shared 2-core machine, 3 interleaved
// runs: before the reference ratios were limited to the cells that can
// retire and read from the merit table, 25.5 s wall median (min 25.1 s),
// 7.22 s CPU under GOMAXPROCS=1 (min 7.17 s), ~70% of it in
// SalaryScale.ReferenceRatio; after, 9.9 s (min 8.4 s) wall, 2.81 s
// (min 2.56 s) CPU, results bit-identical.
//
// Moving Run from its own worker pool to projection.ForEachWorker,
// 2026-12-03, -scenarios=100 -benchtime=3x -test.cpu=1, process CPU time
// (user+sys, setup included) of 10 interleaved runs of each binary: 3.665 s
// median (min 3.47 s) before, 3.645 s (min 3.55 s) after; benchstat: no
// significant difference (p=0.78).
//
// The projector keeping its factors and reference ratios across runs, and
// filling decrements only in populated cells, 2026-12-03, -scenarios=300
// -test.cpu=1, process user CPU: 2.57 s before, 2.50 s after (the wage
// growth changes every year and scenario, so the reference ratios are
// recomputed every year either way: ~65% of the CPU is
// Projector.refactor and rules.FillRatiosOf); BenchmarkDeterministic10k
// at -scenarios=300 takes 0.51–0.54 s, so the ratio is ~4.7×, against a
// target of 1.2×. The full 10,000 scenarios on 2 workers under a load
// average of ~15: 89.1 s user, 216 s wall, 82 MB maximum resident,
// 186 MB and 1.45 M allocations per op (about 145 a scenario: the
// scenario's curve and indicator flows); BenchmarkDeterministic10k in the
// same conditions 17.9 s user, 42 s wall, 14 MB: 5.0× in CPU.
//
// Computing the reference ratios (retirement and disability) and the past
// salaries only in the cells the members are in when the wage growth
// changes (Projector.refactor, pastSalaries.fill; results bit-identical),
// 2026-12-03, load average ~8, 6 interleaved rounds of the old and new
// binaries (go test -c), each round running
// `x.test -test.run XXX -test.bench '^BenchmarkStochastic10k$'
// -test.benchtime=1x -test.cpu=1 -scenarios=300` and the same for
// BenchmarkDeterministic10k, process user CPU (setup included, from
// /usr/bin/time): BenchmarkStochastic10k 2.43 s median (min 2.41 s)
// before, 0.81 s (min 0.77 s) after; BenchmarkDeterministic10k 0.495 s
// (min 0.45 s) before, 0.475 s (min 0.44 s) after (unchanged: benchstat
// p=0.59). Stochastic over deterministic: 4.9× before, 1.7× after (1.75×
// on the minima), against a target of 1.2×: what remains is
// Projector.refactor (~27% of the stochastic CPU: a ratio and a factor
// per populated cell each year, the wage growth changing every year) and
// the past salaries (~6%). The full 10,000 scenarios on 2 workers
// (`-test.bench '^BenchmarkStochastic10k$' -test.benchtime=1x`, default
// GOMAXPROCS=2) under a load average of ~8: 27.7 s user, 66.8 s wall,
// 83 MB maximum resident (/usr/bin/time -v), 186 MB and 1.45 M
// allocations per op; BenchmarkDeterministic10k in the same conditions
// 15.5 s user, 32.2 s wall, 14 MB: 1.78× in CPU. On 2 idle cores the
// CPU time is the wall time times 2, so 27.7 s of CPU is ~14 s of wall
// time, against the 5 s target.
// After merging main (work risks), same command, 5 interleaved rounds at
// load ~4: 0.76 s median (min 0.74 s) against 0.45 s (min 0.45 s), 1.69×
// (1.64× on the minima).
//
// The reference ratios and past salaries at a wage growth other than the
// projection's first year's evaluated without a division
// (rules.RatioPoly: coefficients by reference period once per merit table,
// the powers of 1/(1+w) once a year, a row of cells a loop; the tables
// kept by method), the disability ratios straight into the factors, no
// retirement ratios below the youngest retirement age, and
// actuarial.NewCurve no longer formatting a message per rate, 2026-12-03,
// load average 4–6, 8 interleaved rounds of the old (main 39b80e5) and new
// binaries, each running `x.test -test.run XXX -test.bench
// '^BenchmarkStochastic10k$' -test.benchtime=1x -test.cpu=1
// -scenarios=1000` and the same for BenchmarkDeterministic10k, process
// user+sys CPU: BenchmarkStochastic10k 2.80 s median (min 2.72 s) before,
// 2.16 s (min 2.07 s) after (benchstat on ns/op: −22.9%, p=0.000);
// BenchmarkDeterministic10k 1.65 s (min 1.54 s) before, 1.66 s (min
// 1.57 s) after (p=0.96). Stochastic over deterministic: 1.70× before,
// 1.30× after (1.32× on the minima), against a target of 1.2×: what
// remains is the year's ratios of the ~1,000 populated cells and the past
// salaries and contributions (refunds) of as many, ~0.5–0.8 ns a cell
// (Projector.refactor ~10% of the stochastic CPU, pastContributions ~4%,
// the past salaries ~3%), the measures (~2%) and the paths (~1%).
// Allocations: 47.5 k per op at 1,000 scenarios (147.5 k before: the
// curve's 100 Sprintf a scenario). The full 10,000 scenarios on 2 workers
// (default GOMAXPROCS=2) under a load average of ~5–7: 23.4 s user+sys
// (28.3 s before), 163 MB and 452,580 allocations per op (186 MB, 1.45 M
// before), 85 MB maximum resident; BenchmarkDeterministic10k in the same
// conditions 15.8–17.4 s; wall times not meaningful on the shared machine.
//
// With main's faster kernel (stepPlane fused with the disability pass) the
// ratio was 1.34× again (2026-12-04, main 769b1c4: 1.745 s against
// 1.30 s). The stochastic year's work was then cut down, every value the
// same bit for bit (the outcomes of 40 scenarios hashed before and after,
// and the deterministic results): the past salaries only in the
// diagonals of the members' entry ages, the first group's past
// contributions in the same pass (rules.RatioPoly.PastContributionRows);
// the year's rows of populated services computed once (Projector.rows);
// the ratio of the cells of equal coefficients once a row
// (rules.RatioPoly.Same: with a salary scale by age only, every service
// past the reference period), the disability factors of all rows in one
// call (rules.PolyFactorRows), the retirement ratios with both sexes'
// factors in one loop (rules.PolyRatioFactors); a stochastic year's ratio
// tables reusing last year's (the first year's exact ones stay, the
// caches with them); Schedule.At at once for a step a year; and nothing
// allocated per scenario but the deficit's net cash flows (the joint
// model's Cholesky factor and draws kept by the worker, Curve.Reset, no
// allocation in Flows.dated); the outcomes' by-year series in one block
// advised to huge pages. 2026-12-04, load average 0.5–0.8, 8 interleaved
// rounds of the old (main 769b1c4) and new binaries, each running
// `x.test -test.run XXX -test.bench '^BenchmarkStochastic10k$'
// -test.benchtime=1x -test.cpu=1 -scenarios=1000` and the same for
// BenchmarkDeterministic10k, process user+sys CPU: BenchmarkStochastic10k
// 1.72 s median (min 1.71 s) before, 1.57 s (min 1.56 s) after
// (benchstat: −8.7%, p=0.000; ns/op −8.9%, p=0.000);
// BenchmarkDeterministic10k 1.29 s (min 1.28 s) before, 1.30 s (min
// 1.29 s) after (the same code, p=0.43). Stochastic over deterministic:
// 1.33× before (1.34× on the minima), 1.21× after (1.21× on the minima),
// against a target of 1.2×; earlier series at load 1–3 gave 1.21×,
// 1.22× and 1.18× (each against its binary's deterministic median, the
// noisier the higher the load). Instruction counts (cachegrind, 100
// scenarios) are exact: 3,358 M before, 3,077 M after, against 2,631 M
// deterministic (1.28× → 1.17×); the rest of the gap is the same
// instructions of the kernel taking longer on the varying data of
// stochastic scenarios (retireRun's caps and floors, about +40% of its
// time; without branches it is slower in both runs) and the machinery
// (paths, measures, the outcomes' page faults: 2,760 against 1,914 in
// all), which BenchmarkStochasticReturns10k, with nothing of the year to
// recompute, puts at ~3.5%. What remains of the stochastic year is at
// about its cost per cell: the past salaries and contributions of ~1,000
// cells (5% of the CPU), the disability factors of ~900 and the
// retirement ratios and factors of ~400 (5%), each a few multiplies plus
// a row's setup (a ratio once a run of rows of equal coefficients saved
// nothing: the tail's ratio costs less than the bookkeeping). Allocations
// at 1,000 scenarios: 1,528 per op (45,472 before), 11.8 MB (22.3 MB;
// the series' block of 4 MB counted whole). The full 10,000 scenarios on
// 2 workers (`-test.bench '^BenchmarkStochastic10k$' -test.benchtime=1x`,
// default GOMAXPROCS=2) at load ~0.7: 15.4 s user+sys (16.8 s before),
// 47.9 MB and 10,543 allocations per op (163 MB, 450,504 before), 56 MB
// maximum resident (86 MB), 4,784 page faults (19,949);
// BenchmarkDeterministic10k in the same conditions 12.8 s: 1.21× in CPU
// (1.31× before; 1.20× in an earlier run at load 2.5).
//
// With main's kernel faster again (main 48c8746, BenchmarkProjectReference
// 1.26 → 1.03 ms), the same command, 6 interleaved rounds, 2026-12-04:
// 1.345 s median (min 1.330 s) against 1.065 s (min 1.050 s), 1.26×. A
// CPU profile at -scenarios=2000 had stepPlane ~15% slower on the
// stochastic scenarios' data; it is not, or hardly: at -scenarios=20000
// (-test.cpu=1, 26.8 s and 21.8 s of samples) 9.32 s against 8.91 s
// (+4.6%), at 6,000 2.69 s against 2.73 s; the same instructions
// (cachegrind --branch-sim=yes, 100 scenarios: 928.3 M in both) and
// simulated mispredictions (1.46 M against 1.41 M), and its branches on the
// data never change in this scheme: the contribution ceiling and the
// disability cap never bind, the disability floor in 88 of 12 M cells
// (perf's hardware counters are not available in this VM). Nor is it the
// worker pool's hand-off of the scenarios, the two workers alternating on
// one thread: ForEachWorker on a shared counter instead of a channel
// changed nothing (1.38 s against 1.38 s median, 8 rounds). The gap is the
// stochastic year's own instructions: 2,634 M against 2,188 M at 100
// scenarios (1.20×), of which the past salaries and contributions 154 M
// (rules.RatioPoly.PastContributionRows, ~720 cells and 46 rows a year),
// the disability factors 109 M (rules.PolyFactorRows, ~590 cells, 41 rows),
// the retirement ratios and factors 66 M (rules.PolyRatioFactors),
// Projector.refactor's own 39 M and Projector.rows 18 M: by the
// 20,000-scenario profiles, 3.9 s of the 5.0 s difference is
// Projector.prepare and fillPast, ~0.5 s the machinery (paths, measures),
// the rest the kernel's same instructions taking longer (stepPlane and
// pensionersPass slower, retireRun faster). PolyFactorRows' row tails
// without a test a cell from the first service after which every factor
// is above 0, and PolyRatioFactors' tail ratio found once: 2,611 M
// instructions (−0.9%, results bit for bit: the outcomes of 40 scenarios
// hashed, and the deterministic run's), too little to show in CPU time on
// the shared machine (load 0.6–0.9, 10 interleaved rounds of the old
// and new binaries, the same command: BenchmarkStochastic10k 1.455 s
// median (min 1.42 s) before, 1.43 s (min 1.40 s) after, benchstat on
// ns/op −1.9%, p=0.063; BenchmarkDeterministic10k, the same code,
// 1.145 s (min 1.11 s) and 1.125 s (min 1.10 s), p=0.12: 1.27× either
// way; 1,539 allocations and 11.3 MiB per op, unchanged). Tried and
// dropped: the disability
// factors taken in stepPlane as the exits' factor by service times a
// ratio by row (no PolyFactorRows, ~3.5% of the stochastic instructions)
// cost the deterministic run 3.5% (1.16 s against 1.12 s median, 8
// rounds: the multiply a cell spills the loop's index), and the row's
// factors written in stepPlane's preamble instead cost about what
// PolyFactorRows does (by sex, not once); PastContributionRows unrolled by
// two, or its rows sliced once, lose the loop's bounds-check elimination
// (154 M → 181–230 M instructions). What remains of the stochastic year
// is ~1,400 cells of ratios, factors and past salaries at 6–11
// instructions each and ~100 rows at ~150: the target of 1.2× is not met.
//
// The full benchmark on main after all of 2026-12-04's merges (48c8746,
// the row tails above and PolyFactorRows' span), two cores at a load
// average under 2, eight interleaved rounds (three, then five an hour
// later) of `x.test -test.run XXX -test.bench
// '^Benchmark(Stochastic|Deterministic)10k$' -test.benchtime=1x
// -test.benchmem` under /usr/bin/time, median (min):
//
//	                   wall            user+sys CPU     B/op     allocs/op  max RSS
//	Stochastic10k      8.13 s (7.06)   15.91 s (13.76)  47.9 MB  10,550     56 MB
//	Deterministic10k   7.00 s (5.60)   12.57 s (11.09)  5.2 MB   352        14 MB
//
// Paired by round, the stochastic run takes 1.14× the deterministic
// one's wall time at the median (1.09–1.32×) and 1.25× its CPU time
// (1.20–1.38×): by the goal's measure, wall time on two cores, 1.2× is
// met, helped by the deterministic yardstick's fixed split of 5,000
// projections a goroutine, which waits for the slower half (its wall
// time is 1.11× its CPU time over two), where Run hands out scenarios one
// at a time; by CPU time it is not. The memory goal (200 MB) is met. The
// 5 s goal is not: 10,000 deterministic projections alone take 5.6–7.4 s
// on the two cores, so 5 s at 1.2× needs a projection of about 0.8 ms,
// issue 16's kernel target (1.03–1.07 ms now).
//
// With stepPlane's AVX2 form (issue 16's fourth pass, see
// BenchmarkProjectReference), 2026-12-04, 8 interleaved rounds of the old
// (main 2f81326) and new binaries, `x.test -test.run XXX -test.bench
// '^BenchmarkStochastic10k$' -test.benchtime=1x -test.cpu=1
// -scenarios=1000`, process user+sys CPU, load average 2–3: 1.375 s
// median (min 1.34 s) before, 1.21 s (min 1.20 s) after (benchstat on
// ns/op: −12.5%, p=0.000; an earlier series −8.6%, p=0.001); 12.45 MiB
// and ~1,550 allocations per op (11.30 MiB, 1,540 before: each worker's
// projector keeps the decrements by field too, Projector.decV).
//
// With rules.RatioPoly.PastContributionRows' AVX2 form (the whole loop
// over the ages in assembly, pastrows_amd64.s, four cells at a time, the
// row's tail under a mask; the outcomes of 40 scenarios hashed the same
// before and after, by default, with purego and under GOAMD64=v3),
// 2026-12-04: its instructions (cachegrind, `GODEBUG=cpu.rdtscp=off
// valgrind --tool=cachegrind --cache-sim=no x.test -test.run XXX
// -test.bench 'Stochastic10k$' -test.benchtime=1x -test.cpu=1
// -scenarios=20`) 1.54 M a scenario before, 0.36 M after (~4,600 rows
// and 72,000 cells a scenario: ~45 instructions a row, 9 a block of four
// cells, where the Go form spent ~155 a row and ~11 a cell); the whole
// run's 347.5 M before, 324.8 M after, against 258.3 M for
// BenchmarkDeterministic10k at -scenarios=20 (1.35× → 1.26×, the setup
// included). CPU time, interleaved rounds of the old (main d587c67) and
// new binaries, `x.test -test.run XXX -test.bench
// '^BenchmarkStochastic10k$' -test.benchtime=1x -test.cpu=1 -test.benchmem
// -scenarios=1000` under /usr/bin/time, process user+sys, load average
// 4–5: 12 rounds 1.015 s median (min 0.99 s) before, 0.97 s (min 0.94 s)
// after (benchstat on the CPU times −4.4%, p=0.005), 10 more 1.05 s
// (min 1.02 s) and 1.01 s (min 0.96 s) (−3.8%, p=0.001); the wall ns/op
// not significant at that load (p=0.27, 0.35); 12.45 MiB and ~1,549
// allocations per op either way. BenchmarkDeterministic10k in the same
// rounds 0.76 s (min 0.74 s): 1.38× before, 1.33× after in CPU time, the
// target of 1.2× not met.
//
// With AVX2 forms of rules.PolyFactorRows and rules.PolyRatioFactors
// (the disability factors, k = 3 coefficients a cell, and the retirement
// ratios and factors, k = 5; in this scheme every cell they compute is in
// a row's tail of equal coefficients, past the reference period, so the
// work is f·r and in·r four cells at a time; PolyFactorRows with k = 3
// does every row in one call of assembly, PolyRatioFactors the tail's
// ratio too), results bit for bit (the outcomes of 60 scenarios hashed,
// by default, with GOAMD64=v3 and with the purego tag), 2026-12-04:
// instructions (cachegrind, `x.test -test.run XXX -test.bench
// 'Stochastic10k$' -test.benchtime=1x -test.cpu=1 -scenarios=20`, setup
// included) 347.8 M before (main d587c67), 329.7 M after: 17.39 →
// 16.49 M a scenario (−5.2%), of which PolyFactorRows 0.94 → 0.40 M and
// PolyRatioFactors (with PolyRatios) 0.65 → 0.28 M. 24 interleaved rounds
// (two series of 12) of the old and new binaries and the new one's
// BenchmarkDeterministic10k, `-test.benchtime=1x -test.cpu=1
// -test.benchmem -scenarios=1000`, process user+sys CPU, load average
// 1.8–2.8: 1.005 s median (min 0.97 s) before, 0.970 s (min 0.94 s)
// after (−3.8% paired by round; benchstat on the CPU times −3.5%,
// p=0.000, on ns/op −3.3%, p=0.021, n=24); BenchmarkDeterministic10k
// 0.740 s (min 0.71 s): 1.36× before, 1.31× after (1.32× on the minima),
// against the target of 1.2×, not met. 12.45 MiB and 1,543–1,551
// allocations per op in both. Merged with main b51e26b
// (PastContributionRows' AVX2 form, above), against it, the outcomes the
// same bit for bit again:
// 324.4 M → 306.4 M instructions (16.22 → 15.32 M a scenario, −5.5%),
// BenchmarkDeterministic10k 258.4 M at -scenarios=20 (1.26× → 1.19× in
// instructions, the setup included); 24 interleaved rounds (two series of
// 12, the same command, load average 2.6–3.5): 1.03 s median (min 0.93 s)
// before, 0.975 s (min 0.89 s) after (−3.2% paired by round; benchstat
// on the first series' CPU times −3.1%, p=0.027, over both p=0.19 as the
// load rose), BenchmarkDeterministic10k 0.76 s (min 0.72 s): 1.36× →
// 1.28× in CPU time (1.29× → 1.24× on the minima), 1.2× not met.
//
// The run, all of the session's kernels merged (the projector's
// four AVX2 forms and its Go passes' cuts, the rules' three), 2026-12-04:
// 8 rounds of `x.test -test.run XXX -test.bench
// '^Benchmark(Stochastic|Deterministic)10k$' -test.benchtime=1x
// -test.benchmem -test.cpu=2` (10,000 scenarios on 2 workers), the machine
// otherwise idle (load average 1.3–1.9, the host's other guests disturbing
// the first three): Stochastic10k 4.64 s median (min 4.32 s), 49.2 MB and
// ~10,560 allocations an op; Deterministic10k 3.46 s (min 3.14 s); the
// rounds' paired ratio 1.34× at the median (1.27–1.38×); 6 more rounds,
// undisturbed: 4.34 s (4.30–4.39 s) and 3.19 s (3.17–3.23 s), 1.36×
// (1.34–1.38×). At main 2f81326,
// 4 rounds: 6.97 s (min 6.75 s) and 5.40 s (min 5.28 s), 1.28×. Targets:
// at most 5 s, met (every undisturbed round; the two disturbed ones 5.05
// and 5.06 s);
// at most 200 MB, met; at most 1.2× the deterministic run, not met. The
// instructions explain 1.19× of it (cachegrind above); the rest is the
// caches: the yearly recomputation of the ratios, factors and past
// salaries writes some 0.5 MB of planes that the deterministic run keeps,
// and adds its code to each year's. Cachegrind's cache simulation
// (--cache-sim=yes --D1=49152,12,64 --LL=1048576,8,64, the L1 data cache
// and the 1 MB L2 of this processor; -scenarios=40, setup included),
// stochastic against deterministic: instructions 519.9 M against 430.9 M
// (1.21×), L1 data read misses 16.4 M against 14.4 M, write misses 2.54 M
// against 1.26 M, L1 instruction misses 2.75 M against 1.40 M, L2 misses
// 0.43 M against 0.23 M; in time (pprof, 3,000 scenarios on one worker)
// stepRowAVX2 takes 0.77 s in the stochastic run against 0.54 s in the
// deterministic for the same instructions. What would close the gap is to
// compute the factors where the kernel reads them (the disability factor
// of a row's tail is one ratio times the exit's factor by service) rather
// than into planes of their own: a change of the kernels' layout, left for
// a later pass.
//
// The yearly recomputation trimmed, 2026-12-04, results bit for bit (the
// outcomes of 64 scenarios at two seeds and a deterministic run hashed
// before and after, by default, with purego and under GOAMD64=v3): the
// retirement ratios and both sexes' factors of every row in one call
// (rules.PolyRatioFactorRows, its AVX2 form looping over the rows in
// assembly, where refactor cut eight slices a row for PolyRatioFactors);
// the rows' services intersected with the disability factors' inside
// rules.PolyFactorRows' loop (no dLo, dHi pass before it); Projector.rows'
// loop four rows at a time (rowBounds, AVX2); ratioTable's coefficients
// looked up only when a table is set up. Instructions (cachegrind as above,
// -scenarios=40, setup included): 517.9 M before (main 90b9feb), 499.0 M
// after (−18.9 M of the 91 M the stochastic run adds; refactor's own 15.6
// → 3.8 M, PolyRatioFactors with polyRatioTailAVX2 11.2 M → 9.1 M for
// PolyRatioFactorRows and its assembly, rows 7.3 → 2.7 M);
// BenchmarkDeterministic10k 429.5 M before, 429.6 M after: 1.206× →
// 1.162× in instructions. CPU time, 44 interleaved rounds (three series of
// 12, 16 and 16) of the old and new binaries, `x.test -test.run XXX
// -test.bench '^BenchmarkStochastic10k$' -test.benchtime=1x -test.cpu=1
// -test.benchmem -scenarios=1000` and the same for
// BenchmarkDeterministic10k, /usr/bin/time user+sys, load average 1.1–4.3:
// 0.890 s median (min 0.84 s) before, 0.870 s (min 0.81 s) after, −3.5%
// paired by round (faster in 34 of the 43 untied rounds, sign test
// p=0.0002; benchstat over all 44 p=0.059, over the third series −5.1%,
// p=0.012); BenchmarkDeterministic10k 0.690 s (min 0.65 s) and 0.695 s
// (min 0.64 s), p=0.81. The ratio, paired by round: 1.294× before, 1.261×
// after (1.290× → 1.252× on the medians, 1.292× → 1.266× on the minima);
// the target of 1.2× not met. 12.45 MiB and 1,549 allocations per op
// either way.
//
// The run at the end of 2026-12-04's third session (the trimmed
// recomputation above and the projector's row loop in assembly, which
// makes both runs faster), against main 90b9feb: 8 interleaved rounds of
// `x.test -test.run XXX -test.bench '^Benchmark(Stochastic|Deterministic)10k$'
// -test.benchtime=1x -test.benchmem -test.cpu=2`, the first three
// disturbed by the host; the last five, median (min): Stochastic10k 4.39 s
// (4.36) before, 4.13 s (4.06) after; Deterministic10k 3.25 s (3.22) and
// 3.12 s (3.09); the rounds' paired ratio 1.345× before, 1.31× after
// (1.21–1.36×); 49.2 MB and ~10,560 allocations an op. Instructions
// (cachegrind, -scenarios=40, setup included): 464.4 M against 392.2 M,
// 1.184× (517.9 M against 429.5 M, 1.206×, at 90b9feb). Targets: 5 s met,
// 200 MB met, 1.2× not met: the instructions are within it, the time is
// not, the rest being the caches (see above).
//
// The stochastic year trimmed again, 2026-12-04 (against main 734d834),
// the outcomes bit for bit (80 scenarios at two seeds and a deterministic
// run hashed, by default, with purego and under GOAMD64=v3): a scenario's
// first year computes the exact ratio of a row's tail of equal merits once
// (rules.RatioPoly.SameMerits), not a cell at a time (RatioAt, 4.3 M of
// the 40 scenarios' instructions), and PastSalaryRows a row at a time;
// Result.Flows fills its series in one pass; ratioTable finds a period's
// fast table in one scan and keeps its coefficients when it takes it at
// the next year's wage growth; the disability rows' tails from the first
// service of positive factors (rules.PositiveFrom, Exits.DisPos) and the
// retirement rows' blocks whose four cells all need their ratio are
// stored whole, not reloaded and blended. Cachegrind as above
// (-scenarios=40, setup included) with GOGC=off (with the collector on,
// BenchmarkDeterministic10k's count moves by 1.5% with the timing of its
// marking, the same code giving 398.7 M on the old binary and 392.6 M on
// the new): instructions 456.0 M before, 443.2 M after, against 390.4 M
// and 391.0 M (1.168× → 1.134×); L1 instruction misses 2.83 M → 2.67 M
// (1.41 M, 1.34 M); L1 data misses 18.86 M → 18.85 M (reads 16.39 →
// 15.64 M, writes 2.47 → 3.21 M: the kernels' cells stored without being
// read first). With the collector on, 463.9 M → 451.4 M at 40 scenarios
// and 897.1 M → 871.0 M at 80. The +52 M that remain: the row overheads
// of the three kernels (~24 M of their 35 M: pastRowsAVX2 14.4 M, the cells
// 6.1 M; polyRows3AVX2 13.6 M, the cells 2.8 M; polyRatioRowsAVX2 7.0 M,
// the cells 1.8 M: 46, 41 and 11 rows a year at 30 to 80 instructions
// each), the yearly glue (refactor, ratioTable, rows and rowBounds,
// PolyRatioFactorRows, PolyFactorRows, fillPast: ~9 M), the first year's
// exact ratios (~2 M), the generator (~4.5 M: gonum's Mul and Dtrmm, the
// normals, expm1) and the measures (~3 M). The extra L1 instruction
// misses (+1.33 M) are half the glue's own code (~165 lines a year) and
// half the shared passes it evicts (activesPass, pensionersPass,
// RunContext +0.27 M); with this VM's 2 MB L2 (--LL=2097152,16,64)
// neither run misses it beyond setup (0.10 M and 0.14 M). CPU time, 30
// interleaved rounds of the old and new binaries, `x.test -test.run XXX
// -test.bench '^BenchmarkStochastic10k$' -test.benchtime=1x -test.cpu=1
// -scenarios=1000` and the same for BenchmarkDeterministic10k,
// /usr/bin/time user+sys, load average 0.7–1.1 but runs varying by ±10%
// from one to the next: BenchmarkStochastic10k 1.455 s median (min
// 1.31 s) before and 1.455 s (min 1.32 s) after, paired new/old 1.003
// (faster in 14 of 30); BenchmarkDeterministic10k 1.16 s (min 1.09 s) and
// 1.21 s (min 1.10 s), the same code; the rounds' ratio 1.24× and 1.205×
// at the median, 1.20× on both binaries' minima: the −2.8% in
// instructions does not show at that noise. It does paired in one
// process: a temporary test alternating 100 scenarios of stochastic.Run
// on one worker and 100 deterministic projections on one Projector,
// process CPU time (getrusage) of each, ten pairs a run, the run's median
// ratio; 16 runs of each binary, alternating: 1.258× median before,
// 1.221× after, lower in 13 of the 16 pairs of runs (sign test p = 0.02).
// The same measure on builds that skip a part of the year (wrong values,
// to bound its time), six runs each: the real run 1.25× (1.22× in a
// second series), without Projector.refactor's yearly recomputation
// 1.12× (1.14×), without its two kernels only (PolyRatioFactorRows and
// PolyFactorRows return at once) 1.155×, without the retirement ratios
// and factors 1.18×, without the disability factors 1.19×, without the
// past salaries and contributions (fillPast) 1.20×: the two kernels, 5% of
// the deterministic run's instructions, take ~7% of its time, the past
// salaries (3.7% of its instructions) ~5%, and ~8% would stay without
// either (the machinery, the glue, the first year's exact values). The
// kernels' cost is not their misses' latency: every row's cells and
// coefficients prefetched first (PREFETCHT0, six lines a row) changed
// nothing (1.234× against 1.246×, eight runs each), nor did the
// disability rows' last cells stored whole, overlapping, instead of under
// a mask (not kept).
//
// The kernels' rows, 2026-12-04 (branch rows): PastContributionRows' rows
// of one shape (services age − eHi ≥ 1 to age − eMax, four cells or more:
// 30 of the reference scheme's 46 a year) a run at a time
// (rules.pastRunAVX2, the row's setup hoisted, its last block overlapping
// the one before instead of masked); polyRows3AVX2's rows all in their
// tail of positive factors (every disability row here) without spills,
// their last block overlapping; polyRatioRowsAVX2's slices set once.
// Outcomes bit for bit (2 seeds × 40 scenarios and a deterministic run
// hashed, by default, with -tags purego and with GOAMD64=v3). Cachegrind
// as above (GOGC=off, -scenarios=40): the three kernels and their glue
// 35.4 M → 31.3 M instructions (the past rows 14.9 → 12.8 M,
// polyRows3AVX2 13.6 → 12.6 M, polyRatioRowsAVX2 7.0 → 5.9 M); the
// program's total moves by up to 5 M from one run of a binary to the next
// (443.0, 443.1, 448.2 M before; 439.2, 444.3, 444.8 M after; the setup's
// share), BenchmarkDeterministic10k 391.0 M on both; L1 instruction misses
// 2.72 M → 2.79 M (the new kernel's code), data misses 18.84–18.89 M on
// both. In time it does not show: BenchmarkStochasticRatio, `x.test
// -test.run XXX -test.bench '^BenchmarkStochasticRatio$' -test.cpu=1`,
// the old and new binaries alternating, load average 1–3 (the lead's
// runs): -benchtime=20x, 10 runs each, stoch/det 1.210 median (min 1.156)
// before, 1.204 (min 1.132) after, lower in 6 of 10 pairs; -benchtime=40x,
// 12 runs each, 1.214 (min 1.174) and 1.211 (min 1.175), lower in 5 of 12
// (an earlier build with the first two changes: 1.246 and 1.216, lower in
// 7 of 8). The runs of one binary spread by ±3% under that load, about
// what −4 M instructions (−0.9% of the stochastic run) would move. Tried
// and not kept: the rows from service 0 (ages eMax+4..eHi, each one cell
// longer) as a second run: pastRowsAVX2 −5.5 M, pastRunAVX2 +4.8 M and the
// extra calls' glue +0.7 M, no gain.
//
// The day's fourth session, all of the above merged (main 3c393b0) against
// its start (734d834, with BenchmarkStochasticRatio added to measure it),
// on the Intel Xeon of the README's Speed section, the machine otherwise
// idle. BenchmarkStochasticRatio, -benchtime=20x -test.cpu=1, 8 runs of
// each binary alternating: stoch/det 1.252 median (1.231–1.279) before,
// 1.169 (1.103–1.207) after, lower in all 8 pairs. The run, 8
// rounds of `x.test -test.run XXX -test.bench '^BenchmarkStochastic10k$'
// -test.benchtime=1x -test.cpu=2` and the same for
// BenchmarkDeterministic10k, each in a process of its own, the old and new
// binaries and the two benchmarks' order alternating, /usr/bin/time:
// Stochastic10k 10.26 s median (min 9.61 s) before and 9.73 s (8.95 s)
// after, −8% paired; Deterministic10k 7.80 s (7.23 s) and 8.26 s (7.03 s),
// the same code; the rounds' paired ratio 1.285× before and 1.228× after
// in wall time (1.12–1.55×), 1.271× and 1.222× in CPU time (1.10–1.30×).
// A slow hour on the host: earlier the same binaries took 7.3–8.4 s and
// 6.1–6.8 s. Targets on this machine, about 1.8× slower than the issue's
// (the code before issue 16 took 2.15 ms a BenchmarkProjectReference
// here): 5 s not met as measured here (7.6–9.7 s, three more rounds
// later giving 7.56, 7.88 and 9.16 s; 4.2–5.4 s scaled by 1.8; 4.1 s on
// the AMD EPYC before these trims);
// 200 MB met (49 MB); 1.2× met within one process (1.17×), not in
// separate processes (1.22×), whose drift is as large as what is left.
//
// The day's fifth session (main aebd34d → d03dfe6 and b8bc833, on the same
// Intel Xeon): a profile (perf, cpu-clock) of BenchmarkProjectReference
// put 22% of its time in projection's pensionRowAVX2, and 64% of that on
// one instruction of its prologue, a legacy-SSE MOVQ AX, X0 run with the
// upper halves of the YMM registers dirty (~70 cycles a call on this
// processor; internal/asmcheck now fails on any such instruction). Its VEX
// form, VMOVQ, moves the same bits. With the pensions in payment by type
// summed four types in step (projection.pensionerCounts, the same
// additions in the same order), both runs got faster, by about the same
// time a scenario: BenchmarkStochasticRatio, -benchtime=20x -test.cpu=1,
// 6 runs of each binary alternating, ns-cpu/det 1.386 → 1.088 ms
// (−21.5%), ns-cpu/stoch 1.635 → 1.367 ms (−16.4%), so stoch/det went
// from 1.187 (1.167–1.214) to 1.254 (1.177–1.289): the stochastic year's
// own work, ~0.25–0.28 ms a scenario here, is now a larger share of a
// faster projection. The run, 4 rounds as above: Stochastic10k
// 9.14 s median (min 8.56 s) → 8.16 s (7.32 s), Deterministic10k 6.64 s
// (6.38 s) → 5.80 s (5.09 s), in a busy hour on the host. Targets on
// this machine: 5 s not met (7.3–8.4 s); 1.2× not met (1.25× in one
// process); 200 MB met (49 MB).
//
// Then the past salaries' runs of rows of one shape (rules.pastRunAVX2)
// were walked along their diagonals, four blocks of four at a time, the
// values kept in registers from row to row: a row at a time, each row read
// back the stores of the row below, and the loads of a row's last,
// overlapping block could not be forwarded from them. A profile of
// BenchmarkStochasticRatio (perf record -g, the samples split by whether
// their stack holds stochastic's worker) before it: of the stochastic
// blocks' 1,944 samples more than the deterministic ones', pastRunAVX2
// 183, pastRowsAVX2 241, polyRows3AVX2 207, polyRatioRowsAVX2 198,
// refactor 78, and stepRowsAVX2 +346 (16% more time in the same kernel
// over the same cells: not its rare branches, whose removal in a measuring
// build left +12%, nor subnormal numbers, which none of the projector's
// arrays holds on a path of random economies; most likely the caches the
// yearly recomputation shares with it). pastRunAVX2's share of a
// stochastic run fell from 3.5% to 2.2% (perf, -scenarios=1000
// -test.cpu=1); BenchmarkStochasticRatio, 6 runs each alternating,
// 1.270 median before and 1.264 after, within the noise. The run at
// the session's end (main e405c5b against aebd34d, 3 rounds as above, a
// quieter hour): Stochastic10k 7.15 s median (min 6.95 s) → 6.56 s (6.19
// s), Deterministic10k 5.80 s (5.55 s) → 4.72 s (4.63 s); the rounds'
// ratios 1.19–1.34× before and 1.34–1.39× after by wall time (1.31–1.37×
// by CPU). Separate processes on two workers give a higher ratio than
// one worker alternating in one process (1.25×): two stochastic workers'
// working sets (~1.8 MB each, against ~1.2 MB deterministic) on this
// virtual machine's caches, most likely: user CPU a scenario, in a quiet
// hour, 0.91–0.94 ms deterministic and 1.17–1.19 ms stochastic with one
// worker alternated in one process; 0.92 ms and 1.31 ms with two workers
// on two cores (-test.cpu=2); 1.45 ms stochastic with two workers taking
// turns on one core (-test.cpu=1). The deterministic run does not slow
// with a second worker; the stochastic one does.
//
// The sixth session (2026-12-04, main 506dbbd, the same Intel Xeon) timed
// the stochastic year's own passes where they run, each call between two
// reads of the runtime's clock in a measuring build (200–400 scenarios
// of economy(1, 1), one worker, rounds alternated with each variant):
// fillPast's past salaries and contributions 730–880 ns a scenario-year
// (742 cells, 46 rows of the 16 entry ages 20–35), refactor's disability
// factors 390–470 ns (594 cells, 43 rows) and its retirement ratios and
// factors 360–490 ns (11 rows of 16 cells), about 1.6 µs of the ~3.5 µs
// a stochastic scenario-year costs more than a deterministic one. The
// same call repeated at once on the same data, warm, takes ~80% of it;
// the past salaries' call on its own in a loop, ~55%. Cachegrind (L1 48
// KiB, last level 2 MiB, -scenarios=100) counts the L1 misses a
// scenario-year: the past salaries 361 (246 of them stores), the
// disability factors 182, the retirement ratios 192, stepRowsAVX2 about
// 2,100 in both runs, with next to no misses of the last level: each pass
// writes lines the year's other passes have pushed out of L1. A store to
// such a line costs ~8 cycles here: dropping the retirement ratios'
// stores (~30 lines a year) in a measuring build took that pass from ~380
// to ~310 ns. Tried and not kept, each bit for bit the same: the rows from
// service 0 below the past salaries' run walked along their diagonals in
// registers under masks (a call on its own −30%, 420 → 290 ns; in place
// +15%, 780 → 900 ns); the past salaries, contributions and inverse
// merits placed at 0, 1 and 2 KiB into a page against 4K aliasing (−13%
// on its own, in place within the noise); PREFETCHT0 two rows ahead, and
// a pass touching the rows' lines first (in place +30%). One worker and
// two in one process cost the same this time, 1.17–1.33 ms a scenario
// each. The run, 3 rounds as above on main: Stochastic10k 6.77,
// 6.77 and 7.60 s, Deterministic10k 4.90, 5.03 and 5.19 s, ratios
// 1.30–1.55 by wall time (1.32–1.57 by CPU). What would cut the stochastic
// year's time is fewer lines written a year: factors computed where they
// are read (retireRun multiplying the law's factor by the ratio, and the
// step kernel the disability factor by its row's ratio) instead of stored
// as tables between passes, and the past salaries kept in registers where
// nothing reads them back; by the cost of a line, each of those is worth
// 1.5–2.5% of a stochastic scenario.
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
// Measured 2026-12-04 at the fifth session's end, three runs of each,
// -test.benchtime=20x: one (-test.cpu=1) 1.215, 1.271, 1.257; two
// (-test.cpu=2) 1.291, 1.237, 1.292. The run in separate processes
// gave 1.34–1.39× in the same hour: there the deterministic projections
// took 0.92 ms of CPU a scenario, here 0.94–1.17 ms. Alternated with the
// stochastic blocks, the deterministic ones run slower than alone, so this
// benchmark reads the ratio lower than separate processes do.
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
// Mortality that changes by year, 2026-12-04 (the profile of the flagship
// example, examples/yucatan, put 32% of its CPU in rules.Decrements.fill,
// and this benchmark 37% there and 32% in the Lee-Carter tables' exp and
// expm1): a cell's decrements were built as a composite literal and copied
// in 16-byte moves that each stalled on the 8-byte stores they read; with
// only the AVX2 forms reading them they are now written by field straight
// into the planes those forms read (Decrements.FillServicesByField); and a
// worker's Lee-Carter tables share one lcRates a sex, the central
// forecast's rates computed once and the scenario's once a year and age,
// not twice a table and call. Outcomes bit for bit (two runs of 20
// scenarios, Relative and Replace, hashed). Instructions of those runs
// (cachegrind, `GODEBUG=cpu.rdtscp=off valgrind --tool=cachegrind
// --cache-sim=no`): 1.546 G before (main 90b9feb), 1.291 G after. Six
// interleaved rounds of the old and new binaries, `x.test -test.run XXX
// -test.bench Mortality1k -test.benchtime=1x -test.cpu=1`, median (min):
//
//	                                 before          after           benchstat
//	economy                          0.674 s (0.672)  0.680 s (0.669)  ~ (p=0.30)
//	economy+mortality                3.11 s (3.04)    2.09 s (2.06)    −32.7% (p=0.002)
//	economy+mortality/2regimes       6.25 s (6.10)    4.22 s (4.13)    −32.5% (p=0.002)
//
// What remains of a year with mortality scenarios is the decrements' rule
// itself (dependentRow, ~1,400 cells a year) and one exp and expm1 a sex
// and age.
//
// The decrements' rule in AVX2, 2026-12-04 (dependentRow and exposure,
// called by FillServicesByField, were 19% of examples/yucatan's CPU by
// `perf record`, 8% now): for a sex in UDD in each single-decrement table,
// FillServicesByField's loop is rules.dependentFieldsAVX2, four cells at a
// time, every field the Go form's bit for bit (the Go form's products now
// never fused, whatever GOAMD64). Outcomes bit for bit: two runs of 40
// scenarios × 100 years (Relative and Replace) hashed, by default, with
// -tags purego and with GOAMD64=v3; examples/yucatan's output folder
// identical (diff -r). Instructions of those runs (cachegrind as above):
// 2.324 G before (main b6a1251), 1.663 G after (−28%). Eight interleaved
// rounds of the old and new binaries, `x.test -test.run XXX -test.bench
// 'Mortality1k/economy\+mortality' -test.benchtime=1x -test.cpu=1`,
// median (min), allocations unchanged (2,258 and 3,436 per op):
//
//	                                 before          after           benchstat
//	economy+mortality                2.19 s (2.08)    1.79 s (1.70)    −18.4% (p=0.000)
//	economy+mortality/2regimes       4.31 s (4.21)    3.67 s (3.43)    −14.9% (p=0.000)
//	the process (both), user+sys     6.49 s (6.32)    5.37 s (5.25)
//
// and examples/yucatan's user CPU, five interleaved rounds: 8.65 s (8.49)
// before, 7.17 s (6.98) after (−17%).
//
// All of 2026-12-04's third session (the two passes above, the
// projector's row loop in assembly, the trimmed yearly recomputation),
// against main 90b9feb, four interleaved rounds of the command above on
// the otherwise idle machine, median (min): economy 0.700 s (0.676) and
// 0.708 s (0.640), not significant; economy+mortality 3.23 s (3.10) →
// 1.89 s (1.69), −42% (p=0.029, n=4); two regimes 6.51 s (6.32) → 3.55 s
// (3.51), −45%. examples/yucatan, three interleaved runs: 8.1 s wall and
// 12.2 s user CPU before, 5.6 s and 7.35 s after, its output folder
// identical.
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
