// The errors of study files; the strict token-level decoder that names
// the path and line of every error is package internal/jsonpath.

package scheme

import (
	"encoding/json"
	"errors"
	"reflect"

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
