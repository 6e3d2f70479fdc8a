//go:build !unix

package stochastic_test

import "time"

// processCPUTime is 0 where getrusage is not available:
// BenchmarkStochasticRatio then reports no ratio.
func processCPUTime() time.Duration { return 0 }
