// The census: the scheme's members on the valuation date, record by record.

package census

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/shopspring/decimal"
)

// MaxCensusAge is the oldest age a census record may have. Census cells
// run over ages 0..MaxCensusAge.
const MaxCensusAge = 120

// MaxCensusAmount bounds a salary or pension a census may hold, in money
// units a year. Anything larger is taken for garbage (a misplaced column, an
// exponent typed by mistake) and reported, so that totals stay finite.
const MaxCensusAmount = 1e15

// PensionType is the kind of pension in payment. It is a name
// ("old_age", …), not a number, so that it cannot index an array by
// mistake: per-type arrays ([NumPensionTypes]T) are indexed by
// [PensionType.Index], and [PensionTypeAt] goes back. The zero value is
// PensionUnknown, which no census record may carry.
type PensionType string

// The kinds of pension in payment, in the order of their index.
// NumPensionTypes counts the valid ones.
const (
	PensionUnknown    PensionType = ""           // not given; invalid in a census
	PensionOldAge     PensionType = "old_age"    // old-age or full retirement pension; index 0
	PensionEarly      PensionType = "early"      // early or reduced (proportional) retirement pension; index 1
	PensionDisability PensionType = "disability" // disability (invalidity) pension; index 2
	PensionSurvivor   PensionType = "survivor"   // survivor's pension to a widow or widower; index 3
	PensionOrphan     PensionType = "orphan"     // orphan's pension; index 4
	// PensionWorkDisability is a disability pension for a work risk (an
	// accident at work or an occupational disease); index 5.
	PensionWorkDisability PensionType = "work_disability"
	// PensionWorkSurvivor is a widow(er)'s pension for a death from a work
	// risk; index 6. Orphans of such a death have orphans' pensions.
	PensionWorkSurvivor PensionType = "work_survivor"

	NumPensionTypes = 7
)

// pensionTypes lists the valid types by index.
var pensionTypes = [NumPensionTypes]PensionType{PensionOldAge, PensionEarly, PensionDisability, PensionSurvivor, PensionOrphan,
	PensionWorkDisability, PensionWorkSurvivor}

// PensionTypeAt is the type of per-type index i, 0..NumPensionTypes−1. Any
// other index panics.
func PensionTypeAt(i int) PensionType {
	if i < 0 || i >= NumPensionTypes {
		panic(fmt.Sprintf("census: PensionTypeAt(%d): want 0..%d", i, NumPensionTypes-1))
	}
	return pensionTypes[i]
}

// Valid reports whether t is one of the NumPensionTypes kinds of pension.
func (t PensionType) Valid() bool { return t.index() >= 0 }

func (t PensionType) index() int {
	switch t {
	case PensionOldAge:
		return 0
	case PensionEarly:
		return 1
	case PensionDisability:
		return 2
	case PensionSurvivor:
		return 3
	case PensionOrphan:
		return 4
	case PensionWorkDisability:
		return 5
	case PensionWorkSurvivor:
		return 6
	}
	return -1
}

// Index is 0 for PensionOldAge up to NumPensionTypes−1 for PensionWorkSurvivor, for
// indexing per-type arrays of length [NumPensionTypes]. It panics for an
// invalid type.
func (t PensionType) Index() int {
	i := t.index()
	if i < 0 {
		panic(fmt.Sprintf("census: PensionType.Index of invalid type %q", string(t)))
	}
	return i
}

// String returns the canonical code: "old_age", "early", "disability",
// "survivor", "orphan", "work_disability", "work_survivor", "unknown" for the zero value, or PensionType("…").
// [ParsePensionType] accepts every string it returns for a valid type.
func (t PensionType) String() string {
	switch {
	case t == PensionUnknown:
		return "unknown"
	case t.Valid():
		return string(t)
	}
	return fmt.Sprintf("PensionType(%q)", string(t))
}

var pensionCodes = [...]struct {
	code string
	typ  PensionType
}{
	{"old_age", PensionOldAge}, {"oldage", PensionOldAge}, {"retirement", PensionOldAge},
	{"normal", PensionOldAge}, {"vejez", PensionOldAge}, {"jubilación", PensionOldAge},
	{"jubilacion", PensionOldAge}, {"retiro", PensionOldAge},

	{"early", PensionEarly}, {"early_retirement", PensionEarly}, {"reduced", PensionEarly},
	{"proportional", PensionEarly}, {"proporcional", PensionEarly}, {"anticipada", PensionEarly},
	{"jubilación_anticipada", PensionEarly}, {"jubilacion_anticipada", PensionEarly},
	{"cesantía", PensionEarly}, {"cesantia", PensionEarly},

	{"disability", PensionDisability}, {"invalidity", PensionDisability},
	{"invalidez", PensionDisability}, {"incapacidad", PensionDisability},

	{"survivor", PensionSurvivor}, {"widow", PensionSurvivor}, {"widower", PensionSurvivor},
	{"widow(er)", PensionSurvivor}, {"viudez", PensionSurvivor}, {"viuda", PensionSurvivor},
	{"viudo", PensionSurvivor},

	{"orphan", PensionOrphan}, {"orfandad", PensionOrphan}, {"huérfano", PensionOrphan},
	{"huerfano", PensionOrphan},

	{"work_disability", PensionWorkDisability}, {"occupational_disability", PensionWorkDisability},
	{"invalidez_riesgo_trabajo", PensionWorkDisability}, {"incapacidad_permanente", PensionWorkDisability},

	{"work_survivor", PensionWorkSurvivor}, {"occupational_survivor", PensionWorkSurvivor},
	{"viudez_riesgo_trabajo", PensionWorkSurvivor},
}

// ParsePensionType reads a pension type. Matching ignores case and
// surrounding spaces and treats space, '-' and '_' alike. Accepted:
//
//	old_age:    old_age, retirement, normal, vejez, jubilación, retiro
//	early:      early, early_retirement, reduced, proportional, proporcional,
//	            anticipada, jubilación_anticipada, cesantía
//	disability: disability, invalidity, invalidez, incapacidad
//	survivor:   survivor, widow, widower, widow(er), viudez, viuda, viudo
//	orphan:     orphan, orfandad, huérfano
//	work_disability: work_disability, occupational_disability,
//	            invalidez_riesgo_trabajo, incapacidad_permanente
//	work_survivor: work_survivor, occupational_survivor, viudez_riesgo_trabajo
//
// (each Spanish word also without its accent). Anything else returns
// [ErrUnknownPensionType].
func ParsePensionType(s string) (PensionType, error) {
	for _, c := range pensionCodes {
		if codeEqual(s, c.code) {
			return c.typ, nil
		}
	}
	return PensionUnknown, ErrUnknownPensionType
}

// codeEqual reports whether s, trimmed of spaces, equals the lower-case code,
// ignoring case and treating ' ', '-' and '_' alike. It does not allocate.
func codeEqual(s, code string) bool {
	s = strings.TrimSpace(s)
	for s != "" && code != "" {
		r, n := utf8.DecodeRuneInString(s)
		c, m := utf8.DecodeRuneInString(code)
		s, code = s[n:], code[m:]
		if r == ' ' || r == '-' {
			r = '_'
		}
		if unicode.ToLower(r) != c {
			return false
		}
	}
	return s == "" && code == ""
}

// Active is one active (contributing) member on the valuation date.
type Active struct {
	ID        string          // the member's identifier; unique within a file, never empty
	Sex       actuarial.Sex   // Male or Female
	Age       int             // age last birthday on the valuation date, 0..MaxCensusAge
	Service   int             // completed years of service on the valuation date, ≥ 0
	Salary    decimal.Decimal // annual salary in money units, ≥ 0 (0: no pay, on leave say)
	BirthDate time.Time       // date of birth, midnight UTC; zero when the file gave the age only
	EntryDate time.Time       // date of entry into the scheme, midnight UTC; zero when the file gave the service only
	Line      int             // the record's line in the file it was read from; 0 when built in code
}

// Pensioner is one pension in payment on the valuation date. A survivor's
// or orphan's pension is a record of the beneficiary: Sex and Age are theirs.
type Pensioner struct {
	ID        string          // the pension's identifier; unique within a file, never empty
	Sex       actuarial.Sex   // Male or Female
	Age       int             // age last birthday on the valuation date, 0..MaxCensusAge
	Type      PensionType     // the kind of pension; never PensionUnknown
	Pension   decimal.Decimal // annual pension in money units, ≥ 0
	BirthDate time.Time       // date of birth, midnight UTC; zero when the file gave the age only
	Line      int             // the record's line in the file it was read from; 0 when built in code
}

// Census is a scheme's membership on its valuation date, 1 January of Year.
// Records are kept one by one for a seriatim run; [GroupActives] and
// [GroupPensioners] group them into cells for a projection by model points.
type Census struct {
	Year       int         // calendar year; the valuation date is 1 January Year
	Actives    []Active    // contributing members
	Pensioners []Pensioner // pensions in payment
}

// ValuationDate is 1 January c.Year, midnight UTC.
func (c *Census) ValuationDate() time.Time {
	return time.Date(c.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// TotalSalary is the exact sum of the actives' annual salaries.
func (c *Census) TotalSalary() decimal.Decimal {
	var sum decimal.Decimal
	for i := range c.Actives {
		sum = sum.Add(c.Actives[i].Salary)
	}
	return sum
}

// TotalPension is the exact sum of the annual pensions in payment.
func (c *Census) TotalPension() decimal.Decimal {
	var sum decimal.Decimal
	for i := range c.Pensioners {
		sum = sum.Add(c.Pensioners[i].Pension)
	}
	return sum
}
