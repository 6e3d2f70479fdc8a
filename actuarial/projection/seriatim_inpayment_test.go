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
	assert.InEpsilon(t, topUp, got.MinimumTopUp, tol, "the top-up shown apart")
	assert.Zero(t, atAward.MinimumTopUp, "a census pension is its own amount")
	// The extra payments follow every pension paid, the survivors' and
	// orphans' that the top-up raises included.
	extra := s.Groups[0].Rules[0].ExtraPayments
	require.Positive(t, extra)
	assert.InEpsilon(t, extra*(got.TotalPensions()-atAward.TotalPensions()), got.ExtraPayments-atAward.ExtraPayments, tol, "extra payments on the top-up")
	assert.Greater(t, got.Pensions[census.PensionSurvivor.Index()], atAward.Pensions[census.PensionSurvivor.Index()], "survivors' pensions follow the pension paid")

	want := serProject(t, s, years)
	got100 := got
	serScale(&got100, 100)
	serAssertClose(t, want, got100, serExactTol, "cells against 100 records")
}

// TestSeriatimLimitsInPaymentMatchCells: under scheme.LimitsInPayment the
// seriatim engine and the projection by cells agree (to serExactTol) on a
// census where the floor binds for every member alike: floors of 100
// units on retirement and disability pensions (women's own, 150 and 120
// units), no cap or ceiling, on the
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
		// Women's own floors (scheme.SexRules), as high above every
		// pension.
		r.BySex[actuarial.Female.Index()].RetirementFloor = actuarial.Limit{Units: 150}
		r.BySex[actuarial.Female.Index()].DisabilityFloor = actuarial.Limit{Units: 120}
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

// TestLimitsBySex: caps and floors by sex (scheme.SexRules) in both
// engines. On floorScheme with a cell of 100 pensions of 0.9 units at 70
// for each sex, a floor of one unit for men and women's own of 1.2 units
// (both growing at 3.5%, above the pensions indexed at 3%), each year of
// the projection by cells pays, in closed form,
// Σ_sex 100·ℓ·(1 − q/2)·floor_sex·1.035ᵏ (ℓ the survivors of the sex's
// table, q its rate); a record of each sex is worth, discounted at 4.5%,
// its sex's floor every year; and women's own cap of 0.5 units (with their
// own floor of 0.4), below the pensions, caps them from the first year
// (LimitsInPayment) instead.
func TestLimitsBySex(t *testing.T) {
	const tol = 1e-12 // a few products a year over ten years
	const years = 10
	s := floorScheme(t)
	u0 := s.Assumptions.Unit
	pc := s.Groups[0].Pensioners
	i := pc.Index(census.PensionOldAge, actuarial.Female, 70)
	pc.Count[i], pc.Pension[i] = 100, 100*0.9*u0
	s.Groups[0].Rules[0].BySex[actuarial.Female.Index()].RetirementFloor = actuarial.Limit{Units: 1.2}
	require.NoError(t, s.Validate())

	table := func(sx int) scheme.YearTable {
		tb := s.Assumptions.Mortality[scheme.StatusRetired][sx]
		if tb == nil {
			tb = s.Assumptions.Mortality[scheme.StatusActive][sx]
		}
		return tb
	}
	floors := [actuarial.NumSexes]float64{1, 1.2}
	// paid[k] by closed form; pv[sex]: one record's value.
	var paid [years]float64
	var pv [actuarial.NumSexes]float64
	for sx := range actuarial.NumSexes {
		tb, alive := table(sx), 1.0
		for k := range years {
			q := tb.Q(70+k, s.StartYear+k)
			floor := floors[sx] * u0 * math.Pow(1.035, float64(k))
			paid[k] += 100 * alive * (1 - q/2) * floor
			pv[sx] += math.Pow(1.045, -(float64(k)+0.5)) * alive * (1 - q/2) * floor
			alive *= 1 - q
		}
	}
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	oa := census.PensionOldAge.Index()
	for k, y := range res.Years {
		assert.InEpsilon(t, paid[k], y.Pensions[oa], tol, "cells, year %d", y.Year)
	}
	v, err := projection.NewSeriatim(s, years)
	require.NoError(t, err)
	for sx := range actuarial.NumSexes {
		f, err := v.ValuePension(projection.PensionRecord{Type: census.PensionOldAge, Sex: actuarial.SexAt(sx), Age: 70, Pension: 0.9 * u0})
		require.NoError(t, err)
		assert.InEpsilon(t, pv[sx], f.Pensions[oa], tol, "seriatim, sex %d", sx)
	}

	// Women's own cap below the pension caps it every year: the value is
	// that of the cap, 0.5 units growing at 3.5%, men's unchanged.
	capped := floorScheme(t)
	// (A floor above a cap wins, so women's own floor goes below it.)
	capped.Groups[0].Rules[0].BySex[actuarial.Female.Index()].RetirementCap = actuarial.Limit{Units: 0.5}
	capped.Groups[0].Rules[0].BySex[actuarial.Female.Index()].RetirementFloor = actuarial.Limit{Units: 0.4}
	cv, err := projection.NewSeriatim(capped, years)
	require.NoError(t, err)
	women, err := cv.ValuePension(projection.PensionRecord{Type: census.PensionOldAge, Sex: actuarial.Female, Age: 70, Pension: 0.9 * u0})
	require.NoError(t, err)
	men, err := cv.ValuePension(projection.PensionRecord{Type: census.PensionOldAge, Sex: actuarial.Male, Age: 70, Pension: 0.9 * u0})
	require.NoError(t, err)
	assert.InEpsilon(t, pv[actuarial.Female.Index()]*0.5/1.2, women.Pensions[oa], tol, "women capped")
	assert.InEpsilon(t, pv[actuarial.Male.Index()], men.Pensions[oa], tol, "men at their floor")
}
