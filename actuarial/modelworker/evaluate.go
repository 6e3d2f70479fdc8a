package modelworker

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// After are the years of indexation after which Outcome reports the
// pension: Indexed[i] is the pension After[i] years after the award.
var After = [2]int{10, 20}

// Config says where model workers join a scheme.
type Config struct {
	// Group is the index in Scheme.Groups of the group whose rules the
	// workers follow; 0: the first.
	Group int
	// EntryYear is the calendar year the workers join, on 1 January, at
	// or after the scheme's StartYear; 0: StartYear.
	EntryYear int
	// AverageSalary is the average salary a year at StartYear's level,
	// > 0; 0: the average salary of the census actives of all groups.
	AverageSalary float64
}

// Outcome is what a scheme gives a model worker. Amounts are money a year
// in the money of their year (see the package's conventions).
type Outcome struct {
	Worker Worker
	// Year and Age are the calendar year and the age on 1 January of
	// retirement (or of withdrawal at the compulsory age).
	Year, Age int
	// Type is the pension awarded: PensionOldAge (full) or PensionEarly
	// (reduced); "" when the worker leaves at the compulsory age without
	// one (Pension 0, a Refund if the rules give one).
	Type census.PensionType
	// Service is the years of contributions.
	Service int
	// FinalSalary is the salary of the last year of contributions;
	// ReferenceSalary the average of the last ReferenceYears of them.
	FinalSalary, ReferenceSalary float64
	// Pension is the yearly pension at award, capped and floored.
	Pension float64
	// Replacement is Pension over FinalSalary.
	Replacement float64
	// Indexed[i] is the pension After[i] years after the award, indexed by
	// the rules in force; Real[i] the same in money of the retirement
	// year (deflated by prices); RelativeToWages[i] the same over the
	// average salary of its year. RelativeToWages at award is
	// AwardToWages.
	Indexed, Real, RelativeToWages [2]float64
	AwardToWages                   float64
	// BenefitYears is the curtate life expectancy at the retirement age
	// from the scheme's retired mortality; 0 without a pension.
	BenefitYears float64
	// Refund is the refund of the worker's contributions on a withdrawal
	// at the compulsory age (RefundShare of them, without interest).
	Refund float64
	// PVContributions and PVBenefits are the present values on 1 January
	// of the entry year, at the scheme's returns, of the contributions of
	// all payers and of the pensions (with extra payments) or refund;
	// MoneysWorth is their ratio (0 when no contribution was paid).
	PVContributions, PVBenefits, MoneysWorth float64
}

// Evaluator evaluates model workers on one scheme, its law compiled once.
// It is not safe for concurrent use.
type Evaluator struct {
	s        *scheme.Scheme
	cfg      Config
	law      *rules.Law
	yr       rules.Year
	q        []float64
	salaries []float64
}

// New compiles the law of scheme s for model workers joining as cfg says.
// It returns the scheme's validation error, or an *InputError for a bad
// cfg.
func New(s *scheme.Scheme, cfg Config) (*Evaluator, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if cfg.Group < 0 || cfg.Group >= len(s.Groups) {
		return nil, &InputError{"Config.Group", cfg.Group, fmt.Sprintf("must lie in 0..%d", len(s.Groups)-1)}
	}
	if cfg.EntryYear == 0 {
		cfg.EntryYear = s.StartYear
	}
	if cfg.EntryYear < s.StartYear {
		return nil, &InputError{"Config.EntryYear", cfg.EntryYear, fmt.Sprintf("is before the start year %d", s.StartYear)}
	}
	if cfg.AverageSalary == 0 {
		var n, sal float64
		for _, g := range s.Groups {
			if g.Actives == nil {
				continue
			}
			for i, c := range g.Actives.Count {
				n += c
				sal += g.Actives.Salary[i]
			}
		}
		if n > 0 {
			cfg.AverageSalary = sal / n
		}
	}
	if !(cfg.AverageSalary > 0) || math.IsInf(cfg.AverageSalary, 0) {
		return nil, &InputError{"Config.AverageSalary", cfg.AverageSalary, "must be finite and > 0 (or 0 with census actives)"}
	}
	return &Evaluator{
		s: s, cfg: cfg,
		law: rules.Compile(s, census.MaxCensusAge),
		q:   make([]float64, rules.NumAges),
	}, nil
}

// Evaluate evaluates every worker on scheme s; see New and
// Evaluator.Evaluate.
func Evaluate(s *scheme.Scheme, cfg Config, workers []Worker) ([]Outcome, error) {
	e, err := New(s, cfg)
	if err != nil {
		return nil, err
	}
	out := make([]Outcome, len(workers))
	for i := range workers {
		if out[i], err = e.Evaluate(workers[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Evaluate follows worker w through the scheme: the career year by year
// until retirement, then the pension until the last age. It returns an
// *InputError for a bad worker, or a *actuarial.RateError for a mortality
// rate that is not a probability.
func (e *Evaluator) Evaluate(w Worker) (Outcome, error) {
	if err := w.Validate(); err != nil {
		return Outcome{}, err
	}
	as := &e.s.Assumptions
	start := e.s.StartYear
	o := Outcome{Worker: w}
	sx := w.Sex.Index()
	// The economy on 1 January of the year: the average salary, the
	// reference unit, the price level and the discount factor to the
	// entry year; stepped from StartYear.
	avg, unit, prices := e.cfg.AverageSalary, as.Unit, 1.0
	for y := start + 1; y <= e.cfg.EntryYear; y++ {
		avg *= 1 + as.WageGrowth.At(y)
		unit *= 1 + as.UnitGrowth.At(y)
	}
	disc := 1.0
	next := func(y int) {
		disc /= 1 + as.Return.At(y)
		avg *= 1 + as.WageGrowth.At(y+1)
		unit *= 1 + as.UnitGrowth.At(y+1)
		prices *= 1 + as.Inflation.At(y+1)
	}
	y, x := e.cfg.EntryYear, w.EntryAge
	e.salaries = e.salaries[:0]
	var workerPaid float64
	var factor float64
	kind := rules.None
	for {
		e.law.Year(&e.yr, e.cfg.Group, y, unit)
		r := e.yr.Rules
		kind, factor = rules.Entitlement(r, w.Sex, y, x, o.Service)
		comp := r.CompulsoryAge[sx]
		retire := kind == rules.Full
		if w.RetireAge != 0 {
			retire = x >= w.RetireAge && kind != rules.None
		}
		if retire || (comp > 0 && x >= comp) || x == census.MaxCensusAge {
			break
		}
		if !w.gap(x) {
			s := avg * w.multiple(x)
			base := min(s, e.yr.Ceiling)
			var rate float64
			for _, c := range e.yr.ContributionRate {
				rate += c
			}
			o.PVContributions += rate * base * disc / math.Sqrt(1+as.Return.At(y))
			workerPaid += e.yr.ContributionRate[scheme.Worker] * base
			e.salaries = append(e.salaries, s)
			o.Service++
		}
		next(y)
		y++
		x++
	}
	o.Year, o.Age = y, x
	if n := len(e.salaries); n > 0 {
		o.FinalSalary = e.salaries[n-1]
		k := min(max(e.yr.Rules.Retirement.ReferenceYears, 1), n)
		for _, s := range e.salaries[n-k:] {
			o.ReferenceSalary += s
		}
		o.ReferenceSalary /= float64(k)
	}
	if kind == rules.None {
		o.Refund = e.yr.Refund * workerPaid
		o.PVBenefits = o.Refund * disc
		o.MoneysWorth = ratio(o.PVBenefits, o.PVContributions)
		return o, nil
	}
	o.Type = kind.Pension()
	o.Pension, _ = rules.Clamp(factor*o.ReferenceSalary, e.yr.RetFloor[sx], e.yr.RetCap[sx])
	o.Replacement = ratio(o.Pension, o.FinalSalary)
	o.AwardToWages = o.Pension / avg
	p, kp, prices0 := o.Pension, 1.0, prices
	for k := 0; k <= max(After[len(After)-1], census.MaxCensusAge-o.Age); k++ {
		t, age := y+k, o.Age+k
		if k > 0 {
			e.law.Year(&e.yr, e.cfg.Group, t, unit)
		}
		for i, a := range After {
			if k == a {
				o.Indexed[i] = p
				o.Real[i] = p * prices0 / prices
				o.RelativeToWages[i] = p / avg
			}
		}
		q := 1.0
		if age < census.MaxCensusAge {
			if err := e.law.Mortality.Fill(e.q, scheme.StatusRetired, sx, t); err != nil {
				return Outcome{}, err
			}
			q = e.q[age]
		}
		o.PVBenefits += p * (1 + e.yr.Extra) * kp * (1 - q/2) * disc / math.Sqrt(1+as.Return.At(t))
		kp *= 1 - q
		o.BenefitYears += kp
		p *= e.yr.Index
		next(t)
	}
	o.MoneysWorth = ratio(o.PVBenefits, o.PVContributions)
	return o, nil
}

// ratio is a/b, 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
