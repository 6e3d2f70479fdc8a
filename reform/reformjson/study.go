// A whole study's results: the comparison, the attributions and the
// solutions.

package reformjson

import (
	"fmt"

	"github.com/reserva-go/reserva/reform"
)

// Study is the results of a study (reform.RunStudy): the comparison of its
// scenarios and reforms, and the attributions and solutions its options
// asked for.
type Study struct {
	Comparison
	Attributions []Attribution `json:"attributions,omitempty"`
	Solutions    []Solution    `json:"solutions,omitempty"`
}

// Attribution splits a reform's effect among its changes, each added to
// those before it (see reform.Attribution).
type Attribution struct {
	Reform string            `json:"reform"`
	Base   Summary           `json:"base"`
	Steps  []AttributionStep `json:"steps"`
	Total  *Delta            `json:"total"` // the whole reform's summary less the base's
}

// AttributionStep is one change added to those before it.
type AttributionStep struct {
	Change   string  `json:"change"`   // the change's description
	Summary  Summary `json:"summary"`  // with this change and those before it
	Marginal *Delta  `json:"marginal"` // the summary less the previous step's (the base's for the first)
}

// Solution is the value of a lever that meets a target (see
// reform.Solution).
type Solution struct {
	Name   string `json:"name"`
	Lever  string `json:"lever"`  // the lever, described
	Target string `json:"target"` // the target, described
	// Value is the lever's value: a fraction for a rate or a factor, a
	// number of years for a retirement age.
	Value     Number  `json:"value"`
	Missed    Number  `json:"missed"`    // the nearest value tried that misses the target
	Objective Number  `json:"objective"` // the target's objective at Value, ≥ 0
	Runs      int     `json:"runs"`      // the projections the search ran
	Summary   Summary `json:"summary"`   // the scenario at Value
}

// FromStudy encodes the results of a study whose money is in currency.
func FromStudy(study, currency string, r *reform.StudyResults) (*Study, error) {
	if r == nil {
		return nil, ErrNoOutcomes
	}
	c, err := FromComparison(study, currency, r.Comparison)
	if err != nil {
		return nil, err
	}
	out := &Study{Comparison: *c}
	for _, a := range r.Attributions {
		if a.Base.Summary == nil {
			return nil, fmt.Errorf("%w: attribution of %q", ErrNoOutcomes, a.Reform)
		}
		ja := Attribution{Reform: a.Reform, Base: summary(a.Base.Summary)}
		prev := a.Base.Summary
		for _, s := range a.Steps {
			if s.Outcome.Summary == nil {
				return nil, fmt.Errorf("%w: attribution of %q, step %q", ErrNoOutcomes, a.Reform, s.Change)
			}
			ja.Steps = append(ja.Steps, AttributionStep{Change: s.Change, Summary: summary(s.Outcome.Summary), Marginal: delta(s.Outcome.Summary, prev)})
			prev = s.Outcome.Summary
		}
		ja.Total = delta(prev, a.Base.Summary)
		out.Attributions = append(out.Attributions, ja)
	}
	for _, s := range r.Solutions {
		if s.Solution == nil || s.Solution.Outcome.Summary == nil {
			return nil, fmt.Errorf("%w: solution %q", ErrNoOutcomes, s.Name)
		}
		out.Solutions = append(out.Solutions, Solution{
			Name: s.Name, Lever: s.Problem.Lever.String(), Target: s.Problem.Target.String(),
			Value: Number(s.Solution.Value), Missed: Number(s.Solution.Missed), Objective: Number(s.Solution.Objective),
			Runs: s.Solution.Runs, Summary: summary(s.Solution.Outcome.Summary),
		})
	}
	return out, nil
}
