// Package chart draws the outcomes of package reform with gonum/plot:
// reserve paths ([ReservePaths]), the cost rate against the contribution
// rate ([CostRate]), the support ratio ([SupportRatio]) and the population
// pyramid of a projected year ([Pyramid]); the frontier of two levers
// ([Frontier]); and the outcomes of stochastic projections (package
// actuarial/stochastic): a fan chart of a measure's percentile bands by year
// with the deterministic path ([Fan]), and the probability that the reserve
// is exhausted by each year, for one regime or several ([Exhaustion]); who
// gains and who loses under a reform, grouped bars of the change in present
// values by birth cohort and sex ([Gains]).
// [Save] and [Render] write a plot as PNG or SVG. It is the only package of
// Reserva that imports gonum/plot. Each function returns a *plot.Plot that
// can be restyled before it is saved. [Options] chooses the language of
// titles and axes.
//
// # Conventions
//
//   - Outcomes are given base first; each is drawn in its scenario's
//     colour, and they must start in the same year and cover the same years.
//   - Years are calendar years on the x axis; money is in the
//     [reform.Units] asked for; rates are in per cent of the salary bill;
//     counts are lives on 1 January.
//   - Tick labels of values are written in the chart's language with
//     golang.org/x/text, as the report's tables write numbers: thousands
//     grouped ("1,234,567" in English and in es-MX), no exponent, no
//     trailing zeros; years are written whole, not grouped.
//   - A year where a ratio does not exist (a zero salary bill, no
//     pensioners) is left out of its line; a fan chart of a measure
//     undefined in some scenario and year returns the
//     [stochastic.UndefinedError] instead.
//   - A fan chart's bands are the 5th–95th and 25th–75th percentiles,
//     its line the median, in the measure's units as stochastic has them
//     (money as projected, not in [reform.Units]; a cost rate as a
//     fraction); the probability of exhaustion is in per cent.
//   - PNG is at 96 dots per inch; SVG refers to fonts by name. The output
//     has no timestamp: the same plot gives the same bytes.
//
// # Errors
//
// Errors wrap the sentinels of package reform: [reform.ErrChartFormat] for
// a format or extension other than PNG or SVG (and then no file is
// created), [reform.ErrReportOptions] for invalid units, the errors of
// [reform.NewReport] for outcomes that do not match, and
// [reform.ErrNoCellDetail] for a pyramid of a projection run without its
// detail by cell.
package chart
