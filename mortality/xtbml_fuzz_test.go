package mortality_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reserva-go/reserva/mortality"
)

// FuzzReadXTbML checks that ReadXTbML never panics, that it returns either a
// document or a *ParseError, and that a document it accepts holds usable
// tables: rates in [0, 1], a select table with its ultimate, a scale only
// for a projection scale.
func FuzzReadXTbML(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(xtbmlDir, "*.xml"))
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files: %v", err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2]) // truncated
		if i := bytes.Index(b, []byte(`<Y t="3">`)); i >= 0 {
			f.Add(bytes.Replace(b, []byte(`<Y t="3">`), []byte(`<Y t="4">`), 1)) // a gap
		}
	}
	for _, doc := range []string{goodUltimate, goodSelect, goodScale} {
		f.Add([]byte(doc))
		f.Add([]byte(strings.Replace(doc, ">0.1<", ">NaN<", 1)))
		f.Add([]byte(strings.Replace(doc, ">0.1<", "><", 1)))
		f.Add([]byte(strings.Replace(doc, `<Y t="61">`, `<Y t="60">`, 1)))
		f.Add([]byte(strings.Replace(doc, "<ScalingFactor>0<", "<ScalingFactor>-2<", 1)))
	}
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
