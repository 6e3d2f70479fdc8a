//go:build !unix

package census

import "time"

// processUsage is 0 where getrusage is not available: the benchmarks then
// report no CPU time and no page faults.
func processUsage() (cpu time.Duration, faults int64) { return 0, 0 }
