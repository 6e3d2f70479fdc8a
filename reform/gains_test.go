package reform_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/reform"
)

// TestWhoGains checks the gains by cohort against a hand computation: a
// reform doubling the thirteenth month (ExtraPayments 1/12 → 2/12) leaves
// pensions and contributions as they are and doubles the extra payments,
// so each cohort gains exactly the present value of its base extra
// payments, Σ_t extra_t·1.045^−(t+½) at the reference scheme's constant
// 4.5% return, mid-year; and loses nothing of its contributions. Reversed
// (the reform as base), every cohort with a pension loses.
func TestWhoGains(t *testing.T) {
	const (
		i   = 0.045 // actuarialtest.Assumptions' return
		tol = 1e-9  // relative: sums of the same terms in another order
	)
	run := func(extra float64) *projection.Result {
		s := actuarialtest.ReferenceScheme(t, 55)
		s.Groups[0].Rules[0].ExtraPayments = extra
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		p.Split = true
		res, err := p.Run(nil, 80)
		require.NoError(t, err)
		return res
	}
	base, more := run(1.0/12), run(2.0/12)
	g, err := reform.WhoGains(base, more, 0, 0)
	require.NoError(t, err)
	want := map[[2]int]float64{} // by sex index and born from: the PV of base extra payments
	for _, c := range base.Split.Cohorts(0, false) {
		var pv float64
		for tt := range c.Years {
			pv += c.Years[tt].ExtraPayments * math.Pow(1+i, -(float64(tt)+0.5))
		}
		want[[2]int{c.Sex.Index(), c.BornFrom}] = pv
	}
	require.NotEmpty(t, g.Cohorts)
	for _, c := range g.Cohorts {
		w := want[[2]int{c.Sex.Index(), c.BornFrom}]
		assert.InDelta(t, w, c.BenefitChange(), tol*math.Max(1, c.BaseBenefits), "%v %d", c.Sex, c.BornFrom)
		assert.InDelta(t, 0, c.ContributionChange(), tol*math.Max(1, c.BaseContributions))
	}
	assert.Zero(t, g.LosingShare)

	back, err := reform.WhoGains(more, base, 0, 0)
	require.NoError(t, err)
	var all, losing float64
	for _, c := range back.Cohorts {
		all += c.Members
		if want[[2]int{c.Sex.Index(), c.BornFrom}] > 0 {
			losing += c.Members
		}
	}
	assert.InDelta(t, losing/all, back.LosingShare, 1e-12)
	assert.Positive(t, back.LosingShare)

	var buf bytes.Buffer
	require.NoError(t, g.WriteCSV(&buf))
	assert.Contains(t, buf.String(), "sex,born_from,born_to,band,members")
	buf.Reset()
	require.NoError(t, back.WriteText(&buf))
	assert.Contains(t, buf.String(), "Members losing more than 0.0%")

	_, err = reform.WhoGains(base, more, 0, math.NaN())
	assert.ErrorIs(t, err, reform.ErrInvalid)
}

// handPoint is a model point of a hand-built result: members of one sex,
// band and age on 1 January of year index t0 (actives, or pensioners in
// the band in payment), paid pension benefits a year later.
type handPoint struct {
	sex      actuarial.Sex
	band     int
	age, t0  int
	members  float64
	benefits float64 // paid in year index t0 + 1
}

// handResult is a one-group, four-year result starting in 2025 at a 5%
// return, its split (service bands bands, nil: none, every point then in
// the one band) holding points.
func handResult(bands []int, points []handPoint) *projection.Result {
	const years = 4
	r := &projection.Result{Scheme: "hand", StartYear: 2025, Groups: []string{"all"}, Years: make([]projection.YearResult, years)}
	for t := range r.Years {
		r.Years[t].Year, r.Years[t].Return = 2025+t, 0.05
	}
	sp := &projection.Split{StartYear: 2025, Years: years, Groups: 1, ServiceBands: bands}
	sp.Rows = make([]projection.SplitRow, years*actuarial.NumSexes*sp.Bands()*projection.Ages)
	for _, p := range points {
		if bands == nil {
			p.band = 0 // the one band
		}
		row := sp.BandRow(p.t0, 0, p.sex, p.band, p.age)
		switch {
		case sp.ServiceBands != nil && sp.Band(p.band).Kind == projection.InPayment:
			row.Pensioners[0] += p.members
		case sp.ServiceBands != nil && sp.Band(p.band).Kind == projection.FutureEntrants:
			row.Actives += p.members
			row.Entrants += p.members
			for t := p.t0 + 1; t < years; t++ { // those of an earlier intake, still active
				sp.BandRow(t, 0, p.sex, p.band, p.age+t-p.t0).Actives += p.members
			}
		default:
			row.Actives += p.members
		}
		sp.BandRow(p.t0+1, 0, p.sex, p.band, p.age+1).Pensions[0] += p.benefits
	}
	r.Split = sp
	return r
}

// TestWhoGainsMemberByMember checks the share losing more than x% against
// a hand count, member by member (model point by model point, see
// reform.Gains). Half the members lose and half gain: 50 men of 0–9 years
// of service aged 40 lose 20% of their benefits' value, 50 men of 10–19
// years aged 40 gain 20%; at x = 10% the share is 50/100 exactly. Their
// cohort by birth alone (a split without bands) neither gains nor loses:
// the share is then 0. Then, weighted: 100 pensioners in payment aged 70
// losing 15% (losing), 50 men of 0–9 years aged 41 gaining 50% (in the
// same five-year cohort as the 40-year-olds, which as a cohort gains
// 15%), and future entrants with no benefit in the base (no
// change counted as a loss), born in 2000, 25 joining at 25 in 2026 and 25 at 26 in
// 2027: (50 + 100)/(50 + 50 + 100 + 50 + 25 + 25).
func TestWhoGainsMemberByMember(t *testing.T) {
	const x = 0.10
	bands := []int{0, 10} // 0: 0–9, 1: 10+, 2: in payment, 3: future entrants
	half := func(lossA, gainB float64) []handPoint {
		return []handPoint{
			{actuarial.Male, 0, 40, 0, 50, 100 * lossA},
			{actuarial.Male, 1, 40, 0, 50, 100 * gainB},
		}
	}
	g, err := reform.WhoGains(handResult(bands, half(1, 1)), handResult(bands, half(0.8, 1.2)), 0, x)
	require.NoError(t, err)
	assert.Equal(t, 0.5, g.LosingShare)
	assert.Equal(t, 2, g.Points)
	require.Len(t, g.Cohorts, 2)
	assert.Equal(t, projection.Band{Kind: projection.ServiceBand, From: 0, To: 9}, g.Cohorts[0].Band)
	assert.InDelta(t, -20*math.Pow(1.05, -1.5), g.Cohorts[0].BenefitChange(), 1e-12, "PV at 5%, paid mid-year 1")

	g, err = reform.WhoGains(handResult(nil, half(1, 1)), handResult(nil, half(0.8, 1.2)), 0, x)
	require.NoError(t, err)
	assert.Zero(t, g.LosingShare, "one point without bands: no change")

	more := func(a, b, c, e float64) []handPoint {
		return append(half(a, b),
			handPoint{actuarial.Female, 2, 70, 0, 100, 100 * c},
			handPoint{actuarial.Male, 0, 41, 0, 50, 100 * e},
			handPoint{actuarial.Female, 3, 25, 1, 25, 0},
			handPoint{actuarial.Female, 3, 26, 2, 25, 0},
		)
	}
	g, err = reform.WhoGains(handResult(bands, more(1, 1, 1, 1)), handResult(bands, more(0.8, 1.2, 0.85, 1.5)), 0, x)
	require.NoError(t, err)
	assert.InDelta(t, 150.0/300, g.LosingShare, 1e-15)
	assert.Equal(t, 5, g.Points)
	for _, c := range g.Cohorts {
		if c.Sex == actuarial.Male && c.Band.From == 0 && c.Band.Kind == projection.ServiceBand {
			assert.InDelta(t, 0.15, c.BenefitChangeShare(), 1e-12, "the cohort 1980–1984 of 0–9 years gains")
		}
	}

	_, err = reform.WhoGains(handResult(bands, half(1, 1)), handResult(nil, half(1, 1)), 0, x)
	assert.ErrorIs(t, err, reform.ErrInvalid, "bands differ")
}

// TestCompareWhoGains checks that Compare with Options.WhoGains gives, for
// each reform, what WhoGains gives on the base and the reformed scheme
// projected by hand with the split by service band: the same, bit for bit
// (the same projections and the same sums). Its "new generation" reform
// splits the group, so that the bands follow members across groups. The
// comparison's metrics are those of a comparison without the option:
// the split changes no result.
func TestCompareWhoGains(t *testing.T) {
	const years = 40
	base := actuarialtest.ReferenceScheme(t, 0)
	reforms := fourReforms()[2:3]
	opt := reform.Options{Years: years, WhoGains: &reform.GainsOptions{CohortWidth: 10, LossThreshold: 0.05}}
	c, err := reform.Compare(base, reforms, opt)
	require.NoError(t, err)
	require.Len(t, c.Gains, len(reforms))

	project := func(s *scheme.Scheme) *projection.Result {
		p, err := projection.NewProjector(s)
		require.NoError(t, err)
		p.Split, p.ServiceBands = true, projection.DefaultServiceBands
		res, err := p.Run(nil, years)
		require.NoError(t, err)
		return res
	}
	b := project(base)
	for i, r := range reforms {
		s, err := r.Apply(base)
		require.NoError(t, err)
		want, err := reform.WhoGains(b, project(s), 10, 0.05)
		require.NoError(t, err)
		assert.Equal(t, want, c.Gains[i], r.Name)
		assert.Equal(t, projection.ServiceBand, c.Gains[i].Cohorts[0].Band.Kind)
	}

	// Without bands: the split by sex and cohort alone.
	nb, err := reform.Compare(base, reforms, reform.Options{Years: years,
		WhoGains: &reform.GainsOptions{CohortWidth: 10, LossThreshold: 0.05, NoServiceBands: true}})
	require.NoError(t, err)
	for i, r := range reforms {
		s, err := r.Apply(base)
		require.NoError(t, err)
		want, err := reform.WhoGains(projectNoBands(t, base, years), projectNoBands(t, s, years), 10, 0.05)
		require.NoError(t, err)
		assert.Equal(t, want, nb.Gains[i], r.Name)
		assert.Equal(t, projection.AllBands, nb.Gains[i].Cohorts[0].Band.Kind)
	}

	plain, err := reform.Compare(base, reforms, reform.Options{Years: years})
	require.NoError(t, err)
	assert.Nil(t, plain.Gains)
	assert.Equal(t, plain.Metrics, c.Metrics)
	assert.Nil(t, plain.Outcomes[0].Result.Split)

	_, err = reform.Compare(base, reforms, reform.Options{Years: years, WhoGains: &reform.GainsOptions{LossThreshold: -1}})
	assert.ErrorIs(t, err, reform.ErrOptions)
}

// projectNoBands projects s for years with the split by sex and cohort,
// without service bands.
func projectNoBands(t *testing.T, s *scheme.Scheme, years int) *projection.Result {
	t.Helper()
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	p.Split = true
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	return res
}
