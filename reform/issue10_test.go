package reform_test

import (
	"bytes"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompareSweepWithBaseValue: a sweep over the employer's rate that
// includes the rate in force (10%) fails by default, the strict
// reading of a single reform, and runs with Options.AllowNoEffect, where
// the base value's scenario is the base scheme: its metrics equal the
// base's exactly (the same projection).
func TestCompareSweepWithBaseValue(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	var sweep []reform.Reform
	for _, r := range []float64{0.08, 0.10, 0.12} {
		sweep = append(sweep, reform.Reform{Name: "employer", Changes: []reform.Change{
			reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: r},
		}})
	}
	_, err := reform.Compare(base, sweep, reform.Options{Years: 30})
	require.ErrorIs(t, err, reform.ErrNoEffect)

	c, err := reform.Compare(base, sweep, reform.Options{Years: 30, AllowNoEffect: true})
	require.NoError(t, err)
	require.Len(t, c.Metrics, 4)
	assert.Equal(t, c.Metrics[0].ActuarialBalance, c.Metrics[2].ActuarialBalance, "10% is the rate in force")
	assert.Less(t, c.Metrics[1].ActuarialBalance, c.Metrics[2].ActuarialBalance)
	assert.Less(t, c.Metrics[2].ActuarialBalance, c.Metrics[3].ActuarialBalance)

	// A change with an effect beside one without keeps the first.
	mixed := reform.Reform{Name: "mixed", Changes: []reform.Change{
		reform.ContributionRate{Year: 2027, Payer: scheme.Employer, Rate: 0.10},
		reform.ContributionRate{Year: 2027, Payer: scheme.Worker, Rate: 0.08},
	}}
	only := reform.Reform{Name: "worker", Changes: mixed.Changes[1:]}
	c, err = reform.Compare(base, []reform.Reform{mixed, only}, reform.Options{Years: 30, AllowNoEffect: true})
	require.NoError(t, err)
	assert.Equal(t, c.Metrics[2].ActuarialBalance, c.Metrics[1].ActuarialBalance)
}

// TestRetirementConditionsSetAge: a pension after 30 years of service at
// any age (MinAge 0) cannot get a minimum age by AddAge, which leaves "any
// age" alone, but can by SetAge; the reformed rules carry it from Year.
func TestRetirementConditionsSetAge(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	r := &base.Groups[0].Rules[0]
	for sx := range actuarial.NumSexes {
		r.Eligibility.Full[sx] = actuarial.Conditions{{MinService: 30}, {MinAge: 65, MinService: 15}}
	}
	set := reform.RetirementConditions{Year: 2027, SetAge: 60}
	s, err := reform.Reform{Name: "minimum age", Changes: []reform.Change{set}}.Apply(base)
	require.NoError(t, err)
	in := s.Groups[0].RulesAt(2027)
	for sx := range actuarial.NumSexes {
		assert.Equal(t, actuarial.Conditions{{MinAge: 60, MinService: 30}, {MinAge: 60, MinService: 15}}, in.Eligibility.Full[sx])
		assert.Equal(t, 65, in.Eligibility.FullAge[sx], "FullAge keeps its value")
	}
	assert.Equal(t, 0, s.Groups[0].RulesAt(2026).Eligibility.Full[0][0].MinAge, "before Year, any age")
	assert.Contains(t, set.String(), "minimum age 60")

	_, err = reform.Reform{Name: "both", Changes: []reform.Change{reform.RetirementConditions{Year: 2027, SetAge: 60, AddAge: 1}}}.Apply(base)
	assert.ErrorIs(t, err, reform.ErrInvalid)
	_, err = reform.Reform{Name: "bad", Changes: []reform.Change{reform.RetirementConditions{Year: 2027, SetAge: -1}}}.Apply(base)
	assert.ErrorIs(t, err, reform.ErrInvalid)
}

// TestComparePensionersOnly: a closed legacy scheme paying pensions with
// no actives compares and reports: the rates on salaries are n/a cells,
// the deficit and depletion are given.
func TestComparePensionersOnly(t *testing.T) {
	base := actuarialtest.ReferenceScheme(t, 65)
	base.Groups[0].Actives = nil
	base.Assumptions.Entrants = scheme.Entrants{}
	c, err := reform.Compare(base, nil, reform.Options{Years: 30})
	require.NoError(t, err, "a scheme without actives must compare")
	m := c.Metrics[0]
	assert.True(t, m.Undefined.SalaryScalars)
	rep, err := reform.NewReport(c.Outcomes, reform.ReportOptions{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, rep.WriteText(&b))
	assert.Contains(t, b.String(), "n/a")
	rows := reform.ByYear(&c.Outcomes[0])
	assert.Zero(t, rows[0].CostRate)
}
