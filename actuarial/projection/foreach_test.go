package projection_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/reserva-go/reserva/actuarial/projection"
)

// TestForEachWorker: every job runs once, on the state of the worker that
// runs it, each worker calling start once; once the context is cancelled no
// job starts, and the jobs already started finish.
func TestForEachWorker(t *testing.T) {
	type state struct{ jobs []int } // a worker's: its jobs, in its order
	for _, n := range []int{0, 1, 7, 100} {
		for _, workers := range []int{1, 2, 5, 0} {
			var (
				mu     sync.Mutex
				states []*state
			)
			start := func() *state {
				s := new(state)
				mu.Lock()
				states = append(states, s)
				mu.Unlock()
				return s
			}
			projection.ForEachWorker(context.Background(), n, workers, start, func(s *state, i int) {
				s.jobs = append(s.jobs, i) // no lock: a worker's own state
			})
			runs := make([]int, n)
			for _, s := range states {
				for k, i := range s.jobs {
					runs[i]++
					if k > 0 {
						assert.Less(t, s.jobs[k-1], i, "n %d, workers %d: a worker takes the jobs in order", n, workers)
					}
				}
			}
			for i, r := range runs {
				assert.Equal(t, 1, r, "n %d, workers %d: job %d", n, workers, i)
			}
			if workers > 0 {
				assert.LessOrEqual(t, len(states), max(1, min(workers, n)), "n %d: starts for %d workers", n, workers)
			}
			assert.NotEmpty(t, states, "n %d, workers %d: at least one worker starts", n, workers)
		}
	}

	// Cancelled during job 5 on one worker: jobs 0 to 5 ran, no other.
	ctx, cancel := context.WithCancel(context.Background())
	var got []int
	projection.ForEachWorker(ctx, 100, 1, func() int { return 0 }, func(_ int, i int) {
		got = append(got, i)
		if i == 5 {
			cancel()
		}
	})
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, got)

	// On three workers, cancelled during job 10: each of the two other
	// workers may have checked the context just before, and so start one
	// job after the cancellation, but no more.
	ctx, cancel = context.WithCancel(context.Background())
	var cancelled atomic.Bool
	var after atomic.Int64 // jobs started after the cancellation
	projection.ForEachWorker(ctx, 1000, 3, func() int { return 0 }, func(_ int, i int) {
		if cancelled.Load() {
			after.Add(1)
		}
		if i == 10 {
			cancel()
			cancelled.Store(true) // once cancel has returned
		}
	})
	assert.LessOrEqual(t, after.Load(), int64(2), "jobs started after the cancellation")
}
