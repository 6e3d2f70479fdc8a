// The reforms and run options of a study file, as JSON: the document types
// (docs/study-format.md, "Reforms" and "Options") and their encoding.

package reform

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/studyjson"
)

type reformDoc struct {
	Name    string      `json:"name"`
	Changes []changeDoc `json:"changes"`
}

// changeDoc is one change: an object with exactly one member named after
// the change's type, and its legal source beside it (a [Cited] change).
type changeDoc struct {
	Source               *sourceDoc           `json:"source,omitempty"`
	ContributionRate     *contributionRateDoc `json:"contribution_rate,omitempty"`
	ContributionCeiling  *ceilingChangeDoc    `json:"contribution_ceiling,omitempty"`
	RetirementConditions *conditionsDoc       `json:"retirement_conditions,omitempty"`
	AccrualTable         *accrualTableDoc     `json:"accrual_table,omitempty"`
	ReferencePeriod      *referencePeriodDoc  `json:"reference_period,omitempty"`
	PensionCap           *capChangeDoc        `json:"pension_cap,omitempty"`
	PensionFloor         *floorChangeDoc      `json:"pension_floor,omitempty"`
	PensionGuarantee     *guaranteeDoc        `json:"pension_guarantee,omitempty"`
	AutomaticBalancing   *balancingChangeDoc  `json:"automatic_balancing,omitempty"`
	SustainabilityFactor *sustainChangeDoc    `json:"sustainability_factor,omitempty"`
	Indexation           *indexationDoc       `json:"indexation,omitempty"`
	SurvivorShare        *survivorShareDoc    `json:"survivor_share,omitempty"`
	WorkRisks            *workRisksChangeDoc  `json:"work_risks,omitempty"`
}

// workRisksChangeDoc is WorkRiskBenefits: the formulas of the pensions of
// a disability and a death at work, and the survivors' shares.
type workRisksChangeDoc struct {
	Year          int             `json:"year"`
	Groups        []string        `json:"groups,omitempty"`
	Who           *whoDoc         `json:"who,omitempty"`
	Disability    *workFormulaDoc `json:"disability,omitempty"`
	Death         *workFormulaDoc `json:"death,omitempty"`
	SurvivorShare float64         `json:"survivor_share,omitempty"`
	OrphanShare   float64         `json:"orphan_share,omitempty"`
}

// workFormulaDoc is an actuarial.Formula of a work risk.
type workFormulaDoc struct {
	Accrual        *accrualDoc `json:"accrual,omitempty"`
	ReferenceYears int         `json:"reference_years,omitempty"`
	ReferenceShare float64     `json:"reference_share,omitempty"`
	Cap            *limitDoc   `json:"cap,omitempty"`
	Floor          *limitDoc   `json:"floor,omitempty"`
}

func workFormulaOf(f actuarial.Formula, currency string) *workFormulaDoc {
	if len(f.Accrual.Rates) == 0 {
		return nil
	}
	d := &workFormulaDoc{Accrual: &accrualDoc{MinService: f.Accrual.MinService, Rates: f.Accrual.Rates},
		ReferenceYears: f.ReferenceYears, ReferenceShare: f.ReferenceShare}
	if f.Cap != (actuarial.Limit{}) {
		l := limitOf(f.Cap, currency)
		d.Cap = &l
	}
	if f.Floor != (actuarial.Limit{}) {
		l := limitOf(f.Floor, currency)
		d.Floor = &l
	}
	return d
}

// sourceDoc is a change's legal source, as the rules' source is written.
type sourceDoc struct {
	Law     string `json:"law,omitempty"`
	Article string `json:"article,omitempty"`
	Date    string `json:"date,omitempty"`
}

type whoDoc struct {
	NewEntrants  bool `json:"new_entrants,omitempty"`
	ServiceBelow int  `json:"service_below,omitempty"`
	AgeBelow     int  `json:"age_below,omitempty"`
}

type contributionRateDoc struct {
	Year   int      `json:"year"`
	Groups []string `json:"groups,omitempty"`
	Who    *whoDoc  `json:"who,omitempty"`
	Payer  string   `json:"payer"`
	Rate   float64  `json:"rate"`
	Step   float64  `json:"step,omitempty"`
}

// limitDoc is a limit: {"units": 8}, {"per_year": 120000, "currency":
// "MXN"}, both (the lower applies) or {} for none.
type limitDoc struct {
	Units    float64 `json:"units,omitempty"`
	PerYear  float64 `json:"per_year,omitempty"`
	Currency string  `json:"currency,omitempty"`
}

type ceilingChangeDoc struct {
	Year    int      `json:"year"`
	Groups  []string `json:"groups,omitempty"`
	Who     *whoDoc  `json:"who,omitempty"`
	Ceiling limitDoc `json:"ceiling"`
}

type conditionsDoc struct {
	Year       int      `json:"year"`
	Groups     []string `json:"groups,omitempty"`
	Who        *whoDoc  `json:"who,omitempty"`
	Sex        string   `json:"sex,omitempty"`
	AddAge     int      `json:"add_age,omitempty"`
	SetAge     int      `json:"set_age,omitempty"`
	AddService int      `json:"add_service,omitempty"`
	Every      int      `json:"every,omitempty"`
	Cohort     int      `json:"cohort,omitempty"`
	Compulsory bool     `json:"compulsory,omitempty"`
	Conditions string   `json:"conditions,omitempty"`
}

type accrualDoc struct {
	MinService int       `json:"min_service"`
	Rates      []float64 `json:"rates"`
}

type accrualTableDoc struct {
	Year    int         `json:"year"`
	Groups  []string    `json:"groups,omitempty"`
	Who     *whoDoc     `json:"who,omitempty"`
	Accrual *accrualDoc `json:"accrual,omitempty"`
	Share   float64     `json:"share,omitempty"`
}

type referencePeriodDoc struct {
	Year   int      `json:"year"`
	Groups []string `json:"groups,omitempty"`
	Who    *whoDoc  `json:"who,omitempty"`
	Years  int      `json:"years"`
	Share  float64  `json:"share,omitempty"`
}

type capChangeDoc struct {
	Year   int      `json:"year"`
	Groups []string `json:"groups,omitempty"`
	Who    *whoDoc  `json:"who,omitempty"`
	Cap    limitDoc `json:"cap"`
	Sex    string   `json:"sex,omitempty"`
}

type floorChangeDoc struct {
	Year   int      `json:"year"`
	Groups []string `json:"groups,omitempty"`
	Who    *whoDoc  `json:"who,omitempty"`
	Floor  limitDoc `json:"floor"`
	Sex    string   `json:"sex,omitempty"`
}

type guaranteeDoc struct {
	Year          int      `json:"year"`
	Groups        []string `json:"groups,omitempty"`
	Who           *whoDoc  `json:"who,omitempty"`
	Limits        string   `json:"limits,omitempty"`
	MinimumPaidBy string   `json:"minimum_paid_by,omitempty"`
}

type balancingChangeDoc struct {
	Year              int      `json:"year"`
	Groups            []string `json:"groups,omitempty"`
	Who               *whoDoc  `json:"who,omitempty"`
	IndexationBelow   float64  `json:"indexation_below,omitempty"`
	IndexationCut     float64  `json:"indexation_cut,omitempty"`
	ContributionBelow float64  `json:"contribution_below,omitempty"`
	ContributionStep  float64  `json:"contribution_step,omitempty"`
	ContributionPayer string   `json:"contribution_payer,omitempty"`
}

type sustainChangeDoc struct {
	Year   int      `json:"year"`
	Groups []string `json:"groups,omitempty"`
	Who    *whoDoc  `json:"who,omitempty"`
	Age    int      `json:"age,omitempty"`
	Base   int      `json:"base,omitempty"`
}

// scheduleDoc is the study form of a schedule, shared with the reforms'
// part of the file.
type scheduleDoc = studyjson.Schedule

type indexationDoc struct {
	Year   int          `json:"year"`
	Groups []string     `json:"groups,omitempty"`
	Who    *whoDoc      `json:"who,omitempty"`
	Rule   string       `json:"rule"`
	Rate   *scheduleDoc `json:"rate,omitempty"`
}

type survivorShareDoc struct {
	Year   int      `json:"year"`
	Groups []string `json:"groups,omitempty"`
	Who    *whoDoc  `json:"who,omitempty"`
	Share  float64  `json:"share"`
}

type optionsDoc struct {
	Horizon           *horizonDoc `json:"horizon,omitempty"`
	ReserveRatioYears []int       `json:"reserve_ratio_years,omitempty"`
	Attribute         []string    `json:"attribute,omitempty"`
	Solve             []solveDoc  `json:"solve,omitempty"`
}

type horizonDoc struct {
	Years       int     `json:"years,omitempty"`
	TargetRatio float64 `json:"target_ratio,omitempty"`
}

type solveDoc struct {
	Name       string    `json:"name"`
	Solve      string    `json:"solve"`
	Year       int       `json:"year"`
	Groups     []string  `json:"groups,omitempty"`
	Who        *whoDoc   `json:"who,omitempty"`
	Payer      string    `json:"payer,omitempty"`
	Sex        string    `json:"sex,omitempty"`
	Every      int       `json:"every,omitempty"`
	Cohort     int       `json:"cohort,omitempty"`
	Compulsory bool      `json:"compulsory,omitempty"`
	With       string    `json:"with,omitempty"`
	Target     targetDoc `json:"target"`
	Lo         *float64  `json:"lo"`
	Hi         *float64  `json:"hi"`
	Tolerance  float64   `json:"tolerance,omitempty"`
}

type targetDoc struct {
	NoDepletionThrough  int      `json:"no_depletion_through,omitempty"`
	ReserveRatioAtLeast *float64 `json:"reserve_ratio_at_least,omitempty"`
	Through             int      `json:"through,omitempty"`
	Balanced            bool     `json:"balanced,omitempty"`
	GAPAtMost           *float64 `json:"gap_at_most,omitempty"`
}

// The names of enums in study files.
var (
	sexNames       = [actuarial.NumSexes]string{"male", "female"}
	indexNames     = [...]string{"none", "prices", "wages", "unit", "fixed"}
	limitNames     = [...]string{"in_payment", "at_award"}
	minPayerNames  = [...]string{"scheme", "state"}
	leverNames     = [...]string{"contribution_rate", "retirement_age", "accrual"}
	payerNameTable = [scheme.NumPayers]string{"worker", "employer", "state"}
)

// MarshalReforms writes reforms as a study file's "reforms"
// (docs/study-format.md), for [scheme.EncodeOptions] Reforms: each change
// by its type's name, enums by name, rates as fractions and money limits
// in currency. Read back by [FromStudy], the reforms apply to schemes
// identical to the last bit. A [RulesEdit], a Go function, cannot be
// written: it is an error, as is a value JSON cannot hold (NaN).
func MarshalReforms(reforms []Reform, currency string) ([]byte, error) {
	docs := make([]reformDoc, len(reforms))
	for i, r := range reforms {
		docs[i].Name = r.Name
		docs[i].Changes = make([]changeDoc, len(r.Changes))
		for k, c := range r.Changes {
			d, err := encodeChange(c, currency)
			if err != nil {
				return nil, fmt.Errorf("reform: MarshalReforms: reform %q, change %d (%v): %w", r.Name, k, c, err)
			}
			docs[i].Changes[k] = d
		}
	}
	return json.Marshal(docs)
}

func whoOf(w Who) *whoDoc {
	if w.everyone() {
		return nil
	}
	return &whoDoc{NewEntrants: w.NewEntrants, ServiceBelow: w.ServiceBelow, AgeBelow: w.AgeBelow}
}

func limitOf(l actuarial.Limit, currency string) limitDoc {
	d := limitDoc{Units: l.Units, PerYear: l.Money}
	if l.Money != 0 {
		d.Currency = currency
	}
	return d
}

func sexName(s actuarial.Sex) string {
	if s == actuarial.SexUnknown {
		return ""
	}
	return sexNames[s.Index()]
}

func encodeChange(c Change, currency string) (changeDoc, error) {
	if err := c.validate(); err != nil {
		return changeDoc{}, err
	}
	var d changeDoc
	if cc, ok := c.(Cited); ok {
		c = cc.Change
		if !cc.Source.IsZero() {
			d.Source = &sourceDoc{Law: cc.Source.Law, Article: cc.Source.Article, Date: cc.Source.Date}
		}
	}
	switch c := c.(type) {
	case ContributionRate:
		d.ContributionRate = &contributionRateDoc{c.Year, c.Groups, whoOf(c.Who), payerNameTable[c.Payer], c.Rate, c.Step}
	case ContributionCeiling:
		d.ContributionCeiling = &ceilingChangeDoc{c.Year, c.Groups, whoOf(c.Who), limitOf(c.Ceiling, currency)}
	case RetirementConditions:
		cd := &conditionsDoc{Year: c.Year, Groups: c.Groups, Who: whoOf(c.Who), Sex: sexName(c.Sex), AddAge: c.AddAge, SetAge: c.SetAge,
			AddService: c.AddService, Every: c.Every, Cohort: c.Cohort, Compulsory: c.Compulsory}
		if c.Conditions != AllConditions {
			cd.Conditions = c.Conditions.String()
		}
		d.RetirementConditions = cd
	case AccrualTable:
		ad := &accrualTableDoc{Year: c.Year, Groups: c.Groups, Who: whoOf(c.Who), Share: c.Share}
		if len(c.Accrual.Rates) > 0 {
			ad.Accrual = &accrualDoc{MinService: c.Accrual.MinService, Rates: c.Accrual.Rates}
		}
		d.AccrualTable = ad
	case ReferencePeriod:
		d.ReferencePeriod = &referencePeriodDoc{c.Year, c.Groups, whoOf(c.Who), c.Years, c.Share}
	case PensionCap:
		d.PensionCap = &capChangeDoc{c.Year, c.Groups, whoOf(c.Who), limitOf(c.Cap, currency), sexName(c.Sex)}
	case PensionFloor:
		d.PensionFloor = &floorChangeDoc{c.Year, c.Groups, whoOf(c.Who), limitOf(c.Floor, currency), sexName(c.Sex)}
	case PensionGuarantee:
		gd := &guaranteeDoc{Year: c.Year, Groups: c.Groups, Who: whoOf(c.Who)}
		if c.Limits != scheme.LimitsInPayment {
			gd.Limits = limitNames[c.Limits]
		}
		if c.PaidBy != scheme.MinimumByScheme {
			gd.MinimumPaidBy = minPayerNames[c.PaidBy]
		}
		d.PensionGuarantee = gd
	case AutomaticBalancing:
		b := c.Balancing
		bd := &balancingChangeDoc{Year: c.Year, Groups: c.Groups, Who: whoOf(c.Who), IndexationBelow: b.IndexationBelow, IndexationCut: b.IndexationCut,
			ContributionBelow: b.ContributionBelow, ContributionStep: b.ContributionStep}
		if b.ContributionPayer != scheme.Worker {
			bd.ContributionPayer = payerNameTable[b.ContributionPayer]
		}
		d.AutomaticBalancing = bd
	case SustainabilityFactor:
		d.SustainabilityFactor = &sustainChangeDoc{c.Year, c.Groups, whoOf(c.Who), c.Factor.Age, c.Factor.Base}
	case Indexation:
		id := &indexationDoc{Year: c.Year, Groups: c.Groups, Who: whoOf(c.Who), Rule: indexNames[c.Rule]}
		id.Rate = studyjson.ScheduleOf(c.Rate)
		d.Indexation = id
	case SurvivorShare:
		d.SurvivorShare = &survivorShareDoc{c.Year, c.Groups, whoOf(c.Who), c.Share}
	case WorkRiskBenefits:
		b := &c.Benefits
		d.WorkRisks = &workRisksChangeDoc{Year: c.Year, Groups: c.Groups, Who: whoOf(c.Who),
			Disability: workFormulaOf(b.Disability, currency), Death: workFormulaOf(b.Death, currency),
			SurvivorShare: b.SurvivorShare, OrphanShare: b.OrphanShare}
	case RulesEdit:
		return d, fmt.Errorf("a RulesEdit holds a Go function and cannot be written to a study file")
	default:
		return d, fmt.Errorf("a change of type %T cannot be written to a study file", c)
	}
	return d, nil
}

// StudyOptions are a study file's "options": how its scenarios are
// summarized, which reforms to attribute and which problems to solve. The
// zero value asks for the summaries alone, over every projected year.
type StudyOptions struct {
	// HorizonYears is the number of years the summary indicators cover;
	// 0: every projected year (Options Horizon.Years).
	HorizonYears int
	// TargetRatio is the reserve the actuarial balance aims at, in years
	// of the last year's expenditure, ≥ 0 (Options Horizon.TargetRatio);
	// 0: none.
	TargetRatio float64
	// ReserveRatioYears are the calendar years at which the reserve ratio
	// is reported (Options ReserveRatioYears); nil: none.
	ReserveRatioYears []int
	// Attribute names the reforms whose effect is split among their
	// changes ([Attribute]); nil: none.
	Attribute []string
	// Solve are the problems to solve ([Solve]), on the study's base
	// scheme; nil: none.
	Solve []StudyProblem
}

// StudyProblem is a [Problem] of a study: the base scheme, the measures
// of the reform named With (if any) applied first, and the lever's value
// to solve for.
type StudyProblem struct {
	Name    string  // names the solution in outputs; required
	With    string  // the name of a study reform whose changes are the Problem's With; "": none
	Problem Problem // the problem; its With is set from the reform named With
}

// Options returns the reform Options the study options ask for, with
// years projected.
func (o *StudyOptions) Options(years int) Options {
	return Options{
		Years:             years,
		Horizon:           horizonOf(o.HorizonYears, o.TargetRatio),
		ReserveRatioYears: o.ReserveRatioYears,
	}
}

// MarshalStudyOptions writes study options as a study file's "options",
// for [scheme.EncodeOptions] Options. Only the levers of this package
// ([ContributionLever], [RetirementAgeLever], [AccrualLever]) can be
// written.
func MarshalStudyOptions(o StudyOptions) ([]byte, error) {
	d := optionsDoc{ReserveRatioYears: o.ReserveRatioYears, Attribute: o.Attribute}
	if o.HorizonYears != 0 || o.TargetRatio != 0 {
		d.Horizon = &horizonDoc{Years: o.HorizonYears, TargetRatio: o.TargetRatio}
	}
	for i, sp := range o.Solve {
		p := &sp.Problem
		lo, hi := p.Lo, p.Hi
		sd := solveDoc{Name: sp.Name, With: sp.With, Lo: &lo, Hi: &hi, Tolerance: p.Tolerance}
		switch l := p.Lever.(type) {
		case ContributionLever:
			sd.Solve, sd.Year, sd.Groups, sd.Who, sd.Payer = leverNames[0], l.Year, l.Groups, whoOf(l.Who), payerNameTable[l.Payer]
		case RetirementAgeLever:
			sd.Solve, sd.Year, sd.Groups, sd.Who = leverNames[1], l.Year, l.Groups, whoOf(l.Who)
			sd.Sex, sd.Every, sd.Cohort, sd.Compulsory = sexName(l.Sex), l.Every, l.Cohort, l.Compulsory
		case AccrualLever:
			sd.Solve, sd.Year, sd.Groups, sd.Who = leverNames[2], l.Year, l.Groups, whoOf(l.Who)
		default:
			return nil, fmt.Errorf("reform: MarshalStudyOptions: solve[%d]: a lever of type %T cannot be written to a study file", i, p.Lever)
		}
		t := p.Target
		switch t.kind {
		case targetNoDepletion:
			sd.Target.NoDepletionThrough = t.year
		case targetReserveRatio:
			v := t.value
			sd.Target.ReserveRatioAtLeast, sd.Target.Through = &v, t.year
		case targetBalanced:
			sd.Target.Balanced = true
		case targetGAP:
			v := t.value
			sd.Target.GAPAtMost = &v
		default:
			return nil, fmt.Errorf("reform: MarshalStudyOptions: solve[%d]: the zero Target", i)
		}
		if math.IsNaN(lo) || math.IsNaN(hi) {
			return nil, fmt.Errorf("reform: MarshalStudyOptions: solve[%d]: a NaN bound", i)
		}
		d.Solve = append(d.Solve, sd)
	}
	return json.Marshal(d)
}
