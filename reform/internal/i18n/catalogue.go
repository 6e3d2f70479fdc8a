// The catalogue: every message, in English and in Spanish (es-MX).

package i18n

// The keys of the reports (package reform).
const (
	UnitsOne       Key = "units.one"
	UnitsThousands Key = "units.thousands"
	UnitsMillions  Key = "units.millions"
	NotAvailable   Key = "na"
	None           Key = "none"  // no depletion year, in a column of years
	Never          Key = "never" // no depletion year, in "2033 → never"

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
	ReserveExhausted Key = "unit.exhausted"
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
	Never:          "never",

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
	ReserveExhausted: "; n/a: reserve exhausted",

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
	Never:          "nunca",

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
	ReserveExhausted: "; n.d.: reserva agotada",

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

// The keys of the HTML report (package reform/htmlreport).
const (
	HTMLTitle          Key = "html.title"
	HTMLSubtitle       Key = "html.subtitle" // first year, last year
	HTMLContents       Key = "html.contents"
	HTMLPrepared       Key = "html.prepared"
	SecSummary         Key = "sec.summary"
	SecLaw             Key = "sec.law"
	SecData            Key = "sec.data"
	SecDemography      Key = "sec.demography"
	SecFinance         Key = "sec.finance"
	SecIndicators      Key = "sec.indicators"
	SecReforms         Key = "sec.reforms"
	SecSensitivity     Key = "sec.sensitivity"
	KeyFigures         Key = "keyfigures"         // first year, last year
	ColReserveRatioAt  Key = "col.reserveratioat" // year
	FindingDepleted    Key = "finding.depleted"   // scenario, year
	FindingLasts       Key = "finding.lasts"      // scenario, year
	FindingGAP         Key = "finding.gap"        // scenario, GAP, contribution rate, year
	LawCaption         Key = "law.caption"
	ColRule            Key = "col.rule"
	ColProvision       Key = "col.provision"
	ColSource          Key = "col.source"
	DataCaption        Key = "data.caption" // year
	ColItem            Key = "col.item"
	ColValue           Key = "col.value"
	ItemActives        Key = "item.actives"
	ItemPensioners     Key = "item.pensioners"
	ItemSalaryBill     Key = "item.salarybill"
	ItemReserve        Key = "item.reserve"
	UnitLives          Key = "unit.lives"
	AssumptionsCaption Key = "assumptions.caption"
	ColAssumption      Key = "col.assumption"
	ColBasis           Key = "col.basis"
	BasisPublished     Key = "basis.published"
	BasisCalibrated    Key = "basis.calibrated"
	BasisJudgement     Key = "basis.judgement"
	BasisNote          Key = "basis.note"
	PyramidCaption     Key = "pyramid.caption" // year
	PyramidAlt         Key = "pyramid.alt"     // year, actives, pensioners
	SupportCaption     Key = "support.caption"
	DemographyCaption  Key = "demography.caption" // scenario
	ColActives         Key = "col.actives"
	ColPensioners      Key = "col.pensioners"
	ColEntrants        Key = "col.entrants"
	ReserveCaption     Key = "reserve.caption"
	CostCaption        Key = "cost.caption"
	LineAlt            Key = "line.alt"          // chart title, first year, last year
	LineAltSeries      Key = "line.altseries"    // series, first value, first year, last value, last year
	TransfersCaption   Key = "transfers.caption" // units
	ColTransfers       Key = "col.transfers"
	ColTransfersNeeded Key = "col.transfersneeded"
	ReformHeading      Key = "reform.heading" // reform, base
	ReformCaption      Key = "reform.caption" // reform, base
	ColDifference      Key = "col.difference"
	AttributionCaption Key = "attribution.caption" // reform
	AttributionNote    Key = "attribution.note"
	ColMeasure         Key = "col.measure"
	ColMarginal        Key = "col.marginal" // indicator
	ColDepletionYear   Key = "col.depletionyear"
	ColGAPPct          Key = "col.gappct"
	ColBalancePct      Key = "col.balancepct"
	RowBase            Key = "row.base"
	RowTotal           Key = "row.total"
	SensitivityCaption Key = "sensitivity.caption" // scenario
	SensitivityNote    Key = "sensitivity.note"    // GAP
	ColLowered         Key = "col.lowered"
	ColRaised          Key = "col.raised"
	ColGAPLowered      Key = "col.gaplowered"
	ColGAPRaised       Key = "col.gapraised"
	ColSpread          Key = "col.spread"
	UnitPoints         Key = "unit.points"
)

func init() {
	for k, v := range map[Key][2]string{
		HTMLTitle:          {"Actuarial valuation report", "Informe de valuación actuarial"},
		HTMLSubtitle:       {"Projection %d–%d", "Proyección %d–%d"},
		HTMLContents:       {"Contents", "Contenido"},
		HTMLPrepared:       {"Prepared with Reserva, an open-source library for the actuarial modelling of pension schemes.", "Elaborado con Reserva, una biblioteca de código abierto para la modelación actuarial de regímenes de pensiones."},
		SecSummary:         {"Summary of findings", "Resumen de resultados"},
		SecLaw:             {"The scheme and its law", "El régimen y su marco legal"},
		SecData:            {"Data and assumptions", "Datos y supuestos"},
		SecDemography:      {"Demographic projection", "Proyección demográfica"},
		SecFinance:         {"Financial projection", "Proyección financiera"},
		SecIndicators:      {"Indicators", "Indicadores"},
		SecReforms:         {"Reforms against the base", "Reformas frente al escenario base"},
		SecSensitivity:     {"Sensitivity", "Sensibilidad"},
		KeyFigures:         {"Key figures of each scenario over %d–%d", "Cifras principales de cada escenario, %d–%d"},
		ColReserveRatioAt:  {"reserve ratio %d (years of expenditure)", "coeficiente de reserva %d (años de gasto)"},
		FindingDepleted:    {"In the %s scenario the reserve is exhausted in %d.", "En el escenario %s la reserva se agota en %d."},
		FindingLasts:       {"In the %s scenario the reserve lasts through %d.", "En el escenario %s la reserva alcanza hasta %d."},
		FindingGAP:         {"In the %s scenario the general average premium is %s%% of salaries, against a contribution rate of %s%% in %d.", "En el escenario %s la prima media general es de %s%% de los salarios, frente a una tasa de aportación de %s%% en %d."},
		LawCaption:         {"Rules of the scheme", "Reglas del régimen"},
		ColRule:            {"rule", "regla"},
		ColProvision:       {"provision", "disposición"},
		ColSource:          {"source", "fuente"},
		DataCaption:        {"Population and finances on 1 January %d (base)", "Población y finanzas al 1 de enero de %d (escenario base)"},
		ColItem:            {"item", "concepto"},
		ColValue:           {"value", "valor"},
		ItemActives:        {"active members", "activos"},
		ItemPensioners:     {"pensions in payment", "pensiones en curso de pago"},
		ItemSalaryBill:     {"salary bill of the year", "masa salarial del año"},
		ItemReserve:        {"reserve", "reserva"},
		UnitLives:          {"lives", "personas"},
		AssumptionsCaption: {"Assumptions and their basis", "Supuestos y su fundamento"},
		ColAssumption:      {"assumption", "supuesto"},
		ColBasis:           {"basis", "fundamento"},
		BasisPublished:     {"published", "publicado"},
		BasisCalibrated:    {"calibrated", "calibrado"},
		BasisJudgement:     {"judgement", "juicio actuarial"},
		BasisNote:          {"Published: taken from an official publication; calibrated: fitted to the scheme's own data; judgement: set by the actuary.", "Publicado: tomado de una publicación oficial; calibrado: ajustado a los datos del propio régimen; juicio actuarial: fijado por el actuario."},
		PyramidCaption:     {"Population of the base scenario on 1 January %d, by sex and age: actives next to the axis, pensioners beyond them.", "Población del escenario base al 1 de enero de %d, por sexo y edad: activos junto al eje, pensionados después."},
		PyramidAlt:         {"Population pyramid on 1 January %d: %s actives and %s pensioners.", "Pirámide de población al 1 de enero de %d: %s activos y %s pensionados."},
		SupportCaption:     {"Actives per pensioner on 1 January, by scenario.", "Activos por pensionado al 1 de enero, por escenario."},
		DemographyCaption:  {"Members of the %s scenario on 1 January", "Miembros del escenario %s al 1 de enero"},
		ColActives:         {"actives (lives)", "activos (personas)"},
		ColPensioners:      {"pensioners (lives)", "pensionados (personas)"},
		ColEntrants:        {"entrants (lives)", "nuevos ingresos (personas)"},
		ReserveCaption:     {"Reserve at 31 December, by scenario; below zero the reserve is exhausted.", "Reserva al 31 de diciembre, por escenario; bajo cero la reserva está agotada."},
		CostCaption:        {"PAYG cost rate (solid) against the contribution rate (dashed), in % of the salary bill.", "Tasa de costo de reparto (continua) frente a la tasa de aportación (discontinua), en % de la masa salarial."},
		LineAlt:            {"Line chart: %s, %d–%d.", "Gráfica de líneas: %s, %d–%d."},
		LineAltSeries:      {"%s: %s in %d, %s in %d.", "%s: %s en %d, %s en %d."},
		TransfersCaption:   {"Transfers by the state (%s)", "Transferencias del Estado (%s)"},
		ColTransfers:       {"transfers received", "transferencias recibidas"},
		ColTransfersNeeded: {"transfers to keep the reserve", "transferencias para sostener la reserva"},
		ReformHeading:      {"%s against %s", "%s frente a %s"},
		ReformCaption:      {"Indicators of %s against %s", "Indicadores de %s frente a %s"},
		ColDifference:      {"difference", "diferencia"},
		AttributionCaption: {"Effect of each measure of %s, added one at a time", "Efecto de cada medida de %s, agregadas una a una"},
		AttributionNote:    {"Each measure's effect is measured on top of those before it; the effects add up to the reform's.", "El efecto de cada medida se mide sobre las anteriores; los efectos suman el de la reforma."},
		ColMeasure:         {"measure", "medida"},
		ColMarginal:        {"change in %s", "cambio en %s"},
		ColDepletionYear:   {"depletion year", "año de agotamiento"},
		ColGAPPct:          {"GAP (%)", "PMG (%)"},
		ColBalancePct:      {"actuarial balance (%)", "balance actuarial (%)"},
		RowBase:            {"base", "base"},
		RowTotal:           {"total", "total"},
		SensitivityCaption: {"Sensitivity of the %s scenario to its assumptions", "Sensibilidad del escenario %s a sus supuestos"},
		SensitivityNote:    {"The GAP of the unshocked scenario is %s%% of salaries.", "La PMG del escenario sin choques es de %s%% de los salarios."},
		ColLowered:         {"lowered", "a la baja"},
		ColRaised:          {"raised", "al alza"},
		ColGAPLowered:      {"GAP lowered (%)", "PMG a la baja (%)"},
		ColGAPRaised:       {"GAP raised (%)", "PMG al alza (%)"},
		ColSpread:          {"spread (points)", "amplitud (puntos)"},
		UnitPoints:         {"points", "puntos"},
	} {
		english[k], spanish[k] = v[0], v[1]
	}
}

// The keys of the workbook (package reform/xlsx).
const (
	SheetSummary     Key = "sheet.summary"
	SheetProjection  Key = "sheet.projection"
	SheetComparison  Key = "sheet.comparison"  // reform, base
	SheetAttribution Key = "sheet.attribution" // reform
	ColSalaryBill    Key = "col.salarybill"
	ColOf            Key = "col.of"   // column, scenario
	ColDiffOf        Key = "col.diff" // column
	ColDeficitPV     Key = "col.deficitpv"
)

func init() {
	for k, v := range map[Key][2]string{
		SheetSummary:     {"Summary", "Resumen"},
		SheetProjection:  {"Projection", "Proyección"},
		SheetComparison:  {"%s vs %s", "%s vs %s"},
		SheetAttribution: {"Attribution %s", "Atribución %s"},
		ColSalaryBill:    {"salary bill", "masa salarial"},
		ColOf:            {"%s, %s", "%s, %s"},
		ColDiffOf:        {"difference in %s", "diferencia en %s"},
		ColDeficitPV:     {"PV of the deficit", "VP del déficit"},
	} {
		english[k], spanish[k] = v[0], v[1]
	}
}
