// The XTbML reader's first pass: tokens to raw tables, with positions.

package mortality

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
)

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
