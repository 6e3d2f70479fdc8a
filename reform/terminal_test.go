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
