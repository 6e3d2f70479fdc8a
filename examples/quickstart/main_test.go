package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const dataDir = "../../testdata"

// maxRunTime bounds the whole example. It takes a few milliseconds; the
// bound leaves room for a slow, shared CI machine while still catching a
// projection that has become a hundred times slower.
const maxRunTime = 3 * time.Second

// centTol is half a cent, the rounding of an amount printed to the cent,
// plus a little for the float64 arithmetic of the check itself.
const centTol = 0.005 + 1e-6

// output is the report split into its parts.
type output struct {
	projection []projectionRow
	indicators map[string]string
	ledger     []ledgerRow
	total      ledgerRow
	lastClose  decimal.Decimal // the closing reserve of the last year, printed after the ledger
	lastYear   int
}

type projectionRow struct {
	year                                 int
	actives, pensioners, support         float64
	salaryBill, benefits                 float64 // MXN thousands
	payg, contributionRate, reserveAtEnd float64 // rates in %, reserve in MXN thousands
}

type ledgerRow struct {
	year                                                                int
	opening, contributions, income, transfers, benefits, costs, closing decimal.Decimal
}

// report runs the example once, checks it was quick, and parses what it
// printed.
func report(t *testing.T) output {
	t.Helper()
	var buf bytes.Buffer
	start := time.Now()
	require.NoError(t, run(&buf, dataDir))
	elapsed := time.Since(start)
	assert.Less(t, elapsed, maxRunTime, "run took %v", elapsed)

	blocks := strings.Split(strings.TrimSpace(buf.String()), "\n\n")
	require.Len(t, blocks, 3, "projection, indicators, ledger:\n%s", buf.String())
	var out output

	// The projection table: the rows start with a year.
	for _, line := range strings.Split(blocks[0], "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		year, err := strconv.Atoi(f[0])
		if err != nil {
			continue // a title or the header
		}
		require.Len(t, f, 9, "line %q", line)
		x := make([]float64, 8)
		for i, s := range f[1:] {
			x[i], err = strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
			require.NoError(t, err, "line %q", line)
		}
		out.projection = append(out.projection, projectionRow{
			year: year, actives: x[0], pensioners: x[1], support: x[2], salaryBill: x[3], benefits: x[4],
			payg: x[5], contributionRate: x[6], reserveAtEnd: x[7],
		})
	}

	// The indicators: "label  value", two spaces or more apart.
	out.indicators = map[string]string{}
	labelValue := regexp.MustCompile(`^(\S.*?)\s{2,}(\S.*)$`)
	for _, line := range strings.Split(blocks[1], "\n")[1:] {
		m := labelValue.FindStringSubmatch(line)
		require.NotNil(t, m, "line %q", line)
		out.indicators[m[1]] = m[2]
	}

	// The ledger: rows of a year or "total", then the last closing reserve.
	lines := strings.Split(blocks[2], "\n")
	for _, line := range lines[2 : len(lines)-1] { // after the title and header
		f := strings.Fields(line)
		require.Len(t, f, 8, "line %q", line)
		var r ledgerRow
		for i, p := range []*decimal.Decimal{&r.opening, &r.contributions, &r.income, &r.transfers, &r.benefits, &r.costs, &r.closing} {
			d, err := decimal.NewFromString(f[i+1])
			require.NoError(t, err, "line %q", line)
			*p = d
		}
		if f[0] == "total" {
			out.total = r
			continue
		}
		y, err := strconv.Atoi(f[0])
		require.NoError(t, err, "line %q", line)
		r.year = y
		out.ledger = append(out.ledger, r)
	}
	m := regexp.MustCompile(`^reserve on 31 December (\d{4}): MXN (-?\d+\.\d\d)$`).FindStringSubmatch(lines[len(lines)-1])
	require.NotNil(t, m, "last line %q", lines[len(lines)-1])
	out.lastYear, _ = strconv.Atoi(m[1])
	out.lastClose = decimal.RequireFromString(m[2])
	return out
}

// percent parses "12.34% of salaries" as 0.1234.
func percent(t *testing.T, s string) float64 {
	t.Helper()
	v, ok := strings.CutSuffix(s, "% of salaries")
	require.True(t, ok, "%q", s)
	x, err := strconv.ParseFloat(v, 64)
	require.NoError(t, err, "%q", s)
	return x / 100
}

func TestRunReport(t *testing.T) {
	out := report(t)

	t.Run("projection", func(t *testing.T) {
		// Every 5 years from 2025, and the last year.
		var years []int
		for _, r := range out.projection {
			years = append(years, r.year)
		}
		assert.Equal(t, []int{2025, 2030, 2035, 2040, 2045, 2050, 2055, 2060, 2065, 2070, 2074}, years)

		for _, r := range out.projection {
			// Replacement entrants keep the actives at the census's 12
			// (Assumptions.Entrants, ReplacementEntrants).
			assert.Equal(t, 12.0, r.actives, "actives in %d", r.year)
			// Without a ceiling, contributions are the rules' 6% + 10% of
			// the salary bill in every year.
			assert.Equal(t, 16.0, r.contributionRate, "contribution rate in %d", r.year)
			// Ratios against the printed counts and amounts, with the
			// printed precision as interval bounds: counts ±0.05,
			// thousands ±0.5, the ratio ±0.005 and the rate ±0.05%.
			assert.True(t, within(r.support, 0.005, (r.actives-0.05)/(r.pensioners+0.05), (r.actives+0.05)/(r.pensioners-0.05)),
				"support ratio %v in %d: want actives/pensioners = %v/%v", r.support, r.year, r.actives, r.pensioners)
			assert.True(t, within(r.payg, 0.05, 100*(r.benefits-0.5)/(r.salaryBill+0.5), 100*(r.benefits+0.5)/(r.salaryBill-0.5)),
				"PAYG cost rate %v%% in %d: want benefits/salary bill = %v/%v", r.payg, r.year, r.benefits, r.salaryBill)
		}

		// The first year's census: 12 actives and 4 pensions.
		assert.Equal(t, 4.0, out.projection[0].pensioners)
	})

	t.Run("first year by hand", func(t *testing.T) {
		// The first year recomputed from the census text and EMSSA-09,
		// independently of the library, with the projection's timing
		// (package actuarial doc, "Projection"): nobody is eligible on
		// 1 January 2025; members and pensioners who die during the year
		// are paid for half of it, an exposure of 1 − q/2; the year's flows
		// earn half a year's interest, the opening reserve a whole year's.
		male, female := emssa09(t)
		q := func(sex string, age int) float64 {
			if sex == "male" {
				return male[age]
			}
			return female[age]
		}
		var salaryBill, pensions float64
		for _, r := range records(t, activesCSV) {
			salaryBill += 12 * number(t, r[4]) * (1 - q(r[1], int(number(t, r[2])))/2)
		}
		for _, r := range records(t, pensionersCSV) {
			pensions += 12 * number(t, r[4]) * (1 - q(r[1], int(number(t, r[2])))/2)
		}
		contributions := 0.16 * salaryBill
		const reserve, ret = 8e6, 0.08 // InitialReserve, Return in 2025
		income := reserve*ret + (contributions-pensions)*(math.Sqrt(1+ret)-1)

		y := out.ledger[0]
		require.Equal(t, 2025, y.year)
		assert.Equal(t, "8000000.00", y.opening.StringFixed(2))
		assert.InDelta(t, contributions, y.contributions.InexactFloat64(), centTol, "contributions")
		assert.InDelta(t, pensions, y.benefits.InexactFloat64(), centTol, "benefits")
		assert.InDelta(t, income, y.income.InexactFloat64(), centTol, "investment income")
		assert.InDelta(t, salaryBill/1e3, out.projection[0].salaryBill, 0.5, "salary bill, MXN thousands")
	})

	t.Run("ledger reconciles to the cent", func(t *testing.T) {
		require.Len(t, out.ledger, 5)
		var sum ledgerRow
		for i, r := range out.ledger {
			assert.Equal(t, 2025+i, r.year)
			// Closing = Opening + C + I + T − B − E, exactly (Ledger).
			want := r.opening.Add(r.contributions).Add(r.income).Add(r.transfers).Sub(r.benefits).Sub(r.costs)
			assert.True(t, r.closing.Equal(want), "%d: closing %s, items give %s", r.year, r.closing, want)
			if i > 0 {
				prev := out.ledger[i-1].closing
				assert.True(t, r.opening.Equal(prev), "%d: opening %s, previous closing %s", r.year, r.opening, prev)
			}
			sum.contributions = sum.contributions.Add(r.contributions)
			sum.income = sum.income.Add(r.income)
			sum.benefits = sum.benefits.Add(r.benefits)
		}
		// The total line sums the flows and runs from the first opening to
		// the last closing.
		assert.True(t, out.total.opening.Equal(out.ledger[0].opening))
		assert.True(t, out.total.closing.Equal(out.ledger[4].closing))
		assert.True(t, out.total.contributions.Equal(sum.contributions))
		assert.True(t, out.total.income.Equal(sum.income))
		assert.True(t, out.total.benefits.Equal(sum.benefits))

		// The ledger and the float64 projection agree: its closing
		// reserves, in thousands, are the table's to the rounding of the
		// table (NewLedger bounds the gap by cents).
		first, last := out.projection[0], out.projection[len(out.projection)-1]
		assert.InDelta(t, first.reserveAtEnd, out.ledger[0].closing.InexactFloat64()/1e3, 0.5+1e-6, "2025")
		assert.Equal(t, last.year, out.lastYear)
		assert.InDelta(t, last.reserveAtEnd, out.lastClose.InexactFloat64()/1e3, 0.5+1e-6, "%d", last.year)
	})

	t.Run("indicators", func(t *testing.T) {
		gap := percent(t, out.indicators["general average premium (GAP)"])
		gap0 := percent(t, out.indicators["GAP without the initial reserve"])
		c := percent(t, out.indicators["contribution rate"])
		assert.Equal(t, 0.16, c)
		assert.Greater(t, gap, 0.0)
		assert.Less(t, gap, 1.0)
		// The initial reserve pays for part of the benefits: the GAP
		// without it is higher by R0/PV(salaries).
		assert.Greater(t, gap0, gap)
		assert.Less(t, gap0, 1.0)

		// A level rate equal to the GAP leaves a reserve of 0 at the end
		// of the horizon, and the reserve at the end is linear in the
		// rate; with no transfers, a rate below the GAP leaves a negative
		// reserve, so the reserve is exhausted by the last year.
		require.Less(t, c, gap)
		last := out.projection[len(out.projection)-1]
		assert.Less(t, last.reserveAtEnd, 0.0)
		assert.True(t, out.lastClose.IsNegative())
		depletion, err := strconv.Atoi(out.indicators["reserve exhausted in"])
		require.NoError(t, err, "reserve exhausted in %q", out.indicators["reserve exhausted in"])
		assert.LessOrEqual(t, depletion, last.year)
		// The depletion year is the first with a negative reserve at the
		// end: no row before it is negative.
		for _, r := range out.projection {
			if r.year < depletion {
				assert.GreaterOrEqual(t, r.reserveAtEnd, 0.0, "reserve at end of %d, before depletion in %d", r.year, depletion)
			}
		}
		// The state must pay in something to keep the reserve at 0 or
		// above.
		pv, ok := strings.CutPrefix(out.indicators["present value of the deficit"], "MXN ")
		require.True(t, ok)
		pv, ok = strings.CutSuffix(pv, " thousand")
		require.True(t, ok)
		assert.Greater(t, number(t, pv), 0.0)
	})
}

// within reports whether x is in [lo − tol, hi + tol].
func within(x, tol, lo, hi float64) bool { return x >= lo-tol && x <= hi+tol }

func TestRunMissingData(t *testing.T) {
	err := run(io.Discard, t.TempDir())
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Contains(t, err.Error(), "EMSSA-09")
}

func TestFindDataDir(t *testing.T) {
	assert.Equal(t, dataDir, filepath.ToSlash(findDataDir()), "from examples/quickstart")
}

// records splits CSV text without quotes into records, header dropped.
func records(t *testing.T, text string) [][]string {
	t.Helper()
	var recs [][]string
	for _, line := range strings.Split(strings.TrimSpace(text), "\n")[1:] {
		recs = append(recs, strings.Split(line, ","))
	}
	require.NotEmpty(t, recs)
	return recs
}

func number(t *testing.T, s string) float64 {
	t.Helper()
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, "%q", s)
	return x
}

// emssa09 reads the two columns of q_x of EMSSA-09 by splitting its lines,
// so that the check does not go through package mortality.
func emssa09(t *testing.T) (male, female []float64) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "mexico", "emssa09.csv"))
	require.NoError(t, err)
	for i, f := range records(t, string(b)) {
		require.Len(t, f, 3)
		require.Equal(t, strconv.Itoa(i), strings.TrimSpace(f[0]), "ages 0, 1, 2, …")
		male = append(male, number(t, strings.TrimSpace(f[1])))
		female = append(female, number(t, strings.TrimSpace(f[2])))
	}
	return male, female
}
