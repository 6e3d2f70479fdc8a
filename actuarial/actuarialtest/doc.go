// Package actuarialtest provides reference tables and schemes for the tests
// of Reserva's packages and of programs built on them, as net/http/httptest
// does for net/http: AMLCR's Standard Ultimate Life Table, the SOA
// Illustrative Life Table, and the reference scheme the projection's
// benchmarks and the reform tests run.
//
// Its functions take a [testing.TB] and fail the test on a setup error; they
// are not meant for production code.
package actuarialtest
