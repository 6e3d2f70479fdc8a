package projection_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serSynthetic draws n active records of group 0 from a seeded source, as
// serCensus draws a census (sex even, ages 18–69, service 0..age − 18,
// lognormal salaries around 2.5 to 4 minimum wages with σ = 0.6), without
// the decimal amounts of census records.
func serSynthetic(seed uint64, n int) []projection.ActiveRecord {
	rng := rand.New(rand.NewPCG(seed, 0x5e1a71))
	const unit = 12 * 3000
	recs := make([]projection.ActiveRecord, n)
	for i := range recs {
		sex := actuarial.Male
		if rng.IntN(2) == 1 {
			sex = actuarial.Female
		}
		age := 18 + min(rng.IntN(26)+rng.IntN(27), 51)
		mean := unit * 2.5 * (1 + 0.6*math.Min(1, float64(age-20)/30))
		recs[i] = projection.ActiveRecord{
			Sex: sex, Age: age, Service: rng.IntN(age - 17),
			Salary: math.Round(100*mean*math.Exp(0.6*rng.NormFloat64()-0.18)) / 100,
		}
	}
	return recs
}

// serBenchScheme is the reference scheme for a closed group: the reference
// rules (projRules, with their cap, floors and ceiling, survivors and
// orphans, refunds, a thirteenth month, price indexation) and assumptions
// (EMSSA-09, the illustrative service tables) with serAssumptions' orphans.
func serBenchScheme(tb testing.TB) *scheme.Scheme {
	return &scheme.Scheme{
		Name:        "seriatim benchmark",
		StartYear:   2025,
		Groups:      []scheme.Group{{Name: "all", Rules: []scheme.Rules{actuarialtest.Rules(2025)}}},
		Assumptions: serAssumptions(tb, false),
	}
}

// BenchmarkSeriatim1M values 1,000,000 synthetic active members
// (serSynthetic) of the reference scheme (serBenchScheme) over 60 years,
// record by record: the present values of their salaries, contributions by
// payer and benefits by type. Each iteration prepares the valuation
// (NewSeriatim: mortality, rules and annuity factors by year), builds the
// factors of every start cell the records meet (2,754) and values the
// records, fanned out over GOMAXPROCS goroutines.
//
// Measured when the method was written, on two cores: about 30 ms an
// iteration, 19 ms of them for the records themselves
// (BenchmarkSeriatimRecords1M), the rest for the factors of the start
// cells and the tables of NewSeriatim.
//
// The same census, grouped into cells and projected as a closed group (the
// comparison TestSeriatimSynthetic makes on 20,000 of its records), shows
// the gap between the cell and seriatim modes where the reference limits
// (a cap of 10 minimum wages, floors of one, a ceiling of 25) split cells:
// the cell mode overstated old-age pensions by 2.7% and contributions by
// 0.06%, and understated early pensions by 2.3%, disability pensions by
// 1.6% and orphans' pensions (a share of the floored disability pension)
// by 6.8%; it overstated benefits by 1.5% in all. On 3,000 members, in
// sparse cells, the gaps were a third to a half as large.
func BenchmarkSeriatim1M(b *testing.B) {
	const n, years = 1_000_000, 60
	s := serBenchScheme(b)
	recs := serSynthetic(1, n)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		v, err := projection.NewSeriatim(s, years)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := v.Total(recs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeriatimRecords1M is BenchmarkSeriatim1M with the valuation
// prepared and every start cell's factors built: the cost of the records
// themselves, about 19 ms an iteration on two cores when measured.
func BenchmarkSeriatimRecords1M(b *testing.B) {
	const n, years = 1_000_000, 60
	recs := serSynthetic(1, n)
	v, err := projection.NewSeriatim(serBenchScheme(b), years)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := v.Total(recs, nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := v.Total(recs, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSeriatimSynthetic is BenchmarkSeriatim1M in small: 20,000 synthetic
// records of the reference scheme over 60 years. Their total agrees with
// the projection by cells within serLimitGapTol (the reference limits
// split some cells) and exactly on salaries; once the start cells are
// built, valuing twice as many records allocates almost nothing more
// (nothing per record).
func TestSeriatimSynthetic(t *testing.T) {
	const n, years = 20_000, 60
	s := serBenchScheme(t)
	recs := serSynthetic(1, n)
	v, err := projection.NewSeriatim(s, years)
	require.NoError(t, err)
	got, err := v.Total(recs, nil)
	require.NoError(t, err)

	cells, _ := serCells(t, 1, recs, nil)
	s.Groups[0].Actives = cells[0]
	want := serProject(t, s, years)
	assert.InEpsilon(t, want.Salaries, got.Salaries, serExactTol)
	names, diffs := serRelDiff(&want, &got, 1)
	for i, d := range diffs {
		assert.LessOrEqual(t, math.Abs(d), serLimitGapTol, names[i])
		t.Logf("%-26s seriatim/cells − 1 = %+.4f%%", names[i], 100*d)
	}

	double := append(recs[:n:n], recs...)
	small := testing.AllocsPerRun(3, func() { _, _ = v.Total(recs, nil) })
	large := testing.AllocsPerRun(3, func() { _, _ = v.Total(double, nil) })
	// The work fans out over goroutines in chunks, so a few allocations
	// (more under the race detector) follow the number of chunks; one per
	// record would add n.
	const perRecordBound = n / 1000
	if !raceEnabled {
		assert.Less(t, large-small, float64(perRecordBound), "allocations do not grow with the records (%v for %d, %v for %d)", small, n, large, 2*n)
	}
}
