// Who gains, who loses: the change a reform makes to each birth cohort's
// present values of benefits and contributions.

package reform

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// CohortGain is what a reform changes for one birth cohort of one sex:
// the present values at the base's start of its benefits and of every
// payer's contributions under the base and the reform
// ([projection.CohortValue]), and the members it counts.
type CohortGain struct {
	Sex              actuarial.Sex
	BornFrom, BornTo int
	// Members are the cohort's lives in the base on 1 January of its
	// entry year (actives and pensions in payment).
	Members                                float64
	BaseBenefits, ReformBenefits           float64
	BaseContributions, ReformContributions float64
}

// BenefitChange is ReformBenefits − BaseBenefits.
func (c *CohortGain) BenefitChange() float64 { return c.ReformBenefits - c.BaseBenefits }

// ContributionChange is ReformContributions − BaseContributions.
func (c *CohortGain) ContributionChange() float64 {
	return c.ReformContributions - c.BaseContributions
}

// BenefitChangeShare is BenefitChange over BaseBenefits: −0.1 is a loss of
// 10% of the benefits' value; 0 when the base pays the cohort nothing.
func (c *CohortGain) BenefitChangeShare() float64 {
	if c.BaseBenefits == 0 {
		return 0
	}
	return c.BenefitChange() / c.BaseBenefits
}

// Gains is who gains and who loses under a reform, by sex and birth
// cohort, ordered by sex then birth year.
type Gains struct {
	Cohorts []CohortGain
	// LossThreshold is the x of LosingShare, a fraction (0.1: 10%).
	LossThreshold float64
	// LosingShare is the share of the members (as Members counts them)
	// in cohorts whose benefits lose more than LossThreshold of their
	// value: a cohort's members all count as losing or none do.
	LosingShare float64
}

// WhoGains compares the cohorts of a base and a reform projected with the
// projector's Split set ([projection.Result.CohortValues], all groups
// together since a reform may split groups), width years of birth a cohort
// (0: five), and the share of members losing more than lossThreshold
// (a fraction ≥ 0) of their benefits' value. The two results must start in
// the same year. A cohort in one result only counts with zero values in the
// other.
func WhoGains(base, reformed *projection.Result, width int, lossThreshold float64) (*Gains, error) {
	switch {
	case base == nil || reformed == nil:
		return nil, fmt.Errorf("%w: WhoGains of a nil result", ErrInvalid)
	case base.StartYear != reformed.StartYear:
		return nil, fmt.Errorf("%w: WhoGains: base starts in %d, reform in %d", ErrInvalid, base.StartYear, reformed.StartYear)
	case !(lossThreshold >= 0):
		return nil, fmt.Errorf("%w: WhoGains: loss threshold %v: want a fraction ≥ 0", ErrInvalid, lossThreshold)
	}
	bv, err := base.CohortValues(width, false)
	if err != nil {
		return nil, fmt.Errorf("reform: WhoGains: base: %w", err)
	}
	rv, err := reformed.CohortValues(width, false)
	if err != nil {
		return nil, fmt.Errorf("reform: WhoGains: reform: %w", err)
	}
	type key struct {
		sex  actuarial.Sex
		from int
	}
	idx := map[key]int{}
	g := &Gains{LossThreshold: lossThreshold}
	at := func(v *projection.CohortValue) *CohortGain {
		k := key{v.Sex, v.BornFrom}
		i, ok := idx[k]
		if !ok {
			i = len(g.Cohorts)
			idx[k] = i
			g.Cohorts = append(g.Cohorts, CohortGain{Sex: v.Sex, BornFrom: v.BornFrom, BornTo: v.BornTo})
		}
		return &g.Cohorts[i]
	}
	members := map[key]float64{}
	for _, c := range base.Split.Cohorts(width, false) {
		for t := range c.Years {
			if n := c.Years[t].Actives + c.Years[t].TotalPensioners(); n > 0 {
				members[key{c.Sex, c.BornFrom}] = n
				break
			}
		}
	}
	for i := range bv {
		c := at(&bv[i])
		c.BaseBenefits, c.BaseContributions = bv[i].Benefits, bv[i].TotalContributions()
		c.Members = members[key{bv[i].Sex, bv[i].BornFrom}]
	}
	for i := range rv {
		c := at(&rv[i])
		c.ReformBenefits, c.ReformContributions = rv[i].Benefits, rv[i].TotalContributions()
	}
	var all, losing float64
	for i := range g.Cohorts {
		c := &g.Cohorts[i]
		all += c.Members
		if c.BenefitChangeShare() < -lossThreshold {
			losing += c.Members
		}
	}
	if all > 0 {
		g.LosingShare = losing / all
	}
	return g, nil
}

// WriteCSV writes the table of gains, one row per cohort: sex, birth
// years, members, the present values of benefits and contributions under
// the base and the reform, their changes and the benefits' change in
// percent; numbers in full precision ('g', −1).
func (g *Gains) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	_ = cw.Write([]string{"sex", "born_from", "born_to", "members", "base_benefits", "reform_benefits", "benefit_change",
		"base_contributions", "reform_contributions", "contribution_change", "benefit_change_pct"})
	for i := range g.Cohorts {
		c := &g.Cohorts[i]
		_ = cw.Write([]string{string(c.Sex), strconv.Itoa(c.BornFrom), strconv.Itoa(c.BornTo), f(c.Members),
			f(c.BaseBenefits), f(c.ReformBenefits), f(c.BenefitChange()),
			f(c.BaseContributions), f(c.ReformContributions), f(c.ContributionChange()), f(100 * c.BenefitChangeShare())})
	}
	cw.Flush()
	return cw.Error()
}

// WriteText writes the table of gains for reading, amounts rounded to
// whole money units and the change in benefits to 0.1%, followed by the
// share of members losing more than the threshold.
func (g *Gains) WriteText(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%-7s %-9s %14s %16s %16s %16s %8s\n", "Sex", "Born", "Members", "ΔPV benefits", "ΔPV contrib.", "PV benefits", "Δ%"); err != nil {
		return err
	}
	for i := range g.Cohorts {
		c := &g.Cohorts[i]
		if _, err := fmt.Fprintf(w, "%-7s %4d–%4d %14.0f %16.0f %16.0f %16.0f %7.1f%%\n", c.Sex, c.BornFrom, c.BornTo, c.Members,
			c.BenefitChange(), c.ContributionChange(), c.BaseBenefits, 100*c.BenefitChangeShare()); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "Members losing more than %.1f%% of their benefits' value: %.1f%%\n", 100*g.LossThreshold, 100*g.LosingShare)
	return err
}
