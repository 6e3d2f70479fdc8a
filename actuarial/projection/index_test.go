package projection

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial/census"
)

// TestPensionIndexes checks the engines' constant indexes against
// census.PensionType.Index.
func TestPensionIndexes(t *testing.T) {
	for _, c := range []struct {
		idx int
		typ census.PensionType
	}{{idxOldAge, census.PensionOldAge}, {idxEarly, census.PensionEarly}, {idxDisability, census.PensionDisability},
		{idxSurvivor, census.PensionSurvivor}, {idxOrphan, census.PensionOrphan}} {
		if c.typ.Index() != c.idx {
			t.Errorf("%v: index %d, engine constant %d", c.typ, c.typ.Index(), c.idx)
		}
	}
}
