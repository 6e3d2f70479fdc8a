// The cohort projection of a scheme: the Projector, its buffers and its
// yearly loop.

package projection

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/vec"
)

// nAges is the number of ages a projection follows, 0..MaxCensusAge.
const nAges = census.MaxCensusAge + 1

// Projector projects one [scheme.Scheme] year by year. [NewProjector] validates
// the scheme and allocates every buffer once; [Projector.Run] then runs
// without allocating when it is given a [Result] to reuse, and can be
// called any number of times. A Projector is not safe for concurrent use:
// give each goroutine its own (see [RunScenarios]). It keeps a reference to
// the scheme, which must not change while the Projector is in use: Reset
// reads what Run relies on (validation, compiled rules, the census's
// populated ages and services), so a scheme changed in place, its census
// included, is projected after [Projector.Reset] again.
type Projector struct {
	// Detail, when set before Run, makes the result hold the projection by
	// cell ([Result] Cells). It costs memory in proportion to the years
	// and groups projected (about 1 MB a year a group) and some time.
	Detail bool
	// Split, when set before Run, makes the result hold the year's flows
	// and counts by group, sex, service band and age ([Result] Split, and
	// so by birth cohort: [Split.Cohorts]). Off (false), runs are as fast
	// as before and their results the same; on, a run takes about 344
	// bytes a year, a group, a sex, a band and an age (some 8.3 MB for 100
	// years of one group without bands, six times that with the four
	// default service bands) and more time: about 3.5 times the CPU time of
	// a run without it, 7 times with the default bands (the figures are in
	// BenchmarkProjectReferenceSplit's comment), still without allocating
	// when the Result is reused. The totals of YearResult are unchanged
	// either way, bit for bit.
	Split bool
	// ServiceBands, with Split, splits the flows and counts further by the
	// band of each member's service on the valuation date ([Split.Band]):
	// the lower bounds of the bands in completed years, ascending from 0
	// ([DefaultServiceBands], {0, 10, 20, 30}, gives 0–9, 10–19, 20–29 and
	// 30+), to which the split adds the bands of the pensions in payment
	// and of future entrants. Nil: no bands. Run returns an error for
	// bounds that are not ascending from 0.
	ServiceBands []int

	sp []SplitRow // the current year's split rows (nil: no split)
	st splitState // the split's bands

	// fullFactors makes every change of exits recompute a group's factors
	// in full, for the tests that check the shortcuts against it.
	fullFactors bool

	s        *scheme.Scheme
	ms, ns   int // MaxService of the active cells, and MaxService+1
	nA, nP   int // active and pensioner cells per group
	nG       int
	minEntry int // no member's age minus service cell is below this

	aN, aS []float64 // actives by group and cell: count and total salary
	pN, pA []float64 // pensions by group and cell: count, total yearly amount
	wN, wA []float64 // pensions awarded during the year, joining on the next 1 January
	// pO and wO are the own amounts of pA and wA: the formula's pensions
	// before any floor, for the minimum-pension top-up.
	pO, wO []float64
	// By strip (group, pension type, sex), the ages with pensions in pN
	// and in wN: empty when hi < lo. A pensioner cell pc is in strip
	// pc / nAges, at age pc % nAges.
	pLo, pHi, wLo, wHi []int
	lo, hi             []int // by group and sex: the populated active ages, empty when hi < lo
	svLo, svHi         []int // by group, sex and age: the populated service cells, empty when svHi < svLo
	// lo0, hi0, svLo0, svHi0, pLo0 and pHi0 are lo, hi, svLo, svHi, pLo
	// and pHi of the census, where each run starts: set by load (the
	// scheme does not change while the Projector is in use).
	lo0, hi0, svLo0, svHi0, pLo0, pHi0 []int

	law  *rules.Law   // the scheme's law, compiled once: one of laws
	laws [2]rules.Law // the law and the one before, reused in turn by load
	// dec[sex][age·ns + service] holds the cell's decrements of the
	// current year (of every year when active mortality does not change
	// by year: depValid) and its merit; with mortality that changes by
	// year, only when a pass reads them as rules.Cell (fillDecrements).
	dec      [actuarial.NumSexes][]rules.Cell
	depValid bool
	// decV[sex] holds the fields of dec that stepPlane's AVX2 form reads,
	// by field: D, I, W, E, F, FM, each a plane of nAges·ns, and three
	// cells of padding (the form's last loads of a plane's last row run
	// past it, into lanes it does not use: whatever they hold, finite or
	// not, is not used). Filled with dec (fillDecV), or alone when only
	// the AVX2 forms read the year's cells (fillDecrements), where they
	// can run (hasSIMD); empty otherwise.
	decV [actuarial.NumSexes][]float64
	// wdec[sex][age·ns + service] are the cells' probabilities of the work
	// risks, filled with dec; empty for a sex without work risks.
	wdec [actuarial.NumSexes][]rules.Work
	work bool // some sex meets work risks

	q       [scheme.NumLifeStatuses][actuarial.NumSexes][nAges]float64 // the year's mortality
	qFilled bool

	dead deathRoll // the deaths of the group being projected
	// workDead are the group's deaths at work with a survivors' benefit
	// due, and the base pensions of [scheme.WorkRisks].Death.
	workDead deathRoll

	// scratchN, scratchS take the survivors of the last two ages (ns+1
	// cells: stepPlane), emptied at once.
	scratchN, scratchS []float64
	disSums            [nAges]disSums // activesPass's, by age

	gc       []groupCache
	entW     []float64    // entrants' profile weights, normalised
	trackAcc bool         // some rules refund contributions
	acc      pastSalaries // for refunds
	// poly evaluates the reference ratios and past salaries at the wage
	// growths other than the first year's (Projector.polyAt).
	poly rules.RatioPoly
	// stamp counts the years projected, for what is computed once a year
	// (groupCache's rows).
	stamp int
	// w0 is the wage growth of the first year of the run (polyAt).
	w0 float64
}

// deathRoll gathers one group's deaths of the year by sex and age (of
// actives with a pension due and of pensioners) and their pensions, for the
// survivors' and orphans' pensions; lo and hi bound the ages, empty when
// hi < lo.
type deathRoll struct {
	n, a   [actuarial.NumSexes][nAges]float64
	lo, hi [actuarial.NumSexes]int
}

// pastSalaries holds t[age·ns + service] = Σ_{k=1..service} S_{−k}/S_0,
// the past salaries of a member along the salary scale at wage growth w,
// in units of the current salary ([rules.PastSalaries]), for the ages
// 0..hi (the oldest member's so far); ver counts the changes of w. fast:
// evaluated by rules.RatioPoly (Projector.polyAt).
type pastSalaries struct {
	t     []float64
	w     float64
	fast  bool
	hi    int
	valid bool
	ver   int
	// eLo, eHi: the entry ages whose cells (age − service in eLo..eHi)
	// hold the values; the others may hold those of another w.
	eLo, eHi int
}

// groupCache holds what a group's rules give, recomputed only when the
// rules in force (or the wage growth they depend on) change.
type groupCache struct {
	// vint are the survivors' pensions in payment whose share still
	// changes with the years since the award (Rules.SurvivorSteps), one
	// per award year; vpool holds spent ones for reuse.
	vint, vpool []*survVintage

	// *factorSet is the set of factors of the rules in force, one of
	// sets: a group whose rules change in the course of a run finds the
	// factors of its earlier rules in sets in the next run (stochastic
	// scenarios, a sweep's variants), the least recently used replaced
	// when a new one is needed.
	*factorSet
	sets   [maxFactorSets]factorSet
	setUse int // counts the uses, for factorSet.used

	// ratios are reference-ratio tables by age and service, each for
	// one reference period and wage growth, the least recently used
	// replaced when a new one is needed: the few periods a group's rules
	// use in turn (and use again in the next run) keep theirs.
	ratios   [maxRatioTables]ratioTable
	ratioUse int    // counts the uses, for ratioTable.used
	ratioMis []bool // scratch: the cells to compute

	yr rules.Year // the rules of the year
	// hist[k] is the worker's contribution rate k+1 years before the
	// year; avgRate[s] the average over the last s years (refunds only).
	hist, avgRate []float64
	// accR[age·ns + service] is avgRate[service]·acc.t[age·ns + service]
	// at the ages accLo..accHi, computed for version accVer of the past
	// salaries and the current avgRate: the rows of the ages the group
	// has members at, widened as they age, recomputed when either
	// changes (the average rates are checked each year before the past
	// salaries, which at a new wage growth of a stochastic scenario
	// compute the first group's accR in the same pass: fillPast). Zero
	// without refunds.
	accR         []float64
	accVer       int
	accLo, accHi int
	// rowLo[age]..rowHi[age] are the services the group has members in
	// at each age of rowAges (both sexes), for year stamp rowStamp
	// (Projector.rows).
	rowLo, rowHi      [nAges]int
	rowAges, rowEntry [2]int // and the bounds of the entry ages (Projector.rows)
	rowStamp          int
	base              float64 // contribution base of the year
	paid              float64 // pensions paid in the year
	topUp             float64 // of which the minimum-pension top-up
	// raised are the contribution steps of automatic balancing so far, by payer.
	raised [scheme.NumPayers]float64
}

// maxFactorSets is the number of sets of factors a group keeps.
const maxFactorSets = 4

// factorSet holds what the exits of a group's rules give by cell, at a
// wage growth; exits nil: unused.
type factorSet struct {
	exits *rules.Exits // the exits the factors belong to; nil: none yet
	w     float64      // the wage growth the reference ratios use
	fast  bool         // the ratios are rules.RatioPoly's (Projector.polyAt)
	used  int          // orders the sets by their last use
	// partial: the reference ratios in the factors are those of w only in
	// the cells populated when they were last computed (refactor).
	partial bool
	// retJIT: refactor left the retirement factors and their reference
	// ratios (of tables by rules.RatioPoly) to the retirement rows, which
	// take a row's ratio where they need it (Projector.retireRatio):
	// retFactor and the tables' ratios are not those of w in the cells
	// populated then.
	retJIT bool
	// retV[sx][age] is, with retJIT, the reference ratio of the row of an
	// age whose cells that can retire all lie in its table's tail of equal
	// coefficients, for the populated services of both sexes; 0 where they
	// do not (Projector.retRowRatios).
	retV [actuarial.NumSexes][nAges]float64

	retKind   []rules.Exit // by active cell
	retRate   []float64    // by active cell: probability of retiring on 1 January
	retFactor []float64    // by active cell: pension per unit of salary, before cap and floor
	disFactor []float64    // by age and service: disability pension per unit of salary
	// disLo[age], disHi[age]: the services with a disability factor above
	// 0 lie within them; empty when disHi < disLo.
	disLo, disHi [nAges]int
	retMin       int // the youngest age with a retirement of any kind
	// wkDis and wkDeath are, by age and service, the pension of a
	// disability at work and the base pension of a death at work per unit
	// of salary; allocated only when some sex meets work risks.
	wkDis, wkDeath []float64

	retRatio [actuarial.NumSexes][]float64   // by sex: the ratios of retirement pensions; nil: the last salary
	retTable [actuarial.NumSexes]*ratioTable // the tables retRatio are in; nil: none
	// canRetire[age·ns + service] marks the cells where the exits
	// canRetireOf give someone a pension, for either sex.
	canRetire   []bool
	canRetireOf *rules.Exits
	// canLo[age], canHi[age]: the services marked in canRetire lie within
	// them; empty when canHi < canLo.
	canLo, canHi [nAges]int
}

// size sizes the set's buffers for nA active cells, plane cells by age and
// service.
func (f *factorSet) size(nA, plane int) {
	f.retKind = vec.Grow(f.retKind, nA)
	f.retRate = vec.Grow(f.retRate, nA)
	f.retFactor = vec.Grow(f.retFactor, nA)
	f.disFactor = vec.Grow(f.disFactor, plane)
	f.canRetire = vec.Grow(f.canRetire, plane)
}

// maxRatioTables is the number of reference-ratio tables a group keeps.
const maxRatioTables = 6 // retirement of each sex, disability, the two work risks, and one spare

// ratioTable holds the reference ratios r by age·ns + service for an
// average over years years at wage growth w, of the cells have marks (of
// every cell when all); years 0: unused. used orders the tables by their
// last use. fast: the ratios are rules.RatioPoly's (Projector.polyAt), not
// rules.RatioAt's, from the coefficients d, k a cell, and xp, the powers of
// 1/(1+w).
type ratioTable struct {
	years int
	w     float64
	fast  bool
	d     []float64
	k     int
	same  []int // rules.RatioPoly.Same's
	// tail: by age, the service from which a row's cells have the ratio
	// of the first, bit for bit (rules.RatioPoly.SameMerits); !fast only.
	tail []int
	xp   []float64
	all  bool
	have []bool
	r    []float64
	used int
	// haveLo..haveHi−1 bound the cells of have that may be set.
	haveLo, haveHi int
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
	p := new(Projector)
	p.load(s)
	return p, nil
}

// Reset validates s and makes p a projector for it, as [NewProjector]
// would, reusing p's buffers where they fit and, when s shares
// assumptions with the scheme p projected before (the same service and
// mortality tables by pointer, equal salary scales) or rules that give the
// same exits, the tables compiled from them: a worker projecting many
// variants of a scheme builds little more per scheme than what the variant
// changes. The results are the same, bit for bit, as a new projector's.
// The zero Projector can be Reset; on error p is left as it was.
func (p *Projector) Reset(s *scheme.Scheme) error {
	if s == nil {
		panic("actuarial: Projector.Reset to a nil scheme")
	}
	if err := s.Validate(); err != nil {
		return err
	}
	p.load(s)
	return nil
}

// load sets p up for the valid scheme s. A projector that projected
// another scheme keeps its buffers where they fit, the tables of its law
// that s shares ([rules.Recompile]), and the factors and decrements that
// follow from them, so that a worker projecting many variants of a scheme
// ([RunScenarios]) builds little more per scenario than what the variant
// changes. Every buffer that a run reads before writing is either rebuilt
// here or by [Projector.reset].
func (p *Projector) load(s *scheme.Scheme) {
	prev := p.law
	oldMS, oldMinEntry := p.ms, p.minEntry
	p.s, p.nG, p.ms = s, len(s.Groups), census.DefaultMaxService
	for gi := range s.Groups {
		if a := s.Groups[gi].Actives; a != nil {
			p.ms = a.LastService()
			break
		}
	}
	p.ns = p.ms + 1
	p.scratchN, p.scratchS = vec.Grow(p.scratchN, p.ns+1), vec.Grow(p.scratchS, p.ns+1)
	clear(p.scratchN)
	clear(p.scratchS)
	p.nA = actuarial.NumSexes * nAges * p.ns
	p.nP = census.NumPensionTypes * actuarial.NumSexes * nAges
	p.aN = vec.Grow(p.aN, p.nG*p.nA)
	p.aS = vec.Grow(p.aS, p.nG*p.nA)
	p.pN = vec.Grow(p.pN, p.nG*p.nP)
	p.pA = vec.Grow(p.pA, p.nG*p.nP)
	p.wN = vec.Grow(p.wN, p.nG*p.nP)
	p.wA = vec.Grow(p.wA, p.nG*p.nP)
	p.pO = vec.Grow(p.pO, p.nG*p.nP)
	p.wO = vec.Grow(p.wO, p.nG*p.nP)
	strips := p.nG * census.NumPensionTypes * actuarial.NumSexes
	p.pLo, p.pHi = vec.Grow(p.pLo, strips), vec.Grow(p.pHi, strips)
	p.wLo, p.wHi = vec.Grow(p.wLo, strips), vec.Grow(p.wHi, strips)
	p.lo = vec.Grow(p.lo, p.nG*actuarial.NumSexes)
	p.hi = vec.Grow(p.hi, p.nG*actuarial.NumSexes)
	p.svLo = vec.Grow(p.svLo, p.nG*actuarial.NumSexes*nAges)
	p.svHi = vec.Grow(p.svHi, p.nG*actuarial.NumSexes*nAges)

	// The youngest entry age: no cell's age minus service index is below it.
	p.minEntry = nAges
	for gi := range s.Groups {
		a := s.Groups[gi].Actives
		if a == nil {
			continue
		}
		for sx := range actuarial.NumSexes {
			for age := range nAges {
				// Only a service above age − minEntry lowers it: the
				// row's longest, found from the top.
				row := a.Count[(sx*nAges+age)*p.ns : (sx*nAges+age+1)*p.ns]
				for sv := p.ms; sv >= 0 && sv > age-p.minEntry; sv-- {
					if row[sv] > 0 {
						p.minEntry = age - sv
						break
					}
				}
			}
		}
	}
	as := &s.Assumptions
	p.entW = p.entW[:0]
	if as.Entrants.Mode != scheme.ClosedGroup {
		var sum float64
		for _, e := range as.Entrants.Profile {
			sum += e.Weight
			p.minEntry = min(p.minEntry, e.Age)
		}
		p.entW = vec.Grow(p.entW, len(as.Entrants.Profile))
		for i, e := range as.Entrants.Profile {
			p.entW[i] = e.Weight / sum
		}
	}
	p.minEntry = max(min(p.minEntry, census.MaxCensusAge), 0)

	next := &p.laws[0]
	if next == prev {
		next = &p.laws[1]
	}
	p.law = rules.RecompileInto(next, s, p.ms, prev)
	p.trackAcc = p.law.Refunds
	// What follows from the decrements (the dependent probabilities, the
	// past salaries) and from the exits and the salary scale (a group's
	// factors and reference ratios) is kept when they are shared.
	keepDec := prev != nil && oldMS == p.ms && len(p.law.Decrements.Merit) > 0 &&
		&p.law.Decrements.Merit[0] == &prev.Decrements.Merit[0] && p.law.Mortality.Same(&prev.Mortality)
	keepFactors := keepDec && oldMinEntry == p.minEntry
	p.work = false
	for sx := range actuarial.NumSexes {
		p.dec[sx] = vec.Grow(p.dec[sx], nAges*p.ns)
		if hasSIMD {
			p.decV[sx] = vec.Grow(p.decV[sx], decFields*nAges*p.ns+3)
		}
		p.wdec[sx] = p.wdec[sx][:0]
		if p.law.Decrements.HasWork(sx) {
			p.wdec[sx] = vec.Grow(p.wdec[sx], nAges*p.ns)
			p.work = true
		}
	}
	if !keepDec || oldMinEntry != p.minEntry {
		// (The past salaries are computed for the services up to age −
		// minEntry.)
		p.acc.valid = false
	}
	if !keepDec {
		p.depValid = false
	}

	if len(p.gc) != p.nG {
		p.gc = make([]groupCache, p.nG)
		keepFactors = false
	}
	for gi := range p.gc {
		gc := &p.gc[gi]
		if gc.factorSet == nil {
			gc.factorSet = &gc.sets[0]
		}
		gc.avgRate = vec.Grow(gc.avgRate, p.ns)
		clear(gc.avgRate)
		gc.accR = vec.Grow(gc.accR, nAges*p.ns)
		gc.accVer, gc.accLo, gc.accHi = -1, nAges, -1
		if !p.trackAcc {
			clear(gc.accR)
		}
		gc.ratioMis = vec.Grow(gc.ratioMis, nAges*p.ns)
		for k := range gc.ratios {
			rt := &gc.ratios[k]
			if cap(rt.r) < nAges*p.ns {
				// Not allocated until used: most schemes use one or two.
				rt.r, rt.have = nil, nil
			} else {
				// The cells may lie elsewhere with another MaxService.
				rt.haveLo, rt.haveHi = 0, len(rt.have)
			}
			if !keepFactors {
				rt.years = 0
			}
		}
		if !keepFactors {
			for k := range gc.sets {
				gc.sets[k].exits, gc.sets[k].canRetireOf = nil, nil
			}
		}
	}
	if p.trackAcc {
		p.acc.t = vec.Grow(p.acc.t, nAges*p.ns)
		for gi := range p.gc {
			p.gc[gi].hist = vec.Grow(p.gc[gi].hist, p.ms)
		}
	}
	p.censusRanges()
}

// reset loads the census into the state.
func (p *Projector) reset() {
	p.dead.n, p.dead.a = [actuarial.NumSexes][nAges]float64{}, [actuarial.NumSexes][nAges]float64{}
	for sx := range actuarial.NumSexes {
		p.dead.lo[sx], p.dead.hi[sx] = nAges, -1
	}
	if p.work {
		p.workDead = deathRoll{}
		for sx := range actuarial.NumSexes {
			p.workDead.lo[sx], p.workDead.hi[sx] = nAges, -1
		}
	}
	clear(p.aN)
	clear(p.aS)
	clear(p.pN)
	clear(p.pA)
	clear(p.wN)
	clear(p.wA)
	clear(p.pO)
	clear(p.wO)
	for gi := range p.gc {
		gc := &p.gc[gi]
		gc.raised = [scheme.NumPayers]float64{}
		gc.vpool = append(gc.vpool, gc.vint...)
		gc.vint = gc.vint[:0]
	}
	for k := range p.wLo {
		p.wLo[k], p.wHi[k] = nAges, -1
	}
	copy(p.lo, p.lo0)
	copy(p.hi, p.hi0)
	copy(p.svLo, p.svLo0)
	copy(p.svHi, p.svHi0)
	copy(p.pLo, p.pLo0)
	copy(p.pHi, p.pHi0)
	for gi := range p.s.Groups {
		g := &p.s.Groups[gi]
		if a := g.Actives; a != nil {
			copy(p.aN[gi*p.nA:], a.Count)
			copy(p.aS[gi*p.nA:], a.Salary)
		}
		if pc := g.Pensioners; pc != nil {
			copy(p.pN[gi*p.nP:], pc.Count)
			copy(p.pA[gi*p.nP:], pc.Pension)
			copy(p.pO[gi*p.nP:], pc.Pension)
		}
		if p.trackAcc {
			rules.WorkerHistory(p.gc[gi].hist, g, p.s.StartYear)
		}
	}
}

// censusRanges sets lo0, hi0, svLo0, svHi0, pLo0 and pHi0 to the ages and
// services of the census's members.
func (p *Projector) censusRanges() {
	p.lo0, p.hi0 = vec.Grow(p.lo0, len(p.lo)), vec.Grow(p.hi0, len(p.hi))
	p.svLo0, p.svHi0 = vec.Grow(p.svLo0, len(p.svLo)), vec.Grow(p.svHi0, len(p.svHi))
	p.pLo0, p.pHi0 = vec.Grow(p.pLo0, len(p.pLo)), vec.Grow(p.pHi0, len(p.pHi))
	for k := range p.lo0 {
		p.lo0[k], p.hi0[k] = nAges, -1
	}
	for k := range p.svLo0 {
		p.svLo0[k], p.svHi0[k] = p.ns, -1
	}
	for k := range p.pLo0 {
		p.pLo0[k], p.pHi0[k] = nAges, -1
	}
	for gi := range p.s.Groups {
		g := &p.s.Groups[gi]
		if a := g.Actives; a != nil {
			for sx := range actuarial.NumSexes {
				k := gi*actuarial.NumSexes + sx
				for age := range nAges {
					row := (sx*nAges + age) * p.ns
					cells := a.Count[row : row+p.ns]
					first := slices.IndexFunc(cells, populated)
					if first < 0 {
						continue
					}
					last := first
					for sv := len(cells) - 1; sv > first; sv-- {
						if cells[sv] > 0 {
							last = sv
							break
						}
					}
					r := k*nAges + age
					p.svLo0[r], p.svHi0[r] = first, last
					p.lo0[k], p.hi0[k] = min(p.lo0[k], age), max(p.hi0[k], age)
				}
			}
		}
		if pc := g.Pensioners; pc != nil {
			for c, n := range pc.Count {
				if n > 0 {
					touch(p.pLo0, p.pHi0, gi*p.nP+c)
				}
			}
		}
	}
}

// populated reports whether a census cell holds members.
func populated(n float64) bool { return n > 0 }

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
	return p.RunContext(context.Background(), dst, years)
}

// RunContext is [Projector.Run] under a context, checked at the start of
// every projected year: once ctx is done, the run stops within one year and
// returns ctx.Err(), with dst holding the years projected so far.
func (p *Projector) RunContext(ctx context.Context, dst *Result, years int) (*Result, error) {
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
	p.sp = nil
	if p.Split {
		if err := checkServiceBands(p.ServiceBands); err != nil {
			return dst, err
		}
		if dst.Split == nil {
			dst.Split = new(Split)
		}
		dst.Split.size(s.StartYear, years, p.nG, p.ServiceBands)
	} else {
		dst.Split = nil
	}

	p.reset()
	if p.Split {
		p.splitReset()
	}
	p.qFilled = false
	p.w0 = as.WageGrowth.At(s.StartYear)
	w1 := p.w0 // the wage growth into the year, looked up once a year
	reserve := s.InitialReserve
	unit := as.Unit
	wageIndex := 1.0
	var actives float64 // on 1 January: last year's survivors and this year's entrants
	for t := range years {
		if err := ctx.Err(); err != nil {
			dst.Years = dst.Years[:t]
			dst.Split.clearFrom(t)
			return dst, err
		}
		y := s.StartYear + t
		w := w1 // as.WageGrowth.At(y)
		yr := &dst.Years[t]
		entrants := 0.0
		if t > 0 {
			entrants = yr.Entrants // set by the previous year's step
		}
		*yr = YearResult{Year: y, Entrants: entrants}

		if p.Split {
			p.sp = dst.Split.year(t)
			clear(p.sp)
			p.splitYear(t)
		}
		p.transitions(y, t, det)
		if t == 0 {
			for _, n := range p.aN {
				actives += n
			}
		}
		yr.Actives = actives
		for g := range p.nG {
			p.pensionerCounts(g, &yr.Pensioners)
		}
		if p.Split {
			p.splitStocks()
		}
		if det != nil {
			copy(det.ActiveCount[t*p.nG*p.nA:], p.aN)
			copy(det.ActiveSalary[t*p.nG*p.nA:], p.aS)
			copy(det.PensionerCount[t*p.nG*p.nP:], p.pN)
			copy(det.PensionerAmount[t*p.nG*p.nP:], p.pA)
		}
		if err := p.fillMortality(y); err != nil {
			dst.Split.clearFrom(t)
			return dst, err
		}
		p.stamp++
		p.fillDecrements()
		if p.trackAcc {
			hi := -1
			for _, h := range p.hi[:p.nG*actuarial.NumSexes] {
				hi = max(hi, h)
			}
			minEntry := p.minEntry
			if p.fullFactors {
				hi, minEntry = nAges-1, -p.ms // every cell (tests only)
			}
			for gi := range p.gc {
				if gc := &p.gc[gi]; rules.AverageRates(gc.avgRate, gc.hist) {
					gc.accVer = -1 // accR anew
				}
			}
			p.fillPast(minEntry, hi, w)
		}
		w1 = as.WageGrowth.At(y + 1)
		fin := rules.Finances{ReserveRatio: math.Inf(1)}
		if t > 0 {
			if e := dst.Years[t-1].Expenditure(); e > 0 {
				fin.ReserveRatio = reserve / e
			}
		}
		for gi := range p.gc {
			p.prepare(gi, y, w, unit, fin)
		}

		var survivors float64
		for gi := range p.gc {
			survivors += p.activesPass(gi, t, w1, yr, det)
			p.pensionersPass(gi, t, yr, det)
			gc := &p.gc[gi]
			yr.ExtraPayments += gc.yr.Extra * gc.paid
			yr.MinimumTopUp += gc.topUp
			if gc.yr.StatePaysMinimum {
				yr.Transfers += gc.topUp
			}
			yr.ContributionBase += gc.base
			for pay := range scheme.NumPayers {
				yr.Contributions[pay] += gc.yr.ContributionRate[pay] * gc.base
			}
		}

		// Cash flows, mid-year.
		b := yr.Benefits()
		yr.AdminCosts = s.AdminCosts.ShareOfBenefits.At(y)*b + s.AdminCosts.ShareOfSalary.At(y)*yr.SalaryBill
		yr.Transfers += s.Transfers.At(y)
		i := as.Return.At(y)
		yr.Return = i
		net := yr.TotalContributions() + yr.Transfers - b - yr.AdminCosts
		yr.ReserveStart = reserve
		yr.InvestmentIncome = reserve*i + net*(math.Sqrt(1+i)-1)
		reserve += net + yr.InvestmentIncome
		yr.ReserveEnd = reserve
		if err := yr.checkFinite(t); err != nil {
			dst.Years = dst.Years[:t+1]
			dst.Split.clearFrom(t + 1)
			return dst, err
		}

		// The turn of the year.
		if p.trackAcc {
			for gi := range p.gc {
				rules.PushRate(p.gc[gi].hist, p.gc[gi].yr.ContributionRate[scheme.Worker])
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
					if n == 0 || !rules.Moves(tr, age, sv) {
						continue
					}
					if p.sp != nil && sv == p.ms {
						p.splitMoveCap(tr.From, tr.To, sx, age, n, p.aS[from], p.aN[to], p.aS[to])
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
