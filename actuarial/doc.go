// Package actuarial provides interest and life contingencies, the ground on
// which a scheme's members are valued: discount factors, year-by-year rate
// curves and present values of cash flows; life annuities and insurances on
// one life or on two independent lives.
//
// A [Life] pairs any [mortality.Table] (an ultimate table, one cohort of a
// generational table, the rates a select life lives through) with an annual
// effective interest rate; a [CurveLife] pairs it with a year-by-year [Curve].
// Their methods are named as the literature names the functions:
// [Life.AnnuityDue] is ä_x, [Life.Insurance] is A_x, [Life.PureEndowment] is
// _nE_x, [Life.JointAnnuityDue] is ä_xy. Every other annuity or insurance an
// actuary meets (temporary, deferred, due or immediate, m-thly, escalating,
// with a guaranteed period; term, endowment, paid at death) is a value of the
// [Annuity] or [Insurance] struct, valued by [Life.AnnuityEPV] and
// [Life.InsuranceEPV]; the zero value of each is the whole-life contract.
//
// The notation and the m-thly approximations are those of Dickson, Hardy &
// Waters, Actuarial Mathematics for Life Contingent Risks (AMLCR), 2nd ed.,
// Cambridge University Press, 2013, chapters 4, 5 and 9.
//
// A [scheme.Scheme] describes a whole defined-benefit scheme (member groups with
// their census cells and rules by calendar year, [scheme.Assumptions], an initial
// reserve); a [projection.Projector] projects it year by year into a [projection.Result], and
// [projection.RunScenarios] runs many schemes in parallel. See "Projection" below.
//
// # Conventions
//
//   - Ages are integers, age last birthday at the valuation date, and a life
//     aged x is taken to be aged exactly x. Time t counts whole years from the
//     valuation date (t = 0); a calendar year (2025) is a different thing
//     and is never mixed with t. Where a function takes a real time it says
//     so.
//   - A rate is an annual effective rate written as a fraction: 0.05 means 5%.
//     Interest rates must be finite and above −1; a rate of 0 means no
//     interest (v = 1). Negative rates are allowed. Escalation (indexation)
//     rates follow the same rule.
//   - v = 1/(1+i), d = i/(1+i), δ = ln(1+i). On a [Curve] the rate of year t
//     (from t to t+1) applies within that year, so the discount factor to a
//     real time t+s, 0 ≤ s < 1, is v(t)·(1+i_t)^(−s).
//   - Annuities pay 1 a year. An annuity-due pays at the start of each period
//     (t = 0, 1, ...), an annuity-immediate at the end (t = 1, 2, ...); with m
//     payments a year each payment is 1/m. Insurances pay 1 at the end of the
//     year of death unless they are paid at the moment of death.
//   - Cash-flow vectors are indexed by t: cf[t] is paid in year t, at its
//     start, middle or end as a [Timing] says. The zero Timing is [MidYear],
//     the project's convention for cash flows paid through a year.
//   - Mortality between integer ages, where it matters (m-thly annuities,
//     benefits paid at death), is uniform (UDD) unless a method says
//     otherwise. q above a table's MaxAge is 1: every life dies by then.
//   - Two lives are independent: _tp_xy = _tp_x·_tp_y.
//   - Amounts are float64 units of money (or of benefit); the package never
//     rounds.
//
// # Indicators
//
// The sustainability indicators of a projected scheme are functions of its
// year-by-year series, gathered in a [indicator.Flows]: the PAYG cost rate, the
// reserve ratio, the support and dependency ratios and the replacement rate
// of new pensions by year; over a [indicator.Horizon], the general average premium
// ([indicator.GAP]), the actuarial balance, the state's deficit transfers and their
// present value; the depletion year and the funding ratio, the reserve
// over the closed group's accrued liability, which [projection.ClosedGroupLiability]
// values (see "Accrued liability" below) and [projection.Result.SummarizeFunded]
// takes. [indicator.Summarize] computes them all in one call. The replacement rate of
// a year is the ILO's average replacement rate of new pensions: the total
// yearly amount of the pensions awarded in the year over the total final
// salary of the members awarded them, a salary-weighted average of the
// individual rates; from a projection, of the old-age and early pensions
// awarded on 1 January over the members' salaries that day ([projection.YearResult]
// NewPensionAmounts and RetiringSalaries), 0 in a year without them. The
// definitions are the ILO's (Plamondon et al., Actuarial practice in
// social security, ILO/ISSA, 2002; Iyer, Actuarial mathematics of social
// security pensions, ILO/ISSA, 1999) and, for the actuarial balance, the
// US Social Security Trustees'. Timing is the projection's: reserves at
// 1 January and 31 December, flows paid through the year (mid-year for
// interest). A [indicator.Ledger] turns the flows into money, decimal amounts rounded
// to the cent that reconcile every year.
//
// # Projection
//
// A [scheme.Scheme] is projected year by year by a [projection.Projector], as the ILO's
// actuarial valuations of social-security schemes do: an annual,
// deterministic cohort projection of expected numbers of lives by cell
// (group × sex × age × completed service for actives, group × pension type
// × sex × age for pensions), for an open or a closed group. Its timing:
//
//   - The census is on 1 January of StartYear; year t = 0 is calendar year
//     StartYear. Ages are last birthdays on 1 January, service is completed
//     years on 1 January.
//   - On 1 January of each year, in this order: survivors of the year
//     before are a year older with a year more service (the last service
//     cell keeps those at or above MaxService); their salaries have grown
//     by merit ([SalaryScale.Merit] at last year's age and service) and by
//     general wage growth; pensions in payment are indexed under the rules
//     in force that day; new entrants join with service 0 (open group);
//     [scheme.Transition]s move members between groups. Then members eligible for
//     a pension retire with the retirement probability of their sex and age
//     (1 from a compulsory age, when members without a pension leave as
//     withdrawals); their pensions are paid for the whole year.
//   - During the year: deaths, disability and withdrawal among the
//     remaining actives, as dependent probabilities from the active
//     mortality and the independent rates of the [ServiceTable] (UDD in each
//     single-decrement table, or as the table says); deaths among
//     pensioners. Lives leaving during the year contribute, or are paid,
//     for half of it: an exposure of 1 − q/2 (UDD). Disability, survivors'
//     and orphans' pensions awarded during the year are paid for half of
//     it and join the pensions in payment on the next 1 January, at the
//     beneficiary's age then; they do not die in their first part-year.
//   - Pensions are computed on award: a retirement pension from the
//     [Formula] of the rules in force, on a reference salary equal to the
//     member's salary that day times [SalaryScale.ReferenceRatio] (the
//     average of the last ReferenceYears salaries along the salary scale and
//     the year's wage growth); a disability pension likewise on the service
//     completed at the start of the year; a survivor's or orphan's pension as
//     a share of the deceased's pension (or, for a death in service, of the
//     disability pension the member would have had). Caps and floors in
//     reference units follow the unit's growth.
//   - Refunds on withdrawal return a share of the member's own
//     contributions, accumulated without interest. Cells do not carry an
//     account: the contributions are estimated from the cell's contribution
//     base B (salary up to the ceiling) as B·r̄_s·T(x, s) + ½·r·B, where
//     T(x, s) = Σ_{k=1..s} S_{−k}/S_0 are the member's past salaries
//     relative to the current one, following the salary scale and the
//     year's wage growth backwards, r̄_s is the average of the group's
//     worker contribution rates over the last s years (before the start
//     year, the rates its first rules give), and ½·r·B is the half year of
//     contributions of a member leaving during the year (none for those
//     leaving on 1 January at the compulsory age).
//   - All cash flows of a year are taken as paid mid-year: investment
//     income = R_start·i + (C + T − B − E)·((1+i)^½ − 1), with R_start the
//     reserve on 1 January, C the contributions, T the state's transfers, B
//     the benefits (pensions, extra payments, refunds), E the
//     administration costs and i the year's return; the reserve at the
//     end of the year is R_start + C + T + I − B − E, with I the investment
//     income. The reserve may become negative.
//   - Rates given as a calendar-year [Schedule] apply within that year (a
//     contribution rate, a return) or on its 1 January (wage growth,
//     inflation and unit growth from the year before, indexation).
//
// Mortality comes from a [scheme.YearTable] by status ([scheme.LifeStatus]) and sex, so
// period tables ([scheme.PeriodTable]) and generational ones
// ([mortality.Generational]) serve alike; ages below a table's MinAge take
// its rate at MinAge, and q at [census.MaxCensusAge] is 1.
//
// Units: counts are expected numbers of lives (float64, fractional);
// salaries, pensions, contributions and every other amount are money units
// a year of the year they are paid in (nominal), float64, never rounded.
// [projection.Result] holds one [projection.YearResult] per year and, when asked, the detail by
// cell; its accessors return series by year for the indicators. A
// YearResult records, with the numbers of pensions awarded, their yearly
// amounts on award and, for old-age and early pensions, the final and
// reference salaries of the members awarded them: the replacement rate's
// terms.
//
// # Seriatim valuation
//
// A [projection.Seriatim] values a scheme's census record by record ([projection.ActiveRecord],
// [projection.PensionRecord]): the present values ([projection.FlowValues]) of each member's
// contributions, salaries and benefits over a number of years, under
// exactly the projection's timing and rules, on the scheme's returns with
// flows paid mid-year, as [projection.Result.PresentValues] discounts a projection.
// It is the closed-group projection of one member; summed over a census it
// equals the projection by cells up to rounding, except where a cap, floor
// or ceiling binds for some members of a cell and not for the cell's
// average salary, which the cells use. [projection.Seriatim] gives the coverage, the
// size of that difference and the method, which values a million records
// in tens of milliseconds.
//
// # Accrued liability
//
// The same machinery values the closed group's accrued liability at the
// census date, a [projection.Liability]: [projection.Seriatim.Liability] for records,
// [projection.Seriatim.CellLiability] and [projection.ClosedGroupLiability] for a scheme's census
// cells, over [projection.ClosedGroupYears] for the full value. Each benefit an
// active member may leave with (old-age and early pensions, disability
// pensions, the survivors' and orphans' pensions of deaths in service or
// after retirement, extra payments, refunds) is valued at the exit as the
// projection pays it, and attributed to service pro rata: an exit in year
// t with n = s0 + t completed years of service (at most the cells'
// MaxService) counts s0/n of its value, s0 being the service on the census
// date. On salaries projected to the exit this is the projected unit
// credit method (PUC, IAS 19's); on the salary, reference salary and
// reference unit of the census date, the traditional unit credit method
// (TUC) (Dickson, Hardy & Waters, AMLCR, 2nd ed., chapter 10; Bowers et
// al., Actuarial Mathematics, 2nd ed., chapter 20). Benefits not
// proportional to service, such as refunds, flat or floored pensions and
// survivors' pensions, get the same straight-line share (IAS 19 ¶70), as
// in a [valuation.Valuer]. Pensions in payment count in full, with what follows
// them. [projection.Liability] also holds the PVFB, the PVFS and the PUC normal cost
// of year 0; Liability.Total, the PUC liability, is what
// [indicator.Flows.AccruedLiability] wants for the funding ratio. On the common
// ground of the next section a member's PUC and TUC liabilities and normal
// cost equal the Valuer's to about 1e-14, once its retirement pension is
// valued by the projection's annuity.
//
// # Projection and member valuation
//
// A closed group's projection, its flows discounted ([projection.Result.PresentValues]),
// and the seriatim values of its members equal the sum of the members'
// valuations by a [valuation.Valuer] when the two models are given the same
// conventions:
//
//   - decrements: the Valuer's [ServiceTable] built from the projection's
//     independent rates (death from the active mortality, disability and
//     withdrawal from Assumptions.Decrements) under the same [Assumption],
//     with [RetireAtStart] retirement probabilities equal to the
//     projection's (which retires on 1 January, before the year's other
//     exits, those eligible under the Rules with Assumptions.Retirement's
//     probabilities);
//   - salaries: the same merit scale by age and a flat wage growth; the
//     reference salary averaged along the scale (both find past salaries
//     backwards from the scale); service below the cells' MaxService;
//   - discounting: a flat rate equal to the returns; salaries and exits
//     during the year mid-year, retirements at the start of the year;
//   - refunds: without interest, the member's contributions to date being
//     those the projection estimates, the worker's rate on the past
//     salaries the scale implies;
//   - limits in units: the unit growing with wages; and a projection long
//     enough for the group to die out.
//
// Then the salaries (PVFS), the contributions (each payer's rate times the
// PVFS when there is no ceiling) and the refunds (PVFB of withdrawal)
// agree to rounding, and so do the retirement pensions once a pension in
// payment is valued by the same annuity. There the conventions differ: the
// Valuer values a pension as Plan.Payment says (ä_x, yearly in advance, for
// the zero [Annuity]); the projection pays each year's pension mid-year to
// the lives of 1 January less half the year's deaths,
// Σ_j v^(j+½)·(1+g)^j·(_jp_x + _(j+1)p_x)/2 = ½·v^½·ä + ½·v^(−½)·(ä − 1)/(1+g)
// with ä at the escalated rate: two thirds of a year's pension below ä_65
// at 4.5% returns and 2% indexation on EMSSA-09. With a single retirement
// age the two differ by one factor per sex. The models do not share, and so disagree on: disability pensions
// (the Valuer pays from mid-year on ½(ä_y + ä_(y+1)); the projection pays
// half a year's pension in the year of award, then from the next 1 January
// at age y+1, indexed); death in service and survivors (the Valuer's lump
// sum, survivor formula and reversion on the joint lives of member and
// spouse, married with Basis.Married; the projection's survivors' and
// orphans' pensions awarded at each death from Assumptions.Family at the age
// of death, shares of the deceased's pension or, in service, of the
// disability pension); retirements during the year, deferred pensions and
// refunds with interest, which only the Valuer has.
//
// # Errors and panics
//
// Methods that return a single number (the textbook functions) panic, with a
// message starting "actuarial:", on programming misuse: a [Life] with no
// table, an interest rate that is NaN, infinite or at most −1, an age below
// the table's MinAge, a negative term. Where data enters, check it first:
// [Life.Validate] and [CurveLife.Validate] check the basis, [Life.CheckAge]
// an age read from a census, [ValidateInterest] a rate, [Annuity.Validate]
// and [Insurance.Validate] a contract; [NewCurve] returns an error for a bad
// rate. The errors name the field and the value, and wrap [ErrInterest] or
// [ErrRange].
//
// An age above the table's MaxAge is not misuse: q is 1 there, so ä_x = 1 and
// A_x = v. [Life.CheckAge] reports it for data, where it is usually an error.
//
// # Member valuation
//
// A [valuation.Valuer] values an active [valuation.Member] of a defined-benefit [valuation.Plan] on a
// [valuation.Basis]: the present value of future benefits by kind (retirement, early
// retirement, disability, death in service, withdrawal), of future
// salaries, the accrued benefit, and the accrued liability and normal cost
// under the traditional and projected unit credit and entry age normal
// (level percent of salary) methods. Plan holds the benefit rules and Basis
// the assumptions (a [ServiceTable] of active decrements, mortality of
// pensioners, the disabled and spouses, interest as a rate or a [Curve],
// salary scale and wage growth); both are plain values that a scheme model
// can reuse. The valuation is at t = 0, the start of year 0; retirements
// happen at the start of the year of age or during it, as the service
// table says, the other exits at mid-year, and salaries are paid through
// the year. [valuation.Valuer] states the conventions in full.
package actuarial
