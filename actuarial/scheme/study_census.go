// A study's census: CSV files or inline cells.

package scheme

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
)

func (b *builder) census(path string, d *censusDoc, g *Group, year int) error {
	if err := b.money(path+".currency", d.Currency); err != nil {
		return err
	}
	if d.MaxService < 0 || d.MaxService > actuarial.AgeLimit {
		return b.fail(path+".max_service", d.MaxService, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, actuarial.AgeLimit))
	}
	if d.Actives != "" && len(d.ActiveCells) > 0 {
		return b.fail(path+".active_cells", nil, errors.New("give actives or active_cells, not both"))
	}
	if d.Pensioners != "" && len(d.PensionerCells) > 0 {
		return b.fail(path+".pensioner_cells", nil, errors.New("give pensioners or pensioner_cells, not both"))
	}
	opt := census.CensusOptions{}
	if o := d.Options; o != nil {
		if d.Actives == "" && d.Pensioners == "" {
			return b.fail(path+".options", nil, errors.New("options without a file to read"))
		}
		if o.Comma != "" {
			c, n := utf8.DecodeRuneInString(o.Comma)
			if n != len(o.Comma) || c == utf8.RuneError || c == '"' || c == '\r' || c == '\n' {
				return b.fail(path+".options.comma", fmt.Sprintf("%q", o.Comma), errors.New("want one character"))
			}
			opt.Comma = c
		}
		opt.DateLayout = o.DateLayout
		sc, err := b.enum(path+".options.sex_codes", o.SexCodes, sexCodeNames[:], true)
		if err != nil {
			return err
		}
		opt.SexCodes = actuarial.SexCodes(sc)
		opt.MinEntryAge = o.MinEntryAge
		for _, f := range []struct {
			name string
			v    int
		}{{"salary_payments_per_year", o.SalaryPaymentsPerYear}, {"pension_payments_per_year", o.PensionPaymentsPerYear}} {
			if f.v < 0 || f.v > 366 {
				return b.fail(path+".options."+f.name, f.v, fmt.Errorf("%w: want 0..366", actuarial.ErrRange))
			}
		}
		opt.SalaryPaymentsPerYear, opt.PensionPaymentsPerYear = o.SalaryPaymentsPerYear, o.PensionPaymentsPerYear
	}
	read := func(field, name string, f func(io.Reader, census.CensusOptions) error) error {
		in, full, err := b.open(path+"."+field, name)
		if err != nil {
			return err
		}
		defer in.Close()
		o := opt
		o.File = full
		return f(in, o)
	}
	if d.Actives != "" || len(d.ActiveCells) > 0 {
		g.Actives = &census.ActiveCells{MaxService: d.MaxService}
	}
	if d.Actives != "" {
		err := read("actives", d.Actives, func(r io.Reader, o census.CensusOptions) error {
			as, err := census.ReadActives(r, year, o)
			if err != nil {
				return err
			}
			_, err = census.GroupActives(g.Actives, as)
			return err
		})
		if err != nil {
			return err
		}
	}
	if len(d.ActiveCells) > 0 {
		a := g.Actives
		a.Count, a.Salary = make([]float64, a.Len()), make([]float64, a.Len())
		for i, c := range d.ActiveCells {
			cp := fmt.Sprintf("%s.active_cells[%d]", path, i)
			sx, err := b.sex(cp+".sex", c.Sex)
			if err != nil {
				return err
			}
			if c.Age < 0 || c.Age > census.MaxCensusAge {
				return b.fail(cp+".age", c.Age, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			if c.Service < 0 || c.Service > a.LastService() {
				return b.fail(cp+".service", c.Service, fmt.Errorf("%w: want 0..%d (max_service)", actuarial.ErrRange, a.LastService()))
			}
			if err := b.cell(cp, c.Count, c.Salary, "salary"); err != nil {
				return err
			}
			k := a.Index(sx, c.Age, c.Service)
			if a.Count[k] != 0 || a.Salary[k] != 0 {
				return b.fail(cp, nil, errors.New("cell given twice"))
			}
			a.Count[k], a.Salary[k] = c.Count, c.Salary
		}
	}
	if d.Pensioners != "" || len(d.PensionerCells) > 0 {
		g.Pensioners = &census.PensionerCells{}
	}
	if d.Pensioners != "" {
		err := read("pensioners", d.Pensioners, func(r io.Reader, o census.CensusOptions) error {
			ps, err := census.ReadPensioners(r, year, o)
			if err != nil {
				return err
			}
			_, err = census.GroupPensioners(g.Pensioners, ps)
			return err
		})
		if err != nil {
			return err
		}
	}
	if len(d.PensionerCells) > 0 {
		p := g.Pensioners
		p.Count, p.Pension = make([]float64, p.Len()), make([]float64, p.Len())
		for i, c := range d.PensionerCells {
			cp := fmt.Sprintf("%s.pensioner_cells[%d]", path, i)
			ty, err := b.enum(cp+".type", c.Type, pensionNames[:], false)
			if err != nil {
				return err
			}
			sx, err := b.sex(cp+".sex", c.Sex)
			if err != nil {
				return err
			}
			if c.Age < 0 || c.Age > census.MaxCensusAge {
				return b.fail(cp+".age", c.Age, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			if err := b.cell(cp, c.Count, c.Pension, "pension"); err != nil {
				return err
			}
			k := p.Index(census.PensionTypeAt(ty), sx, c.Age)
			if p.Count[k] != 0 || p.Pension[k] != 0 {
				return b.fail(cp, nil, errors.New("cell given twice"))
			}
			p.Count[k], p.Pension[k] = c.Count, c.Pension
		}
	}
	return nil
}

func (b *builder) cell(path string, count, amount float64, name string) error {
	if count < 0 || count > census.MaxCensusAmount {
		return b.fail(path+".count", count, fmt.Errorf("%w: want 0..%g", actuarial.ErrRange, census.MaxCensusAmount))
	}
	if amount < 0 || amount > census.MaxCensusAmount {
		return b.fail(path+"."+name, amount, fmt.Errorf("%w: want 0..%g", actuarial.ErrRange, census.MaxCensusAmount))
	}
	return nil
}

// pensionNames names every pension type, in the order of its index.
var _ = [1]int{}[len(pensionNames)-census.NumPensionTypes]
