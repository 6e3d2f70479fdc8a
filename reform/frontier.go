// The frontier of two levers: the combinations that just meet a target.

package reform

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// ServiceLever is the number of years added to every service requirement
// of a pension from Year on ([RetirementConditions] AddService), the years
// of service a full pension needs among them: x is that number, a whole
// number of years (negative lowers them).
type ServiceLever struct {
	Year   int           // calendar year it takes effect (the first step), on 1 January
	Groups []string      // base group names; nil: every group
	Who    Who           // members reached; zero: everyone
	Sex    actuarial.Sex // SexUnknown: both
	Every  int           // phase-in: a year every Every years; 0: at once
}

func (l ServiceLever) String() string {
	return fmt.Sprintf("the years added to the service requirements from %d", l.Year)
}

// Change returns the RetirementConditions adding x years of service.
func (l ServiceLever) Change(x float64) Change {
	return RetirementConditions{Year: l.Year, Groups: l.Groups, Who: l.Who, Sex: l.Sex,
		AddService: int(math.Round(x)), Every: l.Every}
}

// Integer is true.
func (ServiceLever) Integer() bool { return true }

// Improves is true: longer service, later and fewer pensions.
func (ServiceLever) Improves() bool { return true }

// FrontierProblem is what [SolveFrontier] solves: for each value of the
// Grid lever, the value of Lever in [Lo, Hi] that just meets the target.
type FrontierProblem struct {
	Target Target // the target; required
	// Lever is solved at each grid point, in [Lo, Hi] (as [Problem]).
	Lever  Lever
	Lo, Hi float64
	// Grid is the other lever, set to each of Values in turn (whole values
	// for an Integer lever); at least one value, each finite. A value
	// equal to the rule in force leaves the rule alone.
	Grid   Lever
	Values []float64
	// With are measures applied before both levers' changes; nil: none.
	With []Change
	// Tolerance is as [Problem] Tolerance; 0: DefaultTolerance.
	Tolerance float64
}

// FrontierPoint is one point of a frontier.
type FrontierPoint struct {
	Grid float64 // the grid lever's value
	// Solution is the solved lever's value and its scenario; nil when no
	// value in [Lo, Hi] meets the target at this grid value (NoSolution
	// says by how much).
	Solution   *Solution
	NoSolution *NoSolutionError
}

// Frontier is the set of combinations of two levers that just meet a
// target: along the grid lever's values, the solved lever's least value
// meeting it (greatest for a lever that does not Improve). Combinations on
// the side of the frontier away from the target's misses meet it too, the
// objective being monotone in each lever.
type Frontier struct {
	Target        string // the target's description
	Lever, Grid   string // the levers' descriptions
	Lo, Hi        float64
	Points        []FrontierPoint // one per grid value, in the order given
	Runs          int             // projections run
	LeverImproves bool            // whether a higher solved value is more sustainable
}

// SolveFrontier computes the frontier of fp's two levers: at each grid
// value the problem {Lever, Target, Lo, Hi} of [SolveContext], with the
// measures With and the grid lever's change applied first. The ends of
// every grid point's range are projected in one parallel batch (Options
// Workers), then the grid points are searched in parallel, each by Brent's
// method or bisection as [Solve] does. A grid value at which no value in
// [Lo, Hi] meets the target is a point without a Solution, not an error.
// ctx is checked before each projection; its error ends the computation.
func SolveFrontier(ctx context.Context, base *scheme.Scheme, fp FrontierProblem, opt Options) (*Frontier, error) {
	if base == nil {
		panic("reform: SolveFrontier of a nil scheme")
	}
	if err := opt.validate(base.StartYear); err != nil {
		return nil, err
	}
	p := Problem{Lever: fp.Lever, Target: fp.Target, Lo: fp.Lo, Hi: fp.Hi, Tolerance: fp.Tolerance}
	if err := p.validate(base.StartYear, opt.horizonYears()); err != nil {
		return nil, err
	}
	switch {
	case fp.Grid == nil:
		return nil, fmt.Errorf("%w: FrontierProblem.Grid is nil", ErrOptions)
	case len(fp.Values) == 0:
		return nil, fmt.Errorf("%w: FrontierProblem.Values is empty", ErrOptions)
	}
	for i, v := range fp.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) || (fp.Grid.Integer() && v != math.Trunc(v)) {
			return nil, fmt.Errorf("%w: FrontierProblem.Values[%d] %g: want a finite value (whole for %v)", ErrOptions, i, v, fp.Grid)
		}
	}
	tol := p.Tolerance
	if tol == 0 {
		tol = DefaultTolerance
	}

	// A solver per grid value; the ends of all their ranges in one batch.
	svs := make([]*solver, len(fp.Values))
	var ends []scenario
	for i, g := range fp.Values {
		q := p
		q.With, _ = effective(base, fp.With, fp.Grid.Change(g))
		svs[i] = &solver{ctx: ctx, base: base, p: q, opt: opt, seen: make(map[float64]evaluation)}
		sc, err := svs[i].scenarios(p.Lo, p.Hi)
		if err != nil {
			return nil, fmt.Errorf("reform: frontier at %v = %g: %w", fp.Grid, g, err)
		}
		ends = append(ends, sc...)
	}
	outs, ms, err := runScenariosContext(ctx, ends, &opt)
	if err != nil {
		return nil, err
	}
	fs := make([][2]float64, len(svs))
	for i, sv := range svs {
		for k, x := range [2]float64{p.Lo, p.Hi} {
			o, m := outs[2*i+k], ms[2*i+k]
			fs[i][k] = p.Target.objective(&o)
			sv.seen[x] = evaluation{fs[i][k], o, m}
		}
		sv.runs = 2
	}

	// The searches, a grid point per worker.
	f := &Frontier{Target: p.Target.String(), Lever: p.Lever.String(), Grid: fp.Grid.String(), Lo: p.Lo, Hi: p.Hi,
		Points: make([]FrontierPoint, len(svs)), LeverImproves: p.Lever.Improves()}
	errs := make([]error, len(svs))
	projection.ForEach(ctx, len(svs), opt.Workers, func(_ *projection.Projector, i int) {
		sol, err := svs[i].solve(fs[i][0], fs[i][1], tol)
		pt := FrontierPoint{Grid: fp.Values[i], Solution: sol}
		var ns *NoSolutionError
		if errors.As(err, &ns) {
			pt.NoSolution, err = ns, nil
		}
		f.Points[i], errs[i] = pt, err
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("reform: frontier at %v = %g: %w", fp.Grid, fp.Values[i], err)
		}
		f.Runs += svs[i].runs
	}
	return f, nil
}
