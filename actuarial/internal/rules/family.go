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

// SpouseOf returns what the death of a member of sex index sx at that age
// leaves a spouse under the year's rules yr: the probability m of leaving
// one and the survivor's pension per unit of the deceased's pension (0, 0
// when none), and the spouse's sex index and age on the next 1 January.
func (f *Family) SpouseOf(yr *Year, sx, age int) (m, share float64, ssx, sage int) {
	if mar := f.Married[sx][age]; mar > 0 && yr.Survivor > 0 {
		return mar, yr.Survivor * mar, 1 - sx, f.SpouseAge[sx][age]
	}
	return 0, 0, 1 - sx, f.SpouseAge[sx][age]
}

// WorkSpouseOf is SpouseOf for a death at work: the survivor's pension per
// unit of the base pension of [scheme.WorkRisks].Death.
func (f *Family) WorkSpouseOf(yr *Year, sx, age int) (m, share float64, ssx, sage int) {
	if mar := f.Married[sx][age]; mar > 0 && yr.WorkSurvivor > 0 {
		return mar, yr.WorkSurvivor * mar, 1 - sx, f.SpouseAge[sx][age]
	}
	return 0, 0, 1 - sx, f.SpouseAge[sx][age]
}

// WorkOrphansOf is OrphansOf for a death at work: the orphans' pensions
// per unit of the base pension of [scheme.WorkRisks].Death.
func (f *Family) WorkOrphansOf(yr *Year, sx, age int) (m, share float64, oage int, next bool) {
	return f.orphansOf(yr, yr.WorkOrphan, sx, age)
}

// orphansOf is OrphansOf at each orphan's share of the deceased's pension.
// OrphansOf repeats its body so as to be inlined in the engines' loops.
func (f *Family) orphansOf(yr *Year, each float64, sx, age int) (m, share float64, oage int, next bool) {
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

// OrphansOf returns what the death of a member of sex index sx at that age
// leaves orphans under the year's rules yr: the expected orphans m and
// their pensions per unit of the deceased's pension (0, 0 when none, or
// when the orphans are past the end age), their age now, and whether their
// pensions are still in payment on the next 1 January (half to boys, half
// to girls) or end with the year.
func (f *Family) OrphansOf(yr *Year, sx, age int) (m, share float64, oage int, next bool) {
	orph, end := f.Orphans[sx][age], yr.OrphanEnd
	if !(orph > 0 && yr.Orphan > 0 && end > 0) {
		return 0, 0, 0, false
	}
	oage = f.OrphanAge[sx][age]
	if oage >= end {
		return 0, 0, oage, false
	}
	return orph, yr.Orphan * orph, oage, oage+1 < end && oage < NumAges-1
}
