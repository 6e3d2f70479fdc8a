// Running many projections in parallel.

package projection

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/reserva-go/reserva/actuarial/scheme"
)

// RunScenarios projects each scheme for years years, fanning the runs out
// over workers goroutines (workers ≤ 0: runtime.GOMAXPROCS(0)), each with
// its own [Projector]. results[i] belongs to schemes[i]. A projection is
// sequential and deterministic, so the results are the same, bit for bit,
// for any number of workers. The schemes must not change during the call;
// several may share assumptions and tables, which are only read.
//
// It returns the error of the first scheme (in the order given) that fails
// to validate or to run, wrapped with its index, and no results.
func RunScenarios(schemes []*scheme.Scheme, years, workers int) ([]*Result, error) {
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
			for i := range jobs {
				if schemes[i] == nil {
					errs[i] = fmt.Errorf("actuarial: scenario %d: nil scheme", i)
					continue
				}
				p, err := NewProjector(schemes[i])
				if err == nil {
					results[i], err = p.Run(nil, years)
				}
				if err != nil {
					errs[i] = fmt.Errorf("actuarial: scenario %d (%s): %w", i, schemes[i].Name, err)
				}
			}
		}()
	}
	for i := range schemes {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}
