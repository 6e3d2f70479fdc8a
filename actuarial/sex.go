// Sex of a member or beneficiary, and the codes census files use for it.

package actuarial

import (
	"fmt"
	"strings"
)

// Sex is the sex of a life, as mortality and decrement tables distinguish it.
//
// A Sex is a name ("male", "female"), not a number, so that it cannot index
// an array by mistake: per-sex arrays ([NumSexes]T) are indexed by
// [Sex.Index] (0 for Male, 1 for Female), and [SexAt] goes back. The zero
// value is SexUnknown, which no census record may carry: a record built in
// code that forgets its sex is caught rather than counted as male.
type Sex string

// The sexes. NumSexes counts the valid ones.
const (
	SexUnknown Sex = ""       // not given; invalid in a census
	Male       Sex = "male"   // index 0
	Female     Sex = "female" // index 1

	NumSexes = 2 // Male and Female
)

// Valid reports whether s is Male or Female.
func (s Sex) Valid() bool { return s == Male || s == Female }

// Index is 0 for Male and 1 for Female, for indexing per-sex arrays of
// length [NumSexes]. It panics for any other value: indexing by an unknown
// sex is a programming error.
func (s Sex) Index() int {
	switch s {
	case Male:
		return 0
	case Female:
		return 1
	}
	panic(fmt.Sprintf("actuarial: Sex.Index of invalid sex %q", string(s)))
}

// SexAt is the sex of per-sex index i: Male for 0, Female for 1. Any other
// index panics.
func SexAt(i int) Sex {
	switch i {
	case 0:
		return Male
	case 1:
		return Female
	}
	panic(fmt.Sprintf("actuarial: SexAt(%d): want 0 or 1", i))
}

// String returns "male", "female", "unknown" for the zero value, or
// Sex("…") for anything else. [ParseSex] accepts every string it returns for
// a valid sex.
func (s Sex) String() string {
	switch s {
	case SexUnknown:
		return "unknown"
	case Male, Female:
		return string(s)
	}
	return fmt.Sprintf("Sex(%q)", string(s))
}

// SexCodes says how a census file codes sex. The codes differ by language
// and one letter clashes: in English files M is male, in Spanish files M is
// mujer (female) and H is hombre (male). The zero value accepts only codes
// that mean the same in both, and rejects a bare M with [ErrAmbiguousSex];
// set SexCodesEnglish or SexCodesSpanish to read files that use it.
//
// Every setting accepts, case-insensitively and ignoring surrounding spaces:
//
//	male:   male, man, hombre, masculino, varón, varon, H, V, 1
//	female: female, woman, mujer, femenino, F, 2
//
// (1 and 2 are the ISO/IEC 5218 codes, also used by INEGI in Mexico; H and F
// are also the French homme and femme.) SexCodesEnglish adds M = male and
// SexCodesSpanish adds M = female.
type SexCodes uint8

// The sex codings a census reader accepts.
const (
	SexCodesUnambiguous SexCodes = iota // only codes that mean one sex in English and Spanish; M is an error
	SexCodesEnglish                     // also M = male
	SexCodesSpanish                     // also M = mujer = female
)

// String returns the coding's name.
func (c SexCodes) String() string {
	switch c {
	case SexCodesUnambiguous:
		return "unambiguous"
	case SexCodesEnglish:
		return "English"
	case SexCodesSpanish:
		return "Spanish"
	}
	return fmt.Sprintf("SexCodes(%d)", uint8(c))
}

var sexWords = [...]struct {
	code string
	sex  Sex
}{
	{"male", Male}, {"female", Female},
	{"h", Male}, {"f", Female},
	{"1", Male}, {"2", Female},
	{"man", Male}, {"woman", Female},
	{"hombre", Male}, {"mujer", Female},
	{"masculino", Male}, {"femenino", Female},
	{"v", Male}, {"varón", Male}, {"varon", Male},
}

// ParseSex reads a sex code under the given coding (see [SexCodes]). It
// returns an error wrapping [ErrAmbiguousSex] for M under
// SexCodesUnambiguous and [ErrUnknownSex] for anything it does not know.
//
// An invalid codes value is a programming error and panics.
func ParseSex(s string, codes SexCodes) (Sex, error) {
	if codes > SexCodesSpanish {
		panic(fmt.Sprintf("actuarial: ParseSex: invalid SexCodes %d", uint8(codes)))
	}
	s = strings.TrimSpace(s)
	for _, w := range sexWords {
		if strings.EqualFold(s, w.code) {
			return w.sex, nil
		}
	}
	if s == "m" || s == "M" {
		switch codes {
		case SexCodesEnglish:
			return Male, nil
		case SexCodesSpanish:
			return Female, nil
		default:
			return SexUnknown, fmt.Errorf("%w: M is male in English and female (mujer) in Spanish; set SexCodes", ErrAmbiguousSex)
		}
	}
	return SexUnknown, ErrUnknownSex
}
