// The list of assumptions an output prints.

package isstey

import "fmt"

// An Assumption is a figure or rule that no source gives, named so that an
// output can print it beside its results.
type Assumption struct {
	Name  string // what is assumed
	Value string // the value taken
	Basis string // why: a calibration to a published figure, or a judgement
}

// StatedAssumptions lists every assumption of the census, the basis and the
// rules, in the order of testdata/isstey/README.md.
func StatedAssumptions() []Assumption {
	pct := func(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }
	return []Assumption{
		{"population", "synthetic census of 1 January 2022, seed 1",
			"no census is public; totals calibrated to the press figures (FACTS.md)"},
		{"employer (state) contribution rate", pct(EmployerRate) + " of salary, every regime",
			"not in public sources; calibrated: 2022 contributions + the MXN 350 M extra payment pay 2022's benefits"},
		{"reserve on 1 January 2022", fmt.Sprintf("MXN %.1f bn (the Ucú land trust), earning the return", TrustReserve/1e9),
			"not published; calibrated: exhausted in 2027 under the 1976 law (press: late 2026 / early 2027)"},
		{"state transfers", "MXN 350 M in 2022, none after",
			"the published extra payment of 2022; later deficits show as the state's deficit transfers"},
		{"reduced-pension table", "linear: 50% at 15 years to 100% at 30 (1976), at 35 from 20 years (2022 law), at 28 (2025 reform)",
			"the laws' tables were not found"},
		{"survivors' pensions", "100% of the member's pension (1976, 2025); 65% constant (2022 law)",
			"the 2022 cut to 50% after 6 years, valued for a widow of 65; remarriage not modelled"},
		{"worker rate after 2030 (2025 reform)", "11%", "the reform freezes 11% until 2030; nothing is said after"},
		{"salaries", fmt.Sprintf("MXN %d a month at entry in 2022, +2%%/1.5%%/1%% a year of service (merit), lognormal spread 0.25", DefaultEntrySalary),
			"not published; the pensions they give at 30 years are a little above the average pension in payment"},
		{"membership", "women 55%; entry at 18–45 (mean 27); hiring peaked in 1992; constant 31,000 actives (exits replaced)",
			"not published; the press's 42,000 state workers in 2025 are not all ISSTEY insured"},
		{"pensions in payment", "old-age 75%, early 7%, disability 5%, survivors 13%; amounts within the 2019 lowest and highest pensions indexed 5% a year to 2022",
			"no breakdown is published"},
		{"retirement", "80% a year of those entitled to a full pension; reduced 8% (55–59), 15% (60–64), 30% (65–69); all by 70",
			"judgement: a full 1976 pension pays 100% of the last pay"},
		{"disability and withdrawal", "disability 0.03% at 20 rising 8% a year of age; withdrawal 5% in the first year of service, falling; refund of 50% of own contributions",
			"judgement; work-accident disability not modelled apart"},
		{"mortality", "EMSSA-09 (men, women) for actives, retirees, the disabled and survivors; no improvement",
			"EMSSI-IMSS-RCS-12 for the disabled is not public in full"},
		{"economy", fmt.Sprintf("wages %s, prices %s, minimum wage (caps, indexation) %s, return %s a year; pension increases 5%% a year in 2020–22",
			pct(WageGrowth), pct(Inflation), pct(UnitGrowth), pct(Return)),
			"judgement; 5% was the last published increase (2019)"},
		{"dates", "the 2022 law from 2023, the Court's ruling from 2025, the 2025 reform from 2026", "rules change on 1 January"},
	}
}
