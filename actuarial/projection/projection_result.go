// The output of a scheme projection: one row per year, series accessors and
// the optional detail by cell.

package projection

import (
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
)

// YearResult is one projected calendar year. Counts are expected numbers of
// lives (float64); money is in money units of that year, a year's worth.
// See the package documentation's "Timing" section.
type YearResult struct {
	Year int // calendar year

	// Actives are the active members on 1 January, after that day's
	// entrants and transitions and before its retirements.
	Actives float64
	// Entrants joined on 1 January (included in Actives).
	Entrants float64
	// Exits[cause] are the actives who left during the year, by
	// [actuarial.Decrement]: Retirement on 1 January (on a pension), Death,
	// Disability and Withdrawal during the year (Withdrawal includes
	// members who reach the compulsory age without a pension).
	Exits [actuarial.NumDecrements]float64

	// Pensioners[type] are the pensions in payment on 1 January, before
	// that day's retirements, by [census.PensionType.Index].
	Pensioners [census.NumPensionTypes]float64
	// NewPensions[type] are the pensions awarded in the year: old-age and
	// early pensions on 1 January, disability, survivors' and orphans'
	// pensions during the year.
	NewPensions [census.NumPensionTypes]float64
	// NewPensionAmounts[type] are the total yearly amounts, on award, of
	// the pensions NewPensions counts, a year's worth each, after the
	// formulas' caps and floors: old-age and early pensions as awarded on
	// 1 January (the year pays them less half its deaths); disability,
	// survivors' and orphans' pensions as awarded during the year, before
	// the next 1 January's indexation (the year pays half of them). Zero
	// when no pension of the type is awarded; ≥ 0.
	NewPensionAmounts [census.NumPensionTypes]float64
	// RetiringSalaries[type], for old-age and early pensions, are the
	// total final salaries of the members awarded them: their yearly
	// salary on 1 January, the retirement date (after that day's merit and
	// wage growth), the salary the formula's reference ratio is applied
	// to. The ratio NewPensionAmounts/RetiringSalaries of a year is the
	// average replacement rate of its new pensions ([indicator.ReplacementRate]).
	// Zero for the other types (their pensions are not awarded on a
	// salary of the day) and when no pension of the type is awarded.
	RetiringSalaries [census.NumPensionTypes]float64
	// ReferenceSalaries[type], for old-age and early pensions, are the
	// total reference salaries of the members awarded them: their final
	// salaries times [actuarial.SalaryScale.ReferenceRatio] (the average of the last
	// Formula.ReferenceYears salaries, before ReferenceShare); equal to
	// RetiringSalaries when the formula takes the last salary. Zero for
	// the other types.
	ReferenceSalaries [census.NumPensionTypes]float64
	// PensionerDeaths[type] are the deaths during the year among the
	// pensioners of 1 January and that day's new retirees.
	PensionerDeaths [census.NumPensionTypes]float64
	// PensionsEnded[type] are pensions that stop at the end of the year for
	// a reason other than death (orphans reaching the end age).
	PensionsEnded [census.NumPensionTypes]float64

	// SalaryBill is the salaries paid during the year.
	SalaryBill float64
	// ContributionBase is the insurable salary bill of the year: the
	// salaries contributions are paid on, each member's salary cut at the
	// rules' Ceiling (equal to SalaryBill without a ceiling). Contributions
	// are the rates times it, and every indicator "in % of salaries"
	// (GAP, cost rates, actuarial balance) is on it, as the ILO computes
	// them on insurable earnings. 0 ≤ ContributionBase ≤ SalaryBill.
	ContributionBase float64
	// Contributions[payer] are the contributions received, by [scheme.Payer].
	Contributions [scheme.NumPayers]float64
	// Pensions[type] are the pensions paid by type, without the extra
	// payments.
	Pensions [census.NumPensionTypes]float64
	// MinimumTopUp is the minimum-pension top-up, included in Pensions:
	// what retirement and disability pensions pay above the formula's own
	// amounts because of the floors, on award and in payment
	// ([scheme.LimitTiming]), ≥ 0. When the rules' MinimumPaidBy is the
	// state, Transfers include it.
	MinimumTopUp float64
	// ExtraPayments are the extra pensions paid (a thirteenth month, say).
	ExtraPayments float64
	// Refunds are the contributions refunded on withdrawal.
	Refunds float64
	// AdminCosts are the administration costs.
	AdminCosts float64
	// Transfers are the state's transfers received: the scheme's
	// Transfers, plus the minimum-pension top-up the state pays.
	Transfers float64
	// Return is the investment return of the year, a fraction.
	Return float64
	// InvestmentIncome is R_start·i + (C + T − B − E)·((1+i)^½ − 1).
	InvestmentIncome float64
	// ReserveStart is the reserve on 1 January; ReserveEnd on 31 December:
	// ReserveStart + contributions + transfers + investment income −
	// benefits − admin costs. It may be negative.
	ReserveStart, ReserveEnd float64
}

// DefaultYears is the number of years [Projector.Run] projects when asked
// for 0, and reform.Options' default: 0 means the default horizon
// everywhere.
const DefaultYears = 100

// checkFinite returns an [*indicator.SeriesError] wrapping
// [actuarial.ErrNotFinite] for the first series of the year (year index t)
// that is not finite: finite inputs that overflowed (entrants of 1e300, a
// reserve of 1e308, a return of 1e6). Counts come first, then flows, then
// the reserve, so that the error names the series where the overflow
// started when it spreads within the year.
func (y *YearResult) checkFinite(t int) error {
	bad := func(name string, x float64) error {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return &indicator.SeriesError{Series: name, T: t, Year: y.Year, Value: x, Err: actuarial.ErrNotFinite}
		}
		return nil
	}
	sum := func(v []float64) float64 {
		var s float64
		for _, x := range v {
			s += x
		}
		return s
	}
	for _, s := range [...]struct {
		name string
		x    float64
	}{
		{"entrants", y.Entrants}, {"actives", y.Actives}, {"exits", sum(y.Exits[:])},
		{"pensioners", sum(y.Pensioners[:])}, {"new pensions", sum(y.NewPensions[:])},
		{"pensioner deaths", sum(y.PensionerDeaths[:])},
		{"salary bill", y.SalaryBill}, {"contribution base", y.ContributionBase},
		{"new pension amounts", sum(y.NewPensionAmounts[:])}, {"retiring salaries", sum(y.RetiringSalaries[:])},
		{"contributions", y.TotalContributions()}, {"pensions", y.TotalPensions()},
		{"extra payments", y.ExtraPayments}, {"refunds", y.Refunds}, {"administration costs", y.AdminCosts},
		{"transfers", y.Transfers}, {"investment income", y.InvestmentIncome}, {"reserve at end", y.ReserveEnd},
	} {
		if err := bad(s.name, s.x); err != nil {
			return err
		}
	}
	return nil
}

// TotalContributions is the sum over payers.
func (y *YearResult) TotalContributions() float64 {
	return y.Contributions[scheme.Worker] + y.Contributions[scheme.Employer] + y.Contributions[scheme.State]
}

// TotalPensions is the pensions paid of every type, without extra payments.
func (y *YearResult) TotalPensions() float64 {
	var s float64
	for _, v := range y.Pensions {
		s += v
	}
	return s
}

// Benefits are the pensions, the extra payments and the refunds.
func (y *YearResult) Benefits() float64 {
	return y.TotalPensions() + y.ExtraPayments + y.Refunds
}

// Expenditure is benefits plus administration costs.
func (y *YearResult) Expenditure() float64 { return y.Benefits() + y.AdminCosts }

// TotalPensioners is the number of pensions in payment on 1 January.
func (y *YearResult) TotalPensioners() float64 {
	var s float64
	for _, v := range y.Pensioners {
		s += v
	}
	return s
}

// NewRetirementAmount is the total yearly amount of the old-age and early
// pensions awarded on 1 January: the numerator of the year's replacement
// rate.
func (y *YearResult) NewRetirementAmount() float64 {
	return y.NewPensionAmounts[idxOldAge] + y.NewPensionAmounts[idxEarly]
}

// TotalRetiringSalaries is the total final salary of the members awarded
// an old-age or early pension on 1 January: the denominator of the year's
// replacement rate.
func (y *YearResult) TotalRetiringSalaries() float64 {
	return y.RetiringSalaries[idxOldAge] + y.RetiringSalaries[idxEarly]
}

// TotalExits is the number of actives who left in the year, by any cause.
func (y *YearResult) TotalExits() float64 {
	return y.Exits[actuarial.Death] + y.Exits[actuarial.Disability] + y.Exits[actuarial.Withdrawal] + y.Exits[actuarial.Retirement] +
		y.Exits[actuarial.WorkDeath] + y.Exits[actuarial.WorkDisability]
}

// Result is a projection: Years[t] is calendar year StartYear + t. Reuse
// one across runs of a [Projector] to run without allocating.
type Result struct {
	Scheme    string       // the scheme's name
	StartYear int          // the first calendar year
	Groups    []string     // the groups' names, in the scheme's order
	Years     []YearResult // one row per projected year
	// Cells is the detail by cell, when the projector's Detail was set;
	// nil otherwise.
	Cells *CellDetail
	// Split is the split of the flows and counts by group, sex and age,
	// when the projector's Split was set; nil otherwise.
	Split *Split
}

// series writes f of each year into dst under the destination rule.
func (r *Result) series(dst []float64, f func(*YearResult) float64) []float64 {
	dst = vec.Dst(dst, len(r.Years))
	for i := range r.Years {
		dst[i] = f(&r.Years[i])
	}
	return dst
}

// The series accessors write one value per projected year into dst and
// return it, under the destination rule of package actuarial: dst may be
// nil (a new slice is allocated), otherwise its length must be the number
// of projected years. dst[t] belongs to calendar year StartYear + t. They
// let the indicators work on plain slices.

// SalaryBill returns the salaries paid each year.
func (r *Result) SalaryBill(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.SalaryBill })
}

// ContributionBase returns the insurable salary bill each year: salaries
// cut at the contribution ceiling (see YearResult.ContributionBase).
func (r *Result) ContributionBase(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.ContributionBase })
}

// Contributions returns the contributions of every payer each year.
func (r *Result) Contributions(dst []float64) []float64 {
	return r.series(dst, (*YearResult).TotalContributions)
}

// ContributionsBy returns the contributions of one payer each year.
func (r *Result) ContributionsBy(dst []float64, p scheme.Payer) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.Contributions[p] })
}

// Benefits returns the benefits (pensions, extra payments, refunds) paid
// each year.
func (r *Result) Benefits(dst []float64) []float64 {
	return r.series(dst, (*YearResult).Benefits)
}

// PensionsBy returns the pensions of one type paid each year, without extra
// payments.
func (r *Result) PensionsBy(dst []float64, t census.PensionType) []float64 {
	i := t.Index()
	return r.series(dst, func(y *YearResult) float64 { return y.Pensions[i] })
}

// AdminCosts returns the administration costs each year.
func (r *Result) AdminCosts(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.AdminCosts })
}

// Expenditure returns benefits plus administration costs each year.
func (r *Result) Expenditure(dst []float64) []float64 {
	return r.series(dst, (*YearResult).Expenditure)
}

// MinimumTopUp returns the minimum-pension top-up each year
// ([YearResult].MinimumTopUp).
func (r *Result) MinimumTopUp(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.MinimumTopUp })
}

// Transfers returns the state's transfers each year.
func (r *Result) Transfers(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.Transfers })
}

// InvestmentIncome returns the investment income each year.
func (r *Result) InvestmentIncome(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.InvestmentIncome })
}

// Returns returns the investment return (a fraction) of each year.
func (r *Result) Returns(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.Return })
}

// ReserveStart returns the reserve on 1 January of each year.
func (r *Result) ReserveStart(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.ReserveStart })
}

// ReserveEnd returns the reserve on 31 December of each year.
func (r *Result) ReserveEnd(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.ReserveEnd })
}

// Actives returns the active members on 1 January of each year.
func (r *Result) Actives(dst []float64) []float64 {
	return r.series(dst, func(y *YearResult) float64 { return y.Actives })
}

// Pensioners returns the pensions in payment on 1 January of each year.
func (r *Result) Pensioners(dst []float64) []float64 {
	return r.series(dst, (*YearResult).TotalPensioners)
}

// NewPensionsBy returns the pensions of one type awarded each year.
func (r *Result) NewPensionsBy(dst []float64, t census.PensionType) []float64 {
	i := t.Index()
	return r.series(dst, func(y *YearResult) float64 { return y.NewPensions[i] })
}

// NewPensionAmountsBy returns the yearly amount of the pensions of one type
// awarded each year (see YearResult.NewPensionAmounts).
func (r *Result) NewPensionAmountsBy(dst []float64, t census.PensionType) []float64 {
	i := t.Index()
	return r.series(dst, func(y *YearResult) float64 { return y.NewPensionAmounts[i] })
}

// RetiringSalariesBy returns the final salaries of the members awarded a
// pension of one type each year: old-age or early (see
// YearResult.RetiringSalaries); zeros for the other types.
func (r *Result) RetiringSalariesBy(dst []float64, t census.PensionType) []float64 {
	i := t.Index()
	return r.series(dst, func(y *YearResult) float64 { return y.RetiringSalaries[i] })
}

// ReferenceSalariesBy returns the reference salaries of the members
// awarded a pension of one type each year (see
// YearResult.ReferenceSalaries); zeros for types other than old-age and
// early.
func (r *Result) ReferenceSalariesBy(dst []float64, t census.PensionType) []float64 {
	i := t.Index()
	return r.series(dst, func(y *YearResult) float64 { return y.ReferenceSalaries[i] })
}

// NewRetirementAmounts returns the yearly amount of the old-age and early
// pensions awarded each year, the replacement rate's numerator.
func (r *Result) NewRetirementAmounts(dst []float64) []float64 {
	return r.series(dst, (*YearResult).NewRetirementAmount)
}

// RetiringSalaries returns the final salaries of the members awarded an
// old-age or early pension each year, the replacement rate's denominator.
func (r *Result) RetiringSalaries(dst []float64) []float64 {
	return r.series(dst, (*YearResult).TotalRetiringSalaries)
}

// CellDetail is a projection by cell, year by year, on flat slices. For
// year t and group g, the active cells are at offset (t·Groups + g)·ActiveLen
// of the active slices and laid out as [census.ActiveCells] with MaxService; the
// pensioner cells at (t·Groups + g)·PensionerLen of the pensioner slices,
// laid out as [census.PensionerCells]. [CellDetail.Active] and
// [CellDetail.Pensioner] compute the offsets.
type CellDetail struct {
	Years, Groups           int // the number of years and of groups
	MaxService              int // the last service cell of the active cells
	ActiveLen, PensionerLen int // cells per group of each kind

	// ActiveCount and ActiveSalary are the actives and their total yearly
	// salary on 1 January, after entrants and transitions, before
	// retirements.
	ActiveCount, ActiveSalary []float64
	// Entrants joined the cell on 1 January.
	Entrants []float64
	// Moved is the net number of members moved into the cell by
	// transitions on 1 January (negative when they left it).
	Moved []float64
	// Exits[cause] left the cell during the year (the cell as on
	// 1 January), by [actuarial.Decrement].
	Exits [actuarial.NumDecrements][]float64

	// PensionerCount and PensionerAmount are the pensions in payment on
	// 1 January before that day's retirements, and their yearly amount.
	PensionerCount, PensionerAmount []float64
	// Retired are the old-age and early pensions awarded on 1 January, in
	// the cell of the retiree's age that day.
	Retired []float64
	// PensionerDeaths are the deaths during the year among the cell's
	// pensioners and new retirees.
	PensionerDeaths []float64
	// Ended are pensions of the cell stopping at the end of the year for a
	// reason other than death.
	Ended []float64
	// Awarded are the disability, survivors' and orphans' pensions awarded
	// during the year, in the cell they join on the next 1 January (their
	// age then).
	Awarded []float64
}

// Active returns the offset in the active slices of a cell of group g in
// year t.
func (d *CellDetail) Active(t, g int, sex actuarial.Sex, age, service int) int {
	c := census.ActiveCells{MaxService: d.MaxService}
	return (t*d.Groups+g)*d.ActiveLen + c.Index(sex, age, service)
}

// Pensioner returns the offset in the pensioner slices of a cell of group g
// in year t.
func (d *CellDetail) Pensioner(t, g int, typ census.PensionType, sex actuarial.Sex, age int) int {
	var c census.PensionerCells
	return (t*d.Groups+g)*d.PensionerLen + c.Index(typ, sex, age)
}

// size sizes every slice for years×groups, reusing arrays, and zeroes them.
func (d *CellDetail) size(years, groups, maxService int) {
	d.Years, d.Groups, d.MaxService = years, groups, maxService
	d.ActiveLen = actuarial.NumSexes * (census.MaxCensusAge + 1) * (maxService + 1)
	d.PensionerLen = census.NumPensionTypes * actuarial.NumSexes * (census.MaxCensusAge + 1)
	na, np := years*groups*d.ActiveLen, years*groups*d.PensionerLen
	for _, p := range []*[]float64{&d.ActiveCount, &d.ActiveSalary, &d.Entrants, &d.Moved,
		&d.Exits[0], &d.Exits[1], &d.Exits[2], &d.Exits[3], &d.Exits[4], &d.Exits[5]} {
		*p = vec.Zeroed(*p, na)
	}
	for _, p := range []*[]float64{&d.PensionerCount, &d.PensionerAmount, &d.Retired,
		&d.PensionerDeaths, &d.Ended, &d.Awarded} {
		*p = vec.Zeroed(*p, np)
	}
}
