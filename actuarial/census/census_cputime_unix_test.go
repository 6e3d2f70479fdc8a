//go:build unix

package census

import (
	"syscall"
	"time"
)

// processUsage is the user and system CPU time of the process so far, and
// the minor page faults it has taken (first touches of fresh memory).
func processUsage() (cpu time.Duration, faults int64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), int64(ru.Minflt)
}
