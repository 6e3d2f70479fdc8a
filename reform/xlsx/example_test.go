package xlsx_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"github.com/reserva-go/reserva/reform/xlsx"
	"github.com/xuri/excelize/v2"
)

// The results workbook of a base and a reform, in millions: its sheets,
// and the contribution rate of 2026 as stored (a number, in per cent) and
// as shown (its number format).
func ExampleWrite() {
	in := &xlsx.Input{
		Outcomes: []reform.Outcome{
			reformtest.HandOutcome("base", 0.10, 0.10, 0.10),
			reformtest.HandOutcome("13% from 2026", 0.10, 0.13, 0.13),
		},
		Units: reform.UnitsMillions,
	}
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, in, xlsx.Options{}); err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	head, _ := f.GetCellValue("Projection", "E1")
	raw, _ := f.GetCellValue("Projection", "E5", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue("Projection", "E5")
	fmt.Println(head, raw, shown)
	// Output:
	// [Summary Projection 13% from 2026 vs base]
	// contribution rate (%) 13 13.00
}
