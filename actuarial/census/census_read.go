// Reading a census from CSV files of individual records.

package census

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/internal/hugepage"
	"github.com/shopspring/decimal"
)

// DefaultMinEntryAge is the youngest age at which [CensusOptions] lets a
// member have entered the scheme when MinEntryAge is 0: 14, the lowest
// minimum working age in ILO Convention 138 (art. 2.4, for developing
// economies), and Mexico's minimum working age before its 2014–15 reforms.
const DefaultMinEntryAge = 14

// ISODate is the default date layout: ISO 8601 calendar dates, 2006-01-02.
const ISODate = "2006-01-02"

// CensusOptions says how to read a census file. The zero value reads
// comma-separated ISO dates, annual amounts and unambiguous sex codes, with
// a minimum entry age of 14.
type CensusOptions struct {
	// File names the input in errors; empty for none.
	File string
	// Comma is the field delimiter; 0 means ','. Many Spanish-locale
	// spreadsheets export ';'.
	Comma rune
	// DateLayout is the time.Parse layout of dates; "" means ISODate.
	// A day-first Mexican or Spanish file uses "02/01/2006".
	DateLayout string
	// SexCodes says what the letter M means; the zero value rejects it as
	// ambiguous. See [actuarial.SexCodes] for every accepted code.
	SexCodes actuarial.SexCodes
	// MinEntryAge is the youngest age at which anyone can have entered the
	// scheme: an entry date or a service implying entry before it is
	// reported as [ErrServiceTooLong]. 0 means DefaultMinEntryAge (14); a
	// negative value disables the check except that entry may not precede
	// birth.
	MinEntryAge int
	// SalaryPaymentsPerYear is how many salary amounts make a year: the
	// salary read is multiplied by it. 0 or 1 means the file holds annual
	// salaries; 12 monthly, 24 fortnightly (quincenal), 14 for a Spanish
	// payroll of 14 payments.
	SalaryPaymentsPerYear int
	// PensionPaymentsPerYear is the same for pensions: 0 or 1 annual, 12
	// monthly, 13 for twelve months and a year-end bonus of one month, ...
	PensionPaymentsPerYear int
}

// The fields of a census record.
type censusField int8

const (
	fieldNone censusField = iota - 1
	fieldID
	fieldSex
	fieldBirth
	fieldAge
	fieldEntry
	fieldService
	fieldSalary
	fieldPension
	fieldType
	numCensusFields
)

var censusFieldNames = [numCensusFields]string{
	"id", "sex", "birth_date", "age", "entry_date", "service", "salary", "pension", "type",
}

func (f censusField) String() string {
	if f < 0 || f >= numCensusFields {
		return ""
	}
	return censusFieldNames[f]
}

// censusHeaders maps normalized header names (lower case, '_' for space and
// '-') to fields. Keep the table in ReadActives's doc in step.
var censusHeaders = map[string]censusField{
	"id": fieldID, "member_id": fieldID, "employee_id": fieldID, "pension_id": fieldID, "folio": fieldID,

	"sex": fieldSex, "gender": fieldSex, "sexo": fieldSex, "genero": fieldSex, "género": fieldSex,

	"birth_date": fieldBirth, "date_of_birth": fieldBirth, "birthdate": fieldBirth, "dob": fieldBirth,
	"fecha_nacimiento": fieldBirth, "fecha_de_nacimiento": fieldBirth,

	"age": fieldAge, "edad": fieldAge,

	"entry_date": fieldEntry, "hire_date": fieldEntry, "date_of_entry": fieldEntry,
	"fecha_ingreso": fieldEntry, "fecha_de_ingreso": fieldEntry,

	"service": fieldService, "years_of_service": fieldService, "service_years": fieldService,
	"antiguedad": fieldService, "antigüedad": fieldService,

	"salary": fieldSalary, "pay": fieldSalary, "salario": fieldSalary, "sueldo": fieldSalary,

	"pension": fieldPension, "pensión": fieldPension, "pension_amount": fieldPension,

	"type": fieldType, "pension_type": fieldType, "status": fieldType, "tipo": fieldType,
	"tipo_pension": fieldType, "tipo_pensión": fieldType,
}

func normalizeHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return '_'
		}
		return r
	}, h)
}

// What one census file holds.
type censusMode uint8

const (
	modeActives censusMode = iota
	modePensioners
	modeMixed
)

// ReadActives reads active members from CSV, one record a line after a
// header line, with the valuation date 1 January year. It returns every
// record that passed its checks; if any did not, it also returns a
// [*CensusError] listing every problem with its line, field and value, so
// that the file can be fixed in one pass. No record is dropped without an
// error saying so. A failure of r itself is returned as it is.
//
// The text is read as encoding/csv reads it, with the same records, lines
// and errors: a field may be quoted (RFC 4180) to hold the comma, a
// doubled quote or a line break; a bad quote is a problem wrapping
// csv.ErrQuote or csv.ErrBareQuote on the record's first line; empty
// lines are skipped and a '\r' before a line's end is dropped. Lines
// without a quote, nearly all of a census, are split where they lie in
// memory, in chunks of 128 KiB parsed on up to GOMAXPROCS goroutines (at
// most 8) and merged in the order of the file, with the records and
// problems of a reading line by line; from the first chunk with a quote
// on, the rest of the file is read line by line.
//
// # Columns
//
// Columns are found by their header, matched ignoring case and treating
// space, '-' and '_' alike; columns with other headers are ignored, and a
// leading UTF-8 byte-order mark is skipped. A field may be named:
//
//	id          id, member_id, employee_id, pension_id, folio
//	sex         sex, gender, sexo, género              (codes: see SexCodes)
//	birth_date  birth_date, date_of_birth, birthdate, dob, fecha_nacimiento
//	age         age, edad                              (whole years)
//	entry_date  entry_date, hire_date, date_of_entry, fecha_ingreso
//	service     service, years_of_service, service_years, antigüedad (whole years)
//	salary      salary, pay, salario, sueldo           (see SalaryPaymentsPerYear)
//	pension     pension, pensión, pension_amount       (see PensionPaymentsPerYear)
//	type        type, pension_type, status, tipo, tipo_pensión (see ParsePensionType)
//
// Actives need id, sex, birth_date or age, entry_date or service, and
// salary. A record may give a birth date or an age (and an entry date or a
// service); one that gives both must have them agree.
//
// # Values
//
//   - Age is age last birthday on 1 January year, 0..MaxCensusAge. A birth
//     date gives the completed years to the valuation date; someone born on
//     29 February has birthdays on 1 March in common years.
//   - Service is completed years from the entry date to the valuation date.
//     It may not imply entry before CensusOptions.MinEntryAge: service ≤
//     age − MinEntryAge, and with both dates the age at entry must be at
//     least MinEntryAge.
//   - Amounts are decimal numbers with a '.' point and no thousands
//     separator (an exponent, 1.5e4, is accepted), at most 18 decimal
//     places, ≥ 0, and at most MaxCensusAmount a year. They are kept exact
//     as decimal.Decimal.
//   - Ages and services are whole numbers: 42.5 is an error, not 42, so
//     that a file of exact ages or of months is not silently truncated.
//   - Spaces around every value are ignored. Ids must be unique in the file.
//
// ReadActives panics if year is outside 1..9999 or an option is invalid
// (an unknown SexCodes, a negative payments count, a bad Comma): those are
// programming errors, not bad data.
func ReadActives(r io.Reader, year int, opt CensusOptions) ([]Active, error) {
	c := Census{Year: year}
	err := readCensus(r, &c, opt, modeActives, "ReadActives")
	return c.Actives, err
}

// ReadPensioners reads pensions in payment from CSV as [ReadActives] reads
// actives. Pensioners need id, sex, birth_date or age, pension and type;
// entry_date, service and salary are ignored. A survivor's or orphan's
// record gives the beneficiary's sex and birth date.
func ReadPensioners(r io.Reader, year int, opt CensusOptions) ([]Pensioner, error) {
	c := Census{Year: year}
	err := readCensus(r, &c, opt, modePensioners, "ReadPensioners")
	return c.Pensioners, err
}

// ReadCensus reads actives and pensioners from one CSV file, as
// [ReadActives] does, telling them apart by the type column: "active" (or
// "activo") for an active member, a pension type for a pensioner. It needs
// the columns id, sex, birth_date or age, and type; an active record also
// needs entry_date or service and salary, a pensioner's pension, and a
// record whose column is missing is reported. Cells that do not apply to a
// record (a pensioner's salary) are ignored. The Census it returns is never
// nil; it holds the records that passed.
func ReadCensus(r io.Reader, year int, opt CensusOptions) (*Census, error) {
	c := &Census{Year: year}
	err := readCensus(r, c, opt, modeMixed, "ReadCensus")
	return c, err
}

// censusReader holds the state of one read.
type censusReader struct {
	opt        CensusOptions
	mode       censusMode
	year       int
	layout     string
	minEntry   int
	salaryMul  decimal.Decimal // zero when amounts are annual
	pensionMul decimal.Decimal
	salaryN    int64 // SalaryPaymentsPerYear, 1 when amounts are annual
	pensionN   int64
	col        [numCensusFields]int // column of each field; -1 if absent
	ncols      int                  // fields in the header
	seen       idSet                // ids read, with the line first seen
	ids        idArena              // the memory of the ids kept
	amounts    amountCache          // amounts read, shared
	sexes      codes[actuarial.Sex] // sex codes parsed, by their text
	types      codes[PensionType]   // type column codes parsed, by their text; PensionUnknown for an active in a mixed file
	errs       []RecordError

	// The record being read.
	line  int
	id    string
	bad   bool
	birth civil // its birth date, when it gave one
}

func readCensus(r io.Reader, c *Census, opt CensusOptions, mode censusMode, fn string) error {
	return readCensusChunks(r, c, opt, mode, fn, chunkSize, min(runtime.GOMAXPROCS(0), maxChunkWorkers))
}

// readCensusChunks is readCensus reading the records in chunks of chunk
// bytes on workers goroutines, line by line if workers < 2.
func readCensusChunks(r io.Reader, c *Census, opt CensusOptions, mode censusMode, fn string, chunk, workers int) error {
	p := newCensusReader(c.Year, opt, mode, fn)

	size := sizeHint(r)
	br := bufio.NewReaderSize(r, readBufferSize)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		_, _ = br.Discard(3)
		size -= 3
	}
	p.reserve(c, estimateRecords(br, size, r))
	lr := newLineReader(br, opt.Comma)

	first, line, err := lr.next()
	if err != nil {
		var pe *csv.ParseError
		switch {
		case err == io.EOF:
			p.errs = append(p.errs, RecordError{File: opt.File, Err: ErrNoHeader})
		case errors.As(err, &pe):
			p.errs = append(p.errs, RecordError{File: opt.File, Line: pe.StartLine, Err: pe.Err})
		default:
			return fmt.Errorf("actuarial: %s: %w", fn, err)
		}
		return p.err()
	}
	p.line = line
	header := make([]string, len(first.spans))
	for i := range header {
		header[i] = string(first.field(i))
	}
	if !p.header(header) {
		return p.err()
	}

	if workers < 2 || lr.cr != nil {
		return p.readLines(lr, c, fn)
	}
	return p.readChunks(lr, c, fn, size, chunk, workers)
}

// csvParseError returns err as a *csv.ParseError if it is one.
func csvParseError(err error) (*csv.ParseError, bool) {
	var pe *csv.ParseError
	ok := errors.As(err, &pe)
	return pe, ok
}

// readBufferSize is the size of the buffer of a CSV read; its first fill
// also samples the length of a line for [estimateRecords].
const readBufferSize = 64 << 10

// sizeHint is the number of bytes left to read in r when r tells it (a
// bytes.Reader, strings.Reader, bytes.Buffer or a regular file), -1 when
// it does not.
func sizeHint(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len())
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return -1
		}
		off, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return -1
		}
		return fi.Size() - off
	}
	return -1
}

// estimateRecords estimates the records in size bytes from the lines in
// the first buffer of br or, when r can be read at an offset (a
// bytes.Reader, strings.Reader or file), in five samples across the rest
// of it; 0 when size is unknown. It sizes the slice of records once rather than
// growing them record by record: growing a slice of a million records
// copied it over and over. A short estimate only means growing later; a
// long one wastes a few percent. The samples matter when lines grow
// longer down the file, as numbered ids do: from the first buffer alone, a
// million records numbered from 0 were estimated at 1.1 million.
func estimateRecords(br *bufio.Reader, size int64, r io.Reader) int {
	if size <= 0 {
		return 0
	}
	b, err := br.Peek(readBufferSize)
	if err != nil && err != io.EOF {
		return 0
	}
	lines := int64(bytes.Count(b, []byte{'\n'}))
	if int64(len(b)) >= size {
		return int(lines) + 1 // the whole file; the header counts for a last line without '\n'
	}
	if lines < 2 {
		return 0
	}
	n := int64(len(b))
	if ra, start, ok := readerAt(r); ok {
		// The reader is past what br buffered: samples at a tenth, three
		// tenths, ... of the rest, in place of the first buffer.
		if rest := size - int64(br.Buffered()); rest > 10*estimateSample {
			buf := make([]byte, estimateSample)
			var sl, sn int64
			for k := int64(1); k <= 9; k += 2 {
				m, _ := ra.ReadAt(buf, start+rest*k/10)
				sl += int64(bytes.Count(buf[:m], []byte{'\n'}))
				sn += int64(m)
			}
			if sl >= 2*5 {
				lines, n = sl, sn
			}
		}
	}
	est := size * lines / n
	return int(est + est/32 + 1)
}

// estimateSample is the size of the samples of estimateRecords.
const estimateSample = 16 << 10

// readerAt returns r as an io.ReaderAt and the offset it reads from next,
// when it is a bytes.Reader, strings.Reader or regular file.
func readerAt(r io.Reader) (io.ReaderAt, int64, bool) {
	switch v := r.(type) {
	case *bytes.Reader:
		return v, v.Size() - int64(v.Len()), true
	case *strings.Reader:
		return v, v.Size() - int64(v.Len()), true
	case *os.File:
		off, err := v.Seek(0, io.SeekCurrent)
		return v, off, err == nil
	}
	return nil, 0, false
}

// reserve makes room for n records, as the mode says which, in memory the
// kernel may back with huge pages: a million records are 112 MB written
// once, whose first touches page by page cost as much CPU as parsing them
// (BenchmarkReadActives1M).
func (p *censusReader) reserve(c *Census, n int) {
	if n <= 0 {
		return
	}
	switch p.mode {
	case modeActives:
		c.Actives = make([]Active, 0, n)
		hugepage.Advise(c.Actives)
	case modePensioners:
		c.Pensioners = make([]Pensioner, 0, n)
		hugepage.Advise(c.Pensioners)
	}
}

func newCensusReader(year int, opt CensusOptions, mode censusMode, fn string) *censusReader {
	if year < 1 || year > 9999 {
		panic(fmt.Sprintf("actuarial: %s: valuation year %d outside 1..9999", fn, year))
	}
	if opt.SexCodes > actuarial.SexCodesSpanish {
		panic(fmt.Sprintf("actuarial: %s: invalid SexCodes %d", fn, uint8(opt.SexCodes)))
	}
	if opt.SalaryPaymentsPerYear < 0 || opt.PensionPaymentsPerYear < 0 {
		panic(fmt.Sprintf("actuarial: %s: negative payments per year (%d, %d)",
			fn, opt.SalaryPaymentsPerYear, opt.PensionPaymentsPerYear))
	}
	if c := opt.Comma; c != 0 && (c == '\r' || c == '\n' || c == '"' || c == utf8.RuneError || !utf8.ValidRune(c)) {
		panic(fmt.Sprintf("actuarial: %s: invalid Comma %q", fn, c))
	}
	p := &censusReader{
		opt:      opt,
		mode:     mode,
		year:     year,
		layout:   opt.DateLayout,
		minEntry: opt.MinEntryAge,
	}
	if p.layout == "" {
		p.layout = ISODate
	}
	switch {
	case p.minEntry == 0:
		p.minEntry = DefaultMinEntryAge
	case p.minEntry < 0:
		p.minEntry = 0
	}
	p.salaryN, p.pensionN = 1, 1
	if n := opt.SalaryPaymentsPerYear; n > 1 {
		p.salaryMul, p.salaryN = decimal.NewFromInt(int64(n)), int64(n)
	}
	if n := opt.PensionPaymentsPerYear; n > 1 {
		p.pensionMul, p.pensionN = decimal.NewFromInt(int64(n)), int64(n)
	}
	return p
}

func (p *censusReader) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return &CensusError{Records: p.errs}
}

// fail records a problem with field f of the current record.
func (p *censusReader) fail(f censusField, value string, err error) {
	p.bad = true
	p.errs = append(p.errs, RecordError{
		File: p.opt.File, Line: p.line, ID: p.id, Field: f.String(), Value: value, Err: err,
	})
}

// failNamed records a problem under a field name that is not a single field.
func (p *censusReader) failNamed(name, value string, err error) {
	p.bad = true
	p.errs = append(p.errs, RecordError{
		File: p.opt.File, Line: p.line, ID: p.id, Field: name, Value: value, Err: err,
	})
}

// header maps columns to fields and checks the required ones are there.
func (p *censusReader) header(h []string) bool {
	for f := range p.col {
		p.col[f] = -1
	}
	p.ncols = len(h)
	for i, name := range h {
		f, ok := censusHeaders[normalizeHeader(name)]
		if !ok {
			continue
		}
		if p.col[f] >= 0 {
			p.fail(f, strings.TrimSpace(name), fmt.Errorf("%w: columns %d and %d", ErrDuplicateColumn, p.col[f]+1, i+1))
			continue
		}
		p.col[f] = i
	}
	p.require(fieldID, fieldNone)
	p.require(fieldSex, fieldNone)
	p.require(fieldBirth, fieldAge)
	switch p.mode {
	case modeActives:
		p.require(fieldEntry, fieldService)
		p.require(fieldSalary, fieldNone)
	case modePensioners:
		p.require(fieldPension, fieldNone)
		p.require(fieldType, fieldNone)
	case modeMixed:
		p.require(fieldType, fieldNone)
	}
	return !p.bad
}

// require reports a header lacking field f (and its alternative, if any).
func (p *censusReader) require(f, alt censusField) {
	if p.col[f] >= 0 || (alt != fieldNone && p.col[alt] >= 0) {
		return
	}
	p.failNamed(alternatives(f, alt), "", actuarial.ErrMissingColumn)
}

func alternatives(f, alt censusField) string {
	if alt == fieldNone {
		return f.String()
	}
	return f.String() + "|" + alt.String()
}

// cell returns the trimmed text of field f, empty if empty or absent.
func (p *censusReader) cell(rec *row, f censusField) []byte {
	if p.col[f] < 0 {
		return nil
	}
	b := rec.field(p.col[f])
	if n := len(b); n > 0 && b[0] > ' ' && b[0] < utf8.RuneSelf && b[n-1] > ' ' && b[n-1] < utf8.RuneSelf {
		return b // nothing to trim: ASCII space is at most ' '
	}
	return bytes.TrimSpace(b)
}

// missing reports that a record lacks field f (or both f and alt).
func (p *censusReader) missing(f, alt censusField) {
	name := f.String()
	switch {
	case alt != fieldNone && p.col[f] >= 0 && p.col[alt] >= 0:
		name = alternatives(f, alt)
	case alt != fieldNone && p.col[alt] >= 0:
		name = alt.String()
	case p.col[f] < 0 && alt != fieldNone:
		name = alternatives(f, alt)
	}
	if p.col[f] < 0 && (alt == fieldNone || p.col[alt] < 0) {
		p.failNamed(name, "", actuarial.ErrMissingColumn)
		return
	}
	p.failNamed(name, "", ErrMissingField)
}

// record checks one record, its fields given as text, and appends it to c
// if it passes.
func (p *censusReader) record(rec *row, line int, c *Census) {
	from := len(p.errs)
	r := p.parse(rec, line, c)
	if r.id == "" {
		return
	}
	if first, dup := p.seen.find(r.id, c); dup {
		if r.accepted { // take it back
			if r.active {
				c.Actives[len(c.Actives)-1] = Active{}
				c.Actives = c.Actives[:len(c.Actives)-1]
			} else {
				c.Pensioners[len(c.Pensioners)-1] = Pensioner{}
				c.Pensioners = c.Pensioners[:len(c.Pensioners)-1]
			}
		}
		// The id's problem comes first, as the first field checked.
		p.errs = slices.Insert(p.errs, from, p.duplicate(r, first))
		return
	}
	p.seen.insert(r.id)
	index := len(c.Actives) - 1
	if !r.active {
		index = len(c.Pensioners) - 1
	}
	p.seen.record(r.id, line, index, r.active, r.accepted)
}

// parsed is what [censusReader.parse] made of a record.
type parsed struct {
	id       string // its id, "" when it has none
	line     int    // the line it starts on
	errs     int32  // the end of its problems in a chunk's (see chunkJob)
	active   bool   // an active member's record, else a pensioner's
	accepted bool   // it passed every check but the uniqueness of its id
}

// duplicate is the problem of record r, whose id was first seen on line
// first.
func (p *censusReader) duplicate(r parsed, first int) RecordError {
	return RecordError{
		File: p.opt.File, Line: r.line, ID: r.id, Field: fieldID.String(), Value: r.id,
		Err: fmt.Errorf("%w: first on line %d", ErrDuplicateID, first),
	}
}

// parse checks one record, its fields given as text, but for the
// uniqueness of its id, which depends on the records before it: it
// appends the record to c if it passes the other checks, and reports what
// it found for the caller to check the id.
func (p *censusReader) parse(rec *row, line int, c *Census) parsed {
	p.line, p.id, p.bad = line, "", false
	if len(rec.spans) != p.ncols {
		p.fail(fieldNone, "", fmt.Errorf("%w: %d fields, header has %d", csv.ErrFieldCount, len(rec.spans), p.ncols))
		return parsed{line: line}
	}

	var id string
	if b := p.cell(rec, fieldID); len(b) == 0 {
		p.missing(fieldID, fieldNone)
	} else {
		id = p.ids.clone(b)
		p.id = id
	}

	var sex actuarial.Sex
	if s := p.cell(rec, fieldSex); len(s) == 0 {
		p.missing(fieldSex, fieldNone)
	} else if v, ok := p.sexes.get(s); ok {
		sex = v
	} else if v, err := actuarial.ParseSex(string(s), p.opt.SexCodes); err != nil {
		p.fail(fieldSex, string(s), err)
	} else {
		sex = v
		p.sexes.add(string(s), v)
	}

	active := p.mode == modeActives
	var typ PensionType
	if p.mode != modeActives {
		s := p.cell(rec, fieldType)
		if len(s) == 0 {
			p.missing(fieldType, fieldNone)
		} else if v, ok := p.types.get(s); ok {
			typ, active = v, v == PensionUnknown
		} else if str := string(s); p.mode == modeMixed && (codeEqual(str, "active") || codeEqual(str, "activo")) {
			active = true
			p.types.add(str, PensionUnknown)
		} else if v, err := ParsePensionType(str); err != nil {
			p.fail(fieldType, str, err)
		} else {
			typ = v
			p.types.add(str, v)
		}
	}

	age, birth, ageOK := p.age(rec)

	if active {
		service, entry := p.service(rec, age, birth, ageOK)
		salary := p.amount(rec, fieldSalary, p.salaryMul, p.salaryN)
		if !p.bad {
			// Field by field: appending a whole Active copies it with a
			// bulk write barrier while the collector marks.
			n := len(c.Actives)
			c.Actives = slices.Grow(c.Actives, 1)[:n+1]
			a := &c.Actives[n]
			a.ID, a.Sex, a.Age, a.Service, a.Salary = id, sex, age, service, salary
			a.BirthDate, a.EntryDate, a.Line = birth, entry, line
		}
	} else {
		pension := p.amount(rec, fieldPension, p.pensionMul, p.pensionN)
		if !p.bad {
			n := len(c.Pensioners)
			c.Pensioners = slices.Grow(c.Pensioners, 1)[:n+1]
			q := &c.Pensioners[n]
			q.ID, q.Sex, q.Age, q.Type, q.Pension = id, sex, age, typ, pension
			q.BirthDate, q.Line = birth, line
		}
	}
	return parsed{id: id, line: line, active: active, accepted: !p.bad}
}

// maxInterned bounds the codes a reader remembers (a file spells its
// codes a few ways, not thousands).
const maxInterned = 32

// codes remembers what the texts of a column of codes parsed as, so that
// the next record spelling one so costs a few comparisons of short
// strings rather than a parse (or a map's hashing). It keeps copies of the
// texts, not the records' lines.
type codes[V any] struct {
	text []string
	val  []V
}

// get returns what s parsed as, if remembered.
func (c *codes[V]) get(s []byte) (v V, ok bool) {
	for i, t := range c.text {
		if t == string(s) {
			return c.val[i], true
		}
	}
	return v, false
}

// add remembers that s parsed as v, up to maxInterned texts.
func (c *codes[V]) add(s string, v V) {
	if len(c.text) < maxInterned {
		c.text = append(c.text, strings.Clone(s))
		c.val = append(c.val, v)
	}
}

// clone returns a copy of c.
func (c codes[V]) clone() codes[V] {
	return codes[V]{text: slices.Clone(c.text), val: slices.Clone(c.val)}
}

// idSet is the set of the ids read so far, with the line each was first
// seen on. Most files give ids in increasing order (shorter first, then
// byte by byte: the order of numbered ids, zero-padded or not), and most
// records pass; so the set keeps no entry of its own for an accepted
// record that comes in order, which holds its id and line already: a new
// greatest id costs one comparison, and an id seen before is found by
// binary search in the records. Only the ids of rejected records, and of
// accepted ones out of order, go to a map.
type idSet struct {
	max        string // the greatest id seen
	n          int    // ids seen
	actives    int    // c.Actives[:actives] are in increasing id order
	pensioners int    // c.Pensioners[:pensioners] are in increasing id order
	lastActive string // c.Actives[actives-1].ID
	lastPens   string // c.Pensioners[pensioners-1].ID
	other      map[string]int
}

// idLess orders ids shorter first, then byte by byte.
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// idCompare is the three-way idLess.
func idCompare(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// find reports the line id was first seen on, if it was. The caller then
// adds a new id by [idSet.insert] and tells [idSet.record] what became of
// its record.
func (s *idSet) find(id string, c *Census) (first int, dup bool) {
	if s.n == 0 || idLess(s.max, id) {
		return 0, false
	}
	if i, ok := slices.BinarySearchFunc(c.Actives[:s.actives], id, func(a Active, id string) int {
		return idCompare(a.ID, id)
	}); ok {
		return c.Actives[i].Line, true
	}
	if i, ok := slices.BinarySearchFunc(c.Pensioners[:s.pensioners], id, func(p Pensioner, id string) int {
		return idCompare(p.ID, id)
	}); ok {
		return c.Pensioners[i].Line, true
	}
	if first, ok := s.other[id]; ok {
		return first, true
	}
	return 0, false
}

// insert adds id, which find did not find.
func (s *idSet) insert(id string) {
	if s.n == 0 || idLess(s.max, id) {
		s.max = id
	}
	s.n++
}

// record says what became of the record of the new id (added by insert)
// on line: appended to c.Actives or c.Pensioners at index, or neither.
func (s *idSet) record(id string, line, index int, active, accepted bool) {
	switch {
	case accepted && active && s.actives == index && (s.actives == 0 || idLess(s.lastActive, id)):
		s.actives++
		s.lastActive = id
	case accepted && !active && s.pensioners == index && (s.pensioners == 0 || idLess(s.lastPens, id)):
		s.pensioners++
		s.lastPens = id
	default:
		if s.other == nil {
			s.other = make(map[string]int)
		}
		s.other[id] = line
	}
}

// idArena copies ids into blocks of memory shared by many, so that a
// million ids cost a few hundred allocations rather than a million, and
// the garbage collector has a few hundred objects to mark. A block
// stays in memory while any of its ids does.
type idArena struct {
	b    strings.Builder // the current block; its String() grows, never changes
	size int             // the size of the current block
}

// Blocks start at minIDBlock bytes and double up to maxIDBlock; an id of
// more than maxIDBlock/16 bytes gets its own allocation.
const (
	minIDBlock = 256
	maxIDBlock = 64 << 10
)

// clone returns a string holding a copy of id.
func (a *idArena) clone(id []byte) string {
	if len(id) > maxIDBlock/16 {
		return string(id)
	}
	if a.b.Cap()-a.b.Len() < len(id) {
		a.size = min(max(2*a.size, minIDBlock), maxIDBlock)
		a.b.Reset()
		a.b.Grow(a.size)
	}
	n := a.b.Len()
	a.b.Write(id)
	return a.b.String()[n:]
}

// age reads the birth date and the age. ok is false when neither gave a
// valid age.
func (p *censusReader) age(rec *row) (age int, birth time.Time, ok bool) {
	bb, ab := p.cell(rec, fieldBirth), p.cell(rec, fieldAge)
	given, hasGiven := 0, false
	if len(ab) > 0 {
		n, ok := atoi(ab)
		switch {
		case !ok:
			p.fail(fieldAge, string(ab), fmt.Errorf("%w: want whole years", ErrBadNumber))
			return 0, time.Time{}, false
		case n < 0 || n > MaxCensusAge:
			p.fail(fieldAge, string(ab), fmt.Errorf("%w: age outside 0..%d", actuarial.ErrRange, MaxCensusAge))
			return 0, time.Time{}, false
		}
		given, hasGiven = n, true
	}
	if len(bb) == 0 {
		if !hasGiven {
			p.missing(fieldBirth, fieldAge)
			return 0, time.Time{}, false
		}
		return given, time.Time{}, true
	}
	b, bc, err := p.date(bb)
	if err != nil {
		p.fail(fieldBirth, string(bb), err)
		return 0, time.Time{}, false
	}
	p.birth = bc
	if bc.after(p.year, time.January, 1) {
		p.fail(fieldBirth, string(bb), fmt.Errorf("%w: born after 1 January %d", ErrFutureDate, p.year))
		return 0, time.Time{}, false
	}
	age = bc.yearsTo(p.year, time.January, 1)
	if age > MaxCensusAge {
		p.fail(fieldBirth, string(bb), fmt.Errorf("%w: age %d above %d", actuarial.ErrRange, age, MaxCensusAge))
		return 0, time.Time{}, false
	}
	if hasGiven && given != age {
		p.fail(fieldAge, string(ab), fmt.Errorf("%w: birth date %s gives age %d on 1 January %d", ErrInconsistent, bb, age, p.year))
		return 0, time.Time{}, false
	}
	return age, b, true
}

// atoi reads a whole number as strconv.Atoi does; ok is false where Atoi
// returns an error.
func atoi(b []byte) (n int, ok bool) {
	if len(b) == 0 || len(b) > 9 {
		return atoiSlow(b)
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return atoiSlow(b)
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func atoiSlow(b []byte) (int, bool) {
	n, err := strconv.Atoi(string(b))
	return n, err == nil
}

// service reads the entry date and the service, checking them against the
// age when it is known.
func (p *censusReader) service(rec *row, age int, birth time.Time, ageOK bool) (service int, entry time.Time) {
	eb, sb := p.cell(rec, fieldEntry), p.cell(rec, fieldService)
	given, hasGiven := 0, false
	if len(sb) > 0 {
		n, ok := atoi(sb)
		switch {
		case !ok:
			p.fail(fieldService, string(sb), fmt.Errorf("%w: want whole years", ErrBadNumber))
			return 0, time.Time{}
		case n < 0:
			p.fail(fieldService, string(sb), fmt.Errorf("%w: negative service", actuarial.ErrRange))
			return 0, time.Time{}
		}
		given, hasGiven = n, true
	}
	field, value := fieldService, sb
	switch {
	case len(eb) > 0:
		e, ec, err := p.date(eb)
		if err != nil {
			p.fail(fieldEntry, string(eb), err)
			return 0, time.Time{}
		}
		if ec.after(p.year, time.January, 1) {
			p.fail(fieldEntry, string(eb), fmt.Errorf("%w: entry after 1 January %d", ErrFutureDate, p.year))
			return 0, time.Time{}
		}
		service = ec.yearsTo(p.year, time.January, 1)
		if !birth.IsZero() {
			ey, em, ed := ec.y, ec.m, ec.d
			if p.birth.after(ey, em, ed) {
				p.fail(fieldEntry, string(eb), fmt.Errorf("%w: entry before birth", ErrServiceTooLong))
				return 0, time.Time{}
			}
			if ea := p.birth.yearsTo(ey, em, ed); ea < p.minEntry {
				p.fail(fieldEntry, string(eb), fmt.Errorf("%w: entry at age %d, below the minimum entry age %d", ErrServiceTooLong, ea, p.minEntry))
				return 0, time.Time{}
			}
		}
		if hasGiven && given != service {
			p.fail(fieldService, string(sb), fmt.Errorf("%w: entry date %s gives %d years of service on 1 January %d", ErrInconsistent, eb, service, p.year))
			return 0, time.Time{}
		}
		entry = e
		if !hasGiven {
			field, value = fieldEntry, eb
		}
	case hasGiven:
		service = given
	default:
		p.missing(fieldEntry, fieldService)
		return 0, time.Time{}
	}
	if ageOK && service > age-p.minEntry {
		p.fail(field, string(value), fmt.Errorf("%w: %d years of service at age %d means entry before age %d",
			ErrServiceTooLong, service, age, p.minEntry))
		return 0, time.Time{}
	}
	return service, entry
}

// maxAmountLen and maxDecimals bound the amounts a census accepts: longer
// text or more decimal places is garbage, and would cost big-number work.
const (
	maxAmountLen = 64
	maxDecimals  = 18
)

// amount reads a salary or pension, multiplied by mul unless mul is zero;
// n is mul as an integer, 1 when mul is zero.
func (p *censusReader) amount(rec *row, f censusField, mul decimal.Decimal, n int64) decimal.Decimal {
	b := p.cell(rec, f)
	if len(b) == 0 {
		p.missing(f, fieldNone)
		return decimal.Decimal{}
	}
	if v, exp, ok := fastCoefficient(b, n); ok {
		return p.amounts.decimal(v, exp)
	}
	s := string(b)
	if len(s) > maxAmountLen {
		p.fail(f, s, fmt.Errorf("%w: longer than %d characters", ErrBadNumber, maxAmountLen))
		return decimal.Decimal{}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		p.fail(f, s, ErrBadNumber)
		return decimal.Decimal{}
	}
	if d.IsNegative() {
		p.fail(f, s, actuarial.ErrNegative)
		return decimal.Decimal{}
	}
	if d.Exponent() < -maxDecimals {
		p.fail(f, s, fmt.Errorf("%w: more than %d decimal places", ErrBadNumber, maxDecimals))
		return decimal.Decimal{}
	}
	if d.IsZero() {
		// 0e999999 is zero, but arithmetic on it would scale by 10^999999.
		return decimal.Zero
	}
	// Digits before the point bound the size cheaply, before any arithmetic
	// on a number like 1e999999.
	if d.NumDigits()+int(d.Exponent()) > 16 {
		p.fail(f, s, fmt.Errorf("%w: above %g a year", actuarial.ErrRange, MaxCensusAmount))
		return decimal.Decimal{}
	}
	if !mul.IsZero() {
		d = d.Mul(mul)
	}
	if d.InexactFloat64() > MaxCensusAmount {
		p.fail(f, s, fmt.Errorf("%w: above %g a year", actuarial.ErrRange, MaxCensusAmount))
		return decimal.Decimal{}
	}
	return d
}

// fastAmount is the fast path of amount for the commonest text, digits
// with at most one '.' between digits and at most 18 digits in all: it
// returns what amount returns, with the same coefficient and exponent as
// decimal.NewFromString and Mul by n, without its allocations. It reports
// false for any other text, and for a value amount would reject, leaving
// both to amount.
func fastAmount[T string | []byte](s T, n int64) (decimal.Decimal, bool) {
	v, exp, ok := fastCoefficient(s, n)
	switch {
	case !ok:
		return decimal.Decimal{}, false
	case v == 0:
		return decimal.Zero, true
	}
	return decimal.New(v, exp), true
}

// fastCoefficient is fastAmount's coefficient and exponent.
func fastCoefficient[T string | []byte](s T, n int64) (v int64, exp int32, ok bool) {
	digits, frac, point := 0, 0, -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + int64(c-'0')
			digits++
		case c == '.' && point < 0 && i > 0 && i < len(s)-1:
			point = i
		default:
			return 0, 0, false
		}
	}
	if digits == 0 || digits > 18 {
		return 0, 0, false
	}
	if point >= 0 {
		frac = len(s) - point - 1
	}
	if v == 0 {
		return 0, 0, true
	}
	// The digits before the point, as amount counts them (NumDigits +
	// exponent), and a product small enough for float64 to hold exactly,
	// so that the bound is checked on the same float64 as amount's.
	if (frac <= 2 && v >= pow10Int[16+frac]) || v > (1<<53)/n { // more than 16 digits before the point
		return 0, 0, false
	}
	v *= n
	if float64(v)/pow10[frac] > MaxCensusAmount {
		return 0, 0, false
	}
	return v, int32(-frac), true
}

// amountCache shares the Decimals of amounts read before. A census
// repeats amounts (a minimum pension, the steps of a pay scale), and each
// Decimal costs two allocations, its big.Int and the word that holds; a
// Decimal never changes, so records may share one. It is a direct-mapped
// cache: an amount evicts the one before it in its slot.
type amountCache [256]struct {
	v   int64
	exp int32
	d   decimal.Decimal // zero for an empty slot
}

// decimal returns v·10^exp, as decimal.New(v, exp) or decimal.Zero for 0.
func (c *amountCache) decimal(v int64, exp int32) decimal.Decimal {
	if v == 0 {
		return decimal.Zero
	}
	e := &c[(uint64(v)*0x9e3779b97f4a7c15+uint64(exp))>>56]
	if e.v != v || e.exp != exp || e.d == (decimal.Decimal{}) {
		e.v, e.exp, e.d = v, exp, decimal.New(v, exp)
	}
	return e.d
}

// pow10[k] is 10^k, exact in float64 for k ≤ 22.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// pow10Int[k] is 10^k.
var pow10Int = [...]int64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// date parses a date in the reader's layout, as midnight UTC, and returns
// its calendar date too.
func (p *censusReader) date(s []byte) (time.Time, civil, error) {
	if p.layout == ISODate {
		if c, ok := parseISOCivil(s); ok {
			return c.time(), c, nil
		}
	}
	t, err := time.Parse(p.layout, string(s))
	if err != nil {
		return time.Time{}, civil{}, fmt.Errorf("%w: want layout %s", ErrBadDate, p.layout)
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), civil{y, m, d}, nil
}

// civil is a calendar date, kept beside its time.Time so that comparing
// dates does not compute it again (time.Time.Date is the costliest part of
// checking a record's dates).
type civil struct {
	y int
	m time.Month
	d int
}

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, m, d}
}

// time is c at midnight UTC: time.Date(c.y, c.m, c.d, 0, 0, 0, 0,
// time.UTC), the same Time to the bit, for a valid date of years 0..9999,
// in a third of the time.
func (c civil) time() time.Time {
	return time.Unix(c.daysSinceEpoch()*secondsPerDay, 0).UTC()
}

const secondsPerDay = 24 * 60 * 60

// daysSinceEpoch is the number of days from 1970-01-01 to c, by the
// proleptic Gregorian calendar: days_from_civil of Howard Hinnant,
// "chrono-Compatible Low-Level Date Algorithms" (2013), with years
// counted from 1 March so that the leap day ends a year.
func (c civil) daysSinceEpoch() int64 {
	y, m, d := int64(c.y), int64(c.m), int64(c.d)
	if m <= 2 {
		y--
	}
	if y < 0 {
		return c.daysSinceEpochSlow()
	}
	// Years from 0 on: unsigned division by constants, without the
	// adjustments of signed division.
	u := uint64(y)
	era := u / 400
	yoe := u - era*400                                                    // year of the era, 0..399
	doe := yoe*365 + yoe/4 - yoe/100 + daysFromMarch[m-1] + uint64(d) - 1 // day of the era, 0..146096
	return int64(era*146097+doe) - 719468
}

// daysFromMarch[m−1] is the days from 1 March to the first of month m,
// counting January and February at the end of the year.
var daysFromMarch = [12]uint64{306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275}

// daysSinceEpochSlow is daysSinceEpoch for any year.
func (c civil) daysSinceEpochSlow() int64 {
	y, m, d := int64(c.y), int64(c.m), int64(c.d)
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400                     // year of the era, 0..399
	doy := (153*((m+9)%12)+2)/5 + d - 1    // day of the year from 1 March, 0..365
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the era, 0..146096
	return era*146097 + doe - 719468
}

// after reports whether c is after y-m-d.
func (c civil) after(y int, m time.Month, d int) bool {
	ty, tm, td := c.y, c.m, c.d
	switch {
	case ty != y:
		return ty > y
	case tm != m:
		return tm > m
	}
	return td > d
}

// completedYears is the number of whole years from the date of from to
// y-m-d: age last birthday, or completed service. An anniversary on 29
// February falls on 1 March in common years. It is negative when from is
// after y-m-d.
func completedYears(from time.Time, y int, m time.Month, d int) int {
	return civilOf(from).yearsTo(y, m, d)
}

// yearsTo is completedYears from c.
func (c civil) yearsTo(y int, m time.Month, d int) int {
	fy, fm, fd := c.y, c.m, c.d
	n := y - fy
	if m < fm || (m == fm && d < fd) {
		n--
	}
	return n
}

// parseISODate is a fast path for the commonest layout: it parses exactly
// YYYY-MM-DD as time.Parse(ISODate, s) would, and reports false for
// anything else (time.Parse then reports the error).
func parseISODate(s string) (time.Time, bool) {
	c, ok := parseISOCivil(s)
	if !ok {
		return time.Time{}, false
	}
	return c.time(), true
}

// parseISOCivil is parseISODate's calendar date.
func parseISOCivil[T string | []byte](s T) (civil, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return civil{}, false
	}
	n := 0
	for i := range len(s) {
		c := s[i]
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return civil{}, false
		}
		n = n*10 + int(c-'0')
	}
	y, m, d := n/10000, time.Month(n/100%100), n%100
	if m < time.January || m > time.December || d < 1 || d > daysIn(m, y) {
		return civil{}, false
	}
	return civil{y, m, d}, true
}

// daysIn is the number of days in month m of year y (Gregorian).
func daysIn(m time.Month, y int) int {
	if m == time.February {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + int((m+m/8)%2)
}
