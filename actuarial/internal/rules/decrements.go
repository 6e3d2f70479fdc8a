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

// dependentRow is the rule of the cells without work risks: it sets dd[j],
// di[j] and dw[j] to the dependent probabilities of death, disability and
// withdrawal at the independent rates d0, dis[j] and wd[j], under UDD in
// each single-decrement table (Bowers et al. §10.6) or, when uddm, in the
// multiple-decrement table. A row at a time, so that its callers' loops
// keep the rest of a cell (exposure) inlined.
func dependentRow(dd, di, dw, dis, wd []float64, d0 float64, uddm bool) {
	const third = 1.0 / 3
	di, dw, dis, wd = di[:len(dd)], dw[:len(dd)], dis[:len(dd)], wd[:len(dd)]
	for j := range dd {
		qi, qw := dis[j], wd[j]
		switch {
		case qi == 0 && qw == 0:
			dd[j], di[j], dw[j] = d0, 0, 0
		case uddm:
			dd[j], di[j], dw[j] = dependent3(d0, qi, qw)
		default:
			// (float64: the products never fused into a multiply-add, as
			// in the AVX2 form, whatever GOAMD64.)
			dd[j] = d0 * (1 - 0.5*(qi+qw) + float64(third*qi*qw))
			di[j] = qi * (1 - 0.5*(d0+qw) + float64(third*d0*qw))
			dw[j] = qw * (1 - 0.5*(d0+qi) + float64(third*d0*qi))
		}
	}
}

// exposure is the rest of a cell whose dependent probabilities add up to
// qt and whose merit is m: E = 1 − qt/2 (UDD), F = 1 − qt (0 should
// rounding make it negative) and FM = F·m.
func exposure(qt, m float64) (e, f, fm float64) {
	// (max(1−qt, 0) but for NaN and −0, whose tests the builtin makes a
	// cell: 1 − qt is NaN when qt is, and never −0.)
	if f = 1 - qt; f < 0 {
		f = 0
	}
	return 1 - 0.5*qt, f, f * m
}

// rates returns the independent rates of disability and withdrawal of sex
// index sx in the n cells from c0, and its merit there.
func (d *Decrements) rates(sx, c0, n int) (dis, wd, merit []float64) {
	merit = d.Merit[c0 : c0+n]
	dis, wd = d.zero[:n], d.zero[:n]
	if d.has[sx] {
		dis, wd = d.dis[sx][c0:c0+n], d.wd[sx][c0:c0+n]
	}
	return dis, wd, merit
}

// fillChunk is the number of cells fill takes at a time.
const fillChunk = 32

// fill sets dst to the cells c0, c0+1, … of sex index sx at independent
// rate of death d0 (dependentRow's rule), fillChunk cells at a time.
func (d *Decrements) fill(dst []Cell, sx, c0 int, d0 float64) {
	dis, wd, merit := d.rates(sx, c0, len(dst))
	uddm := d.uddm[sx]
	var buf [3][fillChunk]float64
	for k := 0; k < len(dst); k += fillChunk {
		n := min(fillChunk, len(dst)-k)
		dd, di, dw := buf[0][:n], buf[1][:n], buf[2][:n]
		dependentRow(dd, di, dw, dis[k:k+n], wd[k:k+n], d0, uddm)
		cells, m := dst[k:k+n], merit[k:k+n]
		for j := range cells {
			qt := dd[j] + di[j] + dw[j]
			e, f, fm := exposure(qt, m[j])
			// By field: a composite literal is built on the stack and
			// copied in 16-byte moves, each stalled on the 8-byte stores
			// it reads (no store-to-load forwarding across them).
			c := &cells[j]
			c.D, c.I, c.W, c.E, c.F, c.M, c.FM = dd[j], di[j], dw[j], e, f, m[j], fm
		}
	}
}

// FillServicesByField is [Decrements.FillServices] for an engine that
// reads the cells by field, for a sex without work risks
// ([Decrements.HasWork] false; it panics otherwise): it sets the fields D,
// I, W, E, F and FM of the cells age·ns + lo … age·ns + hi in v, field k of
// cell c at v[k·plane + c] (plane: the cells of a field), each the value
// FillServices gives the Cell, bit for bit, without writing the Cells. In UDD in
// each single-decrement table it runs an AVX2 form when [SIMD] is set
// (dependentFieldsAVX2), bit for bit its Go form's values.
func (d *Decrements) FillServicesByField(v []float64, plane, sx, age, lo, hi int, d0 float64) {
	if d.HasWork(sx) {
		panic("rules: FillServicesByField of a sex with work risks")
	}
	c0, n := age*d.ns+lo, hi-lo+1
	dis, wd, merit := d.rates(sx, c0, n)
	if SIMD && !d.uddm[sx] && n > 0 && c0 >= 0 && 0 <= plane && plane <= len(v) && 5*plane+c0+n <= len(v) {
		// The six fields' cells are in v: the AVX2 form checks no bounds.
		dependentFieldsAVX2(&v[c0], plane, dis, wd, merit, d0)
		return
	}
	vd, vi, vw := v[c0:c0+n], v[plane+c0:plane+c0+n], v[2*plane+c0:2*plane+c0+n]
	ve, vf, vfm := v[3*plane+c0:3*plane+c0+n], v[4*plane+c0:4*plane+c0+n], v[5*plane+c0:5*plane+c0+n]
	dis, wd, merit = dis[:n], wd[:n], merit[:n]
	vi, vw, ve, vf, vfm = vi[:n], vw[:n], ve[:n], vf[:n], vfm[:n]
	dependentRow(vd, vi, vw, dis, wd, d0, d.uddm[sx])
	for j := range vd {
		ve[j], vf[j], vfm[j] = exposure(vd[j]+vi[j]+vw[j], merit[j])
	}
}
