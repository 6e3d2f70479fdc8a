// Package modelworker follows typical careers, model workers, through the
// rules of a scheme: when each retires, on what pension, how that pension
// keeps up with prices and wages, and what the worker gets back for the
// contributions paid (the money's worth). It is the PROST-style "typical
// individual" view of a regime, beside the population view of package
// projection.
//
// The law is evaluated by actuarial/internal/rules, the package every
// projection engine reads: eligibility, the accrual formula, the ceiling,
// caps, floors and indexation are compiled there once, and this package
// walks one career through them. That is why it lives under actuarial/:
// an internal package is importable only from its parent's tree.
//
// # Conventions
//
//   - Calendar years are real years; ages are last birthdays and service
//     completed years of contributions, on 1 January, as in package scheme.
//   - The career starts on 1 January of Config.EntryYear at Worker.EntryAge
//     and earns, in each calendar year y at age x, the salary
//     A(y)·m(x): A is the average salary (Config.AverageSalary in the
//     scheme's StartYear, grown by Assumptions.WageGrowth) and m the
//     worker's multiplier (Worker.Relative, or Worker.Path by age).
//   - A year at an age listed in Worker.Gaps pays no contribution and adds
//     no service.
//   - Retirement is on 1 January of the retirement year, as in the engines.
//     The final salary is that of the last year of contributions, and the
//     reference salary averages the last min(ReferenceYears, service)
//     salaries of contributing years, nominal. The pension is the
//     entitlement factor of rules.Entitlement times that average, capped
//     then floored at the year's limits (the reference unit grown by
//     UnitGrowth from StartYear's Unit). Without a pension due at the
//     compulsory age the worker withdraws with the refund of the rules.
//   - Amounts are money a year in the money of their calendar year; "real"
//     amounts are deflated by Assumptions.Inflation to the retirement year;
//     amounts "relative to wages" are divided by the average salary of
//     their year.
//   - Cash flows are taken mid-year as in the engines: contributions (all
//     payers, on salary up to the ceiling) of every contributing year, and
//     pensions (with ExtraPayments) of year y+k weighted by the probability
//     kp of being alive on its 1 January times 1 − q/2, q from the scheme's
//     retired mortality (StatusRetired with its fallbacks). Present values
//     are on 1 January of the entry year at Assumptions.Return; the career
//     is assumed completed (contributions are certain).
//   - Expected years of benefit are the curtate life expectancy at the
//     retirement age, Σ_{k≥1} kp, along the retired mortality of the years
//     from retirement on.
package modelworker
