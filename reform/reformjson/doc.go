// Package reformjson encodes projected scenarios — their projections,
// summary indicators and differences from the base — as JSON for programs
// that read results as data (a web service, a batch system, a notebook).
//
// [FromOutcomes] turns the outcomes of a comparison (package reform's
// [reform.Outcome] list, the base first) into a [Comparison], whose fields
// carry json tags; encode it with encoding/json. [FromGains] encodes who
// gains and who loses (reform.WhoGains) the same way.
//
// # Conventions
//
//   - Names are snake_case and stable: a name is never renamed within a
//     major version, only added.
//   - Units are in the names: _money is money in the comparison's Currency,
//     nominal, a year's worth for flows (money of that year) and an amount
//     at a date for reserves; _rate is a fraction (0.15 is 15%) of what the
//     field's documentation names, usually the year's salary bill; counts
//     (actives, pensioners) are expected numbers of lives.
//   - Years are calendar years (2025), never offsets from the start.
//   - A value that does not exist — a cost rate on a zero salary bill, the
//     depletion year of a reserve that never runs out — is null, never NaN
//     (which JSON cannot hold) and never a sentinel such as 0.
package reformjson
