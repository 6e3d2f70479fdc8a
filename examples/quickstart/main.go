// Command quickstart builds a small defined-benefit pension scheme from
// scratch, projects it for 50 years and prints its finances: the first
// program to read after the README.
//
// The steps, in the order run takes them:
//
//  1. the census: a dozen members and four pensions, read from CSV text
//     and grouped into cells;
//  2. mortality: the Mexican social-security table EMSSA-09, from CSV;
//  3. the rules: who pays what, who may retire, how a pension is computed;
//  4. the assumptions: wages, prices, returns, new entrants;
//  5. the projection, year by year for 50 years;
//  6. the sustainability indicators, in one call;
//  7. the report: the projection every 5 years, the indicators, and the
//     first years of the ledger of the reserve in decimal money.
//
// Run it from the repository root:
//
//	go run ./examples/quickstart
//
// It reads testdata/mexico/emssa09.csv; -data names another directory with
// the same layout. It takes a few milliseconds. The scheme is illustrative:
// its members, rates and reserve are made up, not those of any real scheme.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/mortality"
)

const (
	startYear = 2025 // the census is taken on 1 January 2025
	years     = 50   // years to project: 2025 to 2074
)

// The census as a payroll system would export it: one line per member,
// monthly amounts in Mexican pesos (MXN). Ages are last birthdays and
// service is completed years, both on 1 January 2025; files with birth and
// entry dates work too (see census.ReadActives).
const activesCSV = `id,sex,age,service,salary
A01,female,24,1,11500
A02,male,26,3,12400
A03,female,28,5,13900
A04,male,31,6,15200
A05,female,33,9,17800
A06,male,36,12,19500
A07,female,39,10,18300
A08,male,42,17,23600
A09,female,46,21,26300
A10,male,50,24,29800
A11,female,55,28,33400
A12,male,59,29,36200
`

const pensionersCSV = `id,sex,age,type,pension
P01,male,64,old_age,19800
P02,female,68,old_age,17200
P03,male,73,old_age,15600
P04,female,70,survivor,8900
`

func main() {
	dataDir := flag.String("data", findDataDir(), "directory holding the repository's testdata files")
	flag.Parse()
	if err := run(os.Stdout, *dataDir); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// findDataDir returns the repository's testdata directory as seen from the
// working directory: "testdata" from the repository root, "../../testdata"
// from examples/quickstart (where go test runs).
func findDataDir() string {
	for _, dir := range []string{"testdata", filepath.Join("..", "..", "testdata")} {
		if _, err := os.Stat(filepath.Join(dir, "mexico", "emssa09.csv")); err == nil {
			return dir
		}
	}
	return "testdata"
}

// run builds the scheme, projects it and writes the report to w.
func run(w io.Writer, dataDir string) error {
	// 1. The census. Reading checks every record (a bad one is reported
	// with its line, field and value); grouping adds members up into cells
	// by sex, age and service, which is what the projection works on.
	opt := census.CensusOptions{SalaryPaymentsPerYear: 12, PensionPaymentsPerYear: 12}
	actives, err := census.ReadActives(strings.NewReader(activesCSV), startYear, opt)
	if err != nil {
		return err
	}
	pensioners, err := census.ReadPensioners(strings.NewReader(pensionersCSV), startYear, opt)
	if err != nil {
		return err
	}
	activeCells, err := census.GroupActives(nil, actives)
	if err != nil {
		return err
	}
	pensionerCells, err := census.GroupPensioners(nil, pensioners)
	if err != nil {
		return err
	}

	// 2. Mortality: q_x by sex from EMSSA-09, the same rates every year
	// (PeriodTable). Only the actives' table is required: pensioners use
	// it too unless given their own, as a real valuation would.
	men, women, err := readEMSSA09(filepath.Join(dataDir, "mexico", "emssa09.csv"))
	if err != nil {
		return err
	}

	// 3. The rules of the scheme from 2025 on. Arrays by payer are indexed
	// by the Payer constants; arrays by sex hold men first, then women
	// (they are indexed by Sex.Index(), not by Male and Female).
	full := actuarial.Conditions{
		{MinAge: 60, MinService: 30}, // age 60 with 30 years of service,
		{MinAge: 65, MinService: 15}, // or age 65 with 15
	}
	rules := scheme.Rules{
		From: startYear,
		ContributionRate: [scheme.NumPayers]actuarial.Schedule{
			scheme.Worker:   actuarial.Constant(0.06), // 6% of salary
			scheme.Employer: actuarial.Constant(0.10), // 10% of salary
		},
		Eligibility: actuarial.Eligibility{Full: [actuarial.NumSexes]actuarial.Conditions{full, full}},
		Retirement: actuarial.Formula{
			// 2% of the reference salary a year of service, up to 80%.
			Accrual: actuarial.LinearAccrual{MinService: 1, AtMin: 0.02, PerYear: 0.02, Max: 0.80}.Accrual(),
			// The reference salary is the average of the last 5 years'.
			ReferenceYears: 5,
			// At most 10 UMA, the reference unit Mexican law sets caps
			// in (it replaced the minimum wage for this in 2016).
			Cap: actuarial.Limit{Units: 10},
		},
		Indexation: scheme.IndexPrices, // pensions follow inflation
	}

	// 4. The assumptions. A Schedule is a rate by calendar year:
	// Constant(r) is r every year; a list of steps changes it over time.
	retireAtOnce := scheme.RetirementRates{Full: actuarial.ByAge{MinAge: 60, Values: []float64{1}}}
	assumptions := scheme.Assumptions{
		Mortality: [scheme.NumLifeStatuses][actuarial.NumSexes]scheme.YearTable{
			scheme.StatusActive: {scheme.PeriodTable{Table: men}, scheme.PeriodTable{Table: women}},
		},
		// Everyone retires as soon as a full pension is due.
		Retirement: [actuarial.NumSexes]scheme.RetirementRates{retireAtOnce, retireAtOnce},
		Salary:     actuarial.SalaryScale{ByService: []float64{0.01}}, // 1% a year of merit on top of wages
		WageGrowth: actuarial.Constant(0.045),                         // about 1% a year above prices
		Inflation:  actuarial.Constant(0.035),
		Unit:       365 * 113.14,              // the UMA in 2025: MXN 113.14 a day
		UnitGrowth: actuarial.Constant(0.035), // the UMA follows prices
		Return: actuarial.Schedule{
			{Year: 2025, Value: 0.08}, // 8% a year to 2029,
			{Year: 2030, Value: 0.06}, // 6% from 2030 on
		},
		// An open group: each member who leaves is replaced the next
		// year by an entrant aged 25 or 35 (equal weights), on the
		// yearly salary given here at 2025 wages.
		Entrants: scheme.Entrants{
			Mode: scheme.ReplacementEntrants,
			Profile: []scheme.EntrantProfile{
				{Sex: actuarial.Female, Age: 25, Weight: 1, Salary: 12 * 12000},
				{Sex: actuarial.Male, Age: 25, Weight: 1, Salary: 12 * 12000},
				{Sex: actuarial.Female, Age: 35, Weight: 1, Salary: 12 * 16000},
				{Sex: actuarial.Male, Age: 35, Weight: 1, Salary: 12 * 16000},
			},
		},
	}

	scheme := &scheme.Scheme{
		Name:      "quickstart",
		StartYear: startYear,
		Groups: []scheme.Group{{
			Name:       "all members",
			Actives:    activeCells,
			Pensioners: pensionerCells,
			Rules:      []scheme.Rules{rules},
		}},
		Assumptions:    assumptions,
		InitialReserve: 8e6, // MXN 8 million on 1 January 2025
	}

	// 5. The projection. NewProjector checks the whole scheme (an error
	// names the bad field); Run projects it year by year.
	projector, err := projection.NewProjector(scheme)
	if err != nil {
		return err
	}
	result, err := projector.Run(nil, years)
	if err != nil {
		return err
	}

	// 6. The indicators, in one call. They discount at the fund's
	// returns, so the present values are on the projection's own basis.
	flows := result.Flows(nil)
	curve, err := result.ReturnCurve()
	if err != nil {
		return err
	}
	summary, err := indicator.Summarize(nil, flows, indicator.Horizon{Curve: curve})
	if err != nil {
		return err
	}

	// 7. The report. The year-by-year figures are in result.Years; the
	// ratios by year, in the summary.
	fmt.Fprintf(w, "Scheme %q, projected %d-%d\n", scheme.Name, startYear, startYear+years-1)
	fmt.Fprintln(w, "Counts are expected numbers of lives; money is nominal, MXN thousands a year.")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "year\tactives\tpensioners\tsupport ratio\tsalary bill\tbenefits\tPAYG cost rate\tcontribution rate\treserve at end\t")
	for t, y := range result.Years {
		if t%5 != 0 && t != years-1 {
			continue
		}
		fmt.Fprintf(tw, "%d\t%.1f\t%.1f\t%.2f\t%.0f\t%.0f\t%.1f%%\t%.1f%%\t%.0f\t\n",
			y.Year, y.Actives, y.TotalPensioners(), summary.SupportRatio[t],
			y.SalaryBill/1e3, y.Benefits()/1e3, 100*summary.PAYGCostRate[t],
			100*y.TotalContributions()/y.SalaryBill, y.ReserveEnd/1e3)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// The GAP is the level contribution rate that would pay for the
	// benefits of the 50 years, with the initial reserve (and leave 0 at
	// the end); the deficit is what the state would have to pay in to keep
	// the reserve from going below 0 (Summary documents every indicator).
	var contributionRate float64
	for _, rate := range rules.ContributionRate {
		contributionRate += rate.At(startYear)
	}
	fmt.Fprintf(w, "\nIndicators over %d years, discounted at the fund's returns\n", summary.Years)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "general average premium (GAP)\t%.2f%% of salaries\n", 100*summary.GAP)
	fmt.Fprintf(tw, "GAP without the initial reserve\t%.2f%% of salaries\n", 100*summary.GAPWithoutReserve)
	fmt.Fprintf(tw, "contribution rate\t%.2f%% of salaries\n", 100*contributionRate)
	if summary.DepletionYear != 0 {
		fmt.Fprintf(tw, "reserve exhausted in\t%d\n", summary.DepletionYear)
	} else {
		fmt.Fprintf(tw, "reserve exhausted in\tnever, to %d\n", startYear+years-1)
	}
	fmt.Fprintf(tw, "present value of the deficit\tMXN %.0f thousand\n", summary.DeficitPV/1e3)
	if err := tw.Flush(); err != nil {
		return err
	}

	// The ledger: where money leaves the library, as decimals rounded to
	// the cent; each closing balance is computed exactly from the year's
	// items and becomes the next opening balance.
	ledger, err := indicator.NewLedger(flows)
	if err != nil {
		return err
	}
	// Ledger.WriteCSV writes it all for a spreadsheet; here are the first
	// five years, and one amount read as the decimal.Decimal it is.
	fmt.Fprintln(w, "\nLedger of the reserve, first 5 years, MXN")
	first := indicator.Ledger{Rows: ledger.Rows[:5]}
	if err := first.WriteText(w); err != nil {
		return err
	}
	last := ledger.Rows[len(ledger.Rows)-1]
	fmt.Fprintf(w, "reserve on 31 December %d: MXN %s\n", last.Year, last.Closing.StringFixed(2))
	return nil
}

// readEMSSA09 reads EMSSA-09's two columns of q_x, men and women.
func readEMSSA09(path string) (men, women *mortality.LifeTable, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("EMSSA-09: %w", err)
	}
	defer f.Close()
	tables, err := mortality.CSVOptions{File: path}.Read(f)
	if err != nil {
		return nil, nil, fmt.Errorf("reading EMSSA-09: %w", err)
	}
	men, okM := tables.Table("qx_male")
	women, okF := tables.Table("qx_female")
	if !okM || !okF {
		return nil, nil, fmt.Errorf("EMSSA-09: want columns qx_male and qx_female, have %q", tables.Names)
	}
	return men, women, nil
}
