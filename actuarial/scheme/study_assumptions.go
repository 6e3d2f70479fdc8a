// A study's assumptions: mortality (files, laws, improvement), service
// tables and the rest.

package scheme

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/mortality"
)

func (b *builder) byAge(d *byAgeDoc) actuarial.ByAge {
	if d == nil {
		return actuarial.ByAge{}
	}
	return actuarial.ByAge{MinAge: d.MinAge, Values: d.Values}
}

func (b *builder) assumptions(path string, d *assumptionsDoc, a *Assumptions) error {
	for st, m := range []*bySexDoc[tableDoc]{d.Mortality.Active, d.Mortality.Retired, d.Mortality.Disabled, d.Mortality.Survivor} {
		if m == nil {
			continue
		}
		mp := path + ".mortality." + statusNames[st]
		by, err := bySex(b, mp, m)
		if err != nil {
			return err
		}
		var both YearTable
		for sx, td := range by {
			sp := mp + "." + sexNames[sx]
			if m.Both != nil {
				if both != nil {
					a.Mortality[st][sx] = both
					continue
				}
				sp = mp + ".both"
			}
			t, err := b.table(sp, td)
			if err != nil {
				return err
			}
			a.Mortality[st][sx], both = t, t
		}
	}
	if d.Decrements != nil {
		by, err := bySex(b, path+".decrements", d.Decrements)
		if err != nil {
			return err
		}
		for sx, td := range by {
			sp := path + ".decrements." + sexNames[sx]
			if d.Decrements.Both != nil {
				if sx > 0 {
					a.Decrements[sx] = a.Decrements[0]
					continue
				}
				sp = path + ".decrements.both"
			}
			if a.Decrements[sx], err = b.serviceTable(sp, td); err != nil {
				return err
			}
		}
	}
	if d.Retirement != nil {
		by, err := bySex(b, path+".retirement", d.Retirement)
		if err != nil {
			return err
		}
		for sx, r := range by {
			a.Retirement[sx] = RetirementRates{Full: b.byAge(r.Full), Reduced: b.byAge(r.Reduced)}
		}
	}
	rt, err := b.enum(path+".retirement_timing", d.RetirementTiming, retTimingNames[:], true)
	if err != nil {
		return err
	}
	a.RetirementTiming = RetirementTiming(rt)
	if s := d.Salary; s != nil {
		a.Salary = actuarial.SalaryScale{MinAge: s.MinAge, ByAge: s.ByAge, ByService: s.ByService}
	}
	a.WageGrowth = d.WageGrowth.Schedule()
	a.Inflation = d.Inflation.Schedule()
	a.Return = d.Return.Schedule()
	if u := d.Unit; u != nil {
		if err := b.money(path+".unit.currency", u.Currency); err != nil {
			return err
		}
		a.Unit = u.PerYear
		a.UnitGrowth = u.Growth.Schedule()
	}
	if e := d.Entrants; e != nil {
		mode, err := b.enum(path+".entrants.mode", e.Mode, entrantNames[:], false)
		if err != nil {
			return err
		}
		a.Entrants = Entrants{Mode: EntrantMode(mode), Count: e.Count.Schedule(), Growth: e.Growth.Schedule()}
		if len(e.Profile) > 0 {
			if err := b.money(path+".entrants.currency", e.Currency); err != nil {
				return err
			}
		}
		for i, p := range e.Profile {
			sx, err := b.sex(fmt.Sprintf("%s.entrants.profile[%d].sex", path, i), p.Sex)
			if err != nil {
				return err
			}
			a.Entrants.Profile = append(a.Entrants.Profile, EntrantProfile{Sex: sx, Age: p.Age, Weight: p.Weight, Salary: p.Salary})
		}
	}
	if f := d.Family; f != nil {
		for _, m := range []struct {
			name string
			d    *bySexDoc[byAgeDoc]
			dst  *[actuarial.NumSexes]actuarial.ByAge
		}{{"married", f.Married, &a.Family.Married}, {"orphans", f.Orphans, &a.Family.Orphans}, {"orphan_age", f.OrphanAge, &a.Family.OrphanAge}, {"remarriage", f.Remarriage, &a.Family.Remarriage}} {
			if m.d == nil {
				continue
			}
			by, err := bySex(b, path+".family."+m.name, m.d)
			if err != nil {
				return err
			}
			for sx, v := range by {
				m.dst[sx] = b.byAge(v)
			}
		}
		var err error
		if a.Family.AgeGap, err = b.ints(path+".family.age_gap", f.AgeGap, -census.MaxCensusAge, census.MaxCensusAge); err != nil {
			return err
		}
		a.Family.OrphanEndAge = f.OrphanEndAge
	}
	return nil
}

// table builds a mortality table: a file, a law or rates inline, improved
// when the document says so.
func (b *builder) table(path string, d *tableDoc) (YearTable, error) {
	sources := 0
	for _, set := range []bool{d.File != "", d.Law != "", d.Q != nil} {
		if set {
			sources++
		}
	}
	if sources != 1 {
		return nil, b.fail(path, nil, errors.New(`give exactly one of "file", "law" and "q"`))
	}
	var t *mortality.LifeTable
	var err error
	switch {
	case d.File != "":
		t, err = b.tableFile(path, d)
	case d.Law != "":
		t, err = b.law(path, d)
	default:
		if d.MinAge < 0 || d.MinAge > actuarial.AgeLimit {
			return nil, b.fail(path+".min_age", d.MinAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
		}
		if t, err = mortality.NewTable(d.MinAge, d.Q); err != nil {
			err = b.fail(path+".q", nil, err)
		}
	}
	if err != nil {
		return nil, err
	}
	im := d.Improvement
	if im == nil {
		return PeriodTable{Table: t}, nil
	}
	ip := path + ".improvement"
	if im.BaseYear < 1800 || im.BaseYear > 3000 {
		return nil, b.fail(ip+".base_year", im.BaseYear, fmt.Errorf("%w: want a calendar year", actuarial.ErrRange))
	}
	var scale mortality.Scale
	switch {
	case im.File != "" && im.Rates == nil:
		f, _, err := b.open(ip+".file", im.File)
		if err != nil {
			return nil, err
		}
		x, err := mortality.ReadXTbML(f)
		f.Close()
		if err != nil {
			return nil, b.fail(ip+".file", im.File, err)
		}
		if scale, err = x.Scale(); err != nil {
			return nil, b.fail(ip+".file", im.File, err)
		}
	case im.File == "" && im.Rates != nil:
		s, err := mortality.NewAgeScale(im.MinAge, im.Rates)
		if err != nil {
			return nil, b.fail(ip+".rates", nil, err)
		}
		scale = s
	default:
		return nil, b.fail(ip, nil, errors.New(`give "file" or "rates"`))
	}
	g, err := mortality.NewImproved(t, im.BaseYear, scale)
	if err != nil {
		return nil, b.fail(ip, nil, err)
	}
	return g, nil
}

func (b *builder) tableFile(path string, d *tableDoc) (*mortality.LifeTable, error) {
	format := d.Format
	name := d.File
	if format == "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
		if format == "xml" {
			format = "xtbml"
		}
	}
	f, _, err := b.open(path+".file", d.File)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch format {
	case "csv":
		ts, err := mortality.ReadCSV(f)
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		t, ok := ts.Table(d.Column)
		if !ok {
			return nil, b.fail(path+".column", fmt.Sprintf("%q", d.Column), fmt.Errorf("no such column; the file has %s", strings.Join(ts.Names, ", ")))
		}
		return t, nil
	case "xtbml":
		x, err := mortality.ReadXTbML(f)
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		if x.Ultimate == nil {
			return nil, b.fail(path+".file", d.File, errors.New("the document holds no ultimate table"))
		}
		return x.Ultimate, nil
	case "hmd":
		h, err := mortality.ReadHMD(f)
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		y, ok := h.Year(d.Year)
		if !ok {
			return nil, b.fail(path+".year", d.Year, errors.New("no table of that year in the file"))
		}
		return y.Table, nil
	}
	return nil, b.fail(path+".format", fmt.Sprintf("%q", format), errors.New("want csv, xtbml or hmd"))
}

func (b *builder) law(path string, d *tableDoc) (*mortality.LifeTable, error) {
	var law mortality.Law
	switch d.Law {
	case "makeham":
		law = mortality.Makeham{A: d.A, B: d.B, C: d.C}
	case "gompertz":
		if d.A != 0 {
			return nil, b.fail(path+".a", d.A, errors.New("Gompertz's law has no a"))
		}
		law = mortality.Gompertz{B: d.B, C: d.C}
	default:
		return nil, b.fail(path+".law", fmt.Sprintf("%q", d.Law), errors.New("want makeham or gompertz"))
	}
	if d.MinAge < 0 || d.MaxAge < d.MinAge || d.MaxAge > actuarial.AgeLimit {
		return nil, b.fail(path+".max_age", d.MaxAge, fmt.Errorf("%w: want min_age ≤ max_age ≤ %d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	t, err := mortality.FromLaw(law, d.MinAge, d.MaxAge)
	if err != nil {
		return nil, b.fail(path, nil, err)
	}
	return t, nil
}

func (b *builder) serviceTable(path string, d *serviceTableDoc) (*actuarial.ServiceTable, error) {
	var opt actuarial.DecrementOptions
	i, err := b.enum(path+".basis", d.Basis, basisNames[:], true)
	if err != nil {
		return nil, err
	}
	opt.Basis = actuarial.RateBasis(i)
	if i, err = b.enum(path+".assumption", d.Assumption, udAssumptNames[:], true); err != nil {
		return nil, err
	}
	opt.Assumption = actuarial.Assumption(i)
	if i, err = b.enum(path+".retirement", d.Retirement, timingNames[:], true); err != nil {
		return nil, err
	}
	opt.Retirement = actuarial.RetirementTiming(i)
	if (d.File == "") == (d.Rates == nil) {
		return nil, b.fail(path, nil, errors.New(`give "file" or "rates"`))
	}
	if d.File != "" {
		f, _, err := b.open(path+".file", d.File)
		if err != nil {
			return nil, err
		}
		t, err := actuarial.ReadServiceTable(f, opt)
		f.Close()
		if err != nil {
			return nil, b.fail(path+".file", d.File, err)
		}
		return t, nil
	}
	if d.MinAge < 0 || d.MinAge > actuarial.AgeLimit {
		return nil, b.fail(path+".min_age", d.MinAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	if d.MaxService < 0 || d.MaxService > actuarial.AgeLimit {
		return nil, b.fail(path+".max_service", d.MaxService, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	rates := [actuarial.NumDecrements][]float64{d.Rates.Death, d.Rates.Disability, d.Rates.Withdrawal, d.Rates.Retirement,
		d.Rates.WorkDeath, d.Rates.WorkDisability}
	n := -1
	for j, r := range rates {
		if r == nil {
			continue
		}
		if len(r) == 0 || len(r)%(d.MaxService+1) != 0 || (n >= 0 && len(r) != n) || len(r)/(d.MaxService+1) > actuarial.AgeLimit+1-d.MinAge {
			return nil, b.fail(fmt.Sprintf("%s.rates.%s", path, actuarial.Decrement(j)), len(r),
				fmt.Errorf("%w: want the same number of rates in every column, a multiple of max_service+1 = %d, within ages ≤ %d", actuarial.ErrRange, d.MaxService+1, actuarial.AgeLimit))
		}
		n = len(r)
	}
	if n < 0 {
		return nil, b.fail(path+".rates", nil, fmt.Errorf("%w: no column of rates", ErrRequired))
	}
	t, err := actuarial.NewServiceTable(d.MinAge, d.MaxService, rates, opt)
	if err != nil {
		return nil, b.fail(path+".rates", nil, err)
	}
	return t, nil
}
