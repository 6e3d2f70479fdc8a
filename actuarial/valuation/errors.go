// Errors returned by package valuation.

package valuation

import (
	"fmt"
)

// MemberError reports a member that cannot be valued: the field, its value
// and why.
type MemberError struct {
	Field string // "Sex", "Age", "Service", "Salary", "EntryAge" or "Contributions"; for a [projection.Seriatim] record also "Group", "Type" or "Pension"
	Value string // the offending value, as text
	Err   error  // actuarial.ErrRange, actuarial.ErrNegative or actuarial.ErrNotFinite
}

func (e *MemberError) Error() string {
	return fmt.Sprintf("valuation: member %s %s: %v", e.Field, e.Value, e.Err)
}

func (e *MemberError) Unwrap() error { return e.Err }
