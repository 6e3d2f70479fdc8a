package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/examples/yucatan/isstey"
)

// TestRegenerate runs the command as its doc says and checks that it
// reproduces the committed files byte for byte.
func TestRegenerate(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	require.NoError(t, run(&out, isstey.DefaultSeed, dir))
	assert.Contains(t, out.String(), "31000 actives, 7318 pensioners on 1 January 2022 (seed 1)")
	assert.Contains(t, out.String(), "illustrative")
	for _, name := range []string{isstey.ActivesFile, isstey.PensionersFile} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "isstey", name))
		require.NoError(t, err)
		assert.True(t, bytes.Equal(got, want), "%s differs from the committed file: regenerate with go run ./examples/yucatan/gen -seed 1 -out testdata/isstey and review", name)
	}
}
