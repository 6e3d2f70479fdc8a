// A reform, and applying it to a scheme: the deep copy, the member groups a
// transition rule splits off, and the strictness checks.

package reform

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Reform is a named list of changes: a law, or a proposal. The changes are
// applied in order, each to the scheme as the ones before it left it, so a
// later change of the same rule overrides an earlier one from its year on.
type Reform struct {
	Name    string   // the scenario's name in outputs
	Changes []Change // the measures, in order; at least one
}

// Apply returns a copy of s with the reform's changes made; s itself is
// never modified (every slice and schedule of the copy is new; mortality
// and service tables, which are immutable, are shared).
//
// Applying is strict. It returns a [*ChangeError] naming the change and,
// where it matters, the group, when a change takes effect before
// s.StartYear ([ErrBeforeStart]), names a group s does not have
// ([ErrUnknownGroup]), has a value out of range ([ErrInvalid]), or would
// affect nobody ([ErrNoEffect]): it sets what is already in force, its
// transition rule selects no member, or a group it names explicitly is not
// changed by it. Whether a rule selects anyone is judged from the census
// aged to the change's year (members of age x and service s are aged
// x + d with service s + d, d years later) and from the new entrants, who
// are reached when they join a group the change concerns. A scheme that
// fails [scheme.Scheme.Validate], before or after a change, is an error
// too.
//
// How changes become rules: see [Change]. A transition rule other than
// everyone ([Who]) adds a member group, named after the group it splits and
// the rule ("civil servants (service < 10 in 2027)"), with a copy of that
// group's rules changed from the change's Year: an [scheme.Transition]
// moves the members it selects on 1 January of Year, and
// Scheme.EntrantGroups sends the group's new entrants to it from then on.
// Changes with the same Year and rule share that group; a change naming a
// base group also reaches the groups split off it (for everyone, or for a
// different rule by splitting them in turn), so that members who moved
// keep every measure that concerns them.
func (r Reform) Apply(s *scheme.Scheme) (*scheme.Scheme, error) {
	return r.apply(s, len(r.Changes))
}

// applyShared is Apply for a scheme that stays inside the package (a
// comparison's scenario, projected and dropped): the copy shares with s
// what no change modifies, the census cells, the assumptions and the rule
// timelines a change leaves alone, instead of copying them
// ([cloneSchemeCensus]), and valid is the error of s.Validate(), found once for all the reforms
// applied to s. The reformed scheme is not validated here: the
// projector's Reset validates it next, and runOne reports its error as
// Apply would (a *ChangeError on "the reformed scheme"), so that a
// comparison validates each scheme once.
func (r Reform) applyShared(s *scheme.Scheme, valid error) (*scheme.Scheme, error) {
	return r.applyN(s, len(r.Changes), true, &valid)
}

// apply applies the first n changes.
func (r Reform) apply(s *scheme.Scheme, n int) (*scheme.Scheme, error) {
	return r.applyN(s, n, false, nil)
}

// applyN applies the first n changes to a copy of s, sharing its census
// cells when shareCensus is set. valid is the error of s.Validate(); nil:
// to find.
func (r Reform) applyN(s *scheme.Scheme, n int, shareCensus bool, valid *error) (*scheme.Scheme, error) {
	if s == nil {
		panic("reform: Apply to a nil scheme")
	}
	if valid == nil {
		err := s.Validate()
		valid = &err
	}
	if err := *valid; err != nil {
		return nil, &ChangeError{Reform: r.Name, Index: -1, Err: fmt.Errorf("the base scheme: %w", err)}
	}
	if len(r.Changes) == 0 {
		return nil, &ChangeError{Reform: r.Name, Index: -1, Err: fmt.Errorf("%w: the reform has no changes", ErrNoEffect)}
	}
	a := newApplier(s, shareCensus)
	for i, c := range r.Changes[:n] {
		if c == nil {
			return nil, &ChangeError{Reform: r.Name, Index: i, Change: "nil", Err: fmt.Errorf("%w: nil change", ErrInvalid)}
		}
		if err := a.apply(c); err != nil {
			var ce *ChangeError
			if errors.As(err, &ce) {
				ce.Reform, ce.Index, ce.Change = r.Name, i, c.String()
				return nil, ce
			}
			return nil, &ChangeError{Reform: r.Name, Index: i, Change: c.String(), Err: err}
		}
	}
	if !shareCensus {
		// Each change checks the rules it makes; this is a last guard
		// (applyShared leaves it to the projector's Reset: see runOne).
		if err := a.s.Validate(); err != nil {
			return nil, reformedError(r.Name, err)
		}
	}
	return a.s, nil
}

// reformedError is the error of a reformed scheme that fails validation.
func reformedError(name string, err error) error {
	return &ChangeError{Reform: name, Index: -1, Err: fmt.Errorf("the reformed scheme: %w", err)}
}

// cohortKey identifies a split: the rule and the year it applies from.
type cohortKey struct {
	year int
	who  Who
}

// applier applies changes to its copy of a scheme, remembering which groups
// it split off which.
type applier struct {
	s      *scheme.Scheme
	nBase  int            // the base scheme's groups are s.Groups[:nBase]
	origin []int          // by group: the base group it descends from (itself for a base group)
	parent []int          // by group: the group it was split off; −1 for a base group
	keys   [][]cohortKey  // by group: the splits that made it, its ancestors' first
	names  map[string]int // base group name → index; −1 when several groups share it
}

func newApplier(s *scheme.Scheme, shareCensus bool) *applier {
	a := &applier{s: cloneSchemeCensus(s, !shareCensus), nBase: len(s.Groups), names: make(map[string]int, len(s.Groups))}
	for i, g := range s.Groups {
		a.origin = append(a.origin, i)
		a.parent = append(a.parent, -1)
		a.keys = append(a.keys, nil)
		if _, dup := a.names[g.Name]; dup {
			a.names[g.Name] = -1
		} else {
			a.names[g.Name] = i
		}
	}
	return a
}

// apply makes one change.
func (a *applier) apply(c Change) error {
	if err := c.validate(); err != nil {
		return err
	}
	sc := c.scope()
	if sc.year < a.s.StartYear {
		return fmt.Errorf("%w: Year %d, start year %d", ErrBeforeStart, sc.year, a.s.StartYear)
	}
	if err := sc.who.validate(); err != nil {
		return err
	}
	bases, err := a.targets(sc.groups)
	if err != nil {
		return err
	}
	hit := false
	var whys []string
	for _, b := range bases {
		affected, why, err := a.applyTo(c, b, cohortKey{sc.year, sc.who})
		if err != nil {
			return &ChangeError{Group: a.s.Groups[b].Name, Err: err}
		}
		if sc.groups != nil && !affected {
			return &ChangeError{Group: a.s.Groups[b].Name, Err: fmt.Errorf("%w: %s", ErrNoEffect, why)}
		}
		if !affected {
			whys = append(whys, fmt.Sprintf("group %q: %s", a.s.Groups[b].Name, why))
		}
		hit = hit || affected
	}
	if !hit {
		return fmt.Errorf("%w: %s", ErrNoEffect, strings.Join(whys, "; "))
	}
	return nil
}

// edit makes change c on a copy of group g's timeline and checks the rules
// it changed.
func (a *applier) edit(c Change, g int) ([]scheme.Rules, bool, error) {
	rules, changed, err := c.edit(a.s, cloneTimeline(a.s.Groups[g].Rules))
	if err != nil || !changed {
		return nil, false, err
	}
	y := c.scope().year
	for i := range rules {
		if rules[i].From < y {
			continue
		}
		if err := rules[i].Validate(); err != nil {
			return nil, false, fmt.Errorf("the reformed rules from %d: %w", rules[i].From, err)
		}
	}
	return rules, true, nil
}

// targets resolves group names to base group indexes; nil: every base group.
func (a *applier) targets(names []string) ([]int, error) {
	if names == nil {
		bs := make([]int, a.nBase)
		for i := range bs {
			bs[i] = i
		}
		return bs, nil
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: Groups is empty (nil means every group)", ErrInvalid)
	}
	var bs []int
	for _, n := range names {
		i, ok := a.names[n]
		switch {
		case !ok:
			return nil, &ChangeError{Group: n, Err: fmt.Errorf("%w: the scheme's groups are %s", ErrUnknownGroup, a.groupNames())}
		case i < 0:
			return nil, &ChangeError{Group: n, Err: fmt.Errorf("%w: several groups are named %q", ErrUnknownGroup, n)}
		case slices.Contains(bs, i):
			return nil, &ChangeError{Group: n, Err: fmt.Errorf("%w: group named twice", ErrInvalid)}
		}
		bs = append(bs, i)
	}
	return bs, nil
}

func (a *applier) groupNames() string {
	var s string
	for i := range a.nBase {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", a.s.Groups[i].Name)
	}
	return s
}

// applyTo makes change c on base group b and the groups split off it, and
// reports whether any changed; if none did, why says why.
func (a *applier) applyTo(c Change, b int, key cohortKey) (affected bool, why string, err error) {
	why = "the values are already in force"
	n := len(a.s.Groups) // groups split off below are made with the change
	for gi := range n {
		if a.origin[gi] != b {
			continue
		}
		if key.who.everyone() || slices.Contains(a.keys[gi], key) {
			// Every member of the group is reached.
			rules, changed, err := a.edit(c, gi)
			if err != nil {
				return false, "", err
			}
			if changed {
				a.s.Groups[gi].Rules = rules
				affected = true
			}
			continue
		}
		if a.hasChild(gi, key) {
			continue // those selected already moved to the child, which is reached above
		}
		if ok, reason := a.selects(gi, key); !ok {
			why = reason
			continue
		}
		rules, changed, err := a.edit(c, gi)
		if err != nil {
			return false, "", err
		}
		if !changed {
			continue
		}
		a.split(gi, key, rules)
		affected = true
	}
	return affected, why, nil
}

// hasChild reports whether group g has already been split by key.
func (a *applier) hasChild(g int, key cohortKey) bool {
	for c := range a.s.Groups {
		if a.parent[c] == g && a.keys[c][len(a.keys[c])-1] == key {
			return true
		}
	}
	return false
}

// split adds the group of g's members that key selects, under rules.
func (a *applier) split(g int, key cohortKey, rules []scheme.Rules) {
	s := a.s
	child := len(s.Groups)
	s.Groups = append(s.Groups, scheme.Group{
		Name:  fmt.Sprintf("%s (%s)", s.Groups[g].Name, key.who.label(key.year)),
		Rules: rules,
	})
	a.origin = append(a.origin, a.origin[g])
	a.parent = append(a.parent, g)
	a.keys = append(a.keys, append(slices.Clone(a.keys[g]), key))
	if !key.who.NewEntrants {
		t := scheme.Transition{Year: key.year, From: g, To: child, ServiceBelow: key.who.ServiceBelow, AgeBelow: key.who.AgeBelow}
		i := len(s.Transitions)
		for i > 0 && s.Transitions[i-1].Year > key.year {
			i--
		}
		s.Transitions = slices.Insert(s.Transitions, i, t)
	}
	a.redirectEntrants(g, child, key.year)
}

// entrantGroup returns the group new entrants join in year y.
func entrantGroup(s *scheme.Scheme, y int) int {
	g := 0
	for _, e := range s.EntrantGroups {
		if e.From > y {
			break
		}
		g = e.Group
	}
	return g
}

// redirectEntrants sends the entrants who would join group from in year y
// or later to group to instead.
func (a *applier) redirectEntrants(from, to, y int) {
	s := a.s
	years := []int{y}
	for _, e := range s.EntrantGroups {
		years = append(years, e.From)
	}
	slices.Sort(years)
	years = slices.Compact(years)
	var out []scheme.GroupFrom
	prev := 0 // entrants join group 0 before the first entry
	for _, yr := range years {
		g := entrantGroup(s, yr)
		if yr >= y && g == from {
			g = to
		}
		if g != prev || slices.ContainsFunc(s.EntrantGroups, func(e scheme.GroupFrom) bool { return e.From == yr }) {
			out = append(out, scheme.GroupFrom{From: yr, Group: g})
		}
		prev = g
	}
	s.EntrantGroups = out
}

// entrantsJoin reports whether new entrants join group g in some year from
// y on.
func (a *applier) entrantsJoin(g, y int) bool {
	s := a.s
	if s.Assumptions.Entrants.Mode == scheme.ClosedGroup {
		return false
	}
	if entrantGroup(s, y) == g {
		return true
	}
	for _, e := range s.EntrantGroups {
		if e.From > y && e.Group == g {
			return true
		}
	}
	return false
}

// selects reports whether the rule of key would select anyone in group g,
// and if not why. For a base group the census is aged to the key's year;
// a group split off by this reform is taken to have members.
func (a *applier) selects(g int, key cohortKey) (bool, string) {
	w, y := key.who, key.year
	if w.NewEntrants {
		if a.entrantsJoin(g, y) {
			return true, ""
		}
		return false, fmt.Sprintf("no new entrants join the group from %d", y)
	}
	if a.entrantsJoin(g, y) || g >= a.nBase {
		return true, ""
	}
	s := a.s
	d := y - s.StartYear
	if act := s.Groups[g].Actives; act != nil {
		ms := act.MaxService
		if ms == 0 {
			ms = census.DefaultMaxService
		}
		for i, n := range act.Count {
			if n <= 0 {
				continue
			}
			age, sv := (i/(ms+1))%(census.MaxCensusAge+1), i%(ms+1)
			if w.ServiceBelow > 0 && sv+d < w.ServiceBelow || w.AgeBelow > 0 && age+d < w.AgeBelow {
				return true, ""
			}
		}
	}
	// Entrants who joined between the start year and y.
	e := &s.Assumptions.Entrants
	if e.Mode != scheme.ClosedGroup {
		for j := s.StartYear + 1; j < y; j++ {
			if entrantGroup(s, j) != g {
				continue
			}
			for _, p := range e.Profile {
				if p.Weight > 0 && (w.ServiceBelow > 0 && y-j < w.ServiceBelow || w.AgeBelow > 0 && p.Age+y-j < w.AgeBelow) {
					return true, ""
				}
			}
		}
	}
	return false, fmt.Sprintf("no member is %s (the census aged %d years, and the entrants)", w.label(y), d)
}
