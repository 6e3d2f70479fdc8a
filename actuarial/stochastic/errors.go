package stochastic

import (
	"errors"
	"fmt"

	"github.com/reserva-go/reserva/mortality"
)

// Sentinel errors of the package, for use with errors.Is.
var (
	ErrParameter = errors.New("bad model parameter")                           // a generator's or a configuration's field is out of its range
	ErrUndefined = errors.New("measure undefined in some scenario")            // a ratio whose denominator is 0 (no salary bill, no expenditure)
	ErrShard     = errors.New("outcomes do not form contiguous shards")        // Merge of parts that do not follow one another or differ in shape
	ErrScenario  = errors.New("scenario not in the set")                       // a scenario index, or a year, that a PathSet does not hold
	ErrCSV       = errors.New("malformed scenario file")                       // a CSV of paths with a bad header, field or row
	ErrHistory   = errors.New("return history too short or not valid returns") // FitAR1 input
)

// ParamError reports a bad field of a generator or a configuration.
type ParamError struct {
	Field string // the field, as named in Go ("Sigma", "Corr[0][1]")
	Value string // its value
	Err   error  // ErrParameter, possibly wrapped with detail
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("stochastic: %s = %s: %v", e.Field, e.Value, e.Err)
}

func (e *ParamError) Unwrap() error { return e.Err }

func paramErr(field string, value any, why string) error {
	err := ErrParameter
	if why != "" {
		err = fmt.Errorf("%w: %s", ErrParameter, why)
	}
	return &ParamError{Field: field, Value: fmt.Sprint(value), Err: err}
}

// ParseError is the file-position error of a bad scenario file: Reserva's
// one such type, [mortality.ParseError], naming the line, the column's name
// (Field) and the offending text, and wrapping [ErrCSV].
type ParseError = mortality.ParseError

// UndefinedError reports a measure that some scenario leaves undefined.
type UndefinedError struct {
	Measure  string // the measure ("reserve ratio", "GAP", ...)
	Scenario int    // the scenario's index
	Year     int    // the calendar year; 0 for a measure over the horizon
}

func (e *UndefinedError) Error() string {
	if e.Year == 0 {
		return fmt.Sprintf("stochastic: %s of scenario %d: %v", e.Measure, e.Scenario, ErrUndefined)
	}
	return fmt.Sprintf("stochastic: %s of scenario %d in %d: %v", e.Measure, e.Scenario, e.Year, ErrUndefined)
}

func (e *UndefinedError) Unwrap() error { return ErrUndefined }
