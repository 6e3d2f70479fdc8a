package xlsx_test

import (
	"bytes"
	"context"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/reserva-go/reserva/reform/xlsx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// relTol is the relative difference a number may show between the
// workbook and the results: none but the last bits of a float64 written
// as its shortest decimal and read back (strconv round-trips exactly).
const relTol = 1e-12

// input is the workbook input of the fixtures: the base, the reform and
// its attribution, in thousands.
func input(tb testing.TB) *xlsx.Input {
	tb.Helper()
	return &xlsx.Input{
		Outcomes:     reformtest.Outcomes(tb, reformtest.Years),
		Attributions: []*reform.Attribution{reformtest.Attribution(tb)},
		Units:        reform.UnitsThousands,
	}
}

// open writes the workbook and opens it again with excelize.
func open(tb testing.TB, in *xlsx.Input, tag language.Tag) *excelize.File {
	tb.Helper()
	var buf bytes.Buffer
	require.NoError(tb, xlsx.Write(&buf, in, xlsx.Options{Language: tag}))
	f, err := excelize.OpenReader(&buf)
	require.NoError(tb, err)
	tb.Cleanup(func() { f.Close() })
	return f
}

// sheet is a sheet read back: its header and its raw cells.
type sheet struct {
	head []string
	rows [][]string
}

func readSheet(tb testing.TB, f *excelize.File, name string) sheet {
	tb.Helper()
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	require.NoError(tb, err)
	require.NotEmpty(tb, rows)
	return sheet{head: rows[0], rows: rows[1:]}
}

// num returns the number in row i, column j, checking that it is stored
// as a number with a number format.
func num(tb testing.TB, f *excelize.File, name string, s sheet, i, j int) float64 {
	tb.Helper()
	cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
	typ, err := f.GetCellType(name, cell)
	require.NoError(tb, err)
	assert.NotContains(tb, []excelize.CellType{excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula}, typ, "%s!%s stored as text", name, cell)
	st, err := f.GetCellStyle(name, cell)
	require.NoError(tb, err)
	style, err := f.GetStyle(st)
	require.NoError(tb, err)
	require.NotNil(tb, style.CustomNumFmt, "%s!%s has no number format", name, cell)
	x, err := strconv.ParseFloat(s.rows[i][j], 64)
	require.NoError(tb, err, "%s!%s", name, cell)
	return x
}

func near(tb testing.TB, want, got float64, what string) {
	tb.Helper()
	assert.InDelta(tb, want, got, relTol*math.Max(1, math.Abs(want)), what)
}

// TestWorkbook checks every sheet's numbers against the results they come
// from, the frozen header row, and the units in the headers.
func TestWorkbook(t *testing.T) {
	in := input(t)
	for _, tag := range []language.Tag{language.Und, language.MustParse("es-MX")} {
		t.Run(tag.String(), func(t *testing.T) {
			f := open(t, in, tag)
			names := f.GetSheetList()
			require.Len(t, names, 4, "summary, projection, one comparison, one attribution")
			for _, n := range names {
				panes, err := f.GetPanes(n)
				require.NoError(t, err)
				assert.True(t, panes.Freeze, n)
				assert.Equal(t, 1, panes.YSplit, n)
			}
			base, ref := in.Outcomes[0], in.Outcomes[1]
			const k = 1e3 // thousands

			// The projection: every year and scenario.
			pn := names[1]
			p := readSheet(t, f, pn)
			require.Len(t, p.rows, reformtest.Years*2)
			thousands := map[bool]string{true: "(thousands)", false: "(miles)"}[tag == language.Und]
			assert.Contains(t, p.head[2], thousands)
			for i, row := range p.rows {
				o := in.Outcomes[i%2]
				tt := i / 2
				y := o.Result.Years[tt]
				assert.Equal(t, o.Name, row[1])
				near(t, float64(o.Result.StartYear+tt), num(t, f, pn, p, i, 0), "year")
				near(t, y.ReserveEnd/k, num(t, f, pn, p, i, 2), "reserve")
				near(t, 100*y.Expenditure()/y.ContributionBase, num(t, f, pn, p, i, 3), "PAYG")
				near(t, 100*y.TotalContributions()/y.ContributionBase, num(t, f, pn, p, i, 4), "contribution rate")
				near(t, y.TotalContributions()/k, num(t, f, pn, p, i, 5), "contributions")
				near(t, y.Benefits()/k, num(t, f, pn, p, i, 6), "benefits")
				near(t, y.SalaryBill/k, num(t, f, pn, p, i, 8), "salary bill")
				near(t, y.Actives, num(t, f, pn, p, i, 9), "actives")
				near(t, y.TotalPensioners(), num(t, f, pn, p, i, 10), "pensioners")
				near(t, y.Actives/y.TotalPensioners(), num(t, f, pn, p, i, 11), "support ratio")
			}

			// The summary: each indicator of each scenario and the difference.
			sn := names[0]
			s := readSheet(t, f, sn)
			require.Len(t, s.rows, 6)
			near(t, float64(base.Summary.DepletionYear), num(t, f, sn, s, 0, 2), "depletion year")
			assert.Zero(t, ref.Summary.DepletionYear, "the reform lasts through the horizon")
			for i, get := range []func(o reform.Outcome) float64{
				func(o reform.Outcome) float64 { return 100 * o.Summary.GAP },
				func(o reform.Outcome) float64 { return 100 * o.Summary.GAPWithoutReserve },
				func(o reform.Outcome) float64 { return o.Summary.ReserveRatio[o.Summary.Years-1] },
				func(o reform.Outcome) float64 { return o.Summary.DeficitPV / k },
				func(o reform.Outcome) float64 { return 100 * o.Summary.ActuarialBalance },
			} {
				near(t, get(ref), num(t, f, sn, s, i+1, 3), s.rows[i+1][0])
				if i == 2 && get(base) < 0 {
					// The base's reserve is exhausted in 2036 (reformtest.Years):
					// its ratio and the difference are empty cells, the unit says why.
					assert.Equal(t, "", cellAt(s.rows[i+1], 2))
					assert.Equal(t, "", cellAt(s.rows[i+1], 4))
					assert.Contains(t, s.rows[i+1][1], "; n")
					continue
				}
				near(t, get(base), num(t, f, sn, s, i+1, 2), s.rows[i+1][0])
				near(t, get(ref)-get(base), num(t, f, sn, s, i+1, 4), s.rows[i+1][0])
			}

			// The comparison of the reform with the base, by year.
			cn := names[2]
			c := readSheet(t, f, cn)
			require.Len(t, c.rows, reformtest.Years)
			for i := range c.rows {
				yb, yr := base.Result.Years[i], ref.Result.Years[i]
				near(t, yb.ReserveEnd/k, num(t, f, cn, c, i, 1), "reserve base")
				near(t, yr.ReserveEnd/k, num(t, f, cn, c, i, 2), "reserve reform")
				near(t, yr.ReserveEnd/k-yb.ReserveEnd/k, num(t, f, cn, c, i, 3), "reserve difference")
				near(t, 100*yr.TotalContributions()/yr.ContributionBase-100*yb.TotalContributions()/yb.ContributionBase, num(t, f, cn, c, i, 6), "rate difference")
			}

			// The attribution: the base, each measure, the total.
			an := names[3]
			a := readSheet(t, f, an)
			att := in.Attributions[0]
			require.Len(t, a.rows, len(att.Steps)+2)
			near(t, 100*att.BaseMetrics.GAP, num(t, f, an, a, 0, 1), "base GAP")
			for i, st := range att.Steps {
				near(t, 100*st.Metrics.GAP, num(t, f, an, a, i+1, 1), "GAP")
				near(t, 100*st.Marginal.ActuarialBalance, num(t, f, an, a, i+1, 4), "marginal balance")
				near(t, st.Metrics.DeficitPV/k, num(t, f, an, a, i+1, 5), "deficit")
			}
			near(t, 100*att.Total.ActuarialBalance, num(t, f, an, a, len(att.Steps)+1, 4), "total balance")
			// Identity: the marginal effects add up to the total (they telescope).
			var sum float64
			for i := range att.Steps {
				sum += num(t, f, an, a, i+1, 4)
			}
			near(t, num(t, f, an, a, len(att.Steps)+1, 4), sum, "sum of marginal effects")
		})
	}
}

// TestWorkbookSpanish checks the sheet names and headers in Spanish.
func TestWorkbookSpanish(t *testing.T) {
	f := open(t, input(t), language.MustParse("es-MX"))
	assert.Equal(t, []string{"Resumen", "Proyección", "reform vs base", "Atribución reform"}, f.GetSheetList())
	p := readSheet(t, f, "Proyección")
	assert.Equal(t, "reserva al cierre (miles)", p.head[2])
}

// TestWorkbookErrors checks that bad input is an error.
func TestWorkbookErrors(t *testing.T) {
	in := input(t)
	var buf bytes.Buffer
	assert.ErrorIs(t, xlsx.Write(&buf, &xlsx.Input{}, xlsx.Options{}), reform.ErrNoOutcomes)
	assert.ErrorIs(t, xlsx.Write(&buf, in, xlsx.Options{Language: language.French}), xlsx.ErrInput)
	bad := *in
	bad.Attributions = []*reform.Attribution{{Reform: "other"}}
	assert.ErrorIs(t, xlsx.Write(&buf, &bad, xlsx.Options{}), xlsx.ErrInput)
	bad = *in
	bad.Units = 7
	assert.ErrorIs(t, xlsx.Write(&buf, &bad, xlsx.Options{}), xlsx.ErrInput)
	assert.Zero(t, buf.Len())
}

// TestNoExcelizeInCore checks that importing reform or actuarial/census
// does not pull excelize: only this package imports it.
func TestNoExcelizeInCore(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	for _, pkg := range []string{"github.com/reserva-go/reserva/reform", "github.com/reserva-go/reserva/actuarial/census",
		"github.com/reserva-go/reserva/reform/chart", "github.com/reserva-go/reserva/reform/htmlreport"} {
		out, err := exec.Command(goBin, "list", "-deps", pkg).CombinedOutput()
		require.NoError(t, err, string(out))
		assert.NotContains(t, string(out), "excelize", pkg)
		assert.True(t, strings.Contains(string(out), pkg), pkg)
	}
}

// cellAt returns cell j of a row read back, "" past its last cell (GetRows
// drops empty trailing cells).
func cellAt(row []string, j int) string {
	if j >= len(row) {
		return ""
	}
	return row[j]
}

// TestWorkbookStochastic checks the sheet of a Monte Carlo run against the
// Outcomes it came from: each year's reserve percentiles (in the workbook's
// units) and probability of exhaustion with its standard error (per cent),
// stored as numbers with formats.
func TestWorkbookStochastic(t *testing.T) {
	const relTol = 1e-12 // the sheet stores the float64 values unrounded
	in := input(t)
	s := reformtest.Scheme(t, "base", 6e7, 0.14, 0, 0)
	out, err := stochastic.Run(context.Background(), s, stochastic.Lognormal{Mu: 0.04, Sigma: 0.15, Seed: 7},
		stochastic.Config{Years: 12, Scenarios: 30, Workers: 1})
	require.NoError(t, err)
	in.Stochastic = []xlsx.Stochastic{{Name: "base", Outcomes: out}}
	f := open(t, in, language.Und)
	name := "Risk base (30)"
	sh := readSheet(t, f, name)
	bands, err := out.Percentiles(stochastic.Reserve, []float64{0.05, 0.25, 0.5, 0.75, 0.95})
	require.NoError(t, err)
	ex := out.Exhaustion(nil)
	require.Len(t, sh.rows, out.Years)
	for y := range out.Years {
		assert.Equal(t, float64(out.StartYear+y), num(t, f, name, sh, y, 0))
		for k, bd := range bands {
			want := in.Units.Scale(bd.Value[y])
			assert.InDelta(t, want, num(t, f, name, sh, y, 1+k), relTol*math.Max(1, math.Abs(want)), "year %d percentile %g", y, bd.P)
		}
		assert.InDelta(t, 100*ex[y].Value, num(t, f, name, sh, y, 6), relTol, "P(exhausted) year %d", y)
		assert.InDelta(t, 100*ex[y].StdErr, num(t, f, name, sh, y, 7), relTol, "its error, year %d", y)
	}
	in.Stochastic = []xlsx.Stochastic{{Name: "", Outcomes: out}}
	_, err = xlsx.New(in, xlsx.Options{})
	assert.ErrorIs(t, err, xlsx.ErrInput)
}

// TestWorkbookReproducible checks that the same input gives the same bytes:
// the workbook's styles were once numbered in a map's random order, so that
// one run in four wrote a different file.
func TestWorkbookReproducible(t *testing.T) {
	in := input(t)
	var first bytes.Buffer
	require.NoError(t, xlsx.Write(&first, in, xlsx.Options{}))
	for range 8 {
		var again bytes.Buffer
		require.NoError(t, xlsx.Write(&again, in, xlsx.Options{}))
		require.True(t, bytes.Equal(first.Bytes(), again.Bytes()), "two writes of one input differ")
	}
}
