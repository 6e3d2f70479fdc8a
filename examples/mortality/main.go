// Command mortality is a tour of package mortality on published tables:
//
//  1. the SOA 2012 IAM Basic Table, read from XTbML and improved with
//     Projection Scale G2 into a generational table: period and cohort life
//     expectancies;
//  2. a select and ultimate table (2017 CSO): the select rates of a life
//     underwritten at 40 against the ultimate rates at the same attained age;
//  3. EMSSA-09, the Mexican social-security table, read from CSV;
//  4. the Lee-Carter model fitted to England & Wales males 1961–2011 and
//     forecast to 2051, with a simulated 90% interval;
//  5. AMLCR's Standard Ultimate Life Table, built from Makeham's law.
//
// Run it from the repository root:
//
//	go run ./examples/mortality
//
// It reads the files under the repository's testdata directory; -data names
// another directory with the same layout. It takes well under a second.
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"

	"gonum.org/v1/gonum/stat"

	"github.com/reserva-go/reserva/mortality"
)

func main() {
	dataDir := flag.String("data", findDataDir(), "directory holding the repository's testdata files")
	flag.Parse()
	if err := run(os.Stdout, *dataDir); err != nil {
		fmt.Fprintln(os.Stderr, "mortality example:", err)
		os.Exit(1)
	}
}

// findDataDir returns the repository's testdata directory as seen from the
// working directory: "testdata" from the repository root, "../../testdata"
// from examples/mortality (where go test runs).
func findDataDir() string {
	for _, dir := range []string{"testdata", filepath.Join("..", "..", "testdata")} {
		if _, err := os.Stat(filepath.Join(dir, "xtbml", "t2581.xml")); err == nil {
			return dir
		}
	}
	return "testdata"
}

// run writes the whole report to w, reading the data from dataDir.
func run(w io.Writer, dataDir string) error {
	sections := []func(io.Writer, string) error{
		improvedAnnuitants,
		selectAndUltimate,
		mexicanSocialSecurity,
		leeCarterEnglandWales,
		standardUltimate,
	}
	for i, section := range sections {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := section(w, dataDir); err != nil {
			return err
		}
	}
	return nil
}

// newTable returns a writer that aligns tab-terminated cells in right-aligned
// columns, two spaces apart. Flush it at the end of the table.
func newTable(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
}

// newList returns a writer that aligns "label\tvalue" lines: labels on the
// left, values in a column after them. Flush it at the end of the list.
func newList(w io.Writer) *tabwriter.Writer {
	return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
}

// lifeTable returns the *LifeTable behind a Table, for its life
// expectancies (the tables of Generational.Period and Cohort are ones).
func lifeTable(t mortality.Table) (*mortality.LifeTable, error) {
	lt, err := mortality.Tabulate(t)
	if err != nil {
		return nil, fmt.Errorf("tabulating rates: %w", err)
	}
	return lt, nil
}

// improvedAnnuitants projects the 2012 IAM Basic Table (male), the annuitant
// mortality of 2012, with Projection Scale G2: q(x, y+1) = q(x, y)·(1 − G2_x).
func improvedAnnuitants(w io.Writer, dataDir string) error {
	iam, err := mortality.ReadXTbMLFile(filepath.Join(dataDir, "xtbml", "t2581.xml"))
	if err != nil {
		return fmt.Errorf("reading the 2012 IAM Basic Table: %w", err)
	}
	g2doc, err := mortality.ReadXTbMLFile(filepath.Join(dataDir, "xtbml", "t2583.xml"))
	if err != nil {
		return fmt.Errorf("reading Projection Scale G2: %w", err)
	}
	g2, err := g2doc.Scale()
	if err != nil {
		return fmt.Errorf("Projection Scale G2: %w", err)
	}
	// The basic table is the period table of 2012; improving it gives q by
	// age and calendar year for every cohort.
	gen, err := mortality.NewImproved(iam.Ultimate, 2012, g2)
	if err != nil {
		return fmt.Errorf("improving the 2012 IAM with G2: %w", err)
	}

	fmt.Fprintln(w, "1. Annuitant mortality improved with Projection Scale G2")
	fmt.Fprintf(w, "Source: SOA table %d, %s, and table %d, %s (mort.soa.org)\n",
		iam.ID, iam.Name, g2doc.ID, g2doc.Name)
	tw := newTable(w)
	fmt.Fprintln(tw, "age\tq_x 2012\tG2_x\tq_x 2040\t")
	for _, age := range []int{45, 55, 65, 75, 85, 95} {
		fmt.Fprintf(tw, "%d\t%.6f\t%.2f%%\t%.6f\t\n",
			age, gen.Q(age, 2012), 100*g2.Rate(age, 2012), gen.Q(age, 2040))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	// A period life expectancy reads one calendar year's rates across all
	// ages; a cohort one follows a birth cohort along the diagonal, enjoying
	// the improvement of every later year.
	p2012, err := lifeTable(gen.Period(2012))
	if err != nil {
		return err
	}
	p2040, err := lifeTable(gen.Period(2040))
	if err != nil {
		return err
	}
	c1960, err := lifeTable(gen.Cohort(1960))
	if err != nil {
		return err
	}
	tw = newList(w)
	fmt.Fprintln(tw, "life expectancy at 65, years:")
	fmt.Fprintf(tw, "  period 2012\t%.2f\n", p2012.LifeExpectancy(65))
	fmt.Fprintf(tw, "  period 2040\t%.2f\n", p2040.LifeExpectancy(65))
	fmt.Fprintf(tw, "  cohort born 1960 (65 in 2025)\t%.2f\n", c1960.LifeExpectancy(65))
	return tw.Flush()
}

// selectAndUltimate shows the select effect: a life just underwritten dies
// at a fraction of the rate of the general population of its age, and the
// fraction wears off over the select period.
func selectAndUltimate(w io.Writer, dataDir string) error {
	cso, err := mortality.ReadXTbMLFile(filepath.Join(dataDir, "xtbml", "t3302.xml"))
	if err != nil {
		return fmt.Errorf("reading the 2017 CSO: %w", err)
	}
	if cso.Select == nil {
		return fmt.Errorf("SOA table %d has no select table", cso.ID)
	}
	const x = 40 // age at selection
	s, ult := cso.Select, cso.Ultimate

	fmt.Fprintf(w, "2. Select and ultimate: a life selected at %d (select period %d years)\n", x, s.Period())
	fmt.Fprintf(w, "Source: SOA table %d, %s (mort.soa.org)\n", cso.ID, cso.Name)
	tw := newTable(w)
	fmt.Fprintln(tw, "duration s\tage x+s\tq_[x]+s\tultimate q_x+s\tratio\t")
	for _, d := range []int{0, 1, 2, 5, 10, 15, 20, 24, 25} {
		sel, u := s.Q(x, d), ult.Q(x+d)
		fmt.Fprintf(tw, "%d\t%d\t%.5f\t%.5f\t%.2f\t\n", d, x+d, sel, u, sel/u)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Life is the one-dimensional table the select life lives through.
	fmt.Fprintf(w, "e°_[%d] = %.2f years select, e°_%d = %.2f years ultimate\n",
		x, s.Life(x).LifeExpectancy(x), x, ult.LifeExpectancy(x))
	return nil
}

// mexicanSocialSecurity reads EMSSA-09 from CSV, one column of q_x per sex.
// It is the table the Yucatán pension example values its members with.
func mexicanSocialSecurity(w io.Writer, dataDir string) error {
	f, err := os.Open(filepath.Join(dataDir, "mexico", "emssa09.csv"))
	if err != nil {
		return fmt.Errorf("EMSSA-09: %w", err)
	}
	defer f.Close()
	tabs, err := mortality.CSVOptions{File: f.Name()}.Read(f)
	if err != nil {
		return fmt.Errorf("reading EMSSA-09: %w", err)
	}
	male, okM := tabs.Table("qx_male")
	female, okF := tabs.Table("qx_female")
	if !okM || !okF {
		return fmt.Errorf("EMSSA-09: want columns qx_male and qx_female, have %q", tabs.Names)
	}

	fmt.Fprintln(w, "3. EMSSA-09, Mexican social security, active workers")
	fmt.Fprintln(w, "Source: CNSF Circular S-22.2, annex 4, DOF 27 November 2009")
	tw := newTable(w)
	fmt.Fprintln(tw, "age\te°_x male (years)\te°_x female (years)\t")
	for _, age := range []int{20, 60, 65} {
		fmt.Fprintf(tw, "%d\t%.2f\t%.2f\t\n", age, male.LifeExpectancy(age), female.LifeExpectancy(age))
	}
	return tw.Flush()
}

// leeCarterEnglandWales fits log m(x, t) = a_x + b_x·k_t to England & Wales
// males, forecasts k as a random walk with drift, and reads period life
// expectancies off the forecast.
func leeCarterEnglandWales(w io.Writer, dataDir string) error {
	f, err := os.Open(filepath.Join(dataDir, "lee-carter", "ew_male_1961_2011.csv"))
	if err != nil {
		return fmt.Errorf("England & Wales deaths and exposures: %w", err)
	}
	defer f.Close()
	data, err := mortality.ReadDeathsExposures(f)
	if err != nil {
		return fmt.Errorf("reading %s: %w", f.Name(), err)
	}
	m, err := data.M() // central death rates: deaths / central exposure
	if err != nil {
		return fmt.Errorf("central death rates: %w", err)
	}
	lc, err := mortality.FitLeeCarter(data.Ages, data.Years, m)
	if err != nil {
		return fmt.Errorf("fitting Lee-Carter: %w", err)
	}
	last := lc.Years[len(lc.Years)-1]
	const target = 2051
	horizon := target - last
	if horizon < 1 {
		return fmt.Errorf("Lee-Carter: data end in %d, nothing to forecast to %d", last, target)
	}
	// k over the fitted years, then its central forecast: k[j] is the
	// period index of year Years[0]+j.
	k := append(slices.Clone(lc.K), lc.ForecastK(horizon)...)
	gen := lc.Generational(horizon)

	fmt.Fprintf(w, "4. Lee-Carter, England & Wales males, ages %d-%d, %d-%d\n",
		lc.Ages[0], lc.Ages[len(lc.Ages)-1], lc.Years[0], last)
	fmt.Fprintln(w, "Source: Human Mortality Database (www.mortality.org), via R package StMoMo (EWMaleData)")
	tw := newList(w)
	fmt.Fprintf(tw, "variance explained by b_x·k_t\t%6.1f%%\n", 100*lc.Explained)
	fmt.Fprintf(tw, "drift d of k, per year\t%6.3f\n", lc.Drift())
	fmt.Fprintf(tw, "σ of the yearly steps of k\t%6.3f\n", lc.Sigma())
	if err := tw.Flush(); err != nil {
		return err
	}

	// Fitted rates up to the last year, the central forecast after it. Rates
	// above age 100 are 1: the table closes there, which trims e°_65 a little.
	tw = newTable(w)
	fmt.Fprintln(tw, "year\tk\te°_0 (years)\te°_65 (years)\t")
	for _, y := range []int{lc.Years[0], last, 2031, target} {
		p, err := lifeTable(gen.Period(y))
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%d\t%.2f\t%.2f\t%.2f\t\n", y, k[y-lc.Years[0]], p.LifeExpectancy(0), p.LifeExpectancy(65))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	lo, hi, err := simulatedInterval(lc, horizon, 65, 1000)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "90%% interval for e°_65 in %d, 1,000 simulated paths of k: %.2f to %.2f years\n", target, lo, hi)
	return nil
}

// simulatedInterval simulates n paths of k over horizon years and returns
// the 5th and 95th percentiles of the period life expectancy at age in the
// last year. That expectancy depends on the path only through its last k,
// so each path costs one small life table rather than a whole generational
// one. The seed is fixed: the interval is the same on every run.
func simulatedInterval(lc *mortality.LeeCarter, horizon, age, n int) (lo, hi float64, err error) {
	src := rand.NewPCG(1, 2)
	path := make([]float64, horizon)
	q := make([]float64, 0, len(lc.Ages))
	e := make([]float64, n)
	for i := range e {
		lc.Simulate(path, horizon, src)
		if e[i], err = periodLifeExpectancy(lc, path[horizon-1], age, q); err != nil {
			return 0, 0, err
		}
	}
	slices.Sort(e)
	return stat.Quantile(0.05, stat.Empirical, e, nil), stat.Quantile(0.95, stat.Empirical, e, nil), nil
}

// periodLifeExpectancy returns e°_age of the period table the model gives for
// a value k of the period index: q_x = 1 − exp(−m_x), m_x = exp(a_x + b_x·k),
// as LeeCarter.Generational computes it. q is scratch space.
func periodLifeExpectancy(lc *mortality.LeeCarter, k float64, age int, q []float64) (float64, error) {
	q = q[:0]
	for _, x := range lc.Ages {
		if x >= age {
			q = append(q, -math.Expm1(-lc.M(x, k)))
		}
	}
	t, err := mortality.NewTable(age, q)
	if err != nil {
		return 0, fmt.Errorf("Lee-Carter rates for k = %g: %w", k, err)
	}
	return t.LifeExpectancy(age), nil
}

// standardUltimate builds AMLCR's Standard Ultimate Life Table from Makeham's
// law: q_x = 1 − exp(−∫_x^{x+1} µ), integrated exactly.
func standardUltimate(w io.Writer, _ string) error {
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	if err != nil {
		return fmt.Errorf("Standard Ultimate Life Table: %w", err)
	}
	const radix = 100000 // lives at age 20, as AMLCR prints the table

	fmt.Fprintln(w, "5. Standard Ultimate Life Table: Makeham µ_x = 0.00022 + 2.7e-6 × 1.124^x")
	fmt.Fprintln(w, "Source: Dickson, Hardy & Waters, Actuarial Mathematics for Life Contingent Risks, 2nd ed., Appendix D")
	tw := newTable(w)
	fmt.Fprintln(tw, "age\tl_x\tq_x\te°_x (years)\t")
	for _, age := range []int{20, 45, 65, 82, 100} {
		fmt.Fprintf(tw, "%d\t%.2f\t%.6f\t%.2f\t\n", age, radix*sult.L(age), sult.Q(age), sult.LifeExpectancy(age))
	}
	return tw.Flush()
}
