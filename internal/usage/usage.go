// Package usage reads what the process has used so far, its CPU time and
// its minor page faults, for the benchmarks that report them beside the
// wall clock: on a shared machine wall time includes waiting for a CPU,
// CPU time does not, and page faults count the first touches of fresh
// memory that the kernel zeroes.
package usage

import "time"

// Usage is what the process has used since it started.
type Usage struct {
	User, Sys time.Duration // CPU time in user mode and in the kernel
	Faults    int64         // minor page faults
}

// CPU returns the user and system CPU time together.
func (u Usage) CPU() time.Duration { return u.User + u.Sys }

// Process returns the process's usage so far: all its threads, the garbage
// collector's included. It is the zero Usage where getrusage is not
// available (the benchmarks then report no CPU time and no faults).
func Process() Usage { return process() }
