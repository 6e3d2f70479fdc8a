// Package rules compiles the law of a [scheme.Scheme] into flat tables that
// every engine of package projection evaluates: the cell Projector,
// the record-by-record Seriatim valuation and the closed-group liability
// built on it. A rule is written here once; an engine only walks its
// members through the tables.
//
// # What is compiled
//
//   - [Law], once per scheme: mortality q by status, sex and age, filled a
//     calendar year at a time with the fallbacks of Assumptions.Mortality
//     resolved ([Mortality]); the independent rates of disability and
//     withdrawal and the merit of the salary scale by sex, age and service,
//     and the dependent (UDD) probabilities derived from them
//     ([Decrements]), with those of death and disability at work where
//     they act ([Work]: the five causes converted together, in the service
//     table's own assumption); the family statistics by sex and age of the deceased
//     ([Family]); and, for each group and each of its rules, the exit on
//     1 January by sex, age and service ([Exits]: eligibility status,
//     reduction, retirement probability, compulsory age and accrual, each
//     by the sex's law of [scheme.Rules] BySex) and the disability pension
//     per unit of salary by service, and those of the work risks
//     ([scheme.WorkRisks]: the pension of a disability at work and the base
//     pension of a death at work, by service, with no service condition
//     unless their accrual sets one). Rules whose conditions are bounded by
//     birth cohort have exits by calendar year ([Law.ExitsAt]): a member
//     aged x in year y is judged as born in y − x − 1, and from the year
//     every living cohort is past every bound the exits stop changing.
//     With [scheme.RatesSinceEligibility], a cell's retirement probability
//     is read at its age minus the delay, on the member's own career (one
//     year of service a year, his own cohort), of his first eligibility for
//     a full pension under the rules in force against the group's rules of
//     StartYear.
//   - [Year], once per group and calendar year: the contribution rates by
//     payer, the ceiling, caps and floors in money given the reference
//     unit, the indexation factor at the next 1 January, the extra
//     payments, refund, survivor's and orphans' shares, the survivor's
//     share by years since the award ([Year.SurvivorFactor]) and the
//     orphans' end age of the year.
//   - For one member ([Entitlement], [Clamp]): the pension the rules give
//     at a sex, age and service whatever the retirement probabilities, and
//     the order in which a pension is capped and floored; package
//     modelworker follows typical careers through them, and [Exits] are
//     compiled from Entitlement.
//   - Reference-salary ratios ([FillRatios]) and past salaries for refunds
//     ([PastSalaries], [AverageRates]) by age and service, for a wage growth.
//
// # Conventions
//
// Ages are last birthdays on 1 January, 0..[census.MaxCensusAge] (NumAges
// of them); service is completed years on 1 January, 0..ms, the last cell
// holding those at or above ms. A table by age and service is flat, at
// age·(ms+1) + service; by sex, age and service at (sex·NumAges + age)·(ms+1)
// + service, sex being [actuarial.Sex.Index]. Rates are per year; amounts
// (ceilings, caps, floors) are money per head and year, +Inf for no cap or
// ceiling and 0 for no floor.
//
// # Order of evaluation within a year
//
// Every engine evaluates a calendar year in the order of the timing stated
// in package projection's "Timing" section, and takes each step's law from
// here; only the economic series (returns, wage and unit growth), the
// entrants and the transitions between groups are read from the scheme:
//
//  1. The census stands on 1 January of StartYear. On each 1 January, in
//     this order: the survivors of the year before are a year older with a
//     year more service, their salaries grown by the merit of [Cell] (at
//     last year's age and service) and the wage growth; pensions in payment
//     are indexed by the [Year].Index of the year before (the rules in
//     force that day); entrants join; transitions move members between
//     groups.
//  2. The rules in force in the year are compiled into [Year] at the
//     year's reference unit ([Law.Year]), then adjusted by their automatic
//     balancing ([Year.Balance], [scheme.Balancing]) on the scheme's
//     [Finances] at the start of the year: the reserve on 1 January
//     (after the turn of the year, before any flow of the year) over the
//     year before's benefits and costs. An indexation cut changes the
//     Index of the next 1 January; a contribution step the year's rates
//     and every later year's. Only the cell Projector has a reserve: the
//     Seriatim and liability engines follow the members of a closed group
//     without a fund and leave Balance out, the rules as the law writes
//     them. Then, still on 1 January,
//     retirements: the [Exits] of those rules give each cell its kind of
//     exit, probability and pension per unit of reference salary; the
//     pension is that times the reference ratio ([FillRatios]) and the
//     salary, times the sustainability factor of the member's sex
//     ([Year].Sustain, from [Law.LifeExpectancy], in every engine),
//     capped and floored per head at Year's limits; withdrawals at the
//     compulsory age are refunded.
//  3. The pensions in payment are paid for the year under the year's
//     [Year].InPayment limits (floors topped up, caps applied, on the
//     pension as awarded and indexed: [PaymentLimits.Pay]), unless the
//     rules are [scheme.LimitsAtAward]; the minimum-pension top-up is
//     counted apart and, if the state pays it, transferred into the fund.
//  4. During the year: deaths, disability and withdrawal among the
//     remaining actives at the dependent probabilities of [Decrements.At]
//     (from the year's active [Mortality]), and death and disability at
//     work at its [Work] probabilities; deaths among pensioners at the
//     year's [Mortality]; survivors' and orphans' pensions of the deaths
//     from [Family.SpouseOf] and [Family.OrphansOf] at the shares of
//     [Year.DeathShares], and of the deaths at work likewise at its work
//     shares (the
//     widow(er)s' as census.PensionWorkSurvivor, at a share that does not
//     step); a disability at work's pension (census.PensionWorkDisability)
//     per head capped and floored at the Year's WorkDisCap and
//     WorkDisFloor, a death at work's base pension at WorkDeathCap and
//     WorkDeathFloor, like the disability pension; refunds on withdrawal
//     from [PastSalaries] and [AverageRates]. Survivors' pensions awarded
//     for the year's deaths start, for the rest of the year, at the year's
//     Survivor share, and join on the next 1 January.
//  5. At the end of the year: widow(er)s alive remarry with the
//     probability [Family.RemarryOf] at the year's age, and their pensions
//     end (unless the year's rules keep them); orphans one year short of the year's OrphanEnd leave. On the
//     next 1 January (step 1), a survivor's pension awarded d years before
//     moves from [Year.SurvivorFactor](d − 1) to (d) times its pension at
//     the initial share, by the factors of the year of the death.
//     Survivors' pensions in payment on the census date keep their
//     amounts (their awards are unknown).
//  6. Cash flows are taken mid-year: lives leaving during the year
//     contribute, or are paid, for half of it (the exposure E of [Cell]).
package rules
