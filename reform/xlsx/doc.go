// Package xlsx writes the results of a comparison of reforms as an Excel
// workbook, and reads a census from one, with
// github.com/xuri/excelize/v2. It is the only package of the module that
// imports excelize: importing reform or actuarial/census does not pull it.
//
// # The results workbook
//
// [Write] (or [New], for a workbook to add sheets to) writes one sheet per
// table, in English or in Spanish (es-MX): the summary of the indicators
// of every scenario with each reform's difference from the base; the
// projection by year and scenario; one comparison of each reform with the
// base by year; and one attribution of each reform's effect to its
// measures when [Input] carries it. Numbers are stored as numbers, not
// text, unrounded, with number formats that show them rounded (money in
// whole [reform.Units], rates and ratios with two decimals, differences
// with their sign); every header names its unit, and the header row is
// frozen.
//
// # Reading a census
//
// [ReadCensus], [ReadActives] and [ReadPensioners] read a census from a
// sheet as package actuarial/census reads it from CSV (census.Rows): the
// same columns, the same validation and the same messages, each naming
// the workbook and sheet (as its File), the row (as its Line) and the
// column letter.
//
// # Conventions
//
// Money is in money units of each year divided by the Units' power of
// ten; rates are per cent of the salary bill (14.25 for 0.1425) and their
// differences percentage points; counts are expected lives; years are
// calendar years. An undefined value (a rate on a zero salary bill) is an
// empty cell. Sheet names are cut to Excel's 31 characters, without the
// characters Excel forbids, and made unique.
package xlsx
