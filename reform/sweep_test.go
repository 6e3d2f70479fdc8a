package reform_test

import (
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// TestCompareMatchesApply: each outcome of a comparison (reforms applied
// in the workers, sharing the base's census, projected by reused
// projectors, rows and summaries written into shared blocks) is, bit for
// bit, the projection of Reform.Apply's scheme by a fresh projector and
// its summary; a sweep included.
func TestCompareMatchesApply(t *testing.T) {
	const years = 30
	base := actuarialtest.ReferenceScheme(t, 65)
	rs := append(fourReforms(), sweep(6)[1:]...) // sweep(6)[0] is the base rate
	c, err := reform.Compare(base, rs, reform.Options{Years: years, Workers: 2})
	require.NoError(t, err)
	for i, r := range rs {
		s, err := r.Apply(base)
		require.NoError(t, err)
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		want, err := p.Run(nil, years)
		require.NoError(t, err)
		assert.Equal(t, want, c.Outcomes[i+1].Result, r.Name)
		// The summary: into the comparison's block of series, at the
		// return curve a worker reuses across scenarios.
		sum, err := indicator.Summarize(nil, want.Flows(nil), indicator.Horizon{})
		require.NoError(t, err)
		assert.Equal(t, sum, c.Outcomes[i+1].Summary, r.Name)
	}
	fresh := actuarialtest.ReferenceScheme(t, 65)
	assert.Equal(t, fresh.Groups[0].Actives, base.Groups[0].Actives, "the base census is untouched")
}

// TestCompareWorkersOfEarlierComparisons: a comparison's workers, kept for
// the next comparisons (their projectors, results and flows), carry
// nothing over: a comparison run after others of another scheme, over
// other years and with the split, is bit for bit the one run before them.
func TestCompareWorkersOfEarlierComparisons(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	opt := reform.Options{Years: 30, Workers: 2, ReserveRatioYears: []int{2040}}
	first, err := reform.Compare(base, fourReforms(), opt)
	require.NoError(t, err)
	other := actuarialtest.ReferenceScheme(t, 0)
	_, err = reform.Compare(other, fourReforms(), reform.Options{Years: 45, Workers: 3})
	require.NoError(t, err)
	_, err = reform.Compare(other, fourReforms()[:1], reform.Options{Years: 12, Workers: 2, WhoGains: &reform.GainsOptions{}})
	require.NoError(t, err)
	again, err := reform.Compare(base, fourReforms(), opt)
	require.NoError(t, err)
	require.Equal(t, first, again)
}

// TestCompareSummariesOnly: with SummariesOnly a comparison's summaries,
// metrics, deltas and gains are, bit for bit, those of the comparison that
// keeps the projections; no outcome has a Result, and the reports that
// read the rows say so (ErrIncompleteOutcome) rather than fail on them.
func TestCompareSummariesOnly(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	rs := append(fourReforms(), sweep(4)[1:]...)
	for _, gains := range []*reform.GainsOptions{nil, {NoServiceBands: true}} {
		opt := reform.Options{Years: 30, Workers: 2, ReserveRatioYears: []int{2040}, WhoGains: gains}
		full, err := reform.Compare(base, rs, opt)
		require.NoError(t, err)
		opt.SummariesOnly = true
		only, err := reform.Compare(base, rs, opt)
		require.NoError(t, err)
		require.Len(t, only.Outcomes, len(full.Outcomes))
		for i := range full.Outcomes {
			assert.Nil(t, only.Outcomes[i].Result, "outcome %d", i)
			assert.Equal(t, full.Outcomes[i].Name, only.Outcomes[i].Name)
			assert.Equal(t, full.Outcomes[i].Summary, only.Outcomes[i].Summary, "outcome %d", i)
		}
		assert.Equal(t, full.Metrics, only.Metrics)
		assert.Equal(t, full.Deltas, only.Deltas)
		assert.Equal(t, full.Gains, only.Gains)
		if gains == nil {
			assert.Nil(t, only.Gains)
		} else {
			assert.Len(t, only.Gains, len(rs))
		}
		err = reform.WriteText(io.Discard, only.Outcomes, reform.ReportOptions{})
		assert.ErrorIs(t, err, reform.ErrIncompleteOutcome)
	}
}

// TestCompareInto: a comparison written into an earlier one's memory is,
// bit for bit, the comparison Compare returns afresh, whatever the earlier
// one was (fewer or more scenarios, other years, summaries only, who
// gains, a failed comparison), and it reuses that memory where it is
// large enough: the base's rows stay where they were.
func TestCompareInto(t *testing.T) {
	ctx := context.Background()
	base := actuarialtest.ReferenceScheme(t, 65)
	opt := reform.Options{Years: 30, Workers: 2, ReserveRatioYears: []int{2040}}
	many := append(fourReforms(), sweep(6)[1:]...)
	c, err := reform.CompareInto(ctx, nil, base, many, opt)
	require.NoError(t, err)
	first := &c.Outcomes[0].Result.Years[0]
	bad := reform.Reform{Name: "bad", Changes: []reform.Change{
		reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: -1}}}
	for _, step := range []struct {
		name    string
		reforms []reform.Reform
		opt     reform.Options
		reused  bool // the base's rows where the first comparison's were
	}{
		{"fewer", fourReforms()[:2], opt, true},
		{"more", append(many, sweep(3)[1:]...), opt, false},
		{"other years", fourReforms(), reform.Options{Years: 45, Workers: 3}, true},
		{"summaries only", many, reform.Options{Years: 30, Workers: 2, SummariesOnly: true}, false},
		{"who gains", fourReforms()[:1], reform.Options{Years: 12, Workers: 2, WhoGains: &reform.GainsOptions{}}, false},
		{"failed", []reform.Reform{fourReforms()[0], bad}, opt, false},
		{"again", many, opt, false},
	} {
		want, wantErr := reform.Compare(base, step.reforms, step.opt)
		got, err := reform.CompareInto(ctx, c, base, step.reforms, step.opt)
		if wantErr != nil {
			require.EqualError(t, err, wantErr.Error(), step.name)
			assert.Nil(t, got, step.name)
			continue
		}
		require.NoError(t, err, step.name)
		require.Same(t, c, got, step.name)
		assert.Equal(t, want.Outcomes, got.Outcomes, step.name)
		assert.Equal(t, want.Metrics, got.Metrics, step.name)
		assert.Equal(t, want.Deltas, got.Deltas, step.name)
		assert.Equal(t, want.ReserveRatioYears, got.ReserveRatioYears, step.name)
		assert.Equal(t, want.Gains, got.Gains, step.name)
		if step.reused {
			assert.Same(t, first, &got.Outcomes[0].Result.Years[0], step.name)
		}
		if r := got.Outcomes[0].Result; r != nil && step.opt.WhoGains == nil {
			first = &r.Years[0]
		}
	}
}
