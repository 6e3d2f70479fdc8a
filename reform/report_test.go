package reform_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// repCell returns the cell of the table in the row whose leading labels
// are labels and the column named col.
func repCell(tb testing.TB, t *reform.Table, col string, labels ...string) string {
	tb.Helper()
	j := -1
	for k, c := range t.Columns {
		if c == col {
			j = k
		}
	}
	require.GreaterOrEqual(tb, j, 0, "no column %q in %q", col, t.Columns)
rows:
	for _, row := range t.Rows {
		for k, l := range labels {
			if row[k] != l {
				continue rows
			}
		}
		return row[j]
	}
	tb.Fatalf("no row %q in table %q", labels, t.Title)
	return ""
}

// repDec parses a cell as a decimal.
func repDec(tb testing.TB, s string) decimal.Decimal {
	tb.Helper()
	d, err := decimal.NewFromString(s)
	require.NoError(tb, err, "cell %q", s)
	return d
}

// TestReportByYear checks the table by year against the projections it
// reports, through identities and the fixture's rules.
func TestReportByYear(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	rep, err := reform.NewReport(out, reform.ReportOptions{Step: 3, Tables: reform.TableByYear})
	require.NoError(t, err)
	require.Nil(t, rep.Summary)
	tb := rep.ByYear

	t.Run("years shown", func(t *testing.T) {
		// Step 3 from 2025 over 2025–2036, and the last year always.
		var years []string
		for i, row := range tb.Rows {
			if i%2 == 0 {
				years = append(years, row[0])
				assert.Equal(t, []string{row[0], "base"}, row[:2])
			} else {
				assert.Equal(t, []string{years[len(years)-1], "reform"}, row[:2])
			}
			assert.Len(t, row, len(tb.Columns))
		}
		assert.Equal(t, []string{"2025", "2028", "2031", "2034", "2036"}, years)
	})

	t.Run("contribution rate", func(t *testing.T) {
		// Closed form: without a ceiling, contributions are the rate of the
		// rules in force times the salary bill: 14% in the base, 20% from
		// 2028 in the reform (reformtest.Scheme).
		for _, c := range []struct{ year, scenario, want string }{
			{"2025", "base", "14.00"}, {"2036", "base", "14.00"},
			{"2025", "reform", "14.00"}, {"2028", "reform", "20.00"}, {"2036", "reform", "20.00"},
		} {
			assert.Equal(t, c.want, repCell(t, tb, "contribution rate (%)", c.year, c.scenario), c.year+" "+c.scenario)
		}
	})

	t.Run("indicators", func(t *testing.T) {
		// The PAYG cost rate and the support ratio are those of
		// indicator.PAYGCostRate and indicator.SupportRatio (Summarize),
		// rounded half to even.
		for _, o := range out {
			for _, year := range []int{2025, 2031, 2036} {
				ti := year - reformtest.StartYear
				ys := strconv.Itoa(year)
				wantPAYG := decimal.NewFromFloat(o.Summary.PAYGCostRate[ti]).Shift(2).RoundBank(2).StringFixed(2)
				wantSR := decimal.NewFromFloat(o.Summary.SupportRatio[ti]).RoundBank(2).StringFixed(2)
				assert.Equal(t, wantPAYG, repCell(t, tb, "PAYG cost rate (%)", ys, o.Name))
				assert.Equal(t, wantSR, repCell(t, tb, "support ratio", ys, o.Name))
			}
		}
	})

	t.Run("before the reform", func(t *testing.T) {
		// A reform in force from 2028 changes nothing before 2028: the rows
		// of 2025 agree cell by cell.
		var base, ref []string
		for _, row := range tb.Rows {
			if row[0] == "2025" && row[1] == "base" {
				base = row[2:]
			}
			if row[0] == "2025" && row[1] == "reform" {
				ref = row[2:]
			}
		}
		assert.Equal(t, base, ref)
		assert.NotEqual(t, repCell(t, tb, "contributions (money units)", "2028", "base"),
			repCell(t, tb, "contributions (money units)", "2028", "reform"))
	})
}

// TestReportUnits checks that the units scale money by powers of ten and
// round half to even, and that they are named in the headers.
func TestReportUnits(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	get := func(u reform.Units, places int) *reform.Table {
		rep, err := reform.NewReport(out, reform.ReportOptions{Units: u, MoneyDecimals: places, Tables: reform.TableByYear})
		require.NoError(t, err)
		return rep.ByYear
	}
	one, th, mi := get(reform.UnitsOne, 2), get(reform.UnitsThousands, 0), get(reform.UnitsMillions, 3)
	assert.Contains(t, one.Columns, "reserve at end (money units)")
	assert.Contains(t, th.Columns, "benefits (thousands)")
	assert.Contains(t, mi.Columns, "contributions (millions)")
	assert.Contains(t, th.Title, "money in thousands")

	// Rounding to a unit moves an amount by at most half that unit; the
	// cents are exact to 1e-9 of the amount or better.
	const halfThousand, halfThousandth = 500, 0.0005
	for i, row := range one.Rows {
		for j, col := range []int{2, 5, 6} {
			x := repDec(t, row[col])
			k := repDec(t, th.Rows[i][col]).Shift(3)
			m := repDec(t, mi.Rows[i][col]).Shift(6)
			assert.True(t, x.Sub(k).Abs().LessThanOrEqual(decimal.NewFromInt(halfThousand)), "row %d column %d: %s vs %s thousand", i, j, x, k)
			assert.True(t, x.Sub(m).Abs().LessThanOrEqual(decimal.NewFromFloat(halfThousandth).Shift(6)), "row %d column %d: %s vs %s million", i, j, x, m)
		}
	}
	// Cents: the reserve at the end of 2025 as the projection has it.
	got := repDec(t, one.Rows[0][2])
	want := out[0].Result.Years[0].ReserveEnd
	assert.InDelta(t, want, got.InexactFloat64(), 0.005+1e-9*math.Abs(want))
}

// TestReportRounding checks rounding half to even on amounts exact in
// binary, against the definition of banker's rounding (IEEE 754
// roundTiesToEven; decimal.Decimal.RoundBank).
func TestReportRounding(t *testing.T) {
	mk := func(reserves ...float64) []reform.Outcome {
		r := &projection.Result{Scheme: "hand", StartYear: 2030}
		for i, x := range reserves {
			r.Years = append(r.Years, projection.YearResult{Year: 2030 + i, ReserveEnd: x, SalaryBill: 1, ContributionBase: 1, Actives: 1, Pensioners: [census.NumPensionTypes]float64{1}})
		}
		return []reform.Outcome{{Name: "hand", Result: r}}
	}
	for _, c := range []struct {
		name   string
		units  reform.Units
		places int
		x      float64
		want   string
	}{
		{"2.5 thousand to 2", reform.UnitsThousands, 0, 2500, "2"},
		{"3.5 thousand to 4", reform.UnitsThousands, 0, 3500, "4"},
		{"-2.5 thousand to -2", reform.UnitsThousands, 0, -2500, "-2"},
		{"2.5001 thousand to 3", reform.UnitsThousands, 0, 2500.125, "3"},
		{"0.125 to 0.12", reform.UnitsOne, 2, 0.125, "0.12"},
		{"0.375 to 0.38", reform.UnitsOne, 2, 0.375, "0.38"},
		{"1.5 million to 2", reform.UnitsMillions, 0, 1.5e6, "2"},
		{"0.5 million to 0", reform.UnitsMillions, 0, 0.5e6, "0"},
		{"-0.0001 to 0, no minus", reform.UnitsOne, 2, -0.0001, "0.00"},
		{"whole with decimals", reform.UnitsThousands, 3, 1234567, "1234.567"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := reform.NewReport(mk(c.x), reform.ReportOptions{Units: c.units, MoneyDecimals: c.places, Tables: reform.TableByYear})
			require.NoError(t, err)
			assert.Equal(t, c.want, rep.ByYear.Rows[0][2])
		})
	}
}

// TestReportUndefined checks that a rate on a zero salary bill and a
// support ratio without pensioners are empty cells: "n/a" in text and
// Markdown, empty in CSV.
func TestReportUndefined(t *testing.T) {
	o := reformtest.Clone(reformtest.Outcomes(t, 3)[0])
	o.Result.Years[1].SalaryBill = 0
	o.Result.Years[1].ContributionBase = 0
	o.Result.Years[2].Pensioners = [census.NumPensionTypes]float64{}
	opt := reform.ReportOptions{Tables: reform.TableByYear}
	rep, err := reform.NewReport([]reform.Outcome{o}, opt)
	require.NoError(t, err)
	rows := rep.ByYear.Rows
	assert.Equal(t, []string{"", ""}, rows[1][3:5], "rates of 2026")
	assert.Equal(t, "", rows[2][7], "support ratio of 2027")
	assert.NotEmpty(t, rows[0][3])

	var txt, md, cs bytes.Buffer
	require.NoError(t, rep.WriteText(&txt))
	require.NoError(t, rep.WriteMarkdown(&md))
	require.NoError(t, rep.WriteCSV(&cs))
	assert.Contains(t, txt.String(), "n/a")
	assert.Contains(t, md.String(), "| n/a |")
	recs, err := csv.NewReader(&cs).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, "", recs[2][3])
	assert.NotContains(t, cs.String(), "n/a")
}

// TestReportSummary checks the summary table against the summaries and
// the identities of the indicators.
func TestReportSummary(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	rep, err := reform.NewReport(out, reform.ReportOptions{Units: reform.UnitsThousands, RatioYears: []int{2030, 2036}, Tables: reform.TableSummary})
	require.NoError(t, err)
	require.Nil(t, rep.ByYear)
	tb := rep.Summary
	assert.Equal(t, []string{"indicator", "unit", "base", "reform", "reform − base"}, tb.Columns)

	t.Run("depletion", func(t *testing.T) {
		require.True(t, (out[0].Summary.DepletionYear != 0))
		require.False(t, (out[1].Summary.DepletionYear != 0))
		assert.Equal(t, strconv.Itoa(out[0].Summary.DepletionYear), repCell(t, tb, "base", "depletion year"))
		assert.Equal(t, "none", repCell(t, tb, "reform", "depletion year"))
		assert.Equal(t, strconv.Itoa(out[0].Summary.DepletionYear)+" → never", repCell(t, tb, "reform − base", "depletion year"))
	})

	t.Run("depletion postponed", func(t *testing.T) {
		// A smaller reform, 16% from 2029, postpones the depletion: the
		// difference column gives both years.
		small := reformtest.Project(t, "16% from 2029", reformtest.Scheme(t, "small", 6e7, 0.14, 2029, 0.16), reformtest.Years, false)
		require.True(t, (small.Summary.DepletionYear != 0))
		rep, err := reform.NewReport([]reform.Outcome{out[0], small}, reform.ReportOptions{Tables: reform.TableSummary})
		require.NoError(t, err)
		from, to := out[0].Summary.DepletionYear, small.Summary.DepletionYear
		require.Greater(t, to, from)
		assert.Equal(t, fmt.Sprintf("%d → %d", from, to), repCell(t, rep.Summary, "16% from 2029 − base", "depletion year"))
	})

	t.Run("differences add up", func(t *testing.T) {
		// The difference column is the difference of the rounded figures,
		// exactly.
		for _, row := range tb.Rows[1:] {
			if row[2] == "" || row[3] == "" {
				assert.Empty(t, row[4], "%s: a difference with an empty side", row[0])
				continue
			}
			b, r, d := repDec(t, row[2]), repDec(t, row[3]), repDec(t, row[4])
			assert.True(t, r.Sub(b).Equal(d), "%s: %s − %s ≠ %s", row[0], row[3], row[2], row[4])
		}
	})

	t.Run("GAP does not depend on contributions", func(t *testing.T) {
		// GAP = (PV(B + E) + target − R(0)) / PV(S) (indicator.GAP): a reform
		// of the contribution rate alone leaves it unchanged.
		assert.Equal(t, "0.00", repCell(t, tb, "reform − base", "GAP"))
		assert.Equal(t, "0.00", repCell(t, tb, "reform − base", "GAP without reserve"))
		assert.Equal(t, decimal.NewFromFloat(out[0].Summary.GAP).Shift(2).RoundBank(2).StringFixed(2), repCell(t, tb, "base", "GAP"))
	})

	t.Run("balance at a level rate", func(t *testing.T) {
		// With a level contribution rate c and no transfers, the actuarial
		// balance is c − GAP (indicator.ActuarialBalance; the Trustees'
		// definition): 14% − GAP in the base, to one unit in the last
		// decimal of each rounded figure.
		const lastDigit = 0.01
		gap := repDec(t, repCell(t, tb, "base", "GAP")).InexactFloat64()
		ab := repDec(t, repCell(t, tb, "base", "actuarial balance")).InexactFloat64()
		assert.InDelta(t, 14-gap, ab, lastDigit)
	})

	t.Run("reserve ratios", func(t *testing.T) {
		for _, o := range out {
			for _, y := range []int{2030, 2036} {
				x := o.Summary.ReserveRatio[y-reformtest.StartYear]
				want := decimal.NewFromFloat(x).RoundBank(2).StringFixed(2)
				if x < 0 {
					want = "" // an exhausted reserve: n/a, its ratio no longer ranks scenarios
				}
				assert.Equal(t, want, repCell(t, tb, o.Name, "reserve ratio "+strconv.Itoa(y)))
			}
		}
	})

	t.Run("exhausted reserve", func(t *testing.T) {
		// The base's reserve is negative at the end of 2036: its ratio
		// would read as a ranking of debts over expenditure, so the cell
		// is empty, the difference too, and the unit says why.
		require.Negative(t, out[0].Summary.ReserveRatio[2036-reformtest.StartYear])
		assert.Equal(t, "", repCell(t, tb, "base", "reserve ratio 2036"))
		assert.Equal(t, "", repCell(t, tb, "reform − base", "reserve ratio 2036"))
		assert.Equal(t, "years of expenditure; n/a: reserve exhausted", repCell(t, tb, "unit", "reserve ratio 2036"))
		assert.Equal(t, "years of expenditure", repCell(t, tb, "unit", "reserve ratio 2030"))
	})

	t.Run("deficit", func(t *testing.T) {
		// The reform's reserve never runs out: no deficit transfers
		// (indicator.DeficitTransfers with a floor of 0).
		assert.Equal(t, "0", repCell(t, tb, "reform", "PV of the deficit"))
		assert.Equal(t, "thousands", repCell(t, tb, "unit", "PV of the deficit"))
		pv := repDec(t, repCell(t, tb, "base", "PV of the deficit")).Shift(3).InexactFloat64()
		const halfThousand = 500
		assert.InDelta(t, out[0].Summary.DeficitPV, pv, halfThousand)
		assert.Positive(t, pv)
	})
}

// TestReportErrors checks the errors of bad outcomes and options.
func TestReportErrors(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	short := reformtest.Project(t, "short", reformtest.Scheme(t, "short", 6e7, 0.14, 0, 0), reformtest.Years-1, false)
	later := reformtest.Clone(out[1])
	later.Result.StartYear++
	later.Summary.StartYear++
	horizon := reformtest.Clone(out[1])
	horizon.Summary.Years--
	horizon.Summary.ReserveRatio = horizon.Summary.ReserveRatio[:horizon.Summary.Years]
	noSum := out[1]
	noSum.Summary = nil
	noRes := out[1]
	noRes.Result = nil
	nan := reformtest.Clone(out[1])
	nan.Result.Years[4].ReserveEnd = math.NaN()
	inf := reformtest.Clone(out[1])
	inf.Summary.GAP = math.Inf(1)

	for _, c := range []struct {
		name     string
		outcomes []reform.Outcome
		opt      reform.ReportOptions
		want     error
		contains string
	}{
		{"empty", nil, reform.ReportOptions{}, reform.ErrNoOutcomes, "no outcomes"},
		{"no result", []reform.Outcome{out[0], noRes}, reform.ReportOptions{}, reform.ErrIncompleteOutcome, `outcome 1 ("reform") has no Result`},
		{"no summary", []reform.Outcome{out[0], noSum}, reform.ReportOptions{}, reform.ErrIncompleteOutcome, "has no Summary"},
		{"start year", []reform.Outcome{out[0], later}, reform.ReportOptions{}, reform.ErrOutcomesDiffer, "starts in 2026, outcome 0 (\"base\") in 2025"},
		{"length", []reform.Outcome{out[0], short}, reform.ReportOptions{}, reform.ErrOutcomesDiffer, "projects 11 years, outcome 0 (\"base\") 12"},
		{"horizon", []reform.Outcome{out[0], horizon}, reform.ReportOptions{}, reform.ErrOutcomesDiffer, "summary over 11 years"},
		{"NaN reserve", []reform.Outcome{out[0], nan}, reform.ReportOptions{}, actuarial.ErrNotFinite, "reserve at end of year t = 4 (2029) is NaN"},
		{"infinite GAP", []reform.Outcome{out[0], inf}, reform.ReportOptions{}, actuarial.ErrNotFinite, "GAP"},
		{"step", out, reform.ReportOptions{Step: -1}, reform.ErrReportOptions, "Step -1"},
		{"units", out, reform.ReportOptions{Units: 3}, reform.ErrReportOptions, "Units(3)"},
		{"decimals", out, reform.ReportOptions{MoneyDecimals: 7}, reform.ErrReportOptions, "MoneyDecimals 7"},
		{"tables", out, reform.ReportOptions{Tables: 4}, reform.ErrReportOptions, "unknown table"},
		{"ratio year", out, reform.ReportOptions{RatioYears: []int{2037}}, reform.ErrYearOutside, "2037 outside the horizon 2025–2036"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := reform.NewReport(c.outcomes, c.opt)
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.contains)
			assert.True(t, strings.HasPrefix(err.Error(), "reform: "), err.Error())
			for _, write := range []func() error{
				func() error { return reform.WriteText(new(bytes.Buffer), c.outcomes, c.opt) },
				func() error { return reform.WriteCSV(new(bytes.Buffer), c.outcomes, c.opt) },
				func() error { return reform.WriteMarkdown(new(bytes.Buffer), c.outcomes, c.opt) },
			} {
				assert.ErrorIs(t, write(), c.want)
			}
		})
	}

	t.Run("NaN names the series", func(t *testing.T) {
		_, err := reform.NewReport([]reform.Outcome{out[0], nan}, reform.ReportOptions{})
		var se *indicator.SeriesError
		require.ErrorAs(t, err, &se)
		assert.Equal(t, "reserve at end", se.Series)
		assert.Equal(t, 2029, se.Year)
	})

	t.Run("table by year needs no summary", func(t *testing.T) {
		_, err := reform.NewReport([]reform.Outcome{out[0], noSum}, reform.ReportOptions{Tables: reform.TableByYear})
		assert.NoError(t, err)
	})
}

// TestReportCSV reads the CSV of both tables back.
func TestReportCSV(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	var buf bytes.Buffer
	require.NoError(t, reform.WriteCSV(&buf, out, reform.ReportOptions{Step: 5}))
	r := csv.NewReader(&buf)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	// Header, 4 years (2025, 2030, 2035, 2036) × 2 scenarios; header, 6
	// indicators (one reserve ratio). The reader skips the empty line.
	require.Len(t, recs, 1+8+1+6)
	assert.Equal(t, "year", recs[0][0])
	assert.Equal(t, "indicator", recs[9][0])
	for _, rec := range recs[1:9] {
		require.Len(t, rec, 8)
		for _, c := range rec[2:] {
			repDec(t, c) // every number parses as a decimal
		}
	}
}

// TestReportMarkdownEscapes checks that a "|" in a scenario name does not
// break the Markdown table.
func TestReportMarkdownEscapes(t *testing.T) {
	out := reformtest.Outcomes(t, 2)
	out[1].Name = "A|B"
	var buf bytes.Buffer
	require.NoError(t, reform.WriteMarkdown(&buf, out, reform.ReportOptions{}))
	assert.Contains(t, buf.String(), `| A\|B |`)
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if strings.HasPrefix(line, "| 2025 |") {
			assert.Equal(t, 8, strings.Count(line, " |"), line) // 8 cells, the escaped one included
		}
	}
}

// TestReportTextEscapes checks that a tab or a line break in a scenario
// name does not break the text table.
func TestReportTextEscapes(t *testing.T) {
	out := reformtest.Outcomes(t, 2)
	out[1].Name = "A\tB\nC"
	var buf bytes.Buffer
	require.NoError(t, reform.WriteText(&buf, out, reform.ReportOptions{}))
	assert.Contains(t, buf.String(), "A B C")
	assert.NotContains(t, buf.String(), "\t")
	assert.Equal(t, 1+1+2*2+1+1+1+6, strings.Count(buf.String(), "\n"), "title, header, 4 rows; blank; title, header, 6 rows")
}

// regen regenerates the golden report files in testdata instead of
// comparing with them: go test ./reform -run Golden -regen, then review the
// diff.
var regen = flag.Bool("regen", false, "regenerate the golden files in testdata")

// TestReportGolden compares the text, CSV and Markdown reports of the
// fixtures with golden files in testdata (regenerate them with
// go test ./reform -run Golden -regen, and review the diff).
func TestReportGolden(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	opt := reform.ReportOptions{Step: 3, Units: reform.UnitsThousands, RatioYears: []int{2030, 2036}}
	es := reform.ReportOptions{Step: 3, RatioYears: []int{2030, 2036}, Language: language.MustParse("es-MX")}
	for _, c := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report_golden.txt", func(b *bytes.Buffer) error { return reform.WriteText(b, out, opt) }},
		{"report_golden.csv", func(b *bytes.Buffer) error { return reform.WriteCSV(b, out, opt) }},
		{"report_golden.md", func(b *bytes.Buffer) error { return reform.WriteMarkdown(b, out, opt) }},
		// Spanish (es-MX) in money units, so that thousands are grouped.
		{"report_golden_es.txt", func(b *bytes.Buffer) error { return reform.WriteText(b, out, es) }},
		{"report_golden_es.csv", func(b *bytes.Buffer) error { return reform.WriteCSV(b, out, es) }},
		{"report_golden_es.md", func(b *bytes.Buffer) error { return reform.WriteMarkdown(b, out, es) }},
	} {
		t.Run(c.file, func(t *testing.T) {
			var got bytes.Buffer
			require.NoError(t, c.write(&got))
			path := filepath.Join("testdata", c.file)
			if *regen {
				require.NoError(t, os.WriteFile(path, got.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), got.String())
		})
	}
}

// TestReportText checks the layout of the text tables: columns aligned,
// numbers to the right, no trailing spaces.
func TestReportText(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	var buf bytes.Buffer
	require.NoError(t, reform.WriteText(&buf, out, reform.ReportOptions{Step: 4, Units: reform.UnitsMillions, MoneyDecimals: 1}))
	blocks := strings.Split(buf.String(), "\n\n")
	require.Len(t, blocks, 2)
	for _, b := range blocks {
		lines := strings.Split(strings.TrimSuffix(b, "\n"), "\n")
		header := lines[1]
		for _, l := range lines[1:] {
			assert.Equal(t, strings.TrimRight(l, " "), l, "trailing spaces")
			assert.Equal(t, len([]rune(header)), len([]rune(l)), "line %q", l)
		}
	}
}

// TestReportSpanish checks that a report in Spanish has the numbers of the
// report in English: its CSV, whose numbers are plain in every language,
// differs only in the headers and words, and its text table shows the
// same numbers grouped as es-MX groups them (CLDR: "1,234.50").
func TestReportSpanish(t *testing.T) {
	out := reformtest.Outcomes(t, reformtest.Years)
	opt := reform.ReportOptions{Step: 3}
	en, err := reform.NewReport(out, opt)
	require.NoError(t, err)
	opt.Language = language.LatinAmericanSpanish // any Spanish is es-MX
	es, err := reform.NewReport(out, opt)
	require.NoError(t, err)
	assert.NotEqual(t, en.ByYear.Columns, es.ByYear.Columns)
	assert.Contains(t, es.ByYear.Title, "Proyección por año")

	var csvEn, csvEs bytes.Buffer
	require.NoError(t, en.WriteCSV(&csvEn))
	require.NoError(t, es.WriteCSV(&csvEs))
	read := func(b *bytes.Buffer) [][]string {
		r := csv.NewReader(b)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		require.NoError(t, err)
		return recs
	}
	ren, res := read(&csvEn), read(&csvEs)
	require.Equal(t, len(ren), len(res))
	for i := range ren {
		for j := range ren[i] {
			if _, err := decimal.NewFromString(ren[i][j]); err == nil {
				assert.Equal(t, ren[i][j], res[i][j], "CSV row %d column %d", i, j)
			}
		}
	}
	// The shown cells are the plain ones with the thousands grouped.
	for i, row := range es.ByYear.Rows {
		for j := 2; j < len(row); j++ {
			assert.Equal(t, en.ByYear.Rows[i][j], strings.ReplaceAll(row[j], ",", ""), "row %d column %d", i, j)
		}
	}
	assert.Contains(t, es.ByYear.Rows[0][2], ",")

	_, err = reform.NewReport(out, reform.ReportOptions{Language: language.French})
	assert.ErrorIs(t, err, reform.ErrReportOptions)
}
