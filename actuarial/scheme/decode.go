// The errors of study files; the strict token-level decoder that names
// the path and line of every error is package internal/jsonpath.

package scheme

import (
	"errors"

	"github.com/reserva-go/reserva/internal/jsonpath"
)

// studyErr converts an error of the token-level decoder (package
// internal/jsonpath) into a *StudyError of file.
func studyErr(err error, file string) error {
	var je *jsonpath.Error
	if errors.As(err, &je) {
		return &StudyError{File: file, Line: je.Line, Path: je.Path, Value: je.Value, Err: je.Err}
	}
	return err
}
