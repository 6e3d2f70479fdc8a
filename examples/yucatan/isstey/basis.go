// The actuarial basis: mortality, decrements, retirement, salaries, economy,
// new entrants and family. Every figure here is an assumption unless its
// comment names a source.

package isstey

import (
	"fmt"
	"math"
	"os"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

// Economic assumptions, annual rates as fractions, the same in every year.
// The census gives the salaries and pensions of 2022, so the growth rates
// act from 1 January 2023 on (wage growth also sets the ratio of the last
// two years' average pay to the last pay); the return is earned from 2022.
const (
	// WageGrowth is general nominal wage growth: 3.5% inflation and 1%
	// real (assumption).
	WageGrowth = 0.045
	// Inflation is price inflation: Banco de México's target of 3% plus
	// half a point (assumption).
	Inflation = 0.035
	// UnitGrowth is the growth of the reference unit, the minimum wage as
	// ISSTEY applies it to caps and to the indexation of pensions
	// (assumption): 4%, about the average of the published pension
	// increases of 2017–19 (3.9%, 3.9%, 5%: the percentage part of the
	// minimum wage's rises), half a point above inflation and half a point
	// below wages.
	UnitGrowth = 0.04
	// Return is the nominal investment return of the reserve (assumption:
	// about 2.5% real).
	Return = 0.06
)

// MonthlyUnit2022 is the reference unit (a month of the minimum wage, as
// ISSTEY applies it) in 2022, MXN: the cap of 8 units was MXN 24,643.20 a
// month in 2019 (FACTS.md), so the unit was 3,080.40 (30 days of the 2019
// minimum wage of 102.68 a day), raised 5% a year in 2020–22
// ([Indexation2020To2022], an assumption).
const MonthlyUnit2022 = HighestPension2019 / 8 * index2022

// DefaultEntrySalary is the default of Config.EntrySalary and the salary of
// new entrants: MXN 10,000 a month at the 2022 level (assumption).
const DefaultEntrySalary = 10000

// MeritScale is the assumed merit scale: salaries rise with service by 2% a
// year for the first 10 years, 1.5% for the next 10, 1% after, on top of
// general wage growth. At 30 years of service a salary is 1.56 times the
// entry salary.
func MeritScale() actuarial.SalaryScale {
	by := make([]float64, 21)
	for s := range by {
		switch {
		case s < 10:
			by[s] = 0.02
		case s < 20:
			by[s] = 0.015
		default:
			by[s] = 0.01
		}
	}
	return actuarial.SalaryScale{ByService: by}
}

// retirementRates are the assumed probabilities that an eligible member
// retires on 1 January, the same for men and women and in every regime: a
// full pension 80% a year at any age (under the 1976 law it pays 100% of
// the last two years' pay), a reduced one 8% a year at 55–59, 15% at
// 60–64, 30% at 65–69; every eligible member has retired by 70.
func retirementRates() scheme.RetirementRates {
	full := make([]float64, 70-40+1)
	for i := range full {
		full[i] = 0.8
	}
	full[len(full)-1] = 1
	reduced := make([]float64, 70-55+1)
	for i := range reduced {
		switch age := 55 + i; {
		case age < 60:
			reduced[i] = 0.08
		case age < 65:
			reduced[i] = 0.15
		case age < 70:
			reduced[i] = 0.30
		default:
			reduced[i] = 1
		}
	}
	return scheme.RetirementRates{
		Full:    actuarial.ByAge{MinAge: 40, Values: full},
		Reduced: actuarial.ByAge{MinAge: 55, Values: reduced},
	}
}

// decrements builds the assumed independent rates of disability and
// withdrawal, ages 15–75, service 0–20 (20: 20 years or more): disability
// 0.03% at 20 rising 8% a year of age (0.74% at 60), at most 2%; withdrawal
// 5% in the first year of service falling by a fifth each year, plus 0.2%.
func decrements() (*actuarial.ServiceTable, error) {
	const minAge, maxAge, maxSvc = 15, 75, 20
	n := (maxAge - minAge + 1) * (maxSvc + 1)
	dis, wd := make([]float64, n), make([]float64, n)
	for age := minAge; age <= maxAge; age++ {
		for sv := 0; sv <= maxSvc; sv++ {
			i := (age-minAge)*(maxSvc+1) + sv
			dis[i] = math.Min(0.02, 0.0003*math.Exp(0.08*float64(age-20)))
			wd[i] = 0.05*math.Exp(-0.25*float64(sv)) + 0.002
		}
	}
	return actuarial.NewServiceTable(minAge, maxSvc, [actuarial.NumDecrements][]float64{
		actuarial.Disability: dis, actuarial.Withdrawal: wd,
	}, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
}

// family returns the assumed family statistics: the chance that a member or
// pensioner who dies leaves a spouse entitled to a survivor's pension (men
// 80% up to 70, falling to 40% at 90; women 60% up to 60, falling to 15% at
// 85), husbands three years older than their wives; no orphans' pensions
// (the survivors' pension stands for the family's).
func family() scheme.Family {
	married := func(level float64, from, to int, end float64) actuarial.ByAge {
		v := make([]float64, to-18+1)
		for i := range v {
			age := 18 + i
			v[i] = level
			if age > from {
				v[i] = level + (end-level)*float64(age-from)/float64(to-from)
			}
		}
		return actuarial.ByAge{MinAge: 18, Values: v}
	}
	return scheme.Family{
		Married: [actuarial.NumSexes]actuarial.ByAge{married(0.8, 70, 90, 0.4), married(0.6, 60, 85, 0.15)},
		AgeGap:  [actuarial.NumSexes]int{3, -3},
	}
}

// entrants are the new members: every member who leaves is replaced on
// the next 1 January, so the active membership stays at its 2022 level
// (assumption; the press's "over 42,000 state workers in 2025" counts all
// the state's workers, not ISSTEY's insured, and is not used). They join
// at 20–40 with the census's entry-age curve, 55% women, at the entry
// salary.
func entrants() scheme.Entrants {
	var profile []scheme.EntrantProfile
	for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
		share := 0.55
		if sex == actuarial.Male {
			share = 0.45
		}
		for age := 20; age <= 40; age++ {
			profile = append(profile, scheme.EntrantProfile{
				Sex: sex, Age: age, Weight: share * entryAgeWeight(age), Salary: 12 * DefaultEntrySalary,
			})
		}
	}
	return scheme.Entrants{Mode: scheme.ReplacementEntrants, Profile: profile}
}

// Basis returns the assumptions of the projection with men's and women's
// mortality (EMSSA-09, see [ReadEMSSA09]) for every status: actives,
// retirees, the disabled (the EMSSI-IMSS-RCS-12 table of disabled lives is
// not public in full) and survivors. Its rates are the constants of this
// file; the reference unit is [MonthlyUnit2022] a month in 2022. The caller may change any
// field of the result.
func Basis(men, women mortality.Table) (scheme.Assumptions, error) {
	if men == nil || women == nil {
		panic("isstey: Basis with a nil mortality table")
	}
	dec, err := decrements()
	if err != nil {
		return scheme.Assumptions{}, err
	}
	rr := retirementRates()
	return scheme.Assumptions{
		Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
			scheme.StatusActive: {scheme.PeriodTable{Table: men}, scheme.PeriodTable{Table: women}},
		},
		Decrements: [actuarial.NumSexes]*actuarial.ServiceTable{dec, dec},
		Retirement: [actuarial.NumSexes]scheme.RetirementRates{rr, rr},
		Salary:     MeritScale(),
		WageGrowth: actuarial.Constant(WageGrowth),
		Inflation:  actuarial.Constant(Inflation),
		Unit:       12 * MonthlyUnit2022,
		UnitGrowth: actuarial.Constant(UnitGrowth),
		Return:     actuarial.Constant(Return),
		Entrants:   entrants(),
		Family:     family(),
	}, nil
}

// ReadEMSSA09 reads the EMSSA-09 tables of men and women from the CSV file
// at path (the repository's testdata/mexico/emssa09.csv, columns qx_male
// and qx_female).
func ReadEMSSA09(path string) (men, women *mortality.LifeTable, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	ts, err := mortality.ReadCSV(f)
	if err != nil {
		return nil, nil, fmt.Errorf("isstey: %s: %w", path, err)
	}
	men, okm := ts.Table("qx_male")
	women, okw := ts.Table("qx_female")
	if !okm || !okw {
		return nil, nil, fmt.Errorf("isstey: %s: want columns qx_male and qx_female", path)
	}
	return men, women, nil
}
