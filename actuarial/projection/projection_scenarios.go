// Running many projections in parallel.

package projection

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

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
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(schemes)))
	results := make([]*Result, len(schemes))
	errs := make([]error, len(schemes))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// One projector a worker, Reset for each scheme: its buffers
			// and the tables the schemes share are built once.
			p := new(Projector)
			for i := range jobs {
				if schemes[i] == nil {
					errs[i] = &ScenarioError{Index: i, Err: errors.New("nil scheme")}
					continue
				}
				if ctx.Err() != nil {
					continue
				}
				err := p.Reset(schemes[i])
				if err == nil {
					results[i], err = p.RunContext(ctx, nil, years)
				}
				if err != nil {
					errs[i] = &ScenarioError{Index: i, Name: schemes[i].Name, Err: err}
				}
			}
		}()
	}
	for i := range schemes {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
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
