package modelworker

import (
	"fmt"
	"math"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
)

// Worker is a typical career.
type Worker struct {
	// Name labels the worker in outputs; may be empty.
	Name string
	// Sex is Male or Female.
	Sex actuarial.Sex
	// EntryAge is the age on joining, 15..MaxCensusAge−1.
	EntryAge int
	// Relative is the salary as a multiple of the average salary at every
	// age, > 0; used when Path has no values. 0 with no Path: 1 (an
	// average earner).
	Relative float64
	// Path is the salary as a multiple of the average salary by age; its
	// last value holds above its last age. Nil Values: Relative. It must
	// cover the ages from EntryAge on with positive values.
	Path actuarial.ByAge
	// Gaps are the ages (on 1 January) of years without contributions; nil:
	// none.
	Gaps []int
	// RetireAge is the age at which the worker retires if a pension is
	// then due (full or reduced); otherwise the worker stays until the
	// first age one is, or leaves at the compulsory age. 0: the earliest
	// full pension (or what the compulsory age gives).
	RetireAge int
}

// multiple is the worker's salary multiple at age x.
func (w *Worker) multiple(x int) float64 {
	if len(w.Path.Values) > 0 {
		return w.Path.At(x)
	}
	if w.Relative == 0 {
		return 1
	}
	return w.Relative
}

// label names w in errors.
func (w *Worker) label() string {
	if w.Name != "" {
		return "Worker[" + w.Name + "]"
	}
	return "Worker"
}

// Validate checks w, returning an *InputError naming the first bad field.
func (w *Worker) Validate() error {
	l := w.label()
	if w.Sex != actuarial.Male && w.Sex != actuarial.Female {
		return &InputError{l + ".Sex", w.Sex, "must be male or female"}
	}
	if w.EntryAge < 15 || w.EntryAge >= census.MaxCensusAge {
		return &InputError{l + ".EntryAge", w.EntryAge, fmt.Sprintf("must lie in 15..%d", census.MaxCensusAge-1)}
	}
	if !(w.Relative >= 0) || math.IsInf(w.Relative, 0) {
		return &InputError{l + ".Relative", w.Relative, "must be finite and ≥ 0"}
	}
	if len(w.Path.Values) > 0 {
		if w.Path.MinAge > w.EntryAge {
			return &InputError{l + ".Path.MinAge", w.Path.MinAge, fmt.Sprintf("must be at most the entry age %d", w.EntryAge)}
		}
		for i, v := range w.Path.Values {
			if !(v > 0) || math.IsInf(v, 0) {
				return &InputError{fmt.Sprintf("%s.Path[age %d]", l, w.Path.MinAge+i), v, "must be finite and > 0"}
			}
		}
	}
	if w.RetireAge != 0 && (w.RetireAge <= w.EntryAge || w.RetireAge > census.MaxCensusAge) {
		return &InputError{l + ".RetireAge", w.RetireAge, fmt.Sprintf("must be 0 or lie in %d..%d", w.EntryAge+1, census.MaxCensusAge)}
	}
	for i, g := range w.Gaps {
		if g < w.EntryAge {
			return &InputError{fmt.Sprintf("%s.Gaps[%d]", l, i), g, "is before the entry age"}
		}
	}
	return nil
}

// gap reports whether age x is a year without contributions.
func (w *Worker) gap(x int) bool { return slices.Contains(w.Gaps, x) }

// Standard returns the six standard model workers: a low earner (60% of
// the average salary) and a high earner (200%) of each sex with a full
// career from age 25; a woman with a short career (entry at 35, five
// years out at 40–44, on the average salary); and a man with a long
// career from age 20 on the average salary. All take the earliest full
// pension. The slice is new: a caller may append its own workers.
func Standard() []Worker {
	return []Worker{
		{Name: "low earner, man", Sex: actuarial.Male, EntryAge: 25, Relative: 0.6},
		{Name: "high earner, man", Sex: actuarial.Male, EntryAge: 25, Relative: 2},
		{Name: "low earner, woman", Sex: actuarial.Female, EntryAge: 25, Relative: 0.6},
		{Name: "high earner, woman", Sex: actuarial.Female, EntryAge: 25, Relative: 2},
		{Name: "short career, woman", Sex: actuarial.Female, EntryAge: 35, Relative: 1, Gaps: []int{40, 41, 42, 43, 44}},
		{Name: "long career, man", Sex: actuarial.Male, EntryAge: 20, Relative: 1},
	}
}
