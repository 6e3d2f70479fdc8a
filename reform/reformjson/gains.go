// Who gains, who loses, as data.

package reformjson

import (
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform"
)

// Gains is who gains and who loses under a reform (reform.WhoGains): the
// change in present values by sex, service band (when the projections have
// them) and birth cohort, and the share of members losing more than a
// threshold of their benefits' value, counted model point by model point.
type Gains struct {
	Reform   string `json:"reform,omitempty"` // the reform's name
	Base     string `json:"base,omitempty"`   // the base's name
	Currency string `json:"currency"`         // ISO 4217 code of every _money field
	// LossThresholdRate is the loss threshold, a fraction of the value of
	// the benefits; LosingShareRate the share of the members losing more.
	LossThresholdRate Number `json:"loss_threshold_rate"`
	LosingShareRate   Number `json:"losing_share_rate"`
	// Points is the number of model points the losing share counts
	// (reform.Gains).
	Points  int          `json:"points"`
	Cohorts []CohortGain `json:"cohorts"`
}

// CohortGain is one birth cohort of one sex and band. Present values are
// money at the projections' start.
type CohortGain struct {
	Sex      string `json:"sex"` // "male" or "female"
	BornFrom int    `json:"born_from"`
	BornTo   int    `json:"born_to"`
	// Band is the cohort's band (projection.Band): "service" (the
	// census's actives with ServiceFromYears to ServiceToYears of service
	// on the valuation date, the latter absent for the last band),
	// "in_payment", "future_entrants", or "all" without service bands.
	Band             string `json:"band"`
	ServiceFromYears *int   `json:"service_from_years,omitempty"`
	ServiceToYears   *int   `json:"service_to_years,omitempty"`
	// Members are the cohort's lives in the base on 1 January of its
	// entry year.
	Members                  Number `json:"members"`
	BaseBenefitsMoney        Number `json:"base_benefits_pv_money"`
	ReformBenefitsMoney      Number `json:"reform_benefits_pv_money"`
	BaseContributionsMoney   Number `json:"base_contributions_pv_money"`
	ReformContributionsMoney Number `json:"reform_contributions_pv_money"`
	BenefitChangeMoney       Number `json:"benefit_change_pv_money"`
	ContributionChangeMoney  Number `json:"contribution_change_pv_money"`
	// BenefitChangeRate is the change in benefits over the base's, a
	// fraction; null when the base pays the cohort nothing.
	BenefitChangeRate Number `json:"benefit_change_rate"`
}

// FromGains encodes gains g of reform against base, money in currency.
func FromGains(reformName, base, currency string, g *reform.Gains) (*Gains, error) {
	if g == nil {
		return nil, fmt.Errorf("reformjson: FromGains: %w", ErrNoOutcomes)
	}
	out := &Gains{Reform: reformName, Base: base, Currency: currency,
		LossThresholdRate: Number(g.LossThreshold), LosingShareRate: Number(g.LosingShare), Points: g.Points,
		Cohorts: make([]CohortGain, len(g.Cohorts))}
	for i := range g.Cohorts {
		c := &g.Cohorts[i]
		rate := Number(c.BenefitChangeShare())
		if c.BaseBenefits == 0 {
			rate = Number(math.NaN())
		}
		out.Cohorts[i] = CohortGain{
			Sex: string(c.Sex), BornFrom: c.BornFrom, BornTo: c.BornTo, Members: Number(c.Members),
			BaseBenefitsMoney: Number(c.BaseBenefits), ReformBenefitsMoney: Number(c.ReformBenefits),
			BaseContributionsMoney: Number(c.BaseContributions), ReformContributionsMoney: Number(c.ReformContributions),
			BenefitChangeMoney: Number(c.BenefitChange()), ContributionChangeMoney: Number(c.ContributionChange()),
			BenefitChangeRate: rate,
		}
		o := &out.Cohorts[i]
		switch b := c.Band; b.Kind {
		case projection.ServiceBand:
			o.Band, o.ServiceFromYears = "service", &b.From
			if b.To >= 0 {
				o.ServiceToYears = &b.To
			}
		case projection.InPayment:
			o.Band = "in_payment"
		case projection.FutureEntrants:
			o.Band = "future_entrants"
		default:
			o.Band = "all"
		}
	}
	return out, nil
}
