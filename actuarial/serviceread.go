// Reading service tables from CSV.

package actuarial

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// ReadServiceTable reads a service table from CSV. The first record is the
// header; its columns, in any order and any letter case, are
//
//	age                                  required: age last birthday, an integer 0..200
//	service                              optional: completed years of service, an integer 0..200
//	death, disability, withdrawal,       at least one: the rates of that cause,
//	retirement                           as opt.Basis says (dependent or independent)
//
// and each further record gives the rates at one age (and service). Lines
// starting with '#' are comments. Records may come in any order, but every
// age from the lowest to the highest must be there and, with a service
// column, every service from 0 to the highest at every age (the highest
// meaning "that many years or more"). A cause without a column is not in the
// table (its rates are 0). opt is as for [NewServiceTable].
//
// Bad input returns a [*ParseError] naming the line, column and value, which
// wraps: ErrUnknownColumn for a header it does not know; ErrMissingColumn
// without an age column or any decrement column; ErrSyntax for a malformed
// record, a column named twice, an empty cell or a number it cannot read;
// ErrRange for an age or service outside 0..200; ErrNotFinite for NaN or an
// infinity; ErrRate for a rate outside [0, 1]; ErrDecrementSum when
// dependent probabilities at one age and service sum above 1 (the error
// names the age and the sum); ErrDuplicate for an age (and service) given
// twice; ErrMissingAge for a gap; ErrEmpty for a file without rates;
// ErrConversion when no independent rates reproduce the dependent
// probabilities of a record. It never panics on input.
func ReadServiceTable(r io.Reader, opt DecrementOptions) (*ServiceTable, error) {
	opt.check()
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3) // a UTF-8 byte-order mark, as spreadsheets write
	}
	cr := csv.NewReader(br)
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{Err: fmt.Errorf("%w: no header", ErrEmpty)}
	}
	if err != nil {
		return nil, csvError(err)
	}
	header = append([]string(nil), header...) // ReuseRecord: the next Read overwrites it
	hline, _ := cr.FieldPos(0)

	const (
		colAge     = -1
		colService = -2
	)
	kind := make([]int, len(header)) // a Decrement, colAge or colService
	first := map[string]int{}
	ageCol, serviceCol := -1, -1
	var decCols []int // columns of decrements, in header order
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		if k, ok := first[name]; ok {
			return nil, &ParseError{Line: hline, Column: i + 1, Field: name,
				Err: fmt.Errorf("%w: column named twice (first as column %d)", ErrSyntax, k+1)}
		}
		first[name] = i
		switch name {
		case "age":
			kind[i], ageCol = colAge, i
		case "service":
			kind[i], serviceCol = colService, i
		default:
			d := Decrement(-1)
			for j, n := range decrementNames {
				if name == n {
					d = Decrement(j)
				}
			}
			if d < 0 {
				return nil, &ParseError{Line: hline, Column: i + 1, Value: h, Err: ErrUnknownColumn}
			}
			kind[i] = int(d)
			decCols = append(decCols, i)
		}
	}
	if ageCol < 0 {
		return nil, &ParseError{Line: hline, Field: "age", Err: ErrMissingColumn}
	}
	if len(decCols) == 0 {
		return nil, &ParseError{Line: hline, Err: fmt.Errorf("%w: no decrement (death, disability, withdrawal or retirement)", ErrMissingColumn)}
	}
	var sumName string // "death+withdrawal", for errors about the sum
	for _, i := range decCols {
		if sumName != "" {
			sumName += "+"
		}
		sumName += decrementNames[kind[i]]
	}
	cr.FieldsPerRecord = len(header)

	type row struct {
		age, service, line int
		rates              [NumDecrements]float64
	}
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		rw := row{line: line}
		for i, cell := range rec {
			s := strings.TrimSpace(cell)
			perr := func(err error) error {
				return &ParseError{Line: line, Column: i + 1, Field: strings.ToLower(strings.TrimSpace(header[i])), Value: s, Err: err}
			}
			switch kind[i] {
			case colAge, colService:
				v, err := strconv.Atoi(s)
				if err != nil {
					return nil, perr(fmt.Errorf("%w: not an integer", ErrSyntax))
				}
				if v < 0 || v > AgeLimit {
					return nil, perr(ErrRange)
				}
				if kind[i] == colAge {
					rw.age = v
				} else {
					rw.service = v
				}
			default:
				v, err := strconv.ParseFloat(s, 64)
				var ne *strconv.NumError
				switch {
				case s == "":
					return nil, perr(fmt.Errorf("%w: empty cell", ErrSyntax))
				case errors.As(err, &ne) && ne.Err == strconv.ErrRange:
					return nil, perr(ErrNotFinite)
				case err != nil:
					return nil, perr(fmt.Errorf("%w: not a number", ErrSyntax))
				}
				if err := checkProbability(v); err != nil {
					return nil, perr(err)
				}
				rw.rates[kind[i]] = v
			}
		}
		if opt.Basis == DependentRates {
			var sum float64
			for _, v := range rw.rates {
				sum += v
			}
			if sum > 1+sumSlack {
				at := fmt.Sprintf("at age %d", rw.age)
				if serviceCol >= 0 {
					at += fmt.Sprintf(", service %d", rw.service)
				}
				return nil, &ParseError{Line: line, Field: sumName, Value: strconv.FormatFloat(sum, 'g', -1, 64),
					Err: fmt.Errorf("%s: %w", at, ErrDecrementSum)}
			}
		}
		rows = append(rows, rw)
	}
	if len(rows) == 0 {
		return nil, &ParseError{Line: hline, Err: fmt.Errorf("%w: a header and no rates", ErrEmpty)}
	}

	sort.Slice(rows, func(a, b int) bool {
		ra, rb := rows[a], rows[b]
		if ra.age != rb.age {
			return ra.age < rb.age
		}
		if ra.service != rb.service {
			return ra.service < rb.service
		}
		return ra.line < rb.line
	})
	where := func(service int) string {
		if serviceCol < 0 {
			return ""
		}
		return fmt.Sprintf(" (service %d)", service)
	}
	maxService := 0
	for i, rw := range rows {
		if i > 0 && rw.age == rows[i-1].age && rw.service == rows[i-1].service {
			return nil, &ParseError{Line: rw.line, Column: ageCol + 1, Field: "age", Value: strconv.Itoa(rw.age),
				Err: fmt.Errorf("%w%s, first on line %d", ErrDuplicate, where(rw.service), rows[i-1].line)}
		}
		maxService = max(maxService, rw.service)
	}
	minAge := rows[0].age
	ns := maxService + 1
	if want := (rows[len(rows)-1].age - minAge + 1) * ns; len(rows) != want {
		// Find the first (age, service) without a row.
		for c := 0; c < want; c++ {
			age, service := minAge+c/ns, c%ns
			if c >= len(rows) || rows[c].age != age || rows[c].service != service {
				return nil, &ParseError{Field: "age", Value: strconv.Itoa(age),
					Err: fmt.Errorf("%w%s", ErrMissingAge, where(service))}
			}
		}
	}

	var rates [NumDecrements][]float64
	for _, i := range decCols {
		j := kind[i]
		rates[j] = make([]float64, len(rows))
		for c, rw := range rows {
			rates[j][c] = rw.rates[j]
		}
	}
	t, c, err := newServiceTable(minAge, maxService, rates, opt)
	var re *RateError
	if errors.As(err, &re) && c >= 0 {
		// The rates were checked above; what is left is a conversion
		// that failed.
		return nil, &ParseError{Line: rows[c].line, Field: sumName, Value: strconv.FormatFloat(re.Value, 'g', -1, 64),
			Err: fmt.Errorf("at age %d%s: %w", re.Age, where(rows[c].service), re.Err)}
	}
	if err != nil {
		return nil, &ParseError{Err: err}
	}
	return t, nil
}

// ReadServiceTableFile reads the CSV file name as [ReadServiceTable] does;
// its *ParseError names the file. An error opening the file is returned as
// os.Open returns it.
func ReadServiceTableFile(name string, opt DecrementOptions) (*ServiceTable, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := ReadServiceTable(f, opt)
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.File = name
	}
	return t, err
}

// csvError turns an error of encoding/csv into a *ParseError.
func csvError(err error) error {
	var ce *csv.ParseError
	if errors.As(err, &ce) {
		return &ParseError{Line: ce.Line, Column: ce.Column, Err: fmt.Errorf("%w: %v", ErrSyntax, ce.Err)}
	}
	return &ParseError{Err: err} // an error reading the input
}
