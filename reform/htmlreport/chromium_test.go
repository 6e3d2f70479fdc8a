package htmlreport_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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
// and returns its standard output (the page's DOM, with --dump-dom) and
// its standard error (its log, with the page's console).
func runChromium(t *testing.T, bin, page string, args ...string) (stdout, log string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--user-data-dir=" + t.TempDir(),
		"--enable-logging=stderr", "--v=0"}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+page)...)
	var out, stderr bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), "chromium: %s", stderr.String())
	return out.String(), stderr.String()
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

// The window of the screenshot: as wide as a desktop reader's, and tall
// enough for the whole of the fixtures' report (about 10,500 pixels at
// this width), so that one screenshot shows every chart. A figure below
// the window fails the test and says so.
const windowW, windowH = 900, 12000

// figureProbe is the script of the test copy of a report (the report
// itself has none: TestWriteSelfContained). Once the page has loaded, it
// writes on each <figure> the box of its <svg> in CSS pixels from the top
// left of the page ("left top width height"; zeros for a figure without
// one), and on <body> the size of the viewport, which --dump-dom shows.
const figureProbe = `<script>
addEventListener("load", () => {
	for (const f of document.querySelectorAll("figure")) {
		const s = f.querySelector("svg");
		const r = s ? s.getBoundingClientRect() : {left: 0, top: 0, width: 0, height: 0};
		f.dataset.box = [r.left + scrollX, r.top + scrollY, r.width, r.height].join(" ");
	}
	for (const e of document.querySelectorAll("header, section")) {
		e.dataset.height = e.getBoundingClientRect().height;
	}
	document.body.dataset.viewport = innerWidth + " " + innerHeight;
});
</script>
`

// withProbe returns the test copy of page: page with figureProbe at the
// end of its body, which changes nothing in its layout.
func withProbe(t *testing.T, page string) string {
	t.Helper()
	require.Equal(t, 1, strings.Count(page, "</body>"))
	return strings.Replace(page, "</body>", figureProbe+"</body>", 1)
}

// browserRun is what chromium made of a test copy: the boxes of its
// figures' SVGs, its viewport, its screenshot and its log.
type browserRun struct {
	boxes    []image.Rectangle // in screenshot pixels, rounded inwards
	sizes    [][2]float64      // each SVG's width and height, CSS pixels
	viewport image.Point
	heights  []float64 // of the header, then of each section, CSS pixels
	shot     *image.RGBA
	log      string
}

var (
	boxAttr      = regexp.MustCompile(`<figure data-box="([^"]*)"`)
	viewportAttr = regexp.MustCompile(`<body data-viewport="([0-9]+) ([0-9]+)"`)
	heightAttr   = regexp.MustCompile(`<(?:header|section id="[a-z]+") data-height="([0-9.]+)"`)
)

// openInBrowser writes the test copy of page to dir, opens it in chromium
// in a window of windowW × windowH at one device pixel per CSS pixel, and
// reads the figures' boxes from its DOM and the screenshot. With pdf not
// empty, the same run prints the page to that file.
func openInBrowser(t *testing.T, bin, dir, page, pdf string) *browserRun {
	t.Helper()
	path := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(path, []byte(withProbe(t, page)), 0o644))
	shot := filepath.Join(dir, "shot.png")
	args := []string{"--force-device-scale-factor=1", fmt.Sprintf("--window-size=%d,%d", windowW, windowH),
		"--dump-dom", "--screenshot=" + shot}
	if pdf != "" {
		args = append(args, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	}
	dom, log := runChromium(t, bin, path, args...)
	run := &browserRun{log: log}

	vp := viewportAttr.FindStringSubmatch(dom)
	require.NotNil(t, vp, "the probe wrote no viewport: did the page's script run?\n%s", log)
	run.viewport.X, _ = strconv.Atoi(vp[1])
	run.viewport.Y, _ = strconv.Atoi(vp[2])
	for _, m := range boxAttr.FindAllStringSubmatch(dom, -1) {
		f := strings.Fields(m[1])
		require.Len(t, f, 4, "box %q", m[1])
		var v [4]float64
		for i := range v {
			var err error
			v[i], err = strconv.ParseFloat(f[i], 64)
			require.NoError(t, err, "box %q", m[1])
		}
		// Inwards by a pixel on each side: the crop holds the chart only.
		run.boxes = append(run.boxes, image.Rect(int(v[0])+1, int(v[1])+1, int(v[0]+v[2])-1, int(v[1]+v[3])-1))
		run.sizes = append(run.sizes, [2]float64{v[2], v[3]})
	}

	for _, m := range heightAttr.FindAllStringSubmatch(dom, -1) {
		h, err := strconv.ParseFloat(m[1], 64)
		require.NoError(t, err)
		run.heights = append(run.heights, h)
	}

	f, err := os.Open(shot)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	rgba, ok := img.(*image.RGBA) // chromium's screenshots are RGB: decoded as RGBA
	if !ok {
		rgba = image.NewRGBA(img.Bounds())
		draw.Draw(rgba, img.Bounds(), img, img.Bounds().Min, draw.Src)
	}
	run.shot = rgba
	return run
}

// What a chart must show in its own crop of the screenshot. Every chart
// of the fixtures' report draws its data in the palette's colours (the
// reform's line, the pyramid's bars, the fan's bands, the gains' bars),
// which its axes, text and grid, all grey, never use.
const (
	// minFigureSide is the least width and height of a chart's SVG, CSS
	// pixels: the style sheet draws it the width of the text (about 660
	// pixels) and three quarters as tall.
	minFigureSide = 200
	// minFigureInk is the least share of a chart's pixels that are not
	// the white background. The fixtures' charts have 3% (thin lines) to
	// 41% (the pyramids), their axes and labels alone 2%, a blank chart 0.
	minFigureInk = 0.01
	// minFigureColour is the least number of a chart's pixels in colour
	// (channels more than colourSpread apart): its data. The fixtures'
	// charts have 1,500 (a line 2 pixels wide across the plot) to 90,000
	// (the pyramids' bars); without their data, none.
	minFigureColour = 500
	// colourSpread separates colour from grey: the palette's colours
	// have channels 60 to 230 apart, anti-aliased greys none.
	colourSpread = 48
	// background is the least value of each channel of a background
	// pixel: white, and the faintest anti-aliasing of the grid.
	background = 245
)

// figureCheck is what the crop of one chart shows: the share of its
// pixels drawn, the number in colour, and what is wrong (nil for a chart
// drawn in full).
type figureCheck struct {
	ink      float64
	colour   int
	problems []string
}

// checkFigures checks each chart of run in its own crop of the
// screenshot: an SVG without size, a box outside the screenshot, a crop
// that is blank or shows no data in colour are problems.
func checkFigures(run *browserRun) []figureCheck {
	checks := make([]figureCheck, len(run.boxes))
	shown := run.shot.Bounds().Intersect(image.Rect(0, 0, run.viewport.X, run.viewport.Y))
	for i, box := range run.boxes {
		c := &checks[i]
		add := func(format string, args ...any) { c.problems = append(c.problems, fmt.Sprintf(format, args...)) }
		if w, h := run.sizes[i][0], run.sizes[i][1]; w < minFigureSide || h < minFigureSide {
			add("SVG of %g × %g CSS pixels", w, h)
			continue
		}
		if !box.In(shown) {
			add("box %v outside the screenshot %v: raise windowH", box, shown)
			continue
		}
		var ink float64
		ink, c.colour = cropInk(run.shot, box)
		c.ink = ink / float64(box.Dx()*box.Dy())
		if c.ink < minFigureInk {
			add("blank: %.2f%% of its pixels drawn", 100*c.ink)
		}
		if c.colour < minFigureColour {
			add("no data: %d pixels in colour", c.colour)
		}
	}
	return checks
}

// a4Content is the height of an A4 page inside the style sheet's margins
// (297 − 2·18 mm), in CSS pixels of 96 to the inch.
const a4Content = (297 - 2*18) / 25.4 * 96

// expectedPages is the number of A4 pages of a report whose header and
// sections are as tall as heights (header first) on the screen: the
// header shares its pages with the first section, and every other section
// starts a page (the style sheet's break-before) and fills as many as its
// height. On the screen the text is as wide as on the page (the style
// sheet's 17.5 cm), so the heights are those of print but for the room
// that figures and table rows, kept whole, leave at the foot of a page.
func expectedPages(heights []float64) int {
	n := 0
	for i, h := range heights[1:] {
		if i == 0 {
			h += heights[0]
		}
		n += int(math.Ceil(h / a4Content))
	}
	return n
}

// cropInk counts the pixels of img in box that are not background, and
// those in colour.
func cropInk(img *image.RGBA, box image.Rectangle) (ink float64, colour int) {
	for y := box.Min.Y; y < box.Max.Y; y++ {
		row := img.Pix[img.PixOffset(box.Min.X, y):img.PixOffset(box.Max.X, y)]
		for p := 0; p < len(row); p += 4 {
			r, g, b := int(row[p]), int(row[p+1]), int(row[p+2])
			if r < background || g < background || b < background {
				ink++
			}
			if max(r, g, b)-min(r, g, b) > colourSpread {
				colour++
			}
		}
	}
	return ink, colour
}

// TestChromium opens the report of the fixtures with every section
// (riskInput: the five charts of fullInput, two fans, the exhaustion and
// the gains), in English and in Spanish, in headless Chromium as a reader
// would: the page loads with no console error; each chart's SVG has a size
// and its own crop of the screenshot shows it drawn (axes and labels, and
// its data in colour), one crop for each <figure> the writer emitted; and
// printed to PDF on A4 it has the number of pages that the heights of its
// sections on the screen give (expectedPages), within pageTolerance. One
// chromium run gives the DOM, the screenshot and the PDF of a language.
func TestChromium(t *testing.T) {
	bin := chromium(t)
	in := riskInput(t)
	// The pages are written first, one after the other; the browser runs
	// are the test's time, and run in parallel.
	tags := []language.Tag{language.Und, language.MustParse("es-MX")}
	pages := make([]string, len(tags))
	for i, tag := range tags {
		pages[i] = write(t, in, tag)
	}
	for i, tag := range tags {
		t.Run(tag.String(), func(t *testing.T) {
			t.Parallel()
			html := pages[i]
			dir := t.TempDir()
			pdf := filepath.Join(dir, "report.pdf")
			run := openInBrowser(t, bin, dir, html, pdf)
			assert.Empty(t, consoleErrors(run.log))

			figures := strings.Count(html, "<figure>")
			require.Equal(t, 9, figures, "the figures of riskInput")
			require.Len(t, run.boxes, figures, "figures laid out in the browser")
			for i, c := range checkFigures(run) {
				assert.Empty(t, c.problems, "figure %d at %v", i+1, run.boxes[i])
				t.Logf("figure %d: %.1f%% drawn, %d pixels in colour", i+1, 100*c.ink, c.colour)
			}

			b, err := os.ReadFile(pdf)
			require.NoError(t, err)
			require.True(t, bytes.HasPrefix(b, []byte("%PDF-")), "not a PDF")
			sections := strings.Count(html, "<section ")
			require.Len(t, run.heights, 1+sections, "the header and the sections")
			want := expectedPages(run.heights)
			got := len(pageObjects.FindAll(b, -1))
			t.Logf("%d sections, %d PDF pages, %d expected", sections, got, want)
			assert.InDelta(t, want, got, pageTolerance, "PDF pages of %d sections", sections)
		})
	}
	// The check of each chart fails on a chart that is not drawn: the
	// English report with its first chart's SVG emptied (its size kept by
	// its viewBox), its second chart's SVG taken out, and its third
	// chart's data left out (every path in colour: what remains is the
	// axes, labels, grid and the base's black line); the other charts are
	// untouched and pass.
	mutants := []func(string) string{blankSVG, dropSVG, dropColour}
	html := pages[0]
	figs := figureRe.FindAllStringIndex(html, -1)
	require.Greater(t, len(figs), len(mutants))
	var b strings.Builder
	last := 0
	for i, f := range figs[:len(mutants)] {
		b.WriteString(html[last:f[0]])
		fig := mutants[i](html[f[0]:f[1]])
		require.NotEqual(t, html[f[0]:f[1]], fig, "mutant %d changes nothing", i+1)
		b.WriteString(fig)
		last = f[1]
	}
	b.WriteString(html[last:])
	t.Run("mutants", func(t *testing.T) {
		t.Parallel()
		run := openInBrowser(t, bin, t.TempDir(), b.String(), "")
		require.Len(t, run.boxes, len(figs))
		for i, c := range checkFigures(run) {
			if i < len(mutants) {
				assert.NotEmpty(t, c.problems, "mutant figure %d passed", i+1)
			} else {
				assert.Empty(t, c.problems, "figure %d", i+1)
			}
			t.Logf("figure %d: %v", i+1, c.problems)
		}
	})
}

var (
	svgContent = regexp.MustCompile(`(?s)(<svg [^>]*>).*</svg>`)
	svgElement = regexp.MustCompile(`(?s)<svg .*</svg>`)
	// colourPath is a path of gonum/plot's SVG filled or stroked in a
	// colour that is not grey (#RRGGBB with channels not all equal).
	colourPath = regexp.MustCompile(`<path d="[^"]*" style="[^"]*(?:fill|stroke):#([0-9A-F]{6})[^"]*" />`)
)

// blankSVG empties the <svg> of a figure, keeping the element.
func blankSVG(fig string) string { return svgContent.ReplaceAllString(fig, "$1</svg>") }

// dropSVG takes the <svg> out of a figure.
func dropSVG(fig string) string { return svgElement.ReplaceAllString(fig, "") }

// dropColour takes out the paths of a figure drawn in colour: its data.
func dropColour(fig string) string {
	return colourPath.ReplaceAllStringFunc(fig, func(p string) string {
		c := colourPath.FindStringSubmatch(p)[1]
		if c[0:2] == c[2:4] && c[2:4] == c[4:6] {
			return p
		}
		return ""
	})
}

// TestConsoleErrors checks the scan of chromium's log on the lines it
// writes for a page that throws (chromium 13x, --enable-logging=stderr).
func TestConsoleErrors(t *testing.T) {
	log := `[1:1:1203/171227.963011:INFO:CONSOLE:1] "loaded", source: file:///tmp/a.html (1)
[1:1:1203/171227.966994:INFO:CONSOLE:1] "Uncaught Error: x", source: file:///tmp/a.html (1)
[1:1:1203/171227.966994:ERROR:dbus/bus.cc:405] Failed to connect to the bus`
	assert.Len(t, consoleErrors(log), 1)
}
