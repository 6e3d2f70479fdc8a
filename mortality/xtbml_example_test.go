package mortality_test

import (
	"fmt"
	"log"
	"os"

	"github.com/reserva-go/reserva/mortality"
)

// Read the 1980 CSO Basic Table, female (SOA table 17), from its XTbML file
// and look up a few rates.
func ExampleReadXTbML() {
	f, err := os.Open("../testdata/xtbml/t17.xml")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	x, err := mortality.ReadXTbML(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("SOA table %d: %s (%s)\n", x.ID, x.Name, x.ContentType)
	u := x.Ultimate
	fmt.Printf("ages %d to %d\n", u.MinAge(), u.MaxAge())
	for _, age := range []int{0, 40, 65, 99} {
		fmt.Printf("q_%d = %.5f\n", age, u.Q(age))
	}
	fmt.Printf("e°_65 = %.2f years\n", u.LifeExpectancy(65))
	// Output:
	// SOA table 17: 1980 CSO Basic Table – Female, ANB (CSO / CET)
	// ages 0 to 100
	// q_0 = 0.00245
	// q_40 = 0.00144
	// q_65 = 0.01145
	// q_99 = 0.64743
	// e°_65 = 18.60 years
}

// A life selected at 40 under the 2017 CSO preferred structure (SOA table
// 3302) experiences the select rates for 25 years, then the ultimate ones;
// Life gives that path as a one-dimensional table.
func ExampleSelectTable_Life() {
	x, err := mortality.ReadXTbMLFile("../testdata/xtbml/t3302.xml")
	if err != nil {
		log.Fatal(err)
	}
	s := x.Select
	fmt.Printf("select period %d years\n", s.Period())
	for _, d := range []int{0, 1, 24, 25} {
		fmt.Printf("q_[40]+%d = %.5f\n", d, s.Q(40, d))
	}
	fmt.Printf("q_65 = %.5f (ultimate)\n", x.Ultimate.Q(65))
	fmt.Printf("e°_[40] = %.2f, e°_40 = %.2f\n", s.Life(40).LifeExpectancy(40), x.Ultimate.LifeExpectancy(40))
	// Output:
	// select period 25 years
	// q_[40]+0 = 0.00013
	// q_[40]+1 = 0.00020
	// q_[40]+24 = 0.00421
	// q_[40]+25 = 0.00464
	// q_65 = 0.00464 (ultimate)
	// e°_[40] = 47.19, e°_40 = 46.93
}

// Projection Scale G2 (SOA table 2583) is an improvement scale by age.
func ExampleXTbML_Scale() {
	x, err := mortality.ReadXTbMLFile("../testdata/xtbml/t2583.xml")
	if err != nil {
		log.Fatal(err)
	}
	g2, err := x.Scale()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(x.Name)
	for _, age := range []int{40, 55, 70, 90, 105} {
		fmt.Printf("AA_%d = %.1f%%\n", age, 100*g2.Rate(age, 2025))
	}
	// Output:
	// Projection Scale G2 – Male, ANB
	// AA_40 = 1.0%
	// AA_55 = 1.3%
	// AA_70 = 1.5%
	// AA_90 = 0.7%
	// AA_105 = 0.0%
}
