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
