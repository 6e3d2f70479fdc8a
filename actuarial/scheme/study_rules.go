// A study's groups and rules, from their JSON documents.

package scheme

import (
	"errors"
	"fmt"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
)

func (b *builder) group(path string, d *groupDoc, g *Group, startYear int) error {
	g.Name = d.Name
	if len(d.Rules) == 0 {
		return b.fail(path+".rules", nil, ErrRequired)
	}
	g.Rules = make([]Rules, len(d.Rules))
	for i := range d.Rules {
		if err := b.rules(fmt.Sprintf("%s.rules[%d]", path, i), &d.Rules[i], &g.Rules[i]); err != nil {
			return err
		}
	}
	if d.Census != nil {
		return b.census(path+".census", d.Census, g, startYear)
	}
	return nil
}

func (b *builder) limit(path string, d *limitDoc) (actuarial.Limit, error) {
	if d == nil {
		return actuarial.Limit{}, nil
	}
	if d.PerYear != 0 {
		if err := b.money(path+".currency", d.Currency); err != nil {
			return actuarial.Limit{}, err
		}
	} else if d.Currency != "" {
		return actuarial.Limit{}, b.fail(path+".currency", d.Currency, errors.New("a currency without per_year"))
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"units", d.Units}, {"per_year", d.PerYear}} {
		if f.v < 0 {
			return actuarial.Limit{}, b.fail(path+"."+f.name, f.v, fmt.Errorf("%w: a limit must not be negative", actuarial.ErrRange))
		}
	}
	return actuarial.Limit{Money: d.PerYear, Units: d.Units}, nil
}

func (b *builder) formula(path string, d *formulaDoc) (actuarial.Formula, error) {
	var f actuarial.Formula
	if d == nil {
		return f, nil
	}
	f.Accrual = actuarial.Accrual{MinService: d.Accrual.MinService, Rates: d.Accrual.Rates}
	f.ReferenceYears = d.ReferenceYears
	f.ReferenceShare = d.ReferenceShare
	var err error
	if f.Cap, err = b.limit(path+".cap", d.Cap); err != nil {
		return f, err
	}
	if f.Floor, err = b.limit(path+".floor", d.Floor); err != nil {
		return f, err
	}
	if err := f.Validate(); err != nil {
		return f, b.fail(path, nil, err)
	}
	return f, nil
}

func (b *builder) conditions(path string, d *bySexDoc[[]conditionDoc]) ([actuarial.NumSexes]actuarial.Conditions, error) {
	var out [actuarial.NumSexes]actuarial.Conditions
	if d == nil {
		return out, nil
	}
	by, err := bySex(b, path, d)
	if err != nil {
		return out, err
	}
	for sx, cs := range by {
		sub := path + "." + sexNames[sx]
		if d.Both != nil {
			sub = path + ".both"
		}
		for i, c := range *cs {
			if c.MinAge < 0 || c.MinAge > census.MaxCensusAge {
				return out, b.fail(fmt.Sprintf("%s[%d].min_age", sub, i), c.MinAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			if c.MinService < 0 || c.MinService > census.MaxCensusAge {
				return out, b.fail(fmt.Sprintf("%s[%d].min_service", sub, i), c.MinService, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge))
			}
			out[sx] = append(out[sx], actuarial.Condition(c))
		}
	}
	return out, nil
}

func (b *builder) ints(path string, d *bySexDoc[int], lo, hi int) ([actuarial.NumSexes]int, error) {
	var out [actuarial.NumSexes]int
	if d == nil {
		return out, nil
	}
	by, err := bySex(b, path, d)
	if err != nil {
		return out, err
	}
	for sx, v := range by {
		if *v < lo || *v > hi {
			sub := path + "." + sexNames[sx]
			if d.Both != nil {
				sub = path + ".both"
			}
			return out, b.fail(sub, *v, fmt.Errorf("%w: want %d..%d", actuarial.ErrRange, lo, hi))
		}
		out[sx] = *v
	}
	return out, nil
}

func (b *builder) rules(path string, d *rulesDoc, r *Rules) error {
	r.From = d.From
	if s := d.Source; s != nil {
		r.Source = Source(*s)
	}
	if c := d.ContributionRate; c != nil {
		r.ContributionRate = [NumPayers]actuarial.Schedule{c.Worker.Schedule(), c.Employer.Schedule(), c.State.Schedule()}
	}
	var err error
	if r.Ceiling, err = b.limit(path+".ceiling", d.Ceiling); err != nil {
		return err
	}
	if e := d.Eligibility; e != nil {
		if r.Eligibility.Full, err = b.conditions(path+".eligibility.full", e.Full); err != nil {
			return err
		}
		if r.Eligibility.Reduced, err = b.conditions(path+".eligibility.reduced", e.Reduced); err != nil {
			return err
		}
		r.Eligibility.ReductionPerYear = e.ReductionPerYear
		if r.Eligibility.FullAge, err = b.ints(path+".eligibility.full_age", e.FullAge, 0, census.MaxCensusAge); err != nil {
			return err
		}
	}
	if r.Retirement, err = b.formula(path+".retirement", d.Retirement); err != nil {
		return err
	}
	if bs := d.BySex; bs != nil {
		for sx, o := range [actuarial.NumSexes]*sexRulesDoc{bs.Male, bs.Female} {
			if o == nil {
				continue
			}
			sub := path + ".by_sex." + sexNames[sx]
			if o.ReferenceYears < 0 {
				return b.fail(sub+".reference_years", o.ReferenceYears, fmt.Errorf("%w: want years ≥ 0", actuarial.ErrRange))
			}
			if v := o.ReductionPerYear; v < 0 || v > 1 {
				return b.fail(sub+".reduction_per_year", v, fmt.Errorf("%w: want a fraction in [0, 1]", actuarial.ErrRate))
			}
			sr := SexRules{ReferenceYears: o.ReferenceYears, ReductionPerYear: o.ReductionPerYear}
			for _, l := range []struct {
				name string
				d    *limitDoc
				dst  *actuarial.Limit
			}{{"retirement_cap", o.RetirementCap, &sr.RetirementCap}, {"retirement_floor", o.RetirementFloor, &sr.RetirementFloor},
				{"disability_cap", o.DisabilityCap, &sr.DisabilityCap}, {"disability_floor", o.DisabilityFloor, &sr.DisabilityFloor}} {
				if *l.dst, err = b.limit(sub+"."+l.name, l.d); err != nil {
					return err
				}
			}
			if a := o.Accrual; a != nil {
				sr.Accrual = actuarial.Accrual{MinService: a.MinService, Rates: a.Rates}
				if err := sr.Accrual.Validate(); err != nil {
					return b.fail(sub+".accrual", nil, err)
				}
			}
			r.BySex[sx] = sr
		}
	}
	if r.CompulsoryAge, err = b.ints(path+".compulsory_age", d.CompulsoryAge, 0, census.MaxCensusAge); err != nil {
		return err
	}
	if r.Disability, err = b.formula(path+".disability", d.Disability); err != nil {
		return err
	}
	if w := d.WorkRisks; w != nil {
		wp := path + ".work_risks"
		if r.WorkRisks.Disability, err = b.formula(wp+".disability", w.Disability); err != nil {
			return err
		}
		if r.WorkRisks.Death, err = b.formula(wp+".death", w.Death); err != nil {
			return err
		}
		for _, sh := range []struct {
			name string
			v    float64
		}{{"survivor_share", w.SurvivorShare}, {"orphan_share", w.OrphanShare}} {
			if !(sh.v >= 0 && sh.v <= 1) {
				return b.fail(wp+"."+sh.name, sh.v, fmt.Errorf("%w: want a fraction in [0, 1]", actuarial.ErrRate))
			}
		}
		r.WorkRisks.SurvivorShare, r.WorkRisks.OrphanShare = w.SurvivorShare, w.OrphanShare
	}
	r.SurvivorShare, r.OrphanShare, r.RefundShare, r.ExtraPayments = d.SurvivorShare, d.OrphanShare, d.RefundShare, d.ExtraPayments
	if d.OrphanEndAge < 0 || d.OrphanEndAge > census.MaxCensusAge+1 {
		return b.fail(path+".orphan_end_age", d.OrphanEndAge, fmt.Errorf("%w: want 0..%d", actuarial.ErrRange, census.MaxCensusAge+1))
	}
	r.OrphanEndAge, r.KeepOnRemarriage = d.OrphanEndAge, d.KeepOnRemarriage
	for i, st := range d.SurvivorSteps {
		sub := fmt.Sprintf("%s.survivor_steps[%d]", path, i)
		if st.Years < 1 || (i > 0 && st.Years <= d.SurvivorSteps[i-1].Years) {
			return b.fail(sub+".years", st.Years, fmt.Errorf("%w: want years ≥ 1, increasing", ErrOrder))
		}
		if st.Share < 0 || st.Share > 1 {
			return b.fail(sub+".share", st.Share, fmt.Errorf("%w: want a fraction in [0, 1]", actuarial.ErrRate))
		}
		r.SurvivorSteps = append(r.SurvivorSteps, ShareStep(st))
	}
	ix, err := b.enum(path+".indexation", d.Indexation, indexNames[:], true)
	if err != nil {
		return err
	}
	r.Indexation = Indexation(ix)
	r.IndexRate = d.IndexRate.Schedule()
	lt, err := b.enum(path+".limits", d.Limits, limitNames[:], true)
	if err != nil {
		return err
	}
	r.Limits = LimitTiming(lt)
	mp, err := b.enum(path+".minimum_paid_by", d.MinimumPaidBy, minPayerNames[:], true)
	if err != nil {
		return err
	}
	r.MinimumPaidBy = MinimumPayer(mp)
	if bd := d.Balancing; bd != nil {
		pay, err := b.enum(path+".balancing.contribution_payer", bd.ContributionPayer, payerNames[:], true)
		if err != nil {
			return err
		}
		r.Balancing = Balancing{IndexationBelow: bd.IndexationBelow, IndexationCut: bd.IndexationCut,
			ContributionBelow: bd.ContributionBelow, ContributionStep: bd.ContributionStep, ContributionPayer: Payer(pay)}
	}
	if sd := d.Sustainability; sd != nil {
		r.Sustainability = Sustainability{Age: sd.Age, Base: sd.Base}
	}
	return nil
}
