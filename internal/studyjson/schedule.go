// Package studyjson holds the JSON forms that the study files of package
// scheme (the scheme and its law) and of package reform (the reforms)
// share, so that a value is written and read the same way in both parts of
// a file.
package studyjson

import (
	"encoding/json"
	"reflect"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/internal/jsonpath"
)

// Step is one step of a Schedule: the value from a calendar year on.
type Step struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
}

// Schedule is an [actuarial.Schedule] in a study file: a number (the same
// value in every year) or an array of steps.
type Schedule struct {
	Value *float64
	Steps []Step
}

// ScheduleOf is s in its study form: a number for a constant (one step of
// year 0), steps otherwise; nil for a nil s.
func ScheduleOf(s actuarial.Schedule) *Schedule {
	if s == nil {
		return nil
	}
	if len(s) == 1 && s[0].Year == 0 {
		v := s[0].Value
		return &Schedule{Value: &v}
	}
	d := &Schedule{Steps: make([]Step, len(s))}
	for i, st := range s {
		d.Steps[i] = Step(st)
	}
	return d
}

// Schedule is d as an [actuarial.Schedule]; nil for a nil d.
func (d *Schedule) Schedule() actuarial.Schedule {
	if d == nil {
		return nil
	}
	if d.Value != nil {
		return actuarial.Constant(*d.Value)
	}
	s := make(actuarial.Schedule, len(d.Steps))
	for i, st := range d.Steps {
		s[i] = actuarial.Step(st)
	}
	return s
}

// MarshalJSON writes a number, or the array of steps.
func (d Schedule) MarshalJSON() ([]byte, error) {
	if d.Value != nil {
		return json.Marshal(*d.Value)
	}
	if d.Steps == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(d.Steps)
}

// UnmarshalJSONPath decodes a schedule: a number, or an array of steps.
func (d *Schedule) UnmarshalJSONPath(w *jsonpath.Walker, path string, tok json.Token, off int64) error {
	if n, ok := tok.(json.Number); ok {
		f, err := w.Float(path, off, n)
		if err != nil {
			return err
		}
		d.Value = &f
		return nil
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '[' {
		return w.WrongType(path, off, tok, "number or array of steps")
	}
	return w.Value(reflect.ValueOf(&d.Steps).Elem(), path, tok, off)
}
