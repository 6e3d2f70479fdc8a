package chart_test

import (
	"io"
	"testing"

	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
	"github.com/reserva-go/reserva/reform/internal/reformtest"
	"gonum.org/v1/plot/vg"
)

// BenchmarkReservePaths builds the reserve paths of 3 scenarios × 100
// years and draws them as a 6 × 4 inch PNG or SVG.
func BenchmarkReservePaths(b *testing.B) {
	out := reformtest.BenchOutcomes(b)
	for _, format := range []string{"png", "svg"} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := chart.ReservePaths(out, reform.UnitsMillions)
				if err != nil {
					b.Fatal(err)
				}
				if err := chart.Render(io.Discard, p, 6*vg.Inch, 4*vg.Inch, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPyramid builds the population pyramid of a year from the
// detail by cell and draws it as a 6 × 4 inch PNG.
func BenchmarkPyramid(b *testing.B) {
	o := reformtest.Project(b, "base", reformtest.Scheme(b, "base", 6e7, 0.14, 0, 0), 12, true)
	b.ReportAllocs()
	for b.Loop() {
		p, err := chart.Pyramid(o.Result, 2030)
		if err != nil {
			b.Fatal(err)
		}
		if err := chart.Render(io.Discard, p, 6*vg.Inch, 4*vg.Inch, "png"); err != nil {
			b.Fatal(err)
		}
	}
}
