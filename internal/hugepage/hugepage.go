// Package hugepage asks the kernel to back large buffers with transparent
// huge pages, where the system leaves that to the program.
//
// A program's first write to a page of fresh memory faults, and the kernel
// hands over a zeroed page. On the virtual machines Reserva is measured on,
// such a fault costs 12–17 µs of CPU, so a buffer of 100 MB written once
// (a census of a million records, the yearly rows of a thousand reform
// variants) can spend more time faulting than being computed. Backed by
// huge pages, the same buffer faults once every 2 MB instead of once every
// 4 kB. [Advise] changes no value and returns no error: where huge pages
// are not available (another system, a kernel that refuses, the setting
// "never") the buffer is used as it is.
//
// Whether it pays depends on the machine. On the AMD EPYC virtual machine
// a 1 GiB buffer written once a page took 0.54 GB/s in huge pages against
// 0.37 GB/s in 4 kB pages. On the Intel Xeon one that followed it
// (2026-12-04, 64 MiB buffers, three rounds) 4 kB pages took 2.1–2.6 GB/s
// and fresh huge pages 0.56–0.79 GB/s (3–7 GB/s when the guest had just
// freed them): there, advising the census's records doubles a fresh read
// (BenchmarkReadActives1M, 1.22 → 2.24 M rows/s, 4 rounds) and takes 7%
// off BenchmarkStochastic10k at 4,000 scenarios, but costs a comparison of
// 1,000 variants (BenchmarkSweep1000) 0.14 s of kernel time for its 63 MB
// of rows (sys 49 → 186 ms an op, 6 rounds), about what it saves on the
// AMD machine. Measured again on the Xeon on 2026-12-04 (fifth session),
// 4 rounds alternating, the comparison's blocks advised and not: sys
// 0.16–0.24 s against 0.04–0.05 s an op, CPU 1.27–1.33 s against
// 1.11–1.22 s, 1.26× against 1.13× the CPU of BenchmarkReference1000. The
// likely cause is the host: this machine's balloon device reports free
// memory to it in blocks of 2 MB and more, so a fresh huge page is one the
// host took back and faults in again, where 4 kB pages mostly come from
// memory the guest kept. reform's blocks are no longer advised: the census
// and the stochastic results, which gain here too, stay advised; a
// program that compares again and again avoids the question with
// reform.CompareInto.
package hugepage

// Size is the size of a transparent huge page on x86-64 and in the usual
// arm64 configuration. Buffers smaller than two of them are not advised.
const Size = 2 << 20
