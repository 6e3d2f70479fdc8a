package isstey

import (
	"math"
	"sync"
	"testing"

	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tolerances of the calibration. The published figures are press
// figures, rounded ("~31,000", "over 1,000"), so the tolerances are wide
// where the figures are loose.
const (
	countTol   = 0.03 // a count of members or pensions: ±3%
	averageTol = 0.10 // an average pension: ±10%
	flowTol    = 0.30 // a yearly flow (retirements, growth): ±30%
	magnitude  = 2.0  // an order of magnitude: within a factor of 2
	balanceTol = 0.05 // the 2022 cash balance: within 5% of the benefits
	ratioTol   = 0.5  // "4 workers per pensioner", rounded to a whole number
)

// committed reads the committed census and the basis on EMSSA-09 once for
// all tests.
var committed = sync.OnceValues(func() (*census.Census, error) { return ReadCensus(dataDir) })

func basis(tb testing.TB) scheme.Assumptions {
	tb.Helper()
	men, women, err := ReadEMSSA09(emssa09Path)
	require.NoError(tb, err)
	as, err := Basis(men, women)
	require.NoError(tb, err)
	return as
}

// project projects the scheme of the committed census under a regime for
// years years, after edit (if not nil) has changed the scheme.
func project(tb testing.TB, r Regime, years int, edit func(*scheme.Scheme)) *projection.Result {
	tb.Helper()
	c, err := committed()
	require.NoError(tb, err)
	s, err := Scheme(r, c, basis(tb))
	require.NoError(tb, err)
	if edit != nil {
		edit(s)
	}
	p, err := projection.NewProjector(s)
	require.NoError(tb, err)
	res, err := p.Run(nil, years)
	require.NoError(tb, err)
	return res
}

// within asserts |got/want − 1| ≤ tol.
func within(t *testing.T, want, got, tol float64, what string) {
	t.Helper()
	assert.LessOrEqual(t, math.Abs(got/want-1), tol, "%s: model %.4g, published %.4g (tolerance %.0f%%)", what, got, want, 100*tol)
}

// TestCalibration projects the 1976-law scheme from the committed census
// and checks its figures for 2022 and the years after against the
// published ones (testdata/isstey/FACTS.md, "Published figures"; the row
// is named in each check).
func TestCalibration(t *testing.T) {
	res := project(t, Law1976, 10, nil)
	y := &res.Years[0]
	require.Equal(t, 2022, y.Year)
	retired := y.NewPensions[census.PensionOldAge.Index()] + y.NewPensions[census.PensionEarly.Index()]
	pensioners := y.TotalPensioners() // on 1 January, before that day's retirements

	t.Run("insured workers ~31,000 in 2022", func(t *testing.T) {
		within(t, PublishedActives, y.Actives, countTol, "actives on 1 January 2022")
	})
	t.Run("pensioners 4,546 in Jan 2018, 7,549 in May 2022", func(t *testing.T) {
		// The census holds the two counts interpolated to 1 January 2022.
		interp := PublishedPensionersJan2018 + (PublishedPensioners-PublishedPensionersJan2018)*48.0/52
		within(t, interp, pensioners, countTol, "pensions in payment on 1 January 2022")
		// May's count lies between the pensions in payment on 1 January
		// before and after that day's retirements.
		assert.LessOrEqual(t, pensioners, PublishedPensioners*(1+countTol))
		assert.GreaterOrEqual(t, pensioners+retired, PublishedPensioners*(1-countTol))
	})
	t.Run("monthly pension payroll MXN 101.3 M in May 2022", func(t *testing.T) {
		// Between the census's monthly payroll and the average month of
		// 2022, which pays that year's retirees from 1 January.
		c, err := committed()
		require.NoError(t, err)
		census := c.TotalPension().InexactFloat64() / 12
		assert.LessOrEqual(t, census, PublishedMonthlyPayroll*(1+countTol))
		assert.GreaterOrEqual(t, y.TotalPensions()/12, PublishedMonthlyPayroll*(1-countTol))
	})
	t.Run("average pension ≈ 13.4k a month in May 2022", func(t *testing.T) {
		// Pensions paid in 2022 over the average number in payment: those
		// of 1 January after its retirements, less half the year's deaths,
		// plus half the pensions awarded during the year.
		var during, deaths float64
		for ti := range census.NumPensionTypes {
			deaths += y.PensionerDeaths[ti]
			if typ := census.PensionTypeAt(ti); typ != census.PensionOldAge && typ != census.PensionEarly {
				during += y.NewPensions[ti]
			}
		}
		n := pensioners + retired - deaths/2 + during/2
		within(t, PublishedMonthlyPayroll/PublishedPensioners, y.TotalPensions()/12/n, averageTol, "average monthly pension in 2022")
	})
	t.Run("over 1,000 retirements expected in 2022", func(t *testing.T) {
		within(t, 1000, retired, flowTol, "old-age and early pensions awarded in 2022")
	})
	t.Run("retirements 400–500 a year in 2016–18, over 1,000 in 2022", func(t *testing.T) {
		// The flow goes on within the published range, widened by the
		// tolerance, in the years after 2022.
		for _, yr := range res.Years[1:] {
			r := yr.NewPensions[census.PensionOldAge.Index()] + yr.NewPensions[census.PensionEarly.Index()]
			assert.GreaterOrEqual(t, r, 400*(1-flowTol), yr.Year)
			assert.LessOrEqual(t, r, 1000*(1+flowTol), yr.Year)
		}
	})
	t.Run("monthly payroll MXN 49 M in Jan 2018, 101.3 M in May 2022", func(t *testing.T) {
		// The payroll grew 18% a year over the 52 months; the model's
		// pensions grow as fast in the years after 2022.
		published := math.Pow(PublishedMonthlyPayroll/49e6, 12.0/52) - 1
		got := math.Pow(res.Years[3].TotalPensions()/y.TotalPensions(), 1.0/3) - 1
		within(t, published, got, flowTol, "yearly growth of the pensions paid, 2022–25")
	})
	t.Run("workers per pensioner: 4 in 2022", func(t *testing.T) {
		assert.InDelta(t, 4, y.Actives/pensioners, ratioTol)
	})
	t.Run("spending MXN 1,523.6 M in 2019", func(t *testing.T) {
		// Only the order of magnitude: the 2019 figure is twice that
		// year's pension payroll (~60 M a month), so it holds more than
		// pensions.
		got := y.Expenditure()
		assert.GreaterOrEqual(t, got, 1523.6e6/magnitude)
		assert.LessOrEqual(t, got, 1523.6e6*magnitude)
	})
	t.Run("extra state payments ~350 M in 2022; liquid reserves out in 2021", func(t *testing.T) {
		// The calibration of EmployerRate: contributions and the extra
		// payment pay the year's benefits.
		net := y.TotalContributions() + y.Transfers - y.Benefits()
		assert.LessOrEqual(t, math.Abs(net), balanceTol*y.Benefits(), "2022 cash balance %.3g", net)
	})
	t.Run("technical bankruptcy late 2026 / early 2027; the trust carries payments to 2028", func(t *testing.T) {
		// The calibration of TrustReserve.
		year, err := indicator.DepletionYear(&indicator.Flows{StartYear: res.StartYear, ReserveEnd: res.ReserveEnd(nil)})
		require.NoError(t, err)
		require.NotZero(t, year, "the reserve runs out")
		assert.GreaterOrEqual(t, year, 2026)
		assert.LessOrEqual(t, year, 2028)
		// Without the state's extra payment it runs out no later.
		bare := project(t, Law1976, 10, func(s *scheme.Scheme) { s.Transfers = nil })
		y2, err := indicator.DepletionYear(&indicator.Flows{StartYear: bare.StartYear, ReserveEnd: bare.ReserveEnd(nil)})
		require.NoError(t, err)
		require.NotZero(t, y2)
		assert.LessOrEqual(t, y2, year)
	})
}
