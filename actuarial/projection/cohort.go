// The present values of each birth cohort's contributions and benefits,
// their money's worth and internal rate of return.

package projection

import (
	"errors"
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/root"
)

// CohortValue is what one birth cohort (of a sex, and a group or all)
// pays and receives over a projection, valued at the scheme's projected
// returns with each year's flows paid mid-year, as
// [Result.PresentValues] values them. Flows after the projection's last
// year are not counted: project far enough (the default 100 years) for
// the youngest cohorts of interest to die out.
type CohortValue struct {
	CohortKey
	// Entry is the first calendar year the cohort has a member (active or
	// pensioner): StartYear for the census's cohorts, a later year for
	// cohorts of future entrants only.
	Entry int
	// Contributions by payer and Benefits (pensions, extra payments and
	// refunds) are present values at 1 January of StartYear.
	Contributions [scheme.NumPayers]float64
	Benefits      float64
	// AtEntry are the same values at 1 January of Entry: the values from
	// entry for new entrants (equal to the above when Entry is StartYear).
	ContributionsAtEntry float64 // every payer's
	BenefitsAtEntry      float64
	// MoneysWorth is Benefits over the contributions of every payer; 0
	// when the cohort pays no contributions (a cohort of pensioners).
	MoneysWorth float64
	// IRR is the internal rate of return of the cohort's flows (benefits
	// less contributions of every payer, mid-year); IRROK is false, and IRR
	// 0, when none exists (no contributions, or no benefits within the
	// horizon).
	IRR   float64
	IRROK bool
}

// TotalContributions is the present value of every payer's contributions.
func (v *CohortValue) TotalContributions() float64 {
	var c float64
	for _, x := range v.Contributions {
		c += x
	}
	return c
}

// CohortValues values each birth cohort of a result projected with the
// projector's Split set: cohorts as [Split.Cohorts] forms them (width 0:
// five years of birth; by group or not). Their present values add up to
// [Result.PresentValues]'s contributions and benefits. It returns an error
// when the result has no split, or when its returns do not make a curve.
func (r *Result) CohortValues(width int, byGroup bool) ([]CohortValue, error) {
	return r.CohortValuesBy(width, byGroup, false)
}

// CohortValuesBy is [Result.CohortValues], by service band too when byBand
// (cohorts as [Split.CohortsBy] forms them).
func (r *Result) CohortValuesBy(width int, byGroup, byBand bool) ([]CohortValue, error) {
	if r.Split == nil {
		return nil, errors.New("actuarial: CohortValues: the result has no split (set Projector.Split)")
	}
	c, err := r.ReturnCurve()
	if err != nil {
		return nil, err
	}
	n := len(r.Years)
	d := c.DiscountFactors(nil, n, actuarial.MidYear)
	start := c.DiscountFactors(nil, n, actuarial.StartOfYear)
	cs := r.Split.CohortsBy(width, byGroup, byBand)
	out := make([]CohortValue, len(cs))
	times, flows := make([]float64, 0, n), make([]float64, 0, n)
	for k := range cs {
		co := &cs[k]
		v := &out[k]
		v.CohortKey = co.CohortKey
		entry := -1
		times, flows = times[:0], flows[:0]
		for t := range co.Years {
			y := &co.Years[t]
			if entry < 0 && (y.Actives > 0 || y.TotalPensioners() > 0 || y.Benefits() > 0) {
				entry = t
			}
			for pay := range y.Contributions {
				v.Contributions[pay] += d[t] * y.Contributions[pay]
			}
			b := y.Benefits()
			v.Benefits += d[t] * b
			if net := b - y.TotalContributions(); net != 0 {
				times, flows = append(times, float64(t)+0.5), append(flows, net)
			}
		}
		entry = max(entry, 0)
		v.Entry = r.StartYear + entry
		tc := v.TotalContributions()
		v.ContributionsAtEntry, v.BenefitsAtEntry = tc/start[entry], v.Benefits/start[entry]
		if tc > 0 {
			v.MoneysWorth = v.Benefits / tc
		}
		if irr, err := root.IRR(times, flows); err == nil {
			v.IRR, v.IRROK = irr, true
		} else if !errors.Is(err, root.ErrNoRoot) {
			return nil, fmt.Errorf("actuarial: CohortValues: cohort %d–%d: %w", v.BornFrom, v.BornTo, err)
		}
	}
	return out, nil
}

// TotalPensioners are the row's pensions in payment on 1 January.
func (r *SplitRow) TotalPensioners() float64 {
	var n float64
	for _, x := range r.Pensioners {
		n += x
	}
	return n
}
