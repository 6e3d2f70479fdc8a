package projection_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSeriatimFloorInPayment: a minimum pension is a guarantee every year
// in payment in the seriatim engine too. On floorScheme (an old-age
// pension at 70 of 0.9 units, indexed at 3% under a floor of one unit
// growing at 3.5%) a pension record is paid the floor every year, so its
// value is, in closed form, Σₖ v^(k+½)·ℓₖ·(1 − qₖ/2)·u₀·1.035ᵏ with ℓₖ the
// probability of being alive on 1 January of year k, qₖ the year's
// mortality from the scheme's table and v = 1/1.045; and what the
// guarantee adds to the value under LimitsAtAward is the top-up,
// Σₖ v^(k+½)·ℓₖ·(1 − qₖ/2)·(u₀·1.035ᵏ − 0.9·u₀·1.03ᵏ), with ExtraPayments
// on it and on the survivors' pensions it raises. The projection by cells of the same 100
// pensions, identical so that their average is each, agrees with 100 times
// the record in every flow (survivors' pensions on the pension paid
// included).
func TestSeriatimFloorInPayment(t *testing.T) {
	const tol = 1e-12 // a few products a year over ten years
	const years = 10
	s := floorScheme(t)
	u0 := s.Assumptions.Unit
	rec := projection.PensionRecord{Type: census.PensionOldAge, Sex: actuarial.Male, Age: 70, Pension: 0.9 * u0}
	value := func(s *scheme.Scheme) projection.FlowValues {
		v, err := projection.NewSeriatim(s, years)
		require.NoError(t, err)
		f, err := v.ValuePension(rec)
		require.NoError(t, err)
		return f
	}
	got := value(s)
	award := floorScheme(t)
	award.Groups[0].Rules[0].Limits = scheme.LimitsAtAward
	atAward := value(award)

	// The retired's table, or the actives' it falls back to.
	tb := s.Assumptions.Mortality[scheme.StatusRetired][actuarial.Male.Index()]
	if tb == nil {
		tb = s.Assumptions.Mortality[scheme.StatusActive][actuarial.Male.Index()]
	}
	var paid, topUp float64
	alive := 1.0
	for k := range years {
		q := tb.Q(70+k, s.StartYear+k)
		w := math.Pow(1.045, -(float64(k)+0.5)) * alive * (1 - q/2)
		floor := u0 * math.Pow(1.035, float64(k))
		paid += w * floor
		topUp += w * (floor - 0.9*u0*math.Pow(1.03, float64(k)))
		alive *= 1 - q
	}
	oa := census.PensionOldAge.Index()
	assert.InEpsilon(t, paid, got.Pensions[oa], tol, "pensions paid at the floor")
	assert.InEpsilon(t, topUp, got.Pensions[oa]-atAward.Pensions[oa], tol, "the guarantee's top-up")
	// The extra payments follow every pension paid, the survivors' and
	// orphans' that the top-up raises included.
	extra := s.Groups[0].Rules[0].ExtraPayments
	require.Positive(t, extra)
	assert.InEpsilon(t, extra*(got.TotalPensions()-atAward.TotalPensions()), got.ExtraPayments-atAward.ExtraPayments, tol, "extra payments on the top-up")
	assert.Greater(t, got.Pensions[census.PensionSurvivor.Index()], atAward.Pensions[census.PensionSurvivor.Index()], "survivors' pensions follow the pension paid")

	want := serProject(t, s, years)
	got100 := got
	for _, f := range []*float64{&got100.Salaries, &got100.ExtraPayments, &got100.Refunds} {
		*f *= 100
	}
	for i := range got100.Pensions {
		got100.Pensions[i] *= 100
	}
	for i := range got100.Contributions {
		got100.Contributions[i] *= 100
	}
	serAssertClose(t, want, got100, serExactTol, "cells against 100 records")
}

// TestSeriatimLimitsInPaymentMatchCells: under scheme.LimitsInPayment the
// seriatim engine and the projection by cells agree (to serExactTol) on a
// census where the floor binds for every member alike: floors of 100
// units on retirement and disability pensions, no cap or ceiling, on the
// two groups of serTwoGroups (one indexed to prices, its reform's wage
// indexation included, so that the floor, growing with the unit, outgrows
// every pension in payment; the other indexed to the unit). Every pension awarded or in payment is then paid
// the floor, in the cells as for each record, so that the cells' averages
// are the records' own amounts; the seriatim value of an award is its
// value as awarded and indexed plus the top-ups of the years in payment.
// The accrued liability of the records, valued record by record, is that
// of the cells likewise.
func TestSeriatimLimitsInPaymentMatchCells(t *testing.T) {
	actC, penC := serCensus(11, 4000, 2000)
	act, pen := serRecords(t, actC, penC)
	high := func(r scheme.Rules) scheme.Rules {
		r = serNoLimits(r)
		r.Retirement.Floor = actuarial.Limit{Units: 100}
		r.Disability.Floor = actuarial.Limit{Units: 100}
		if r.Indexation == scheme.IndexWages {
			// Wages (4%) outgrow the floor (3.5%): a pension would leave
			// the floor at a time that depends on its award, and the
			// cells, which merge awards, would no longer be exact.
			r.Indexation = scheme.IndexPrices
		}
		return r
	}
	s := serTwoGroups(t, high, act, pen)
	for g := range s.Groups {
		for i := range s.Groups[g].Rules {
			s.Groups[g].Rules[i].Limits = scheme.LimitsInPayment
		}
	}
	v, err := projection.NewSeriatim(s, serYears)
	require.NoError(t, err)
	got, err := v.Total(act, pen)
	require.NoError(t, err)
	want := serProject(t, s, serYears)
	serAssertClose(t, want, got, serExactTol, "seriatim against cells")

	// The guarantee matters: at award only, the pensions are worth less.
	award := serTwoGroups(t, high, act, pen)
	va, err := projection.NewSeriatim(award, serYears)
	require.NoError(t, err)
	ga, err := va.Total(act, pen)
	require.NoError(t, err)
	assert.Greater(t, got.TotalPensions(), ga.TotalPensions()*1.01, "floors in payment add more than 1%%")

	lv, err := projection.NewSeriatim(s, projection.ClosedGroupYears)
	require.NoError(t, err)
	rec, err := lv.Liability(act, pen)
	require.NoError(t, err)
	cells, err := lv.CellLiability()
	require.NoError(t, err)
	for name, pair := range map[string][2]float64{
		"PUC":        {cells.PUC.Total(), rec.PUC.Total()},
		"TUC":        {cells.TUC.Total(), rec.TUC.Total()},
		"PVFB":       {cells.PVFB.Total(), rec.PVFB.Total()},
		"normal":     {cells.NormalCost, rec.NormalCost},
		"pensioners": {cells.Pensioners.Total(), rec.Pensioners.Total()},
	} {
		assert.InEpsilon(t, pair[0], pair[1], serExactTol, name)
	}
	assert.Greater(t, rec.Total(), 0.0)
}
