// Package mortality provides rates of death: life tables, parametric laws of
// mortality, select and ultimate tables, mortality improvement (one- and
// two-dimensional scales, generational tables), the Lee-Carter model, and
// readers for the standard formats (SOA XTbML, plain CSV, Human Mortality
// Database life tables).
//
// The package knows nothing of money or interest; life contingencies live in
// package actuarial, which builds on the [Table] interface defined here.
//
// # Life tables
//
// A [LifeTable] is built from rates ([NewTable]), survivors
// ([FromSurvivors]) or a law ([FromLaw]). It gives q_x, l_x, survival _n p_x
// ([LifeTable.Survival], and [LifeTable.SurvivalAll] into a caller's slice),
// the curtate and complete expectation of life, whole or temporary, and
// survival and the force of mortality at real ages under a fractional-age
// assumption ([LifeTable.SurvivalFrac], [LifeTable.Force]).
//
// The everyday adjustments return new tables: a multiple of the rates
// ([Scaled]), an age setback or set-forward ([SetBack]) and a weighted
// blend of two tables ([Blend]).
//
// # Laws
//
// A [Law] is a force of mortality; laws are value structs named and
// parameterised as their authors wrote them, each with its valid range and a
// Validate method: [Gompertz], [Makeham], [Weibull], [Perks], [Kannisto],
// [Siler], [Thiele], [HeligmanPollard] and some twenty more (the laws of the
// R package MortalityLaws, against whose output they are tested). A few laws
// model q_x rather than µ (Heligman–Pollard, Kostaki, Wittstein,
// Rogers–Planck): they implement [QLaw], [FromLaw] takes their q as it is,
// and their Hazard is the constant force −ln(1 − q) within each year of age.
//
// # Select and ultimate tables
//
// A [SelectTable] gives q_[x]+s, duration 0 being the first year after
// selection, falling to the ultimate table after the select period.
// [SelectTable.Life] returns the table a life selected at age x lives
// through, usable anywhere a [Table] is.
//
// # Improvement and generational tables
//
// [Improve] projects a base table with a [Scale] (one-dimensional,
// [ScaleByAge]; two-dimensional by age and calendar year,
// [NewAgeYearScale]) into a [Generational] table: q for a life aged x (age
// last birthday) in calendar year y, a life born in year b being aged x in
// year b+x. [Generational.Period] is the table of one calendar year,
// [Generational.Cohort] the rates one birth cohort lives through.
//
// # Lee-Carter
//
// [FitLeeCarter] fits log m(x, t) = a_x + b_x·k_t by the singular value
// decomposition of the centred log central death rates, normalised so that
// Σb_x = 1 and Σk_t = 0; k follows a random walk with drift
// ([LeeCarter.Drift], [LeeCarter.ForecastK], and [LeeCarter.Simulate] with a
// caller's random source). [LeeCarter.Generational] turns a fit and its
// forecast into a [Generational] table, q = 1 − exp(−m).
//
// # Readers
//
// [ReadXTbML] reads SOA XTbML documents (mort.soa.org: select and ultimate
// tables and improvement scales; a leading byte-order mark is skipped);
// [ReadCSV] reads an age column and one or more rate (or survivor) columns;
// [ReadHMD] reads Human Mortality Database life tables; and
// [ReadDeathsExposures] reads deaths and exposures by age and year for a
// Lee-Carter fit.
//
// # Conventions
//
//   - Ages are integers, age last birthday, unless a name says otherwise
//     (a law's Hazard, SurvivalFrac and Force take an exact, real age x).
//   - A calendar year is a real year (2025). Durations are whole years
//     unless a name says otherwise; life expectancies are in years.
//   - q_x is the probability that a life aged exactly x dies before x+1,
//     a fraction in [0, 1]. q above a table's MaxAge is 1: a table ends with
//     everyone dead, so survival past MaxAge+1 is 0. Asking a table for an
//     age below its MinAge is a programming error and panics with a message
//     starting "mortality:", as do a negative duration and an unknown
//     fractional-age assumption.
//   - Survival between integer ages is a typed choice ([Fractional]): uniform
//     distribution of deaths (UDD, the zero value), constant force, or
//     Balducci. [LifeTable.LifeExpectancy] assumes UDD:
//     e°_x = e_x + 1/2.
//   - A law's Hazard is the force of mortality µ(x) per year at exact age x.
//     Tables built from a law integrate the hazard exactly over each year of
//     age: q_x = 1 − exp(−∫_x^{x+1} µ(s) ds), in closed form where the law has
//     one and by Gauss–Legendre quadrature otherwise.
//   - Improvement scales follow the SOA convention
//     q(x, y+1) = q(x, y)·(1 − AA(x, y)); a two-dimensional scale continues
//     its last year's rates into later years.
//
// # Errors
//
// Constructors return an error naming the field, the age and the value of
// bad input (a rate outside [0, 1], NaN or ±Inf, a survivor count that
// increases, a negative minimum age) as a [*RateError] or an error wrapping
// one of the sentinels ([ErrRate], [ErrNotFinite], [ErrSurvivors],
// [ErrEmpty], [ErrAge], ...), for use with [errors.Is] and [errors.As].
// Readers return a [*ParseError] naming the file position (line, and column
// or XML element) and the offending value; they never panic on input and
// never drop a record silently.
package mortality
