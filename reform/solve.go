// Solving for the parameter that meets a sustainability target: targets,
// levers, and the search.

package reform

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/root"
)

// DefaultTolerance is the width, in the lever's units, to which [Solve]
// narrows a continuous lever's value when [Problem] Tolerance is 0: 1e-7 is
// a thousandth of a basis point of a contribution rate.
const DefaultTolerance = 1e-7

type targetKind int

const (
	targetNone targetKind = iota
	targetNoDepletion
	targetReserveRatio
	targetBalanced
	targetGAP
	targetSteadyRatio
)

// Target is a sustainability target, met when its objective — a number
// computed from a projected scenario — is ≥ 0. Build one with
// [NoDepletion], [ReserveRatioAtLeast], [Balanced], [GAPAtMost] or
// [SteadyReserveRatio]; the zero Target is invalid.
type Target struct {
	kind  targetKind
	year  int
	from  int // the earlier year of a steady reserve ratio
	value float64
}

// NoDepletion is met when the reserve at 31 December of every year up to
// and including the calendar year through is ≥ 0; its objective is the
// lowest of those reserves, in money.
func NoDepletion(through int) Target { return Target{kind: targetNoDepletion, year: through} }

// ReserveRatioAtLeast is met when the reserve ratio (the reserve at
// 31 December over the year's expenditure, the ILO's) is at least k in
// every year up to and including the calendar year through; its objective
// is the lowest reserve ratio of those years less k.
func ReserveRatioAtLeast(k float64, through int) Target {
	return Target{kind: targetReserveRatio, year: through, value: k}
}

// Balanced is met when the actuarial balance over the horizon is ≥ 0: the
// initial reserve and the present value of contributions and transfers pay
// for the present value of the expenditure (and the target reserve of
// Horizon.TargetRatio). Its objective is the actuarial balance. With
// contributions at a level rate c of the salary bill and no transfers the
// balance is c − GAP, so the contribution rate that balances the scheme is
// its general average premium.
func Balanced() Target { return Target{kind: targetBalanced} }

// GAPAtMost is met when the general average premium over the horizon is at
// most g; its objective is g − GAP. The GAP depends on benefits, not on
// contributions: solve a benefit lever (retirement age, accrual) for it.
func GAPAtMost(g float64) Target { return Target{kind: targetGAP, value: g} }

func (t Target) String() string {
	switch t.kind {
	case targetNoDepletion:
		return fmt.Sprintf("no depletion through %d", t.year)
	case targetReserveRatio:
		return fmt.Sprintf("reserve ratio ≥ %g through %d", t.value, t.year)
	case targetBalanced:
		return "actuarial balance ≥ 0"
	case targetGAP:
		return fmt.Sprintf("GAP ≤ %s", pct(t.value))
	case targetSteadyRatio:
		return fmt.Sprintf("reserve ratio in %d ≥ that in %d", t.year, t.from)
	}
	return "no target"
}

// objectiveName says what the objective measures.
func (t Target) objectiveName() string {
	switch t.kind {
	case targetNoDepletion:
		return fmt.Sprintf("the lowest reserve through %d", t.year)
	case targetReserveRatio:
		return fmt.Sprintf("the lowest reserve ratio through %d less %g", t.year, t.value)
	case targetBalanced:
		return "the actuarial balance"
	case targetSteadyRatio:
		return fmt.Sprintf("the reserve ratio in %d less that in %d", t.year, t.from)
	}
	return fmt.Sprintf("%g less the GAP", t.value)
}

// validate checks the target against the horizon's years.
func (t Target) validate(startYear, years int) error {
	switch t.kind {
	case targetNone:
		return fmt.Errorf("%w: no target (build one with NoDepletion, ReserveRatioAtLeast, Balanced or GAPAtMost)", ErrOptions)
	case targetNoDepletion, targetReserveRatio:
		if t.year < startYear || t.year >= startYear+years {
			return fmt.Errorf("%w: target %v: year outside the horizon %d–%d", ErrOptions, t, startYear, startYear+years-1)
		}
	case targetSteadyRatio:
		if t.from < startYear || t.year >= startYear+years || t.from >= t.year {
			return fmt.Errorf("%w: target %v: want %d ≤ the first year < the second ≤ %d", ErrOptions, t, startYear, startYear+years-1)
		}
	}
	if math.IsNaN(t.value) || math.IsInf(t.value, 0) {
		return fmt.Errorf("%w: target %v is not finite", ErrOptions, t)
	}
	return nil
}

// objective computes the target's objective on a scenario.
func (t Target) objective(o *Outcome) float64 {
	s := o.Summary
	switch t.kind {
	case targetNoDepletion:
		v := math.Inf(1)
		for _, y := range o.Result.Years[:t.year-s.StartYear+1] {
			v = math.Min(v, y.ReserveEnd)
		}
		return v
	case targetReserveRatio:
		return slices.Min(s.ReserveRatio[:t.year-s.StartYear+1]) - t.value
	case targetBalanced:
		return s.ActuarialBalance
	case targetSteadyRatio:
		return s.ReserveRatio[t.year-s.StartYear] - s.ReserveRatio[t.from-s.StartYear]
	}
	return t.value - s.GAP
}

// Lever is the parameter a solver moves: a value x becomes a [Change].
// Implement it to solve for any parameter a change can set; the values
// tried lie in the [Problem]'s range.
type Lever interface {
	fmt.Stringer
	// Change returns the measure that sets the parameter to x.
	Change(x float64) Change
	// Integer reports whether the parameter takes whole values only.
	Integer() bool
	// Improves reports whether a higher value makes the scheme more
	// sustainable (a contribution rate, a retirement age) rather than
	// less (an accrual rate). The target's objective is taken to be
	// monotone in the parameter, in this direction.
	Improves() bool
}

// ContributionLever is a payer's contribution rate from Year on, set at
// once: x is the rate, a fraction of salary.
type ContributionLever struct {
	Year   int          // calendar year the rate takes effect, on 1 January
	Groups []string     // base group names; nil: every group
	Who    Who          // members reached; zero: everyone
	Payer  scheme.Payer // who pays it
}

func (l ContributionLever) String() string {
	return fmt.Sprintf("the %v contribution rate from %d", l.Payer, l.Year)
}

// Change returns the ContributionRate of x.
func (l ContributionLever) Change(x float64) Change {
	return ContributionRate{Year: l.Year, Groups: l.Groups, Who: l.Who, Payer: l.Payer, Rate: x}
}

// Integer is false.
func (ContributionLever) Integer() bool { return false }

// Improves is true: more contributions, more reserve.
func (ContributionLever) Improves() bool { return true }

// RetirementAgeLever is the number of years added to every age requirement
// of a pension from Year on ([RetirementConditions] AddAge), phased in as
// its fields say: x is that number, a whole number of years.
type RetirementAgeLever struct {
	Year       int           // calendar year of the first step, on 1 January
	Groups     []string      // base group names; nil: every group
	Who        Who           // members reached; zero: everyone
	Sex        actuarial.Sex // SexUnknown: both
	Every      int           // phase-in: a year every Every years or cohorts; 0: at once
	Cohort     int           // 0: phase by calendar year; otherwise the first birth year raised
	Compulsory bool          // also move the compulsory age
}

func (l RetirementAgeLever) String() string {
	return fmt.Sprintf("the years added to the retirement ages from %d", l.Year)
}

// Change returns the RetirementConditions adding x years.
func (l RetirementAgeLever) Change(x float64) Change {
	return RetirementConditions{Year: l.Year, Groups: l.Groups, Who: l.Who, Sex: l.Sex,
		AddAge: int(math.Round(x)), Every: l.Every, Cohort: l.Cohort, Compulsory: l.Compulsory}
}

// Integer is true.
func (RetirementAgeLever) Integer() bool { return true }

// Improves is true: later retirement, lower cost.
func (RetirementAgeLever) Improves() bool { return true }

// AccrualLever scales the accrual table of retirement pensions in force
// from Year on: x is the factor (1 keeps the table, 0.9 pays 90% of it, 0
// pays nothing), as [AccrualTable] Share.
type AccrualLever struct {
	Year   int      // calendar year it takes effect, on 1 January
	Groups []string // base group names; nil: every group
	Who    Who      // members reached; zero: everyone
}

func (l AccrualLever) String() string {
	return fmt.Sprintf("the factor on the accrual table from %d", l.Year)
}

// Change returns the AccrualTable of factor x.
func (l AccrualLever) Change(x float64) Change {
	if x == 0 {
		return AccrualTable{Year: l.Year, Groups: l.Groups, Who: l.Who, Accrual: actuarial.Accrual{Rates: []float64{0}}}
	}
	return AccrualTable{Year: l.Year, Groups: l.Groups, Who: l.Who, Share: x}
}

// Integer is false.
func (AccrualLever) Integer() bool { return false }

// Improves is false: a higher accrual costs more.
func (AccrualLever) Improves() bool { return false }

// Problem is what [Solve] solves: the lever's value in [Lo, Hi] that meets
// the target, with the measures With applied first.
type Problem struct {
	Lever  Lever  // the parameter; required
	Target Target // the target; required
	// Lo and Hi bound the values tried, Lo < Hi; whole numbers for an
	// Integer lever.
	Lo, Hi float64
	// With are measures applied before the lever's change (the rest of a
	// reform package); nil: none.
	With []Change
	// Tolerance is the width to which a continuous lever's value is
	// narrowed, > 0; 0: DefaultTolerance.
	Tolerance float64
}

// Solution is the value of a lever that meets a target.
type Solution struct {
	// Value is the lever's value: the least that meets the target for a
	// lever that Improves, the greatest otherwise; within Tolerance for a
	// continuous lever, exact for an integer one.
	Value float64
	// Missed is the nearest value tried that misses the target, across
	// the boundary from Value (Value − 1 or + 1 for an integer lever, at
	// most about Tolerance away for a continuous one); it equals Value
	// when the end of the range already meets the target.
	Missed float64
	// Objective is the target's objective at Value, ≥ 0.
	Objective float64
	Outcome   Outcome // the scenario at Value
	Metrics   Metrics // its metrics
	Runs      int     // the projections the search ran
}

// Solve finds the value of the problem's lever in [Lo, Hi] that just meets
// its target: for a lever that Improves, the least value whose scenario
// meets it; otherwise the greatest. The objective is taken to be monotone
// in the lever (more contributions never lower the reserve, say). A
// continuous lever is solved by Brent's method on the objective (see
// [DefaultTolerance]), an integer lever by bisection over the integers;
// every value tried is a projection of base with the measures With and the
// lever's change (a value equal to the rule in force is the scheme without
// the change). The ends of the range are projected in parallel
// (Options.Workers).
//
// When no value in the range meets the target, the error is a
// [*NoSolutionError] (wrapping [ErrNoSolution]) with the objective at both
// ends. Bad problem fields wrap [ErrOptions]; errors of the changes are
// [*ChangeError]s.
func Solve(base *scheme.Scheme, p Problem, opt Options) (*Solution, error) {
	return SolveContext(context.Background(), base, p, opt)
}

// SolveContext is [Solve] under a context: ctx is checked before each
// projection, and its error (wrapped) ends the search.
func SolveContext(ctx context.Context, base *scheme.Scheme, p Problem, opt Options) (*Solution, error) {
	if base == nil {
		panic("reform: Solve of a nil scheme")
	}
	if err := opt.validate(base.StartYear); err != nil {
		return nil, err
	}
	if err := p.validate(base.StartYear, opt.horizonYears()); err != nil {
		return nil, err
	}
	tol := p.Tolerance
	if tol == 0 {
		tol = DefaultTolerance
	}
	sv := &solver{ctx: ctx, base: base, p: p, opt: opt, seen: make(map[float64]evaluation)}

	// The ends, in parallel.
	ends, err := sv.scenarios(p.Lo, p.Hi)
	if err != nil {
		return nil, err
	}
	outs, ms, err := runScenariosContext(ctx, ends, &opt)
	if err != nil {
		return nil, err
	}
	sv.runs += 2
	fLo, fHi := p.Target.objective(&outs[0]), p.Target.objective(&outs[1])
	sv.seen[p.Lo] = evaluation{fLo, outs[0], ms[0]}
	sv.seen[p.Hi] = evaluation{fHi, outs[1], ms[1]}
	return sv.solve(fLo, fHi, tol)
}

// solve searches the problem's range, given the objective at its ends
// (projected already, in sv.seen).
func (sv *solver) solve(fLo, fHi, tol float64) (*Solution, error) {
	p := sv.p
	outs := [2]Outcome{sv.seen[p.Lo].o, sv.seen[p.Hi].o}
	ms := [2]Metrics{sv.seen[p.Lo].m, sv.seen[p.Hi].m}
	improves := p.Lever.Improves()
	good, bad := 1, 0 // the end that meets the target when the other does not
	if !improves {
		good, bad = 0, 1
	}
	ends2 := [2]float64{p.Lo, p.Hi}
	fs := [2]float64{fLo, fHi}
	switch {
	case fs[bad] >= 0: // the whole range meets it: the cheapest end
		return sv.solution(ends2[bad], ends2[bad], fs[bad], outs[bad], ms[bad]), nil
	case fs[good] < 0:
		return nil, &NoSolutionError{Lever: p.Lever.String(), Target: p.Target.String(), Objective: p.Target.objectiveName(),
			Lo: p.Lo, Hi: p.Hi, AtLo: fLo, AtHi: fHi}
	}

	if p.Lever.Integer() {
		n, miss, err := root.BisectInts(func(n int) (bool, error) {
			f, _, _, err := sv.eval(float64(n))
			return f >= 0, err
		}, int(p.Lo), int(p.Hi), improves)
		if err != nil {
			return nil, err
		}
		return sv.final(float64(n), float64(miss))
	}
	best, other, err := root.Brent(func(x float64) (float64, error) {
		f, _, _, err := sv.eval(x)
		return f, err
	}, root.Point{X: p.Lo, F: fLo}, root.Point{X: p.Hi, F: fHi}, tol)
	if err != nil {
		return nil, err
	}
	if best.F < 0 {
		best, other = other, best
	}
	return sv.final(best.X, other.X)
}

// validate checks the problem's fields.
func (p *Problem) validate(startYear, years int) error {
	switch {
	case p.Lever == nil:
		return fmt.Errorf("%w: Problem.Lever is nil", ErrOptions)
	case math.IsNaN(p.Lo) || math.IsNaN(p.Hi) || math.IsInf(p.Lo, 0) || math.IsInf(p.Hi, 0) || !(p.Lo < p.Hi):
		return fmt.Errorf("%w: Problem range [%g, %g]: want finite Lo < Hi", ErrOptions, p.Lo, p.Hi)
	case p.Lever.Integer() && (p.Lo != math.Trunc(p.Lo) || p.Hi != math.Trunc(p.Hi)):
		return fmt.Errorf("%w: Problem range [%g, %g]: %v takes whole values", ErrOptions, p.Lo, p.Hi, p.Lever)
	case !(p.Tolerance >= 0) || math.IsInf(p.Tolerance, 0):
		return fmt.Errorf("%w: Problem.Tolerance %g", ErrOptions, p.Tolerance)
	}
	return p.Target.validate(startYear, years)
}

// solver evaluates a problem's lever.
type solver struct {
	ctx  context.Context
	base *scheme.Scheme
	p    Problem
	opt  Options
	runs int
	seen map[float64]evaluation // the values projected so far
}

// evaluation is a projected lever value.
type evaluation struct {
	f float64
	o Outcome
	m Metrics
}

// scheme returns the scheme at lever value x: base with With and the
// lever's change, or without the latter when it would change nothing.
func (sv *solver) scheme(x float64) (*scheme.Scheme, error) {
	r := Reform{Name: fmt.Sprintf("%v = %g", sv.p.Lever, x), Changes: append(slices.Clone(sv.p.With), sv.p.Lever.Change(x))}
	s, err := r.Apply(sv.base)
	var ce *ChangeError
	if err != nil && errors.Is(err, ErrNoEffect) && errors.As(err, &ce) && ce.Index == len(sv.p.With) {
		// The lever's value is the rule in force.
		if len(sv.p.With) == 0 {
			return sv.base, nil
		}
		return r.apply(sv.base, len(sv.p.With))
	}
	return s, err
}

// scenarios returns the scenarios at the lever values xs.
func (sv *solver) scenarios(xs ...float64) ([]scenario, error) {
	var sc []scenario
	for _, x := range xs {
		s, err := sv.scheme(x)
		if err != nil {
			return nil, err
		}
		sc = append(sc, scenario{name: fmt.Sprintf("%v = %g", sv.p.Lever, x), scheme: s})
	}
	return sc, nil
}

// eval projects the scheme at x and returns the target's objective.
func (sv *solver) eval(x float64) (float64, Outcome, Metrics, error) {
	if e, ok := sv.seen[x]; ok {
		return e.f, e.o, e.m, nil
	}
	if err := sv.ctx.Err(); err != nil {
		return 0, Outcome{}, Metrics{}, fmt.Errorf("reform: solving %v: %w", sv.p.Lever, err)
	}
	sc, err := sv.scenarios(x)
	if err != nil {
		return 0, Outcome{}, Metrics{}, err
	}
	os, ms, err := runScenarios(sc[:1], &sv.opt)
	if err != nil {
		return 0, Outcome{}, Metrics{}, err
	}
	o, m := os[0], ms[0]
	sv.runs++
	f := sv.p.Target.objective(&o)
	sv.seen[x] = evaluation{f, o, m}
	return f, o, m, nil
}

// final returns the solution at x (projected already, or now).
func (sv *solver) final(x, miss float64) (*Solution, error) {
	f, o, m, err := sv.eval(x)
	if err != nil {
		return nil, err
	}
	return sv.solution(x, miss, f, o, m), nil
}

func (sv *solver) solution(x, miss, f float64, o Outcome, m Metrics) *Solution {
	return &Solution{Value: x, Missed: miss, Objective: f, Outcome: o, Metrics: m, Runs: sv.runs}
}

// SolveContributionRate finds the least rate of the lever's payer, in
// [lo, hi], that meets the target — [Solve] with a [ContributionLever].
// For [Balanced], with contributions on the whole salary bill from the
// start year and no transfers, the total rate it leads to is the scheme's
// GAP.
func SolveContributionRate(base *scheme.Scheme, lever ContributionLever, target Target, lo, hi float64, opt Options) (*Solution, error) {
	return Solve(base, Problem{Lever: lever, Target: target, Lo: lo, Hi: hi}, opt)
}
