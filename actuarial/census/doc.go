// Package census holds a scheme's members on the valuation date, record by
// record: active members ([Active]) and pensions in payment ([Pensioner]),
// read from CSV ([ReadActives], [ReadPensioners], [ReadCensus]), validated,
// written back in canonical columns ([WriteCensus]) and grouped into cells
// ([GroupActives], [GroupPensioners]) that a projection loops over. Other
// sources of rows (a workbook's sheet, in package reform/xlsx) reuse the
// CSV readers' validation and messages through [Rows] ([ReadCensusRows]).
//
// # Conventions
//
//   - The valuation date is 1 January of the year a reader is given.
//   - Ages are integers, age last birthday on the valuation date, in
//     0..[MaxCensusAge]. Service is completed years on that date, ≥ 0; a
//     service implying entry before [CensusOptions] MinEntryAge is an error.
//   - Dates are midnight UTC, [ISODate] unless CensusOptions.DateLayout says
//     otherwise.
//   - Amounts (salaries, pensions) are annual money units, kept exact as
//     decimal.Decimal, ≥ 0 and at most [MaxCensusAmount]; a file of monthly
//     amounts is converted by CensusOptions' payments per year.
//   - A survivor's or orphan's pension is a record of the beneficiary: its
//     sex and age are theirs.
//   - Cells are flat float64 slices: counts are expected, fractional numbers
//     of lives; salaries and pensions are totals in money units. Actives are
//     by sex × age × completed service, the last service cell meaning
//     "MaxService years or more" ([ActiveCells.Index]); pensions by type ×
//     sex × age ([PensionerCells.Index]). A grouping function takes its
//     destination first and sizes its slices.
//
// # Errors
//
// Bad data never panics and no record is dropped silently: a reader returns
// the records that passed and a [*CensusError] listing every problem, each a
// [RecordError] naming the file, line, id, field and value and wrapping one
// of the sentinels of census_errors.go ([ErrNoHeader], [ErrDuplicateColumn],
// [ErrMissingField], [ErrBadNumber], [ErrBadDate], [ErrFutureDate],
// [ErrServiceTooLong], [ErrInconsistent], [ErrUnknownPensionType],
// [ErrDuplicateID]), one of package actuarial ([actuarial.ErrMissingColumn],
// [actuarial.ErrRange], [actuarial.ErrNegative]) or an encoding/csv error. A failure of the reader itself
// is returned as it is. A year outside 1..9999 or an invalid option is a
// programming error and panics.
package census
