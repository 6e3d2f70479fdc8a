package reform_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"gonum.org/v1/plot/vg"
)

// A base at a 10% contribution rate against a reform raising it to 13%
// from 2026, over four years, money in millions with one decimal. The
// PAYG cost rate of 2025 is 120/1,000; a reform of the contributions
// leaves the GAP as it is; at a level rate of 10%, the base's actuarial
// balance is 10% − GAP.
func ExampleWriteText() {
	outcomes := []reform.Outcome{
		reformtest.HandOutcome("base", 0.10, 0.10, 0.10, 0.10),
		reformtest.HandOutcome("13% from 2026", 0.10, 0.13, 0.13, 0.13),
	}
	err := reform.WriteText(os.Stdout, outcomes, reform.ReportOptions{
		Step:          2,
		Units:         reform.UnitsMillions,
		MoneyDecimals: 1,
		RatioYears:    []int{2026, 2028},
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// Projection by year, 2025–2028 (money in millions; rates in % of the salary bill)
	// year  scenario       reserve at end (millions)  PAYG cost rate (%)  contribution rate (%)  contributions (millions)  benefits (millions)  support ratio
	// 2025  base                               135.6               12.00                  10.00                     100.0                120.0           2.50
	// 2025  13% from 2026                      135.6               12.00                  10.00                     100.0                120.0           2.50
	// 2027  base                                91.7               12.71                  10.00                     106.1                134.8           2.50
	// 2027  13% from 2026                      156.9               12.71                  13.00                     137.9                134.8           2.50
	// 2028  base                                61.0               13.08                  10.00                     109.3                142.9           2.50
	// 2028  13% from 2026                      162.3               13.08                  13.00                     142.1                142.9           2.50
	//
	// Summary over 2025–2028 (4 years; money in millions; rates in % of the salary bill, differences in percentage points)
	// indicator            unit                   base  13% from 2026  13% from 2026 − base
	// depletion year       year                   none           none         never → never
	// GAP                  % of salaries          8.65           8.65                  0.00
	// GAP without reserve  % of salaries         12.53          12.53                  0.00
	// reserve ratio 2026   years of expenditure   0.91           1.16                 +0.25
	// reserve ratio 2028   years of expenditure   0.43           1.14                 +0.71
	// PV of the deficit    millions                0.0            0.0                   0.0
	// actuarial balance    % of salaries          1.35           3.59                 +2.24
}

// Charts are gonum/plot plots: restyle them, then save them as PNG or SVG.
func ExampleSave() {
	outcomes := []reform.Outcome{
		reformtest.HandOutcome("base", 0.10, 0.10, 0.10, 0.10),
		reformtest.HandOutcome("13% from 2026", 0.10, 0.13, 0.13, 0.13),
	}
	p, err := chart.ReservePaths(outcomes, reform.UnitsMillions)
	if err != nil {
		log.Fatal(err)
	}
	p.Title.Text = "Reserve of the scheme, base and reform"
	dir, err := os.MkdirTemp("", "reserva")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{"reserve.png", "reserve.svg"} {
		if err := chart.Save(p, 6*vg.Inch, 4*vg.Inch, filepath.Join(dir, name)); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", name)
	}
	// Output:
	// wrote reserve.png
	// wrote reserve.svg
}
