package rules

import (
	"fmt"
	"math"
	"reflect"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// NumAges is the number of ages an engine follows, 0..MaxCensusAge.
const NumAges = census.MaxCensusAge + 1

// Mortality is Assumptions.Mortality with its fallbacks resolved: a table
// for every status and sex.
type Mortality struct {
	Table [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable // never nil
	// Alias is the status whose table a missing one falls back to, −1 for
	// a table of its own.
	Alias [scheme.NumLifeStatuses][actuarial.NumSexes]int
	// Static marks a PeriodTable: the same rates in every year.
	Static [scheme.NumLifeStatuses][actuarial.NumSexes]bool
}

// resolve resolves the fallbacks of as.Mortality: survivors and the
// disabled follow the actives and the retired as [scheme.Assumptions] says.
func (m *Mortality) resolve(as *scheme.Assumptions) {
	fallback := [scheme.NumLifeStatuses]scheme.LifeStatus{scheme.StatusActive, scheme.StatusActive, scheme.StatusRetired, scheme.StatusRetired}
	for st := range scheme.NumLifeStatuses {
		for sx := range actuarial.NumSexes {
			m.Alias[st][sx] = -1
			t := as.Mortality[st][sx]
			if t == nil {
				f := fallback[st]
				t = m.Table[f][sx]
				m.Alias[st][sx] = int(f)
				if m.Alias[f][sx] >= 0 {
					m.Alias[st][sx] = m.Alias[f][sx]
				}
			}
			m.Table[st][sx] = t
			switch t.(type) {
			case scheme.PeriodTable, *scheme.PeriodTable:
				m.Static[st][sx] = true
			}
		}
	}
}

// Same reports whether m and o resolve to the same tables: the same
// pointers, or PeriodTables of the same pointers (any other table counts
// as different).
func (m *Mortality) Same(o *Mortality) bool {
	for st := range scheme.NumLifeStatuses {
		for sx := range actuarial.NumSexes {
			a, b := m.Table[st][sx], o.Table[st][sx]
			pa, okA := a.(scheme.PeriodTable)
			pb, okB := b.(scheme.PeriodTable)
			if okA && okB {
				if !samePointer(pa.Table, pb.Table) {
					return false
				}
			} else if !samePointer(a, b) {
				return false
			}
		}
	}
	return true
}

// samePointer reports whether a and b are the same pointer.
func samePointer(a, b any) bool {
	t := reflect.TypeOf(a)
	return t != nil && t == reflect.TypeOf(b) && t.Kind() == reflect.Pointer && a == b
}

// Fill sets q[age] to the probability of dying in calendar year y of a
// life of status st and sex index sx, for ages 0..MaxCensusAge (q has at
// least NumAges elements); q at MaxCensusAge is 1. Ages below a table's
// first age take the rate of its first age. It returns a
// [*actuarial.RateError] for a rate that is not a probability.
func (m *Mortality) Fill(q []float64, st scheme.LifeStatus, sx, y int) error {
	q = q[:NumAges]
	t := m.Table[st][sx]
	lo := t.MinAge()
	for age := range census.MaxCensusAge {
		r := t.Q(max(age, lo), y)
		if !(r >= 0 && r <= 1) {
			err := actuarial.ErrRate
			if math.IsNaN(r) {
				err = actuarial.ErrNotFinite
			}
			return &actuarial.RateError{Field: fmt.Sprintf("mortality of %v %v in %d", st, actuarial.SexAt(sx), y),
				Age: age, Service: -1, Value: r, Err: err}
		}
		q[age] = r
	}
	q[census.MaxCensusAge] = 1
	return nil
}

// StatusOf is the mortality status of the beneficiaries of a pension type.
func StatusOf(t census.PensionType) scheme.LifeStatus {
	switch t {
	case census.PensionOldAge, census.PensionEarly:
		return scheme.StatusRetired
	case census.PensionDisability, census.PensionWorkDisability:
		return scheme.StatusDisabled
	}
	return scheme.StatusSurvivor
}
