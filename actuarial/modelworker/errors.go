package modelworker

import (
	"errors"
	"fmt"
)

// ErrInput is wrapped by every error of a bad worker or configuration.
var ErrInput = errors.New("modelworker: bad input")

// InputError names the bad field, its value and why.
type InputError struct {
	Field string // "Worker[low earner].EntryAge"
	Value any
	Why   string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("modelworker: %s = %v: %s", e.Field, e.Value, e.Why)
}

// Unwrap returns ErrInput.
func (e *InputError) Unwrap() error { return ErrInput }
