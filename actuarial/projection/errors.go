// Errors returned by package projection.

package projection

import (
	"fmt"
)

// ScenarioError is the error of one scheme of [RunScenarios]: its index in
// the slice given, its name, and what went wrong.
type ScenarioError struct {
	Index int    // the scheme's index in the slice given to RunScenarios
	Name  string // the scheme's Name; empty for a nil scheme
	Err   error  // the error of its validation or projection
}

func (e *ScenarioError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("projection: scenario %d: %v", e.Index, e.Err)
	}
	return fmt.Sprintf("projection: scenario %d (%s): %v", e.Index, e.Name, e.Err)
}

func (e *ScenarioError) Unwrap() error { return e.Err }
