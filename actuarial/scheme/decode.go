// A strict JSON decoder that names the path and line of every error.

package scheme

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// ErrStudy is wrapped by every error of a study file's syntax or content:
// an unknown field, a wrong type, a bad value.
var ErrStudy = errors.New("bad study")

// StudyError is an error in a study document: the JSON path of the value
// ("groups[0].rules[1].eligibility.full.both[0].min_age"), the file and
// the line it is on (0 if unknown), the offending value as written, and
// what is wrong. It wraps ErrStudy and, where one applies, a sentinel of
// this package or of package actuarial.
type StudyError struct {
	File  string // the study file; empty when decoded from a reader
	Line  int    // 1-based line of the value; 0 if unknown
	Path  string // JSON path of the value; empty for the whole document
	Value string // the offending value, formatted; empty if none
	Err   error  // what is wrong
}

func (e *StudyError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Value != "" {
		b.WriteString(e.Value)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns ErrStudy and the underlying error.
func (e *StudyError) Unwrap() []error { return []error{ErrStudy, e.Err} }

// walker decodes a JSON document token by token into the document types of
// this package, through their json tags: unknown fields, wrong types and
// numbers that do not fit are errors naming the path, and the byte offset
// of every value is remembered by path so that later checks can give the
// line too.
type walker struct {
	data    []byte
	dec     *json.Decoder
	offsets map[string]int64
}

func newWalker(data []byte) *walker {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return &walker{data: data, dec: d, offsets: map[string]int64{}}
}

// line returns the 1-based line of a byte offset.
func (w *walker) line(off int64) int {
	if off < 0 || off > int64(len(w.data)) {
		return 0
	}
	return 1 + bytes.Count(w.data[:off], []byte{'\n'})
}

// lineOf returns the line of the value at path, or of its nearest parent
// that has one; 0 if none.
func (w *walker) lineOf(path string) int {
	for {
		if off, ok := w.offsets[path]; ok {
			return w.line(off)
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}

// next reads a token and returns it with the offset where it starts.
func (w *walker) next() (json.Token, int64, error) {
	off := w.dec.InputOffset()
	for off < int64(len(w.data)) {
		c := w.data[off]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':' {
			break
		}
		off++
	}
	tok, err := w.dec.Token()
	return tok, off, err
}

func (w *walker) errAt(path string, off int64, value string, err error) error {
	return &StudyError{Line: w.line(off), Path: path, Value: value, Err: err}
}

// syntax turns a decoder error into a StudyError with the line.
func (w *walker) syntax(path string, off int64, err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	return w.errAt(path, off, "", err)
}

// document decodes the whole input into v, a pointer, and checks nothing
// follows it.
func (w *walker) document(v any) error {
	tok, off, err := w.next()
	if err != nil {
		return w.syntax("", off, err)
	}
	if err := w.value(reflect.ValueOf(v).Elem(), "", tok, off); err != nil {
		return err
	}
	if _, off, err := w.next(); err != io.EOF {
		if err != nil {
			return w.syntax("", off, err)
		}
		return w.errAt("", off, "", errors.New("data after the document"))
	}
	return nil
}

var scheduleType = reflect.TypeFor[scheduleDoc]()

func kindName(tok json.Token) (string, string) {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "object", ""
		}
		return "array", ""
	case string:
		return "string", strconv.Quote(t)
	case json.Number:
		return "number", string(t)
	case bool:
		return "boolean", strconv.FormatBool(t)
	case nil:
		return "null", "null"
	}
	return "value", ""
}

func (w *walker) wrongType(path string, off int64, tok json.Token, want string) error {
	got, val := kindName(tok)
	return w.errAt(path, off, val, fmt.Errorf("a %s where a %s is wanted", got, want))
}

// value decodes the value that starts with tok (at off) into v.
func (w *walker) value(v reflect.Value, path string, tok json.Token, off int64) error {
	w.offsets[path] = off
	if v.Type() == scheduleType {
		sd := v.Addr().Interface().(*scheduleDoc)
		if n, ok := tok.(json.Number); ok {
			f, err := w.float(path, off, n)
			if err != nil {
				return err
			}
			sd.Value = &f
			return nil
		}
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return w.wrongType(path, off, tok, "number or array of steps")
		}
		return w.value(reflect.ValueOf(&sd.Steps).Elem(), path, tok, off)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if tok == nil {
			return w.wrongType(path, off, tok, "value (omit the field instead)")
		}
		p := reflect.New(v.Type().Elem())
		if err := w.value(p.Elem(), path, tok, off); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Struct:
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return w.wrongType(path, off, tok, "object")
		}
		return w.object(v, path)
	case reflect.Slice:
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return w.wrongType(path, off, tok, "array")
		}
		if v.Type().Elem().Kind() == reflect.Float64 {
			return w.floats(v, path)
		}
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		for i := 0; ; i++ {
			tok, off, err := w.next()
			if err != nil {
				return w.syntax(path, off, err)
			}
			if d, ok := tok.(json.Delim); ok && d == ']' {
				return nil
			}
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
			if err := w.value(v.Index(i), fmt.Sprintf("%s[%d]", path, i), tok, off); err != nil {
				return err
			}
		}
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return w.wrongType(path, off, tok, "string")
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return w.wrongType(path, off, tok, "boolean")
		}
		v.SetBool(b)
		return nil
	case reflect.Float64:
		n, ok := tok.(json.Number)
		if !ok {
			return w.wrongType(path, off, tok, "number")
		}
		f, err := w.float(path, off, n)
		if err != nil {
			return err
		}
		v.SetFloat(f)
		return nil
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			return w.wrongType(path, off, tok, "whole number")
		}
		i, err := strconv.ParseInt(string(n), 10, 32)
		if err != nil {
			return w.errAt(path, off, string(n), errors.New("not a whole number within ±2147483647"))
		}
		v.SetInt(i)
		return nil
	}
	panic("scheme: study decoder: unsupported kind " + v.Kind().String())
}

// floats decodes an array of numbers, whose '[' has been read, into the
// []float64 v; it names an element's path only for an error.
func (w *walker) floats(v reflect.Value, path string) error {
	out := make([]float64, 0, 16)
	for i := 0; ; i++ {
		tok, off, err := w.next()
		if err != nil {
			return w.syntax(path, off, err)
		}
		if d, ok := tok.(json.Delim); ok && d == ']' {
			v.Set(reflect.ValueOf(out))
			return nil
		}
		sub := func() string { return fmt.Sprintf("%s[%d]", path, i) }
		n, ok := tok.(json.Number)
		if !ok {
			return w.wrongType(sub(), off, tok, "number")
		}
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil || math.IsInf(f, 0) {
			return w.errAt(sub(), off, string(n), errors.New("number out of range"))
		}
		out = append(out, f)
	}
}

// float parses a JSON number as encoding/json does (the nearest float64).
func (w *walker) float(path string, off int64, n json.Number) (float64, error) {
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, w.errAt(path, off, string(n), errors.New("number out of range"))
	}
	return f, nil
}

// object decodes the members of an object, whose '{' has been read, into
// the struct v.
func (w *walker) object(v reflect.Value, path string) error {
	t := v.Type()
	seen := map[string]bool{}
	for {
		tok, off, err := w.next()
		if err != nil {
			return w.syntax(path, off, err)
		}
		if d, ok := tok.(json.Delim); ok && d == '}' {
			return nil
		}
		key := tok.(string) // the decoder guarantees a string key here
		sub := key
		if path != "" {
			sub = path + "." + key
		}
		fi := fieldIndex(t, key)
		if fi < 0 {
			return w.errAt(sub, off, "", fmt.Errorf("unknown field %q", key))
		}
		if seen[key] {
			return w.errAt(sub, off, "", fmt.Errorf("field %q given twice", key))
		}
		seen[key] = true
		tok, off, err = w.next()
		if err != nil {
			return w.syntax(sub, off, err)
		}
		if err := w.value(v.Field(fi), sub, tok, off); err != nil {
			return err
		}
	}
}

// fieldIndex returns the index of the field of struct type t whose json
// name is key (exactly), or −1.
func fieldIndex(t reflect.Type, key string) int {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == key {
			return i
		}
	}
	return -1
}
