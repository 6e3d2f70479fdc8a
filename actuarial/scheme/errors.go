// Errors returned by package scheme.

package scheme

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors of scheme validation.
var (
	ErrRequired = errors.New("required value missing")  // a nil table, an empty list that must not be, a StartYear of 0
	ErrOrder    = errors.New("not in increasing order") // rules or steps whose years do not increase
	// ErrImplausibleRate is a yearly economic rate outside
	// (MinPlausibleRate, MaxPlausibleRate], most often a percent written
	// as a number; see [Assumptions.AllowExtremeRates].
	ErrImplausibleRate = errors.New("implausible yearly rate")
	// ErrEmptyCell is a census cell with money (salaries or pensions) but
	// no members.
	ErrEmptyCell = errors.New("amount in a cell without members")
	// ErrUnreachableAge is an eligibility age above the last age of the
	// mortality table of actives: nobody lives to claim it.
	ErrUnreachableAge = errors.New("age above the mortality table's last age")
)

// SchemeError names a bad field of a [Scheme] or its [Assumptions]: the
// path of the field ("Groups[1].Rules[0].ContributionRate[worker]"), the
// offending value when there is one, and what is wrong, wrapping a sentinel
// ([ErrRequired], [ErrOrder], [ErrImplausibleRate], [ErrEmptyCell], [ErrUnreachableAge],
// [actuarial.ErrRange], [actuarial.ErrRate], [actuarial.ErrNotFinite], [actuarial.ErrInterest],
// [actuarial.ErrUnknownSex], [actuarial.ErrNegative]) or another error of this package.
type SchemeError struct {
	Field string // the path of the field
	Value string // the offending value, formatted; empty if none
	Err   error  // what is wrong
}

func (e *SchemeError) Error() string {
	s := "actuarial: scheme: " + e.Field
	if e.Value != "" {
		s += fmt.Sprintf(" %q", e.Value)
	}
	return s + ": " + e.Err.Error()
}

func (e *SchemeError) Unwrap() error { return e.Err }

// ErrStudy is wrapped by every error of a study file's syntax or content:
// an unknown field, a wrong type, a bad value.
var ErrStudy = errors.New("bad study")

// StudyError is an error in a study document: the JSON path of the value
// ("groups[0].rules[1].eligibility.full.both[0].min_age"), the file and
// the line it is on (0 if unknown), the offending value as written, and
// what is wrong. It wraps ErrStudy and, where one applies, a sentinel of
// this package or of package actuarial.
type StudyError struct {
	File  string // the study file; empty when decoded from a reader
	Line  int    // 1-based line of the value; 0 if unknown
	Path  string // JSON path of the value; empty for the whole document
	Value string // the offending value, formatted; empty if none
	Err   error  // what is wrong
}

func (e *StudyError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Value != "" {
		b.WriteString(e.Value)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns ErrStudy and the underlying error.
func (e *StudyError) Unwrap() []error { return []error{ErrStudy, e.Err} }
