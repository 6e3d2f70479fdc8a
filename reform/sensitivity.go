// Sensitivity of a scheme's metrics to its main assumptions, for a tornado
// chart.

package reform

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// Shocks are the changes of assumptions a sensitivity analysis makes, each
// down and up. A zero field leaves that assumption alone; at least one must
// be set.
type Shocks struct {
	// Returns are points taken from and added to the investment return of
	// every year: 0.01 is ±1 point. ≥ 0.
	Returns float64
	// WageGrowth are points taken from and added to the general wage
	// growth of every year. ≥ 0.
	WageGrowth float64
	// Mortality is the relative change of every mortality rate, of every
	// status and sex: 0.1 multiplies q by 0.9 and by 1.1, capped at 1 (a
	// rate of 1, a table's end, stays 1). In [0, 1).
	Mortality float64
}

// validate checks the shocks.
func (sh Shocks) validate() error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"Returns", sh.Returns}, {"WageGrowth", sh.WageGrowth}, {"Mortality", sh.Mortality}} {
		if !(f.v >= 0) || math.IsInf(f.v, 0) {
			return fmt.Errorf("%w: Shocks.%s %v: want a finite size ≥ 0", ErrOptions, f.name, f.v)
		}
	}
	switch {
	case sh.Mortality >= 1:
		return fmt.Errorf("%w: Shocks.Mortality %v: want a relative change below 1", ErrOptions, sh.Mortality)
	case sh == Shocks{}:
		return fmt.Errorf("%w: no shock is set", ErrOptions)
	}
	return nil
}

// Bar is one assumption of a tornado, lowered and raised.
type Bar struct {
	Assumption  string  // "returns", "wage growth" or "mortality"
	Low, High   string  // what each side did: "returns -1 pt", "mortality +10%"
	LowOutcome  Outcome // the scenario with the assumption lowered
	HighOutcome Outcome // the scenario with the assumption raised
	LowMetrics  Metrics // the metrics of LowOutcome
	HighMetrics Metrics // the metrics of HighOutcome
	LowDelta    Delta   // LowMetrics less the base's
	HighDelta   Delta   // HighMetrics less the base's
	Spread      float64 // |HighMetrics.GAP − LowMetrics.GAP|: the bar's length, by which the tornado is sorted
}

// Tornado is a scheme's sensitivity to its main assumptions: the base and a
// bar for each assumption shocked, the widest (by its effect on the GAP)
// first.
type Tornado struct {
	Base        Outcome
	BaseMetrics Metrics
	Bars        []Bar
}

// Sensitivity projects s under each shock, down and up, in parallel (as
// [Compare] does), and returns the metrics of each against those of s, as
// the bars of a tornado sorted by their spread in GAP (ties in the order
// returns, wage growth, mortality). s is not modified. Pass a reformed
// scheme ([Reform.Apply]) for a reform's sensitivity.
//
// The horizon's discount curve is each scenario's own returns unless
// Options.Horizon sets one: shocked returns are then also the discount
// rate, as in the ILO's sensitivity tests. A shock that makes a return or a
// wage growth −100% or less is an error of the projection.
func Sensitivity(s *scheme.Scheme, sh Shocks, opt Options) (*Tornado, error) {
	return SensitivityContext(context.Background(), s, sh, opt)
}

// SensitivityContext is [Sensitivity] under a context: once ctx is done no
// shocked projection starts, a running one stops within one projected
// year, and ctx.Err() is returned.
func SensitivityContext(ctx context.Context, s *scheme.Scheme, sh Shocks, opt Options) (*Tornado, error) {
	if s == nil {
		panic("reform: Sensitivity of a nil scheme")
	}
	if err := opt.validate(s.StartYear); err != nil {
		return nil, err
	}
	if err := sh.validate(); err != nil {
		return nil, err
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	type side struct {
		name, label string
		shock       func(*scheme.Scheme, float64) error
		size        float64
		unit        string
	}
	var bars []Bar
	scens := []scenario{{name: "base", scheme: s}}
	for _, a := range []side{
		{"returns", "returns", shockReturns, sh.Returns, "pt"},
		{"wage growth", "wage growth", shockWages, sh.WageGrowth, "pt"},
		{"mortality", "mortality", shockMortality, sh.Mortality, "%"},
	} {
		if a.size == 0 {
			continue
		}
		b := Bar{Assumption: a.name}
		for k, sign := range []float64{-1, 1} {
			c := cloneScheme(s)
			if err := a.shock(c, sign*a.size); err != nil {
				return nil, err
			}
			label := fmt.Sprintf("%s %+.4g %s", a.label, 100*sign*a.size, a.unit)
			if a.unit == "%" {
				label = fmt.Sprintf("%s %+.4g%%", a.label, 100*sign*a.size)
			}
			if k == 0 {
				b.Low = label
			} else {
				b.High = label
			}
			scens = append(scens, scenario{name: label, scheme: c})
		}
		bars = append(bars, b)
	}
	outs, ms, err := runScenariosContext(ctx, scens, &opt)
	if err != nil {
		return nil, err
	}
	t := &Tornado{Base: outs[0], BaseMetrics: ms[0]}
	for i := range bars {
		b := &bars[i]
		lo, hi := 1+2*i, 2+2*i
		b.LowOutcome, b.HighOutcome = outs[lo], outs[hi]
		b.LowMetrics, b.HighMetrics = ms[lo], ms[hi]
		b.LowDelta, b.HighDelta = ms[lo].Sub(ms[0]), ms[hi].Sub(ms[0])
		b.Spread = math.Abs(ms[hi].GAP - ms[lo].GAP)
	}
	slices.SortStableFunc(bars, func(a, b Bar) int { return cmp.Compare(b.Spread, a.Spread) })
	t.Bars = bars
	return t, nil
}

// shift adds d to every step of a schedule (a nil schedule is 0 in every
// year, so it becomes the constant d).
func shift(s actuarial.Schedule, d float64) actuarial.Schedule {
	if len(s) == 0 {
		return actuarial.Constant(d)
	}
	for i := range s {
		s[i].Value += d
	}
	return s
}

func shockReturns(s *scheme.Scheme, d float64) error {
	s.Assumptions.Return = shift(s.Assumptions.Return, d)
	return nil
}

func shockWages(s *scheme.Scheme, d float64) error {
	s.Assumptions.WageGrowth = shift(s.Assumptions.WageGrowth, d)
	return nil
}

// shockMortality multiplies every mortality rate by 1 + d, capped at 1; a
// rate of 1 (the end of a table) stays 1, so that lowering mortality never
// lets anyone outlive the table. A one-dimensional table stays a
// PeriodTable, which the projector reads once per run.
func shockMortality(s *scheme.Scheme, d float64) error {
	f := 1 + d
	m := &s.Assumptions.Mortality
	for st := range m {
		for sx := range m[st] {
			switch y := m[st][sx].(type) {
			case nil:
			case scheme.PeriodTable:
				m[st][sx] = scheme.PeriodTable{Table: scaledTable{y.Table, f}}
			case *scheme.PeriodTable:
				m[st][sx] = scheme.PeriodTable{Table: scaledTable{y.Table, f}}
			default:
				m[st][sx] = scaledYearTable{y, f}
			}
		}
	}
	return nil
}

// scale returns q·factor capped at 1, and 1 for a q of 1.
func scale(q, factor float64) float64 {
	if q >= 1 {
		return q
	}
	return math.Min(1, factor*q)
}

// scaledTable is a mortality.Table with every rate scaled.
type scaledTable struct {
	t      mortality.Table
	factor float64
}

func (s scaledTable) Q(age int) float64 { return scale(s.t.Q(age), s.factor) }
func (s scaledTable) MinAge() int       { return s.t.MinAge() }
func (s scaledTable) MaxAge() int       { return s.t.MaxAge() }

// scaledYearTable is a YearTable with every rate scaled.
type scaledYearTable struct {
	t      scheme.YearTable
	factor float64
}

func (s scaledYearTable) Q(age, year int) float64 { return scale(s.t.Q(age, year), s.factor) }
func (s scaledYearTable) MinAge() int             { return s.t.MinAge() }
