// Comparison of a base scheme and reforms: projecting scenarios in
// parallel, their summary metrics and the differences from the base.

package reform

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
)

// DefaultYears is the number of years projected when [Options] Years is 0:
// [projection.DefaultYears], which [projection.Projector.Run] also projects
// when asked for 0 years. Zero means the default horizon everywhere.
const DefaultYears = projection.DefaultYears

// Options say how scenarios are projected and summarized. The zero value
// projects [DefaultYears] years, summarizes them all at each scenario's own
// returns, reports no reserve ratios and uses every processor.
type Options struct {
	// Years is the number of years projected from the scheme's StartYear,
	// ≥ 0; 0: DefaultYears.
	Years int
	// Horizon is the horizon of the summary indicators (see
	// [indicator.Horizon]). Its Years 0 covers every projected year; its
	// Curve nil discounts each scenario at its own projected returns
	// ([projection.Result.ReturnCurve]), the basis on which the GAP finances
	// the projected flows exactly.
	Horizon indicator.Horizon
	// ReserveRatioYears are the calendar years at which [Metrics] report the
	// reserve ratio (the reserve at 31 December over the year's
	// expenditure); each must lie within the horizon. Nil: none.
	ReserveRatioYears []int
	// Workers is the number of scenarios projected at once, ≥ 0; 0:
	// runtime.GOMAXPROCS(0). Results do not depend on it.
	Workers int
	// AllowNoEffect lets [Compare] leave out a change that would affect
	// nobody ([ErrNoEffect]: it sets the value already in force), as a
	// sweep over a lever's values needs for its base value; a reform none
	// of whose changes has an effect is then the base scheme under the
	// reform's name. False, the zero value: such a change is an error, as
	// [Reform.Apply] has it (a single reform that changes nothing is
	// usually a mistake). Solvers need no such option: they project a
	// lever's value in force as the scheme in force.
	AllowNoEffect bool
	// Progress, when not nil, is called each time a scenario's projection
	// and summary finish, with the number finished so far and the number
	// to run: (1, n), (2, n), …, (n, n) for a comparison of n scenarios.
	// The calls come one at a time, from the goroutines that run the
	// scenarios, in the order they finish; a call must return quickly, as
	// the next scenario of its worker waits for it. Nil: no reports.
	Progress func(done, total int)
	// WhoGains, when not nil, makes [Compare] project every scenario with
	// the split by service band ([projection.Projector] Split and
	// ServiceBands) and give who gains and who loses under each reform
	// ([Comparison] Gains), without the caller projecting again. It costs
	// the split's time and memory in every scenario (see
	// BenchmarkProjectReferenceBands in package projection). Nil, the zero
	// value: no split, no cost.
	WhoGains *GainsOptions
	// SummariesOnly makes [Compare] keep of each scenario its Summary (and
	// the comparison's Metrics, Deltas and Gains) but not its projection:
	// every Outcome's Result is nil. A sweep of thousands of variants then
	// holds their indicators, not their yearly rows (about 63 kB a
	// scenario over 100 years, written once into fresh memory: see
	// BenchmarkSweep1000Summaries); the reports and charts that read the
	// rows refuse such outcomes ([ErrIncompleteOutcome]). False, the zero
	// value: every Outcome has its Result. The solvers and the other
	// analyses, which read the projections, ignore it.
	SummariesOnly bool
}

// GainsOptions say how [Compare] computes who gains and who loses
// ([WhoGains]).
type GainsOptions struct {
	// ServiceBands are the bands of service on the valuation date
	// ([projection.Projector] ServiceBands); nil:
	// [projection.DefaultServiceBands]. Ignored when NoServiceBands is set.
	ServiceBands []int
	// NoServiceBands splits by sex and birth cohort only, without
	// service bands: the split then costs about a seventh of the time and
	// memory of the default bands (BenchmarkProjectReferenceSplit against
	// BenchmarkProjectReferenceBands in package projection), and the share
	// losing is counted by sex and year of birth.
	NoServiceBands bool
	// CohortWidth is the width of the birth cohorts in years, ≥ 0; 0:
	// five.
	CohortWidth int
	// LossThreshold is the x of the share of members losing more than x
	// of their benefits' value, a fraction ≥ 0; 0: any loss.
	LossThreshold float64
}

// bands returns the service bands of g.
func (g *GainsOptions) bands() []int {
	if g.NoServiceBands {
		return nil
	}
	if g.ServiceBands == nil {
		return projection.DefaultServiceBands
	}
	return g.ServiceBands
}

// years returns the number of years to project.
func (o *Options) years() int {
	if o.Years == 0 {
		return DefaultYears
	}
	return o.Years
}

// validate checks the options for a scheme starting in startYear.
func (o *Options) validate(startYear int) error {
	n := o.years()
	switch {
	case o.Years < 0:
		return fmt.Errorf("%w: Years %d is negative", ErrOptions, o.Years)
	case o.Workers < 0:
		return fmt.Errorf("%w: Workers %d is negative", ErrOptions, o.Workers)
	case o.Horizon.Years < 0 || o.Horizon.Years > n:
		return fmt.Errorf("%w: Horizon.Years %d outside 0..%d, the years projected", ErrOptions, o.Horizon.Years, n)
	case o.WhoGains != nil && (o.WhoGains.CohortWidth < 0 || !(o.WhoGains.LossThreshold >= 0)):
		return fmt.Errorf("%w: WhoGains: CohortWidth %d, LossThreshold %v: want ≥ 0", ErrOptions, o.WhoGains.CohortWidth, o.WhoGains.LossThreshold)
	}
	h := o.horizonYears()
	for _, y := range o.ReserveRatioYears {
		if y < startYear || y >= startYear+h {
			return fmt.Errorf("%w: reserve ratio year %d outside the horizon %d–%d", ErrOptions, y, startYear, startYear+h-1)
		}
	}
	return nil
}

// horizonYears returns the number of years the indicators cover.
func (o *Options) horizonYears() int {
	if o.Horizon.Years > 0 {
		return o.Horizon.Years
	}
	return o.years()
}

// Metrics are the summary figures of a scenario over the horizon that a
// comparison sets side by side: the scenario's [indicator.Summary] (GAP,
// CostRate, ActuarialBalance, DeficitPV, DepletionYear, the series by year
// and the rest, all over Options.Horizon) and its reserve ratios at
// Options.ReserveRatioYears. Rates are fractions of the salary bill.
//
// The Summary is embedded by value, as a shallow copy of the outcome's
// ([Outcome].Summary): its series share their arrays with the outcome's,
// so Metrics cost no allocation beyond ReserveRatioAt and copy no series;
// treat them as read-only. The zero Metrics read 0 everywhere.
//
// Summary.Undefined lists the indicators the scenario's flows cannot give
// (see [indicator.Undefined]): with SalaryScalars set (no salary bill, a
// scheme without actives) GAP, CostRate and ActuarialBalance are 0 and
// mean nothing, nor do their Deltas.
type Metrics struct {
	indicator.Summary
	// ReserveRatioAt are the reserve ratios at each of
	// Options.ReserveRatioYears, taken from Summary.ReserveRatio (by
	// year); negative once the reserve is exhausted, when they no longer
	// rank scenarios (see [indicator.ReserveRatio]).
	ReserveRatioAt []float64
}

// metrics returns the metrics of a summary, sharing its series.
func metrics(s *indicator.Summary, years []int) Metrics {
	m := Metrics{Summary: *s}
	for _, y := range years {
		m.ReserveRatioAt = append(m.ReserveRatioAt, s.ReserveRatio[y-s.StartYear])
	}
	return m
}

// Delta is the difference of a scenario's [Metrics] from another's (a
// reform's from the base's): each field is the scenario's value less the
// other's. Depletion years are not differenced, as a reserve that lasts
// the horizon has none: set the two Metrics' DepletionYear side by side
// (0: never within the horizon), "2033 → 2041" or "2033 → never".
type Delta struct {
	GAP              float64   // in fractions of the salary bill: −0.05 is 5 points lower
	CostRate         float64   // likewise
	ActuarialBalance float64   // likewise; positive: the scenario is better balanced
	DeficitPV        float64   // money
	ReserveRatioAt   []float64 // at each of Options.ReserveRatioYears
}

// Sub returns m − base.
func (m Metrics) Sub(base Metrics) Delta {
	d := Delta{
		GAP:              m.GAP - base.GAP,
		CostRate:         m.CostRate - base.CostRate,
		ActuarialBalance: m.ActuarialBalance - base.ActuarialBalance,
		DeficitPV:        m.DeficitPV - base.DeficitPV,
	}
	if len(m.ReserveRatioAt) == len(base.ReserveRatioAt) {
		d.ReserveRatioAt = make([]float64, len(m.ReserveRatioAt))
		for i := range d.ReserveRatioAt {
			d.ReserveRatioAt[i] = m.ReserveRatioAt[i] - base.ReserveRatioAt[i]
		}
	}
	return d
}

// Comparison is a base scheme and reforms projected side by side.
type Comparison struct {
	// Outcomes are the scenarios: the base first (named "base"), then
	// each reform in the order given.
	Outcomes []Outcome
	// Metrics are the summary figures of each outcome, in the same order.
	Metrics []Metrics
	// Deltas are the differences of each reform from the base:
	// Deltas[i] = Metrics[i+1] − Metrics[0].
	Deltas []Delta
	// ReserveRatioYears are the years of Metrics.ReserveRatioAt.
	ReserveRatioYears []int
	// Gains are who gains and who loses under each reform against the
	// base, Gains[i] for reform i, when Options.WhoGains was set; nil
	// otherwise.
	Gains []*Gains

	mem memory // the blocks the outcomes are parts of, for CompareInto
}

// memory is what a comparison allocates for its outcomes, in blocks:
// [CompareInto] writes the next comparison into them. Its zero value
// holds nothing; runScenariosKeep allocates what it lacks.
type memory struct {
	outs    []Outcome
	ms      []Metrics
	rows    []projection.YearResult // every outcome's yearly rows, when kept without a split
	results []projection.Result     // the outcomes' Results around rows
	sums    []indicator.Summary
	series  []float64 // every summary's series by year
}

// Compare projects the base scheme and each reform applied to it, in
// parallel (Options.Workers), and compares them over the horizon. The
// result does not depend on the number of workers: every scenario has its
// own [projection.Projector] and its place in the result. base is not
// modified. Errors are those of [Reform.Apply], of the projection and of
// [indicator.Summarize], naming the scenario; a reform list may be empty.
//
// The outcomes' yearly rows (Result.Years, without WhoGains) and summary
// series are parts of blocks allocated once for the whole comparison
// (about 70 kB a scenario over 100 years), each with its own capacity:
// keeping one outcome keeps the memory of all.
func Compare(base *scheme.Scheme, reforms []Reform, opt Options) (*Comparison, error) {
	return CompareContext(context.Background(), base, reforms, opt)
}

// CompareContext is [Compare] under a context: once ctx is done, no
// scenario starts, and it returns ctx.Err() when the scenarios running
// then have finished. A scenario's projection is not itself interrupted.
func CompareContext(ctx context.Context, base *scheme.Scheme, reforms []Reform, opt Options) (*Comparison, error) {
	return CompareInto(ctx, nil, base, reforms, opt)
}

// CompareInto is [CompareContext] writing the comparison into c, one that
// an earlier comparison returned and that nothing uses any longer, and
// returning it: c's outcomes, rows, summaries and metrics are
// overwritten, in the memory they had where it is large enough. Given c
// nil it is CompareContext. A program that compares again and again (a
// sweep under each of several assumptions, a study run many times) then
// writes each comparison's yearly rows, some 63 kB a scenario over 100
// years, into memory it has written before rather than into fresh pages,
// which the kernel zeroes at first touch: see BenchmarkSweep1000Into. On
// error it returns nil, and c may be partly written: compare into it
// again, or drop it.
func CompareInto(ctx context.Context, c *Comparison, base *scheme.Scheme, reforms []Reform, opt Options) (*Comparison, error) {
	if base == nil {
		panic("reform: Compare of a nil scheme")
	}
	if err := opt.validate(base.StartYear); err != nil {
		return nil, err
	}
	scens := []scenario{{name: "base", scheme: base}}
	valid := base.Validate()
	for _, r := range reforms {
		// Applied in the worker that projects it.
		scens = append(scens, scenario{name: r.Name, build: func() (*scheme.Scheme, error) {
			s, err := r.applyShared(base, valid)
			if opt.AllowNoEffect {
				s, err = applyLenient(base, valid, r, s, err)
			}
			return s, err
		}})
	}
	// The projections are kept for the caller, or for the gains (dropped
	// once these are computed).
	keep := !opt.SummariesOnly || opt.WhoGains != nil
	if c == nil {
		c = new(Comparison)
	}
	outs, ms, err := runScenariosKeep(ctx, scens, &opt, keep, &c.mem)
	if err != nil {
		return nil, err
	}
	*c = Comparison{Outcomes: outs, Metrics: ms, ReserveRatioYears: slices.Clone(opt.ReserveRatioYears), mem: c.mem}
	for _, m := range ms[1:] {
		c.Deltas = append(c.Deltas, m.Sub(ms[0]))
	}
	if g := opt.WhoGains; g != nil {
		for i := range outs[1:] {
			gn, err := WhoGains(outs[0].Result, outs[i+1].Result, g.CohortWidth, g.LossThreshold)
			if err != nil {
				return nil, fmt.Errorf("reform: scenario %q: %w", outs[i+1].Name, err)
			}
			c.Gains = append(c.Gains, gn)
		}
	}
	if opt.SummariesOnly {
		for i := range outs {
			outs[i].Result = nil
		}
	}
	return c, nil
}

// applyLenient retries a reform whose applyShared failed with err because a
// change affects nobody, without that change, until it applies; a reform
// left without changes is base itself. valid is the error of
// base.Validate(); s and err are applyShared's first result.
func applyLenient(base *scheme.Scheme, valid error, r Reform, s *scheme.Scheme, err error) (*scheme.Scheme, error) {
	for err != nil {
		var ce *ChangeError
		if !errors.Is(err, ErrNoEffect) || !errors.As(err, &ce) || ce.Index < 0 || ce.Index >= len(r.Changes) {
			return nil, err
		}
		r.Changes = slices.Delete(slices.Clone(r.Changes), ce.Index, ce.Index+1)
		if len(r.Changes) == 0 {
			return base, nil
		}
		s, err = r.applyShared(base, valid)
	}
	return s, nil
}

// scenario is a scheme to project under a name: scheme, or when it is nil
// the scheme build makes (in the worker that projects it), whose error is
// returned as it is.
type scenario struct {
	name   string
	scheme *scheme.Scheme
	build  func() (*scheme.Scheme, error)
}

// buildError is the error of a scenario's build.
type buildError struct{ err error }

func (e *buildError) Error() string { return e.err.Error() }

// runScenarios projects each scenario (up to opt.Workers at once, each
// worker reusing one [projection.Projector] through Reset, so that the
// tables schemes share are built once per worker; out[i] belongs to
// scens[i] whatever the scheduling)
// and summarizes it over opt.Horizon. The error is that of the first
// failing scenario in order, named.
func runScenarios(scens []scenario, opt *Options) ([]Outcome, []Metrics, error) {
	return runScenariosContext(context.Background(), scens, opt)
}

// runScenariosContext is runScenarios under a context: once ctx is done,
// no scenario starts, a running one stops within a projected year
// ([projection.RunScenariosContext]), and ctx.Err() is returned. It
// reports each scenario's end through opt.Progress.
func runScenariosContext(ctx context.Context, scens []scenario, opt *Options) ([]Outcome, []Metrics, error) {
	return runScenariosKeep(ctx, scens, opt, true, &memory{})
}

// runScenariosKeep is runScenariosContext that, unless keep, gives no
// outcome its Result (each scenario projected into its worker's own, only
// summarized): Compare's SummariesOnly. The outcomes and metrics are
// written into mem's blocks, grown as needed (and kept in mem for the next
// call).
func runScenariosKeep(ctx context.Context, scens []scenario, opt *Options, keep bool, mem *memory) ([]Outcome, []Metrics, error) {
	n := len(scens)
	mem.outs = vec.Zeroed(mem.outs, n)
	mem.ms = vec.Zeroed(mem.ms, n)
	outs, ms := mem.outs, mem.ms
	errs := make([]error, n)
	var (
		mu   sync.Mutex // serializes the calls of opt.Progress
		done int
	)
	// The yearly rows of every outcome without a split and the series of
	// every summary, written once each, in blocks reused from the last
	// comparison or made anew (not advised as huge pages: internal/hugepage
	// says why).
	var (
		rows    []projection.YearResult
		results []projection.Result
	)
	ny := opt.years()
	if opt.WhoGains == nil && keep {
		// Not cleared: each outcome's rows are the projection's, copied
		// over the last comparison's (see run).
		mem.rows = vec.Grow(mem.rows, n*ny)
		mem.results = vec.Zeroed(mem.results, n)
		rows, results = mem.rows, mem.results
	}
	mem.sums = vec.Zeroed(mem.sums, n)
	mem.series = vec.Zeroed(mem.series, n*summarySeries*ny)
	sums, series := mem.sums, mem.series
	pool := workerPool{}
	defer pool.release()
	projection.ForEachWorker(ctx, n, opt.Workers, pool.get, func(w *worker, i int) {
		var dst *projection.Result
		if rows != nil {
			dst = &results[i]
			dst.Years = rows[i*ny : i*ny : (i+1)*ny]
		}
		sum := &sums[i]
		sum.PAYGCostRate, sum.ReserveRatio, sum.StartReserveRatio, sum.SupportRatio,
			sum.DependencyRatio, sum.ReplacementRate, sum.NetCashFlow, sum.DeficitTransfers = carve8(series[i*summarySeries*ny:], ny)
		outs[i], ms[i], errs[i] = w.runOne(ctx, scens[i], opt, keep, dst, sum)
		if opt.Progress != nil && errs[i] == nil {
			mu.Lock()
			done++
			opt.Progress(done, n)
			mu.Unlock()
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	for i, err := range errs {
		if be, ok := err.(*buildError); ok {
			return nil, nil, be.err
		}
		if err != nil {
			return nil, nil, fmt.Errorf("reform: scenario %q: %w", scens[i].name, err)
		}
	}
	return outs, ms, nil
}

// summarySeries is the number of by-year series of an [indicator.Summary].
const summarySeries = 8

// carve8 returns the first 8 slices of length 0 and capacity n of buf.
func carve8(buf []float64, n int) (a, b, c, d, e, f, g, h []float64) {
	s := func(k int) []float64 { return buf[k*n : k*n : (k+1)*n] }
	return s(0), s(1), s(2), s(3), s(4), s(5), s(6), s(7)
}

// nilEmpty sets each empty series of s to nil, as a Summary that
// [indicator.Summarize] allocates has them.
func nilEmpty(s *indicator.Summary) {
	for _, x := range [...]*[]float64{&s.PAYGCostRate, &s.ReserveRatio, &s.StartReserveRatio, &s.SupportRatio,
		&s.DependencyRatio, &s.ReplacementRate, &s.NetCashFlow, &s.DeficitTransfers} {
		if len(*x) == 0 {
			*x = nil
		}
	}
}

// worker is what a goroutine of runScenariosContext keeps from one
// scenario to the next: its projector and the Result it projects
// into (see run), the flows it summarizes (the
// summary keeps none of their series), and the discount curve of the
// last projected returns with those returns (see horizon).
type worker struct {
	p       projection.Projector
	res     *projection.Result // the last scenario's projection, when not split
	flows   indicator.Flows
	returns []float64
	curve   actuarial.Curve
	curveOK bool // curve is that of returns
}

// workers keeps the workers of finished comparisons for the next ones,
// until the garbage collector takes them: a comparison, and each step of a
// solver, then starts with projectors whose buffers (a few MB each) are
// allocated and touched already and whose tables the same assumptions
// share, as one comparison's scenarios after its first. Nothing in a
// worker belongs to a caller: its Result's rows are its own (outcomes get
// copies), and its projector is Reset before each scenario.
var workers sync.Pool

// workerPool hands a comparison's goroutines their workers from workers,
// and gives them back when it is done.
type workerPool struct {
	mu   sync.Mutex
	used []*worker
}

// get returns a worker from workers, or a new one, for a goroutine of
// [projection.ForEachWorker]; safe for concurrent use.
func (wp *workerPool) get() *worker {
	w, _ := workers.Get().(*worker)
	if w == nil {
		w = new(worker)
	}
	wp.mu.Lock()
	wp.used = append(wp.used, w)
	wp.mu.Unlock()
	return w
}

// release gives the workers back to workers, once their goroutines have
// returned.
func (wp *workerPool) release() {
	for _, w := range wp.used {
		workers.Put(w)
	}
	wp.used = nil
}

// horizon returns h with its Curve set, when h has none, to the curve of
// w.flows' returns that [indicator.Summarize] would build from them, bit
// for bit: the worker's, rebuilt in place only when the returns differ
// from the last scenario's (a reform that leaves the investment
// assumptions alone keeps it). Returns that give no curve (none, or a bad
// rate) leave h as it is, for Summarize to say why. The summary keeps no
// reference to the curve.
func (w *worker) horizon(h indicator.Horizon) indicator.Horizon {
	r := w.flows.Returns
	if h.Curve != nil || len(r) == 0 {
		return h
	}
	if !w.curveOK || !slices.Equal(w.returns, r) {
		w.curveOK = w.curve.Reset(r...) == nil
		w.returns = append(w.returns[:0], r...)
	}
	if w.curveOK {
		h.Curve = &w.curve
	}
	return h
}

// run projects the scheme w's projector was Reset to and returns a Result
// of the scenario's own; unless keep, the worker's own Result, which only
// the scenario's summary reads. Given dst (its Years empty, with room for
// opt.years() rows; without a split) it projects into the worker's
// Result, whose rows stay in cache from one scenario to the next, and
// copies them into dst's at once: the projection's year-by-year writes
// into a fresh Result, memory the process touches for the first time,
// cost a comparison of 1,000 variants more than a tenth of its time
// (BenchmarkSweep1000). Without dst it projects into a new Result.
func (w *worker) run(ctx context.Context, opt *Options, keep bool, dst *projection.Result) (*projection.Result, error) {
	if dst == nil && keep {
		return w.p.RunContext(ctx, nil, opt.years())
	}
	res, err := w.p.RunContext(ctx, w.res, opt.years())
	if res != nil {
		w.res = res
	}
	if err != nil {
		return nil, err
	}
	if !keep {
		return res, nil
	}
	*dst = projection.Result{Scheme: res.Scheme, StartYear: res.StartYear,
		Groups: slices.Clone(res.Groups), Years: append(dst.Years[:0], res.Years...)}
	return dst, nil
}

// runOne projects one scenario under ctx with the worker's projector
// (Reset for its scheme), into rows when they are given (see run), and
// summarizes it over opt.Horizon into sum, whose series have room for
// opt.years() years. The scenario's build runs here, in the
// worker; its error is a *buildError.
func (w *worker) runOne(ctx context.Context, sc scenario, opt *Options, keep bool, dst *projection.Result, sum *indicator.Summary) (Outcome, Metrics, error) {
	p := &w.p
	s := sc.scheme
	if s == nil && sc.build != nil {
		var err error
		if s, err = sc.build(); err != nil {
			return Outcome{}, Metrics{}, &buildError{err}
		}
	}
	if s == nil {
		return Outcome{}, Metrics{}, errors.New("nil scheme")
	}
	if err := p.Reset(s); err != nil {
		if sc.scheme == nil && s != nil {
			// A built scenario is a reform applied by applyShared,
			// which leaves its validation to Reset.
			return Outcome{}, Metrics{}, &buildError{reformedError(sc.name, err)}
		}
		return Outcome{}, Metrics{}, err
	}
	p.Split, p.ServiceBands = false, nil
	if opt.WhoGains != nil {
		p.Split, p.ServiceBands = true, opt.WhoGains.bands()
	}
	res, err := w.run(ctx, opt, keep, dst)
	if err != nil {
		return Outcome{}, Metrics{}, err
	}
	if len(w.flows.SalaryBill) != len(res.Years) {
		// A worker of an earlier comparison, over other years: Flows
		// writes only into series of the projection's length.
		w.flows = indicator.Flows{}
	}
	f := res.Flows(&w.flows)
	h := w.horizon(opt.Horizon)
	if _, err := indicator.Summarize(sum, f, h); err != nil {
		return Outcome{}, Metrics{}, err
	}
	nilEmpty(sum)
	if !keep {
		res = nil // the worker's own
	}
	return Outcome{Name: sc.name, Result: res, Summary: sum}, metrics(sum, opt.ReserveRatioYears), nil
}

// YearRow is one year of a scenario as a reform study tabulates it. Money
// is in money units of the year; rates are fractions of the insurable
// salary bill (the contribution base, [projection.YearResult.ContributionBase]).
type YearRow struct {
	Year             int
	Reserve          float64 // reserve at 31 December
	CostRate         float64 // PAYG cost rate: (benefits + administration costs) / salary bill; 0 when undefined (Summary.Undefined.SalaryRates)
	ContributionRate float64 // contributions of every payer / salary bill
	Contributions    float64 // contributions of every payer
	Benefits         float64 // pensions, extra payments and refunds
	SupportRatio     float64 // actives per pensioner on 1 January; 0 in a year without pensioners
}

// ByYear returns the outcome's figures for each year of its horizon.
func ByYear(o *Outcome) []YearRow {
	rows := make([]YearRow, o.Summary.Years)
	for t := range rows {
		y := &o.Result.Years[t]
		r := YearRow{
			Year: y.Year, Reserve: y.ReserveEnd,
			Contributions: y.TotalContributions(), Benefits: y.Benefits(),
		}
		if t < len(o.Summary.PAYGCostRate) {
			r.CostRate = o.Summary.PAYGCostRate[t]
		}
		if y.ContributionBase > 0 {
			r.ContributionRate = r.Contributions / y.ContributionBase
		}
		if p := y.TotalPensioners(); p > 0 {
			r.SupportRatio = y.Actives / p
		}
		rows[t] = r
	}
	return rows
}

// DiffByYear returns, year by year over the shorter horizon, the figures of
// o less those of base.
func DiffByYear(o, base *Outcome) []YearRow {
	a, b := ByYear(o), ByYear(base)
	rows := make([]YearRow, min(len(a), len(b)))
	for t := range rows {
		rows[t] = YearRow{
			Year:             a[t].Year,
			Reserve:          a[t].Reserve - b[t].Reserve,
			CostRate:         a[t].CostRate - b[t].CostRate,
			ContributionRate: a[t].ContributionRate - b[t].ContributionRate,
			Contributions:    a[t].Contributions - b[t].Contributions,
			Benefits:         a[t].Benefits - b[t].Benefits,
			SupportRatio:     a[t].SupportRatio - b[t].SupportRatio,
		}
	}
	return rows
}
