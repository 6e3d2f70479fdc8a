package actuarial_test

import (
	"testing"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/stretchr/testify/assert"
)

func TestBySex(t *testing.T) {
	// The ISSTEY 2025 reform's full pension: 30 years for men, 28 for women
	// (testdata/isstey/FACTS.md).
	a := actuarial.BySex(30, 28)
	assert.Equal(t, 30, a[actuarial.Male.Index()])
	assert.Equal(t, 28, a[actuarial.Female.Index()])
	b := actuarial.SameForBoth(65)
	assert.Equal(t, [actuarial.NumSexes]int{65, 65}, b)
}
