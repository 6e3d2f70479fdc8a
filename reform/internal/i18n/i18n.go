// Package i18n is the catalogue of every string the reports and charts of
// package reform and its subpackages write, in English and in Spanish as
// written in Mexico (es-MX), and the formatting of their numbers with
// golang.org/x/text.
//
// # Conventions
//
// A [Key] names one message; each language's catalogue ([English],
// [Spanish]) has every key (a test fails otherwise). Messages with
// arguments are fmt formats, the same verbs in the same order in both
// languages. [Lang.Number] formats with golang.org/x/text/number for the
// language's locale: "1,234.50" in both en and es-MX, which group
// thousands with a comma and mark decimals with a point.
package i18n

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// ErrLanguage is the error of a language the catalogue lacks.
var ErrLanguage = errors.New("language not supported (English or Spanish)")

// Key names one message of the catalogue.
type Key string

// Lang is one language of the catalogue: its messages and its number
// printer.
type Lang struct {
	Tag     language.Tag // en or es-MX
	msgs    map[Key]string
	printer *message.Printer
}

// MexicanSpanish is the tag of the Spanish of the reports: es-MX.
var MexicanSpanish = language.MustParse("es-MX")

// The languages of the catalogue.
var (
	English = &Lang{Tag: language.English, msgs: english, printer: message.NewPrinter(language.English)}
	Spanish = &Lang{Tag: MexicanSpanish, msgs: spanish, printer: message.NewPrinter(MexicanSpanish)}
)

// For returns the language of tag: English for the zero tag (language.Und)
// and any English, Spanish (es-MX) for any Spanish; another language is
// an error wrapping [ErrLanguage].
func For(tag language.Tag) (*Lang, error) {
	if tag == language.Und {
		return English, nil
	}
	base, _ := tag.Base()
	switch base.String() {
	case "en":
		return English, nil
	case "es":
		return Spanish, nil
	}
	return nil, fmt.Errorf("language %v: %w", tag, ErrLanguage)
}

// IsEnglish reports whether l is English.
func (l *Lang) IsEnglish() bool { return l == English }

// S returns the message of key k. A key missing from the catalogue is a
// programming error and panics.
func (l *Lang) S(k Key) string {
	s, ok := l.msgs[k]
	if !ok {
		panic(fmt.Sprintf("i18n: no message %q in %v", k, l.Tag))
	}
	return s
}

// F formats the message of key k with args, as fmt.Sprintf.
func (l *Lang) F(k Key, args ...any) string { return fmt.Sprintf(l.S(k), args...) }

// Number formats d, already rounded, with places decimals and the
// locale's separators (golang.org/x/text/number). d goes through a
// float64: exact to the last decimal for up to 15 significant digits.
func (l *Lang) Number(d decimal.Decimal, places int32) string {
	return l.printer.Sprint(number.Decimal(d.InexactFloat64(), number.Scale(int(places))))
}

// Float formats x with places decimals and the locale's separators.
func (l *Lang) Float(x float64, places int) string {
	return l.printer.Sprint(number.Decimal(x, number.Scale(places)))
}

// Keys returns the keys of l's catalogue, for tests.
func (l *Lang) Keys() []Key {
	ks := make([]Key, 0, len(l.msgs))
	for k := range l.msgs {
		ks = append(ks, k)
	}
	return ks
}
