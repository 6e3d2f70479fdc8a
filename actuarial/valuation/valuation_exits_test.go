package valuation_test

import (
	"math"
	"sync"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/mortality"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValuationDeathLumpSum checks the timing of deaths in service: with
// death the only decrement before retirement, a lump sum of one salary
// paid at mid-year on death is S·(1+i)^½·A¹_{x:n}, the term insurance paid
// at the end of the year brought back half a year (an analytic identity),
// checked against Life.TermInsurance on the SULT at 5% and the ILT at 6%.
func TestValuationDeathLumpSum(t *testing.T) {
	for _, c := range []struct {
		name string
		tbl  mortality.Table
		i    float64
	}{{"SULT 5%", actuarialtest.SULT(t), 0.05}, {"ILT 6%", actuarialtest.ILT(t), 0.06}} {
		t.Run(c.name, func(t *testing.T) {
			const x, R, salary = 40, 65, 1000.0
			plan := valuation.Plan{Death: valuation.DeathBenefit{SalaryMultiple: 1}}
			basis := valuation.Basis{
				Actives:    bothSexes(retirementOnly(t, c.tbl, x, R)),
				Pensioners: bothSexes(c.tbl),
				Interest:   c.i,
			}
			v, err := valuation.NewValuer(&plan, &basis)
			require.NoError(t, err)
			r := valueMember(t, v, valuation.Member{Sex: actuarial.Male, Age: x, Service: 5, Salary: salary})
			life := actuarial.Life{Table: c.tbl, Interest: c.i}
			want := salary * math.Sqrt(1+c.i) * life.TermInsurance(x, R-x)
			assert.InEpsilon(t, want, r.PVFB[valuation.BenefitDeath], closedForm)
			assert.InEpsilon(t, want, r.TotalPVFB(), closedForm, "nothing else is valued")
		})
	}
}

// TestValuationMidYearExits checks the disability, survivor's and refund
// benefits of exits during the year against their closed forms (AMLCR 2nd
// ed. §10.5–10.6: exits at mid-year, annuities from mid-year valued as
// ½(ä_y + ä_{y+1})), on a service table of dependent probabilities: SULT
// deaths, 1% disability and 3% withdrawal a year, retirement at 65 (with
// no pension, so with the refund). The sums are written out here from the
// formulas, apart from the Valuer.
func TestValuationMidYearExits(t *testing.T) {
	const (
		x0, R       = 30, 65
		x, s        = 40, 8
		salary      = 40000.0
		i, w        = 0.05, 0.025
		qi, qw      = 0.01, 0.03
		disAccrual  = 0.01
		survAccrual = 0.005
		married     = 0.75
		gap         = 3
		c0          = 12000.0 // contributions to date
		cr, j       = 0.06, 0.02
	)
	tbl := actuarialtest.SULT(t)
	dis, err := mortality.SetBack(tbl, -5)
	require.NoError(t, err)
	n := R - x0 + 1
	var rates [actuarial.NumDecrements][]float64
	for j := range rates {
		rates[j] = make([]float64, n)
	}
	for k := 0; k < n-1; k++ {
		rates[actuarial.Death][k] = tbl.Q(x0 + k)
		rates[actuarial.Disability][k] = qi
		rates[actuarial.Withdrawal][k] = qw
	}
	rates[actuarial.Retirement][n-1] = 1
	st, err := actuarial.NewServiceTable(x0, 0, rates, actuarial.DecrementOptions{Retirement: actuarial.RetireAtStart})
	require.NoError(t, err)
	plan := valuation.Plan{
		Payment:    actuarial.Annuity{PerYear: 12, Escalation: 0.01},
		Disability: valuation.DisabilityBenefit{Formula: actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 0, AtMin: 0, PerYear: disAccrual, Max: 1}.Accrual()}},
		Death:      valuation.DeathBenefit{Survivor: actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 0, AtMin: 0, PerYear: survAccrual, Max: 1}.Accrual()}},
		Withdrawal: valuation.WithdrawalBenefit{Refund: true, ContributionRate: cr, RefundInterest: j},
	}
	basis := valuation.Basis{
		Actives:    bothSexes(st),
		Pensioners: bothSexes[mortality.Table](tbl),
		Disabled:   bothSexes[mortality.Table](dis),
		Interest:   i,
		WageGrowth: w,
		Married:    bothSexes(married),
		AgeGap:     bothSexes(gap),
	}
	v, err := valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	r := valueMember(t, v, valuation.Member{Sex: actuarial.Male, Age: x, Service: s, Salary: salary, Contributions: c0})

	disLife := actuarial.Life{Table: dis, Interest: i}
	spLife := actuarial.Life{Table: tbl, Interest: i}
	var wantDis, wantDeath, wantRefund float64
	P := 1.0
	for k := 0; x+k < R; k++ {
		y := x + k
		S := salary * math.Pow(1+w, float64(k))
		disc := math.Pow(1+i, -(float64(k) + 0.5))
		qd := tbl.Q(y)
		aDis := 0.5 * (disLife.AnnuityEPV(y, plan.Payment) + disLife.AnnuityEPV(y+1, plan.Payment))
		aSp := 0.5 * (spLife.AnnuityEPV(y-gap, plan.Payment) + spLife.AnnuityEPV(y+1-gap, plan.Payment))
		wantDis += P * qi * disc * disAccrual * float64(s+k) * S * aDis
		wantDeath += P * qd * disc * married * survAccrual * float64(s+k) * S * aSp
		// Contributions at mid-year of each past year, credited to the
		// exit; half a year's, without interest, in the year of exit.
		bal := c0 * math.Pow(1+j, float64(k)+0.5)
		for l := 0; l < k; l++ {
			bal += cr * salary * math.Pow(1+w, float64(l)) * math.Pow(1+j, float64(k-l))
		}
		bal += 0.5 * cr * S
		wantRefund += P * qw * disc * bal
		P *= 1 - qd - qi - qw
	}
	// At 65 everyone left retires with no pension, so with the refund.
	k := R - x
	bal := c0 * math.Pow(1+j, float64(k))
	for l := 0; l < k; l++ {
		bal += cr * salary * math.Pow(1+w, float64(l)) * math.Pow(1+j, float64(k-l)-0.5)
	}
	wantRefund += P * math.Pow(1+i, -float64(k)) * bal
	assert.InEpsilon(t, wantDis, r.PVFB[valuation.BenefitDisability], closedForm, "disability")
	assert.InEpsilon(t, wantDeath, r.PVFB[valuation.BenefitDeath], closedForm, "death")
	assert.InEpsilon(t, wantRefund, r.PVFB[valuation.BenefitWithdrawal], closedForm, "refund, including at 65")
	assert.Zero(t, r.PVFB[valuation.BenefitRetirement], "no retirement pension is provided")
}

// TestValuationFinalAverage checks the reference salary of a final
// three-year average plan against closed forms (AMLCR 2nd ed. §10.3): with
// salaries growing at g a year, the average of the last three salaries to
// year k is S_k·(1 + 1/g + 1/g²)/3, and TUC takes it at k = 0, PUC at
// retirement; a member with only two years of service averages two.
func TestValuationFinalAverage(t *testing.T) {
	tbl := actuarialtest.SULT(t)
	const R, i, w, salary = 65, 0.05, 0.04, 1000.0
	plan := valuation.Plan{
		Formula:     actuarial.Formula{Accrual: actuarial.LinearAccrual{MinService: 0, AtMin: 0, PerYear: 0.02, Max: 1}.Accrual(), ReferenceYears: 3},
		Eligibility: actuarial.Eligibility{Full: bothSexes(actuarial.Conditions{{MinAge: R}})},
	}
	for _, c := range []struct {
		x, s  int
		years float64 // years averaged at the valuation date
	}{{50, 10, 3}, {50, 2, 2}, {50, 0, 1}} {
		basis := valuation.Basis{
			Actives:    bothSexes(retirementOnly(t, tbl, c.x-c.s, R)),
			Pensioners: bothSexes[mortality.Table](tbl),
			Interest:   i,
			WageGrowth: w,
		}
		v, err := valuation.NewValuer(&plan, &basis)
		require.NoError(t, err)
		r := valueMember(t, v, valuation.Member{Sex: actuarial.Male, Age: c.x, Service: c.s, Salary: salary})
		g := 1 + w
		avg := func(years float64) float64 {
			sum := 0.0
			for l := 0.0; l < years; l++ {
				sum += math.Pow(g, -l)
			}
			return sum / years
		}
		n := R - c.x
		life := actuarial.Life{Table: tbl, Interest: i}
		ea := life.PureEndowment(c.x, n) * life.AnnuityDue(R)
		refR := salary * math.Pow(g, float64(n)) * avg(3)
		ref0 := salary * avg(c.years)
		assert.InEpsilon(t, 0.02*float64(c.s+n)*refR*ea, r.PVFB[valuation.BenefitRetirement], closedForm, "PVFB x=%d s=%d", c.x, c.s)
		assert.InDelta(t, 0.02*float64(c.s)*refR*ea, r.AL[valuation.PUC], closedForm*refR, "AL PUC x=%d s=%d", c.x, c.s)
		assert.InDelta(t, 0.02*float64(c.s)*ref0*ea, r.AL[valuation.TUC], closedForm*refR, "AL TUC x=%d s=%d", c.x, c.s)
		assert.InDelta(t, 0.02*float64(c.s)*ref0, r.AccruedTUC, closedForm*refR, "accrued TUC x=%d s=%d", c.x, c.s)
	}
}

// TestValuationLimits runs the funding identities of
// TestValuationIdentities on a plan whose pensions are capped in money and
// floored in units of a reference unit (so that the EAN rate is not cached
// and the TUC liability freezes the unit): AL + NC = ExitsInYear +
// v·p^(τ)·AL a year on, with the unit a year on grown by wage growth.
func TestValuationLimits(t *testing.T) {
	plan := testPlan()
	plan.Formula.Cap = actuarial.Limit{Money: 25000}
	plan.Formula.Floor = actuarial.Limit{Units: 0.4}
	basis := testBasis(t, actuarial.RetireAtStart)
	basis.Unit = 20000
	st := basis.Actives[0]
	m := valuation.Member{Sex: actuarial.Male, Age: 30, Service: 4, Salary: 45000}
	for m.Age < 65 {
		v, err := valuation.NewValuer(&plan, &basis)
		require.NoError(t, err)
		r := valueMember(t, v, m)
		next := m
		w := &plan.Withdrawal
		next.Contributions = m.Contributions*(1+w.RefundInterest) + w.ContributionRate*m.Salary*math.Sqrt(1+w.RefundInterest)
		next.Salary *= basis.Salary.Merit(m.Age, m.Service) * (1 + basis.WageGrowth)
		next.Age++
		next.Service++
		nb := basis
		nb.Unit *= 1 + basis.WageGrowth
		nv, err := valuation.NewValuer(&plan, &nb)
		require.NoError(t, err)
		rn := valueMember(t, nv, next)
		vp := (1 - st.QTotal(m.Age, m.Service)) / (1 + basis.Interest)
		for f := range valuation.NumFundingMethods {
			assert.InDelta(t, r.ExitsInYear+vp*rn.AL[f], r.AL[f]+r.NC[f], recursionTol*r.TotalPVFB(), "age %d %v", m.Age, valuation.FundingMethod(f))
		}
		m = next
		basis = nb
	}
}

// TestValuerClone values the same members in goroutines on clones (run
// with -race): every clone gives the original's answers.
func TestValuerClone(t *testing.T) {
	plan := testPlan()
	basis := testBasis(t, actuarial.RetireDuringYear)
	v, err := valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	ms := syntheticMembers(200)
	want := make([]valuation.MemberValuation, len(ms))
	for k := range ms {
		require.NoError(t, v.Value(&want[k], ms[k]))
	}
	var wg sync.WaitGroup
	got := make([][]valuation.MemberValuation, 4)
	for g := range got {
		c := v.Clone()
		got[g] = make([]valuation.MemberValuation, len(ms))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range ms {
				if err := c.Value(&got[g][k], ms[k]); err != nil {
					panic(err)
				}
			}
		}()
	}
	wg.Wait()
	for g := range got {
		assert.Equal(t, want, got[g])
	}
}

// TestValuationZeroSalary checks a member with no salary: the PVFS and
// the salary-related benefits are 0, the EAN liability is the PVFB.
func TestValuationZeroSalary(t *testing.T) {
	plan := testPlan()
	basis := testBasis(t, actuarial.RetireAtStart)
	v, err := valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	r := valueMember(t, v, valuation.Member{Sex: actuarial.Female, Age: 40, Service: 10, Contributions: 5000})
	assert.Zero(t, r.PVFS)
	assert.Zero(t, r.PVFB[valuation.BenefitRetirement])
	assert.Greater(t, r.PVFB[valuation.BenefitWithdrawal], 0.0, "the refund of past contributions")
	assert.Equal(t, r.TotalPVFB(), r.AL[valuation.EAN])
}

// TestValuationIllustrativeServiceTable values lump sums on the first six
// ages of Bowers' Illustrative Service Table (Bowers et al., Actuarial
// Mathematics, 2nd ed., Table 11.3.1, ages 30–35; testdata/service) at 6%:
// 1 paid at mid-year on death in service and a refund of a fixed balance
// on withdrawal (and, with no pension provided, on the retirement of every
// member left at 36, above the table, during that year as the table's
// RetireDuringYear says). The expected values are written from the printed
// columns: Σ_k d^(j)_{30+k}/l^(τ)_30·v^{k+½}, and l^(τ)_36/l^(τ)_30·v^6.5
// for the members left at 36.
func TestValuationIllustrativeServiceTable(t *testing.T) {
	const (
		i       = 0.06
		balance = 1000.0
		tol     = 1e-12 // relative: float round-off of a dozen terms
	)
	rows := actuarialtest.IllustrativeServiceTable(t)
	var rates [actuarial.NumDecrements][]float64
	for j := range rates {
		for _, row := range rows {
			rates[j] = append(rates[j], row.D[j]/row.L)
		}
	}
	st, err := actuarial.NewServiceTable(30, 0, rates, actuarial.DecrementOptions{})
	require.NoError(t, err)
	plan := valuation.Plan{
		Death:      valuation.DeathBenefit{SalaryMultiple: 1},
		Withdrawal: valuation.WithdrawalBenefit{Refund: true},
	}
	basis := valuation.Basis{
		Actives:    bothSexes(st),
		Pensioners: bothSexes[mortality.Table](actuarialtest.ILT(t)),
		Interest:   i,
	}
	v, err := valuation.NewValuer(&plan, &basis)
	require.NoError(t, err)
	r := valueMember(t, v, valuation.Member{Sex: actuarial.Male, Age: 30, Salary: 1, Contributions: balance})

	var death, wd float64
	l30 := rows[0].L
	last := rows[len(rows)-1]
	left := last.L
	for k, row := range rows {
		disc := math.Pow(1+i, -(float64(k) + 0.5))
		death += row.D[actuarial.Death] / l30 * disc
		wd += balance * row.D[actuarial.Withdrawal] / l30 * disc
	}
	for _, d := range last.D {
		left -= d
	}
	wd += balance * left / l30 * math.Pow(1+i, -(float64(len(rows))+0.5))
	assert.InEpsilon(t, death, r.PVFB[valuation.BenefitDeath], tol, "death")
	assert.InEpsilon(t, wd, r.PVFB[valuation.BenefitWithdrawal], tol, "withdrawal")
}
