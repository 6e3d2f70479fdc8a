// The stochastic projection: scenarios of a scheme run in parallel, each
// reduced to its summary values.

package stochastic

import (
	"context"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/hugepage"
)

// Config says which scenarios to run and over which years. The zero value
// is not runnable: Years and Scenarios are required.
type Config struct {
	// Years is the number of years projected from the scheme's StartYear,
	// > 0; the by-year measures cover them.
	Years int
	// First is the index of the first scenario run, ≥ 0: a shard runs
	// scenarios [First, First+Scenarios). 0: from the first scenario.
	First int
	// Scenarios is the number of scenarios run, > 0.
	Scenarios int
	// Workers is the number of goroutines; 0: runtime.GOMAXPROCS(0). The
	// outcomes do not depend on it.
	Workers int
	// Horizon is the basis of the GAP and of the deficit's present value:
	// its Years (0: every projected year), Timing, TargetRatio and Floor.
	// Its Curve must be nil: each scenario is discounted at its own
	// returns. The zero Horizon covers every projected year, mid-year
	// flows, no target reserve and a floor of 0.
	Horizon indicator.Horizon
	// Mortality, when not nil, draws each scenario's mortality too (see
	// [LeeCarterMortality], [ImprovementShock]), so that a scenario
	// carries economic and mortality paths; nil, or a nil model pointer:
	// the scheme's own mortality in every scenario.
	Mortality MortalityModel
}

// model returns c.Mortality, or nil when it holds a nil model pointer: a
// nil *LeeCarterMortality said "no mortality scenarios" when the field had
// that type, and still does.
func (c *Config) model() MortalityModel {
	switch m := c.Mortality.(type) {
	case *LeeCarterMortality:
		if m == nil {
			return nil
		}
	case *ImprovementShock:
		if m == nil {
			return nil
		}
	}
	return c.Mortality
}

func (c *Config) validate() error {
	switch {
	case c.Years <= 0:
		return paramErr("Config.Years", c.Years, "want > 0")
	case c.First < 0:
		return paramErr("Config.First", c.First, "want ≥ 0")
	case c.Scenarios <= 0:
		return paramErr("Config.Scenarios", c.Scenarios, "want > 0")
	case c.Horizon.Curve != nil:
		return paramErr("Config.Horizon.Curve", c.Horizon.Curve, "must be nil: scenarios are discounted at their own returns")
	case c.Horizon.Years < 0 || c.Horizon.Years > c.Years:
		return paramErr("Config.Horizon.Years", c.Horizon.Years, fmt.Sprintf("want 0..%d", c.Years))
	}
	if m := c.model(); m != nil {
		return m.Validate()
	}
	return nil
}

// Outcomes are the summary values of each scenario of a run, in scenario
// order: the by-year series of scenario First+k at [k·Years + t], year t
// being calendar year StartYear + t. A ratio whose denominator is 0 in a
// year (a reserve ratio without expenditure, a cost rate without salaries)
// is NaN there, and so is a GAP without salaries: measures of such values
// return an [*UndefinedError]. Build them with [Run]; join shards with
// [Merge].
type Outcomes struct {
	StartYear    int // calendar year of t = 0
	Years        int // years of the by-year series
	HorizonYears int // the years the GAP and the deficit cover
	First        int // index of the first scenario

	Reserve          []float64 // reserve at 31 December
	ReserveRatio     []float64 // reserve at 31 December over the year's benefits and administration costs
	CostRate         []float64 // PAYG cost rate: benefits and administration costs over the insurable salary bill (the contribution base, YearResult.ContributionBase)
	DeficitTransfers []float64 // the state's transfers that keep the reserve at or above the horizon's floor (indicator.DeficitTransfers), 0 after the horizon

	Depletion []int     // by scenario: the calendar year the reserve is exhausted, 0 if not within Years
	GAP       []float64 // by scenario: general average premium over the horizon, at the scenario's returns
	DeficitPV []float64 // by scenario: present value at t = 0 of DeficitTransfers, at the scenario's returns
}

// Len is the number of scenarios.
func (o *Outcomes) Len() int { return len(o.Depletion) }

// regime is what a worker keeps for one scheme of a run.
type regime struct {
	s     scheme.Scheme // the scheme with this worker's economic schedules
	proj  *projection.Projector
	res   *projection.Result
	sched [3]actuarial.Schedule
	flows indicator.Flows
	def   []float64
	curve actuarial.Curve // the scenario's returns' curve, for the measures
}

// worker holds what one goroutine reuses across its scenarios.
type worker struct {
	path    Path
	joint   jointScratch    // a Joint generator's factor and buffers
	mort    mortalityDrawer // nil: the schemes' own mortality
	regimes []regime
}

func newWorker(schemes []*scheme.Scheme, series Series, c *Config) (*worker, error) {
	years := c.Years
	w := &worker{regimes: make([]regime, len(schemes))}
	for k, dst := range []*[]float64{&w.path.Return, &w.path.WageGrowth, &w.path.Inflation} {
		if series&(1<<k) != 0 {
			*dst = make([]float64, years)
		}
	}
	if m := c.model(); m != nil {
		d, err := m.drawer(schemes[0].StartYear, schemes[0].StartYear+years-1)
		if err != nil {
			return nil, err
		}
		w.mort = d
	}
	for r, s := range schemes {
		rg := &w.regimes[r]
		rg.s = *s
		as := &rg.s.Assumptions
		for k := range 3 {
			if series&(1<<k) == 0 {
				continue
			}
			sc := make(actuarial.Schedule, years)
			for t := range sc {
				sc[t].Year = s.StartYear + t
			}
			rg.sched[k] = sc
			switch k {
			case 0:
				as.Return = sc
			case 1:
				as.WageGrowth = sc
			case 2:
				as.Inflation = sc
			}
		}
		if w.mort != nil {
			w.mort.attach(&rg.s)
		}
		// Any valid rate will do for validation; the paths replace them.
		p, err := projection.NewProjector(&rg.s)
		if err != nil {
			if len(schemes) > 1 {
				err = fmt.Errorf("stochastic: regime %d: %w", r, err)
			}
			return nil, err
		}
		rg.proj = p
		rg.def = make([]float64, years)
	}
	return w, nil
}

// scenario draws scenario i and projects it under every regime r into
// outs[r] at slot k.
func (w *worker) scenario(g Generator, i, k int, c *Config, outs []*Outcomes) error {
	var err error
	switch j := g.(type) {
	case Joint:
		err = j.path(&w.path, i, &w.joint)
	case *Joint:
		err = j.path(&w.path, i, &w.joint)
	default:
		err = g.Path(&w.path, i)
	}
	if err != nil {
		return err
	}
	for j, src := range [][]float64{w.path.Return, w.path.WageGrowth, w.path.Inflation} {
		for t, v := range src {
			if !(v > -1) || math.IsInf(v, 0) {
				return fmt.Errorf("%s of year %d = %v: %w: want a finite rate above −1", [3]string{"return", "wage growth", "inflation"}[j], w.regimes[0].s.StartYear+t, v, ErrParameter)
			}
		}
	}
	if w.mort != nil {
		w.mort.draw(i)
	}
	for r := range w.regimes {
		if err := w.regimes[r].project(&w.path, k, c, outs[r]); err != nil {
			if len(w.regimes) > 1 {
				err = fmt.Errorf("regime %d: %w", r, err)
			}
			return err
		}
	}
	return nil
}

// project runs the regime on path and writes its summary into out at slot
// k.
func (rg *regime) project(path *Path, k int, c *Config, out *Outcomes) error {
	for j, src := range [][]float64{path.Return, path.WageGrowth, path.Inflation} {
		sc := rg.sched[j]
		for t, v := range src {
			sc[t].Value = v
		}
	}
	res, err := rg.proj.Run(rg.res, c.Years)
	if err != nil {
		return err
	}
	rg.res = res
	n := c.Years
	base := k * n
	reserve, ratio, cost := out.Reserve[base:base+n], out.ReserveRatio[base:base+n], out.CostRate[base:base+n]
	for t := range res.Years {
		y := &res.Years[t]
		e := y.Expenditure()
		reserve[t] = y.ReserveEnd
		ratio[t], cost[t] = math.NaN(), math.NaN()
		if e != 0 {
			ratio[t] = y.ReserveEnd / e
		}
		if y.ContributionBase != 0 {
			cost[t] = e / y.ContributionBase
		}
	}
	f := res.Flows(&rg.flows)
	dep, err := indicator.DepletionYear(f)
	if err != nil {
		return err
	}
	out.Depletion[k] = dep

	h := c.Horizon
	// res.ReturnCurve(), in the regime's curve.
	if err = rg.curve.Reset(f.Returns...); err != nil {
		return err
	}
	h.Curve = &rg.curve
	hn := h.Years
	if hn == 0 {
		hn = n
	}
	var bill float64
	for _, s := range f.SalaryBill[:hn] {
		bill += s
	}
	out.GAP[k] = math.NaN()
	if bill > 0 {
		if out.GAP[k], err = indicator.GAP(f, h); err != nil {
			return err
		}
	}
	d, pv, err := indicator.DeficitTransfers(rg.def[:hn], f, h)
	if err != nil {
		return err
	}
	copy(out.DeficitTransfers[base:base+n], d)
	clear(out.DeficitTransfers[base+hn : base+n])
	out.DeficitPV[k] = pv
	return nil
}

// Run projects scenarios [c.First, c.First+c.Scenarios) of generator g on
// scheme s, in parallel over c.Workers goroutines, and returns each
// scenario's summary values. Scenario i is s with Assumptions.Return,
// WageGrowth and Inflation replaced, for the series g draws, by the schedules
// of g's path i (the others as in s), and with its mortality drawn by
// c.Mortality when set, projected for c.Years years by a
// [projection.Projector] that each worker reuses across its scenarios. The
// outcomes are the same, bit for bit, for any number of workers and any
// split into shards.
//
// The scheme must not change during the call. Run checks ctx before each
// scenario and returns ctx.Err() once it is cancelled, within one projected
// scenario per worker. Other errors are a *ParamError for a bad Config, the
// scheme's validation error, or the error of the first scenario (by index)
// that fails, wrapped with its index; no outcomes are returned with an error.
func Run(ctx context.Context, s *scheme.Scheme, g Generator, c Config) (*Outcomes, error) {
	outs, err := RunRegimes(ctx, []*scheme.Scheme{s}, g, c)
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// RunRegimes runs several schemes (the regimes of a comparison: a baseline
// and its reforms, from reform.Reform.Apply say) on the same scenarios, and
// returns their outcomes in the order of schemes. Each scenario's path (and
// mortality) is drawn once and projected under every regime, so scenario i
// of outs[r] and of outs[0] saw the same returns, wages, inflation and
// mortality: common random numbers. The difference of two regimes' outcomes
// scenario by scenario ([Difference], [YearDifference]) then measures the
// reform, and its standard error is smaller than that of two independent
// runs' whenever the regimes' outcomes are positively correlated.
//
// The schemes must share StartYear. Everything else is as [Run]: each
// outs[r] equals Run(ctx, schemes[r], g, c) bit for bit. A scheme's
// validation error and a scenario's error name the regime's index.
func RunRegimes(ctx context.Context, schemes []*scheme.Scheme, g Generator, c Config) ([]*Outcomes, error) {
	if err := c.validate(); err != nil {
		return nil, err
	}
	if len(schemes) == 0 {
		return nil, paramErr("schemes", "none", "want at least one")
	}
	for r, s := range schemes {
		if s.StartYear != schemes[0].StartYear {
			return nil, paramErr(fmt.Sprintf("schemes[%d].StartYear", r), s.StartYear, fmt.Sprintf("want schemes[0]'s, %d", schemes[0].StartYear))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n, m := c.Years, c.Scenarios
	hn := c.Horizon.Years
	if hn == 0 {
		hn = n
	}
	outs := make([]*Outcomes, len(schemes))
	// The by-year series of every regime in one block, written once, by
	// the scenarios: from 2 MB on (655 scenarios of 100 years), the block
	// is made at least 4 MB (the pages past the series never touched) and
	// advised to transparent huge pages, so that it faults in 2 MB at a
	// time rather than 4 kB (on the machines measured, a fault costs
	// 12–17 µs: 800 of them were 1% of a run of 1,000 scenarios).
	size := 4 * len(schemes) * m * n
	capacity := size
	if size*8 >= hugepage.Size {
		capacity = max(size, 2*hugepage.Size/8)
	}
	block := make([]float64, size, capacity)
	hugepage.Advise(block)
	series := func() []float64 {
		b := block[: m*n : m*n]
		block = block[m*n:]
		return b
	}
	for r, s := range schemes {
		outs[r] = &Outcomes{
			StartYear: s.StartYear, Years: n, HorizonYears: hn, First: c.First,
			Reserve: series(), ReserveRatio: series(), CostRate: series(), DeficitTransfers: series(),
			Depletion: make([]int, m), GAP: make([]float64, m), DeficitPV: make([]float64, m),
		}
	}
	// The first worker is built here, so that a scheme that does not
	// validate is an error before any scenario runs; the others are built
	// by their goroutines (and fail, if at all, as the first did not).
	w0, err := newWorker(schemes, g.Series(), &c)
	if err != nil {
		return nil, err
	}
	var (
		first    atomic.Pointer[worker]
		stop     atomic.Bool
		mu       sync.Mutex // guards errK and errFirst
		errK     = m        // the index of the first scenario that failed; m: none
		errFirst error
	)
	fail := func(k int, err error) {
		stop.Store(true)
		mu.Lock()
		if k < errK {
			errK, errFirst = k, err
		}
		mu.Unlock()
	}
	first.Store(w0)
	start := func() *worker {
		if w := first.Swap(nil); w != nil {
			return w
		}
		w, err := newWorker(schemes, g.Series(), &c)
		if err != nil {
			fail(-1, err)
		}
		return w
	}
	projection.ForEachWorker(ctx, m, c.Workers, start, func(w *worker, k int) {
		if w == nil || stop.Load() {
			return
		}
		if err := w.scenario(g, c.First+k, k, &c, outs); err != nil {
			fail(k, fmt.Errorf("stochastic: scenario %d: %w", c.First+k, err))
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if errFirst != nil {
		return nil, errFirst
	}
	return outs, nil
}

// Merge joins the outcomes of contiguous shards, given in scenario order
// (each part's First the previous part's First plus its Len), into the
// outcomes of the full run: the concatenation of their per-scenario values.
// The parts must share StartYear, Years and HorizonYears; otherwise Merge
// returns an error wrapping ErrShard. The parts are not changed.
func Merge(parts ...*Outcomes) (*Outcomes, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("stochastic: Merge of no parts: %w", ErrShard)
	}
	p0 := parts[0]
	out := &Outcomes{StartYear: p0.StartYear, Years: p0.Years, HorizonYears: p0.HorizonYears, First: p0.First}
	next := p0.First
	for i, p := range parts {
		if p.StartYear != p0.StartYear || p.Years != p0.Years || p.HorizonYears != p0.HorizonYears {
			return nil, fmt.Errorf("stochastic: Merge part %d (start %d, %d years, horizon %d) differs from part 0 (start %d, %d years, horizon %d): %w",
				i, p.StartYear, p.Years, p.HorizonYears, p0.StartYear, p0.Years, p0.HorizonYears, ErrShard)
		}
		if p.First != next {
			return nil, fmt.Errorf("stochastic: Merge part %d starts at scenario %d, want %d: %w", i, p.First, next, ErrShard)
		}
		next += p.Len()
		out.Reserve = append(out.Reserve, p.Reserve...)
		out.ReserveRatio = append(out.ReserveRatio, p.ReserveRatio...)
		out.CostRate = append(out.CostRate, p.CostRate...)
		out.DeficitTransfers = append(out.DeficitTransfers, p.DeficitTransfers...)
		out.Depletion = append(out.Depletion, p.Depletion...)
		out.GAP = append(out.GAP, p.GAP...)
		out.DeficitPV = append(out.DeficitPV, p.DeficitPV...)
	}
	return out, nil
}
