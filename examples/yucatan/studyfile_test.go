package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
)

// copyData copies the testdata the example reads (testdata/isstey and
// testdata/mexico/emssa09.csv) to a new directory, with study.json
// rewritten by edit, and returns the directory.
func copyData(t *testing.T, edit func([]byte) []byte) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"isstey", "mexico"} {
		require.NoError(t, os.Mkdir(filepath.Join(dir, sub), 0o755))
	}
	files, err := filepath.Glob(filepath.Join(dataDir, "isstey", "*"))
	require.NoError(t, err)
	files = append(files, filepath.Join(dataDir, "mexico", "emssa09.csv"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		if filepath.Base(f) == StudyFile {
			data = edit(data)
		}
		rel, err := filepath.Rel(dataDir, f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, rel), data, 0o644))
	}
	return dir
}

// TestRegimesFromStudyFile checks that the regimes are the study file's:
// the rules carry the legal sources only the file has, and a study.json
// whose 2022 law makes new hires pay 20% instead of 15% changes the 2022
// law's and the 2025 reform's rules and projections, not the 1976 law's.
func TestRegimesFromStudyFile(t *testing.T) {
	st, err := newStudy(dataDir)
	require.NoError(t, err)
	for i, s := range st.schemes {
		for _, g := range s.Groups {
			for _, r := range g.Rules {
				assert.False(t, r.Source.IsZero(), "%v, %s, rules from %d cite no law", isstey.Regimes[i], g.Name, r.From)
			}
		}
	}

	const rate15, rate20 = `"rate": 0.15`, `"rate": 0.2`
	dir := copyData(t, func(b []byte) []byte {
		require.Equal(t, 2, bytes.Count(b, []byte(rate15)), "study.json: new hires' 15% in the 2022 law and the 2025 reform")
		return bytes.ReplaceAll(b, []byte(rate15), []byte(rate20))
	})
	mod, err := newStudy(dir)
	require.NoError(t, err)
	for _, r := range []isstey.Regime{isstey.Law2022, isstey.Reform2025} {
		g := mod.schemes[r].Groups[isstey.GroupNew]
		assert.Equal(t, 0.2, g.RulesAt(isstey.Law2022From).ContributionRate[scheme.Worker].At(isstey.Law2022From), "%v", r)
		assert.NotEqual(t, st.metrics[r].ActuarialBalance, mod.metrics[r].ActuarialBalance, "%v", r)
	}
	assert.Equal(t, st.metrics[isstey.Law1976], mod.metrics[isstey.Law1976])
	var orig, changed bytes.Buffer
	require.NoError(t, regimes(&orig, st))
	require.NoError(t, regimes(&changed, mod))
	assert.NotEqual(t, orig.String(), changed.String(), "section 3 with new hires at 20%")
}

// TestStudyFileReforms checks that a study file whose reforms are not the
// 2022 law and the 2025 reform, in order, is an error naming the reform.
func TestStudyFileReforms(t *testing.T) {
	dir := copyData(t, func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"name": "2022 law"`), []byte(`"name": "2023 law"`), 1)
	})
	err := run(io.Discard, dir, t.TempDir(), testScenarios, false)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `reform 0 is "2023 law", want "2022 law"`)
}

// TestAttributionFromStudyFile checks that section 4 takes its labels and
// laws from the study file: a law renamed in the file is the law printed,
// and a change of the 2025 reform that cites no law is an error naming it.
func TestAttributionFromStudyFile(t *testing.T) {
	const law, renamed = `"law": "Decree 532/2022"`, `"law": "Decreto 532/2022"`
	dir := copyData(t, func(b []byte) []byte {
		require.Contains(t, string(b), law)
		return bytes.ReplaceAll(b, []byte(law), []byte(renamed))
	})
	st, err := newStudy(dir)
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, drivers(&out, st))
	assert.Contains(t, out.String(), "  [1] Decreto 532/2022, 2022\n")
	assert.NotContains(t, out.String(), "Decree 532/2022, 2022")

	dir = copyData(t, func(b []byte) []byte {
		// The last change's source: the 2025 reform's reduced scale.
		i := bytes.LastIndex(b, []byte(`"source": {`))
		require.GreaterOrEqual(t, i, 0)
		j := bytes.Index(b[i:], []byte("},"))
		require.GreaterOrEqual(t, j, 0)
		return append(b[:i:i], bytes.TrimLeft(b[i+j+2:], " \n")...)
	})
	st, err = newStudy(dir)
	require.NoError(t, err)
	err = drivers(io.Discard, st)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the 2025 reform, change 13 (accrual table")
	assert.Contains(t, err.Error(), "no legal source in the study file")
}
