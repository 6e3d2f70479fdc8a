//go:build unix

package reform_test

import "syscall"

// processUsage returns the user and the system CPU time of the process so
// far in nanoseconds and its minor page faults (first touches of memory
// the kernel maps).
func processUsage() (userNs, sysNs, faults int64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, 0
	}
	return ru.Utime.Nano(), ru.Stime.Nano(), int64(ru.Minflt)
}
