package mortality

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"strconv"
	"strings"
)

// ContentType is the kind of table an XTbML document holds: the tc code of
// its <ContentType> element. Codes below 78 come from the ACORD XTbML code
// list (OLI_LU_CONTENTTYPE); 78 and above are the SOA's additions used on
// mort.soa.org. [ReadXTbML] reads the codes named below and rejects every
// other one (lapse, claim cost, Generational Mortality, ...) with
// [ErrContentType].
type ContentType int

// The content types [ReadXTbML] reads. All but ContentProjectionScale hold
// rates of death q; ContentProjectionScale holds an improvement scale.
const (
	ContentHealthyLives    ContentType = 1  // Healthy Lives Mortality
	ContentDisabledLives   ContentType = 2  // Disabled Lives Mortality
	ContentInsuredLives    ContentType = 4  // Insured Lives Mortality (the 2001 VBT)
	ContentProjectionScale ContentType = 22 // Projection Scale: mortality improvement rates (Scale G2)
	ContentAnnuitant       ContentType = 78 // Annuitant Mortality (the 2012 IAM tables)
	ContentPopulation      ContentType = 84 // Population Mortality (English Life Tables)
	ContentCSO             ContentType = 85 // CSO / CET: the valuation tables (1980, 2001, 2017 CSO)
)

var contentNames = map[ContentType]string{
	ContentHealthyLives:    "Healthy Lives Mortality",
	ContentDisabledLives:   "Disabled Lives Mortality",
	ContentInsuredLives:    "Insured Lives Mortality",
	ContentProjectionScale: "Projection Scale",
	ContentAnnuitant:       "Annuitant Mortality",
	ContentPopulation:      "Population Mortality",
	ContentCSO:             "CSO / CET",
}

// String returns the content type's name on mort.soa.org, or "ContentType(n)"
// for a code this package does not read.
func (c ContentType) String() string {
	if s, ok := contentNames[c]; ok {
		return s
	}
	return fmt.Sprintf("ContentType(%d)", int(c))
}

// Mortality reports whether the content type holds rates of death q.
func (c ContentType) Mortality() bool {
	_, ok := contentNames[c]
	return ok && c != ContentProjectionScale
}

// XTbML is one document of the SOA's table database (mort.soa.org) in its
// XTbML format: the classification of the table, the metadata of each of
// its <Table> elements, and the rates, read into the table they form.
//
// A mortality document (every [ContentType] but ContentProjectionScale)
// holds either one table of q by age, read into Ultimate, or two: select
// rates by age at selection and duration, then ultimate rates by age, read
// into Select (whose ultimate table is Ultimate). A projection scale
// document holds one table of improvement rates, by age or by age and
// calendar year, returned by [XTbML.Scale]; its Select and Ultimate are nil.
//
// The zero value is an empty document: no tables, and Scale returns an
// error.
type XTbML struct {
	ID             int         // TableIdentity: the SOA table number (3302); 0 if the document gives none
	Name           string      // TableName ("2017 Loaded CSO Preferred Structure …")
	ContentType    ContentType // the tc code of ContentType
	ContentName    string      // ContentType's text as published ("CSO / CET")
	ProviderDomain string      // ProviderDomain ("soa.org")
	ProviderName   string      // ProviderName: who compiled the table
	Reference      string      // TableReference: the published source of the rates
	Description    string      // TableDescription of the whole document (basis, ages)
	Comments       string      // Comments: study data, methodology
	Keywords       []string    // the KeyWord elements, in document order

	// Tables holds the metadata of each <Table>, in document order:
	// for a select and ultimate document, the select table then the
	// ultimate.
	Tables []XTbMLMetaData

	Select   *SelectTable // nil when the document has no select table
	Ultimate *LifeTable   // nil when it has none (an improvement scale)

	scale Scale // nil unless the document is a projection scale
}

// XTbMLMetaData is the <MetaData> of one <Table> in an XTbML document.
type XTbMLMetaData struct {
	Description string // TableDescription of this table
	Nation      string // Nation ("United States of America")

	// ScalingFactor is the power of ten the tabulated values were multiplied
	// by: 3 means rates per thousand. 0 (the SOA tables' usual value) means
	// the values are the rates themselves. The rates read are the values
	// divided by 10^ScalingFactor. (This direction is this package's reading
	// of the element's name; every table in the project's test data has 0,
	// and a table read the wrong way round fails the [0, 1] check.)
	ScalingFactor int

	// Axes lists the table's axes: one (Age) for a table by age; two for a
	// select table (Age at selection, then Duration) or a two-dimensional
	// improvement scale (Age, then calendar year).
	Axes []XTbMLAxis
}

// XTbMLAxis is one <AxisDef> of a table's metadata.
type XTbMLAxis struct {
	ID        string // the id attribute: "Age", "Duration", ...
	Name      string // AxisName
	ScaleType string // ScaleType's text ("Age", "Ordinal Date"); descriptive only
	Min, Max  int    // MinScaleValue and MaxScaleValue: the first and last label, inclusive
	Increment int    // Increment between labels; always 1 in a document ReadXTbML accepts
}

// Scale returns the improvement scale a projection scale document holds: an
// [*AgeScale] for a scale by age (Scale G2), an [*AgeYearScale] for one by
// age and calendar year. It returns an error wrapping [ErrContentType] for a
// document that holds no scale (a mortality table).
func (x *XTbML) Scale() (Scale, error) {
	if x.scale == nil {
		return nil, fmt.Errorf("mortality: XTbML table %d (%s) holds no improvement scale: %w", x.ID, x.ContentType, ErrContentType)
	}
	return x.scale, nil
}

// Bounds on the labels of the axes ReadXTbML accepts, well outside any real
// table; they keep arithmetic on ages far from overflow.
const (
	xtbmlMaxAge      = 200
	xtbmlMaxDuration = 200
	xtbmlMinYear     = 1000
	xtbmlMaxYear     = 3000
	xtbmlMaxScaling  = 9
)

// ReadXTbMLFile reads the XTbML document in the named file; see [ReadXTbML].
// Its parse errors name the file.
func ReadXTbMLFile(name string) (*XTbML, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("mortality: %w", err)
	}
	defer f.Close()
	x, err := ReadXTbML(f)
	if pe := (*ParseError)(nil); errors.As(err, &pe) {
		pe.File = name
	}
	return x, err
}

// ReadXTbML reads one SOA XTbML document (mort.soa.org): a mortality table
// by age, a select and ultimate table, or an improvement scale (see [XTbML]
// for the layouts it reads). It reads r to the end, into memory; a leading
// UTF-8 byte-order mark, as the SOA's files have, is skipped. Axes are told
// apart by their id (or AxisName): "Age", "Duration", or one containing
// "Year" for the calendar years of a two-dimensional scale.
//
// It checks the document against its own metadata: every age (and duration)
// from MinScaleValue to MaxScaleValue present once and in order, each value
// a finite number, each rate of death in [0, 1] and each improvement rate
// in (−1, 1) once divided by 10^ScalingFactor. The only empty values it
// accepts are at the start or end of a select row (see [SelectTable]).
//
// Name spaces: the SOA's files declare none, and every element of the
// document must be in no name space or in the XTbML name space of ACORD
// and the SOA, whether declared as the default (<XTbML xmlns="…">) or with
// a prefix (<x:XTbML xmlns:x="…">). The XTbML name space is recognised by
// its owner and its name, not by one exact URI: an http or https URI on
// acord.org or soa.org (or one of their subdomains) whose path contains
// "XTbML", in any case. An element in any other name space is refused with
// [ErrContentType], naming the element and the name space; an element with
// an undeclared prefix with [ErrSyntax].
//
// Bad input returns a [*ParseError] giving the line, the element and the
// offending value, and wrapping [ErrSyntax] (malformed or truncated XML, a
// value that is not a number), [ErrContentType] (not XTbML, an element in
// a foreign name space, or a content type or layout this package does not
// read), [ErrNotFinite], [ErrRate],
// [ErrMissingAge], [ErrDuplicate], [ErrShape] (values that do not match
// the axes the metadata declares) or [ErrEmpty] (no tables, or a
// table without values). An error reading r is returned wrapped.
func ReadXTbML(r io.Reader) (*XTbML, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("mortality: reading XTbML: %w", err)
	}
	p := &xtbmlParser{data: bytes.TrimPrefix(data, []byte("\uFEFF"))}
	return p.parse()
}

// rawTable is one <Table> as read, before it is checked against the content
// type and its own metadata.
type rawTable struct {
	off      int64 // offset just after <Table>
	meta     XTbMLMetaData
	axisOffs []int64 // offset of each AxisDef, for errors
	hasMin   []bool
	hasMax   []bool
	depth    int      // how deep the values nest: 1 (Axis/Y) or 2 (Axis/Axis/Y); 0 before the first
	valOff   int64    // offset just after <Values>
	rows     []rawRow // depth 2: one per outer <Axis t=…>; depth 1: a single row
	cells    []rawCell
}

type rawRow struct {
	t          int   // the outer label (select age, or age of a 2-D scale); unused at depth 1
	off, end   int64 // offsets of the row's start and end tags
	start, lim int   // the row's cells are cells[start:lim]
}

type rawCell struct {
	t     int     // the label: age, duration or year
	v     float64 // the value as written, before scaling
	blank bool    // an empty <Y>
	off   int64   // offset just after <Y …>
}

type xtbmlParser struct {
	data []byte
	dec  *xml.Decoder

	stack    []string       // local names of the open elements (the name space is checked in start)
	prefix   []string       // prefix of each open element as written, "" if none; for matching end tags
	nsMark   []int          // len(ns) before each open element's declarations
	ns       []xmlnsBinding // the name-space declarations in scope, innermost last
	capture  int            // depth of the leaf whose text is being gathered; 0 when none
	text     []byte
	ctOff    int64 // offset of <ContentType>
	ctSeen   bool
	rootSeen bool
	endOff   int64 // offset of </XTbML>

	doc    XTbML
	tables []*rawTable
	cur    *rawTable
	rowT   int  // the t of the open outer <Axis>, if rowLab
	rowLab bool // whether the open outer <Axis> has a t label
	cell   rawCell
}

// xmlnsBinding is one name-space declaration in scope: xmlns="uri" (prefix
// "") or xmlns:prefix="uri".
type xmlnsBinding struct{ prefix, uri string }

func (p *xtbmlParser) line(off int64) int {
	off = min(max(off, 0), int64(len(p.data)))
	return 1 + bytes.Count(p.data[:off], []byte{'\n'})
}

// errAt returns a ParseError at the input offset off.
func (p *xtbmlParser) errAt(off int64, field, value string, err error) *ParseError {
	return &ParseError{Line: p.line(off), Field: field, Value: value, Err: err}
}

func (p *xtbmlParser) parse() (*XTbML, error) {
	p.dec = xml.NewDecoder(bytes.NewReader(p.data))
	for {
		// RawToken, not Token: the SOA's files use no name spaces, the
		// parser resolves the few xmlns declarations itself (see start) and
		// matches end tags with its own stack, which saves a quarter of the
		// allocations.
		tok, err := p.dec.RawToken()
		if err == io.EOF {
			if n := len(p.stack); n > 0 {
				return nil, p.errAt(int64(len(p.data)), p.stack[n-1], "", fmt.Errorf("%w: unexpected EOF", ErrSyntax))
			}
			break
		}
		if err != nil {
			return nil, p.syntaxError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := p.start(t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			n := len(p.stack)
			if n == 0 || p.stack[n-1] != t.Name.Local || p.prefix[n-1] != t.Name.Space {
				return nil, p.errAt(p.dec.InputOffset(), qualified(t.Name), "", fmt.Errorf("%w: unexpected end tag </%s>", ErrSyntax, qualified(t.Name)))
			}
			if err := p.end(); err != nil {
				return nil, err
			}
		case xml.CharData:
			if p.capture > 0 && p.capture == len(p.stack) {
				p.text = append(p.text, t...)
			}
		}
	}
	if !p.rootSeen {
		return nil, p.errAt(int64(len(p.data)), "XTbML", "", fmt.Errorf("%w: no root element", ErrSyntax))
	}
	return p.build()
}

func (p *xtbmlParser) syntaxError(err error) error {
	pe := &ParseError{Line: p.line(p.dec.InputOffset()), Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		pe.Line = se.Line
		pe.Err = fmt.Errorf("%w: %s", ErrSyntax, se.Msg)
	}
	if n := len(p.stack); n > 0 {
		pe.Field = p.stack[n-1]
	}
	return pe
}

// qualified returns an element's name as written: prefix:local, or local.
func qualified(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// label parses the t attribute of an <Axis> or <Y>.
func (p *xtbmlParser) label(se xml.StartElement, off int64) (int, error) {
	s, ok := attr(se, "t")
	if !ok {
		return 0, p.errAt(off, se.Name.Local, "", fmt.Errorf("%w: no t attribute", ErrShape))
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, p.errAt(off, se.Name.Local, "t="+s, fmt.Errorf("%w: label is not an integer", ErrShape))
	}
	return n, nil
}

func (p *xtbmlParser) startCapture() {
	p.capture = len(p.stack)
	p.text = p.text[:0]
}

// xtbmlNamespace reports whether uri is the XTbML name space of ACORD and
// the SOA: an http or https URI on acord.org or soa.org, or a subdomain,
// whose path contains "xtbml" in any case (see [ReadXTbML]).
func xtbmlNamespace(uri string) bool {
	u, err := url.Parse(strings.TrimSpace(uri))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	host := strings.ToLower(u.Hostname())
	owner := false
	for _, d := range [...]string{"acord.org", "soa.org"} {
		owner = owner || host == d || strings.HasSuffix(host, "."+d)
	}
	return owner && strings.Contains(strings.ToLower(u.Path), "xtbml")
}

// checkNamespace resolves the name space of an element just pushed on the
// stack and refuses one that is not XTbML's.
func (p *xtbmlParser) checkNamespace(n xml.Name, off int64) error {
	uri, declared := "", n.Space == ""
	if n.Space == "xml" {
		uri, declared = "http://www.w3.org/XML/1998/namespace", true
	}
	for i := len(p.ns) - 1; i >= 0; i-- {
		if p.ns[i].prefix == n.Space {
			uri, declared = p.ns[i].uri, true
			break
		}
	}
	switch {
	case !declared:
		return p.errAt(off, qualified(n), n.Space, fmt.Errorf("%w: <%s>: the prefix %q is not declared", ErrSyntax, qualified(n), n.Space))
	case uri == "" || xtbmlNamespace(uri):
		return nil
	}
	return p.errAt(off, qualified(n), uri, fmt.Errorf(
		"%w: <%s> is in the name space %q; XTbML elements are in no name space or in the ACORD/SOA XTbML name space",
		ErrContentType, qualified(n), uri))
}

func (p *xtbmlParser) start(se xml.StartElement) error {
	off := p.dec.InputOffset()
	name := se.Name.Local
	parent := ""
	if n := len(p.stack); n > 0 {
		parent = p.stack[n-1]
	}
	p.nsMark = append(p.nsMark, len(p.ns))
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			p.ns = append(p.ns, xmlnsBinding{"", a.Value})
		case a.Name.Space == "xmlns":
			p.ns = append(p.ns, xmlnsBinding{a.Name.Local, a.Value})
		}
	}
	p.stack = append(p.stack, name)
	p.prefix = append(p.prefix, se.Name.Space)
	depth := len(p.stack)
	if depth == 1 {
		if p.rootSeen {
			return p.errAt(off, qualified(se.Name), "", fmt.Errorf("%w: a second root element", ErrSyntax))
		}
		p.rootSeen = true
		if name != "XTbML" {
			return p.errAt(off, qualified(se.Name), "", fmt.Errorf("%w: root element <%s>, not <XTbML>", ErrContentType, qualified(se.Name)))
		}
		return p.checkNamespace(se.Name, off)
	}
	if err := p.checkNamespace(se.Name, off); err != nil {
		return err
	}
	// Inside <Values>: only Axis and Y, nested as the metadata says.
	if depth >= 4 && p.stack[1] == "Table" && p.stack[2] == "Values" {
		return p.startValue(se, off, depth)
	}
	if p.capture > 0 {
		return nil // an element inside a text field: its text is not gathered
	}
	switch {
	case depth == 3 && parent == "ContentClassification":
		switch name {
		case "TableIdentity", "ProviderDomain", "ProviderName", "TableReference",
			"TableName", "TableDescription", "Comments", "KeyWord":
			p.startCapture()
		case "ContentType":
			p.ctOff, p.ctSeen = off, true
			tc, ok := attr(se, "tc")
			if !ok {
				return p.errAt(off, name, "", fmt.Errorf("%w: no tc attribute", ErrContentType))
			}
			c, err := strconv.Atoi(strings.TrimSpace(tc))
			if err != nil {
				return p.errAt(off, name, "tc="+tc, fmt.Errorf("%w: tc is not an integer", ErrContentType))
			}
			p.doc.ContentType = ContentType(c)
			p.startCapture()
		}
	case depth == 2 && name == "Table":
		p.cur = &rawTable{off: off}
		p.tables = append(p.tables, p.cur)
	case depth == 3 && parent == "Table" && name == "Values":
		p.cur.valOff = off
	case depth == 4 && parent == "MetaData" && p.stack[1] == "Table":
		switch name {
		case "ScalingFactor", "Nation", "TableDescription":
			p.startCapture()
		case "AxisDef":
			id, _ := attr(se, "id")
			p.cur.meta.Axes = append(p.cur.meta.Axes, XTbMLAxis{ID: id, Increment: 1})
			p.cur.axisOffs = append(p.cur.axisOffs, off)
			p.cur.hasMin = append(p.cur.hasMin, false)
			p.cur.hasMax = append(p.cur.hasMax, false)
		}
	case depth == 5 && parent == "AxisDef" && p.stack[2] == "MetaData" && p.stack[1] == "Table":
		switch name {
		case "ScaleType", "AxisName", "MinScaleValue", "MaxScaleValue", "Increment":
			p.startCapture()
		}
	}
	return nil
}

// startValue handles an element inside <Values> at depth ≥ 4:
// Values/Axis/Y for one axis, Values/Axis[t]/Axis/Y for two.
func (p *xtbmlParser) startValue(se xml.StartElement, off int64, depth int) error {
	tb := p.cur
	name := se.Name.Local
	bad := func() error {
		return p.errAt(off, name, "", fmt.Errorf("%w: unexpected <%s> in <%s>", ErrShape, name, strings.Join(p.stack[2:depth-1], "><")))
	}
	switch depth {
	case 4: // the outer Axis
		if name != "Axis" {
			return bad()
		}
		p.rowT, p.rowLab = 0, false
		if _, ok := attr(se, "t"); ok {
			t, err := p.label(se, off)
			if err != nil {
				return err
			}
			p.rowT, p.rowLab = t, true
		}
		tb.rows = append(tb.rows, rawRow{t: p.rowT, off: off, start: len(tb.cells), lim: len(tb.cells)})
	case 5:
		nest := 1
		if name == "Axis" {
			nest = 2
		} else if name != "Y" {
			return bad()
		}
		if nest == 2 && !p.rowLab {
			return p.errAt(off, name, "", fmt.Errorf("%w: a nested <Axis> inside an <Axis> without a t label", ErrShape))
		}
		if nest == 1 && p.rowLab {
			return p.errAt(off, name, "", fmt.Errorf("%w: <Y> directly inside <Axis t=\"%d\">; two-dimensional values nest <Axis t><Axis><Y>", ErrShape, p.rowT))
		}
		if tb.depth != 0 && tb.depth != nest {
			return p.errAt(off, name, "", fmt.Errorf("%w: values nest both one and two levels deep", ErrShape))
		}
		tb.depth = nest
		if nest == 1 {
			return p.startY(se, off)
		}
	case 6:
		if name != "Y" || p.stack[depth-2] != "Axis" {
			return bad()
		}
		return p.startY(se, off)
	default:
		return bad()
	}
	return nil
}

func (p *xtbmlParser) startY(se xml.StartElement, off int64) error {
	t, err := p.label(se, off)
	if err != nil {
		return err
	}
	p.cell = rawCell{t: t, off: off}
	p.startCapture()
	return nil
}

func (p *xtbmlParser) end() error {
	depth := len(p.stack)
	name := p.stack[depth-1]
	off := p.dec.InputOffset()
	defer func() {
		p.stack, p.prefix = p.stack[:depth-1], p.prefix[:depth-1]
		p.ns, p.nsMark = p.ns[:p.nsMark[depth-1]], p.nsMark[:depth-1]
	}()
	if p.capture == depth {
		p.capture = 0
		return p.endLeaf(name, depth, strings.TrimSpace(string(p.text)))
	}
	switch {
	case depth == 1:
		p.endOff = off
	case depth == 4 && name == "Axis" && p.stack[1] == "Table" && p.stack[2] == "Values":
		r := &p.cur.rows[len(p.cur.rows)-1]
		r.end, r.lim = off, len(p.cur.cells)
	}
	return nil
}

// endLeaf stores the text of a field.
func (p *xtbmlParser) endLeaf(name string, depth int, s string) error {
	if name == "Y" {
		c := p.cell
		if s == "" {
			c.blank = true
		} else {
			v, err := strconv.ParseFloat(s, 64)
			switch {
			case err != nil:
				return p.errAt(c.off, "Y", s, fmt.Errorf("%w: value at t=%d is not a number", ErrSyntax, c.t))
			case math.IsNaN(v) || math.IsInf(v, 0):
				return p.errAt(c.off, "Y", s, fmt.Errorf("%w: value at t=%d", ErrNotFinite, c.t))
			}
			c.v = v
		}
		p.cur.cells = append(p.cur.cells, c)
		return nil
	}
	if depth == 3 { // ContentClassification
		d := &p.doc
		switch name {
		case "TableIdentity":
			id, err := strconv.Atoi(s)
			if err != nil {
				return p.errAt(p.dec.InputOffset(), name, s, fmt.Errorf("%w: table identity is not an integer", ErrSyntax))
			}
			d.ID = id
		case "ProviderDomain":
			d.ProviderDomain = s
		case "ProviderName":
			d.ProviderName = s
		case "TableReference":
			d.Reference = s
		case "TableName":
			d.Name = s
		case "TableDescription":
			d.Description = s
		case "Comments":
			d.Comments = s
		case "KeyWord":
			d.Keywords = append(d.Keywords, s)
		case "ContentType":
			d.ContentName = s
			if _, ok := contentNames[d.ContentType]; !ok {
				return p.errAt(p.ctOff, name, fmt.Sprintf("tc=%d %s", int(d.ContentType), s),
					fmt.Errorf("%w: this package reads the XTbML content types %s", ErrContentType, supportedContent()))
			}
		}
		return nil
	}
	tb := p.cur
	off := p.dec.InputOffset()
	if depth == 4 { // MetaData
		switch name {
		case "ScalingFactor":
			n, err := strconv.Atoi(s)
			if err != nil || n < -xtbmlMaxScaling || n > xtbmlMaxScaling {
				return p.errAt(off, name, s, fmt.Errorf("%w: scaling factor must be an integer power of ten from %d to %d", ErrSyntax, -xtbmlMaxScaling, xtbmlMaxScaling))
			}
			tb.meta.ScalingFactor = n
		case "Nation":
			tb.meta.Nation = s
		case "TableDescription":
			tb.meta.Description = s
		}
		return nil
	}
	// depth 5: AxisDef
	i := len(tb.meta.Axes) - 1
	ax := &tb.meta.Axes[i]
	switch name {
	case "ScaleType":
		ax.ScaleType = s
	case "AxisName":
		ax.Name = s
	case "MinScaleValue", "MaxScaleValue", "Increment":
		n, err := strconv.Atoi(s)
		if err != nil {
			return p.errAt(off, name, s, fmt.Errorf("%w: axis %q: not an integer", ErrShape, ax.ID))
		}
		switch name {
		case "MinScaleValue":
			ax.Min, tb.hasMin[i] = n, true
		case "MaxScaleValue":
			ax.Max, tb.hasMax[i] = n, true
		default:
			if n != 1 {
				return p.errAt(off, name, s, fmt.Errorf("%w: axis %q: increment %d; only tables by single year are read", ErrShape, ax.ID, n))
			}
		}
	}
	return nil
}

func supportedContent() string {
	codes := []ContentType{ContentHealthyLives, ContentDisabledLives, ContentInsuredLives,
		ContentProjectionScale, ContentAnnuitant, ContentPopulation, ContentCSO}
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%d (%s)", int(c), c)
	}
	return strings.Join(parts, ", ")
}

// axisKind is what an axis labels.
type axisKind int

const (
	axisAge axisKind = iota
	axisDuration
	axisYear
)

func (k axisKind) String() string {
	return [...]string{"age", "duration", "year"}[k]
}

func (k axisKind) bounds() (lo, hi int) {
	switch k {
	case axisDuration:
		return 1, xtbmlMaxDuration
	case axisYear:
		return xtbmlMinYear, xtbmlMaxYear
	}
	return 0, xtbmlMaxAge
}

// kindOf classifies an axis by its id (or name): the SOA tables' ScaleType
// codes are not reliable (table 1118 calls its Age axis "Dates").
func kindOf(ax XTbMLAxis) (axisKind, bool) {
	for _, s := range []string{ax.ID, ax.Name} {
		s = strings.ToLower(strings.TrimSpace(s))
		switch {
		case s == "age" || s == "attained age" || s == "issue age":
			return axisAge, true
		case s == "duration":
			return axisDuration, true
		case strings.Contains(s, "year"):
			return axisYear, true
		}
	}
	return 0, false
}

// build checks the tables read against the content type and their metadata
// and makes the tables they form.
func (p *xtbmlParser) build() (*XTbML, error) {
	d := &p.doc
	if !p.ctSeen {
		return nil, p.errAt(p.endOff, "ContentType", "", fmt.Errorf("%w: the document has no <ContentType>", ErrContentType))
	}
	if len(p.tables) == 0 {
		return nil, p.errAt(p.endOff, "XTbML", "", fmt.Errorf("%w: the document has no <Table>", ErrEmpty))
	}
	kinds := make([][]axisKind, len(p.tables))
	for i, tb := range p.tables {
		k, err := p.checkMeta(tb)
		if err != nil {
			return nil, err
		}
		kinds[i] = k
		d.Tables = append(d.Tables, tb.meta)
	}
	layout := func(want string) error {
		got := make([]string, len(kinds))
		for i, k := range kinds {
			s := make([]string, len(k))
			for j, kk := range k {
				s[j] = kk.String()
			}
			got[i] = strings.Join(s, "×")
		}
		return p.errAt(p.tables[0].off, "Table", "", fmt.Errorf("%w: a %s document holds %s; found tables by %s",
			ErrContentType, d.ContentType, want, strings.Join(got, ", then ")))
	}
	is := func(i int, k ...axisKind) bool {
		if len(kinds[i]) != len(k) {
			return false
		}
		for j := range k {
			if kinds[i][j] != k[j] {
				return false
			}
		}
		return true
	}
	if d.ContentType == ContentProjectionScale {
		switch {
		case len(kinds) == 1 && is(0, axisAge):
			s, err := p.ageScale(p.tables[0])
			if err != nil {
				return nil, err
			}
			d.scale = s
		case len(kinds) == 1 && is(0, axisAge, axisYear):
			s, err := p.ageYearScale(p.tables[0])
			if err != nil {
				return nil, err
			}
			d.scale = s
		default:
			return nil, layout("one table of improvement rates by age, or by age×year")
		}
		return d, nil
	}
	switch {
	case len(kinds) == 1 && is(0, axisAge):
		u, err := p.ultimate(p.tables[0])
		if err != nil {
			return nil, err
		}
		d.Ultimate = u
	case len(kinds) == 2 && is(0, axisAge, axisDuration) && is(1, axisAge):
		u, err := p.ultimate(p.tables[1])
		if err != nil {
			return nil, err
		}
		s, err := p.selectTable(p.tables[0], u)
		if err != nil {
			return nil, err
		}
		d.Select, d.Ultimate = s, u
	default:
		return nil, layout("one table by age, or a select table by age×duration then an ultimate table by age")
	}
	return d, nil
}

// checkMeta checks a table's axes and that its values nest as deep as it has
// axes, and returns what each axis labels.
func (p *xtbmlParser) checkMeta(tb *rawTable) ([]axisKind, error) {
	axes := tb.meta.Axes
	if len(axes) == 0 || len(axes) > 2 {
		return nil, p.errAt(tb.off, "MetaData", strconv.Itoa(len(axes)),
			fmt.Errorf("%w: %d AxisDef elements; tables have one or two axes", ErrShape, len(axes)))
	}
	kinds := make([]axisKind, len(axes))
	for i, ax := range axes {
		off := tb.axisOffs[i]
		k, ok := kindOf(ax)
		if !ok {
			return nil, p.errAt(off, "AxisDef", ax.ID, fmt.Errorf("%w: an axis that is neither age, duration nor year", ErrContentType))
		}
		switch {
		case !tb.hasMin[i]:
			return nil, p.errAt(off, "MinScaleValue", ax.ID, fmt.Errorf("%w: axis without MinScaleValue", ErrShape))
		case !tb.hasMax[i]:
			return nil, p.errAt(off, "MaxScaleValue", ax.ID, fmt.Errorf("%w: axis without MaxScaleValue", ErrShape))
		}
		lo, hi := k.bounds()
		if ax.Min < lo || ax.Max > hi || ax.Min > ax.Max {
			return nil, p.errAt(off, "AxisDef", fmt.Sprintf("%s %d to %d", ax.ID, ax.Min, ax.Max),
				fmt.Errorf("%w: %s axis must run upwards within %d to %d", ErrShape, k, lo, hi))
		}
		kinds[i] = k
	}
	if tb.depth == 0 {
		return nil, p.errAt(tb.off, "Values", "", fmt.Errorf("%w: table without values", ErrEmpty))
	}
	if tb.depth != len(axes) {
		return nil, p.errAt(tb.valOff, "Values", "", fmt.Errorf("%w: the metadata declares %d axes but the values nest %d deep", ErrShape, len(axes), tb.depth))
	}
	if tb.depth == 1 && len(tb.rows) != 1 {
		return nil, p.errAt(tb.rows[min(1, len(tb.rows)-1)].off, "Axis", "", fmt.Errorf("%w: a table by one axis holds one <Axis>, not %d", ErrShape, len(tb.rows)))
	}
	return kinds, nil
}

// checkLabels checks that labels run from ax.Min to ax.Max once each, in
// order. label(i) is the i-th label of n, at offset offOf(i); end is the
// offset of the closing tag, for a missing last label. what names a label in
// messages ("age", "duration of select age 40").
func (p *xtbmlParser) checkLabels(ax XTbMLAxis, field string, what func() string, n int, label func(int) int, offOf func(int) int64, end int64) error {
	want := ax.Min
	for i := 0; i < n; i++ {
		t := label(i)
		if t == want && t <= ax.Max {
			want++
			continue
		}
		off, val := offOf(i), "t="+strconv.Itoa(t)
		switch {
		case t > ax.Max || t < ax.Min:
			return p.errAt(off, field, val, fmt.Errorf("%w: %s %d outside %s's %d to %d", ErrShape, what(), t, ax.ID, ax.Min, ax.Max))
		case t < want:
			return p.errAt(off, field, val, fmt.Errorf("%w: %s %d given twice", ErrDuplicate, what(), t))
		default:
			return p.errAt(off, field, val, fmt.Errorf("%w: %s %d missing before %d", ErrMissingAge, what(), want, t))
		}
	}
	if want <= ax.Max {
		return p.errAt(end, field, "", fmt.Errorf("%w: %s %d to %d missing (%s runs to %d)", ErrMissingAge, what(), want, ax.Max, ax.ID, ax.Max))
	}
	return nil
}

// vector checks a table by one axis and returns its values, scaled.
func (p *xtbmlParser) vector(tb *rawTable, check func(age int, v float64) error) ([]float64, error) {
	r := tb.rows[0]
	cells := tb.cells[r.start:r.lim]
	ax := tb.meta.Axes[0]
	err := p.checkLabels(ax, "Y", func() string { return "age" }, len(cells),
		func(i int) int { return cells[i].t }, func(i int) int64 { return cells[i].off }, r.end)
	if err != nil {
		return nil, err
	}
	scale := math.Pow10(tb.meta.ScalingFactor)
	v := make([]float64, len(cells))
	for i, c := range cells {
		if c.blank {
			return nil, p.errAt(c.off, "Y", fmt.Sprintf("t=%d", c.t), fmt.Errorf("%w: age %d has no value", ErrMissingAge, c.t))
		}
		v[i] = c.v / scale
		if err := check(c.t, v[i]); err != nil {
			return nil, p.errAt(c.off, "Y", strconv.FormatFloat(c.v, 'g', -1, 64), err)
		}
	}
	return v, nil
}

func checkQ(age int, v float64) error {
	if v < 0 || v > 1 {
		return fmt.Errorf("%w: q at age %d is %v", ErrRate, age, v)
	}
	return nil
}

func checkAA(age int, v float64) error {
	if v <= -1 || v >= 1 {
		return fmt.Errorf("%w: improvement at age %d is %v, outside (−1, 1)", ErrRate, age, v)
	}
	return nil
}

func (p *xtbmlParser) ultimate(tb *rawTable) (*LifeTable, error) {
	q, err := p.vector(tb, checkQ)
	if err != nil {
		return nil, err
	}
	return newTable(tb.meta.Axes[0].Min, q), nil
}

func (p *xtbmlParser) ageScale(tb *rawTable) (*AgeScale, error) {
	aa, err := p.vector(tb, checkAA)
	if err != nil {
		return nil, err
	}
	return &AgeScale{minAge: tb.meta.Axes[0].Min, rates: aa}, nil
}

// grid checks a table by two axes: rows labelled ax0.Min..ax0.Max, each with
// cells labelled ax1.Min..ax1.Max.
func (p *xtbmlParser) grid(tb *rawTable, what0, what1 string) error {
	ax0, ax1 := tb.meta.Axes[0], tb.meta.Axes[1]
	err := p.checkLabels(ax0, "Axis", func() string { return what0 }, len(tb.rows),
		func(i int) int { return tb.rows[i].t }, func(i int) int64 { return tb.rows[i].off }, p.endOfValues(tb))
	if err != nil {
		return err
	}
	for _, r := range tb.rows {
		cells := tb.cells[r.start:r.lim]
		err := p.checkLabels(ax1, "Y", func() string { return fmt.Sprintf("%s of %s %d", what1, what0, r.t) }, len(cells),
			func(i int) int { return cells[i].t }, func(i int) int64 { return cells[i].off }, r.end)
		if err != nil {
			return err
		}
	}
	return nil
}

// endOfValues is the offset of the last row's end, for a missing last row.
func (p *xtbmlParser) endOfValues(tb *rawTable) int64 {
	if n := len(tb.rows); n > 0 {
		return tb.rows[n-1].end
	}
	return tb.valOff
}

func (p *xtbmlParser) ageYearScale(tb *rawTable) (*AgeYearScale, error) {
	if err := p.grid(tb, "age", "year"); err != nil {
		return nil, err
	}
	scale := math.Pow10(tb.meta.ScalingFactor)
	ny := tb.meta.Axes[1].Max - tb.meta.Axes[1].Min + 1
	flat := make([]float64, 0, len(tb.rows)*ny)
	for _, r := range tb.rows {
		for _, c := range tb.cells[r.start:r.lim] {
			if c.blank {
				return nil, p.errAt(c.off, "Y", fmt.Sprintf("t=%d", c.t), fmt.Errorf("%w: age %d has no value in year %d", ErrMissingAge, r.t, c.t))
			}
			v := c.v / scale
			if err := checkAA(r.t, v); err != nil {
				return nil, p.errAt(c.off, "Y", strconv.FormatFloat(c.v, 'g', -1, 64), err)
			}
			flat = append(flat, v)
		}
	}
	return &AgeYearScale{minAge: tb.meta.Axes[0].Min, nAges: len(tb.rows), minYear: tb.meta.Axes[1].Min, nYears: ny, rates: flat}, nil
}

func (p *xtbmlParser) selectTable(tb *rawTable, ult *LifeTable) (*SelectTable, error) {
	ax1 := tb.meta.Axes[1]
	if ax1.Min != 1 {
		return nil, p.errAt(tb.axisOffs[1], "MinScaleValue", strconv.Itoa(ax1.Min),
			fmt.Errorf("%w: select durations must start at 1, the first policy year", ErrShape))
	}
	if err := p.grid(tb, "select age", "duration"); err != nil {
		return nil, err
	}
	scale := math.Pow10(tb.meta.ScalingFactor)
	period := ax1.Max
	s := &SelectTable{
		minAge: tb.meta.Axes[0].Min,
		period: period,
		q:      make([]float64, len(tb.rows)*period),
		first:  make([]int, len(tb.rows)),
		last:   make([]int, len(tb.rows)),
		ult:    ult,
	}
	for i, r := range tb.rows {
		cells := tb.cells[r.start:r.lim]
		f, l := 0, len(cells)-1
		for f <= l && cells[f].blank {
			f++
		}
		for l >= f && cells[l].blank {
			l--
		}
		if f > l {
			return nil, p.errAt(r.off, "Axis", fmt.Sprintf("t=%d", r.t), fmt.Errorf("%w: select age %d has no rates", ErrEmpty, r.t))
		}
		for d := f; d <= l; d++ {
			c := cells[d]
			if c.blank {
				return nil, p.errAt(c.off, "Y", fmt.Sprintf("t=%d", c.t),
					fmt.Errorf("%w: select age %d has no rate at duration %d, between durations with rates", ErrMissingAge, r.t, c.t))
			}
			v := c.v / scale
			if v < 0 || v > 1 {
				return nil, p.errAt(c.off, "Y", strconv.FormatFloat(c.v, 'g', -1, 64),
					fmt.Errorf("%w: q_[%d]+%d is %v", ErrRate, r.t, d, v))
			}
			s.q[i*period+d] = v
		}
		s.first[i], s.last[i] = f, l
		if hand := r.t + l + 1; hand < ult.MinAge() {
			return nil, p.errAt(r.off, "Axis", fmt.Sprintf("t=%d", r.t),
				fmt.Errorf("%w: select age %d passes to the ultimate table at age %d, below its first age %d", ErrMissingAge, r.t, hand, ult.MinAge()))
		}
	}
	return s, nil
}
