// Package reform changes the parameters of a pension scheme the way a law
// reform does — contribution rates, retirement conditions, the accrual
// formula, indexation, survivor benefits, the contribution ceiling — each
// from a calendar year, with phase-in schedules and transition rules; it
// runs a base and reformed schemes side by side, attributes the effect to
// each measure, solves for the parameter that meets a sustainability
// target, and reports and charts the results.
//
// It builds on package actuarial's [scheme.Scheme] and
// [projection.Projector]; package actuarial knows nothing of reforms.
//
// # Conventions
//
//   - A change takes effect on 1 January of its calendar year.
//   - Rates are fractions (0.15 is 15%); ages are age last birthday;
//     service is completed years.
//   - Money is float64 in computations and decimal.Decimal, rounded
//     explicitly, in reports.
//   - A member aged x (last birthday) on 1 January of year y was born in
//     year y−x−1, his birth cohort.
//   - Scenarios are projected for [Options] Years (100 by default) and
//     their indicators discounted, unless Options.Horizon says otherwise,
//     at each scenario's own projected returns.
//
// # Changes and reforms
//
// A [Change] is a typed value — [ContributionRate] (with a phase-in),
// [ContributionCeiling], [RetirementConditions] (by calendar year or by
// birth cohort), [AccrualTable], [ReferencePeriod], [PensionCap],
// [PensionFloor], [Indexation], [SurvivorShare], or [RulesEdit] for
// anything else — effective from a calendar year, for some or all member
// groups, and for the members a transition rule ([Who]) selects: everyone,
// new entrants only, or those below a service or an age on the effective
// date, the others keeping their rights. A [Reform] is a named list of
// changes; [Reform.Apply] makes them on a deep copy of a scheme, as entries
// of the groups' timelines of [scheme.Rules], new member groups,
// transitions ([scheme.Transition]) and entrant groups. Applying is
// strict: a change that affects nobody, names a group the scheme lacks, or
// takes effect before the scheme starts is an error.
//
// # Comparison and attribution
//
// [Compare] projects a base and any number of reforms in parallel, with
// results that do not depend on the number of workers, and reports each
// scenario's [Metrics] over the horizon (GAP, cost rate, actuarial balance,
// present value of the deficit, depletion year, reserve ratios at chosen
// years) with their [Delta] from the base; [ByYear] and [DiffByYear] give
// the year-by-year figures (reserve, cost rate against contribution rate,
// contributions, benefits, support ratio). [Attribute] adds a reform's
// changes one at a time and reports each one's marginal effect; the
// effects add up to the reform's.
//
// # Solving
//
// [Solve] finds the value of a [Lever] — a contribution rate, the years
// added to retirement ages, a factor on the accrual table, or any parameter
// a change can set — in an allowed range that meets a [Target]: no
// depletion through a year, a reserve ratio of at least k through a year,
// an actuarial balance ≥ 0 (the contribution rate that meets it is the
// GAP), a GAP at most g. Continuous levers are solved by Brent's method,
// integer ones by bisection; a range that cannot meet the target returns a
// [*NoSolutionError].
//
// # Sensitivity
//
// [Sensitivity] projects a scheme with its returns, wage growth and
// mortality lowered and raised ([Shocks]) and returns the bars of a
// tornado, [Tornado], sorted by their effect on the GAP.
//
// # Reports and charts
//
// [NewReport], [WriteText], [WriteCSV] and [WriteMarkdown] turn a list of
// [Outcome]s (the base first) into a table by year (reserve, PAYG cost rate
// against the contribution rate, contributions, benefits, support ratio)
// and a summary (depletion year, GAP with and without the initial reserve,
// reserve ratios at chosen years, present value of the deficit, actuarial
// balance), with each reform's difference from the base. Money leaves as
// decimal.Decimal rounded half to even in the unit [ReportOptions] names;
// a value that does not exist (a rate on a zero salary bill) prints as
// "n/a". [chart.ReservePaths], [chart.CostRate], [chart.SupportRatio] and [chart.Pyramid] draw
// gonum/plot charts, which [chart.Save] writes as PNG or SVG by the file's
// extension; a pyramid needs the projector's cell detail. Reports and charts
// are written in English or in Spanish as written in Mexico (es-MX), chosen
// by ReportOptions.Language and chart.Options.Language (the zero value is
// English), from one catalogue of strings per language; the Spanish text and
// Markdown tables group thousands as golang.org/x/text formats es-MX numbers.
// Package reform/htmlreport writes the whole valuation report as one HTML
// file, and reform/xlsx writes the results as an Excel workbook.
//
// # Errors
//
// Errors wrap this package's sentinels ([ErrUnknownGroup],
// [ErrBeforeStart], [ErrNoEffect], [ErrInvalid], [ErrOptions],
// [ErrNoSolution]) or the errors of package actuarial; a [*ChangeError]
// names the reform, the change and the group. A nil scheme is a
// programming error and panics.
package reform
