package projection_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
)

// TestRunScenariosReuse: a worker's projector reused from scheme to scheme,
// sharing the tables of the schemes' common assumptions and rules, gives
// the results of a fresh projector for each, bit for bit, whatever changes
// between them: the contribution rate (the exits are shared), retirement
// conditions (recompiled), the salary scale (decrements and ratios
// recompiled), the census (youngest entry age), service tables, refunds and
// mortality.
func TestRunScenariosReuse(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	variant := func(name string, edit func(s *scheme.Scheme)) *scheme.Scheme {
		s := actuarialtest.ReferenceScheme(t, 65)
		s.Name, s.Assumptions = name, base.Assumptions
		edit(s)
		return s
	}
	later := base.Groups[0].Rules[0]
	later.From = 2030
	schemes := []*scheme.Scheme{
		base,
		variant("rate", func(s *scheme.Scheme) {
			r := later
			r.ContributionRate[scheme.Employer] = actuarial.Constant(0.2)
			s.Groups[0].Rules = append(s.Groups[0].Rules, r)
		}),
		variant("compulsory", func(s *scheme.Scheme) {
			r := later
			r.CompulsoryAge = [actuarial.NumSexes]int{62, 62}
			s.Groups[0].Rules = append(s.Groups[0].Rules, r)
		}),
		variant("census", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Retirement.ReferenceYears = 3
			s.Groups[0].Rules[0].Disability.ReferenceYears = 2
			s.Assumptions.Entrants.Mode = scheme.ClosedGroup
			a := s.Groups[0].Actives
			ns := a.LastService() + 1
			for c := range a.Count {
				if age, sv := c/ns%(census.MaxCensusAge+1), c%ns; age-sv < 25 {
					a.Count[c], a.Salary[c] = 0, 0
				}
			}
		}),
		variant("reference years", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Retirement.ReferenceYears = 3
			s.Groups[0].Rules[0].Disability.ReferenceYears = 2
		}),
		variant("salary", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Retirement.ReferenceYears = 3
			s.Groups[0].Rules[0].Disability.ReferenceYears = 2
			s.Assumptions.Salary.ByService = []float64{0.01}
		}),
		variant("no refunds", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].RefundShare = 0
		}),
		variant("service tables", func(s *scheme.Scheme) {
			s.Assumptions.Decrements[1] = s.Assumptions.Decrements[0]
		}),
		variant("mortality", func(s *scheme.Scheme) {
			s.Assumptions.Mortality[scheme.StatusActive][1] = s.Assumptions.Mortality[scheme.StatusActive][0]
		}),
		base,
	}
	const years = 40
	got, err := projection.RunScenarios(schemes, years, 1)
	require.NoError(t, err)
	for i, s := range schemes {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		want, err := p.Run(nil, years)
		require.NoError(t, err)
		assert.Equal(t, want, got[i], "scheme %d (%s)", i, s.Name)
		if i > 0 && s != base {
			assert.NotEqual(t, got[0].Years[years-1].ReserveEnd, got[i].Years[years-1].ReserveEnd, "%s differs from the base", s.Name)
		}
	}
}

// TestProjectorReset: a zero Projector Reset for a scheme projects it as
// NewProjector's does; Reset to an invalid scheme is the validation's
// error and leaves the projector as it was.
func TestProjectorReset(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	fresh, err := projection.NewProjector(s)
	require.NoError(t, err)
	want, err := fresh.Run(nil, 20)
	require.NoError(t, err)
	var p projection.Projector
	require.NoError(t, p.Reset(s))
	got, err := p.Run(nil, 20)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	bad := actuarialtest.ReferenceScheme(t, 65)
	bad.Groups[0].Rules = nil
	assert.ErrorIs(t, p.Reset(bad), scheme.ErrRequired)
	got, err = p.Run(got, 20)
	require.NoError(t, err)
	assert.Equal(t, want, got, "still the projector of s")
}
