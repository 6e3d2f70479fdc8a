// Who gains, who loses: the change a reform makes to each birth cohort's
// present values of benefits and contributions.

package reform

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// CohortGain is what a reform changes for one birth cohort of one sex
// (and one service band, when the projections have them): the present
// values at the base's start of its benefits and of every payer's
// contributions under the base and the reform
// ([projection.CohortValue]), and the members it counts.
type CohortGain struct {
	Sex              actuarial.Sex
	BornFrom, BornTo int
	// Band is the cohort's service band ([projection.Split.Band]): the
	// band of its members' service on the valuation date, the pensions in
	// payment then, or the future entrants; Kind AllBands when the
	// projections have no service bands.
	Band projection.Band
	// Members are the cohort's lives in the base on 1 January of its
	// first year with a member (actives and pensions in payment), and the
	// entrants who join it later.
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

// Gains is who gains and who loses under a reform, by sex, service band
// (when the projections have them) and birth cohort, ordered so.
//
// # Members
//
// The share losing is counted member by member as far as the projection
// tells members apart. The cell projection treats alike every member of a
// model point: the members of one sex born in the same year and of the
// same service band (all groups together, since a reform may split
// groups). A point's present values are its members' (a point is a
// [projection.Split]'s row, followed from year to year), and each member
// of a point loses what the point loses. With service bands one year wide
// (ServiceBands {0, 1, 2, …, MaxService}), a point of the census's actives
// is one census cell of sex, age and service; with the default ten-year
// bands it gathers ten such cells. The pensions in payment on the
// valuation date form a point by sex and age, and the future entrants one
// by sex and year of birth. Members are counted as CohortGain counts them:
// lives on 1 January of the point's first year with some member, and the
// entrants who join the point later.
type Gains struct {
	Cohorts []CohortGain
	// LossThreshold is the x of LosingShare, a fraction (0.1: 10%).
	LossThreshold float64
	// LosingShare is the share of the members whose benefits lose more
	// than LossThreshold of their value: of the members of every model
	// point (see Members above), those of the points whose present value
	// of benefits falls by more than LossThreshold, weighted by their
	// number.
	LosingShare float64
	// Points is the number of model points counted.
	Points int
}

// gainKey names a cohort or a point: sex, band, first year of birth.
type gainKey struct {
	sex  actuarial.Sex
	band projection.Band
	from int
}

// WhoGains compares the cohorts of a base and a reform projected with the
// projector's Split set ([projection.Result.CohortValues], all groups
// together since a reform may split groups), width years of birth a cohort
// (0: five), by service band when both projections have the same
// ServiceBands, and the share of members losing more than lossThreshold
// (a fraction ≥ 0) of their benefits' value, counted point by point (see
// [Gains]). The two results must start in the same year and have the same
// service bands. A cohort in one result only counts with zero values in
// the other.
func WhoGains(base, reformed *projection.Result, width int, lossThreshold float64) (*Gains, error) {
	switch {
	case base == nil || reformed == nil:
		return nil, fmt.Errorf("%w: WhoGains of a nil result", ErrInvalid)
	case base.StartYear != reformed.StartYear:
		return nil, fmt.Errorf("%w: WhoGains: base starts in %d, reform in %d", ErrInvalid, base.StartYear, reformed.StartYear)
	case !(lossThreshold >= 0):
		return nil, fmt.Errorf("%w: WhoGains: loss threshold %v: want a fraction ≥ 0", ErrInvalid, lossThreshold)
	case base.Split == nil || reformed.Split == nil:
		return nil, fmt.Errorf("%w: WhoGains: a result without a split (set Projector.Split)", ErrInvalid)
	case !slices.Equal(base.Split.ServiceBands, reformed.Split.ServiceBands):
		return nil, fmt.Errorf("%w: WhoGains: service bands %v in the base, %v in the reform", ErrInvalid,
			base.Split.ServiceBands, reformed.Split.ServiceBands)
	}
	byBand := base.Split.ServiceBands != nil
	g := &Gains{LossThreshold: lossThreshold}
	var err error
	if g.Cohorts, err = gainsBy(base, reformed, width, byBand); err != nil {
		return nil, err
	}
	points, err := gainsBy(base, reformed, 1, byBand)
	if err != nil {
		return nil, err
	}
	var all, losing float64
	for i := range points {
		c := &points[i]
		all += c.Members
		if c.BenefitChangeShare() < -lossThreshold {
			losing += c.Members
		}
	}
	if all > 0 {
		g.LosingShare = losing / all
	}
	g.Points = len(points)
	return g, nil
}

// gainsBy returns the gains by sex, band (when byBand) and birth cohort
// of width years, ordered so.
func gainsBy(base, reformed *projection.Result, width int, byBand bool) ([]CohortGain, error) {
	bv, err := base.CohortValuesBy(width, false, byBand)
	if err != nil {
		return nil, fmt.Errorf("reform: WhoGains: base: %w", err)
	}
	rv, err := reformed.CohortValuesBy(width, false, byBand)
	if err != nil {
		return nil, fmt.Errorf("reform: WhoGains: reform: %w", err)
	}
	idx := map[gainKey]int{}
	var out []CohortGain
	at := func(v *projection.CohortValue) *CohortGain {
		k := gainKey{v.Sex, v.Band, v.BornFrom}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, CohortGain{Sex: v.Sex, BornFrom: v.BornFrom, BornTo: v.BornTo, Band: v.Band})
		}
		return &out[i]
	}
	members := map[gainKey]float64{}
	for _, c := range base.Split.CohortsBy(width, false, byBand) {
		var n float64
		first := true
		for t := range c.Years {
			y := &c.Years[t]
			if first {
				n = y.Actives + y.TotalPensioners()
				first = !(n > 0)
			} else {
				n += y.Entrants
			}
		}
		members[gainKey{c.Sex, c.Band, c.BornFrom}] = n
	}
	for i := range bv {
		c := at(&bv[i])
		c.BaseBenefits, c.BaseContributions = bv[i].Benefits, bv[i].TotalContributions()
		c.Members = members[gainKey{bv[i].Sex, bv[i].Band, bv[i].BornFrom}]
	}
	for i := range rv {
		c := at(&rv[i])
		c.ReformBenefits, c.ReformContributions = rv[i].Benefits, rv[i].TotalContributions()
	}
	// A cohort of the reform only (a reform's new group, say) goes in its
	// place: by sex, band, then birth year.
	slices.SortStableFunc(out, func(a, b CohortGain) int {
		if c := cmp.Compare(a.Sex.Index(), b.Sex.Index()); c != 0 {
			return c
		}
		if c := cmp.Compare(bandOrder(a.Band), bandOrder(b.Band)); c != 0 {
			return c
		}
		return cmp.Compare(a.BornFrom, b.BornFrom)
	})
	return out, nil
}

// bandOrder ranks bands as a split orders them: service bands by their
// service, then in payment, then future entrants.
func bandOrder(b projection.Band) int {
	switch b.Kind {
	case projection.InPayment:
		return 1 << 20
	case projection.FutureEntrants:
		return 1<<20 + 1
	}
	return b.From
}

// WriteCSV writes the table of gains, one row per cohort: sex, birth
// years, service band ([projection.Band.String]: "all" without bands),
// members, the present values of benefits and contributions under
// the base and the reform, their changes and the benefits' change in
// percent; numbers in full precision ('g', −1).
func (g *Gains) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	_ = cw.Write([]string{"sex", "born_from", "born_to", "band", "members", "base_benefits", "reform_benefits", "benefit_change",
		"base_contributions", "reform_contributions", "contribution_change", "benefit_change_pct"})
	for i := range g.Cohorts {
		c := &g.Cohorts[i]
		_ = cw.Write([]string{string(c.Sex), strconv.Itoa(c.BornFrom), strconv.Itoa(c.BornTo), c.Band.String(), f(c.Members),
			f(c.BaseBenefits), f(c.ReformBenefits), f(c.BenefitChange()),
			f(c.BaseContributions), f(c.ReformContributions), f(c.ContributionChange()), f(100 * c.BenefitChangeShare())})
	}
	cw.Flush()
	return cw.Error()
}

// WriteText writes the table of gains for reading, amounts rounded to
// whole money units and the change in benefits to 0.1%, with a column of
// service bands when the projections have them, followed by the share of
// members losing more than the threshold.
func (g *Gains) WriteText(w io.Writer) error {
	bands := g.banded()
	band := func(s string) string {
		if !bands {
			return ""
		}
		return fmt.Sprintf(" %-16s", s)
	}
	if _, err := fmt.Fprintf(w, "%-7s %-9s%s %14s %16s %16s %16s %8s\n", "Sex", "Born", band("Band"), "Members", "ΔPV benefits", "ΔPV contrib.", "PV benefits", "Δ%"); err != nil {
		return err
	}
	for i := range g.Cohorts {
		c := &g.Cohorts[i]
		if _, err := fmt.Fprintf(w, "%-7s %4d–%4d%s %14.0f %16.0f %16.0f %16.0f %7.1f%%\n", c.Sex, c.BornFrom, c.BornTo, band(c.Band.String()), c.Members,
			c.BenefitChange(), c.ContributionChange(), c.BaseBenefits, 100*c.BenefitChangeShare()); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "Members losing more than %.1f%% of their benefits' value: %.1f%%\n", 100*g.LossThreshold, 100*g.LosingShare)
	return err
}

// banded reports whether the cohorts are by service band.
func (g *Gains) banded() bool {
	return len(g.Cohorts) > 0 && g.Cohorts[0].Band.Kind != projection.AllBands
}
