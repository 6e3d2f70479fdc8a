package reform_test

import (
	"context"
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLongCallsCancelled: every long call of reform returns ctx.Err() under
// a cancelled context, and the same call under a live one succeeds.
func TestLongCallsCancelled(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	r := reform.Reform{Name: "raise", Changes: []reform.Change{
		reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.12},
	}}
	opt := reform.Options{Years: 10}
	dead, cancel := context.WithCancel(context.Background())
	cancel()
	calls := map[string]func(ctx context.Context) error{
		"AttributeContext": func(ctx context.Context) error {
			_, err := reform.AttributeContext(ctx, base, r, opt)
			return err
		},
		"SensitivityContext": func(ctx context.Context) error {
			_, err := reform.SensitivityContext(ctx, base, reform.Shocks{Returns: 0.01}, opt)
			return err
		},
		"CompareContext": func(ctx context.Context) error {
			_, err := reform.CompareContext(ctx, base, []reform.Reform{r}, opt)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			assert.ErrorIs(t, call(dead), context.Canceled)
			require.NoError(t, call(context.Background()))
		})
	}
}

// TestCompareProgress: Options.Progress is called once a scenario, one call
// at a time, done counting up to the total.
func TestCompareProgress(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	var reforms []reform.Reform
	for i, rate := range []float64{0.11, 0.12, 0.13} {
		reforms = append(reforms, reform.Reform{Name: string(rune('a' + i)), Changes: []reform.Change{
			reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: rate},
		}})
	}
	var calls [][2]int
	opt := reform.Options{Years: 5, Workers: 2, Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
	_, err := reform.Compare(base, reforms, opt)
	require.NoError(t, err)
	require.Len(t, calls, 4, "the base and three reforms")
	for i, c := range calls {
		assert.Equal(t, [2]int{i + 1, 4}, c)
	}
}
