package scheme_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValidateBadInput checks that each bad field of a scheme is refused
// with an error naming the field, its value (a calendar year for a
// schedule's step) and the sentinel, and that no error on a field that is
// not an age or service reads as one.
func TestValidateBadInput(t *testing.T) {
	lastAge := func(s *scheme.Scheme) int {
		return s.Assumptions.Mortality[scheme.StatusActive][0].(scheme.PeriodTable).Table.MaxAge()
	}
	cases := []struct {
		name  string
		edit  func(s *scheme.Scheme)
		field string
		value string
		err   error
	}{
		{"start year unset", func(s *scheme.Scheme) { s.StartYear = 0 }, "StartYear", "0", scheme.ErrRequired},
		{"indexation cut above 1", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Balancing = scheme.Balancing{IndexationBelow: 2, IndexationCut: 1.5}
		}, "Groups[0].Rules[0].Balancing.IndexationCut", "1.5", actuarial.ErrRange},
		{"contribution threshold without a step", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Balancing = scheme.Balancing{ContributionBelow: 2}
		}, "Groups[0].Rules[0].Balancing.ContributionStep", "0", actuarial.ErrRange},
		{"negative reserve ratio threshold", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Balancing = scheme.Balancing{IndexationBelow: -1}
		}, "Groups[0].Rules[0].Balancing.IndexationBelow", "-1", actuarial.ErrNegative},
		{"limit timing out of range", func(s *scheme.Scheme) { s.Groups[0].Rules[0].Limits = 5 }, "Groups[0].Rules[0].Limits", "LimitTiming(5)", actuarial.ErrRange},
		{"negative eligibility age", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Eligibility.Full[0] = actuarial.Conditions{{MinAge: -1, MinService: 10}}
		}, "Groups[0].Rules[0].Eligibility.Full[male][0].MinAge", "-1", actuarial.ErrRange},
		{"eligibility age above the census ages", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Eligibility.Reduced[1] = actuarial.Conditions{{MinAge: census.MaxCensusAge + 1}}
		}, "Groups[0].Rules[0].Eligibility.Reduced[female][0].MinAge", "121", actuarial.ErrRange},
		{"eligibility age above the table", func(s *scheme.Scheme) {
			a := lastAge(s) + 1
			s.Groups[0].Rules[0].Eligibility.Full[0] = actuarial.Conditions{{MinAge: a}}
		}, "Groups[0].Rules[0].Eligibility.Full[male][0].MinAge", "", scheme.ErrUnreachableAge},
		{"negative service", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Eligibility.Full[0] = actuarial.Conditions{{MinAge: 60, MinService: -5}}
		}, "Groups[0].Rules[0].Eligibility.Full[male][0].MinService", "-5", actuarial.ErrRange},
		{"cohort bounds reversed", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].Eligibility.Full[1] = actuarial.Conditions{{MinService: 30, FromCohort: 1970, ToCohort: 1960}}
		}, "Groups[0].Rules[0].Eligibility.Full[female][0].ToCohort", "1970..1960", actuarial.ErrRange},
		{"reduction by sex above 1", func(s *scheme.Scheme) { s.Groups[0].Rules[0].BySex[1].ReductionPerYear = 5 },
			"Groups[0].Rules[0].BySex[female].ReductionPerYear", "5", actuarial.ErrRate},
		{"negative reference years by sex", func(s *scheme.Scheme) { s.Groups[0].Rules[0].BySex[0].ReferenceYears = -2 },
			"Groups[0].Rules[0].BySex[male].ReferenceYears", "-2", actuarial.ErrNegative},
		{"survivor steps out of order", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].SurvivorSteps = []scheme.ShareStep{{Years: 6, Share: 0.5}, {Years: 6, Share: 0.4}}
		}, "Groups[0].Rules[0].SurvivorSteps[1].Years", "6", scheme.ErrOrder},
		{"survivor step share above 1", func(s *scheme.Scheme) {
			s.Groups[0].Rules[0].SurvivorSteps = []scheme.ShareStep{{Years: 6, Share: 50}}
		}, "Groups[0].Rules[0].SurvivorSteps[0].Share", "50", actuarial.ErrRate},
		{"orphans' end age by rule", func(s *scheme.Scheme) { s.Groups[0].Rules[0].OrphanEndAge = -1 },
			"Groups[0].Rules[0].OrphanEndAge", "-1", actuarial.ErrRange},
		{"remarriage above 1", func(s *scheme.Scheme) {
			s.Assumptions.Family.Remarriage[1] = actuarial.ByAge{MinAge: 20, Values: []float64{0.1, 2}}
		}, "Family.Remarriage[female] at age 21", "2", actuarial.ErrRate},
		{"retirement timing unknown", func(s *scheme.Scheme) { s.Assumptions.RetirementTiming = 7 },
			"RetirementTiming", "RetirementTiming(7)", actuarial.ErrRange},
		{"full age out of range", func(s *scheme.Scheme) { s.Groups[0].Rules[0].Eligibility.FullAge[1] = 200 },
			"Groups[0].Rules[0].Eligibility.FullAge[female]", "200", actuarial.ErrRange},
		{"negative full age", func(s *scheme.Scheme) { s.Groups[0].Rules[0].Eligibility.FullAge[0] = -60 },
			"Groups[0].Rules[0].Eligibility.FullAge[male]", "-60", actuarial.ErrRange},
		{"salary without members", func(s *scheme.Scheme) {
			a := s.Groups[0].Actives
			i := a.Index(actuarial.Female, 19, 0)
			a.Count[i], a.Salary[i] = 0, 5000
		}, "Groups[0].Actives amount[", "5000", scheme.ErrEmptyCell},
		{"pension without pensioners", func(s *scheme.Scheme) {
			p := s.Groups[0].Pensioners
			i := p.Index(census.PensionSurvivor, actuarial.Male, 3)
			p.Count[i], p.Pension[i] = 0, 100
		}, "Groups[0].Pensioners amount[", "100", scheme.ErrEmptyCell},
		{"return as a percent", func(s *scheme.Scheme) { s.Assumptions.Return = actuarial.Constant(6) },
			"Return in 2025", "6", scheme.ErrImplausibleRate},
		{"wage growth as a percent", func(s *scheme.Scheme) {
			s.Assumptions.WageGrowth = actuarial.Schedule{{Year: 2020, Value: 0.04}, {Year: 2030, Value: 4.5}}
		}, "WageGrowth in 2030", "4.5", scheme.ErrImplausibleRate},
		{"inflation crash", func(s *scheme.Scheme) { s.Assumptions.Inflation = actuarial.Constant(-0.6) },
			"Inflation in 2025", "-0.6", scheme.ErrImplausibleRate},
		{"unit growth as a percent", func(s *scheme.Scheme) { s.Assumptions.UnitGrowth = actuarial.Constant(3.5) },
			"UnitGrowth in 2025", "3.5", scheme.ErrImplausibleRate},
		{"entrant growth as a percent", func(s *scheme.Scheme) { s.Assumptions.Entrants.Growth = actuarial.Constant(2) },
			"Entrants.Growth in 2025", "2", scheme.ErrImplausibleRate},
		{"index rate as a percent", func(s *scheme.Scheme) {
			r := &s.Groups[0].Rules[0]
			r.Indexation, r.IndexRate = scheme.IndexFixed, actuarial.Constant(3)
		}, "Groups[0].Rules[0].IndexRate in 2025", "3", scheme.ErrImplausibleRate},
		{"admin costs as a percent", func(s *scheme.Scheme) { s.AdminCosts.ShareOfBenefits = actuarial.Constant(2) },
			"AdminCosts.ShareOfBenefits in 2025", "2", scheme.ErrImplausibleRate},
		{"return below -100% names the calendar year", func(s *scheme.Scheme) { s.Assumptions.Return = actuarial.Constant(-1.5) },
			"Return in 2025", "-1.5", actuarial.ErrInterest},
		{"extra payments NaN", func(s *scheme.Scheme) { s.Groups[0].Rules[0].ExtraPayments = math.NaN() },
			"Groups[0].Rules[0].ExtraPayments", "NaN", actuarial.ErrNotFinite},
		{"negative entrant salary", func(s *scheme.Scheme) { s.Assumptions.Entrants.Profile[0].Salary = -1 },
			"Entrants.Profile[0].Salary", "-1", actuarial.ErrNegative},
		{"negative ceiling", func(s *scheme.Scheme) { s.Groups[0].Rules[0].Ceiling.Money = -1 },
			"Groups[0].Rules[0].Ceiling", "-1", actuarial.ErrNegative},
	}
	require.NoError(t, actuarialtest.ReferenceScheme(t, 65).Validate())
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := actuarialtest.ReferenceScheme(t, 65)
			c.edit(s)
			err := s.Validate()
			require.Error(t, err)
			assert.ErrorIs(t, err, c.err)
			var se *scheme.SchemeError
			require.ErrorAs(t, err, &se)
			assert.True(t, strings.HasPrefix(se.Field, c.field), "field %q, want %q", se.Field, c.field)
			if c.value != "" {
				assert.Equal(t, c.value, se.Value)
			}
			if !errors.Is(err, actuarial.ErrRange) {
				assert.NotContains(t, err.Error(), "age or service", "a field that is not an age")
			}
		})
	}
}

// TestValidatePercentMessage checks the wording of a rate written as a
// percent, and that AllowExtremeRates lets it through on purpose.
func TestValidatePercentMessage(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	s.Assumptions.Return = actuarial.Constant(6)
	err := s.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), `Return in 2025 "6": implausible yearly rate: looks like a percent; rates are fractions, 0.06 is 6%`)

	s.Assumptions.AllowExtremeRates = true
	assert.NoError(t, s.Validate(), "a hyperinflation on purpose")
	s.Assumptions.Return = actuarial.Constant(-1)
	assert.ErrorIs(t, s.Validate(), actuarial.ErrInterest, "−100% stays impossible")
}

// TestValidateErrRangeWording checks that ErrRange does not say "age" for
// the fields that are not ages (an entrant group's index, say).
func TestValidateErrRangeWording(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	s.EntrantGroups = []scheme.GroupFrom{{From: 2030, Group: 3}}
	err := s.Validate()
	require.ErrorIs(t, err, actuarial.ErrRange)
	assert.NotContains(t, err.Error(), "age")
}
