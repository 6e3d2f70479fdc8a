package scheme

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

const formatDoc = "../../docs/study-format.md"

// jsonNames collects the json names of every field reachable from t.
func jsonNames(t reflect.Type, seen map[reflect.Type]bool, names map[string]string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" {
			names[name] = t.Name() + "." + f.Name
		}
		jsonNames(f.Type, seen, names)
	}
}

// TestFormatDocumented checks that docs/study-format.md documents every
// field of the format in a table row with an example (a row "| `name` |
// meaning | example |"), and that its complete example decodes.
func TestFormatDocumented(t *testing.T) {
	data, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	names := map[string]string{}
	jsonNames(reflect.TypeFor[studyDoc](), map[reflect.Type]bool{}, names)
	if len(names) < 80 {
		t.Fatalf("only %d field names found", len(names))
	}
	for name, field := range names {
		row := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(name) + "` \\|[^|\\n]+\\|[^|\\n]*`[^`]+`[^|\\n]*\\|$")
		if !row.MatchString(doc) {
			t.Errorf("%s: no row for `%s` with an example in %s", field, name, formatDoc)
		}
	}
	_, example, ok := strings.Cut(doc, "## A complete example\n\n```json\n")
	if !ok {
		t.Fatal("no complete example")
	}
	example, _, _ = strings.Cut(example, "```")
	if _, err := DecodeStudy(strings.NewReader(example), "."); err != nil {
		t.Errorf("the complete example: %v", err)
	}
}
