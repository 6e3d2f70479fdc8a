// Package root finds roots of functions of one variable, for every package
// of the module: Brent's method on a bracket ([Brent]), bisection over the
// integers ([BisectInts]) and the internal rate of return of a stream of
// cash flows ([IRR]). gonum has no scalar root finder; reform's solvers and
// projection's cohort measures share this one.
//
// It sits at the module's root, not under actuarial/internal, because
// Go's internal rule makes actuarial/internal visible only within
// actuarial/..., and package reform uses it too.
//
// # Conventions
//
// Rates are annual effective rates written as fractions (0.05 is 5%);
// times are in years from an origin.
package root
