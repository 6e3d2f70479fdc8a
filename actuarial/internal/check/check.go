// Package check holds the validation of inputs that package actuarial and
// its subpackages share: rates and mortality tables. Its errors name the
// field and the value, as package actuarial's do, and its sentinel is
// re-exported there ([actuarial.ErrInterest] is [ErrInterest]), so that
// errors.Is holds whichever package returned the error.
package check

import (
	"errors"
	"fmt"
	"math"

	"github.com/reserva-go/reserva/mortality"
)

// ErrInterest is wrapped by the errors returned for an interest (or
// escalation) rate that is NaN, infinite, or not above −1; package
// actuarial re-exports it.
var ErrInterest = errors.New("rate must be finite and above −1")

// Rate returns an error naming field and value when r is not a valid
// annual effective rate: finite and above −1.
func Rate(field string, r float64) error {
	if math.IsNaN(r) || math.IsInf(r, 0) || r <= -1 {
		return fmt.Errorf("actuarial: %s %v: %w", field, r, ErrInterest)
	}
	return nil
}

// Table reports a nil table, an invalid age range, or a rate that is not
// a probability, naming field.
func Table(field string, t mortality.Table) error {
	if t == nil {
		return fmt.Errorf("actuarial: %s is nil", field)
	}
	lo, hi := t.MinAge(), t.MaxAge()
	if lo < 0 || hi < lo {
		return fmt.Errorf("actuarial: %s ages %d..%d are not a valid range", field, lo, hi)
	}
	if _, ok := t.(*mortality.LifeTable); ok {
		return nil // checked when built
	}
	for x := lo; x <= hi; x++ {
		q := t.Q(x)
		switch {
		case math.IsNaN(q) || math.IsInf(q, 0):
			return &mortality.RateError{Field: "q", Age: x, Value: q, Err: mortality.ErrNotFinite}
		case q < 0 || q > 1:
			return &mortality.RateError{Field: "q", Age: x, Value: q, Err: mortality.ErrRate}
		}
	}
	return nil
}
