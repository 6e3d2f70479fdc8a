// Command valuation values the active members of a final-average-salary
// defined-benefit plan under the traditional and projected unit credit
// methods (TUC, PUC) and entry age normal (EAN), as a worked textbook
// example:
//
//  1. one member, aged 40 with 10 years of service and a salary of 50,000:
//     the accrued pension, the present value of future benefits by kind and
//     of future salaries, and the accrued liability and normal cost under
//     each method;
//  2. a portfolio of 1,000 synthetic members drawn with a fixed seed,
//     valued with one Valuer cloned for each goroutine, and its totals;
//  3. the identities the valuation satisfies, printed with their
//     residuals: no accrued liability at entry, the unit-credit recursion
//     AL + NC = (this year's exits) + v·p·(AL a year on), and the value at
//     entry of a career's normal costs equal to the benefits' value then.
//
// The basis is AMLCR's Standard Ultimate Life Table (Dickson, Hardy &
// Waters, Actuarial Mathematics for Life Contingent Risks, 2nd ed.,
// Appendix D) at 5% interest, with withdrawal and retirement rates and a
// salary scale that are illustrative: they are set in this file, not taken
// from a published table.
//
// Run it from the repository root:
//
//	go run ./examples/valuation
//
// It reads no files (the basis is built in code) and takes well under a
// second.
package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/mortality"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "valuation example:", err)
		os.Exit(1)
	}
}

// The valuation basis and the plan.
const (
	interest   = 0.05  // annual effective rate of discount
	wageGrowth = 0.03  // general growth of salaries a year, on top of merit
	minAge     = 25    // the youngest age in the service table: members join from 25
	retireAge  = 65    // normal retirement age: everyone still active retires on this birthday
	earlyAge   = 60    // the earliest retirement age
	accrual    = 0.015 // pension per year of service, a fraction of the final average salary
	finalYears = 3     // years averaged for the final average salary
	earlyCut   = 0.04  // early-retirement reduction for each year before 65
	reversion  = 0.5   // share of a pension that continues to a surviving spouse
	deathLump  = 1.0   // death-in-service lump sum, in multiples of the salary
	vesting    = 5     // years of service for a deferred pension on withdrawal
	revaluing  = 0.02  // yearly revaluation of deferred pensions before 65
)

// The member of section 1.
var member = valuation.Member{Sex: actuarial.Male, Age: 40, Service: 10, Salary: 50000}

// portfolioSize is the number of synthetic members of section 2, and
// workers the number of goroutines that value them.
const (
	portfolioSize = 1000
	workers       = 4
)

// run writes the whole report to w.
func run(w io.Writer) error {
	plan, basis, err := newPlanAndBasis()
	if err != nil {
		return err
	}
	v, err := valuation.NewValuer(plan, basis)
	if err != nil {
		return err
	}
	describe(w, basis)
	for _, section := range []func(io.Writer, *valuation.Valuer, *valuation.Basis) error{
		oneMember, portfolio, identities,
	} {
		fmt.Fprintln(w)
		if err := section(w, v, basis); err != nil {
			return err
		}
	}
	return nil
}

// newPlanAndBasis builds the plan and the valuation basis.
func newPlanAndBasis() (*valuation.Plan, *valuation.Basis, error) {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		return nil, nil, fmt.Errorf("Standard Ultimate Life Table: %w", err)
	}
	actives, err := serviceTable(sult)
	if err != nil {
		return nil, nil, fmt.Errorf("service table: %w", err)
	}
	both := func(c actuarial.Conditions) [actuarial.NumSexes]actuarial.Conditions {
		return [actuarial.NumSexes]actuarial.Conditions{c, c}
	}
	// The pension accrues at 1.5% a year with no ceiling: LinearAccrual
	// pays 1.5% for 1 year of service, 1.5% more for each further year, up
	// to 100% (67 years, more than any member can serve).
	perYear := actuarial.LinearAccrual{MinService: 1, AtMin: accrual, PerYear: accrual, Max: 1}.Accrual()
	plan := &valuation.Plan{
		Formula: actuarial.Formula{Accrual: perYear, ReferenceYears: finalYears},
		Eligibility: actuarial.Eligibility{
			Full:             both(actuarial.Conditions{{MinAge: retireAge}}),
			Reduced:          both(actuarial.Conditions{{MinAge: earlyAge}}),
			ReductionPerYear: earlyCut,
			FullAge:          [actuarial.NumSexes]int{retireAge, retireAge},
		},
		Payment:       actuarial.Annuity{PerYear: 12}, // monthly in advance, level, for life
		SurvivorShare: reversion,
		Death: valuation.DeathBenefit{
			SalaryMultiple: deathLump,
			// The spouse of a member who dies in service gets half the
			// pension the member had earned: 0.75% a year of service.
			Survivor: actuarial.Formula{
				Accrual:        actuarial.LinearAccrual{MinService: 1, AtMin: reversion * accrual, PerYear: reversion * accrual, Max: 1}.Accrual(),
				ReferenceYears: finalYears,
			},
		},
		Withdrawal: valuation.WithdrawalBenefit{
			Deferred:       true,
			VestingService: vesting,
			PensionAge:     [actuarial.NumSexes]int{retireAge, retireAge},
			Revaluation:    revaluing,
		},
	}
	basis := &valuation.Basis{
		Actives:    [actuarial.NumSexes]*actuarial.ServiceTable{actives, actives},
		Pensioners: [actuarial.NumSexes]mortality.Table{sult, sult},
		Interest:   interest,
		Salary:     salaryScale(),
		WageGrowth: wageGrowth,
		Married:    [actuarial.NumSexes]float64{0.8, 0.7},
		AgeGap:     [actuarial.NumSexes]int{3, -3}, // wives 3 years younger, husbands 3 years older
	}
	return plan, basis, nil
}

// serviceTable builds the active members' decrements for ages 25 to 65 from
// independent rates: death at the SULT's q_x, withdrawal by age band, and
// retirement on the birthday, from 60, of everyone left at 65. The
// withdrawal and retirement rates are illustrative.
func serviceTable(sult mortality.Table) (*actuarial.ServiceTable, error) {
	var rates [actuarial.NumDecrements][]float64
	for x := minAge; x <= retireAge; x++ {
		rates[actuarial.Death] = append(rates[actuarial.Death], sult.Q(x))
		rates[actuarial.Withdrawal] = append(rates[actuarial.Withdrawal], withdrawalRate(x))
		rates[actuarial.Retirement] = append(rates[actuarial.Retirement], retirementRate(x))
	}
	return actuarial.NewServiceTable(minAge, 0, rates, actuarial.DecrementOptions{
		Basis:      actuarial.IndependentRates,
		Retirement: actuarial.RetireAtStart,
	})
}

// withdrawalRate is the independent rate of leaving service at age x for a
// reason other than death or retirement: 6% in the late twenties, falling
// to 1.5% in the fifties, none once a member may retire.
func withdrawalRate(x int) float64 {
	switch {
	case x < 30:
		return 0.06
	case x < 40:
		return 0.04
	case x < 50:
		return 0.025
	case x < earlyAge:
		return 0.015
	}
	return 0
}

// retirementRate is the share of the members active on their x-th birthday
// who retire on it: 15% at 60, 10% at 61 to 64, everyone left at 65.
func retirementRate(x int) float64 {
	switch {
	case x >= retireAge:
		return 1
	case x > earlyAge:
		return 0.10
	case x == earlyAge:
		return 0.15
	}
	return 0
}

// salaryScale is the merit scale: 2% a year to 35, 1.5% to 45, 1% to 55,
// none after, on top of the general wage growth.
func salaryScale() actuarial.SalaryScale {
	s := actuarial.SalaryScale{MinAge: minAge}
	for x := minAge; x < retireAge; x++ {
		var m float64
		switch {
		case x < 35:
			m = 0.02
		case x < 45:
			m = 0.015
		case x < 55:
			m = 0.01
		}
		s.ByAge = append(s.ByAge, m)
	}
	return s
}

// describe prints the basis and the plan.
func describe(w io.Writer, b *valuation.Basis) {
	fmt.Fprintln(w, "Member valuation of a final-average-salary pension plan: TUC, PUC and EAN")
	fmt.Fprintln(w, "Basis (amounts in currency units; pensions and salaries a year; present values at the valuation date):")
	tw := newList(w)
	fmt.Fprintf(tw, "  mortality\tAMLCR Standard Ultimate Life Table, Makeham µ_x = 0.00022 + 2.7e-6 × 1.124^x\n")
	fmt.Fprintf(tw, "  interest\t%s a year\n", rate(interest))
	fmt.Fprintf(tw, "  salaries\tmerit 2%% a year to 35, 1.5%% to 45, 1%% to 55, then wage growth %s a year\n", rate(wageGrowth))
	fmt.Fprintf(tw, "  withdrawal\t6%% a year at 25-29, 4%% at 30-39, 2.5%% at 40-49, 1.5%% at 50-59 (illustrative)\n")
	fmt.Fprintf(tw, "  retirement\t15%% on the 60th birthday, 10%% on the 61st to 64th, all on the 65th (illustrative)\n")
	fmt.Fprintf(tw, "  spouses\t%s of men, %s of women married; wives 3 years younger, husbands 3 older\n",
		rate(b.Married[0]), rate(b.Married[1]))
	tw.Flush()
	fmt.Fprintln(w, "Plan:")
	tw = newList(w)
	fmt.Fprintf(tw, "  pension\t%s of the %d-year final average salary per year of service, monthly for life\n", rate(accrual), finalYears)
	fmt.Fprintf(tw, "  retirement\tat %d; early from %d, reduced by %s per year before %d\n", retireAge, earlyAge, rate(earlyCut), retireAge)
	fmt.Fprintf(tw, "  spouse\t%s of the pension continues to a surviving spouse\n", rate(reversion))
	fmt.Fprintf(tw, "  death in service\t%g × salary, and the spouse gets half the pension earned\n", deathLump)
	fmt.Fprintf(tw, "  withdrawal\tafter %d years, the pension earned, revalued %s a year, from %d; before, nothing\n", vesting, rate(revaluing), retireAge)
	tw.Flush()
}

// oneMember values the member of section 1 and prints the results.
func oneMember(w io.Writer, v *valuation.Valuer, b *valuation.Basis) error {
	m := member
	var r valuation.MemberValuation
	if err := v.Value(&r, m); err != nil {
		return err
	}
	fmt.Fprintf(w, "1. One member: %v, aged %d, %d years of service (joined at %d), salary %s a year\n",
		strings.ToLower(m.Sex.String()), m.Age, m.Service, m.Age-m.Service, money(m.Salary))

	// The accrued pension is the formula's on service to date, payable from
	// 65: 1.5% × 10 years × a final average salary, today's (TUC) or the
	// one projected to 65 (PUC), computed here by hand as a check.
	fasToday, fas65 := finalAverages(b, m, r.NormalAge)
	fmt.Fprintf(w, "Accrued pension from %d, a year = %s × %d years × final average salary:\n", r.NormalAge, rate(accrual), m.Service)
	tw := newTable(w)
	fmt.Fprintln(tw, "  method\tfinal average salary\taccrued pension\t")
	fmt.Fprintf(tw, "  TUC\t%s\t%s\t  on today's salaries\n", money(fasToday), money(r.AccruedTUC))
	fmt.Fprintf(tw, "  PUC\t%s\t%s\t  on the salaries projected to %d\n", money(fas65), money(r.AccruedPUC), r.NormalAge)
	tw.Flush()

	fmt.Fprintln(w, "Present values:")
	var pv [][2]string
	for _, k := range benefitKinds {
		pv = append(pv, [2]string{"PVFB " + k.String(), money(r.PVFB[k])})
	}
	pv = append(pv,
		[2]string{"PVFB total", money(r.TotalPVFB())},
		[2]string{"PVFS future salaries", money(r.PVFS)})
	rows(w, pv)

	fmt.Fprintln(w, "Funding methods (NC: the normal cost of the coming year, valued at the valuation date):")
	tw = newTable(w)
	fmt.Fprintln(tw, "  method\taccrued liability\tnormal cost\tNC % of salary\t")
	for f := range valuation.NumFundingMethods {
		fmt.Fprintf(tw, "  %v\t%s\t%s\t%s\t\n", valuation.FundingMethod(f), money(r.AL[f]), money(r.NC[f]), pct(r.NC[f]/m.Salary))
	}
	tw.Flush()
	fmt.Fprintf(w, "EAN normal cost rate: %s of salary (PVFB/PVFS of the member at entry, age %d);\n", pct(r.NormalCostRate), m.Age-m.Service)
	fmt.Fprintln(w, "  the EAN NC is that rate times the year's salary valued at the valuation date (paid mid-year, while active).")
	return nil
}

// benefitKinds are the benefits the plan provides (it has no disability
// benefit).
var benefitKinds = []valuation.BenefitKind{
	valuation.BenefitRetirement, valuation.BenefitEarly, valuation.BenefitDeath, valuation.BenefitWithdrawal,
}

// finalAverages returns member m's final average salary today, over the
// last finalYears years of salary (no more than the service), and the one
// on which the member would retire at age r: the salary then in force and
// the ones before it, as the basis projects them. The salaries before
// today are found backwards by the same scale.
func finalAverages(b *valuation.Basis, m valuation.Member, r int) (today, atR float64) {
	today = m.Salary * b.Salary.ReferenceRatio(m.Age, m.Service, finalYears, b.WageGrowth)
	var last []float64 // the salaries of the years of age r−finalYears+1..r
	for c := m; c.Age <= r; c = nextYear(b, c) {
		if c.Age > r-finalYears {
			last = append(last, c.Salary)
		}
	}
	var sum float64
	for _, s := range last {
		sum += s
	}
	return today, sum / float64(len(last))
}

// totals accumulates the valuations of a group of members.
type totals struct {
	members, men int
	age, service float64 // sums, for the means
	payroll      float64
	pvfb         [valuation.NumBenefitKinds]float64
	pvfs         float64
	al, nc       [valuation.NumFundingMethods]float64
	ordered      int // members with TUC AL ≤ PUC AL ≤ PVFB
}

func (t *totals) add(m valuation.Member, r *valuation.MemberValuation) {
	t.members++
	if m.Sex == actuarial.Male {
		t.men++
	}
	t.age += float64(m.Age)
	t.service += float64(m.Service)
	t.payroll += m.Salary
	for b, x := range r.PVFB {
		t.pvfb[b] += x
	}
	t.pvfs += r.PVFS
	if r.AL[valuation.TUC] <= r.AL[valuation.PUC] && r.AL[valuation.PUC] <= r.TotalPVFB() {
		t.ordered++
	}
	for f := range valuation.NumFundingMethods {
		t.al[f] += r.AL[f]
		t.nc[f] += r.NC[f]
	}
}

func (t *totals) totalPVFB() float64 {
	var s float64
	for _, x := range t.pvfb {
		s += x
	}
	return s
}

// syntheticMembers draws n members with a fixed seed: half men, ages 25 to
// 64, joined at 25 or later, salaries lognormal around a median that rises
// with age.
func syntheticMembers(n int) []valuation.Member {
	rng := rand.New(rand.NewPCG(1, 2))
	ms := make([]valuation.Member, n)
	for i := range ms {
		sex := actuarial.Male
		if rng.IntN(2) == 1 {
			sex = actuarial.Female
		}
		age := minAge + rng.IntN(retireAge-minAge) // 25..64
		service := rng.IntN(age - minAge + 1)
		median := 35000 * math.Pow(1.02, float64(age-minAge))
		salary := math.Round(median * math.Exp(0.25*rng.NormFloat64()))
		ms[i] = valuation.Member{Sex: sex, Age: age, Service: service, Salary: salary}
	}
	return ms
}

// valueAll values the members with workers goroutines, each with its own
// clone of v, into one result per member. The results do not depend on
// the number of workers.
func valueAll(v *valuation.Valuer, ms []valuation.Member, workers int) ([]valuation.MemberValuation, error) {
	out := make([]valuation.MemberValuation, len(ms))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	chunk := (len(ms) + workers - 1) / workers
	for g := range workers {
		lo, hi := min(g*chunk, len(ms)), min((g+1)*chunk, len(ms))
		wg.Add(1)
		go func(vg *valuation.Valuer) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				if err := vg.Value(&out[i], ms[i]); err != nil {
					errs[g] = fmt.Errorf("member %d: %w", i+1, err)
					return
				}
			}
		}(v.Clone()) // a Valuer is not safe for concurrent use: one clone each
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// portfolio values the synthetic members and prints the totals.
func portfolio(w io.Writer, v *valuation.Valuer, _ *valuation.Basis) error {
	ms := syntheticMembers(portfolioSize)
	rs, err := valueAll(v, ms, workers)
	if err != nil {
		return err
	}
	var t totals
	for i := range ms {
		t.add(ms[i], &rs[i])
	}
	n := float64(t.members)
	fmt.Fprintf(w, "2. A portfolio of %s synthetic members (seeded), valued by %d goroutines with a Valuer each\n",
		money(n), workers)
	fmt.Fprintf(w, "%d men, %d women; mean age %.1f, mean service %.1f years\n",
		t.men, t.members-t.men, t.age/n, t.service/n)
	pv := [][2]string{{"payroll (salaries of the coming year)", money(t.payroll)}}
	for _, k := range benefitKinds {
		pv = append(pv, [2]string{"PVFB " + k.String(), money(t.pvfb[k])})
	}
	pv = append(pv,
		[2]string{"PVFB total", money(t.totalPVFB())},
		[2]string{"PVFS future salaries", money(t.pvfs)})
	rows(w, pv)
	tw := newTable(w)
	fmt.Fprintln(tw, "  method\taccrued liability\tnormal cost\tNC % of payroll\t")
	for f := range valuation.NumFundingMethods {
		fmt.Fprintf(tw, "  %v\t%s\t%s\t%s\t\n", valuation.FundingMethod(f), money(t.al[f]), money(t.nc[f]), pct(t.nc[f]/t.payroll))
	}
	tw.Flush()
	fmt.Fprintf(w, "Members with TUC AL ≤ PUC AL ≤ PVFB: %d of %d\n", t.ordered, t.members)
	return nil
}

// nextYear returns the member a year on if still active: a year older,
// with a year more service and the salary the basis projects.
func nextYear(b *valuation.Basis, m valuation.Member) valuation.Member {
	m.Salary *= b.Salary.Merit(m.Age, m.Service) * (1 + b.WageGrowth)
	m.Age++
	m.Service++
	return m
}

// career values member m's career year by year from entry (age Age −
// Service, no service, the salary found backwards by the scale) to the
// retirement age. vals[k] is the valuation at entry + k.
func career(v *valuation.Valuer, b *valuation.Basis, m valuation.Member) ([]valuation.MemberValuation, valuation.Member, error) {
	entry := m
	for entry.Service > 0 {
		entry.Age--
		entry.Service--
		entry.Salary /= b.Salary.Merit(entry.Age, entry.Service) * (1 + b.WageGrowth)
	}
	var vals []valuation.MemberValuation
	for c := entry; c.Age <= retireAge; c = nextYear(b, c) {
		var r valuation.MemberValuation
		if err := v.Value(&r, c); err != nil {
			return nil, entry, err
		}
		vals = append(vals, r)
	}
	return vals, entry, nil
}

// survivalFactor returns v·p^(τ): the discount over one year times the
// probability that a member aged age with service years is still active a
// year on.
func survivalFactor(b *valuation.Basis, m valuation.Member) float64 {
	st := b.Actives[m.Sex.Index()]
	return (1 - st.QTotal(m.Age, m.Service)) / (1 + b.Interest)
}

// identities prints the identities the valuation of the member of section 1
// satisfies, each with its residual.
func identities(w io.Writer, v *valuation.Valuer, b *valuation.Basis) error {
	vals, entry, err := career(v, b, member)
	if err != nil {
		return err
	}
	k := member.Age - entry.Age
	fmt.Fprintf(w, "3. Identities for the member of section 1, valued each year from entry at %d (salary %s) to %d\n",
		entry.Age, money(entry.Salary), retireAge)

	fmt.Fprintln(w, "Accrued liability at entry, with no service yet: 0 under every method")
	tw := newTable(w)
	fmt.Fprintln(tw, "  method\tAL at entry\t")
	for f := range valuation.NumFundingMethods {
		fmt.Fprintf(tw, "  %v\t%s\t\n", valuation.FundingMethod(f), sci(vals[0].AL[f]))
	}
	tw.Flush()

	// AMLCR 2nd ed. §10.7: the accrued liability and the year's normal cost
	// pay for the benefits of those who leave in the year and, for those
	// who stay, the accrued liability a year on.
	r, next := vals[k], vals[k+1]
	vp := survivalFactor(b, member)
	fmt.Fprintf(w, "Recursion at %d, for every method: AL + NC = exits in the year + v·p·AL at %d  (v·p = %.6f)\n",
		member.Age, member.Age+1, vp)
	tw = newTable(w)
	fmt.Fprintln(tw, "  method\tAL + NC\texits\tv·p·AL next\tresidual\t")
	for f := range valuation.NumFundingMethods {
		lhs, rhs := r.AL[f]+r.NC[f], r.ExitsInYear+vp*next.AL[f]
		fmt.Fprintf(tw, "  %v\t%.2f\t%.2f\t%.2f\t%s\t\n", valuation.FundingMethod(f), lhs, r.ExitsInYear, vp*next.AL[f], sci(lhs-rhs))
	}
	tw.Flush()

	// The same recursion at every age of the career, and the normal costs
	// it implies: AL is 0 at entry and the whole PVFB at retirement, so the
	// value at entry of all the normal costs is the PVFB at entry.
	var worst float64
	c := entry
	for i := 0; i+1 < len(vals); i++ {
		vp := survivalFactor(b, c)
		for f := range valuation.NumFundingMethods {
			res := vals[i].AL[f] + vals[i].NC[f] - vals[i].ExitsInYear - vp*vals[i+1].AL[f]
			worst = math.Max(worst, math.Abs(res))
		}
		c = nextYear(b, c)
	}
	fmt.Fprintf(w, "Largest recursion residual, any method, any age %d-%d: %s\n", entry.Age, retireAge-1, sci(worst))

	pvfb := vals[0].TotalPVFB()
	fmt.Fprintf(w, "Value at entry of the career's normal costs, Σ v^k·kp·NC_k, against PVFB at entry %.2f:\n", pvfb)
	tw = newTable(w)
	fmt.Fprintln(tw, "  method\tΣ v^k·kp·NC_k\tresidual\t")
	st := b.Actives[entry.Sex.Index()]
	for f := range valuation.NumFundingMethods {
		var sum float64
		for i, r := range vals {
			sum += math.Pow(1+b.Interest, -float64(i)) * st.Survival(entry.Age, entry.Service, i) * r.NC[f]
		}
		fmt.Fprintf(tw, "  %v\t%.2f\t%s\t\n", valuation.FundingMethod(f), sum, sci(sum-pvfb))
	}
	return tw.Flush()
}

// newTable returns a writer that aligns tab-terminated cells in
// right-aligned columns, two spaces apart. Flush it at the end of the table.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
}

// newList returns a writer that aligns "label\tvalue" lines: labels on the
// left, values in a column after them. Flush it at the end of the list.
func newList(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// rows prints label and value pairs, indented: the labels left-aligned,
// the values right-aligned in one column.
func rows(w io.Writer, pairs [][2]string) {
	var lw, vw int
	for _, p := range pairs {
		lw = max(lw, utf8.RuneCountInString(p[0]))
		vw = max(vw, utf8.RuneCountInString(p[1]))
	}
	for _, p := range pairs {
		fmt.Fprintf(w, "  %-*s  %*s\n", lw, p[0], vw, p[1])
	}
}

// money formats an amount rounded to a whole unit with thousands
// separators: 1234567.8 is "1,234,568".
func money(x float64) string {
	s := strconv.FormatFloat(math.Abs(math.Round(x)), 'f', 0, 64)
	var b strings.Builder
	if x < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// pct formats a fraction as a percentage with two decimals: 0.1424 is
// "14.24%".
func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 2, 64) + "%" }

// rate formats a rate of the basis or the plan as a percentage without
// trailing zeros: 0.015 is "1.5%".
func rate(x float64) string {
	s := strconv.FormatFloat(100*x, 'f', 2, 64)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".") + "%"
}

// sci formats a residual in scientific notation.
func sci(x float64) string { return fmt.Sprintf("%.1e", x) }
