package actuarial_test

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/mortality"
)

// The Standard Ultimate Life Table of Dickson, Hardy & Waters (AMLCR) at 5%:
// the book prints ä_65 = 13.5498 and A_65 = 0.35477.
func ExampleLife_AnnuityDue() {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		panic(err)
	}
	life := actuarial.Life{Table: sult, Interest: 0.05}
	fmt.Printf("ä_65       = %.4f\n", life.AnnuityDue(65))
	fmt.Printf("A_65       = %.5f\n", life.Insurance(65))
	fmt.Printf("ä_65^(12)  = %.4f\n", life.AnnuityDueM(65, 12))
	fmt.Printf("ä_65:10    = %.4f\n", life.TemporaryAnnuityDue(65, 10))
	// Output:
	// ä_65       = 13.5498
	// A_65       = 0.35477
	// ä_65^(12)  = 13.0860
	// ä_65:10    = 7.8435
}

// A pension of 1 a year to a man aged 65 with a reversion to his wife aged
// 62, who is taken to live as a man three years younger (the SULT set back
// three years), at 5%.
func ExampleLife_JointAnnuityDue() {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		panic(err)
	}
	wife, err := mortality.SetBack(sult, 3)
	if err != nil {
		panic(err)
	}
	life := actuarial.Life{Table: sult, Interest: 0.05}
	fmt.Printf("joint life    ä_xy      = %.4f\n", life.JointAnnuityDue(65, wife, 62))
	fmt.Printf("last survivor ä_xy-bar  = %.4f\n", life.LastSurvivorAnnuityDue(65, wife, 62))
	fmt.Printf("reversionary  ä_x|y     = %.4f\n", life.ReversionaryAnnuityDue(65, wife, 62))
	// A pension of 1 to him for life and 60% to her after his death.
	fmt.Printf("1 + 60%% to the widow    = %.4f\n", life.AnnuityDue(65)+0.6*life.ReversionaryAnnuityDue(65, wife, 62))
	// Output:
	// joint life    ä_xy      = 12.4823
	// last survivor ä_xy-bar  = 16.2185
	// reversionary  ä_x|y     = 2.6687
	// 1 + 60% to the widow    = 15.1510
}

// A valuation at 6% for ten years and 4% thereafter: discount factors,
// a level cash flow paid through each year, and a life annuity.
func ExampleCurve() {
	c, err := actuarial.StepCurve(0.06, 10, 0.04)
	if err != nil {
		panic(err)
	}
	fmt.Println(c)
	fmt.Printf("v(10)   = %.6f\n", c.DiscountFactor(10))
	fmt.Printf("v(12.5) = %.6f\n", c.DiscountFactor(12.5))

	flows := make([]float64, 20)
	for t := range flows {
		flows[t] = 100
	}
	fmt.Printf("PV of 100 a year for 20 years, mid-year: %.2f\n", c.PresentValue(flows, actuarial.MidYear))

	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		panic(err)
	}
	life := actuarial.CurveLife{Table: sult, Curve: c}
	fmt.Printf("ä_65 on the curve = %.4f\n", life.AnnuityDue(65))
	// Output:
	// 6% for 10 years, then 4%
	// v(10)   = 0.558395
	// v(12.5) = 0.506242
	// PV of 100 a year for 20 years, mid-year: 1219.64
	// ä_65 on the curve = 13.1075
}

// A pension of 1 a year paid monthly in advance to a life aged 60, indexed
// at 2% a year, guaranteed for five years: an Annuity value.
func ExampleLife_AnnuityEPV() {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		panic(err)
	}
	life := actuarial.Life{Table: sult, Interest: 0.05}
	pension := actuarial.Annuity{PerYear: 12, Escalation: 0.02, Guaranteed: 5}
	if err := pension.Validate(); err != nil {
		panic(err)
	}
	fmt.Printf("%.4f\n", life.AnnuityEPV(60, pension))
	// Output:
	// 18.1103
}
