// Errors returned by package xlsx.

package xlsx

import (
	"errors"
)

// ErrInput is the error of an invalid [Input] or [Options].
var ErrInput = errors.New("invalid workbook input")
