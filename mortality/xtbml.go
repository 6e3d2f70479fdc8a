package mortality

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
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

const (
	axisAge axisKind = iota
	axisDuration
	axisYear
)
