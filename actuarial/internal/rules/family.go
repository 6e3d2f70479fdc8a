package rules

import (
	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Family holds Assumptions.Family by sex index and age of the deceased.
type Family struct {
	Married   [actuarial.NumSexes][NumAges]float64 // probability of leaving a spouse
	SpouseAge [actuarial.NumSexes][NumAges]int     // the spouse's age on the next 1 January
	Orphans   [actuarial.NumSexes][NumAges]float64 // expected orphans
	OrphanAge [actuarial.NumSexes][NumAges]int     // their age now
	// OrphanEnd is the age at which orphans' pensions end under the
	// assumption; 0: no orphans' pensions. [Year].OrphanEnd is the one in
	// force in a year.
	OrphanEnd int
	// Remarry is the probability that a widow(er) with a survivor's
	// pension, alive at the end of the year, remarries and loses it on the
	// next 1 January; nil (no remarriage) or by sex index·NumAges + age
	// during the year.
	Remarry []float64
}

func (f *Family) compile(fa *scheme.Family) {
	for sx := range actuarial.NumSexes {
		for age := range NumAges {
			f.Married[sx][age] = fa.Married[sx].At(age)
			f.SpouseAge[sx][age] = min(max(age-fa.AgeGap[sx]+1, 0), census.MaxCensusAge)
			f.Orphans[sx][age] = fa.Orphans[sx].At(age)
			f.OrphanAge[sx][age] = int(fa.OrphanAge[sx].At(age))
		}
	}
	f.OrphanEnd = fa.OrphanEndAge
	f.Remarry = nil
	for sx := range actuarial.NumSexes {
		if len(fa.Remarriage[sx].Values) == 0 {
			continue
		}
		if f.Remarry == nil {
			f.Remarry = make([]float64, actuarial.NumSexes*NumAges)
		}
		for age := range NumAges {
			f.Remarry[sx*NumAges+age] = fa.Remarriage[sx].At(age)
		}
	}
}

// RemarryOf returns the probabilities by age that widow(er)s of sex index
// sx lose their pensions by remarriage at the end of a year under the
// year's rules yr, or nil when nobody does (no remarriage, or rules that
// keep the pension).
func (f *Family) RemarryOf(yr *Year, sx int) []float64 {
	if f.Remarry == nil || yr.Rules.KeepOnRemarriage {
		return nil
	}
	return f.Remarry[sx*NumAges : (sx+1)*NumAges]
}

// DeathShares returns the pensions a death leaves under the year's rules
// yr, per unit of the deceased's pension: the survivor's and each
// orphan's. For a death at work (work set) they are the work risks'
// shares, per unit of the base pension of [scheme.WorkRisks].Death. Both
// engines take the shares from here and pass them to [Family.SpouseOf]
// and [Family.OrphansOf].
func (yr *Year) DeathShares(work bool) (spouse, orphan float64) {
	if work {
		return yr.WorkSurvivor, yr.WorkOrphan
	}
	return yr.Survivor, yr.Orphan
}

// SpouseOf returns what the death of a member of sex index sx at that age
// leaves a spouse, the survivor's pension being each per unit of the
// deceased's pension ([Year.DeathShares]): the probability m of leaving
// one and the survivor's pension per unit of the deceased's pension (0, 0
// when none), and the spouse's sex index and age on the next 1 January.
func (f *Family) SpouseOf(each float64, sx, age int) (m, share float64, ssx, sage int) {
	if mar := f.Married[sx][age]; mar > 0 && each > 0 {
		return mar, each * mar, 1 - sx, f.SpouseAge[sx][age]
	}
	return 0, 0, 1 - sx, f.SpouseAge[sx][age]
}

// SpouseRow is [Family.SpouseOf] for every age of a deceased of sex index
// sx at once, for the engines' loops over a row of ages: the death at an
// age leaves a spouse where married[age] > 0, with the probability
// married[age] and the survivor's pension each·married[age] per unit of
// the deceased's pension, the spouse of sex index ssx and age
// spouseAge[age]; none elsewhere. married is all zeros when each leaves no
// pension (each not > 0). spouseAge does not fall as age rises: the
// spouses of a range of ages are of the ages from the first's spouse's to
// the last's. TestSpouseRow pins it to SpouseOf.
func (f *Family) SpouseRow(each float64, sx int) (married *[NumAges]float64, spouseAge *[NumAges]int, ssx int) {
	if !(each > 0) {
		return &noneByAge, &f.SpouseAge[sx], 1 - sx
	}
	return &f.Married[sx], &f.SpouseAge[sx], 1 - sx
}

// OrphanRow is the ages at which [Family.OrphansOf] may leave orphans of a
// deceased of sex index sx under the year's rules yr: where orphans[age] >
// 0; it leaves none elsewhere. orphans is all zeros when each leaves no
// pension or the year pays none (each or yr.OrphanEnd not > 0).
// TestOrphanRow pins it to OrphansOf.
func (f *Family) OrphanRow(yr *Year, each float64, sx int) (orphans *[NumAges]float64) {
	if !(each > 0 && yr.OrphanEnd > 0) {
		return &noneByAge
	}
	return &f.Orphans[sx]
}

// noneByAge is a row of zeros by age; never written.
var noneByAge [NumAges]float64

// OrphansOf returns what the death of a member of sex index sx at that age
// leaves orphans under the year's rules yr, each orphan's pension being
// each per unit of the deceased's pension ([Year.DeathShares]): the
// expected orphans m and their pensions per unit of the deceased's pension
// (0, 0 when none, or when the orphans are past the end age), their age
// now, and whether their pensions are still in payment on the next 1
// January (half to boys, half to girls) or end with the year.
func (f *Family) OrphansOf(yr *Year, each float64, sx, age int) (m, share float64, oage int, next bool) {
	orph, end := f.Orphans[sx][age], yr.OrphanEnd
	if !(orph > 0 && each > 0 && end > 0) {
		return 0, 0, 0, false
	}
	oage = f.OrphanAge[sx][age]
	if oage >= end {
		return 0, 0, oage, false
	}
	return orph, each * orph, oage, oage+1 < end && oage < NumAges-1
}
