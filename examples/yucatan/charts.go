// Section 6: the charts, drawn by package reform with gonum/plot and
// saved as PNG.

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/stochastic"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
	"github.com/reserva-go/reserva/reform/chart"
)

// The spans of the line charts, in years from 2022: nearYears for the
// reserve of the three regimes (2022–2040, when they run out); chartYears
// for the others (2022–2081, the 50 years of the solver's target and a
// few after). Over the whole projection the negative reserves of the
// depleted regimes, compounding at 6%, would flatten every other line.
const (
	nearYears  = 19
	chartYears = 60
)

// pyramidYears are the years whose population the pyramids show: the
// census, and 2050.
var pyramidYears = []int{isstey.CensusYear, 2050}

// The size of the charts.
const (
	chartWidth  = 20 * vg.Centimeter
	chartHeight = 12 * vg.Centimeter
)

// A namedChart is a plot and the file name it is saved under.
type namedChart struct {
	file string
	what string
	plot *plot.Plot
}

// charts draws the charts, saves them in outDir (created if need be) and
// prints their paths under the heading of section number section.
func charts(w io.Writer, st *study, outDir string, section int) error {
	fmt.Fprintf(w, "%d. Charts (PNG) and reports (HTML, English and Spanish; workbook); the population is illustrative; in %s\n", section, outDir)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	lines := head(st.outcomes, chartYears)
	var cs []namedChart
	p, err := chart.ReservePaths(head(st.outcomes, nearYears), reform.UnitsMillions)
	if err != nil {
		return err
	}
	p.Title.Text = fmt.Sprintf("Reserve at the end of the year, MXN, %d–%d", isstey.CensusYear, isstey.CensusYear+nearYears-1)
	cs = append(cs, namedChart{"reserve.png", "the reserve of each regime, when it runs out", p})
	if len(st.ways) > 0 {
		// Apart: beside the depleted paths they would look flat.
		var ws []reform.Outcome
		for _, wy := range st.ways {
			o := *wy.outcome
			o.Name = "way " + wy.name
			ws = append(ws, o)
		}
		if p, err = chart.ReservePaths(head(ws, chartYears), reform.UnitsMillions); err != nil {
			return err
		}
		p.Title.Text = fmt.Sprintf("Reserve of the 2025 reform under each way to balance it, MXN, %d–%d",
			isstey.CensusYear, isstey.CensusYear+chartYears-1)
		cs = append(cs, namedChart{"reserve-solved.png", "the 2025 reform's reserve under each way to balance it", p})
	}
	if p, err = chart.CostRate(lines); err != nil {
		return err
	}
	p.Title.Text = "PAYG cost rate (solid) against the contribution rate (dashed)"
	cs = append(cs, namedChart{"cost-rate.png", "the PAYG cost rate against the contribution rate", p})
	if p, err = chart.SupportRatio(lines); err != nil {
		return err
	}
	p.Title.Text = "Support ratio: actives per pension"
	cs = append(cs, namedChart{"support-ratio.png", "the support ratio", p})
	// The stochastic charts: the probability of exhaustion by year, a fan
	// of the reserve for each scheme run, the frontier of two levers.
	if p, err = chart.Exhaustion(st.risk.names, st.risk.outs); err != nil {
		return err
	}
	cs = append(cs, namedChart{"exhaustion.png", "the probability that the reserve is exhausted by each year", p})
	for i, o := range st.risk.outs {
		if p, err = chart.Fan(o, stochastic.Reserve, st.risk.det[i]); err != nil {
			return err
		}
		p.Title.Text = "Reserve, MXN: 5th–95th and 25th–75th percentiles, median; " + st.risk.names[i]
		cs = append(cs, namedChart{fmt.Sprintf("fan-%d.png", i+1), "fan chart of the reserve, " + st.risk.names[i], p})
	}
	if p, err = chart.Frontier(st.frontier); err != nil {
		return err
	}
	cs = append(cs, namedChart{"frontier.png", "the employer's rate and years of service that just meet the target", p})
	for _, c := range cs {
		path := filepath.Join(outDir, c.file)
		if err := chart.Save(c.plot, chartWidth, chartHeight, path); err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s: %s\n", path, c.what)
	}

	// The pyramids need the projection by cell, which the comparisons do not
	// keep: project the 2025 reform again, with Detail, up to the last
	// year shown.
	p2, err := projection.NewProjector(st.schemes[isstey.Reform2025])
	if err != nil {
		return err
	}
	p2.Detail = true
	last := pyramidYears[len(pyramidYears)-1]
	res, err := p2.Run(nil, last-isstey.CensusYear+1)
	if err != nil {
		return err
	}
	for _, year := range pyramidYears {
		p, err := chart.Pyramid(res, year)
		if err != nil {
			return err
		}
		p.Title.Text = fmt.Sprintf("Members on 1 January %d, 2025 reform", year)
		if year == isstey.CensusYear {
			p.Title.Text = fmt.Sprintf("Members on 1 January %d: the census (the same in every regime)", year)
		}
		path := filepath.Join(outDir, fmt.Sprintf("pyramid-%d.png", year))
		if err := chart.Save(p, chartWidth, chartHeight, path); err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s: actives and pensions by sex and age, %d\n", path, year)
	}
	return reports(w, st, outDir)
}

// head returns the outcomes cut to their first n projected years, for the
// charts; their summaries, which cover the whole horizon, are left out.
func head(outs []reform.Outcome, n int) []reform.Outcome {
	cut := make([]reform.Outcome, len(outs))
	for i, o := range outs {
		r := *o.Result
		r.Years = r.Years[:min(n, len(r.Years))]
		cut[i] = reform.Outcome{Name: o.Name, Result: &r}
	}
	return cut
}
