package reformjson

import (
	"fmt"
	"math"
	"strconv"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// Number is a float64 that encodes as null when it is NaN or infinite:
// a value that does not exist.
type Number float64

// MarshalJSON writes the number as encoding/json does, or null.
func (n Number) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64), nil
}

// Comparison is scenarios projected side by side, the base first.
type Comparison struct {
	Study     string     `json:"study,omitempty"` // the study's name
	Currency  string     `json:"currency"`        // ISO 4217 code of every _money field
	Scenarios []Scenario `json:"scenarios"`
}

// Scenario is one projected scheme.
type Scenario struct {
	Name    string  `json:"name"`
	Summary Summary `json:"summary"`
	// Delta is the summary's difference from the base's (this less the
	// base); nil for the base.
	Delta *Delta `json:"delta_from_base,omitempty"`
	// ReserveRatios are the reserve ratios at the years a comparison's
	// Options asked for (FromComparison); empty otherwise.
	ReserveRatios []YearValue `json:"reserve_ratios,omitempty"`
	Years         []Year      `json:"years"`
}

// YearValue is a value in a calendar year.
type YearValue struct {
	Year  int    `json:"year"`
	Value Number `json:"value"`
}

// Summary holds the indicators over the horizon (see indicator.Summary).
type Summary struct {
	FirstYear int `json:"first_year"` // calendar year of the horizon's first year
	LastYear  int `json:"last_year"`  // calendar year of its last year
	// GAPRate is the general average premium with the initial reserve, a
	// fraction of the salary bill.
	GAPRate               Number `json:"gap_rate"`
	GAPWithoutReserveRate Number `json:"gap_without_reserve_rate"` // the same without the initial reserve
	IncomeRate            Number `json:"income_rate"`              // summarized income rate
	CostRate              Number `json:"cost_rate"`                // summarized cost rate
	ActuarialBalanceRate  Number `json:"actuarial_balance_rate"`   // income rate less cost rate
	DeficitPVMoney        Number `json:"deficit_pv_money"`         // present value at the start of the deficit transfers
	DepletionYear         *int   `json:"depletion_year"`           // first year whose reserve ends negative; null: none in the horizon
}

// Delta is a scenario's summary less the base's. It has no depletion
// shift: each scenario's Summary gives its own depletion year (null:
// never within the horizon); set them side by side.
type Delta struct {
	GAPRate              Number `json:"gap_rate"`
	CostRate             Number `json:"cost_rate"`
	ActuarialBalanceRate Number `json:"actuarial_balance_rate"`
	DeficitPVMoney       Number `json:"deficit_pv_money"`
}

// ByPayer is an amount by payer of contributions.
type ByPayer struct {
	Worker   Number `json:"worker"`
	Employer Number `json:"employer"`
	State    Number `json:"state"`
}

// ByPension is a count or amount by type of pension.
type ByPension struct {
	OldAge     Number `json:"old_age"`
	Early      Number `json:"early"`
	Disability Number `json:"disability"`
	Survivor   Number `json:"survivor"`
	Orphan     Number `json:"orphan"`
}

// Year is one projected calendar year (see projection.YearResult).
type Year struct {
	Year                  int       `json:"year"`
	Actives               Number    `json:"actives"`                 // on 1 January
	Entrants              Number    `json:"entrants"`                // joined on 1 January
	Pensioners            ByPension `json:"pensioners"`              // pensions in payment on 1 January
	NewPensions           ByPension `json:"new_pensions"`            // awarded in the year
	SalaryBillMoney       Number    `json:"salary_bill_money"`       // salaries paid
	ContributionsMoney    ByPayer   `json:"contributions_money"`     // contributions received
	PensionsMoney         ByPension `json:"pensions_money"`          // pensions paid, without extra payments
	ExtraPaymentsMoney    Number    `json:"extra_payments_money"`    // thirteenth month and the like
	RefundsMoney          Number    `json:"refunds_money"`           // contributions refunded
	AdminCostsMoney       Number    `json:"admin_costs_money"`       // administration costs
	TransfersMoney        Number    `json:"transfers_money"`         // the state's transfers
	InvestmentIncomeMoney Number    `json:"investment_income_money"` // the reserve's investment income
	ReturnRate            Number    `json:"return_rate"`             // the year's investment return
	ReserveStartMoney     Number    `json:"reserve_start_money"`     // on 1 January
	ReserveEndMoney       Number    `json:"reserve_end_money"`       // on 31 December; may be negative
	// PAYGCostRate is benefits and costs over the salary bill; null on a
	// zero salary bill. Null too for a year beyond the summary's horizon,
	// like the other ratios.
	PAYGCostRate Number `json:"payg_cost_rate"`
	ReserveRatio Number `json:"reserve_ratio"` // reserve on 31 December over the year's expenditure, in years
	SupportRatio Number `json:"support_ratio"` // actives per pensioner
}

// FromOutcomes encodes the outcomes (the base first) of a comparison whose
// money is in currency.
func FromOutcomes(study, currency string, outcomes []reform.Outcome) (*Comparison, error) {
	if len(outcomes) == 0 {
		return nil, ErrNoOutcomes
	}
	c := &Comparison{Study: study, Currency: currency}
	for i, o := range outcomes {
		if o.Result == nil || o.Summary == nil {
			return nil, fmt.Errorf("%w: outcome %d (%q)", ErrNoOutcomes, i, o.Name)
		}
		sc := Scenario{Name: o.Name, Summary: summary(o.Summary)}
		if i > 0 {
			sc.Delta = delta(o.Summary, outcomes[0].Summary)
		}
		for t := range o.Result.Years {
			sc.Years = append(sc.Years, year(&o.Result.Years[t], o.Summary, t))
		}
		c.Scenarios = append(c.Scenarios, sc)
	}
	return c, nil
}

// FromComparison encodes a comparison of package reform: FromOutcomes of
// its outcomes, with the reserve ratios at the years its Options named.
func FromComparison(study, currency string, c *reform.Comparison) (*Comparison, error) {
	if c == nil {
		return nil, ErrNoOutcomes
	}
	out, err := FromOutcomes(study, currency, c.Outcomes)
	if err != nil {
		return nil, err
	}
	for i := range out.Scenarios {
		if i >= len(c.Metrics) {
			break
		}
		for k, y := range c.ReserveRatioYears {
			if k < len(c.Metrics[i].ReserveRatioAt) {
				out.Scenarios[i].ReserveRatios = append(out.Scenarios[i].ReserveRatios, YearValue{Year: y, Value: Number(c.Metrics[i].ReserveRatioAt[k])})
			}
		}
	}
	return out, nil
}

func depletion(s *indicator.Summary) *int {
	if s.DepletionYear == 0 {
		return nil
	}
	y := s.DepletionYear
	return &y
}

func summary(s *indicator.Summary) Summary {
	return Summary{
		FirstYear: s.StartYear, LastYear: s.LastYear(),
		GAPRate: Number(s.GAP), GAPWithoutReserveRate: Number(s.GAPWithoutReserve),
		IncomeRate: Number(s.IncomeRate), CostRate: Number(s.CostRate),
		ActuarialBalanceRate: Number(s.ActuarialBalance), DeficitPVMoney: Number(s.DeficitPV),
		DepletionYear: depletion(s),
	}
}

func delta(s, base *indicator.Summary) *Delta {
	return &Delta{
		GAPRate: Number(s.GAP - base.GAP), CostRate: Number(s.CostRate - base.CostRate),
		ActuarialBalanceRate: Number(s.ActuarialBalance - base.ActuarialBalance),
		DeficitPVMoney:       Number(s.DeficitPV - base.DeficitPV),
	}
}

func byPension(v [census.NumPensionTypes]float64) ByPension {
	return ByPension{Number(v[0]), Number(v[1]), Number(v[2]), Number(v[3]), Number(v[4])}
}

// at returns series[t], or NaN (null) beyond it.
func at(series []float64, t int) Number {
	if t < len(series) {
		return Number(series[t])
	}
	return Number(math.NaN())
}

func year(y *projection.YearResult, s *indicator.Summary, t int) Year {
	c := y.Contributions
	return Year{
		Year: y.Year, Actives: Number(y.Actives), Entrants: Number(y.Entrants),
		Pensioners: byPension(y.Pensioners), NewPensions: byPension(y.NewPensions),
		SalaryBillMoney:    Number(y.SalaryBill),
		ContributionsMoney: ByPayer{Number(c[scheme.Worker]), Number(c[scheme.Employer]), Number(c[scheme.State])},
		PensionsMoney:      byPension(y.Pensions), ExtraPaymentsMoney: Number(y.ExtraPayments),
		RefundsMoney: Number(y.Refunds), AdminCostsMoney: Number(y.AdminCosts), TransfersMoney: Number(y.Transfers),
		InvestmentIncomeMoney: Number(y.InvestmentIncome), ReturnRate: Number(y.Return),
		ReserveStartMoney: Number(y.ReserveStart), ReserveEndMoney: Number(y.ReserveEnd),
		PAYGCostRate: at(s.PAYGCostRate, t), ReserveRatio: at(s.ReserveRatio, t), SupportRatio: at(s.SupportRatio, t),
	}
}
