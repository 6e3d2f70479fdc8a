package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/reserva-go/reserva/actuarial"
	"github.com/reserva-go/reserva/actuarial/census"
	"github.com/reserva-go/reserva/actuarial/indicator"
	"github.com/reserva-go/reserva/actuarial/projection"
	"github.com/reserva-go/reserva/actuarial/scheme"
	"github.com/reserva-go/reserva/examples/yucatan/isstey"
	"github.com/reserva-go/reserva/reform"
)

const dataDir = "../../testdata"

// testScenarios is the number of stochastic scenarios the tests run: enough
// to check the figures printed, fewer than the default to keep them fast.
const testScenarios = 100

// The study the tests share, prepared once with testScenarios scenarios.
var (
	sharedOnce  sync.Once
	sharedStudy *study
	sharedErr   error
	sharedTime  time.Duration
)

// shared returns the study the tests share.
func shared(t *testing.T) *study {
	t.Helper()
	sharedOnce.Do(func() {
		start := time.Now()
		sharedStudy, sharedErr = prepare(dataDir, testScenarios)
		sharedTime = time.Since(start)
	})
	require.NoError(t, sharedErr)
	assert.Less(t, sharedTime, maxRunTime, "prepare took %v", sharedTime)
	return sharedStudy
}

const (
	// maxRunTime bounds the preparation of the study and, apart, the
	// report. The preparation takes some 5 s of CPU with the tests' 100
	// scenarios (projections, solvers, the stochastic run); the bound
	// leaves room for a shared machine and the race detector while still
	// catching a run many times slower.
	maxRunTime = 120 * time.Second
	// rateTol: rates are printed in per cent with 2 decimals.
	rateTol = 0.005 + 1e-9
	// millionsTol: the report prints money in whole millions.
	millionsTol = 0.5 + 1e-9
	// tenthTol: amounts printed in millions or billions with 1 decimal.
	tenthTol = 0.05 + 1e-9
	// ratioTol: ratios are printed with 2 decimals.
	ratioTol = 0.005 + 1e-9
	// maxShortLines bounds the short story: the issue asks for the text
	// to stay, shorter, pointing to the reports (the complete text is
	// some 370 lines).
	maxShortLines = 160
)

// printed is the example's text, the short story or with -full the
// complete text, split into sections, and where it wrote its files.
type printed struct {
	full bool
	// sections are the lines, blank ones left out, of each section by its
	// leading number ("1." … "9."; the header is "0").
	sections map[string][]string
	// lines is the number of lines printed, blank ones included.
	lines int
	out   string
	// The keys of the sections both texts print, whose numbers differ.
	calibration, regimes, corrections, ways, risk, gains, files string
}

// output runs the example into a buffer and a temporary directory, the
// short story or with full the complete text, and returns what it printed.
func output(t *testing.T, full bool) *printed {
	t.Helper()
	out := filepath.Join(t.TempDir(), "charts") // report must create it
	var buf bytes.Buffer
	st := shared(t)
	start := time.Now()
	require.NoError(t, report(&buf, st, out, full))
	elapsed := time.Since(start)
	assert.Less(t, elapsed, maxRunTime, "report took %v", elapsed)

	p := &printed{full: full, sections: map[string][]string{}, out: out}
	cur := "0"
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		line := sc.Text()
		p.lines++
		if n, _, ok := strings.Cut(line, ". "); ok && len(n) == 1 && n >= "1" && n <= "9" {
			cur = n
		}
		if line != "" {
			p.sections[cur] = append(p.sections[cur], line)
		}
	}
	require.NoError(t, sc.Err())
	if full {
		require.Len(t, p.sections, 10, "the header and nine sections")
		p.calibration, p.regimes, p.corrections, p.ways, p.risk, p.gains, p.files = "2", "3", "5", "6", "7", "8", "9"
	} else {
		require.Len(t, p.sections, 9, "the header and eight sections")
		p.calibration, p.regimes, p.corrections, p.ways, p.risk, p.gains, p.files = "2", "3", "4", "5", "6", "7", "8"
	}
	return p
}

// columns splits a line of a table into its cells: runs of two spaces or
// more separate them.
var columns = regexp.MustCompile(`\s{2,}`)

// cells returns the cells of the first line of lines whose first cell (after
// the indent) is label; the test fails if there is none.
func cells(t *testing.T, lines []string, label string) []string {
	t.Helper()
	for _, line := range lines {
		cs := columns.Split(strings.TrimSpace(line), -1)
		if cs[0] == label {
			return cs[1:]
		}
	}
	require.FailNow(t, "no row "+label, "lines: %q", lines)
	return nil
}

// number parses a printed number: thousands separators, a true minus
// sign, a leading "MXN " and a trailing "%", " M" or " bn" are dropped.
func number(t *testing.T, s string) float64 {
	t.Helper()
	s = strings.TrimPrefix(strings.TrimSpace(s), "MXN ")
	for _, suffix := range []string{"%", " M", " bn"} {
		s = strings.TrimSuffix(s, suffix)
	}
	s = strings.ReplaceAll(strings.ReplaceAll(s, ",", ""), "−", "-")
	x, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, "number %q", s)
	return x
}

// direct projects a regime's scheme for the example's 100 years straight
// through package actuarial, and summarizes it at the projection's own
// returns: the figures the report must show, computed without package
// reform.
func direct(t *testing.T, r isstey.Regime, edit func(*scheme.Scheme)) (*projection.Result, *indicator.Summary) {
	t.Helper()
	c, err := isstey.ReadCensus(filepath.Join(dataDir, "isstey"))
	require.NoError(t, err)
	men, women, err := isstey.ReadEMSSA09(filepath.Join(dataDir, "mexico", "emssa09.csv"))
	require.NoError(t, err)
	basis, err := isstey.Basis(men, women)
	require.NoError(t, err)
	s, err := isstey.Scheme(r, c, basis)
	require.NoError(t, err)
	if edit != nil {
		edit(s)
	}
	p, err := projection.NewProjector(s)
	require.NoError(t, err)
	res, err := p.Run(nil, years)
	require.NoError(t, err)
	sum, err := indicator.Summarize(nil, res.Flows(nil), indicator.Horizon{})
	require.NoError(t, err)
	return res, sum
}

func TestRun(t *testing.T) {
	full, short := output(t, true), output(t, false)
	// The summary columns: 1976 law, 2022 law, its difference, 2025 reform,
	// its difference.
	col := [isstey.NumRegimes]int{isstey.Law1976: 0, isstey.Law2022: 1, isstey.Reform2025: 3}

	// What both texts print, from the same study.
	for _, p := range []*printed{full, short} {
		t.Run(map[bool]string{true: "full", false: "short"}[p.full], func(t *testing.T) {
			t.Run("disclaimer", func(t *testing.T) {
				head := strings.Join(p.sections["0"], "\n")
				assert.Contains(t, head, isstey.Disclaimer)
				assert.Contains(t, head, "it is not ISSTEY's census")
				assert.Contains(t, head, "testdata/isstey/README.md", "names where the calibration figures are listed")
				assert.Contains(t, strings.Join(p.sections[p.files], "\n"), "illustrative", "the files' section says it too")
				for _, f := range []string{reportFile, informeFile, workbookFile} {
					assert.Contains(t, head, f, "the header points to the reports")
				}
				if !p.full {
					assert.Contains(t, head, "-full prints the")
				}
			})
			t.Run("calibration", func(t *testing.T) {
				lines := p.sections[p.calibration]
				res, _ := direct(t, isstey.Law1976, nil)
				y := &res.Years[0]
				// Published figures: testdata/isstey/FACTS.md, "Published figures".
				row := cells(t, lines, "insured workers")
				assert.Equal(t, []string{"31,000", "~31,000", "[press] yucatan.com.mx 2022-06-04"}, row)
				row = cells(t, lines, "pensions in payment")
				assert.Equal(t, "7,318 on 1 January", row[0], "the census: 7,318 pensions")
				assert.Equal(t, "7,549 in May 2022", row[1])
				assert.Equal(t, "[press] lectormx.com 2022-06-03", row[2])
				row = cells(t, lines, "average pension, MXN a month")
				assert.InDelta(t, averagePension(y), number(t, strings.TrimSuffix(row[0], " paid in 2022")), 0.5+1e-9)
				assert.Equal(t, "≈ 13,419 (101.3 M / 7,549)", row[1])
				// The calibration test's tolerance on the average pension: ±10%.
				assert.InEpsilon(t, 101.3e6/7549, averagePension(y), 0.10)
				row = cells(t, lines, "retirements in the year")
				retired := y.NewPensions[census.PensionOldAge.Index()] + y.NewPensions[census.PensionEarly.Index()]
				assert.InDelta(t, retired, number(t, row[0]), 0.5+1e-9)
				assert.Equal(t, []string{"over 1,000 expected", "[press] yucatan.com.mx"}, row[1:])
				row = cells(t, lines, "workers per pensioner")
				assert.InDelta(t, y.Actives/y.TotalPensioners(), number(t, row[0]), ratioTol)
				assert.Equal(t, "4", row[1])
				row = cells(t, lines, "the reserve runs out (1976 law)")
				assert.Equal(t, []string{"2027", "late 2026 / early 2027"}, row[:2])
			})
			t.Run("regimes", func(t *testing.T) {
				lines := p.sections[p.regimes]
				depl := cells(t, lines, "depletion year")
				gap := cells(t, lines, "GAP")
				gapNoRes := cells(t, lines, "GAP without reserve")
				pv := cells(t, lines, "PV of the deficit")
				sr2022 := cells(t, lines, "support ratio 2022")
				sr2050 := cells(t, lines, "support ratio 2050")
				for _, r := range isstey.Regimes {
					res, sum := direct(t, r, nil)
					c := col[r] + 1 // after the unit
					require.True(t, (sum.DepletionYear != 0), "%v: every regime runs out within the horizon", r)
					assert.Equal(t, strconv.Itoa(sum.DepletionYear), depl[c], "%v: depletion year", r)
					assert.InDelta(t, 100*sum.GAP, number(t, gap[c]), rateTol, "%v: GAP", r)
					assert.InDelta(t, 100*sum.GAPWithoutReserve, number(t, gapNoRes[c]), rateTol, "%v: GAP without reserve", r)
					assert.InDelta(t, sum.DeficitPV/1e6, number(t, pv[c]), millionsTol, "%v: PV of the deficit", r)
					assert.InDelta(t, sum.SupportRatio[0], number(t, sr2022[c]), ratioTol, "%v: support ratio 2022", r)
					assert.InDelta(t, sum.SupportRatio[2050-isstey.CensusYear], number(t, sr2050[c]), ratioTol, "%v: support ratio 2050", r)
					if !p.full {
						continue
					}
					// The table by year: every 10 years, reserve, cost rate,
					// contribution rate and support ratio.
					for _, year := range []int{2022, 2032, 2052, 2121} {
						y := &res.Years[year-isstey.CensusYear]
						row := byYearRow(t, lines, year, r.String())
						assert.InDelta(t, y.ReserveEnd/1e6, number(t, row[0]), millionsTol, "%v %d: reserve", r, year)
						assert.InDelta(t, 100*y.Expenditure()/y.SalaryBill, number(t, row[1]), rateTol, "%v %d: cost rate", r, year)
						assert.InDelta(t, 100*y.TotalContributions()/y.SalaryBill, number(t, row[2]), rateTol, "%v %d: contribution rate", r, year)
						assert.InDelta(t, y.Actives/y.TotalPensioners(), number(t, row[5]), ratioTol, "%v %d: support ratio", r, year)
					}
					// The summary line in words.
					line := cells(t, lines, r.String()+":")
					require.Len(t, line, 1)
					assert.Contains(t, line[0], "the reserve runs out in "+depl[c]+"; GAP "+gap[c]+"%", r)
				}
				// The story the words tell (sections 3 and 4): the 2022 law costs
				// least, the 2025 reform most, and the two long-standing laws more
				// than all the salaries.
				g := func(r isstey.Regime) float64 { return number(t, gap[col[r]+1]) }
				assert.Less(t, g(isstey.Law2022), g(isstey.Law1976))
				assert.Greater(t, g(isstey.Reform2025), g(isstey.Law1976))
				assert.Greater(t, g(isstey.Law1976), 100.0)
			})
			t.Run("corrections", func(t *testing.T) {
				lines := p.sections[p.corrections]
				st := shared(t)
				for _, c := range st.corr.steps {
					row := cells(t, lines, c.label)
					require.Len(t, row, 5, c.label)
					assert.InDelta(t, 100*c.metrics.GAP, number(t, row[0]), rateTol, c.label)
					// The change is against the kept corrections before it.
					assert.InDelta(t, 100*(c.metrics.GAP-c.before.GAP), number(t, row[1]), rateTol, c.label)
					assert.InDelta(t, 100*c.metrics.ActuarialBalance, number(t, row[2]), rateTol, c.label)
					assert.Equal(t, depletion(c.metrics), row[3], c.label)
					assert.Equal(t, map[bool]string{true: "yes", false: "no"}[c.kept], row[4], c.label)
				}
				// Funding ratio: the reserve of 2022 over the accrued liability,
				// both as printed (the ratio to 2 decimals of a per cent).
				for i, r := range isstey.Regimes {
					row := cells(t, lines, r.String())
					require.Len(t, row, 3, "%v", r)
					assert.InDelta(t, st.corr.liability[i]/1e9, number(t, row[0]), tenthTol, "%v", r)
					assert.InDelta(t, 100*st.corrected[i].InitialReserve/st.corr.liability[i], number(t, row[2]), rateTol, "%v", r)
				}
			})
			t.Run("ways", func(t *testing.T) {
				lines := p.sections[p.ways]
				for _, w := range shared(t).ways {
					row := cells(t, lines, w.name)
					assert.Equal(t, w.measures, row[0])
					assert.InDelta(t, 100*w.balance, number(t, row[1]), rateTol, w.name)
					assert.GreaterOrEqual(t, number(t, row[1]), 0.0, "%s: balanced", w.name)
					assert.InDelta(t, 100*w.metrics.GAP, number(t, row[2]), rateTol, w.name)
					assert.Equal(t, depletion(w.metrics), row[3], w.name)
				}
			})
			t.Run("risk", func(t *testing.T) {
				lines := p.sections[p.risk]
				r := shared(t).risk
				for i, name := range r.names {
					row := cells(t, lines, name)
					require.Len(t, row, len(riskYears), name)
					o := r.outs[i]
					last := o.StartYear + o.Years - 1
					for k, y := range riskYears {
						if row[k] == "—" {
							assert.Greater(t, y, last, "%s: a year not run", name)
							assert.Less(t, o.ExhaustionBy(last).Value, 1.0, "%s: not every scenario exhausted", name)
							continue
						}
						e := o.ExhaustionBy(min(y, last))
						v, se, ok := strings.Cut(row[k], " ± ")
						require.True(t, ok, row[k])
						// Printed in per cent with one decimal.
						assert.InDelta(t, 100*e.Value, number(t, v), tenthTol, "%s by %d", name, y)
						assert.InDelta(t, 100*e.StdErr, number(t, se), tenthTol, "%s by %d", name, y)
					}
				}
			})
			t.Run("charts", func(t *testing.T) {
				lines := p.sections[p.files]
				out := p.out
				assert.Contains(t, lines[0], out)
				want := []string{"reserve.png", "reserve-solved.png", "cost-rate.png", "support-ratio.png", "exhaustion.png", "frontier.png", "pyramid-2022.png", "pyramid-2050.png"}
				for i := range shared(t).risk.outs {
					want = append(want, fmt.Sprintf("fan-%d.png", i+1))
				}
				reports := []string{reportFile, informeFile, workbookFile}
				printed := 0
				for _, line := range lines[1:] {
					path, _, ok := strings.Cut(strings.TrimSpace(line), ": ")
					require.True(t, ok, line)
					assert.Equal(t, out, filepath.Dir(path))
					printed++
				}
				assert.Equal(t, len(want)+len(reports), printed)
				for _, name := range want {
					b, err := os.ReadFile(filepath.Join(out, name))
					require.NoError(t, err, name)
					assert.True(t, bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")), "%s is a PNG", name)
					assert.Greater(t, len(b), 10000, "%s is not empty", name)
				}
				// The reports: HTML pages in English and Spanish, an xlsx (a zip).
				for _, c := range []struct{ file, prefix, text string }{
					{reportFile, "<!DOCTYPE html>", "illustrative"},
					{informeFile, "<!DOCTYPE html>", "lang=\"es"},
					{workbookFile, "PK", ""},
				} {
					b, err := os.ReadFile(filepath.Join(out, c.file))
					require.NoError(t, err, c.file)
					assert.True(t, bytes.HasPrefix(bytes.TrimSpace(b), []byte(c.prefix)), "%s starts with %q", c.file, c.prefix)
					assert.Contains(t, string(b), c.text, c.file)
				}
				// The reports carry the stochastic fans and who gains and loses.
				for file, heads := range map[string][]string{
					reportFile:  {"Uncertainty", "Who gains and who loses"},
					informeFile: {"Incertidumbre", "Quién gana y quién pierde"},
				} {
					b, err := os.ReadFile(filepath.Join(out, file))
					require.NoError(t, err, file)
					for _, h := range heads {
						assert.Contains(t, string(b), h, file)
					}
				}
			})
		})
	}

	// What only the complete text prints.
	t.Run("full only", func(t *testing.T) {
		t.Run("assumptions", func(t *testing.T) {
			text := strings.Join(full.sections["1"], "\n")
			as := isstey.StatedAssumptions()
			require.NotEmpty(t, as)
			for _, a := range as {
				assert.Contains(t, text, a.Name+": "+a.Value, a.Name)
				assert.Contains(t, text, "why: "+a.Basis, a.Name)
			}
			// The assumptions the issue names: the employer's rate, the
			// early-pension table, salaries.
			for _, name := range []string{"Employer (state) contribution rate", "Reduced-pension tables", "Salaries"} {
				assert.Contains(t, text, name)
			}
		})
		t.Run("drivers", func(t *testing.T) {
			// The attribution adds the study file's own changes to the 1976
			// law, labelled with their descriptions and cited laws.
			lines := full.sections["4"]
			st := shared(t)
			r25 := st.reforms[isstey.Reform2025-1]
			base := number(t, cells(t, lines, "1976 law")[0])
			sum := base
			text := strings.Join(lines, "\n")
			for _, c := range r25.Changes {
				cc, ok := c.(reform.Cited)
				require.True(t, ok, "%v cites no law", c)
				row := cells(t, lines, "+ "+cc.Description())
				ref := row[0]
				assert.Contains(t, text, "  "+ref+" "+cc.Source.String(), "the legend cites %v", cc.Source)
				sum += number(t, row[2])
				// Each step's GAP is the one before plus its change, to the
				// rounding of the three printed figures.
				assert.InDelta(t, sum, number(t, row[1]), 3*rateTol, cc.Description())
				sum = number(t, row[1])
			}
			_, s25 := direct(t, isstey.Reform2025, nil)
			assert.InDelta(t, 100*s25.GAP, sum, rateTol, "the steps end at the 2025 reform's GAP")
			total := cells(t, lines, "= the 2025 reform")
			assert.InDelta(t, 100*s25.GAP, number(t, total[0]), rateTol)
			assert.InDelta(t, 100*s25.GAP-base, number(t, total[1]), 2*rateTol)
			// What the words say: the 2026 measures for women and the reduced
			// scale raise the GAP; the reform raises it overall.
			for _, c := range r25.Changes[len(r25.Changes)-2:] {
				assert.Greater(t, number(t, cells(t, lines, "+ "+c.(reform.Cited).Description())[2]), 0.0, "%v raises the GAP", c)
			}
			assert.Contains(t, text, "The 2025 reform raises the GAP")
			assert.Contains(t, text, "more than the 1976 law's")
		})
		t.Run("risk of the ways", func(t *testing.T) {
			text := strings.Join(full.sections["7"], "\n")
			st := shared(t)
			r := st.risk
			for _, wy := range st.ways {
				i := slices.Index(r.names, "way "+wy.name)
				require.GreaterOrEqual(t, i, 0, wy.name)
				e := r.outs[i].ExhaustionBy(riskLast)
				assert.Contains(t, text, fmt.Sprintf("way %s: on the central path the reserve ", wy.name))
				assert.Contains(t, text, fmt.Sprintf("; in %.1f%% ± %.1f of the scenarios by %d", 100*e.Value, 100*e.StdErr, riskLast), wy.name)
			}
		})
	})

	// What only the short story prints.
	t.Run("short only", func(t *testing.T) {
		t.Run("length", func(t *testing.T) {
			// The issue: the text stays, shorter, pointing to the reports.
			assert.LessOrEqual(t, short.lines, maxShortLines)
			assert.Less(t, 2*short.lines, full.lines, "the short story is under half the complete text")
		})
		t.Run("assumptions", func(t *testing.T) {
			lines := short.sections["1"]
			as := assumptionList()
			require.Len(t, lines, 1+len(as), "a line for each assumption under the heading")
			for k, a := range as {
				assert.Equal(t, "  - ["+basisName[a.Basis]+"] "+a.Name+": "+a.Value, lines[1+k])
			}
		})
		t.Run("who gains by sex", func(t *testing.T) {
			lines := short.sections[short.gains]
			st := shared(t)
			g := st.gains
			// Each sex's change, the sum over its cohorts of the change
			// in the present values, recomputed from each scheme's own
			// cohort values (Result.CohortValues, not reform.WhoGains):
			// way k against the 2025 reform, each law against the 1976 law.
			check := func(label string, gn *reform.Gains, base, reformed []projection.CohortValue) {
				row := cells(t, lines, label)
				require.Len(t, row, 5, label)
				for j, sex := range []actuarial.Sex{actuarial.Male, actuarial.Female} {
					var ben, con float64
					for _, cvs := range []struct {
						cv   []projection.CohortValue
						sign float64
					}{{base, -1}, {reformed, 1}} {
						for _, c := range cvs.cv {
							if c.Sex == sex {
								ben += cvs.sign * c.Benefits
								for _, x := range c.Contributions {
									con += cvs.sign * x
								}
							}
						}
					}
					assert.InDelta(t, ben/1e9, number(t, row[2*j]), tenthTol, "%s, %v: benefits", label, sex)
					assert.InDelta(t, con/1e9, number(t, row[2*j+1]), tenthTol, "%s, %v: contributions", label, sex)
				}
				assert.InDelta(t, 100*gn.LosingShare, number(t, row[4]), rateTol, label)
			}
			nr := len(isstey.Regimes)
			for k, gn := range g.gains {
				check("way "+st.ways[k].name, gn, g.worth[isstey.Reform2025], g.worth[nr+k])
			}
			for k, gn := range g.lawGains {
				check(isstey.Regimes[k+1].String(), gn, g.worth[isstey.Law1976], g.worth[k+1])
			}
			// The model workers' replacement rates, in whole per cent.
			for k, o := range g.workers[0] {
				row := cells(t, lines, o.Worker.Name)
				require.Len(t, row, len(g.workers), o.Worker.Name)
				for i := range g.workers {
					assert.InDelta(t, 100*g.workers[i][k].Replacement, number(t, row[i]), 0.5+1e-9, "%s, %s", g.names[i], o.Worker.Name)
				}
			}
		})
	})

	t.Run("same files", func(t *testing.T) {
		// The short story and the complete text write the same charts,
		// reports and workbook.
		entries, err := os.ReadDir(full.out)
		require.NoError(t, err)
		require.NotEmpty(t, entries)
		for _, e := range entries {
			a, err := os.ReadFile(filepath.Join(full.out, e.Name()))
			require.NoError(t, err)
			b, err := os.ReadFile(filepath.Join(short.out, e.Name()))
			require.NoError(t, err, e.Name())
			if e.Name() == workbookFile {
				// reform/xlsx numbers two of its cell styles in map order,
				// which varies from run to run: compare the cells' values.
				a, b = workbookCells(t, a), workbookCells(t, b)
			}
			assert.True(t, bytes.Equal(a, b), "%s differs", e.Name())
		}
	})
}

// cellStyle is the style attribute of a cell or a column in a worksheet
// of an xlsx file.
var cellStyle = regexp.MustCompile(` (s|style)="[0-9]+"`)

// workbookCells returns the parts of an xlsx file but its styles, one
// after the other, with the style numbers of cells and columns left out.
func workbookCells(t *testing.T, xlsx []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	require.NoError(t, err)
	var out bytes.Buffer
	for _, f := range zr.File {
		if f.Name == "xl/styles.xml" {
			continue
		}
		rc, err := f.Open()
		require.NoError(t, err, f.Name)
		b, err := io.ReadAll(rc)
		require.NoError(t, err, f.Name)
		require.NoError(t, rc.Close())
		out.WriteString(f.Name + "\n")
		out.Write(cellStyle.ReplaceAll(b, nil))
	}
	return out.Bytes()
}

// byYearRow returns the cells after year and scenario of the table by year.
func byYearRow(t *testing.T, lines []string, year int, scenario string) []string {
	t.Helper()
	prefix := strconv.Itoa(year) + "  " + scenario + " "
	for _, line := range lines {
		if strings.HasPrefix(line, prefix) {
			return columns.Split(strings.TrimSpace(strings.TrimPrefix(line, prefix)), -1)
		}
	}
	require.FailNow(t, "no row for "+prefix)
	return nil
}

func TestRunMissingData(t *testing.T) {
	err := run(io.Discard, t.TempDir(), t.TempDir(), testScenarios, false)
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Contains(t, err.Error(), StudyFile)
}

func TestFindDataDir(t *testing.T) {
	assert.Equal(t, dataDir, filepath.ToSlash(findDataDir()), "from examples/yucatan")
}

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{count(31000), "31,000"},
		{count(-1234567.4), "−1,234,567"},
		{count(-0.4), "0"},
		{pct(1.030712), "103.07%"},
		{pct(-0.000001), "0.00%"},
		{points(0.0232), "+2.32"},
		{points(-0.0055), "−0.55"},
		{rate(0.11), "11%"},
		{rate(0.0175), "1.75%"},
		{rate(1), "100%"},
		{millions(-13.3e6), "−13.3 M"},
		{plusBillions(4.2e9), "+4.2 bn"},
		{plusBillions(-6.5e9), "−6.5 bn"},
	} {
		assert.Equal(t, c.want, c.got)
	}
}

// BenchmarkRun times the whole example: reading the census, the three
// regimes, the attribution, the solver and the six charts.
func BenchmarkRun(b *testing.B) {
	out := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if err := run(io.Discard, dataDir, out, testScenarios, false); err != nil {
			b.Fatal(err)
		}
	}
}
