package reform_test

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
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
