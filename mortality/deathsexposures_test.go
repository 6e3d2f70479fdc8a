package mortality_test

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

// TestReadDeathsExposuresEW checks the reader on the England & Wales file
// against records read off the file itself (its first and last lines, and
// the line for age 65 in 1990).
func TestReadDeathsExposuresEW(t *testing.T) {
	d := ewMale(t)
	require.Len(t, d.Ages, 101)
	require.Len(t, d.Years, 51)
	assert.Equal(t, 0, d.Ages[0])
	assert.Equal(t, 100, d.Ages[100])
	assert.Equal(t, 1961, d.Years[0])
	assert.Equal(t, 2011, d.Years[50])
	for _, c := range []struct {
		age, year int
		deaths    float64
		exposure  float64
	}{
		{0, 1961, 9988.0, 403002.61},  // line 2
		{100, 2011, 297.0, 719.37},    // last line
		{65, 1990, 6196.0, 239396.89}, // line 2996
	} {
		i, j := c.age, c.year-1961
		assert.Equal(t, c.deaths, d.Deaths.At(i, j), "deaths at %d in %d", c.age, c.year)
		assert.Equal(t, c.exposure, d.Exposures.At(i, j), "exposure at %d in %d", c.age, c.year)
	}
	m, err := d.M()
	require.NoError(t, err)
	deaths, exposure := 9988.0, 403002.61 // variables: a constant quotient is exact
	assert.Equal(t, deaths/exposure, m.At(0, 0), "m = D/E")
}

func TestReadDeathsExposures(t *testing.T) {
	const header = "age,year,deaths,central_exposure\n"
	ok := header + "60,2000,10,1000\n61,2000,12,900\n60,2001,9,1010\n61,2001,11,905\n"
	for _, c := range []struct {
		name   string
		in     string
		want   error
		line   int    // of a *ParseError; 0 for none
		column int    // of a *ParseError
		value  string // of a *ParseError
	}{
		{"ok", ok, nil, 0, 0, ""},
		{"columns in another order, other columns, upper case, BOM", "\ufeffYear, Deaths ,Pop,Age,Exposure\n2000,1,5,7,10\n2001,2,5,7,10\n", nil, 0, 0, ""},
		{"empty", "", mortality.ErrEmpty, 1, 0, ""},
		{"header only", header, mortality.ErrEmpty, 2, 0, ""},
		{"missing column", "age,year,deaths\n1,2,3\n", mortality.ErrSyntax, 1, 0, ""},
		{"column twice", "age,year,deaths,central_exposure,age\n", mortality.ErrSyntax, 1, 5, "age"},
		{"bad age", header + "6x,2000,10,1000\n", mortality.ErrSyntax, 2, 1, "6x"},
		{"negative age", header + "-1,2000,10,1000\n", mortality.ErrSyntax, 2, 1, "-1"},
		{"bad deaths", header + "60,2000,ten,1000\n", mortality.ErrSyntax, 2, 3, "ten"},
		{"NaN exposure", header + "60,2000,10,NaN\n", mortality.ErrNotFinite, 2, 4, "NaN"},
		{"overflowing exposure", header + "60,2000,10,1e999\n", mortality.ErrNotFinite, 2, 4, "1e999"},
		{"negative deaths", header + "60,2000,10,1000\n61,2000,-2,900\n", mortality.ErrNegative, 3, 3, "-2"},
		{"short record", "age,year,deaths,central_exposure\n60,2000,10\n", mortality.ErrSyntax, 2, 0, ""},
		{"duplicate", ok + "61,2000,12,900\n", mortality.ErrDuplicate, 6, 0, "61,2000"},
		{"missing cell", header + "60,2000,10,1000\n61,2000,12,900\n60,2001,9,1010\n", mortality.ErrMissingAge, 0, 0, ""},
		{"far apart years", header + "60,2000,10,1000\n60,9000000,10,1000\n", mortality.ErrMissingAge, 0, 0, ""},
		{"unbalanced quote", header + "60,\"2000,10,1000\n", mortality.ErrSyntax, 2, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := mortality.ReadDeathsExposures(strings.NewReader(c.in))
			if c.want == nil {
				require.NoError(t, err)
				assert.Equal(t, len(d.Ages), d.Deaths.RawMatrix().Rows)
				assert.Equal(t, len(d.Years), d.Exposures.RawMatrix().Cols)
				return
			}
			require.ErrorIs(t, err, c.want)
			if c.line == 0 {
				return
			}
			var pe *mortality.ParseError
			require.True(t, errors.As(err, &pe), "want a *ParseError, got %T", err)
			assert.Equal(t, c.line, pe.Line, "line")
			if c.column != 0 {
				assert.Equal(t, c.column, pe.Column, "column")
			}
			assert.Equal(t, c.value, pe.Value, "value")
		})
	}
	d, err := mortality.ReadDeathsExposures(strings.NewReader(ok))
	require.NoError(t, err)
	assert.Equal(t, []int{60, 61}, d.Ages)
	assert.Equal(t, []int{2000, 2001}, d.Years)
	assert.Equal(t, 11.0, d.Deaths.At(1, 1))
	assert.Equal(t, 905.0, d.Exposures.At(1, 1))

	// M names the cell whose rate is undefined or zero.
	zero := header + "60,2000,0,1000\n"
	d, err = mortality.ReadDeathsExposures(strings.NewReader(zero))
	require.NoError(t, err)
	_, err = d.M()
	var ce *mortality.CellError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, mortality.CellError{Field: "deaths", Age: 60, Year: 2000, Value: 0, Err: mortality.ErrNotPositive}, *ce)
}

// FuzzReadDeathsExposures checks that the reader never panics and that
// whatever it accepts is a complete, finite, non-negative surface.
func FuzzReadDeathsExposures(f *testing.F) {
	f.Add("age,year,deaths,central_exposure\n60,2000,10,1000\n61,2000,12,900\n60,2001,9,1010\n61,2001,11,905\n")
	f.Add("year,age,exposure,deaths\n2000,1,5,7\n")
	f.Add("age,year,deaths,central_exposure\n60,2000,1e999,NaN\n")
	f.Add("age,year,deaths,central_exposure\n0,0,0,0\n0,99999999,0,0\n")
	if b, err := os.ReadFile("../testdata/lee-carter/ew_male_1961_2011.csv"); err == nil {
		f.Add(string(b[:2000]))
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := mortality.ReadDeathsExposures(strings.NewReader(in))
		if err != nil {
			if d != nil {
				t.Fatal("a result with an error")
			}
			return
		}
		nx, nt := len(d.Ages), len(d.Years)
		if nx == 0 || nt == 0 {
			t.Fatal("an empty surface without an error")
		}
		if r, c := d.Deaths.Dims(); r != nx || c != nt {
			t.Fatalf("deaths %d×%d for %d ages and %d years", r, c, nx, nt)
		}
		if r, c := d.Exposures.Dims(); r != nx || c != nt {
			t.Fatalf("exposures %d×%d for %d ages and %d years", r, c, nx, nt)
		}
		for i := range nx {
			for j := range nt {
				for _, v := range []float64{d.Deaths.At(i, j), d.Exposures.At(i, j)} {
					if !(v >= 0) || math.IsInf(v, 0) {
						t.Fatalf("value %v at age %d in %d", v, d.Ages[i], d.Years[j])
					}
				}
			}
		}
	})
}

func BenchmarkReadDeathsExposures(b *testing.B) {
	in, err := os.ReadFile("../testdata/lee-carter/ew_male_1961_2011.csv")
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mortality.ReadDeathsExposures(strings.NewReader(string(in))); err != nil {
			b.Fatal(err)
		}
	}
}
