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
	"github.com/reserva-go/reserva/internal/jsonpath"
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
		s.Transfers = t.PerYear.Schedule()
	}
	if a := d.AdminCosts; a != nil {
		s.AdminCosts.ShareOfBenefits = a.ShareOfBenefits.Schedule()
		s.AdminCosts.ShareOfSalary = a.ShareOfSalary.Schedule()
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

var (
	sexNames       = [...]string{"male", "female"}
	statusNames    = [NumLifeStatuses]string{"active", "retired", "disabled", "survivor"}
	indexNames     = [...]string{"none", "prices", "wages", "unit", "fixed"}
	limitNames     = [...]string{"in_payment", "at_award"}
	minPayerNames  = [...]string{"scheme", "state"}
	entrantNames   = [...]string{"closed", "fixed", "growth", "replacement"}
	pensionNames   = [...]string{"old_age", "early", "disability", "survivor", "orphan", "work_disability", "work_survivor"}
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
