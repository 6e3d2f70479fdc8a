package mortality_test

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

const xtbmlDir = "../testdata/xtbml"

func readXTbML(t testing.TB, name string) *mortality.XTbML {
	t.Helper()
	x, err := mortality.ReadXTbMLFile(filepath.Join(xtbmlDir, name))
	require.NoError(t, err)
	return x
}

// soaCSV is the SOA's CSV export of a table (mort.soa.org, "Export to CSV"):
// a block of document fields, then for each table a block of its metadata,
// a header row "Row\Column,1,2,…" and one row per age.
type soaCSV struct {
	id     int
	tables []*soaCSVTable
}

type soaCSVTable struct {
	scaling  string
	min, max []int // per axis
	cols     []int // the column labels: durations, or 1 for a table by age
	rows     []soaCSVRow
}

type soaCSVRow struct {
	label int
	line  int
	vals  []string // one per column; "" for an empty cell
}

// readSOACSV parses the SOA's CSV export layout. It is a test-only reader,
// independent of the XTbML reader it checks.
func readSOACSV(t testing.TB, name string) soaCSV {
	t.Helper()
	f, err := os.Open(filepath.Join(xtbmlDir, name))
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var doc soaCSV
	var cur *soaCSVTable
	inRows := false
	ints := func(fields []string) []int {
		var out []int
		for _, s := range fields {
			if s = strings.TrimSpace(s); s != "" {
				n, err := strconv.Atoi(s)
				require.NoError(t, err, "%s: %q", name, fields)
				out = append(out, n)
			}
		}
		return out
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		line, _ := r.FieldPos(0)
		key := strings.TrimSpace(rec[0])
		if inRows {
			if n, err := strconv.Atoi(key); err == nil {
				vals := make([]string, len(cur.cols))
				for j := range vals {
					if 1+j < len(rec) {
						vals[j] = strings.TrimSpace(rec[1+j])
					}
				}
				cur.rows = append(cur.rows, soaCSVRow{label: n, line: line, vals: vals})
				continue
			}
			inRows = false
		}
		switch key {
		case "Table Identity:":
			doc.id = ints(rec[1:2])[0]
		case "Table #":
			cur = &soaCSVTable{}
			doc.tables = append(doc.tables, cur)
		case "Scaling Factor:":
			cur.scaling = rec[1]
		case "Row, Column (if applicable)->MinScaleValue:":
			cur.min = ints(rec[1:])
		case "Row, Column (if applicable)->MaxScaleValue:":
			cur.max = ints(rec[1:])
		case `Row\Column`:
			cur.cols = ints(rec[1:])
			inRows = true
		}
	}
	return doc
}

// csvTol is the tolerance between the SOA's CSV export and its XTbML file:
// both print the same decimal figures, and strconv parses a decimal to the
// nearest float64, so the rates must be identical.
const csvTol = 0.0

func csvRate(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}

// checkUltimateAgainstCSV compares every rate of a table by age.
func checkUltimateAgainstCSV(t *testing.T, u *mortality.LifeTable, ct *soaCSVTable, meta mortality.XTbMLMetaData) {
	require.Len(t, ct.cols, 1)
	require.Len(t, meta.Axes, 1)
	assert.Equal(t, ct.min[0], meta.Axes[0].Min, "MinScaleValue")
	assert.Equal(t, ct.max[0], meta.Axes[0].Max, "MaxScaleValue")
	assert.Equal(t, ct.scaling, strconv.Itoa(meta.ScalingFactor), "ScalingFactor")
	require.Equal(t, ct.rows[0].label, u.MinAge())
	require.Equal(t, ct.rows[len(ct.rows)-1].label, u.MaxAge())
	require.Len(t, ct.rows, u.MaxAge()-u.MinAge()+1)
	for _, r := range ct.rows {
		assert.InDelta(t, csvRate(t, r.vals[0]), u.Q(r.label), csvTol, "age %d (CSV line %d)", r.label, r.line)
	}
}

// TestReadXTbMLMatchesSOACSV reads SOA tables 17 (1980 CSO Basic, female,
// ultimate only) and 3302 (2017 Loaded CSO Preferred Structure, select and
// ultimate) and compares every rate with the SOA's own CSV export of the same
// table.
func TestReadXTbMLMatchesSOACSV(t *testing.T) {
	for _, id := range []string{"t17", "t3302"} {
		t.Run(id, func(t *testing.T) {
			x := readXTbML(t, id+".xml")
			c := readSOACSV(t, id+".csv")
			assert.Equal(t, c.id, x.ID)
			require.Len(t, x.Tables, len(c.tables))
			require.NotNil(t, x.Ultimate)
			last := len(c.tables) - 1
			checkUltimateAgainstCSV(t, x.Ultimate, c.tables[last], x.Tables[last])
			if len(c.tables) == 1 {
				assert.Nil(t, x.Select)
				return
			}
			// Table 1: select rates by age at selection (rows) and policy
			// duration 1, 2, … (columns); duration d is the reader's d−1.
			s := x.Select
			require.NotNil(t, s)
			sel, meta := c.tables[0], x.Tables[0]
			require.Len(t, meta.Axes, 2)
			assert.Equal(t, sel.min, []int{meta.Axes[0].Min, meta.Axes[1].Min})
			assert.Equal(t, sel.max, []int{meta.Axes[0].Max, meta.Axes[1].Max})
			assert.Equal(t, len(sel.cols), s.Period())
			lo, hi := s.SelectAges()
			assert.Equal(t, sel.rows[0].label, lo)
			assert.Equal(t, sel.rows[len(sel.rows)-1].label, hi)
			require.Len(t, sel.rows, hi-lo+1)
			n := 0
			for _, r := range sel.rows {
				for j, d := range sel.cols {
					require.NotEmpty(t, r.vals[j], "table 3302 has no empty cells")
					assert.InDelta(t, csvRate(t, r.vals[j]), s.Q(r.label, d-1), csvTol, "select age %d duration %d (CSV line %d)", r.label, d, r.line)
					n++
				}
			}
			assert.Equal(t, 78*25, n, "2017 CSO preferred: select ages 18–95, 25 durations")
		})
	}
}

// TestReadXTbMLSelectSpotChecks checks the 2001 CSO and VBT select and
// ultimate tables at a few cells, quoted from the XTbML files (the line of
// each is given), and the handling of their empty cells.
func TestReadXTbMLSelectSpotChecks(t *testing.T) {
	const tol = 0.0 // the values are read as written
	cases := []struct {
		file string
		x, s int // select age, duration (0: first year)
		want float64
		line int // of the quoted cell in the file
	}{
		{file: "t1076.xml", x: 35, s: 0, want: 0.00037, line: 1055},
		{file: "t1076.xml", x: 35, s: 1, want: 0.00043, line: 1056},
		{file: "t1076.xml", x: 35, s: 24, want: 0.00508, line: 1079},
		{file: "t1076.xml", x: 65, s: 0, want: 0.00253, line: 1925},
		{file: "t1076.xml", x: 65, s: 24, want: 0.14634, line: 1949},
		{file: "t1076.xml", x: 99, s: 0, want: 0.33705, line: 2911},
		{file: "t1076.xml", x: 0, s: 24, want: 0.00054, line: 64},
		{file: "t1118.xml", x: 45, s: 0, want: 0.0007, line: 1345},
		{file: "t1118.xml", x: 45, s: 1, want: 0.00098, line: 1346},
		{file: "t1118.xml", x: 45, s: 24, want: 0.021, line: 1369},
		{file: "t1118.xml", x: 15, s: 1, want: 0.00066, line: 476},
		// After the 25-year select period: the ultimate table.
		{file: "t1076.xml", x: 35, s: 25, want: 0.00621, line: 3000}, // q_60
		{file: "t1118.xml", x: 35, s: 25, want: 0.00865, line: 2991}, // q_60
		{file: "t1118.xml", x: 0, s: 25, want: 0.00101, line: 2956},  // q_25, the first ultimate age
		// Row 97 of table 1076 ends at duration 24 (attained age 120, q = 1);
		// duration 25 (attained 121) is empty: the ultimate's q above its
		// last age, 1.
		{file: "t1076.xml", x: 97, s: 23, want: 1, line: 2876},
		{file: "t1076.xml", x: 97, s: 24, want: 1, line: 2877},
	}
	docs := map[string]*mortality.XTbML{"t1076.xml": readXTbML(t, "t1076.xml"), "t1118.xml": readXTbML(t, "t1118.xml")}
	for _, c := range cases {
		assert.InDelta(t, c.want, docs[c.file].Select.Q(c.x, c.s), tol, "%s line %d: q_[%d]+%d", c.file, c.line, c.x, c.s)
	}

	// Issue ages 0–15 of the 2001 CSO and VBT start at attained age 16: the
	// row of age 0 tabulates durations 17–25 (reader's 16–24), age 15 from
	// duration 2.
	for file, x := range docs {
		s := x.Select
		lo, hi := s.SelectAges()
		assert.Equal(t, [2]int{0, 99}, [2]int{lo, hi}, file)
		assert.Equal(t, 25, s.Period(), file)
		for x := 0; x <= 15; x++ {
			f, l := s.Durations(x)
			assert.Equal(t, 16-x, f, "%s: select age %d", file, x)
			assert.Equal(t, 24, l, "%s: select age %d", file, x)
			assert.Equal(t, 16, s.Life(x).MinAge(), "%s: select age %d", file, x)
			assert.PanicsWithValue(t,
				"mortality: select age "+strconv.Itoa(x)+" has no rate at duration "+strconv.Itoa(f-1)+
					": its rates start at duration "+strconv.Itoa(f)+" (attained age 16)",
				func() { s.Q(x, f-1) })
		}
		for x, wantLast := range map[int]int{96: 24, 97: 23, 98: 22, 99: 21} {
			_, l := s.Durations(x)
			assert.Equal(t, wantLast, l, "%s: select age %d ends at attained age 120", file, x)
		}
	}
}

// g2File reads the improvement rates of an XTbML projection scale with
// encoding/xml's struct decoding: a second path to the document's values.
func g2File(t testing.TB, name string) map[int]float64 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(xtbmlDir, name))
	require.NoError(t, err)
	var doc struct {
		Ys []struct {
			T int     `xml:"t,attr"`
			V float64 `xml:",chardata"`
		} `xml:"Table>Values>Axis>Y"`
	}
	require.NoError(t, xml.Unmarshal(bytes.TrimPrefix(b, []byte("\uFEFF")), &doc))
	out := make(map[int]float64)
	for _, y := range doc.Ys {
		out[y.T] = y.V
	}
	return out
}

// TestReadXTbMLScaleG2 reads Projection Scale G2 (SOA tables 2583 and
// 2584): Scale() must return every rate of the document, in every year (G2
// is one-dimensional), and the shape the 2012 IAR report gives it (the
// document's Comments; Exhibit III of the American Academy of Actuaries /
// SOA Payout Annuity Table Team report, 2011): 1% at ages up to 50 and
// grading to 0 at age 105; for males, 1.5% from 60 to 80.
func TestReadXTbMLScaleG2(t *testing.T) {
	const tol = 0.0 // the rates as written
	for _, c := range []struct {
		file string
		id   int
	}{{"t2583.xml", 2583}, {"t2584.xml", 2584}} {
		t.Run(c.file, func(t *testing.T) {
			x := readXTbML(t, c.file)
			assert.Equal(t, c.id, x.ID)
			assert.Equal(t, mortality.ContentProjectionScale, x.ContentType)
			assert.False(t, x.ContentType.Mortality())
			assert.Nil(t, x.Ultimate)
			assert.Nil(t, x.Select)
			sc, err := x.Scale()
			require.NoError(t, err)
			as, ok := sc.(*mortality.AgeScale)
			require.True(t, ok, "a scale by age is an *AgeScale, got %T", sc)
			assert.Equal(t, 0, as.MinAge())
			assert.Equal(t, 105, as.MaxAge())
			want := g2File(t, c.file)
			require.Len(t, want, 106)
			for age, v := range want {
				for _, year := range []int{2012, 2025, 2100} {
					assert.InDelta(t, v, sc.Rate(age, year), tol, "age %d year %d", age, year)
				}
			}
			for age := 0; age <= 50; age++ {
				assert.InDelta(t, 0.01, sc.Rate(age, 2012), tol, "age %d", age)
			}
			assert.InDelta(t, 0.0, sc.Rate(105, 2012), tol)
			assert.InDelta(t, 0.0, sc.Rate(110, 2012), tol, "above the last age: the last age's rate")
			if c.id == 2583 {
				for age := 60; age <= 80; age++ {
					assert.InDelta(t, 0.015, sc.Rate(age, 2012), tol, "male age %d", age)
				}
			}
		})
	}
}

func TestXTbMLScaleOfMortalityTable(t *testing.T) {
	for _, file := range []string{"t17.xml", "t3302.xml"} {
		_, err := readXTbML(t, file).Scale()
		assert.ErrorIs(t, err, mortality.ErrContentType, file)
	}
	var zero mortality.XTbML
	_, err := zero.Scale()
	assert.ErrorIs(t, err, mortality.ErrContentType, "zero value")
}

func TestReadXTbMLMetadata(t *testing.T) {
	x := readXTbML(t, "t3302.xml")
	assert.Equal(t, 3302, x.ID)
	assert.Equal(t, "2017 Loaded CSO Preferred Structure Nonsmoker Super Preferred Female ANB", x.Name)
	assert.Equal(t, mortality.ContentCSO, x.ContentType)
	assert.Equal(t, "CSO / CET", x.ContentName)
	assert.True(t, x.ContentType.Mortality())
	assert.Equal(t, "soa.org", x.ProviderDomain)
	assert.NotEmpty(t, x.ProviderName)
	assert.NotEmpty(t, x.Reference)
	assert.Contains(t, x.Description, "Minimum Age: 18. Maximum Age: 95.")
	assert.NotEmpty(t, x.Comments)
	assert.Equal(t, []string{"Select", "CSO/CET", "United States of America"}, x.Keywords)
	require.Len(t, x.Tables, 2)
	assert.Equal(t, "United States of America", x.Tables[0].Nation)
	assert.Equal(t, []mortality.XTbMLAxis{
		{ID: "Age", Name: "Age", ScaleType: "Age", Min: 18, Max: 95, Increment: 1},
		{ID: "Duration", Name: "Duration", ScaleType: "Ordinal Date", Min: 1, Max: 25, Increment: 1},
	}, x.Tables[0].Axes)
	assert.Equal(t, []mortality.XTbMLAxis{{ID: "Age", Name: "Age", ScaleType: "Age", Min: 18, Max: 120, Increment: 1}}, x.Tables[1].Axes)

	// Table 1118 labels its axes "Dates" (ScaleType tc=1): the reader goes
	// by the axis id.
	y := readXTbML(t, "t1118.xml")
	assert.Equal(t, "Dates", y.Tables[0].Axes[0].ScaleType)
	assert.Equal(t, mortality.ContentInsuredLives, y.ContentType)
	require.NotNil(t, y.Select)

	assert.Equal(t, "Annuitant Mortality", mortality.ContentAnnuitant.String())
	assert.Equal(t, "ContentType(3)", mortality.ContentType(3).String())
	assert.False(t, mortality.ContentType(3).Mortality())
}

// TestReadXTbMLAllFiles reads every mortality table in testdata/xtbml: each
// must hold what the README says, with rates in [0, 1], and its last rate
// as published: 1 (everyone dead) but for the 2012 IAM Basic tables, which
// end at q = 0.4 (ages 118–120 in tables 2581 and 2582).
func TestReadXTbMLAllFiles(t *testing.T) {
	cases := []struct {
		file     string
		lo, hi   int // ultimate ages
		selected bool
		last     float64 // q at hi
	}{
		{"t17.xml", 0, 100, false, 1}, {"t20.xml", 0, 100, false, 1},
		{"t1076.xml", 16, 120, true, 1}, {"t1118.xml", 25, 120, true, 1},
		{"t2581.xml", 0, 120, false, 0.4}, {"t2582.xml", 0, 120, false, 0.4},
		{"t2585.xml", 0, 120, false, 1}, {"t2586.xml", 0, 120, false, 1},
		{"t3302.xml", 18, 120, true, 1},
	}
	for _, c := range cases {
		x := readXTbML(t, c.file)
		require.NotNil(t, x.Ultimate, c.file)
		assert.Equal(t, c.lo, x.Ultimate.MinAge(), c.file)
		assert.Equal(t, c.hi, x.Ultimate.MaxAge(), c.file)
		assert.Equal(t, c.selected, x.Select != nil, c.file)
		assert.Equal(t, c.last, x.Ultimate.Q(c.hi), "%s: q at the last age", c.file)
		assert.Equal(t, 1.0, x.Ultimate.Q(c.hi+1), "%s: q above the last age", c.file)
		for _, q := range x.Ultimate.Rates() {
			assert.True(t, q >= 0 && q <= 1, "%s: rate %v", c.file, q)
		}
	}
}

// xdoc builds a small XTbML document, one element a line.
func xdoc(tc int, tables ...string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<XTbML>
  <ContentClassification>
    <TableIdentity>9999</TableIdentity>
    <ContentType tc="` + strconv.Itoa(tc) + `">Test</ContentType>
    <TableName>Test table</TableName>
  </ContentClassification>
` + strings.Join(tables, "") + "</XTbML>\n"
}

func axisDef(id string, lo, hi int) string {
	return `      <AxisDef id="` + id + `">
        <MinScaleValue>` + strconv.Itoa(lo) + `</MinScaleValue>
        <MaxScaleValue>` + strconv.Itoa(hi) + `</MaxScaleValue>
        <Increment>1</Increment>
      </AxisDef>
`
}

func ys(indent string, lo int, vals ...string) string {
	var b strings.Builder
	for i, v := range vals {
		b.WriteString(indent + `<Y t="` + strconv.Itoa(lo+i) + `">` + v + "</Y>\n")
	}
	return b.String()
}

// table1 is a table by age lo, lo+1, … with the given values.
func table1(lo int, vals ...string) string {
	return "  <Table>\n    <MetaData>\n      <ScalingFactor>0</ScalingFactor>\n" +
		axisDef("Age", lo, lo+len(vals)-1) +
		"    </MetaData>\n    <Values>\n      <Axis>\n" + ys("        ", lo, vals...) +
		"      </Axis>\n    </Values>\n  </Table>\n"
}

// table2 is a select table: rows[i] holds durations 1, 2, … of select age lo+i.
func table2(lo int, rows ...[]string) string {
	s := "  <Table>\n    <MetaData>\n      <ScalingFactor>0</ScalingFactor>\n" +
		axisDef("Age", lo, lo+len(rows)-1) + axisDef("Duration", 1, len(rows[0])) +
		"    </MetaData>\n    <Values>\n"
	for i, r := range rows {
		s += `      <Axis t="` + strconv.Itoa(lo+i) + "\">\n        <Axis>\n" + ys("          ", 1, r...) + "        </Axis>\n      </Axis>\n"
	}
	return s + "    </Values>\n  </Table>\n"
}

var (
	goodUltimate = xdoc(85, table1(60, "0.1", "0.2", "0.3", "0.4", "1"))
	goodSelect   = xdoc(85, table2(60, []string{"0.05", "0.1"}, []string{"0.06", "0.15"}), table1(60, "0.1", "0.2", "0.3", "0.4", "1"))
	goodScale    = xdoc(22, table1(60, "0.01", "0.01", "0.005"))
)

func TestReadXTbMLSmallDocuments(t *testing.T) {
	const tol = 0.0
	x, err := mortality.ReadXTbML(strings.NewReader(goodUltimate))
	require.NoError(t, err)
	assert.Equal(t, 9999, x.ID)
	assert.Equal(t, 60, x.Ultimate.MinAge())
	assert.InDelta(t, 0.3, x.Ultimate.Q(62), tol)

	x, err = mortality.ReadXTbML(strings.NewReader(goodSelect))
	require.NoError(t, err)
	assert.InDelta(t, 0.15, x.Select.Q(61, 1), tol)
	assert.InDelta(t, 0.4, x.Select.Q(61, 2), tol, "q_[61]+2 = q_63 after the 2-year select period")

	x, err = mortality.ReadXTbML(strings.NewReader(goodScale))
	require.NoError(t, err)
	sc, err := x.Scale()
	require.NoError(t, err)
	assert.InDelta(t, 0.005, sc.Rate(62, 2030), tol)
}

// TestReadXTbMLScalingFactor: a ScalingFactor of 3 marks values per
// thousand; the rates read are the values divided by 10³.
func TestReadXTbMLScalingFactor(t *testing.T) {
	// The division by 1000 is exact up to the rounding of one float64
	// operation: a relative error of 2⁻⁵³ at most.
	const relTol = 1.2e-16
	doc := strings.Replace(xdoc(85, table1(60, "100", "200", "1000")), "<ScalingFactor>0<", "<ScalingFactor>3<", 1)
	x, err := mortality.ReadXTbML(strings.NewReader(doc))
	require.NoError(t, err)
	assert.Equal(t, 3, x.Tables[0].ScalingFactor)
	assert.InEpsilon(t, 0.1, x.Ultimate.Q(60), relTol)
	assert.InEpsilon(t, 0.2, x.Ultimate.Q(61), relTol)
	assert.Equal(t, 1.0, x.Ultimate.Q(62))

	// Unscaled, the same values are rates above 1.
	_, err = mortality.ReadXTbML(strings.NewReader(strings.Replace(doc, "<ScalingFactor>3<", "<ScalingFactor>0<", 1)))
	assert.ErrorIs(t, err, mortality.ErrRate)
}

// TestReadXTbMLAgeYearScale reads a two-dimensional projection scale (age ×
// calendar year, like MP-2021).
func TestReadXTbMLAgeYearScale(t *testing.T) {
	const tol = 0.0
	doc := xdoc(22, strings.NewReplacer(
		`<AxisDef id="Duration">`, `<AxisDef id="Calendar Year">`,
		"<MinScaleValue>1<", "<MinScaleValue>2020<",
		"<MaxScaleValue>3<", "<MaxScaleValue>2022<",
		`<Y t="1">`, `<Y t="2020">`, `<Y t="2">`, `<Y t="2021">`, `<Y t="3">`, `<Y t="2022">`,
	).Replace(table2(60, []string{"0.01", "0.02", "0.03"}, []string{"0.011", "0.021", "-0.031"})))
	x, err := mortality.ReadXTbML(strings.NewReader(doc))
	require.NoError(t, err)
	sc, err := x.Scale()
	require.NoError(t, err)
	ays, ok := sc.(*mortality.AgeYearScale)
	require.True(t, ok, "%T", sc)
	lo, hi := ays.Years()
	assert.Equal(t, [2]int{2020, 2022}, [2]int{lo, hi})
	lo, hi = ays.Ages()
	assert.Equal(t, [2]int{60, 61}, [2]int{lo, hi})
	assert.InDelta(t, 0.02, sc.Rate(60, 2021), tol)
	assert.InDelta(t, -0.031, sc.Rate(61, 2022), tol)
	assert.InDelta(t, -0.031, sc.Rate(61, 2050), tol, "after the last year: the last year's rates")
}

// TestReadXTbMLErrors: each bad document returns a *ParseError wrapping the
// right sentinel, at the line of the offending element (the line holding
// `at`), naming the element and the value.
func TestReadXTbMLErrors(t *testing.T) {
	t17, err := os.ReadFile(filepath.Join(xtbmlDir, "t17.xml"))
	require.NoError(t, err)
	// Cut in the middle of the rates, inside <Y t="50">.
	truncated := string(t17[:bytes.Index(t17, []byte(`<Y t="50">`))+12])

	r := strings.Replace
	cases := []struct {
		name  string
		doc   string
		err   error
		at    string // a substring on the line the error must name; "" for the last line
		field string
		value string // a substring of the error's Value
	}{
		{"truncated", truncated, mortality.ErrSyntax, "", "Y", ""},
		{"truncated after a table", r(goodUltimate, "</XTbML>\n", "", 1), mortality.ErrSyntax, "", "XTbML", ""},
		{"empty", "", mortality.ErrSyntax, "", "XTbML", ""},
		{"mismatched end tag", r(goodUltimate, "</TableName>", "</TableNam>", 1), mortality.ErrSyntax, "</TableNam>", "TableNam", ""},
		{"not XML", "mortality", mortality.ErrSyntax, "", "XTbML", ""},
		{"not XTbML", `<html><body/></html>`, mortality.ErrContentType, "<html>", "html", ""},
		{"two roots", goodUltimate + "<XTbML/>", mortality.ErrSyntax, "<XTbML/>", "XTbML", ""},
		{"legacy encoding", r(goodUltimate, "utf-8", "windows-1252", 1), mortality.ErrSyntax, "windows-1252", "", ""},
		{"unknown content type", r(goodUltimate, `tc="85"`, `tc="3"`, 1), mortality.ErrContentType, "<ContentType", "ContentType", "tc=3"},
		{"lapse table", r(goodUltimate, `tc="85"`, `tc="5"`, 1), mortality.ErrContentType, "<ContentType", "ContentType", "tc=5"},
		{"content type without code", r(goodUltimate, ` tc="85"`, "", 1), mortality.ErrContentType, "<ContentType", "ContentType", ""},
		{"no content type", r(goodUltimate, `<ContentType tc="85">Test</ContentType>`, "", 1), mortality.ErrContentType, "</XTbML>", "ContentType", ""},
		{"no tables", xdoc(85), mortality.ErrEmpty, "</XTbML>", "XTbML", ""},
		{"table without values", xdoc(85, "  <Table>\n    <MetaData>\n"+axisDef("Age", 60, 61)+"    </MetaData>\n  </Table>\n"), mortality.ErrEmpty, "<Table>", "Values", ""},
		{"NaN", r(goodUltimate, ">0.3<", ">NaN<", 1), mortality.ErrNotFinite, `<Y t="62">`, "Y", "NaN"},
		{"infinite", r(goodUltimate, ">0.3<", ">+Inf<", 1), mortality.ErrNotFinite, `<Y t="62">`, "Y", "Inf"},
		{"not a number", r(goodUltimate, ">0.3<", ">0,3<", 1), mortality.ErrSyntax, `<Y t="62">`, "Y", "0,3"},
		{"rate above 1", r(goodUltimate, ">0.3<", ">1.3<", 1), mortality.ErrRate, `<Y t="62">`, "Y", "1.3"},
		{"negative rate", r(goodUltimate, ">0.3<", ">-0.3<", 1), mortality.ErrRate, `<Y t="62">`, "Y", "-0.3"},
		{"missing age", r(goodUltimate, `        <Y t="62">0.3</Y>`+"\n", "", 1), mortality.ErrMissingAge, `<Y t="63">`, "Y", "t=63"},
		{"missing last age", r(goodUltimate, `        <Y t="64">1</Y>`+"\n", "", 1), mortality.ErrMissingAge, "      </Axis>", "Y", ""},
		{"duplicate age", r(goodUltimate, `<Y t="63">0.4</Y>`, `<Y t="62">0.35</Y>`, 1), mortality.ErrDuplicate, "0.35", "Y", "t=62"},
		{"age beyond the axis", r(goodUltimate, `<Y t="64">1</Y>`, `<Y t="64">1</Y><Y t="65">1</Y>`, 1), mortality.ErrShape, `<Y t="65">`, "Y", "t=65"},
		{"empty rate", r(goodUltimate, ">0.3<", "><", 1), mortality.ErrMissingAge, `<Y t="62">`, "Y", "t=62"},
		{"label not an integer", r(goodUltimate, `t="62"`, `t="62.5"`, 1), mortality.ErrShape, `t="62.5"`, "Y", "62.5"},
		{"no label", r(goodUltimate, `<Y t="62">`, `<Y>`, 1), mortality.ErrShape, `<Y>0.3`, "Y", ""},
		{"element inside values", r(goodUltimate, `<Y t="62">0.3</Y>`, `<Z/>`, 1), mortality.ErrShape, `<Z/>`, "Z", ""},
		{"element inside a rate", r(goodUltimate, `<Y t="62">0.3</Y>`, `<Y t="62"><b>0.3</b></Y>`, 1), mortality.ErrShape, `<b>`, "b", ""},
		{"increment 5", r(goodUltimate, "<Increment>1<", "<Increment>5<", 1), mortality.ErrShape, "<Increment>", "Increment", "5"},
		{"no minimum", r(goodUltimate, "<MinScaleValue>60</MinScaleValue>", "", 1), mortality.ErrShape, "<AxisDef", "MinScaleValue", "Age"},
		{"axis upside down", r(goodUltimate, "<MinScaleValue>60<", "<MinScaleValue>70<", 1), mortality.ErrShape, "<AxisDef", "AxisDef", "Age 70 to 64"},
		{"age 1000", r(goodUltimate, "<MaxScaleValue>64<", "<MaxScaleValue>1000<", 1), mortality.ErrShape, "<AxisDef", "AxisDef", "1000"},
		{"unknown axis", r(goodUltimate, `id="Age"`, `id="Band"`, 1), mortality.ErrContentType, "<AxisDef", "AxisDef", "Band"},
		{"scaling factor not an integer", r(goodUltimate, "<ScalingFactor>0<", "<ScalingFactor>0.5<", 1), mortality.ErrSyntax, "<ScalingFactor>", "ScalingFactor", "0.5"},
		{"table identity not an integer", r(goodUltimate, "9999", "T9999", 1), mortality.ErrSyntax, "<TableIdentity>", "TableIdentity", "T9999"},
		{"two axes, values by one", r(goodUltimate, "    </MetaData>", axisDef("Duration", 1, 2)+"    </MetaData>", 1), mortality.ErrShape, "<Values>", "Values", ""},
		{"one axis, values by two", r(goodSelect, axisDef("Duration", 1, 2), "", 1), mortality.ErrShape, "<Values>", "Values", ""},
		{"Y inside a labelled axis", r(goodSelect, "        <Axis>\n          <Y t=\"1\">0.05", "<Y t=\"1\">0.05", 1), mortality.ErrShape, `<Y t="1">0.05`, "Y", ""},
		{"select without ultimate", xdoc(85, table2(60, []string{"0.05", "0.1"})), mortality.ErrContentType, "<Table>", "Table", ""},
		{"three tables", xdoc(85, table1(60, "0.1"), table1(60, "0.1"), table1(60, "0.1")), mortality.ErrContentType, "<Table>", "Table", ""},
		{"scale with a select table", r(goodSelect, `tc="85"`, `tc="22"`, 1), mortality.ErrContentType, "<Table>", "Table", ""},
		{"select rate above 1", r(goodSelect, ">0.15<", ">1.15<", 1), mortality.ErrRate, ">1.15<", "Y", "1.15"},
		{"select age missing", xdoc(85, r(table2(60, []string{"0.05", "0.1"}, []string{"0.06", "0.15"}, []string{"0.07", "0.2"}), `<Axis t="61">`, `<Axis t="62">`, 1), table1(60, "0.1", "0.2", "0.3", "0.4", "1")), mortality.ErrMissingAge, `<Axis t="62">`, "Axis", "t=62"},
		{"select gap", xdoc(85, table2(60, []string{"0.05", "", "0.1"}, []string{"0.06", "0.1", "0.15"}), table1(60, "0.1", "0.2", "0.3", "0.4", "1")), mortality.ErrMissingAge, `<Y t="2"></Y>`, "Y", "t=2"},
		{"select row empty", xdoc(85, table2(60, []string{"", ""}, []string{"0.06", "0.15"}), table1(60, "0.1", "0.2", "0.3", "0.4", "1")), mortality.ErrEmpty, `<Axis t="60">`, "Axis", "t=60"},
		{"select passes below the ultimate ages", xdoc(85, table2(60, []string{"0.05", "0.1"}), table1(63, "0.3", "1")), mortality.ErrMissingAge, `<Axis t="60">`, "Axis", "t=60"},
		{"durations from 0", r(goodSelect, "<MinScaleValue>1<", "<MinScaleValue>0<", 1), mortality.ErrShape, `<AxisDef id="Duration">`, "AxisDef", "Duration 0 to 2"},
		{"durations from 2", xdoc(85, r(table2(60, []string{"0.05", "0.1"}), "<MinScaleValue>1<", "<MinScaleValue>2<", 1), table1(60, "0.1", "0.2", "0.3", "0.4", "1")), mortality.ErrShape, `<AxisDef id="Duration">`, "MinScaleValue", "2"},
		{"improvement of 100%", r(goodScale, ">0.005<", ">1<", 1), mortality.ErrRate, `<Y t="62">`, "Y", "1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, err := mortality.ReadXTbML(strings.NewReader(c.doc))
			require.Error(t, err)
			assert.Nil(t, x)
			assert.ErrorIs(t, err, c.err)
			var pe *mortality.ParseError
			require.ErrorAs(t, err, &pe)
			doc := strings.TrimPrefix(c.doc, "\uFEFF")
			wantLine := strings.Count(doc, "\n") + 1 // the end of the input
			if c.at != "" {
				i := strings.Index(doc, c.at)
				require.GreaterOrEqual(t, i, 0, "test case: %q not in the document", c.at)
				wantLine = strings.Count(doc[:i], "\n") + 1
			}
			assert.Equal(t, wantLine, pe.Line, "line; error: %v", err)
			assert.Equal(t, c.field, pe.Field, "field; error: %v", err)
			assert.Contains(t, pe.Value, c.value, "value; error: %v", err)
			assert.False(t, strings.HasPrefix(err.Error(), "mortality: "), "a ParseError carries no package prefix: %v", err)
		})
	}
}

// withPrefix writes every element of an XTbML document with the prefix p
// ("<p:Table>", "</p:Table>"), as a document in a prefixed name space is.
func withPrefix(doc, p string) string {
	doc = strings.ReplaceAll(doc, "</", "\x00")
	doc = strings.ReplaceAll(doc, "<?", "\x01")
	doc = strings.ReplaceAll(doc, "<", "<"+p+":")
	doc = strings.ReplaceAll(doc, "\x00", "</"+p+":")
	return strings.ReplaceAll(doc, "\x01", "<?")
}

// TestReadXTbMLNamespaces checks the one name-space rule of ReadXTbML: the
// XTbML elements are read in no name space (as every SOA file in
// testdata/xtbml is written) or in the ACORD/SOA XTbML name space, declared
// as the default or with a prefix; any other name space is refused with
// ErrContentType naming the name space. The XTbML URIs below are
// illustrative: the rule recognises the name space by its owner (acord.org,
// soa.org) and its name, as ReadXTbML documents.
func TestReadXTbMLNamespaces(t *testing.T) {
	const (
		acordNS = "http://www.acord.org/schema/data/XTbML"
		soaNS   = "https://mort.soa.org/xtbml/1.0"
		otherNS = "http://other"
	)
	root := func(doc, attrs string) string {
		return strings.Replace(doc, "<XTbML>", "<XTbML "+attrs+">", 1)
	}
	prefixed := func(doc, uri string) string {
		return strings.Replace(withPrefix(doc, "x"), "<x:XTbML>", `<x:XTbML xmlns:x="`+uri+`">`, 1)
	}
	want, err := mortality.ReadXTbML(strings.NewReader(goodUltimate))
	require.NoError(t, err)

	t.Run("accepted", func(t *testing.T) {
		for _, c := range []struct{ name, doc string }{
			{"no name space", goodUltimate},
			{"ACORD default", root(goodUltimate, `xmlns="`+acordNS+`"`)},
			{"SOA default", root(goodUltimate, `xmlns="`+soaNS+`"`)},
			{"ACORD prefixed", prefixed(goodUltimate, acordNS)},
			{"SOA prefixed", prefixed(goodUltimate, soaNS)},
			{"prefix declared but unused", root(goodUltimate, `xmlns:o="`+otherNS+`"`)},
			{"default undeclared again inside", strings.Replace(root(goodUltimate, `xmlns="`+acordNS+`"`), "<Table>", `<Table xmlns="">`, 1)},
			{"select table, prefixed", prefixed(goodSelect, acordNS)},
		} {
			t.Run(c.name, func(t *testing.T) {
				x, err := mortality.ReadXTbML(strings.NewReader(c.doc))
				require.NoError(t, err)
				assert.Equal(t, want.ID, x.ID)
				if c.name == "select table, prefixed" {
					assert.NotNil(t, x.Select)
					return
				}
				assert.Equal(t, want.Ultimate.Rates(), x.Ultimate.Rates())
			})
		}
	})

	t.Run("refused", func(t *testing.T) {
		for _, c := range []struct {
			name  string
			doc   string
			err   error
			at    string // a substring on the line the error must name
			field string
			value string
		}{
			{"foreign default", root(goodUltimate, `xmlns="`+otherNS+`"`), mortality.ErrContentType, "<XTbML", "XTbML", otherNS},
			{"foreign prefixed", prefixed(goodUltimate, otherNS), mortality.ErrContentType, "<x:XTbML", "x:XTbML", otherNS},
			{"ACORD, not XTbML", root(goodUltimate, `xmlns="http://www.acord.org/schema/TXLife"`), mortality.ErrContentType, "<XTbML", "XTbML", "TXLife"},
			{"XTbML, not ACORD or SOA", root(goodUltimate, `xmlns="http://example.com/XTbML"`), mortality.ErrContentType, "<XTbML", "XTbML", "example.com"},
			{"foreign default inside", strings.Replace(goodUltimate, "<Table>", `<Table xmlns="`+otherNS+`">`, 1), mortality.ErrContentType, "<Table xmlns", "Table", otherNS},
			{"foreign element inside", strings.Replace(goodUltimate, "<TableName>", `<o:Note xmlns:o="`+otherNS+`"/><TableName>`, 1), mortality.ErrContentType, "<o:Note", "o:Note", otherNS},
			{"foreign value element", strings.Replace(prefixed(goodUltimate, acordNS), `<x:Y t="62">`, `<x:Y t="62" xmlns:x="`+otherNS+`">`, 1), mortality.ErrContentType, `t="62"`, "x:Y", otherNS},
			{"undeclared prefix", withPrefix(goodUltimate, "x"), mortality.ErrSyntax, "<x:XTbML", "x:XTbML", "x"},
			{"prefixed start, plain end tag", strings.Replace(prefixed(goodUltimate, acordNS), "</x:XTbML>", "</XTbML>", 1), mortality.ErrSyntax, "</XTbML>", "XTbML", ""},
		} {
			t.Run(c.name, func(t *testing.T) {
				x, err := mortality.ReadXTbML(strings.NewReader(c.doc))
				require.Error(t, err)
				assert.Nil(t, x)
				assert.ErrorIs(t, err, c.err)
				var pe *mortality.ParseError
				require.ErrorAs(t, err, &pe)
				i := strings.Index(c.doc, c.at)
				require.GreaterOrEqual(t, i, 0, "test case: %q not in the document", c.at)
				assert.Equal(t, strings.Count(c.doc[:i], "\n")+1, pe.Line, "line; error: %v", err)
				assert.Equal(t, c.field, pe.Field, "field; error: %v", err)
				assert.Contains(t, pe.Value, c.value, "value; error: %v", err)
				if c.err == mortality.ErrContentType {
					assert.Contains(t, err.Error(), `name space "`+pe.Value+`"`)
				}
			})
		}
	})
}

func TestReadXTbMLFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "bad.xml")
	require.NoError(t, os.WriteFile(name, []byte(strings.Replace(goodUltimate, ">0.3<", ">NaN<", 1)), 0o600))
	_, err := mortality.ReadXTbMLFile(name)
	var pe *mortality.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, name, pe.File)
	assert.Contains(t, err.Error(), name+":line ")

	_, err = mortality.ReadXTbMLFile(filepath.Join(t.TempDir(), "none.xml"))
	assert.ErrorIs(t, err, os.ErrNotExist)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadXTbMLReaderError(t *testing.T) {
	_, err := mortality.ReadXTbML(failingReader{})
	assert.ErrorContains(t, err, "disk on fire")
}

func BenchmarkReadXTbML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(xtbmlDir, "t1076.xml"))
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := mortality.ReadXTbML(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
