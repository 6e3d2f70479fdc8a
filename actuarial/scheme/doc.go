// Package scheme describes a defined-benefit pension scheme as plain data: a
// [Scheme] of member groups ([Group]), each with its census cells and its
// timeline of [Rules] by calendar year, the transitions ([Transition]) and
// entrant groups between them, the [Assumptions] (mortality by [LifeStatus] and sex, decrements,
// retirement, salaries, economy, new entrants, family) and an initial
// reserve. It validates a scheme and knows nothing of how it is projected:
// package projection runs it.
//
// # Conventions
//
//   - Calendar years are real years (2025). StartYear is the year of the
//     census, counted on its 1 January, and the first projected year.
//   - Rules take effect on 1 January of their From year; the rules in force
//     in a year are a group's last with From ≤ year ([Group.RulesAt]).
//   - A calendar-year [actuarial.Schedule] gives a rate in each year: wage
//     growth, inflation and unit growth into year y apply on its 1 January;
//     contribution rates and returns apply within the year. A nil Schedule
//     is 0% in every year.
//   - Rates and shares are fractions (0.15 is 15%); ages are age last
//     birthday and service completed years, on 1 January.
//   - Amounts (salaries, the initial reserve, limits in money) are float64
//     money units a year, at StartYear's level; limits may also be set in
//     the reference unit of Assumptions.Unit, which grows with UnitGrowth.
//   - Mortality is a [YearTable], q by age and calendar year, so period
//     ([PeriodTable]) and generational tables serve alike; ages below a
//     table's MinAge take its rate at MinAge.
//   - Every zero value is documented on its field; the zero [Entrants] is a
//     closed group.
//   - Rates are fractions (0.06 is 6%). The yearly economic rates (returns,
//     wage growth, inflation, unit and entrant growth, IndexRate) must lie
//     in (MinPlausibleRate, MaxPlausibleRate] = (−50%, 100%]: a value above
//     1 is far more often a percent typed as a number than a real rate, and
//     is refused with [ErrImplausibleRate] unless
//     Assumptions.AllowExtremeRates is set.
//   - A schedule's step is named in errors by its calendar year; a first
//     step at or before StartYear by StartYear ("Return in 2025").
//
// # Rules that differ by sex, cohort and duration, and their timing
//
//   - By sex: [Rules] BySex[sex] ([SexRules]) replaces, for one sex, the
//     accrual table and reference period of Retirement, the
//     early-retirement reduction of Eligibility and the caps and floors of
//     retirement and disability pensions; a zero field keeps the common
//     value, so the zero BySex is one law for both sexes. They apply on
//     1 January, at retirement, as the common ones do; a sex's caps and
//     floors also on disability and, under LimitsInPayment, to its
//     pensions every year in payment.
//   - By birth cohort: an [actuarial.Condition] bounded by FromCohort and
//     ToCohort applies only to the members born in those years, a member
//     aged x on 1 January of year y being born in y − x − 1
//     ([actuarial.CohortOf]); eligibility is judged on 1 January of each
//     year with each member's own cohort.
//   - Retirement rates: Assumptions.RetirementTiming ([RetirementTiming])
//     reads the retirement probabilities by age (RatesByAge, the zero
//     value) or by the years since first eligibility for a full pension
//     (RatesSinceEligibility), against the rules of StartYear.
//   - Survivors: a survivor's pension is awarded for a death during a year
//     at SurvivorShare, for the rest of that year and from the next
//     1 January; Rules.SurvivorSteps (of the rules of the year of the
//     death) move it to another share on the Years-th 1 January after
//     that one ([Rules.SurvivorShareAt]). A widow or widower alive at the
//     end of a year remarries with probability Family.Remarriage at the
//     year's age and loses the pension on the next 1 January, unless the
//     rules in force that year keep it (Rules.KeepOnRemarriage). Orphans'
//     pensions stop at the end of the year in which the orphan is one year
//     short of Rules.OrphanEndAge (Family.OrphanEndAge when 0) of the rules
//     in force that year.
//   - Work risks: death and disability at work are causes of their own
//     in Assumptions.Decrements (actuarial.WorkDeath, WorkDisability),
//     acting during the year beside the others, with benefits of their
//     own ([WorkRisks]): a work-disability pension on the service
//     completed (no service condition unless the accrual sets one), and a
//     widow(er)'s and orphans' pensions for a death at work, awarded, paid
//     and ended as those of a death in service.
//
// # Errors
//
// [Scheme.Validate] and [Assumptions.Validate] return a [*SchemeError]
// naming the path of the first bad field ("Groups[1].Rules[0].Ceiling") and
// its value, wrapping [ErrRequired] (a StartYear of 0 included), [ErrOrder],
// [ErrImplausibleRate], [ErrEmptyCell] (money in a census cell without
// members), [ErrUnreachableAge] (an eligibility age above the last age of
// the actives' mortality table) or a sentinel of package actuarial
// ([actuarial.ErrRange], [actuarial.ErrNegative], [actuarial.ErrRate],
// [actuarial.ErrNotFinite], [actuarial.ErrInterest]). A nil scheme is a
// programming error and panics where it is used.
//
// # Study files
//
// A scheme, where its census and mortality come from, and other schemes to
// compare it with make a study file: a versioned JSON document
// (StudyVersion), described field by field with examples in the
// repository's docs/study-format.md. [ReadStudyFile] and [DecodeStudy]
// read one into a [Study]; [EncodeStudy] writes a scheme as one, with its
// mortality and census inline or by reference to files ([EncodeOptions]).
// Enums are written by name ("prices", "old_age", "employer", "male"),
// rates as fractions, money with its currency; each [Rules] entry may cite
// its legal [Source]. Decoding is strict: an unknown field, a wrong type or
// a bad value is a [*StudyError] that names the JSON path of the value
// ("groups[0].rules[1].eligibility.full.both[0].min_age") and its line,
// wrapping [ErrStudy] and, where one applies, a sentinel above. A scheme
// encoded and decoded projects to results identical to the last bit:
// encoding/json writes each float64 in a form that parses back to it.
package scheme
