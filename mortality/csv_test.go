package mortality_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

const (
	emssa09File = "../testdata/mexico/emssa09.csv"
	iltFile     = "../testdata/soa/soa_ilt_lx.csv"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// TestReadCSVEMSSA09 reads EMSSA-09 (CNSF Circular S-22.2, annex 4, DOF
// 27 Nov 2009, as transcribed in Datos-Mexico/datos-mexico-py commit
// 11b38f22; see testdata/mexico/README.md).
func TestReadCSVEMSSA09(t *testing.T) {
	tabs, err := mortality.ReadCSV(bytes.NewReader(readFile(t, emssa09File)))
	require.NoError(t, err)
	require.Equal(t, []string{"qx_male", "qx_female"}, tabs.Names, "the columns in file order")
	require.Len(t, tabs.Tables, 2)

	male, ok := tabs.Table("qx_male")
	require.True(t, ok)
	female, ok := tabs.Table("qx_female")
	require.True(t, ok)
	assert.Same(t, tabs.Tables[0], male)
	assert.Same(t, tabs.Tables[1], female)
	_, ok = tabs.Table("qx_total")
	assert.False(t, ok, "no such column")

	for _, tbl := range tabs.Tables {
		// The circular tabulates the 110 ages 0 to 109.
		assert.Equal(t, 0, tbl.MinAge())
		assert.Equal(t, 109, tbl.MaxAge())
		assert.Len(t, tbl.Rates(), 110)
		// Known quirk: q at 109 is not forced to 1 ...
		assert.Less(t, tbl.Q(109), 1.0)
		// ... but the package's convention closes the table above it.
		assert.Equal(t, 1.0, tbl.Q(110))
	}

	// Rates as printed (five decimals), read exactly: the parser must not
	// round or scale them.
	for _, c := range []struct {
		tbl  *mortality.LifeTable
		name string
		age  int
		q    float64
	}{
		{male, "male", 0, 0.00138},
		{female, "female", 0, 0.00092},
		{male, "male", 60, 0.01131},
		{female, "female", 60, 0.0027},
		{male, "male", 65, 0.01512},
		{female, "female", 65, 0.00396},
		{male, "male", 109, 0.88202},
		{female, "female", 109, 0.96773},
	} {
		assert.Equal(t, c.q, c.tbl.Q(c.age), "%s q_%d", c.name, c.age)
	}

	// Known quirk (testdata/mexico/README.md): female rates exceed male
	// rates from age 86 on, and only there.
	for age := 0; age <= 109; age++ {
		if age >= 86 {
			assert.Greater(t, female.Q(age), male.Q(age), "age %d", age)
		} else {
			assert.LessOrEqual(t, female.Q(age), male.Q(age), "age %d", age)
		}
	}
}

// TestReadCSVSurvivors reads the SOA Illustrative Life Table's l_x (Bowers
// et al., Actuarial Mathematics, 2nd ed., Appendix 2A) as a survivors
// column.
func TestReadCSVSurvivors(t *testing.T) {
	// The file stores l_x to about seven significant figures, so a q built
	// from two of them carries a relative rounding error of order 1e-7.
	const iltRoundTol = 2e-7
	// Bowers et al. print 1000 q_0 = 20.42: l_0 = 100,000 and l_1 = 97,957.83.
	const printedTol = 0.005 / 1000

	for _, o := range []mortality.CSVOptions{
		{Survivors: true},
		{Survivors: true, AgeColumn: "x", File: "soa_ilt_lx.csv"},
	} {
		tabs, err := o.Read(bytes.NewReader(readFile(t, iltFile)))
		require.NoError(t, err)
		require.Equal(t, []string{"lx"}, tabs.Names)
		ilt := tabs.Tables[0]
		assert.Equal(t, 0, ilt.MinAge())
		// l_140 = 1.2e-89 > 0 is the last count: nothing is known beyond it,
		// so FromSurvivors ends the table there with q = 1.
		assert.Equal(t, 140, ilt.MaxAge())
		assert.Equal(t, 1.0, ilt.Q(140))
		assert.InDelta(t, 0.02042, ilt.Q(0), printedTol, "1000 q_0 = 20.42")

		// From age 13 the ILT is Makeham's law µ(x) = A + B·c^x with
		// A = 0.0007, B = 0.00005, c = 10^0.04 (Bowers et al., §3.9 and
		// Appendix 2A): compare with the law integrated exactly.
		law := mortality.Makeham{A: 0.0007, B: 0.00005, C: math.Pow(10, 0.04)}
		fromLaw, err := mortality.FromLaw(law, 13, 139)
		require.NoError(t, err)
		for age := 13; age <= 139; age++ {
			assert.InEpsilon(t, fromLaw.Q(age), ilt.Q(age), iltRoundTol, "q_%d", age)
		}
		// Below 13 the table is not Makeham: q_0 is 27 times the law's.
		assert.Greater(t, ilt.Q(0), 10*(1-math.Exp(-mortality.CumHazard(law, 0, 1))))
	}
}

// TestReadCSVLayouts reads small hand-made files in the layouts the
// options and the CSV format allow; expected values are those written in
// the input.
func TestReadCSVLayouts(t *testing.T) {
	type col struct {
		name   string
		minAge int
		q      []float64
	}
	for _, c := range []struct {
		name string
		opt  mortality.CSVOptions
		in   string
		want []col
	}{
		{"one column", mortality.CSVOptions{}, "age,q\n20,0.1\n21,0.2\n",
			[]col{{"q", 20, []float64{0.1, 0.2}}}},
		{"CRLF, spaces, quotes, BOM", mortality.CSVOptions{},
			"\uFEFF age , \"q m\",qf\r\n 0 , 0.5 ,\"0.25\"\r\n1,1,1\r\n",
			[]col{{"q m", 0, []float64{0.5, 1}}, {"qf", 0, []float64{0.25, 1}}}},
		{"semicolon and comments", mortality.CSVOptions{Comma: ';', Comment: '#'},
			"# a comment\nage;q\n# another\n5;0.1\n6;0.2\n",
			[]col{{"q", 5, []float64{0.1, 0.2}}}},
		{"age column in the middle", mortality.CSVOptions{AgeColumn: "x"},
			"a,x,b\n0.1,30,0.3\n0.2,31,0.4\n",
			[]col{{"a", 30, []float64{0.1, 0.2}}, {"b", 30, []float64{0.3, 0.4}}}},
		{"columns of different spans", mortality.CSVOptions{},
			"age,a,b\n0,0.1,\n1,0.2,0.5\n2,,0.6\n3,,\n",
			[]col{{"a", 0, []float64{0.1, 0.2}}, {"b", 1, []float64{0.5, 0.6}}}},
		{"survivors with trailing zeros", mortality.CSVOptions{Survivors: true},
			"age,l\n60,1000\n61,800\n62,200\n63,0\n64,0\n",
			[]col{{"l", 60, []float64{0.2, 0.75, 1}}}},
		{"survivors, flat", mortality.CSVOptions{Survivors: true},
			"age,l\n0,10\n1,10\n",
			[]col{{"l", 0, []float64{0, 1}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tabs, err := c.opt.Read(strings.NewReader(c.in))
			require.NoError(t, err)
			require.Len(t, tabs.Names, len(c.want))
			for i, w := range c.want {
				assert.Equal(t, w.name, tabs.Names[i])
				assert.Equal(t, w.minAge, tabs.Tables[i].MinAge())
				assert.InDeltaSlice(t, w.q, tabs.Tables[i].Rates(), 1e-15, w.name)
			}
		})
	}
}

// checkParseError asserts that err is a *mortality.ParseError wrapping want,
// at the given line and column, naming field and value.
func checkParseError(t *testing.T, err error, want error, line, column int, field, value string) {
	t.Helper()
	require.Error(t, err)
	var pe *mortality.ParseError
	require.True(t, errors.As(err, &pe), "%T %v is not a *ParseError", err, err)
	assert.ErrorIs(t, err, want)
	assert.Equal(t, line, pe.Line, "line: %v", err)
	assert.Equal(t, column, pe.Column, "column: %v", err)
	assert.Equal(t, field, pe.Field, "field: %v", err)
	assert.Equal(t, value, pe.Value, "value: %v", err)
	if line > 0 {
		assert.Contains(t, err.Error(), fmt.Sprintf("line %d", line))
	}
	assert.False(t, strings.HasPrefix(err.Error(), "mortality: "), "a ParseError carries no package prefix: %v", err)
}

func TestReadCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		opt    mortality.CSVOptions
		in     string
		want   error
		line   int
		column int
		field  string
		value  string
	}{
		{"empty file", mortality.CSVOptions{}, "", mortality.ErrEmpty, 0, 0, "", ""},
		{"blank lines only", mortality.CSVOptions{}, "\n\n  \n", mortality.ErrHeader, 3, 1, "", ""},
		{"header only", mortality.CSVOptions{}, "age,q\n", mortality.ErrEmpty, 1, 0, "", ""},
		{"missing header", mortality.CSVOptions{}, "0,0.1\n1,0.2\n", mortality.ErrHeader, 1, 1, "", "0"},
		{"no rate column", mortality.CSVOptions{}, "age\n0\n", mortality.ErrHeader, 1, 0, "", ""},
		{"empty column name", mortality.CSVOptions{}, "age,q,\n0,0.1,0.2\n", mortality.ErrHeader, 1, 3, "", ""},
		{"repeated column name", mortality.CSVOptions{}, "age,q,q\n0,0.1,0.2\n", mortality.ErrHeader, 1, 3, "", "q"},
		{"no such age column", mortality.CSVOptions{AgeColumn: "x"}, "age,q\n0,0.1\n", mortality.ErrHeader, 1, 0, "x", ""},
		{"gap in ages", mortality.CSVOptions{}, "age,q\n0,0.1\n1,0.2\n3,0.3\n", mortality.ErrMissingAge, 4, 1, "age", "3"},
		{"duplicate age", mortality.CSVOptions{}, "age,q\n0,0.1\n1,0.2\n1,0.3\n", mortality.ErrDuplicate, 4, 1, "age", "1"},
		{"descending ages", mortality.CSVOptions{}, "age,q\n5,0.1\n4,0.2\n", mortality.ErrDuplicate, 3, 1, "age", "4"},
		{"fractional age", mortality.CSVOptions{}, "age,q\n0.5,0.1\n", mortality.ErrSyntax, 2, 1, "age", "0.5"},
		{"negative age", mortality.CSVOptions{}, "age,q\n-1,0.1\n", mortality.ErrSyntax, 2, 1, "age", "-1"},
		{"empty age", mortality.CSVOptions{}, "age,q\n,0.1\n", mortality.ErrSyntax, 2, 1, "age", ""},
		{"q above 1", mortality.CSVOptions{}, "age,a,b\n0,0.1,0.2\n1,0.2,1.5\n", mortality.ErrRate, 3, 3, "b", "1.5"},
		{"q negative", mortality.CSVOptions{}, "age,q\n0,-0.001\n", mortality.ErrRate, 2, 2, "q", "-0.001"},
		{"NaN", mortality.CSVOptions{}, "age,q\n0,NaN\n", mortality.ErrNotFinite, 2, 2, "q", "NaN"},
		{"Inf", mortality.CSVOptions{}, "age,q\n0,0.1\n1,+Inf\n", mortality.ErrNotFinite, 3, 2, "q", "+Inf"},
		{"overflow", mortality.CSVOptions{}, "age,q\n0,1e400\n", mortality.ErrNotFinite, 2, 2, "q", "1e400"},
		{"not a number", mortality.CSVOptions{}, "age,q\n0,0.1\n1,abc\n", mortality.ErrSyntax, 3, 2, "q", "abc"},
		{"decimal comma", mortality.CSVOptions{Comma: ';'}, "age;q\n0;0,1\n", mortality.ErrSyntax, 2, 2, "q", "0,1"},
		{"too many fields", mortality.CSVOptions{}, "age,q\n0,0.1\n1,0.2,0.3\n", csv.ErrFieldCount, 3, 0, "", "1,0.2,0.3"},
		{"too few fields", mortality.CSVOptions{}, "age,a,b\n0,0.1\n", csv.ErrFieldCount, 2, 0, "", "0,0.1"},
		{"bad quote", mortality.CSVOptions{}, "age,q\n0,\"0.1\n", csv.ErrQuote, 2, 0, "", ""},
		{"empty cell between values", mortality.CSVOptions{}, "age,q\n0,0.1\n1,\n2,0.3\n", mortality.ErrMissingAge, 3, 2, "q", ""},
		{"empty column", mortality.CSVOptions{}, "age,a,b\n0,0.1,\n", mortality.ErrEmpty, 0, 3, "b", ""},
		{"survivors rise", mortality.CSVOptions{Survivors: true}, "age,l\n0,100\n1,90\n2,95\n", mortality.ErrSurvivors, 4, 2, "l", "95"},
		{"survivors negative", mortality.CSVOptions{Survivors: true}, "age,l\n0,100\n1,-1\n", mortality.ErrSurvivors, 3, 2, "l", "-1"},
		{"survivors start at 0", mortality.CSVOptions{Survivors: true}, "age,l\n0,0\n1,0\n", mortality.ErrSurvivors, 2, 2, "l", "0"},
		{"survivors NaN", mortality.CSVOptions{Survivors: true}, "age,l\n0,NaN\n", mortality.ErrNotFinite, 2, 2, "l", "NaN"},
		{"file name", mortality.CSVOptions{File: "t.csv"}, "age,q\n0,2\n", mortality.ErrRate, 2, 2, "q", "2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			tabs, err := c.opt.Read(strings.NewReader(c.in))
			assert.Nil(t, tabs)
			checkParseError(t, err, c.want, c.line, c.column, c.field, c.value)
			if c.opt.File != "" {
				assert.Contains(t, err.Error(), c.opt.File+":line")
			}
		})
	}
}

// TestReadCSVEMSSA09Broken breaks one cell of the real file at a time: the
// error must name the line and column of that cell.
func TestReadCSVEMSSA09Broken(t *testing.T) {
	lines := strings.Split(string(readFile(t, emssa09File)), "\n")
	// Line 67 of the file holds age 65 ("65,0.01512,0.00396").
	require.Equal(t, "65,0.01512,0.00396", lines[66])
	for _, c := range []struct {
		name, row string
		want      error
		line      int
		column    int
		field     string
		value     string
	}{
		{"male q above 1", "65,1.01512,0.00396", mortality.ErrRate, 67, 2, "qx_male", "1.01512"},
		{"female q text", "65,0.01512,n/a", mortality.ErrSyntax, 67, 3, "qx_female", "n/a"},
		{"female q missing", "65,0.01512", csv.ErrFieldCount, 67, 0, "", "65,0.01512"},
		{"age 65 skipped", "66,0.01512,0.00396", mortality.ErrMissingAge, 67, 1, "age", "66"},
		{"age 64 repeated", "64,0.01512,0.00396", mortality.ErrDuplicate, 67, 1, "age", "64"},
		// A blank line is skipped, so the gap shows at age 66 on line 68.
		{"row deleted", "", mortality.ErrMissingAge, 68, 1, "age", "66"},
	} {
		t.Run(c.name, func(t *testing.T) {
			broken := append([]string(nil), lines...)
			broken[66] = c.row
			_, err := mortality.ReadCSV(strings.NewReader(strings.Join(broken, "\n")))
			checkParseError(t, err, c.want, c.line, c.column, c.field, c.value)
		})
	}
}

func BenchmarkReadCSV(b *testing.B) {
	data := readFile(b, emssa09File)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := mortality.ReadCSV(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzReadCSV checks that no input makes the reader panic, that every error
// is a *ParseError, and that every table it returns holds valid rates.
func FuzzReadCSV(f *testing.F) {
	for _, name := range []string{emssa09File, iltFile} {
		data := readFile(f, name)
		f.Add(data, name == iltFile)
		f.Add(data[:len(data)/2], name == iltFile)
		f.Add(bytes.Replace(data, []byte("\n1,"), []byte("\n2,"), 1), false)
		f.Add(bytes.Replace(data, []byte("0.0"), []byte("NaN"), 3), false)
		f.Add(bytes.Replace(data, []byte(","), []byte(",,"), 5), true)
	}
	f.Add([]byte(""), false)
	f.Add([]byte("0,0.1\n"), false)
	f.Add([]byte("age,a,b\n0,0.1,\n1,,0.2\n"), false)
	f.Add([]byte("age,l\n0,\"1\"\"0\"\n1,1e400\n"), true)
	f.Add([]byte("\uFEFFage;q\r\n9223372036854775807;0\r\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, survivors bool) {
		tabs, err := mortality.CSVOptions{Survivors: survivors}.Read(bytes.NewReader(data))
		if err != nil {
			var pe *mortality.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%T %v is not a *ParseError", err, err)
			}
			_ = err.Error()
			return
		}
		if len(tabs.Names) == 0 || len(tabs.Names) != len(tabs.Tables) {
			t.Fatalf("%d names, %d tables", len(tabs.Names), len(tabs.Tables))
		}
		for i, tbl := range tabs.Tables {
			if tbl.MinAge() < 0 || tbl.MaxAge() < tbl.MinAge() {
				t.Fatalf("%s: ages %d to %d", tabs.Names[i], tbl.MinAge(), tbl.MaxAge())
			}
			for _, q := range tbl.Rates() {
				if !(q >= 0 && q <= 1) {
					t.Fatalf("%s: q = %v", tabs.Names[i], q)
				}
			}
			if e := tbl.LifeExpectancy(tbl.MinAge()); math.IsNaN(e) || e < 0 {
				t.Fatalf("%s: e = %v", tabs.Names[i], e)
			}
		}
	})
}
