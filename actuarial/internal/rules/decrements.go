package rules

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/internal/qx"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Decrements holds, by sex index and age·ns + service, the independent
// rates of disability and withdrawal of Assumptions.Decrements (zero
// outside a table's ages, or for a sex without one) and the merit of the
// salary scale, for services 0..ms.
type Decrements struct {
	ms, ns int
	has    [actuarial.NumSexes]bool
	uddm   [actuarial.NumSexes]bool // UDD in the multiple-decrement table
	dis    [actuarial.NumSexes][]float64
	wd     [actuarial.NumSexes][]float64
	zero   []float64 // ns zeros: the rates of a sex without a table
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
		for age := max(t.MinAge(), 0); age <= min(t.MaxAge(), NumAges-1); age++ {
			for sv := 0; sv <= ms; sv++ {
				q := t.Independent(age, sv)
				d.dis[sx][age*d.ns+sv] = q[actuarial.Disability]
				d.wd[sx][age*d.ns+sv] = q[actuarial.Withdrawal]
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
// dependent probabilities of death D, disability I and withdrawal W, the
// exposure E = 1 − (D+I+W)/2 (UDD), the probability of staying in service
// F = 1 − (D+I+W) (0 should rounding make it negative) and the merit
// factor M of the salary scale.
type Cell struct {
	D, I, W, E, F, M float64
}

// At returns the Cell of an active member of sex index sx in cell
// c = age·ns + service, whose independent rate of death (the year's active
// mortality) is d0.
func (d *Decrements) At(sx, c int, d0 float64) Cell {
	var out [1]Cell
	d.fill(out[:], sx, c, d0)
	return out[0]
}

// FillAge sets dst[sv], for the services 0..ms, to the cells of sex index
// sx and that age when the year's active mortality at that age is d0.
func (d *Decrements) FillAge(dst []Cell, sx, age int, d0 float64) {
	d.fill(dst[:d.ns], sx, age*d.ns, d0)
}

// FillServices sets row[sv], for the services lo..hi, to the cells of sex
// index sx and that age when the year's active mortality at that age is
// d0; row is the age's row of services 0..ms. The other services are left
// alone: an engine fills only the cells it has members in.
func (d *Decrements) FillServices(row []Cell, sx, age, lo, hi int, d0 float64) {
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
		dst[j] = Cell{D: dd, I: di, W: dw, E: 1 - 0.5*qt, F: max(1-qt, 0), M: merit[j]}
	}
}
