// Survivors' pensions whose share changes with the years since the award.

package projection

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// survVintage are the survivors' pensions of one group awarded on
// 1 January of year (for the deaths of the year before), followed while
// their share changes.
type survVintage struct {
	year int // the calendar year of the award
	// f[d] is [rules.Year.SurvivorFactor] of d years since the award,
	// 0..len(f)−1, under the rules of the year of the deaths.
	f []float64
	// b[sx·nAges + age] are the yearly amounts in payment at factor 1 by
	// the survivor's sex index and age: what the survivors would receive
	// at the initial share, indexation included.
	b [actuarial.NumSexes * nAges]float64
}

// survivorSteps moves, on 1 January of year y, the survivors' pensions of
// group g that reach a step of their share: the pension in payment of a
// vintage d years after its award goes from f[d−1]·b to f[d]·b. A vintage
// past its last step is no longer followed.
func (p *Projector) survivorSteps(g, y int) {
	gc := &p.gc[g]
	cb := g*p.nP + idxSurvivor*actuarial.NumSexes*nAges
	keep := gc.vint[:0]
	for _, v := range gc.vint {
		d := y - v.year
		if d >= 1 && d < len(v.f) {
			if delta := v.f[d] - v.f[d-1]; delta != 0 {
				k := cb / nAges
				for i, b := range v.b {
					if b != 0 {
						p.pA[cb+i] += delta * b
						sx := i / nAges
						p.pLo[k+sx], p.pHi[k+sx] = min(p.pLo[k+sx], i%nAges), max(p.pHi[k+sx], i%nAges)
					}
				}
			}
		}
		if d >= len(v.f)-1 {
			gc.vpool = append(gc.vpool, v)
			continue
		}
		keep = append(keep, v)
	}
	gc.vint = keep
}

// survivorAge ages group g's followed vintages by a year, as the pensions
// in payment: survivors of the year's mortality q and remarriage, indexed
// by ix, a year older; at the last age they die out.
func (p *Projector) survivorAge(g int, ix float64) {
	gc := &p.gc[g]
	fam := &p.law.Family
	for _, v := range gc.vint {
		for sx := range actuarial.NumSexes {
			q := &p.q[scheme.StatusSurvivor][sx]
			rem := fam.RemarryOf(&gc.yr, sx)
			b := v.b[sx*nAges : (sx+1)*nAges]
			b[census.MaxCensusAge] = 0
			for age := census.MaxCensusAge - 1; age >= 0; age-- {
				k := (1 - q[age]) * ix
				if rem != nil {
					k = (1 - q[age]) * (1 - rem[age]) * ix
				}
				b[age+1], b[age] = b[age]*k, 0
			}
		}
	}
}

// survivorAward starts following the survivors' pensions of group g
// awarded on 1 January of year y, w·ix their amounts on award by sex
// index and age, when the rules of the deaths' year change their share
// later.
func (p *Projector) survivorAward(g, y int, w []float64, ix float64) {
	gc := &p.gc[g]
	span := gc.yr.SurvivorSpan
	if span == 0 {
		return
	}
	var v *survVintage
	if n := len(gc.vpool); n > 0 {
		v, gc.vpool = gc.vpool[n-1], gc.vpool[:n-1]
	} else {
		v = new(survVintage)
	}
	v.year = y
	v.f = v.f[:0]
	for d := 0; d <= span; d++ {
		v.f = append(v.f, gc.yr.SurvivorFactor(d))
	}
	for i, a := range w {
		v.b[i] = a * ix
	}
	gc.vint = append(gc.vint, v)
}
