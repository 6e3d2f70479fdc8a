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
	// OrphanEnd is the age at which orphans' pensions end; 0: no orphans'
	// pensions.
	OrphanEnd int
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
}
