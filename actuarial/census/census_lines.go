// Splitting a census file into records: bytes split in place for a line
// without quotes, encoding/csv for a line with them.

package census

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
	"unicode/utf8"
)

// lineReader reads the records of CSV text as an encoding/csv Reader with
// FieldsPerRecord −1 reads them, with the same fields, lines and errors.
// A line without a '"' (nearly every line of a census) is split where it
// lies in the buffer, without copying it; a line with one is handed, with
// whatever lines its quoted fields run over, to an encoding/csv Reader, so
// that quoting keeps encoding/csv's rules and its errors to the column.
// Either way empty lines are skipped and a '\r' before a line's end (of
// "\r\n", or a last line's "\r") is dropped, as encoding/csv does.
type lineReader struct {
	br    *bufio.Reader
	comma rune
	line  int    // lines read so far
	rec   row    // the last record
	long  []byte // a line longer than br's buffer, joined
	text  []byte // the fields of the last quoted record, back to back

	cr   *csv.Reader // reads quoted records from feed; nil until the first
	feed lineFeeder
}

func newLineReader(br *bufio.Reader, comma rune) *lineReader {
	if comma == 0 {
		comma = ','
	}
	return &lineReader{br: br, comma: comma, feed: lineFeeder{br: br}}
}

// next returns the next record, valid until the next call, and the line
// it starts on; io.EOF after the last record. A syntax error is a
// *csv.ParseError whose lines count from the start of the input, as if
// encoding/csv had read all of it. Another error of the input is returned
// as it is.
func (l *lineReader) next() (rec *row, line int, err error) {
	for {
		raw, err := l.readLine()
		if err != nil && err != io.EOF {
			return nil, 0, err
		}
		if len(raw) == 0 {
			return nil, 0, io.EOF
		}
		l.line++
		b := raw
		if b[len(b)-1] == '\n' {
			b = b[:len(b)-1]
		}
		if len(b) > 0 && b[len(b)-1] == '\r' {
			b = b[:len(b)-1]
		}
		if len(b) == 0 {
			continue // an empty line
		}
		if l.split(b) {
			return &l.rec, l.line, nil
		}
		return l.readQuoted(raw)
	}
}

// readLine returns the next line as read, with its '\n' if it has one; a
// line longer than br's buffer is joined in l.long.
func (l *lineReader) readLine() ([]byte, error) {
	raw, err := l.br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return raw, err
	}
	l.long = append(l.long[:0], raw...)
	for err == bufio.ErrBufferFull {
		raw, err = l.br.ReadSlice('\n')
		l.long = append(l.long, raw...)
	}
	return l.long, err
}

// split splits b at each comma into l.rec, or reports false if b has a
// '"' anywhere.
func (l *lineReader) split(b []byte) bool { return l.rec.split(b, l.comma) }

// split makes r the fields of b, split at each comma, or reports false if
// b has a '"' anywhere.
func (r *row) split(b []byte, comma rune) bool {
	r.text, r.spans = b, r.spans[:0]
	if comma >= utf8.RuneSelf {
		if bytes.IndexByte(b, '"') >= 0 {
			return false
		}
		n, start := utf8.RuneLen(comma), 0
		for {
			i := bytes.IndexRune(b[start:], comma)
			if i < 0 {
				break
			}
			r.spans = append(r.spans, span{start, start + i})
			start += i + n
		}
		r.spans = append(r.spans, span{start, len(b)})
		return true
	}
	c, start := byte(comma), 0
	for i, x := range b {
		switch x {
		case c:
			r.spans = append(r.spans, span{start, i})
			start = i + 1
		case '"':
			return false
		}
	}
	r.spans = append(r.spans, span{start, len(b)})
	return true
}

// readQuoted reads the record starting with raw, the l.line'th line, by
// encoding/csv.
func (l *lineReader) readQuoted(raw []byte) (*row, int, error) {
	if l.cr == nil {
		l.cr = csv.NewReader(&l.feed)
		l.cr.Comma = l.comma
		l.cr.FieldsPerRecord = -1
		l.cr.ReuseRecord = true
	}
	// The csv Reader has read `before` lines; its line numbers run shift
	// behind the input's.
	start, before := l.line, l.feed.lines
	shift := start - (before + 1)
	l.feed.give(raw)
	rec, err := l.cr.Read()
	l.line += l.feed.lines - (before + 1) // the lines after the first
	if err != nil {
		if pe, ok := err.(*csv.ParseError); ok {
			e := *pe
			e.StartLine += shift
			e.Line += shift
			return nil, 0, &e
		}
		return nil, 0, err
	}
	l.text = l.rec.set(l.text, rec)
	return &l.rec, start, nil
}

// row is a record's fields: field i is text[spans[i].from:spans[i].to].
// Spans rather than slices of text keep pointers out of the slice written
// for each field.
type row struct {
	text  []byte
	spans []span
}

type span struct{ from, to int }

// field returns field i.
func (r *row) field(i int) []byte { return r.text[r.spans[i].from:r.spans[i].to] }

// set makes r the fields rec, copied back to back into buf, which it
// returns for reuse.
func (r *row) set(buf []byte, rec []string) []byte {
	buf, r.spans = buf[:0], r.spans[:0]
	for _, f := range rec {
		r.spans = append(r.spans, span{len(buf), len(buf) + len(f)})
		buf = append(buf, f...)
	}
	r.text = buf
	return buf
}

// lineFeeder is the input of lineReader's csv Reader: the line it was
// given, then the lines after it from br, each Read returning at most one
// line. The csv Reader's buffer so never holds more than the lines of the
// record it reads, and br goes on from the line after that record.
type lineFeeder struct {
	br      *bufio.Reader
	pending []byte
	err     error // br's error after pending
	lines   int   // lines handed to the csv Reader so far
}

// give makes raw, a whole line, the next to be read.
func (f *lineFeeder) give(raw []byte) {
	f.pending = raw
	f.lines++
}

func (f *lineFeeder) Read(p []byte) (int, error) {
	if len(f.pending) == 0 {
		if f.err != nil {
			return 0, f.err
		}
		chunk, err := f.br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			err = nil // the rest of the line comes next
		} else if len(chunk) > 0 {
			f.lines++ // a whole line, ended by '\n' or by the end of the input
		}
		f.pending, f.err = chunk, err
		if len(chunk) == 0 {
			return 0, err
		}
	}
	n := copy(p, f.pending)
	f.pending = f.pending[n:]
	return n, nil
}
