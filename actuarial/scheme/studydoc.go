// The types of the study document, version 1: the JSON format itself.
// docs/study-format.md describes every field; the tests check that it does.

package scheme

import (
	"github.com/reserva-go/reserva/internal/jsonpath"
	"github.com/reserva-go/reserva/internal/studyjson"
)

// StudyVersion is the version of the study format this package reads and
// writes.
const StudyVersion = 1

type studyDoc struct {
	Version        int              `json:"version"`
	Name           string           `json:"name,omitempty"`
	Currency       string           `json:"currency"`
	Years          int              `json:"years,omitempty"`
	Scenarios      []scenarioDoc    `json:"scenarios,omitempty"`
	Reforms        *jsonpath.Raw    `json:"reforms,omitempty"` // package reform's
	Options        *jsonpath.Raw    `json:"options,omitempty"` // package reform's
	StartYear      int              `json:"start_year,omitempty"`
	Groups         []groupDoc       `json:"groups,omitempty"`
	EntrantGroups  []groupFromDoc   `json:"entrant_groups,omitempty"`
	Transitions    []transitionDoc  `json:"transitions,omitempty"`
	Assumptions    *assumptionsDoc  `json:"assumptions,omitempty"`
	InitialReserve *moneyDoc        `json:"initial_reserve,omitempty"`
	Transfers      *moneyPerYearDoc `json:"transfers,omitempty"`
	AdminCosts     *adminCostsDoc   `json:"admin_costs,omitempty"`
}

type scenarioDoc struct {
	Name string `json:"name"`
	File string `json:"file"`
}

type moneyDoc struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

type moneyPerYearDoc struct {
	Currency string      `json:"currency"`
	PerYear  scheduleDoc `json:"per_year"`
}

type adminCostsDoc struct {
	ShareOfBenefits *scheduleDoc `json:"share_of_benefits,omitempty"`
	ShareOfSalary   *scheduleDoc `json:"share_of_salary,omitempty"`
}

type groupFromDoc struct {
	From  int `json:"from"`
	Group int `json:"group"`
}

type transitionDoc struct {
	Year         int `json:"year"`
	From         int `json:"from"`
	To           int `json:"to"`
	ServiceBelow int `json:"service_below,omitempty"`
	AgeBelow     int `json:"age_below,omitempty"`
}

type groupDoc struct {
	Name   string     `json:"name,omitempty"`
	Census *censusDoc `json:"census,omitempty"`
	Rules  []rulesDoc `json:"rules"`
}

type censusDoc struct {
	Currency       string             `json:"currency"`
	MaxService     int                `json:"max_service,omitempty"`
	Actives        string             `json:"actives,omitempty"`
	Pensioners     string             `json:"pensioners,omitempty"`
	Options        *censusOptionsDoc  `json:"options,omitempty"`
	ActiveCells    []activeCellDoc    `json:"active_cells,omitempty"`
	PensionerCells []pensionerCellDoc `json:"pensioner_cells,omitempty"`
}

type censusOptionsDoc struct {
	Comma                  string `json:"comma,omitempty"`
	DateLayout             string `json:"date_layout,omitempty"`
	SexCodes               string `json:"sex_codes,omitempty"`
	MinEntryAge            int    `json:"min_entry_age,omitempty"`
	SalaryPaymentsPerYear  int    `json:"salary_payments_per_year,omitempty"`
	PensionPaymentsPerYear int    `json:"pension_payments_per_year,omitempty"`
}

type activeCellDoc struct {
	Sex     string  `json:"sex"`
	Age     int     `json:"age"`
	Service int     `json:"service"`
	Count   float64 `json:"count"`
	Salary  float64 `json:"salary"`
}

type pensionerCellDoc struct {
	Type    string  `json:"type"`
	Sex     string  `json:"sex"`
	Age     int     `json:"age"`
	Count   float64 `json:"count"`
	Pension float64 `json:"pension"`
}

type sourceDoc struct {
	Law     string `json:"law,omitempty"`
	Article string `json:"article,omitempty"`
	Date    string `json:"date,omitempty"`
}

type rulesDoc struct {
	From             int             `json:"from"`
	Source           *sourceDoc      `json:"source,omitempty"`
	ContributionRate *byPayerDoc     `json:"contribution_rate,omitempty"`
	Ceiling          *limitDoc       `json:"ceiling,omitempty"`
	Eligibility      *eligibilityDoc `json:"eligibility,omitempty"`
	Retirement       *formulaDoc     `json:"retirement,omitempty"`
	BySex            *sexRulesByDoc  `json:"by_sex,omitempty"`
	CompulsoryAge    *bySexDoc[int]  `json:"compulsory_age,omitempty"`
	Disability       *formulaDoc     `json:"disability,omitempty"`
	WorkRisks        *workRisksDoc   `json:"work_risks,omitempty"`
	SurvivorShare    float64         `json:"survivor_share,omitempty"`
	SurvivorSteps    []shareStepDoc  `json:"survivor_steps,omitempty"`
	OrphanShare      float64         `json:"orphan_share,omitempty"`
	OrphanEndAge     int             `json:"orphan_end_age,omitempty"`
	KeepOnRemarriage bool            `json:"keep_on_remarriage,omitempty"`
	RefundShare      float64         `json:"refund_share,omitempty"`
	ExtraPayments    float64         `json:"extra_payments,omitempty"`
	Indexation       string          `json:"indexation,omitempty"`
	IndexRate        *scheduleDoc    `json:"index_rate,omitempty"`
	Limits           string          `json:"limits,omitempty"`
	MinimumPaidBy    string          `json:"minimum_paid_by,omitempty"`
	Balancing        *balancingDoc   `json:"balancing,omitempty"`
	Sustainability   *sustainDoc     `json:"sustainability,omitempty"`
}

type workRisksDoc struct {
	Disability    *formulaDoc `json:"disability,omitempty"`
	Death         *formulaDoc `json:"death,omitempty"`
	SurvivorShare float64     `json:"survivor_share,omitempty"`
	OrphanShare   float64     `json:"orphan_share,omitempty"`
}

type sustainDoc struct {
	Age  int `json:"age"`
	Base int `json:"base"`
}

type balancingDoc struct {
	IndexationBelow   float64 `json:"indexation_below,omitempty"`
	IndexationCut     float64 `json:"indexation_cut,omitempty"`
	ContributionBelow float64 `json:"contribution_below,omitempty"`
	ContributionStep  float64 `json:"contribution_step,omitempty"`
	ContributionPayer string  `json:"contribution_payer,omitempty"`
}

type shareStepDoc struct {
	Years int     `json:"years"`
	Share float64 `json:"share"`
}

// sexRulesByDoc are the rules' overrides for each sex.
type sexRulesByDoc struct {
	Male   *sexRulesDoc `json:"male,omitempty"`
	Female *sexRulesDoc `json:"female,omitempty"`
}

type sexRulesDoc struct {
	Accrual          *accrualDoc `json:"accrual,omitempty"`
	ReferenceYears   int         `json:"reference_years,omitempty"`
	ReductionPerYear float64     `json:"reduction_per_year,omitempty"`
	RetirementCap    *limitDoc   `json:"retirement_cap,omitempty"`
	RetirementFloor  *limitDoc   `json:"retirement_floor,omitempty"`
	DisabilityCap    *limitDoc   `json:"disability_cap,omitempty"`
	DisabilityFloor  *limitDoc   `json:"disability_floor,omitempty"`
}

type byPayerDoc struct {
	Worker   *scheduleDoc `json:"worker,omitempty"`
	Employer *scheduleDoc `json:"employer,omitempty"`
	State    *scheduleDoc `json:"state,omitempty"`
}

// bySexDoc is a value for each sex: {"both": v} or {"male": v, "female": w}.
type bySexDoc[T any] struct {
	Both   *T `json:"both,omitempty"`
	Male   *T `json:"male,omitempty"`
	Female *T `json:"female,omitempty"`
}

type limitDoc struct {
	Units    float64 `json:"units,omitempty"`
	PerYear  float64 `json:"per_year,omitempty"`
	Currency string  `json:"currency,omitempty"`
}

type conditionDoc struct {
	MinAge     int `json:"min_age,omitempty"`
	MinService int `json:"min_service,omitempty"`
	FromCohort int `json:"from_cohort,omitempty"`
	ToCohort   int `json:"to_cohort,omitempty"`
}

type eligibilityDoc struct {
	Full             *bySexDoc[[]conditionDoc] `json:"full,omitempty"`
	Reduced          *bySexDoc[[]conditionDoc] `json:"reduced,omitempty"`
	ReductionPerYear float64                   `json:"reduction_per_year,omitempty"`
	FullAge          *bySexDoc[int]            `json:"full_age,omitempty"`
}

type formulaDoc struct {
	Accrual        accrualDoc `json:"accrual"`
	ReferenceYears int        `json:"reference_years,omitempty"`
	ReferenceShare float64    `json:"reference_share,omitempty"`
	Cap            *limitDoc  `json:"cap,omitempty"`
	Floor          *limitDoc  `json:"floor,omitempty"`
}

type accrualDoc struct {
	MinService int       `json:"min_service"`
	Rates      []float64 `json:"rates"`
}

// scheduleDoc is the study form of a schedule, shared with the reforms'
// part of the file.
type scheduleDoc = studyjson.Schedule

type assumptionsDoc struct {
	Mortality  mortalityDoc                  `json:"mortality"`
	Decrements *bySexDoc[serviceTableDoc]    `json:"decrements,omitempty"`
	Retirement *bySexDoc[retirementRatesDoc] `json:"retirement,omitempty"`
	// RetirementTiming is Assumptions.RetirementTiming by name.
	RetirementTiming string          `json:"retirement_timing,omitempty"`
	Salary           *salaryScaleDoc `json:"salary,omitempty"`
	WageGrowth       *scheduleDoc    `json:"wage_growth,omitempty"`
	Inflation        *scheduleDoc    `json:"inflation,omitempty"`
	Unit             *unitDoc        `json:"unit,omitempty"`
	Return           *scheduleDoc    `json:"return,omitempty"`
	Entrants         *entrantsDoc    `json:"entrants,omitempty"`
	Family           *familyDoc      `json:"family,omitempty"`
}

type mortalityDoc struct {
	Active   *bySexDoc[tableDoc] `json:"active,omitempty"`
	Retired  *bySexDoc[tableDoc] `json:"retired,omitempty"`
	Disabled *bySexDoc[tableDoc] `json:"disabled,omitempty"`
	Survivor *bySexDoc[tableDoc] `json:"survivor,omitempty"`
}

type tableDoc struct {
	File        string          `json:"file,omitempty"`
	Format      string          `json:"format,omitempty"`
	Column      string          `json:"column,omitempty"`
	Year        int             `json:"year,omitempty"`
	Law         string          `json:"law,omitempty"`
	A           float64         `json:"a,omitempty"`
	B           float64         `json:"b,omitempty"`
	C           float64         `json:"c,omitempty"`
	MinAge      int             `json:"min_age,omitempty"`
	MaxAge      int             `json:"max_age,omitempty"`
	Q           []float64       `json:"q,omitempty"`
	Improvement *improvementDoc `json:"improvement,omitempty"`
}

type improvementDoc struct {
	BaseYear int       `json:"base_year"`
	File     string    `json:"file,omitempty"`
	MinAge   int       `json:"min_age,omitempty"`
	Rates    []float64 `json:"rates,omitempty"`
}

type serviceTableDoc struct {
	File       string    `json:"file,omitempty"`
	Basis      string    `json:"basis,omitempty"`
	Assumption string    `json:"assumption,omitempty"`
	Retirement string    `json:"retirement,omitempty"`
	MinAge     int       `json:"min_age,omitempty"`
	MaxService int       `json:"max_service,omitempty"`
	Rates      *ratesDoc `json:"rates,omitempty"`
}

type ratesDoc struct {
	Death      []float64 `json:"death,omitempty"`
	Disability []float64 `json:"disability,omitempty"`
	Withdrawal []float64 `json:"withdrawal,omitempty"`
	Retirement []float64 `json:"retirement,omitempty"`
	// The work risks.
	WorkDeath      []float64 `json:"work_death,omitempty"`
	WorkDisability []float64 `json:"work_disability,omitempty"`
}

type byAgeDoc struct {
	MinAge int       `json:"min_age,omitempty"`
	Values []float64 `json:"values"`
}

type retirementRatesDoc struct {
	Full    *byAgeDoc `json:"full,omitempty"`
	Reduced *byAgeDoc `json:"reduced,omitempty"`
}

type salaryScaleDoc struct {
	MinAge    int       `json:"min_age,omitempty"`
	ByAge     []float64 `json:"by_age,omitempty"`
	ByService []float64 `json:"by_service,omitempty"`
}

type unitDoc struct {
	Name     string       `json:"name,omitempty"`
	Currency string       `json:"currency"`
	PerYear  float64      `json:"per_year"`
	Growth   *scheduleDoc `json:"growth,omitempty"`
}

type entrantsDoc struct {
	Mode     string       `json:"mode"`
	Count    *scheduleDoc `json:"count,omitempty"`
	Growth   *scheduleDoc `json:"growth,omitempty"`
	Currency string       `json:"currency,omitempty"`
	Profile  []profileDoc `json:"profile,omitempty"`
}

type profileDoc struct {
	Sex    string  `json:"sex"`
	Age    int     `json:"age"`
	Weight float64 `json:"weight"`
	Salary float64 `json:"salary"`
}

type familyDoc struct {
	Married      *bySexDoc[byAgeDoc] `json:"married,omitempty"`
	AgeGap       *bySexDoc[int]      `json:"age_gap,omitempty"`
	Orphans      *bySexDoc[byAgeDoc] `json:"orphans,omitempty"`
	OrphanAge    *bySexDoc[byAgeDoc] `json:"orphan_age,omitempty"`
	OrphanEndAge int                 `json:"orphan_end_age,omitempty"`
	Remarriage   *bySexDoc[byAgeDoc] `json:"remarriage,omitempty"`
}
