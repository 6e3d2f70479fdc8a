// Reading the reforms and run options of a study file.

package reform

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/internal/jsonpath"
)

// The bounds a study file's changes must keep, so that no file can make
// a phase-in of millions of steps: a change's year, and the least step of
// a contribution rate's phase-in (a hundredth of a point a year).
const (
	maxStudyYear = 9999
	minStep      = 1e-4
)

// Study is a study file read whole: its scenarios (package scheme's part
// of the file), the reforms to compare with its base scheme, and its run
// options.
type Study struct {
	*scheme.Study
	// Reforms are the study's "reforms", each applied to the base scheme:
	// the first scenario. Nil: none.
	Reforms []Reform
	// Options are the study's "options".
	Options StudyOptions
}

// Base returns the study's base scheme, its first scenario, to which the
// reforms apply.
func (st *Study) Base() *scheme.Scheme { return st.Scenarios[0].Scheme }

// ReadStudyFile reads a study file (docs/study-format.md) with its
// reforms and options; errors name the file, line and JSON path of a bad
// value, as [scheme.ReadStudyFile] does.
func ReadStudyFile(name string) (*Study, error) {
	st, err := scheme.ReadStudyFile(name)
	if err != nil {
		return nil, err
	}
	return FromStudy(st)
}

// DecodeStudyFS is [scheme.DecodeStudyFS] with the study's reforms and
// options decoded too.
func DecodeStudyFS(r io.Reader, fsys fs.FS, dir string) (*Study, error) {
	st, err := scheme.DecodeStudyFS(r, fsys, dir)
	if err != nil {
		return nil, err
	}
	return FromStudy(st)
}

// FromStudy decodes the "reforms" and "options" of a decoded study file,
// strictly: an unknown field, a wrong type or a bad value is a
// *scheme.StudyError naming its JSON path ("reforms[1].changes[0].
// contribution_rate.rate") and line. Each reform is applied to the base
// scheme, so that a change that cannot apply (an unknown group, a year
// before the start, a change that affects nobody) is an error naming the
// change's path too.
func FromStudy(st *scheme.Study) (*Study, error) {
	if st == nil || len(st.Scenarios) == 0 {
		return nil, errors.New("reform: FromStudy of a study without scenarios")
	}
	out := &Study{Study: st}
	base := st.Scenarios[0].Scheme
	if sec := st.Reforms; sec != nil {
		d := &decoder{w: jsonpath.NewAt(sec.JSON, sec.Line, sec.Path), file: sec.File, currency: st.Currency}
		var docs []reformDoc
		if err := d.w.Document(&docs); err != nil {
			return nil, d.convert(err)
		}
		rs, err := d.reforms(sec.Path, docs, base)
		if err != nil {
			return nil, err
		}
		out.Reforms = rs
	}
	if sec := st.Options; sec != nil {
		d := &decoder{w: jsonpath.NewAt(sec.JSON, sec.Line, sec.Path), file: sec.File, currency: st.Currency}
		var doc optionsDoc
		if err := d.w.Document(&doc); err != nil {
			return nil, d.convert(err)
		}
		o, err := d.options(sec.Path, &doc, out.Reforms, base, st.Years)
		if err != nil {
			return nil, err
		}
		out.Options = o
	}
	return out, nil
}

// decoder builds reforms and options from their documents, naming the
// path and line of every bad value.
type decoder struct {
	w        *jsonpath.Walker
	file     string
	currency string
}

func (d *decoder) convert(err error) error {
	var je *jsonpath.Error
	if errors.As(err, &je) {
		return &scheme.StudyError{File: d.file, Line: je.Line, Path: je.Path, Value: je.Value, Err: je.Err}
	}
	return err
}

func (d *decoder) fail(path string, value any, err error) error {
	v := ""
	if value != nil {
		v = fmt.Sprint(value)
	}
	return &scheme.StudyError{File: d.file, Line: d.w.LineOf(path), Path: path, Value: v, Err: err}
}

func (d *decoder) enum(path, name string, names []string, zeroOK bool) (int, error) {
	if name == "" && zeroOK {
		return -1, nil
	}
	if i := slices.Index(names, name); i >= 0 {
		return i, nil
	}
	return 0, d.fail(path, fmt.Sprintf("%q", name), fmt.Errorf("want one of %s", strings.Join(names, ", ")))
}

func (d *decoder) sex(path, name string) (actuarial.Sex, error) {
	i, err := d.enum(path, name, sexNames[:], true)
	if err != nil || i < 0 {
		return actuarial.SexUnknown, err
	}
	return actuarial.SexAt(i), nil
}

func (d *decoder) payer(path, name string) (scheme.Payer, error) {
	i, err := d.enum(path, name, payerNameTable[:], false)
	return scheme.Payer(i), err
}

func (d *decoder) who(path string, w *whoDoc) (Who, error) {
	if w == nil {
		return Who{}, nil
	}
	who := Who{NewEntrants: w.NewEntrants, ServiceBelow: w.ServiceBelow, AgeBelow: w.AgeBelow}
	if err := who.validate(); err != nil {
		return Who{}, d.fail(path, nil, err)
	}
	return who, nil
}

// fraction checks a rate or share in [0, 1].
func (d *decoder) fraction(path string, v float64) error {
	if !(v >= 0 && v <= 1) {
		return d.fail(path, v, fmt.Errorf("%w: want a fraction in [0, 1] (0.15 is 15%%)", ErrInvalid))
	}
	return nil
}

func (d *decoder) limit(path string, l limitDoc) (actuarial.Limit, error) {
	if l.PerYear != 0 && l.Currency != d.currency {
		return actuarial.Limit{}, d.fail(path+".currency", fmt.Sprintf("%q", l.Currency), fmt.Errorf("want the study's currency %s", d.currency))
	}
	if l.PerYear == 0 && l.Currency != "" {
		return actuarial.Limit{}, d.fail(path+".currency", fmt.Sprintf("%q", l.Currency), errors.New("a currency without an amount per_year"))
	}
	lim := actuarial.Limit{Money: l.PerYear, Units: l.Units}
	if err := checkLimit("limit", lim); err != nil {
		return lim, d.fail(path, fmt.Sprintf("%+v", l), err)
	}
	return lim, nil
}

func (d *decoder) reforms(path string, docs []reformDoc, base *scheme.Scheme) ([]Reform, error) {
	var rs []Reform
	for i, rd := range docs {
		rp := fmt.Sprintf("%s[%d]", path, i)
		if rd.Name == "" {
			return nil, d.fail(rp+".name", nil, scheme.ErrRequired)
		}
		for _, r := range rs {
			if r.Name == rd.Name {
				return nil, d.fail(rp+".name", fmt.Sprintf("%q", rd.Name), errors.New("a second reform of this name"))
			}
		}
		if len(rd.Changes) == 0 {
			return nil, d.fail(rp+".changes", nil, fmt.Errorf("%w: a reform needs at least one change", scheme.ErrRequired))
		}
		r := Reform{Name: rd.Name}
		for k := range rd.Changes {
			c, err := d.change(fmt.Sprintf("%s.changes[%d]", rp, k), &rd.Changes[k])
			if err != nil {
				return nil, err
			}
			r.Changes = append(r.Changes, c)
		}
		if _, err := r.Apply(base); err != nil {
			p := rp
			var ce *ChangeError
			if errors.As(err, &ce) && ce.Index >= 0 {
				p = fmt.Sprintf("%s.changes[%d]", rp, ce.Index)
			}
			return nil, d.fail(p, nil, err)
		}
		rs = append(rs, r)
	}
	return rs, nil
}

// change decodes one change and checks its values.
func (d *decoder) change(path string, cd *changeDoc) (Change, error) {
	var kinds []string
	v := reflect.ValueOf(cd).Elem()
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		if name != "source" && !v.Field(i).IsNil() {
			kinds = append(kinds, name)
		}
	}
	if len(kinds) != 1 {
		return nil, d.fail(path, nil, fmt.Errorf("%w: a change is an object with one member naming its type (contribution_rate, retirement_conditions, ...); got %d", ErrInvalid, len(kinds)))
	}
	path += "." + kinds[0]
	var (
		c   Change
		err error
	)
	scope := func(year int, groups []string, w *whoDoc) (Who, error) {
		if year == 0 {
			return Who{}, d.fail(path+".year", nil, scheme.ErrRequired)
		}
		if year < 1 || year > maxStudyYear {
			return Who{}, d.fail(path+".year", year, fmt.Errorf("%w: want a calendar year in 1..%d", ErrInvalid, maxStudyYear))
		}
		if groups != nil && len(groups) == 0 {
			return Who{}, d.fail(path+".groups", nil, errors.New("an empty list of groups: omit it for every group"))
		}
		return d.who(path+".who", w)
	}
	switch {
	case cd.ContributionRate != nil:
		x := cd.ContributionRate
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		payer, err := d.payer(path+".payer", x.Payer)
		if err != nil {
			return nil, err
		}
		if err := d.fraction(path+".rate", x.Rate); err != nil {
			return nil, err
		}
		if err := d.fraction(path+".step", x.Step); err != nil {
			return nil, err
		}
		if x.Step != 0 && x.Step < minStep {
			return nil, d.fail(path+".step", x.Step, fmt.Errorf("%w: want 0 (at once) or at least %g a year", ErrInvalid, minStep))
		}
		c = ContributionRate{Year: x.Year, Groups: x.Groups, Who: who, Payer: payer, Rate: x.Rate, Step: x.Step}
	case cd.ContributionCeiling != nil:
		x := cd.ContributionCeiling
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		lim, err := d.limit(path+".ceiling", x.Ceiling)
		if err != nil {
			return nil, err
		}
		c = ContributionCeiling{Year: x.Year, Groups: x.Groups, Who: who, Ceiling: lim}
	case cd.RetirementConditions != nil:
		x := cd.RetirementConditions
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		sex, err := d.sex(path+".sex", x.Sex)
		if err != nil {
			return nil, err
		}
		if x.Every < 0 || x.Every > census.MaxCensusAge {
			return nil, d.fail(path+".every", x.Every, fmt.Errorf("%w: want 0..%d", ErrInvalid, census.MaxCensusAge))
		}
		if x.Cohort != 0 && (x.Cohort < x.Year-2*census.MaxCensusAge || x.Cohort > x.Year+census.MaxCensusAge) {
			return nil, d.fail(path+".cohort", x.Cohort, fmt.Errorf("%w: want a birth year within %d years of the change's", ErrInvalid, 2*census.MaxCensusAge))
		}
		set, err := d.enum(path+".conditions", x.Conditions, conditionSetNames[:], true)
		if err != nil {
			return nil, err
		}
		c = RetirementConditions{Year: x.Year, Groups: x.Groups, Who: who, Sex: sex, AddAge: x.AddAge, SetAge: x.SetAge,
			AddService: x.AddService, Every: x.Every, Cohort: x.Cohort, Compulsory: x.Compulsory, Conditions: ConditionSet(max(set, 0))}
	case cd.AccrualTable != nil:
		x := cd.AccrualTable
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		at := AccrualTable{Year: x.Year, Groups: x.Groups, Who: who, Share: x.Share}
		if x.Accrual != nil {
			if len(x.Accrual.Rates) == 0 {
				return nil, d.fail(path+".accrual.rates", nil, fmt.Errorf("%w: omit the accrual to scale the table in force", scheme.ErrRequired))
			}
			for i, r := range x.Accrual.Rates {
				if err := d.fraction(fmt.Sprintf("%s.accrual.rates[%d]", path, i), r); err != nil {
					return nil, err
				}
			}
			at.Accrual = actuarial.Accrual{MinService: x.Accrual.MinService, Rates: x.Accrual.Rates}
		}
		if !(x.Share >= 0) || math.IsInf(x.Share, 0) {
			return nil, d.fail(path+".share", x.Share, fmt.Errorf("%w: want a finite factor > 0", ErrInvalid))
		}
		c = at
	case cd.ReferencePeriod != nil:
		x := cd.ReferencePeriod
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		if x.Years < 1 {
			return nil, d.fail(path+".years", x.Years, fmt.Errorf("%w: want ≥ 1", ErrInvalid))
		}
		if err := d.fraction(path+".share", x.Share); err != nil {
			return nil, err
		}
		c = ReferencePeriod{Year: x.Year, Groups: x.Groups, Who: who, Years: x.Years, Share: x.Share}
	case cd.PensionCap != nil:
		x := cd.PensionCap
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		lim, err := d.limit(path+".cap", x.Cap)
		if err != nil {
			return nil, err
		}
		sex, err := d.sex(path+".sex", x.Sex)
		if err != nil {
			return nil, err
		}
		c = PensionCap{Year: x.Year, Groups: x.Groups, Who: who, Cap: lim, Sex: sex}
	case cd.PensionFloor != nil:
		x := cd.PensionFloor
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		lim, err := d.limit(path+".floor", x.Floor)
		if err != nil {
			return nil, err
		}
		sex, err := d.sex(path+".sex", x.Sex)
		if err != nil {
			return nil, err
		}
		c = PensionFloor{Year: x.Year, Groups: x.Groups, Who: who, Floor: lim, Sex: sex}
	case cd.PensionGuarantee != nil:
		x := cd.PensionGuarantee
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		lt, err := d.enum(path+".limits", x.Limits, limitNames[:], true)
		if err != nil {
			return nil, err
		}
		mp, err := d.enum(path+".minimum_paid_by", x.MinimumPaidBy, minPayerNames[:], true)
		if err != nil {
			return nil, err
		}
		c = PensionGuarantee{Year: x.Year, Groups: x.Groups, Who: who, Limits: scheme.LimitTiming(max(lt, 0)), PaidBy: scheme.MinimumPayer(max(mp, 0))}
	case cd.AutomaticBalancing != nil:
		x := cd.AutomaticBalancing
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		pay, err := d.enum(path+".contribution_payer", x.ContributionPayer, payerNameTable[:], true)
		if err != nil {
			return nil, err
		}
		c = AutomaticBalancing{Year: x.Year, Groups: x.Groups, Who: who, Balancing: scheme.Balancing{
			IndexationBelow: x.IndexationBelow, IndexationCut: x.IndexationCut,
			ContributionBelow: x.ContributionBelow, ContributionStep: x.ContributionStep, ContributionPayer: scheme.Payer(max(pay, 0)),
		}}
	case cd.SustainabilityFactor != nil:
		x := cd.SustainabilityFactor
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		c = SustainabilityFactor{Year: x.Year, Groups: x.Groups, Who: who, Factor: scheme.Sustainability{Age: x.Age, Base: x.Base}}
	case cd.Indexation != nil:
		x := cd.Indexation
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		rule, err := d.enum(path+".rule", x.Rule, indexNames[:], false)
		if err != nil {
			return nil, err
		}
		ix := Indexation{Year: x.Year, Groups: x.Groups, Who: who, Rule: scheme.Indexation(rule)}
		if x.Rate != nil {
			if ix.Rule != scheme.IndexFixed {
				return nil, d.fail(path+".rate", nil, fmt.Errorf("%w: a rate belongs to the rule \"fixed\"", ErrInvalid))
			}
			ix.Rate = x.Rate.Schedule()
			if err := ix.Rate.Validate(); err != nil {
				return nil, d.fail(path+".rate", nil, fmt.Errorf("%w: %v", ErrInvalid, err))
			}
		}
		c = ix
	case cd.SurvivorShare != nil:
		x := cd.SurvivorShare
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		if err := d.fraction(path+".share", x.Share); err != nil {
			return nil, err
		}
		c = SurvivorShare{Year: x.Year, Groups: x.Groups, Who: who, Share: x.Share}
	case cd.WorkRisks != nil:
		x := cd.WorkRisks
		who, err := scope(x.Year, x.Groups, x.Who)
		if err != nil {
			return nil, err
		}
		w := WorkRiskBenefits{Year: x.Year, Groups: x.Groups, Who: who}
		for _, f := range []struct {
			name string
			doc  *workFormulaDoc
			dst  *actuarial.Formula
		}{{"disability", x.Disability, &w.Benefits.Disability}, {"death", x.Death, &w.Benefits.Death}} {
			if f.doc == nil {
				continue
			}
			fp := path + "." + f.name
			if f.doc.Accrual == nil || len(f.doc.Accrual.Rates) == 0 {
				return nil, d.fail(fp+".accrual.rates", nil, scheme.ErrRequired)
			}
			*f.dst = actuarial.Formula{Accrual: actuarial.Accrual{MinService: f.doc.Accrual.MinService, Rates: f.doc.Accrual.Rates},
				ReferenceYears: f.doc.ReferenceYears, ReferenceShare: f.doc.ReferenceShare}
			if f.doc.Cap != nil {
				if f.dst.Cap, err = d.limit(fp+".cap", *f.doc.Cap); err != nil {
					return nil, err
				}
			}
			if f.doc.Floor != nil {
				if f.dst.Floor, err = d.limit(fp+".floor", *f.doc.Floor); err != nil {
					return nil, err
				}
			}
		}
		for _, sh := range []struct {
			name string
			v    float64
		}{{"survivor_share", x.SurvivorShare}, {"orphan_share", x.OrphanShare}} {
			if err := d.fraction(path+"."+sh.name, sh.v); err != nil {
				return nil, err
			}
		}
		w.Benefits.SurvivorShare, w.Benefits.OrphanShare = x.SurvivorShare, x.OrphanShare
		c = w
	}
	if err = c.validate(); err != nil {
		return nil, d.fail(path, nil, err)
	}
	if x := cd.Source; x != nil {
		src := scheme.Source{Law: x.Law, Article: x.Article, Date: x.Date}
		if src.IsZero() {
			return nil, d.fail(strings.TrimSuffix(path, "."+kinds[0])+".source", nil,
				fmt.Errorf("%w: a source names its law, article or date (omit it to cite none)", scheme.ErrRequired))
		}
		c = Cited{Change: c, Source: src}
	}
	return c, nil
}

func horizonOf(years int, ratio float64) indicator.Horizon {
	return indicator.Horizon{Years: years, TargetRatio: ratio}
}

func (d *decoder) options(path string, doc *optionsDoc, reforms []Reform, base *scheme.Scheme, years int) (StudyOptions, error) {
	o := StudyOptions{ReserveRatioYears: doc.ReserveRatioYears, Attribute: doc.Attribute}
	if h := doc.Horizon; h != nil {
		if h.Years < 0 {
			return o, d.fail(path+".horizon.years", h.Years, fmt.Errorf("%w: want ≥ 0 (0: every projected year)", ErrOptions))
		}
		if !(h.TargetRatio >= 0) || math.IsInf(h.TargetRatio, 0) {
			return o, d.fail(path+".horizon.target_ratio", h.TargetRatio, fmt.Errorf("%w: want a finite ratio ≥ 0", ErrOptions))
		}
		o.HorizonYears, o.TargetRatio = h.Years, h.TargetRatio
	}
	opt := o.Options(years)
	if err := opt.validate(base.StartYear); err != nil {
		p := path + ".horizon"
		if len(doc.ReserveRatioYears) > 0 {
			p = path + ".reserve_ratio_years"
		}
		return o, d.fail(p, nil, err)
	}
	byName := func(p, name string) (*Reform, error) {
		for i := range reforms {
			if reforms[i].Name == name {
				return &reforms[i], nil
			}
		}
		return nil, d.fail(p, fmt.Sprintf("%q", name), errors.New("no reform of the study has this name"))
	}
	for i, name := range doc.Attribute {
		if _, err := byName(fmt.Sprintf("%s.attribute[%d]", path, i), name); err != nil {
			return o, err
		}
	}
	for i := range doc.Solve {
		sp := fmt.Sprintf("%s.solve[%d]", path, i)
		p, err := d.problem(sp, &doc.Solve[i])
		if err != nil {
			return o, err
		}
		if w := doc.Solve[i].With; w != "" {
			r, err := byName(sp+".with", w)
			if err != nil {
				return o, err
			}
			p.Problem.With = r.Changes
		}
		if err := p.Problem.validate(base.StartYear, opt.horizonYears()); err != nil {
			return o, d.fail(sp, nil, err)
		}
		o.Solve = append(o.Solve, p)
	}
	return o, nil
}

func (d *decoder) problem(path string, sd *solveDoc) (StudyProblem, error) {
	sp := StudyProblem{Name: sd.Name, With: sd.With}
	if sd.Name == "" {
		return sp, d.fail(path+".name", nil, scheme.ErrRequired)
	}
	if sd.Year < 1 || sd.Year > maxStudyYear {
		return sp, d.fail(path+".year", sd.Year, fmt.Errorf("%w: want a calendar year in 1..%d", scheme.ErrRequired, maxStudyYear))
	}
	who, err := d.who(path+".who", sd.Who)
	if err != nil {
		return sp, err
	}
	lever, err := d.enum(path+".solve", sd.Solve, leverNames[:], false)
	if err != nil {
		return sp, err
	}
	// Fields of another lever are errors, not silently ignored.
	notFor := func(field string, set bool) error {
		if set {
			return d.fail(path+"."+field, nil, fmt.Errorf("%w: not a field of the lever %q", ErrOptions, sd.Solve))
		}
		return nil
	}
	var p Problem
	switch lever {
	case 0:
		payer, err := d.payer(path+".payer", sd.Payer)
		if err != nil {
			return sp, err
		}
		for _, f := range []error{notFor("sex", sd.Sex != ""), notFor("every", sd.Every != 0), notFor("cohort", sd.Cohort != 0), notFor("compulsory", sd.Compulsory)} {
			if f != nil {
				return sp, f
			}
		}
		p.Lever = ContributionLever{Year: sd.Year, Groups: sd.Groups, Who: who, Payer: payer}
	case 1:
		sex, err := d.sex(path+".sex", sd.Sex)
		if err != nil {
			return sp, err
		}
		if err := notFor("payer", sd.Payer != ""); err != nil {
			return sp, err
		}
		if sd.Every < 0 || sd.Every > census.MaxCensusAge {
			return sp, d.fail(path+".every", sd.Every, fmt.Errorf("%w: want 0..%d", ErrOptions, census.MaxCensusAge))
		}
		if sd.Cohort != 0 && (sd.Cohort < sd.Year-2*census.MaxCensusAge || sd.Cohort > sd.Year+census.MaxCensusAge) {
			return sp, d.fail(path+".cohort", sd.Cohort, fmt.Errorf("%w: want a birth year within %d years of the lever's", ErrOptions, 2*census.MaxCensusAge))
		}
		p.Lever = RetirementAgeLever{Year: sd.Year, Groups: sd.Groups, Who: who, Sex: sex, Every: sd.Every, Cohort: sd.Cohort, Compulsory: sd.Compulsory}
	case 2:
		for _, f := range []error{notFor("payer", sd.Payer != ""), notFor("sex", sd.Sex != ""), notFor("every", sd.Every != 0), notFor("cohort", sd.Cohort != 0), notFor("compulsory", sd.Compulsory)} {
			if f != nil {
				return sp, f
			}
		}
		p.Lever = AccrualLever{Year: sd.Year, Groups: sd.Groups, Who: who}
	}
	t, err := d.target(path+".target", &sd.Target)
	if err != nil {
		return sp, err
	}
	p.Target = t
	if sd.Lo == nil {
		return sp, d.fail(path+".lo", nil, scheme.ErrRequired)
	}
	if sd.Hi == nil {
		return sp, d.fail(path+".hi", nil, scheme.ErrRequired)
	}
	p.Lo, p.Hi, p.Tolerance = *sd.Lo, *sd.Hi, sd.Tolerance
	sp.Problem = p
	return sp, nil
}

func (d *decoder) target(path string, td *targetDoc) (Target, error) {
	var ts []Target
	if td.NoDepletionThrough != 0 {
		ts = append(ts, NoDepletion(td.NoDepletionThrough))
	}
	if td.ReserveRatioAtLeast != nil {
		if td.Through == 0 {
			return Target{}, d.fail(path+".through", nil, scheme.ErrRequired)
		}
		ts = append(ts, ReserveRatioAtLeast(*td.ReserveRatioAtLeast, td.Through))
	} else if td.Through != 0 {
		return Target{}, d.fail(path+".through", td.Through, fmt.Errorf("%w: \"through\" goes with reserve_ratio_at_least", ErrOptions))
	}
	if td.Balanced {
		ts = append(ts, Balanced())
	}
	if td.GAPAtMost != nil {
		ts = append(ts, GAPAtMost(*td.GAPAtMost))
	}
	if len(ts) != 1 {
		return Target{}, d.fail(path, nil, fmt.Errorf("%w: give one target of no_depletion_through, reserve_ratio_at_least (with through), balanced, gap_at_most; got %d", ErrOptions, len(ts)))
	}
	return ts[0], nil
}
