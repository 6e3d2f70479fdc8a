// Package projection runs a [scheme.Scheme] forward in time: the engines
// that turn a scheme's census, rules and assumptions into flows and values.
//
//   - A [Projector] projects the scheme year by year, as the ILO's actuarial
//     valuations of social-security schemes do: an annual, deterministic
//     cohort projection of expected numbers of lives by cell (group × sex ×
//     age × completed service for actives, group × pension type × sex × age
//     for pensions), for an open or a closed group, into a [Result] of one
//     [YearResult] per year. [RunScenarios] runs many schemes in
//     parallel, on the worker pool of [ForEach] and [ForEachWorker]
//     (packages reform and stochastic use it too); [Projector.Reset]
//     points a projector at another scheme, rebuilding only the tables
//     the two schemes do not share.
//   - A [Seriatim] values a census record by record ([ActiveRecord],
//     [PensionRecord]) under exactly the projection's rules and timing: the
//     closed-group projection of one member, its flows discounted
//     ([FlowValues]). [Seriatim.Reset] points one at another scheme,
//     keeping its memory, as Projector.Reset does; an [ActiveCensus] holds
//     active records checked and laid out once, for valuing one census
//     under many schemes ([Seriatim.TotalCensus]).
//   - [ClosedGroupLiability], [Seriatim.Liability] and
//     [Seriatim.CellLiability] value the closed group's accrued [Liability]
//     at the census date (PUC and TUC, with the PVFB, PVFS and normal cost),
//     each exit's benefit attributed to service pro rata, as a
//     [valuation.Valuer] attributes it.
//
// With the Projector's Split set, a Result also splits its flows by
// group, sex and age ([Split]), so by birth cohort, and with its
// ServiceBands by band of service on the valuation date (the pensions in
// payment then, and the future entrants, in bands of their own; a
// member's pensions stay in its band): [Result.CohortValues] and
// [Result.CohortValuesBy] give each cohort's present values, money's
// worth and internal rate of return; [Split.ReplacementRates] the replacement rates of new pensions
// by year, sex and cohort; and [AgainstFloor] compares the average new
// pension of each year with a minimum pension or a social-protection floor.
//
// A Result's series feed package indicator through [Result.Flows], which
// carries the fund's returns: indicator.Summarize(nil, res.Flows(nil),
// indicator.Horizon{}) is the one way to summarize a projection.
//
// # Conventions
//
//   - Year t = 0 is calendar year StartYear; ages are last birthdays and
//     service completed years, on 1 January.
//   - Counts are expected numbers of lives (float64, fractional); salaries,
//     pensions, contributions and every other amount are money units a year
//     of the year they are paid in (nominal), float64, never rounded.
//   - Mortality comes from the scheme's [scheme.YearTable] by status and sex;
//     ages below a table's MinAge take its rate at MinAge, and q at
//     [census.MaxCensusAge] is 1.
//   - Rates given as a calendar-year [actuarial.Schedule] apply within that
//     year (a contribution rate, a return) or on its 1 January (wage growth,
//     inflation and unit growth from the year before, indexation).
//   - Seriatim and cells agree up to rounding except where a cap, floor or
//     ceiling binds for some members of a cell and not for the cell's
//     average salary, which the cells use ([Seriatim] explains the size of
//     that gap). Against a [valuation.Valuer] on common conventions the
//     salaries, contributions and refunds agree to rounding and retirement
//     pensions once valued by the same annuity; the models differ on
//     disability, death in service and survivors, and only the Valuer has
//     retirements during the year, deferred pensions and refunds with
//     interest.
//
// # Timing
//
//   - The census is on 1 January of StartYear.
//   - On 1 January of each year, in this order: survivors of the year before
//     are a year older with a year more service (the last service cell keeps
//     those at or above MaxService); their salaries have grown by merit
//     ([actuarial.SalaryScale] Merit at last year's age and service) and by
//     general wage growth; pensions in payment are indexed under the rules
//     in force that day; new entrants join with service 0 (open group);
//     transitions ([scheme.Transition]) move members between groups. Then
//     members eligible for a pension retire with the retirement probability
//     of their sex and age (1 from a compulsory age, when members without a
//     pension leave as withdrawals); their pensions are paid for the whole
//     year.
//   - During the year: deaths, disability and withdrawal among the remaining
//     actives, as dependent probabilities from the active mortality and the
//     independent rates of the scheme's [actuarial.ServiceTable] (UDD in
//     each single-decrement table, or as the table says); deaths among
//     pensioners. Lives leaving during the year contribute, or are paid, for
//     half of it: an exposure of 1 − q/2. Disability, survivors' and orphans'
//     pensions awarded during the year are paid for half of it and join the
//     pensions in payment on the next 1 January, at the beneficiary's age
//     then; they do not die in their first part-year.
//   - Work risks: where the service table's work_death and work_disability
//     rates act, death and disability at work are two more causes of the
//     actives' year, beside the others ([actuarial.WorkDeath],
//     [actuarial.WorkDisability]; YearResult.Exits counts them apart). They
//     pay the benefits of [scheme.WorkRisks], timed as disability and
//     death in service: a work-disability pension
//     (census.PensionWorkDisability, on the disabled's mortality, leaving
//     survivors' pensions on death as a disability pension does) and, for
//     a death at work, a widow(er)'s pension (census.PensionWorkSurvivor,
//     for life or until remarriage, at a share that does not step) and
//     orphans' pensions (census.PensionOrphan). Without work-risk rates
//     nothing changes. A [valuation.Valuer] refuses a table in which they
//     act.
//   - The rules of issue 12 follow package scheme's "Rules that differ by
//     sex, cohort and duration": at the end of a year widow(er)s remarry
//     (Family.Remarriage) and orphans past the year's end age leave; on
//     the next 1 January a survivor's pension moves to the share of its
//     years since the award (Rules.SurvivorSteps), before it is paid.
//   - Pensions are computed on award: a retirement pension from the
//     [actuarial.Formula] of the rules in force, on the member's salary that
//     day times the salary scale's ReferenceRatio (the average of the last
//     ReferenceYears salaries, each the next one divided by that year's
//     merit and by 1 + the award year's wage growth: the past years are
//     assumed to have had this year's growth, not the growth of the
//     Assumptions.WageGrowth schedule in those years. At the first
//     year's wage growth the ratio is computed as defined, bit for bit; at
//     any other (a wage growth that changes every year, as in stochastic
//     scenarios, where each year's ratios must be computed anew) it is
//     evaluated without a division, as a polynomial in 1/(1 + w) whose
//     coefficients depend on the salary scale only, to a few units in the
//     last place of the definition's value; the past salaries of refunds
//     likewise); a disability
//     pension likewise on the service completed at the start of the year;
//     a survivor's or orphan's pension as a share of the deceased's
//     pension (or, for a death in service, of the disability pension the
//     member would have had). Caps and floors in reference units follow the
//     unit's growth.
//   - Minimum and maximum pensions are guarantees ([scheme.LimitsInPayment],
//     the default): every year in payment, retirement and disability
//     pensions are paid at least the year's floor and at most its cap, at
//     that year's unit; the pension as awarded keeps being indexed and the
//     limits bind on what is paid. [scheme.LimitsAtAward] applies them on
//     award only. A cell applies them to its average pension (the
//     approximation of caps on award, by Jensen's inequality: a cell mixing
//     pensions above and below the floor is topped up less than its
//     members would be). [YearResult].MinimumTopUp is what is paid above
//     the formula's own amounts because of floors (on award and in
//     payment); when the rules' MinimumPaidBy is the state it is also a
//     transfer into the fund. A survivor's pension is a share of the
//     pension paid at death. The [Seriatim] engine and the liabilities
//     apply them in the same way, to each member's own pension.
//   - Automatic balancing ([scheme.Balancing]) reads the reserve ratio at
//     the start of a year, R on 1 January over the year before's benefits
//     and administration costs, before the year's retirements: below its
//     threshold, the next 1 January's indexation is cut, or a contribution
//     step is taken for good. The first year has no ratio. The Seriatim
//     and liabilities, without a fund, ignore it.
//   - Refunds on withdrawal return a share of the member's own
//     contributions, accumulated without interest. Cells carry no account:
//     the contributions are estimated from the cell's contribution base B
//     (salary up to the ceiling) as B·r̄_s·T(x, s) + ½·r·B, where T(x, s) =
//     Σ_{k=1..s} S_{−k}/S_0 are the member's past salaries relative to the
//     current one along the salary scale and the year's wage growth, r̄_s is
//     the average of the group's worker contribution rates over the last s
//     years (before the start year, those of its first rules), and ½·r·B the
//     half year of contributions of a member leaving during the year (none
//     for those leaving on 1 January at the compulsory age).
//   - All cash flows of a year are taken as paid mid-year: investment income
//     I = R·i + (C + T − B − E)·((1+i)^½ − 1), with R the reserve on
//     1 January, C the contributions, T the state's transfers, B the
//     benefits (pensions, extra payments, refunds), E the administration
//     costs and i the year's return; the reserve on 31 December is
//     R + C + T + I − B − E, and may become negative.
//   - Present values ([Result.PresentValues], [Seriatim], [Liability]) are at
//     1 January of StartYear, on the scheme's returns, each year's flows paid
//     mid-year.
//
// # Two forms of the hottest loops
//
// On amd64 processors with AVX2 the projector's hottest loops (the actives'
// step, row after row, the retirements' runs, the pensions in payment and
// their join, the reference-salary ratios, factors and past salaries the
// rules compute when the wage growth changes every year, and the
// decrements they compute when the mortality does) run forms written in
// assembly, four cells at a time; elsewhere, or built with the purego tag
// (go test -tags purego), they run their Go forms. Each assembly form has
// its Go twin, which tests compare it with: every cell bit for bit (the
// same operations in the same order, no fused multiply-add), and the
// year's sums, added by lane, within a few units in the last place (the
// largest difference seen, 1e-11 relative, a top-up taken as a difference
// of two sums). The two forms therefore agree to the tolerances of every
// agreement test, not bit for bit in the yearly totals;
// docs/performance.md gives the figures, under BenchmarkProjectReference.
//
// # Errors
//
// [NewProjector], [Projector.Reset], [NewSeriatim] and [ClosedGroupLiability] return the first
// problem [scheme.Scheme.Validate] finds (a [*scheme.SchemeError]); a run
// returns a [*actuarial.RateError] for a mortality rate that is not a
// probability in some year, and an [*indicator.SeriesError] wrapping
// [actuarial.ErrNotFinite], naming the series and the year, when finite
// inputs overflow (checked once a year, at its end); [RunScenarios] returns
// the first scheme's error, wrapped with its index. A number of years of 0
// means [DefaultYears]. A record that cannot be valued returns a
// [*valuation.MemberError] naming the field and value (with the record's
// index for a batch); a value that is not finite wraps
// [actuarial.ErrNotFinite]. A nil scheme or a negative number of years is a
// programming error and panics.
package projection
