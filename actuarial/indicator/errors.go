// Errors of package indicator: its sentinels and SeriesError.

package indicator

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors of the indicators, for use with [errors.Is]. A value that
// is NaN or infinite wraps [actuarial.ErrNotFinite]; a negative salary bill, count or
// liability wraps [actuarial.ErrNegative].
var (
	ErrLength      = errors.New("series lengths differ")                    // two series that must cover the same years do not
	ErrZeroDivisor = errors.New("division by zero")                         // a ratio whose denominator is 0 in some year
	ErrHorizon     = errors.New("horizon outside the series or its limits") // a bad Horizon field
)

// SeriesError reports a bad value in a per-year series: which series, which
// year, which value, and what is wrong with it.
type SeriesError struct {
	Series string  // the series, as the fields of [Flows] name it: "salary bill", "benefits", "reserve at end", ...
	T      int     // the year index t of the value; −1 for a value over the whole horizon (a present value)
	Year   int     // the calendar year of t when the caller knows it ([Summarize], [NewLedger] and [DepletionYear] set it); 0 otherwise
	Value  float64 // the offending value
	Err    error   // what is wrong: ErrNotFinite, actuarial.ErrNegative or ErrZeroDivisor
}

func (e *SeriesError) Error() string {
	var b strings.Builder
	b.WriteString("actuarial: ")
	b.WriteString(e.Series)
	if e.T >= 0 {
		fmt.Fprintf(&b, " of year t = %d", e.T)
		if e.Year != 0 {
			fmt.Fprintf(&b, " (%d)", e.Year)
		}
	} else {
		b.WriteString(", present value over the horizon,")
	}
	fmt.Fprintf(&b, " is %v: %v", e.Value, e.Err)
	return b.String()
}

func (e *SeriesError) Unwrap() error { return e.Err }

// seriesLengthError reports a series of got years where want (the length
// of the series named ref) were expected.
func seriesLengthError(name string, got int, ref string, want int) error {
	return fmt.Errorf("actuarial: %s has %d years, want %d (as %s): %w", name, got, want, ref, ErrLength)
}
