// Section 5: the contribution rate that keeps the reserve from running out
// for 50 years under the 2025 rules.

package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

// targetYear is the last year the solved rate keeps the reserve at or
// above zero: the 50th year of the 2025 rules, 2026–2075.
const targetYear = isstey.Reform2025From + targetYears - 1

// rateStep is the precision of the printed rate, a hundredth of a point;
// the rate is rounded up to it, so that the printed rate meets the target.
const rateStep = 1e-4

// solvedLever is what the solver moves: the employer's (the state's)
// contribution rate from 1 January 2026, for every member, on top of the
// worker's 11% that the reform fixes.
var solvedLever = reform.ContributionLever{Year: isstey.Reform2025From, Payer: scheme.Employer}

// solve finds the least employer's rate in [lo, hi] from 2026 that keeps
// the reserve of the 2025 reform at or above zero at the end of every year
// through 2075, and prints it with the reserve's lowest point; when no rate
// in the range does, it says so and prints the range tried.
func solve(w io.Writer, st *study, lo, hi float64) error {
	base := st.schemes[isstey.Reform2025]
	worker := isstey.Rules2025(isstey.Reform2025From).ContributionRate[scheme.Worker].At(isstey.Reform2025From)
	fmt.Fprintf(w, "5. What contribution rate would keep the reserve from running out for %d years under the 2025 rules?\n", targetYears)
	fmt.Fprintf(w, "Solved for: the employer's (the state's) rate from 1 January %d, on top of the workers' %s,\n",
		isstey.Reform2025From, rate(worker))
	fmt.Fprintf(w, "so that the reserve at the end of every year through %d (%d–%d, the reform's first %d years)\n",
		targetYear, isstey.Reform2025From, targetYear, targetYears)
	fmt.Fprintf(w, "is at least zero; rates from %s (today's, assumed) to %s of salaries tried, by Brent's method.\n", rate(lo), rate(hi))

	sol, err := reform.SolveContributionRate(base, solvedLever, reform.NoDepletion(targetYear), lo, hi, options())
	var nse *reform.NoSolutionError
	if errors.As(err, &nse) {
		fmt.Fprintf(w, "No employer's rate from %s to %s keeps the reserve from running out through %d:\n", rate(nse.Lo), rate(nse.Hi), targetYear)
		fmt.Fprintf(w, "the lowest reserve through %d is MXN %s at %s and MXN %s at %s.\n",
			targetYear, billions(nse.AtLo), rate(nse.Lo), billions(nse.AtHi), rate(nse.Hi))
		fmt.Fprintln(w, "Contributions alone cannot meet the target on these assumptions.")
		st.solved = nil
		return nil
	}
	if err != nil {
		return err
	}
	// Round the rate up to the printed precision, and project the scheme at
	// the rounded rate: what is printed is what was projected.
	employer := math.Ceil(sol.Value/rateStep) * rateStep
	o, m, err := atEmployerRate(base, employer)
	if err != nil {
		return err
	}
	st.solved = o
	low, lowYear := lowestReserve(o, targetYear)
	peak, peakYear := highestReserve(o, targetYear)
	_, m25 := st.regime(isstey.Reform2025)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  employer's rate from %d\t%s (rounded up to a hundredth of a point; %s today)\n",
		isstey.Reform2025From, pct(employer), rate(isstey.EmployerRate))
	fmt.Fprintf(tw, "  total contribution rate\t%s of salaries (%s today)\n", pct(employer+worker), rate(isstey.EmployerRate+worker))
	fmt.Fprintf(tw, "  lowest reserve through %d\tMXN %s, at the end of %d\n", targetYear, millions(low), lowYear)
	fmt.Fprintf(tw, "  highest reserve through %d\tMXN %s, at the end of %d\n", targetYear, billions(peak), peakYear)
	fmt.Fprintf(tw, "  the reserve runs out in\t%s\n", depletion(m))
	fmt.Fprintf(tw, "  projections run by the solver\t%d\n", sol.Runs)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "The state would pay %.1f times today's rate. For comparison, the 2025 reform's GAP, the level\n", employer/isstey.EmployerRate)
	fmt.Fprintf(w, "total rate that would pay every benefit of %d–%d, is %s.", isstey.CensusYear, isstey.CensusYear+years-1, pct(m25.GAP))
	if m.DepletionYear != 0 {
		fmt.Fprintln(w, " The reserve piles up while")
		fmt.Fprintln(w, "contributions exceed the cost and is spent once the cost rate passes them: the target moves")
		fmt.Fprintf(w, "the day the reserve runs out to %d; it does not remove it.\n", m.DepletionYear)
	} else {
		fmt.Fprintln(w)
	}
	return nil
}

// atEmployerRate projects the scheme with the employer's rate set to rate
// from 2026, as the solver does.
func atEmployerRate(base *scheme.Scheme, employer float64) (*reform.Outcome, reform.Metrics, error) {
	r := reform.Reform{
		Name:    fmt.Sprintf("2025 reform, employer %s", pct(employer)),
		Changes: []reform.Change{solvedLever.Change(employer)},
	}
	cmp, err := reform.Compare(base, []reform.Reform{r}, options())
	if err != nil {
		return nil, reform.Metrics{}, err
	}
	return &cmp.Outcomes[1], cmp.Metrics[1], nil
}

// lowestReserve returns the lowest reserve at the end of a year up to and
// including through, and that year.
func lowestReserve(o *reform.Outcome, through int) (float64, int) {
	ys := o.Result.Years[:through-o.Result.StartYear+1]
	low, year := math.Inf(1), 0
	for _, y := range ys {
		if y.ReserveEnd < low {
			low, year = y.ReserveEnd, y.Year
		}
	}
	return low, year
}

// highestReserve returns the highest reserve at the end of a year up to
// and including through, and that year.
func highestReserve(o *reform.Outcome, through int) (float64, int) {
	ys := o.Result.Years[:through-o.Result.StartYear+1]
	high, year := math.Inf(-1), 0
	for _, y := range ys {
		if y.ReserveEnd > high {
			high, year = y.ReserveEnd, y.Year
		}
	}
	return high, year
}
