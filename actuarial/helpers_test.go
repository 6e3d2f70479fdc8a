package actuarial_test

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

// sult is AMLCR's Standard Ultimate Life Table: Makeham A = 0.00022,
// B = 2.7e-6, C = 1.124 from age 20 (Dickson, Hardy & Waters, Actuarial
// Mathematics for Life Contingent Risks, 2nd ed., Appendix D).
func sult(t testing.TB) *mortality.LifeTable {
	t.Helper()
	tbl, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	require.NoError(t, err)
	return tbl
}

// ilt is the SOA Illustrative Life Table (Bowers et al., Actuarial
// Mathematics, 2nd ed., Appendix 2A), read from testdata/soa (see its
// README for provenance).
func ilt(t testing.TB) *mortality.LifeTable {
	t.Helper()
	f, err := os.Open("../testdata/soa/soa_ilt_lx.csv")
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"x", "lx"}, recs[0])
	l := make([]float64, 0, len(recs)-1)
	for i, r := range recs[1:] {
		x, err := strconv.Atoi(r[0])
		require.NoError(t, err)
		require.Equal(t, i, x, "ages run from 0 without gaps")
		v, err := strconv.ParseFloat(strings.TrimSpace(r[1]), 64)
		require.NoError(t, err)
		l = append(l, v)
	}
	tbl, err := mortality.FromSurvivors(0, l)
	require.NoError(t, err)
	return tbl
}

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
