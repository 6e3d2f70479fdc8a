//go:build !unix

package reform_test

// processUsage is 0, 0, 0 where getrusage is not available: the
// benchmarks then report no CPU time nor page faults.
func processUsage() (userNs, sysNs, faults int64) { return 0, 0, 0 }
