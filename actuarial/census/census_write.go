// Writing a census back to CSV, in the canonical columns the readers accept.

package census

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"
)

// WriteActives writes actives as CSV with the header
// id,sex,birth_date,age,entry_date,service,salary: ISO dates (empty when
// zero), canonical sex codes, annual salaries exactly as held.
// [ReadActives] with zero options reads back the same records (but for
// Line). Records are written as they are, valid or not.
func WriteActives(w io.Writer, actives []Active) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "sex", "birth_date", "age", "entry_date", "service", "salary"})
	rec := make([]string, 7)
	for i := range actives {
		a := &actives[i]
		rec[0], rec[1], rec[2], rec[3] = a.ID, a.Sex.String(), isoDate(a.BirthDate), strconv.Itoa(a.Age)
		rec[4], rec[5], rec[6] = isoDate(a.EntryDate), strconv.Itoa(a.Service), a.Salary.String()
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WritePensioners writes pensioners as CSV with the header
// id,sex,birth_date,age,type,pension, as [WriteActives] writes actives.
func WritePensioners(w io.Writer, pensioners []Pensioner) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "sex", "birth_date", "age", "type", "pension"})
	rec := make([]string, 6)
	for i := range pensioners {
		p := &pensioners[i]
		rec[0], rec[1], rec[2], rec[3] = p.ID, p.Sex.String(), isoDate(p.BirthDate), strconv.Itoa(p.Age)
		rec[4], rec[5] = p.Type.String(), p.Pension.String()
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCensus writes actives then pensioners to one CSV file with the header
// id,sex,birth_date,age,type,entry_date,service,salary,pension, type
// "active" for actives, which [ReadCensus] reads back.
func WriteCensus(w io.Writer, c *Census) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "sex", "birth_date", "age", "type", "entry_date", "service", "salary", "pension"})
	rec := make([]string, 9)
	for i := range c.Actives {
		a := &c.Actives[i]
		rec[0], rec[1], rec[2], rec[3], rec[4] = a.ID, a.Sex.String(), isoDate(a.BirthDate), strconv.Itoa(a.Age), "active"
		rec[5], rec[6], rec[7], rec[8] = isoDate(a.EntryDate), strconv.Itoa(a.Service), a.Salary.String(), ""
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	for i := range c.Pensioners {
		p := &c.Pensioners[i]
		rec[0], rec[1], rec[2], rec[3], rec[4] = p.ID, p.Sex.String(), isoDate(p.BirthDate), strconv.Itoa(p.Age), p.Type.String()
		rec[5], rec[6], rec[7], rec[8] = "", "", "", p.Pension.String()
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(ISODate)
}
