package projection_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/mortality"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serValTol is the relative tolerance between a member valuation and the
// projection or seriatim value on their common ground: the models multiply
// the same probabilities, salaries and discount factors in a different
// order (and convert decrements by polynomial integration against a closed
// form), so they differ by rounding.
const serValTol = 1e-9

// serCommonGround is the setting in which a [valuation.Valuer] and a
// [projection.Projector] share every convention: actives leave by death
// (EMSSA-09, also the pensioners' mortality) and withdrawal during the
// year, from independent rates converted under UDD in each single-decrement
// table, or retire on the 65th birthday, which falls on 1 January, with 2%
// of the final three years' average salary a year of service, indexed by
// 2% a year; contributions of 6% by the member and 9% by the employer,
// refunded without interest on withdrawal; no cap, floor or ceiling, no
// disability, survivors or orphans; salaries growing by the reference merit
// scale and 3% wage growth; returns of 4.5%.
type serCommonGround struct {
	scheme *scheme.Scheme
	plan   valuation.Plan
	basis  valuation.Basis
	tables [actuarial.NumSexes]mortality.Table
}

const (
	serRetAge   = 65
	serRate     = 0.045
	serIndex    = 0.02
	serWorker   = 0.06
	serEmployer = 0.09
	serWage     = 0.03
)

func serCommon(tb testing.TB) *serCommonGround {
	tb.Helper()
	men, women := actuarialtest.EMSSA09(tb)
	tables := [actuarial.NumSexes]mortality.Table{men, women}
	const minAge, maxService = 18, 50
	var st [actuarial.NumSexes]*actuarial.ServiceTable
	for sx := range actuarial.NumSexes {
		var rates [actuarial.NumDecrements][]float64
		n := (serRetAge - minAge + 1) * (maxService + 1)
		for _, d := range []actuarial.Decrement{actuarial.Death, actuarial.Withdrawal, actuarial.Retirement} {
			rates[d] = make([]float64, n)
		}
		for age := minAge; age <= serRetAge; age++ {
			for sv := 0; sv <= maxService; sv++ {
				i := (age-minAge)*(maxService+1) + sv
				rates[actuarial.Death][i] = tables[sx].Q(age)
				rates[actuarial.Withdrawal][i] = 0.12 * math.Exp(-0.15*float64(sv))
				if age == serRetAge {
					rates[actuarial.Retirement][i] = 1
				}
			}
		}
		t, err := actuarial.NewServiceTable(minAge, maxService, rates,
			actuarial.DecrementOptions{Basis: actuarial.IndependentRates, Retirement: actuarial.RetireAtStart})
		require.NoError(tb, err)
		st[sx] = t
	}
	formula := actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.02, PerYear: 0.02, Max: 0.80}.Accrual(), ReferenceYears: 3}
	at65 := actuarial.Conditions{{MinAge: serRetAge}}
	elig := actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{at65, at65}}
	salary := actuarialtest.Assumptions(tb).Salary

	c := &serCommonGround{tables: tables}
	c.plan = valuation.Plan{
		Formula:     formula,
		Eligibility: elig,
		Payment:     actuarial.Annuity{Escalation: serIndex},
		Withdrawal:  valuation.WithdrawalBenefit{Refund: true, ContributionRate: serWorker},
	}
	c.basis = valuation.Basis{
		Actives:    st,
		Pensioners: tables,
		Interest:   serRate,
		Salary:     salary,
		WageGrowth: serWage,
	}
	retire := scheme.RetirementRates{Full: actuarial.ByAge{MinAge: serRetAge, Values: []float64{1}}}
	c.scheme = &scheme.Scheme{
		Name:      "common ground",
		StartYear: 2025,
		Groups: []scheme.Group{{Rules: []scheme.Rules{{
			From: 2025,
			ContributionRate: [scheme.NumPayers]actuarial.Schedule{
				scheme.Worker: actuarial.Constant(serWorker), scheme.Employer: actuarial.Constant(serEmployer),
			},
			Eligibility: elig,
			Retirement:  formula,
			RefundShare: 1,
			Indexation:  scheme.IndexFixed,
			IndexRate:   actuarial.Constant(serIndex),
		}}}},
		Assumptions: scheme.Assumptions{
			Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
				scheme.StatusActive: {scheme.PeriodTable{Table: men}, scheme.PeriodTable{Table: women}},
			},
			Decrements: st,
			Retirement: [actuarial.NumSexes]scheme.RetirementRates{retire, retire},
			Salary:     salary,
			WageGrowth: actuarial.Constant(serWage),
			Return:     actuarial.Constant(serRate),
		},
	}
	return c
}

// member is the Valuer's member for a record: the record's contributions to
// date are those the projection estimates for a refund, the worker's rate
// on the past salaries found backwards along the salary scale,
// Σ_{k=1..s} S_{−k} with S_{−k} = S_{−k+1}/(merit(x−k, s−k)·(1+w)).
func (c *serCommonGround) member(r projection.ActiveRecord) valuation.Member {
	var past float64
	s := r.Salary
	for k := 1; k <= r.Service; k++ {
		s /= c.basis.Salary.Merit(r.Age-k, r.Service-k) * (1 + serWage)
		past += s
	}
	return valuation.Member{Sex: r.Sex, Age: r.Age, Service: r.Service, Salary: r.Salary, Contributions: serWorker * past}
}

// annuities returns, for a pension of 1 a year from 65 indexed at 2%, the
// value the Valuer gives it (ä at 65, paid yearly in advance, from the
// library) and the projection's: each year's pension paid mid-year to the
// lives of 1 January less half the year's deaths,
// Σ_j v^{j+½}·(1+g)^j·(_jp_65 + _{j+1}p_65)/2.
func (c *serCommonGround) annuities(sx int) (valuer, projection float64) {
	tb := c.tables[sx]
	valuer = actuarial.Life{Table: tb, Interest: serRate}.AnnuityEPV(serRetAge, actuarial.Annuity{Escalation: serIndex})
	p := 1.0
	for j := 0; serRetAge+j <= census.MaxCensusAge && p > 0; j++ {
		q := tb.Q(serRetAge + j)
		if serRetAge+j == census.MaxCensusAge {
			q = 1
		}
		projection += math.Pow(1+serRate, -(float64(j)+0.5)) * math.Pow(1+serIndex, float64(j)) * p * (1 - 0.5*q)
		p *= 1 - q
	}
	return valuer, projection
}

// TestClosedGroupEqualsMemberValuations: on the common ground of
// serCommonGround, the closed-group projection of a census (3,000 members
// aged 20 to 64 drawn by serCensus), its flows discounted, equals the sum
// of the members' valuations by the Valuer: salaries and PVFS, refunds and
// PVFB[withdrawal], contributions and each payer's rate times the PVFS; and
// old-age pensions and PVFB[retirement] once each member's pension at 65,
// valued by the Valuer as ä_65 (yearly in advance), is valued by the
// projection's convention instead (paid mid-year to the lives of 1 January
// less half the year's deaths): the ratio of the two annuities, which
// retirement at a single age makes the same for every member of a sex. The
// seriatim values agree member by member.
func TestClosedGroupEqualsMemberValuations(t *testing.T) {
	const years = census.MaxCensusAge + 1 - 20 // until the youngest member has died
	c := serCommon(t)
	actC, _ := serCensus(6, 3000, 0)
	act, _ := serRecords(t, actC, nil)
	recs := act[:0]
	for _, r := range act {
		if r.Age >= 20 && r.Age < serRetAge {
			recs = append(recs, r)
		}
	}
	require.Greater(t, len(recs), 2500)
	cells, _ := serCells(t, 1, recs, nil)
	c.scheme.Groups[0].Actives = cells[0]
	proj := serProject(t, c.scheme, years)

	val, err := valuation.NewValuer(&c.plan, &c.basis)
	require.NoError(t, err)
	ser, err := projection.NewSeriatim(c.scheme, years)
	require.NoError(t, err)
	var ratio [actuarial.NumSexes]float64
	for sx := range ratio {
		a, b := c.annuities(sx)
		ratio[sx] = b / a
		// The identity Σ_j v^{j+½}(1+g)^j·(_jp + _{j+1}p)/2 =
		// ½·v^½·ä + ½·v^{−½}·(ä − 1)/(1+g), ä at the escalated rate.
		closed := 0.5*a/math.Sqrt(1+serRate) + 0.5*math.Sqrt(1+serRate)*(a-1)/(1+serIndex)
		assert.InEpsilon(t, closed, b, serValTol, "the projection's annuity from ä")
	}
	var pvfs, wd, ret float64
	for i, r := range recs {
		var m valuation.MemberValuation
		require.NoError(t, val.Value(&m, c.member(r)))
		pvfs += m.PVFS
		wd += m.PVFB[valuation.BenefitWithdrawal]
		retConv := ratio[r.Sex.Index()] * m.PVFB[valuation.BenefitRetirement]
		ret += retConv
		assert.Zero(t, m.PVFB[valuation.BenefitEarly]+m.PVFB[valuation.BenefitDisability]+m.PVFB[valuation.BenefitDeath])
		if i%50 == 0 {
			f, err := ser.Value(r)
			require.NoError(t, err)
			assert.InEpsilon(t, m.PVFS, f.Salaries, serValTol, "record %d salaries", i)
			assert.InEpsilon(t, m.PVFB[valuation.BenefitWithdrawal], f.Refunds, serValTol, "record %d refunds", i)
			assert.InEpsilon(t, retConv, f.Pensions[census.PensionOldAge.Index()], serValTol, "record %d pension", i)
		}
	}
	assert.InEpsilon(t, pvfs, proj.Salaries, serValTol, "salaries")
	assert.InEpsilon(t, serWorker*pvfs, proj.Contributions[scheme.Worker], serValTol, "worker's contributions")
	assert.InEpsilon(t, serEmployer*pvfs, proj.Contributions[scheme.Employer], serValTol, "employer's contributions")
	assert.InEpsilon(t, wd, proj.Refunds, serValTol, "refunds")
	assert.InEpsilon(t, ret, proj.Pensions[census.PensionOldAge.Index()], serValTol, "old-age pensions")
	assert.InEpsilon(t, proj.Benefits(), proj.Refunds+proj.Pensions[census.PensionOldAge.Index()], serValTol, "no other benefit")
	total, err := ser.Total(recs, nil)
	require.NoError(t, err)
	serAssertClose(t, proj, total, serValTol, "seriatim")
}
