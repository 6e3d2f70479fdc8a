package census

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFastAmountExact checks the fast path of amount against the slow one
// (decimal.NewFromString, then Mul): the same coefficient and exponent, not
// only the same value, for hand-picked edge cases and 20,000 random amounts
// drawn from a PCG source seeded 16; and the amountCache that amount reads
// them through (each amount read twice, with evictions between) against
// the fast path.
func TestFastAmountExact(t *testing.T) {
	cases := []string{
		"0", "000", "0.00", "1", "007", "1.5", "1.50", "100", "123.45", "0.000000000000000001",
		"999999999999999", "999999999999999.9", "1000000000000000", "1000000000000000.0",
		"123456789012345678", "9007199254740993", "12345678.123456789",
		"15", "1.5", "0.15", "150", "1.50", "15.0", // one coefficient, several exponents
	}
	rng := rand.New(rand.NewPCG(16, 16))
	for range 20_000 {
		v := strconv.FormatInt(rng.Int64N(1_000_000_000_000_000), 10)
		if k := rng.IntN(len(v) + 1); k > 0 && k < len(v) {
			v = v[:k] + "." + v[k:]
		}
		cases = append(cases, v)
	}
	var cache amountCache
	for _, n := range []int64{1, 12, 13, 24} {
		for _, s := range append(cases, cases...) {
			got, ok := fastAmount(s, n)
			if v, exp, ok := fastCoefficient(s, n); ok {
				c := cache.decimal(v, exp)
				assert.True(t, c.Equal(got) && c.Exponent() == got.Exponent(), "%q×%d: cached %s, want %s", s, n, c, got)
			}
			want := decimal.RequireFromString(s)
			if !want.IsZero() && n > 1 {
				want = want.Mul(decimal.NewFromInt(n))
			}
			if !ok {
				continue // left to amount's slow path
			}
			if want.IsZero() {
				assert.True(t, got.Equal(decimal.Zero), "%q×%d: %s", s, n, got)
				continue
			}
			assert.Equal(t, want.Exponent(), got.Exponent(), "%q×%d exponent", s, n)
			assert.Equal(t, want.Coefficient().String(), got.Coefficient().String(), "%q×%d coefficient", s, n)
			assert.LessOrEqual(t, want.InexactFloat64(), MaxCensusAmount, "%q×%d passed the bound", s, n)
		}
	}
	for _, s := range []string{"", ".5", "5.", "1.2.3", "-1", "+1", "1e5", "1,5", " 1", "1234567890123456789"} {
		_, ok := fastAmount(s, 1)
		assert.False(t, ok, "%q takes the fast path", s)
	}
}

// TestReadActivesSizeHint checks that reading with a size hint (a
// bytes.Reader) and without one (a plain io.Reader) gives the same records.
func TestReadActivesSizeHint(t *testing.T) {
	data := syntheticActives(5_000, 3)
	hinted, err := ReadActives(bytes.NewReader(data), 2025, CensusOptions{})
	assert.NoError(t, err)
	plain, err := ReadActives(struct{ *bytes.Reader }{bytes.NewReader(data)}, 2025, CensusOptions{})
	assert.NoError(t, err)
	assert.Len(t, hinted, 5_000)
	assert.Equal(t, len(plain), len(hinted))
	for i := range plain {
		assert.True(t, plain[i].Salary.Equal(hinted[i].Salary))
		plain[i].Salary, hinted[i].Salary = decimal.Decimal{}, decimal.Decimal{}
	}
	assert.Equal(t, plain, hinted)
}

// TestDuplicateIDs checks the duplicate-id problems of ReadActives and
// ReadCensus against a map of every id seen with its first line, on 500
// random files (PCG seeded 16) of ids drawn from a small pool, in order,
// out of order and repeated, some records rejected for a bad sex: a
// rejected record's id counts as seen, a duplicate's does not change the
// first line.
func TestDuplicateIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3))
	for range 500 {
		var b strings.Builder
		b.WriteString("id,sex,age,service,salary,type,pension\n")
		first := map[string]int{}
		var want []string
		next := 0
		for line := 2; line < 2+rng.IntN(60); line++ {
			var id string
			switch rng.IntN(3) {
			case 0:
				next++
				id = "A" + strconv.Itoa(next) // in order
			case 1:
				id = "A" + strconv.Itoa(rng.IntN(next+3)) // back, or ahead
			default:
				id = "B" + strconv.Itoa(rng.IntN(20))
			}
			sex := "F"
			if rng.IntN(5) == 0 {
				sex = "Q"
			}
			typ, pension := "active", ""
			if rng.IntN(3) == 0 {
				typ, pension = "old_age", "100"
			}
			fmt.Fprintf(&b, "%s,%s,40,10,1000,%s,%s\n", id, sex, typ, pension)
			if l, ok := first[id]; ok {
				want = append(want, fmt.Sprintf("line %d: id %q: id %q: duplicate id: first on line %d", line, id, id, l))
			} else {
				first[id] = line
			}
		}
		_, err := ReadCensus(strings.NewReader(b.String()), 2025, CensusOptions{})
		var got []string
		var ce *CensusError
		if errors.As(err, &ce) {
			for _, r := range ce.Records {
				if errors.Is(&r, ErrDuplicateID) {
					got = append(got, r.describe())
				}
			}
		}
		require.Equal(t, want, got, "file:\n%s", b.String())
	}
}

// TestCivilTime checks civil.time against time.Date, the same Time to the
// bit (==), on every day of the years 0–2, 1599–1601, 1899–2101 and
// 9997–9999, leap days and century years among them.
func TestCivilTime(t *testing.T) {
	for _, span := range [][2]int{{0, 2}, {1599, 1601}, {1899, 2101}, {9997, 9999}} {
		for y := span[0]; y <= span[1]; y++ {
			for m := time.January; m <= time.December; m++ {
				for d := 1; d <= daysIn(m, y); d++ {
					c := civil{y, m, d}
					if got, want := c.time(), time.Date(y, m, d, 0, 0, 0, 0, time.UTC); got != want {
						t.Fatalf("%v: %v, want %v", c, got, want)
					}
				}
			}
		}
	}
}

// TestEstimateRecords checks the estimate that sizes the records of a
// read: for 200,000 synthetic records numbered from 0 (lines growing
// longer down the file), sampled across the file through a bytes.Reader,
// at least the records and at most 5% more; from the first buffer alone
// (a reader without ReadAt), at least the records.
func TestEstimateRecords(t *testing.T) {
	const n = 200_000
	data := syntheticActives(n, 4)
	r := bytes.NewReader(data)
	br := bufio.NewReaderSize(r, readBufferSize)
	est := estimateRecords(br, int64(len(data)), r)
	assert.GreaterOrEqual(t, est, n)
	assert.LessOrEqual(t, est, n+n/20)
	br = bufio.NewReaderSize(bytes.NewReader(data), readBufferSize)
	assert.GreaterOrEqual(t, estimateRecords(br, int64(len(data)), nil), n)
}
