package mortality

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by the errors this package returns, for use with
// [errors.Is]. This is the package's one list of them: one sentinel for
// each meaning, whichever function or reader finds the fault.
var (
	ErrRate        = errors.New("rate outside [0, 1]")               // a q that is negative or above 1
	ErrNotFinite   = errors.New("value is NaN or infinite")          // a number that must be finite
	ErrSurvivors   = errors.New("survivors must not increase")       // l_{x+1} > l_x, or l_x < 0
	ErrMissingAge  = errors.New("missing age")                       // a gap in a table's ages (or in the ages of a surface by age and year), or a table cut short of its last age
	ErrDuplicate   = errors.New("duplicate age")                     // an age given twice, or ages out of order
	ErrYearOrder   = errors.New("years out of order or repeated")    // a year (or period) that does not follow the previous one; where years must be consecutive (Lee-Carter), also a missing year
	ErrEmpty       = errors.New("no rates")                          // a table without a single rate
	ErrContentType = errors.New("unknown or unsupported content")    // a file that does not hold what was asked
	ErrSyntax      = errors.New("syntax error")                      // a malformed file
	ErrHeader      = errors.New("missing or malformed header")       // no header row (the first row holds numbers), an empty, unknown, repeated or missing column
	ErrParameter   = errors.New("parameter outside its valid range") // a law's or an adjustment's parameter
	ErrAge         = errors.New("age out of range")                  // a negative age, or one the result cannot reach
	ErrNotPositive = errors.New("value must be positive")            // a central death rate or an exposure ≤ 0
	ErrNegative    = errors.New("value must not be negative")        // a death count or an exposure < 0

	// ErrShape: values whose shape does not match the dimensions declared
	// for them: ragged rows of a two-dimensional table, a matrix whose
	// dimensions do not match the ages and years given, or XTbML values
	// that do not match the axes the table's metadata declares (a label
	// outside MinScaleValue..MaxScaleValue or not an integer, values nested
	// one level when the metadata declares two axes, an axis without its
	// bounds, an increment other than 1).
	ErrShape = errors.New("shape mismatch")

	// ErrOpenAge: an HMD open age interval ("110+") whose q is not 1, or a
	// row after it in the same year.
	ErrOpenAge = errors.New("open age interval must have q = 1 and end its year")

	// ErrImprovement is wrapped by the error for an improvement rate that
	// is not in (−1, 1). It also matches ErrRate under errors.Is, so code
	// that checks every bad rate with ErrRate keeps working.
	ErrImprovement error = improvementRangeError{}
)

type improvementRangeError struct{}

func (improvementRangeError) Error() string        { return "improvement rate outside (−1, 1)" }
func (improvementRangeError) Is(target error) bool { return target == ErrRate }

// ParseError is the error every reader of Reserva returns for bad input in
// a file: mortality tables here, service tables (package actuarial, which
// names it actuarial.ParseError) and scenario paths (package stochastic)
// alike. It names the file (when the caller gave one), the position and the
// offending value, like encoding/csv's ParseError, and like it carries no
// package prefix: its message reads
//
//	file:line N:column C: field "value": err
//
// each part left out when its field is zero ("line 1: qx: missing or
// malformed header: no qx column").
type ParseError struct {
	File   string // the file name, if known; empty for an io.Reader
	Line   int    // 1-based line of the offending input; 0 if unknown or if the fault is the end of the input
	Column int    // 1-based column (CSV or HMD field); 0 if none (XML) or unknown
	Field  string // the column header or XML element, if known
	Value  string // the offending text, if any
	Err    error  // the underlying error, wrapping one of this package's sentinels
}

func (e *ParseError) Error() string {
	s := ""
	if e.File != "" {
		s += e.File + ":"
	}
	if e.Line > 0 {
		s += fmt.Sprintf("line %d:", e.Line)
	}
	if e.Column > 0 {
		s += fmt.Sprintf("column %d:", e.Column)
	}
	if s != "" && s[len(s)-1] == ':' {
		s += " "
	}
	switch {
	case e.Field != "" && e.Value != "":
		s += fmt.Sprintf("%s %q: ", e.Field, e.Value)
	case e.Field != "":
		s += e.Field + ": "
	case e.Value != "":
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
