package mortality_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/mortality"
)

// xtbmlExcerpt cuts the SOA file name (testdata/xtbml) down to a few lines:
// without its long descriptive elements, each table keeping the values of
// its first rows outer <Axis t> (of a table by two axes) and the first cols
// <Y> of each axis, its MaxScaleValues lowered to match. The lines kept are
// unchanged but for those MaxScaleValues.
func xtbmlExcerpt(t testing.TB, name string, rows, cols int) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(xtbmlDir, name))
	if err != nil {
		t.Fatal(err)
	}
	var (
		out   strings.Builder
		meta  []string // the current table's MetaData, written at its end
		depth int      // 0 outside <Values>, 1 in it, 2 in an outer <Axis>, 3 in an inner one
		row   int      // outer axes seen in the current <Values>
		ys    int      // <Y> seen in the current axis
	)
	for _, l := range strings.SplitAfter(string(b), "\n") {
		s := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(s, "<TableReference>"), strings.HasPrefix(s, "<Comments>"),
			strings.HasPrefix(s, "<TableDescription>"), strings.HasPrefix(s, "<KeyWord>"):
			continue
		case s == "<MetaData>" || meta != nil:
			meta = append(meta, l)
			if s == "</MetaData>" {
				out.WriteString(lowerMaxScale(meta, rows, cols))
				meta = nil
			}
			continue
		}
		inRow := depth >= 2
		switch {
		case s == "<Values>":
			depth, row = 1, 0
		case s == "</Values>":
			depth = 0
		case depth >= 1 && strings.HasPrefix(s, "<Axis"):
			depth++
			if depth == 2 {
				row++
			}
			ys = 0
		case depth >= 2 && s == "</Axis>":
			depth--
		case depth >= 2 && strings.HasPrefix(s, "<Y"):
			ys++
			if ys > cols {
				continue
			}
		}
		if (inRow || depth >= 2) && row > rows {
			continue
		}
		out.WriteString(l)
	}
	return []byte(out.String())
}

// lowerMaxScale lowers the MaxScaleValue of each AxisDef in a MetaData
// block to MinScaleValue + n − 1: n is cols for a table by one axis; rows
// for the first axis and cols for the second of a table by two.
func lowerMaxScale(meta []string, rows, cols int) string {
	keep := []int{cols}
	if strings.Count(strings.Join(meta, ""), "<AxisDef") == 2 {
		keep = []int{rows, cols}
	}
	var b strings.Builder
	axis, lo := -1, 0
	for _, l := range meta {
		s := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(s, "<AxisDef"):
			axis++
		case strings.HasPrefix(s, "<MinScaleValue>"):
			lo, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, "<MinScaleValue>"), "</MinScaleValue>"))
		case strings.HasPrefix(s, "<MaxScaleValue>") && axis < len(keep):
			hi, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, "<MaxScaleValue>"), "</MaxScaleValue>"))
			if err == nil && lo+keep[axis]-1 < hi {
				l = strings.Replace(l, strconv.Itoa(hi), strconv.Itoa(lo+keep[axis]-1), 1)
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// FuzzReadXTbML checks that ReadXTbML never panics, that it returns either a
// document or a *ParseError, and that a document it accepts holds usable
// tables: rates in [0, 1], a select table with its ultimate, a scale only
// for a projection scale.
//
// The seeds are small: a few values of each kind of real SOA file
// (xtbmlExcerpt: an ultimate table, a select and ultimate table, an
// improvement scale), a few hand-made documents and their variants, each
// of a few KB at most, so that the default settings spend the run mutating
// rather than minimising one large file. For a long run give a time limit,
// e.g.
//
//	go test -run='^$' -fuzz=FuzzReadXTbML -fuzztime=1h ./mortality
//
// (and -fuzzminimizetime=10s if a long run finds large inputs slow to
// minimise).
func FuzzReadXTbML(f *testing.F) {
	for _, c := range []struct {
		name       string
		rows, cols int
	}{
		{"t17.xml", 1, 3},   // 1980 CSO, ultimate
		{"t2583.xml", 1, 3}, // Scale G2, improvement by age
		{"t3302.xml", 2, 3}, // 2017 CSO, select and ultimate
	} {
		b := xtbmlExcerpt(f, c.name, c.rows, c.cols)
		f.Add(b)
		f.Add(b[:len(b)/2]) // truncated
		if bytes.Contains(b, []byte(`<Y t="2">`)) {
			f.Add(bytes.Replace(b, []byte(`<Y t="2">`), []byte(`<Y t="3">`), 1)) // a gap
		}
	}
	for _, doc := range []string{goodUltimate, goodSelect, goodScale} {
		f.Add([]byte(doc))
		f.Add([]byte(strings.Replace(doc, ">0.1<", ">NaN<", 1)))
		f.Add([]byte(strings.Replace(doc, ">0.1<", "><", 1)))
		f.Add([]byte(strings.Replace(doc, `<Y t="61">`, `<Y t="60">`, 1)))
		f.Add([]byte(strings.Replace(doc, "<ScalingFactor>0<", "<ScalingFactor>-2<", 1)))
	}
	f.Add([]byte(strings.Replace(withPrefix(goodUltimate, "x"), "<x:XTbML>", `<x:XTbML xmlns:x="http://www.acord.org/XTbML">`, 1)))
	f.Add([]byte(strings.Replace(goodUltimate, "<XTbML>", `<XTbML xmlns="http://other">`, 1)))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := mortality.ReadXTbML(bytes.NewReader(data))
		if err != nil {
			var pe *mortality.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
			if x != nil {
				t.Fatal("a document and an error")
			}
			if pe.Line < 1 {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		sc, scErr := x.Scale()
		if (x.ContentType == mortality.ContentProjectionScale) != (scErr == nil) {
			t.Fatalf("content type %v, Scale error %v", x.ContentType, scErr)
		}
		if sc != nil {
			if x.Ultimate != nil || x.Select != nil {
				t.Fatal("a scale document with a mortality table")
			}
			return
		}
		if x.Ultimate == nil {
			t.Fatal("a mortality document without a table")
		}
		for _, q := range x.Ultimate.Rates() {
			if !(q >= 0 && q <= 1) {
				t.Fatalf("rate %v", q)
			}
		}
		if s := x.Select; s != nil {
			if s.Ultimate() != x.Ultimate {
				t.Fatal("select table with another ultimate table")
			}
			lo, hi := s.SelectAges()
			for age := lo; age <= hi; age++ {
				first, last := s.Durations(age)
				l := s.Life(age)
				for d := first; d <= last+s.Period()+1; d++ {
					q := s.Q(age, d)
					if !(q >= 0 && q <= 1) || q != l.Q(age+d) {
						t.Fatalf("q_[%d]+%d = %v, Life: %v", age, d, q, l.Q(age+d))
					}
				}
			}
		}
	})
}
