// The errors of package reform: sentinels for errors.Is and the types that
// say where a problem lies.

package reform

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, for use with [errors.Is].
var (
	// ErrUnknownGroup: a change names a member group the scheme does not
	// have (or names one that several groups share).
	ErrUnknownGroup = errors.New("no such member group")
	// ErrBeforeStart: a change takes effect before the scheme's StartYear,
	// the first year a projection can change.
	ErrBeforeStart = errors.New("effective before the scheme's start year")
	// ErrNoEffect: a change would affect nobody — it sets a value already
	// in force, its transition rule selects no member, or it changes a
	// rule no member can reach (survivors' pensions in a scheme without
	// spouses, say). A reform with no changes is one too.
	ErrNoEffect = errors.New("affects nobody")
	// ErrInvalid: a change's own value is out of range (a rate above 1, a
	// negative step, a transition rule that mixes new entrants with a
	// service condition, ...).
	ErrInvalid = errors.New("invalid change")
	// ErrOptions: bad [Options], [Problem] or [Shocks] fields.
	ErrOptions = errors.New("invalid options")
	// ErrNoSolution: no value of a solver's parameter in the allowed range
	// meets the target.
	ErrNoSolution = errors.New("no value in the allowed range meets the target")
)

// ChangeError reports a change that cannot be applied: the reform, the
// change's index in [Reform.Changes] and its description, the base group
// concerned (when the problem is one group's), and what is wrong, wrapping
// a sentinel ([ErrUnknownGroup], [ErrBeforeStart], [ErrNoEffect],
// [ErrInvalid]) or the [*scheme.SchemeError] of the reformed scheme.
type ChangeError struct {
	Reform string // the reform's name
	Index  int    // the change's index in Reform.Changes; −1 for the reform as a whole
	Change string // the change's description (its String)
	Group  string // the base group concerned; empty for the change as a whole
	Err    error  // what is wrong
}

func (e *ChangeError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "reform: %q", e.Reform)
	if e.Index >= 0 {
		fmt.Fprintf(&b, ", change %d (%s)", e.Index, e.Change)
	}
	if e.Group != "" {
		fmt.Fprintf(&b, ", group %q", e.Group)
	}
	return b.String() + ": " + e.Err.Error()
}

func (e *ChangeError) Unwrap() error { return e.Err }

// NoSolutionError reports that no value of a solver's lever in [Lo, Hi]
// meets the target: it gives the objective at both ends (the target is met
// where the objective is ≥ 0), so a caller sees how far off the range is.
// It wraps [ErrNoSolution].
type NoSolutionError struct {
	Lever     string  // the lever's description
	Target    string  // the target's description
	Objective string  // what the objective measures
	Lo, Hi    float64 // the allowed range
	AtLo      float64 // the objective at Lo
	AtHi      float64 // the objective at Hi
}

func (e *NoSolutionError) Error() string {
	return fmt.Sprintf("reform: no value of %s in [%g, %g] meets the target %s: %s is %.6g at %g and %.6g at %g (the target needs ≥ 0)",
		e.Lever, e.Lo, e.Hi, e.Target, e.Objective, e.AtLo, e.Lo, e.AtHi, e.Hi)
}

func (e *NoSolutionError) Unwrap() error { return ErrNoSolution }

// Sentinel errors of the reports and charts, for use with [errors.Is].
var (
	ErrNoOutcomes        = errors.New("no outcomes")                                // an empty list of outcomes
	ErrIncompleteOutcome = errors.New("outcome without its projection or summary")  // a nil Result or Summary, or a projection of no years
	ErrOutcomesDiffer    = errors.New("outcomes do not cover the same years")       // different start years, lengths or horizons
	ErrReportOptions     = errors.New("invalid report options")                     // a bad field of ReportOptions
	ErrYearOutside       = errors.New("year outside the projection or its horizon") // a calendar year the outcome does not cover
	ErrNoCellDetail      = errors.New("projection has no detail by cell")           // Pyramid of a projection run without Projector.Detail
	ErrChartFormat       = errors.New("chart format is neither PNG nor SVG")        // Save or Render to another format
)
