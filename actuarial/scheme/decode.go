// The errors of study files; the strict token-level decoder that names
// the path and line of every error is package internal/jsonpath.

package scheme

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/reserva-go/reserva/internal/jsonpath"
)

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

// studyErr converts an error of the token-level decoder (package
// internal/jsonpath) into a *StudyError of file.
func studyErr(err error, file string) error {
	var je *jsonpath.Error
	if errors.As(err, &je) {
		return &StudyError{File: file, Line: je.Line, Path: je.Path, Value: je.Value, Err: je.Err}
	}
	return err
}

// UnmarshalJSONPath decodes a schedule: a number, or an array of steps.
func (sd *scheduleDoc) UnmarshalJSONPath(w *jsonpath.Walker, path string, tok json.Token, off int64) error {
	if n, ok := tok.(json.Number); ok {
		f, err := w.Float(path, off, n)
		if err != nil {
			return err
		}
		sd.Value = &f
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return w.WrongType(path, off, tok, "number or array of steps")
	}
	return w.Value(reflect.ValueOf(&sd.Steps).Elem(), path, tok, off)
}
