// The cohort projection of a scheme: the Projector and its yearly step.

package projection

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// nAges is the number of ages a projection follows, 0..MaxCensusAge.
const nAges = census.MaxCensusAge + 1

// Kinds of 1 January exit a cell's rules give.
const (
	retNone     uint8 = iota // no retirement
	retFull                  // a full (old-age) pension
	retReduced               // a reduced (early) pension
	retWithdraw              // compulsory age without a pension: a withdrawal
)

// Projector projects one [scheme.Scheme] year by year. [NewProjector] validates
// the scheme and allocates every buffer once; [Projector.Run] then runs
// without allocating when it is given a [Result] to reuse, and can be
// called any number of times. A Projector is not safe for concurrent use:
// give each goroutine its own (see [RunScenarios]). It keeps a reference to
// the scheme, which must not change while the Projector is in use.
type Projector struct {
	// Detail, when set before Run, makes the result hold the projection by
	// cell ([Result] Cells). It costs memory in proportion to the years
	// and groups projected (about 1 MB a year a group) and some time.
	Detail bool

	s        *scheme.Scheme
	ms, ns   int // MaxService of the active cells, and MaxService+1
	nA, nP   int // active and pensioner cells per group
	nG       int
	minEntry int // no member's age minus service cell is below this

	aN, aS []float64 // actives by group and cell: count and total salary
	pN, pA []float64 // pensions by group and cell: count, total yearly amount
	wN, wA []float64 // pensions awarded during the year, joining on the next 1 January
	// By strip (group, pension type, sex), the ages with pensions in pN
	// and in wN: empty when hi < lo. A pensioner cell pc is in strip
	// pc / nAges, at age pc % nAges.
	pLo, pHi, wLo, wHi []int
	lo, hi             []int // by group and sex: the populated active ages, empty when hi < lo
	svLo, svHi         []int // by group, sex and age: the populated service cells, empty when svHi < svLo

	qDis, qWd [actuarial.NumSexes][]float64 // independent rates of disability and withdrawal by age and service
	hasDec    [actuarial.NumSexes]bool
	uddm      [actuarial.NumSexes]bool
	merit     []float64 // merit factor by age and service
	// dec[sex][age·ns + service] holds the cell's decrements of the
	// current year (of every year when active mortality does not change
	// by year: depValid) and its merit.
	dec      [actuarial.NumSexes][]decCell
	depValid bool

	mort    [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable // resolved: no nil
	alias   [scheme.NumLifeStatuses][actuarial.NumSexes]int              // the status whose table a fallback shares, or −1
	static  [scheme.NumLifeStatuses][actuarial.NumSexes]bool             // a PeriodTable: the same in every year
	q       [scheme.NumLifeStatuses][actuarial.NumSexes][nAges]float64
	qFilled bool

	// Family statistics by sex and age of the deceased: the probability
	// of leaving a spouse and the spouse's age on the next 1 January; the
	// expected orphans and their age now.
	married, orphans     [actuarial.NumSexes][nAges]float64
	spouseAge, orphanAge [actuarial.NumSexes][nAges]int
	// deadN and deadA gather one group's deaths of the year by sex and age
	// (of actives with a pension due and of pensioners), and their
	// pensions, for the survivors' pensions; deadLo and deadHi bound the
	// ages, empty when deadHi < deadLo.
	deadN, deadA   [actuarial.NumSexes][nAges]float64
	deadLo, deadHi [actuarial.NumSexes]int

	// scratchN, scratchS take the survivors of the last age, emptied at once.
	scratchN, scratchS []float64
	disSums            [nAges]disSums // activesPass's, by age

	gc       []groupCache
	entW     []float64 // entrants' profile weights, normalised
	trackAcc bool      // some rules refund contributions
	// accT[age·ns + service] is Σ_{k=1..service} S_{−k}/S_0, the past
	// salaries of a member along the salary scale at wage growth accW, in
	// units of the current salary.
	accT     []float64
	accW     float64
	accValid bool
	accVer   int // counts the changes of accT
}

// decCell holds what an active cell's year takes from the assumptions:
// the dependent probabilities of death, disability and withdrawal, the
// exposure e = 1 − (d+i+w)/2 (UDD), the probability of staying in service
// f = 1 − (d+i+w) (0 should rounding make it negative) and the merit
// factor m of the salary scale.
type decCell struct {
	d, i, w, e, f, m float64
}

// groupCache holds what a group's rules give, recomputed only when the
// rules in force (or the wage growth they depend on) change.
type groupCache struct {
	rules int     // index of the rules the factors belong to; −1: none yet
	w     float64 // the wage growth the reference ratios use

	retKind   []uint8   // by active cell: retNone, retFull, retReduced, retWithdraw
	retRate   []float64 // by active cell: probability of retiring on 1 January
	retFactor []float64 // by active cell: pension per unit of salary, before cap and floor
	disFactor []float64 // by age and service: disability pension per unit of salary
	// disLo[age], disHi[age]: the services with a disability factor above
	// 0 lie within them; empty when disHi < disLo.
	disLo, disHi [nAges]int
	retMin       int // the youngest age with a retirement of any kind

	ratio      [2][]float64 // reference ratios by age and service, for retirement and disability
	retRatio   []float64    // ratio[0] when retirement pensions use an average salary; nil: the last salary
	ratioYears [2]int       // their ReferenceYears; 0: not computed
	ratioW     [2]float64   // their wage growth

	// Values of the year.
	r                *scheme.Rules
	contrib          [scheme.NumPayers]float64
	ceiling          float64
	retCap, retFloor float64
	hasRetCap        bool
	hasRetFloor      bool
	disCap, disFloor float64
	index            float64 // indexation factor at the next 1 January
	// hist[k] is the worker's contribution rate k+1 years before the
	// year; avgRate[s] the average over the last s years (refunds only).
	hist, avgRate []float64
	// accR[age·ns + service] is avgRate[service]·accT[age·ns + service],
	// for accT version accVer and the current avgRate (−1: to compute);
	// zero without refunds.
	accR   []float64
	accVer int
	base   float64 // contribution base of the year
	paid   float64 // pensions paid in the year
}

// NewProjector validates s and allocates a projector for it. The error is
// the first problem [scheme.Scheme.Validate] finds.
func NewProjector(s *scheme.Scheme) (*Projector, error) {
	if s == nil {
		panic("actuarial: NewProjector of a nil scheme")
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	p := &Projector{s: s, nG: len(s.Groups), ms: census.DefaultMaxService}
	for gi := range s.Groups {
		if a := s.Groups[gi].Actives; a != nil {
			p.ms = a.LastService()
			break
		}
	}
	p.ns = p.ms + 1
	p.scratchN, p.scratchS = make([]float64, p.ns), make([]float64, p.ns)
	p.nA = actuarial.NumSexes * nAges * p.ns
	p.nP = census.NumPensionTypes * actuarial.NumSexes * nAges
	p.aN = make([]float64, p.nG*p.nA)
	p.aS = make([]float64, p.nG*p.nA)
	p.pN = make([]float64, p.nG*p.nP)
	p.pA = make([]float64, p.nG*p.nP)
	p.wN = make([]float64, p.nG*p.nP)
	p.wA = make([]float64, p.nG*p.nP)
	strips := p.nG * census.NumPensionTypes * actuarial.NumSexes
	p.pLo, p.pHi = make([]int, strips), make([]int, strips)
	p.wLo, p.wHi = make([]int, strips), make([]int, strips)
	p.lo = make([]int, p.nG*actuarial.NumSexes)
	p.hi = make([]int, p.nG*actuarial.NumSexes)
	p.svLo = make([]int, p.nG*actuarial.NumSexes*nAges)
	p.svHi = make([]int, p.nG*actuarial.NumSexes*nAges)

	// The youngest entry age: no cell's age minus service index is below it.
	p.minEntry = nAges
	for gi := range s.Groups {
		a := s.Groups[gi].Actives
		if a == nil {
			continue
		}
		for sx := range actuarial.NumSexes {
			for age := range nAges {
				for sv := 0; sv <= p.ms; sv++ {
					if a.Count[(sx*nAges+age)*p.ns+sv] > 0 {
						p.minEntry = min(p.minEntry, age-sv)
					}
				}
			}
		}
	}
	as := &s.Assumptions
	if as.Entrants.Mode != scheme.ClosedGroup {
		var sum float64
		for _, e := range as.Entrants.Profile {
			sum += e.Weight
			p.minEntry = min(p.minEntry, e.Age)
		}
		p.entW = make([]float64, len(as.Entrants.Profile))
		for i, e := range as.Entrants.Profile {
			p.entW[i] = e.Weight / sum
		}
	}
	p.minEntry = max(min(p.minEntry, census.MaxCensusAge), 0)

	// Decrements and merit, fixed for the projector's life.
	for sx := range actuarial.NumSexes {
		t := as.Decrements[sx]
		if t == nil {
			continue
		}
		p.hasDec[sx] = true
		p.uddm[sx] = t.Options().Assumption == actuarial.UDDMultipleDecrement
		p.qDis[sx] = make([]float64, nAges*p.ns)
		p.qWd[sx] = make([]float64, nAges*p.ns)
		for age := max(t.MinAge(), 0); age <= min(t.MaxAge(), census.MaxCensusAge); age++ {
			for sv := 0; sv <= p.ms; sv++ {
				q := t.Independent(age, sv)
				p.qDis[sx][age*p.ns+sv] = q[actuarial.Disability]
				p.qWd[sx][age*p.ns+sv] = q[actuarial.Withdrawal]
			}
		}
	}
	for sx := range actuarial.NumSexes {
		p.dec[sx] = make([]decCell, nAges*p.ns)
	}
	p.merit = make([]float64, nAges*p.ns)
	for age := range nAges {
		for sv := 0; sv <= p.ms; sv++ {
			p.merit[age*p.ns+sv] = as.Salary.Merit(age, sv)
		}
	}

	f := &as.Family
	for sx := range actuarial.NumSexes {
		for age := range nAges {
			p.married[sx][age] = f.Married[sx].At(age)
			p.spouseAge[sx][age] = min(max(age-f.AgeGap[sx]+1, 0), census.MaxCensusAge)
			p.orphans[sx][age] = f.Orphans[sx].At(age)
			p.orphanAge[sx][age] = int(f.OrphanAge[sx].At(age))
		}
	}

	// Mortality: resolve the fallbacks.
	fallback := [scheme.NumLifeStatuses]scheme.LifeStatus{scheme.StatusActive, scheme.StatusActive, scheme.StatusRetired, scheme.StatusRetired}
	for st := range scheme.NumLifeStatuses {
		for sx := range actuarial.NumSexes {
			p.alias[st][sx] = -1
			m := as.Mortality[st][sx]
			if m == nil {
				f := fallback[st]
				m = p.mort[f][sx]
				p.alias[st][sx] = int(f)
				if p.alias[f][sx] >= 0 {
					p.alias[st][sx] = p.alias[f][sx]
				}
			}
			p.mort[st][sx] = m
			switch m.(type) {
			case scheme.PeriodTable, *scheme.PeriodTable:
				p.static[st][sx] = true
			}
		}
	}

	p.gc = make([]groupCache, p.nG)
	for gi := range p.gc {
		gc := &p.gc[gi]
		gc.rules = -1
		gc.retKind = make([]uint8, p.nA)
		gc.retRate = make([]float64, p.nA)
		gc.retFactor = make([]float64, p.nA)
		gc.disFactor = make([]float64, nAges*p.ns)
		gc.accR = make([]float64, nAges*p.ns)
		gc.accVer = -1
		for k := range gc.ratio {
			gc.ratio[k] = make([]float64, nAges*p.ns)
		}
		for ri := range s.Groups[gi].Rules {
			if s.Groups[gi].Rules[ri].RefundShare > 0 {
				p.trackAcc = true
			}
		}
	}
	if p.trackAcc {
		p.accT = make([]float64, nAges*p.ns)
		for gi := range p.gc {
			p.gc[gi].hist = make([]float64, p.ms)
			p.gc[gi].avgRate = make([]float64, p.ns)
		}
	}
	return p, nil
}

// pastSalaries sets accT for wage growth w: T(a, 0) = 0 and
// T(a, s) = (1 + T(a−1, s−1)) / (merit(a−1, s−1)·(1+w)), the salary a
// year back being this year's divided by that year's merit and wage growth.
func (p *Projector) pastSalaries(w float64) {
	if p.accValid && p.accW == w {
		return
	}
	for age := range nAges {
		for sv := 0; sv <= p.ms; sv++ {
			c := age*p.ns + sv
			if sv == 0 || age == 0 {
				p.accT[c] = 0
				continue
			}
			prev := (age-1)*p.ns + sv - 1
			p.accT[c] = (1 + p.accT[prev]) / (p.merit[prev] * (1 + w))
		}
	}
	p.accW, p.accValid = w, true
	p.accVer++
}

// workerRate is the worker's contribution rate of group g in year y under
// the rules then in force (the first rules for years before them).
func (p *Projector) workerRate(g, y int) float64 {
	grp := &p.s.Groups[g]
	ri := max(grp.RulesIndex(y), 0)
	return grp.Rules[ri].ContributionRate[scheme.Worker].At(y)
}

// reset loads the census into the state.
func (p *Projector) reset() {
	p.deadN, p.deadA = [actuarial.NumSexes][nAges]float64{}, [actuarial.NumSexes][nAges]float64{}
	for sx := range actuarial.NumSexes {
		p.deadLo[sx], p.deadHi[sx] = nAges, -1
	}
	clear(p.aN)
	clear(p.aS)
	clear(p.pN)
	clear(p.pA)
	clear(p.wN)
	clear(p.wA)
	for k := range p.pLo {
		p.pLo[k], p.pHi[k], p.wLo[k], p.wHi[k] = nAges, -1, nAges, -1
	}
	for gi := range p.s.Groups {
		g := &p.s.Groups[gi]
		for sx := range actuarial.NumSexes {
			k := gi*actuarial.NumSexes + sx
			p.lo[k], p.hi[k] = nAges, -1
			for age := range nAges {
				p.svLo[k*nAges+age], p.svHi[k*nAges+age] = p.ns, -1
			}
		}
		if a := g.Actives; a != nil {
			copy(p.aN[gi*p.nA:], a.Count)
			copy(p.aS[gi*p.nA:], a.Salary)
			for sx := range actuarial.NumSexes {
				for age := range nAges {
					row := (sx*nAges + age) * p.ns
					for sv := 0; sv <= p.ms; sv++ {
						if a.Count[row+sv] > 0 {
							p.extend(gi, sx, age, sv)
						}
					}
				}
			}
		}
		if pc := g.Pensioners; pc != nil {
			copy(p.pN[gi*p.nP:], pc.Count)
			copy(p.pA[gi*p.nP:], pc.Pension)
			for c, n := range pc.Count {
				if n > 0 {
					touch(p.pLo, p.pHi, gi*p.nP+c)
				}
			}
		}
		if p.trackAcc {
			h := p.gc[gi].hist
			for k := range h {
				h[k] = p.workerRate(gi, p.s.StartYear-1-k)
			}
		}
	}
}

// touch widens the age range of pensioner strip lo/hi to cell pc.
func touch(lo, hi []int, pc int) {
	k := pc / nAges
	age := pc - k*nAges
	lo[k] = min(lo[k], age)
	hi[k] = max(hi[k], age)
}

// extend widens the populated ranges of group g and sex index sx to a cell
// of that age and service.
func (p *Projector) extend(g, sx, age, sv int) {
	k := g*actuarial.NumSexes + sx
	p.lo[k] = min(p.lo[k], age)
	p.hi[k] = max(p.hi[k], age)
	r := k*nAges + age
	p.svLo[r] = min(p.svLo[r], sv)
	p.svHi[r] = max(p.svHi[r], sv)
}

// Run projects the scheme for years years from its StartYear and returns
// the result in dst, reusing its slices (allocated only when dst is nil or
// they are too short; with Detail the cell slices likewise). Each run starts
// afresh from the census, so runs are independent and repeatable.
//
// years 0 means [DefaultYears], the meaning 0 has in reform.Options too.
//
// It returns an error when a mortality table gives a rate that is not a
// probability in some year (a [*actuarial.RateError]), and when finite
// inputs overflow: a series of a year that is not finite at the end of the
// year (an [*indicator.SeriesError] naming the series and the year,
// wrapping [actuarial.ErrNotFinite]); dst then holds the years up to that
// one. A negative years panics.
func (p *Projector) Run(dst *Result, years int) (*Result, error) {
	if years < 0 {
		panic(fmt.Sprintf("actuarial: Projector.Run: negative number of years %d", years))
	}
	if years == 0 {
		years = DefaultYears
	}
	s := p.s
	as := &s.Assumptions
	if dst == nil {
		dst = new(Result)
	}
	dst.Scheme, dst.StartYear = s.Name, s.StartYear
	if len(dst.Groups) != p.nG {
		dst.Groups = make([]string, p.nG)
	}
	for gi := range s.Groups {
		dst.Groups[gi] = s.Groups[gi].Name
	}
	if cap(dst.Years) < years {
		dst.Years = make([]YearResult, years)
	}
	dst.Years = dst.Years[:years]
	var det *CellDetail
	if p.Detail {
		if dst.Cells == nil {
			dst.Cells = new(CellDetail)
		}
		det = dst.Cells
		det.size(years, p.nG, p.ms)
	} else {
		dst.Cells = nil
	}

	p.reset()
	p.qFilled = false
	reserve := s.InitialReserve
	unit := as.Unit
	wageIndex := 1.0
	var actives float64 // on 1 January: last year's survivors and this year's entrants
	for t := range years {
		y := s.StartYear + t
		yr := &dst.Years[t]
		entrants := 0.0
		if t > 0 {
			entrants = yr.Entrants // set by the previous year's step
		}
		*yr = YearResult{Year: y, Entrants: entrants}

		p.transitions(y, t, det)
		if t == 0 {
			for _, n := range p.aN {
				actives += n
			}
		}
		yr.Actives = actives
		for g := range p.nG {
			for ti := range census.NumPensionTypes {
				var sum float64
				for sx := range actuarial.NumSexes {
					k := (g*census.NumPensionTypes+ti)*actuarial.NumSexes + sx
					if lo, hi := p.pLo[k], p.pHi[k]; lo <= hi {
						for _, n := range p.pN[k*nAges+lo : k*nAges+hi+1] {
							sum += n
						}
					}
				}
				yr.Pensioners[ti] += sum
			}
		}
		if det != nil {
			copy(det.ActiveCount[t*p.nG*p.nA:], p.aN)
			copy(det.ActiveSalary[t*p.nG*p.nA:], p.aS)
			copy(det.PensionerCount[t*p.nG*p.nP:], p.pN)
			copy(det.PensionerAmount[t*p.nG*p.nP:], p.pA)
		}
		if err := p.fillMortality(y); err != nil {
			return dst, err
		}
		p.fillDecrements()
		if p.trackAcc {
			p.pastSalaries(as.WageGrowth.At(y))
		}
		w := as.WageGrowth.At(y)
		w1 := as.WageGrowth.At(y + 1)
		for gi := range p.gc {
			p.prepare(gi, y, w, unit)
		}

		var survivors float64
		for gi := range p.gc {
			survivors += p.activesPass(gi, t, w1, yr, det)
			p.pensionersPass(gi, t, yr, det)
			gc := &p.gc[gi]
			yr.ExtraPayments += gc.r.ExtraPayments * gc.paid
			yr.ContributionBase += gc.base
			for pay := range scheme.NumPayers {
				yr.Contributions[pay] += gc.contrib[pay] * gc.base
			}
		}

		// Cash flows, mid-year.
		b := yr.Benefits()
		yr.AdminCosts = s.AdminCosts.ShareOfBenefits.At(y)*b + s.AdminCosts.ShareOfSalary.At(y)*yr.SalaryBill
		yr.Transfers = s.Transfers.At(y)
		i := as.Return.At(y)
		yr.Return = i
		net := yr.TotalContributions() + yr.Transfers - b - yr.AdminCosts
		yr.ReserveStart = reserve
		yr.InvestmentIncome = reserve*i + net*(math.Sqrt(1+i)-1)
		reserve += net + yr.InvestmentIncome
		yr.ReserveEnd = reserve
		if err := yr.checkFinite(t); err != nil {
			dst.Years = dst.Years[:t+1]
			return dst, err
		}

		// The turn of the year.
		if p.trackAcc {
			for gi := range p.gc {
				h := p.gc[gi].hist
				if len(h) > 0 {
					copy(h[1:], h[:len(h)-1])
					h[0] = p.gc[gi].contrib[scheme.Worker]
				}
			}
		}
		unit *= 1 + as.UnitGrowth.At(y+1)
		wageIndex *= 1 + w1
		actives = survivors
		if t+1 < years {
			e := p.enter(y+1, t+1, yr.Actives, survivors, wageIndex, det)
			dst.Years[t+1].Entrants = e
			actives += e
		}
	}
	return dst, nil
}

// transitions moves members between groups on 1 January of year y.
func (p *Projector) transitions(y, t int, det *CellDetail) {
	for i := range p.s.Transitions {
		tr := &p.s.Transitions[i]
		if tr.Year != y {
			continue
		}
		for sx := range actuarial.NumSexes {
			k := tr.From*actuarial.NumSexes + sx
			for age := p.lo[k]; age <= p.hi[k]; age++ {
				row := (sx*nAges + age) * p.ns
				for sv := 0; sv <= min(p.ms, age-p.minEntry); sv++ {
					from, to := tr.From*p.nA+row+sv, tr.To*p.nA+row+sv
					n := p.aN[from]
					if n == 0 || !tr.Moves(age, sv) {
						continue
					}
					p.aN[to] += n
					p.aS[to] += p.aS[from]
					p.aN[from], p.aS[from] = 0, 0
					p.extend(tr.To, sx, age, sv)
					if det != nil {
						base := t * p.nG * p.nA
						det.Moved[base+from] -= n
						det.Moved[base+to] += n
					}
				}
			}
		}
	}
}

// fillMortality sets the rates of calendar year y.
func (p *Projector) fillMortality(y int) error {
	for st := range scheme.NumLifeStatuses {
		for sx := range actuarial.NumSexes {
			row := &p.q[st][sx]
			if a := p.alias[st][sx]; a >= 0 {
				*row = p.q[a][sx]
				continue
			}
			if p.qFilled && p.static[st][sx] {
				continue
			}
			m := p.mort[st][sx]
			lo := m.MinAge()
			for age := range census.MaxCensusAge {
				q := m.Q(max(age, lo), y)
				if !(q >= 0 && q <= 1) {
					err := actuarial.ErrRate
					if math.IsNaN(q) {
						err = actuarial.ErrNotFinite
					}
					return &actuarial.RateError{Field: fmt.Sprintf("mortality of %v %v in %d", scheme.LifeStatus(st), actuarial.SexAt(sx), y),
						Age: age, Service: -1, Value: q, Err: err}
				}
				row[age] = q
			}
			row[census.MaxCensusAge] = 1
		}
	}
	p.qFilled = true
	return nil
}

// fillDecrements sets the active members' dependent probabilities of the
// year from the year's mortality and the service tables, for the ages some
// group has members at; with mortality that is the same every year, once
// for every age.
func (p *Projector) fillDecrements() {
	for sx := range actuarial.NumSexes {
		lo, hi := 0, census.MaxCensusAge
		static := p.static[scheme.StatusActive][sx]
		if static {
			if p.depValid {
				continue
			}
		} else {
			lo, hi = nAges, -1
			for g := range p.nG {
				k := g*actuarial.NumSexes + sx
				lo, hi = min(lo, p.lo[k]), max(hi, p.hi[k])
			}
		}
		q := &p.q[scheme.StatusActive][sx]
		dec := p.dec[sx]
		for age := lo; age <= hi; age++ {
			d0 := q[age]
			for sv := 0; sv <= p.ms; sv++ {
				c := age*p.ns + sv
				d, i, w := d0, 0.0, 0.0
				if p.hasDec[sx] {
					qi, qw := p.qDis[sx][age*p.ns+sv], p.qWd[sx][age*p.ns+sv]
					switch {
					case qi == 0 && qw == 0:
					case p.uddm[sx]:
						d, i, w = dependent3(d0, qi, qw)
					default:
						// UDD in each single-decrement table (Bowers et al. §10.6).
						const third = 1.0 / 3
						d = d0 * (1 - 0.5*(qi+qw) + third*qi*qw)
						i = qi * (1 - 0.5*(d0+qw) + third*d0*qw)
						w = qw * (1 - 0.5*(d0+qi) + third*d0*qi)
					}
				}
				qt := d + i + w
				dec[c] = decCell{d: d, i: i, w: w, e: 1 - 0.5*qt, f: max(1-qt, 0), m: p.merit[c]}
			}
		}
	}
	p.depValid = p.static[scheme.StatusActive][0] && p.static[scheme.StatusActive][1]
}

// prepare sets group g's values for year y, recomputing the factors of its
// rules when the rules in force or the wage growth w change.
func (p *Projector) prepare(g, y int, w, unit float64) {
	grp := &p.s.Groups[g]
	gc := &p.gc[g]
	ri := grp.RulesIndex(y)
	r := &grp.Rules[ri]
	if ri != gc.rules || w != gc.w {
		p.factors(gc, r, w)
		gc.rules, gc.w = ri, w
	}
	gc.r = r
	for pay := range scheme.NumPayers {
		gc.contrib[pay] = r.ContributionRate[pay].At(y)
	}
	var ok bool
	if gc.ceiling, ok = r.Ceiling.Value(unit); !ok {
		gc.ceiling = math.Inf(1)
	}
	gc.retCap, gc.hasRetCap = r.Retirement.Cap.Value(unit)
	gc.retFloor, gc.hasRetFloor = r.Retirement.Floor.Value(unit)
	if gc.disCap, ok = r.Disability.Cap.Value(unit); !ok {
		gc.disCap = math.Inf(1)
	}
	gc.disFloor, _ = r.Disability.Floor.Value(unit) // 0 when not set
	gc.base, gc.paid = 0, 0
	if p.trackAcc {
		var sum float64
		gc.avgRate[0] = 0
		for k, r := range gc.hist {
			sum += r
			if a := sum / float64(k+1); a != gc.avgRate[k+1] {
				gc.avgRate[k+1] = a
				gc.accVer = -1
			}
		}
		if gc.accVer != p.accVer {
			for age := range nAges {
				row := age * p.ns
				for sv, a := range gc.avgRate {
					gc.accR[row+sv] = a * p.accT[row+sv]
				}
			}
			gc.accVer = p.accVer
		}
	}

	// Indexation at the next 1 January, under the rules then in force.
	as := &p.s.Assumptions
	next := grp.RulesAt(y + 1)
	gc.index = 1
	switch next.Indexation {
	case scheme.IndexPrices:
		gc.index += as.Inflation.At(y + 1)
	case scheme.IndexWages:
		gc.index += as.WageGrowth.At(y + 1)
	case scheme.IndexUnit:
		gc.index += as.UnitGrowth.At(y + 1)
	case scheme.IndexFixed:
		gc.index += next.IndexRate.At(y + 1)
	}
}

// ratios returns the reference-salary ratios for an average over years
// years at wage growth w, in slot k, computing them only when they change;
// nil when the reference salary is the last salary.
func (p *Projector) ratios(gc *groupCache, k, years int, w float64) []float64 {
	if years <= 1 {
		return nil
	}
	if gc.ratioYears[k] == years && gc.ratioW[k] == w {
		return gc.ratio[k]
	}
	sc := &p.s.Assumptions.Salary
	r := gc.ratio[k]
	for age := range nAges {
		for sv := 0; sv <= min(p.ms, age-p.minEntry); sv++ {
			r[age*p.ns+sv] = sc.ReferenceRatio(age, sv, years, w)
		}
	}
	gc.ratioYears[k], gc.ratioW[k] = years, w
	return r
}

// factors computes a group's per-cell retirement and disability factors
// under rules r.
func (p *Projector) factors(gc *groupCache, r *scheme.Rules, w float64) {
	as := &p.s.Assumptions
	retRatio := p.ratios(gc, 0, r.Retirement.ReferenceYears, w)
	gc.retRatio = retRatio
	share := r.Retirement.ReferenceShare
	if share == 0 {
		share = 1
	}
	gc.retMin = nAges
	for sx := range actuarial.NumSexes {
		sex := actuarial.SexAt(sx)
		rr := &as.Retirement[sx]
		comp := r.CompulsoryAge[sx]
		for age := range nAges {
			row := (sx*nAges + age) * p.ns
			for sv := 0; sv <= p.ms; sv++ {
				c := row + sv
				kind, rate, factor := retNone, 0.0, 0.0
				if sv <= age-p.minEntry {
					switch r.Eligibility.Status(sex, age, sv) {
					case actuarial.Full:
						kind, rate, factor = retFull, rr.Full.At(age), 1
					case actuarial.Reduced:
						kind, rate, factor = retReduced, rr.Reduced.At(age), r.Eligibility.Reduction(sex, age)
					}
					factor *= r.Retirement.Accrual.Rate(sv) * share
					if retRatio != nil {
						factor *= retRatio[age*p.ns+sv]
					}
					if factor <= 0 {
						kind, rate, factor = retNone, 0, 0
					}
					if comp > 0 && age >= comp {
						rate = 1
						if kind == retNone {
							kind = retWithdraw
						}
					}
					if rate == 0 {
						kind = retNone
					}
				}
				gc.retKind[c], gc.retRate[c], gc.retFactor[c] = kind, rate, factor
				if kind != retNone {
					gc.retMin = min(gc.retMin, age)
				}
			}
		}
	}
	disRatio := p.ratios(gc, 1, r.Disability.ReferenceYears, w)
	dshare := r.Disability.ReferenceShare
	if dshare == 0 {
		dshare = 1
	}
	for age := range nAges {
		for sv := 0; sv <= p.ms; sv++ {
			c := age*p.ns + sv
			f := 0.0
			if sv <= age-p.minEntry {
				f = r.Disability.Accrual.Rate(sv) * dshare
				if disRatio != nil && f > 0 {
					f *= disRatio[c]
				}
			}
			gc.disFactor[c] = f
		}
		gc.disLo[age], gc.disHi[age] = p.ns, -1
		for sv, f := range gc.disFactor[age*p.ns : (age+1)*p.ns] {
			if f > 0 {
				gc.disLo[age] = min(gc.disLo[age], sv)
				gc.disHi[age] = sv
			}
		}
	}
}

// activesPass projects group g's actives through year t: retirements on
// 1 January, deaths, disability and withdrawal during the year,
// contributions, and the survivors aged into the next year with their
// salaries raised by merit and wage growth w1. It returns the survivors.
//
// The cells of each sex go through three passes over the ages, from the
// oldest down, each a small loop keeping its running sums in registers:
// retirements (retireRow, from the youngest age with a retirement), the
// disability pensions and deaths in service (disPlane, over the services
// with a disability factor), then the contributions, exits and survivors
// (stepPlane). The survivors of an age join the next age, already done.
// Every sum is still taken cell by cell in the order of the cells.
func (p *Projector) activesPass(g, t int, w1 float64, yr *YearResult, det *CellDetail) float64 {
	gc := &p.gc[g]
	r := gc.r
	ms, ns := p.ms, p.ns
	base := g * p.nA
	pbase := g * p.nP
	dbase, pdbase := 0, 0
	if det != nil {
		dbase, pdbase = t*p.nG*p.nA, t*p.nG*p.nP
	}
	deathBenefit := r.SurvivorShare > 0 || (r.OrphanShare > 0 && p.s.Assumptions.Family.OrphanEndAge > 0)
	step := stepConst{wage: 1 + w1, ceiling: gc.ceiling}
	if p.trackAcc {
		step.halfRate = 0.5 * gc.contrib[scheme.Worker]
	}
	var sums actSums
	var survivors, disPaid, disNew, disNewA float64
	plane := nAges * ns
	for sx := range actuarial.NumSexes {
		ks := g*actuarial.NumSexes + sx
		lo, hi := p.lo[ks], p.hi[ks]
		if hi < lo {
			continue
		}
		// The group and sex's cells and their populated services by age.
		off := base + sx*plane
		aN, aS := p.aN[off:off+plane], p.aS[off:off+plane]
		svLo, svHi := p.svLo[ks*nAges:(ks+1)*nAges], p.svHi[ks*nAges:(ks+1)*nAges]
		dec := p.dec[sx]

		// Retirements on 1 January.
		for age := hi; age >= max(lo, gc.retMin); age-- {
			sLo, sHi := svLo[age], svHi[age]
			if sHi < sLo {
				continue
			}
			c0, c1 := age*ns+sLo, age*ns+sHi+1 // within the plane
			g0, g1 := sx*plane+c0, sx*plane+c1 // within the group
			var tRow, avgRow []float64         // for refunds: past salaries and contribution rates
			if p.trackAcc {
				tRow, avgRow = p.accT[c0:c1], gc.avgRate[sLo:sHi+1]
			}
			var refRow []float64 // reference ratios, nil for the last salary
			if gc.retRatio != nil {
				refRow = gc.retRatio[c0:c1]
			}
			p.retireRow(gc, aN[c0:c1], aS[c0:c1], gc.retKind[g0:g1], gc.retRate[g0:g1], gc.retFactor[g0:g1],
				refRow, tRow, avgRow, pbase+sx*nAges+age, yr, det, dbase+off+c0, pdbase)
		}

		if det != nil {
			for age := hi; age >= lo; age-- {
				for sv := svLo[age]; sv <= svHi[age]; sv++ {
					c := age*ns + sv
					if n := aN[c]; n != 0 {
						dc := dbase + off + c
						det.Exits[actuarial.Death][dc] += n * dec[c].d
						det.Exits[actuarial.Disability][dc] += n * dec[c].i
						det.Exits[actuarial.Withdrawal][dc] += n * dec[c].w
					}
				}
			}
		}

		// Disability pensions and deaths in service, contributions, exits
		// during the year and survivors.
		pl := activePlane{
			n: aN, s: aS, dec: dec, acc: gc.accR, fd: gc.disFactor, svLo: svLo, svHi: svHi,
			disLo: &gc.disLo, disHi: &gc.disHi, ms: ms,
			step: step, disCap: gc.disCap, disFloor: gc.disFloor, deathBenefit: deathBenefit,
			ds: &p.disSums, scratchN: p.scratchN, scratchS: p.scratchS,
			newLo: nAges, newHi: -1,
		}
		disPlane(&pl, hi, lo)
		survivors = stepPlane(&pl, &sums, survivors, hi, lo)
		p.lo[ks], p.hi[ks] = pl.newLo, pl.newHi
		ds := &p.disSums
		for age := hi; age >= lo; age-- {
			if dis := ds[age].dis; dis > 0 && age < census.MaxCensusAge {
				pc := pbase + (idxDisability*actuarial.NumSexes+sx)*nAges + age + 1
				p.wN[pc] += dis
				touch(p.wLo, p.wHi, pc)
				p.wA[pc] += ds[age].disAmt
				disPaid += 0.5 * ds[age].disAmt
				disNew += dis
				disNewA += ds[age].disAmt
				if det != nil {
					det.Awarded[pdbase+pc] += dis
				}
			}
			if d := ds[age].deaths; d > 0 && deathBenefit {
				p.deadN[sx][age] += d
				p.deadA[sx][age] += ds[age].deathAmt
				p.deadLo[sx], p.deadHi[sx] = min(p.deadLo[sx], age), max(p.deadHi[sx], age)
			}
		}
	}
	yr.SalaryBill += sums.bill
	yr.Refunds += r.RefundShare * sums.withdrawn
	yr.Exits[actuarial.Death] += sums.deaths
	yr.Exits[actuarial.Disability] += sums.dis
	yr.Exits[actuarial.Withdrawal] += sums.wd
	yr.Pensions[idxDisability] += disPaid
	yr.NewPensions[idxDisability] += disNew
	yr.NewPensionAmounts[idxDisability] += disNewA
	gc.paid += disPaid
	gc.base += sums.bill - sums.cut
	return survivors
}

// stepConst are the year's constants of stepPlane: the wage factor
// 1 + w of the survivors' salaries, the contribution ceiling per head
// (+Inf: none) and half the worker's contribution rate (0 without
// refunds).
type stepConst struct {
	wage, ceiling, halfRate float64
}

// actSums are activesPass's running sums over the year's cells: the
// salary bill, the salaries above the ceiling (times the exposure), the
// contributions refunded (before the refund share) and the exits by cause.
type actSums struct {
	bill, cut, withdrawn float64
	deaths, dis, wd      float64
}

// disSums are a row's disability pensions awarded (number and amount) and
// deaths in service with a pension due (number and pensions).
type disSums struct {
	dis, disAmt, deaths, deathAmt float64
}

// activePlane is the year's step of one group and sex's active cells, as
// disPlane and stepPlane take it.
type activePlane struct {
	n, s       []float64 // counts and salaries by age·ns + service
	dec        []decCell // the year's decrements and merit by age·ns + service
	acc        []float64 // past contributions in units of the current salary (accR), by age·ns + service
	fd         []float64 // disability pension per unit of salary, by age·ns + service
	svLo, svHi []int     // the populated services by age, empty when svHi < svLo

	disLo, disHi *[nAges]int // by age, the services with fd > 0 lie within them
	ms           int         // MaxService
	step         stepConst
	disCap       float64 // disability pension cap per head (+Inf: none)
	disFloor     float64 // and floor (0: none)
	deathBenefit bool    // deaths in service give survivors' or orphans' pensions

	ds                 *[nAges]disSums // by age, set by disPlane
	scratchN, scratchS []float64       // take the survivors of the last age
	newLo, newHi       int             // the ages survivors reached, widened by stepPlane
}

// disPlane sets ds[age], for every age from hi down to lo, to the
// disability pensions awarded and the deaths in service with a pension due
// in plane pl's active cells: the cells with a disability factor fd and a
// disability rate (or a death benefit), their pensions fd × salary capped
// and floored per head. Cells without members are left alone.
func disPlane(pl *activePlane, hi, lo int) {
	aN := pl.n
	aS, dec, fd := pl.s[:len(aN)], pl.dec[:len(aN)], pl.fd[:len(aN)]
	svLo, svHi := pl.svLo[:nAges], pl.svHi[:nAges]
	ds := pl.ds
	ns := pl.ms + 1
	disCap, disFloor, deathBenefit := pl.disCap, pl.disFloor, pl.deathBenefit
	for age := hi; age >= lo; age-- {
		var dis, disAmt, deaths, deathAmt float64
		if dl, dh := max(pl.disLo[age], svLo[age]), min(pl.disHi[age], svHi[age]); dl <= dh {
			c0, c1 := age*ns+dl, age*ns+dh+1
			n, s, dc, f := aN[c0:c1], aS[c0:c1], dec[c0:c1], fd[c0:c1]
			s, dc, f = s[:len(n)], dc[:len(n)], f[:len(n)]
			for j, nj := range n {
				if nj == 0 {
					continue
				}
				fj, di := f[j], dc[j].i
				if !(fj > 0 && (di > 0 || deathBenefit)) {
					continue
				}
				// The cell's disability pensions, capped and floored per head.
				amt := fj * s[j]
				if amt > nj*disCap {
					amt = nj * disCap
				}
				if amt < nj*disFloor {
					amt = nj * disFloor
				}
				dd := dc[j].d
				dis += nj * di
				disAmt += di * amt
				deaths += nj * dd
				deathAmt += dd * amt
			}
		}
		ds[age] = disSums{dis: dis, disAmt: disAmt, deaths: deaths, deathAmt: deathAmt}
	}
}

// stepPlane takes the year's exits out of plane pl's active cells, from
// age hi down to lo, over the populated services of each age: it adds to
// sums their salary bill, salaries above the ceiling, refunds on
// withdrawal and exits (dependent probabilities times members); moves the survivors to the next age's cell of one more year
// of service (those at MaxService stay there) with their salaries raised
// by merit and wage growth; updates svLo, svHi to the survivors' services
// and widens newLo, newHi to their ages. It returns survivors plus the
// survivors. Cells without members are left alone. The last age has no
// next age: its survivors, if any, go to the scratch rows and are dropped.
func stepPlane(pl *activePlane, sums *actSums, survivors float64, hi, lo int) float64 {
	aN := pl.n
	aS, dec, acc := pl.s[:len(aN)], pl.dec[:len(aN)], pl.acc[:len(aN)]
	svLo, svHi := pl.svLo[:nAges], pl.svHi[:nAges]
	ms := pl.ms
	ns := ms + 1
	wage, ceiling, halfRate := pl.step.wage, pl.step.ceiling, pl.step.halfRate
	bill, cut, withdrawn := sums.bill, sums.cut, sums.withdrawn
	deaths, dis, wd := sums.deaths, sums.dis, sums.wd
	for age := hi; age >= lo; age-- {
		sLo, sHi := svLo[age], svHi[age]
		svLo[age], svHi[age] = ns, -1 // the row empties: its survivors move on
		if sHi < sLo {
			continue
		}
		row := age*ns + sLo // the row's first populated cell
		// Cell row+j goes to cell to+j of the next age, but for the cell at
		// ms, which goes to the next age's ms: two segments of the row.
		tN, tS, to := aN, aS, row+ns+1
		if age == census.MaxCensusAge {
			tN, tS, to = pl.scratchN, pl.scratchS, sLo+1
		}
		cells, main := sHi-sLo+1, sHi-sLo+1
		if sHi == ms {
			main--
		}
		var rowSurv float64
		for j0, j1 := 0, main; j0 < cells; j0, j1, to = j1, cells, to-1 {
			n, s := aN[row+j0:row+j1], aS[row+j0:row+j1]
			dc, ac := dec[row+j0:row+j1], acc[row+j0:row+j1]
			nxN, nxS := tN[to+j0:to+j1], tS[to+j0:to+j1]
			s, dc, ac = s[:len(n)], dc[:len(n)], ac[:len(n)]
			nxN, nxS = nxN[:len(n)], nxS[:len(n)]
			for j, nj := range n {
				if nj == 0 {
					continue
				}
				c := &dc[j]
				sal := s[j]
				n[j], s[j] = 0, 0
				e := c.e
				bill += sal * e
				cb := sal // contribution base
				if sal > nj*ceiling {
					cb = nj * ceiling
					cut += (sal - cb) * e
				}
				dw := c.w
				// Own contributions to 1 January plus half a year's.
				withdrawn += dw * cb * (ac[j] + halfRate)
				deaths += nj * c.d
				dis += nj * c.i
				wd += nj * dw
				f := c.f
				sv := nj * f
				nxN[j] += sv
				nxS[j] += sal * f * c.m * wage
				rowSurv += sv
			}
		}
		if age == census.MaxCensusAge {
			clear(pl.scratchN)
			clear(pl.scratchS)
			continue
		}
		if rowSurv > 0 {
			// The services survivors may have reached.
			svLo[age+1], svHi[age+1] = min(svLo[age+1], sLo+1, ms), max(svHi[age+1], min(sHi+1, ms))
			survivors += rowSurv
			pl.newLo = age + 1
			pl.newHi = max(pl.newHi, age+1)
		}
	}
	sums.bill, sums.cut, sums.withdrawn = bill, cut, withdrawn
	sums.deaths, sums.dis, sums.wd = deaths, dis, wd
	return survivors
}

// retireRow retires the members of one row of active cells (one group, sex
// and age) on 1 January, leaving in the cells those who stay. kinds, rates
// and factors are the row's retirement kinds, probabilities and pension
// factors; refRow its reference ratios (nil when the reference salary is
// the last salary); tRow and avgRow its past salaries and contribution
// rates (nil without refunds); pc0 is the pensioner cell of the row's sex
// and age for the first pension type, c0 the detail offset of the row's
// first cell.
func (p *Projector) retireRow(gc *groupCache, nRow, sRow []float64, kinds []uint8, rates, factors, refRow, tRow, avgRow []float64, pc0 int, yr *YearResult, det *CellDetail, c0, pdbase int) {
	// The withdrawals and their refunds, rarer than retirements, in memory
	// (an array of two is not kept in registers), so that the registers
	// hold the sums of the pensions awarded: number, yearly amount, final
	// and reference salaries of those retiring, by kind.
	var wd [2]float64
	var fullN, fullA, fullS, fullR, redN, redA, redS, redR float64
	kinds, rates, factors = kinds[:len(nRow)], rates[:len(nRow)], factors[:len(nRow)]
	sRow = sRow[:len(nRow)]
	ones := refRow == nil
	if !ones {
		refRow = refRow[:len(nRow)]
	}
	// Without a cap or floor these never hold: pensions are not negative.
	retCap, retFloor := math.Inf(1), 0.0
	if gc.hasRetCap {
		retCap = gc.retCap
	}
	if gc.hasRetFloor {
		retFloor = gc.retFloor
	}
	for j, n := range nRow {
		kind := kinds[j]
		if n == 0 || kind == retNone {
			continue
		}
		rr := rates[j]
		m := n * rr
		sal := sRow[j]
		if kind == retWithdraw {
			wd[0] += m
			if tRow != nil {
				cb := sal
				if ceiling := gc.ceiling; sal > n*ceiling {
					cb = n * ceiling
				}
				wd[1] += rr * cb * avgRow[j] * tRow[j]
			}
			if det != nil {
				det.Exits[actuarial.Withdrawal][c0+j] += m
			}
		} else {
			// The cell's pensions, capped and floored per head.
			amt := factors[j] * sal
			if amt > n*retCap {
				amt = n * retCap
			}
			if amt < n*retFloor {
				amt = n * retFloor
			}
			rs := rr * sal // the final salaries of those retiring
			ref := rs
			if !ones {
				ref *= refRow[j]
			}
			if kind == retFull {
				fullN += m
				fullA += rr * amt
				fullS += rs
				fullR += ref
			} else {
				redN += m
				redA += rr * amt
				redS += rs
				redR += ref
			}
			if det != nil {
				det.Exits[actuarial.Retirement][c0+j] += m
			}
		}
		if rr >= 1 {
			nRow[j], sRow[j] = 0, 0
		} else {
			nRow[j], sRow[j] = n-m, sal*(1-rr)
		}
	}
	yr.Exits[actuarial.Withdrawal] += wd[0]
	yr.Refunds += gc.r.RefundShare * wd[1]
	newN, newA := [2]float64{fullN, redN}, [2]float64{fullA, redA}
	newS, newR := [2]float64{fullS, redS}, [2]float64{fullR, redR}
	for ki, m := range newN {
		if m == 0 {
			continue
		}
		ti := idxOldAge + ki
		pc := pc0 + ti*actuarial.NumSexes*nAges
		p.pN[pc] += m
		touch(p.pLo, p.pHi, pc)
		p.pA[pc] += newA[ki]
		yr.Exits[actuarial.Retirement] += m
		yr.NewPensions[ti] += m
		yr.NewPensionAmounts[ti] += newA[ki]
		yr.RetiringSalaries[ti] += newS[ki]
		yr.ReferenceSalaries[ti] += newR[ki]
		if det != nil {
			det.Retired[pdbase+pc] += m
		}
	}
}

// dependent3 converts the independent rates of death, disability and
// withdrawal of one cell into dependent probabilities under UDD in the
// multiple-decrement table.
func dependent3(d, i, w float64) (float64, float64, float64) {
	var in, out [3]float64
	in = [3]float64{d, i, w}
	actuarial.DependentUDDM(out[:], in[:])
	return out[0], out[1], out[2]
}

// award adds the survivors' and orphans' pensions arising from the year's
// deaths in group g gathered in deadN and deadA by sex and age of the
// deceased (members with a pension, or a disability pension for deaths in
// service, due: the deaths and Σ deaths × pension per head, a year), and
// empties them.
func (p *Projector) award(g int, yr *YearResult, det *CellDetail, pdbase int) {
	gc := &p.gc[g]
	r := gc.r
	pbase := g * p.nP
	wN, wA := p.wN[pbase:pbase+p.nP], p.wA[pbase:pbase+p.nP]
	sShare, oShare := r.SurvivorShare, r.OrphanShare
	end := p.s.Assumptions.Family.OrphanEndAge
	// The running sums, in registers.
	paid := gc.paid
	sPaid, sNew, sAmt := yr.Pensions[idxSurvivor], yr.NewPensions[idxSurvivor], yr.NewPensionAmounts[idxSurvivor]
	oPaid, oNew, oEnded := yr.Pensions[idxOrphan], yr.NewPensions[idxOrphan], yr.PensionsEnded[idxOrphan]
	oAmt := yr.NewPensionAmounts[idxOrphan]
	for sx := range actuarial.NumSexes {
		lo, hi := max(p.deadLo[sx], 0), min(p.deadHi[sx], census.MaxCensusAge)
		p.deadLo[sx], p.deadHi[sx] = nAges, -1
		dn, da := &p.deadN[sx], &p.deadA[sx]
		married, spouseAge := &p.married[sx], &p.spouseAge[sx]
		orphans, orphanAge := &p.orphans[sx], &p.orphanAge[sx]
		sc := (idxSurvivor*actuarial.NumSexes + (1 - sx)) * nAges // the spouses' strip
		for age := lo; age <= hi; age++ {
			deaths := dn[age]
			if !(deaths > 0) {
				continue
			}
			amount := da[age]
			dn[age], da[age] = 0, 0
			if mar := married[age]; mar > 0 && sShare > 0 {
				m := deaths * mar
				amt := sShare * mar * amount
				pc := sc + spouseAge[age]
				wN[pc] += m
				touch(p.wLo, p.wHi, pbase+pc)
				wA[pc] += amt
				sPaid += 0.5 * amt
				paid += 0.5 * amt
				sNew += m
				sAmt += amt
				if det != nil {
					det.Awarded[pdbase+pbase+pc] += m
				}
			}
			orph := orphans[age]
			if !(orph > 0 && oShare > 0 && end > 0) {
				continue
			}
			oage := orphanAge[age]
			if oage >= end {
				continue
			}
			m := deaths * orph
			amt := oShare * orph * amount
			oPaid += 0.5 * amt
			paid += 0.5 * amt
			oNew += m
			oAmt += amt
			if oage+1 >= end || oage >= census.MaxCensusAge {
				// Paid for the rest of the year only.
				oEnded += m
				continue
			}
			for osx := range actuarial.NumSexes { // half boys, half girls
				pc := (idxOrphan*actuarial.NumSexes+osx)*nAges + oage + 1
				wN[pc] += m / 2
				touch(p.wLo, p.wHi, pbase+pc)
				wA[pc] += amt / 2
				if det != nil {
					det.Awarded[pdbase+pbase+pc] += m / 2
				}
			}
		}
	}
	gc.paid = paid
	yr.Pensions[idxSurvivor], yr.NewPensions[idxSurvivor], yr.NewPensionAmounts[idxSurvivor] = sPaid, sNew, sAmt
	yr.Pensions[idxOrphan], yr.NewPensions[idxOrphan], yr.PensionsEnded[idxOrphan] = oPaid, oNew, oEnded
	yr.NewPensionAmounts[idxOrphan] = oAmt
}

// pensionersPass pays group g's pensions of year t, applies the year's
// deaths and ages the survivors, indexed, into the next year; then the
// pensions awarded during the year join.
func (p *Projector) pensionersPass(g, t int, yr *YearResult, det *CellDetail) {
	gc := &p.gc[g]
	r := gc.r
	fam := &p.s.Assumptions.Family
	deathBenefit := r.SurvivorShare > 0 || (r.OrphanShare > 0 && fam.OrphanEndAge > 0)
	pbase := g * p.nP
	pdbase := 0
	if det != nil {
		pdbase = t * p.nG * p.nP
	}
	ix := gc.index
	dLo, dHi := &p.deadLo, &p.deadHi // the ages in deadN, from the actives on
	for ti := range census.NumPensionTypes {
		typ := census.PensionTypeAt(ti)
		st := scheme.StatusOf(typ)
		spouse := deathBenefit && typ != census.PensionSurvivor && typ != census.PensionOrphan
		end := nAges
		if typ == census.PensionOrphan && fam.OrphanEndAge > 0 {
			end = fam.OrphanEndAge
		}
		var paid, deaths, ended float64
		for sx := range actuarial.NumSexes {
			qrow := &p.q[st][sx]
			cb := pbase + (ti*actuarial.NumSexes+sx)*nAges
			k := cb / nAges
			lo, hi := p.pLo[k], p.pHi[k]
			if hi < lo {
				continue
			}
			nlo, nhi := nAges, -1
			if spouse {
				dLo[sx], dHi[sx] = min(dLo[sx], lo), max(dHi[sx], hi)
			}
			// Ages to top move their survivors up a year (pensionRow);
			// above it pensions end or, at MaxCensusAge, die out.
			top := max(min(hi, end-2, census.MaxCensusAge-1), lo-1)
			if det != nil {
				for age := top; age >= lo; age-- {
					c := cb + age
					if n := p.pN[c]; n != 0 {
						det.PensionerDeaths[pdbase+c] += n * qrow[age]
					}
				}
			}
			for age := hi; age > top; age-- {
				c := cb + age
				n := p.pN[c]
				if n == 0 {
					continue
				}
				amt := p.pA[c]
				p.pN[c], p.pA[c] = 0, 0
				q := qrow[age]
				paid += amt * (1 - 0.5*q)
				d := n * q
				deaths += d
				if det != nil {
					det.PensionerDeaths[pdbase+c] += d
				}
				if spouse {
					p.deadN[sx][age] += d
					p.deadA[sx][age] += amt * q
				}
				surv := n - d
				if surv <= 0 || age == census.MaxCensusAge {
					continue
				}
				ended += surv // age+1 ≥ end
				if det != nil {
					det.Ended[pdbase+c] += surv
				}
			}
			if lo <= top {
				var moved bool
				dn, da := p.deadN[sx][:], p.deadA[sx][:]
				paid, deaths, moved = pensionRow(p.pN[cb+lo:cb+top+2], p.pA[cb+lo:cb+top+2], qrow[lo:top+1],
					dn[lo:], da[lo:], ix, spouse, paid, deaths)
				if moved {
					nlo, nhi = lo+1, max(nhi, top+1)
				}
			}
			p.pLo[k], p.pHi[k] = nlo, nhi
		}
		yr.Pensions[ti] += paid
		yr.PensionerDeaths[ti] += deaths
		yr.PensionsEnded[ti] += ended
		gc.paid += paid
	}
	if deathBenefit {
		p.award(g, yr, det, pdbase)
	}
	for k := pbase / nAges; k < (pbase+p.nP)/nAges; k++ {
		lo, hi := p.wLo[k], p.wHi[k]
		if hi < lo {
			continue
		}
		p.wLo[k], p.wHi[k] = nAges, -1
		p.pLo[k], p.pHi[k] = min(p.pLo[k], lo), max(p.pHi[k], hi)
		off := k * nAges
		wn, wa := p.wN[off+lo:off+hi+1], p.wA[off+lo:off+hi+1]
		pn, pa := p.pN[off+lo:off+hi+1], p.pA[off+lo:off+hi+1]
		for c, n := range wn {
			if n == 0 {
				continue
			}
			pn[c] += n
			pa[c] += wa[c] * ix
			wn[c], wa[c] = 0, 0
		}
	}
}

// pensionRow pays, for the year, one strip of pension cells n, a (counts
// and yearly amounts by age) at mortality q, from the oldest age down; adds
// their deaths, and the pensions of those dying, to dn and da when spouse;
// and moves the survivors, their pensions indexed by ix, up an age: n and a
// hold one age more than q, dn and da at least as many as q (unused
// without spouse). paid and deaths are the running sums of the
// pensions paid and the deaths, returned updated with whether any survivor
// moved. Cells without pensioners are left alone.
func pensionRow(n, a, q, dn, da []float64, ix float64, spouse bool, paid, deaths float64) (float64, float64, bool) {
	q = q[:len(n)-1]
	a = a[:len(n)]
	dn, da = dn[:len(q)], da[:len(q)]
	n1, a1 := n[1:], a[1:] // the next age's cells
	moved := false
	for k := len(q) - 1; k >= 0; k-- {
		nk := n[k]
		if nk == 0 {
			continue
		}
		amt := a[k]
		n[k], a[k] = 0, 0
		qk := q[k]
		paid += amt * (1 - 0.5*qk)
		d := nk * qk
		deaths += d
		if spouse {
			dn[k] += d
			da[k] += amt * qk
		}
		surv := nk - d
		if surv <= 0 {
			continue
		}
		n1[k] += surv
		a1[k] += amt * (1 - qk) * ix
		moved = true
	}
	return paid, deaths, moved
}

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
		p.aN[c] += m
		p.aS[c] += m * pr.Salary * wageIndex
		p.extend(g, sx, pr.Age, 0)
		if det != nil {
			det.Entrants[t*p.nG*p.nA+c] += m
		}
	}
	return total
}
