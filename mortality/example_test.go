package mortality_test

import (
	"fmt"

	"github.com/reserva-go/reserva/mortality"
)

// A table from rates: q above the last age is 1 whatever the last rate.
func ExampleNewTable() {
	tbl, err := mortality.NewTable(60, []float64{0.010, 0.011, 0.012})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(tbl.MinAge(), tbl.MaxAge(), tbl.Q(61), tbl.Q(63))
	fmt.Printf("l_63 = %.6f\n", tbl.L(63))

	_, err = mortality.NewTable(60, []float64{0.010, 1.5})
	fmt.Println(err)
	// Output:
	// 60 62 0.011 1
	// l_63 = 0.967361
	// mortality: q at age 61 is 1.5: rate outside [0, 1]
}

// Finan's Example 23.24: a table from survivors, and its curtate expectation.
func ExampleFromSurvivors() {
	tbl, err := mortality.FromSurvivors(80, []float64{250, 217, 161, 107, 62, 28, 0})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("q_80 = %.3f, e_80 = %.1f, MaxAge = %d\n", tbl.Q(80), tbl.CurtateLifeExpectancy(80), tbl.MaxAge())
	// Output:
	// q_80 = 0.132, e_80 = 2.3, MaxAge = 85
}

// sultExample is AMLCR's Standard Ultimate Life Table (Makeham A = 0.00022,
// B = 2.7e-6, C = 1.124 from age 20).
func sultExample() *mortality.LifeTable {
	tbl, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		panic(err)
	}
	return tbl
}

func ExampleLifeTable_Survival() {
	sult := sultExample()
	fmt.Printf("10p65 = %.5f\n", sult.Survival(65, 10))
	fmt.Printf("20p65 = %.5f\n", sult.Survival(65, 20))
	fmt.Printf("a life aged 65 dies between 85 and 90: %.5f\n", sult.Survival(65, 20)-sult.Survival(65, 25))
	// Output:
	// 10p65 = 0.90086
	// 20p65 = 0.64691
	// a life aged 65 dies between 85 and 90: 0.20452
}

// SurvivalAll fills a caller's slice: no allocation in a valuation loop.
func ExampleLifeTable_SurvivalAll() {
	sult := sultExample()
	p := make([]float64, 4)
	sult.SurvivalAll(p, 100)
	fmt.Printf("%.4f\n", p)
	// Output:
	// [1.0000 0.7104 0.4838 0.3141]
}

func ExampleLifeTable_LifeExpectancy() {
	sult := sultExample()
	fmt.Printf("e°_65 = %.2f years (UDD)\n", sult.LifeExpectancy(65))
	fmt.Printf("e_65  = %.2f whole years\n", sult.CurtateLifeExpectancy(65))
	fmt.Printf("e°_65 = %.2f years (constant force)\n", sult.LifeExpectancyFrac(65, mortality.ConstantForce))
	fmt.Printf("e°_45:20 = %.2f years\n", sult.TemporaryLifeExpectancy(45, 20))
	// Output:
	// e°_65 = 22.74 years (UDD)
	// e_65  = 22.24 whole years
	// e°_65 = 22.73 years (constant force)
	// e°_45:20 = 19.69 years
}

// Survival over half a year of age with q_x = 0.1 under each assumption.
func ExampleFractional() {
	for _, f := range []mortality.Fractional{mortality.UDD, mortality.ConstantForce, mortality.Balducci} {
		fmt.Printf("%-14s 0.5p_x = %.5f  µ_x+0.5 = %.5f\n", f, f.Survival(0.1, 0.5), f.Force(0.1, 0.5))
	}
	// Output:
	// UDD            0.5p_x = 0.95000  µ_x+0.5 = 0.10526
	// constant force 0.5p_x = 0.94868  µ_x+0.5 = 0.10536
	// Balducci       0.5p_x = 0.94737  µ_x+0.5 = 0.10526
}

// A two-year setback: a life aged 67 is given the rate of 65.
func ExampleSetBack() {
	sult := sultExample()
	sb, err := mortality.SetBack(sult, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("q_65 = %.6f, set back: q_67 = %.6f\n", sult.Q(65), sb.Q(67))
	fmt.Printf("e°_67 = %.2f, set back: %.2f\n", sult.LifeExpectancy(67), sb.LifeExpectancy(67))
	// Output:
	// q_65 = 0.005915, set back: q_67 = 0.005915
	// e°_67 = 21.02, set back: 22.74
}

// A unisex table: 60% of a male table, 40% of a female table (here the
// SULT set back four years).
func ExampleBlend() {
	male := sultExample()
	female, err := mortality.SetBack(male, 4)
	if err != nil {
		fmt.Println(err)
		return
	}
	unisex, err := mortality.Blend(male, female, 0.6)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("q_70: male %.6f, female %.6f, unisex %.6f\n", male.Q(70), female.Q(70), unisex.Q(70))
	// Output:
	// q_70: male 0.010413, female 0.006619, unisex 0.008895
}

// 110% of a table.
func ExampleScaled() {
	sult := sultExample()
	heavy, err := mortality.Scaled(sult, 1.1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("q_70 = %.6f, 110%%: %.6f\n", sult.Q(70), heavy.Q(70))
	// Output:
	// q_70 = 0.010413, 110%: 0.011455
}

// A two-dimensional scale: years after the last continue its rates.
func ExampleNewAgeYearScale() {
	s, err := mortality.NewAgeYearScale(65, 2020, [][]float64{
		{0.020, 0.015, 0.010}, // age 65 in 2020, 2021, 2022
		{0.018, 0.014, 0.010}, // age 66
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Rate(65, 2021), s.Rate(65, 2022), s.Rate(65, 2050), s.Rate(90, 2019))
	// Output:
	// 0.015 0.01 0.01 0.018
}
