package mortality_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/mortality"
)

// fixtureRelTol is the relative tolerance against the R package
// MortalityLaws: its JSON export prints 15 significant digits, and the
// formulas here are algebraically equal to R's but evaluated in another
// order (closed-form integrals, expm1/log1p), so a few ulps differ.
const fixtureRelTol = 1e-12

// fixtureDiffTol is the tolerance on MortalityLaws' Carriere values, which
// are differences H(x) − H(x−1) of cumulative hazards H = −ln S computed as
// −log(Sx): each H carries R's rounding error, a few 1e-16 relative to
// max(1, H), so the difference is checked to fixtureDiffTol·max(1, H(x)),
// not relatively (the yearly hazard is as small as 1e-4 at age 21).
const fixtureDiffTol = 1e-13

// lawFixture is one file of testdata/mortality-laws (see its README.md).
type lawFixture struct {
	HX         []float64 `json:"hx"`
	SX         []float64 `json:"Sx"`
	Par        []float64 `json:"par"`
	ParamNames []string  `json:"param_names"`
}

// fixtureAges are the ages of every fixture's hx and Sx.
const fixtureMinAge, fixtureMaxAge = 20, 100

func loadLawFixture(t *testing.T, name string) (lawFixture, map[string]float64) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "mortality-laws", name+".json"))
	require.NoError(t, err)
	var f lawFixture
	require.NoError(t, json.Unmarshal(b, &f))
	require.Len(t, f.ParamNames, len(f.Par))
	require.Len(t, f.HX, fixtureMaxAge-fixtureMinAge+1)
	p := make(map[string]float64, len(f.Par))
	for i, n := range f.ParamNames {
		p[n] = f.Par[i]
	}
	return f, p
}

// What a fixture's hx holds (testdata/mortality-laws/README.md).
const (
	hxHazard   = iota // µ(x)
	hxQ               // q_x of a q-law
	hxDiffCumH        // −ln S(20) at 20, then ∫_{x−1}^x µ (MortalityLaws' Carriere)
)

// fixtureOverrides replaces a fixture's value at an age where the law here
// knowingly differs from MortalityLaws.
var fixtureOverrides = map[string]map[int]float64{
	// At the limiting age M = 100 MortalityLaws returns the formula's 1.0173;
	// Wittstein's q is 1 there: nobody lives past M.
	"wittstein": {100: 1},
}

// gompertz0 converts MortalityLaws' informative Gompertz parameters (σ, M)
// to B·C^x: (1/σ)·e^{(x−M)/σ} = (e^{−M/σ}/σ)·(e^{1/σ})^x.
func gompertz0(sigma, m float64) mortality.Gompertz {
	return mortality.Gompertz{B: math.Exp(-m/sigma) / sigma, C: math.Exp(1 / sigma)}
}

// TestLawFixtures checks every law against the values MortalityLaws computes
// for it (testdata/mortality-laws): the hazard, or q for the q-laws, at ages
// 20..100, and the survival from birth where the fixture has it.
func TestLawFixtures(t *testing.T) {
	for _, c := range []struct {
		file string
		kind int
		law  func(p map[string]float64) mortality.Law
	}{
		// MortalityLaws writes Gompertz A·e^{Bx}: B here is its A, C is e^B.
		{"gompertz", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Gompertz{B: p["A"], C: math.Exp(p["B"])}
		}},
		{"gompertz0", hxHazard, func(p map[string]float64) mortality.Law { return gompertz0(p["sigma"], p["M"]) }},
		// MortalityLaws writes Makeham A·e^{Bx} + C.
		{"makeham", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Makeham{A: p["C"], B: p["A"], C: math.Exp(p["B"])}
		}},
		{"makeham0", hxHazard, func(p map[string]float64) mortality.Law {
			g := gompertz0(p["sigma"], p["M"])
			return mortality.Makeham{A: p["C"], B: g.B, C: g.C}
		}},
		// MortalityLaws' Weibull and inverse Weibull: K = M/σ, Λ = M.
		{"weibull", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Weibull{K: p["M"] / p["sigma"], Lambda: p["M"]}
		}},
		{"invweibull", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.InverseWeibull{K: p["M"] / p["sigma"], Lambda: p["M"]}
		}},
		{"invgompertz", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.InverseGompertz{M: p["M"], Sigma: p["sigma"]}
		}},
		{"ggompertz", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.GammaGompertz{A: p["A"], B: p["B"], Gamma: p["G"]}
		}},
		{"strehler_mildvan", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.StrehlerMildvan{K: p["K"], V0: p["V0"], B: p["B"], D: p["D"]}
		}},
		// MortalityLaws 1.x's "perks" is Perks's general form with K = B.
		{"perks", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Perks{A: p["A"], B: p["B"], C: p["C"], D: p["D"], K: p["B"]}
		}},
		{"beard", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Beard{A: p["A"], B: p["B"], K: p["K"]}
		}},
		{"beard_makeham", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.MakehamBeard{A: p["A"], B: p["B"], C: p["C"], K: p["K"]}
		}},
		{"kannisto", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Kannisto{A: p["A"], B: p["B"]}
		}},
		{"kannisto_makeham", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.KannistoMakeham{A: p["A"], B: p["B"], C: p["C"]}
		}},
		{"martinelle", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Martinelle{A: p["A"], B: p["B"], C: p["C"], D: p["D"], K: p["K"]}
		}},
		// MortalityLaws' Siler A, B, C, D, E are Siler's A1, B1, A2, A3, B3.
		{"siler", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Siler{A1: p["A"], B1: p["B"], A2: p["C"], A3: p["D"], B3: p["E"]}
		}},
		{"thiele", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Thiele{A: p["A"], B: p["B"], C: p["C"], D: p["D"], E: p["E"], F: p["F_"], G: p["G"]}
		}},
		{"opperman", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.Opperman{A: p["A"], B: p["B"], C: p["C"]}
		}},
		{"vandermaen", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.VanDerMaen{A: p["A"], B: p["B"], C: p["C"], I: p["I"], N: p["N"]}
		}},
		{"vandermaen2", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.VanDerMaen{A: p["A"], B: p["B"], I: p["I"], N: p["N"]}
		}},
		{"quadratic", hxHazard, func(p map[string]float64) mortality.Law {
			return mortality.VanDerMaen{A: p["A"], B: p["B"], C: p["C"]}
		}},
		{"HP", hxQ, func(p map[string]float64) mortality.Law {
			return mortality.HeligmanPollard{A: p["A"], B: p["B"], C: p["C"], D: p["D"], E: p["E"], F: p["F_"], G: p["G"], H: p["H"]}
		}},
		{"HP2", hxQ, func(p map[string]float64) mortality.Law {
			return mortality.HeligmanPollard2{A: p["A"], B: p["B"], C: p["C"], D: p["D"], E: p["E"], F: p["F_"], G: p["G"], H: p["H"]}
		}},
		{"HP3", hxQ, func(p map[string]float64) mortality.Law {
			return mortality.HeligmanPollard3{A: p["A"], B: p["B"], C: p["C"], D: p["D"], E: p["E"], F: p["F_"], G: p["G"], H: p["H"], K: p["K"]}
		}},
		{"HP4", hxQ, func(p map[string]float64) mortality.Law {
			return mortality.HeligmanPollard4{A: p["A"], B: p["B"], C: p["C"], D: p["D"], E: p["E"], F: p["F_"], G: p["G"], H: p["H"], K: p["K"]}
		}},
		{"kostaki", hxQ, func(p map[string]float64) mortality.Law {
			return mortality.Kostaki{A: p["A"], B: p["B"], C: p["C"], D: p["D"], E1: p["E1"], E2: p["E2"], F: p["F_"], G: p["G"], H: p["H"]}
		}},
		{"wittstein", hxQ, func(p map[string]float64) mortality.Law {
			return mortality.Wittstein{A: p["A"], B: p["B"], N: p["N"], M: p["M"]}
		}},
		{"rogersplanck", hxQ, func(p map[string]float64) mortality.Law {
			return mortality.RogersPlanck{A0: p["A0"], A1: p["A1"], A2: p["A2"], A3: p["A3"], A: p["A"], B: p["B"], C: p["C"], D: p["D"], U: p["U"]}
		}},
		// MortalityLaws' carriere1 builds its inverse Weibull from sigma1
		// (not sigma2) and M2; the fixture is reproduced with that choice.
		{"carriere1", hxDiffCumH, func(p map[string]float64) mortality.Law {
			return mortality.Carriere{
				P1: p["P1"], P2: p["P2"],
				Child: mortality.Weibull{K: p["M1"] / p["sigma1"], Lambda: p["M1"]},
				Young: mortality.InverseWeibull{K: p["M2"] / p["sigma1"], Lambda: p["M2"]},
				Adult: gompertz0(p["sigma3"], p["M3"]),
			}
		}},
		{"carriere2", hxDiffCumH, func(p map[string]float64) mortality.Law {
			return mortality.Carriere2{
				P1: p["P1"], P2: p["P2"],
				Child: mortality.Weibull{K: p["M1"] / p["sigma1"], Lambda: p["M1"]},
				Young: mortality.InverseGompertz{M: p["M2"], Sigma: p["sigma2"]},
				Adult: gompertz0(p["sigma3"], p["M3"]),
			}
		}},
	} {
		t.Run(c.file, func(t *testing.T) {
			f, p := loadLawFixture(t, c.file)
			law := c.law(p)
			for i, want := range f.HX {
				age := fixtureMinAge + i
				x := float64(age)
				var got float64
				switch c.kind {
				case hxHazard:
					got = law.Hazard(x)
				case hxQ:
					got = law.(mortality.QLaw).Q(age)
				case hxDiffCumH:
					if i == 0 {
						got = mortality.CumHazard(law, 0, x)
					} else {
						got = mortality.CumHazard(law, x-1, 1)
					}
				}
				if v, ok := fixtureOverrides[c.file][age]; ok {
					want = v
				}
				if c.kind == hxDiffCumH {
					tol := fixtureDiffTol * math.Max(1, mortality.CumHazard(law, 0, x))
					assert.InDelta(t, want, got, tol, "age %d", age)
				} else {
					assert.InEpsilon(t, want, got, fixtureRelTol, "age %d", age)
				}
			}
			// S(x) = exp(−H), H = ∫_0^x µ, is compared through H: to
			// fixtureRelTol absolutely while H < 1 (so S is then right to
			// fixtureRelTol relatively) and relatively above, where S is
			// tiny. A fixture's S of 0 is an underflow, and so must ours be.
			for i, want := range f.SX {
				x := float64(fixtureMinAge + i)
				h := mortality.CumHazard(law, 0, x)
				if want == 0 {
					assert.Zero(t, math.Exp(-h), "S(%v)", x)
					continue
				}
				wantH := -math.Log(want)
				assert.InDelta(t, wantH, h, fixtureRelTol*math.Max(1, wantH), "−ln S(%v)", x)
			}
		})
	}
}
