// Package reform changes the parameters of a pension scheme the way a law
// reform does — contribution rates, retirement conditions, the accrual
// formula, indexation, survivor benefits, the contribution ceiling — each
// from a calendar year, with phase-in schedules and transition rules; it
// runs a base and reformed schemes side by side, attributes the effect to
// each measure, solves for the parameter that meets a sustainability
// target, and reports and charts the results.
//
// It builds on package actuarial's [actuarial.Scheme] and
// [actuarial.Projector]; package actuarial knows nothing of reforms.
//
// # Conventions
//
//   - A change takes effect on 1 January of its calendar year.
//   - Rates are fractions (0.15 is 15%); ages are age last birthday;
//     service is completed years.
//   - Money is float64 in computations and decimal.Decimal, rounded
//     explicitly, in reports.
package reform
