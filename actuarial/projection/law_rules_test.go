package projection_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/require"
)

// lawVariants edit the rules of serTwoGroups with the rules of issue 12:
// the retirement law by sex (ISSTEY 2025: full pension after 28 years for
// women, 30 for men, each sex's scale reaching 100% at its own full
// service, a shorter reference period and a smaller reduction for women),
// a service requirement phased in by birth cohort, and retirement rates
// read by the years since first eligibility.
var lawVariants = []struct {
	name string
	edit func(s *scheme.Scheme)
}{
	{"by sex", func(s *scheme.Scheme) {
		eachRules(s, func(r *scheme.Rules) {
			r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{
				{{MinAge: 60, MinService: 30}, {MinAge: 65, MinService: 15}},
				{{MinAge: 58, MinService: 28}, {MinAge: 65, MinService: 15}},
			}
			r.Retirement.Accrual = actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 15, Max: 1}.Accrual()
			r.BySex[actuarial.Female.Index()] = scheme.SexRules{
				Accrual:        actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 13, Max: 1}.Accrual(),
				ReferenceYears: 3, ReductionPerYear: 0.03,
			}
		})
	}},
	{"service by cohort", func(s *scheme.Scheme) {
		eachRules(s, func(r *scheme.Rules) {
			full := actuarial.Conditions{{MinAge: 60, MinService: 30, ToCohort: 1969}, {MinAge: 60, MinService: 32, FromCohort: 1970}, {MinAge: 65, MinService: 15}}
			r.Eligibility.Full = [actuarial.NumSexes]actuarial.Conditions{full, full}
		})
	}},
	{"rates since eligibility", func(s *scheme.Scheme) {
		s.Assumptions.RetirementTiming = scheme.RatesSinceEligibility
	}},
}

func eachRules(s *scheme.Scheme, f func(r *scheme.Rules)) {
	for g := range s.Groups {
		for i := range s.Groups[g].Rules {
			f(&s.Groups[g].Rules[i])
		}
	}
}

// TestLawRulesCellsMatchSeriatim: each rule of lawVariants is read by both
// engines from package rules, so the identities of
// TestSeriatimMatchesCellsWithoutLimits (seriatim values summed over the
// census equal the discounted cell projection) and of
// TestLiabilityCellsMatchRecords (the closed-group liability's benefits
// equal the projection's) hold under each.
func TestLawRulesCellsMatchSeriatim(t *testing.T) {
	actC, penC := serCensus(12, 1500, 200)
	act, pen := serRecords(t, actC, penC)
	base := serProject(t, serTwoGroups(t, serNoLimits, act, pen), serYears)
	for _, c := range lawVariants {
		t.Run(c.name, func(t *testing.T) {
			s := serTwoGroups(t, serNoLimits, act, pen)
			c.edit(s)
			require.NoError(t, s.Validate())
			want := serProject(t, s, serYears)
			require.NotEqual(t, base.Pensions, want.Pensions, "the rule changes nothing")
			v, err := projection.NewSeriatim(s, serYears)
			require.NoError(t, err)
			got, err := v.Total(act, pen)
			require.NoError(t, err)
			serAssertClose(t, want, got, serExactTol, c.name)

			cells, err := v.CellLiability()
			require.NoError(t, err)
			all := cells.PVFB
			all.Add(&cells.Pensioners)
			liaAssertBenefits(t, liaFlowBenefits(&want), all, serExactTol, 0, c.name+": liability against the projection")
		})
	}
}
