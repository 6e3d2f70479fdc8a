// Package actuarialtest provides reference tables and schemes for the tests
// of Reserva's packages and of programs built on them, as net/http/httptest
// does for net/http: AMLCR's Standard Ultimate Life Table ([SULT]), the SOA
// Illustrative Life Table ([ILT]) and Service Table, the Mexican EMSSA-09
// tables ([EMSSA09]), and the reference scheme ([ReferenceScheme], with its
// [Census], [Rules] and [Assumptions]) that the projection's benchmarks, the
// reform tests and the examples run. It is not meant for production code.
//
// # Conventions
//
//   - The conventions are those of the packages the values belong to:
//     rates are fractions, ages age last birthday, amounts float64 money
//     units a year.
//   - Each function's doc cites the source of its table (a textbook
//     appendix or a file under the repository's testdata, whose README gives
//     its provenance and licence); [Testdata] finds those files whatever the
//     package whose test asks.
//
// # Errors
//
// Functions that take a [testing.TB] fail the test (tb.Fatal) on a setup
// error, such as a missing data file; with a nil tb, in an example,
// [ReferenceScheme] panics instead. No function returns an error.
package actuarialtest
