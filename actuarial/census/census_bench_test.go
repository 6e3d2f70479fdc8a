package census

import (
	"bytes"
	"encoding/csv"
	"io"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
	"time"

	"github.com/reserva-go/reserva/internal/usage"
)

// syntheticActives returns a CSV file of n valid active records for a
// valuation on 1 January 2025, drawn from a PCG source seeded with seed:
// ages 18–64, entry at 18 or later, annual salaries 60,000–600,000 with
// cents.
func syntheticActives(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 2))
	var b bytes.Buffer
	b.Grow(n * 48)
	b.WriteString("id,sex,birth_date,entry_date,salary\n")
	buf := make([]byte, 0, 64)
	for i := range n {
		age := 18 + rng.IntN(47)
		birth := time.Date(2025-age-1, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(364))
		service := rng.IntN(age - 18 + 1)
		entry := time.Date(2025-service-1, 1, 2, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(364))
		if entry.Before(birth.AddDate(18, 0, 0)) {
			entry = birth.AddDate(18, 0, 0)
		}
		cents := 6_000_000 + rng.IntN(54_000_000)
		buf = buf[:0]
		buf = append(buf, 'A')
		buf = strconv.AppendInt(buf, int64(i), 10)
		buf = append(buf, ',')
		if rng.IntN(2) == 0 {
			buf = append(buf, 'F')
		} else {
			buf = append(buf, 'H')
		}
		buf = append(buf, ',')
		buf = birth.AppendFormat(buf, ISODate)
		buf = append(buf, ',')
		buf = entry.AppendFormat(buf, ISODate)
		buf = append(buf, ',')
		buf = strconv.AppendInt(buf, int64(cents/100), 10)
		buf = append(buf, '.', byte('0'+cents/10%10), byte('0'+cents%10), '\n')
		b.Write(buf)
	}
	return b.Bytes()
}

// BenchmarkReadAndGroupActives reads 100,000 active records and groups them
// into cells; ns/record is the cost per record of both.
func BenchmarkReadAndGroupActives(b *testing.B) {
	const n = 100_000
	data := syntheticActives(n, 1)
	var cells *ActiveCells
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		actives, err := ReadActives(bytes.NewReader(data), 2025, CensusOptions{})
		if err != nil || len(actives) != n {
			b.Fatalf("read %d records: %v", len(actives), err)
		}
		cells, err = GroupActives(cells, actives)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
}

// BenchmarkGroupActives groups 100,000 records already read.
func BenchmarkGroupActives(b *testing.B) {
	const n = 100_000
	actives, err := ReadActives(bytes.NewReader(syntheticActives(n, 1)), 2025, CensusOptions{})
	if err != nil {
		b.Fatal(err)
	}
	cells, _ := GroupActives(nil, actives)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_, _ = GroupActives(cells, actives)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/record")
}

// BenchmarkReadActives1M reads 1,000,000 synthetic active records (about
// 42 MB of CSV); rows/s is records read a second of wall time, cpu-ns/row
// the process's CPU time a record (garbage collection and the kernel's
// page faults included), faults/op the minor page faults of a read, and
// retained-MB the heap the records of one read hold.
//
// Where it stands (2026-12-04, the Intel Xeon of the README's Speed
// section): 1.75–2.2 M records a second of wall time, its pages touched for
// the first time, and 4.0–5.9 M warm (BenchmarkReadActives1MWarm);
// encoding/csv alone reads ~10 M a second on an idle machine. Issue 16
// asked for 3 M on the AMD EPYC it was measured on (4.6 M there since).
//
// The record of its measurements, oldest first, with what was tried and not
// kept, is in docs/performance.md, under its name.
func BenchmarkReadActives1M(b *testing.B) {
	const n = 1_000_000
	data := syntheticActives(n, 1)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu, faults := processUsage()
	var actives []Active
	for b.Loop() {
		var err error
		actives, err = ReadActives(bytes.NewReader(data), 2025, CensusOptions{})
		if err != nil || len(actives) != n {
			b.Fatalf("read %d records: %v", len(actives), err)
		}
	}
	reportRows(b, n, cpu, faults)
	b.StopTimer()
	// The heap the records of one read hold once it is over.
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	held := ms.HeapAlloc
	runtime.KeepAlive(actives)
	actives = nil
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(held-ms.HeapAlloc)/1e6, "retained-MB")
}

// BenchmarkReadActives1MWarm is BenchmarkReadActives1M with the garbage
// collector off during the reads and run between them (outside the
// timings), after an untimed first read, so that each read writes to
// memory the process has touched before: it measures the reader's own
// work and allocation, without the collector's marking and without first
// touches of fresh memory. Those cost 15–17 µs of CPU a page on the shared
// machine (a program touching 128 MB of fresh memory page by page took
// 0.51–0.57 s of CPU for 32,900 faults), where a minor fault usually costs
// well under 1 µs.
//
// Measured 2026-12-03 as BenchmarkReadActives1M was, ten interleaved runs
// each of a830d3b with this file and of the reader after the work
// (-test.bench ReadActives1MWarm -test.benchtime=3x -test.cpu=1), median
// (best):
//
//	          cpu-ns/row   rows/s of CPU  faults/op  B/op    allocs/op
//	before    320 (298)    3.1 M (3.4)    1.36 k     254 MB  4.0 M
//	after     254 (248)    3.9 M (4.0)    1.08 k     179 MB  2.0 M
//
// (benchstat: −20.7% cpu-ns/row, p=0.001.) The reader then ran on one
// core. (An estimate made then, that an idle machine's page faults would
// cost 10–40 ms a first read, was wrong: they cost 12–18 µs each here
// even when it is quiet; see BenchmarkReadActives1M's record in
// docs/performance.md.)
//
// Measured again with BenchmarkReadActives1M's second runs (see its record
// in docs/performance.md), before (39b80e5) and after the reading in chunks
// on both cores, median (best):
//
//	          cpu-ns/row   rows/s (wall, load 3–5)  B/op      allocs/op
//	before    222 (212)    2.46 M (4.66)            178.8 MB  2.000 M
//	after     206 (192)    3.17 M (5.21)            172.7 MB  2.002 M
//
// (benchstat: −7.1% cpu-ns/row, p=0.002.) Of the CPU saved, most is the
// cheaper codes, trimming and dates: with -test.cpu=1, which reads line by
// line, three interleaved pairs gave 231, 231, 224 cpu-ns/row before and
// 196, 197, 191 after. Wall time in quieter moments: see
// BenchmarkReadActives1M.
func BenchmarkReadActives1MWarm(b *testing.B) {
	const n = 1_000_000
	data := syntheticActives(n, 1)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	if _, err := ReadActives(bytes.NewReader(data), 2025, CensusOptions{}); err != nil {
		b.Fatal(err) // a first read, untimed, to touch the memory
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var gc time.Duration // the CPU time of the collections between reads
	cpu, faults := processUsage()
	for b.Loop() {
		b.StopTimer()
		c0, _ := processUsage()
		runtime.GC()
		c1, _ := processUsage()
		gc += c1 - c0
		b.StartTimer()
		actives, err := ReadActives(bytes.NewReader(data), 2025, CensusOptions{})
		if err != nil || len(actives) != n {
			b.Fatalf("read %d records: %v", len(actives), err)
		}
	}
	reportRows(b, n, cpu+gc, faults)
}

// BenchmarkCSVOnly1M is the floor of BenchmarkReadActives1M: encoding/csv
// with ReuseRecord over the same bytes, doing nothing with the fields.
// Measured with it (see there): 102 cpu-ns/row median (91 best), 48 MB
// and one allocation (the line) a row; on a quieter day, 98 ms a read
// (10.2 M rows/s) by the wall clock. In the second runs, with the same
// code before and after: 95.7 (92.5) and 101.8 (96.3) cpu-ns/row (p=0.075),
// the noise of those runs.
func BenchmarkCSVOnly1M(b *testing.B) {
	const n = 1_000_000
	data := syntheticActives(n, 1)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu, faults := processUsage()
	for b.Loop() {
		cr := csv.NewReader(bytes.NewReader(data))
		cr.ReuseRecord = true
		rows := 0
		for {
			_, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			rows++
		}
		if rows != n+1 {
			b.Fatalf("read %d rows", rows)
		}
	}
	reportRows(b, n, cpu, faults)
}

// reportRows reports the rows read a second of wall time; the CPU time of
// the whole process (the garbage collector's workers included) a row since
// processUsage gave cpu0, on a loaded machine wall time including waiting
// for a CPU and CPU time not; and the minor page faults a read took since
// it gave faults0, each the kernel handing over a fresh page of memory.
func reportRows(b *testing.B, n int, cpu0 time.Duration, faults0 int64) {
	cpu, faults := processUsage()
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "rows/s")
	if cpu > 0 {
		b.ReportMetric(float64((cpu-cpu0).Nanoseconds())/float64(b.N*n), "cpu-ns/row")
		b.ReportMetric(float64(faults-faults0)/float64(b.N), "faults/op")
	}
}

// processUsage is the process's usage so far (see package usage).
func processUsage() (cpu time.Duration, faults int64) {
	u := usage.Process()
	return u.CPU(), u.Faults
}
