// Command yucatan is Reserva's flagship example: the pension scheme of the
// state workers of Yucatán (ISSTEY, Instituto de Seguridad Social de los
// Trabajadores del Estado de Yucatán), whose reserves have been close to
// exhaustion for years, under the three laws that have governed it:
//
//   - the 1976 law (Decree 68): a full pension after 30 years of service at
//     any age, 100% of the last two years' pay;
//   - the 2022 law (Decree 532/2022) as enacted, with its transition rules:
//     35 years, 85% of the last 20 years' pay, higher contributions; the
//     Supreme Court struck most of it down in 2024, so it is a
//     counterfactual;
//   - the 2025 reform, the law as it happened: the 2022 law in 2023–24, the
//     1976 benefits the Court restored in 2025, and the reform from 2026
//     (30 years for men, 28 for women, the worker's rate at 11%).
//
// By default it prints a short story, some 150 lines, and points to the
// reports and the workbook it writes for the detail:
//
//  1. every assumption in a line, marked published, calibrated or
//     judgement (the reasons are in the reports);
//  2. the calibration check: the model in 2022 against the published
//     figures it was fitted to, with their sources;
//  3. the three regimes projected for 100 years (the first edition's
//     basis): their rules in a line each and the summary table;
//  4. the second edition's corrections, each with its effect on the 2025
//     reform, and the accrued liability and funding ratio of each regime;
//  5. four ways to balance the 2025 rules solved to one target (the
//     actuarial balance over 2022–2096 at zero, with a year's spending in
//     reserve at the end);
//  6. the probability that the reserve is exhausted by 2030, 2040, 2050,
//     2060 and 2075, for each regime and way, on seeded scenarios of
//     returns and inflation;
//  7. who gains and who loses by sex under each way and each law, and the
//     model workers' replacement rates;
//  8. the charts, the reports (HTML, English and Spanish) and the workbook
//     it wrote.
//
// With -full it prints the complete text instead, in nine sections:
//
//  1. every assumption, marked published, calibrated or judgement, with
//     its reason;
//  2. the calibration check;
//  3. the three regimes: the table by year and the summary;
//  4. what drives the differences: the 2025 reform taken apart change by
//     change as the study file writes it, each change citing its law
//     (reform.Cited), added to the 1976 law in turn (reform.Attribute);
//  5. the corrections, with the reasons for each;
//  6. the four ways to balance, why that target, and the frontier of two
//     levers;
//  7. the probability of exhaustion, and how often each way's reserve runs
//     out by 2075;
//  8. who gains and who loses by sex and birth cohort, the money's worth
//     of each law and way, and the model workers' pensions, replacement
//     rates and money's worth under each;
//  9. the files it wrote.
//
// Both print figures of the same computation and write the same files.
//
// The population is illustrative, not ISSTEY's census: no census of its
// members is public. The census in testdata/isstey was drawn by a seeded
// generator (package isstey) so that its totals match the press and
// official figures listed in testdata/isstey/README.md; no figure printed
// is a figure of ISSTEY.
//
// Run it from the repository root:
//
//	go run ./examples/yucatan
//	go run ./examples/yucatan -full   # the complete text
//
// The three regimes are read from the study file testdata/isstey/study.json
// (docs/study-format.md): the 1976 law is its scenario, law1976.json with
// the census and EMSSA-09 it names, and the 2022 law and the 2025 reform
// are its reforms of it, applied with package reform. Package isstey's Go
// definitions of the laws generate those files and check that they
// project as the definitions do; the example reads only the files, so an
// edited study.json changes what it prints. The corrections and the ways
// to balance (sections 5 and 6 of the complete text) edit copies of the
// schemes read.
//
// It reads testdata/isstey and testdata/mexico/emssa09.csv (-data names
// another directory with the same layout) and writes its charts as PNG
// files, report.html, informe.html and results.xlsx to out/yucatan (-out
// names another directory; it is created). -scenarios sets the number of
// stochastic scenarios (1,000 by default). Most of its time is the
// stochastic run: on two idle cores it takes 10–12.5 s wall (15–19 s of
// user CPU) with 1,000 scenarios, about 4 s with -scenarios 1.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/mortality"
	"github.com/reserva-go/reserva/reform"
)

// The projection and the target of the solver.
const (
	// years is the number of years projected, 2022–2121, and the horizon
	// of the GAP and of the present values: ILO valuations look far ahead
	// because a pension awarded in 2060 is paid until the 2090s.
	years = reform.DefaultYears
	// step is the step of the table by year.
	step = 10
	// riskYearsAfterReform is how many years of the 2025 rules, from the
	// year they take effect, the stochastic run covers.
	riskYearsAfterReform = 50
)

// defaultOut is the directory the charts go to unless -out says otherwise.
var defaultOut = filepath.Join("out", "yucatan")

func main() {
	dataDir := flag.String("data", findDataDir(), "directory holding the repository's testdata files")
	outDir := flag.String("out", defaultOut, "directory to write the charts to (created if need be)")
	scenarios := flag.Int("scenarios", DefaultScenarios, "number of stochastic scenarios")
	full := flag.Bool("full", false, "print the complete text, every table and reason, not the short story")
	flag.Parse()
	if err := run(os.Stdout, *dataDir, *outDir, *scenarios, *full); err != nil {
		fmt.Fprintln(os.Stderr, "yucatan:", err)
		os.Exit(1)
	}
}

// findDataDir returns the repository's testdata directory as seen from the
// working directory: "testdata" from the repository root, "../../testdata"
// from examples/yucatan (where go test runs).
func findDataDir() string {
	for _, dir := range []string{"testdata", filepath.Join("..", "..", "testdata")} {
		if _, err := os.Stat(filepath.Join(dir, "isstey", isstey.ActivesFile)); err == nil {
			return dir
		}
	}
	return "testdata"
}

// study is what the sections share: the basis, the scheme (read from the
// study file) and projection of each regime, and what each section
// computes.
type study struct {
	basis scheme.Assumptions
	// schemes, outcomes and metrics are indexed like isstey.Regimes:
	// the 1976 law, the 2022 law, the 2025 reform.
	schemes [isstey.NumRegimes]*scheme.Scheme
	// reforms are the study file's reforms of the 1976 law: the 2022 law
	// and the 2025 reform, their changes cited to their laws.
	reforms  []reform.Reform
	outcomes []reform.Outcome
	metrics  []reform.Metrics
	// men and women are EMSSA-09's tables.
	men, women mortality.Table
	// corr are the corrections; corrected, correctedOut and
	// correctedMet the regimes on the corrected basis.
	corr         *corrections
	corrected    [isstey.NumRegimes]*scheme.Scheme
	correctedOut []reform.Outcome
	correctedMet []reform.Metrics
	// ways are the ways to balance the 2025 reform (section 6).
	ways []way
	// frontier is the frontier of two levers (section 6).
	frontier *reform.Frontier
	// risk is the stochastic run (section 7).
	risk *riskRun
	// gains are who gains and loses (section 8).
	gains *gainsRun
}

// run writes the short story to w, or with full the complete text,
// reading the data from dataDir and writing the charts and reports to
// outDir, with n stochastic scenarios.
func run(w io.Writer, dataDir, outDir string, n int, full bool) error {
	st, err := prepare(dataDir, n)
	if err != nil {
		return err
	}
	return report(w, st, outDir, full)
}

// prepare reads the data and computes every section's figures, with n
// stochastic scenarios.
func prepare(dataDir string, n int) (*study, error) {
	if n < 1 {
		return nil, fmt.Errorf("scenarios %d: want at least 1", n)
	}
	st, err := newStudy(dataDir)
	if err != nil {
		return nil, err
	}
	if err := st.correct(); err != nil {
		return nil, err
	}
	if err := st.balance(); err != nil {
		return nil, err
	}
	if err := st.whoGains(); err != nil {
		return nil, err
	}
	if err := st.simulate(n); err != nil {
		return nil, err
	}
	return st, nil
}

// report prints the sections of a prepared study to w, the short story
// or with full the complete text, and writes the charts and reports to
// outDir: the same files either way.
func report(w io.Writer, st *study, outDir string, full bool) error {
	header(w, full)
	sections := []func(io.Writer, *study) error{
		assumptions,
		calibration,
		regimes,
		drivers,
		correctionsSection,
		waysSection,
		riskSection,
		gainsSection,
	}
	if !full {
		sections = []func(io.Writer, *study) error{
			shortAssumptions,
			calibration,
			shortRegimes,
			shortCorrections,
			shortWays,
			shortRisk,
			shortGains,
		}
	}
	files := len(sections) + 1
	sections = append(sections, func(w io.Writer, st *study) error { return charts(w, st, outDir, files) })
	for _, section := range sections {
		fmt.Fprintln(w)
		if err := section(w, st); err != nil {
			return err
		}
	}
	return nil
}

// StudyFile is the study file, in dataDir's isstey directory, that holds
// the three regimes: the 1976 law as its scenario, the 2022 law and the
// 2025 reform as its reforms of it.
const StudyFile = "study.json"

// newStudy reads the regimes from the study file, with the census and the
// mortality tables it names, and the EMSSA-09 tables again for the
// corrections, and projects the regimes.
func newStudy(dataDir string) (*study, error) {
	schemes, reforms, err := readRegimes(filepath.Join(dataDir, "isstey", StudyFile))
	if err != nil {
		return nil, err
	}
	men, women, err := isstey.ReadEMSSA09(filepath.Join(dataDir, "mexico", "emssa09.csv"))
	if err != nil {
		return nil, fmt.Errorf("reading EMSSA-09: %w", err)
	}
	st := &study{schemes: schemes, reforms: reforms, basis: schemes[isstey.Law1976].Assumptions, men: men, women: women}
	if err := st.project(); err != nil {
		return nil, err
	}
	return st, nil
}

// readRegimes reads the study file name and returns the schemes of the
// regimes, indexed like isstey.Regimes: the study's base scheme, the 1976
// law, and its reforms applied to it, which must be named after the other
// regimes in order; and those reforms. Package isstey's Go definitions
// generate the file and check that it projects as they do
// (isstey.TestStudyFiles); the example reads only the file.
func readRegimes(name string) ([isstey.NumRegimes]*scheme.Scheme, []reform.Reform, error) {
	var out [isstey.NumRegimes]*scheme.Scheme
	st, err := reform.ReadStudyFile(name)
	if err != nil {
		return out, nil, fmt.Errorf("reading the study file: %w", err)
	}
	if len(st.Reforms) != isstey.NumRegimes-1 {
		return out, nil, fmt.Errorf("%s: %d reforms, want %d (the %v and the %v)", name, len(st.Reforms), isstey.NumRegimes-1,
			isstey.Law2022, isstey.Reform2025)
	}
	out[isstey.Law1976] = st.Base()
	for k, r := range st.Reforms {
		want := isstey.Regimes[k+1]
		if r.Name != want.String() {
			return out, nil, fmt.Errorf("%s: reform %d is %q, want %q", name, k, r.Name, want)
		}
		if out[want], err = r.Apply(st.Base()); err != nil {
			return out, nil, fmt.Errorf("%s: the %v: %w", name, want, err)
		}
	}
	return out, st.Reforms, nil
}

// options are the projection options of every scenario: 100 years,
// summarized at the fund's own return (6% a year).
func options() reform.Options { return reform.Options{Years: years} }

// project projects each regime's scheme and summarizes it.
//
// Each regime's scheme, read from the study file, is projected on its own
// — reform.Compare with no reforms projects and summarizes one scheme
// exactly as a comparison would — and the outcomes are set side by side
// for the report writers and charts, named after the regimes. Package
// reform's changes are also used to take the 2025 reform apart measure by
// measure (section 4) and to solve for a rate (section 6).
func (st *study) project() error {
	for i, r := range isstey.Regimes {
		cmp, err := reform.Compare(st.schemes[i], nil, options())
		if err != nil {
			return fmt.Errorf("projecting the %v: %w", r, err)
		}
		o := cmp.Outcomes[0]
		o.Name = r.String()
		st.outcomes = append(st.outcomes, o)
		st.metrics = append(st.metrics, cmp.Metrics[0])
	}
	return nil
}

// regime returns the outcome and metrics of a regime (isstey.Regimes[i]
// is Regime(i)).
func (st *study) regime(r isstey.Regime) (*reform.Outcome, reform.Metrics) {
	return &st.outcomes[r], st.metrics[r]
}

// header prints the title and the disclaimer, and where the detail is:
// the reports, or with full this text.
func header(w io.Writer, full bool) {
	fmt.Fprintln(w, "ISSTEY, the pension scheme of Yucatán's state workers, under three laws")
	fmt.Fprintln(w, "A Reserva example: the 1976 law, the 2022 law and the 2025 reform on one illustrative scheme")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "IMPORTANT: "+isstey.Disclaimer)
	fmt.Fprintln(w, "No census of ISSTEY's members is public. The 31,000 actives and 7,318 pensions read from")
	fmt.Fprintln(w, "testdata/isstey were drawn by a seeded generator so that their totals match the press and")
	fmt.Fprintln(w, "official figures listed in testdata/isstey/README.md, and the rates no source gives were")
	fmt.Fprintln(w, "calibrated to those figures (section 2). No figure below is a figure of ISSTEY: each shows")
	fmt.Fprintln(w, "what the laws do to a scheme like it, on the assumptions of section 1. Money is nominal MXN.")
	if full {
		fmt.Fprintln(w, "The full tables and charts are in the reports section 9 lists: report.html (English),")
		fmt.Fprintln(w, "informe.html (Spanish) and results.xlsx; this text gives the story and the key figures.")
		return
	}
	fmt.Fprintln(w, "This is the short story. The reports section 8 lists, report.html (English) and informe.html")
	fmt.Fprintln(w, "(Spanish), and the workbook results.xlsx hold every table, chart and reason; -full prints the")
	fmt.Fprintln(w, "complete text.")
}

// assumptions prints every assumption that no source gives, as
// testdata/isstey/README.md lists them.
func assumptions(w io.Writer, _ *study) error {
	fmt.Fprintln(w, "1. Assumptions, each marked published, calibrated or judgement (testdata/isstey/README.md)")
	for _, a := range assumptionList() {
		fmt.Fprintf(w, "  - [%s] %s: %s\n", basisName[a.Basis], a.Name, a.Value)
		if a.Source != "" {
			fmt.Fprintf(w, "      why: %s\n", a.Source)
		}
	}
	return nil
}

// calibration prints the model's figures for 2022 under the 1976 law (the
// law in force that year) beside the published ones.
func calibration(w io.Writer, st *study) error {
	o, m := st.regime(isstey.Law1976)
	y := &o.Result.Years[0]
	retired := y.NewPensions[census.PensionOldAge.Index()] + y.NewPensions[census.PensionEarly.Index()]
	pensioners := y.TotalPensioners() // on 1 January, before that day's retirements
	depleted := "none"
	if m.DepletionYear != 0 {
		depleted = strconv.Itoa(m.DepletionYear)
	}
	extra := y.TotalContributions() + y.Transfers - y.Benefits()

	fmt.Fprintf(w, "2. Calibration: the model in %d against the published figures (testdata/isstey/FACTS.md)\n", y.Year)
	fmt.Fprintln(w, "The census and the two rates no source gives were fitted to these figures, so they agree by")
	fmt.Fprintln(w, "construction: the check shows the model reproduces them, not that it predicts anything.")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  figure\tmodel\tpublished\tsource")
	rows := [][4]string{
		{"insured workers", count(y.Actives), "~31,000", "[press] yucatan.com.mx 2022-06-04"},
		{"pensions in payment", count(pensioners) + " on 1 January", "7,549 in May 2022", "[press] lectormx.com 2022-06-03"},
		{"", count(pensioners+retired) + " after its retirements", "4,546 in January 2018", "(the census interpolates the two counts)"},
		{"average pension, MXN a month", count(averagePension(y)) + " paid in 2022",
			fmt.Sprintf("≈ %s (101.3 M / 7,549)", count(isstey.PublishedMonthlyPayroll/isstey.PublishedPensioners)), "[press] lectormx.com 2022-06-03"},
		{"retirements in the year", count(retired), "over 1,000 expected", "[press] yucatan.com.mx"},
		{"workers per pensioner", fmt.Sprintf("%.2f", y.Actives/pensioners), "4", "[press] lectormx.com"},
		{"contributions + state's 350 M − benefits", millions(extra), "≈ 0: reserves ran out in 2021", "[press] lectormx.com, yucatan.com.mx (sets the employer's rate)"},
		{"the reserve runs out (1976 law)", depleted, "late 2026 / early 2027", "[press] yucatan.com.mx (sets the reserve)"},
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", r[0], r[1], r[2], r[3])
	}
	return tw.Flush()
}

// averagePension returns the average monthly pension paid in a year: the
// pensions paid over the average number in payment (those of 1 January
// after that day's retirements, less half the year's deaths, plus half the
// disability and survivors' pensions awarded during the year), as the
// isstey package's calibration test computes it.
func averagePension(y *projection.YearResult) float64 {
	n := y.TotalPensioners() + y.NewPensions[census.PensionOldAge.Index()] + y.NewPensions[census.PensionEarly.Index()]
	for ti := range census.NumPensionTypes {
		n -= y.PensionerDeaths[ti] / 2
		if typ := census.PensionTypeAt(ti); typ != census.PensionOldAge && typ != census.PensionEarly {
			n += y.NewPensions[ti] / 2
		}
	}
	return y.TotalPensions() / 12 / n
}

// count formats a number of lives or an amount rounded to a whole unit with
// thousands separators: 31000 is "31,000".
func count(x float64) string {
	s := strconv.FormatFloat(abs(x), 'f', 0, 64)
	var b strings.Builder
	if x < 0 && s != "0" {
		b.WriteString("−")
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// millions formats an amount in millions of MXN with one decimal:
// "−13.6 M".
func millions(x float64) string { return signed(x/1e6, 1) + " M" }

// billions formats an amount in billions of MXN with one decimal: "187.5 bn".
func billions(x float64) string { return signed(x/1e9, 1) + " bn" }

// plusBillions formats a difference of amounts in billions of MXN with a
// sign: "+4.2 bn", "−6.5 bn".
func plusBillions(x float64) string {
	s := billions(x)
	if !strings.HasPrefix(s, "−") {
		s = "+" + s
	}
	return s
}

// rate formats a rate of a law or of the basis in per cent without
// trailing zeros: 0.11 is "11%", 0.0175 is "1.75%".
func rate(x float64) string {
	s := signed(100*x, 2)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + "%"
}

// writeTable writes rows, the first the header, in columns two spaces
// apart and indented by two: the first column aligned left, the others
// right.
func writeTable(w io.Writer, rows [][]string) {
	var width []int
	for _, r := range rows {
		for j, c := range r {
			if j == len(width) {
				width = append(width, 0)
			}
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for j, c := range r {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if j == 0 {
				b.WriteString("  " + c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// pct formats a fraction in per cent with two decimals: 1.0307 is "103.07%".
func pct(x float64) string { return signed(100*x, 2) + "%" }

// points formats a difference of rates in percentage points with a sign:
// "+2.32", "−0.55".
func points(x float64) string {
	s := signed(100*x, 2)
	if !strings.HasPrefix(s, "−") {
		s = "+" + s
	}
	return s
}

// signed formats x with the given decimals and a true minus sign, which
// reads better than a hyphen in a report; −0 shows as 0.
func signed(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		if strings.Trim(rest, "0.") == "" {
			return rest
		}
		return "−" + rest
	}
	return s
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
