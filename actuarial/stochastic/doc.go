// Package stochastic projects a scheme under many economic and mortality
// scenarios and measures the spread of the outcomes: percentiles of the
// reserve, the reserve ratio, the PAYG cost rate, the funding ratio
// ([Outcomes.FundingRatio]) and the state's deficit transfers by year; the
// probability that the reserve is exhausted by each year and the
// distribution of the depletion year; the distribution of the general
// average premium (GAP) and of the deficit's present value over a horizon,
// with value at risk and conditional tail expectation; the probability
// that the contribution needed (the GAP, or a year's PAYG cost rate)
// exceeds a rate; and the lever value (a contribution rate, say) that
// keeps the probability of exhausting the reserve before a year at or below
// a bound ([SolveRisk]). Every estimate comes with its Monte Carlo standard
// error. [RunRegimes] runs a baseline and its reforms on the same scenarios,
// and [Difference], [YearDifference] and [ExhaustionDifference] measure the
// reform scenario by scenario.
//
// It sits below [projection] in the layering: a scenario is a copy of the
// scheme whose economic schedules (Assumptions.Return, WageGrowth and
// Inflation) are replaced by the scenario's paths, and, when
// [Config.Mortality] is set, whose mortality tables are the scenario's
// generational tables, from Lee-Carter paths ([LeeCarterMortality]) or a
// random shock on the scheme's improvement scale ([ImprovementShock]),
// projected by a [projection.Projector] that each worker reuses across its
// scenarios. The workers are those of [projection.ForEachWorker], the pool
// every parallel run of the module shares.
//
// A [Generator] draws the economic paths: independent lognormal returns
// ([Lognormal]), an AR(1) on the log return ([AR1], estimated by [FitAR1]),
// returns, wage growth and inflation jointly ([Joint]), or a user's own set
// read from CSV ([ReadPaths]).
//
// # Conventions
//
// Timing and units are the projection's (see package projection): year t is
// calendar year StartYear + t; Path.Return[t] is the investment return earned
// during year t; Path.WageGrowth[t] and Path.Inflation[t] are the growth
// into year t, applied on its 1 January. The reference salary of a pension
// awarded in year t (the average of the last ReferenceYears salaries)
// follows the projection's rule: the salaries of the years before are
// taken back from the final one at year t's wage growth, not along the
// path's realised growth of those years. An actuary would expect the
// realised path (the reference salary averages the salaries actually
// paid); the two differ by a relative amount of the order of the wage
// growth's yearly volatility times √ReferenceYears in a scenario, with a
// mean difference of second order across scenarios. Taking the realised
// path would change deterministic projections whose WageGrowth schedule
// changes within the reference period as well, so it is left to a change
// of the projection's rule. Since each scenario's wage growth changes every
// year, the projector computes the reference ratios and the past salaries of
// its populated cells anew each year, by a division-free evaluation whose
// values differ from the definition's by a few units in the last place
// (see package projection); with no wage volatility the wage growth does not
// change, and the ratios are computed as defined, as in a deterministic
// projection.
// Rates are annual effective rates as
// fractions (0.05 is 5%); the models draw log rates, x = log(1 + rate). The
// year after the last of a path takes the last year's value, as an
// [actuarial.Schedule] does. Money is in the scheme's money units, nominal;
// reserves are at 31 December of each year. The funding ratio is a
// fraction (1: the reserve equals the liability); the period index k of a
// Lee-Carter model is dimensionless, on the model's scale. A by-year
// measure is written into a destination slice given first, allocated only
// when it is nil (as gonum's floats.CumProd(dst, s)).
//
// A percentile p is a fraction in (0, 1): the 5th percentile is p = 0.05.
// It is the empirical quantile of the N scenarios (gonum stat.Quantile with
// stat.Empirical): the smallest outcome x such that at least p·N scenarios
// have an outcome ≤ x. Its standard error is half the width of the
// distribution-free order-statistic interval whose ranks lie one binomial
// standard deviation √(N·p·(1−p)) either side of N·p (Conover, Practical
// Nonparametric Statistics, 3rd ed., 1999, §3.2). A probability is the share
// of scenarios in which the event happens, with the binomial standard error
// √(p̂(1−p̂)/N). Value at risk at level α is the α-percentile of a loss (a GAP
// or a deficit, larger is worse); the conditional tail expectation CTE_α is
// the mean of the ⌈(1−α)·N⌉ largest outcomes, with the standard error of
// Manistre and Hancock, "Variance of the CTE estimator", North American
// Actuarial Journal 9(2), 2005.
//
// The reserve is exhausted in the first year whose reserve at 31 December is
// negative (indicator.DepletionYear); "exhausted by year t" counts the
// scenarios exhausted in year t or before.
//
// # Seeds and common random numbers
//
// Scenario i of a generator with seed s draws from its own source,
// rand.NewPCG(s, i) of math/rand/v2: its path depends on (s, i) only, never on
// the number of workers, the order in which scenarios run or the scheme
// projected. A [LeeCarterMortality] with seed s draws scenario i's mortality
// from rand.NewPCG(s ^ 0x9e3779b97f4a7c15, i), a stream of its own, and an
// [ImprovementShock] from rand.NewPCG(s ^ 0x6a09e667f3bcc909, i). Two
// schemes (a baseline and a reform) run with the same generator thus see the
// same paths scenario by scenario, common random numbers, so that the
// difference of their outcomes measures the reform and not the noise;
// [RunRegimes] draws each scenario once for all of them.
//
// # Shards
//
// [Config] First and Scenarios select the scenarios [First, First+Scenarios).
// A shard's [Outcomes] hold one summary per scenario, equal bit for bit to the
// values of a full run, and [Merge] concatenates contiguous shards in scenario
// order: the merged outcomes, and every measure taken from them, are those of
// the full run exactly.
//
// # Cancellation
//
// [Run] takes a context; each worker checks it before every scenario, so a
// cancelled run stops within one projected scenario and returns ctx.Err().
package stochastic
