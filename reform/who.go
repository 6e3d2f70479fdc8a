// Transition rules: which members a change reaches.

package reform

import (
	"fmt"
	"strings"
)

// Who says which members of a group a change reaches: its transition rule.
// The zero value is everyone: actives, new entrants and (for the rules that
// concern them: indexation, survivors' pensions) pensioners.
//
// Any other rule splits the group on the change's effective date: the
// members it selects, and every member joining the group from that date on,
// move to a new group that carries the new rules; the others stay under the
// old ones (their rights are grandfathered). Pensions in payment stay in
// their group. A selected member's position is judged on 1 January of the
// change's Year, as [scheme.Transition] judges it.
//
// Grandfathering a share of the new benefit — "those with up to 25 years of
// service get 90% of the new formula" — is a rule and a share:
// AccrualTable{Who: Who{ServiceBelow: 26}, Accrual: newTable, Share: 0.9}.
type Who struct {
	// NewEntrants, when set, reaches only the members who join from the
	// change's Year on; the census members and earlier entrants keep the
	// rules in force. It cannot be combined with the other fields.
	NewEntrants bool
	// ServiceBelow, when positive, reaches the members with fewer than
	// this many completed years of service on 1 January of the change's
	// Year, and new entrants from then on.
	ServiceBelow int
	// AgeBelow, when positive, reaches the members younger than this (age
	// last birthday) on 1 January of the change's Year, and new entrants
	// from then on. With ServiceBelow too, meeting either condition
	// suffices.
	AgeBelow int
}

// everyone reports whether w is the zero rule.
func (w Who) everyone() bool { return w == Who{} }

// validate checks the rule's own fields.
func (w Who) validate() error {
	switch {
	case w.ServiceBelow < 0 || w.AgeBelow < 0:
		return fmt.Errorf("%w: Who{ServiceBelow: %d, AgeBelow: %d}: want values ≥ 0", ErrInvalid, w.ServiceBelow, w.AgeBelow)
	case w.NewEntrants && (w.ServiceBelow != 0 || w.AgeBelow != 0):
		return fmt.Errorf("%w: Who: NewEntrants with a service or age condition: new entrants are reached by both already", ErrInvalid)
	}
	return nil
}

// label describes the members the rule reaches, for a change from year.
func (w Who) label(year int) string {
	if w.NewEntrants {
		return fmt.Sprintf("entrants from %d", year)
	}
	var parts []string
	if w.ServiceBelow > 0 {
		parts = append(parts, fmt.Sprintf("service < %d", w.ServiceBelow))
	}
	if w.AgeBelow > 0 {
		parts = append(parts, fmt.Sprintf("age < %d", w.AgeBelow))
	}
	if len(parts) == 0 {
		return "everyone"
	}
	return strings.Join(parts, " or ") + fmt.Sprintf(" in %d", year)
}
