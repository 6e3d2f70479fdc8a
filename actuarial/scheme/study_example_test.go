package scheme_test

import (
	"fmt"
	"strings"

	"github.com/reserva-go/reserva/actuarial/scheme"
)

// ExampleDecodeStudy reads a small study with a rule cited to its law, and
// shows the error of a bad value: its line and JSON path.
func ExampleDecodeStudy() {
	st, err := scheme.DecodeStudy(strings.NewReader(minimal), ".")
	if err != nil {
		fmt.Println(err)
		return
	}
	s := st.Scenarios[0].Scheme
	r := s.Groups[0].Rules[0]
	fmt.Printf("%s from %d: worker %.0f%%, employer %.0f%% in 2030, indexed to %v (%v)\n",
		st.Scenarios[0].Name, r.From, 100*r.ContributionRate[scheme.Worker].At(2030),
		100*r.ContributionRate[scheme.Employer].At(2030), r.Indexation, r.Source)

	bad := strings.Replace(minimal, `"min_age": 60, "min_service": 30`, `"min_age": -5, "min_service": 30`, 1)
	_, err = scheme.DecodeStudy(strings.NewReader(bad), ".")
	fmt.Println(err)
	// Output:
	// tiny from 2025: worker 8%, employer 12% in 2030, indexed to prices (art. 52, Decree 68, 1976)
	// line 19: groups[0].rules[0].eligibility.full.both[0].min_age: -5: value outside its valid range: want 0..120
}
