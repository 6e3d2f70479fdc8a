package indicator_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomLedgerFlows returns n years of random flows from a seeded generator,
// amounts with many decimals of the order of a large scheme (contributions
// ~1e9 a year), the reserve rolled forward in float64 as the projection
// does: R_end = R_start + C + I + T − B − E.
func randomLedgerFlows(n int, seed uint64) *indicator.Flows {
	rng := rand.New(rand.NewPCG(seed, 2))
	f := &indicator.Flows{StartYear: 2025}
	for _, s := range []*[]float64{&f.Contributions, &f.InvestmentIncome, &f.Transfers, &f.Benefits, &f.Costs, &f.ReserveStart, &f.ReserveEnd} {
		*s = make([]float64, n)
	}
	r := 5e9 * rng.Float64()
	for t := range n {
		f.Contributions[t] = 1e9 * (1 + rng.Float64())
		f.InvestmentIncome[t] = 4e8 * (rng.Float64() - 0.3) // negative some years
		f.Transfers[t] = 1e7 * rng.Float64()
		f.Benefits[t] = 1.1e9 * (1 + rng.Float64())
		f.Costs[t] = 3e7 * rng.Float64()
		f.ReserveStart[t] = r
		r = r + f.Contributions[t] + f.InvestmentIncome[t] + f.Transfers[t] - f.Benefits[t] - f.Costs[t]
		f.ReserveEnd[t] = r
	}
	return f
}

// TestLedgerReconciles builds the ledger of 100 years of random flows and
// checks, to the cent, every identity of the ledger, and the documented
// bound on its distance from the float64 reserve: half a cent for the
// opening and for each of five flows a year (NewLedger's doc), plus the
// roundoff of the float64 roll-forward.
func TestLedgerReconciles(t *testing.T) {
	const (
		halfCent = 0.005
		// The float64 roll-forward of this test rounds each of its five
		// operations a year on amounts below 2^34 (≈1.7e10): at most
		// 5·2^(34−53) a year, below 1e-5 a year.
		floatRoundoff = 1e-5
	)
	for _, seed := range []uint64{1, 2, 3} {
		f := randomLedgerFlows(100, seed)
		l, err := indicator.NewLedger(f)
		require.NoError(t, err)
		require.Len(t, l.Rows, 100)
		require.NoError(t, l.Verify())
		cent := decimal.New(1, -2)
		for i, r := range l.Rows {
			assert.Equal(t, 2025+i, r.Year)
			for _, d := range []decimal.Decimal{r.Opening, r.Contributions, r.InvestmentIncome, r.Transfers, r.Benefits, r.Costs, r.Closing} {
				assert.True(t, d.Mod(cent).IsZero(), "year %d: %s not in cents", r.Year, d)
			}
			sum := r.Opening.Add(r.Contributions).Add(r.InvestmentIncome).Add(r.Transfers).Sub(r.Benefits).Sub(r.Costs)
			assert.True(t, sum.Equal(r.Closing), "year %d: %s ≠ %s", r.Year, sum, r.Closing)
			if i > 0 {
				assert.True(t, r.Opening.Equal(l.Rows[i-1].Closing), "year %d", r.Year)
			}
			// Each item is the float amount rounded to the nearest cent.
			assert.InDelta(t, f.Benefits[i], r.Benefits.InexactFloat64(), halfCent+1e-6, "year %d", r.Year)
			bound := halfCent*float64(1+5*(i+1)) + floatRoundoff*float64(i+1)
			diff := math.Abs(r.Closing.InexactFloat64() - f.ReserveEnd[i])
			assert.LessOrEqual(t, diff, bound, "year %d", r.Year)
		}
		tot := l.Totals()
		assert.True(t, tot.Opening.Add(tot.Contributions).Add(tot.InvestmentIncome).Add(tot.Transfers).
			Sub(tot.Benefits).Sub(tot.Costs).Equal(tot.Closing), "totals balance")
		assert.Equal(t, 2124, tot.Year)
	}
}

// TestLedgerRounding checks the rounding rule on amounts whose cents are a
// tie: half to even (RoundBank), applied to the shortest decimal of the
// float.
func TestLedgerRounding(t *testing.T) {
	f := &indicator.Flows{
		StartYear:     2030,
		ReserveStart:  []float64{100.125}, // → 100.12
		Contributions: []float64{0.135},   // → 0.14
		Benefits:      []float64{2.675},   // → 2.68 (the float is 2.67499…, its shortest decimal 2.675)
		Costs:         []float64{-0.005},  // → -0.00
		ReserveEnd:    []float64{100.125 + 0.135 - 2.675 + 0.005},
	}
	l, err := indicator.NewLedger(f)
	require.NoError(t, err)
	r := l.Rows[0]
	assert.Equal(t, "100.12", r.Opening.StringFixed(2))
	assert.Equal(t, "0.14", r.Contributions.StringFixed(2))
	assert.Equal(t, "2.68", r.Benefits.StringFixed(2))
	assert.True(t, r.Costs.IsZero())
	assert.True(t, r.InvestmentIncome.IsZero(), "absent series are 0")
	assert.Equal(t, "97.58", r.Closing.StringFixed(2))
}

// TestLedgerVerifyCatchesTampering changes one amount of a balanced ledger
// and checks that Verify names the year and the amounts.
func TestLedgerVerifyCatchesTampering(t *testing.T) {
	fresh := func() *indicator.Ledger {
		l, err := indicator.NewLedger(randomLedgerFlows(10, 7))
		require.NoError(t, err)
		require.NoError(t, l.Verify())
		return l
	}
	cent := decimal.New(1, -2)
	for _, tc := range []struct {
		name   string
		tamper func(l *indicator.Ledger)
		target error
		year   int
		item   string
		msg    string
	}{
		{"benefit moved by a cent", func(l *indicator.Ledger) { l.Rows[4].Benefits = l.Rows[4].Benefits.Add(cent) },
			indicator.ErrUnbalanced, 2029, "closing", "opening + contributions + investment income + transfers − benefits − costs"},
		{"closing and next opening moved", func(l *indicator.Ledger) {
			l.Rows[6].Closing = l.Rows[6].Closing.Add(cent)
			l.Rows[7].Opening = l.Rows[7].Opening.Add(cent)
		}, indicator.ErrUnbalanced, 2031, "closing", "closing "},
		{"opening moved", func(l *indicator.Ledger) { l.Rows[3].Opening = l.Rows[3].Opening.Sub(cent) },
			indicator.ErrUnbalanced, 2028, "opening", "but closing of 2027"},
		{"a tenth of a cent", func(l *indicator.Ledger) {
			l.Rows[2].Costs = l.Rows[2].Costs.Add(decimal.New(1, -3))
		}, indicator.ErrNotCents, 2027, "costs", "costs "},
		{"year skipped", func(l *indicator.Ledger) {
			for i := 5; i < len(l.Rows); i++ {
				l.Rows[i].Year++
			}
		}, indicator.ErrUnbalanced, 2031, "year", "row of year 2031 where year 2030 was due"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := fresh()
			tc.tamper(l)
			err := l.Verify()
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.target)
			var le *indicator.LedgerError
			require.ErrorAs(t, err, &le)
			assert.Equal(t, tc.year, le.Year)
			assert.Equal(t, tc.item, le.Item)
			assert.Contains(t, err.Error(), "actuarial: ledger "+strconv.Itoa(tc.year)+": ")
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

// TestNewLedgerErrors checks that flows that do not add up to the reserve
// beyond the documented bound, and bad data, are reported.
func TestNewLedgerErrors(t *testing.T) {
	f := randomLedgerFlows(20, 3)
	f.InvestmentIncome[12] += 1 // a unit of money lost in year 12
	_, err := indicator.NewLedger(f)
	var le *indicator.LedgerError
	require.ErrorAs(t, err, &le)
	assert.ErrorIs(t, err, indicator.ErrReconcile)
	assert.Equal(t, 2037, le.Year)
	assert.Equal(t, "closing", le.Item)
	assert.Contains(t, err.Error(), "but reserve at end")
	assert.Contains(t, err.Error(), "(difference 1.0")

	// Without reserves at end, the next opening reserve is checked.
	f.ReserveEnd = nil
	_, err = indicator.NewLedger(f)
	require.ErrorAs(t, err, &le)
	assert.ErrorIs(t, err, indicator.ErrReconcile)
	assert.Equal(t, 2038, le.Year)
	assert.Equal(t, "opening", le.Item)

	f = randomLedgerFlows(20, 3)
	f.Costs[5] = math.Inf(-1)
	_, err = indicator.NewLedger(f)
	var se *indicator.SeriesError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "costs", se.Series)
	assert.Equal(t, 2030, se.Year)

	f = randomLedgerFlows(20, 3)
	f.ReserveStart = nil
	_, err = indicator.NewLedger(f)
	assert.ErrorIs(t, err, indicator.ErrLength)

	l, err := indicator.NewLedger(&indicator.Flows{})
	require.NoError(t, err)
	assert.Empty(t, l.Rows)
	require.NoError(t, l.Verify())
	assert.Equal(t, indicator.LedgerRow{}, l.Totals())
}

// TestLedgerWriteCSV checks that the CSV reads back to the ledger's amounts.
func TestLedgerWriteCSV(t *testing.T) {
	l, err := indicator.NewLedger(randomLedgerFlows(5, 9))
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, l.WriteCSV(&buf))
	recs, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 6)
	assert.Equal(t, []string{"year", "opening", "contributions", "investment_income", "transfers", "benefits", "costs", "closing"}, recs[0])
	for i, rec := range recs[1:] {
		r := l.Rows[i]
		assert.Equal(t, strconv.Itoa(r.Year), rec[0])
		for j, d := range []decimal.Decimal{r.Opening, r.Contributions, r.InvestmentIncome, r.Transfers, r.Benefits, r.Costs, r.Closing} {
			got, err := decimal.NewFromString(rec[j+1])
			require.NoError(t, err)
			assert.True(t, d.Equal(got), "row %d col %d: %s vs %s", i, j, d, rec[j+1])
		}
	}
}

// FuzzLedger checks that any finite flows give a ledger that verifies and
// stays within NewLedger's documented bound of the float64 reserve, and
// that non-finite ones give an error rather than a panic.
func FuzzLedger(f *testing.F) {
	f.Add(1e6, 2.675, 0.135, -0.005, 1e9, 3.3)
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
	f.Add(-1e12, 1e-300, 5e-324, 1e15, -7.77, math.Copysign(0, -1))
	f.Fuzz(func(t *testing.T, r0, c, i, tr, b, e float64) {
		const n = 3
		fl := &indicator.Flows{StartYear: 2000}
		r := r0
		for k := range n {
			// Vary the flows from year to year.
			s := float64(k + 1)
			fl.Contributions = append(fl.Contributions, c*s)
			fl.InvestmentIncome = append(fl.InvestmentIncome, i/s)
			fl.Transfers = append(fl.Transfers, tr)
			fl.Benefits = append(fl.Benefits, b*s)
			fl.Costs = append(fl.Costs, e)
			fl.ReserveStart = append(fl.ReserveStart, r)
			r = r + fl.Contributions[k] + fl.InvestmentIncome[k] + fl.Transfers[k] - fl.Benefits[k] - fl.Costs[k]
			fl.ReserveEnd = append(fl.ReserveEnd, r)
		}
		l, err := indicator.NewLedger(fl)
		if err != nil {
			// Only non-finite data may fail.
			require.ErrorIs(t, err, actuarial.ErrNotFinite)
			return
		}
		require.NoError(t, l.Verify())
		for k, row := range l.Rows {
			want := decimal.NewFromFloat(fl.ReserveEnd[k])
			var scale float64
			for j := 0; j <= k; j++ {
				scale += math.Abs(fl.ReserveStart[j]) + math.Abs(fl.Contributions[j]) + math.Abs(fl.InvestmentIncome[j]) +
					math.Abs(fl.Transfers[j]) + math.Abs(fl.Benefits[j]) + math.Abs(fl.Costs[j])
			}
			bound := decimal.NewFromFloat(0.005*float64(1+5*(k+1)) + 0x1p-46*scale)
			require.True(t, row.Closing.Sub(want).Abs().Cmp(bound) <= 0, "year %d: %s vs %s", row.Year, row.Closing, want)
		}
	})
}
