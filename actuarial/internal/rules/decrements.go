package rules

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/internal/qx"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Decrements holds, by sex index and age·ns + service, the independent
// rates of disability and withdrawal of Assumptions.Decrements (zero
// outside a table's ages, or for a sex without one), those of death and
// disability at work when they act in the sex's table, and the merit of the
// salary scale, for services 0..ms.
type Decrements struct {
	ms, ns int
	has    [actuarial.NumSexes]bool
	uddm   [actuarial.NumSexes]bool // UDD in the multiple-decrement table
	dis    [actuarial.NumSexes][]float64
	wd     [actuarial.NumSexes][]float64
	// wkD and wkI are the independent rates of death and disability at
	// work; nil for a sex whose table holds neither (no work risks).
	wkD, wkI [actuarial.NumSexes][]float64
	zero     []float64 // ns zeros: the rates of a sex without a table
	// Merit is [actuarial.SalaryScale.Merit] by age·ns + service.
	Merit []float64
}

func (d *Decrements) compile(as *scheme.Assumptions, ms int) {
	d.ms, d.ns = ms, ms+1
	d.zero = make([]float64, d.ns)
	for sx := range actuarial.NumSexes {
		t := as.Decrements[sx]
		if t == nil {
			continue
		}
		d.has[sx] = true
		d.uddm[sx] = t.Options().Assumption == actuarial.UDDMultipleDecrement
		d.dis[sx] = make([]float64, NumAges*d.ns)
		d.wd[sx] = make([]float64, NumAges*d.ns)
		work := t.Acts(actuarial.WorkDeath) || t.Acts(actuarial.WorkDisability)
		d.wkD[sx], d.wkI[sx] = nil, nil
		if work {
			d.wkD[sx] = make([]float64, NumAges*d.ns)
			d.wkI[sx] = make([]float64, NumAges*d.ns)
		}
		for age := max(t.MinAge(), 0); age <= min(t.MaxAge(), NumAges-1); age++ {
			for sv := 0; sv <= ms; sv++ {
				q := t.Independent(age, sv)
				d.dis[sx][age*d.ns+sv] = q[actuarial.Disability]
				d.wd[sx][age*d.ns+sv] = q[actuarial.Withdrawal]
				if work {
					d.wkD[sx][age*d.ns+sv] = q[actuarial.WorkDeath]
					d.wkI[sx][age*d.ns+sv] = q[actuarial.WorkDisability]
				}
			}
		}
	}
	d.Merit = make([]float64, NumAges*d.ns)
	for age := range NumAges {
		for sv := 0; sv <= ms; sv++ {
			d.Merit[age*d.ns+sv] = as.Salary.Merit(age, sv)
		}
	}
}

// dependent3 converts the independent rates of death, disability and
// withdrawal of one cell into dependent probabilities under UDD in the
// multiple-decrement table.
func dependent3(d, i, w float64) (float64, float64, float64) {
	in, out := [3]float64{d, i, w}, [3]float64{}
	qx.DependentUDDM(out[:], in[:])
	return out[0], out[1], out[2]
}

// Cell is what an active cell's year takes from the assumptions: the
// dependent probabilities of death D, disability I and withdrawal W (not
// at work), the exposure E = 1 − q/2 (UDD), the probability of staying in
// service F = 1 − q (0 should rounding make it negative), q being the
// total of every cause, work risks included, and the merit factor M of the
// salary scale; FM is F·M, the factor of the salaries of those who stay
// before wage growth, so that a projection takes it in one product.
type Cell struct {
	D, I, W, E, F, M float64
	FM               float64
}

// Work are the dependent probabilities of death D and disability I at work
// of an active cell, beside its [Cell].
type Work struct {
	D, I float64
}

// HasWork reports whether the members of sex index sx meet work risks:
// whether death or disability at work acts in their service table. Engines
// take their [Work] probabilities only then; otherwise every Work is zero.
func (d *Decrements) HasWork(sx int) bool { return d.wkD[sx] != nil }

// At returns the Cell of an active member of sex index sx in cell
// c = age·ns + service, whose independent rate of death (the year's active
// mortality) is d0, and its Work probabilities.
func (d *Decrements) At(sx, c int, d0 float64) (Cell, Work) {
	var out [1]Cell
	var wk [1]Work
	if d.HasWork(sx) {
		d.fillWork(out[:], wk[:], sx, c, d0)
	} else {
		d.fill(out[:], sx, c, d0)
	}
	return out[0], wk[0]
}

// FillAge sets dst[sv], for the services 0..ms, to the cells of sex index
// sx and that age when the year's active mortality at that age is d0, and
// wk[sv] to their Work probabilities when the sex meets work risks
// ([Decrements.HasWork]; wk is not used otherwise, and may be nil).
func (d *Decrements) FillAge(dst []Cell, wk []Work, sx, age int, d0 float64) {
	if d.HasWork(sx) {
		d.fillWork(dst[:d.ns], wk[:d.ns], sx, age*d.ns, d0)
		return
	}
	d.fill(dst[:d.ns], sx, age*d.ns, d0)
}

// fillWork is fill for a sex that meets work risks: the dependent
// probabilities of the five causes (death, disability, withdrawal, and
// death and disability at work) under UDD in each single-decrement table
// or in the multiple-decrement table, by [actuarial.ToDependent] and
// qx.DependentUDDM, the conversions of the service table itself.
func (d *Decrements) fillWork(dst []Cell, wk []Work, sx, c0 int, d0 float64) {
	merit := d.Merit[c0 : c0+len(dst)]
	dis, wd := d.dis[sx][c0:c0+len(dst)], d.wd[sx][c0:c0+len(dst)]
	kd, ki := d.wkD[sx][c0:c0+len(dst)], d.wkI[sx][c0:c0+len(dst)]
	a := actuarial.UDDSingleDecrement
	if d.uddm[sx] {
		a = actuarial.UDDMultipleDecrement
	}
	var in, out [5]float64
	for j := range dst {
		in = [5]float64{d0, dis[j], wd[j], kd[j], ki[j]}
		if a == actuarial.UDDMultipleDecrement {
			qx.DependentUDDM(out[:], in[:])
		} else {
			// The rates are probabilities (checked by the service table
			// and the mortality), which ToDependent accepts.
			actuarial.ToDependent(out[:], in[:], a)
		}
		qt := out[0] + out[1] + out[2] + out[3] + out[4]
		fs := max(1-qt, 0)
		c := &dst[j] // by field, as fill's
		c.D, c.I, c.W, c.E, c.F, c.M, c.FM = out[0], out[1], out[2], 1-0.5*qt, fs, merit[j], fs*merit[j]
		wk[j].D, wk[j].I = out[3], out[4]
	}
}

// FillServices sets row[sv], for the services lo..hi, to the cells of sex
// index sx and that age when the year's active mortality at that age is
// d0; row is the age's row of services 0..ms. The other services are left
// alone: an engine fills only the cells it has members in. wk, the age's
// row of [Work], is set likewise when the sex meets work risks
// ([Decrements.HasWork]; otherwise it is not used, and may be nil).
func (d *Decrements) FillServices(row []Cell, wk []Work, sx, age, lo, hi int, d0 float64) {
	if d.HasWork(sx) {
		d.fillWork(row[lo:hi+1], wk[lo:hi+1], sx, age*d.ns+lo, d0)
		return
	}
	d.fill(row[lo:hi+1], sx, age*d.ns+lo, d0)
}

// fill sets dst to the cells c0, c0+1, … of sex index sx at independent
// rate of death d0: the dependent probabilities under UDD in each
// single-decrement table (Bowers et al. §10.6), or in the
// multiple-decrement table when the service table says so.
func (d *Decrements) fill(dst []Cell, sx, c0 int, d0 float64) {
	merit := d.Merit[c0 : c0+len(dst)]
	dis, wd := d.zero[:len(dst)], d.zero[:len(dst)]
	if d.has[sx] {
		dis, wd = d.dis[sx][c0:c0+len(dst)], d.wd[sx][c0:c0+len(dst)]
	}
	uddm := d.uddm[sx]
	const third = 1.0 / 3
	for j := range dst {
		qi, qw := dis[j], wd[j]
		dd, di, dw := d0, 0.0, 0.0
		switch {
		case qi == 0 && qw == 0:
		case uddm:
			dd, di, dw = dependent3(d0, qi, qw)
		default:
			dd = d0 * (1 - 0.5*(qi+qw) + third*qi*qw)
			di = qi * (1 - 0.5*(d0+qw) + third*d0*qw)
			dw = qw * (1 - 0.5*(d0+qi) + third*d0*qi)
		}
		qt := dd + di + dw
		fs := max(1-qt, 0)
		// By field: a composite literal is built on the stack and copied
		// in 16-byte moves, each stalled on the 8-byte stores it reads
		// (no store-to-load forwarding across them).
		c := &dst[j]
		c.D, c.I, c.W, c.E, c.F, c.M, c.FM = dd, di, dw, 1-0.5*qt, fs, merit[j], fs*merit[j]
	}
}
