// The capital value of a pension on award, for terminal funding.

package projection

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/internal/vec"
)

// AwardValues sets dst[(type·NumSexes + sex)·Ages + age], by
// [census.PensionType.Index] and [actuarial.Sex.Index], to the capital
// value on 1 January of year index t (calendar year StartYear + t), in
// money of that day, of a pension of 1 a year of that type awarded in
// that year to a beneficiary of group g of that sex and age (last
// birthday on 1 January of the year: the age by which a [Split] row
// counts the award), and returns dst (allocated when nil; otherwise of
// length NumPensionTypes·NumSexes·Ages).
//
// The value follows the engines' timing: an old-age or early pension is
// awarded on that 1 January and paid from it; any other is awarded during
// the year, paid for half of it, and in payment from the next 1 January at
// age+1 (an orphan's reaching the year's end age is paid for the half
// year only; a survivor's moves through the share steps of the year's
// rules). It counts the pension's own payments, its extra payments and
// the survivors' and orphans' pensions it leaves on death, on the scheme's
// mortality and indexation (the rules of each year) and discounted at its
// Return, as the Seriatim valuation's annuities. It is complete only when
// the pension dies out within the horizon: build the Seriatim over
// t + [ClosedGroupYears] years for the values of year t. Out-of-range
// arguments panic.
func (v *Seriatim) AwardValues(dst []float64, g, t int) []float64 {
	if g < 0 || g >= v.nG || t < 0 || t >= v.years {
		panic(fmt.Sprintf("actuarial: Seriatim.AwardValues(group %d, year %d) out of range", g, t))
	}
	const n = census.NumPensionTypes * actuarial.NumSexes * nAges
	dst = vec.Dst(dst, n)
	yr := &v.yr[g*v.years+t]
	d := v.disc[t] // mid-year t, against 0
	// From mid-year t back to its 1 January: half the year's return.
	start := d * math.Sqrt(1+v.s.Assumptions.Return.At(v.s.StartYear+t))
	ann := v.ann[g]
	var stepped []serAnn // survivors' annuities of the award year's steps; nil: none
	if yr.SurvivorSpan > 0 {
		var w [2][]serAnn
		stepped = v.steppedSurvivors(g, t, ann, &w)
	}
	for ti := range census.NumPensionTypes {
		typ := census.PensionTypeAt(ti)
		for sx := range actuarial.NumSexes {
			for age := range nAges {
				var a serAnn
				switch typ {
				case census.PensionOldAge, census.PensionEarly:
					a = ann[annIndex(t, ti, sx, age)]
				default:
					half := 0.5 * d
					a[annOwn], a[annExtra] = half, yr.Extra*half
					next := age < census.MaxCensusAge
					if typ == census.PensionOrphan {
						next = next && yr.OrphanEnd > 0 && age+1 < yr.OrphanEnd
					}
					if next {
						nx := &ann[annIndex(t+1, ti, sx, age+1)]
						if typ == census.PensionSurvivor && stepped != nil {
							nx = &stepped[sx*serAges+age+1]
						}
						for c := range a {
							a[c] += yr.Index * nx[c]
						}
					}
				}
				dst[(ti*actuarial.NumSexes+sx)*nAges+age] = (a[annOwn] + a[annExtra] + a[annSurv] + a[annOrph]) / start
			}
		}
	}
	return dst
}
