//go:build !unix

package projection_test

import "time"

// processCPUTime is 0 where getrusage is not available: the benchmarks
// then report no CPU time.
func processCPUTime() time.Duration { return 0 }
