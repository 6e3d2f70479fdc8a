package stochastic_test

import (
	"context"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/stat"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/mortality"
)

// raiseEmployer returns s with the employer's contribution rate raised to
// rate from the start year: a reform as reform.Reform.Apply would give it.
func raiseEmployer(s *scheme.Scheme, rate float64) *scheme.Scheme {
	c := *s
	c.Groups = append([]scheme.Group(nil), s.Groups...)
	for g := range c.Groups {
		c.Groups[g].Rules = append([]scheme.Rules(nil), s.Groups[g].Rules...)
		for r := range c.Groups[g].Rules {
			c.Groups[g].Rules[r].ContributionRate[scheme.Employer] = actuarial.Constant(rate)
		}
	}
	return &c
}

// RunRegimes projects each scenario under every regime: each regime's
// outcomes equal, bit for bit, those of Run on that scheme alone with the
// same generator and mortality.
func TestRunRegimesEqualsRun(t *testing.T) {
	const years, n = 15, 5
	base := actuarialtest.ReferenceScheme(t, 65)
	schemes := []*scheme.Scheme{base, raiseEmployer(base, 0.12), raiseEmployer(base, 0.08)}
	c := stochastic.Config{Years: years, Scenarios: n, Workers: 2,
		Mortality: &stochastic.LeeCarterMortality{Models: [actuarial.NumSexes]*mortality.LeeCarter{leeCarter(noisyK), leeCarter(noisyK)}, Corr: 0.9, Seed: 4}}
	outs, err := stochastic.RunRegimes(context.Background(), schemes, economy(6, 1), c)
	require.NoError(t, err)
	require.Len(t, outs, len(schemes))
	for r, s := range schemes {
		alone, err := stochastic.Run(context.Background(), s, economy(6, 1), c)
		require.NoError(t, err)
		assert.Equal(t, alone, outs[r], "regime %d", r)
	}

	other := *base
	other.StartYear++
	_, err = stochastic.RunRegimes(context.Background(), []*scheme.Scheme{base, &other}, economy(6, 1), c)
	assert.ErrorIs(t, err, stochastic.ErrParameter, "start years differ")
	_, err = stochastic.RunRegimes(context.Background(), nil, economy(6, 1), c)
	assert.ErrorIs(t, err, stochastic.ErrParameter, "no schemes")
}

// Common random numbers: a reform measured on the same scenarios as its
// baseline has a difference whose variance is Var(a) + Var(b) − 2·Cov(a, b)
// (Glasserman, Monte Carlo Methods in Financial Engineering, 2003, §4.2),
// far below the Var(a) + Var(b) of independent runs when the regimes move
// together. The paired standard error of the reserve's difference (a
// reform raising the employer's rate from 10% to 12%) is below
// maxCRNShare of the independent runs' √(s_a²/N + s_b²/N), and the two
// estimates of the difference agree within z999 of the independent error.
// The paired mean is the difference of the means (an identity, to
// tolMean relative).
func TestCommonRandomNumbersReduceVariance(t *testing.T) {
	const years, n, maxCRNShare, tolMean = 20, 300, 0.25, 1e-9
	base := actuarialtest.ReferenceScheme(t, 65)
	reform := raiseEmployer(base, 0.12)
	c := stochastic.Config{Years: years, Scenarios: n}
	outs, err := stochastic.RunRegimes(context.Background(), []*scheme.Scheme{base, reform}, fastEconomy(21), c)
	require.NoError(t, err)
	indep, err := stochastic.Run(context.Background(), reform, fastEconomy(22), c)
	require.NoError(t, err)

	crn, err := stochastic.YearDifference(nil, outs[0], outs[1], stochastic.Reserve)
	require.NoError(t, err)
	last := func(o *stochastic.Outcomes) []float64 {
		x := make([]float64, n)
		for k := range n {
			x[k] = o.Reserve[k*years+years-1]
		}
		return x
	}
	ma, sa := stat.MeanStdDev(last(outs[0]), nil)
	mb := stat.Mean(last(outs[1]), nil)
	mi, si := stat.MeanStdDev(last(indep), nil)
	seIndep := math.Sqrt((sa*sa + si*si) / n)
	d := crn[years-1]
	assert.InDelta(t, 1, d.Value/(mb-ma), tolMean, "paired mean is the difference of means")
	t.Logf("CRN standard error %.4g, independent %.4g: ratio %.3g", d.StdErr, seIndep, d.StdErr/seIndep)
	assert.Less(t, d.StdErr, maxCRNShare*seIndep, "CRN error %v, independent %v", d.StdErr, seIndep)
	assert.InDelta(t, mi-ma, d.Value, z999*seIndep, "both estimate the reform's effect")
	assert.Greater(t, d.Value, 0.0, "more contributions, more reserve")

	// Differences over the horizon and of the probability of exhaustion.
	g, err := stochastic.Difference(outs[0], outs[1], stochastic.GAP)
	require.NoError(t, err)
	assert.Equal(t, stochastic.Estimate{}, g, "the GAP does not depend on the contribution rate")
	pv, err := stochastic.Difference(outs[0], outs[1], stochastic.DeficitPV)
	require.NoError(t, err)
	assert.LessOrEqual(t, pv.Value, 0.0, "more contributions, no larger deficit")
	e, err := stochastic.ExhaustionDifference(outs[0], outs[1], base.StartYear+years-1)
	require.NoError(t, err)
	pa, pb := outs[0].ExhaustionBy(base.StartYear+years-1), outs[1].ExhaustionBy(base.StartYear+years-1)
	assert.InDelta(t, pb.Value-pa.Value, e.Value, tolMean)

	shifted := *outs[1]
	shifted.First = 1
	_, err = stochastic.Difference(outs[0], &shifted, stochastic.GAP)
	assert.ErrorIs(t, err, stochastic.ErrShard, "scenarios do not pair")
}
