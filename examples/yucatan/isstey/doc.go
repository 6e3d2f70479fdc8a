// Package isstey builds an illustrative scheme like that of ISSTEY, the
// Instituto de Seguridad Social de los Trabajadores del Estado de Yucatán,
// for the Yucatán example: a synthetic census calibrated to the published
// figures, the actuarial basis, and the three regimes of the law as scheme
// rules.
//
// **The population is illustrative, not ISSTEY's census.** No census of
// ISSTEY's members is public. The census of this package is drawn by a
// seeded generator ([Generate]) so that its totals match the figures the
// press has published (testdata/isstey/FACTS.md, the reference for every
// figure here); everything else about it (ages, service, salaries) is an
// assumption. Outputs built on it must say so: print [Disclaimer] and
// [StatedAssumptions].
//
// # The census
//
// [Generate] draws the census of 1 January 2022 ([CensusYear]) from a seed
// (math/rand/v2's PCG) and a [Config] whose zero value holds the calibrated
// defaults: 31,000 active members (insured workers in 2022) and 7,318
// pensions in payment (the press counts of January 2018 and May 2022
// interpolated to 1 January 2022), averaging MXN 13,200 a month. The
// committed files testdata/isstey/actives.csv and pensioners.csv are those
// of seed 1, written by the command examples/yucatan/gen:
//
//	go run ./examples/yucatan/gen -seed 1 -out testdata/isstey
//
// [ReadCensus] reads them back. The files hold monthly amounts in MXN
// (read with [Options]: twelve payments a year); an [census.Census]
// holds them annual.
//
// # The regimes
//
// A [Regime] is a timeline of the law from 2022; [Scheme] builds the
// scheme under one. The rules follow FACTS.md, law by law: [Rules1976] (the
// 1976 law, Decree 68), [Rules2022] (Decree 532/2022, with its transition
// rules), [RulesRuling] (the 1976 articles the Supreme Court restored, with
// the 2022 contribution rates) and [Rules2025] (the 2025 reform). Each
// function's documentation names what it models and what it assumes.
//
//   - [Law1976]: the 1976 law throughout, the counterfactual of no reform.
//   - [Law2022]: the 2022 law as enacted, from 2023 on. The Supreme Court
//     (cases 118/2022 and 121/2022, published 1 November 2024) struck down
//     its 35-year rule, its 85%/20-year reference salary and its survivor
//     cuts, and the 1976 articles came back until the 2025 reform; this
//     regime is therefore a counterfactual too: the law as if it had
//     stood.
//   - [Reform2025]: the law as it happened (1976 law in 2022, 2022 law in
//     2023–24, the restored 1976 benefits with the 2022 contribution rates
//     in 2025) and the 2025 reform from 2026.
//
// Laws take effect on the first 1 January after they were passed, the only
// day a projection changes rules. Every scheme has the same three groups
// (members in service in 2022 with more than 25 years of service, with up
// to 25 years, and members hired from 2023), so that regimes compare group
// by group.
//
// # Calibration
//
// Three figures no source gives are calibrated to published ones (the
// calibration test checks each, citing FACTS.md):
//
//   - the employer's contribution rate, [EmployerRate] (16%): the 2022
//     contributions and the state's extra payment of MXN 350 M pay that
//     year's benefits;
//   - the reserve on 1 January 2022, [TrustReserve] (MXN 3.5 bn, the land
//     trust): under the 1976 law it runs out in 2027 ("technical
//     bankruptcy expected late 2026 / early 2027");
//   - the generator's hiring history and average pension (Config): about
//     1,000 retirements in 2022 and an average pension in payment of about
//     MXN 13.4k a month.
//
// # Conventions
//
// Those of package actuarial: the census is on 1 January 2022, year t = 0
// of a projection is 2022; ages are last birthdays and service completed
// years on 1 January; rates are annual fractions. Money is nominal MXN: a
// year's worth in [census.Census] and in projections, a month's worth in
// the files, in [Config] and in the published figures' constants.
package isstey

// Disclaimer is the statement every output built on this package's census
// must print.
const Disclaimer = "The population is illustrative, generated to match published aggregates " +
	"(testdata/isstey/FACTS.md); it is not ISSTEY's census."
