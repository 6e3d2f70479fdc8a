package reform

import (
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
)

// Outcome is one projected scenario: its name, its projection and its
// indicators over the comparison's horizon.
type Outcome struct {
	Name    string             // the scenario's name: "base", or the reform's
	Result  *projection.Result // the projection
	Summary *indicator.Summary // the indicators of the projection
}
