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
// its own [Projector], reused from one scheme to the next: the tables that
// schemes with the same assumptions share (decrements, the exits of equal
// rules, reference ratios) are built once per worker, not per scheme.
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
	return RunScenariosFunc(ctx, len(schemes), years, workers, func(i int) (*scheme.Scheme, error) {
		if schemes[i] == nil {
			return nil, errors.New("nil scheme")
		}
		return schemes[i], nil
	})
}

// RunScenariosFunc is [RunScenariosContext] for n schemes that build(i)
// makes in the worker that projects them: making the schemes (applying a
// reform to a copy of a base scheme, say) runs in parallel too, and a
// scheme can be dropped once projected. build is called once for each i,
// from several goroutines at once; results[i] belongs to build(i). An
// error of build(i) is the error of scenario i, a [*ScenarioError] with
// an empty Name.
func RunScenariosFunc(ctx context.Context, n, years, workers int, build func(i int) (*scheme.Scheme, error)) ([]*Result, error) {
	if years < 0 {
		panic(fmt.Sprintf("actuarial: RunScenarios: negative number of years %d", years))
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, n))
	results := make([]*Result, n)
	errs := make([]error, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// One projector a worker, reloaded for each scheme: its
			// buffers and the tables the schemes share are built once.
			p := new(Projector)
			for i := range jobs {
				if ctx.Err() != nil {
					continue
				}
				s, err := build(i)
				if err != nil {
					errs[i] = &ScenarioError{Index: i, Err: err}
					continue
				}
				if err = s.Validate(); err == nil {
					p.load(s)
					results[i], err = p.RunContext(ctx, nil, years)
				}
				if err != nil {
					errs[i] = &ScenarioError{Index: i, Name: s.Name, Err: err}
				}
			}
		}()
	}
	for i := range n {
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

// ScenarioError is the error of one scheme of [RunScenarios]: its index in
// the slice given, its name, and what went wrong.
type ScenarioError struct {
	Index int    // the scheme's index in the slice given to RunScenarios
	Name  string // the scheme's Name; empty for a nil scheme
	Err   error  // the error of its validation or projection
}

func (e *ScenarioError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("projection: scenario %d: %v", e.Index, e.Err)
	}
	return fmt.Sprintf("projection: scenario %d (%s): %v", e.Index, e.Name, e.Err)
}

func (e *ScenarioError) Unwrap() error { return e.Err }
