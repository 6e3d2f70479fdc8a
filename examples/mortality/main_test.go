package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

const dataDir = "../../testdata"

// maxRunTime bounds the whole report. It takes about 0.1 s; the bound
// leaves room for a slow, shared CI machine while still catching a
// simulation that has become a hundred times slower.
const maxRunTime = 10 * time.Second

// report runs the example once and returns its output, split into sections
// by their leading number ("1." … "5.").
func report(t *testing.T) map[string][]string {
	t.Helper()
	var buf bytes.Buffer
	start := time.Now()
	require.NoError(t, run(&buf, dataDir))
	elapsed := time.Since(start)
	assert.Less(t, elapsed, maxRunTime, "run took %v", elapsed)

	sections := map[string][]string{}
	var cur string
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		line := sc.Text()
		if n, _, ok := strings.Cut(line, ". "); ok && len(n) == 1 && n >= "1" && n <= "9" {
			cur = n
		}
		if cur != "" && line != "" {
			sections[cur] = append(sections[cur], line)
		}
	}
	require.Len(t, sections, 5, "five sections")
	return sections
}

// row returns the numbers after label on the first line of lines that
// starts with label (after leading spaces), a trailing "%" dropped.
func row(t *testing.T, lines []string, label string) []float64 {
	t.Helper()
	for _, line := range lines {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), label+" ")
		if !ok {
			continue
		}
		var xs []float64
		for _, f := range strings.Fields(rest) {
			x, err := strconv.ParseFloat(strings.TrimSuffix(f, "%"), 64)
			require.NoError(t, err, "line %q", line)
			xs = append(xs, x)
		}
		return xs
	}
	require.FailNow(t, "no line starts with "+label, "lines: %q", lines)
	return nil
}

func TestRunReport(t *testing.T) {
	s := report(t)

	t.Run("G2", func(t *testing.T) {
		// SOA table 2581 prints q_65 = 0.009007, table 2583 G2_65 = 0.015.
		assert.Equal(t, []float64{0.009007, 1.5, 0.005899}, row(t, s["1"], "65"))
		// Scale G2 is constant in time: q(x, 2040) = q(x, 2012)·(1 − G2_x)^28.
		const tol = 1e-6 // q printed to 6 decimals, G2 exact
		for _, age := range []string{"45", "55", "65", "75", "85", "95"} {
			r := row(t, s["1"], age)
			assert.InDelta(t, r[0]*math.Pow(1-r[1]/100, 28), r[2], tol, "age %s", age)
		}
		// Improvement lengthens life: e°_65 rises from 2012 to 2040, and the
		// cohort aged 65 in 2025 outlives the 2012 period table.
		p2012, p2040 := row(t, s["1"], "period 2012")[0], row(t, s["1"], "period 2040")[0]
		cohort := row(t, s["1"], "cohort born 1960 (65 in 2025)")[0]
		assert.Greater(t, p2040, p2012)
		assert.Greater(t, cohort, p2012)
		// Regression: the figures the example printed when written.
		const eTol = 0.005 // printed to 2 decimals
		assert.InDelta(t, 21.47, p2012, eTol)
		assert.InDelta(t, 23.89, p2040, eTol)
		assert.InDelta(t, 23.84, cohort, eTol)
	})

	t.Run("select", func(t *testing.T) {
		// SOA table 3302 (and its CSV export t3302.csv): q_[40] = 0.00013,
		// q_[40]+1 = 0.00020, as ExampleSelectTable_Life prints.
		assert.Equal(t, []float64{40, 0.00013, 0.00087, 0.15}, row(t, s["2"], "0"))
		assert.Equal(t, []float64{41, 0.00020, 0.00088, 0.23}, row(t, s["2"], "1"))
		// From the end of the 25-year select period the rate is the ultimate
		// rate at the attained age.
		r := row(t, s["2"], "25")
		assert.Equal(t, r[1], r[2], "q_[40]+25 = q_65")
		assert.True(t, strings.Contains(strings.Join(s["2"], "\n"), "e°_[40] = 47.19 years select, e°_40 = 46.93 years ultimate"))
	})

	t.Run("EMSSA-09", func(t *testing.T) {
		// e°_x recomputed here from the published rates, independently of
		// package mortality: Σ_{k≥1} _k p_x + 1/2, q = 1 above age 109.
		male, female := emssa09(t)
		const tol = 0.005 + 1e-9 // the report prints 2 decimals
		for _, age := range []int{20, 60, 65} {
			r := row(t, s["3"], strconv.Itoa(age))
			assert.InDelta(t, curtatePlusHalf(male, age), r[0], tol, "male %d", age)
			assert.InDelta(t, curtatePlusHalf(female, age), r[1], tol, "female %d", age)
		}
	})

	t.Run("Lee-Carter", func(t *testing.T) {
		lines := s["4"]
		// The fit of ExampleFitLeeCarter (package mortality), same data.
		assert.Equal(t, []float64{93.1}, row(t, lines, "variance explained by b_x·k_t"))
		d := row(t, lines, "drift d of k, per year")[0]
		assert.Equal(t, -1.655, d)
		assert.Equal(t, []float64{1.701}, row(t, lines, "σ of the yearly steps of k"))
		assert.Equal(t, -49.14, row(t, lines, "2011")[0])
		assert.Equal(t, -82.25, row(t, lines, "2031")[0])
		// The central forecast is a straight line: k_2051 = k_2011 + 40·d.
		const kTol = 0.005 + 40*0.0005 + 1e-9 // k to 2 decimals, d to 3
		y2051 := row(t, lines, "2051")
		assert.InDelta(t, -49.14+40*d, y2051[0], kTol)
		// Falling k means rising life expectancy, at birth and at 65.
		prev := row(t, lines, "1961")
		for _, y := range []string{"2011", "2031", "2051"} {
			r := row(t, lines, y)
			assert.Greater(t, r[1], prev[1], "e°_0 in %s", y)
			assert.Greater(t, r[2], prev[2], "e°_65 in %s", y)
			prev = r
		}
		// The simulated 90% interval straddles the central forecast.
		var lo, hi float64
		found := false
		for _, line := range lines {
			if _, after, ok := strings.Cut(line, "simulated paths of k: "); ok {
				_, err := fmt.Sscanf(after, "%f to %f", &lo, &hi)
				require.NoError(t, err, "line %q", line)
				found = true
			}
		}
		require.True(t, found, "interval line")
		assert.Less(t, lo, y2051[2])
		assert.Greater(t, hi, y2051[2])
		// Regression: the interval the fixed seed gave when written.
		const eTol = 0.005
		assert.InDelta(t, 20.98, lo, eTol)
		assert.InDelta(t, 23.04, hi, eTol)
	})

	t.Run("SULT", func(t *testing.T) {
		// l_x as AMLCR Appendix D prints it (Dickson, Hardy & Waters, 2nd ed.).
		const lTol = 0.01 + 1e-9 // the book and the report print cents
		for _, c := range []struct {
			age string
			l   float64
		}{
			{"20", 100000.00}, {"45", 99033.94}, {"65", 94579.73}, {"82", 70507.19}, {"100", 6248.17},
		} {
			assert.InDelta(t, c.l, row(t, s["5"], c.age)[0], lTol, "l_%s", c.age)
		}
		// e°_x against the exact integral of Makeham's survival function,
		// ∫ exp(−A·t − B·C^x·(C^t − 1)/ln C) dt. The table assumes UDD within
		// each year of age, which overstates e°_x by up to 0.03 at age 100.
		const uddTol = 0.05
		for _, age := range []int{20, 45, 65, 82, 100} {
			assert.InDelta(t, makehamLifeExpectancy(float64(age)), row(t, s["5"], strconv.Itoa(age))[2], uddTol, "e°_%d", age)
		}
	})
}

// TestSimulatedShortcut checks that the shortcut the simulation takes, one
// period table built from k alone, is the period table of
// LeeCarter.Generational for the same k.
func TestSimulatedShortcut(t *testing.T) {
	const tol = 1e-9 // the same rates; the tables differ only in their first age (rounding)
	f, err := os.Open(filepath.Join(dataDir, "lee-carter", "ew_male_1961_2011.csv"))
	require.NoError(t, err)
	defer f.Close()
	data, err := mortality.ReadDeathsExposures(f)
	require.NoError(t, err)
	m, err := data.M()
	require.NoError(t, err)
	lc, err := mortality.FitLeeCarter(data.Ages, data.Years, m)
	require.NoError(t, err)

	gen := lc.Generational(40)
	for _, c := range []struct {
		year int
		k    float64
	}{
		{2011, lc.K[len(lc.K)-1]},
		{2051, lc.ForecastK(40)[39]},
	} {
		p, err := mortality.Tabulate(gen.Period(c.year))
		require.NoError(t, err)
		for _, age := range []int{0, 65} {
			got, err := periodLifeExpectancy(lc, c.k, age, nil)
			require.NoError(t, err)
			assert.InDelta(t, p.LifeExpectancy(age), got, tol, "e°_%d in %d", age, c.year)
		}
	}
}

func TestRunMissingData(t *testing.T) {
	err := run(io.Discard, t.TempDir())
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Contains(t, err.Error(), "2012 IAM")
}

func TestFindDataDir(t *testing.T) {
	assert.Equal(t, dataDir, filepath.ToSlash(findDataDir()), "from examples/mortality")
}

// emssa09 reads the two columns of q_x of EMSSA-09 by splitting its lines,
// so that the check does not go through package mortality.
func emssa09(t *testing.T) (male, female []float64) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dataDir, "mexico", "emssa09.csv"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i, line := range lines[1:] { // skip the header
		f := strings.Split(strings.TrimSpace(line), ",")
		require.Len(t, f, 3)
		require.Equal(t, strconv.Itoa(i), f[0], "ages 0, 1, 2, …")
		qm, err := strconv.ParseFloat(f[1], 64)
		require.NoError(t, err)
		qf, err := strconv.ParseFloat(f[2], 64)
		require.NoError(t, err)
		male, female = append(male, qm), append(female, qf)
	}
	return male, female
}

// curtatePlusHalf returns Σ_{k≥1} _k p_x + 1/2 for rates q from age 0.
func curtatePlusHalf(q []float64, age int) float64 {
	e, p := 0.5, 1.0
	for _, qx := range q[age:] {
		p *= 1 - qx
		e += p
	}
	return e
}

// makehamLifeExpectancy integrates the SULT's survival function from age x
// by the midpoint rule over 110 years (survival is below 1e-30 after that).
func makehamLifeExpectancy(x float64) float64 {
	const a, b, c = 0.00022, 2.7e-6, 1.124
	const n, span = 110000, 110.0
	h := span / n
	sum := 0.0
	for i := range n {
		t := (float64(i) + 0.5) * h
		sum += math.Exp(-a*t - b*math.Pow(c, x)*(math.Pow(c, t)-1)/math.Log(c))
	}
	return sum * h
}
