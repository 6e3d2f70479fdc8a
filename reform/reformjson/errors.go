// Errors returned by package reformjson.

package reformjson

import (
	"errors"
)

// ErrNoOutcomes is returned for an empty list of outcomes or an outcome
// without its projection or summary.
var ErrNoOutcomes = errors.New("reformjson: no outcomes, or an outcome without result or summary")
