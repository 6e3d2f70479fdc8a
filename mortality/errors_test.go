package mortality_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/reserva-go/reserva/mortality"
)

// TestParseErrorMessage checks the message of a *ParseError, part by part:
// "file:line N:column C: field "value": err", each part left out
// when its field is zero (the format of errors.go, after encoding/csv's
// ParseError, "record on line N: column C: err").
func TestParseErrorMessage(t *testing.T) {
	for _, c := range []struct {
		name string
		err  *mortality.ParseError
		want string
	}{
		{"every field", &mortality.ParseError{File: "t.csv", Line: 4, Column: 2, Field: "qx", Value: "abc", Err: mortality.ErrSyntax},
			`t.csv:line 4:column 2: qx "abc": syntax error`},
		{"no file", &mortality.ParseError{Line: 91, Column: 2, Field: "Age", Value: "87", Err: mortality.ErrMissingAge},
			`line 91:column 2: Age "87": missing age`},
		{"XML: no column", &mortality.ParseError{File: "t17.xml", Line: 12, Field: "Y", Value: "t=65", Err: mortality.ErrShape},
			`t17.xml:line 12: Y "t=65": shape mismatch`},
		{"field without a value", &mortality.ParseError{Line: 1, Field: "qx", Err: fmt.Errorf("%w: no qx column", mortality.ErrHeader)},
			`line 1: qx: missing or malformed header: no qx column`},
		{"value without a field", &mortality.ParseError{Line: 4, Value: "2000  0  0.1", Err: mortality.ErrSyntax},
			`line 4: "2000  0  0.1": syntax error`},
		{"no position", &mortality.ParseError{Err: fmt.Errorf("%w: empty file", mortality.ErrEmpty)},
			`no rates: empty file`},
		{"file only", &mortality.ParseError{File: "t.txt", Err: mortality.ErrEmpty},
			`t.txt: no rates`},
		{"no error", &mortality.ParseError{Line: 1}, `line 1: invalid input`},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.err.Error())
			if c.err.Err != nil {
				assert.True(t, errors.Is(c.err, c.err.Err), "Unwrap")
			}
		})
	}
}

// TestSentinelsDistinct: errors.go lists one sentinel per meaning; no two
// read the same, and none matches another under errors.Is except
// ErrImprovement, a kind of ErrRate by design.
func TestSentinelsDistinct(t *testing.T) {
	all := map[string]error{
		"ErrRate": mortality.ErrRate, "ErrNotFinite": mortality.ErrNotFinite, "ErrSurvivors": mortality.ErrSurvivors,
		"ErrMissingAge": mortality.ErrMissingAge, "ErrDuplicate": mortality.ErrDuplicate, "ErrYearOrder": mortality.ErrYearOrder,
		"ErrEmpty": mortality.ErrEmpty, "ErrContentType": mortality.ErrContentType, "ErrSyntax": mortality.ErrSyntax,
		"ErrHeader": mortality.ErrHeader, "ErrParameter": mortality.ErrParameter, "ErrAge": mortality.ErrAge,
		"ErrNotPositive": mortality.ErrNotPositive, "ErrNegative": mortality.ErrNegative, "ErrShape": mortality.ErrShape,
		"ErrOpenAge": mortality.ErrOpenAge, "ErrImprovement": mortality.ErrImprovement,
	}
	for a, ea := range all {
		for b, eb := range all {
			if a == b || a == "ErrImprovement" && b == "ErrRate" {
				continue
			}
			assert.False(t, errors.Is(ea, eb), "%s is %s", a, b)
			assert.NotEqual(t, ea.Error(), eb.Error(), "%s and %s read the same", a, b)
		}
	}
}
