// The list of assumptions an output prints.

package isstey

import "fmt"

// An Assumption is a figure or rule that no source gives, named so that an
// output can print it beside its results.
type Assumption struct {
	Name  string // what is assumed, as testdata/isstey/README.md names it
	Value string // the value taken
	Basis string // why: a calibration to a published figure, or a judgement
}

// StatedAssumptions lists every assumption of the census, the basis and the
// rules, in the order and under the names of testdata/isstey/README.md.
func StatedAssumptions() []Assumption {
	pct := func(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }
	return []Assumption{
		// Calibrated to published figures.
		{"Employer (state) contribution rate", pct(EmployerRate) + " of salary, every regime",
			"not in public sources; calibrated: 2022 contributions + the MXN 350 M extra payment pay 2022's benefits"},
		{"Reserve on 1 January 2022", fmt.Sprintf("MXN %.1f bn (the Ucú land trust), earning the return", TrustReserve/1e9),
			"not published; calibrated: runs out in 2027 under the 1976 law (press: late 2026 / early 2027)"},
		{"State transfers", "MXN 350 M in 2022, none after",
			"the published extra payment of 2022; later deficits show as the state's deficit transfers"},
		{"Census shape", fmt.Sprintf("synthetic census of 1 January 2022, seed %d: 31,000 actives, 7,318 pensions averaging MXN 13,200 a month, hiring peaked in 1992", DefaultSeed),
			"no census is public; calibrated to the press's counts, average pension and retirements (FACTS.md)"},
		// Judgement.
		{"Salaries", fmt.Sprintf("MXN %d a month at entry in 2022, +2%%/1.5%%/1%% a year of service (merit), lognormal spread 0.25", DefaultEntrySalary),
			"not published; the pensions they give at 30 years are a little above the average pension in payment"},
		{"Membership", "women 55%; entry at 18–45 (mean 27); constant 31,000 actives (exits replaced by entrants aged 20–40)",
			"not published; the press's 42,000 state workers in 2025 are not all ISSTEY insured"},
		{"Pensions in payment", "old-age 75%, early 7%, disability 5%, survivors 13%; within the 2019 lowest and highest pensions indexed to 2022",
			"no breakdown is published"},
		{"Pension increases of 2020–22", "5% a year", "the last published increase (2019)"},
		{"Retirement", "80% a year of those entitled to a full pension; reduced 8% (55–59), 15% (60–64), 30% (65–69); all by 70",
			"judgement: a full 1976 pension pays 100% of the last pay"},
		{"Disability and withdrawal", "disability 0.03% at 20 rising 8% a year of age; withdrawal 5% in the first year of service, falling",
			"judgement; disability at work not modelled apart"},
		{"Family", "spouses: men 80% (40% at 90), women 60% (15% at 85), husbands 3 years older; no orphans' pensions",
			"judgement"},
		{"Mortality", "EMSSA-09 (men, women) for actives, retirees, the disabled and survivors; no improvement",
			"EMSSI-IMSS-RCS-12 for the disabled is not public in full"},
		{"Economy", fmt.Sprintf("wages %s, prices %s, minimum wage (caps, indexation) %s, return %s a year",
			pct(WageGrowth), pct(Inflation), pct(UnitGrowth), pct(Return)),
			"judgement; the indexation is about the average of the published increases of 2017–19"},
		// In the rules.
		{"Reduced-pension tables", "linear: 50% at 15 years to 100% at 30 (1976), 50% at 20 to 100% at 35 (2022 law), 50% at 15 to 100% at 28 (2025 reform)",
			"the laws' tables were not found"},
		{"Survivors", fmt.Sprintf("100%% of the member's pension (1976 law, 2025 reform); %.0f%% constant (2022 law)", 100*Survivor2022Share),
			"the 2022 cut to 50% after 6 years, valued for a widow of 65; remarriage not modelled"},
		{"Unchanged by the 2022 law and the 2025 reform", "employer's rate, cap, indexation, refund of 50%, 40-day bonus, disability",
			"FACTS.md gives no change"},
		{"Worker's rate after 2030", "11% (2025 reform)", "the reform freezes 11% until 2030; nothing is said after"},
		{"Dates", "the 2022 law from 2023, the Court's ruling from 2025, the 2025 reform from 2026", "rules change on 1 January"},
	}
}
