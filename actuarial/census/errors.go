// Errors returned by package census: its sentinels and the error types that
// list bad records.

package census

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors wrapped by the [RecordError]s of a [CensusError], for use
// with [errors.Is] on the RecordError or on the CensusError (which matches if
// any of its records does). Syntax errors of the CSV itself wrap
// encoding/csv's ErrQuote or ErrBareQuote, and a record with the wrong number
// of fields wraps csv.ErrFieldCount.
var (
	ErrNoHeader           = errors.New("no header line")                   // empty input
	ErrDuplicateColumn    = errors.New("column given twice in header")     // two headers naming one field
	ErrMissingField       = errors.New("required field is empty")          // an empty id, sex, salary, ...
	ErrBadNumber          = errors.New("not a valid number")               // NaN, Inf, garbage, 42.5 for an age
	ErrBadDate            = errors.New("not a valid date")                 // wrong layout, 31 February
	ErrFutureDate         = errors.New("date after the valuation date")    // birth or entry after 1 January of the year
	ErrServiceTooLong     = errors.New("service longer than working life") // entry before the minimum entry age, or before birth
	ErrInconsistent       = errors.New("fields disagree")                  // birth date and age, or entry date and service
	ErrUnknownPensionType = errors.New("unknown pension type")             // see ParsePensionType
	ErrDuplicateID        = errors.New("duplicate id")                     // an id seen before in the same file
)

// RecordError is one problem with one census record (or with the header):
// where it is, which field and value, and what is wrong.
type RecordError struct {
	File  string // the file name given in CensusOptions.File; empty if none
	Line  int    // 1-based line where the record starts; 0 for a record built in code
	ID    string // the record's id, if it has one
	Field string // the canonical field name (id, sex, birth_date, age, entry_date, service, salary, pension, type); empty for the whole record
	Value string // the offending text as read, trimmed of spaces; empty if missing
	Err   error  // what is wrong, wrapping one of the sentinels above (or an encoding/csv one)

	// Column names the column of Field where the source has lettered
	// columns (a workbook's "F"), written after the line; empty for CSV.
	// See [Rows].
	Column string
}

func (e *RecordError) Error() string { return "actuarial: census: " + e.describe() }

func (e *RecordError) Unwrap() error { return e.Err }

// maxValueLen bounds how much of a bad value an error message quotes.
const maxValueLen = 40

func (e *RecordError) describe() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column != "" {
			b.WriteString(", column ")
			b.WriteString(e.Column)
		}
		b.WriteString(": ")
	} else if e.File != "" {
		b.WriteByte(' ')
	}
	if e.ID != "" {
		b.WriteString("id ")
		b.WriteString(strconv.Quote(clip(e.ID)))
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteByte(' ')
		b.WriteString(strconv.Quote(clip(e.Value)))
		b.WriteString(": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func clip(s string) string {
	if len(s) <= maxValueLen {
		return s
	}
	// Cut at a rune boundary.
	n := maxValueLen
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// CensusError lists every problem found in a census, so that a file can be
// fixed in one pass. Records are in the order they were found, which is line
// order; a record with several problems appears once for each.
type CensusError struct {
	Records []RecordError
}

// maxListed bounds how many problems the message of a CensusError lists.
const maxListed = 20

func (e *CensusError) Error() string {
	switch len(e.Records) {
	case 0:
		return "actuarial: census: no problems"
	case 1:
		return e.Records[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "actuarial: census: %d problems:", len(e.Records))
	for i := range e.Records {
		if i == maxListed {
			fmt.Fprintf(&b, "\n\t... and %d more", len(e.Records)-maxListed)
			break
		}
		b.WriteString("\n\t")
		b.WriteString(e.Records[i].describe())
	}
	return b.String()
}

// Unwrap returns the record errors, so that errors.Is(err, ErrDuplicateID)
// and errors.As(err, &recordErr) look through a CensusError.
func (e *CensusError) Unwrap() []error {
	errs := make([]error, len(e.Records))
	for i := range e.Records {
		errs[i] = &e.Records[i]
	}
	return errs
}
