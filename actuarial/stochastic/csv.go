// A user's own scenario set, read from CSV.

package stochastic

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// PathSet is a fixed set of scenarios, a [Generator] for a user's own
// economic scenario set: Paths[i] is scenario i, its series starting in
// calendar year StartYear. Every path holds the same years. Read one from
// CSV with [ReadPaths], or fill it in code.
type PathSet struct {
	StartYear int    // the calendar year of each path's first value
	Paths     []Path // the scenarios; each series of the same length, all three given
}

// Series is returns, wage growth and inflation.
func (*PathSet) Series() Series { return SeriesReturn | SeriesWageGrowth | SeriesInflation }

// Len is the number of scenarios.
func (s *PathSet) Len() int { return len(s.Paths) }

// Path copies scenario i into p (rates as fractions a year). It returns an error wrapping ErrScenario
// when i is not in the set or p wants more years than the set holds.
func (s *PathSet) Path(p *Path, i int) error {
	if i < 0 || i >= len(s.Paths) {
		return fmt.Errorf("stochastic: scenario %d of a set of %d: %w", i, len(s.Paths), ErrScenario)
	}
	src := &s.Paths[i]
	for _, c := range []struct{ dst, src []float64 }{{p.Return, src.Return}, {p.WageGrowth, src.WageGrowth}, {p.Inflation, src.Inflation}} {
		if c.dst == nil {
			continue
		}
		if len(c.dst) > len(c.src) {
			return fmt.Errorf("stochastic: scenario %d holds %d years, %d wanted: %w", i, len(c.src), len(c.dst), ErrScenario)
		}
		copy(c.dst, c.src)
	}
	return nil
}

// pathColumns are the columns of a CSV of paths, in order.
var pathColumns = [...]string{"scenario", "year", "return", "wage_growth", "inflation"}

// ReadPaths reads a scenario set from CSV: a header line
//
//	scenario,year,return,wage_growth,inflation
//
// then one line per scenario and calendar year, rates as fractions (0.05 for
// 5%), each finite and above −1. Scenarios are numbered 0, 1, 2, ... and come
// in order, each with the same consecutive years in increasing order; the
// first scenario's first year is the set's StartYear. A bad line returns a
// *ParseError naming the line, the column and the value, wrapping ErrCSV.
func ReadPaths(r io.Reader) (*PathSet, error) {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = len(pathColumns)
	head, err := cr.Read()
	if err != nil {
		return nil, csvErr(err, 1)
	}
	for k, name := range pathColumns {
		if got := strings.TrimSpace(head[k]); got != name {
			return nil, &ParseError{Line: 1, Field: name, Value: got, Err: fmt.Errorf("%w: header column %d should be %q", ErrCSV, k+1, name)}
		}
	}
	set := &PathSet{}
	var years int // per scenario, fixed by scenario 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, csvErr(err, line)
		}
		sc, err := strconv.Atoi(strings.TrimSpace(rec[0]))
		if err != nil {
			return nil, &ParseError{Line: line, Field: "scenario", Value: rec[0], Err: fmt.Errorf("%w: not an integer", ErrCSV)}
		}
		year, err := strconv.Atoi(strings.TrimSpace(rec[1]))
		if err != nil {
			return nil, &ParseError{Line: line, Field: "year", Value: rec[1], Err: fmt.Errorf("%w: not an integer", ErrCSV)}
		}
		var v [3]float64
		for k := range v {
			f, err := strconv.ParseFloat(strings.TrimSpace(rec[2+k]), 64)
			if err != nil || !(f > -1) || math.IsInf(f, 0) {
				return nil, &ParseError{Line: line, Field: pathColumns[2+k], Value: rec[2+k], Err: fmt.Errorf("%w: want a finite rate above −1", ErrCSV)}
			}
			v[k] = f
		}
		n := len(set.Paths)
		switch {
		case n == 0 && sc == 0:
			set.StartYear = year
			set.Paths = append(set.Paths, Path{})
		case n > 0 && sc == n-1:
		case n > 0 && sc == n:
			if n == 1 {
				years = len(set.Paths[0].Return)
			} else if got := len(set.Paths[n-1].Return); got != years {
				return nil, &ParseError{Line: line, Field: "scenario", Value: rec[0], Err: fmt.Errorf("%w: scenario %d has %d years, scenario 0 has %d", ErrCSV, n-1, got, years)}
			}
			set.Paths = append(set.Paths, Path{})
		default:
			return nil, &ParseError{Line: line, Field: "scenario", Value: rec[0], Err: fmt.Errorf("%w: scenarios must be numbered 0, 1, 2, ... in order (expected %d or %d)", ErrCSV, max(n-1, 0), n)}
		}
		p := &set.Paths[len(set.Paths)-1]
		if want := set.StartYear + len(p.Return); year != want {
			return nil, &ParseError{Line: line, Field: "year", Value: rec[1], Err: fmt.Errorf("%w: expected %d", ErrCSV, want)}
		}
		if years > 0 && len(p.Return) == years {
			return nil, &ParseError{Line: line, Field: "year", Value: rec[1], Err: fmt.Errorf("%w: scenario %d has more than the %d years of scenario 0", ErrCSV, sc, years)}
		}
		p.Return = append(p.Return, v[0])
		p.WageGrowth = append(p.WageGrowth, v[1])
		p.Inflation = append(p.Inflation, v[2])
	}
	if len(set.Paths) == 0 {
		return nil, &ParseError{Line: 1, Value: strings.Join(head, ","), Err: fmt.Errorf("%w: no scenarios", ErrCSV)}
	}
	if n := len(set.Paths); n > 1 {
		if got := len(set.Paths[n-1].Return); got != years {
			line, _ := cr.FieldPos(0)
			return nil, &ParseError{Line: line, Field: "scenario", Value: strconv.Itoa(n - 1), Err: fmt.Errorf("%w: scenario %d has %d years, scenario 0 has %d", ErrCSV, n-1, got, years)}
		}
	}
	return set, nil
}

// csvErr turns an encoding/csv error into a *ParseError.
func csvErr(err error, line int) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{Line: pe.Line, Value: pe.Err.Error(), Err: fmt.Errorf("%w: %v", ErrCSV, pe.Err)}
	}
	if err == io.EOF {
		return &ParseError{Line: line, Err: fmt.Errorf("%w: empty file", ErrCSV)}
	}
	return err
}
