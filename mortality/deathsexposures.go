package mortality

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// DeathsExposures holds death counts and central exposures to risk by age
// and calendar year, the data a Lee-Carter model is fitted to.
// Deaths.At(i, j) and Exposures.At(i, j) belong to age Ages[i] in year
// Years[j]. Ages and years are consecutive increasing integers; counts are
// finite and non-negative. Exposures are central: person-years lived in the
// year by lives of that age (last birthday).
type DeathsExposures struct {
	Ages      []int
	Years     []int
	Deaths    *mat.Dense // rows ages, columns years
	Exposures *mat.Dense // rows ages, columns years, in person-years
}

// M returns the central death rates m(x, t) = D(x, t)/E(x, t), one row per
// age and one column per year, ready for [FitLeeCarter]. It returns a
// [*CellError] wrapping [ErrNotPositive] for a cell whose exposure is 0 (its
// rate is undefined) or whose deaths are 0 (its log is; fit the model to a
// range of ages and years without such cells).
func (d *DeathsExposures) M() (*mat.Dense, error) {
	nx, nt := len(d.Ages), len(d.Years)
	m := mat.NewDense(nx, nt, nil)
	for i := range nx {
		for j := range nt {
			dd, e := d.Deaths.At(i, j), d.Exposures.At(i, j)
			switch {
			case !(e > 0):
				return nil, &CellError{Field: "exposure", Age: d.Ages[i], Year: d.Years[j], Value: e, Err: ErrNotPositive}
			case !(dd > 0):
				return nil, &CellError{Field: "deaths", Age: d.Ages[i], Year: d.Years[j], Value: dd, Err: ErrNotPositive}
			}
			m.Set(i, j, dd/e)
		}
	}
	return m, nil
}

// The column headers [ReadDeathsExposures] looks for.
const (
	colAge      = "age"
	colYear     = "year"
	colDeaths   = "deaths"
	colExposure = "central_exposure"
)

// ReadDeathsExposures reads deaths and central exposures in long CSV format:
// a header line naming the columns age, year, deaths and central_exposure
// (in any order, any letter case, other columns ignored; "exposure" is
// accepted for central_exposure), then one record per age and year:
//
//	age,year,deaths,central_exposure
//	0,1961,9988.0,403002.61
//
// This is the layout of Human Mortality Database deaths and exposures
// exported to long format (the R package StMoMo's EWMaleData, for one).
// Ages and years must each form a consecutive range, and every age must
// appear in every year exactly once. Deaths and exposures must be finite
// and non-negative.
//
// It returns a [*ParseError] naming the line, the column and the value of
// a bad record (wrapping [ErrSyntax], [ErrNotFinite], [ErrNegative] or
// [ErrDuplicate]), and an error wrapping [ErrMissingAge] for an age and year
// without a record.
func ReadDeathsExposures(r io.Reader) (*DeathsExposures, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = 0

	header, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{Line: 1, Err: fmt.Errorf("no header: %w", ErrEmpty)}
	}
	if err != nil {
		return nil, csvError(err)
	}
	cols := map[string]int{colAge: -1, colYear: -1, colDeaths: -1, colExposure: -1}
	for c, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if h == "exposure" {
			h = colExposure
		}
		if i, ok := cols[h]; ok {
			if i >= 0 {
				return nil, &ParseError{Line: 1, Column: c + 1, Field: h, Value: h, Err: fmt.Errorf("column given twice: %w", ErrSyntax)}
			}
			cols[h] = c
		}
	}
	for _, h := range []string{colAge, colYear, colDeaths, colExposure} {
		if cols[h] < 0 {
			return nil, &ParseError{Line: 1, Field: h, Err: fmt.Errorf("missing column %q: %w", h, ErrSyntax)}
		}
	}

	type record struct {
		age, year int
		d, e      float64
		line      int
	}
	var recs []record
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		var rc record
		rc.line = line
		for _, f := range []struct {
			name string
			intp *int
			fp   *float64
		}{
			{colAge, &rc.age, nil},
			{colYear, &rc.year, nil},
			{colDeaths, nil, &rc.d},
			{colExposure, nil, &rc.e},
		} {
			c := cols[f.name]
			if c >= len(rec) {
				return nil, &ParseError{Line: line, Column: c + 1, Field: f.name, Err: fmt.Errorf("record has %d fields: %w", len(rec), ErrSyntax)}
			}
			s := strings.TrimSpace(rec[c])
			perr := func(e error) error {
				return &ParseError{Line: line, Column: c + 1, Field: f.name, Value: s, Err: e}
			}
			if f.intp != nil {
				v, err := strconv.Atoi(s)
				if err != nil || v < 0 {
					return nil, perr(ErrSyntax)
				}
				*f.intp = v
				continue
			}
			v, err := strconv.ParseFloat(s, 64)
			switch {
			case err != nil && !errors.Is(err, strconv.ErrRange):
				return nil, perr(ErrSyntax)
			case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
				return nil, perr(ErrNotFinite)
			case v < 0:
				return nil, perr(ErrNegative)
			}
			*f.fp = v
		}
		recs = append(recs, rc)
	}
	if len(recs) == 0 {
		return nil, &ParseError{Line: 2, Err: fmt.Errorf("no records: %w", ErrEmpty)}
	}

	minAge, maxAge := recs[0].age, recs[0].age
	minYear, maxYear := recs[0].year, recs[0].year
	for _, rc := range recs[1:] {
		minAge, maxAge = min(minAge, rc.age), max(maxAge, rc.age)
		minYear, maxYear = min(minYear, rc.year), max(maxYear, rc.year)
	}
	nx, nt := maxAge-minAge+1, maxYear-minYear+1
	if n := len(recs); nx > n || nt > n || nx*nt > 2*n+16 {
		// Too many cells are missing to list them cheaply.
		return nil, fmt.Errorf("mortality: deaths and exposures: ages %d..%d and years %d..%d need %d records, got %d: %w",
			minAge, maxAge, minYear, maxYear, nx*nt, n, ErrMissingAge)
	}
	seen := make([]int, nx*nt) // the line of each cell's record, 0 if none yet
	d := &DeathsExposures{
		Ages:      make([]int, nx),
		Years:     make([]int, nt),
		Deaths:    mat.NewDense(nx, nt, nil),
		Exposures: mat.NewDense(nx, nt, nil),
	}
	for _, rc := range recs {
		i, j := rc.age-minAge, rc.year-minYear
		if prev := seen[i*nt+j]; prev != 0 {
			return nil, &ParseError{Line: rc.line, Field: "age,year", Value: fmt.Sprintf("%d,%d", rc.age, rc.year),
				Err: fmt.Errorf("also on line %d: %w", prev, ErrDuplicate)}
		}
		seen[i*nt+j] = rc.line
		d.Deaths.Set(i, j, rc.d)
		d.Exposures.Set(i, j, rc.e)
	}
	for c, line := range seen {
		if line == 0 {
			return nil, fmt.Errorf("mortality: deaths and exposures: no record for age %d in %d: %w", minAge+c/nt, minYear+c%nt, ErrMissingAge)
		}
	}
	for i := range d.Ages {
		d.Ages[i] = minAge + i
	}
	for j := range d.Years {
		d.Years[j] = minYear + j
	}
	return d, nil
}

// csvError turns an encoding/csv error into a *ParseError.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("%w: %w", ErrSyntax, pe.Err)}
	}
	return err
}
