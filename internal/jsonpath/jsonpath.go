// Package jsonpath decodes JSON documents strictly into Go structs through
// their json tags, naming the JSON path and line of every error: an unknown
// field, a field given twice, a wrong type or a number that does not fit
// is an *Error such as "line 12: groups[0].rules[1].from: 20.5: not a
// whole number". Packages actuarial/scheme (study files) and reform (the
// reforms of a study) share it.
//
// # Conventions
//
// Paths are written as in the documents' specification
// (docs/study-format.md): members joined by ".", array elements by
// "[i]", 0-based. Lines are 1-based; a Walker made by [NewAt] counts them
// from the line its data starts on in the enclosing file. Numbers parse
// as encoding/json parses them (the nearest float64), so that a float64
// written by encoding/json decodes to itself.
package jsonpath

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

// Error is an error at a value of a document: its path, the line it is on
// (0 if unknown), the value as written (empty if none) and what is wrong.
// Packages that use a Walker convert it to their own error type.
type Error struct {
	Line  int    // 1-based line of the value; 0 if unknown
	Path  string // JSON path of the value; empty for the whole document
	Value string // the offending value, formatted; empty if none
	Err   error  // what is wrong
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	if e.Value != "" {
		b.WriteString(e.Value + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Unmarshaler is implemented by a pointer to a type that decodes itself
// from the token stream: tok, at byte offset off, is the first token of
// its value, whose path is path. It reads the rest of the value with
// w.Next (or w.Value) and reports errors with w.Err or w.WrongType.
type Unmarshaler interface {
	UnmarshalJSONPath(w *Walker, path string, tok json.Token, off int64) error
}

// Raw is a value kept as written, for another package to decode later
// (with NewAt): the bytes of the value, the line it starts on and its path.
type Raw struct {
	Data []byte
	Line int
	Path string
}

// UnmarshalJSONPath keeps the value that starts with tok as written.
func (r *Raw) UnmarshalJSONPath(w *Walker, path string, tok json.Token, off int64) error {
	if err := w.Skip(path, tok); err != nil {
		return err
	}
	end := w.dec.InputOffset()
	r.Data = bytes.Clone(w.data[off:end])
	r.Line = w.line(off)
	r.Path = path
	return nil
}

// MarshalJSON writes the value as it was read; null for none.
func (r Raw) MarshalJSON() ([]byte, error) {
	if r.Data == nil {
		return []byte("null"), nil
	}
	return r.Data, nil
}

// Skip reads the rest of the value whose first token is tok.
func (w *Walker) Skip(path string, tok json.Token) error {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return nil
	}
	for depth := 1; depth > 0; {
		tok, off, err := w.Next()
		if err != nil {
			return w.Syntax(path, off, err)
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return nil
}

// NewAt returns a Walker of data, a value that starts on line line of an
// enclosing document at path prefix: its errors name the enclosing
// document's lines and paths.
func NewAt(data []byte, line int, prefix string) *Walker {
	w := New(data)
	w.lineBase = max(line, 1) - 1
	w.prefix = prefix
	return w
}

// Walker decodes a JSON document token by token into the document types of
// this package, through their json tags: unknown fields, wrong types and
// numbers that do not fit are errors naming the path, and the byte offset
// of every value is remembered by path so that later checks can give the
// line too.
type Walker struct {
	data     []byte
	dec      *json.Decoder
	offsets  map[string]int64
	lineBase int    // lines before the data's first, in its enclosing document
	prefix   string // the path of the data's value in its enclosing document
}

func New(data []byte) *Walker {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	return &Walker{data: data, dec: d, offsets: map[string]int64{}}
}

// line returns the 1-based line of a byte offset.
func (w *Walker) line(off int64) int {
	if off < 0 || off > int64(len(w.data)) {
		return 0
	}
	return w.lineBase + 1 + bytes.Count(w.data[:off], []byte{'\n'})
}

// LineOf returns the line of the value at path, or of its nearest parent
// that has one; 0 if none.
func (w *Walker) LineOf(path string) int {
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

// Next reads a token and returns it with the offset where it starts.
func (w *Walker) Next() (json.Token, int64, error) {
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

// Err returns an *Error at the value at off, whose path is path.
func (w *Walker) Err(path string, off int64, value string, err error) error {
	return &Error{Line: w.line(off), Path: path, Value: value, Err: err}
}

// Syntax turns a decoder error into an *Error with the line.
func (w *Walker) Syntax(path string, off int64, err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	return w.Err(path, off, "", err)
}

// Document decodes the whole input into v, a pointer, and checks nothing
// follows it.
func (w *Walker) Document(v any) error {
	tok, off, err := w.Next()
	if err != nil {
		return w.Syntax(w.prefix, off, err)
	}
	if err := w.Value(reflect.ValueOf(v).Elem(), w.prefix, tok, off); err != nil {
		return err
	}
	if _, off, err := w.Next(); err != io.EOF {
		if err != nil {
			return w.Syntax(w.prefix, off, err)
		}
		return w.Err(w.prefix, off, "", errors.New("data after the document"))
	}
	return nil
}

// kindName returns the kind of a token and its value as written.
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

// WrongType returns the error of a token of the wrong kind: want names
// the kind wanted ("number or array of steps").
func (w *Walker) WrongType(path string, off int64, tok json.Token, want string) error {
	got, val := kindName(tok)
	return w.Err(path, off, val, fmt.Errorf("a %s where a %s is wanted", got, want))
}

// Value decodes the value that starts with tok (at off) into v.
func (w *Walker) Value(v reflect.Value, path string, tok json.Token, off int64) error {
	w.offsets[path] = off
	if v.CanAddr() {
		if u, ok := v.Addr().Interface().(Unmarshaler); ok {
			return u.UnmarshalJSONPath(w, path, tok, off)
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if tok == nil {
			return w.WrongType(path, off, tok, "value (omit the field instead)")
		}
		p := reflect.New(v.Type().Elem())
		if err := w.Value(p.Elem(), path, tok, off); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Struct:
		if d, ok := tok.(json.Delim); !ok || d != '{' {
			return w.WrongType(path, off, tok, "object")
		}
		return w.object(v, path)
	case reflect.Slice:
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return w.WrongType(path, off, tok, "array")
		}
		if v.Type().Elem().Kind() == reflect.Float64 {
			return w.floats(v, path)
		}
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		for i := 0; ; i++ {
			tok, off, err := w.Next()
			if err != nil {
				return w.Syntax(path, off, err)
			}
			if d, ok := tok.(json.Delim); ok && d == ']' {
				return nil
			}
			v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
			if err := w.Value(v.Index(i), fmt.Sprintf("%s[%d]", path, i), tok, off); err != nil {
				return err
			}
		}
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return w.WrongType(path, off, tok, "string")
		}
		v.SetString(s)
		return nil
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return w.WrongType(path, off, tok, "boolean")
		}
		v.SetBool(b)
		return nil
	case reflect.Float64:
		n, ok := tok.(json.Number)
		if !ok {
			return w.WrongType(path, off, tok, "number")
		}
		f, err := w.Float(path, off, n)
		if err != nil {
			return err
		}
		v.SetFloat(f)
		return nil
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			return w.WrongType(path, off, tok, "whole number")
		}
		i, err := strconv.ParseInt(string(n), 10, 32)
		if err != nil {
			return w.Err(path, off, string(n), errors.New("not a whole number within ±2147483647"))
		}
		v.SetInt(i)
		return nil
	}
	panic("jsonpath: unsupported kind " + v.Kind().String())
}

// floats decodes an array of numbers, whose '[' has been read, into the
// []float64 v; it names an element's path only for an error.
func (w *Walker) floats(v reflect.Value, path string) error {
	out := make([]float64, 0, 16)
	for i := 0; ; i++ {
		tok, off, err := w.Next()
		if err != nil {
			return w.Syntax(path, off, err)
		}
		if d, ok := tok.(json.Delim); ok && d == ']' {
			v.Set(reflect.ValueOf(out))
			return nil
		}
		sub := func() string { return fmt.Sprintf("%s[%d]", path, i) }
		n, ok := tok.(json.Number)
		if !ok {
			return w.WrongType(sub(), off, tok, "number")
		}
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil || math.IsInf(f, 0) {
			return w.Err(sub(), off, string(n), errors.New("number out of range"))
		}
		out = append(out, f)
	}
}

// Float parses a JSON number as encoding/json does (the nearest float64).
func (w *Walker) Float(path string, off int64, n json.Number) (float64, error) {
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, w.Err(path, off, string(n), errors.New("number out of range"))
	}
	return f, nil
}

// object decodes the members of an object, whose '{' has been read, into
// the struct v.
func (w *Walker) object(v reflect.Value, path string) error {
	t := v.Type()
	seen := map[string]bool{}
	for {
		tok, off, err := w.Next()
		if err != nil {
			return w.Syntax(path, off, err)
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
			return w.Err(sub, off, "", fmt.Errorf("unknown field %q", key))
		}
		if seen[key] {
			return w.Err(sub, off, "", fmt.Errorf("field %q given twice", key))
		}
		seen[key] = true
		tok, off, err = w.Next()
		if err != nil {
			return w.Syntax(sub, off, err)
		}
		if err := w.Value(v.Field(fi), sub, tok, off); err != nil {
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
