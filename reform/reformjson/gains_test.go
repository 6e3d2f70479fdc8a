package reformjson_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/reformjson"
)

// TestFromGains encodes two hand-made cohorts: men lose 150,000 of
// 1,000,000 (−0.15), women with no base benefits have a null rate; then
// cohorts of each kind of service band.
func TestFromGains(t *testing.T) {
	g := &reform.Gains{LossThreshold: 0.1, LosingShare: 0.6, Cohorts: []reform.CohortGain{
		{Sex: actuarial.Male, BornFrom: 1960, BornTo: 1964, Members: 300, BaseBenefits: 1e6, ReformBenefits: 850000, BaseContributions: 2e5, ReformContributions: 180000},
		{Sex: actuarial.Female, BornFrom: 2030, BornTo: 2034, Members: 0, ReformBenefits: 1000},
	}}
	out, err := reformjson.FromGains("reform", "base", "MXN", g)
	require.NoError(t, err)
	b, err := json.Marshal(out)
	require.NoError(t, err)
	s := string(b)
	assert.Contains(t, s, `"sex":"male","born_from":1960,"born_to":1964,"band":"all","members":300,"base_benefits_pv_money":1e+06,"reform_benefits_pv_money":850000`)
	assert.Contains(t, s, `"benefit_change_pv_money":-150000,"contribution_change_pv_money":-20000,"benefit_change_rate":-0.15`)
	assert.Contains(t, s, `"benefit_change_rate":null`)
	assert.Contains(t, s, `"loss_threshold_rate":0.1,"losing_share_rate":0.6`)

	// By service band: a band's bounds, the last band open, the others named.
	g.Cohorts[0].Band = projection.Band{Kind: projection.ServiceBand, From: 10, To: 19}
	g.Cohorts[1].Band = projection.Band{Kind: projection.FutureEntrants}
	g.Cohorts = append(g.Cohorts, reform.CohortGain{Sex: actuarial.Female, BornFrom: 1950, BornTo: 1954,
		Band: projection.Band{Kind: projection.ServiceBand, From: 30, To: -1}},
		reform.CohortGain{Sex: actuarial.Female, BornFrom: 1940, BornTo: 1944, Band: projection.Band{Kind: projection.InPayment}})
	g.Points = 17
	out, err = reformjson.FromGains("reform", "base", "MXN", g)
	require.NoError(t, err)
	b, err = json.Marshal(out)
	require.NoError(t, err)
	s = string(b)
	assert.Contains(t, s, `"born_to":1964,"band":"service","service_from_years":10,"service_to_years":19,"members":300`)
	assert.Contains(t, s, `"born_to":2034,"band":"future_entrants","members":0`)
	assert.Contains(t, s, `"born_to":1954,"band":"service","service_from_years":30,"members":0`)
	assert.Contains(t, s, `"born_to":1944,"band":"in_payment","members":0`)
	assert.Contains(t, s, `"points":17`)

	_, err = reformjson.FromGains("", "", "MXN", nil)
	assert.ErrorIs(t, err, reformjson.ErrNoOutcomes)
}
