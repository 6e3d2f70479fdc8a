package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// verbs matches the fmt verbs of a message.
var verbs = regexp.MustCompile(`%[-+#0-9.]*[a-zA-Z%]`)

// TestCatalogueComplete fails if a key is in one language and not in the
// other, or if a message's verbs differ between languages.
func TestCatalogueComplete(t *testing.T) {
	for k, en := range english {
		es, ok := spanish[k]
		if !assert.True(t, ok, "key %q missing in Spanish", k) {
			continue
		}
		assert.Equal(t, verbs.FindAllString(en, -1), verbs.FindAllString(es, -1), "verbs of %q", k)
		assert.NotEmpty(t, es, "key %q empty in Spanish", k)
	}
	for k := range spanish {
		_, ok := english[k]
		assert.True(t, ok, "key %q missing in English", k)
	}
	en, es := English.Keys(), Spanish.Keys()
	slices.Sort(en)
	slices.Sort(es)
	assert.Equal(t, en, es)
}

func TestFor(t *testing.T) {
	for _, c := range []struct {
		tag  language.Tag
		want *Lang
	}{
		{language.Und, English}, {language.English, English}, {language.BritishEnglish, English},
		{language.Spanish, Spanish}, {MexicanSpanish, Spanish}, {language.LatinAmericanSpanish, Spanish},
	} {
		got, err := For(c.tag)
		require.NoError(t, err, "%v", c.tag)
		assert.Same(t, c.want, got, "%v", c.tag)
	}
	_, err := For(language.French)
	assert.ErrorIs(t, err, ErrLanguage)
	assert.ErrorContains(t, err, "fr")
}

// TestNumber checks the CLDR number formats of en and es-MX (Unicode CLDR,
// numbers of locales en and es_MX: group ",", decimal ".").
func TestNumber(t *testing.T) {
	for _, l := range []*Lang{English, Spanish} {
		assert.Equal(t, "-1,234,567.25", l.Number(decimal.RequireFromString("-1234567.25"), 2), fmt.Sprint(l.Tag))
		assert.Equal(t, "0.50", l.Number(decimal.RequireFromString("0.5"), 2))
		assert.Equal(t, "12", l.Number(decimal.RequireFromString("12"), 0))
	}
	assert.Panics(t, func() { English.S("no such key") })
}
