package reform_test

import (
	"context"
	"errors"
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/reform"
)

// TestCompareProgress checks that Options.Progress is called once per
// scenario, with done counting 1..n of n, and that the progress does not
// change the results (tolerance 0: the same computation).
func TestCompareProgress(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	for _, workers := range []int{1, 3} {
		var calls [][2]int
		opt := reform.Options{Years: 30, Workers: workers, Progress: func(done, total int) {
			calls = append(calls, [2]int{done, total}) // the calls come one at a time
		}}
		c, err := reform.Compare(base, fourReforms(), opt)
		if err != nil {
			t.Fatal(err)
		}
		n := len(fourReforms()) + 1
		if len(calls) != n {
			t.Fatalf("workers %d: %d progress calls, want %d", workers, len(calls), n)
		}
		for i, cl := range calls {
			if cl != [2]int{i + 1, n} {
				t.Errorf("workers %d: call %d is %v, want [%d %d]", workers, i, cl, i+1, n)
			}
		}
		opt.Progress = nil
		plain, err := reform.Compare(base, fourReforms(), opt)
		if err != nil {
			t.Fatal(err)
		}
		if plain.Metrics[len(plain.Metrics)-1].GAP != c.Metrics[len(c.Metrics)-1].GAP {
			t.Errorf("workers %d: the progress callback changed the results", workers)
		}
	}
}

// TestCompareContext checks that CompareContext stops between scenarios:
// a context already cancelled runs none, and one cancelled by the first
// scenario's progress report runs no scenario after the running ones.
func TestCompareContext(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ran := 0
	opt := reform.Options{Years: 30, Workers: 1, Progress: func(int, int) { ran++ }}
	if _, err := reform.CompareContext(ctx, base, fourReforms(), opt); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled context: err %v, want context.Canceled", err)
	}
	if ran != 0 {
		t.Errorf("a cancelled context ran %d scenarios", ran)
	}

	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	ran = 0
	opt.Progress = func(int, int) { ran++; cancel() }
	if _, err := reform.CompareContext(ctx, base, fourReforms(), opt); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled during the run: err %v, want context.Canceled", err)
	}
	if ran != 1 {
		t.Errorf("cancelled after the first scenario with one worker: %d ran, want 1", ran)
	}
}
