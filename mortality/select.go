package mortality

import "fmt"

// SelectTable is a select and ultimate table: q_[x]+s, the rate of death in
// the year from duration s to s+1 of a life selected (underwritten, insured)
// at age x, for the first Period years after selection, and the ultimate rate
// q_{x+s} afterwards.
//
// Durations count whole years since selection: duration 0 is the first
// policy year, in which the life is aged x. For s ≥ Period the select effect
// has worn off and q_[x]+s = q_{x+s}, the ultimate table's rate at attained
// age x+s (1 above the ultimate table's MaxAge, as for any table).
//
// A select age's row may tabulate fewer durations than the period
// ([SelectTable.Durations]). Its rates beyond the last tabulated duration are
// the ultimate's at attained age (the select period of that age ends early;
// in the SOA tables this happens only past attained age 120, where q is 1).
// Its durations before the first tabulated one have no rate at all: the 2001
// CSO and VBT tables give select rates for issue ages 0–15 only from attained
// age 16, and asking for an earlier one is an error, as asking a [Table] for
// an age below its MinAge is.
//
// A SelectTable is immutable and safe for concurrent use. Its zero value is
// not usable; build one with [NewSelectTable] or read one with [ReadXTbML].
type SelectTable struct {
	minAge int       // the first select age
	period int       // the select period in years; durations 0..period-1 are select
	q      []float64 // q[i*period+s] = q_[minAge+i]+s, for first[i] ≤ s ≤ last[i]; other cells unused
	first  []int     // first[i]: the first tabulated duration of select age minAge+i
	last   []int     // last[i]: the last tabulated duration of select age minAge+i
	ult    *LifeTable
}

// NewSelectTable returns the select and ultimate table with q[i][s] the rate
// q_[x]+s of a life selected at age x = minSelectAge+i in duration s (0 is
// the first year), and ultimate the rates after the select period. The
// select period is the length of the longest row; a shorter row passes to
// the ultimate table after its last rate. Every row must hold at least one
// rate, every rate must lie in [0, 1], and the ultimate table must have a
// rate at the attained age where each row passes to it (x + len(q[i]), or
// any age above its MaxAge). The rates are copied.
//
// NewSelectTable panics if ultimate is nil.
func NewSelectTable(minSelectAge int, q [][]float64, ultimate *LifeTable) (*SelectTable, error) {
	if ultimate == nil {
		panic("mortality: NewSelectTable: nil ultimate table")
	}
	if minSelectAge < 0 {
		return nil, fmt.Errorf("mortality: NewSelectTable: minimum select age %d is negative", minSelectAge)
	}
	if len(q) == 0 {
		return nil, fmt.Errorf("mortality: NewSelectTable: %w", ErrEmpty)
	}
	period := 0
	for _, row := range q {
		period = max(period, len(row))
	}
	s := &SelectTable{
		minAge: minSelectAge,
		period: period,
		q:      make([]float64, len(q)*period),
		first:  make([]int, len(q)),
		last:   make([]int, len(q)),
		ult:    ultimate,
	}
	for i, row := range q {
		x := minSelectAge + i
		if len(row) == 0 {
			return nil, fmt.Errorf("mortality: NewSelectTable: select age %d: %w", x, ErrEmpty)
		}
		for d, v := range row {
			if err := checkRate(fmt.Sprintf("q_[%d]+%d", x, d), x+d, v); err != nil {
				return nil, err
			}
		}
		copy(s.q[i*period:], row)
		s.last[i] = len(row) - 1
		if hand := x + len(row); hand < ultimate.MinAge() {
			return nil, fmt.Errorf("mortality: NewSelectTable: select age %d passes to the ultimate table at age %d, below its first age %d: %w",
				x, hand, ultimate.MinAge(), ErrMissingAge)
		}
	}
	return s, nil
}

// Q returns q_[x]+s for a life selected at age selectAge, duration years ago
// (0 in the first year). From the end of the select period, and after the
// last duration tabulated for selectAge, it is the ultimate rate at attained
// age selectAge+duration.
//
// Q panics for a select age outside [SelectTable.SelectAges], a negative
// duration, or a duration before the first one tabulated for selectAge.
func (s *SelectTable) Q(selectAge, duration int) float64 {
	i := selectAge - s.minAge
	if uint(i) >= uint(len(s.first)) || duration < s.first[i] {
		s.panicQ(selectAge, duration)
	}
	if duration <= s.last[i] {
		return s.q[i*s.period+duration]
	}
	return s.ult.Q(selectAge + duration)
}

func (s *SelectTable) row(selectAge int) int {
	i := selectAge - s.minAge
	if i < 0 || i >= len(s.first) {
		panic(fmt.Sprintf("mortality: select age %d outside the table's select ages %d to %d",
			selectAge, s.minAge, s.minAge+len(s.first)-1))
	}
	return i
}

// panicQ reports a misuse of Q, out of Q's body so that Q can be inlined.
func (s *SelectTable) panicQ(selectAge, duration int) {
	i := s.row(selectAge)
	if duration < 0 {
		panic(fmt.Sprintf("mortality: negative duration %d", duration))
	}
	panic(fmt.Sprintf("mortality: select age %d has no rate at duration %d: its rates start at duration %d (attained age %d)",
		selectAge, duration, s.first[i], selectAge+s.first[i]))
}

// Period returns the select period in years: the number of durations the
// select rates cover. From duration Period on, every select age uses the
// ultimate rates.
func (s *SelectTable) Period() int { return s.period }

// SelectAges returns the first and last select ages.
func (s *SelectTable) SelectAges() (lo, hi int) { return s.minAge, s.minAge + len(s.first) - 1 }

// Durations returns the first and last durations with a select rate of
// their own for a life selected at selectAge: 0 and Period()−1 for a full
// row. It panics for a select age outside [SelectTable.SelectAges].
func (s *SelectTable) Durations(selectAge int) (first, last int) {
	i := s.row(selectAge)
	return s.first[i], s.last[i]
}

// Ultimate returns the ultimate table, whose rates apply after the select
// period.
func (s *SelectTable) Ultimate() *LifeTable { return s.ult }

// Life returns the one-dimensional table a life selected at selectAge lives
// through: q_[x], q_[x]+1, … to the end of its select rates, then the
// ultimate q_{x+s}, to the end of the ultimate table. Its MinAge is selectAge,
// or the first attained age with a rate when the row starts later (the 2001
// CSO juvenile issue ages); its MaxAge is the later of the last select and
// the last ultimate age.
//
// Use it to value a select life through the [Table] interface: the table's
// Q(selectAge+s) is Q(selectAge, s). Each call builds a new table (two
// slices of about 120 values); keep it for repeated use. Life panics for a
// select age outside [SelectTable.SelectAges].
func (s *SelectTable) Life(selectAge int) *LifeTable {
	i := s.row(selectAge)
	f, l := s.first[i], s.last[i]
	hand := selectAge + l + 1 // the attained age where the ultimate rates take over
	uq := s.ult.Rates()
	var tail []float64
	if k := hand - s.ult.MinAge(); k < len(uq) {
		tail = uq[k:] // k ≥ 0: checked when the table was built
	}
	q := make([]float64, 0, l-f+1+len(tail))
	q = append(q, s.q[i*s.period+f:i*s.period+l+1]...)
	q = append(q, tail...)
	return newTable(selectAge+f, q)
}
