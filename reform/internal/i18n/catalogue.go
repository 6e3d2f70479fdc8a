// The catalogue: every message, in English and in Spanish (es-MX).

package i18n

// The keys of the reports (package reform).
const (
	UnitsOne       Key = "units.one"
	UnitsThousands Key = "units.thousands"
	UnitsMillions  Key = "units.millions"
	NotAvailable   Key = "na"
	None           Key = "none"

	ByYearTitle    Key = "byyear.title" // first year, last year, units
	ColYear        Key = "col.year"
	ColScenario    Key = "col.scenario"
	ColReserve     Key = "col.reserve"
	ColPAYG        Key = "col.payg"
	ColContribRate Key = "col.contribrate"
	ColContrib     Key = "col.contrib"
	ColBenefits    Key = "col.benefits"
	ColSupport     Key = "col.support"

	SummaryTitle     Key = "summary.title" // first year, last year, years, units
	ColIndicator     Key = "col.indicator"
	ColUnit          Key = "col.unit"
	IndDepletion     Key = "ind.depletion"
	IndGAP           Key = "ind.gap"
	IndGAPNoReserve  Key = "ind.gapnoreserve"
	IndReserveRatio  Key = "ind.reserveratio" // year
	IndDeficitPV     Key = "ind.deficitpv"
	IndBalance       Key = "ind.balance"
	UnitPctSalaries  Key = "unit.pctsalaries"
	UnitYearsExpense Key = "unit.yearsexpense"
	UnitYear         Key = "unit.year"
	DifferenceFormat Key = "diff" // scenario, base
)

// The keys of the charts (package reform/chart).
const (
	ChartYear          Key = "chart.year"
	ChartReserveTitle  Key = "chart.reserve.title"
	ChartReserveY      Key = "chart.reserve.y" // units
	ChartCostTitle     Key = "chart.cost.title"
	ChartCostY         Key = "chart.cost.y"
	ChartCostLegend    Key = "chart.cost.legend"    // scenario
	ChartContribLegend Key = "chart.contrib.legend" // scenario
	ChartSupportTitle  Key = "chart.support.title"
	ChartSupportY      Key = "chart.support.y"
	ChartPyramidTitle  Key = "chart.pyramid.title" // year
	ChartPyramidX      Key = "chart.pyramid.x"
	ChartAge           Key = "chart.age"
	ChartActives       Key = "chart.actives"
	ChartPensioners    Key = "chart.pensioners"
)

var english = map[Key]string{
	UnitsOne:       "money units",
	UnitsThousands: "thousands",
	UnitsMillions:  "millions",
	NotAvailable:   "n/a",
	None:           "none",

	ByYearTitle:    "Projection by year, %d–%d (money in %s; rates in %% of the salary bill)",
	ColYear:        "year",
	ColScenario:    "scenario",
	ColReserve:     "reserve at end",
	ColPAYG:        "PAYG cost rate (%)",
	ColContribRate: "contribution rate (%)",
	ColContrib:     "contributions",
	ColBenefits:    "benefits",
	ColSupport:     "support ratio",

	SummaryTitle:     "Summary over %d–%d (%d years; money in %s; rates in %% of the salary bill, differences in percentage points)",
	ColIndicator:     "indicator",
	ColUnit:          "unit",
	IndDepletion:     "depletion year",
	IndGAP:           "GAP",
	IndGAPNoReserve:  "GAP without reserve",
	IndReserveRatio:  "reserve ratio %d",
	IndDeficitPV:     "PV of the deficit",
	IndBalance:       "actuarial balance",
	UnitPctSalaries:  "% of salaries",
	UnitYearsExpense: "years of expenditure",
	UnitYear:         "year",
	DifferenceFormat: "%s − %s",

	ChartYear:          "year",
	ChartReserveTitle:  "Reserve at the end of the year",
	ChartReserveY:      "reserve (%s)",
	ChartCostTitle:     "PAYG cost rate and contribution rate",
	ChartCostY:         "% of the salary bill",
	ChartCostLegend:    "%s: cost",
	ChartContribLegend: "%s: contribution",
	ChartSupportTitle:  "Support ratio",
	ChartSupportY:      "actives per pensioner",
	ChartPyramidTitle:  "Population on 1 January %d",
	ChartPyramidX:      "lives: men (left), women (right)",
	ChartAge:           "age",
	ChartActives:       "actives",
	ChartPensioners:    "pensioners",
}

var spanish = map[Key]string{
	UnitsOne:       "unidades monetarias",
	UnitsThousands: "miles",
	UnitsMillions:  "millones",
	NotAvailable:   "n.d.",
	None:           "ninguno",

	ByYearTitle:    "Proyección por año, %d–%d (dinero en %s; tasas en %% de la masa salarial)",
	ColYear:        "año",
	ColScenario:    "escenario",
	ColReserve:     "reserva al cierre",
	ColPAYG:        "tasa de costo de reparto (%)",
	ColContribRate: "tasa de aportación (%)",
	ColContrib:     "aportaciones",
	ColBenefits:    "prestaciones",
	ColSupport:     "activos por pensionado",

	SummaryTitle:     "Resumen de %d–%d (%d años; dinero en %s; tasas en %% de la masa salarial, diferencias en puntos porcentuales)",
	ColIndicator:     "indicador",
	ColUnit:          "unidad",
	IndDepletion:     "año de agotamiento",
	IndGAP:           "prima media general (PMG)",
	IndGAPNoReserve:  "PMG sin reserva",
	IndReserveRatio:  "coeficiente de reserva %d",
	IndDeficitPV:     "VP del déficit",
	IndBalance:       "balance actuarial",
	UnitPctSalaries:  "% de los salarios",
	UnitYearsExpense: "años de gasto",
	UnitYear:         "año",
	DifferenceFormat: "%s − %s",

	ChartYear:          "año",
	ChartReserveTitle:  "Reserva al cierre del año",
	ChartReserveY:      "reserva (%s)",
	ChartCostTitle:     "Tasa de costo de reparto y tasa de aportación",
	ChartCostY:         "% de la masa salarial",
	ChartCostLegend:    "%s: costo",
	ChartContribLegend: "%s: aportación",
	ChartSupportTitle:  "Activos por pensionado",
	ChartSupportY:      "activos por pensionado",
	ChartPyramidTitle:  "Población al 1 de enero de %d",
	ChartPyramidX:      "personas: hombres (izquierda), mujeres (derecha)",
	ChartAge:           "edad",
	ChartActives:       "activos",
	ChartPensioners:    "pensionados",
}
