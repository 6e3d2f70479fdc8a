package reform_test

import (
	"context"
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTerminalFundingStationary: a stationary population with a closed
// form. N men join at 20 each year on a salary S (no merit, no wage
// growth), none leaves service before 60, when all retire on half their
// salary, b = S/2, not indexed, without survivors' pensions, on EMSSA-09
// men's mortality, at the reference 4.5% return. Once the population is
// stationary (from the 40th year) the salary bill is 40·N·S and N
// pensions are awarded each 1 January, each of capital value b·ä, where ä
// is the engines' annuity paid mid-year at the exposure 1 − q/2 of each
// year,
//
//	ä = Σ_k v^(k+½) ₖp₆₀ (1 − ½q₆₀₊ₖ) = ½ (1+i)^½ ((1+v) ä₆₀ − 1),
//
// ä₆₀ the annuity-due of the actuarial Life API: the terminal-funding
// rate is N·b·ä / (40·N·S) = ä/80.
func TestTerminalFundingStationary(t *testing.T) {
	const tfTol = 1e-12 // relative; a sum of about 50 terms
	const n, sal, years = 1000.0, 60000.0, 50
	s := actuarialtest.ReferenceScheme(t, 65)
	men, _ := actuarialtest.EMSSA09(t)
	none, err := mortality.NewTable(0, make([]float64, census.MaxCensusAge))
	require.NoError(t, err)
	as := &s.Assumptions
	as.Mortality = [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
		scheme.StatusActive:  {scheme.PeriodTable{Table: none}, scheme.PeriodTable{Table: none}},
		scheme.StatusRetired: {scheme.PeriodTable{Table: men}, scheme.PeriodTable{Table: men}},
	}
	as.Decrements = [actuarial.NumSexes]*actuarial.ServiceTable{}
	as.Salary, as.WageGrowth = actuarial.SalaryScale{}, nil
	as.Entrants = scheme.Entrants{Mode: scheme.FixedEntrants, Count: actuarial.Constant(n),
		Profile: []scheme.EntrantProfile{{Sex: actuarial.Male, Age: 20, Weight: 1, Salary: sal}}}
	g := &s.Groups[0]
	g.Actives, g.Pensioners = nil, nil
	r := &g.Rules[0]
	r.Eligibility = actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{{{MinAge: 60}}, {{MinAge: 60}}}}
	r.Retirement = actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{0.5}}}
	r.CompulsoryAge = [actuarial.NumSexes]int{60, 60}
	r.Disability = actuarial.Formula{}
	r.SurvivorShare, r.OrphanShare, r.RefundShare, r.ExtraPayments = 0, 0, 0, 0
	r.Indexation = scheme.IndexNone

	tf, err := reform.TerminalFunding(context.Background(), s, reform.Options{Years: years})
	require.NoError(t, err)
	require.Len(t, tf, years)
	i := as.Return.At(s.StartYear)
	v := 1 / (1 + i)
	due := actuarial.Life{Table: men, Interest: i}.AnnuityDue(60)
	ann := 0.5 * math.Sqrt(1+i) * ((1+v)*due - 1)
	oa := census.PensionOldAge.Index()
	for _, y := range tf[41:] {
		assert.InEpsilon(t, 40*n*sal, y.SalaryBill, tfTol, "%d: salary bill", y.Year)
		assert.InEpsilon(t, n*0.5*sal*ann, y.CapitalValues[oa], tfTol, "%d: capital values", y.Year)
		assert.Equal(t, y.CapitalValues[oa], y.CapitalValue, "%d: old-age pensions only", y.Year)
		assert.InEpsilon(t, ann/80, y.Rate, tfTol, "%d: terminal-funding rate ä/80", y.Year)
	}
	assert.Zero(t, tf[0].Rate, "nobody retires in the first year")

	_, err = reform.TerminalFunding(context.Background(), s, reform.Options{Years: -1})
	assert.ErrorIs(t, err, reform.ErrOptions)
}

// TestTerminalFundingWorkSurvivors: the capital values of pensions awarded
// during the year, on a stationary population whose only benefit is the
// widow's pension of a death at work (projection's
// TestWorkDeathStationary): N men join at 20 on a salary S and meet only
// death at work, at rate q, until 65; a death at age a leaves, with
// probability m, a widow aged a−2 on the next 1 January paid σ·S, not
// indexed, on EMSSA-09 women's mortality. Paid half the year of the
// death, then in payment, the pension's capital value on 1 January of
// that year is
//
//	½ v^½ + v ä(a−2),  ä(y) = ½ (1+i)^½ ((1+v) ä_y − 1)
//
// per unit (ä_y the Life API's annuity-due, ä(y) the engines' mid-year
// annuity at the exposure 1 − q/2), and the salary bill is
// Σ_a N (1−q)^(a−20) S (1 − q/2).
func TestTerminalFundingWorkSurvivors(t *testing.T) {
	const tfTol = 1e-12
	const (
		n, sal, q, m, sigma = 1000.0, 100000.0, 0.002, 0.7, 0.8
		years               = 50
	)
	s := actuarialtest.ReferenceScheme(t, 65)
	_, women := actuarialtest.EMSSA09(t)
	none, err := mortality.NewTable(0, make([]float64, census.MaxCensusAge))
	require.NoError(t, err)
	as := &s.Assumptions
	as.Mortality = [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
		scheme.StatusActive:   {scheme.PeriodTable{Table: none}, scheme.PeriodTable{Table: none}},
		scheme.StatusSurvivor: {scheme.PeriodTable{Table: women}, scheme.PeriodTable{Table: women}},
	}
	col := make([]float64, 70-15+1)
	for i := range col {
		col[i] = q
	}
	var rates [actuarial.NumDecrements][]float64
	rates[actuarial.WorkDeath] = col
	st, err := actuarial.NewServiceTable(15, 0, rates, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(t, err)
	as.Decrements = [actuarial.NumSexes]*actuarial.ServiceTable{st, st}
	as.Salary, as.WageGrowth = actuarial.SalaryScale{}, nil
	as.Entrants = scheme.Entrants{Mode: scheme.FixedEntrants, Count: actuarial.Constant(n),
		Profile: []scheme.EntrantProfile{{Sex: actuarial.Male, Age: 20, Weight: 1, Salary: sal}}}
	as.Family.Married[0] = actuarial.ByAge{Values: []float64{m}}
	as.Family.AgeGap[0] = 3
	g := &s.Groups[0]
	g.Actives, g.Pensioners = nil, nil
	r := &g.Rules[0]
	r.Eligibility = actuarial.Eligibility{}
	r.SurvivorShare, r.OrphanShare, r.RefundShare, r.ExtraPayments = 0, 0, 0, 0
	r.Indexation = scheme.IndexNone
	r.WorkRisks = scheme.WorkRisks{Death: actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}}, SurvivorShare: sigma}

	tf, err := reform.TerminalFunding(context.Background(), s, reform.Options{Years: years})
	require.NoError(t, err)
	i := as.Return.At(s.StartYear)
	v := 1 / (1 + i)
	life := actuarial.Life{Table: women, Interest: i}
	var cv, bill float64
	for a := 20; a <= 64; a++ {
		alive := n * math.Pow(1-q, float64(a-20))
		bill += alive * sal * (1 - 0.5*q)
		ann := 0.5 * math.Sqrt(1+i) * ((1+v)*life.AnnuityDue(a-2) - 1)
		cv += alive * q * m * sigma * sal * (0.5*math.Sqrt(v) + v*ann)
	}
	ws := census.PensionWorkSurvivor.Index()
	for _, y := range tf[46:] {
		assert.InEpsilon(t, bill, y.SalaryBill, tfTol, "%d: salary bill", y.Year)
		assert.InEpsilon(t, cv, y.CapitalValues[ws], tfTol, "%d: capital values of the widows' pensions", y.Year)
		assert.Equal(t, y.CapitalValues[ws], y.CapitalValue, "%d: no other benefit", y.Year)
		assert.InEpsilon(t, cv/bill, y.Rate, tfTol, "%d: rate", y.Year)
	}
}
