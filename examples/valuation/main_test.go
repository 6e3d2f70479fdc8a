package main

import (
	"bufio"
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/valuation"
	"github.com/reserva-go/reserva/mortality"
)

const (
	// maxRunTime bounds the whole report. It takes about 0.1 s; the bound
	// leaves room for a slow, shared CI machine (and the race detector)
	// while still catching a valuation that has become a hundred times
	// slower.
	maxRunTime = 10 * time.Second
	// identityTol bounds, in currency units, the residuals of the printed
	// identities. They hold exactly in exact arithmetic; the Valuer's sums
	// of some 40 terms on liabilities near 10^5 leave rounding errors near
	// 10^-10, and any error of convention (a half year of interest, a
	// missed exit) would show in the cents.
	identityTol = 1e-6
	// moneyTol: amounts are printed rounded to whole units.
	moneyTol = 0.5 + 1e-9
	// centsTol: the identities' terms are printed to cents.
	centsTol = 0.005 + 1e-9
)

// report runs the example once and returns its output, split into sections
// by their leading number ("1." … "3.").
func report(t *testing.T) map[string][]string {
	t.Helper()
	var buf bytes.Buffer
	start := time.Now()
	require.NoError(t, run(&buf))
	elapsed := time.Since(start)
	assert.Less(t, elapsed, maxRunTime, "run took %v", elapsed)

	sections := map[string][]string{}
	var cur string
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		line := sc.Text()
		if n, _, ok := strings.Cut(line, ". "); ok && len(n) == 1 && n >= "1" && n <= "9" {
			cur = n
		}
		if cur != "" && line != "" {
			sections[cur] = append(sections[cur], line)
		}
	}
	require.Len(t, sections, 3, "three sections")
	return sections
}

// after returns the lines after the first one that starts with prefix,
// both with runs of spaces taken as one.
func after(t *testing.T, lines []string, prefix string) []string {
	t.Helper()
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for i, line := range lines {
		if strings.HasPrefix(squeeze(line), squeeze(prefix)) {
			return lines[i+1:]
		}
	}
	require.FailNow(t, "no line starts with "+prefix, "lines: %q", lines)
	return nil
}

// row returns the numbers after label on the first line of lines that
// starts with label (after leading spaces), up to the first field that is
// not a number; thousands separators and a trailing "%" are dropped.
func row(t *testing.T, lines []string, label string) []float64 {
	t.Helper()
	for _, line := range lines {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), label+" ")
		if !ok {
			continue
		}
		var xs []float64
		for _, f := range strings.Fields(rest) {
			x, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(f, ",", ""), "%"), 64)
			if err != nil {
				break
			}
			xs = append(xs, x)
		}
		require.NotEmpty(t, xs, "line %q", line)
		return xs
	}
	require.FailNow(t, "no line starts with "+label, "lines: %q", lines)
	return nil
}

// value returns the single number after label.
func value(t *testing.T, lines []string, label string) float64 {
	t.Helper()
	xs := row(t, lines, label)
	require.Len(t, xs, 1, label)
	return xs[0]
}

func TestRunReport(t *testing.T) {
	s := report(t)

	t.Run("member", func(t *testing.T) {
		lines := s["1"]
		pvfb := value(t, lines, "PVFB total")
		var sum float64
		for _, k := range benefitKinds {
			sum += value(t, lines, "PVFB "+k.String())
		}
		assert.InDelta(t, pvfb, sum, float64(len(benefitKinds))*moneyTol, "the kinds add up to the total")

		funding := after(t, lines, "method accrued liability")
		tuc, puc, ean := row(t, funding, "TUC"), row(t, funding, "PUC"), row(t, funding, "EAN")
		// TUC ≤ PUC ≤ PVFB: salaries only grow, and the PUC liability is the
		// part of the PVFB attributed to past service (AMLCR 2nd ed. §10.7).
		assert.LessOrEqual(t, tuc[0], puc[0], "TUC AL ≤ PUC AL")
		assert.LessOrEqual(t, puc[0], pvfb, "PUC AL ≤ PVFB")
		assert.LessOrEqual(t, ean[0], pvfb, "EAN AL ≤ PVFB")

		// The accrued pension is 1.5% × 10 years × the final average salary
		// printed beside it (each rounded to a whole unit).
		accrued := after(t, lines, "method final average salary")
		for _, m := range []string{"TUC", "PUC"} {
			r := row(t, accrued, m)
			assert.InDelta(t, accrual*float64(member.Service)*r[0], r[1], moneyTol+accrual*float64(member.Service)*moneyTol, m)
		}

		// Regression: the figures the example printed when written.
		assert.Equal(t, 196237.0, pvfb)
		assert.Equal(t, 813412.0, value(t, lines, "PVFS future salaries"))
		assert.Equal(t, []float64{33928, 4909, 9.82}, tuc)
		assert.Equal(t, []float64{67409, 6621, 13.24}, puc)
		assert.Equal(t, []float64{80424, 6859, 13.72}, ean)
	})

	t.Run("portfolio", func(t *testing.T) {
		lines := s["2"]
		pvfb := value(t, lines, "PVFB total")
		tuc, puc := row(t, lines, "TUC"), row(t, lines, "PUC")
		assert.LessOrEqual(t, tuc[0], puc[0], "total TUC AL ≤ PUC AL")
		assert.LessOrEqual(t, puc[0], pvfb, "total PUC AL ≤ PVFB")
		assert.Contains(t, strings.Join(lines, "\n"), "Members with TUC AL ≤ PUC AL ≤ PVFB: 1000 of 1000")
		// Regression: the totals the fixed seed gave when written.
		assert.Equal(t, 196480221.0, pvfb)
		assert.Equal(t, 102730732.0, puc[0])
	})

	t.Run("identities", func(t *testing.T) {
		lines := s["3"]
		entry := after(t, lines, "method AL at entry")
		for _, m := range []string{"TUC", "PUC", "EAN"} {
			assert.InDelta(t, 0, value(t, entry, m), identityTol, "%s AL at entry", m)
		}

		// AL + NC = exits + v·p·AL next, printed to cents, and the residual
		// the example computed unrounded.
		rec := after(t, lines, "method AL + NC")
		for _, m := range []string{"TUC", "PUC", "EAN"} {
			r := row(t, rec, m)
			require.Len(t, r, 4, m)
			assert.InDelta(t, r[1]+r[2], r[0], 3*centsTol, "%s: AL + NC = exits + v·p·AL'", m)
			assert.InDelta(t, 0, r[3], identityTol, "%s: residual", m)
		}
		worst := value(t, lines, "Largest recursion residual, any method, any age 30-64:")
		assert.InDelta(t, 0, worst, identityTol)

		// Σ v^k·kp·NC_k = PVFB at entry, for every method.
		pv := after(t, lines, "method Σ v^k·kp·NC_k")
		for _, m := range []string{"TUC", "PUC", "EAN"} {
			r := row(t, pv, m)
			assert.InDelta(t, 0, r[1], identityTol, "%s: Σ v^k·kp·NC_k − PVFB at entry", m)
		}
	})
}

// TestRunDeterministic checks that the report, portfolio included, is the
// same on every run, whatever the goroutines' scheduling.
func TestRunDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, run(&a))
	require.NoError(t, run(&b))
	assert.Equal(t, a.String(), b.String())
}

// TestValueAllMatchesSerial checks that the clones give exactly what one
// Valuer gives valuing the members one after another.
func TestValueAllMatchesSerial(t *testing.T) {
	plan, basis, err := newPlanAndBasis()
	require.NoError(t, err)
	v, err := valuation.NewValuer(plan, basis)
	require.NoError(t, err)
	ms := syntheticMembers(200)
	par, err := valueAll(v, ms, 3)
	require.NoError(t, err)
	for i, m := range ms {
		var r valuation.MemberValuation
		require.NoError(t, v.Value(&r, m))
		assert.Equal(t, r, par[i], "member %d", i)
	}
}

// TestAgainstLifeContingencies checks the member's value of the pension at
// 65 against single-life contingencies. Everyone still active on the 65th
// birthday retires on it, so the value is the full pension on 35 years,
// 3.5 times the PUC accrued pension, times _25p^(τ)_40 · v^25, times the
// monthly annuity at 65 with half of it reverting to a wife of 62 for 80%
// of men (AMLCR 2nd ed. §10.4). On the way it checks the basis against the
// book: ä_65 = 13.5498 on the SULT at 5% (AMLCR 2nd ed., Appendix D).
func TestAgainstLifeContingencies(t *testing.T) {
	const (
		bookTol = 5e-5  // Appendix D prints 4 decimals
		rel     = 1e-12 // the same terms summed in another order
	)
	plan, basis, err := newPlanAndBasis()
	require.NoError(t, err)
	sult := basis.Pensioners[member.Sex.Index()]
	life := actuarial.Life{Table: sult, Interest: interest}
	assert.InDelta(t, 13.5498, life.AnnuityDue(65), bookTol, "AMLCR Appendix D: ä_65")

	v, err := valuation.NewValuer(plan, basis)
	require.NoError(t, err)
	var r valuation.MemberValuation
	require.NoError(t, v.Value(&r, member))
	require.Equal(t, retireAge, r.NormalAge)

	_, fas65 := finalAverages(basis, member, retireAge)
	years := retireAge - member.Age
	service := member.Service + years
	pension := accrual * float64(service) * fas65
	assert.InEpsilon(t, pension*float64(member.Service)/float64(service), r.AccruedPUC, rel, "accrued PUC pension")

	st := basis.Actives[member.Sex.Index()]
	pay := plan.Payment
	spouse := retireAge - basis.AgeGap[member.Sex.Index()]
	annuity := life.AnnuityEPV(retireAge, pay) +
		basis.Married[member.Sex.Index()]*reversion*life.ReversionaryAnnuityEPV(retireAge, sult, spouse, pay)
	want := pension * st.Survival(member.Age, member.Service, years) * math.Pow(1+interest, -float64(years)) * annuity
	assert.InEpsilon(t, want, r.PVFB[valuation.BenefitRetirement], rel, "PVFB of the pension at 65")
}

// TestCareer checks that the career of section 3 is the member's: from
// entry at Age − Service with no service, through the member's age, service
// and salary, to the retirement age.
func TestCareer(t *testing.T) {
	const tol = 1e-9 // relative: the salary divided, then multiplied, by the same ten factors
	plan, basis, err := newPlanAndBasis()
	require.NoError(t, err)
	v, err := valuation.NewValuer(plan, basis)
	require.NoError(t, err)
	vals, entry, err := career(v, basis, member)
	require.NoError(t, err)
	assert.Equal(t, member.Age-member.Service, entry.Age)
	assert.Equal(t, 0, entry.Service)
	assert.Len(t, vals, retireAge-entry.Age+1)
	c := entry
	for c.Age < member.Age {
		c = nextYear(basis, c)
	}
	assert.Equal(t, member.Service, c.Service)
	assert.InEpsilon(t, member.Salary, c.Salary, tol)
	var r valuation.MemberValuation
	require.NoError(t, v.Value(&r, member))
	assert.InEpsilon(t, r.AL[valuation.PUC], vals[member.Age-entry.Age].AL[valuation.PUC], tol)
}

// TestServiceTable checks the decrements the example builds: the SULT's
// q_x as the independent death rate, and everyone retiring at 65.
func TestServiceTable(t *testing.T) {
	const tol = 1e-15 // the rates are stored as given
	sult, err := mortality.FromLaw(mortality.Makeham{A: 0.00022, B: 2.7e-6, C: 1.124}, 20, 130)
	require.NoError(t, err)
	st, err := serviceTable(sult)
	require.NoError(t, err)
	assert.Equal(t, minAge, st.MinAge())
	assert.Equal(t, retireAge, st.MaxAge())
	for x := minAge; x < retireAge; x++ {
		assert.InDelta(t, sult.Q(x), st.QIndependent(actuarial.Death, x, 0), tol, "age %d", x)
	}
	assert.Equal(t, 1.0, st.Q(actuarial.Retirement, retireAge, 0))
	assert.Equal(t, 0.0, st.Survival(minAge, 0, retireAge-minAge+1), "nobody is active after 65")
}

func TestMoney(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{0, "0"}, {-0.4, "0"}, {999.5, "1,000"}, {1234567.8, "1,234,568"}, {-50000, "-50,000"}, {100, "100"},
	} {
		assert.Equal(t, c.want, money(c.x), "%v", c.x)
	}
}

// BenchmarkRun times the whole report: the basis, 1,000 members and the
// 36 valuations of the identities.
func BenchmarkRun(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := run(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
