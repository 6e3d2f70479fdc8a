package actuarial_test

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const serviceCSV = `# withdrawal select for two years of service
Age, Service, Death, Withdrawal, Retirement
40,0,0.001,0.20,0
40,1,0.001,0.10,0
40,2,0.001,0.05,0
41,2,0.0012,0.04,0.5
41,0,0.0012,0.18,0
41,1,0.0012,0.09,0
`

func TestReadServiceTable(t *testing.T) {
	tbl, err := actuarial.ReadServiceTable(strings.NewReader("\ufeff"+serviceCSV), actuarial.DecrementOptions{})
	require.NoError(t, err)
	assert.Equal(t, 40, tbl.MinAge())
	assert.Equal(t, 41, tbl.MaxAge())
	assert.Equal(t, 2, tbl.MaxService())
	assert.False(t, tbl.Has(actuarial.Disability))
	assert.Equal(t, [actuarial.NumDecrements]float64{0.0012, 0, 0.04, 0.5}, tbl.Dependent(41, 2))
	assert.Equal(t, [actuarial.NumDecrements]float64{0.0012, 0, 0.04, 0.5}, tbl.Dependent(41, 7))
	assert.Equal(t, 0.09, tbl.Q(actuarial.Withdrawal, 41, 1))

	// Independent rates: the file's numbers are q'^(j) and come back as such.
	ind, err := actuarial.ReadServiceTable(strings.NewReader(serviceCSV), actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(t, err)
	assert.Equal(t, 0.18, ind.QIndependent(actuarial.Withdrawal, 41, 0))
	assert.Less(t, ind.Q(actuarial.Withdrawal, 41, 0), 0.18, "dependent below independent when other causes compete")

	// A table by age only, through a file.
	name := filepath.Join(t.TempDir(), "ages.csv")
	require.NoError(t, os.WriteFile(name, []byte("age,death\n61,0.02\n60,0.01\n"), 0o600))
	byAge, err := actuarial.ReadServiceTableFile(name, actuarial.DecrementOptions{})
	require.NoError(t, err)
	assert.Equal(t, 0, byAge.MaxService())
	assert.Equal(t, 0.02, byAge.Q(actuarial.Death, 61, 30))
}

func TestReadServiceTableErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		in     string
		opt    actuarial.DecrementOptions
		want   error
		line   int
		column int // -1: not checked
		field  string
		value  string
		msg    string // a part of the message, if checked
	}{
		{name: "empty", in: "", want: actuarial.ErrEmpty},
		{name: "header only", in: "age,death\n", want: actuarial.ErrEmpty, line: 1},
		{name: "unknown column", in: "age,death,lapse\n40,0.1,0.2\n", want: actuarial.ErrUnknownColumn, line: 1, column: 3, value: "lapse"},
		{name: "no age column", in: "death\n0.1\n", want: actuarial.ErrMissingColumn, line: 1, field: "age"},
		{name: "no decrement", in: "age,service\n40,0\n", want: actuarial.ErrMissingColumn, line: 1},
		{name: "column twice", in: "age,death,Death\n40,0.1,0.1\n", want: actuarial.ErrSyntax, line: 1, column: 3},
		{name: "field count", in: "age,death\n40,0.1\n41\n", want: actuarial.ErrSyntax, line: 3, column: 1},
		{name: "age not integer", in: "age,death\n40.5,0.1\n", want: actuarial.ErrSyntax, line: 2, column: 1, field: "age", value: "40.5"},
		{name: "negative age", in: "age,death\n-1,0.1\n", want: actuarial.ErrRange, line: 2, column: 1, field: "age", value: "-1"},
		{name: "service too large", in: "age,service,death\n40,500,0.1\n", want: actuarial.ErrRange, line: 2, column: 2, field: "service"},
		{name: "empty rate", in: "age,death\n40,\n", want: actuarial.ErrSyntax, line: 2, column: 2, field: "death"},
		{name: "bad rate", in: "age,death\n40,abc\n", want: actuarial.ErrSyntax, line: 2, column: 2, field: "death", value: "abc"},
		{name: "NaN", in: "age,death\n40,0.1\n41,NaN\n", want: actuarial.ErrNotFinite, line: 3, column: 2, field: "death", value: "NaN"},
		{name: "overflow", in: "age,death\n40,1e999\n", want: actuarial.ErrNotFinite, line: 2, column: 2},
		{name: "rate above 1", in: "age,withdrawal\n40,1.5\n", want: actuarial.ErrRate, line: 2, column: 2, field: "withdrawal", value: "1.5"},
		{name: "negative rate", in: "age,death\n40,-0.1\n", want: actuarial.ErrRate, line: 2, column: 2, value: "-0.1",
			opt: actuarial.DecrementOptions{Basis: actuarial.IndependentRates}},
		{name: "sum above 1", in: "age,death,withdrawal,retirement\n64,0.01,0.02,0.1\n65,0.02,0.1,0.9\n",
			want: actuarial.ErrDecrementSum, line: 3, field: "death+withdrawal+retirement", value: "1.02",
			msg: `line 3: death+withdrawal+retirement "1.02": at age 65: dependent probabilities sum above 1`},
		{name: "sum above 1 with service", in: "age,service,death,retirement\n65,0,0.5,0.6\n",
			want: actuarial.ErrDecrementSum, line: 2, value: "1.1", msg: "at age 65, service 0"},
		{name: "duplicate", in: "age,death\n40,0.1\n41,0.1\n40,0.2\n", want: actuarial.ErrDuplicate, line: 4, column: 1, field: "age", value: "40",
			msg: "first on line 2"},
		{name: "duplicate with service", in: "age,service,death\n40,0,0.1\n40,1,0.1\n40,1,0.1\n", want: actuarial.ErrDuplicate, line: 4, column: 1, value: "40",
			msg: "(service 1)"},
		{name: "missing age", in: "age,death\n40,0.1\n42,0.1\n", want: actuarial.ErrMissingAge, field: "age", value: "41"},
		{name: "missing service", in: "age,service,death\n40,0,0.1\n40,1,0.1\n41,1,0.1\n", want: actuarial.ErrMissingAge, value: "41",
			msg: "(service 0)"},
		{name: "bad quote", in: "age,death\n40,\"0.1\n", want: actuarial.ErrSyntax, line: 2, column: -1}, // column as encoding/csv counts it
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := actuarial.ReadServiceTable(strings.NewReader(c.in), c.opt)
			var pe *actuarial.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, c.want)
			assert.Equal(t, c.line, pe.Line, "line")
			if c.column >= 0 {
				assert.Equal(t, c.column, pe.Column, "column")
			}
			if c.field != "" {
				assert.Equal(t, c.field, pe.Field, "field")
			}
			if c.value != "" {
				assert.Equal(t, c.value, pe.Value, "value")
			}
			assert.Contains(t, err.Error(), c.msg)
			assert.False(t, strings.HasPrefix(err.Error(), "mortality: "), "a ParseError carries no package prefix: %v", err)
		})
	}

	// A sum over 1 by rounding only is accepted: 0.1 + 0.2 + 0.7.
	_, err := actuarial.ReadServiceTable(strings.NewReader("age,death,withdrawal,retirement\n65,0.1,0.2,0.7\n"), actuarial.DecrementOptions{})
	assert.NoError(t, err)

	// The file name is in the error.
	name := filepath.Join(t.TempDir(), "bad.csv")
	require.NoError(t, os.WriteFile(name, []byte("age,death\n40,2\n"), 0o600))
	_, err = actuarial.ReadServiceTableFile(name, actuarial.DecrementOptions{})
	assert.EqualError(t, err, name+`:line 2:column 2: death "2": rate outside [0, 1]`)
}

// FuzzReadServiceTable: the reader never panics, every error is a
// *ParseError, and a table it accepts holds probabilities in [0, 1] whose
// sum is at most 1, consistent with its independent rates.
func FuzzReadServiceTable(f *testing.F) {
	f.Add([]byte(serviceCSV), uint8(0))
	f.Add([]byte("age,death,disability,withdrawal,retirement\n60,0.01,0.02,0.03,0.1\n61,0.02,0.02,0.03,1\n"), uint8(1))
	f.Add([]byte("age,death,retirement\n65,0.3,0.7\n"), uint8(6))
	f.Add([]byte("age,death\n40,NaN\n"), uint8(2))
	f.Add([]byte("age,service,withdrawal\n40,0,0.2\n40,1,0.1\n41,0,0.2\n41,1,0.1\n"), uint8(5))
	f.Add([]byte("age,death,withdrawal\n40,0.7,0.3\n41,0.9999999,0\n"), uint8(4))
	f.Fuzz(func(t *testing.T, data []byte, flags uint8) {
		opt := actuarial.DecrementOptions{
			Basis:      actuarial.RateBasis(flags & 1),
			Assumption: actuarial.Assumption(flags >> 1 & 1),
			Retirement: actuarial.RetirementTiming(flags >> 2 & 1),
		}
		tbl, err := actuarial.ReadServiceTable(strings.NewReader(string(data)), opt)
		if err != nil {
			var pe *actuarial.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("not a *ParseError: %v", err)
			}
			_ = err.Error()
			return
		}
		for age := tbl.MinAge(); age <= tbl.MaxAge()+1; age++ {
			for s := 0; s <= tbl.MaxService()+1; s++ {
				q, qi := tbl.Dependent(age, s), tbl.Independent(age, s)
				var sum float64
				for j := range q {
					if !(q[j] >= 0 && q[j] <= 1) || !(qi[j] >= 0 && qi[j] <= 1) {
						t.Fatalf("age %d service %d: q %v q' %v", age, s, q, qi)
					}
					sum += q[j]
				}
				if sum > 1+1e-12 {
					t.Fatalf("age %d service %d: dependent probabilities %v sum to %v", age, s, q, sum)
				}
				// Σ q^(j) = 1 − Π (1 − q'^(j)), to the accuracy the
				// conversion promises where the rates were given as
				// dependent (1e-12 per cause), wherever there is no
				// certain cause (whose split under UDD in the MDT is
				// lost).
				const convTol = 1e-9 // the conversion's 1e-12 per cause, with room for the product
				p := 1.0
				for _, v := range qi {
					p *= 1 - v
				}
				if p > 0 && math.Abs(1-p-sum) > convTol {
					t.Fatalf("age %d service %d: Σq = %v, 1 − Π(1 − q') = %v (q %v, q' %v)", age, s, sum, 1-p, q, qi)
				}
			}
		}
	})
}
