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
// [ErrAgeRange].
//
// An age above the table's MaxAge is not misuse: q is 1 there, so ä_x = 1 and
// A_x = v. [Life.CheckAge] reports it for data, where it is usually an error.
//
// # Member valuation
//
// A [Valuer] values an active [Member] of a defined-benefit [Plan] on a
// [Basis]: the present value of future benefits by kind (retirement, early
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
// the year. [Valuer] states the conventions in full.
package actuarial
