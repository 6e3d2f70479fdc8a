package actuarial_test

import (
	"math"

	"github.com/reserva-go/reserva/mortality"
)

// wrapped hides a *LifeTable behind the bare Table interface, so that the
// generic paths (not the *LifeTable fast paths) run.
type wrapped struct{ t *mortality.LifeTable }

func (w wrapped) Q(age int) float64 { return w.t.Q(age) }
func (w wrapped) MinAge() int       { return w.t.MinAge() }
func (w wrapped) MaxAge() int       { return w.t.MaxAge() }

// selectLife is the table a select life lives through: the ultimate rate
// scaled by factor[k] in the k-th year after selection at age x0 (a
// Table whose Q(x0+k) is q_[x0]+k).
type selectLife struct {
	ult    mortality.Table
	x0     int
	factor []float64
}

func (s selectLife) Q(age int) float64 {
	q := s.ult.Q(age)
	if k := age - s.x0; k < len(s.factor) {
		q *= s.factor[k]
	}
	return q
}
func (s selectLife) MinAge() int { return s.x0 }
func (s selectLife) MaxAge() int { return s.ult.MaxAge() }

// badTable reports a NaN rate at one age.
type badTable struct{ wrapped }

func (b badTable) Q(age int) float64 {
	if age == 70 {
		return math.NaN()
	}
	return b.wrapped.Q(age)
}

// panicMessage runs f and returns the value it panicked with, or "" if it
// did not panic.
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg, _ = r.(string)
			if msg == "" {
				msg = "non-string panic"
			}
		}
	}()
	f()
	return ""
}
