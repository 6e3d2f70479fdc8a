// Package htmlreport writes the actuarial valuation report of a pension
// scheme and its reforms as one self-contained HTML file, in English or in
// Spanish as written in Mexico (es-MX): [Write] takes the results
// ([Input]) and the language ([Options]) and writes the page.
//
// # The page
//
// The sections follow the order of an ILO actuarial valuation report:
// summary of findings; the scheme and its law (rules with their legal
// sources, from [Input].Law); data and assumptions, each assumption marked
// as published, calibrated or judgement ([Basis]); the demographic
// projection (population pyramids, support ratio); the financial
// projection (reserve, PAYG cost rate against the contribution rate,
// transfers); the indicators; each reform against the base, with the
// attribution of its effect to its measures; the sensitivity to the
// assumptions; the uncertainty (a fan of the reserve's percentiles for
// each regime of [Input].Stochastic, the probability that the reserve is
// exhausted by each year as a chart and, every ten years and in the last,
// as a table with its Monte Carlo standard error); and who gains and who
// loses under each reform of [Input].Gains (the table of
// [reform.Gains.Table] and its chart). A section without data (no law
// given, no reform, no sensitivity run, no stochastic run) is left out,
// not written empty.
//
// The file needs nothing else: no network, no script, no font to fetch.
// The charts are inline SVG drawn by gonum/plot through package
// reform/chart, each in a <figure> with a <figcaption> and a text
// alternative (role="img", aria-label and an SVG <title>). Tables are
// HTML tables, with the labels aligned left and the numbers right, the
// units in the headers. The style sheet prints on A4 with a page break
// before each section.
//
// # Conventions
//
// Money is shown in [reform.ReportOptions] Units (whole money units by
// default) rounded half to even, rates in per cent of the salary bill with
// [reform.RateDecimals] decimals, differences of rates in percentage
// points, numbers grouped by thousands as golang.org/x/text formats them
// for the language. Years are calendar years. The page's strings come
// from one catalogue per language (reform/internal/i18n).
package htmlreport
