// Solving with several levers: the package of measures that meets a target
// at the least weighted change.

package reform

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/root"
	"gonum.org/v1/gonum/optimize"
)

// DefaultPackageConvergence is the relative change of the cost under which
// [SolvePackage] stops, when [PackageProblem] Convergence is 0: the
// optimiser ends once its best cost has improved by less than this,
// relatively, over [PackageStallIterations] iterations.
const DefaultPackageConvergence = 1e-6

// PackageStallIterations is the number of iterations without a significant
// improvement after which [SolvePackage] stops (the Iterations of gonum's
// [optimize.FunctionConverge]).
const PackageStallIterations = 8

// DefaultPackageEvaluations bounds the directions [SolvePackage] tries
// when [PackageProblem] MaxEvaluations is 0.
const DefaultPackageEvaluations = 200

// PackageLever is one measure of a package: a lever, the value it moves
// from, its bounds and the cost of moving it.
type PackageLever struct {
	Lever Lever // a continuous lever (Integer false); required
	// From is the value in force, where the move starts, in [Lo, Hi].
	From float64
	// Lo and Hi bound the values tried, Lo < Hi.
	Lo, Hi float64
	// Weight is the cost of moving the lever, > 0, per square unit of the
	// lever: moving it from From to x costs Weight·(x − From)².
	Weight float64
}

// PackageProblem is what [SolvePackage] solves: the values of several
// levers, each in its bounds, that meet the target at the least total cost
// Σ Weight·(x − From)².
type PackageProblem struct {
	Target Target         // the target; required
	Levers []PackageLever // at least one
	// With are measures applied before the levers' changes; nil: none.
	With []Change
	// Convergence is the relative change of the cost under which the
	// search stops, > 0; 0: DefaultPackageConvergence.
	Convergence float64
	// MaxEvaluations bounds the directions tried, ≥ 0; 0:
	// DefaultPackageEvaluations.
	MaxEvaluations int
}

// PackageSolution is the package of least weighted change that meets a
// target, and how the search converged.
type PackageSolution struct {
	// Values are the levers' values, in the order of the problem's Levers.
	Values []float64
	// Cost is Σ Weight·(Value − From)².
	Cost float64
	// Objective is the target's objective at Values, ≥ 0.
	Objective float64
	Outcome   Outcome // the scenario at Values
	Metrics   Metrics // its metrics
	// Status is the optimiser's termination status
	// (optimize.FunctionConvergence when the cost stopped improving;
	// optimize.FunctionEvaluationLimit when MaxEvaluations ran out); a
	// package already met at From, or with one lever, needs no optimiser
	// and reports optimize.Success.
	Status optimize.Status
	// Evaluations are the directions tried, and Iterations the
	// optimiser's major iterations.
	Evaluations, Iterations int
	Runs                    int // projections run
}

// SolvePackage finds the values of the problem's levers, each in its
// bounds, that meet its target at the least weighted change
// Σ Weight·(x − From)² — for example how much of a balancing effort to put
// on the contribution rate and how much on the accrual table, given what a
// point of each costs politically.
//
// The method, taking the target's objective as monotone in each lever (as
// [Solve] does): each lever moves from From only in the direction that
// Improves the scheme. In coordinates v_i = √Weight_i·|x_i − From_i| the
// cost is |v|², so along a direction d of the positive orthant (|d| = 1)
// the cheapest package is the first point τ·d that meets the target, found
// by Brent's method on τ (as [Solve] finds a lever's value), and costs τ².
// Gonum's [optimize.NelderMead] minimises that cost over the directions,
// parametrised by n−1 spherical angles; a direction along which the bounds
// stop the levers before the target is met costs more than any that meets
// it, the more the further it misses. The result is the best package
// found, whose projection meets the target; convergence is reported by the
// optimiser's status and counts. The search is local: with a non-convex
// frontier it may stop at a local optimum.
//
// Before searching, the package at From and the package with every lever
// at its improving bound are projected in parallel: the first meeting the
// target is the solution (cost 0); the second missing it is a
// [*NoSolutionError]: its Lever names every lever, and its Lo = 0 and
// Hi = 1 stand for the package at From and the package at the bounds, AtLo
// and AtHi being their objectives. ctx is checked before each
// projection and its error returned. Bad problem fields wrap [ErrOptions].
func SolvePackage(ctx context.Context, base *scheme.Scheme, pp PackageProblem, opt Options) (*PackageSolution, error) {
	if base == nil {
		panic("reform: SolvePackage of a nil scheme")
	}
	if err := opt.validate(base.StartYear); err != nil {
		return nil, err
	}
	if err := pp.validate(base.StartYear, opt.horizonYears()); err != nil {
		return nil, err
	}
	ps := &packageSolver{ctx: ctx, base: base, pp: pp, opt: opt, seen: make(map[string]evaluation), conv: pp.Convergence}
	if ps.conv == 0 {
		ps.conv = DefaultPackageConvergence
	}
	n := len(pp.Levers)
	ps.sign = make([]float64, n)
	ps.room = make([]float64, n) // the furthest each lever moves, in v
	for i, l := range pp.Levers {
		ps.sign[i] = 1
		ps.room[i] = l.Hi - l.From
		if !l.Lever.Improves() {
			ps.sign[i] = -1
			ps.room[i] = l.From - l.Lo
		}
		ps.room[i] *= math.Sqrt(l.Weight)
	}

	// The package at From and at the bounds, in parallel.
	from := make([]float64, n)
	far := make([]float64, n)
	for i, l := range pp.Levers {
		from[i] = l.From
		far[i] = l.From + ps.sign[i]*ps.room[i]/math.Sqrt(l.Weight)
	}
	var scens []scenario
	for _, x := range [][]float64{from, far} {
		s, err := ps.scheme(x)
		if err != nil {
			return nil, err
		}
		scens = append(scens, scenario{name: ps.name(x), scheme: s})
	}
	outs, ms, err := runScenariosContext(ctx, scens, &opt)
	if err != nil {
		return nil, err
	}
	ps.runs = 2
	for k, x := range [][]float64{from, far} {
		ps.seen[key(x)] = evaluation{pp.Target.objective(&outs[k]), outs[k], ms[k]}
	}
	f0, fFar := ps.seen[key(from)].f, ps.seen[key(far)].f
	ps.f0 = f0
	switch {
	case f0 >= 0:
		return ps.solution(from, optimize.Success, 0, 0), nil
	case fFar < 0:
		names := make([]string, n)
		for i, l := range pp.Levers {
			names[i] = l.Lever.String()
		}
		return nil, &NoSolutionError{Lever: strings.Join(names, " and "), Target: pp.Target.String(),
			Objective: pp.Target.objectiveName(), Lo: 0, Hi: 1, AtLo: f0, AtHi: fFar}
	}

	if n == 1 {
		if _, err := ps.along([]float64{1}); err != nil {
			return nil, err
		}
		return ps.solution(ps.best, optimize.Success, 1, 0), nil
	}
	// Start from the direction that moves every lever to the same share
	// of its room: d ∝ room.
	theta := angles(ps.room)
	var evalErr error
	problem := optimize.Problem{
		Func: func(th []float64) float64 {
			if evalErr != nil {
				return math.NaN()
			}
			c, err := ps.along(direction(th, make([]float64, n)))
			if err != nil {
				evalErr = err
				return math.NaN()
			}
			return c
		},
		Status: func() (optimize.Status, error) {
			if evalErr != nil {
				return optimize.Failure, evalErr
			}
			return optimize.NotTerminated, nil
		},
	}
	maxEval := pp.MaxEvaluations
	if maxEval == 0 {
		maxEval = DefaultPackageEvaluations
	}
	settings := &optimize.Settings{
		Converger:       &optimize.FunctionConverge{Relative: ps.conv, Iterations: PackageStallIterations},
		FuncEvaluations: maxEval,
	}
	res, err := optimize.Minimize(problem, theta, settings, &optimize.NelderMead{})
	if evalErr != nil {
		return nil, evalErr
	}
	if res == nil {
		return nil, fmt.Errorf("reform: SolvePackage: %w", err)
	}
	if ps.best == nil {
		return nil, fmt.Errorf("reform: SolvePackage: no direction tried met the target (%v)", res.Status)
	}
	return ps.solution(ps.best, res.Status, res.FuncEvaluations, res.MajorIterations), nil
}

// validate checks the problem's fields.
func (pp *PackageProblem) validate(startYear, years int) error {
	if len(pp.Levers) == 0 {
		return fmt.Errorf("%w: PackageProblem.Levers is empty", ErrOptions)
	}
	for i, l := range pp.Levers {
		switch {
		case l.Lever == nil:
			return fmt.Errorf("%w: PackageProblem.Levers[%d].Lever is nil", ErrOptions, i)
		case l.Lever.Integer():
			return fmt.Errorf("%w: PackageProblem.Levers[%d]: %v takes whole values (solve it along a frontier's grid)", ErrOptions, i, l.Lever)
		case !finite(l.Lo) || !finite(l.Hi) || !(l.Lo < l.Hi):
			return fmt.Errorf("%w: PackageProblem.Levers[%d] range [%g, %g]: want finite Lo < Hi", ErrOptions, i, l.Lo, l.Hi)
		case !(l.From >= l.Lo && l.From <= l.Hi):
			return fmt.Errorf("%w: PackageProblem.Levers[%d].From %g outside [%g, %g]", ErrOptions, i, l.From, l.Lo, l.Hi)
		case !(l.Weight > 0) || math.IsInf(l.Weight, 0):
			return fmt.Errorf("%w: PackageProblem.Levers[%d].Weight %g: want a finite weight > 0", ErrOptions, i, l.Weight)
		}
	}
	switch {
	case !(pp.Convergence >= 0) || pp.Convergence >= 1:
		return fmt.Errorf("%w: PackageProblem.Convergence %g: want 0 ≤ it < 1", ErrOptions, pp.Convergence)
	case pp.MaxEvaluations < 0:
		return fmt.Errorf("%w: PackageProblem.MaxEvaluations %d is negative", ErrOptions, pp.MaxEvaluations)
	}
	return pp.Target.validate(startYear, years)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// packageSolver evaluates packages of a problem.
type packageSolver struct {
	ctx  context.Context
	base *scheme.Scheme
	pp   PackageProblem
	opt  Options
	sign []float64 // +1 for a lever that Improves, −1 otherwise
	room []float64 // how far each lever moves from From, in v = √Weight·|x − From|
	f0   float64   // the objective at From, < 0
	conv float64   // the relative convergence of the cost
	runs int
	seen map[string]evaluation
	best []float64 // the cheapest package found that meets the target; nil: none yet
	cost float64   // its cost
}

// key identifies a package's values.
func key(x []float64) string { return fmt.Sprint(x) }

func (ps *packageSolver) name(x []float64) string {
	var b strings.Builder
	for i, l := range ps.pp.Levers {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%v = %g", l.Lever, x[i])
	}
	return b.String()
}

// scheme returns base with the measures With and the levers' changes at
// x, leaving out a lever's change that sets the rule in force.
func (ps *packageSolver) scheme(x []float64) (*scheme.Scheme, error) {
	nw := len(ps.pp.With)
	changes := slices.Clone(ps.pp.With)
	for i, l := range ps.pp.Levers {
		changes = append(changes, l.Lever.Change(x[i]))
	}
	r := Reform{Name: ps.name(x), Changes: changes}
	for {
		s, err := r.Apply(ps.base)
		var ce *ChangeError
		if err == nil || !errors.Is(err, ErrNoEffect) || !errors.As(err, &ce) || ce.Index < nw || ce.Index >= len(r.Changes) {
			return s, err
		}
		r.Changes = slices.Delete(slices.Clone(r.Changes), ce.Index, ce.Index+1)
		if len(r.Changes) == 0 {
			return ps.base, nil
		}
	}
}

// eval projects the package x and returns the target's objective.
func (ps *packageSolver) eval(x []float64) (float64, error) {
	k := key(x)
	if e, ok := ps.seen[k]; ok {
		return e.f, nil
	}
	if err := ps.ctx.Err(); err != nil {
		return 0, fmt.Errorf("reform: solving a package: %w", err)
	}
	s, err := ps.scheme(x)
	if err != nil {
		return 0, err
	}
	os, ms, err := runScenariosContext(ps.ctx, []scenario{{name: ps.name(x), scheme: s}}, &ps.opt)
	if err != nil {
		return 0, err
	}
	o, m := os[0], ms[0]
	ps.runs++
	f := ps.pp.Target.objective(&o)
	ps.seen[k] = evaluation{f, o, m}
	return f, nil
}

// at returns the package at τ along the direction d (in v).
func (ps *packageSolver) at(tau float64, d []float64) []float64 {
	x := make([]float64, len(d))
	for i, l := range ps.pp.Levers {
		x[i] = l.From + ps.sign[i]*tau*d[i]/math.Sqrt(l.Weight)
		x[i] = math.Min(l.Hi, math.Max(l.Lo, x[i])) // rounding
	}
	return x
}

// along returns the cost of the first package along the direction d that
// meets the target: τ² for the least τ whose package meets it, narrowed to
// a tenth of the convergence criterion times the range of τ (the cost's
// relative error is then well within the criterion). When the bounds stop d short of the target it
// returns a cost greater than any package's, 2·|room|² less what is left
// of the shortfall's share.
func (ps *packageSolver) along(d []float64) (float64, error) {
	tauMax := math.Inf(1)
	var room2 float64
	for i, di := range d {
		room2 += ps.room[i] * ps.room[i]
		if di > 0 {
			tauMax = math.Min(tauMax, ps.room[i]/di)
		}
	}
	fMax, err := ps.eval(ps.at(tauMax, d))
	if err != nil {
		return 0, err
	}
	if fMax < 0 {
		// Infeasible: more than any feasible cost (≤ |room|²), growing as
		// the shortfall fMax/f0 at the bounds grows towards 1.
		return room2 * (1 + math.Min(1, fMax/ps.f0)), nil
	}
	f := func(tau float64) (float64, error) { return ps.eval(ps.at(tau, d)) }
	best, other, err := root.Brent(f, root.Point{X: 0, F: ps.f0}, root.Point{X: tauMax, F: fMax}, ps.conv*tauMax/10)
	if err != nil {
		return 0, err
	}
	if best.F < 0 {
		best = other
	}
	c := best.X * best.X
	if ps.best == nil || c < ps.cost {
		ps.best, ps.cost = ps.at(best.X, d), c
	}
	return c, nil
}

// solution returns the package x, projected already.
func (ps *packageSolver) solution(x []float64, st optimize.Status, evals, iters int) *PackageSolution {
	e := ps.seen[key(x)]
	var cost float64
	for i, l := range ps.pp.Levers {
		cost += l.Weight * (x[i] - l.From) * (x[i] - l.From)
	}
	return &PackageSolution{Values: x, Cost: cost, Objective: e.f, Outcome: e.o, Metrics: e.m,
		Status: st, Evaluations: evals, Iterations: iters, Runs: ps.runs}
}

// direction sets dst to the unit vector of the positive orthant with
// spherical angles th: d_1 = |cos θ_1|, d_2 = |sin θ_1 cos θ_2|, …,
// d_n = |sin θ_1 ⋯ sin θ_{n−1}|. The absolute values fold every angle
// into the orthant, so the optimiser needs no bounds.
func direction(th, dst []float64) []float64 {
	s := 1.0
	for i, a := range th {
		dst[i] = math.Abs(s * math.Cos(a))
		s *= math.Sin(a)
	}
	dst[len(th)] = math.Abs(s)
	return dst
}

// angles returns the spherical angles of the direction of v ≥ 0, the
// inverse of direction.
func angles(v []float64) []float64 {
	th := make([]float64, len(v)-1)
	for i := range th {
		var rest float64
		for _, w := range v[i+1:] {
			rest += w * w
		}
		th[i] = math.Atan2(math.Sqrt(rest), v[i])
	}
	return th
}
