// Errors returned by package htmlreport.

package htmlreport

import (
	"errors"
)

// ErrInput is the error of an invalid [Input] or [Options].
var ErrInput = errors.New("invalid report input")
