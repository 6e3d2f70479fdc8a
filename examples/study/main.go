// Command study runs a study file: it reads the schemes, census and
// mortality the file describes (docs/study-format.md), projects every
// scenario and prints the text report, or with -json the results as JSON
// (package reformjson's Comparison: snake_case names with their units,
// calendar years, null for values that do not exist).
//
//	go run ./examples/study testdata/isstey/study.json
//	go run ./examples/study -json testdata/isstey/study.json
//
// Each scenario is projected as it is (reform.Compare with no reforms) and
// summarized over the projection at its own returns; the first scenario is
// the base of the report's differences.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/reformjson"
)

func main() {
	asJSON := flag.Bool("json", false, "print the results as JSON instead of the text report")
	step := flag.Int("step", 10, "show every step-th year in the text report")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: study [-json] [-step n] STUDY.json")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, flag.Arg(0), *asJSON, *step); err != nil {
		fmt.Fprintln(os.Stderr, "study:", err)
		os.Exit(1)
	}
}

// Run projects the study file name and writes its report or JSON to w.
func run(w io.Writer, name string, asJSON bool, step int) error {
	st, err := scheme.ReadStudyFile(name)
	if err != nil {
		return err
	}
	outcomes, err := Project(st)
	if err != nil {
		return err
	}
	if asJSON {
		c, err := reformjson.FromOutcomes(st.Name, st.Currency, outcomes)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	}
	if st.Name != "" {
		fmt.Fprintf(w, "%s\n\n", st.Name)
	}
	for _, sc := range st.Scenarios {
		if err := sources(w, sc); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "Money in millions of %s.\n\n", st.Currency)
	return reform.WriteText(w, outcomes, reform.ReportOptions{Step: step, Units: reform.UnitsMillions})
}

// Project projects each scenario of a study over its Years (reform's
// DefaultYears when 0) and names the outcomes after the scenarios.
func Project(st *scheme.Study) ([]reform.Outcome, error) {
	if st == nil || len(st.Scenarios) == 0 {
		return nil, errors.New("a study without scenarios")
	}
	var outcomes []reform.Outcome
	for _, sc := range st.Scenarios {
		cmp, err := reform.Compare(sc.Scheme, nil, reform.Options{Years: st.Years, Workers: 1})
		if err != nil {
			return nil, fmt.Errorf("scenario %q: %w", sc.Name, err)
		}
		o := cmp.Outcomes[0]
		o.Name = sc.Name
		outcomes = append(outcomes, o)
	}
	return outcomes, nil
}

// sources prints the legal source of each rule entry of a scenario.
func sources(w io.Writer, sc scheme.Scenario) error {
	fmt.Fprintf(w, "%s: the rules and their sources\n", sc.Name)
	for _, g := range sc.Scheme.Groups {
		for _, r := range g.Rules {
			src := r.Source.String()
			if src == "" {
				src = "(no source cited)"
			}
			if _, err := fmt.Fprintf(w, "  %-40s from %d: %s\n", g.Name, r.From, src); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
