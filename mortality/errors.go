package mortality

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by the errors this package returns, for use with
// [errors.Is].
var (
	ErrRate        = errors.New("rate outside [0, 1]")               // a q that is negative or above 1
	ErrNotFinite   = errors.New("value is NaN or infinite")          // a number that must be finite
	ErrSurvivors   = errors.New("survivors must not increase")       // l_{x+1} > l_x, or l_x < 0
	ErrMissingAge  = errors.New("missing age")                       // a gap in a table's ages
	ErrDuplicate   = errors.New("duplicate age")                     // an age given twice
	ErrEmpty       = errors.New("no rates")                          // a table without a single rate
	ErrContentType = errors.New("unknown or unsupported content")    // a file that does not hold what was asked
	ErrSyntax      = errors.New("syntax error")                      // a malformed file
	ErrParameter   = errors.New("parameter outside its valid range") // a law's or an adjustment's parameter
	ErrAge         = errors.New("age out of range")                  // a negative age, or one the result cannot reach
	ErrShape       = errors.New("shape mismatch")                    // ragged rows of a two-dimensional table, or a matrix whose dimensions do not match the ages and years given

	// ErrImprovement is wrapped by the error for an improvement rate that
	// is not in (−1, 1). It also matches ErrRate under errors.Is, so code
	// that checks every bad rate with ErrRate keeps working.
	ErrImprovement error = improvementRangeError{}
)

type improvementRangeError struct{}

func (improvementRangeError) Error() string        { return "improvement rate outside (−1, 1)" }
func (improvementRangeError) Is(target error) bool { return target == ErrRate }

// ParseError is the error a reader returns for bad input. It names the file
// (when the caller gave one), the position and the offending value, like
// encoding/csv's ParseError.
type ParseError struct {
	File   string // the file name, if known; empty for an io.Reader
	Line   int    // 1-based line of the offending input; 0 if unknown
	Column int    // 1-based column (CSV field) or 0
	Field  string // the column header or XML element, if known
	Value  string // the offending text, if any
	Err    error  // the underlying error, often one of this package's sentinels
}

func (e *ParseError) Error() string {
	s := "mortality: "
	if e.File != "" {
		s += e.File + ":"
	}
	if e.Line > 0 {
		s += fmt.Sprintf("line %d:", e.Line)
	}
	if e.Column > 0 {
		s += fmt.Sprintf("column %d:", e.Column)
	}
	if s[len(s)-1] == ':' {
		s += " "
	}
	if e.Field != "" {
		s += fmt.Sprintf("%s ", e.Field)
	}
	if e.Value != "" {
		s += fmt.Sprintf("%q: ", e.Value)
	}
	if e.Err == nil {
		return s + "invalid input"
	}
	return s + e.Err.Error()
}

func (e *ParseError) Unwrap() error { return e.Err }

// RateError reports a bad rate given to a constructor: which table field, at
// which age, with which value.
type RateError struct {
	Field string  // "q", "l", "improvement", "improvement in 2030", ...
	Age   int     // the age the rate belongs to
	Value float64 // the offending value
	Err   error   // ErrRate, ErrNotFinite, ErrSurvivors or ErrImprovement
}

func (e *RateError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("mortality: %s at age %d is %v", e.Field, e.Age, e.Value)
	}
	return fmt.Sprintf("mortality: %s at age %d is %v: %v", e.Field, e.Age, e.Value, e.Err)
}

func (e *RateError) Unwrap() error { return e.Err }
