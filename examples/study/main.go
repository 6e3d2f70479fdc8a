// Command study runs a study file: it reads the schemes, census, mortality,
// reforms and options the file describes (docs/study-format.md), projects
// every scenario and every reform of the base scheme (reform.RunStudy),
// attributes and solves what the options ask for, and prints the text
// report, or with -json the results as JSON (package reformjson's Study:
// the comparison, attributions and solutions, with snake_case names and
// their units, calendar years, null for values that do not exist). It
// writes two charts beside the study file, the reserve paths and the cost
// rates (STUDY-reserve.png and STUDY-cost-rate.png), unless -nocharts.
//
//	go run ./examples/study testdata/isstey/study.json
//	go run ./examples/study -json -nocharts testdata/isstey/study.json
//
// The scenarios are summarized over the projection at their own returns;
// the first scenario is the base of the report's differences and of the
// reforms.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
	"github.com/reserva-go/reserva/reform/reformjson"
)

// config is what a run of the command does.
type config struct {
	asJSON   bool   // print JSON instead of the text report
	step     int    // show every step-th year in the text report
	charts   bool   // write the charts
	chartDir string // where the charts go; "": beside the study file
}

func main() {
	var cfg config
	flag.BoolVar(&cfg.asJSON, "json", false, "print the results as JSON instead of the text report")
	flag.IntVar(&cfg.step, "step", 10, "show every step-th year in the text report")
	nocharts := flag.Bool("nocharts", false, "do not write the charts beside the study file")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: study [-json] [-nocharts] [-step n] STUDY.json")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	cfg.charts = !*nocharts
	if err := run(os.Stdout, flag.Arg(0), cfg); err != nil {
		fmt.Fprintln(os.Stderr, "study:", err)
		os.Exit(1)
	}
}

// run runs the study file name and writes its report or JSON to w.
func run(w io.Writer, name string, cfg config) error {
	st, err := reform.ReadStudyFile(name)
	if err != nil {
		return err
	}
	res, err := reform.RunStudy(context.Background(), st, 0, nil)
	if err != nil {
		return err
	}
	var charts []string
	if cfg.charts {
		dir := cfg.chartDir
		if dir == "" {
			dir = filepath.Dir(name)
		}
		stem := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		if charts, err = writeCharts(dir, stem, res.Comparison.Outcomes); err != nil {
			return err
		}
	}
	if cfg.asJSON {
		c, err := reformjson.FromStudy(st.Name, st.Currency, res)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	}
	return report(w, st, res, cfg.step, charts)
}

// report writes the text report of a study's results.
func report(w io.Writer, st *reform.Study, res *reform.StudyResults, step int, charts []string) error {
	if st.Name != "" {
		fmt.Fprintf(w, "%s\n\n", st.Name)
	}
	for _, sc := range st.Scenarios {
		sources(w, sc)
	}
	for _, r := range st.Reforms {
		fmt.Fprintf(w, "%s: the changes to %s\n", r.Name, st.Scenarios[0].Name)
		for _, c := range r.Changes {
			fmt.Fprintf(w, "  %v\n", c)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Money in millions of %s.\n\n", st.Currency)
	outs := res.Comparison.Outcomes
	if err := reform.WriteText(w, outs, reform.ReportOptions{Step: step, Units: reform.UnitsMillions, RatioYears: st.Options.ReserveRatioYears}); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for i, o := range outs {
		m := res.Comparison.Metrics[i]
		fmt.Fprintf(w, "%-14s GAP %s; the reserve runs out in %s\n", o.Name+":", percent(m.GAP), depletion(m))
	}
	for _, a := range res.Attributions {
		fmt.Fprintf(w, "\nThe changes of %s, each added to those before it:\n", a.Reform)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  GAP\tchange\treserve runs out\t\n")
		fmt.Fprintf(tw, "  %s\t\t%s\t%s\n", percent(a.BaseMetrics.GAP), depletion(a.BaseMetrics), st.Scenarios[0].Name)
		for _, s := range a.Steps {
			fmt.Fprintf(tw, "  %s\t%+.2f\t%s\t+ %s\n", percent(s.Metrics.GAP), 100*s.Marginal.GAP, depletion(s.Metrics), s.Change)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	for _, s := range res.Solutions {
		fmt.Fprintf(w, "\n%s: %v = %s (%s), %d projections; with it the GAP is %s and the reserve runs out in %s\n",
			s.Name, s.Problem.Lever, percent(s.Solution.Value), s.Problem.Target, s.Solution.Runs,
			percent(s.Solution.Metrics.GAP), depletion(s.Solution.Metrics))
	}
	if len(charts) > 0 {
		fmt.Fprintf(w, "\nCharts: %s\n", strings.Join(charts, ", "))
	}
	return nil
}

// writeCharts draws the reserve paths and cost rates of the outcomes into
// dir, as stem-reserve.png and stem-cost-rate.png, and returns their paths.
func writeCharts(dir, stem string, outs []reform.Outcome) ([]string, error) {
	reserve, err := chart.ReservePaths(outs, reform.UnitsMillions)
	if err != nil {
		return nil, err
	}
	cost, err := chart.CostRate(outs)
	if err != nil {
		return nil, err
	}
	paths := []string{filepath.Join(dir, stem+"-reserve.png"), filepath.Join(dir, stem+"-cost-rate.png")}
	for k, p := range []*plot.Plot{reserve, cost} {
		if err := chart.Save(p, 8*vg.Inch, 5*vg.Inch, paths[k]); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// percent formats a fraction as a percentage with two decimals.
func percent(v float64) string { return strconv.FormatFloat(100*v, 'f', 2, 64) + "%" }

// depletion formats a depletion year: "2027", or "none by 2121".
func depletion(m reform.Metrics) string {
	if m.DepletionYear == 0 {
		return "none by " + strconv.Itoa(m.LastYear())
	}
	return strconv.Itoa(m.DepletionYear)
}

// sources prints the legal source of each rule entry of a scenario.
func sources(w io.Writer, sc scheme.Scenario) {
	fmt.Fprintf(w, "%s: the rules and their sources\n", sc.Name)
	for _, g := range sc.Scheme.Groups {
		for _, r := range g.Rules {
			src := r.Source.String()
			if src == "" {
				src = "(no source cited)"
			}
			fmt.Fprintf(w, "  %-40s from %d: %s\n", g.Name, r.From, src)
		}
	}
	fmt.Fprintln(w)
}
