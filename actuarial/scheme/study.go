// Studies as data: a scheme, its census and its mortality read from a JSON
// study file (docs/study-format.md).

package scheme

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	pathpkg "path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/internal/jsonpath"
	"github.com/reserva-go/reserva/mortality"
)

// MaxStudySize is the largest study document DecodeStudy reads, in bytes.
const MaxStudySize = 64 << 20

// Study is a decoded study file: its schemes ready to project.
type Study struct {
	Name     string // the study's name; may be empty
	Currency string // ISO 4217 code of every money amount ("MXN")
	// Years is the number of years to project; 0: the caller's default.
	Years int
	// Scenarios are the schemes of the study: the study's own scheme
	// first when it has groups (named after the study, or "base"), then
	// those of the files its "scenarios" name, in order. At least one.
	Scenarios []Scenario
	// Reforms and Options are the study's "reforms" and "options" as
	// written, which package reform decodes (reform.ReadStudyFile); nil
	// when the study has none. Package scheme does not read them.
	Reforms, Options *Section
}

// Section is a member of a study document that another package decodes,
// kept as written with where it was, so that its errors can name the
// study's file, line and path.
type Section struct {
	JSON []byte // the value as written
	File string // the study file; empty when decoded from a reader
	Line int    // 1-based line of the study file where the value starts
	Path string // the value's JSON path in the study ("reforms")
}

func section(r *jsonpath.Raw, file string) *Section {
	if r == nil {
		return nil
	}
	return &Section{JSON: r.Data, File: file, Line: r.Line, Path: r.Path}
}

// Scenario is one named scheme of a study.
type Scenario struct {
	Name   string
	Scheme *Scheme
}

// ReadStudyFile reads and decodes a study file; relative paths in it are
// taken from the file's directory, and errors name the file and line.
func ReadStudyFile(name string) (*Study, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeStudy(f, nil, filepath.Dir(name), name, true)
}

// DecodeStudy decodes a study document (at most MaxStudySize bytes) and
// builds its schemes, reading the files it names relative to dir. Errors
// are *StudyError values naming the JSON path and line of the bad value
// (or the errors of the files read); the schemes are validated
// ([Scheme.Validate]).
func DecodeStudy(r io.Reader, dir string) (*Study, error) {
	return decodeStudy(r, nil, dir, "", true)
}

// DecodeStudyFS is DecodeStudy with the files the study names read from
// fsys, relative to dir, a directory of fsys ("." for its root). A name
// that is absolute or leads out of fsys (a "../" too many) is an error: a
// service can accept studies from users and let them read only the files
// of fsys. A nil fsys reads no file at all: every table and census must be
// inline.
func DecodeStudyFS(r io.Reader, fsys fs.FS, dir string) (*Study, error) {
	if fsys == nil {
		fsys = noFiles{}
	}
	return decodeStudy(r, fsys, dir, "", true)
}

// noFiles is a file system without files.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("this study may not read files")}
}

func decodeStudy(r io.Reader, fsys fs.FS, dir, file string, top bool) (*Study, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxStudySize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxStudySize {
		return nil, &StudyError{File: file, Err: fmt.Errorf("document larger than %d bytes", MaxStudySize)}
	}
	w := jsonpath.New(data)
	var doc studyDoc
	if err := w.Document(&doc); err != nil {
		return nil, studyErr(err, file)
	}
	b := &builder{w: w, file: file, dir: dir, fsys: fsys}
	st, err := b.study(&doc, top)
	if err != nil {
		var se *StudyError
		if errors.As(err, &se) && se.File == "" {
			se.File = file
		}
		return nil, err
	}
	return st, nil
}

// builder turns the decoded document into schemes, checking every value
// and naming its path and line.
type builder struct {
	w        *jsonpath.Walker
	file     string
	dir      string
	fsys     fs.FS // nil: the operating system's files
	currency string
}

func (b *builder) fail(path string, value any, err error) error {
	v := ""
	if value != nil {
		v = fmt.Sprint(value)
	}
	return &StudyError{File: b.file, Line: b.w.LineOf(path), Path: path, Value: v, Err: err}
}

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

func (b *builder) study(d *studyDoc, top bool) (*Study, error) {
	if d.Version != StudyVersion {
		return nil, b.fail("version", d.Version, fmt.Errorf("unsupported version: this library reads version %d", StudyVersion))
	}
	if !currencyCode.MatchString(d.Currency) {
		return nil, b.fail("currency", fmt.Sprintf("%q", d.Currency), errors.New("want an ISO 4217 code such as \"MXN\""))
	}
	if d.Years < 0 || d.Years > 1000 {
		return nil, b.fail("years", d.Years, fmt.Errorf("%w: want 0..1000", actuarial.ErrRange))
	}
	b.currency = d.Currency
	st := &Study{Name: d.Name, Currency: d.Currency, Years: d.Years}
	if len(d.Groups) > 0 {
		s, err := b.scheme(d)
		if err != nil {
			return nil, err
		}
		name := d.Name
		if name == "" {
			name = "base"
		}
		st.Scenarios = append(st.Scenarios, Scenario{Name: name, Scheme: s})
	} else if d.StartYear != 0 || d.Assumptions != nil || d.InitialReserve != nil || d.Transfers != nil ||
		d.AdminCosts != nil || len(d.EntrantGroups) > 0 || len(d.Transitions) > 0 {
		return nil, b.fail("groups", nil, fmt.Errorf("%w: a scheme needs at least one group", ErrRequired))
	}
	if len(d.Scenarios) > 0 && !top {
		return nil, b.fail("scenarios", nil, errors.New("a scenario's file may not name scenarios of its own"))
	}
	for _, sec := range []*jsonpath.Raw{d.Reforms, d.Options} {
		if sec != nil && !top {
			return nil, b.fail(sec.Path, nil, fmt.Errorf("a scenario's file may not give %s of its own: the study's apply to every scenario", sec.Path))
		}
	}
	st.Reforms, st.Options = section(d.Reforms, b.file), section(d.Options, b.file)
	for i, sc := range d.Scenarios {
		path := fmt.Sprintf("scenarios[%d]", i)
		if sc.Name == "" {
			return nil, b.fail(path+".name", nil, ErrRequired)
		}
		f, name, err := b.open(path+".file", sc.File)
		if err != nil {
			return nil, err
		}
		sub, err := decodeStudy(f, b.fsys, b.dirOf(name), name, false)
		f.Close()
		if err != nil {
			return nil, err
		}
		if sub.Currency != d.Currency {
			return nil, b.fail(path+".file", sc.File, fmt.Errorf("currency %s, not the study's %s", sub.Currency, d.Currency))
		}
		if len(sub.Scenarios) != 1 {
			return nil, b.fail(path+".file", sc.File, errors.New("the file holds no scheme"))
		}
		st.Scenarios = append(st.Scenarios, Scenario{Name: sc.Name, Scheme: sub.Scenarios[0].Scheme})
	}
	if len(st.Scenarios) == 0 {
		return nil, b.fail("groups", nil, fmt.Errorf("%w: a study needs groups or scenarios", ErrRequired))
	}
	return st, nil
}

// open opens a file the document names, relative to its directory,
// returning it with its resolved name.
func (b *builder) open(path, name string) (io.ReadCloser, string, error) {
	if name == "" {
		return nil, "", b.fail(path, nil, ErrRequired)
	}
	if !utf8.ValidString(name) || strings.ContainsRune(name, 0) {
		return nil, "", b.fail(path, fmt.Sprintf("%q", name), errors.New("not a file name"))
	}
	if b.fsys != nil {
		full := pathpkg.Join(b.dir, name)
		if !fs.ValidPath(full) || pathpkg.IsAbs(name) {
			return nil, "", b.fail(path, name, errors.New("a file outside the study's file system"))
		}
		f, err := b.fsys.Open(full)
		if err != nil {
			return nil, "", b.fail(path, name, err)
		}
		return f, full, nil
	}
	full := name
	if !filepath.IsAbs(name) {
		full = filepath.Join(b.dir, filepath.FromSlash(name))
	}
	f, err := os.Open(full)
	if err != nil {
		return nil, "", b.fail(path, name, err)
	}
	return f, full, nil
}

// dirOf is the directory of a file opened by open.
func (b *builder) dirOf(name string) string {
	if b.fsys != nil {
		return pathpkg.Dir(name)
	}
	return filepath.Dir(name)
}

func (b *builder) money(path, currency string) error {
	if currency != b.currency {
		return b.fail(path, fmt.Sprintf("%q", currency), fmt.Errorf("the currency must be the study's, %s", b.currency))
	}
	return nil
}

func (b *builder) scheme(d *studyDoc) (*Scheme, error) {
	s := &Scheme{Name: d.Name, StartYear: d.StartYear}
	if d.StartYear < 1800 || d.StartYear > 3000 {
		return nil, b.fail("start_year", d.StartYear, fmt.Errorf("%w: want a calendar year", actuarial.ErrRange))
	}
	s.Groups = make([]Group, len(d.Groups))
	for i := range d.Groups {
		if err := b.group(fmt.Sprintf("groups[%d]", i), &d.Groups[i], &s.Groups[i], d.StartYear); err != nil {
			return nil, err
		}
	}
	for _, e := range d.EntrantGroups {
		s.EntrantGroups = append(s.EntrantGroups, GroupFrom(e))
	}
	for _, t := range d.Transitions {
		s.Transitions = append(s.Transitions, Transition(t))
	}
	if d.Assumptions == nil {
		return nil, b.fail("assumptions", nil, ErrRequired)
	}
	if err := b.assumptions("assumptions", d.Assumptions, &s.Assumptions); err != nil {
		return nil, err
	}
	if m := d.InitialReserve; m != nil {
		if err := b.money("initial_reserve.currency", m.Currency); err != nil {
			return nil, err
		}
		s.InitialReserve = m.Amount
	}
	if t := d.Transfers; t != nil {
		if err := b.money("transfers.currency", t.Currency); err != nil {
			return nil, err
		}
		s.Transfers = b.schedule(&t.PerYear)
	}
	if a := d.AdminCosts; a != nil {
		s.AdminCosts.ShareOfBenefits = b.schedule(a.ShareOfBenefits)
		s.AdminCosts.ShareOfSalary = b.schedule(a.ShareOfSalary)
	}
	if err := s.Validate(); err != nil {
		var se *SchemeError
		if errors.As(err, &se) {
			field := se.Field
			switch first, _, _ := strings.Cut(field, "["); strings.Split(first, ".")[0] {
			case "Groups", "EntrantGroups", "Transitions", "InitialReserve", "Transfers", "AdminCosts", "StartYear":
			default:
				field = "Assumptions." + field
			}
			path := jsonPath(field)
			return nil, &StudyError{File: b.file, Line: b.w.LineOf(path), Path: path, Value: se.Value, Err: se.Err}
		}
		return nil, b.fail("", nil, err)
	}
	return s, nil
}

func (b *builder) schedule(d *scheduleDoc) actuarial.Schedule {
	if d == nil {
		return nil
	}
	if d.Value != nil {
		return actuarial.Constant(*d.Value)
	}
	s := make(actuarial.Schedule, len(d.Steps))
	for i, st := range d.Steps {
		s[i] = actuarial.Step(st)
	}
	return s
}

var (
	sexNames       = [...]string{"male", "female"}
	statusNames    = [NumLifeStatuses]string{"active", "retired", "disabled", "survivor"}
	indexNames     = [...]string{"none", "prices", "wages", "unit", "fixed"}
	limitNames     = [...]string{"in_payment", "at_award"}
	minPayerNames  = [...]string{"scheme", "state"}
	entrantNames   = [...]string{"closed", "fixed", "growth", "replacement"}
	pensionNames   = [...]string{"old_age", "early", "disability", "survivor", "orphan"}
	sexCodeNames   = [...]string{"unambiguous", "english", "spanish"}
	basisNames     = [...]string{"dependent", "independent"}
	udAssumptNames = [...]string{"udd_single", "udd_multiple"}
	timingNames    = [...]string{"during_year", "at_start"}
	retTimingNames = [...]string{"by_age", "since_eligibility"}
)

// enum returns the index of name among names; "" is the zero value when
// zeroOK.
func (b *builder) enum(path, name string, names []string, zeroOK bool) (int, error) {
	if name == "" && zeroOK {
		return 0, nil
	}
	for i, n := range names {
		if n == name {
			return i, nil
		}
	}
	return 0, b.fail(path, fmt.Sprintf("%q", name), fmt.Errorf("want one of %s", strings.Join(names, ", ")))
}

func (b *builder) sex(path, name string) (actuarial.Sex, error) {
	i, err := b.enum(path, name, sexNames[:], false)
	return actuarial.SexAt(i), err
}

// bySex resolves {"both": v} or {"male": v, "female": w}.
func bySex[T any](b *builder, path string, d *bySexDoc[T]) ([actuarial.NumSexes]*T, error) {
	switch {
	case d.Both != nil && d.Male == nil && d.Female == nil:
		return [actuarial.NumSexes]*T{d.Both, d.Both}, nil
	case d.Both == nil && d.Male != nil && d.Female != nil:
		return [actuarial.NumSexes]*T{d.Male, d.Female}, nil
	}
	return [actuarial.NumSexes]*T{}, b.fail(path, nil, errors.New(`give "both", or "male" and "female"`))
}

func (b *builder) group(path string, d *groupDoc, g *Group, startYear int) error {
	g.Name = d.Name
	if len(d.Rules) == 0 {
		return b.fail(path+".rules", nil, ErrRequired)
	}
	g.Rules = make([]Rules, len(d.Rules))
	for i := range d.Rules {
		if err := b.rules(fmt.Sprintf("%s.rules[%d]", path, i), &d.Rules[i], &g.Rules[i]); err != nil {
			return err
		}
	}
	if d.Census != nil {
		return b.census(path+".census", d.Census, g, startYear)
	}
	return nil
}

func (b *builder) limit(path string, d *limitDoc) (actuarial.Limit, error) {
	if d == nil {
		return actuarial.Limit{}, nil
	}
	if d.PerYear != 0 {
		if err := b.money(path+".currency", d.Currency); err != nil {
			return actuarial.Limit{}, err
		}
	} else if d.Currency != "" {
		return actuarial.Limit{}, b.fail(path+".currency", d.Currency, errors.New("a currency without per_year"))
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"units", d.Units}, {"per_year", d.PerYear}} {
		if f.v < 0 {
			return actuarial.Limit{}, b.fail(path+"."+f.name, f.v, fmt.Errorf("%w: a limit must not be negative", actuarial.ErrRange))
		}
	}
	return actuarial.Limit{Money: d.PerYear, Units: d.Units}, nil
}

func (b *builder) formula(path string, d *formulaDoc) (actuarial.Formula, error) {
	var f actuarial.Formula
	if d == nil {
		return f, nil
	}
	f.Accrual = actuarial.Accrual{MinService: d.Accrual.MinService, Rates: d.Accrual.Rates}
	f.ReferenceYears = d.ReferenceYears
	f.ReferenceShare = d.ReferenceShare
	var err error
	if f.Cap, err = b.limit(path+".cap", d.Cap); err != nil {
		return f, err
	}
	if f.Floor, err = b.limit(path+".floor", d.Floor); err != nil {
		return f, err
	}
	if err := f.Validate(); err != nil {
		return f, b.fail(path, nil, err)
	}
	return f, nil
}

func (b *builder) conditions(path string, d *bySexDoc[[]conditionDoc]) ([actuarial.NumSexes]actuarial.Conditions, error) {
	var out [actuarial.NumSexes]actuarial.Conditions
	if d == nil {
		return out, nil
	}
	by, err := bySex(b, path, d)
	if err != nil {
		return out, err
	}
	for sx, cs := range by {
		sub := path + "." + sexNames[sx]
		if d.Both != nil {
			sub = path + ".both"
		}
		for i, c := range *cs {
			if c.MinAge < 0 || c.MinAge > census.MaxCensusAge {
				return out, b.fail(fmt.Sprintf("%s[%d].min_age", sub, i), c.MinAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			if c.MinService < 0 || c.MinService > census.MaxCensusAge {
				return out, b.fail(fmt.Sprintf("%s[%d].min_service", sub, i), c.MinService, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			out[sx] = append(out[sx], actuarial.Condition(c))
		}
	}
	return out, nil
}

func (b *builder) ints(path string, d *bySexDoc[int], lo, hi int) ([actuarial.NumSexes]int, error) {
	var out [actuarial.NumSexes]int
	if d == nil {
		return out, nil
	}
	by, err := bySex(b, path, d)
	if err != nil {
		return out, err
	}
	for sx, v := range by {
		if *v < lo || *v > hi {
			sub := path + "." + sexNames[sx]
			if d.Both != nil {
				sub = path + ".both"
			}
			return out, b.fail(sub, *v, fmt.Errorf("%w: want %d..%d", actuarial.ErrRange, lo, hi))
		}
		out[sx] = *v
	}
	return out, nil
}

func (b *builder) rules(path string, d *rulesDoc, r *Rules) error {
	r.From = d.From
	if s := d.Source; s != nil {
		r.Source = Source(*s)
	}
	if c := d.ContributionRate; c != nil {
		r.ContributionRate = [NumPayers]actuarial.Schedule{b.schedule(c.Worker), b.schedule(c.Employer), b.schedule(c.State)}
	}
	var err error
	if r.Ceiling, err = b.limit(path+".ceiling", d.Ceiling); err != nil {
		return err
	}
	if e := d.Eligibility; e != nil {
		if r.Eligibility.Full, err = b.conditions(path+".eligibility.full", e.Full); err != nil {
			return err
		}
		if r.Eligibility.Reduced, err = b.conditions(path+".eligibility.reduced", e.Reduced); err != nil {
			return err
		}
		r.Eligibility.ReductionPerYear = e.ReductionPerYear
		if r.Eligibility.FullAge, err = b.ints(path+".eligibility.full_age", e.FullAge, 0, census.MaxCensusAge); err != nil {
			return err
		}
	}
	if r.Retirement, err = b.formula(path+".retirement", d.Retirement); err != nil {
		return err
	}
	if bs := d.BySex; bs != nil {
		for sx, o := range [actuarial.NumSexes]*sexRulesDoc{bs.Male, bs.Female} {
			if o == nil {
				continue
			}
			sub := path + ".by_sex." + sexNames[sx]
			if o.ReferenceYears < 0 {
				return b.fail(sub+".reference_years", o.ReferenceYears, fmt.Errorf("%w: want years ≥ 0", actuarial.ErrRange))
			}
			if v := o.ReductionPerYear; v < 0 || v > 1 {
				return b.fail(sub+".reduction_per_year", v, fmt.Errorf("%w: want a fraction in [0, 1]", actuarial.ErrRate))
			}
			sr := SexRules{ReferenceYears: o.ReferenceYears, ReductionPerYear: o.ReductionPerYear}
			if a := o.Accrual; a != nil {
				sr.Accrual = actuarial.Accrual{MinService: a.MinService, Rates: a.Rates}
				if err := sr.Accrual.Validate(); err != nil {
					return b.fail(sub+".accrual", nil, err)
				}
			}
			r.BySex[sx] = sr
		}
	}
	if r.CompulsoryAge, err = b.ints(path+".compulsory_age", d.CompulsoryAge, 0, census.MaxCensusAge); err != nil {
		return err
	}
	if r.Disability, err = b.formula(path+".disability", d.Disability); err != nil {
		return err
	}
	r.SurvivorShare, r.OrphanShare, r.RefundShare, r.ExtraPayments = d.SurvivorShare, d.OrphanShare, d.RefundShare, d.ExtraPayments
	if d.OrphanEndAge < 0 || d.OrphanEndAge > census.MaxCensusAge+1 {
		return b.fail(path+".orphan_end_age", d.OrphanEndAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge+1))
	}
	r.OrphanEndAge, r.KeepOnRemarriage = d.OrphanEndAge, d.KeepOnRemarriage
	for i, st := range d.SurvivorSteps {
		sub := fmt.Sprintf("%s.survivor_steps[%d]", path, i)
		if st.Years < 1 || (i > 0 && st.Years <= d.SurvivorSteps[i-1].Years) {
			return b.fail(sub+".years", st.Years, fmt.Errorf("%w: want years ≥ 1, increasing", ErrOrder))
		}
		if st.Share < 0 || st.Share > 1 {
			return b.fail(sub+".share", st.Share, fmt.Errorf("%w: want a fraction in [0, 1]", actuarial.ErrRate))
		}
		r.SurvivorSteps = append(r.SurvivorSteps, ShareStep(st))
	}
	ix, err := b.enum(path+".indexation", d.Indexation, indexNames[:], true)
	if err != nil {
		return err
	}
	r.Indexation = Indexation(ix)
	r.IndexRate = b.schedule(d.IndexRate)
	lt, err := b.enum(path+".limits", d.Limits, limitNames[:], true)
	if err != nil {
		return err
	}
	r.Limits = LimitTiming(lt)
	mp, err := b.enum(path+".minimum_paid_by", d.MinimumPaidBy, minPayerNames[:], true)
	if err != nil {
		return err
	}
	r.MinimumPaidBy = MinimumPayer(mp)
	if bd := d.Balancing; bd != nil {
		pay, err := b.enum(path+".balancing.contribution_payer", bd.ContributionPayer, payerNames[:], true)
		if err != nil {
			return err
		}
		r.Balancing = Balancing{IndexationBelow: bd.IndexationBelow, IndexationCut: bd.IndexationCut,
			ContributionBelow: bd.ContributionBelow, ContributionStep: bd.ContributionStep, ContributionPayer: Payer(pay)}
	}
	if sd := d.Sustainability; sd != nil {
		r.Sustainability = Sustainability{Age: sd.Age, Base: sd.Base}
	}
	return nil
}

func (b *builder) census(path string, d *censusDoc, g *Group, year int) error {
	if err := b.money(path+".currency", d.Currency); err != nil {
		return err
	}
	if d.MaxService < 0 || d.MaxService > actuarial.AgeLimit {
		return b.fail(path+".max_service", d.MaxService, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	if d.Actives != "" && len(d.ActiveCells) > 0 {
		return b.fail(path+".active_cells", nil, errors.New("give actives or active_cells, not both"))
	}
	if d.Pensioners != "" && len(d.PensionerCells) > 0 {
		return b.fail(path+".pensioner_cells", nil, errors.New("give pensioners or pensioner_cells, not both"))
	}
	opt := census.CensusOptions{}
	if o := d.Options; o != nil {
		if d.Actives == "" && d.Pensioners == "" {
			return b.fail(path+".options", nil, errors.New("options without a file to read"))
		}
		if o.Comma != "" {
			c, n := utf8.DecodeRuneInString(o.Comma)
			if n != len(o.Comma) || c == utf8.RuneError || c == '"' || c == '\r' || c == '\n' {
				return b.fail(path+".options.comma", fmt.Sprintf("%q", o.Comma), errors.New("want one character"))
			}
			opt.Comma = c
		}
		opt.DateLayout = o.DateLayout
		sc, err := b.enum(path+".options.sex_codes", o.SexCodes, sexCodeNames[:], true)
		if err != nil {
			return err
		}
		opt.SexCodes = actuarial.SexCodes(sc)
		opt.MinEntryAge = o.MinEntryAge
		for _, f := range []struct {
			name string
			v    int
		}{{"salary_payments_per_year", o.SalaryPaymentsPerYear}, {"pension_payments_per_year", o.PensionPaymentsPerYear}} {
			if f.v < 0 || f.v > 366 {
				return b.fail(path+".options."+f.name, f.v, fmt.Errorf("%w: want 0..366", actuarial.ErrRange))
			}
		}
		opt.SalaryPaymentsPerYear, opt.PensionPaymentsPerYear = o.SalaryPaymentsPerYear, o.PensionPaymentsPerYear
	}
	read := func(field, name string, f func(io.Reader, census.CensusOptions) error) error {
		in, full, err := b.open(path+"."+field, name)
		if err != nil {
			return err
		}
		defer in.Close()
		o := opt
		o.File = full
		return f(in, o)
	}
	if d.Actives != "" || len(d.ActiveCells) > 0 {
		g.Actives = &census.ActiveCells{MaxService: d.MaxService}
	}
	if d.Actives != "" {
		err := read("actives", d.Actives, func(r io.Reader, o census.CensusOptions) error {
			as, err := census.ReadActives(r, year, o)
			if err != nil {
				return err
			}
			_, err = census.GroupActives(g.Actives, as)
			return err
		})
		if err != nil {
			return err
		}
	}
	if len(d.ActiveCells) > 0 {
		a := g.Actives
		a.Count, a.Salary = make([]float64, a.Len()), make([]float64, a.Len())
		for i, c := range d.ActiveCells {
			cp := fmt.Sprintf("%s.active_cells[%d]", path, i)
			sx, err := b.sex(cp+".sex", c.Sex)
			if err != nil {
				return err
			}
			if c.Age < 0 || c.Age > census.MaxCensusAge {
				return b.fail(cp+".age", c.Age, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			if c.Service < 0 || c.Service > a.LastService() {
				return b.fail(cp+".service", c.Service, fmt.Errorf("%w: want 0..%d (max_service)", actuarial.ErrRange, a.LastService()))
			}
			if err := b.cell(cp, c.Count, c.Salary, "salary"); err != nil {
				return err
			}
			k := a.Index(sx, c.Age, c.Service)
			if a.Count[k] != 0 || a.Salary[k] != 0 {
				return b.fail(cp, nil, errors.New("cell given twice"))
			}
			a.Count[k], a.Salary[k] = c.Count, c.Salary
		}
	}
	if d.Pensioners != "" || len(d.PensionerCells) > 0 {
		g.Pensioners = &census.PensionerCells{}
	}
	if d.Pensioners != "" {
		err := read("pensioners", d.Pensioners, func(r io.Reader, o census.CensusOptions) error {
			ps, err := census.ReadPensioners(r, year, o)
			if err != nil {
				return err
			}
			_, err = census.GroupPensioners(g.Pensioners, ps)
			return err
		})
		if err != nil {
			return err
		}
	}
	if len(d.PensionerCells) > 0 {
		p := g.Pensioners
		p.Count, p.Pension = make([]float64, p.Len()), make([]float64, p.Len())
		for i, c := range d.PensionerCells {
			cp := fmt.Sprintf("%s.pensioner_cells[%d]", path, i)
			ty, err := b.enum(cp+".type", c.Type, pensionNames[:], false)
			if err != nil {
				return err
			}
			sx, err := b.sex(cp+".sex", c.Sex)
			if err != nil {
				return err
			}
			if c.Age < 0 || c.Age > census.MaxCensusAge {
				return b.fail(cp+".age", c.Age, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			if err := b.cell(cp, c.Count, c.Pension, "pension"); err != nil {
				return err
			}
			k := p.Index(census.PensionTypeAt(ty), sx, c.Age)
			if p.Count[k] != 0 || p.Pension[k] != 0 {
				return b.fail(cp, nil, errors.New("cell given twice"))
			}
			p.Count[k], p.Pension[k] = c.Count, c.Pension
		}
	}
	return nil
}

func (b *builder) cell(path string, count, amount float64, name string) error {
	if count < 0 || count > census.MaxCensusAmount {
		return b.fail(path+".count", count, fmt.Errorf("%w: want 0..%g", actuarial.ErrRange, census.MaxCensusAmount))
	}
	if amount < 0 || amount > census.MaxCensusAmount {
		return b.fail(path+"."+name, amount, fmt.Errorf("%w: want 0..%g", actuarial.ErrRange, census.MaxCensusAmount))
	}
	return nil
}

func (b *builder) byAge(d *byAgeDoc) actuarial.ByAge {
	if d == nil {
		return actuarial.ByAge{}
	}
	return actuarial.ByAge{MinAge: d.MinAge, Values: d.Values}
}

func (b *builder) assumptions(path string, d *assumptionsDoc, a *Assumptions) error {
	for st, m := range []*bySexDoc[tableDoc]{d.Mortality.Active, d.Mortality.Retired, d.Mortality.Disabled, d.Mortality.Survivor} {
		if m == nil {
			continue
		}
		mp := path + ".mortality." + statusNames[st]
		by, err := bySex(b, mp, m)
		if err != nil {
			return err
		}
		var both YearTable
		for sx, td := range by {
			sp := mp + "." + sexNames[sx]
			if m.Both != nil {
				if both != nil {
					a.Mortality[st][sx] = both
					continue
				}
				sp = mp + ".both"
			}
			t, err := b.table(sp, td)
			if err != nil {
				return err
			}
			a.Mortality[st][sx], both = t, t
		}
	}
	if d.Decrements != nil {
		by, err := bySex(b, path+".decrements", d.Decrements)
		if err != nil {
			return err
		}
		for sx, td := range by {
			sp := path + ".decrements." + sexNames[sx]
			if d.Decrements.Both != nil {
				if sx > 0 {
					a.Decrements[sx] = a.Decrements[0]
					continue
				}
				sp = path + ".decrements.both"
			}
			if a.Decrements[sx], err = b.serviceTable(sp, td); err != nil {
				return err
			}
		}
	}
	if d.Retirement != nil {
		by, err := bySex(b, path+".retirement", d.Retirement)
		if err != nil {
			return err
		}
		for sx, r := range by {
			a.Retirement[sx] = RetirementRates{Full: b.byAge(r.Full), Reduced: b.byAge(r.Reduced)}
		}
	}
	rt, err := b.enum(path+".retirement_timing", d.RetirementTiming, retTimingNames[:], true)
	if err != nil {
		return err
	}
	a.RetirementTiming = RetirementTiming(rt)
	if s := d.Salary; s != nil {
		a.Salary = actuarial.SalaryScale{MinAge: s.MinAge, ByAge: s.ByAge, ByService: s.ByService}
	}
	a.WageGrowth = b.schedule(d.WageGrowth)
	a.Inflation = b.schedule(d.Inflation)
	a.Return = b.schedule(d.Return)
	if u := d.Unit; u != nil {
		if err := b.money(path+".unit.currency", u.Currency); err != nil {
			return err
		}
		a.Unit = u.PerYear
		a.UnitGrowth = b.schedule(u.Growth)
	}
	if e := d.Entrants; e != nil {
		mode, err := b.enum(path+".entrants.mode", e.Mode, entrantNames[:], false)
		if err != nil {
			return err
		}
		a.Entrants = Entrants{Mode: EntrantMode(mode), Count: b.schedule(e.Count), Growth: b.schedule(e.Growth)}
		if len(e.Profile) > 0 {
			if err := b.money(path+".entrants.currency", e.Currency); err != nil {
				return err
			}
		}
		for i, p := range e.Profile {
			sx, err := b.sex(fmt.Sprintf("%s.entrants.profile[%d].sex", path, i), p.Sex)
			if err != nil {
				return err
			}
			a.Entrants.Profile = append(a.Entrants.Profile, EntrantProfile{Sex: sx, Age: p.Age, Weight: p.Weight, Salary: p.Salary})
		}
	}
	if f := d.Family; f != nil {
		for _, m := range []struct {
			name string
			d    *bySexDoc[byAgeDoc]
			dst  *[actuarial.NumSexes]actuarial.ByAge
		}{{"married", f.Married, &a.Family.Married}, {"orphans", f.Orphans, &a.Family.Orphans}, {"orphan_age", f.OrphanAge, &a.Family.OrphanAge}, {"remarriage", f.Remarriage, &a.Family.Remarriage}} {
			if m.d == nil {
				continue
			}
			by, err := bySex(b, path+".family."+m.name, m.d)
			if err != nil {
				return err
			}
			for sx, v := range by {
				m.dst[sx] = b.byAge(v)
			}
		}
		var err error
		if a.Family.AgeGap, err = b.ints(path+".family.age_gap", f.AgeGap, -census.MaxCensusAge, census.MaxCensusAge); err != nil {
			return err
		}
		a.Family.OrphanEndAge = f.OrphanEndAge
	}
	return nil
}

// table builds a mortality table: a file, a law or rates inline, improved
// when the document says so.
func (b *builder) table(path string, d *tableDoc) (YearTable, error) {
	sources := 0
	for _, set := range []bool{d.File != "", d.Law != "", d.Q != nil} {
		if set {
			sources++
		}
	}
	if sources != 1 {
		return nil, b.fail(path, nil, errors.New(`give exactly one of "file", "law" and "q"`))
	}
	var t *mortality.LifeTable
	var err error
	switch {
	case d.File != "":
		t, err = b.tableFile(path, d)
	case d.Law != "":
		t, err = b.law(path, d)
	default:
		if d.MinAge < 0 || d.MinAge > actuarial.AgeLimit {
			return nil, b.fail(path+".min_age", d.MinAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
		}
		if t, err = mortality.NewTable(d.MinAge, d.Q); err != nil {
			err = b.fail(path+".q", nil, err)
		}
	}
	if err != nil {
		return nil, err
	}
	im := d.Improvement
	if im == nil {
		return PeriodTable{Table: t}, nil
	}
	ip := path + ".improvement"
	if im.BaseYear < 1800 || im.BaseYear > 3000 {
		return nil, b.fail(ip+".base_year", im.BaseYear, fmt.Errorf("%w: want a calendar year", actuarial.ErrRange))
	}
	var scale mortality.Scale
	switch {
	case im.File != "" && im.Rates == nil:
		f, _, err := b.open(ip+".file", im.File)
		if err != nil {
			return nil, err
		}
		x, err := mortality.ReadXTbML(f)
		f.Close()
		if err != nil {
			return nil, b.fail(ip+".file", im.File, err)
		}
		if scale, err = x.Scale(); err != nil {
			return nil, b.fail(ip+".file", im.File, err)
		}
	case im.File == "" && im.Rates != nil:
		s, err := mortality.NewAgeScale(im.MinAge, im.Rates)
		if err != nil {
			return nil, b.fail(ip+".rates", nil, err)
		}
		scale = s
	default:
		return nil, b.fail(ip, nil, errors.New(`give "file" or "rates"`))
	}
	g, err := mortality.NewImproved(t, im.BaseYear, scale)
	if err != nil {
		return nil, b.fail(ip, nil, err)
	}
	return g, nil
}

func (b *builder) tableFile(path string, d *tableDoc) (*mortality.LifeTable, error) {
	format := d.Format
	name := d.File
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
		if format == "xml" {
			format = "xtbml"
		}
	}
	f, _, err := b.open(path+".file", d.File)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch format {
	case "csv":
		ts, err := mortality.ReadCSV(f)
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		t, ok := ts.Table(d.Column)
		if !ok {
			return nil, b.fail(path+".column", fmt.Sprintf("%q", d.Column), fmt.Errorf("no such column; the file has %s", strings.Join(ts.Names, ", ")))
		}
		return t, nil
	case "xtbml":
		x, err := mortality.ReadXTbML(f)
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		if x.Ultimate == nil {
			return nil, b.fail(path+".file", d.File, errors.New("the document holds no ultimate table"))
		}
		return x.Ultimate, nil
	case "hmd":
		h, err := mortality.ReadHMD(f)
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		y, ok := h.Year(d.Year)
		if !ok {
			return nil, b.fail(path+".year", d.Year, errors.New("no table of that year in the file"))
		}
		return y.Table, nil
	}
	return nil, b.fail(path+".format", fmt.Sprintf("%q", format), errors.New("want csv, xtbml or hmd"))
}

func (b *builder) law(path string, d *tableDoc) (*mortality.LifeTable, error) {
	var law mortality.Law
	switch d.Law {
	case "makeham":
		law = mortality.Makeham{A: d.A, B: d.B, C: d.C}
	case "gompertz":
		if d.A != 0 {
			return nil, b.fail(path+".a", d.A, errors.New("Gompertz's law has no a"))
		}
		law = mortality.Gompertz{B: d.B, C: d.C}
	default:
		return nil, b.fail(path+".law", fmt.Sprintf("%q", d.Law), errors.New("want makeham or gompertz"))
	}
	if d.MinAge < 0 || d.MaxAge < d.MinAge || d.MaxAge > actuarial.AgeLimit {
		return nil, b.fail(path+".max_age", d.MaxAge, fmt.Errorf("%w: want min_age ≤ max_age ≤ %d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	t, err := mortality.FromLaw(law, d.MinAge, d.MaxAge)
	if err != nil {
		return nil, b.fail(path, nil, err)
	}
	return t, nil
}

func (b *builder) serviceTable(path string, d *serviceTableDoc) (*actuarial.ServiceTable, error) {
	var opt actuarial.DecrementOptions
	i, err := b.enum(path+".basis", d.Basis, basisNames[:], true)
	if err != nil {
		return nil, err
	}
	opt.Basis = actuarial.RateBasis(i)
	if i, err = b.enum(path+".assumption", d.Assumption, udAssumptNames[:], true); err != nil {
		return nil, err
	}
	opt.Assumption = actuarial.Assumption(i)
	if i, err = b.enum(path+".retirement", d.Retirement, timingNames[:], true); err != nil {
		return nil, err
	}
	opt.Retirement = actuarial.RetirementTiming(i)
	if (d.File == "") == (d.Rates == nil) {
		return nil, b.fail(path, nil, errors.New(`give "file" or "rates"`))
	}
	if d.File != "" {
		f, _, err := b.open(path+".file", d.File)
		if err != nil {
			return nil, err
		}
		t, err := actuarial.ReadServiceTable(f, opt)
		f.Close()
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		return t, nil
	}
	if d.MinAge < 0 || d.MinAge > actuarial.AgeLimit {
		return nil, b.fail(path+".min_age", d.MinAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	if d.MaxService < 0 || d.MaxService > actuarial.AgeLimit {
		return nil, b.fail(path+".max_service", d.MaxService, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	rates := [actuarial.NumDecrements][]float64{d.Rates.Death, d.Rates.Disability, d.Rates.Withdrawal, d.Rates.Retirement}
	n := -1
	for j, r := range rates {
		if r == nil {
			continue
		}
		if len(r) == 0 || len(r)%(d.MaxService+1) != 0 || (n >= 0 && len(r) != n) || len(r)/(d.MaxService+1) > actuarial.AgeLimit+1-d.MinAge {
			return nil, b.fail(fmt.Sprintf("%s.rates.%s", path, actuarial.Decrement(j)), len(r),
				fmt.Errorf("%w: want the same number of rates in every column, a multiple of max_service+1 = %d, within ages ≤ %d", actuarial.ErrRange, d.MaxService+1, actuarial.AgeLimit))
		}
		n = len(r)
	}
	if n < 0 {
		return nil, b.fail(path+".rates", nil, fmt.Errorf("%w: no column of rates", ErrRequired))
	}
	t, err := actuarial.NewServiceTable(d.MinAge, d.MaxService, rates, opt)
	if err != nil {
		return nil, b.fail(path+".rates", nil, err)
	}
	return t, nil
}

// jsonPath turns a SchemeError's Go field path
// ("Groups[1].Rules[0].ContributionRate[worker]") into the study's JSON path
// ("groups[1].rules[0].contribution.worker").
func jsonPath(field string) string {
	field, _, _ = strings.Cut(field, " ") // "Family.Married[male] at age 30"
	var b strings.Builder
	for i, seg := range strings.Split(field, ".") {
		name, idx, _ := strings.Cut(seg, "[")
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(snake(name))
		if idx == "" {
			continue
		}
		for _, ix := range strings.Split(strings.TrimSuffix(idx, "]"), "][") {
			if ix != "" && ix[0] >= '0' && ix[0] <= '9' {
				b.WriteString("[" + ix + "]")
			} else {
				b.WriteString("." + snake(strings.ReplaceAll(ix, " ", "_")))
			}
		}
	}
	return b.String()
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			if i > 0 {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
