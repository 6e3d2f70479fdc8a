// Package actuarial is the shared vocabulary of Reserva's pension models and
// its life contingencies: interest and rate curves, present values of cash
// flows, life annuities and insurances on one or two lives, and the terms
// every scheme model speaks (Sex, Schedule, ByAge, Accrual, Eligibility,
// Formula, Limit, SalaryScale, service tables and decrements).
//
// A [Life] pairs any [mortality.Table] with an annual effective interest rate;
// a [CurveLife] pairs it with a year-by-year [Curve]. Their methods are named
// as the literature names the functions: [Life.AnnuityDue] is ä_x,
// [Life.Insurance] is A_x, [Life.PureEndowment] is _nE_x,
// [Life.JointAnnuityDue] is ä_xy. Every other annuity or insurance is a value
// of the [Annuity] or [Insurance] struct, valued by [Life.AnnuityEPV] and
// [Life.InsuranceEPV]; the zero value of each is the whole-life contract. The
// notation and the m-thly approximations are those of Dickson, Hardy & Waters,
// Actuarial Mathematics for Life Contingent Risks (AMLCR), 2nd ed., Cambridge
// University Press, 2013, chapters 4, 5 and 9.
//
// # Conventions
//
//   - Ages are integers, age last birthday at the valuation date, and a life
//     aged x is taken to be aged exactly x. Time t counts whole years from the
//     valuation date (t = 0); a calendar year (2025) is a different thing and
//     is never mixed with t. Where a function takes a real time it says so.
//   - A rate is an annual effective rate written as a fraction: 0.05 means 5%.
//     Interest and escalation rates must be finite and above −1; 0 means no
//     interest (v = 1); negative rates are allowed.
//   - v = 1/(1+i), d = i/(1+i), δ = ln(1+i). On a [Curve] the rate of year t
//     (from t to t+1) applies within that year, so the discount factor to a
//     real time t+s, 0 ≤ s < 1, is v(t)·(1+i_t)^(−s).
//   - Annuities pay 1 a year: an annuity-due at the start of each period, an
//     annuity-immediate at the end; with m payments a year each is 1/m.
//     Insurances pay 1 at the end of the year of death unless paid at death.
//   - Cash-flow vectors are indexed by t: cf[t] is paid in year t, at its
//     start, middle or end as a [Timing] says; the zero Timing is [MidYear].
//   - Mortality between integer ages is uniform (UDD) unless a method says
//     otherwise; q above a table's MaxAge is 1. Two lives are independent.
//   - Amounts are float64 units of money (or of benefit); nothing is rounded.
//
// # Destination slices
//
// A function or method whose first argument is dst writes its result there
// and returns it, as gonum's floats and mat do: dst may be nil, and then a
// new slice is allocated; if non-nil its length must equal the result's,
// and a mismatch is a programming error that panics; the result is
// returned. A destination struct (a *projection.Result, an
// *indicator.Summary) may be nil too, and otherwise has its slices reused.
// Hot loops pass a dst kept between calls and allocate nothing. The
// destination comes first, as in Projector.Run(dst, years).
//
// # Errors
//
// Errors wrap the sentinels of errors.go ([ErrInterest], [ErrRange],
// [ErrNegative], [ErrRate], [ErrNotFinite], ...), which the subpackages
// share; a reader returns a
// [*ParseError] naming the file, line, column and value, a constructor a
// [*RateError] naming the field and value. Methods that return a single
// number (the textbook functions) panic, with a message starting
// "actuarial:", on programming misuse: a [Life] with no table, an interest
// rate that is NaN, infinite or at most −1, an age below the table's MinAge,
// a negative term. Where data enters, check it first with [Life.Validate],
// [CurveLife.Validate], [Life.CheckAge], [ValidateInterest],
// [Annuity.Validate] and [Insurance.Validate]. An age above MaxAge is not
// misuse: q is 1 there, so ä_x = 1 and A_x = v.
//
// # Packages
//
// The subpackages layer one way; each imports only those above it:
//
//   - [github.com/reserva-go/reserva/actuarial/census]: member records: read,
//     validate, write, group into cells.
//   - [github.com/reserva-go/reserva/actuarial/valuation]: one member valued
//     on a plan and a basis (TUC, PUC, EAN).
//   - [github.com/reserva-go/reserva/actuarial/scheme]: a scheme as data:
//     groups, rules by calendar year, assumptions.
//   - [github.com/reserva-go/reserva/actuarial/indicator]: the ILO indicators
//     and the decimal ledger, from plain yearly series.
//   - actuarial/internal/rules: the law in force in a year, compiled once
//     from a scheme; every engine evaluates the rules from there.
//   - [github.com/reserva-go/reserva/actuarial/projection]: the engines:
//     cohort projector, seriatim, accrued liability, scenario runs.
//   - [github.com/reserva-go/reserva/actuarial/stochastic]: scenario
//     generators and Monte Carlo projections, their percentiles,
//     probabilities of exhaustion and risk measures.
//   - [github.com/reserva-go/reserva/actuarial/actuarialtest]: reference
//     tables and schemes for tests.
//
// Package mortality sits below actuarial; package reform, above them all,
// changes schemes and compares them.
package actuarial
