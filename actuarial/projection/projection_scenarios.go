// Running many projections in parallel.

package projection

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/reserva-go/reserva/actuarial/scheme"
)

// RunScenarios projects each scheme for years years, fanning the runs out
// over workers goroutines (workers ≤ 0: runtime.GOMAXPROCS(0)), each with
// its own [Projector], reused from one scheme to the next
// ([Projector.Reset]): the tables that schemes with the same assumptions
// share are built once per worker, not per scheme.
// results[i] belongs to schemes[i]. A projection is
// sequential and deterministic, so the results are the same, bit for bit,
// for any number of workers. The schemes must not change during the call;
// several may share assumptions and tables, which are only read.
//
// It returns the error of the first scheme (in the order given) that fails
// to validate or to run, as a [*ScenarioError] naming it, and no results.
func RunScenarios(schemes []*scheme.Scheme, years, workers int) ([]*Result, error) {
	return RunScenariosContext(context.Background(), schemes, years, workers)
}

// RunScenariosContext is [RunScenarios] under a context: a scheme is not
// started once ctx is done, a running one stops within one projected year
// ([Projector.RunContext]), and the error is then ctx.Err().
func RunScenariosContext(ctx context.Context, schemes []*scheme.Scheme, years, workers int) ([]*Result, error) {
	if years < 0 {
		panic(fmt.Sprintf("actuarial: RunScenarios: negative number of years %d", years))
	}
	results := make([]*Result, len(schemes))
	errs := make([]error, len(schemes))
	ForEach(ctx, len(schemes), workers, func(p *Projector, i int) {
		if schemes[i] == nil {
			errs[i] = &ScenarioError{Index: i, Err: errors.New("nil scheme")}
			return
		}
		err := p.Reset(schemes[i])
		if err == nil {
			results[i], err = p.RunContext(ctx, nil, years)
		}
		if err != nil {
			errs[i] = &ScenarioError{Index: i, Name: schemes[i].Name, Err: err}
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}

// ForEach runs job(p, i) for each i in [0, n) over workers goroutines
// (workers ≤ 0: runtime.GOMAXPROCS(0)), each with a Projector p of its own
// that it reuses, through [Projector.Reset], for all its jobs: the
// buffers, and the tables that schemes with the same assumptions share,
// are built once a worker. Once ctx is done no job starts; ForEach returns
// when every started job has. Which worker runs which i is not fixed, so a
// job must write only to its own place (results[i]); [RunScenariosContext]
// and package reform's comparisons are built on it.
func ForEach(ctx context.Context, n, workers int, job func(p *Projector, i int)) {
	ForEachWorker(ctx, n, workers, newProjector, job)
}

// newProjector returns a zero Projector, ready for [Projector.Reset].
func newProjector() *Projector { return new(Projector) }

// ForEachWorker is [ForEach] for workers that keep more than a Projector
// from one job to the next (package stochastic's hold a projector per
// regime and the buffers of a drawn path): each worker goroutine calls
// start once, before its first job, and passes what it returns to each of
// its jobs. start runs in the worker, so workers build their state in
// parallel; it must be safe to call from several goroutines at once.
//
// Each worker takes the next index from a shared counter, so that it never
// waits between jobs: a worker handed its jobs through a channel parks
// between them and may resume on another processor, away from the caches
// that hold its state (on the machines measured, that cost a stochastic
// scenario of the reference scheme 5–15% of its time; see
// BenchmarkStochastic10k in docs/performance.md). A worker's jobs come in
// increasing order of i.
func ForEachWorker[W any](ctx context.Context, n, workers int, start func() W, job func(w W, i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	var next atomic.Int64 // the next job's index
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := start()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				job(w, i)
			}
		})
	}
	wg.Wait()
}
