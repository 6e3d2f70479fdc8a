// Attribution of a reform's effect to its measures, added one at a time.

package reform

import (
	"context"
	"fmt"

	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Attribution splits a reform's effect among its changes: the base, then
// the reform's changes added one at a time in their order, each step's
// marginal effect the difference from the step before. The marginal effects
// add up to the total effect (the differences telescope), but they depend
// on the order: a measure's effect is measured on top of those before it.
type Attribution struct {
	Reform      string  // the reform's name
	Base        Outcome // the base scenario
	BaseMetrics Metrics // its metrics
	// Steps[k] is the scheme with changes 0..k of the reform.
	Steps []AttributionStep
	// Total is the whole reform's effect: the last step's metrics less
	// the base's.
	Total Delta
}

// AttributionStep is one change added to those before it.
type AttributionStep struct {
	Change   string  // the change's description
	Outcome  Outcome // the scheme with this change and those before it
	Metrics  Metrics // its metrics
	Marginal Delta   // Metrics less the previous step's (the base's for the first)
}

// Attribute projects the base, then the base with the reform's first
// change, its first two, and so on to the whole reform (in parallel, as
// [Compare] does), and attributes to each change its marginal effect on
// the metrics. The outcome of step k is named "<reform> 1–k".
func Attribute(base *scheme.Scheme, r Reform, opt Options) (*Attribution, error) {
	return AttributeContext(context.Background(), base, r, opt)
}

// AttributeContext is [Attribute] under a context: once ctx is done no step
// starts, a running one stops within one projected year, and ctx.Err() is
// returned.
func AttributeContext(ctx context.Context, base *scheme.Scheme, r Reform, opt Options) (*Attribution, error) {
	if base == nil {
		panic("reform: Attribute of a nil scheme")
	}
	if err := opt.validate(base.StartYear); err != nil {
		return nil, err
	}
	if _, err := r.Apply(base); err != nil { // the whole reform first: its errors, not a prefix's
		return nil, err
	}
	scens := []scenario{{name: "base", scheme: base}}
	for k := 1; k <= len(r.Changes); k++ {
		s, err := r.apply(base, k)
		if err != nil {
			return nil, err
		}
		scens = append(scens, scenario{name: fmt.Sprintf("%s 1–%d", r.Name, k), scheme: s})
	}
	outs, ms, err := runScenariosContext(ctx, scens, &opt)
	if err != nil {
		return nil, err
	}
	a := &Attribution{Reform: r.Name, Base: outs[0], BaseMetrics: ms[0], Total: ms[len(ms)-1].Sub(ms[0])}
	for k, c := range r.Changes {
		a.Steps = append(a.Steps, AttributionStep{
			Change: c.String(), Outcome: outs[k+1], Metrics: ms[k+1], Marginal: ms[k+1].Sub(ms[k]),
		})
	}
	return a, nil
}
