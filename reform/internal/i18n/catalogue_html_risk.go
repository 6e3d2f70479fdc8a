// The catalogue of the HTML report's sections on uncertainty (stochastic
// fans and the probability of exhaustion) and on who gains and who loses.

package i18n

// The keys of the HTML report's uncertainty and gains sections.
const (
	SecUncertainty       Key = "sec.uncertainty"
	SecGains             Key = "sec.gains"
	UncertaintyNote      Key = "uncertainty.note"       // scenarios of the first regime (a formatted number)
	ChartFanTitle        Key = "chart.fan.title"        // regime, scenarios (a formatted number)
	ChartFanY            Key = "chart.fan.y"            // reserve, money as projected
	FanCaption           Key = "fan.caption"            // regime
	FanAlt               Key = "fan.alt"                // regime, scenarios (a formatted number), first year, last year, last year, units, median, 5th, 95th
	ChartExhaustionTitle Key = "chart.exhaustion.title" //
	ChartExhaustionY     Key = "chart.exhaustion.y"     //
	ExhaustionCaption    Key = "exhaustion.caption"     //
	ExhaustionAlt        Key = "exhaustion.alt"         // first year, last year
	ExhaustionAltSeries  Key = "exhaustion.altseries"   // regime, probability %, year
	ExhaustionTable      Key = "exhaustion.table"       //
	ColExhaustedBy       Key = "col.exhaustedby"        // regime
	ColExhaustedStdErr   Key = "col.exhaustedse"        // regime
	GainsHeading         Key = "gains.heading"          // reform
	GainsCaption         Key = "gains.caption"          // reform
	GainsAlt             Key = "gains.alt"              // reform, cohorts, losing share
	GainsNote            Key = "gains.note"             //
	ExhaustionNeverNote  Key = "exhaustion.note"        //
	ChartFanMedian       Key = "chart.fan.median"       //
	SheetStochastic      Key = "sheet.stochastic"       // regime, scenarios
	ColReservePct        Key = "col.reservepct"         // percentile
	ColExhaustedPct      Key = "col.exhaustedpct"       //
	ColExhaustedSE       Key = "col.exhaustedse2"       //
	ChartFanDet          Key = "chart.fan.det"          //
)

func init() {
	for k, v := range map[Key][2]string{
		SecUncertainty:       {"Uncertainty", "Incertidumbre"},
		SecGains:             {"Who gains and who loses", "Quién gana y quién pierde"},
		UncertaintyNote:      {"The projections of this section draw %s economic scenarios; the fans show the 5th to 95th and 25th to 75th percentiles of the reserve and its median.", "Las proyecciones de esta sección extraen %s escenarios económicos; los abanicos muestran los percentiles 5 a 95 y 25 a 75 de la reserva y su mediana."},
		ChartFanTitle:        {"Reserve, %s: percentiles over %s scenarios", "Reserva, %s: percentiles sobre %s escenarios"},
		ChartFanY:            {"reserve at 31 December (money as projected)", "reserva al 31 de diciembre (dinero como se proyecta)"},
		FanCaption:           {"Spread of the reserve of %s over the scenarios", "Dispersión de la reserva de %s entre los escenarios"},
		FanAlt:               {"Fan chart of the reserve of %s over %s scenarios, %d–%d. In %d, in %s: median %s, 5th percentile %s, 95th percentile %s.", "Gráfica de abanico de la reserva de %s sobre %s escenarios, %d–%d. En %d, en %s: mediana %s, percentil 5 %s, percentil 95 %s."},
		ChartExhaustionTitle: {"Probability of exhausting the reserve", "Probabilidad de agotar la reserva"},
		ChartFanMedian:       {"median", "mediana"},
		SheetStochastic:      {"Risk %s (%d)", "Riesgo %s (%d)"},
		ColReservePct:        {"reserve, percentile %g", "reserva, percentil %g"},
		ColExhaustedPct:      {"probability exhausted by the year (%)", "probabilidad de agotamiento al año (%)"},
		ColExhaustedSE:       {"its standard error (%)", "su error estándar (%)"},
		ChartFanDet:          {"deterministic", "determinista"},
		ChartExhaustionY:     {"probability by year (%)", "probabilidad al año (%)"},
		ExhaustionCaption:    {"Probability that the reserve is exhausted by each year", "Probabilidad de que la reserva se agote a más tardar en cada año"},
		ExhaustionAlt:        {"Line chart: probability of exhausting the reserve, %d–%d.", "Gráfica de líneas: probabilidad de agotar la reserva, %d–%d."},
		ExhaustionAltSeries:  {"%s: %s%% by %d.", "%s: %s%% a más tardar en %d."},
		ExhaustionTable:      {"Probability that the reserve is exhausted by the end of the year (%), with its Monte Carlo standard error", "Probabilidad de que la reserva se agote a más tardar al cierre del año (%), con su error estándar de Monte Carlo"},
		ColExhaustedBy:       {"%s: probability (%%)", "%s: probabilidad (%%)"},
		ColExhaustedStdErr:   {"%s: standard error (%%)", "%s: error estándar (%%)"},
		GainsHeading:         {"%s", "%s"},
		GainsCaption:         {"Change in present values by birth cohort under %s", "Cambio en los valores presentes por cohorte de nacimiento con %s"},
		GainsAlt:             {"Bar chart of the change in present values under %s, %d cohorts by sex. %s", "Gráfica de barras del cambio en los valores presentes con %s, %d cohortes por sexo. %s"},
		GainsNote:            {"A negative change in benefits is a loss to the members; a negative change in contributions is a gain.", "Un cambio negativo en las prestaciones es una pérdida para los miembros; un cambio negativo en las aportaciones es una ganancia."},
		ExhaustionNeverNote:  {"A reserve is exhausted in the first year its balance at 31 December is negative.", "La reserva se agota en el primer año en que su saldo al 31 de diciembre es negativo."},
	} {
		english[k], spanish[k] = v[0], v[1]
	}
}
