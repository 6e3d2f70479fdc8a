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
