// Command gen writes the illustrative ISSTEY-like census of the Yucatán
// example: actives.csv and pensioners.csv, drawn by isstey.Generate from a
// seed with the calibrated defaults (isstey.Config{}). Run it from the
// repository root:
//
//	go run ./examples/yucatan/gen -seed 1 -out testdata/isstey
//
// The committed files testdata/isstey/*.csv are those of seed 1; the
// package's test checks that this command reproduces them byte for byte.
// The population is illustrative, not ISSTEY's census.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/reserva-go/reserva/examples/yucatan/isstey"
)

func main() {
	seed := flag.Uint64("seed", isstey.DefaultSeed, "seed of the PCG generator")
	out := flag.String("out", "testdata/isstey", "directory to write actives.csv and pensioners.csv to")
	flag.Parse()
	if err := run(os.Stdout, *seed, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run generates the census of seed and writes it to the directory out,
// reporting to w.
func run(w io.Writer, seed uint64, out string) error {
	c, err := isstey.Generate(seed, isstey.Config{})
	if err != nil {
		return err
	}
	if err := isstey.WriteCensus(out, c); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s: %d actives, %d pensioners on 1 January %d (seed %d)\n%s\n",
		out, len(c.Actives), len(c.Pensioners), c.Year, seed, isstey.Disclaimer)
	return err
}
