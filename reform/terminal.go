// The ILO's terminal funding: a contribution rate each year that funds the
// capital values of the pensions awarded in it.

package reform

import (
	"context"
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// TerminalYear is one year of terminal funding.
type TerminalYear struct {
	Year int // the calendar year
	// CapitalValues[type], by [census.PensionType.Index], are the capital
	// values of the pensions awarded in the year, on 1 January of the year
	// in money of that day ([projection.Seriatim.AwardValues] times their
	// amounts on award); CapitalValue is their sum.
	CapitalValues [census.NumPensionTypes]float64
	CapitalValue  float64
	SalaryBill    float64 // the year's salaries
	// Rate is the terminal-funding contribution rate, CapitalValue over
	// SalaryBill, a fraction of salary; 0 in a year without salaries.
	Rate float64
}

// TerminalFunding gives, for each projected year of base (opt.Years; 0:
// [DefaultYears]), the ILO's terminal-funding contribution rate: the rate
// of salary that funds, in the year they are awarded, the capital values
// of the pensions awarded in it (Plamondon et al., Actuarial practice in
// social security, ILO/ISSA, 2002, ch. 8, "terminal funding", also called
// the assessment of constituent capitals; Iyer, Actuarial mathematics of
// social security pensions, ILO/ISSA, 1999, ch. 4). Under terminal
// funding the reserve holds the capital values of the pensions in payment
// and nothing for the actives' accruing rights; its rate lies between the
// pay-as-you-go cost rate and the general average premium, and rises as
// the scheme matures.
//
// The capital value of a pension is the expected present value on award
// of its payments, extra payments and indexation and of the survivors' and
// orphans' pensions it leaves, on the scheme's mortality and discounted at
// its Return ([projection.Seriatim.AwardValues], valued on 1 January of the
// award year): the awards of the cell projection by group, sex, age and
// type ([projection.Projector] Split, the amounts on award its rows'
// NewPensionAmounts), valued by annuities over the years to come plus
// [projection.ClosedGroupYears]. Old-age and early pensions are awarded on
// 1 January; disability, survivors' and orphans' pensions (and those of
// the work risks) during the year. Caps and floors are those on award:
// a floor's later top-ups in payment ([scheme.LimitsInPayment]) are not
// in the capital values.
func TerminalFunding(ctx context.Context, base *scheme.Scheme, opt Options) ([]TerminalYear, error) {
	if base == nil {
		panic("reform: TerminalFunding of a nil scheme")
	}
	if opt.Years < 0 {
		return nil, fmt.Errorf("%w: Years %d: want ≥ 0", ErrOptions, opt.Years)
	}
	years := opt.years()
	p, err := projection.NewProjector(base)
	if err != nil {
		return nil, err
	}
	p.Split = true
	res, err := p.RunContext(ctx, nil, years)
	if err != nil {
		return nil, err
	}
	v, err := projection.NewSeriatim(base, years+projection.ClosedGroupYears)
	if err != nil {
		return nil, err
	}
	sp := res.Split
	out := make([]TerminalYear, len(res.Years))
	var vals []float64
	for t := range res.Years {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ty := &out[t]
		ty.Year, ty.SalaryBill = res.Years[t].Year, res.Years[t].SalaryBill
		for g := range sp.Groups {
			vals = v.AwardValues(vals, g, t)
			for sx := range actuarial.NumSexes {
				sex := actuarial.SexAt(sx)
				for age := range projection.Ages {
					row := sp.Row(t, g, sex, age)
					for ti, a := range row.NewPensionAmounts {
						if a != 0 {
							ty.CapitalValues[ti] += a * vals[(ti*actuarial.NumSexes+sx)*projection.Ages+age]
						}
					}
				}
			}
		}
		for _, c := range ty.CapitalValues {
			ty.CapitalValue += c
		}
		if ty.SalaryBill > 0 {
			ty.Rate = ty.CapitalValue / ty.SalaryBill
		}
	}
	return out, nil
}
