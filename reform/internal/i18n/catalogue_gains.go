// The catalogue of who gains, who loses (package reform's Gains and
// reform/chart's Gains chart).

package i18n

// The keys of who gains, who loses.
const (
	GainsTitle         Key = "gains.title"       // units
	GainsTitleBands    Key = "gains.title.bands" // units
	GainsBand          Key = "gains.col.band"
	GainsBandRange     Key = "gains.band.range" // from, to
	GainsBandFrom      Key = "gains.band.from"  // from
	GainsBandInPayment Key = "gains.band.inpayment"
	GainsBandEntrants  Key = "gains.band.entrants"
	GainsBandAll       Key = "gains.band.all"
	ChartGainsMapTitle Key = "chart.gainsmap.title"
	ChartGainsMapY     Key = "chart.gainsmap.y"
	GainsLosing        Key = "gains.losing" // threshold %, share %
	GainsSex           Key = "gains.col.sex"
	GainsBorn          Key = "gains.col.born"
	GainsMembers       Key = "gains.col.members"
	GainsBenefitChange Key = "gains.col.benefitchange"
	GainsContribChange Key = "gains.col.contribchange"
	GainsBaseBenefits  Key = "gains.col.basebenefits"
	GainsBenefitPct    Key = "gains.col.benefitpct"
	GainsMen           Key = "gains.men"
	GainsWomen         Key = "gains.women"
	ChartGainsTitle    Key = "chart.gains.title"
	ChartGainsX        Key = "chart.gains.x"
	ChartGainsY        Key = "chart.gains.y"        // units
	ChartGainsBenefits Key = "chart.gains.benefits" // sex
	ChartGainsContribs Key = "chart.gains.contribs" // sex
)

func init() {
	for k, v := range map[Key][2]string{
		GainsTitle:         {"Who gains, who loses: change in present values by sex and birth cohort (money in %s)", "Quién gana, quién pierde: cambio en los valores presentes por sexo y cohorte de nacimiento (dinero en %s)"},
		GainsLosing:        {"Members losing more than %s%% of their benefits' value: %s%%", "Miembros que pierden más del %s%% del valor de sus prestaciones: %s%%"},
		GainsTitleBands:    {"Who gains, who loses: change in present values by sex, service band and birth cohort (money in %s)", "Quién gana, quién pierde: cambio en los valores presentes por sexo, banda de antigüedad y cohorte de nacimiento (dinero en %s)"},
		GainsBand:          {"service band", "banda de antigüedad"},
		GainsBandRange:     {"%d–%d years", "%d–%d años"},
		GainsBandFrom:      {"%d+ years", "%d+ años"},
		GainsBandInPayment: {"in payment", "en curso de pago"},
		GainsBandEntrants:  {"future entrants", "nuevos ingresos"},
		GainsBandAll:       {"all", "todos"},
		ChartGainsMapTitle: {"Change in the present value of benefits (%) by service band and birth cohort", "Cambio en el valor presente de las prestaciones (%) por banda de antigüedad y cohorte de nacimiento"},
		ChartGainsMapY:     {"service band", "banda de antigüedad"},
		GainsSex:           {"sex", "sexo"},
		GainsBorn:          {"born", "nacidos"},
		GainsMembers:       {"members", "miembros"},
		GainsBenefitChange: {"change in PV of benefits", "cambio en VP de prestaciones"},
		GainsContribChange: {"change in PV of contributions", "cambio en VP de aportaciones"},
		GainsBaseBenefits:  {"PV of benefits, base", "VP de prestaciones, base"},
		GainsBenefitPct:    {"change in benefits (%)", "cambio en prestaciones (%)"},
		GainsMen:           {"men", "hombres"},
		GainsWomen:         {"women", "mujeres"},
		ChartGainsTitle:    {"Change in present values by birth cohort", "Cambio en los valores presentes por cohorte de nacimiento"},
		ChartGainsX:        {"birth cohort", "cohorte de nacimiento"},
		ChartGainsY:        {"change in present value (%s)", "cambio en valor presente (%s)"},
		ChartGainsBenefits: {"benefits, %s", "prestaciones, %s"},
		ChartGainsContribs: {"contributions, %s", "aportaciones, %s"},
	} {
		english[k], spanish[k] = v[0], v[1]
	}
}
