// Package valuation values one active member of a defined-benefit plan: a
// [Valuer] compiles a [Plan] (the benefit rules) and a [Basis] (the
// assumptions: a service table of active decrements, mortality of
// pensioners, the disabled and spouses, interest as a rate or a curve, the
// salary scale and wage growth) and values a [Member] into a
// [MemberValuation]: the present values of future benefits by kind and of
// future salaries, the accrued benefit, and the accrued liability and normal
// cost under the traditional and projected unit credit and entry age normal
// (level percent of salary) methods ([FundingMethod]).
//
// # Conventions
//
//   - Ages are age last birthday and service completed years at the
//     valuation date, t = 0, the start of year 0; a life aged x is taken to
//     be aged exactly x.
//   - Rates are annual effective fractions; amounts are float64 in the units
//     of Member.Salary, a year's salary; nothing is rounded.
//   - Benefits are attributed to service pro rata (s/n of an exit's benefit
//     with n years of service at exit), following Dickson, Hardy & Waters,
//     AMLCR, 2nd ed., chapter 10, and IAS 19 ¶70.
//
// # Timing
//
// Retirements happen at the start of the year of age or during it, as the
// service table's [actuarial.RetirementTiming] says; deaths, disablements and
// withdrawals at mid-year; salaries are paid through the year (valued
// mid-year); pensions are paid as Plan.Payment says from the exit, for
// life. [Valuer] states the conventions in full.
//
// # Errors
//
// [NewValuer] returns an error naming the first invalid field of the plan
// or the basis. [Valuer.Value] returns a [*MemberError] naming the field
// and value of a member it cannot value, wrapping [actuarial.ErrRange],
// [actuarial.ErrNegative] or [actuarial.ErrNotFinite]. A Valuer is not safe for concurrent use: give
// each goroutine its own [Valuer.Clone].
package valuation
