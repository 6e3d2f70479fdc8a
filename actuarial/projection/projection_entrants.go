// The entrants of a projection year.

package projection

import (
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// enter adds the entrants of 1 January of year y (year t of the run) and
// returns their number. actives were the actives of the year before, of
// whom survivors remain; wageIndex is the wage level of y against the start
// year.
func (p *Projector) enter(y, t int, actives, survivors, wageIndex float64, det *CellDetail) float64 {
	e := &p.s.Assumptions.Entrants
	var total float64
	switch e.Mode {
	case scheme.ClosedGroup:
		return 0
	case scheme.FixedEntrants:
		total = e.Count.At(y)
	case scheme.GrowthEntrants:
		total = actives*(1+e.Growth.At(y)) - survivors
	case scheme.ReplacementEntrants:
		total = actives - survivors
	}
	if !(total > 0) {
		return 0
	}
	g := 0
	for _, eg := range p.s.EntrantGroups {
		if eg.From > y {
			break
		}
		g = eg.Group
	}
	for i := range e.Profile {
		pr := &e.Profile[i]
		m := total * p.entW[i]
		if m == 0 {
			continue
		}
		sx := pr.Sex.Index()
		c := g*p.nA + (sx*nAges+pr.Age)*p.ns
		if p.sp != nil {
			p.splitEnter(g, sx, pr.Age, m)
			if p.ms == 0 {
				p.splitEnterCap(g, sx, pr.Age, m, m*pr.Salary*wageIndex, p.aN[c], p.aS[c])
			}
		}
		p.aN[c] += m
		p.aS[c] += m * pr.Salary * wageIndex
		p.extend(g, sx, pr.Age, 0)
		if det != nil {
			det.Entrants[t*p.nG*p.nA+c] += m
		}
	}
	return total
}
