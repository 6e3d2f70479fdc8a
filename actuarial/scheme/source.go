// The legal source of a timeline entry of rules.

package scheme

import "strings"

// Source cites the legal text a [Rules] entry comes from: the law (or
// decree, or ruling), the article and the date. Every field is free text
// and may be empty; the zero value cites nothing. Date is an ISO date
// ("1976-03-20"), a year-month or a year, as precise as the source is.
type Source struct {
	Law     string // "Decree 68", "Supreme Court, case 118/2022"
	Article string // "52", "52–54"; empty: the whole law
	Date    string // "1976", "2024-11-01"; empty: not given
}

// IsZero reports whether the source cites nothing.
func (s Source) IsZero() bool { return s == Source{} }

// String cites the source as reports print it: "art. 52, Decree 68, 1976",
// leaving out the parts not given; "" for the zero Source.
func (s Source) String() string {
	var parts []string
	if s.Article != "" {
		parts = append(parts, "art. "+s.Article)
	}
	if s.Law != "" {
		parts = append(parts, s.Law)
	}
	if s.Date != "" {
		parts = append(parts, s.Date)
	}
	return strings.Join(parts, ", ")
}
