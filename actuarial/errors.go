// Errors returned by package actuarial: sentinels, ParseError for readers and
// RateError for constructors.

package actuarial

import (
	"errors"
	"fmt"

	"github.com/reserva-go/reserva/actuarial/internal/check"
	"github.com/reserva-go/reserva/mortality"
)

// Sentinel errors wrapped by the errors this package returns, for use with
// [errors.Is]. Those that mean the same as a sentinel of package mortality
// are that sentinel, so errors.Is(err, mortality.ErrRate) and
// errors.Is(err, actuarial.ErrRate) agree.
var (
	ErrRate       = mortality.ErrRate       // a rate or probability that is negative or above 1
	ErrNotFinite  = mortality.ErrNotFinite  // a number that must be finite is NaN or infinite
	ErrMissingAge = mortality.ErrMissingAge // a gap in a table's ages (or in its service columns)
	ErrDuplicate  = mortality.ErrDuplicate  // an age (or age and service) given twice
	ErrEmpty      = mortality.ErrEmpty      // a table without a single rate
	ErrSyntax     = mortality.ErrSyntax     // a malformed file or cell

	ErrUnknownColumn = errors.New("unknown column")                      // a CSV header this package does not read
	ErrMissingColumn = errors.New("missing column")                      // a CSV without a required column
	ErrDecrementSum  = errors.New("dependent probabilities sum above 1") // Σ_j q^(j) > 1 at one age
	ErrRange         = errors.New("value outside its valid range")       // a negative age, an age outside a table, a service above the working life
	ErrNegative      = errors.New("negative value")                      // an amount, a salary or a count below 0
	ErrConversion    = errors.New("no independent rates reproduce these dependent probabilities")
	ErrUnknownSex    = errors.New("unknown sex code")   // see SexCodes
	ErrAmbiguousSex  = errors.New("ambiguous sex code") // M without SexCodesEnglish or SexCodesSpanish
)

// ParseError is the file-position error of every reader in Reserva,
// [mortality.ParseError]: the file, line, column, field and value of bad
// input, wrapping one of this package's sentinels for the service-table
// reader. It is the same type, so errors.As with either name matches.
type ParseError = mortality.ParseError

// RateError reports a bad rate given to a constructor: which decrement, at
// which age and service, with which value.
type RateError struct {
	Field   string  // the decrement ("death", "withdrawal", ...), or "sum" for Σ_j q^(j)
	Age     int     // the age the rate belongs to
	Service int     // completed years of service; -1 for a table by age only
	Value   float64 // the offending value
	Err     error   // ErrRate, ErrNotFinite, ErrDecrementSum or ErrConversion
}

func (e *RateError) Error() string {
	if e.Service < 0 {
		return fmt.Sprintf("actuarial: %s at age %d is %v: %v", e.Field, e.Age, e.Value, e.Err)
	}
	return fmt.Sprintf("actuarial: %s at age %d, service %d, is %v: %v", e.Field, e.Age, e.Service, e.Value, e.Err)
}

func (e *RateError) Unwrap() error { return e.Err }

// ErrInterest is wrapped by the errors returned for an interest (or
// escalation) rate that is NaN, infinite, or not above −1. It is the
// sentinel of the validation the subpackages share (an internal package),
// so errors.Is holds for theirs too.
var ErrInterest = check.ErrInterest
