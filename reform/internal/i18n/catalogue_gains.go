// The catalogue of who gains, who loses (package reform's Gains and
// reform/chart's Gains chart).

package i18n

// The keys of who gains, who loses.
const (
	GainsTitle         Key = "gains.title"  // units
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
