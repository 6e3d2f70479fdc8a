package reform_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// TestCompareInvalidReformedScheme checks that a reform whose rules pass
// their own checks but not the scheme's (a full-pension age no member can
// reach on the mortality table) fails Compare with the error Apply gives:
// Compare leaves that check to the projector, which must report it as the
// reformed scheme's.
func TestCompareInvalidReformedScheme(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 0)
	r := reform.Reform{Name: "unreachable age", Changes: []reform.Change{
		reform.RulesEdit{Year: base.StartYear + 5, Label: "full pension at 119", Edit: func(ru *scheme.Rules, _ int) error {
			ru.Eligibility.FullAge[actuarial.Female.Index()] = 119
			return nil
		}},
	}}
	_, applyErr := r.Apply(base)
	require.Error(t, applyErr)
	var ce *reform.ChangeError
	require.ErrorAs(t, applyErr, &ce)
	require.Contains(t, applyErr.Error(), "the reformed scheme", "the scheme's check, not the rules' own")

	_, err := reform.Compare(base, []reform.Reform{r}, reform.Options{Years: 20})
	require.Error(t, err)
	assert.Equal(t, applyErr.Error(), err.Error())
	assert.ErrorAs(t, err, &ce)
}
