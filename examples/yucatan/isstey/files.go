// The census files: monthly amounts, as a Mexican payroll extract gives
// them.

package isstey

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/shopspring/decimal"
)

// The file names of a census directory.
const (
	ActivesFile    = "actives.csv"
	PensionersFile = "pensioners.csv"
)

// Options are the [census.CensusOptions] that read the files: ISO dates,
// canonical sex codes (male, female), monthly salaries and pensions (MXN;
// twelve a year; the 40-day year-end bonus is not in the amounts, the
// rules add it).
func Options(file string) census.CensusOptions {
	return census.CensusOptions{File: file, SalaryPaymentsPerYear: 12, PensionPaymentsPerYear: 12}
}

var twelve = decimal.NewFromInt(12)

// monthly returns an annual amount as the monthly amount it is twelve
// times, with two decimals.
func monthly(annual decimal.Decimal) string {
	return annual.DivRound(twelve, 2).StringFixed(2)
}

func isoDate(d time.Time) string { return d.Format(census.ISODate) }

// WriteActives writes actives as CSV with the header
// id,sex,birth_date,entry_date,salary: ISO dates, canonical sex codes and
// monthly salaries (the annual salary over 12, to the cent). Records need
// their birth and entry dates.
func WriteActives(w io.Writer, actives []census.Active) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "sex", "birth_date", "entry_date", "salary"})
	for i := range actives {
		a := &actives[i]
		if a.BirthDate.IsZero() || a.EntryDate.IsZero() {
			return fmt.Errorf("isstey: active %s has no birth or entry date", a.ID)
		}
		_ = cw.Write([]string{a.ID, a.Sex.String(), isoDate(a.BirthDate), isoDate(a.EntryDate), monthly(a.Salary)})
	}
	cw.Flush()
	return cw.Error()
}

// WritePensioners writes pensioners as CSV with the header
// id,sex,birth_date,type,pension, as [WriteActives] writes actives: monthly
// pensions.
func WritePensioners(w io.Writer, pensioners []census.Pensioner) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "sex", "birth_date", "type", "pension"})
	for i := range pensioners {
		p := &pensioners[i]
		if p.BirthDate.IsZero() {
			return fmt.Errorf("isstey: pensioner %s has no birth date", p.ID)
		}
		_ = cw.Write([]string{p.ID, p.Sex.String(), isoDate(p.BirthDate), p.Type.String(), monthly(p.Pension)})
	}
	cw.Flush()
	return cw.Error()
}

// WriteCensus writes the census to dir/actives.csv and dir/pensioners.csv,
// creating dir if need be.
func WriteCensus(dir string, c *census.Census) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write := func(name string, f func(io.Writer) error) error {
		out, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		if err := f(out); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	}
	if err := write(ActivesFile, func(w io.Writer) error { return WriteActives(w, c.Actives) }); err != nil {
		return err
	}
	return write(PensionersFile, func(w io.Writer) error { return WritePensioners(w, c.Pensioners) })
}

// ReadCensus reads the census of 1 January 2022 from dir/actives.csv and
// dir/pensioners.csv (the repository's testdata/isstey). Amounts come back
// annual. Errors name the file, line, field and value.
func ReadCensus(dir string) (*census.Census, error) {
	c := &census.Census{Year: CensusYear}
	read := func(name string, f func(io.Reader, census.CensusOptions) error) error {
		in, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer in.Close()
		return f(in, Options(name))
	}
	errA := read(ActivesFile, func(r io.Reader, o census.CensusOptions) (err error) {
		c.Actives, err = census.ReadActives(r, CensusYear, o)
		return err
	})
	errP := read(PensionersFile, func(r io.Reader, o census.CensusOptions) (err error) {
		c.Pensioners, err = census.ReadPensioners(r, CensusYear, o)
		return err
	})
	if err := errors.Join(errA, errP); err != nil {
		return nil, err
	}
	return c, nil
}
