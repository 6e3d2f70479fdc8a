// The factors of one start cell of a seriatim valuation, and a record's
// value from them.

package actuarial

import "math"

// Kinds of 1 January exit along a record's path.
const (
	serRetNone uint8 = iota
	serRetFull
	serRetReduced
	serRetWithdraw
)

// serTerm is one limited term of a record's flows: the amount
// max(lo, min(hi, a·S)) for a salary S, times the weights w into the
// slots o of the flow vector.
type serTerm struct {
	a, lo, hi float64
	w         [4]float64
	o         [4]uint8
}

// serCell holds the factors of one start cell.
type serCell struct {
	lin    [serOuts]float64 // the flows per unit of salary when no limit binds
	base   [serOuts]float64 // the flows per unit of salary of the unlimited terms
	lo, hi float64          // no limit binds for salaries in [lo, hi]
	terms  []serTerm        // the limited terms
}

// add adds a term, into base when no limit can bind.
func (c *serCell) add(t serTerm) {
	if t.w == [4]float64{} {
		return
	}
	if t.lo <= 0 && math.IsInf(t.hi, 1) {
		for k, o := range t.o {
			c.base[o] += t.w[k] * t.a
		}
		return
	}
	c.terms = append(c.terms, t)
}

// finish sets lin and the bounds of the salaries at which no limit binds.
func (c *serCell) finish() {
	c.lin = c.base
	c.lo, c.hi = 0, math.Inf(1)
	for i := range c.terms {
		t := &c.terms[i]
		for k, o := range t.o {
			c.lin[o] += t.w[k] * t.a
		}
		if t.a > 0 {
			c.lo = math.Max(c.lo, t.lo/t.a)
			c.hi = math.Min(c.hi, t.hi/t.a)
		} else if t.lo > 0 {
			c.lo = math.Inf(1) // a constant term: never linear
		}
	}
}

// eval writes the flows of a record with salary s into out.
func (c *serCell) eval(s float64, out *[serOuts]float64) {
	if s >= c.lo && s <= c.hi {
		for i := range out {
			out[i] = s * c.lin[i]
		}
		return
	}
	for i := range out {
		out[i] = s * c.base[i]
	}
	for i := range c.terms {
		t := &c.terms[i]
		x := t.a * s
		if x > t.hi {
			x = t.hi
		}
		if x < t.lo {
			x = t.lo
		}
		out[t.o[0]] += t.w[0] * x
		out[t.o[1]] += t.w[1] * x
		out[t.o[2]] += t.w[2] * x
		out[t.o[3]] += t.w[3] * x
	}
}

// retirement is the 1 January exit of a member of that sex, age and
// service cell under the year's rules: its kind, probability and pension
// per unit of salary before cap and floor, as the projector computes them.
func (v *Seriatim) retirement(yr *serYear, sex Sex, age, sv int) (uint8, float64, float64) {
	r := yr.r
	as := &v.s.Assumptions
	rr := &as.Retirement[sex.Index()]
	kind, rate, factor := serRetNone, 0.0, 0.0
	switch r.Eligibility.Status(sex, age, sv) {
	case Full:
		kind, rate, factor = serRetFull, rr.Full.At(age), 1
	case Reduced:
		kind, rate, factor = serRetReduced, rr.Reduced.At(age), r.Eligibility.Reduction(sex, age)
	}
	share := r.Retirement.ReferenceShare
	if share == 0 {
		share = 1
	}
	factor *= r.Retirement.Accrual.Rate(sv) * share
	if n := r.Retirement.ReferenceYears; n > 1 {
		factor *= as.Salary.ReferenceRatio(age, sv, n, yr.w)
	}
	if factor <= 0 {
		kind, rate, factor = serRetNone, 0, 0
	}
	if comp := r.CompulsoryAge[sex.Index()]; comp > 0 && age >= comp {
		rate = 1
		if kind == serRetNone {
			kind = serRetWithdraw
		}
	}
	if rate == 0 {
		kind = serRetNone
	}
	return kind, rate, factor
}

// disability is the disability pension per unit of salary, before cap and
// floor, of a member of that age and service cell under the year's rules.
func (v *Seriatim) disability(yr *serYear, age, sv int) float64 {
	d := &yr.r.Disability
	share := d.ReferenceShare
	if share == 0 {
		share = 1
	}
	f := d.Accrual.Rate(sv) * share
	if n := d.ReferenceYears; n > 1 && f > 0 {
		f *= v.s.Assumptions.Salary.ReferenceRatio(age, sv, n, yr.w)
	}
	return f
}

// decrements returns the dependent probabilities of death, disability and
// withdrawal during year t of an active member of sex index sx, age and
// service cell, as the projector derives them.
func (v *Seriatim) decrements(t, sx, age, sv int) (float64, float64, float64) {
	d0 := v.qAt(t, StatusActive, sx, age)
	tb := v.s.Assumptions.Decrements[sx]
	if tb == nil || age < max(tb.MinAge(), 0) || age > tb.MaxAge() {
		return d0, 0, 0
	}
	ind := tb.Independent(age, sv)
	qi, qw := ind[Disability], ind[Withdrawal]
	switch {
	case qi == 0 && qw == 0:
		return d0, 0, 0
	case tb.Options().Assumption == UDDMultipleDecrement:
		in, out := [3]float64{d0, qi, qw}, [3]float64{}
		dependentUDDM(out[:], in[:])
		return out[0], out[1], out[2]
	}
	// UDD in each single-decrement table (Bowers et al. §10.6).
	const third = 1.0 / 3
	return d0 * (1 - 0.5*(qi+qw) + third*qi*qw),
		qi * (1 - 0.5*(d0+qw) + third*d0*qw),
		qw * (1 - 0.5*(d0+qi) + third*d0*qi)
}

// build computes the factors of the start cell of group g0, sex index sx,
// age x and service cell s0 by following a member of that cell year by
// year.
func (v *Seriatim) build(g0, sx, x, s0 int) *serCell {
	c := new(serCell)
	sex := Sex(sx + 1)
	as := &v.s.Assumptions
	n := v.years
	g, sv := g0, s0
	p, growth := 1.0, 1.0 // probability of being active on 1 January; salary against S_0
	contribOuts := [4]uint8{serContrib, serContrib + 1, serContrib + 2, serRefund}
	disOuts := [4]uint8{serDis, serExtra, serSurv, serOrph}
	for t := 0; t < n && p > 0; t++ {
		age := x + t
		y := v.s.StartYear + t
		for i := range v.s.Transitions {
			if tr := &v.s.Transitions[i]; tr.Year == y && tr.From == g && tr.moves(age, sv) {
				g = tr.To
			}
		}
		yr := &v.yr[g*n+t]
		d := v.disc[t]
		var past, avg float64 // for refunds: T(age, sv) and the average contribution rate
		if v.past != nil {
			past, avg = v.past[t][age*v.ns+sv], yr.avgRate[sv]
		}
		var refund float64 // refunds per unit of contribution base

		// 1 January: retirements.
		if kind, rate, factor := v.retirement(yr, sex, age, sv); kind != serRetNone {
			m := p * rate
			if kind == serRetWithdraw {
				refund += yr.refund * m * avg * past
			} else {
				ti := int(kind - serRetFull) // PensionOldAge or PensionEarly
				a := &v.ann[g][annIndex(t, ti, sx, age)]
				c.add(serTerm{
					a: factor * growth, lo: yr.retFloor, hi: yr.retCap,
					w: [4]float64{m * a[annOwn], m * a[annExtra], m * a[annSurv], m * a[annOrph]},
					o: [4]uint8{uint8(serPension + ti), serExtra, serSurv, serOrph},
				})
			}
			if rate >= 1 {
				p = 0
			} else {
				p -= m
			}
		}

		// During the year: salaries, contributions, exits.
		var dd, di, dw, e float64
		if p > 0 {
			dd, di, dw = v.decrements(t, sx, age, sv)
			qt := dd + di + dw
			e = 1 - 0.5*qt
			c.base[serSalary] += p * e * d * growth
			refund += yr.refund * p * dw * (avg*past + 0.5*yr.contrib[Worker])
		}
		pe := p * e * d
		c.add(serTerm{
			a: growth, hi: yr.ceiling,
			w: [4]float64{yr.contrib[Worker] * pe, yr.contrib[Employer] * pe, yr.contrib[State] * pe, refund * d},
			o: contribOuts,
		})
		if p == 0 {
			break
		}
		if fd := v.disability(yr, age, sv); fd > 0 && (di > 0 || yr.deathBenefit) {
			var w [4]float64
			if di > 0 && age < MaxCensusAge {
				// Paid for half the year, then in payment from the next
				// 1 January, indexed.
				m, a := p*di, &v.ann[g][annIndex(t+1, PensionDisability.Index(), sx, age+1)]
				w[0] = m * (0.5*d + yr.index*a[annOwn])
				w[1] = m * (yr.extra*0.5*d + yr.index*a[annExtra])
				w[2] = m * yr.index * a[annSurv]
				w[3] = m * yr.index * a[annOrph]
			}
			if yr.deathBenefit && dd > 0 {
				m, dv := p*dd, &v.death[g][(t*NumSexes+sx)*serAges+age]
				w[1] += m * dv[deathExtra]
				w[2] += m * dv[deathSurv]
				w[3] += m * dv[deathOrph]
			}
			c.add(serTerm{a: fd * growth, lo: yr.disFloor, hi: yr.disCap, w: w, o: disOuts})
		}
		if f := 1 - (dd + di + dw); f <= 0 || age == MaxCensusAge {
			p = 0
		} else {
			p *= f
		}
		growth *= as.Salary.Merit(age, sv) * (1 + v.wage[t+1])
		sv = min(sv+1, v.ms)
	}
	c.finish()
	return c
}

// cell returns the factors of a record's start cell, building them the
// first time. Concurrent callers may build the same cell twice; the
// results are identical and the first stored is kept.
func (v *Seriatim) cell(r *ActiveRecord) *serCell {
	sx := r.Sex.Index()
	sv := min(r.Service, v.ms)
	i := r.Group*v.nA + (sx*serAges+r.Age)*v.ns + sv
	if c := v.cells[i].Load(); c != nil {
		return c
	}
	c := v.build(r.Group, sx, r.Age, sv)
	if !v.cells[i].CompareAndSwap(nil, c) {
		c = v.cells[i].Load()
	}
	return c
}
