package rules_test

import (
	"math"
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/actuarialtest"
	"github.com/reserva-go/reserva/actuarial/internal/rules"
	"github.com/stretchr/testify/require"
)

// familyShares are the shares the row forms are checked at: none, negative
// and NaN (no pension) and two that pay.
var familyShares = []float64{0, -0.5, math.NaN(), 0.5, 0.6}

// TestSpouseRow pins Family.SpouseRow, which the cell engine's award loop
// reads, to Family.SpouseOf, the rule: at every sex, age and share, the
// same spouse or none, and the same values bit for bit; and the spouses'
// ages do not fall as the deceased's rise, which award's range of the
// spouses' ages takes for granted.
func TestSpouseRow(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	fam := &rules.Compile(s, ms).Family
	fam.Married[0][30] = 0 // an age without a spouse among ages with one
	some := 0
	for _, each := range familyShares {
		for sx := range actuarial.NumSexes {
			married, spouseAge, ssx := fam.SpouseRow(each, sx)
			for age := range rules.NumAges {
				if age > 0 {
					require.GreaterOrEqual(t, spouseAge[age], spouseAge[age-1], "sex %d age %d: the spouses' ages fall", sx, age)
				}
				m, share, wantSx, wantAge := fam.SpouseOf(each, sx, age)
				require.Equal(t, wantSx, ssx, "share %v sex %d age %d", each, sx, age)
				require.Equal(t, wantAge, spouseAge[age], "share %v sex %d age %d", each, sx, age)
				if mar := married[age]; mar > 0 {
					some++
					require.Equal(t, m, mar, "share %v sex %d age %d", each, sx, age)
					require.Equal(t, share, each*mar, "share %v sex %d age %d", each, sx, age)
				} else {
					require.Zero(t, m, "share %v sex %d age %d", each, sx, age)
					require.Zero(t, share, "share %v sex %d age %d", each, sx, age)
				}
			}
		}
	}
	require.Positive(t, some, "no age leaves a spouse: the test checks nothing")
}

// TestOrphanRow pins Family.OrphanRow to Family.OrphansOf: wherever the
// row is not positive, OrphansOf leaves no orphans, at every sex, age,
// share and end age (0: none).
func TestOrphanRow(t *testing.T) {
	s := actuarialtest.ReferenceScheme(t, 65)
	fam := &rules.Compile(s, ms).Family
	fam.Orphans[1][35] = 0 // an age without orphans among ages with some
	some := 0
	for _, end := range []int{0, 18, 25} {
		yr := &rules.Year{OrphanEnd: end}
		for _, each := range familyShares {
			for sx := range actuarial.NumSexes {
				orphans := fam.OrphanRow(yr, each, sx)
				for age := range rules.NumAges {
					m, _, _, _ := fam.OrphansOf(yr, each, sx, age)
					if m > 0 {
						some++
					}
					if !(orphans[age] > 0) {
						require.Zero(t, m, "end %d share %v sex %d age %d", end, each, sx, age)
					}
				}
			}
		}
	}
	require.Positive(t, some, "no age leaves orphans: the test checks nothing")
}
