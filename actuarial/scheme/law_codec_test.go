package scheme_test

import (
	"bytes"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStudyRoundTripLawRules: the rules of issue 12 (the retirement law by
// sex, conditions by birth cohort, the survivor's share by duration,
// orphans' end age by rule, remarriage and retirement rates since
// eligibility) survive encoding and decoding exactly, and the decoded
// scheme encodes to the same document and projects the same years
// (tolerance 0, as TestStudyRoundTrip).
func TestStudyRoundTripLawRules(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 0)
	r := &s.Groups[0].Rules[0]
	r.Eligibility.Full[1] = actuarial.Conditions{{MinService: 28, ToCohort: 1969}, {MinService: 30, FromCohort: 1970}}
	r.BySex[1] = scheme.SexRules{
		Accrual:        actuarial.LinearAccrual{MinService: 15, AtMin: 0.5, PerYear: 0.5 / 13, Max: 1}.Accrual(),
		ReferenceYears: 3, ReductionPerYear: 0.04,
		RetirementFloor: actuarial.Limit{Units: 1.2}, DisabilityCap: actuarial.Limit{Money: 400000},
	}
	r.BySex[0] = scheme.SexRules{ReferenceYears: 10, RetirementCap: actuarial.Limit{Units: 8}, DisabilityFloor: actuarial.Limit{Units: 0.9}}
	r.SurvivorShare, r.SurvivorSteps = 1, []scheme.ShareStep{{Years: 6, Share: 0.5}}
	r.OrphanEndAge, r.KeepOnRemarriage = 25, true
	s.Assumptions.Family.Remarriage = [actuarial.NumSexes]actuarial.ByAge{{MinAge: 20, Values: []float64{0.05, 0}}, {MinAge: 25, Values: []float64{0.08, 0.02, 0}}}
	s.Assumptions.RetirementTiming = scheme.RatesSinceEligibility
	require.NoError(t, s.Validate())

	opt := scheme.EncodeOptions{Currency: "MXN", Years: roundTripYears}
	var buf bytes.Buffer
	require.NoError(t, scheme.EncodeStudy(&buf, s, opt))
	st, err := scheme.DecodeStudy(bytes.NewReader(buf.Bytes()), actuarialtest.Testdata("mexico"))
	require.NoError(t, err)
	got := st.Scenarios[0].Scheme
	gr := &got.Groups[0].Rules[0]
	assert.Equal(t, r.Eligibility, gr.Eligibility)
	assert.Equal(t, r.BySex, gr.BySex)
	assert.Equal(t, r.SurvivorSteps, gr.SurvivorSteps)
	assert.Equal(t, r.OrphanEndAge, gr.OrphanEndAge)
	assert.True(t, gr.KeepOnRemarriage)
	assert.Equal(t, s.Assumptions.Family.Remarriage, got.Assumptions.Family.Remarriage)
	assert.Equal(t, s.Assumptions.RetirementTiming, got.Assumptions.RetirementTiming)

	var again bytes.Buffer
	require.NoError(t, scheme.EncodeStudy(&again, got, opt))
	assert.Equal(t, buf.String(), again.String(), "the decoded scheme encodes to a different document")
	assert.Equal(t, project(t, s).Years, project(t, got).Years)
}
