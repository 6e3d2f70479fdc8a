// The XTbML reader's second pass: raw tables to life tables, select tables
// and improvement scales, checked against their metadata.

package mortality

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

func supportedContent() string {
	codes := []ContentType{ContentHealthyLives, ContentDisabledLives, ContentInsuredLives,
		ContentProjectionScale, ContentAnnuitant, ContentPopulation, ContentCSO}
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("%d (%s)", int(c), c)
	}
	return strings.Join(parts, ", ")
}

// axisKind is what an axis labels.
type axisKind int

func (k axisKind) String() string {
	return [...]string{"age", "duration", "year"}[k]
}

func (k axisKind) bounds() (lo, hi int) {
	switch k {
	case axisDuration:
		return 1, xtbmlMaxDuration
	case axisYear:
		return xtbmlMinYear, xtbmlMaxYear
	}
	return 0, xtbmlMaxAge
}

// kindOf classifies an axis by its id (or name): the SOA tables' ScaleType
// codes are not reliable (table 1118 calls its Age axis "Dates").
func kindOf(ax XTbMLAxis) (axisKind, bool) {
	for _, s := range []string{ax.ID, ax.Name} {
		s = strings.ToLower(strings.TrimSpace(s))
		switch {
		case s == "age" || s == "attained age" || s == "issue age":
			return axisAge, true
		case s == "duration":
			return axisDuration, true
		case strings.Contains(s, "year"):
			return axisYear, true
		}
	}
	return 0, false
}

// build checks the tables read against the content type and their metadata
// and makes the tables they form.
func (p *xtbmlParser) build() (*XTbML, error) {
	d := &p.doc
	if !p.ctSeen {
		return nil, p.errAt(p.endOff, "ContentType", "", fmt.Errorf("%w: the document has no <ContentType>", ErrContentType))
	}
	if len(p.tables) == 0 {
		return nil, p.errAt(p.endOff, "XTbML", "", fmt.Errorf("%w: the document has no <Table>", ErrEmpty))
	}
	kinds := make([][]axisKind, len(p.tables))
	for i, tb := range p.tables {
		k, err := p.checkMeta(tb)
		if err != nil {
			return nil, err
		}
		kinds[i] = k
		d.Tables = append(d.Tables, tb.meta)
	}
	layout := func(want string) error {
		got := make([]string, len(kinds))
		for i, k := range kinds {
			s := make([]string, len(k))
			for j, kk := range k {
				s[j] = kk.String()
			}
			got[i] = strings.Join(s, "×")
		}
		return p.errAt(p.tables[0].off, "Table", "", fmt.Errorf("%w: a %s document holds %s; found tables by %s",
			ErrContentType, d.ContentType, want, strings.Join(got, ", then ")))
	}
	is := func(i int, k ...axisKind) bool {
		if len(kinds[i]) != len(k) {
			return false
		}
		for j := range k {
			if kinds[i][j] != k[j] {
				return false
			}
		}
		return true
	}
	if d.ContentType == ContentProjectionScale {
		switch {
		case len(kinds) == 1 && is(0, axisAge):
			s, err := p.ageScale(p.tables[0])
			if err != nil {
				return nil, err
			}
			d.scale = s
		case len(kinds) == 1 && is(0, axisAge, axisYear):
			s, err := p.ageYearScale(p.tables[0])
			if err != nil {
				return nil, err
			}
			d.scale = s
		default:
			return nil, layout("one table of improvement rates by age, or by age×year")
		}
		return d, nil
	}
	switch {
	case len(kinds) == 1 && is(0, axisAge):
		u, err := p.ultimate(p.tables[0])
		if err != nil {
			return nil, err
		}
		d.Ultimate = u
	case len(kinds) == 2 && is(0, axisAge, axisDuration) && is(1, axisAge):
		u, err := p.ultimate(p.tables[1])
		if err != nil {
			return nil, err
		}
		s, err := p.selectTable(p.tables[0], u)
		if err != nil {
			return nil, err
		}
		d.Select, d.Ultimate = s, u
	default:
		return nil, layout("one table by age, or a select table by age×duration then an ultimate table by age")
	}
	return d, nil
}

// checkMeta checks a table's axes and that its values nest as deep as it has
// axes, and returns what each axis labels.
func (p *xtbmlParser) checkMeta(tb *rawTable) ([]axisKind, error) {
	axes := tb.meta.Axes
	if len(axes) == 0 || len(axes) > 2 {
		return nil, p.errAt(tb.off, "MetaData", strconv.Itoa(len(axes)),
			fmt.Errorf("%w: %d AxisDef elements; tables have one or two axes", ErrShape, len(axes)))
	}
	kinds := make([]axisKind, len(axes))
	for i, ax := range axes {
		off := tb.axisOffs[i]
		k, ok := kindOf(ax)
		if !ok {
			return nil, p.errAt(off, "AxisDef", ax.ID, fmt.Errorf("%w: an axis that is neither age, duration nor year", ErrContentType))
		}
		switch {
		case !tb.hasMin[i]:
			return nil, p.errAt(off, "MinScaleValue", ax.ID, fmt.Errorf("%w: axis without MinScaleValue", ErrShape))
		case !tb.hasMax[i]:
			return nil, p.errAt(off, "MaxScaleValue", ax.ID, fmt.Errorf("%w: axis without MaxScaleValue", ErrShape))
		}
		lo, hi := k.bounds()
		if ax.Min < lo || ax.Max > hi || ax.Min > ax.Max {
			return nil, p.errAt(off, "AxisDef", fmt.Sprintf("%s %d to %d", ax.ID, ax.Min, ax.Max),
				fmt.Errorf("%w: %s axis must run upwards within %d to %d", ErrShape, k, lo, hi))
		}
		kinds[i] = k
	}
	if tb.depth == 0 {
		return nil, p.errAt(tb.off, "Values", "", fmt.Errorf("%w: table without values", ErrEmpty))
	}
	if tb.depth != len(axes) {
		return nil, p.errAt(tb.valOff, "Values", "", fmt.Errorf("%w: the metadata declares %d axes but the values nest %d deep", ErrShape, len(axes), tb.depth))
	}
	if tb.depth == 1 && len(tb.rows) != 1 {
		return nil, p.errAt(tb.rows[min(1, len(tb.rows)-1)].off, "Axis", "", fmt.Errorf("%w: a table by one axis holds one <Axis>, not %d", ErrShape, len(tb.rows)))
	}
	return kinds, nil
}

// checkLabels checks that labels run from ax.Min to ax.Max once each, in
// order. label(i) is the i-th label of n, at offset offOf(i); end is the
// offset of the closing tag, for a missing last label. what names a label in
// messages ("age", "duration of select age 40").
func (p *xtbmlParser) checkLabels(ax XTbMLAxis, field string, what func() string, n int, label func(int) int, offOf func(int) int64, end int64) error {
	want := ax.Min
	for i := 0; i < n; i++ {
		t := label(i)
		if t == want && t <= ax.Max {
			want++
			continue
		}
		off, val := offOf(i), "t="+strconv.Itoa(t)
		switch {
		case t > ax.Max || t < ax.Min:
			return p.errAt(off, field, val, fmt.Errorf("%w: %s %d outside %s's %d to %d", ErrShape, what(), t, ax.ID, ax.Min, ax.Max))
		case t < want:
			return p.errAt(off, field, val, fmt.Errorf("%w: %s %d given twice", ErrDuplicate, what(), t))
		default:
			return p.errAt(off, field, val, fmt.Errorf("%w: %s %d missing before %d", ErrMissingAge, what(), want, t))
		}
	}
	if want <= ax.Max {
		return p.errAt(end, field, "", fmt.Errorf("%w: %s %d to %d missing (%s runs to %d)", ErrMissingAge, what(), want, ax.Max, ax.ID, ax.Max))
	}
	return nil
}

// vector checks a table by one axis and returns its values, scaled.
func (p *xtbmlParser) vector(tb *rawTable, check func(age int, v float64) error) ([]float64, error) {
	r := tb.rows[0]
	cells := tb.cells[r.start:r.lim]
	ax := tb.meta.Axes[0]
	err := p.checkLabels(ax, "Y", func() string { return "age" }, len(cells),
		func(i int) int { return cells[i].t }, func(i int) int64 { return cells[i].off }, r.end)
	if err != nil {
		return nil, err
	}
	scale := math.Pow10(tb.meta.ScalingFactor)
	v := make([]float64, len(cells))
	for i, c := range cells {
		if c.blank {
			return nil, p.errAt(c.off, "Y", fmt.Sprintf("t=%d", c.t), fmt.Errorf("%w: age %d has no value", ErrMissingAge, c.t))
		}
		v[i] = c.v / scale
		if err := check(c.t, v[i]); err != nil {
			return nil, p.errAt(c.off, "Y", strconv.FormatFloat(c.v, 'g', -1, 64), err)
		}
	}
	return v, nil
}

func checkQ(age int, v float64) error {
	if v < 0 || v > 1 {
		return fmt.Errorf("%w: q at age %d is %v", ErrRate, age, v)
	}
	return nil
}

func checkAA(age int, v float64) error {
	if v <= -1 || v >= 1 {
		return fmt.Errorf("%w: improvement at age %d is %v, outside (−1, 1)", ErrRate, age, v)
	}
	return nil
}

func (p *xtbmlParser) ultimate(tb *rawTable) (*LifeTable, error) {
	q, err := p.vector(tb, checkQ)
	if err != nil {
		return nil, err
	}
	return newTable(tb.meta.Axes[0].Min, q), nil
}

func (p *xtbmlParser) ageScale(tb *rawTable) (*AgeScale, error) {
	aa, err := p.vector(tb, checkAA)
	if err != nil {
		return nil, err
	}
	return &AgeScale{minAge: tb.meta.Axes[0].Min, rates: aa}, nil
}

// grid checks a table by two axes: rows labelled ax0.Min..ax0.Max, each with
// cells labelled ax1.Min..ax1.Max.
func (p *xtbmlParser) grid(tb *rawTable, what0, what1 string) error {
	ax0, ax1 := tb.meta.Axes[0], tb.meta.Axes[1]
	err := p.checkLabels(ax0, "Axis", func() string { return what0 }, len(tb.rows),
		func(i int) int { return tb.rows[i].t }, func(i int) int64 { return tb.rows[i].off }, p.endOfValues(tb))
	if err != nil {
		return err
	}
	for _, r := range tb.rows {
		cells := tb.cells[r.start:r.lim]
		err := p.checkLabels(ax1, "Y", func() string { return fmt.Sprintf("%s of %s %d", what1, what0, r.t) }, len(cells),
			func(i int) int { return cells[i].t }, func(i int) int64 { return cells[i].off }, r.end)
		if err != nil {
			return err
		}
	}
	return nil
}

// endOfValues is the offset of the last row's end, for a missing last row.
func (p *xtbmlParser) endOfValues(tb *rawTable) int64 {
	if n := len(tb.rows); n > 0 {
		return tb.rows[n-1].end
	}
	return tb.valOff
}

func (p *xtbmlParser) ageYearScale(tb *rawTable) (*AgeYearScale, error) {
	if err := p.grid(tb, "age", "year"); err != nil {
		return nil, err
	}
	scale := math.Pow10(tb.meta.ScalingFactor)
	ny := tb.meta.Axes[1].Max - tb.meta.Axes[1].Min + 1
	flat := make([]float64, 0, len(tb.rows)*ny)
	for _, r := range tb.rows {
		for _, c := range tb.cells[r.start:r.lim] {
			if c.blank {
				return nil, p.errAt(c.off, "Y", fmt.Sprintf("t=%d", c.t), fmt.Errorf("%w: age %d has no value in year %d", ErrMissingAge, r.t, c.t))
			}
			v := c.v / scale
			if err := checkAA(r.t, v); err != nil {
				return nil, p.errAt(c.off, "Y", strconv.FormatFloat(c.v, 'g', -1, 64), err)
			}
			flat = append(flat, v)
		}
	}
	return &AgeYearScale{minAge: tb.meta.Axes[0].Min, nAges: len(tb.rows), minYear: tb.meta.Axes[1].Min, nYears: ny, rates: flat}, nil
}

func (p *xtbmlParser) selectTable(tb *rawTable, ult *LifeTable) (*SelectTable, error) {
	ax1 := tb.meta.Axes[1]
	if ax1.Min != 1 {
		return nil, p.errAt(tb.axisOffs[1], "MinScaleValue", strconv.Itoa(ax1.Min),
			fmt.Errorf("%w: select durations must start at 1, the first policy year", ErrShape))
	}
	if err := p.grid(tb, "select age", "duration"); err != nil {
		return nil, err
	}
	scale := math.Pow10(tb.meta.ScalingFactor)
	period := ax1.Max
	s := &SelectTable{
		minAge: tb.meta.Axes[0].Min,
		period: period,
		q:      make([]float64, len(tb.rows)*period),
		first:  make([]int, len(tb.rows)),
		last:   make([]int, len(tb.rows)),
		ult:    ult,
	}
	for i, r := range tb.rows {
		cells := tb.cells[r.start:r.lim]
		f, l := 0, len(cells)-1
		for f <= l && cells[f].blank {
			f++
		}
		for l >= f && cells[l].blank {
			l--
		}
		if f > l {
			return nil, p.errAt(r.off, "Axis", fmt.Sprintf("t=%d", r.t), fmt.Errorf("%w: select age %d has no rates", ErrEmpty, r.t))
		}
		for d := f; d <= l; d++ {
			c := cells[d]
			if c.blank {
				return nil, p.errAt(c.off, "Y", fmt.Sprintf("t=%d", c.t),
					fmt.Errorf("%w: select age %d has no rate at duration %d, between durations with rates", ErrMissingAge, r.t, c.t))
			}
			v := c.v / scale
			if v < 0 || v > 1 {
				return nil, p.errAt(c.off, "Y", strconv.FormatFloat(c.v, 'g', -1, 64),
					fmt.Errorf("%w: q_[%d]+%d is %v", ErrRate, r.t, d, v))
			}
			s.q[i*period+d] = v
		}
		s.first[i], s.last[i] = f, l
		if hand := r.t + l + 1; hand < ult.MinAge() {
			return nil, p.errAt(r.off, "Axis", fmt.Sprintf("t=%d", r.t),
				fmt.Errorf("%w: select age %d passes to the ultimate table at age %d, below its first age %d", ErrMissingAge, r.t, hand, ult.MinAge()))
		}
	}
	return s, nil
}
