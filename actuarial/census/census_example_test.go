package census_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
)

func ExampleReadActives() {
	// A census on 1 January 2025, in a Mexican file: day-first dates, sex
	// H (hombre) / M (mujer), monthly salaries in pesos.
	const file = `folio,sexo,fecha_nacimiento,fecha_ingreso,sueldo
Y001,H,15/06/1980,01/02/2005,18500.00
Y002,M,29/02/1984,16/08/2010,21250.50
Y003,M,03/11/1980,01/09/2004,19800.00
Y004,H,20/01/1995,01/03/2020,12400.00
`
	actives, err := census.ReadActives(strings.NewReader(file), 2025, census.CensusOptions{
		DateLayout:            "02/01/2006",
		SexCodes:              actuarial.SexCodesSpanish,
		SalaryPaymentsPerYear: 12,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range actives {
		fmt.Printf("%s %-6s age %d, %2d years of service, %s a year\n", a.ID, a.Sex, a.Age, a.Service, a.Salary.StringFixed(2))
	}

	cells, err := census.GroupActives(nil, actives)
	if err != nil {
		fmt.Println(err)
		return
	}
	i := cells.Index(actuarial.Female, 44, 20)
	fmt.Printf("women aged 44 with 20 years: %.0f, paid %.2f a year\n", cells.Count[i], cells.Salary[i])
	n, total := cells.Total()
	fmt.Printf("all cells: %.0f members, %.2f a year\n", n, total)
	// Output:
	// Y001 male   age 44, 19 years of service, 222000.00 a year
	// Y002 female age 40, 14 years of service, 255006.00 a year
	// Y003 female age 44, 20 years of service, 237600.00 a year
	// Y004 male   age 29,  4 years of service, 148800.00 a year
	// women aged 44 with 20 years: 1, paid 237600.00 a year
	// all cells: 4 members, 863406.00 a year
}

func ExampleCensusError() {
	// Every bad record is reported, with its line, field and value.
	const file = `id,sex,birth_date,entry_date,salary
A1,F,1980-05-01,2005-03-01,-100
A2,X,1990-01-01,2001-01-01,5000
A3,F,1985-07-15,2010-01-01,6000
A3,F,2026-01-01,2010-01-01,6000
`
	actives, err := census.ReadActives(strings.NewReader(file), 2025, census.CensusOptions{File: "actives.csv"})
	fmt.Println(len(actives), "record passed")
	var ce *census.CensusError
	if errors.As(err, &ce) {
		for _, r := range ce.Records {
			fmt.Printf("line %d, %s %q: %v\n", r.Line, r.Field, r.Value, r.Err)
		}
	}
	fmt.Println(errors.Is(err, census.ErrDuplicateID))
	// Output:
	// 1 record passed
	// line 2, salary "-100": negative value
	// line 3, sex "X": unknown sex code
	// line 3, entry_date "2001-01-01": service longer than working life: entry at age 11, below the minimum entry age 14
	// line 5, id "A3": duplicate id: first on line 4
	// line 5, birth_date "2026-01-01": date after the valuation date: born after 1 January 2025
	// true
}
