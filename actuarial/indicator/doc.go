// Package indicator computes the sustainability indicators of a pension
// scheme from its year-by-year series, gathered in [Flows], and turns those
// series into money in a [Ledger]. It knows nothing of how the series were
// projected.
//
// The indicators are the ILO's (Plamondon et al., Actuarial practice in
// social security, ILO/ISSA, 2002; Iyer, Actuarial mathematics of social
// security pensions, ILO/ISSA, 1999) and, for the actuarial balance, the US
// Social Security Trustees': by year, the PAYG cost rate, the reserve ratio,
// the support and dependency ratios and the replacement rate of new
// pensions; over a [Horizon], the general average premium ([GAP]), the
// actuarial balance, the state's deficit transfers and their present value;
// the depletion year, and the funding ratio, the reserve over the closed
// group's accrued liability. [Summarize] computes them all in one call. The
// replacement rate of a year is the ILO's average replacement rate of new
// pensions: the total yearly amount of the pensions awarded in the year
// over the total final salary of the members awarded them, 0 in a year
// without them.
//
// # Conventions
//
//   - Series are indexed by t, year t being calendar year Flows.StartYear +
//     t; every series given must have the same length.
//   - Flows are float64 money per year, reserves money at a date, counts
//     persons (expected, fractional); ratios are fractions.
//   - Rates of return and discount are a [Horizon]'s [actuarial.Curve]; a nil
//     Curve means 0%, and a zero Years means every year of the series.
//   - A [Ledger] holds decimal amounts rounded to the cent, half to even,
//     that reconcile every year: it is where money leaves the library.
//   - Functions that take dst follow the destination rule of package
//     actuarial: dst may be nil; if not, its length must be the series'.
//   - Rates "in % of salaries" (PAYG cost rate, GAP, income and cost rates,
//     actuarial balance) are on Flows.SalaryBill, the insurable salary
//     bill: salaries after the contribution ceiling, as the ILO computes
//     them; a projection fills it with its contribution base.
//   - A ratio the data cannot give (no salary bill: a scheme without
//     actives) is flagged in [Summary].Undefined, never NaN, and does not
//     fail the summary. A negative reserve ratio (an exhausted reserve)
//     does not rank scenarios; see [ReserveRatio].
//
// # Timing
//
// Year t runs from 1 January (time t) to 31 December (time t+1). The
// reserve of year t is ReserveStart[t] at its 1 January and ReserveEnd[t]
// at its 31 December; the year's contributions, benefits, costs and
// transfers are paid through it, taken as paid at mid-year unless
// Horizon.Timing says otherwise; the fund earns the year's return of the
// Horizon's Curve.
//
// # Errors
//
// Bad series return a [*SeriesError] naming the series, the year and the
// value, wrapping [ErrZeroDivisor] (from the functions of one indicator;
// [Summarize] flags those ratios undefined instead, but for the reserve
// ratios, which need expenditure in every year), [actuarial.ErrNotFinite] or
// [actuarial.ErrNegative]; series of different lengths wrap [ErrLength] and a bad Horizon
// [ErrHorizon]. A ledger that does not balance returns a [*LedgerError]
// wrapping [ErrUnbalanced], [ErrNotCents] or [ErrReconcile]. A dst of the
// wrong length is a programming error and panics.
package indicator
