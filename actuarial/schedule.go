package actuarial

import (
	"fmt"
	"math"
)

// Step is one change of a [Schedule]: from calendar Year on, the quantity is
// Value (until the next step).
type Step struct {
	Year  int     // calendar year the value takes effect (1 January)
	Value float64 // the value from that year on
}

// Schedule is a quantity that a law sets and changes by calendar year — a
// contribution rate, a ceiling, a minimum retirement age — as a step
// function: in a year, the value of the last step at or before it. Years
// before the first step take the first step's value (the rule in force when
// the record starts). A nil Schedule is 0 in every year.
//
// Steps must be in strictly increasing years; [Schedule.Validate] checks it.
type Schedule []Step

// Constant returns the schedule that is v in every year.
func Constant(v float64) Schedule { return Schedule{{Value: v}} }

// At returns the value in a calendar year. (A long schedule, a path of
// yearly values such as a stochastic scenario's, is searched by halves.)
func (s Schedule) At(year int) float64 {
	if len(s) == 0 {
		return 0
	}
	if len(s) > 16 {
		if i := year - s[0].Year; i >= 0 && i < len(s) && s[i].Year == year {
			return s[i].Value // a step a year
		}
		// The last step at or before year: s[lo].Year ≤ year < s[hi].Year,
		// the first step standing for the years before it.
		lo, hi := 0, len(s)
		for hi-lo > 1 {
			m := int(uint(lo+hi) >> 1)
			if s[m].Year <= year {
				lo = m
			} else {
				hi = m
			}
		}
		return s[lo].Value
	}
	v := s[0].Value
	for _, st := range s[1:] {
		if st.Year > year {
			break
		}
		v = st.Value
	}
	return v
}

// Validate reports steps out of order or values that are not finite.
func (s Schedule) Validate() error {
	for i, st := range s {
		if math.IsNaN(st.Value) || math.IsInf(st.Value, 0) {
			return fmt.Errorf("actuarial: schedule step %d (year %d): value %v is not finite", i, st.Year, st.Value)
		}
		if i > 0 && st.Year <= s[i-1].Year {
			return fmt.Errorf("actuarial: schedule step %d: year %d does not follow year %d", i, st.Year, s[i-1].Year)
		}
	}
	return nil
}

// Phase describes a schedule that is From in every year before Start and
// moves by Step each year from Start on until it reaches To, then stays
// there: "+0.5 points a year from 2023 until 15%" is
//
//	Phase{Start: 2023, From: 0.10, To: 0.15, Step: 0.005}.Schedule()
//
// The sign of Step is taken from the direction From → To; a zero Step jumps
// to To in year Start.
type Phase struct {
	Start    int     // the calendar year of the first move
	From, To float64 // the value before Start, and the value reached
	Step     float64 // the move a year, its sign ignored; 0: one jump in Start
}

// Schedule returns the phase-in as a [Schedule].
func (ph Phase) Schedule() Schedule {
	start, from, to, step := ph.Start, ph.From, ph.To, ph.Step
	s := Schedule{{Year: start - 1, Value: from}}
	if from == to {
		return s
	}
	step = math.Abs(step)
	if step == 0 {
		return append(s, Step{Year: start, Value: to})
	}
	if to < from {
		step = -step
	}
	v := from
	for y := start; ; y++ {
		v += step
		if (step > 0 && v >= to) || (step < 0 && v <= to) || math.Abs(v-to) < 1e-12 {
			return append(s, Step{Year: y, Value: to})
		}
		s = append(s, Step{Year: y, Value: v})
	}
}
