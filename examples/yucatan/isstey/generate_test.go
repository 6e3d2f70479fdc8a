package isstey

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
)

// dataDir is the repository's testdata/isstey as seen from this package.
var dataDir = filepath.Join("..", "..", "..", "testdata", "isstey")

// completed is the number of whole years from d to 1 January 2022, as the
// census readers count it (an independent re-statement).
func completed(d time.Time) int {
	n := CensusYear - d.Year()
	if d.Month() != time.January || d.Day() != 1 {
		n--
	}
	return n
}

// TestCommittedFiles: the committed census is Generate(DefaultSeed,
// Config{}) written by WriteActives and WritePensioners, byte for byte.
func TestCommittedFiles(t *testing.T) {
	c, err := Generate(DefaultSeed, Config{})
	require.NoError(t, err)
	for _, f := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{ActivesFile, func(b *bytes.Buffer) error { return WriteActives(b, c.Actives) }},
		{PensionersFile, func(b *bytes.Buffer) error { return WritePensioners(b, c.Pensioners) }},
	} {
		var got bytes.Buffer
		require.NoError(t, f.write(&got))
		want, err := os.ReadFile(filepath.Join(dataDir, f.name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(got.Bytes(), want), "%s: regenerate with go run ./examples/yucatan/gen -seed 1 -out testdata/isstey", f.name)
	}
}

// TestReadBack: the committed files read back, with Options, into the
// generated records (amounts annual, twelve times the monthly ones).
func TestReadBack(t *testing.T) {
	c, err := Generate(DefaultSeed, Config{})
	require.NoError(t, err)
	r, err := ReadCensus(dataDir)
	require.NoError(t, err)
	require.Len(t, r.Actives, len(c.Actives))
	require.Len(t, r.Pensioners, len(c.Pensioners))
	for i := range c.Actives {
		a, b := c.Actives[i], r.Actives[i]
		b.Line = 0
		if !a.Salary.Equal(b.Salary) {
			t.Fatalf("%s: salary %v, read %v", a.ID, a.Salary, b.Salary)
		}
		a.Salary, b.Salary = decimal.Decimal{}, decimal.Decimal{}
		if a != b {
			t.Fatalf("generated %+v, read %+v", a, b)
		}
	}
	for i := range c.Pensioners {
		a, b := c.Pensioners[i], r.Pensioners[i]
		b.Line = 0
		if !a.Pension.Equal(b.Pension) {
			t.Fatalf("%s: pension %v, read %v", a.ID, a.Pension, b.Pension)
		}
		a.Pension, b.Pension = decimal.Decimal{}, decimal.Decimal{}
		if a != b {
			t.Fatalf("generated %+v, read %+v", a, b)
		}
	}
}

func TestGenerateSeeds(t *testing.T) {
	a, err := Generate(7, Config{Actives: 500, Pensioners: 200})
	require.NoError(t, err)
	b, err := Generate(7, Config{Actives: 500, Pensioners: 200})
	require.NoError(t, err)
	assert.Equal(t, a, b, "the same seed gives the same census")
	c, err := Generate(8, Config{Actives: 500, Pensioners: 200})
	require.NoError(t, err)
	assert.NotEqual(t, a.Actives, c.Actives, "another seed gives another census")
}

// TestGenerateInvariants checks the census against the rules its
// documentation states.
func TestGenerateInvariants(t *testing.T) {
	// The sampling error of a share of n Bernoulli draws is
	// sqrt(p(1−p)/n); four of them bound it but once in 15,000 runs.
	const sigmas = 4
	// Rounding to cents moves each monthly amount by at most half a cent.
	const centTol = 0.005

	cfg := Config{}.withDefaults()
	c, err := Generate(DefaultSeed, Config{})
	require.NoError(t, err)
	require.Equal(t, CensusYear, c.Year)
	require.Len(t, c.Actives, PublishedActives)
	require.Len(t, c.Pensioners, PensionersJan2022)

	women := 0
	cent12 := decimal.NewFromFloat(0.12)
	for _, a := range c.Actives {
		entry := a.Age - a.Service
		switch {
		case !a.Sex.Valid():
			t.Fatalf("%s: sex %v", a.ID, a.Sex)
		case entry < minEntryAge || entry > maxEntryAge || a.Age > maxActive:
			t.Fatalf("%s: age %d, service %d", a.ID, a.Age, a.Service)
		case a.Age != completed(a.BirthDate):
			t.Fatalf("%s: birth date %v does not give age %d", a.ID, a.BirthDate, a.Age)
		case a.Service != completed(a.EntryDate):
			t.Fatalf("%s: entry date %v does not give service %d", a.ID, a.EntryDate, a.Service)
		case !a.Salary.IsPositive() || !a.Salary.Mod(cent12).IsZero():
			t.Fatalf("%s: salary %v is not twelve monthly amounts in cents", a.ID, a.Salary)
		}
		if a.Sex == actuarial.Female {
			women++
		}
	}
	share := float64(women) / float64(len(c.Actives))
	assert.InDelta(t, cfg.WomenShare, share, sigmas*math.Sqrt(cfg.WomenShare*(1-cfg.WomenShare)/float64(len(c.Actives))))

	lo, hi := LowestPension2019*index2022, HighestPension2019*index2022
	var sum float64
	var byType [census.NumPensionTypes]int
	for _, p := range c.Pensioners {
		m := p.Pension.InexactFloat64() / 12
		switch {
		case !p.Sex.Valid() || !p.Type.Valid():
			t.Fatalf("%s: sex %v, type %v", p.ID, p.Sex, p.Type)
		case p.Age > maxPension || p.Age != completed(p.BirthDate):
			t.Fatalf("%s: age %d, birth date %v", p.ID, p.Age, p.BirthDate)
		case m < lo-centTol || m > hi+centTol:
			t.Fatalf("%s: monthly pension %v outside [%v, %v]", p.ID, m, lo, hi)
		}
		sum += m
		byType[p.Type.Index()]++
	}
	n := float64(len(c.Pensioners))
	assert.InDelta(t, cfg.MeanPension, sum/n, centTol, "the pensions average MeanPension (scaled by construction)")
	for ti, want := range cfg.PensionShares {
		got := float64(byType[ti]) / n
		assert.InDelta(t, want, got, sigmas*math.Sqrt(want*(1-want)/n)+1e-12, census.PensionTypeAt(ti).String())
	}
}

// TestSalariesFollowTheScale: the mean salary at a service is the entry
// salary times the merit scale (the lognormal factor has mean 1).
func TestSalariesFollowTheScale(t *testing.T) {
	// The standard error of a mean of n lognormal factors of log-sd 0.25
	// is about 0.25/sqrt(n); four of them.
	const sigmas = 4
	c, err := Generate(DefaultSeed, Config{})
	require.NoError(t, err)
	var sum [60]float64
	var n [60]int
	for _, a := range c.Actives {
		sum[a.Service] += a.Salary.InexactFloat64() / 12
		n[a.Service]++
	}
	scale := MeritScale()
	merit := 1.0
	for s := range 30 {
		if n[s] >= 300 {
			got := sum[s] / float64(n[s])
			want := DefaultEntrySalary * merit
			assert.InDelta(t, want, got, want*sigmas*0.25/math.Sqrt(float64(n[s])), "service %d", s)
		}
		merit *= scale.Merit(0, s)
	}
}

// TestStayProbability checks the thinning of members who could have
// retired before 2022 against hand counts under the 1976 law.
func TestStayProbability(t *testing.T) {
	const tol = 1e-12
	for _, c := range []struct {
		name         string
		age, service int
		want         float64
	}{
		{"never eligible", 40, 10, 1},
		{"full pension since today only", 50, 30, 1},
		{"full pension one January ago", 51, 31, 0.2},
		{"full pension two Januaries ago", 52, 32, 0.2 * 0.2},
		{"reduced at 55 with 20 years, one January ago", 56, 21, 1 - 0.08},
		{"reduced from 57: three Januaries at 8%, two at 15%", 62, 20, (1 - 0.08) * (1 - 0.08) * (1 - 0.08) * (1 - 0.15) * (1 - 0.15)},
		{"15 years reached at 57", 58, 15, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.InDelta(t, c.want, stayProbability(actuarial.Female, c.age, c.service), tol)
		})
	}
}

// TestScaleToMean: without bounds the factor is target / mean (identity);
// with them the bounded mean is the target.
func TestScaleToMean(t *testing.T) {
	const tol = 1e-9
	raw := []float64{1, 2, 3, 4}
	assert.InDelta(t, 10/2.5, scaleToMean(raw, 10, 0, 1e9), tol)
	k := scaleToMean(raw, 10, 5, 12)
	var s float64
	for _, r := range raw {
		s += clamp(k*r, 5, 12)
	}
	assert.InDelta(t, 10, s/4, tol)
}

func TestConfigValidate(t *testing.T) {
	for _, c := range []Config{
		{Actives: -1},
		{WomenShare: 1.5},
		{EntrySalary: -10},
		{MeanPension: 100},
		{HiringPeak: 1800},
		{HiringDecline: 1},
		{Retention: -0.1},
		{PensionShares: [census.NumPensionTypes]float64{1, -1}},
		{PensionShares: [census.NumPensionTypes]float64{1, 0, 0, 0, 0.1}},
	} {
		_, err := Generate(1, c)
		assert.Error(t, err, "%+v", c)
	}
}

func TestWriteNeedsDates(t *testing.T) {
	var b bytes.Buffer
	assert.Error(t, WriteActives(&b, []census.Active{{ID: "x", Sex: actuarial.Male, Age: 40}}))
	assert.Error(t, WritePensioners(&b, []census.Pensioner{{ID: "y", Sex: actuarial.Male, Age: 70, Type: census.PensionOldAge}}))
}
