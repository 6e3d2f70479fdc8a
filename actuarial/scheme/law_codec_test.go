package scheme_test

import (
	"bytes"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/census"
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

// TestStudyRoundTripWorkRisks: the work risks (the work_death and
// work_disability columns of a service table, the work_risks rules and a
// census of work_disability and work_survivor pensions) survive encoding
// and decoding exactly, and the decoded scheme encodes to the same
// document and projects the same years (tolerance 0).
func TestStudyRoundTripWorkRisks(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 0)
	r := &s.Groups[0].Rules[0]
	r.WorkRisks = scheme.WorkRisks{
		Disability:    actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}, ReferenceYears: 2, Floor: actuarial.Limit{Units: 1}},
		Death:         actuarial.Formula{Accrual: actuarial.Accrual{Rates: []float64{1}}},
		SurvivorShare: 1, OrphanShare: 0.2,
	}
	var rates [actuarial.NumDecrements][]float64
	rates[actuarial.Disability] = []float64{0.001, 0.002, 0.003}
	rates[actuarial.WorkDeath] = []float64{0.0002, 0.0003, 0.0004}
	rates[actuarial.WorkDisability] = []float64{0.001, 0.001, 0.002}
	tb, err := actuarial.NewServiceTable(40, 0, rates, actuarial.DecrementOptions{Basis: actuarial.IndependentRates})
	require.NoError(t, err)
	s.Assumptions.Decrements[1] = tb
	p := s.Groups[0].Pensioners
	p.Count[p.Index(census.PensionWorkDisability, actuarial.Male, 50)] = 3
	p.Pension[p.Index(census.PensionWorkDisability, actuarial.Male, 50)] = 3 * 40000
	p.Count[p.Index(census.PensionWorkSurvivor, actuarial.Female, 47)] = 2
	p.Pension[p.Index(census.PensionWorkSurvivor, actuarial.Female, 47)] = 2 * 50000
	require.NoError(t, s.Validate())

	opt := scheme.EncodeOptions{Currency: "MXN", Years: roundTripYears}
	var buf bytes.Buffer
	require.NoError(t, scheme.EncodeStudy(&buf, s, opt))
	st, err := scheme.DecodeStudy(bytes.NewReader(buf.Bytes()), actuarialtest.Testdata("mexico"))
	require.NoError(t, err)
	got := st.Scenarios[0].Scheme
	assert.Equal(t, r.WorkRisks, got.Groups[0].Rules[0].WorkRisks)
	gt := got.Assumptions.Decrements[1]
	for age := 40; age <= 42; age++ {
		assert.Equal(t, tb.Independent(age, 0), gt.Independent(age, 0), "age %d", age)
	}
	assert.Equal(t, p.Count, got.Groups[0].Pensioners.Count)

	var again bytes.Buffer
	require.NoError(t, scheme.EncodeStudy(&again, got, opt))
	assert.Equal(t, buf.String(), again.String(), "the decoded scheme encodes to a different document")
	res := project(t, got)
	assert.Equal(t, project(t, s).Years, res.Years)
	assert.Positive(t, res.Years[0].Pensions[census.PensionWorkSurvivor.Index()])
	assert.Positive(t, res.Years[0].NewPensions[census.PensionWorkDisability.Index()])
}
