package projection_test

import (
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serCensusSumTol is the relative tolerance of TotalCensus against Total
// on the same records: the same values, added within a start cell in
// increasing order of salary instead of in the records' order, as
// TestSeriatimDeterministic's Total against the sum of Values.
const serCensusSumTol = 1e-12

// TestActiveCensus: a census loaded once (ActiveCensus.Load) is valued as
// Total and Liability value its records, to serCensusSumTol, under limits
// on award in two groups with transitions (serTwoGroups), with few service
// cells (MaxService 20, so that records of several services share a start
// cell) and under limits in payment (serBenchInPayment, whose floors bind
// year by year on the lower pensions); and, bit for bit, whatever the
// order of the records, the number of workers or the census loaded into
// the same ActiveCensus before. Once loaded, valuing a census allocates
// nothing per record (only for the fan-out over goroutines), and loading
// it again nothing.
func TestActiveCensus(t *testing.T) {
	actC, penC := serCensus(7, 6000, 1500)
	act, pen := serRecords(t, actC, penC)
	twoGroups := serTwoGroups(t, serKeep, act, pen)
	fewCells := serTwoGroups(t, serKeep, act, pen)
	for g := range fewCells.Groups {
		a := &census.ActiveCells{MaxService: 20}
		a.Count, a.Salary = make([]float64, a.Len()), make([]float64, a.Len())
		fewCells.Groups[g].Actives = a
	}
	inPayment := serBenchInPayment(t)
	one := append([]projection.ActiveRecord(nil), act...)
	for i := range one {
		one[i].Group = 0
	}
	onePen := append([]projection.PensionRecord(nil), pen...)
	for i := range onePen {
		onePen[i].Group = 0
	}
	for _, c := range []struct {
		name string
		s    *scheme.Scheme
		act  []projection.ActiveRecord
		pen  []projection.PensionRecord
	}{
		{"two groups", twoGroups, act, pen},
		{"MaxService 20", fewCells, act, pen},
		{"limits in payment", inPayment, one, onePen},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, err := projection.NewSeriatim(c.s, serYears)
			require.NoError(t, err)
			var ac projection.ActiveCensus
			// Another census first: Load replaces it.
			require.NoError(t, ac.Load(serSynthetic(3, 500)))
			require.NoError(t, ac.Load(c.act))
			assert.Equal(t, len(c.act), ac.Len())
			want, err := v.Total(c.act, c.pen)
			require.NoError(t, err)
			got, err := v.TotalCensus(&ac, c.pen)
			require.NoError(t, err)
			serAssertClose(t, want, got, serCensusSumTol, "TotalCensus against Total")

			shuffled := append([]projection.ActiveRecord(nil), c.act...)
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) {
				shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
			})
			var ac2 projection.ActiveCensus
			require.NoError(t, ac2.Load(shuffled))
			for _, w := range []int{1, 2, 3} {
				v.Workers = w
				again, err := v.TotalCensus(&ac2, c.pen)
				require.NoError(t, err)
				assert.Equal(t, got, again, "shuffled, %d workers", w)
			}

			if !raceEnabled {
				// The goroutines of the fan-out allocate a few times; the
				// records, the cells and a census loaded again do not.
				var double projection.ActiveCensus
				require.NoError(t, double.Load(append(shuffled, c.act...)))
				small := testing.AllocsPerRun(3, func() { _, _ = v.TotalCensus(&ac2, c.pen) })
				large := testing.AllocsPerRun(3, func() { _, _ = v.TotalCensus(&double, c.pen) })
				assert.LessOrEqual(t, large, small, "TotalCensus of twice the records")
				assert.Zero(t, testing.AllocsPerRun(3, func() { _ = ac2.Load(shuffled) }), "Load again")
			}

			lv, err := projection.NewSeriatim(c.s, projection.ClosedGroupYears)
			require.NoError(t, err)
			wantL, err := lv.Liability(c.act, c.pen)
			require.NoError(t, err)
			gotL, err := lv.LiabilityCensus(&ac, c.pen)
			require.NoError(t, err)
			liaAssertClose(t, wantL, gotL, serCensusSumTol, 0, "LiabilityCensus against Liability")
			againL, err := lv.LiabilityCensus(&ac2, c.pen)
			require.NoError(t, err)
			assert.Equal(t, gotL, againL, "shuffled")
		})
	}

	var empty projection.ActiveCensus
	v, err := projection.NewSeriatim(twoGroups, serYears)
	require.NoError(t, err)
	got, err := v.TotalCensus(&empty, nil)
	require.NoError(t, err)
	assert.Equal(t, projection.FlowValues{}, got, "an empty census")
}

// TestActiveCensusBadRecords: Load reports the first bad record by index,
// as Total does, and leaves the census empty; a group the scheme lacks is
// reported when the census is valued, naming the first record of such a
// group.
func TestActiveCensusBadRecords(t *testing.T) {
	s := serTwoGroups(t, serKeep, nil, nil)
	v, err := projection.NewSeriatim(s, 5)
	require.NoError(t, err)
	good := projection.ActiveRecord{Sex: actuarial.Male, Age: 40, Service: 10, Salary: 1000}
	recs := make([]projection.ActiveRecord, 9000)
	for i := range recs {
		recs[i] = good
	}
	var ac projection.ActiveCensus
	bad := recs[5000]
	bad.Service = 41
	recs[8500], recs[5000] = bad, bad
	err = ac.Load(recs)
	var me *valuation.MemberError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, "Service", me.Field)
	assert.ErrorIs(t, err, actuarial.ErrRange)
	assert.ErrorContains(t, err, "active record 5000")
	assert.Equal(t, 0, ac.Len())
	got, err := v.TotalCensus(&ac, nil)
	require.NoError(t, err)
	assert.Equal(t, projection.FlowValues{}, got, "the census left empty")

	recs[8500], recs[5000] = good, good
	recs[7000].Group, recs[6000].Group, recs[100].Group = 3, 2, 1
	require.NoError(t, ac.Load(recs))
	_, err = v.TotalCensus(&ac, nil)
	require.ErrorAs(t, err, &me)
	assert.Equal(t, "Group", me.Field)
	assert.ErrorContains(t, err, "active record 6000")
	_, err = v.LiabilityCensus(&ac, nil)
	assert.ErrorContains(t, err, "active record 6000")
	_, err = v.Total(recs, nil)
	assert.ErrorContains(t, err, "active record 6000", "as Total")
}
