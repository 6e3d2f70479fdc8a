package isstey

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStatedAssumptions: every assumption is named, valued and justified,
// and the data's README gives it, in bold, under the same name.
func TestStatedAssumptions(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(dataDir, "README.md"))
	require.NoError(t, err)
	text := strings.ToLower(string(readme))
	for _, a := range StatedAssumptions() {
		assert.NotEmpty(t, a.Name)
		assert.NotEmpty(t, a.Value, a.Name)
		assert.NotEmpty(t, a.Basis, a.Name)
		assert.Contains(t, text, "- **"+strings.ToLower(a.Name), "README gives %q", a.Name)
	}
	assert.Contains(t, string(readme), "**The population in these files is illustrative: it is not ISSTEY's census.")
}
