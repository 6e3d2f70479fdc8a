// A change with the legal text it models.

package reform

import (
	"fmt"

	"github.com/reserva-go/reserva/actuarial/scheme"
)

// Cited is a change with the legal source it models: it applies exactly as
// its Change does, and describes itself as that change's description
// followed by the source ("worker contribution rate 11% from 2026 —
// 2025 reform, 2025-10-24"), so that attributions, errors and reports name
// the law a measure comes from. A study file writes a cited change's
// source beside its type ({"source": {"law": "Decree 532/2022"},
// "survivor_share": {...}}).
type Cited struct {
	Change               // the change; required, and not itself a Cited
	Source scheme.Source // the legal text; the zero Source cites nothing
}

// Description returns the cited change's own description, without the
// source.
func (c Cited) Description() string { return c.Change.String() }

func (c Cited) String() string {
	if c.Change == nil {
		return "a cited nil change"
	}
	if c.Source.IsZero() {
		return c.Change.String()
	}
	return c.Change.String() + " — " + c.Source.String()
}

func (c Cited) validate() error {
	switch c.Change.(type) {
	case nil:
		return fmt.Errorf("%w: a Cited change without its Change", ErrInvalid)
	case Cited:
		return fmt.Errorf("%w: a Cited change cites a Cited change", ErrInvalid)
	}
	return c.Change.validate()
}
