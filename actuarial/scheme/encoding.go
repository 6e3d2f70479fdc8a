// Writing a scheme as a study file.

package scheme

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/internal/jsonpath"
	"github.com/reserva-go/reserva/internal/studyjson"
	"github.com/reserva-go/reserva/mortality"
)

// EncodeOptions say how [EncodeStudy] writes a scheme. The zero value is
// not usable: Currency is required.
type EncodeOptions struct {
	// Currency is the ISO 4217 code of the scheme's money ("MXN");
	// required.
	Currency string
	// Years is the study's number of projected years; 0: not given.
	Years int
	// Mortality[status][sex], when set, is written as a reference to a
	// file instead of the table's rates; nil: the rates are written
	// inline (only a PeriodTable can be). The file must hold the table
	// the scheme has: EncodeStudy does not read it.
	Mortality [NumLifeStatuses][actuarial.NumSexes]*MortalityFile
	// Census[g], when set, names the CSV files group g's census is read
	// from instead of writing its cells inline; nil or shorter than the
	// groups: inline cells. The files must group into the scheme's cells.
	Census []*CensusFiles
	// Reforms and Options, when not nil, are written as the study's
	// "reforms" and "options" (package reform's MarshalReforms and
	// MarshalStudyOptions write them); they must be valid JSON. Nil: none.
	Reforms, Options json.RawMessage
}

// MortalityFile names a file holding a mortality table, relative to the
// study file: a CSV file (mortality.ReadCSV) and its Column, an XTbML
// document's ultimate table, or an HMD life-table file's table of Year.
// Format is "csv", "xtbml" or "hmd"; "": taken from the file's extension
// (.csv, .xml).
type MortalityFile struct {
	File   string
	Format string
	Column string // csv: the column of rates
	Year   int    // hmd: the year of the period table
}

// CensusFiles names the CSV files of a group's census, relative to the
// study file (census.ReadActives and census.ReadPensioners, with Options;
// Options.File is set to the file's name). An empty name: none.
type CensusFiles struct {
	Actives, Pensioners string
	Options             census.CensusOptions
}

// EncodeStudy writes the scheme as a study file (version StudyVersion),
// indented, with every enum by name, rates as fractions and money with its
// currency. Reading it back with DecodeStudy gives a scheme whose
// projection is identical to the last bit. It returns an error for a
// scheme that does not validate, a table it cannot write inline, or a
// value JSON cannot hold (NaN).
func EncodeStudy(w io.Writer, s *Scheme, opt EncodeOptions) error {
	if s == nil {
		panic("scheme: EncodeStudy of a nil scheme")
	}
	if !currencyCode.MatchString(opt.Currency) {
		return fmt.Errorf("scheme: EncodeOptions.Currency %q: want an ISO 4217 code such as \"MXN\"", opt.Currency)
	}
	if err := s.Validate(); err != nil {
		return err
	}
	e := encoder{cur: opt.Currency}
	d, err := e.study(s, &opt)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("scheme: EncodeStudy: %w", err)
	}
	data = numberRows.ReplaceAllFunc(data, func(m []byte) []byte {
		return append(append([]byte("["), bytes.Join(bytes.Fields(bytes.ReplaceAll(m[1:len(m)-1], []byte(","), []byte(", "))), []byte(" "))...), ']')
	})
	data = append(data, '\n')
	_, err = w.Write(data)
	return err
}

// numberRows matches an indented array of numbers, which EncodeStudy puts
// on one line. Raw newlines never occur inside JSON strings, so a match is
// never within one.
var numberRows = regexp.MustCompile(`\[\n\s*-?[0-9][-+.0-9eE]*(?:,\n\s*-?[0-9][-+.0-9eE]*)*\n\s*\]`)

type encoder struct{ cur string }

func (e *encoder) study(s *Scheme, opt *EncodeOptions) (*studyDoc, error) {
	d := &studyDoc{Version: StudyVersion, Name: s.Name, Currency: e.cur, Years: opt.Years, StartYear: s.StartYear}
	if opt.Reforms != nil {
		if !json.Valid(opt.Reforms) {
			return nil, fmt.Errorf("scheme: EncodeOptions.Reforms is not valid JSON")
		}
		d.Reforms = &jsonpath.Raw{Data: opt.Reforms}
	}
	if opt.Options != nil {
		if !json.Valid(opt.Options) {
			return nil, fmt.Errorf("scheme: EncodeOptions.Options is not valid JSON")
		}
		d.Options = &jsonpath.Raw{Data: opt.Options}
	}
	for gi := range s.Groups {
		var files *CensusFiles
		if gi < len(opt.Census) {
			files = opt.Census[gi]
		}
		gd, err := e.group(&s.Groups[gi], files)
		if err != nil {
			return nil, fmt.Errorf("scheme: EncodeStudy: group %d: %w", gi, err)
		}
		d.Groups = append(d.Groups, gd)
	}
	for _, g := range s.EntrantGroups {
		d.EntrantGroups = append(d.EntrantGroups, groupFromDoc(g))
	}
	for _, t := range s.Transitions {
		d.Transitions = append(d.Transitions, transitionDoc(t))
	}
	a, err := e.assumptions(&s.Assumptions, opt)
	if err != nil {
		return nil, fmt.Errorf("scheme: EncodeStudy: %w", err)
	}
	d.Assumptions = a
	if s.InitialReserve != 0 {
		d.InitialReserve = &moneyDoc{Amount: s.InitialReserve, Currency: e.cur}
	}
	if s.Transfers != nil {
		d.Transfers = &moneyPerYearDoc{Currency: e.cur, PerYear: *studyjson.ScheduleOf(s.Transfers)}
	}
	if s.AdminCosts.ShareOfBenefits != nil || s.AdminCosts.ShareOfSalary != nil {
		d.AdminCosts = &adminCostsDoc{ShareOfBenefits: studyjson.ScheduleOf(s.AdminCosts.ShareOfBenefits), ShareOfSalary: studyjson.ScheduleOf(s.AdminCosts.ShareOfSalary)}
	}
	return d, nil
}

func (e *encoder) group(g *Group, files *CensusFiles) (groupDoc, error) {
	d := groupDoc{Name: g.Name}
	for i := range g.Rules {
		d.Rules = append(d.Rules, e.rules(&g.Rules[i]))
	}
	if g.Actives == nil && g.Pensioners == nil {
		return d, nil
	}
	c := &censusDoc{Currency: e.cur}
	if g.Actives != nil {
		c.MaxService = g.Actives.LastService()
	}
	if files != nil {
		c.Actives, c.Pensioners = files.Actives, files.Pensioners
		o := files.Options
		od := censusOptionsDoc{DateLayout: o.DateLayout, MinEntryAge: o.MinEntryAge,
			SalaryPaymentsPerYear: o.SalaryPaymentsPerYear, PensionPaymentsPerYear: o.PensionPaymentsPerYear}
		if o.Comma != 0 {
			od.Comma = string(o.Comma)
		}
		if o.SexCodes != 0 {
			od.SexCodes = sexCodeNames[o.SexCodes]
		}
		if od != (censusOptionsDoc{}) {
			c.Options = &od
		}
	}
	if a := g.Actives; a != nil && c.Actives == "" {
		for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
			for age := 0; age <= census.MaxCensusAge; age++ {
				for sv := 0; sv <= a.LastService(); sv++ {
					k := a.Index(sex, age, sv)
					if a.Count[k] != 0 || a.Salary[k] != 0 {
						c.ActiveCells = append(c.ActiveCells, activeCellDoc{Sex: sexNames[sex.Index()], Age: age, Service: sv, Count: a.Count[k], Salary: a.Salary[k]})
					}
				}
			}
		}
	}
	if p := g.Pensioners; p != nil && c.Pensioners == "" {
		for ti := range census.NumPensionTypes {
			ty := census.PensionTypeAt(ti)
			for _, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
				for age := 0; age <= census.MaxCensusAge; age++ {
					k := p.Index(ty, sex, age)
					if p.Count[k] != 0 || p.Pension[k] != 0 {
						c.PensionerCells = append(c.PensionerCells, pensionerCellDoc{Type: pensionNames[ty.Index()], Sex: sexNames[sex.Index()], Age: age, Count: p.Count[k], Pension: p.Pension[k]})
					}
				}
			}
		}
	}
	d.Census = c
	return d, nil
}

func (e *encoder) limit(l actuarial.Limit) *limitDoc {
	if l == (actuarial.Limit{}) {
		return nil
	}
	d := &limitDoc{Units: l.Units, PerYear: l.Money}
	if l.Money != 0 {
		d.Currency = e.cur
	}
	return d
}

func (e *encoder) formula(f actuarial.Formula) *formulaDoc {
	if reflect.DeepEqual(f, actuarial.Formula{}) {
		return nil
	}
	rates := f.Accrual.Rates
	if rates == nil {
		rates = []float64{}
	}
	return &formulaDoc{
		Accrual:        accrualDoc{MinService: f.Accrual.MinService, Rates: rates},
		ReferenceYears: f.ReferenceYears, ReferenceShare: f.ReferenceShare,
		Cap: e.limit(f.Cap), Floor: e.limit(f.Floor),
	}
}

// sexes writes a value by sex: "both" when the two are equal.
func sexes[T, D any](v [actuarial.NumSexes]T, conv func(T) *D) *bySexDoc[D] {
	if reflect.DeepEqual(v[0], v[1]) {
		return &bySexDoc[D]{Both: conv(v[0])}
	}
	return &bySexDoc[D]{Male: conv(v[0]), Female: conv(v[1])}
}

func conds(cs actuarial.Conditions) *[]conditionDoc {
	d := make([]conditionDoc, len(cs))
	for i, c := range cs {
		d[i] = conditionDoc(c)
	}
	return &d
}

func intp(v int) *int { return &v }

func (e *encoder) rules(r *Rules) rulesDoc {
	d := rulesDoc{From: r.From, Ceiling: e.limit(r.Ceiling), Retirement: e.formula(r.Retirement), Disability: e.formula(r.Disability),
		SurvivorShare: r.SurvivorShare, OrphanShare: r.OrphanShare, OrphanEndAge: r.OrphanEndAge, KeepOnRemarriage: r.KeepOnRemarriage, RefundShare: r.RefundShare, ExtraPayments: r.ExtraPayments,
		IndexRate: studyjson.ScheduleOf(r.IndexRate)}
	if w := r.WorkRisks; !reflect.DeepEqual(w, WorkRisks{}) {
		d.WorkRisks = &workRisksDoc{Disability: e.formula(w.Disability), Death: e.formula(w.Death),
			SurvivorShare: w.SurvivorShare, OrphanShare: w.OrphanShare}
	}
	if !r.Source.IsZero() {
		s := sourceDoc(r.Source)
		d.Source = &s
	}
	c := r.ContributionRate
	if c[Worker] != nil || c[Employer] != nil || c[State] != nil {
		d.ContributionRate = &byPayerDoc{Worker: studyjson.ScheduleOf(c[Worker]), Employer: studyjson.ScheduleOf(c[Employer]), State: studyjson.ScheduleOf(c[State])}
	}
	el := r.Eligibility
	if !reflect.DeepEqual(el, actuarial.Eligibility{}) {
		ed := &eligibilityDoc{ReductionPerYear: el.ReductionPerYear}
		if el.Full[0] != nil || el.Full[1] != nil {
			ed.Full = sexes(el.Full, conds)
		}
		if el.Reduced[0] != nil || el.Reduced[1] != nil {
			ed.Reduced = sexes(el.Reduced, conds)
		}
		if el.FullAge != [actuarial.NumSexes]int{} {
			ed.FullAge = sexes(el.FullAge, intp)
		}
		d.Eligibility = ed
	}
	for _, st := range r.SurvivorSteps {
		d.SurvivorSteps = append(d.SurvivorSteps, shareStepDoc(st))
	}
	if !reflect.DeepEqual(r.BySex, [actuarial.NumSexes]SexRules{}) {
		d.BySex = &sexRulesByDoc{}
		for sx, dst := range [actuarial.NumSexes]**sexRulesDoc{&d.BySex.Male, &d.BySex.Female} {
			o := r.BySex[sx]
			if reflect.DeepEqual(o, SexRules{}) {
				continue
			}
			sd := &sexRulesDoc{ReferenceYears: o.ReferenceYears, ReductionPerYear: o.ReductionPerYear,
				RetirementCap: e.limit(o.RetirementCap), RetirementFloor: e.limit(o.RetirementFloor),
				DisabilityCap: e.limit(o.DisabilityCap), DisabilityFloor: e.limit(o.DisabilityFloor)}
			if o.Accrual.Rates != nil || o.Accrual.MinService != 0 {
				rates := o.Accrual.Rates
				if rates == nil {
					rates = []float64{}
				}
				sd.Accrual = &accrualDoc{MinService: o.Accrual.MinService, Rates: rates}
			}
			*dst = sd
		}
	}
	if r.CompulsoryAge != [actuarial.NumSexes]int{} {
		d.CompulsoryAge = sexes(r.CompulsoryAge, intp)
	}
	if r.Indexation != IndexNone {
		d.Indexation = indexNames[r.Indexation]
	}
	if r.Limits != LimitsInPayment {
		d.Limits = limitNames[r.Limits]
	}
	if r.MinimumPaidBy != MinimumByScheme {
		d.MinimumPaidBy = minPayerNames[r.MinimumPaidBy]
	}
	if sf := r.Sustainability; sf != (Sustainability{}) {
		d.Sustainability = &sustainDoc{Age: sf.Age, Base: sf.Base}
	}
	if bl := r.Balancing; bl != (Balancing{}) {
		d.Balancing = &balancingDoc{IndexationBelow: bl.IndexationBelow, IndexationCut: bl.IndexationCut,
			ContributionBelow: bl.ContributionBelow, ContributionStep: bl.ContributionStep}
		if bl.ContributionPayer != Worker {
			d.Balancing.ContributionPayer = payerNames[bl.ContributionPayer]
		}
	}
	return d
}

func byAge(b actuarial.ByAge) *byAgeDoc {
	if b.Values == nil && b.MinAge == 0 {
		return nil
	}
	return &byAgeDoc{MinAge: b.MinAge, Values: b.Values}
}

func (e *encoder) assumptions(a *Assumptions, opt *EncodeOptions) (*assumptionsDoc, error) {
	d := &assumptionsDoc{}
	dst := [NumLifeStatuses]**bySexDoc[tableDoc]{&d.Mortality.Active, &d.Mortality.Retired, &d.Mortality.Disabled, &d.Mortality.Survivor}
	for st := range NumLifeStatuses {
		m := a.Mortality[st]
		if m[0] == nil && m[1] == nil {
			continue
		}
		var tds [actuarial.NumSexes]*tableDoc
		for sx := range actuarial.NumSexes {
			if m[sx] == nil {
				return nil, fmt.Errorf("mortality of %v %v: a table for one sex only", LifeStatus(st), actuarial.SexAt(sx))
			}
			td, err := tableDocOf(m[sx], opt.Mortality[st][sx])
			if err != nil {
				return nil, fmt.Errorf("mortality of %v %v: %w", LifeStatus(st), actuarial.SexAt(sx), err)
			}
			tds[sx] = td
		}
		*dst[st] = sexes(tds, func(t *tableDoc) *tableDoc { return t })
	}
	if a.Decrements[0] != nil || a.Decrements[1] != nil {
		var ds [actuarial.NumSexes]*serviceTableDoc
		for sx, t := range a.Decrements {
			if t == nil {
				return nil, fmt.Errorf("decrements of %v: a table for one sex only", actuarial.SexAt(sx))
			}
			ds[sx] = serviceDoc(t)
		}
		d.Decrements = sexes(ds, func(t *serviceTableDoc) *serviceTableDoc { return t })
	}
	if !reflect.DeepEqual(a.Retirement, [actuarial.NumSexes]RetirementRates{}) {
		d.Retirement = sexes(a.Retirement, func(r RetirementRates) *retirementRatesDoc {
			return &retirementRatesDoc{Full: byAge(r.Full), Reduced: byAge(r.Reduced)}
		})
	}
	if a.RetirementTiming != RatesByAge {
		if a.RetirementTiming < 0 || int(a.RetirementTiming) >= len(retTimingNames) {
			return nil, fmt.Errorf("retirement timing %v", a.RetirementTiming)
		}
		d.RetirementTiming = retTimingNames[a.RetirementTiming]
	}
	if s := a.Salary; s.MinAge != 0 || s.ByAge != nil || s.ByService != nil {
		d.Salary = &salaryScaleDoc{MinAge: s.MinAge, ByAge: s.ByAge, ByService: s.ByService}
	}
	d.WageGrowth, d.Inflation, d.Return = studyjson.ScheduleOf(a.WageGrowth), studyjson.ScheduleOf(a.Inflation), studyjson.ScheduleOf(a.Return)
	if a.Unit != 0 || a.UnitGrowth != nil {
		d.Unit = &unitDoc{Currency: e.cur, PerYear: a.Unit, Growth: studyjson.ScheduleOf(a.UnitGrowth)}
	}
	if en := a.Entrants; !reflect.DeepEqual(en, Entrants{}) {
		ed := &entrantsDoc{Mode: entrantNames[en.Mode], Count: studyjson.ScheduleOf(en.Count), Growth: studyjson.ScheduleOf(en.Growth)}
		if len(en.Profile) > 0 {
			ed.Currency = e.cur
		}
		for _, p := range en.Profile {
			if !p.Sex.Valid() {
				return nil, fmt.Errorf("entrants: sex %v: %w", p.Sex, actuarial.ErrUnknownSex)
			}
			ed.Profile = append(ed.Profile, profileDoc{Sex: sexNames[p.Sex.Index()], Age: p.Age, Weight: p.Weight, Salary: p.Salary})
		}
		d.Entrants = ed
	}
	if f := a.Family; !reflect.DeepEqual(f, Family{}) {
		fd := &familyDoc{OrphanEndAge: f.OrphanEndAge}
		for _, m := range []struct {
			v   [actuarial.NumSexes]actuarial.ByAge
			dst **bySexDoc[byAgeDoc]
		}{{f.Married, &fd.Married}, {f.Orphans, &fd.Orphans}, {f.OrphanAge, &fd.OrphanAge}, {f.Remarriage, &fd.Remarriage}} {
			if !reflect.DeepEqual(m.v, [actuarial.NumSexes]actuarial.ByAge{}) {
				*m.dst = sexes(m.v, func(b actuarial.ByAge) *byAgeDoc {
					if d := byAge(b); d != nil {
						return d
					}
					return &byAgeDoc{Values: []float64{}}
				})
			}
		}
		if f.AgeGap != [actuarial.NumSexes]int{} {
			fd.AgeGap = sexes(f.AgeGap, intp)
		}
		d.Family = fd
	}
	return d, nil
}

// tableDocOf writes a table by reference, or its rates inline.
func tableDocOf(t YearTable, ref *MortalityFile) (*tableDoc, error) {
	if ref != nil {
		return &tableDoc{File: ref.File, Format: ref.Format, Column: ref.Column, Year: ref.Year}, nil
	}
	pt, ok := t.(PeriodTable)
	if !ok || pt.Table == nil {
		return nil, fmt.Errorf("a %T cannot be written inline: give EncodeOptions.Mortality", t)
	}
	lo, hi := pt.Table.MinAge(), pt.Table.MaxAge()
	q := make([]float64, hi-lo+1)
	for i := range q {
		q[i] = pt.Table.Q(lo + i)
		if math.IsNaN(q[i]) {
			return nil, fmt.Errorf("q at age %d: %w", lo+i, mortality.ErrNotFinite)
		}
	}
	return &tableDoc{MinAge: lo, Q: q}, nil
}

// serviceDoc writes a service table's rates inline, on the basis it was
// built from.
func serviceDoc(t *actuarial.ServiceTable) *serviceTableDoc {
	o := t.Options()
	d := &serviceTableDoc{MinAge: t.MinAge(), MaxService: t.MaxService(), Rates: &ratesDoc{}}
	if o.Basis != actuarial.DependentRates {
		d.Basis = basisNames[o.Basis]
	}
	if o.Assumption != actuarial.UDDSingleDecrement {
		d.Assumption = udAssumptNames[o.Assumption]
	}
	if o.Retirement != actuarial.RetireDuringYear {
		d.Retirement = timingNames[o.Retirement]
	}
	cols := [actuarial.NumDecrements]*[]float64{&d.Rates.Death, &d.Rates.Disability, &d.Rates.Withdrawal, &d.Rates.Retirement,
		&d.Rates.WorkDeath, &d.Rates.WorkDisability}
	for j := range actuarial.NumDecrements {
		dec := actuarial.Decrement(j)
		if !t.Has(dec) {
			continue
		}
		var r []float64
		for age := t.MinAge(); age <= t.MaxAge(); age++ {
			for sv := 0; sv <= t.MaxService(); sv++ {
				if o.Basis == actuarial.IndependentRates {
					r = append(r, t.QIndependent(dec, age, sv))
				} else {
					r = append(r, t.Q(dec, age, sv))
				}
			}
		}
		*cols[j] = r
	}
	return d
}
