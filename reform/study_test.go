package reform_test

import (
	"bytes"
	"testing"

	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
)

// TestStudyRoundTripReformed writes schemes that reforms have reshaped —
// groups split by a transition rule, entrant groups, phase-in schedules —
// as study files, reads them back and projects both: the results are
// identical (tolerance 0; encoding/json writes each float64 in a form that
// parses back to it).
func TestStudyRoundTripReformed(t *testing.T) {
	const years = 60
	ref := actuarialtest.ReferenceScheme(t, 0)
	split, err := reform.Reform{Name: "split", Changes: []reform.Change{
		reform.ContributionRate{Year: 2028, Payer: scheme.Worker, Rate: 0.09, Step: 0.005, Who: reform.Who{ServiceBelow: 10}},
		reform.ContributionRate{Year: 2030, Payer: scheme.Employer, Rate: 0.12, Who: reform.Who{NewEntrants: true}},
	}}.Apply(ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(split.Groups) < 2 || len(split.Transitions) == 0 {
		t.Fatalf("the reform made %d groups and %d transitions", len(split.Groups), len(split.Transitions))
	}
	for name, s := range map[string]*scheme.Scheme{
		"fixture": reformtest.Scheme(t, "fixture", 1e6, 0.1, 2030, 0.12),
		"split":   split,
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := scheme.EncodeStudy(&buf, s, scheme.EncodeOptions{Currency: "EUR"}); err != nil {
				t.Fatal(err)
			}
			st, err := scheme.DecodeStudy(&buf, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			var res [2]*projection.Result
			for i, sc := range []*scheme.Scheme{s, st.Scenarios[0].Scheme} {
				p, err := projection.NewProjector(sc)
				if err != nil {
					t.Fatal(err)
				}
				if res[i], err = p.Run(nil, years); err != nil {
					t.Fatal(err)
				}
			}
			for y := range res[0].Years {
				if res[0].Years[y] != res[1].Years[y] {
					t.Fatalf("year %d differs:\n%+v\n%+v", res[0].Years[y].Year, res[0].Years[y], res[1].Years[y])
				}
			}
		})
	}
}
