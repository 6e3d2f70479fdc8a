package reform

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestScale checks the mortality shock's scaling: q·f capped at 1, and a
// q of 1 — the end of a table, where everyone dies — kept at 1 when
// mortality is lowered.
func TestScale(t *testing.T) {
	const tol = 1e-15 // one rounding of a product
	assert.InDelta(t, 0.055, scale(0.05, 1.1), tol)
	assert.InDelta(t, 0.045, scale(0.05, 0.9), tol)
	assert.Equal(t, 1.0, scale(0.95, 1.1), "capped at 1")
	assert.Equal(t, 1.0, scale(1, 0.9), "the table's end stays")
	assert.Equal(t, 0.0, scale(0, 1.1))
}
