// Package mortality provides rates of death: life tables, parametric laws of
// mortality, select and ultimate tables, mortality improvement (one- and
// two-dimensional scales, generational tables), the Lee-Carter model, and
// readers for the standard formats (SOA XTbML, plain CSV, Human Mortality
// Database life tables).
//
// The package knows nothing of money or interest; life contingencies live in
// package actuarial, which builds on the [Table] interface defined here.
//
// # Conventions
//
//   - Ages are integers, age last birthday, unless a name says otherwise
//     (a law's Hazard takes an exact, real age x).
//   - A calendar year is a real year (2025). Durations are whole years.
//   - q_x is the probability that a life aged exactly x dies before x+1,
//     a fraction in [0, 1]. q above a table's MaxAge is 1: a table ends with
//     everyone dead. Asking a table for an age below its MinAge is a
//     programming error and panics with a message starting "mortality:".
//   - Survival between integer ages is a typed choice ([Fractional]): uniform
//     distribution of deaths (UDD), constant force, or Balducci.
//   - A law's Hazard is the force of mortality µ(x) per year at exact age x.
//     Tables built from a law integrate the hazard exactly over each year of
//     age: q_x = 1 − exp(−∫_x^{x+1} µ(s) ds), in closed form where the law has
//     one and by Gauss–Legendre quadrature otherwise.
//   - Improvement scales follow the SOA convention
//     q(x, y+1) = q(x, y)·(1 − AA(x, y)).
//
// # Errors
//
// Constructors return an error naming the field, the age and the value of
// bad input (a rate outside [0, 1], NaN, a non-increasing survivor count).
// Readers return a [*ParseError] naming the file position (line, and column
// or XML element) and the offending value; they never panic on input and
// never drop a record silently.
package mortality
