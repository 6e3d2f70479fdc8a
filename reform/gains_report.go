// Who gains, who loses, as a report table in English or Spanish.

package reform

import (
	"fmt"
	"io"
	"strconv"

	"golang.org/x/text/language"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/reform/internal/i18n"
)

// sexLabel is the word for the sex of a cohort in l.
func sexLabel(l *i18n.Lang, s actuarial.Sex) string {
	if s == actuarial.Female {
		return l.S(i18n.GainsWomen)
	}
	return l.S(i18n.GainsMen)
}

// Table returns the table of gains in the language of lang (English for
// the zero tag, Spanish for any Spanish), money in u: one row per cohort
// with its sex, birth years, service band (when the projections have
// them: [BandLabel]), members, the changes in the present values
// of benefits and contributions, the base's present value of benefits and
// the change in benefits in per cent (one decimal). Money has no decimals
// in UnitsOne and one otherwise. Invalid units or another language are an
// error wrapping [ErrReportOptions].
func (g *Gains) Table(u Units, lang language.Tag) (*Table, error) {
	if !u.Valid() {
		return nil, fmt.Errorf("reform: Gains.Table: %w: units %d", ErrReportOptions, int(u))
	}
	l, err := reportLang(lang)
	if err != nil {
		return nil, err
	}
	places := 1
	if u == UnitsOne {
		places = 0
	}
	bands := g.banded()
	tb := &Table{
		Title:   l.F(i18n.GainsTitle, u.label(l)),
		Columns: []string{l.S(i18n.GainsSex), l.S(i18n.GainsBorn)},
		labels:  2,
	}
	if bands {
		tb.Title = l.F(i18n.GainsTitleBands, u.label(l))
		tb.Columns = append(tb.Columns, l.S(i18n.GainsBand))
		tb.labels = 3
	}
	tb.Columns = append(tb.Columns, l.S(i18n.GainsMembers),
		l.S(i18n.GainsBenefitChange), l.S(i18n.GainsContribChange), l.S(i18n.GainsBaseBenefits), l.S(i18n.GainsBenefitPct))
	for i := range g.Cohorts {
		c := &g.Cohorts[i]
		nums := [...]struct {
			x      float64
			places int
		}{
			{c.Members, 0}, {u.Scale(c.BenefitChange()), places}, {u.Scale(c.ContributionChange()), places},
			{u.Scale(c.BaseBenefits), places}, {100 * c.BenefitChangeShare(), 1},
		}
		row := []string{sexLabel(l, c.Sex), fmt.Sprintf("%d–%d", c.BornFrom, c.BornTo)}
		if bands {
			row = append(row, BandLabel(c.Band, lang))
		}
		plain := append([]string(nil), row...)
		for _, n := range nums {
			row = append(row, l.Float(n.x, n.places))
			plain = append(plain, strconv.FormatFloat(n.x, 'f', n.places, 64))
		}
		tb.Rows = append(tb.Rows, row)
		tb.plain = append(tb.plain, plain)
	}
	return tb, nil
}

// losingLine is the sentence on the share of members losing more than the
// threshold, in language l.
func (g *Gains) losingLine(l *i18n.Lang) string {
	return l.F(i18n.GainsLosing, l.Float(100*g.LossThreshold, 1), l.Float(100*g.LosingShare, 1))
}

// WriteMarkdown writes the table of gains ([Gains.Table]) as Markdown,
// then the share of members losing more than the threshold as a
// paragraph.
func (g *Gains) WriteMarkdown(w io.Writer, u Units, lang language.Tag) error {
	tb, err := g.Table(u, lang)
	if err != nil {
		return err
	}
	if err := tb.WriteMarkdown(w); err != nil {
		return err
	}
	l, _ := reportLang(lang)
	_, err = fmt.Fprintf(w, "\n%s\n", markdownEscaper.Replace(g.losingLine(l)))
	return err
}

// BandLabel names a service band in the language of lang (English for the
// zero tag and any language but Spanish): "0–9", "30+", "in payment",
// "future entrants", "all".
func BandLabel(b projection.Band, lang language.Tag) string {
	l, err := reportLang(lang)
	if err != nil {
		l, _ = reportLang(language.Und)
	}
	switch b.Kind {
	case projection.ServiceBand:
		if b.To < 0 {
			return l.F(i18n.GainsBandFrom, b.From)
		}
		return l.F(i18n.GainsBandRange, b.From, b.To)
	case projection.InPayment:
		return l.S(i18n.GainsBandInPayment)
	case projection.FutureEntrants:
		return l.S(i18n.GainsBandEntrants)
	}
	return l.S(i18n.GainsBandAll)
}
