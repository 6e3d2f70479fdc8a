// The Change interface and the edits of a group's timeline of rules that
// every change shares.

package reform

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Change is one parametric measure of a reform, a value of one of this
// package's change types: [ContributionRate], [RetirementConditions],
// [AccrualTable], [ReferencePeriod], [PensionCap], [PensionFloor],
// [PensionGuarantee], [AutomaticBalancing], [SustainabilityFactor],
// [Indexation], [SurvivorShare], [ContributionCeiling], or [RulesEdit] for
// any other edit of [scheme.Rules].
//
// Every change has the same three scoping fields:
//
//   - Year, the calendar year it takes effect (1 January), not before the
//     scheme's StartYear;
//   - Groups, the names of the base scheme's member groups it concerns
//     (nil: every group); each named group must exist and be affected;
//   - Who, the transition rule: which members of those groups it reaches
//     (the zero value: everyone).
//
// A change to the rules from Year on is a law change: it inserts an entry
// taking effect in Year into the group's timeline of [scheme.Rules] (a
// copy of the rules in force then, changed) and changes every later entry
// the same way, since a law persists until another changes it. A change
// that would alter nothing is an error ([ErrNoEffect]).
//
// The interface is closed: its methods are unexported, so that every change
// is checked the same way. [RulesEdit] covers the edits the types do not.
type Change interface {
	fmt.Stringer
	// scope returns the change's Year, Groups and Who.
	scope() scope
	// validate checks the change's own values, before it meets a scheme.
	validate() error
	// edit changes a copy of one group's timeline (which it may extend
	// and return) and reports whether anything changed for the members
	// under it. s is the reformed scheme so far, for context.
	edit(s *scheme.Scheme, rules []scheme.Rules) ([]scheme.Rules, bool, error)
}

// scope is the scoping of a change: its effective year, groups and rule.
type scope struct {
	year   int
	groups []string
	who    Who
}

// String describes the scope for a change's description: "" for every
// group and everyone.
func (sc scope) String() string {
	var parts []string
	if sc.groups != nil {
		parts = append(parts, "groups "+strings.Join(sc.groups, ", "))
	}
	if !sc.who.everyone() {
		parts = append(parts, sc.who.label(sc.year))
	}
	if len(parts) == 0 {
		return ""
	}
	return " [" + strings.Join(parts, "; ") + "]"
}

// pct formats a fraction as a percentage: 0.155 is "15.5%".
func pct(v float64) string { return fmt.Sprintf("%.4g%%", 100*v) }

// splitAt returns the timeline with an entry taking effect in each of the
// given years (a copy of the entry in force then, unless one already takes
// effect that year). The years must not precede the first entry.
func splitAt(rules []scheme.Rules, years ...int) []scheme.Rules {
	for _, y := range years {
		i := inForce(rules, y)
		if rules[i].From == y {
			continue
		}
		r := cloneRules(&rules[i])
		r.From = y
		rules = slices.Insert(rules, i+1, r)
	}
	return rules
}

// inForce returns the index of the entry in force in year y: the last with
// From ≤ y (0 if none is).
func inForce(rules []scheme.Rules, y int) int {
	i := 0
	for k := range rules {
		if rules[k].From > y {
			break
		}
		i = k
	}
	return i
}

// span returns the calendar years entry i of a timeline is in force: from
// its From to the year before the next entry (math.MaxInt for the last).
func span(rules []scheme.Rules, i int) (lo, hi int) {
	hi = math.MaxInt
	if i+1 < len(rules) {
		hi = rules[i+1].From - 1
	}
	return rules[i].From, hi
}

// editFrom splits the timeline at each of the years (the first is the
// change's effective year) and calls f on every entry in force from the
// first year on, with the years it is in force; it reports whether f
// changed any.
func editFrom(rules []scheme.Rules, years []int, f func(r *scheme.Rules, lo, hi int) (bool, error)) ([]scheme.Rules, bool, error) {
	rules = splitAt(rules, years...)
	changed := false
	for i := range rules {
		if rules[i].From < years[0] {
			continue
		}
		lo, hi := span(rules, i)
		c, err := f(&rules[i], lo, hi)
		if err != nil {
			return nil, false, err
		}
		changed = changed || c
	}
	return rules, changed, nil
}

// sameOver reports whether two schedules give the same value in every
// calendar year from lo to hi.
func sameOver(a, b actuarial.Schedule, lo, hi int) bool {
	if a.At(lo) != b.At(lo) {
		return false
	}
	for _, s := range [2]actuarial.Schedule{a, b} {
		for _, st := range s {
			if st.Year > lo && st.Year <= hi && a.At(st.Year) != b.At(st.Year) {
				return false
			}
		}
	}
	return true
}

// checkRate reports a rate that is not a fraction in [0, 1].
func checkRate(field string, v float64) error {
	if !(v >= 0 && v <= 1) {
		return fmt.Errorf("%w: %s %v: want a fraction in [0, 1]", ErrInvalid, field, v)
	}
	return nil
}

// checkLimit reports a limit with a negative or non-finite amount.
func checkLimit(field string, l actuarial.Limit) error {
	for _, v := range [2]float64{l.Money, l.Units} {
		if !(v >= 0) || math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s %+v: want finite amounts ≥ 0", ErrInvalid, field, l)
		}
	}
	return nil
}

// limitString describes a limit: "10 units", "120000", "none".
func limitString(l actuarial.Limit) string {
	switch {
	case l.Money > 0 && l.Units > 0:
		return fmt.Sprintf("the lower of %g and %g units", l.Money, l.Units)
	case l.Money > 0:
		return fmt.Sprintf("%g", l.Money)
	case l.Units > 0:
		return fmt.Sprintf("%g units", l.Units)
	}
	return "none"
}
