// The input of the report: the results and what the actuary says about them.

package htmlreport

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/reform"
	"golang.org/x/text/language"
)

// Basis is where an assumption comes from. The zero value is not a basis:
// an assumption without one is an error.
type Basis int

// The bases of an assumption.
const (
	Published  Basis = iota + 1 // taken from an official publication (a mortality table, a law)
	Calibrated                  // fitted to the scheme's own data
	Judgement                   // set by the actuary
)

// Valid reports whether b is one of the bases above.
func (b Basis) Valid() bool { return b >= Published && b <= Judgement }

// Assumption is one assumption of the valuation, as the report lists it.
type Assumption struct {
	Name   string // what is assumed: "mortality of actives"; not empty
	Value  string // its value as written: "EMSSA-09, men and women"; not empty
	Basis  Basis  // where it comes from; required
	Source string // the publication or data it comes from; "": none given
}

// Rule is one rule of the scheme as the law states it.
type Rule struct {
	Name      string // what the rule governs: "retirement age"; not empty
	Provision string // what it says: "65 with 10 years of service"; not empty
	Source    string // the legal source: "Ley del ISSTEY, art. 78"; "": none given
}

// Input is what the report shows. Only Outcomes is required; every other
// field adds a section or a table, and is left out when empty.
type Input struct {
	// Title is the title of the report; "": the catalogue's "Actuarial
	// valuation report" in the report's language.
	Title string
	// Scheme names the scheme valued, under the title; "": none.
	Scheme string
	// Findings are paragraphs the actuary writes at the head of the
	// summary of findings, before the key figures the report computes.
	Findings []string
	// Law are the rules of the scheme with their legal sources.
	Law []Rule
	// Assumptions are the assumptions of the valuation.
	Assumptions []Assumption
	// Outcomes are the scenarios, the base first, each with its Result and
	// Summary, all over the same years (as [reform.NewReport] needs them).
	Outcomes []reform.Outcome
	// Detail is the base projected with the projector's detail by cell,
	// for the population pyramids; nil: the base's Result when it has
	// that detail, else no pyramid.
	Detail *projection.Result
	// PyramidYears are the calendar years of the pyramids; nil: the first
	// and last projected years.
	PyramidYears []int
	// Attributions split reforms' effects among their measures; each is
	// shown under the reform of Outcomes with its Reform name.
	Attributions []*reform.Attribution
	// Sensitivity is the base's sensitivity to its assumptions; nil: no
	// sensitivity section.
	Sensitivity *reform.Tornado
	// Stochastic are regimes projected over many economic scenarios
	// (package stochastic), all with the same years; nil: no uncertainty
	// section.
	Stochastic []StochasticRegime
	// Gains are who gains and who loses under reforms; nil: no such
	// section.
	Gains []ReformGains
	// Tables are the options of the tables (Step, Units, MoneyDecimals,
	// RatioYears); their Language and Grouping are set from [Options].
	Tables reform.ReportOptions
}

// StochasticRegime is one regime projected over many scenarios. When
// Name is also the name of one of the Outcomes, that deterministic
// projection's reserve is drawn dashed on the regime's fan.
type StochasticRegime struct {
	Name     string               // the regime: "base"; not empty
	Outcomes *stochastic.Outcomes // its outcomes; not nil, with scenarios
}

// ReformGains is who gains and who loses under one reform.
type ReformGains struct {
	Reform string        // the reform's name; not empty
	Gains  *reform.Gains // from [reform.WhoGains]; not nil, with cohorts
}

// Options are the options of the page. The zero value writes it in
// English.
type Options struct {
	// Language is English or Spanish as written in Mexico (any Spanish
	// tag gives es-MX); the zero value (language.Und) is English; another
	// language is an error wrapping [ErrInput].
	Language language.Tag
}

// validate checks the fields of the input that the tables and charts do
// not check themselves.
func (in *Input) validate() error {
	for i, a := range in.Assumptions {
		switch {
		case a.Name == "":
			return fmt.Errorf("htmlreport: Assumptions[%d]: empty Name: %w", i, ErrInput)
		case a.Value == "":
			return fmt.Errorf("htmlreport: Assumptions[%d] (%q): empty Value: %w", i, a.Name, ErrInput)
		case !a.Basis.Valid():
			return fmt.Errorf("htmlreport: Assumptions[%d] (%q): Basis %d is not Published, Calibrated or Judgement: %w", i, a.Name, int(a.Basis), ErrInput)
		}
	}
	for i, r := range in.Law {
		switch {
		case r.Name == "":
			return fmt.Errorf("htmlreport: Law[%d]: empty Name: %w", i, ErrInput)
		case r.Provision == "":
			return fmt.Errorf("htmlreport: Law[%d] (%q): empty Provision: %w", i, r.Name, ErrInput)
		}
	}
	for i, a := range in.Attributions {
		if a == nil {
			return fmt.Errorf("htmlreport: Attributions[%d] is nil: %w", i, ErrInput)
		}
		found := false
		for _, o := range in.Outcomes[1:] {
			found = found || o.Name == a.Reform
		}
		if !found {
			return fmt.Errorf("htmlreport: Attributions[%d]: reform %q is not among the Outcomes: %w", i, a.Reform, ErrInput)
		}
	}
	for i, r := range in.Stochastic {
		switch {
		case r.Name == "":
			return fmt.Errorf("htmlreport: Stochastic[%d]: empty Name: %w", i, ErrInput)
		case r.Outcomes == nil || r.Outcomes.Len() == 0 || r.Outcomes.Years == 0:
			return fmt.Errorf("htmlreport: Stochastic[%d] (%q): no outcomes: %w", i, r.Name, ErrInput)
		case r.Outcomes.StartYear != in.Stochastic[0].Outcomes.StartYear || r.Outcomes.Years != in.Stochastic[0].Outcomes.Years:
			return fmt.Errorf("htmlreport: Stochastic[%d] (%q): years %d+%d, not %d+%d as Stochastic[0]: %w", i, r.Name,
				r.Outcomes.StartYear, r.Outcomes.Years, in.Stochastic[0].Outcomes.StartYear, in.Stochastic[0].Outcomes.Years, ErrInput)
		}
	}
	for i, g := range in.Gains {
		switch {
		case g.Reform == "":
			return fmt.Errorf("htmlreport: Gains[%d]: empty Reform: %w", i, ErrInput)
		case g.Gains == nil || len(g.Gains.Cohorts) == 0:
			return fmt.Errorf("htmlreport: Gains[%d] (%q): no cohort: %w", i, g.Reform, ErrInput)
		}
	}
	if in.Sensitivity != nil && len(in.Sensitivity.Bars) == 0 {
		return fmt.Errorf("htmlreport: Sensitivity has no bars: %w", ErrInput)
	}
	return nil
}
