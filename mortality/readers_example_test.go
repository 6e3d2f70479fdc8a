package mortality_test

import (
	"fmt"
	"log"
	"os"

	"github.com/reserva-go/reserva/mortality"
)

// ExampleReadCSV reads EMSSA-09, the Mexican social-security table for
// active workers (CNSF Circular S-22.2, annex 4, DOF 27 Nov 2009), a CSV
// file with columns age, qx_male and qx_female.
func ExampleReadCSV() {
	f, err := os.Open("../testdata/mexico/emssa09.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	tables, err := mortality.ReadCSV(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tables.Names)
	male, _ := tables.Table("qx_male")
	female, _ := tables.Table("qx_female")
	fmt.Printf("ages %d-%d\n", male.MinAge(), male.MaxAge())
	fmt.Printf("q65: male %.5f, female %.5f\n", male.Q(65), female.Q(65))
	fmt.Printf("e60: male %.2f, female %.2f years\n", male.LifeExpectancy(60), female.LifeExpectancy(60))
	// Output:
	// [qx_male qx_female]
	// ages 0-109
	// q65: male 0.01512, female 0.00396
	// e60: male 24.47, female 28.18 years
}

// ExampleCSVOptions_Read reads a column of survivors l_x rather than rates:
// the SOA Illustrative Life Table (Bowers et al., Actuarial Mathematics).
func ExampleCSVOptions_Read() {
	f, err := os.Open("../testdata/soa/soa_ilt_lx.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	tables, err := mortality.CSVOptions{Survivors: true}.Read(f)
	if err != nil {
		log.Fatal(err)
	}
	ilt := tables.Tables[0]
	fmt.Printf("1000 q_0 = %.2f, 1000 q_65 = %.2f\n", 1000*ilt.Q(0), 1000*ilt.Q(65))
	// Output:
	// 1000 q_0 = 20.42, 1000 q_65 = 21.32
}

// ExampleReadHMD reads a Human Mortality Database life table (an excerpt
// of the USA's mltper_1x1.txt; HMD data, CC BY 4.0, www.mortality.org) and
// compares the HMD's life expectancy at 65 with the one the package
// computes from q_x.
func ExampleReadHMD() {
	f, err := os.Open("../testdata/hmd/usa_mltper_1x1.txt")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	h, err := mortality.ReadHMD(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(h.Title)
	for _, y := range h.Tables {
		fmt.Printf("%d: q65 %.5f, e65 HMD %.2f, from q %.2f\n",
			y.Year, y.Table.Q(65), y.Ex[65], y.Table.LifeExpectancy(65))
	}
	// Output:
	// The United States of America, Life tables (period 1x1), Males
	// 1933: q65 0.03699, e65 HMD 12.11, from q 12.11
	// 2021: q65 0.01979, e65 HMD 17.10, from q 17.10
}
