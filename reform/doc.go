// Package reform changes the parameters of a pension scheme the way a law
// reform does, and measures what the changes do.
//
// A [Change] is a typed value — [ContributionRate] (with a phase-in),
// [ContributionCeiling], [RetirementConditions] (by calendar year or by birth
// cohort), [AccrualTable], [ReferencePeriod], [PensionCap], [PensionFloor],
// [PensionGuarantee], [AutomaticBalancing], [SustainabilityFactor],
// [Indexation], [SurvivorShare], [SurvivorSteps] (the survivor's share by
// years since the award), [RetirementBySex] (the accrual table, reference
// period and early reduction of one sex), [RemarriageRule],
// [OrphanEndAge], [WorkRiskBenefits] (the pensions of disability and
// death at work), or [RulesEdit]
// for anything else; any of them wrapped in [Cited] with the legal text it
// models —
// effective from a calendar year, for some or all member groups, and for the
// members a transition rule ([Who]) selects: everyone, new entrants only, or
// those below a service or an age on the effective date. A [Reform] is a
// named list of changes; [Reform.Apply] makes them on a deep copy of a
// [scheme.Scheme], as entries of the groups' timelines of [scheme.Rules],
// new member groups, transitions and entrant groups. On top of that:
// [Compare] projects a base and reforms in parallel and reports each
// scenario's [Metrics] and their [Delta] from the base ([CompareInto]
// writes a comparison over an earlier one's memory, for programs that
// compare again and again); [Attribute] gives
// each change's marginal effect, the effects adding up to the reform's;
// [Solve] finds the value of a [Lever] in an allowed range that meets a
// [Target] (Brent's method for continuous levers, bisection for integer
// ones); [SolveFrontier] solves one lever along a grid of another (a
// [ServiceLever], say) for the combinations that just meet a target;
// [SolvePackage] finds the package of several levers that meets a target
// at the least weighted change (Brent's method along directions, gonum's
// Nelder–Mead over them); [SolveScaledPremium] and [SolveSteadyState]
// give the ILO's scaled premium and the CPP-style steady-state rate
// ([SteadyReserveRatio]), and [TerminalFunding] the ILO's terminal-funding
// rate of each year (the capital values of the pensions awarded in it over
// its salaries); [Sensitivity] gives the bars of a [Tornado]; [NewReport],
// [WriteText], [WriteCSV] and [WriteMarkdown] turn a list of [Outcome]
// values into tables by year and summaries; [WhoGains] gives the change in
// the present values of benefits and contributions by sex, service band
// and birth cohort, and the share of members losing more than x% counted
// model point by model point ([Gains]: text, CSV, and a [Table] or
// Markdown in English or Spanish; chart.Gains and chart.GainsMap;
// reformjson.FromGains), from two results projected with the split, or
// from [Compare] itself with [Options] WhoGains (off by default: the split
// costs time and memory in every scenario).
// Charts of outcomes are drawn by package reform/chart, so that importing
// reform does not import gonum/plot. Reports and charts are written in
// English or in Spanish as written in Mexico (es-MX), chosen by
// [ReportOptions] Language and chart.Options Language (the zero value is
// English), from one catalogue of strings per language; numbers in Spanish
// are grouped as golang.org/x/text formats them for es-MX. Package
// reform/htmlreport writes the whole valuation report as one HTML page, and
// reform/xlsx the results as an Excel workbook (the only importer of
// excelize).
//
// # Study files
//
// A study file (docs/study-format.md) may hold reforms of its base scheme
// and run options besides the schemes package scheme reads: every typed
// change but [RulesEdit] (a Go function), each with its legal source if
// given ([Cited]), problems to solve and reforms to attribute. [ReadStudyFile], [DecodeStudyFS] and [FromStudy] read them,
// strictly (a bad value is a [*scheme.StudyError] naming its JSON path and
// line); [MarshalReforms] and [MarshalStudyOptions] write them;
// [RunStudy] runs a study.
//
// # Cancellation and progress
//
// [CompareContext] and [RunStudy] take a context.Context and start no
// scenario once it is done, returning ctx.Err(); [Options] Progress, when
// set, is called (done, total) as each scenario finishes.
//
// # Conventions
//
//   - A change takes effect on 1 January of its calendar year, and never
//     before the scheme's StartYear.
//   - Rates are fractions (0.15 is 15%); ages are age last birthday;
//     service is completed years.
//   - A member aged x (last birthday) on 1 January of year y was born in
//     year y−x−1, his birth cohort.
//   - Scenarios are projected for [Options] Years (100 by default) and
//     their indicators discounted, unless Options.Horizon says otherwise,
//     at each scenario's own projected returns.
//   - Money is float64 in computations; reports turn it into
//     decimal.Decimal rounded half to even in the [Units] that
//     [ReportOptions] names, and print a value that does not exist (a rate
//     on a zero salary bill) as "n/a".
//   - Results do not depend on the number of workers.
//   - The solvers that run many projections take a context.Context,
//     checked before each projection; once it is done they return its
//     error, wrapped.
//
// # Errors
//
// Applying is strict: a change that affects nobody ([ErrNoEffect]), names a
// group the scheme lacks ([ErrUnknownGroup]), takes effect before the
// scheme starts ([ErrBeforeStart]) or has a value out of range
// ([ErrInvalid]) returns a [*ChangeError] naming the reform, the change and
// the group. Bad [Options], [Problem] or [Shocks] wrap [ErrOptions]; a
// range that cannot meet a target returns a [*NoSolutionError] wrapping
// [ErrNoSolution]. Reports wrap [ErrNoOutcomes], [ErrIncompleteOutcome],
// [ErrOutcomesDiffer], [ErrReportOptions], [ErrYearOutside] or
// [ErrNoCellDetail]. Errors of the scheme and its projection are passed on
// wrapped. A nil scheme is a programming error and panics.
package reform
