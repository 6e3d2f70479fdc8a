// Running a study file: its scenarios and reforms compared, its reforms
// attributed and its problems solved.

package reform

import (
	"context"
	"fmt"
	"slices"
)

// StudyResults are the results of a study: the comparison of its
// scenarios and reforms, the attributions and the solutions its options
// ask for.
type StudyResults struct {
	// Comparison holds the study's scenarios in order, then its reforms
	// applied to the base (the first scenario), each named after its
	// scenario or reform; Deltas are each one's difference from the base.
	Comparison   *Comparison
	Attributions []*Attribution  // one for each name of Options.Attribute, in order
	Solutions    []StudySolution // one for each problem of Options.Solve, in order
}

// StudySolution is the solution of a study's problem.
type StudySolution struct {
	Name     string
	Problem  Problem
	Solution *Solution
}

// RunStudy runs a study: it projects every scenario and every reform
// applied to the base over the study's Years (DefaultYears when 0), in
// parallel on up to workers goroutines (0: one per processor), then the
// attributions and the problems its options name. progress, when not
// nil, is called as in [Options] Progress as each scenario and reform of
// the comparison finishes (done of the comparison's total); the
// attributions and solutions that follow do not report. Once ctx is done
// no further scenario, attribution or problem starts, and RunStudy
// returns ctx.Err().
func RunStudy(ctx context.Context, st *Study, workers int, progress func(done, total int)) (*StudyResults, error) {
	opt := st.Options.Options(st.Years)
	opt.Workers = workers
	base := st.Base()
	if err := opt.validate(base.StartYear); err != nil {
		return nil, err
	}
	var scens []scenario
	for _, sc := range st.Scenarios {
		scens = append(scens, scenario{name: sc.Name, scheme: sc.Scheme})
	}
	for _, r := range st.Reforms {
		s, err := r.Apply(base)
		if err != nil {
			return nil, err
		}
		scens = append(scens, scenario{name: r.Name, scheme: s})
	}
	opt.Progress = progress
	outs, ms, err := runScenariosContext(ctx, scens, &opt)
	if err != nil {
		return nil, err
	}
	opt.Progress = nil
	c := &Comparison{Outcomes: outs, Metrics: ms, ReserveRatioYears: slices.Clone(opt.ReserveRatioYears)}
	for _, m := range ms[1:] {
		c.Deltas = append(c.Deltas, m.Sub(ms[0]))
	}
	res := &StudyResults{Comparison: c}
	for _, name := range st.Options.Attribute {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		i := slices.IndexFunc(st.Reforms, func(r Reform) bool { return r.Name == name })
		if i < 0 {
			return nil, fmt.Errorf("%w: attribute %q: the study has no such reform", ErrOptions, name)
		}
		a, err := Attribute(base, st.Reforms[i], opt)
		if err != nil {
			return nil, err
		}
		res.Attributions = append(res.Attributions, a)
	}
	for _, p := range st.Options.Solve {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sol, err := Solve(base, p.Problem, opt)
		if err != nil {
			return nil, fmt.Errorf("reform: problem %q: %w", p.Name, err)
		}
		res.Solutions = append(res.Solutions, StudySolution{Name: p.Name, Problem: p.Problem, Solution: sol})
	}
	return res, nil
}
