package reform

import "github.com/reserva-go/reserva/actuarial"

// Outcome is one projected scenario: its name, its projection and its
// indicators over the comparison's horizon.
type Outcome struct {
	Name    string             // the scenario's name: "base", or the reform's
	Result  *actuarial.Result  // the projection
	Summary *actuarial.Summary // the indicators of the projection
}
