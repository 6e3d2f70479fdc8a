package usage

import (
	"runtime"
	"testing"
	"time"
)

// TestProcessCounts: where getrusage exists, CPU time spent spinning shows
// in the process's user time, and nothing goes backwards.
func TestProcessCounts(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" || runtime.GOOS == "plan9" {
		t.Skip("no getrusage")
	}
	u0 := Process()
	x := 1.0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		x = x*1.0000001 + 1e-9
	}
	u1 := Process()
	if u1.User <= u0.User || u1.Sys < u0.Sys || u1.Faults < u0.Faults {
		t.Errorf("usage went from %+v to %+v after 50 ms of spinning (x=%v)", u0, u1, x)
	}
	if u1.CPU() != u1.User+u1.Sys {
		t.Errorf("CPU() = %v, want %v", u1.CPU(), u1.User+u1.Sys)
	}
}
