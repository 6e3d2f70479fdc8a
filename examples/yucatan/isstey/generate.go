// The seeded generator of the illustrative census.

package isstey

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
)

// CensusYear is the year of the census: the valuation date is 1 January
// 2022, the year with the most published figures (FACTS.md).
const CensusYear = 2022

// DefaultSeed is the seed of the committed files testdata/isstey/*.csv.
const DefaultSeed = 1

// pcgStream is the second word of the PCG state; with the seed it fixes the
// stream. Changing it changes every file.
const pcgStream = 0x155_7e7

// The published figures the generator's defaults are calibrated to, and
// the amounts of 2019 it starts from (FACTS.md, "Published figures").
const (
	// PublishedActives is the number of insured workers in 2022 [press]
	// yucatan.com.mx 2022-06-04: "~31,000".
	PublishedActives = 31000
	// PublishedPensioners is the number of pensioners in May 2022 [press]
	// lectormx.com 2022-06-03.
	PublishedPensioners = 7549
	// PublishedPensionersJan2018 is the number of pensioners in January
	// 2018 [press] lectormx.com 2022-06-03.
	PublishedPensionersJan2018 = 4546
	// PublishedMonthlyPayroll is the monthly pension payroll of May 2022,
	// MXN [press] lectormx.com 2022-06-03.
	PublishedMonthlyPayroll = 101.3e6
	// LowestPension2019 and HighestPension2019 are the lowest and highest
	// monthly pensions of 2019, MXN [press] poresto.com 2019-11-01; the
	// highest is the cap of 8 minimum wages.
	LowestPension2019  = 5029.50
	HighestPension2019 = 24643.20
)

// PensionersJan2022 is the number of pensions in payment on 1 January 2022
// that the census holds: the press counts of January 2018 (4,546) and May
// 2022 (7,549) interpolated linearly to 1 January 2022 (48 of the 52
// months), rounded.
const PensionersJan2022 = 7318

// Indexation2020To2022 is the assumed pension increase of each of 2020,
// 2021 and 2022: 5%, the last published increase (2019; FACTS.md, "pension
// increases"). It brings the 2019 amounts to 2022 in the generator and sets
// the 2022 value of the reference unit.
const Indexation2020To2022 = 0.05

// index2022 is the factor from 2019 amounts to 2022 amounts.
const index2022 = (1 + Indexation2020To2022) * (1 + Indexation2020To2022) * (1 + Indexation2020To2022)

// Config holds the generator's parameters. The zero value generates the
// calibrated census of the committed files: every zero field takes the
// default its comment gives. Money is MXN a month at the 2022 level.
type Config struct {
	// Actives is the number of active members; 0: 31,000
	// (PublishedActives).
	Actives int
	// Pensioners is the number of pensions in payment; 0: 7,318
	// (PensionersJan2022).
	Pensioners int
	// WomenShare is the share of women among actives and among the
	// holders of their own (old-age, early, disability) pensions, in
	// [0, 1]; 0: 0.55 (assumption).
	WomenShare float64
	// WidowShare is the share of women among survivors' pensions, in
	// [0, 1]; 0: 0.75 (assumption).
	WidowShare float64
	// EntrySalary is the mean monthly salary at 0 years of service; the
	// merit scale ([MeritScale]) raises it with service; 0: MXN 10,000
	// (assumption).
	EntrySalary float64
	// SalarySpread is the standard deviation of the log of a member's
	// salary around the scale, ≥ 0; 0: 0.25 (assumption).
	SalarySpread float64
	// MeanPension is the average monthly pension in payment on 1 January
	// 2022; 0: MXN 13,200, calibrated so that the model's average pension
	// in payment in 2022, with that year's new pensions, is the published
	// 13.4k (FACTS.md: 101.3 M / 7,549).
	MeanPension float64
	// PensionSpread is the standard deviation of the log of a pension
	// around its type's mean, ≥ 0; 0: 0.30 (assumption).
	PensionSpread float64
	// HiringPeak is the year the state hired the most workers; 0: 1992
	// (assumption: the members hired then reach 30 years of service in
	// 2022, the year of over 1,000 retirements).
	HiringPeak int
	// HiringDecline is the yearly fall of hiring going back from
	// HiringPeak, in [0, 1); 0: 0.12 (assumption: it makes the
	// retirements of 2016–18 about half those of 2022, as published).
	HiringDecline float64
	// HiringFall is the yearly fall of hiring after HiringPeak, in
	// [0, 1); 0: 0.015 (assumption; with Retention it sets how many
	// members reach 30 years of service in the years after 2022).
	HiringFall float64
	// Retention is the yearly rate at which members leave before
	// retirement (death, disability, withdrawal), shaping the service
	// distribution, in [0, 1); 0: 0.015 (assumption).
	Retention float64
	// AwardGrowth is the yearly growth of the number of pensions awarded
	// up to 2021, shaping the pensioners' ages, ≥ 0; 0: 0.08 (assumption:
	// 246 workers per pensioner in 1997, 4 in 2022).
	AwardGrowth float64
	// PensionShares are the shares of the pensions in payment by type,
	// indexed by [census.PensionType.Index] (old-age, early,
	// disability, survivor, orphan), each ≥ 0, normalised to sum to 1; the
	// orphans' share must be 0 (the scheme models no orphans' pensions).
	// All zero: 75%, 7%, 5%, 13% (assumption: no breakdown is published).
	PensionShares [census.NumPensionTypes]float64
}

// withDefaults returns c with its zero fields set to their defaults.
func (c Config) withDefaults() Config {
	def := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	if c.Actives == 0 {
		c.Actives = PublishedActives
	}
	if c.Pensioners == 0 {
		c.Pensioners = PensionersJan2022
	}
	def(&c.WomenShare, 0.55)
	def(&c.WidowShare, 0.75)
	def(&c.EntrySalary, 10000)
	def(&c.SalarySpread, 0.25)
	def(&c.MeanPension, 13200)
	def(&c.PensionSpread, 0.30)
	if c.HiringPeak == 0 {
		c.HiringPeak = 1992
	}
	def(&c.HiringDecline, 0.12)
	def(&c.HiringFall, 0.02)
	def(&c.Retention, 0.015)
	def(&c.AwardGrowth, 0.08)
	if c.PensionShares == ([census.NumPensionTypes]float64{}) {
		c.PensionShares = [census.NumPensionTypes]float64{0.75, 0.07, 0.05, 0.13, 0}
	}
	return c
}

// validate reports a parameter out of range.
func (c Config) validate() error {
	bad := func(name string, v any) error { return fmt.Errorf("isstey: Config.%s = %v out of range", name, v) }
	in := func(v, lo, hi float64) bool { return v >= lo && v <= hi }
	switch {
	case c.Actives < 0 || c.Actives > 10_000_000:
		return bad("Actives", c.Actives)
	case c.Pensioners < 0 || c.Pensioners > 10_000_000:
		return bad("Pensioners", c.Pensioners)
	case !in(c.WomenShare, 0, 1):
		return bad("WomenShare", c.WomenShare)
	case !in(c.WidowShare, 0, 1):
		return bad("WidowShare", c.WidowShare)
	case !in(c.EntrySalary, 1, 1e7):
		return bad("EntrySalary", c.EntrySalary)
	case !in(c.SalarySpread, 0, 2):
		return bad("SalarySpread", c.SalarySpread)
	case !in(c.MeanPension, LowestPension2019*index2022, HighestPension2019*index2022):
		return bad("MeanPension", c.MeanPension)
	case !in(c.PensionSpread, 0, 2):
		return bad("PensionSpread", c.PensionSpread)
	case c.HiringPeak < CensusYear-60 || c.HiringPeak > CensusYear:
		return bad("HiringPeak", c.HiringPeak)
	case !in(c.HiringDecline, 0, 0.99):
		return bad("HiringDecline", c.HiringDecline)
	case !in(c.HiringFall, 0, 0.99):
		return bad("HiringFall", c.HiringFall)
	case !in(c.Retention, 0, 0.99):
		return bad("Retention", c.Retention)
	case !in(c.AwardGrowth, 0, 1):
		return bad("AwardGrowth", c.AwardGrowth)
	}
	for i, v := range c.PensionShares {
		if !in(v, 0, math.MaxFloat64) || (v != 0 && i == census.PensionOrphan.Index()) {
			return bad("PensionShares", c.PensionShares)
		}
	}
	return nil
}

// Entry ages of the census: members joined between 18 and 45.
const (
	minEntryAge = 18
	maxEntryAge = 45
	maxActive   = 69 // no census active is older
	maxPension  = 100
)

// entryAgeWeight is the assumed distribution of ages at entry, for the
// census and the new entrants: a normal curve of mean 27 and standard
// deviation 5 years, on 18..45.
func entryAgeWeight(age int) float64 {
	z := (float64(age) - 27) / 5
	return math.Exp(-z * z / 2)
}

// Generate draws an illustrative census of ISSTEY-like members on 1 January
// 2022 from the seed and cfg (its zero value gives the calibrated
// defaults): the same seed and Config give the same census, record for
// record, on every platform Go's math/rand/v2 PCG and float64 arithmetic
// agree on. Amounts are annual (twelve monthly amounts in cents; the
// year-end bonus is not in them).
//
// The actives' service follows the hiring history of Config (a peak in
// HiringPeak, falling by HiringDecline a year before it and HiringFall a
// year after, thinned by Retention a year of service) and, for members who
// could have retired under the 1976 law before 2022, the retirement rates
// of [Basis]; their ages at entry a normal curve (mean 27, sd 5) on 18–45;
// their salaries the merit scale ([MeritScale]) on EntrySalary, with a
// lognormal spread. Pensions are old-age, early, disability and survivors'
// in the shares of Config.PensionShares; their ages come from an award age
// by type and a number of years since the award falling with AwardGrowth
// and a Gompertz survival; their amounts are lognormal by type, bounded by
// the lowest and highest pensions of 2019 indexed to 2022, and scaled so
// that their mean is MeanPension.
//
// The census is illustrative, not ISSTEY's: see the package documentation.
func Generate(seed uint64, cfg Config) (*census.Census, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(seed, pcgStream))
	c := &census.Census{Year: CensusYear}
	c.Actives = generateActives(rng, cfg)
	c.Pensioners = generatePensioners(rng, cfg)
	return c, nil
}

// cumulative is a discrete distribution drawn by inversion.
type cumulative struct {
	cum  []float64 // cumulative weights, increasing
	vals [][2]int  // the outcome of each weight
}

func (d *cumulative) add(w float64, a, b int) {
	if w <= 0 {
		return
	}
	last := 0.0
	if n := len(d.cum); n > 0 {
		last = d.cum[n-1]
	}
	d.cum = append(d.cum, last+w)
	d.vals = append(d.vals, [2]int{a, b})
}

func (d *cumulative) draw(rng *rand.Rand) [2]int {
	u := rng.Float64() * d.cum[len(d.cum)-1]
	i := sort.SearchFloat64s(d.cum, u)
	return d.vals[min(i, len(d.vals)-1)]
}

// stayProbability is the chance that a member of that sex, age and service
// on 1 January 2022 has not already retired on one of the earlier
// 1 Januaries on which the 1976 law let them, at the retirement rates of
// the basis.
func stayProbability(sex actuarial.Sex, age, service int) float64 {
	rules := Rules1976(CensusYear)
	rates := retirementRates()
	p := 1.0
	for k := 1; k <= service; k++ {
		switch rules.Eligibility.Status(sex, age-k, service-k) {
		case actuarial.Full:
			p *= 1 - rates.Full.At(age-k)
		case actuarial.Reduced:
			p *= 1 - rates.Reduced.At(age-k)
		}
	}
	return p
}

// dayIn returns a date drawn uniformly among those that give a completed
// number of years n on 1 January of CensusYear: from 2 January of
// CensusYear−n−1 to 1 January of CensusYear−n.
func dayIn(rng *rand.Rand, n int) time.Time {
	from := time.Date(CensusYear-n-1, time.January, 2, 0, 0, 0, 0, time.UTC)
	to := time.Date(CensusYear-n, time.January, 1, 0, 0, 0, 0, time.UTC)
	days := int(to.Sub(from).Hours()/24) + 1
	return from.AddDate(0, 0, rng.IntN(days))
}

// cents rounds a monthly amount to cents and returns the annual amount,
// twelve times the monthly one exactly.
func cents(monthly float64) decimal.Decimal {
	return decimal.New(int64(math.Round(monthly*100)), -2).Mul(decimal.NewFromInt(12))
}

// lognormal returns a factor of mean 1 whose log has standard deviation s.
func lognormal(rng *rand.Rand, s float64) float64 {
	return math.Exp(s*rng.NormFloat64() - s*s/2)
}

func generateActives(rng *rand.Rand, cfg Config) []census.Active {
	var d [actuarial.NumSexes]cumulative
	for sx := range actuarial.NumSexes {
		sex := actuarial.SexAt(sx)
		for s := 0; s <= maxActive-minEntryAge; s++ {
			hired := CensusYear - 1 - s // the calendar year of entry
			w := math.Exp(-cfg.Retention * float64(s))
			if hired < cfg.HiringPeak {
				w *= math.Pow(1-cfg.HiringDecline, float64(cfg.HiringPeak-hired))
			} else {
				w *= math.Pow(1-cfg.HiringFall, float64(hired-cfg.HiringPeak))
			}
			for a := minEntryAge; a <= maxEntryAge && a+s <= maxActive; a++ {
				d[sx].add(w*entryAgeWeight(a)*stayProbability(sex, a+s, s), a, s)
			}
		}
	}
	scale := MeritScale()
	out := make([]census.Active, cfg.Actives)
	for i := range out {
		sex := actuarial.Male
		if rng.Float64() < cfg.WomenShare {
			sex = actuarial.Female
		}
		v := d[sex.Index()].draw(rng)
		entryAge, service := v[0], v[1]
		age := entryAge + service
		merit := 1.0
		for s := range service {
			merit *= scale.Merit(entryAge+s, s)
		}
		out[i] = census.Active{
			ID:        fmt.Sprintf("A%05d", i+1),
			Sex:       sex,
			Age:       age,
			Service:   service,
			Salary:    cents(cfg.EntrySalary * merit * lognormal(rng, cfg.SalarySpread)),
			BirthDate: dayIn(rng, age),
			EntryDate: dayIn(rng, service),
		}
	}
	return out
}

// pensionProfile is the assumed shape of a pension type: the ages at award
// (a normal curve, bounded) and the mean amount relative to an old-age
// pension.
type pensionProfile struct {
	awardMean, awardSD float64
	awardMin, awardMax int
	relative           float64
}

var pensionProfiles = [census.NumPensionTypes]pensionProfile{
	{53, 4, 45, 70, 1.00},  // old age: 30 years of service at any age
	{58, 3, 55, 70, 0.70},  // early: from 55 with 15 years, 50% to 100%
	{48, 8, 33, 69, 0.60},  // disability: 15 years of service needed
	{60, 10, 30, 95, 0.85}, // survivors: the spouses of members and pensioners
	{},
}

// gompertzSurvival is the chance of surviving from age x to x+n under the
// Gompertz law µ(x) = 0.00003·1.1^x, close to EMSSA-09 between 50 and 90;
// it only shapes the pensioners' ages.
func gompertzSurvival(x, n int) float64 {
	const b, c = 0.00003, 1.1
	return math.Exp(-b / math.Log(c) * (math.Pow(c, float64(x+n)) - math.Pow(c, float64(x))))
}

func generatePensioners(rng *rand.Rand, cfg Config) []census.Pensioner {
	// Draw types, ages and relative amounts first; scale the amounts after.
	var byType cumulative
	var ages [census.NumPensionTypes]cumulative
	for ti, share := range cfg.PensionShares {
		byType.add(share, ti, 0)
		pr := &pensionProfiles[ti]
		for a := pr.awardMin; a <= pr.awardMax; a++ {
			z := (float64(a) - pr.awardMean) / pr.awardSD
			wa := math.Exp(-z * z / 2)
			for since := 0; a+since <= maxPension; since++ {
				ages[ti].add(wa*math.Exp(-cfg.AwardGrowth*float64(since))*gompertzSurvival(a, since), a+since, since)
			}
		}
	}
	out := make([]census.Pensioner, cfg.Pensioners)
	raw := make([]float64, len(out))
	for i := range out {
		ti := byType.draw(rng)[0]
		typ := census.PensionTypeAt(ti)
		v := ages[ti].draw(rng)
		age, since := v[0], v[1]
		share := cfg.WomenShare
		if typ == census.PensionSurvivor {
			share = cfg.WidowShare
		}
		sex := actuarial.Male
		if rng.Float64() < share {
			sex = actuarial.Female
		}
		// Older awards are lower: pensions have been indexed below wages.
		raw[i] = pensionProfiles[ti].relative * math.Exp(-0.01*float64(since)) * lognormal(rng, cfg.PensionSpread)
		out[i] = census.Pensioner{
			ID:        fmt.Sprintf("P%05d", i+1),
			Sex:       sex,
			Age:       age,
			Type:      typ,
			BirthDate: dayIn(rng, age),
		}
	}
	lo, hi := LowestPension2019*index2022, HighestPension2019*index2022
	k := scaleToMean(raw, cfg.MeanPension, lo, hi)
	for i := range out {
		out[i].Pension = cents(clamp(k*raw[i], lo, hi))
	}
	return out
}

func clamp(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }

// scaleToMean returns the factor k for which the mean of raw·k, each bounded
// to [lo, hi], is target (lo ≤ target ≤ hi), by bisection: the mean grows
// with k.
func scaleToMean(raw []float64, target, lo, hi float64) float64 {
	if len(raw) == 0 {
		return 1
	}
	mean := func(k float64) float64 {
		var s float64
		for _, r := range raw {
			s += clamp(k*r, lo, hi)
		}
		return s / float64(len(raw))
	}
	a, b := 0.0, 1.0
	for mean(b) < target && b < 1e12 {
		b *= 2
	}
	for range 100 {
		m := (a + b) / 2
		if mean(m) < target {
			a = m
		} else {
			b = m
		}
	}
	return (a + b) / 2
}
