package htmlreport_test

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// chromium returns the path of Debian's chromium. Without it the test is
// skipped, and says so, unless the CI variable is "true" (as .ci/run
// runs, which installs it): then it fails.
func chromium(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("chromium not found and CI=true: .ci/run installs Debian's chromium (apt-get install -y chromium)")
	}
	t.Skip("chromium not found: skipping the check of the HTML report in a browser (apt-get install -y chromium to run it; CI=true makes its absence a failure)")
	return ""
}

// runChromium runs headless chromium on the page with the arguments args
// and returns its standard error (its log, with the page's console).
func runChromium(t *testing.T, bin, page string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--user-data-dir=" + t.TempDir(),
		"--enable-logging=stderr", "--v=0"}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	require.NoError(t, cmd.Run(), "chromium: %s", stderr.String())
	return stderr.String()
}

// consoleErrors are the lines of chromium's log that report an error of
// the page: an uncaught exception or a console error.
func consoleErrors(log string) []string {
	var bad []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, "Uncaught") || strings.Contains(line, "ERROR:CONSOLE") ||
			strings.Contains(line, "Failed to load resource") || strings.Contains(line, "Not allowed to load") {
			bad = append(bad, line)
		}
	}
	return bad
}

// pageObjects matches the page objects of a PDF: "/Type /Page" but not
// "/Type /Pages" (ISO 32000-1, §7.7.3.3).
var pageObjects = regexp.MustCompile(`/Type\s*/Page[^s]`)

// pageTolerance is the room the page count leaves for the browser's
// layout of tables and figures across page breaks.
const pageTolerance = 2

// TestChromium opens the report of the fixtures, in English and in
// Spanish, in headless Chromium as a reader would: the page loads with no
// console error, its screenshot shows the charts, and printed to PDF on
// A4 it has the expected number of pages.
func TestChromium(t *testing.T) {
	bin := chromium(t)
	in := fullInput(t)
	for _, tag := range []language.Tag{language.Und, language.MustParse("es-MX")} {
		t.Run(tag.String(), func(t *testing.T) {
			dir := t.TempDir()
			page := filepath.Join(dir, "report.html")
			html := write(t, in, tag)
			require.NoError(t, os.WriteFile(page, []byte(html), 0o644))

			// A window tall enough for the whole page, so that every chart
			// is in the screenshot.
			shot := filepath.Join(dir, "shot.png")
			log := runChromium(t, bin, page, "--window-size=900,9000", "--screenshot="+shot)
			assert.Empty(t, consoleErrors(log))
			checkScreenshot(t, shot)

			pdf := filepath.Join(dir, "report.pdf")
			log = runChromium(t, bin, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
			assert.Empty(t, consoleErrors(log))
			b, err := os.ReadFile(pdf)
			require.NoError(t, err)
			require.True(t, bytes.HasPrefix(b, []byte("%PDF-")), "not a PDF")
			// Each section starts a page (the style sheet's break-before);
			// the demographic section (two pyramids, a chart, a table) and
			// the financial one (two charts, two tables) take two pages
			// each, every other section one.
			sections := strings.Count(html, "<section ")
			want := sections + 2
			got := len(pageObjects.FindAll(b, -1))
			t.Logf("%d sections, %d PDF pages", sections, got)
			assert.InDelta(t, want, got, pageTolerance, "PDF pages of %d sections", sections)
		})
	}
}

// Colours the screenshot must show: the base's lines (black), the
// reform's (Okabe–Ito orange, as are the pensioners of the pyramids) and
// the actives of the pyramids (Okabe–Ito blue); see reform/chart.
var chartColours = map[string]color.RGBA{
	"orange": {230, 159, 0, 255},
	"blue":   {0, 114, 178, 255},
}

// minInk is the least fraction of the screenshot's pixels that are not
// white: a blank page has none.
const minInk = 0.02

// minColourPixels is the least number of pixels of each chart colour: a
// line 1.5 points wide over 12 cm is over a thousand pixels.
const minColourPixels = 1000

// checkScreenshot checks that the screenshot is a PNG that is not blank
// and shows the charts' colours.
func checkScreenshot(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	bounds := img.Bounds()
	require.False(t, bounds.Empty())
	var ink int
	counts := map[string]int{}
	near := func(c color.RGBA, r, g, b uint32) bool {
		d := func(x uint8, y uint32) bool { return int(x)-int(y>>8) < 12 && int(y>>8)-int(x) < 12 }
		return d(c.R, r) && d(c.G, g) && d(c.B, b)
	}
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 < 245 || g>>8 < 245 || b>>8 < 245 {
				ink++
			}
			for name, c := range chartColours {
				if near(c, r, g, b) {
					counts[name]++
				}
			}
		}
	}
	assert.Greater(t, float64(ink)/float64(bounds.Dx()*bounds.Dy()), minInk, "screenshot is blank")
	for name := range chartColours {
		assert.Greater(t, counts[name], minColourPixels, "pixels of %s in the screenshot", name)
	}
}

// TestConsoleErrors checks the scan of chromium's log on the lines it
// writes for a page that throws (chromium 13x, --enable-logging=stderr).
func TestConsoleErrors(t *testing.T) {
	log := `[1:1:1203/171227.963011:INFO:CONSOLE:1] "loaded", source: file:///tmp/a.html (1)
[1:1:1203/171227.966994:INFO:CONSOLE:1] "Uncaught Error: x", source: file:///tmp/a.html (1)
[1:1:1203/171227.966994:ERROR:dbus/bus.cc:405] Failed to connect to the bus`
	assert.Len(t, consoleErrors(log), 1)
}
